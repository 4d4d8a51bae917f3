"""Which index is used: the fresh bundled one, else a fresh one in the cache folder, else one built there."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.content import Report
from reader.search.build import build_index
from reader.search.location import (
    build_cached_index,
    cache_index_folder,
    fresh_index_folder,
    open_fresh_index,
    open_or_build_index,
)
from reader.search.stamp import INFO_NAME


@pytest.fixture
def bundled(tmp_path: Path) -> Path:
    """The install folder's index/: it holds a README and, unless a test builds one, no index."""
    folder = tmp_path / "bundled-index"
    folder.mkdir()
    (folder / "README.md").write_text("kept\n")
    return folder


@pytest.fixture
def cache(tmp_path: Path) -> Path:
    return tmp_path / "cache"


def _damage(folder: Path) -> None:
    for path in folder.iterdir():
        if path.name.startswith("MAIN_") or path.name.endswith(".toc"):
            path.write_bytes(b"garbage")


def test_the_cached_index_lives_in_the_cache_folder(cache: Path) -> None:
    assert cache_index_folder(cache) == cache / "index"


def test_a_fresh_bundled_index_is_preferred(report: Report, bundled: Path, cache: Path) -> None:
    build_index(bundled, report)
    build_cached_index(report, (), cache)

    assert fresh_index_folder(report, bundled, cache) == bundled
    with open_fresh_index(report, bundled, cache) as search_index:
        assert search_index.folder == bundled


def test_a_stale_bundled_index_is_passed_over_for_a_fresh_cached_one(
    report: Report, edited: Report, bundled: Path, cache: Path
) -> None:
    build_index(bundled, report)
    build_cached_index(edited, (), cache)

    assert fresh_index_folder(edited, bundled, cache) == cache_index_folder(cache)
    with open_fresh_index(edited, bundled, cache) as search_index:
        assert search_index.search("olive groves").total == 1


def test_nothing_fresh_gives_none(report: Report, edited: Report, bundled: Path, cache: Path) -> None:
    build_index(bundled, report)

    assert fresh_index_folder(edited, bundled, cache) is None
    assert open_fresh_index(edited, bundled, cache) is None


def test_a_damaged_index_opens_as_none(report: Report, bundled: Path, cache: Path) -> None:
    build_index(bundled, report)
    _damage(bundled)

    assert open_fresh_index(report, bundled, cache) is None


def test_a_damaged_bundled_index_gives_way_to_a_fresh_cached_one(report: Report, bundled: Path, cache: Path) -> None:
    build_index(bundled, report)
    _damage(bundled)
    build_cached_index(report, (), cache)

    with open_fresh_index(report, bundled, cache) as search_index:
        assert search_index.folder == cache_index_folder(cache)


def test_building_in_the_cache_reports_progress_and_leaves_the_bundled_folder_alone(
    report: Report, bundled: Path, cache: Path
) -> None:
    calls: list[tuple[int, int]] = []

    folder = build_cached_index(report, (), cache, progress=lambda done, total: calls.append((done, total)))

    assert folder == cache_index_folder(cache)
    assert (folder / INFO_NAME).is_file()
    assert calls[-1][0] == calls[-1][1]
    assert [path.name for path in bundled.iterdir()] == ["README.md"]


def test_a_missing_index_is_built_in_the_cache_folder(report: Report, bundled: Path, cache: Path) -> None:
    with open_or_build_index(report, (), bundled, cache) as search_index:
        assert search_index.folder == cache_index_folder(cache)
        assert search_index.search("genocide").hits


def test_a_stale_bundled_index_is_rebuilt_in_the_cache_folder(
    report: Report, edited: Report, bundled: Path, cache: Path
) -> None:
    build_index(bundled, report)

    with open_or_build_index(edited, (), bundled, cache) as search_index:
        assert search_index.folder == cache_index_folder(cache)
        assert not search_index.is_stale(edited)
        assert search_index.search("olive groves").total == 1


def test_a_damaged_cached_index_is_rebuilt(report: Report, bundled: Path, cache: Path) -> None:
    _damage(build_cached_index(report, (), cache))

    with open_or_build_index(report, (), bundled, cache) as search_index:
        assert search_index.search("genocide").hits


def test_the_cached_index_is_reused_once_built(report: Report, bundled: Path, cache: Path) -> None:
    open_or_build_index(report, (), bundled, cache).close()
    built = (cache_index_folder(cache) / INFO_NAME).stat().st_mtime_ns

    open_or_build_index(report, (), bundled, cache).close()

    assert (cache_index_folder(cache) / INFO_NAME).stat().st_mtime_ns == built
