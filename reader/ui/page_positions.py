"""Where each heading and paragraph of the report starts in a rendered page (a `QTextDocument`).

Used by the document view (to scroll, select and highlight) and by printing (to paint highlights on the printed
page). The fast way finds each title and paragraph text in the page's plain text, in reading order; when some text
is not where it is expected, the anchors are read from the page's character formats instead.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QTextDocument

from reader.content import Section


def page_positions(document: QTextDocument, sections: Sequence[Section]) -> dict[str, int]:
    """Each section id and paragraph id of `sections` mapped to where its text starts in `document`."""
    return _found_in_text(document, sections) or _read_from_anchors(document)


def _found_in_text(document: QTextDocument, sections: Sequence[Section]) -> dict[str, int] | None:
    text = document.toPlainText().replace("\xa0", " ")
    positions: dict[str, int] = {}
    cursor = 0
    for section in sections:
        for name, words in ((section.id, section.title), *((p.id, p.text) for p in section.paragraphs)):
            at = text.find(words.replace("\xa0", " "), cursor)
            if at < 0:
                return None
            positions[name] = at
            cursor = at + len(words)
    return positions


def _read_from_anchors(document: QTextDocument) -> dict[str, int]:
    positions: dict[str, int] = {}
    block = document.begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            fragment = fragments.fragment()
            for name in fragment.charFormat().anchorNames():
                positions.setdefault(name, fragment.position())
            fragments += 1
        block = block.next()
    return positions
