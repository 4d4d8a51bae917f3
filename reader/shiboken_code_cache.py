"""PySide6's own start-up code, compiled before release and read at each start (`code_kept_in`).

Importing PySide6 first imports shiboken6, whose signature support is a dozen Python modules kept as source inside
the binding's library. Python caches the bytecode of the files it imports, but not of these: shiboken6 compiles them
again at every start (about 15 ms on the build machine, before the window can appear). While PySide6 is first
imported, `compile` takes such a module's code from the folders given (the prepared first start's, made with
the download or by the checkout's setup) when it was compiled there from the very same source by the same version of
Python, and compiles it otherwise. Any other use of `compile` is passed on unchanged; a file that cannot be read, is
not such code or was made from another source is as if it were not there.

The code is only ever read from the prepared folder inside the install folder or checkout, which is as trusted as the
program's own code: marshal data is not checked against tampering, so a folder anyone else can write to (the user's
cache) is never read. No Qt here: the caller imports PySide6 inside the `with` block.
"""

from __future__ import annotations

import builtins
import marshal
import zlib
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from importlib.util import MAGIC_NUMBER
from pathlib import Path
from types import CodeType

FOLDER = "shiboken-code"  # inside a prepared first start's folder
_PREFIX = "shibokensupport/"  # the names shiboken6 compiles its embedded modules under


def code_name(filename: str) -> str:
    """The file one embedded module's code is kept in, by Python's bytecode version and the module's name."""
    key = zlib.crc32(MAGIC_NUMBER + filename.encode("utf-8"))
    return f"{filename.rsplit('/', 1)[-1].removesuffix('.py')}-{key:08x}.code"


@contextmanager
def code_kept_in(read: Sequence[Path], write: Path | None = None) -> Iterator[dict[str, bytes]]:
    """For the `with` block, shiboken6's embedded modules take their code from `read` (each a prepared folder) when
    it was made from the same source; what had to be compiled is written into `write` when it is given (the step
    that prepares a first start) and is what the block yields, by file name."""
    real_compile = builtins.compile
    compiled: dict[str, bytes] = {}

    def compile_or_take_kept(source: object, filename: object, mode: str, *args: object, **kwargs: object) -> object:
        if (
            args
            or kwargs
            or mode != "exec"
            or not isinstance(filename, str)
            or not filename.startswith(_PREFIX)
            or not isinstance(source, bytes)
        ):
            return real_compile(source, filename, mode, *args, **kwargs)  # type: ignore[call-overload]
        name = code_name(filename)
        for folder in read:
            kept = _kept_code(folder / FOLDER / name, source)
            if kept is not None:
                return kept
        code = real_compile(source, filename, mode)
        compiled[name] = marshal.dumps((source, code))
        return code

    builtins.compile = compile_or_take_kept  # type: ignore[assignment]
    try:
        yield compiled
    finally:
        builtins.compile = real_compile
    if write is not None:
        from reader.atomic_file import write_cache_file

        for name, data in compiled.items():
            write_cache_file(write / FOLDER / name, data)


def _kept_code(path: Path, source: bytes) -> CodeType | None:
    """The code kept in `path` if it was compiled from `source`; None otherwise (or when it cannot be read)."""
    try:
        kept_source, code = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return None
    return code if kept_source == source and isinstance(code, CodeType) else None
