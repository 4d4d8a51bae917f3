"""`notes list` and `notes export` after a new edition remember where near searches placed the notes, so the next
command searches for none; in a folder that cannot be written to they work as before and change nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.__main__ import main
from reader.content import Report
from reader.notes.store import NoteStore

from ..core.lock.conftest import all_bytes, make_read_only
from ..core.notes.conftest import count_near_searches, notes_then_later_edition


@pytest.fixture
def edition(report: Report, data_dir: Path, tmp_path: Path) -> Report:
    """A later edition, with notes made on the first: some of them found only approximately now."""
    with NoteStore(data_dir) as store:
        return notes_then_later_edition(report, store, tmp_path / "edition")


@pytest.fixture
def searches(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    return count_near_searches(monkeypatch)


def _export(edition: Report, out: Path) -> int:
    return main(["--content", str(edition.folder), "notes", "export", "--format", "md", "--out", str(out)])


def test_an_export_after_a_list_searches_for_no_note_and_writes_the_same(
    edition: Report, searches: list[object], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _export(edition, tmp_path / "first.md") == 0
    assert searches
    searches.clear()
    assert main(["--content", str(edition.folder), "notes", "list", "--json"]) == 0
    assert _export(edition, tmp_path / "second.md") == 0
    assert searches == []
    assert (tmp_path / "second.md").read_bytes() == (tmp_path / "first.md").read_bytes()


def test_in_a_folder_that_cannot_be_written_to_an_export_works_and_changes_nothing(
    edition: Report,
    data_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    NoteStore(data_dir).close()  # today's backup taken, as any earlier run would have
    make_read_only(data_dir, monkeypatch)
    before = _notes_files(data_dir)
    capsys.readouterr()
    assert _export(edition, tmp_path / "handout.md") == 0
    assert capsys.readouterr().err == ""
    assert "about " in (tmp_path / "handout.md").read_text(encoding="utf-8")
    assert _notes_files(data_dir) == before


def _notes_files(data_dir: Path) -> dict[str, bytes]:
    """The notes database and its backups (the report's parsed sections are cached beside them)."""
    return {name: data for name, data in all_bytes(data_dir).items() if not name.startswith("cache")}
