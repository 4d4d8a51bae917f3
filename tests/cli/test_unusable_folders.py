"""A data folder that cannot be made is one clear line; a cache folder that cannot be made only costs speed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.__main__ import main


@pytest.fixture
def a_file(tmp_path: Path) -> Path:
    path = tmp_path / "not-a-folder"
    path.write_text("x")
    return path


@pytest.mark.parametrize("argv", [["sections"], ["--exit-after-start"]])
def test_a_data_folder_under_a_file_is_one_line(
    argv: list[str], a_file: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("READER_DATA_DIR", str(a_file / "data"))
    assert main(argv) == 1
    assert capsys.readouterr().err == (
        f"field-reader: Cannot use {a_file / 'data'} for your notes: Not a directory; "
        "set READER_DATA_DIR to a folder you can write to.\n"
    )


def test_a_cache_folder_under_a_file_still_searches(
    data_dir: Path, a_file: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("READER_CACHE_DIR", str(a_file / "cache"))
    assert main(["search", "Red Wolf", "--json", "--limit", "1"]) == 0
    assert json.loads(capsys.readouterr().out)["hits"][0]["heading"]
