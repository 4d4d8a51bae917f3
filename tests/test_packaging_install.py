"""`install.sh` from the download: the menu entry it writes launches the installed program wherever the home folder
is, whatever its name holds (spaces, `&`, quotes, `$`, backslashes)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
HOME_NAME = 'Ada & "Bo" $HOME `id` \\b y'


def exec_arguments(value: str) -> list[str]:
    """An Exec value's arguments as the Desktop Entry spec reads them: the key file's escapes undone first, then
    double quotes, inside which a backslash escapes " ` $ and itself."""
    unescaped, index = [], 0
    while index < len(value):
        if value[index] == "\\" and index + 1 < len(value):
            unescaped.append({"s": " ", "n": "\n", "t": "\t", "r": "\r"}.get(value[index + 1], value[index + 1]))
            index += 2
        else:
            unescaped.append(value[index])
            index += 1
    text, arguments, current, quoted, index = "".join(unescaped), [], "", False, 0
    while index < len(text):
        character = text[index]
        if quoted and character == "\\" and text[index + 1] in '"`$\\':
            current += text[index + 1]
            index += 1
        elif character == '"':
            quoted = not quoted
        elif character == " " and not quoted:
            arguments.append(current)
            current = ""
        else:
            assert quoted or character not in "\"'\\><~|&;$*?#()`", f"reserved {character!r} outside quotes in {value}"
            current += character
        index += 1
    assert not quoted, value
    return [*arguments, current]


def entry(path: Path) -> dict[str, str]:
    return dict(line.split("=", 1) for line in path.read_text().splitlines() if "=" in line)


def unpacked_download(folder: Path) -> Path:
    """The download's folder as a reader unpacks it, with a stand-in program."""
    folder.mkdir()
    (folder / "field-reader").write_text("#!/bin/sh\necho started\n")
    (folder / "field-reader").chmod(0o755)
    (folder / "_internal").mkdir()
    (folder / "_internal" / "library.so").write_text("this version's library")
    for source in (ROOT / "resources" / "field-reader.desktop", ROOT / "resources" / "icons" / "field-reader.svg"):
        shutil.copy(source, folder)
    shutil.copy(ROOT / "packaging" / "install.sh", folder)
    return folder


