"""Loading the content folder: the whole report, in sections, with stable anchors, and clear errors."""

from __future__ import annotations

import json
import re
import shutil
import sys
from pathlib import Path

import pytest

from reader.content import BlockKind, load_report, plain_text, slugify
from reader.errors import ContentError, ReaderError

# The report's source text, as supplied (../shared/seeds/000_2b3e43c7ad1deb16.txt beside the repository);
# a copy lives in tests/data so a clean clone checks the content against it too.
SEED = Path(__file__).resolve().parents[1] / "data" / "source-text.txt"
SHARED_SEED = Path(__file__).resolve().parents[3] / "shared" / "seeds" / "000_2b3e43c7ad1deb16.txt"
CORRECTIONS = {"isone": "is one", "IC J": "ICJ", "occasions .": "occasions."}


def seed_lines() -> list[str]:
    lines = []
    for line in SEED.read_text(encoding="utf-8").splitlines():
        for wrong, right in CORRECTIONS.items():
            line = line.replace(wrong, right)
        line = line.removeprefix("- ").strip()
        if line:
            lines.append(line)
    return lines


@pytest.mark.skipif(not SHARED_SEED.exists(), reason="the shared seed folder sits beside the repository")
def test_the_copy_of_the_source_text_is_the_shared_one():
    assert SEED.read_bytes() == SHARED_SEED.read_bytes()


def test_every_line_of_the_source_is_a_heading_or_a_paragraph_word_for_word(report):
    texts = {paragraph.text for paragraph in report.paragraphs()} | {section.title for section in report.sections}
    missing = [line for line in seed_lines() if line not in texts]
    assert missing == []


def test_nothing_is_shown_that_the_source_does_not_say(report):
    lines = set(seed_lines())
    extra = [paragraph.text for paragraph in report.paragraphs() if paragraph.text not in lines]
    assert extra == []


def test_headings_nest_from_part_to_subsection(report):
    path = [section.title for section in report.heading_path("red-wolf")]
    assert path == [
        "Israel’s system of apartheid",
        "How does Israel impose apartheid against Palestinians?",
        "Automated Apartheid",
    ]


def test_the_deir_al_balah_testimony_is_a_quote_with_its_attribution(report):
    kinds = {paragraph.kind for paragraph in report.paragraphs() if "Deir al-Balah, it’s like" in paragraph.text}
    assert kinds == {BlockKind.QUOTE}
    attribution = [paragraph for paragraph in report.paragraphs() if paragraph.kind is BlockKind.ATTRIBUTION]
    assert len(attribution) == 1 and attribution[0].text.startswith("Mohammed who fled")


def test_campaign_lines_are_callouts_not_headings(report):
    titles = {section.title for section in report.sections}
    assert "Stop the genocide now" not in titles
    callouts = [paragraph for paragraph in report.paragraphs() if paragraph.text == "Stop the genocide now"]
    assert len(callouts) == 4 and all(paragraph.kind is BlockKind.CALLOUT for paragraph in callouts)


def test_list_items_are_their_own_paragraphs(report):
    items = [paragraph.text for paragraph in report.section("how-apartheid-is-imposed").paragraphs]
    assert "segregation and domination" in items


def test_paragraph_ids_are_unique_and_stable_across_loads(report):
    again = load_report(report.folder)
    ids = [paragraph.id for paragraph in report.paragraphs()]
    assert len(ids) == len(set(ids))
    assert ids == [paragraph.id for paragraph in again.paragraphs()]
    assert report.checksum == again.checksum


def test_manifest_gives_edition_and_lists_the_corrections(report):
    manifest = report.manifest
    assert manifest.edition_date == "2025-02-11"
    assert manifest.publisher == "Amnesty International"
    assert any("isone" in correction for correction in manifest.corrections)


@pytest.mark.parametrize(
    ("title", "slug"),
    [("Israel’s genocide in Gaza", "israels-genocide-in-gaza"), ("What is genocide?", "what-is-genocide")],
)
def test_section_ids_are_readable_slugs(title, slug):
    assert slugify(title) == slug


def test_inline_markdown_becomes_plain_text():
    assert plain_text("A **bold** and *soft* [link](https://example.org)") == "A bold and soft link"


