"""The real command line fed hostile files and folders: one line on stderr, exit 1, or a slower success."""

from __future__ import annotations

import os
import shutil
import threading
from pathlib import Path

import pytest

from reader.__main__ import main
from reader.notes.schema import DB_NAME
from reader.notes.store import NoteStore

CONTENT_DIR = Path(__file__).resolve().parents[2] / "content"
pytestmark = pytest.mark.usefixtures("empty_bundled_index")


def _run(argv: list[str], seconds: float = 60) -> int:
    """`main(argv)` in a thread, failing the test if it is still running after `seconds`."""
    codes: list[int] = []
    thread = threading.Thread(target=lambda: codes.append(main(argv)), daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), f"field-reader {' '.join(argv)} hung"
    (code,) = codes
    return code


def _one_line(captured: pytest.CaptureFixture[str]) -> str:
    err = captured.readouterr().err
    assert "Traceback" not in err
    lines = err.splitlines()
    assert len(lines) == 1, err
    return lines[0]


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_notes_import_of_a_link_to_dev_zero(capsys: pytest.CaptureFixture[str], tmp_path: Path, data_dir: Path) -> None:
    link = tmp_path / "teacher.json"
    link.symlink_to("/dev/zero")
    assert _run(["notes", "import", str(link)]) == 1
    assert _one_line(capsys) == (
        "field-reader: Cannot import teacher.json: it is not a regular file (a device, pipe or socket). "
        "Nothing was changed."
    )
    if (data_dir / DB_NAME).exists():
        with NoteStore(data_dir) as store:
            assert store.count() == 0


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_sections_with_a_report_file_that_is_a_pipe(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    content = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, content)
    (content / "report.md").unlink()
    os.mkfifo(content / "report.md")
    monkeypatch.setenv("READER_CONTENT_DIR", str(content))
    assert _run(["sections"]) == 1
    assert _one_line(capsys) == (
        f"field-reader: Cannot load report.md from {content}: it is not a regular file (a device, pipe or socket)."
    )


def test_sections_with_markdown_nested_100000_deep(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    content = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, content)
    (content / "report.md").write_text("# Title\n\n" + "- " * 100_000 + "deep\n", encoding="utf-8")
    monkeypatch.setenv("READER_CONTENT_DIR", str(content))
    assert _run(["sections"]) == 1
    assert _one_line(capsys).startswith("field-reader: Cannot load report.md: line 3 is nested more than 32 levels")


def test_glossary_nested_100000_deep(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    content = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, content)
    (content / "glossary.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    monkeypatch.setenv("READER_CONTENT_DIR", str(content))
    assert _run(["glossary"]) == 1
    assert _one_line(capsys) == (
        "field-reader: Cannot load glossary.json: its JSON is nested too deeply to be a glossary."
    )


@pytest.mark.parametrize("blocked", ["mode-555", "subfolders-are-files"])
def test_search_works_when_the_cache_folder_cannot_be_written(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, blocked: str
) -> None:
    cache = tmp_path / "cache"
    cache.mkdir()
    if blocked == "mode-555":
        cache.chmod(0o555)
        if os.access(cache, os.W_OK):
            cache.chmod(0o755)
            pytest.skip("running as root: a folder's mode does not stop writing")
    else:
        for name in ("index", "render", "report"):
            (cache / name).write_text("not a folder\n")
    monkeypatch.setenv("READER_CACHE_DIR", str(cache))
    try:
        assert _run(["search", "Red Wolf"]) == 0
    finally:
        cache.chmod(0o755)
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    assert "Red Wolf" in captured.out
    assert sorted(path.name for path in cache.iterdir()) == (
        [] if blocked == "mode-555" else ["index", "render", "report"]
    )
