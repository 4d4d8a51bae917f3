"""shiboken6's start-up code, compiled when a first start is prepared and taken from there at every start
(`reader/shiboken_code_cache.py`); never taken when it was compiled from another source, or cannot be read."""

from __future__ import annotations

import builtins
import subprocess
import sys
from pathlib import Path

import pytest

from reader.shiboken_code_cache import FOLDER, code_kept_in, code_name

ROOT = Path(__file__).resolve().parent.parent.parent
NAME = "shibokensupport/signature/example.py"  # as shiboken6 names the modules it compiles


def run_module(code: object) -> dict[str, object]:
    namespace: dict[str, object] = {}
    exec(code, namespace)  # as shiboken6 runs a module it compiled
    return namespace


def test_code_compiled_once_is_taken_from_the_folder_after(tmp_path: Path) -> None:
    with code_kept_in([], tmp_path) as compiled:
        run_module(compile(b"answer = 6 * 7", NAME, "exec"))
    assert list(compiled) == [code_name(NAME)]
    assert (tmp_path / FOLDER / code_name(NAME)).is_file()

    with code_kept_in([tmp_path]) as compiled:
        code = compile(b"answer = 6 * 7", NAME, "exec")

    assert compiled == {}  # nothing compiled: taken from the folder
    assert run_module(code)["answer"] == 42


@pytest.mark.parametrize("kept", [b"not code at all", b""])
def test_a_damaged_file_is_compiled_again(tmp_path: Path, kept: bytes) -> None:
    (tmp_path / FOLDER).mkdir()
    (tmp_path / FOLDER / code_name(NAME)).write_bytes(kept)

    with code_kept_in([tmp_path]) as compiled:
        code = compile(b"answer = 6 * 7", NAME, "exec")

    assert list(compiled) == [code_name(NAME)]
    assert run_module(code)["answer"] == 42


def test_code_kept_from_another_source_is_not_taken(tmp_path: Path) -> None:
    """A PySide6 upgraded since the first start was prepared: its modules' new source is compiled."""
    with code_kept_in([], tmp_path):
        compile(b"answer = 6 * 7", NAME, "exec")

    with code_kept_in([tmp_path]) as compiled:
        code = compile(b"answer = 6 * 9", NAME, "exec")

    assert list(compiled) == [code_name(NAME)]
    assert run_module(code)["answer"] == 54


def test_every_other_compile_is_left_alone_and_compile_is_put_back(tmp_path: Path) -> None:
    real = builtins.compile
    with pytest.raises(SyntaxError), code_kept_in([tmp_path], tmp_path) as compiled:
        assert run_module(compile("answer = 1", "elsewhere.py", "exec"))["answer"] == 1
        assert compile("1 + 1", NAME, "eval") is not None  # not a module's code
        compile("answer = (", NAME, "exec")  # text, not the bytes shiboken6 reads: passed on, and it fails

    assert compiled == {}
    assert builtins.compile is real
    assert not (tmp_path / FOLDER).exists()


def test_the_window_imports_pyside_without_compiling_what_was_prepared(tmp_path: Path) -> None:
    """The preparation step (`make run`, the download's build) keeps shiboken6's code; the window's start then
    compiles none of it. Both run as fresh processes, as they do for real (shiboken6 compiles its code only when
    first imported)."""
    prepared = tmp_path / "prepared"
    subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "prepare_first_start.py"), str(prepared)],
        check=True,
        capture_output=True,
    )
    assert len(list((prepared / FOLDER).iterdir())) > 5
    start = f"""
import builtins, sys
from pathlib import Path
compiled = []
real = builtins.compile
def counting(source, filename, *args, **kwargs):
    compiled.append(filename)
    return real(source, filename, *args, **kwargs)
builtins.compile = counting
from reader.__main__ import _window_runner
from reader.paths import Folders
data = Path({str(tmp_path / "data")!r})
folders = Folders(data, data / "cache", Path("content"), data / "no-index", bundled_cache=Path({str(prepared)!r}))
_window_runner(folders)
shiboken_compiled = sum(str(name).startswith("shibokensupport/") for name in compiled)
print(shiboken_compiled, "shibokensupport.signature.loader" in sys.modules)
"""
    shown = subprocess.run(
        [sys.executable, "-c", start], check=True, capture_output=True, text=True, cwd=ROOT
    ).stdout.split()

    assert shown == ["0", "True"]
