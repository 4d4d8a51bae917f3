"""The Arabic interface as a reader meets it: every marked string reaches the translation (lupdate misses a
self.tr('…') written inside an f-string), the About box, glossary panel and erase dialog are in Arabic and read from the
right, keys read "Ctrl+=" and not "=+Ctrl", and no Arabic is set in italics."""

from __future__ import annotations

import ast
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QFont, QKeySequence, QTextDocument, QTextLayout, QTextOption
from PySide6.QtWidgets import QLabel, QSplitter, QTextBrowser

from reader.ui import language
from reader.ui.actions import ActionName

READER = Path(language.__file__).resolve().parent.parent
TS_FILE = language.TRANSLATIONS / "field_reader_ar.ts"
TRANSLATING_CALLS = {"tr", "translate", "QT_TRANSLATE_NOOP"}


def _call_name(node: ast.Call) -> str | None:
    return node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", None)


def _literal(node: ast.expr) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _is_self(function: ast.expr) -> bool:
    """Whether a call is `self.tr(…)`: translated in the context of the class it is written in."""
    return isinstance(function, ast.Attribute) and getattr(function.value, "id", None) == "self"


def _marked_in(path: Path) -> Iterator[tuple[str, str]]:
    """(context, source) for every string `path` marks for translation, f-strings included."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    classes = [node for node in ast.walk(tree) if isinstance(node, ast.ClassDef)]
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or _call_name(node) not in TRANSLATING_CALLS:
            continue
        if _call_name(node) == "tr" and _is_self(node.func) and node.args and _literal(node.args[0]) is not None:
            owner = [cls.name for cls in classes if cls.lineno <= node.lineno <= (cls.end_lineno or cls.lineno)]
            if owner:
                yield owner[-1], _literal(node.args[0])
        elif len(node.args) >= 2 and _literal(node.args[0]) is not None and _literal(node.args[1]) is not None:
            yield _literal(node.args[0]), _literal(node.args[1])


def _sources() -> list[Path]:
    """The files update.sh hands lupdate: the window's modules and the core's (not the command line's)."""
    return sorted(path for path in READER.rglob("*.py") if path.relative_to(READER).parts[0] != "cli")


def test_every_string_the_code_marks_is_in_the_arabic_translation() -> None:
    """Each self.tr("…"), translate("Context", "…") and QT_TRANSLATE_NOOP the code holds, wherever it is written,
    is in the .ts: lupdate misses some (self.tr('…') inside an f-string, as the About box and the glossary panel
    had), and a string missing there is shown in English."""
    in_ts = {
        (context.findtext("name"), message.findtext("source"))
        for context in ET.parse(TS_FILE).getroot().iter("context")
        for message in context.iter("message")
    }
    marked = {pair for path in _sources() for pair in _marked_in(path)}
    assert len(marked) > 400  # the walk saw the code's strings
    assert sorted(marked - in_ts) == []


# What an Arabic reader sees


def _arabic_letters(text: str) -> int:
    return sum("\u0600" <= char <= "\u06ff" for char in text)


def _italic_arabic(document: QTextDocument) -> list[str]:
    """Runs of Arabic text set in italics in `document` (many fonts' italics have no Arabic: empty boxes)."""
    found = []
    block = document.begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            if fragment.charFormat().fontItalic() and _arabic_letters(fragment.text()):
                found.append(fragment.text())
            iterator += 1
        block = block.next()
    return found


def test_the_about_box_is_in_arabic_and_reads_from_the_right(arabic, qtbot, report) -> None:
    from reader.ui.about_dialog import AboutDialog

    dialog = AboutDialog(report, portable=False)
    qtbot.addWidget(dialog)
    body = dialog.findChild(QLabel, "aboutText")
    document = QTextDocument()
    document.setHtml(body.text())
    text = document.toPlainText()
    for english in ("An offline reader", "Content checksum", "Corrections to the source text"):
        assert english not in text
    assert "قارئ يعمل دون اتصال" in text
    heading = document.begin()
    assert heading.text().startswith("Field Reader")
    assert heading.textDirection() == Qt.LayoutDirection.RightToLeft
    # The report's own English title keeps reading left to right inside the Arabic table.
    title = document.find(report.manifest.title).block()
    assert title.textDirection() == Qt.LayoutDirection.LeftToRight


def test_the_glossary_panel_labels_its_entry_in_arabic_without_italics(arabic, qtbot, report) -> None:
    from reader.glossary import load_glossary
    from reader.ui.glossary_panel import GlossaryPanel

    glossary = load_glossary(report)
    panel = GlossaryPanel(glossary, report)
    qtbot.addWidget(panel)
    splitter = panel.findChild(QSplitter, "glossarySplitter")
    assert splitter is not None and _arabic_letters(splitter.accessibleName())
    entry = panel.findChild(QTextBrowser, "glossaryEntry")
    occurring = {occurrence.term_id for occurrence in glossary.occurrences()}
    linked = next(term for term in glossary.sorted_terms() if term.aliases and term.related and term.id in occurring)
    panel.show_term(linked.id)
    shown = entry.toPlainText()
    for english in ("Also:", "Related:", "In the report:", "Search the report for this term"):
        assert english not in shown
    for arabic_label in ("أسماء بديلة:", "مداخل ذات صلة:", "في التقرير:", "ابحث عن هذا المصطلح في التقرير"):
        assert arabic_label in shown
    background = next(term for term in glossary.sorted_terms() if term.id not in occurring)
    panel.show_term(background.id)
    assert "Background" not in entry.toPlainText() and "خلفية" in entry.toPlainText()
    assert _italic_arabic(entry.document()) == []


def test_the_erase_dialog_says_in_arabic_what_goes(arabic, qtbot) -> None:
    from reader.lock.erase import WHAT_GOES
    from reader.ui.erase_dialog import EraseDialog

    dialog = EraseDialog()
    qtbot.addWidget(dialog)
    listed = dialog.informativeText()
    assert listed.count("•") == len(WHAT_GOES)
    for item in WHAT_GOES:
        assert item[1:] not in listed  # "our notes and highlights, …" whatever the first letter's case
    assert "ملاحظاتك وتظليلاتك" in listed and "قفل الخصوصية" in listed


def test_the_erase_dialog_lists_what_goes_in_english_too(qtbot) -> None:
    from reader.ui.erase_dialog import EraseDialog

    dialog = EraseDialog()
    qtbot.addWidget(dialog)
    assert "• Your notes and highlights, imported layers and tags" in dialog.informativeText()


@pytest.mark.parametrize("name", sorted(path.stem for path in (READER / "help" / "ar").glob("*.md")))
def test_no_arabic_help_page_sets_arabic_in_italics(name: str, qapp) -> None:
    from reader.ui.help_window import help_pages, page_html

    page = next(page for page in help_pages("ar") if page.name == name)
    document = QTextDocument()
    document.setHtml(page_html(page, right_to_left=True))
    assert _italic_arabic(document) == []


# Keys in a right-to-left interface


def _x_of(text: str, index: int) -> float:
    """Where the character at `index` of `text` is drawn on a right-to-left line, as Qt lays it out."""
    layout = QTextLayout(text, QFont())
    option = QTextOption()
    option.setTextDirection(Qt.LayoutDirection.RightToLeft)
    layout.setTextOption(option)
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(1000)
    layout.endLayout()
    runs = layout.glyphRuns(index, 1)
    return min(run.positions()[0].x() for run in runs if run.positions())


def _reads_in_order(text: str, first: str, last: str) -> bool:
    """Whether `first` is drawn to the left of `last` (left to right, as printed on the keyboard)."""
    start, end = text.index(first), text.rindex(last)
    return _x_of(text, start) < _x_of(text, end)


@pytest.mark.parametrize(
    "action_name", [ActionName.ZOOM_IN, ActionName.ZOOM_OUT, ActionName.SHOW_SHORTCUTS, ActionName.REFERENCE_MODE]
)
def test_a_menu_shows_its_key_as_printed_in_arabic(arabic, make_window, action_name: ActionName) -> None:
    window = make_window()
    action = window.findChild(QAction, action_name.value)
    shown = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)  # what QMenu draws
    assert shown.replace(language.LEFT_TO_RIGHT_ISOLATE, "").startswith("Ctrl+")
    assert _reads_in_order(shown, "C", shown[-1])


