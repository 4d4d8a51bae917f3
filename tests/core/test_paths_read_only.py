"""A portable copy on read-only media (a CD, a locked USB stick) opens the same whether or not its data/ exists yet:
the report reads, nothing is written; a data folder that cannot be made for another reason is still one line."""

from __future__ import annotations

import errno
import os
import sys
from pathlib import Path

import pytest

from reader import paths
from reader.__main__ import main
from reader.errors import ReaderError


@pytest.fixture
def stick(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A frozen program with its `portable` file on read-only media: what a read-only mount does, even to root
    (whom permissions do not stop): nothing can be made there, and nothing there is writable."""
    folder = tmp_path / "stick" / "field-reader"
    folder.mkdir(parents=True)
    (folder / "field-reader").write_bytes(b"")
    (folder / "portable").write_bytes(b"")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(folder / "field-reader"))
    monkeypatch.delenv("READER_DATA_DIR")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    real_mkdir, real_access = Path.mkdir, os.access

    def mkdir(path: Path, *args: object, **kwargs: object) -> None:
        if Path(path).is_relative_to(folder):
            raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(path))
        real_mkdir(path, *args, **kwargs)

    def access(path: object, mode: int, *args: object, **kwargs: object) -> bool:
        if mode & os.W_OK and Path(os.fspath(path)).is_relative_to(folder):
            return False
        return real_access(path, mode, *args, **kwargs)

    monkeypatch.setattr(Path, "mkdir", mkdir)
    monkeypatch.setattr(os, "access", access)
    return folder


def everything_under(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*"))


def test_read_only_media_without_a_data_folder_open_as_with_one(stick: Path):
    before = everything_under(stick)
    folders = paths.locate()
    assert folders.data == stick / "data" and folders.portable
    assert everything_under(stick) == before  # nothing written, and no refusal


def test_the_report_reads_from_read_only_media_without_a_data_folder(stick: Path, capsys: pytest.CaptureFixture[str]):
    assert main(["show", "red-wolf"]) == 0
    captured = capsys.readouterr()
    assert "Red Wolf" in captured.out and captured.err == ""
    assert not (stick / "data").exists()


def test_a_data_folder_blocked_by_a_file_is_still_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder\n")
    monkeypatch.setenv("READER_DATA_DIR", str(blocker / "data"))
    with pytest.raises(ReaderError, match="Not a directory"):
        paths.data_dir()
