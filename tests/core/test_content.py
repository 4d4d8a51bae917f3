"""Loading the content folder: the whole report, in sections, with stable anchors, and clear errors."""

from __future__ import annotations

import json
import shutil
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