@pytest.fixture
def content_copy(tmp_path: Path, report) -> Path:
    folder = tmp_path / "content"
    shutil.copytree(report.folder, folder)
    return folder


def test_missing_folder_is_reported(tmp_path):
    with pytest.raises(ContentError, match="does not exist"):
        load_report(tmp_path / "nowhere")


def test_missing_manifest_is_reported(content_copy):
    (content_copy / "manifest.json").unlink()
    with pytest.raises(ReaderError, match=r"has no manifest\.json"):
        load_report(content_copy)


def test_manifest_with_bad_json_names_the_line(content_copy):
    (content_copy / "manifest.json").write_text('{\n"title": "x",\n oops\n}', encoding="utf-8")
    with pytest.raises(ContentError, match="line 3 is not valid JSON"):
        load_report(content_copy)


def test_manifest_missing_a_key_says_which(content_copy):
    data = json.loads((content_copy / "manifest.json").read_text(encoding="utf-8"))
    del data["edition_date"]
    (content_copy / "manifest.json").write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ContentError, match="lacks edition_date"):
        load_report(content_copy)


def test_markdown_without_headings_is_reported(content_copy):
    (content_copy / "report.md").write_text("", encoding="utf-8")
    with pytest.raises(ContentError, match="no headings"):
        load_report(content_copy)


def test_text_before_the_first_heading_is_reported(content_copy):
    (content_copy / "report.md").write_text("Hello\n\n# Title\n\nBody\n", encoding="utf-8")
    with pytest.raises(ContentError, match="line 1 has text before the first heading"):
        load_report(content_copy)


def test_bad_encoding_names_the_file_and_line(content_copy):
    (content_copy / "report.md").write_bytes(b"# Title\n\nCaf\xe9\n")
    with pytest.raises(ContentError, match=r"report.md: line 3 is not valid UTF-8"):
        load_report(content_copy)


def test_listed_file_missing_is_reported(content_copy):
    (content_copy / "report.md").unlink()
    with pytest.raises(ContentError, match=r"lists report\.md, which is missing"):
        load_report(content_copy)


def test_repeated_explicit_ids_are_refused(content_copy):
    (content_copy / "report.md").write_text("# One {#same}\n\nA\n\n# Two {#same}\n\nB\n", encoding="utf-8")
    with pytest.raises(ContentError, match="repeats the section id “same”"):
        load_report(content_copy)


def test_repeated_titles_get_distinct_ids(content_copy):
    (content_copy / "report.md").write_text("# Notes\n\nA\n\n# Notes\n\nB\n", encoding="utf-8")
    assert [section.id for section in load_report(content_copy).sections] == ["notes", "notes-2"]


def write_report(folder: Path, markdown: str) -> None:
    (folder / "report.md").write_text(markdown, encoding="utf-8")


def test_a_numbered_list_keeps_its_numbers_in_each_items_text(content_copy):
    write_report(content_copy, "# Steps\n\nWhat we did:\n\n3. Gather the *evidence*.\n4. Publish it.\n")
    items = load_report(content_copy).section("steps").paragraphs[1:]
    assert [item.text for item in items] == ["3. Gather the evidence.", "4. Publish it."]
    assert [(item.kind, item.ordered, item.number) for item in items] == [
        (BlockKind.LIST_ITEM, True, 2),
        (BlockKind.LIST_ITEM, True, 3),
    ]


def test_a_bulleted_list_after_a_numbered_one_is_a_list_of_its_own(content_copy):
    write_report(content_copy, "# Steps\n\n1. First\n2. Second\n\n- a point\n")
    items = load_report(content_copy).section("steps").paragraphs
    assert [(item.text, item.ordered) for item in items] == [
        ("1. First", True),
        ("2. Second", True),
        ("a point", False),
    ]
    assert items[1].group != items[2].group


def test_a_section_id_of_ones_own_is_never_part_of_the_title(content_copy):
    write_report(content_copy, "# Method {#method-2024}\n\nBody.\n\nSetext title {#setext}\n-----\n\nMore.\n")
    sections = load_report(content_copy).sections
    assert [(section.id, section.title) for section in sections] == [
        ("method-2024", "Method"),
        ("setext", "Setext title"),
    ]


