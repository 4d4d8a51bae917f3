"""`field-reader index build` run from a download never writes into the app's own folder: the index goes into the
cache folder (data/cache in portable mode), where the app looks for one; a checkout's release build still fills
index/."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from reader import paths
from reader.__main__ import main
from reader.search.index import SearchIndex

CONTENT_DIR = Path(__file__).resolve().parents[2] / "content"


def listing(folder: Path) -> dict[str, bytes]:
    return {str(path.relative_to(folder)): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


@pytest.fixture
def downloaded_app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An unpacked download: the program beside `_internal/`, which holds the report and a shipped index."""
    app = tmp_path / "field-reader"
    bundle = app / "_internal"
    shutil.copytree(CONTENT_DIR, bundle / "content")
    (bundle / "index").mkdir()
    (bundle / "index" / "README.md").write_text("the index shipped with this version\n")
    (app / "field-reader").write_bytes(b"")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(app / "field-reader"))
    monkeypatch.setattr(sys, "_MEIPASS", str(bundle), raising=False)
    monkeypatch.setattr(paths, "bundled_index_dir", lambda: bundle / "index")  # the bundle's own, not the tests'
    return app


def test_index_build_from_a_download_leaves_the_app_folder_as_installed(
    downloaded_app: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
):
    before = listing(downloaded_app)
    assert main(["index", "build"]) == 0
    assert listing(downloaded_app) == before
    built = data_dir / "cache" / "index"
    with SearchIndex.open(built) as search_index:
        assert search_index.document_count > 0
    assert not [path.name for path in built.iterdir() if path.name.endswith("WRITELOCK")]
    assert f"into {built}." in capsys.readouterr().out


def test_a_release_build_in_a_checkout_fills_the_folder_asked_for(tmp_path: Path):
    folder = tmp_path / "index"
    assert main(["index", "build", "--folder", str(folder)]) == 0
    with SearchIndex.open(folder) as search_index:
        assert search_index.document_count > 0
    assert sorted(path.name for path in folder.iterdir() if "LOCK" in path.name) == []
