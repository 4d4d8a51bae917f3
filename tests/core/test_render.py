"""Rendering: every paragraph gets an anchor; reference mode numbers paragraphs."""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path

import pytest

from reader.content import Report, load_report
from reader.render import RenderOptions, render_report, render_section

TRICKY = """# Methods

We used **three** sources, 3 < 4 &amp; `a<b>` code, [a link](https://example.org) and a <b>tag</b>.

2. Gather the *evidence*.
3. Publish it.

- a point about the `ICJ`

> A quoted *line*.
>
> — A witness

!!! callout
    Act **now**
"""


def test_every_section_and_paragraph_has_an_anchor(report):
    html = render_report(report)
    for section in report.sections:
        assert f'<a name="{section.id}"></a>' in html
        for paragraph in section.paragraphs:
            assert f'<a name="{paragraph.id}"></a>' in html


def test_reference_mode_numbers_citable_paragraphs_only(report):
    section = report.section("overview")
    plain = render_section(section)
    numbered = render_section(section, RenderOptions(reference_mode=True))
    assert "¶1" not in plain
    assert "¶3" in numbered and "¶4" not in numbered  # the two call-out lines are not numbered


def test_quote_and_callout_are_set_apart(report):
    html = render_report(report)
    assert "<blockquote>" in html and 'class="attribution"' in html
    assert html.count('<table class="callout"') == 4


def test_lists_render_as_lists(report):
    html = render_section(report.section("how-apartheid-is-imposed"))
    assert html.count("<li>") == 4


@pytest.fixture
def tricky(tmp_path: Path, report: Report) -> Report:
    """A report whose Markdown uses every construct the reader supports."""
    folder = tmp_path / "content"
    shutil.copytree(report.folder, folder)
    (folder / "report.md").write_text(TRICKY, encoding="utf-8")
    return load_report(folder)


def shown_after(page: str, paragraph_id: str) -> str:
    """The text a reader sees after a paragraph's anchor, up to the end of its block."""
    after = re.split(r"</(?:p|li)>", page.split(f'<a name="{paragraph_id}"></a>', 1)[1], maxsplit=1)[0]
    return " ".join(html.unescape(re.sub(r"<[^>]*>", "", after)).split())


def test_each_paragraph_shows_exactly_its_text_right_after_its_anchor(tricky: Report):
    # Notes are placed by offsets into `Paragraph.text` counted from the anchor, so the two must agree.
    page = render_report(tricky)
    shown = {paragraph.id: shown_after(page, paragraph.id) for paragraph in tricky.paragraphs()}
    assert shown == {paragraph.id: paragraph.text for paragraph in tricky.paragraphs()}
    assert shown["methods-p1"] == "We used three sources, 3 < 4 & a<b> code, a link and a <b>tag</b>."


def test_a_numbered_list_shows_each_number_once_as_part_of_its_item(tricky: Report):
    page = render_section(tricky.section("methods"))
    assert '<a name="methods-p2"></a>2. Gather the <em>evidence</em>.' in page
    assert '<ol style="list-style-type: none">' in page  # the list draws no second number of its own


def test_inline_markdown_is_rendered_in_every_kind_of_block(tricky: Report):
    page = render_section(tricky.section("methods"))
    assert "<strong>three</strong>" in page
    assert '<a href="https://example.org">a link</a>' in page
    assert "<code>a&lt;b&gt;</code>" in page
    assert '<p class="quote"><a name="methods-p5"></a>A quoted <em>line</em>.</p>' in page
    assert '<p class="callout"><a name="methods-c1"></a>Act <strong>now</strong></p>' in page


def test_default_reading_settings_add_no_style_and_keep_the_cached_page():
    from reader.prefs import ReadingSettings
    from reader.render import reading_css

    assert reading_css(ReadingSettings()) == ""
    # Reading settings never reach the page's HTML or its cache name: one cached page serves them all.
    assert RenderOptions().key == "v5-ref0"


def test_reading_settings_become_style_rules_for_the_font_and_the_line_spacing():
    from reader.prefs import ReadingSettings
    from reader.render import reading_css

    css = reading_css(ReadingSettings(font="serif", line_spacing=1.8, column_width=60, text_size=2))
    assert "body { font-family: 'DejaVu Serif', serif; }" in css
    assert "p, li { line-height: 180%; }" in css
    assert "DejaVu Sans" in reading_css(ReadingSettings(font="sans"))
    assert "font-family" not in reading_css(ReadingSettings(line_spacing=1.0))
