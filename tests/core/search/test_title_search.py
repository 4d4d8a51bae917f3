"""Section titles are searchable and a query naming one finds the section first; the index format says so; the
cache keeps one index per content pack, so switching packs back and forth does not rebuild."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from reader.__main__ import main
from reader.content import Report, load_report
from reader.search import location
from reader.search.documents import report_documents
from reader.search.index import SearchIndex
from reader.search.location import open_or_build_index
from reader.search.results import HitKind
from reader.search.schema import INDEX_FORMAT
from reader.search.stamp import INFO_NAME, is_fresh


@pytest.fixture(scope="module")
def index(built_index: Path):
    with SearchIndex.open(built_index) as opened:
        yield opened


@pytest.mark.parametrize(
    ("query", "section_id"),
    [('"stop arming"', "stop-arming-israel"), ("automated apartheid", "red-wolf"), ("Stop Arming Israel", None)],
)
def test_a_query_naming_a_section_finds_its_heading_first(index: SearchIndex, query: str, section_id: str | None):
    first = index.search(query).hits[0]
    assert first.kind is HitKind.REPORT
    assert first.paragraph_id is None  # the heading itself, which the window opens at the section
    assert first.section_id == (section_id or "stop-arming-israel")
    assert first.snippet == first.section_title


def test_a_single_word_still_finds_its_glossary_entry_first(index: SearchIndex):
    assert index.search("ICJ").hits[0].key == "glossary:icj"


def test_every_section_title_is_indexed_once(report: Report):
    headings = [document for document in report_documents(report) if document.paragraph_id is None]
    assert [document.item_id for document in headings] == [section.id for section in report.sections]
    assert len({document.key for document in report_documents(report)}) == len(report_documents(report))


def test_the_command_line_lists_the_section_first(capsys):
    assert main(["search", '"stop arming"', "--json"]) == 0
    first = json.loads(capsys.readouterr().out)["hits"][0]
    assert first["section_id"] == "stop-arming-israel" and first["paragraph_id"] is None


def test_an_index_of_the_former_format_is_stale(report: Report, built_index: Path, tmp_path: Path):
    old = tmp_path / "old"
    shutil.copytree(built_index, old)
    info = json.loads((old / INFO_NAME).read_text())
    assert info["format"] == INDEX_FORMAT == 3
    (old / INFO_NAME).write_text(json.dumps({**info, "format": 2}))
    assert not is_fresh(old, report)


def tiny_pack(folder: Path, text: str) -> Report:
    folder.mkdir()
    manifest = {
        "title": f"Pack {folder.name}",
        "publisher": "P",
        "source": "S",
        "language": "en",
        "edition_date": "2024-01-01",
        "files": ["a.md"],
    }
    (folder / "manifest.json").write_text(json.dumps(manifest))
    (folder / "a.md").write_text(f"# {text}\n\nSome text about {text}.\n")
    return load_report(folder)


def open_index(report: Report, bundled: Path, cache: Path) -> SearchIndex:
    return open_or_build_index(report, (), bundled, cache)


def test_switching_packs_back_and_forth_builds_each_index_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    first, second = tiny_pack(tmp_path / "first", "Rivers"), tiny_pack(tmp_path / "second", "Mountains")
    bundled, cache = tmp_path / "no-bundled-index", tmp_path / "cache"
    bundled.mkdir()
    for report in (first, second):  # each pack's first start builds its index
        with open_index(report, bundled, cache) as opened:
            assert opened.search(report.sections[0].title).hits

    def no_build(*args, **kwargs):
        raise AssertionError("the index was built again")

    monkeypatch.setattr(location, "build_index", no_build)
    for report in (first, second, first):
        with open_index(report, bundled, cache) as opened:
            assert opened.search(report.sections[0].title).hits[0].section_title == report.sections[0].title


def test_only_the_newest_few_packs_indexes_are_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(location, "KEPT_PACK_INDEXES", 2)
    bundled, cache = tmp_path / "no-bundled-index", tmp_path / "cache"
    bundled.mkdir()
    packs = [tiny_pack(tmp_path / f"pack{number}", f"Topic {number}") for number in range(5)]
    for report in packs:
        open_index(report, bundled, cache).close()
    assert len(list((cache / "indexes").iterdir())) == 2
    assert is_fresh(location.cache_index_folder(cache), packs[-1])
    assert is_fresh(location.pack_index_folder(cache, packs[-2].checksum), packs[-2])
