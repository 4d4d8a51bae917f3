"""Writing a file atomically: what a failed write says, and that it leaves the old file and no temporary one."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from reader.atomic_file import write_atomically
from reader.errors import ReaderError


def test_a_folder_given_as_the_file_is_refused_in_one_line_and_left_as_it_was(tmp_path: Path) -> None:
    folder = tmp_path / "handouts"
    folder.mkdir()
    (folder / "kept.txt").write_text("kept", encoding="utf-8")
    with pytest.raises(ReaderError) as caught:
        write_atomically(folder, b"new")
    assert str(caught.value) == f"Cannot write {folder}: it is a folder; give the name of a file to write."
    assert [path.name for path in folder.iterdir()] == ["kept.txt"]


def test_a_pipe_is_never_replaced_by_a_file(tmp_path: Path) -> None:
    """(A device, such as /dev/full given as the file to export to, is refused the same way.)"""
    pipe = tmp_path / "pipe.json"
    os.mkfifo(pipe)
    with pytest.raises(ReaderError) as caught:
        write_atomically(pipe, b"new", chosen=True)
    assert str(caught.value) == f"Cannot write {pipe}: it is not an ordinary file; give the name of a file to write."
    assert pipe.is_fifo()
    assert [path.name for path in tmp_path.iterdir() if path.name != "data"] == ["pipe.json"]


@pytest.mark.parametrize(
    ("number", "advice"),
    [
        (errno.ENOSPC, "check the free disk space"),
        (errno.EDQUOT, "check the free disk space"),
        (errno.EIO, "choose a folder you can write to"),
        (errno.EACCES, "choose a folder you can write to"),
    ],
)
def test_a_failed_write_gives_advice_for_its_cause_and_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, number: int, advice: str
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "notes.md"
    target.write_bytes(b"old")

    def failing_fsync(_descriptor: int) -> None:
        raise OSError(number, os.strerror(number))

    monkeypatch.setattr(os, "fsync", failing_fsync)
    with pytest.raises(ReaderError) as caught:
        write_atomically(target, b"new")
    assert str(caught.value) == f"Cannot write {target}: {os.strerror(number)}; {advice}."
    assert target.read_bytes() == b"old"
    assert [path.name for path in folder.iterdir()] == ["notes.md"]


def test_a_write_replaces_the_file_whole(tmp_path: Path) -> None:
    target = tmp_path / "notes.md"
    target.write_bytes(b"old and longer")
    write_atomically(target, b"new")
    assert target.read_bytes() == b"new"
