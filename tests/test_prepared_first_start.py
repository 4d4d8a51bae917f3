"""The prepared first start (`make run` in a checkout, `make package` for the download): read when it matches the
content and the renderer, ignored when it is stale, never written to; the page a first start shows is the page."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from reader import paths
from reader.app_objects import build_app_objects
from reader.paths import Folders
from reader.render import RenderOptions
from reader.render_cache import cached_report_html

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"


def _prepare_tool():
    spec = importlib.util.spec_from_file_location("prepare_first_start", ROOT / "packaging" / "prepare_first_start.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def prepared(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """What the setup step writes into the checkout's prepared/ (and the download ships), made by the same tool."""
    folder = tmp_path_factory.mktemp("checkout") / "prepared"
    _prepare_tool().prepare(CONTENT, folder)
    return folder


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(path.relative_to(folder)): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


def first_start(prepared: Path | None, data: Path) -> Folders:
    """A first start's folders: an empty data folder (the cache in it), and the prepared folder when given."""
    return Folders(
        data=data, cache=data / "cache", content=CONTENT, bundled_index=data / "no-index", bundled_cache=prepared
    )


def page(folders: Folders, options: RenderOptions | None = None) -> str:
    objects = build_app_objects(folders)
    options = options or RenderOptions()
    return cached_report_html(objects.report, options, folders.cache, objects.glossary, folders.bundled_cache)


def test_a_source_checkout_reads_the_prepared_folder_the_setup_step_writes():
    assert paths.bundled_cache_dir() == ROOT / "prepared"


def test_the_setup_step_prepares_both_reading_modes_and_the_parsed_report(prepared: Path):
    names = sorted(snapshot(prepared))
    assert [name.split("/")[0] for name in names] == ["render", "render", "report"]
    assert {name.rsplit("-", 2)[-2] for name in names if name.startswith("render/")} == {"ref0", "ref1"}


def test_a_first_start_reads_what_was_prepared_without_rendering_or_parsing(
    prepared: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    def refused(*_args, **_kwargs):
        raise AssertionError("made again although it was prepared")

    monkeypatch.setattr("reader.content._parse_sections", refused)
    monkeypatch.setattr("reader.render.render_report", refused)
    for reference_mode in (False, True):
        assert "Automated Apartheid" in page(first_start(prepared, tmp_path / "data"), RenderOptions(reference_mode))


def test_a_first_start_shows_the_same_page_as_one_without_anything_prepared(prepared: Path, tmp_path: Path):
    for reference_mode in (False, True):
        options = RenderOptions(reference_mode)
        with_prepared = page(first_start(prepared, tmp_path / f"with-{reference_mode}"), options)
        rendered_here = page(first_start(None, tmp_path / f"without-{reference_mode}"), options)
        assert with_prepared == rendered_here


def test_a_first_start_writes_nothing_into_the_prepared_folder(prepared: Path, tmp_path: Path):
    before = snapshot(prepared)
    page(first_start(prepared, tmp_path / "data"))
    page(first_start(prepared, tmp_path / "data"), RenderOptions(reference_mode=True))
    assert snapshot(prepared) == before


def test_a_page_prepared_by_an_older_renderer_is_not_shown(
    prepared: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """The page is named by the renderer's version: once the version moves on, the prepared page is stale."""
    stale = tmp_path / "stale"
    stale.mkdir()
    for name, data in snapshot(prepared).items():
        (stale / name).parent.mkdir(parents=True, exist_ok=True)
        (stale / name).write_bytes(data.replace(b"Automated Apartheid", b"Stale Page") if "render" in name else data)
    assert "Stale Page" in page(first_start(stale, tmp_path / "before"))
    monkeypatch.setattr("reader.render.RENDER_VERSION", "next")
    folders = first_start(stale, tmp_path / "after")
    shown = page(folders)
    assert "Stale Page" not in shown and "Automated Apartheid" in shown
    assert [path.name.split("-")[1] for path in (folders.cache / "render").iterdir()] == ["vnext"]  # rebuilt there


def test_a_page_prepared_from_other_content_is_not_shown(prepared: Path, tmp_path: Path):
    content = tmp_path / "newer-content"
    content.mkdir()
    for path in CONTENT.iterdir():
        content.joinpath(path.name).write_bytes(path.read_bytes())
    with content.joinpath("report.md").open("a", encoding="utf-8") as report:
        report.write("\n## A later section\n\nAdded in a later edition.\n")
    data = tmp_path / "data"
    folders = Folders(
        data=data, cache=data / "cache", content=content, bundled_index=data / "x", bundled_cache=prepared
    )
    assert "Added in a later edition." in page(folders)


def test_a_report_parsed_by_an_older_reader_is_parsed_again(prepared: Path, tmp_path: Path):
    """The parsed report carries the parser's version: a prepared file of another version is read as missing."""

    def doctored(version_step: int) -> Path:
        folder = tmp_path / f"prepared{version_step}"
        (folder / "report").mkdir(parents=True)
        for source in (prepared / "report").iterdir():
            version, sections = json.loads(source.read_bytes())
            sections[0][1] = "A Stale Title"
            (folder / "report" / source.name).write_text(json.dumps([version + version_step, sections]), "utf-8")
        return folder

    same_version = build_app_objects(first_start(doctored(0), tmp_path / "same"))
    assert same_version.report.sections[0].title == "A Stale Title"  # read, so the check below means something
    older_version = build_app_objects(first_start(doctored(-1), tmp_path / "older"))
    assert all(section.title != "A Stale Title" for section in older_version.report.sections)


def test_the_window_of_a_first_start_shows_the_report_as_a_later_start_does(qtbot, prepared: Path, tmp_path: Path):
    from reader.ui.app import build_main_window

    texts = []
    for folders in (first_start(prepared, tmp_path / "first"), first_start(None, tmp_path / "later")):
        window = build_main_window(build_app_objects(folders))
        qtbot.addWidget(window)
        texts.append(window.document.toPlainText())
    assert texts[0] == texts[1] and "Automated Apartheid" in texts[0]
