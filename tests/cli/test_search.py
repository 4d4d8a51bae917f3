"""`field-reader search` and `field-reader index build`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.__main__ import main
from reader.cli.search import run_index_build, run_search
from reader.content import Report
from reader.glossary import load_glossary
from reader.notes.note import Anchor
from reader.notes.store import NoteStore
from reader.paths import Folders
from reader.search.build import build_index
from reader.search.location import cache_index_folder
from reader.search.stamp import INFO_NAME

# No test depends on whether index/ was built.
pytestmark = pytest.mark.usefixtures("empty_bundled_index")


def _search_json(capsys: pytest.CaptureFixture[str], *argv: str) -> dict:
    assert main(["search", *argv, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_search_prints_the_best_passage_first_with_where_it_is(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "face scanned without their knowledge"]) == 0

    out = capsys.readouterr().out
    first = out.split("\n 1. ", 1)[1].split("\n 2. ", 1)[0]
    assert "Automated Apartheid" in first
    assert "(red-wolf-p3)" in first
    assert "scanned" in first


@pytest.mark.parametrize(
    ("question", "section_id"),
    [
        ("what does the arms trade treaty prohibit", "stop-arming-israel"),
        ("forcibly displaced to Rafah", "mass-displacement"),
        ("when was the ceasefire deal", "ceasefire-now"),
    ],
)
def test_search_finds_the_section_a_reader_means(capsys, question: str, section_id: str) -> None:
    data = _search_json(capsys, question)

    report_hits = [hit for hit in data["hits"] if hit["kind"] == "report"]
    assert report_hits[0]["section_id"] == section_id


def test_json_has_the_documented_fields(capsys: pytest.CaptureFixture[str]) -> None:
    data = _search_json(capsys, "displaced")

    assert data["query"] == "displaced"
    assert data["suggestion"] is None
    assert data["total"] >= len(data["hits"]) > 0
    for hit in data["hits"]:
        assert {"kind", "section_id", "section_title", "paragraph_id", "score", "snippet"} <= set(hit)
        assert isinstance(hit["score"], float)


def test_limit_caps_the_number_of_hits(capsys: pytest.CaptureFixture[str]) -> None:
    assert len(_search_json(capsys, "Israel", "--limit", "3")["hits"]) == 3


def test_a_misspelling_prints_did_you_mean(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "genocde"]) == 0

    assert "Did you mean: genocide?" in capsys.readouterr().out


def test_json_carries_the_suggestion(capsys: pytest.CaptureFixture[str]) -> None:
    assert _search_json(capsys, "apartied")["suggestion"] == "apartheid"


def test_glossary_entries_are_found(capsys: pytest.CaptureFixture[str]) -> None:
    hits = _search_json(capsys, "International Court of Justice")["hits"]

    assert (hits[0]["kind"], hits[0]["item_id"], hits[0]["key"]) == ("glossary", "icj", "glossary:icj")


def test_notes_are_searched_once_there_are_notes(
    capsys: pytest.CaptureFixture[str], report: Report, data_dir: Path
) -> None:
    paragraph = report.paragraph("red-wolf-p2")
    with NoteStore(data_dir) as store:
        anchor = Anchor(paragraph.section_id, paragraph.id, 0, 8, paragraph.text[:8])
        note = store.add(anchor, text="Ask the clinic about water trucks", tags=["follow-up"])

    hits = _search_json(capsys, "trucks")["hits"]

    assert (hits[0]["kind"], hits[0]["item_id"], hits[0]["paragraph_id"]) == ("note", note.id, "red-wolf-p2")
    assert "trucks" in hits[0]["snippet"]


def test_searching_creates_no_notes_database(capsys: pytest.CaptureFixture[str], data_dir: Path) -> None:
    _search_json(capsys, "genocide")

    assert list(data_dir.glob("notes*")) == []


@pytest.mark.parametrize("query", ["", '"', "AND", "((", "🙂", "x" * 10_000, "\x00\x1b"])
def test_a_hostile_query_prints_no_results_calmly(capsys: pytest.CaptureFixture[str], query: str) -> None:
    assert main(["search", query]) == 0

    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    assert "No results" in captured.out


def test_search_builds_a_missing_index_in_the_cache_folder_and_says_so(
    capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    assert main(["search", "genocide"]) == 0

    assert "Building the search index" in capsys.readouterr().err
    assert (cache_index_folder(data_dir / "cache") / INFO_NAME).is_file()


def test_search_uses_a_fresh_bundled_index_without_building(
    capsys: pytest.CaptureFixture[str], report: Report, empty_bundled_index: Path, data_dir: Path
) -> None:
    build_index(empty_bundled_index, report)

    assert main(["search", "genocide"]) == 0

    assert capsys.readouterr().err == ""
    assert not (cache_index_folder(data_dir / "cache") / INFO_NAME).exists()


def test_index_build_writes_the_bundled_folder(capsys: pytest.CaptureFixture[str], empty_bundled_index: Path) -> None:
    assert main(["index", "build"]) == 0

    assert f"into {empty_bundled_index}" in capsys.readouterr().out
    assert (empty_bundled_index / INFO_NAME).is_file()


def test_index_build_into_another_folder(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["index", "build", "--folder", str(tmp_path / "elsewhere")]) == 0

    assert (tmp_path / "elsewhere" / INFO_NAME).is_file()


def test_index_build_into_an_unwritable_place_prints_one_line_and_exits_1(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")

    assert main(["index", "build", "--folder", str(blocker / "index")]) == 1

    err = capsys.readouterr().err
    assert err.startswith("field-reader: Cannot build the search index")
    assert err.count("\n") == 1


class TestWithTheFoldersPassedIn:
    """`run_search` and `run_index_build` use only the folders and objects they are given."""

    @pytest.fixture
    def folders(self, tmp_path: Path, report: Report) -> Folders:
        data = tmp_path / "given-data"
        data.mkdir()
        return Folders(
            data=data, cache=tmp_path / "given-cache", content=report.folder, bundled_index=tmp_path / "none"
        )

    def test_search_builds_its_index_in_the_given_cache_folder(
        self, capsys: pytest.CaptureFixture[str], report: Report, folders: Folders, data_dir: Path
    ) -> None:
        assert run_search(report, load_glossary(report), folders, "genocide", 3, as_json=True) == 0

        assert len(json.loads(capsys.readouterr().out)["hits"]) == 3
        assert (cache_index_folder(folders.cache) / INFO_NAME).is_file()
        assert not (data_dir / "cache").exists()

    def test_search_finds_the_notes_in_the_given_data_folder(
        self, capsys: pytest.CaptureFixture[str], report: Report, folders: Folders
    ) -> None:
        paragraph = report.paragraph("overview-p1")
        with NoteStore(folders.data) as store:
            anchor = Anchor(paragraph.section_id, paragraph.id, 0, 8, paragraph.text[:8])
            store.add(anchor, text="Compare with the camp survey")

        notes = lambda: NoteStore(folders.data)  # noqa: E731
        assert run_search(report, load_glossary(report), folders, "survey", 5, as_json=True, open_notes=notes) == 0

        first = json.loads(capsys.readouterr().out)["hits"][0]
        assert first["kind"] == "note"
        assert first["snippet"].startswith("Compare with the camp survey")

    def test_index_build_writes_the_given_folder(
        self, capsys: pytest.CaptureFixture[str], report: Report, tmp_path: Path
    ) -> None:
        assert run_index_build(report, load_glossary(report), tmp_path / "built") == 0

        assert f"into {tmp_path / 'built'}" in capsys.readouterr().out
        assert (tmp_path / "built" / INFO_NAME).is_file()


def test_on_a_terminal_only_the_matches_are_bold_whatever_a_note_holds() -> None:
    from reader.cli.search import _emphasised
    from reader.search.results import HitKind, SearchHit

    snippet = "\x1b[1mfake bold\x1b[0m then the survey result"
    start = snippet.index("survey")
    hit = SearchHit(
        HitKind.NOTE, "note:1", "1", None, None, "Note", None, 1.0, snippet, ((start, start + 6),), ("survey",), ()
    )
    assert _emphasised(hit, emphasis=True) == "[1mfake bold[0m then the \x1b[1msurvey\x1b[0m result"
