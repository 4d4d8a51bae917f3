"""One window per data folder: a second start on the same folder brings the running window to the front and exits.

The design, in two parts with one job each:

- **The authority is a lock file**, `window.lock` in the data folder (`QLockFile`). Creating it is atomic, so when
  two starts race, exactly one gets it; the holder keeps it open (and, on Unix, `flock`ed) until it quits, so no one
  can take it from a live window. A lock left by a crashed process names a process that no longer runs; `QLockFile`
  sees that and takes the lock over. Age never makes a lock stale here (`setStaleLockTime(0)`): a window stays open
  for hours.
- **The messenger is a local socket** (`QLocalServer`: a Unix domain socket, or a named pipe on Windows; never the
  network). Only the lock holder listens, so a socket name left behind by a crash can be removed without asking
  whether anyone answers: whoever held it has gone, or we could not hold the lock. A later start that cannot take
  the lock connects and writes the one token `raise`; the holder reads no more than the token's six bytes from a
  connection, ignores anything else, and brings its window forward. The holder starts listening just after its
  window's first paint (`listen()`), so loading QtNetwork never delays that paint.

The socket's name is `field-reader-` and the first 16 hex digits of a SHA-256 over the user and the resolved data
folder: one per user and per folder, and it says nothing readable about either. On Unix only the user may connect
(`UserAccessOption`).

A start that cannot take the lock and finds no one listening (the holder is still starting, or is quitting) tries
both again for up to three seconds. If there is still no answer (a lock held from another computer on a
shared folder, say) it opens its window anyway, as the reader did before this guard: refusing to open would be worse.
Without QtNetwork (a build that leaves it out) the guard is skipped the same way.
"""

from __future__ import annotations

import enum
import functools
import os
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLockFile, QObject, Signal

from reader.lock.running_window import WINDOW_LOCK_NAME

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalServer, QLocalSocket
    from PySide6.QtWidgets import QWidget

LOCK_NAME = WINDOW_LOCK_NAME  # the core reads the same file to know a window is open (`lock/running_window.py`)
RAISE_TOKEN = b"raise\n"
CONNECT_TIMEOUT_MS = 400  # a listening server answers at once; this only bounds a stuck one
SETTLE_MS = 3000  # how long a start waits for a lock holder that is not listening (yet: it is still starting)
POLL_MS = 50


class Claim(enum.Enum):
    """What `SingleInstance.claim()` found."""

    FIRST = "first"  # this process holds the folder: open the window
    HANDED_OVER = "handed over"  # a window on this folder runs and was asked to come forward: exit
    UNGUARDED = "unguarded"  # could not tell (no lock, no answer): open the window without the guard


def server_name(data_folder: Path) -> str:
    """The local socket's name for this user and data folder (a hash: nothing readable, nothing shared)."""
    folder = os.path.normcase(str(Path(data_folder).resolve()))
    user = str(os.getuid()) if hasattr(os, "getuid") else os.environ.get("USERNAME", "")
    # Qt's SHA-256, not hashlib's: that would load OpenSSL's library into every start for this one hash.
    from PySide6.QtCore import QCryptographicHash

    digest = QCryptographicHash.hash(f"{user}\0{folder}".encode(), QCryptographicHash.Algorithm.Sha256).toHex()
    return f"field-reader-{digest.data()[:16].decode()}"


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
        self._lock = QLockFile(str(Path(data_folder) / LOCK_NAME))
        self._lock.setStaleLockTime(0)  # stale only when its process is gone, never by age
        self._server: QLocalServer | None = None
        self._window: QWidget | None = None
        self._pending = False

    @functools.cached_property
    def name(self) -> str:
        """The local socket's name (`server_name`), worked out when first used: after the first paint, as a rule."""
        return server_name(self._data_folder)

    def claim(self) -> Claim:
        """Take the folder, or hand over to the window that has it; see the module's docstring.

        The first start only takes the lock here; it starts listening with `listen()` once its window is painted,
        so QtNetwork never delays a first paint. A later start in that moment waits for it (`SETTLE_MS`).
        """
        deadline = time.monotonic() + SETTLE_MS / 1000
        while True:
            if self._lock.tryLock(0):
                return Claim.FIRST
            if self._lock.error() != QLockFile.LockError.LockFailedError:
                return Claim.UNGUARDED  # no lock to be had (a read-only folder, say)
            try:
                if self._hand_over():
                    return Claim.HANDED_OVER
            except ImportError:
                return Claim.UNGUARDED  # a build without QtNetwork: no guard
            if time.monotonic() >= deadline:
                return Claim.UNGUARDED  # the holder never answered
            from PySide6.QtCore import QThread

            QThread.msleep(POLL_MS)

    def listen(self) -> None:
        """Start answering later starts (once; the lock must be held). Without QtNetwork there is no messenger."""
        if self._server is not None or not self._lock.isLocked():
            return
        try:
            self._listen()
        except ImportError:
            return

    @property
    def is_listening(self) -> bool:
        return self._server is not None and self._server.isListening()

    def attach(self, window: QWidget) -> None:
        """Bring `window` forward on every request from now on, and now if one came while it was being built."""
        self._window = window
        if self._pending:
            self._pending = False
            bring_to_front(window)

    def release(self) -> None:
        """Stop listening, then let go of the lock (in that order, so a successor's socket is never removed)."""
        if self._server is not None:
            self._server.close()
            self._server = None
        if self._lock.isLocked():
            self._lock.unlock()

    def _listen(self) -> None:
        from PySide6.QtNetwork import QAbstractSocket, QLocalServer

        server = QLocalServer(self)
        server.setObjectName("singleInstanceServer")
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        server.newConnection.connect(self._accept)
        listening = server.listen(self.name)
        if not listening and server.serverError() == QAbstractSocket.SocketError.AddressInUseError:
            # Left by a crash: we hold the lock, so no live window can be behind it.
            QLocalServer.removeServer(self.name)
            listening = server.listen(self.name)
        if listening:
            self._server = server
        else:  # no messenger (an unwritable temporary folder, say): the lock still keeps later starts out
            server.deleteLater()

    def _hand_over(self) -> bool:
        from PySide6.QtNetwork import QLocalSocket

        socket = QLocalSocket()
        socket.connectToServer(self.name)
        if not socket.waitForConnected(CONNECT_TIMEOUT_MS):
            socket.abort()
            return False
        socket.write(RAISE_TOKEN)
        delivered = socket.waitForBytesWritten(CONNECT_TIMEOUT_MS)
        socket.disconnectFromServer()
        if socket.state() != QLocalSocket.LocalSocketState.UnconnectedState:
            socket.waitForDisconnected(CONNECT_TIMEOUT_MS)
        return delivered

    def _accept(self) -> None:
        server = self._server
        while server is not None and server.hasPendingConnections():
            socket = server.nextPendingConnection()
            received = bytearray()
            socket.readyRead.connect(lambda s=socket, r=received: self._read(s, r))
            socket.disconnected.connect(socket.deleteLater)
            self._read(socket, received)  # a start that already wrote and left has its bytes waiting

    def _read(self, socket: QLocalSocket, received: bytearray) -> None:
        received += socket.read(len(RAISE_TOKEN) - len(received)).data()  # never more than the token
        if received == RAISE_TOKEN:
            received.clear()
            socket.abort()
            self._request_raise()
        elif not RAISE_TOKEN.startswith(received):
            socket.abort()  # not our message: ignore it, and stop reading

    def _request_raise(self) -> None:
        self.raise_requested.emit()
        if self._window is None:
            self._pending = True
        else:
            bring_to_front(self._window)
