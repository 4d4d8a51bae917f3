"""Shared fixtures: a private data folder for every test, the bundled report, and a shown main window."""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before any Qt import

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from reader.content import Report, load_report  # noqa: E402

CONTENT_DIR = Path(__file__).resolve().parent.parent / "content"


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own empty data (and cache) folder; nothing touches the user's real folders."""
    folder = tmp_path / "data"
    folder.mkdir()
    monkeypatch.setenv("READER_DATA_DIR", str(folder))
    monkeypatch.delenv("READER_CACHE_DIR", raising=False)
    monkeypatch.delenv("READER_CONTENT_DIR", raising=False)
    return folder


@pytest.fixture(scope="session")
def report() -> Report:
    return load_report(CONTENT_DIR)
