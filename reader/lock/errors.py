"""The lock's errors: each message is one sentence for the reader."""

from __future__ import annotations

from reader.errors import ReaderError


class LockError(ReaderError):
    """The lock cannot do what was asked; the message says why and what to do."""


class WrongPassphraseError(LockError):
    """The passphrase did not open the lock; nothing was changed (but a try was counted, if tries are limited).

    `erased` is True when it was the last try allowed and everything was erased.
    """

    def __init__(self, message: str, erased: bool = False) -> None:
        super().__init__(message)
        self.erased = erased


class NotesLockedError(LockError):
    """The notes were asked for while the lock is closed."""
