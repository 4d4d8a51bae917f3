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

import sys

from reader.module_stand_ins import stand_in, stood_in

STOOD_IN = ("argparse", "logging")


def import_pyside() -> None:
    """Import PySide6's core with the stand-ins in place (once; does nothing when shiboken6 is already loaded)."""
    if "shiboken6" in sys.modules:
        return
    with stood_in({name: stand_in(name) for name in STOOD_IN if name not in sys.modules}):
        import PySide6.QtCore  # noqa: F401
