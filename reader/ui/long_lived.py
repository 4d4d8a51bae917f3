"""`settle_long_lived`: what was just built to last as long as the notes are open leaves Python's full collections."""

from __future__ import annotations

import gc
import linecache


def settle_long_lived() -> None:
    """Move every object alive now out of reach of Python's cycle collector (`gc.freeze`).

    With 10,000 notes, their places, highlights and search index in memory, each full collection walks millions of
    objects and stalls the window for 30 to 70 ms, though these objects live as long as the notes are open. Called
    once such a set has just been built (the window, the notes read and placed, indexed, painted): later collections
    walk only what came after. A frozen object that is dropped is still freed by its reference count; only cycles
    among frozen objects stay until the process ends.

    Also let go of the source lines read while the set was built: PySide6's import hook reads the whole source of
    every module imported after it (`inspect.getsource`, to see whether the module uses PySide6), and the standard
    library keeps them in `linecache`, 6 to 8 MB that nothing reads again.
    """
    linecache.clearcache()
    gc.freeze()
