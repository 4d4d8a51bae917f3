"""`Privacy`: the lock of one data folder (on or off, locked or open) and everything that switches or erases it.

The window and the commands hold one `Privacy` and ask it for the data key when they open the notes. Switching
the lock on or off needs the notes closed: the caller closes its `NoteStore` first and opens a new one after.
Every start builds one, so this module imports only what telling "on or off" needs; the rest comes when used.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from reader.lock.errors import LockError, NotesLockedError, WrongPassphraseError
from reader.lock.leftovers import finish_interrupted_switch
from reader.lock.names import key_file_path
from reader.message import QT_TRANSLATE_NOOP, message

if TYPE_CHECKING:
    from reader.lock.key_file import KeyFile, LockSettings
    from reader.prefs import Preferences
    from reader.sealing import SealKey

__all__ = ["LockError", "NotesLockedError", "Privacy", "WrongPassphraseError"]


class Privacy:
    """The privacy lock of one data folder; `key` is the data key while the lock is open (None when it is off)."""

    def __init__(self, data: Path, cache: Path) -> None:
        self._data = Path(data)
        self._cache = Path(cache)
        self._key: SealKey | None = None
        finish_interrupted_switch(self._data)

    @property
    def is_on(self) -> bool:
        return key_file_path(self._data).exists()

    @property
    def is_locked(self) -> bool:
        return self._key is None and self.is_on

    @property
    def is_writable(self) -> bool:
        """Whether the data folder can be written: not on read-only media, where the notes open only to be read,
        nothing is erased and wrong tries are not counted."""
        return os.access(self._data, os.W_OK | os.X_OK)

    @property
    def key(self) -> SealKey | None:
        """The data key for the notes: None when the lock is off; NotesLockedError while it is closed."""
        if self._key is None and self.is_on:
            raise NotesLockedError(
                message(QT_TRANSLATE_NOOP("core", "The notes are locked; unlock them with your passphrase first."))
            )
        return self._key

    @property
    def settings(self) -> LockSettings:
        from reader.lock.key_file import LockSettings, read_key_file

        record = read_key_file(self._data)
        return record.settings if record else LockSettings()

    def unlock(self, passphrase: str) -> None:
        """Open the lock; WrongPassphraseError if the passphrase is wrong. The erase passphrase erases, silently.

        In a data folder that cannot be written to, nothing can be erased: the erase passphrase is answered as a wrong
        one, and a wrong one is not counted (the message says so when the settings limit the tries).
        """
        from reader.lock.key_file import Opened, open_key_file, read_key_file

        record = read_key_file(self._data)
        if record is None:
            return
        outcome, key = open_key_file(self._data, record, passphrase)
        if outcome is Opened.KEY:
            self._key = key
            return
        if outcome is Opened.ERASE and self.is_writable:
            self.erase()  # and the app carries on as if freshly installed
            return
        limit = record.settings.erase_after_tries
        if outcome is not Opened.WRONG and limit:
            # A read-only folder: no try is counted and nothing can be erased. The erase passphrase, which can
            # erase nothing there either, is answered as a wrong one, so that it does not show it exists.
            raise WrongPassphraseError(
                message(
                    QT_TRANSLATE_NOOP(
                        "core",
                        "Wrong passphrase; the notes stay locked. Wrong tries are not counted while the data folder "
                        "cannot be written to.",
                    )
                )
            )
        if limit and record.wrong_tries + 1 >= limit:
            self.erase()
            raise WrongPassphraseError(message(QT_TRANSLATE_NOOP("core", "Wrong passphrase.")), erased=True)
        if not limit:
            raise WrongPassphraseError(message(QT_TRANSLATE_NOOP("core", "Wrong passphrase; the notes stay locked.")))
        left = limit - record.wrong_tries - 1
        raise WrongPassphraseError(
            message(
                QT_TRANSLATE_NOOP(
                    "core", "Wrong passphrase; the notes stay locked. {left} try is left before the notes are erased."
                )
                if left == 1
                else QT_TRANSLATE_NOOP(
                    "core",
                    "Wrong passphrase; the notes stay locked. {left} tries are left before the notes are erased.",
                ),
                left=left,
            )
        )

    def lock(self) -> None:
        """Close the lock: forget the key (the caller closes its notes first)."""
        self._key = None

    def enable(self, passphrase: str, settings: LockSettings, prefs: Preferences | None = None) -> None:
        """Turn the lock on: seal the notes, backups and reading position, then shred the plain copies."""
        self._require_writable()
        from reader.lock.key_file import check_new_passphrase, create_key_file
        from reader.lock.leftovers import plain_files
        from reader.lock.shred import shred
        from reader.notes.conversion import seal_database
        from reader.prefs import Preferences
        from reader.sealing import SealKey

        if self.is_on:
            raise LockError(
                message(QT_TRANSLATE_NOOP("core", "The lock is already on; change its passphrase instead."))
            )
        check_new_passphrase(passphrase)
        key = SealKey.new()
        seal_database(self._data, key)
        create_key_file(self._data, passphrase, settings, key)  # from here on the sealed files are the real ones
        (prefs or Preferences(self._data)).seal_private(key)
        for path in plain_files(self._data):
            shred(path)
        self._key = key

    def disable(self, passphrase: str, prefs: Preferences | None = None) -> None:
        """Turn the lock off: write the notes back in the clear, then destroy the key and the sealed files."""
        self._require_writable()
        from reader.lock.leftovers import sealed_files
        from reader.lock.shred import shred
        from reader.notes.conversion import unseal_database
        from reader.prefs import Preferences

        _record, key = self._verify(passphrase)
        unseal_database(self._data, key)
        prefs = prefs or Preferences(self._data, sealed=True)
        prefs.open_private(key)
        shred(key_file_path(self._data))  # from here on the plain files are the real ones
        prefs.unseal_private()
        for path in sealed_files(self._data):
            shred(path)
        self._key = None

    def change_passphrase(self, passphrase: str, new_passphrase: str) -> None:
        self._require_writable()
        from reader.lock.key_file import rewrap

        record, key = self._verify(passphrase)
        rewrap(self._data, record, key, new_passphrase)

    def set_erase_passphrase(self, passphrase: str, erase_passphrase: str | None) -> None:
        """Set the duress passphrase that erases everything (None removes it)."""
        self._require_writable()
        from reader.lock.key_file import set_erase_passphrase

        record, _key = self._verify(passphrase)
        set_erase_passphrase(self._data, record, erase_passphrase)

    def change_settings(self, passphrase: str, settings: LockSettings) -> None:
        self._require_writable()
        from reader.lock.key_file import change_settings

        record, _key = self._verify(passphrase)
        change_settings(self._data, record, settings)

    def erase(self) -> None:
        """Erase the notes, their backups, the reading position, caches and the lock itself (key first)."""
        self._require_writable()
        from reader.lock.erase import erase_user_data

        self._key = None
        erase_user_data(self._data, self._cache)

    def _require_writable(self) -> None:
        if not self.is_writable:
            raise LockError(
                message(
                    QT_TRANSLATE_NOOP("core", "The data folder {folder} cannot be written to, so nothing was changed."),
                    folder=self._data,
                )
            )

    def _verify(self, passphrase: str) -> tuple[KeyFile, SealKey]:
        from reader.lock.key_file import Opened, open_key_file, read_key_file

        record = read_key_file(self._data)
        if record is None:
            raise LockError(message(QT_TRANSLATE_NOOP("core", "The lock is off; turn it on first.")))
        outcome, key = open_key_file(self._data, record, passphrase)
        if outcome is not Opened.KEY or key is None:
            raise WrongPassphraseError(message(QT_TRANSLATE_NOOP("core", "Wrong passphrase; nothing was changed.")))
        return read_key_file(self._data) or record, key
