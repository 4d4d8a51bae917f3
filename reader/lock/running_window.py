"""Whether a reading window has this data folder open (it holds `window.lock`), asked before switching the lock.

The window takes the lock file with Qt's QLockFile, which writes the holder's process id on its first line. The
core only reads it: a live process behind that id means the window is open and holds the notes.
"""

from __future__ import annotations

import os
from pathlib import Path

WINDOW_LOCK_NAME = "window.lock"


def window_is_open(data: Path) -> bool:
    """True when a window on `data` runs (on Windows: when its lock file exists, as only a running window keeps it)."""
    path = Path(data) / WINDOW_LOCK_NAME
    try:
        first_line = path.read_text(encoding="ascii", errors="replace").split("\n", 1)[0]
        process = int(first_line)
    except (OSError, ValueError):
        return False
    if process <= 0:
        return False
    if os.name == "nt":
        return True
    try:
        os.kill(process, 0)  # signal 0: only asks whether the process exists
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # it exists, run by someone else
    return True