@pytest.mark.parametrize(
    "heading",
    [
        "## Method {#Bad_Id}",
        "## Method {#}",
        "## Method {#method",
        "## Method{#method}",
        "## Method {#method .lead}",
        "## Sets {A, B}",
    ],
)
def test_a_malformed_section_id_is_refused_in_one_line_naming_file_and_line(content_copy, heading):
    write_report(content_copy, f"# Intro\n\nText.\n\n{heading}\n\nBody.\n")
    with pytest.raises(
        ContentError, match=r"^Cannot load report\.md: line 5 ends its heading with “\{.*not a section id"
    ):
        load_report(content_copy)


@pytest.mark.parametrize(
    ("body", "line", "problem"),
    [
        ("Text.\n\n![A map](map.png)\n", 5, "has an image"),
        ("Text.\n\n    indented text\n", 5, "indented by four spaces"),
        ("Text.\n\n!!! warning\n    Careful.\n", 5, "“!!! warning” box"),
        ('!!! callout "Act"\n    Now.\n', 3, "gives a call-out box a title"),
        ("- one\n    - nested\n- two\n", 3, "list item holding more than one paragraph, or a list"),
        ("Text.\n\n> ## Quoted heading\n", 5, "inside a block quote"),
        ("Text.\n\nSome *words*{: .lead } here.\n", 5, "attribute list"),
    ],
)
def test_markdown_the_reader_cannot_show_is_refused_in_one_line_naming_file_and_line(content_copy, body, line, problem):
    write_report(content_copy, f"# Intro\n\n{body}")
    with pytest.raises(ContentError, match=rf"^Cannot load report\.md: line {line} .*{re.escape(problem)}.*\.$"):
        load_report(content_copy)


def test_html_in_the_markdown_is_shown_as_written(content_copy):
    write_report(content_copy, "# Intro\n\nA <b>bold</b> claim, 3 < 4 &amp; `a<b>`.\n")
    (paragraph,) = load_report(content_copy).section("intro").paragraphs
    assert paragraph.text == "A <b>bold</b> claim, 3 < 4 & a<b>."
    assert "<b>" not in paragraph.html


def test_a_section_keeps_the_markdown_source_of_its_body(content_copy):
    write_report(content_copy, "# One\n\nFirst *line*\nof a paragraph.\n\n- item\n\n# Two\n\nSecond.\n")
    sections = load_report(content_copy).sections
    assert [section.markdown for section in sections] == ["First *line*\nof a paragraph.\n\n- item", "Second."]
    assert sections[0].paragraphs[0].markdown == "First *line* of a paragraph."


class TestCache:
    def test_a_cached_report_loads_without_parsing_markdown_again(self, content_copy, tmp_path, monkeypatch):
        first = load_report(content_copy, tmp_path / "cache")
        monkeypatch.setitem(sys.modules, "reader.markdown_tree", None)  # importing the parser now fails
        assert load_report(content_copy, tmp_path / "cache").sections == first.sections

    def test_an_edited_file_is_read_again_instead_of_taken_from_the_cache(self, content_copy, tmp_path):
        load_report(content_copy, tmp_path / "cache")
        write_report(content_copy, "# Intro\n\nA new edition.\n")
        assert load_report(content_copy, tmp_path / "cache").paragraphs()[0].text == "A new edition."

    @pytest.mark.parametrize("damage", ['[1, [["overview", "Overview"', "[]", "[1, []]", '{"sections": 1}', "\xff"])
    def test_a_damaged_cache_file_is_ignored(self, content_copy, tmp_path, damage):
        fresh = load_report(content_copy)
        load_report(content_copy, tmp_path / "cache")
        (cached,) = (tmp_path / "cache").rglob("*.json")
        cached.write_text(damage, encoding="latin-1")
        assert load_report(content_copy, tmp_path / "cache").sections == fresh.sections

    def test_a_cache_folder_that_cannot_be_written_only_costs_speed(self, content_copy, tmp_path):
        blocked = tmp_path / "not-a-folder"
        blocked.write_text("", encoding="utf-8")
        assert load_report(content_copy, blocked).sections == load_report(content_copy).sections