def test_the_shortcuts_sheet_shows_zoom_keys_as_printed_in_arabic(arabic, make_window) -> None:
    from reader.ui.shortcuts_dialog import ShortcutsDialog

    window = make_window()
    sheet = ShortcutsDialog(window.findChildren(QAction), window)
    zoom = window.findChild(QAction, ActionName.ZOOM_IN.value).text().replace("&", "").rstrip("…")
    keys = next(keys for what, keys in sheet.visible_rows() if what == zoom)
    plain = keys.replace(language.LEFT_TO_RIGHT_ISOLATE, "").replace(language.POP_DIRECTIONAL_ISOLATE, "")
    assert plain.startswith("Ctrl+=")
    assert _reads_in_order(keys, "C", "=")


def test_keys_inside_an_arabic_sentence_keep_their_order_and_the_sentence_its_own(arabic, qapp) -> None:
    keys = language.shown_keys(QKeySequence("Ctrl+=").toString(QKeySequence.SequenceFormat.NativeText))
    sentence = f"اضغط {keys} للتكبير"
    assert _reads_in_order(sentence, "C", "=")
    # The word after the keys stays after them: further left in a right-to-left line.
    assert _x_of(sentence, sentence.index("للتكبير")) < _x_of(sentence, sentence.index("C"))
    assert _x_of(sentence, sentence.index("C")) < _x_of(sentence, sentence.index("اضغط"))


def test_keys_are_left_as_they_are_in_english(qapp) -> None:
    assert language.shown_keys(QKeySequence("Ctrl+=").toString(QKeySequence.SequenceFormat.NativeText)) == "Ctrl+="


def test_arabic_keys_still_work(arabic, make_window, qtbot) -> None:
    window = make_window()
    action = window.findChild(QAction, ActionName.ZOOM_IN.value)
    assert action.shortcut() == QKeySequence("Ctrl+=", QKeySequence.SequenceFormat.PortableText)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.document.setFocus()
    with qtbot.waitSignal(action.triggered, timeout=2000):
        qtbot.keyClick(window.document, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
