"""`field-reader notes export --out`: never into the data folder, whose files are the notes themselves."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reader.__main__ import main
from reader.notes.anchoring import anchor_from_selection
from reader.notes.store import NoteStore


@pytest.fixture
def saved(report, data_dir: Path) -> bytes:
    text = report.paragraph("apartheid-p1").text
    start = text.index("deliberately oppress")
    with NoteStore(data_dir) as store:
        store.add(anchor_from_selection(report, "apartheid-p1", start, start + 20), text="kept safe")
    return (data_dir / "notes.sqlite3").read_bytes()


@pytest.mark.parametrize("target", ["notes.sqlite3", "handout.md", "backups/notes.md"])
def test_an_export_into_the_data_folder_is_refused_and_the_notes_stay(
    saved: bytes, data_dir: Path, target: str, capsys: pytest.CaptureFixture[str]
) -> None:
    out = data_dir / target
    assert main(["notes", "export", "--format", "md", "--out", str(out)]) == 1
    error = capsys.readouterr().err.strip().splitlines()
    assert error == [
        f"field-reader: Cannot export to {out}: it is inside the folder that keeps your notes ({data_dir}); "
        "choose another folder."
    ]
    assert (data_dir / "notes.sqlite3").read_bytes() == saved
    assert main(["notes", "list"]) == 0
    assert "kept safe" in capsys.readouterr().out


def test_a_link_into_the_data_folder_is_refused_too(
    saved: bytes, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    link = tmp_path / "elsewhere"
    link.symlink_to(data_dir)
    assert main(["notes", "export", "--format", "json", "--out", str(link / "notes.sqlite3")]) == 1
    assert "inside the folder that keeps your notes" in capsys.readouterr().err
    assert (data_dir / "notes.sqlite3").read_bytes() == saved


def test_an_export_beside_the_data_folder_is_written(saved: bytes, tmp_path: Path) -> None:
    out = tmp_path / "handout.md"
    assert main(["notes", "export", "--format", "md", "--out", str(out)]) == 0
    assert "kept safe" in out.read_text(encoding="utf-8")


def test_a_pipe_given_as_the_file_is_refused_and_left_a_pipe(
    saved: bytes, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pipe = tmp_path / "class.json"
    os.mkfifo(pipe)
    assert main(["notes", "export", "--format", "json", "--out", str(pipe)]) == 1
    assert capsys.readouterr().err.strip() == (
        f"field-reader: Cannot write {pipe}: it is not an ordinary file; give the name of a file to write."
    )
    assert pipe.is_fifo()
