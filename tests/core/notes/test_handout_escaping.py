"""A Markdown (or HTML) handout shows a note's text as typed: nothing in a note adds a heading, rule, code block,
link, image, table or HTML to the document a reader opens."""

from __future__ import annotations

import datetime as dt
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.content import Report
from reader.notes.anchoring import anchor_from_selection
from reader.notes.export import export_notes
from reader.notes.handout import HandoutEntry, render_html, render_markdown
from reader.notes.note import Color, Style
from reader.notes.store import NoteStore

HOSTILE_LINES = [
    "# not a heading",
    "Setext heading above",
    "===",
    "and another",
    "---",
    "    four spaces would be a code block",
    "\tso would a tab",
    "```",
    "fenced code",
    "~~~",
    "<script>alert('x')</script>",
    "<img src=x onerror=alert(1)> <!-- comment -->",
    "[click](javascript:alert(1)) ![pic](http://tracker.example/p.png) <http://auto.example>",
    "[ref]: http://evil.example",
    "| a | b |",
    "|---|---|",
    "- a list item",
    "+ another",
    "* and another",
    "1. numbered",
    "2) numbered too",
    "> a quote",
    "***",
    "___",
    "Term",
    ": definition",
    "!!! note",
    "*stars* _underscores_ **bold** ~~struck~~ `code` \\backslash &amp; &copy; {: #id .class}",
    "ends with a backslash \\",
]
HOSTILE = "\n".join(HOSTILE_LINES)
# Everything a handout is allowed to be made of: its own headings, the quote, paragraphs, line breaks, the details.
HANDOUT_TAGS = {"h1", "h2", "blockquote", "p", "br", "em"}


class _Elements(HTMLParser):
    """The tags of an HTML fragment and the text of each paragraph."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.paragraphs: list[str] = []
        self._open = 0
        self._after_break = False

    def handle_starttag(self, tag: str, attrs) -> None:
        self.tags.append(tag)
        if tag == "p":
            self.paragraphs.append("")
            self._open += 1
        elif tag == "br" and self._open:
            self.paragraphs[-1] += "\n"
            self._after_break = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "p":
            self._open -= 1

    def handle_data(self, data: str) -> None:
        if self._open:
            # Python-Markdown writes "<br />" and then the source's line break: a line break in the text is the <br>.
            self.paragraphs[-1] += data.removeprefix("\n") if self._after_break else data
        self._after_break = False


def entry(note: str, *, quote: str = "a fragile ceasefire", tags: tuple[str, ...] = ("class",)) -> HandoutEntry:
    return HandoutEntry(
        section_id="overview",
        section_title="Overview",
        paragraph_number=1,
        quote=quote,
        note=note,
        tags=tags,
        color=Color.YELLOW,
        style=Style.HIGHLIGHT,
        layer="mine",
        author="Ms Haddad",
        created=dt.datetime(2024, 5, 1, tzinfo=dt.UTC),
        orphaned=False,
    )


def rendered(document: str, extensions: tuple[str, ...] = ()) -> _Elements:
    elements = _Elements()
    elements.feed(markdown.markdown(document, extensions=list(extensions)))
    return elements


def _indent_kept(line: str) -> str:
    """The line as a handout shows it: indentation as no-break spaces (a tab as four)."""
    body = line.lstrip(" \t")
    return "\u00a0" * len(line[: len(line) - len(body)].expandtabs(4)) + body.rstrip()


def words(text: str) -> list[str]:
    return text.split()


@pytest.mark.parametrize("extensions", [(), ("extra", "admonition")], ids=["plain", "extra"])
def test_a_hostile_note_comes_out_as_its_own_text_and_nothing_else(extensions: tuple[str, ...]) -> None:
    document = render_markdown([entry(HOSTILE)], "Notes")

    elements = rendered(document, extensions)

    assert "&\\#" not in document  # an entity is written whole, so CommonMark readers decode it too
    assert set(elements.tags) <= HANDOUT_TAGS
    assert elements.tags.count("h1") == 1
    assert elements.tags.count("h2") == 1
    note = elements.paragraphs[1]
    assert note.splitlines() == [_indent_kept(line) for line in HOSTILE_LINES]


def test_four_leading_spaces_stay_visible_as_indentation() -> None:
    elements = rendered(render_markdown([entry("    indented")], "Notes"))
    assert elements.paragraphs[1].startswith("\u00a0" * 4 + "indented")


def test_a_hostile_quote_tag_title_and_heading_stay_text() -> None:
    hostile_quote = "# quoted\n---\n<b>bold</b> [a](javascript:x)"
    document = render_markdown(
        [entry("plain", quote=hostile_quote, tags=("<i>tag</i>", "# t\n===", "[x](file:///etc/passwd)"))],
        "Notes on <script>x</script>\n# and",
    )

    elements = rendered(document, ("extra",))

    assert set(elements.tags) <= HANDOUT_TAGS
    assert elements.tags.count("h1") == 1
    text = "".join(elements.paragraphs)
    assert "<b>bold</b> [a](javascript:x)" in text
    assert "Tags: <i>tag</i>, # t ===, [x](file:///etc/passwd)" in text


@settings(max_examples=300, deadline=None)
@given(st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=80).filter(str.strip))
def test_any_note_text_makes_no_markup_and_keeps_its_words(note: str) -> None:
    elements = rendered(render_markdown([entry(note)], "Notes"), ("extra",))

    assert set(elements.tags) <= HANDOUT_TAGS
    assert words(" ".join(elements.paragraphs[1:-1])) == words(note)


def test_an_exported_markdown_handout_of_a_real_note_is_safe(report: Report, data_dir: Path, tmp_path: Path) -> None:
    quote = "fragile ceasefire"
    start = report.paragraph("overview-p1").text.index(quote)
    with NoteStore(data_dir) as store:
        store.add(anchor_from_selection(report, "overview-p1", start, start + len(quote)), text=HOSTILE, tags=["<x>"])
        notes = store.notes()

    path = export_notes(tmp_path / "handout.md", "md", notes, report)

    elements = rendered(path.read_text(encoding="utf-8"), ("extra",))
    assert set(elements.tags) <= HANDOUT_TAGS
    assert "<script>alert('x')</script>" in "".join(elements.paragraphs)


def test_the_html_handout_escapes_every_piece_of_a_note() -> None:
    page = render_html([entry(HOSTILE, quote="<b>q</b>", tags=("<i>t</i>",))], "Notes <script>x</script>")

    elements = _Elements()
    elements.feed(page)
    assert not {"script", "img", "a", "b", "i", "pre", "table", "hr"} & set(elements.tags)
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
    assert "Tags: &lt;i&gt;t&lt;/i&gt;" in page
