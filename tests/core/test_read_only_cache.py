"""A cache folder that cannot be written costs speed, never a failure: the report, the page and search still work."""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from reader.content import load_report
from reader.glossary import load_glossary
from reader.render import RenderOptions, render_report
from reader.render_cache import cached_report_html
from reader.search import location
from reader.search.documents import glossary_documents
from reader.search.index import SearchIndex
from reader.search.location import build_cached_index, cache_index_folder, open_or_build_index

CONTENT_DIR = Path(__file__).resolve().parents[2] / "content"


def _read_only(tmp_path: Path) -> Path:
    folder = tmp_path / "read-only-cache"
    folder.mkdir()
    folder.chmod(0o555)
    if os.access(folder, os.W_OK):  # root ignores the mode
        folder.chmod(0o755)
        pytest.skip("running as root: a folder's mode does not stop writing")
    return folder


def _under_a_file(tmp_path: Path) -> Path:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder\n")
    return blocker / "cache"


def _subfolders_are_files(tmp_path: Path) -> Path:
    folder = tmp_path / "blocked-cache"
    folder.mkdir()
    for name in ("index", "render", "report"):
        (folder / name).write_text("not a folder\n")
    return folder


@pytest.fixture(params=[_read_only, _under_a_file, _subfolders_are_files], ids=["mode-555", "under-a-file", "blocked"])
def cache(request: pytest.FixtureRequest, tmp_path: Path, content: Path) -> Iterator[Path]:
    """A cache folder nothing can be written into, three ways (the first only when not running as root)."""
    make: Callable[[Path], Path] = request.param
    folder = make(tmp_path)
    before = _listing(tmp_path)
    yield folder
    assert _listing(tmp_path) == before  # nothing was written anywhere near it
    if folder.is_dir():
        folder.chmod(0o755)


def _listing(folder: Path) -> list[tuple[str, int]]:
    return sorted((str(path), path.stat().st_size) for path in folder.rglob("*") if not path.is_symlink())


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """A private copy of the content, so nothing can come from a cache another test filled."""
    folder = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, folder)
    return folder


def test_the_report_loads_without_its_cache(content: Path, cache: Path) -> None:
    loaded = load_report(content, cache)
    assert loaded.sections == load_report(content).sections
    assert loaded.has_section("red-wolf")


def test_the_page_is_rendered_without_its_cache(content: Path, cache: Path) -> None:
    report = load_report(content)
    options = RenderOptions(reference_mode=True)
    assert cached_report_html(report, options, cache) == render_report(report, options)


def test_the_index_is_built_in_a_private_temporary_folder_removed_at_exit(
    content: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    report = load_report(content)
    at_exit: list[tuple[Callable[..., object], tuple[object, ...], dict[str, object]]] = []
    monkeypatch.setattr(location.atexit, "register", lambda *call, **named: at_exit.append((call[0], call[1:], named)))
    folder = build_cached_index(report, glossary_documents(load_glossary(report)), cache)
    assert folder != cache_index_folder(cache)
    assert folder.is_relative_to(tempfile.gettempdir())
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700  # mkdtemp's: no one else can read or swap it
    with SearchIndex.open(folder) as search_index:
        assert not search_index.is_stale(report)
        hits = search_index.search("Red Wolf").hits
    assert "red-wolf" in {hit.section_id for hit in hits}
    ((remove, arguments, named),) = at_exit
    remove(*arguments, **named)
    assert not folder.exists()


def test_search_builds_in_memory_when_no_folder_can_be_written(
    content: Path, cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    report = load_report(content)

    def no_temporary_folder(*args: object, **kwargs: object) -> str:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(location.tempfile, "mkdtemp", no_temporary_folder)
    bundled = tmp_path / "no-bundled-index"
    with open_or_build_index(report, glossary_documents(load_glossary(report)), bundled, cache) as search_index:
        assert search_index.folder is None
        hits = search_index.search("Red Wolf").hits
    assert "red-wolf" in {hit.section_id for hit in hits}  # the report's paragraphs
    assert "glossary:red-wolf" in {hit.key for hit in hits}  # and the glossary's entries