def run_install(script: Path, home: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    environment = {key: value for key, value in os.environ.items() if not key.startswith("XDG_")}
    environment["HOME"] = str(home)
    return subprocess.run(["sh", str(script), *arguments], env=environment, capture_output=True, text=True)


@pytest.fixture
def installed(tmp_path: Path) -> tuple[Path, Path]:
    """The download's folder (a stand-in program) installed with HOME in a folder whose name needs quoting."""
    download = unpacked_download(tmp_path / "field-reader")
    home = tmp_path / HOME_NAME
    home.mkdir()
    assert run_install(download / "install.sh", home).returncode == 0
    return home, home / ".local" / "share" / "applications" / "field-reader.desktop"


def test_the_menu_entry_starts_the_installed_program_from_a_home_folder_that_needs_quoting(installed):
    home, desktop_file = installed
    program = home / ".local" / "share" / "field-reader-app" / "field-reader"
    assert exec_arguments(entry(desktop_file)["Exec"]) == [str(program)]
    assert subprocess.run([*exec_arguments(entry(desktop_file)["Exec"])], capture_output=True, text=True).stdout == (
        "started\n"
    )


def test_the_menu_entry_names_the_installed_icon(installed):
    home, desktop_file = installed
    icon = entry(desktop_file)["Icon"].replace("\\\\", "\\")
    assert Path(icon) == home / ".local" / "share" / "field-reader-app" / "field-reader.svg"
    assert Path(icon).is_file()


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils is not installed")
def test_the_menu_entry_is_a_valid_desktop_entry(installed):
    _home, desktop_file = installed
    result = subprocess.run(["desktop-file-validate", str(desktop_file)], capture_output=True, text=True)
    errors = [line for line in result.stdout.splitlines() if "error:" in line]
    assert result.returncode == 0 and errors == [], result.stdout


def installed_program(home: Path) -> Path:
    return home / ".local" / "share" / "field-reader-app"


def test_uninstall_removes_the_program_its_menu_entry_and_its_command_and_keeps_the_notes(installed):
    home, desktop_file = installed
    notes = home / ".local" / "share" / "field-reader" / "notes.sqlite3"
    notes.parent.mkdir(parents=True)
    notes.write_text("my notes")
    result = run_install(installed_program(home) / "install.sh", home, "--uninstall")
    assert result.returncode == 0, result.stderr
    assert not installed_program(home).exists()
    assert not desktop_file.exists()
    assert not (home / ".local" / "bin" / "field-reader").is_symlink()
    assert notes.read_text() == "my notes"
    assert str(notes.parent) in result.stdout


def test_uninstall_keeps_notes_kept_beside_the_installed_program(installed):
    home, _desktop_file = installed
    notes = installed_program(home) / "data" / "notes.sqlite3"
    notes.parent.mkdir()
    notes.write_text("my notes")
    assert run_install(installed_program(home) / "install.sh", home, "--uninstall").returncode == 0
    assert notes.read_text() == "my notes"
    assert not (installed_program(home) / "field-reader").exists()


def test_installing_from_a_portable_copy_leaves_its_notes_with_it(tmp_path: Path):
    download = unpacked_download(tmp_path / "stick")
    (download / "portable").touch()
    (download / "data").mkdir()
    (download / "data" / "notes.sqlite3").write_text("notes on the stick")
    home = tmp_path / "home"
    home.mkdir()
    result = run_install(download / "install.sh", home)
    assert result.returncode == 0, result.stderr
    assert not (installed_program(home) / "portable").exists()  # the installed copy keeps its notes in the home
    assert not (installed_program(home) / "data").exists()
    assert (download / "data" / "notes.sqlite3").read_text() == "notes on the stick"
    assert "data/" in result.stdout


def test_an_update_never_replaces_notes_kept_beside_the_installed_program(tmp_path: Path):
    home = tmp_path / "home"
    home.mkdir()
    assert run_install(unpacked_download(tmp_path / "old") / "install.sh", home).returncode == 0
    (installed_program(home) / "data").mkdir()
    (installed_program(home) / "data" / "notes.sqlite3").write_text("the installed copy's notes")
    newer = unpacked_download(tmp_path / "new")
    (newer / "data").mkdir()
    (newer / "data" / "notes.sqlite3").write_text("older notes from a stick")
    assert run_install(newer / "install.sh", home).returncode == 0
    assert (installed_program(home) / "data" / "notes.sqlite3").read_text() == "the installed copy's notes"


def test_an_update_leaves_no_file_of_the_old_version(tmp_path: Path):
    home = tmp_path / "home"
    home.mkdir()
    old = unpacked_download(tmp_path / "old")
    (old / "_internal" / "dropped.so").write_text("a library the new version no longer has")
    assert run_install(old / "install.sh", home).returncode == 0
    assert run_install(unpacked_download(tmp_path / "new") / "install.sh", home).returncode == 0
    assert sorted(path.name for path in (installed_program(home) / "_internal").iterdir()) == ["library.so"]


def test_installing_from_the_installed_folder_says_so_and_changes_nothing(installed):
    home, _desktop_file = installed
    before = sorted(path.relative_to(home) for path in home.rglob("*"))
    result = run_install(installed_program(home) / "install.sh", home)
    assert result.returncode == 1
    assert len(result.stderr.splitlines()) == 1 and "already installed" in result.stderr
    assert sorted(path.relative_to(home) for path in home.rglob("*")) == before
    assert (installed_program(home) / "field-reader").is_file()


def test_an_unknown_option_is_one_usage_line(installed):
    home, _desktop_file = installed
    result = run_install(installed_program(home) / "install.sh", home, "--remove")
    assert result.returncode == 2
    assert result.stderr == "usage: install.sh [--uninstall]\n"
