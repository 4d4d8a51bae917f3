"""`garbage_collection_paused`: Python's cycle collector held off during one long pass over many notes."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def garbage_collection_paused() -> Iterator[None]:
    """Hold off Python's cycle collector for the `with` block, then leave it as it was (also after a failure).

    A pass over thousands of notes (placing them, writing an export) makes hundreds of thousands of short-lived
    objects and no reference cycles worth collecting before it ends; each time they add up, the collector walks
    every object the program holds, the notes among them: tens of milliseconds, several times in one pass.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
