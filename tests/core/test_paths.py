"""Where user files go: the usual folders, READER_DATA_DIR, and portable mode beside a frozen program."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from reader import paths


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty home folder with the platform's user folders inside it, and no READER_* overrides."""
    folder = tmp_path / "home"
    folder.mkdir()
    monkeypatch.setenv("HOME", str(folder))
    for name in ("XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME", "READER_DATA_DIR", "READER_CACHE_DIR"):
        monkeypatch.delenv(name, raising=False)
    return folder


@pytest.fixture
def frozen_program(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A program unpacked from the download: `sys.executable` in its own folder, as PyInstaller runs it."""
    folder = tmp_path / "stick" / "field-reader"
    folder.mkdir(parents=True)
    (folder / "field-reader").write_bytes(b"")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(folder / "field-reader"))
    return folder


def files_under(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*"))


def test_a_portable_file_beside_the_program_keeps_every_user_file_beside_it(home: Path, frozen_program: Path):
    (frozen_program / "portable").write_bytes(b"")
    folders = paths.locate()
    assert folders.data == frozen_program / "data"
    assert folders.cache == frozen_program / "data" / "cache"
    assert folders.portable and paths.is_portable()
    assert folders.data.is_dir()
    assert files_under(home) == []  # nothing made in the home folder


def test_without_the_portable_file_the_frozen_program_uses_the_home_folder(home: Path, frozen_program: Path):
    folders = paths.locate()
    assert not folders.portable and not paths.is_portable()
    assert home in folders.data.parents
    assert not (frozen_program / "data").exists()


def test_reader_data_dir_still_wins_over_portable_mode(tmp_path: Path, home: Path, frozen_program: Path, monkeypatch):
    (frozen_program / "portable").write_bytes(b"")
    monkeypatch.setenv("READER_DATA_DIR", str(tmp_path / "chosen"))
    folders = paths.locate()
    assert folders.data == tmp_path / "chosen"
    assert folders.cache == tmp_path / "chosen" / "cache"
    assert not folders.portable
    assert not (frozen_program / "data").exists()


def test_a_source_checkout_is_never_portable(home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.delattr(sys, "frozen", raising=False)
    monkeypatch.setattr(sys, "executable", str(tmp_path / "python"))
    (tmp_path / "portable").write_bytes(b"")
    assert not paths.is_portable()
    assert paths.locate().data != tmp_path / "data"


def test_a_portable_marker_that_is_a_folder_does_not_count(home: Path, frozen_program: Path):
    (frozen_program / "portable").mkdir()
    assert not paths.is_portable()


def test_the_frozen_app_reads_the_report_and_its_prepared_first_start_from_the_bundle(
    home: Path, frozen_program: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setattr(sys, "_MEIPASS", str(frozen_program / "_internal"), raising=False)
    monkeypatch.delenv("READER_CONTENT_DIR", raising=False)
    folders = paths.locate()
    assert folders.content == frozen_program / "_internal" / "content"
    assert folders.bundled_cache == frozen_program / "_internal" / "prepared"
