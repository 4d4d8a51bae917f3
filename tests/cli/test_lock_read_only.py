"""Commands on sealed notes in a data folder that cannot be written to (a read-only mount): list, search and export
work as they do for plain notes; a change is refused in the same one line, and nothing in the folder changes."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.__main__ import main
from reader.content import Report
from reader.notes.anchoring import anchor_from_selection
from reader.notes.store import NoteStore

from ..core.lock.conftest import all_bytes, make_read_only

PASSPHRASE = "olive grove 1967"
WORDS = "meet contact-Yusra-at-noon"


@pytest.fixture
def read_only_sealed(report: Report, data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, bytes]:
    """A note sealed with the lock on, then the folder made read-only; the folder's bytes at that moment."""
    quote = "fragile ceasefire"
    start = report.paragraph("overview-p1").text.index(quote)
    with NoteStore(data_dir) as store:
        store.add(anchor_from_selection(report, "overview-p1", start, start + len(quote)), text=WORDS)
    monkeypatch.setenv("READER_NEW_PASSPHRASE", PASSPHRASE)
    assert main(["lock", "enable"]) == 0
    monkeypatch.delenv("READER_NEW_PASSPHRASE")
    monkeypatch.setenv("READER_PASSPHRASE", PASSPHRASE)
    make_read_only(data_dir, monkeypatch)
    return all_bytes(data_dir)


def refusal(data_dir: Path) -> str:
    return (
        f"field-reader: Cannot save notes: the data folder {data_dir} cannot be written to; they can be read and "
        "exported only.\n"
    )


def test_sealed_notes_in_a_read_only_folder_are_listed_searched_and_exported(
    read_only_sealed: dict[str, bytes], data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert main(["notes", "list"]) == 0
    assert WORDS in capsys.readouterr().out
    assert main(["search", "contact-Yusra-at-noon"]) == 0
    assert "[note]" in capsys.readouterr().out
    handout = tmp_path / "handout.md"
    assert main(["notes", "export", "--format", "md", "--out", str(handout)]) == 0
    assert capsys.readouterr().err == ""
    assert WORDS in handout.read_text(encoding="utf-8")
    assert all_bytes(data_dir) == read_only_sealed


def test_a_change_to_sealed_notes_in_a_read_only_folder_is_refused_in_one_line(
    read_only_sealed: dict[str, bytes], data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert main(["notes", "list", "--json"]) == 0
    note_id = capsys.readouterr().out.split('"id": "')[1].split('"')[0]

    assert main(["notes", "delete", note_id]) == 1

    assert capsys.readouterr() == ("", refusal(data_dir))
    assert all_bytes(data_dir) == read_only_sealed
