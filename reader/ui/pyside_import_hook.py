"""`stop_source_reads`: PySide6's import hook stops reading the source of every module imported after it."""

from __future__ import annotations

import sys


def _uses_pyside(module: object) -> bool:
    """What the hook stores for a module: the default feature selection, as for any module that uses PySide6."""
    return True


def stop_source_reads() -> None:
    """Answer PySide6's per-module question without reading the module's source.

    PySide6 watches every import so that a module can opt into its `__feature__` switches (snake_case names, true
    properties). To choose between "default" and "ignore" for a module, it reads the module's whole source
    (`inspect.getsource`) and looks for the word PySide6; the lines stay in `linecache`. From a source checkout that
    is every Whoosh, standard-library and reader module imported after Qt: 4 MB the window keeps (freed lines leave
    their memory fragmented) and time at every start. Field Reader never uses `__feature__`, so every module gets the
    default that modules using PySide6 get. Does nothing when PySide6 has no such hook (other versions).
    """
    hook = sys.modules.get("shibokensupport.feature")
    if hook is not None and callable(getattr(hook, "_mod_uses_pyside", None)):
        hook._mod_uses_pyside = _uses_pyside  # type: ignore[attr-defined]
