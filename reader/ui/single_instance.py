"""One window per data folder: a second start on the same folder brings the running window to the front and exits.

The design, in two parts with one job each:

- **The authority is a lock file**, `window.lock` in the data folder (`QLockFile`). Creating it is atomic, so when
  two starts race, exactly one gets it; the holder keeps it open (and, on Unix, `flock`ed) until it quits, so no one
  can take it from a live window. A lock left by a crashed process names a process that no longer runs; `QLockFile`
  sees that and takes the lock over. Age never makes a lock stale here (`setStaleLockTime(0)`): a window stays open
  for hours.
- **The messenger is a request file**, `window.raise` in the same folder. A later start that cannot take the lock
  writes the six bytes `raise` and a newline to a temporary file and renames it to `window.raise`, so the request
  appears whole or not at all, then waits for it to go: gone means handed over, and the start exits. Only the lock
  holder watches the folder (`QFileSystemWatcher`: inotify on Linux, the system's own change notices on Windows and
  macOS, Qt's polling where those run out). On each change it reads no more than the token's bytes of whatever
  bears that name (a regular file only: a pipe is never opened for reading), removes it, and brings its window
  forward only when it was exactly the token. Nothing here needs more than QtCore: no socket, no QtNetwork.

The holder starts watching just after its window's first paint (`listen()`), so the guard never delays that paint,
and then answers a request made while the window was being built. When it takes the lock it first removes any
request already there: one left by a start that crashed while waiting was addressed to a window that has gone, so it
neither raises the new window nor blocks anyone. The data folder is the user's own (no one else may write in it), so
only the user can ask a window to come forward, and the request says nothing about them or their notes.

A start that cannot take the lock waits up to three seconds for its request to be taken, trying the lock again
meanwhile: a holder that quits leaves it free, and the start then opens its own window. If no one takes the request
(a holder still starting, hung, or on another computer sharing the folder) the start withdraws it and opens its
window anyway, as the reader did before this guard: refusing to open would be worse. Starts that ask at once share
one request (the last rename wins, one raise answers them all); one that asks in the instant a new holder takes the
lock may see its request cleared as a leftover and exit, while the new window it would have raised opens anyway.
"""

from __future__ import annotations

import contextlib
import enum
import os
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLockFile, QObject, Signal

from reader.errors import ReaderError
from reader.lock.running_window import WINDOW_LOCK_NAME

if TYPE_CHECKING:
    from PySide6.QtCore import QFileSystemWatcher
    from PySide6.QtWidgets import QWidget

LOCK_NAME = WINDOW_LOCK_NAME  # the core reads the same file to know a window is open (`lock/running_window.py`)
REQUEST_NAME = "window.raise"  # written by a later start, taken by the lock holder
RAISE_TOKEN = b"raise\n"
SETTLE_MS = 3000  # how long a start waits for a lock holder to take its request (it may still be starting)
POLL_MS = 50


class Claim(enum.Enum):
    """What `SingleInstance.claim()` found."""

    FIRST = "first"  # this process holds the folder: open the window
    HANDED_OVER = "handed over"  # a window on this folder runs and was asked to come forward: exit
    UNGUARDED = "unguarded"  # could not tell (no lock, no answer): open the window without the guard


def bring_to_front(window: QWidget) -> None:
    """Show the window, un-minimized, above the others and with the focus (as far as the window manager allows)."""
    from PySide6.QtCore import Qt

    state = window.windowState()
    if state & Qt.WindowState.WindowMinimized:
        window.setWindowState(state & ~Qt.WindowState.WindowMinimized)
    window.show()
    window.raise_()
    window.activateWindow()


