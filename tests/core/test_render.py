"""Rendering: every paragraph gets an anchor; reference mode numbers paragraphs."""

from __future__ import annotations

from reader.render import RenderOptions, render_report, render_section


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
