"""`check_content`: every mistake an editor makes in a content pack is found, with its file and line."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from reader.content import load_report
from reader.content_check import check_content
from reader.errors import ContentError

CONTENT_DIR = Path(__file__).resolve().parents[2] / "content"

MANIFEST = {
    "title": "Universal Declaration of Human Rights",
    "publisher": "United Nations",
    "source": "https://www.un.org/en/about-us/universal-declaration-of-human-rights",
    "language": "en",
    "edition_date": "1948-12-10",
    "files": ["udhr.md"],
    "glossary": None,
}

UDHR = """# Preamble

Whereas recognition of the inherent dignity of all members of the human family is the foundation of freedom.

## Article 1

All human beings are born free and equal in dignity and rights.

## Article 2

Everyone is entitled to all the rights and freedoms set forth in this Declaration.
"""


@pytest.fixture(autouse=True)
def without_sources_check(monkeypatch: pytest.MonkeyPatch) -> None:
    """The glossary's sources are checked by their own module and tests; here only this check's rules count."""
    monkeypatch.setitem(sys.modules, "reader.glossary_sources_check", None)


def make_pack(folder: Path, files: dict[str, str] | None = None, glossary: dict | None = None, **manifest) -> Path:
    """A UDHR pack in `folder`, its manifest written one key per line, with whatever the test changes."""
    folder.mkdir(parents=True, exist_ok=True)
    data = {**MANIFEST, **manifest}
    if glossary is not None:
        data["glossary"] = "glossary.json"
        (folder / "glossary.json").write_text(json.dumps(glossary, indent=2), encoding="utf-8")
    (folder / "manifest.json").write_text(json.dumps(data, indent=2), encoding="utf-8")
    for name, text in (files if files is not None else {"udhr.md": UDHR}).items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def problems(folder: Path) -> list[str]:
    return [str(problem) for problem in check_content(folder).problems]


def line_of(path: Path, needle: str, occurrence: int = 1) -> int:
    found = [number for number, line in enumerate(path.read_text().split("\n"), start=1) if needle in line]
    return found[occurrence - 1]


def test_the_bundled_pack_has_no_problems():
    result = check_content(CONTENT_DIR)
    assert [str(problem) for problem in result.problems] == []
    assert result.sections == len(load_report(CONTENT_DIR).sections)
    assert result.glossary_entries > 40


def test_a_correct_pack_has_no_problems(tmp_path):
    result = check_content(make_pack(tmp_path / "udhr"))
    assert result.problems == () and result.sections == 3 and result.glossary_entries == 0


def test_an_edition_date_in_words_is_found_and_refused_by_the_loader(tmp_path):
    pack = make_pack(tmp_path / "udhr", edition_date="10 December 1948")
    line = line_of(pack / "manifest.json", '"edition_date"')
    assert problems(pack) == [
        f"manifest.json:{line}: “edition_date” is “10 December 1948”; write the date as YYYY-MM-DD (e.g. 1948-12-10)"
    ]
    with pytest.raises(ContentError, match=r"^Cannot load manifest\.json: “edition_date” is “10 December 1948”"):
        load_report(pack)


def test_an_impossible_date_is_found(tmp_path):
    pack = make_pack(tmp_path / "udhr", edition_date="1948-02-30")
    assert problems(pack) == [
        f"manifest.json:{line_of(pack / 'manifest.json', 'edition_date')}: “edition_date” is “1948-02-30”; write the "
        "date as YYYY-MM-DD (e.g. 1948-12-10)"
    ]


def test_manifest_fields_of_the_wrong_kind_are_found_each_on_its_line(tmp_path):
    pack = make_pack(tmp_path / "udhr", id="UDHR 1948", title=7, corrections="none", format=2)
    line = {key: line_of(pack / "manifest.json", f'"{key}"') for key in ("title", "id", "corrections", "format")}
    found = problems(pack)
    assert f"manifest.json:{line['title']}: “title” must be text" in found
    assert any(problem.startswith(f"manifest.json:{line['id']}: “id” must be lower-case") for problem in found)
    assert f"manifest.json:{line['corrections']}: “corrections” must be a list of sentences" in found
    assert any(problem.startswith(f"manifest.json:{line['format']}: “format” is 2") for problem in found)


def test_a_missing_required_key_is_found(tmp_path):
    pack = make_pack(tmp_path / "udhr")
    data = json.loads((pack / "manifest.json").read_text())
    del data["publisher"]
    (pack / "manifest.json").write_text(json.dumps(data, indent=2))
    assert problems(pack) == ["manifest.json:1: lacks “publisher”, which every manifest needs"]


def test_a_file_listed_twice_is_found_on_its_second_line_and_refused_by_the_loader(tmp_path):
    pack = make_pack(tmp_path / "udhr", files={"udhr.md": UDHR})
    data = json.loads((pack / "manifest.json").read_text())
    data["files"] = ["udhr.md", "udhr.md"]
    (pack / "manifest.json").write_text(json.dumps(data, indent=2))
    line = line_of(pack / "manifest.json", '"udhr.md"', occurrence=2)
    assert problems(pack) == [f"manifest.json:{line}: “files” lists udhr.md twice; list each file once"]
    with pytest.raises(ContentError, match=r"lists udhr\.md twice"):
        load_report(pack)


def test_a_missing_file_is_found(tmp_path):
    pack = make_pack(tmp_path / "udhr")
    data = json.loads((pack / "manifest.json").read_text())
    data["files"] = ["udhr.md", "articles.md"]
    (pack / "manifest.json").write_text(json.dumps(data, indent=2))
    line = line_of(pack / "manifest.json", '"articles.md"')
    assert problems(pack) == [f"manifest.json:{line}: lists articles.md, which is missing"]


def test_every_invalid_heading_id_is_found_and_never_becomes_part_of_the_title(tmp_path):
    text = UDHR.replace("## Article 1", "## Article 1 {#Art_1}").replace("## Article 2", "## Article 2 {.wide}")
    pack = make_pack(tmp_path / "udhr", files={"udhr.md": text})
    assert problems(pack) == [
        "udhr.md:5: the heading ends with “{#Art_1}”, which is not a section id; write {#art-1} (lower-case letters, "
        "digits and hyphens)",
        "udhr.md:9: the heading ends with “{.wide}”, which is not a section id; write {#wide} (lower-case letters, "
        "digits and hyphens)",
    ]
    with pytest.raises(ContentError, match=r"line 5 ends its heading with “\{#Art_1\}”"):
        load_report(pack)


def test_markdown_the_reader_cannot_show_is_found_and_the_rest_of_the_file_still_checked(tmp_path):
    text = UDHR.replace("All human beings", "![a seal](seal.png) All human beings") + "\n## Article 2\n\nAgain.\n"
    pack = make_pack(tmp_path / "udhr", files={"udhr.md": text})
    found = problems(pack)
    assert found[0] == "udhr.md:7: has an image; the reader shows only text, so describe it in words"
    assert found[1].startswith("udhr.md:13: repeats the section title “Article 2” of udhr.md:9")


def test_a_repeated_title_is_found_on_its_second_heading(tmp_path):
    text = UDHR + "\n## Article 1\n\nNo one shall be held in slavery.\n"
    pack = make_pack(tmp_path / "udhr", files={"udhr.md": text})
    assert problems(pack) == [
        "udhr.md:13: repeats the section title “Article 1” of udhr.md:5; give one of them another title (or each "
        "its own {#id}), so the contents and links can tell them apart"
    ]
    assert [section.id for section in load_report(pack).sections][-1] == "article-1-2"  # still loads, as before


def test_a_repeated_id_across_files_is_found_in_the_second_file(tmp_path):
    second = "# Article 3 {#article-1}\n\nEveryone has the right to life, liberty and security of person.\n"
    pack = make_pack(tmp_path / "udhr", files={"udhr.md": UDHR, "more.md": second})
    data = json.loads((pack / "manifest.json").read_text())
    data["files"] = ["udhr.md", "more.md"]
    (pack / "manifest.json").write_text(json.dumps(data, indent=2))
    assert problems(pack) == [
        "more.md:1: gives the section id “article-1”, already used by “Article 1” at udhr.md:5; give one of them "
        "its own {#id}"
    ]


def test_an_empty_section_is_found_but_a_heading_over_subsections_is_not(tmp_path):
    text = "# Articles\n\n## Article 1\n\nAll human beings are born free.\n\n## Article 2\n\n## Article 3\n\nLife.\n"
    pack = make_pack(tmp_path / "udhr", files={"udhr.md": text})
    assert problems(pack) == ["udhr.md:7: the section “Article 2” is empty; add its text"]


def test_numbered_points_run_into_one_paragraph_are_found(tmp_path):
    points = "(1) Everyone has the right to freedom of movement.\n(2) Everyone has the right to leave.\n"
    text = UDHR + "\n## Article 13\n\n" + points
    pack = make_pack(tmp_path / "udhr", files={"udhr.md": text})
    assert problems(pack) == [
        "udhr.md:16: starts with “(2)” but joins the paragraph above it; leave a blank line before it, or write a "
        "numbered list (1. 2. 3.)"
    ]


GOOD_ENTRY = {
    "id": "un",
    "term": "UN",
    "expansion": "United Nations",
    "definition": "The United Nations, the organisation of states founded in 1945 that adopted the Declaration.",
}


def test_a_glossary_the_loader_refuses_is_found_on_its_entry(tmp_path):
    broken = {"id": "dignity", "term": "dignity"}
    pack = make_pack(tmp_path / "udhr", glossary={"format": 1, "terms": [GOOD_ENTRY, broken]})
    line = line_of(pack / "glossary.json", '"dignity"') - 1  # the entry opens the line before its id
    assert problems(pack) == [f"glossary.json:{line}: entry 2 needs a non-empty text “definition”"]


def test_glossary_rules_are_checked_for_any_pack(tmp_path):
    unused = {**GOOD_ENTRY, "id": "icj", "term": "ICJ", "expansion": "International Court of Justice"}
    text = UDHR + "\n## Article 30\n\nNothing in this Declaration gives the UN or the OHCHR any right.\n"
    pack = make_pack(tmp_path / "udhr", files={"udhr.md": text}, glossary={"terms": [GOOD_ENTRY, unused]})
    line = line_of(pack / "glossary.json", '"icj"') - 1  # the entry opens the line before its id
    assert problems(pack) == [
        f"glossary.json:{line}: entry “icj” is never found in the report; fix its term or aliases, or mark it "
        "“background”",
        "udhr.md:15: “OHCHR” (in section article-30) is an abbreviation no glossary entry matches; give it an entry "
        "or add it to one as an alias",
    ]


def test_a_folder_that_is_not_there_is_one_problem(tmp_path):
    assert problems(tmp_path / "nowhere") == [f"{tmp_path / 'nowhere'}: is not a folder (or does not exist)"]
