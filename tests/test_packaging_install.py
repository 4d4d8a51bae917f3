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


@pytest.fixture
def installed(tmp_path: Path) -> tuple[Path, Path]:
    """The download's folder (a stand-in program) installed with HOME in a folder whose name needs quoting."""
    download = tmp_path / "field-reader"
    download.mkdir()
    (download / "field-reader").write_text("#!/bin/sh\necho started\n")
    (download / "field-reader").chmod(0o755)
    for source in (ROOT / "resources" / "field-reader.desktop", ROOT / "resources" / "icons" / "field-reader.svg"):
        shutil.copy(source, download)
    shutil.copy(ROOT / "packaging" / "install.sh", download)
    home = tmp_path / HOME_NAME
    home.mkdir()
    environment = {key: value for key, value in os.environ.items() if not key.startswith("XDG_")}
    environment["HOME"] = str(home)
    subprocess.run(["sh", str(download / "install.sh")], env=environment, check=True, capture_output=True)
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
