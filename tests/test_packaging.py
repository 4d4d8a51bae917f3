"""The download: one version everywhere, the desktop metadata, and the prepared first start read from the bundle."""

from __future__ import annotations

import re
import tomllib
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

from reader import __version__
from reader.__main__ import main
from reader.app_objects import build_app_objects
from reader.content import load_report
from reader.paths import Folders
from reader.render import RenderOptions
from reader.render_cache import cached_report_html

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"


def test_the_version_has_one_source_which_the_package_metadata_reads():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" not in project["project"] and "version" in project["project"]["dynamic"]
    assert project["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "reader.__version__"}
    assert re.fullmatch(r"\d+\.\d+\.\d+", __version__)


def test_version_prints_the_one_version(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0
    assert capsys.readouterr().out.strip() == f"field-reader {__version__}"


def test_the_appstream_metadata_names_this_release_and_a_web_screenshot():
    root = ElementTree.parse(ROOT / "resources" / "org.fieldreader.FieldReader.metainfo.xml").getroot()
    assert root.find("releases/release").get("version") == __version__
    image = root.find("screenshots/screenshot/image").text
    assert image.startswith("https://")
    assert root.find("project_license").text == "GPL-3.0-or-later"


def test_no_recipe_writes_the_version_down_a_second_time():
    recipes = [
        path
        for folder in (ROOT / "packaging", ROOT / ".github")
        for path in folder.rglob("*")
        if path.is_file() and path.suffix in {".sh", ".iss", ".spec", ".yml", ".in", ".plist", ".txt", ""}
    ]
    assert recipes
    for path in recipes:
        assert __version__ not in path.read_text(encoding="utf-8", errors="replace"), path


def test_the_desktop_entry_starts_the_command_without_file_arguments():
    entry = (ROOT / "resources" / "field-reader.desktop").read_text(encoding="utf-8")
    assert "Exec=field-reader\n" in entry and "Icon=field-reader\n" in entry


@pytest.fixture
def prepared(tmp_path: Path) -> Path:
    """What packaging/prepare_first_start.py ships as `prepared/`: the cache's layout, made before release."""
    folder = tmp_path / "install" / "prepared"
    report = load_report(CONTENT, folder)
    from reader.app_objects import glossary_loader

    cached_report_html(report, RenderOptions(), folder, glossary_loader(report))
    for path in folder.rglob("*"):
        path.chmod(0o555 if path.is_dir() else 0o444)  # an install folder the user cannot write to
    return folder


def folders_with(prepared: Path, data: Path) -> Folders:
    return Folders(
        data=data, cache=data / "cache", content=CONTENT, bundled_index=data / "no-index", bundled_cache=prepared
    )


def test_a_first_start_reads_the_page_prepared_in_the_install_folder(prepared: Path, tmp_path: Path, monkeypatch):
    objects = build_app_objects(folders_with(prepared, tmp_path / "data"))

    def no_rendering(*_args, **_kwargs):
        raise AssertionError("the page was rendered although the install folder has it")

    monkeypatch.setattr("reader.render.render_report", no_rendering)
    html = cached_report_html(
        objects.report, RenderOptions(), objects.folders.cache, objects.glossary, objects.folders.bundled_cache
    )
    assert "Automated Apartheid" in html
    assert not (tmp_path / "data" / "cache" / "render").exists()  # read in place, not copied


def test_a_first_start_skips_parsing_the_report(prepared: Path, tmp_path: Path, monkeypatch):
    def no_parsing(*_args, **_kwargs):
        raise AssertionError("the report was parsed although the install folder has it parsed")

    monkeypatch.setattr("reader.content._parse_sections", no_parsing)
    objects = build_app_objects(folders_with(prepared, tmp_path / "data"))
    assert objects.report.sections


def test_a_prepared_page_of_other_content_is_never_shown(prepared: Path, tmp_path: Path):
    other = tmp_path / "other-content"
    other.mkdir()
    for path in CONTENT.iterdir():
        other.joinpath(path.name).write_bytes(path.read_bytes())
    with other.joinpath("report.md").open("a", encoding="utf-8") as report_file:
        report_file.write("\n## A later section\n\nAdded in a later edition.\n")
    folders = Folders(
        data=tmp_path / "data",
        cache=tmp_path / "data" / "cache",
        content=other,
        bundled_index=tmp_path / "no-index",
        bundled_cache=prepared,
    )
    objects = build_app_objects(folders)
    html = cached_report_html(objects.report, RenderOptions(), folders.cache, objects.glossary, prepared)
    assert "Added in a later edition." in html
