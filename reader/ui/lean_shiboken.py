"""Importing PySide6 without the standard-library modules its binding layer loads but never uses here.

Importing PySide6 first imports shiboken6, whose signature support brings in a tool that writes `.pyi` stub files. That
tool imports `argparse` and `logging` at its top for its own command line; the window never runs it. Together they
are close to a megabyte in every window (their code, `gettext`, which `argparse` brings, and what `logging` sets up as
it loads).

While shiboken6 is first imported, small stand-ins take these modules' places; they are taken away again at once, so
anything that imports one of them later gets the real module, and a stand-in that is ever used hands over to the
real module.
"""

from __future__ import annotations

import importlib
import sys
import types
from collections.abc import Callable

from reader.module_stand_ins import stood_in

STOOD_IN = ("argparse", "logging")


def _forwarding(name: str) -> Callable[[str], object]:
    """A module `__getattr__` that answers with the real module's attribute (it is imported then)."""

    def attribute(wanted: str) -> object:
        if wanted.startswith("__"):  # the import system's own questions are not a use
            raise AttributeError(wanted)
        return getattr(_real(name), wanted)

    return attribute


def _real(name: str) -> types.ModuleType:
    """The real module, imported now if a stand-in is all there is so far."""
    module = sys.modules.get(name)
    if module is None or getattr(module, "__stand_in__", False):
        sys.modules.pop(name, None)
        module = importlib.import_module(name)
    return module


def import_pyside() -> None:
    """Import PySide6's core with the stand-ins in place (once; does nothing when shiboken6 is already loaded)."""
    if "shiboken6" in sys.modules:
        return
    stand_ins = {}
    for name in STOOD_IN:
        if name not in sys.modules:
            module = stand_ins[name] = types.ModuleType(name)
            module.__stand_in__ = True  # type: ignore[attr-defined]
            module.__getattr__ = _forwarding(name)  # type: ignore[method-assign]
    with stood_in(stand_ins):
        import PySide6.QtCore  # noqa: F401
