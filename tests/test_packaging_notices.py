"""The downloads' licences: every bundled component's text beside the app, listed in THIRD-PARTY-NOTICES.txt."""

from __future__ import annotations

import importlib.util
import json
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import fpdf
import pytest
import whoosh
from PySide6 import QtCore

ROOT = Path(__file__).resolve().parent.parent
COMMON_LICENSES = Path("/usr/share/common-licenses")


def load_notices_module():
    spec = importlib.util.spec_from_file_location("third_party_notices", ROOT / "packaging" / "third_party_notices.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up while being made
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def notices_module():
    if not (COMMON_LICENSES / "LGPL-3").is_file():
        pytest.skip("needs Debian's common licences (base-files)")
    return load_notices_module()


@pytest.fixture
def bundle(tmp_path: Path, notices_module) -> Path:
    """A bundle of a few real files, as the spec hands them over: fpdf2, Whoosh, Qt, the stdlib and our own code."""
    folder = tmp_path / "field-reader"
    folder.mkdir()
    sources = [Path(fpdf.__file__), Path(whoosh.__file__), Path(QtCore.__file__), Path(json.__file__)]
    sources.append(ROOT / "reader" / "__init__.py")
    notices_module.write_notices(folder, sources, ROOT, "Field Reader", "9.9.9", QtCore.qVersion())
    return folder


def notices_entries(bundle: Path) -> dict[str, list[str]]:
    """Each entry of THIRD-PARTY-NOTICES.txt by its first line, with the licence texts it names."""
    entries: dict[str, list[str]] = {}
    name = ""
    for line in (bundle / "THIRD-PARTY-NOTICES.txt").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith(" ") and not set(line) <= {"-"}:
            name = line
            entries[name] = []
        elif line.startswith("    Text:"):
            entries[name].append(line.split(":", 1)[1].strip())
    return entries


def entry_starting(bundle: Path, start: str) -> list[str]:
    matches = [texts for name, texts in notices_entries(bundle).items() if name.startswith(start)]
    assert len(matches) == 1, notices_entries(bundle).keys()
    return matches[0]


def test_a_bundled_python_library_ships_its_own_licence_text_named_in_the_notices(bundle):
    texts = entry_starting(bundle, "fpdf2 ")
    assert any(text.endswith("/LICENSE") for text in texts)
    for text in texts:
        assert (bundle / text).is_file(), text
    licence = (bundle / next(text for text in texts if text.endswith("/LICENSE"))).read_text(encoding="utf-8")
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in licence
    assert "LGPL-3.0" in (bundle / "THIRD-PARTY-NOTICES.txt").read_text(encoding="utf-8")


def test_every_bundled_distribution_is_listed_and_nothing_else(bundle):
    names = set(notices_entries(bundle))
    assert any(name.startswith("Whoosh-Reloaded ") for name in names)
    assert not any(name.startswith(("pytest", "hypothesis", "pypdf ", "field-reader")) for name in names)


def test_python_itself_ships_its_licence(bundle):
    (text,) = entry_starting(bundle, "Python (")
    stdlib_licence = Path(sysconfig.get_paths()["stdlib"]) / "LICENSE.txt"
    assert (bundle / text).read_bytes() == stdlib_licence.read_bytes()


def test_qt_ships_the_lgpl_and_gpl_and_a_notice_saying_where_its_source_is(bundle):
    texts = entry_starting(bundle, f"Qt {QtCore.qVersion()}")
    assert (bundle / "LICENSES/Qt/LGPL-3.0.txt").read_bytes() == (COMMON_LICENSES / "LGPL-3").read_bytes()
    assert (bundle / "LICENSES/Qt/GPL-3.0.txt").read_bytes() == (COMMON_LICENSES / "GPL-3").read_bytes()
    notice = (bundle / "LICENSES/Qt/NOTICE.txt").read_text(encoding="utf-8")
    assert "LICENSES/Qt/NOTICE.txt" in texts
    assert "LGPL-3.0-only" in notice and "https://download.qt.io/" in notice and "shiboken6" in notice


@pytest.mark.skipif(shutil.which("dpkg") is None, reason="needs dpkg to trace a system library")
def test_a_library_copied_from_the_system_ships_its_debian_copyright(tmp_path, notices_module):
    library = next(iter(sorted(Path("/usr/lib").glob("*/libsqlite3.so.0"))), None)
    if library is None or not Path("/usr/share/doc/libsqlite3-0/copyright").is_file():
        pytest.skip("no Debian SQLite library here")
    folder = tmp_path / "bundle"
    folder.mkdir()
    notices_module.write_notices(folder, [library], ROOT, "Field Reader", "9.9.9", QtCore.qVersion())
    texts = entry_starting(folder, "SQLite ")
    assert (folder / texts[0]).read_text(encoding="utf-8") == Path("/usr/share/doc/libsqlite3-0/copyright").read_text(
        encoding="utf-8"
    )


def test_a_bundled_file_with_no_known_licence_stops_the_build_in_one_line(tmp_path, notices_module):
    stray = tmp_path / "elsewhere" / "libmystery.so"
    stray.parent.mkdir()
    stray.write_bytes(b"\x7fELF")
    with pytest.raises(SystemExit) as stopped:
        notices_module.write_notices(tmp_path, [stray], ROOT, "Field Reader", "9.9.9", "6.0.0")
    assert "libmystery.so" in str(stopped.value) and "\n" not in str(stopped.value)


def test_the_deb_copyright_points_to_the_notices_and_no_longer_to_the_about_box():
    copyright_text = (ROOT / "packaging" / "deb" / "copyright").read_text(encoding="utf-8")
    assert "/opt/field-reader/THIRD-PARTY-NOTICES.txt" in copyright_text
    assert "/usr/share/common-licenses/LGPL-3" in copyright_text
    assert "About box" not in copyright_text.replace("see the About box", "")


def test_the_download_readme_points_to_the_notices():
    readme = (ROOT / "packaging" / "README-download.txt").read_text(encoding="utf-8")
    assert "THIRD-PARTY-NOTICES.txt" in readme and "LICENSES" in readme


@pytest.mark.skipif(shutil.which("dpkg-deb") is None, reason="needs dpkg-deb")
def test_the_deb_installs_the_notices_and_licences_beside_the_app(tmp_path):
    bundle = tmp_path / "field-reader"
    (bundle / "_internal").mkdir(parents=True)
    (bundle / "field-reader").write_text("#!/bin/sh\n", encoding="utf-8")
    (bundle / "THIRD-PARTY-NOTICES.txt").write_text("notices\n", encoding="utf-8")
    (bundle / "LICENSES" / "Qt").mkdir(parents=True)
    (bundle / "LICENSES" / "Qt" / "LGPL-3.0.txt").write_text("LGPL\n", encoding="utf-8")
    deb = tmp_path / "field-reader.deb"
    subprocess.run(
        [str(ROOT / "packaging" / "deb" / "build_deb.sh"), str(bundle), "9.9.9", "amd64", str(deb)],
        check=True,
        capture_output=True,
        env={"PATH": "/usr/bin:/bin", "SOURCE_DATE_EPOCH": "0"},
    )
    listing = subprocess.run(["dpkg-deb", "-c", str(deb)], check=True, capture_output=True, text=True).stdout
    assert " ./opt/field-reader/THIRD-PARTY-NOTICES.txt\n" in listing
    assert " ./opt/field-reader/LICENSES/Qt/LGPL-3.0.txt\n" in listing
