"""The core never reaches for Qt: every core module imports with PySide6 made unimportable."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import reader


def core_modules() -> list[str]:
    return [f"reader.{info.name}" for info in pkgutil.iter_modules(reader.__path__) if info.name != "ui"]


def test_core_modules_import_without_qt():
    modules = core_modules()
    assert "reader.content" in modules and "reader.cli" in modules
    code = "import sys\nsys.modules['PySide6'] = None\n" + "".join(f"import {name}\n" for name in modules)
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