class SingleInstance(QObject):
    """The one-window guard of one data folder: `claim()` once, `attach()` the window, `release()` on the way out."""

    raise_requested = Signal()

    def __init__(self, data_folder: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("singleInstance")
        self._data_folder = Path(data_folder)
        self._request = self._data_folder / REQUEST_NAME
        self._lock = QLockFile(str(self._data_folder / LOCK_NAME))
        self._lock.setStaleLockTime(0)  # stale only when its process is gone, never by age
        self._watcher: QFileSystemWatcher | None = None
        self._window: QWidget | None = None
        self._pending = False

    def claim(self) -> Claim:
        """Take the folder, or hand over to the window that has it; see the module's docstring.

        The first start only takes the lock here (and clears a request left behind); it starts watching with
        `listen()` once its window is painted. A later start in that moment waits for it (`SETTLE_MS`).
        """
        deadline = time.monotonic() + SETTLE_MS / 1000
        sent = False
        mine: os.stat_result | None = None  # the request this start wrote, to withdraw only that one
        while True:
            if self._lock.tryLock(0):
                self._remove_request()  # addressed to a window that has gone (or this start's own): not for us
                return Claim.FIRST
            if self._lock.error() != QLockFile.LockError.LockFailedError:
                self._withdraw(mine)
                return Claim.UNGUARDED  # no lock to be had (a read-only folder, say)
            if not sent:
                with contextlib.suppress(ReaderError):  # not written (a full disk, say): try again until the deadline
                    mine = self._send_request()
                    sent = True
            elif not os.path.lexists(self._request):
                return Claim.HANDED_OVER  # the holder took it
            if time.monotonic() >= deadline:
                self._withdraw(mine)
                return Claim.UNGUARDED  # the holder never answered
            time.sleep(POLL_MS / 1000)

    def listen(self) -> None:
        """Start answering later starts (once; the lock must be held), and answer one that asked in the meantime."""
        if self._watcher is not None or not self._lock.isLocked():
            return
        from PySide6.QtCore import QFileSystemWatcher

        watcher = QFileSystemWatcher(self)
        watcher.setObjectName("singleInstanceWatcher")
        if not watcher.addPath(str(self._data_folder)):
            watcher.deleteLater()  # no messenger: the lock still keeps later starts from opening a second guard
            return
        watcher.directoryChanged.connect(self._on_watcher_directory_changed)
        self._watcher = watcher
        self._take_request()

    @property
    def is_listening(self) -> bool:
        return self._watcher is not None

    def attach(self, window: QWidget) -> None:
        """Bring `window` forward on every request from now on, and now if one came while it was being built."""
        self._window = window
        if self._pending:
            self._pending = False
            bring_to_front(window)

    def release(self) -> None:
        """Stop watching, then let go of the lock (in that order, so a successor's request is never taken here)."""
        if self._watcher is not None:
            self._watcher.directoryChanged.disconnect(self._on_watcher_directory_changed)
            self._watcher.removePath(str(self._data_folder))
            self._watcher.deleteLater()
            self._watcher = None
        if self._lock.isLocked():
            self._lock.unlock()

    def _send_request(self) -> os.stat_result | None:
        """Write the request whole; what it is on disk (None when the holder took it at once)."""
        from reader.atomic_file import write_atomically  # a later start's alone: the first never loads tempfile

        write_atomically(self._request, RAISE_TOKEN, private=True)
        try:
            return os.stat(self._request)
        except FileNotFoundError:
            return None

    def _withdraw(self, mine: os.stat_result | None) -> None:
        """Remove this start's request if it is still there, so no one answers it after this start has given up."""
        if mine is None:
            return
        # Gone, or replaced by another start's request (which is theirs to withdraw): either way, leave it.
        with contextlib.suppress(OSError):
            if os.path.samestat(os.stat(self._request), mine):
                os.remove(self._request)

    def _remove_request(self) -> None:
        with contextlib.suppress(OSError):  # nothing there (the usual case), or a folder: never taken for a request
            os.remove(self._request)

    def _on_watcher_directory_changed(self, _folder: str) -> None:
        self._take_request()

    def _take_request(self) -> None:
        """Read what bears the request's name (never more than the token), remove it, and raise if it was the token."""
        from reader.bounded_read import RefusedFileError, read_regular_file

        try:
            received = read_regular_file(self._request, len(RAISE_TOKEN))
        except FileNotFoundError:
            return  # the usual case: something else in the folder changed
        except (RefusedFileError, OSError):
            received = b""  # larger than the token, a folder, a pipe, unreadable: not a request
        self._remove_request()
        if received == RAISE_TOKEN:
            self._request_raise()

    def _request_raise(self) -> None:
        self.raise_requested.emit()
        if self._window is None:
            self._pending = True
        else:
            bring_to_front(self._window)
