"""`lock.json`: the data key wrapped under the passphrase (scrypt, then AES-256-GCM), the erase slot and the settings.

The file always holds two slots of the same shape. The first wraps the data key under a key derived from the
passphrase. The second holds a marker wrapped under the erase (duress) passphrase, or random bytes when none is
set, so the file does not show whether an erase passphrase exists. Unlocking derives both keys every time, so the
time taken does not tell them apart either. Changing the passphrase rewraps the data key and replaces this one
file atomically: the sealed files keep their key, and a kill in the middle leaves the old file or the new one.
"""

from __future__ import annotations

import base64
import enum
import json
import os
from dataclasses import dataclass, replace
from pathlib import Path

from reader.errors import ReaderError
from reader.lock.errors import LockError
from reader.lock.names import KEY_FILE_NAME as FILE_NAME
from reader.lock.names import key_file_path
from reader.message import QT_TRANSLATE_NOOP, message, sentence_of
from reader.sealing import SealError, SealKey, derive_key, seal, unseal

__all__ = ["FILE_NAME", "KeyFile", "LockError", "LockSettings", "Opened", "key_file_path"]
FORMAT = 1
SCRYPT_N = 2**17  # 128 MiB of memory and about a third of a second per try on a laptop of 2024
SCRYPT_R = 8
SCRYPT_P = 1
MIN_PASSPHRASE = 8
_SALT_BYTES = 16
_DURESS_MARKER = b"erase everything"


@dataclass(frozen=True, slots=True)
class LockSettings:
    """Auto-lock after this many idle minutes (0: never); erase the notes after this many wrong tries (0: never)."""

    auto_lock_minutes: int = 10
    erase_after_tries: int = 0

    def __post_init__(self) -> None:
        if not 0 <= self.auto_lock_minutes <= 24 * 60:
            raise LockError(
                message(QT_TRANSLATE_NOOP("core", "Auto-lock takes a number of minutes from 0 (never) to 1440."))
            )
        if not (self.erase_after_tries == 0 or 3 <= self.erase_after_tries <= 100):
            raise LockError(
                message(
                    QT_TRANSLATE_NOOP("core", "Erasing after wrong tries takes 0 (never) or a number from 3 to 100.")
                )
            )


@dataclass(frozen=True, slots=True)
class _Slot:
    salt: bytes
    wrapped: bytes


@dataclass(frozen=True, slots=True)
class KeyFile:
    """The parsed `lock.json`."""

    n: int
    r: int
    p: int
    key_slot: _Slot
    erase_slot: _Slot
    settings: LockSettings
    wrong_tries: int


class Opened(enum.Enum):
    KEY = "key"  # the passphrase: here is the data key
    ERASE = "erase"  # the erase passphrase
    WRONG = "wrong"  # counted, when the settings limit the wrong tries
    WRONG_UNCOUNTED = "wrong, not counted"  # tries are limited, but the folder cannot be written to keep the count


def read_key_file(data_folder: Path) -> KeyFile | None:
    """The lock's file, or None when the lock is off; LockError when it is damaged."""
    path = key_file_path(data_folder)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise LockError(
            message(QT_TRANSLATE_NOOP("core", "Cannot read {path}: {reason}."), path=path, reason=exc.strerror)
        ) from exc
    try:
        data = json.loads(raw)
        return KeyFile(
            n=int(data["n"]),
            r=int(data["r"]),
            p=int(data["p"]),
            key_slot=_slot(data["key"]),
            erase_slot=_slot(data["erase"]),
            settings=LockSettings(int(data["auto_lock_minutes"]), int(data["erase_after_tries"])),
            wrong_tries=int(data.get("wrong_tries", 0)),
        )
    except (ValueError, KeyError, TypeError, LockError) as exc:
        raise LockError(
            message(
                QT_TRANSLATE_NOOP("core", "The lock file {path} is damaged; without it the notes cannot be opened."),
                path=path,
            )
        ) from exc


def create_key_file(data_folder: Path, passphrase: str, settings: LockSettings, key: SealKey | None = None) -> SealKey:
    """Write a new `lock.json` for `passphrase` (wrapping `key`, or a new one) and return the data key."""
    check_new_passphrase(passphrase)
    key = key or SealKey.new()
    record = KeyFile(SCRYPT_N, SCRYPT_R, SCRYPT_P, _wrap(passphrase, key.secret), _decoy(), settings, 0)
    _write(data_folder, record)
    return key


def open_key_file(data_folder: Path, record: KeyFile, passphrase: str) -> tuple[Opened, SealKey | None]:
    """Try `passphrase` on both slots (always both, so the time taken tells nothing) and count a wrong try."""
    secret, erase = _unwrap_both(record, passphrase)
    # A read-only folder (a copy on read-only media) can neither keep a count nor be erased: the notes still open,
    # to read, and a wrong try is not counted.
    writable = os.access(data_folder, os.W_OK | os.X_OK)
    if secret is not None:
        if record.wrong_tries and writable:
            _write(data_folder, replace(record, wrong_tries=0))
        return Opened.KEY, SealKey(secret)
    if erase == _DURESS_MARKER:
        return Opened.ERASE, None
    if not record.settings.erase_after_tries:
        return Opened.WRONG, None
    if not writable:
        return Opened.WRONG_UNCOUNTED, None
    _write(data_folder, replace(record, wrong_tries=record.wrong_tries + 1))
    return Opened.WRONG, None


def rewrap(data_folder: Path, record: KeyFile, key: SealKey, new_passphrase: str) -> None:
    """Wrap the data key under a new passphrase, replacing `lock.json` in one atomic step."""
    check_new_passphrase(new_passphrase)
    _write(data_folder, replace(record, key_slot=_wrap(new_passphrase, key.secret, record), wrong_tries=0))


def set_erase_passphrase(data_folder: Path, record: KeyFile, passphrase: str | None) -> None:
    """Set (or with None, clear) the erase passphrase."""
    if passphrase is not None:
        check_new_passphrase(passphrase)
        if _unwrap(record, record.key_slot, passphrase) is not None:
            raise LockError(
                message(
                    QT_TRANSLATE_NOOP(
                        "core", "The erase passphrase must differ from the passphrase; nothing was changed."
                    )
                )
            )
    slot = _wrap(passphrase, _DURESS_MARKER, record) if passphrase is not None else _decoy()
    _write(data_folder, replace(record, erase_slot=slot))


def change_settings(data_folder: Path, record: KeyFile, settings: LockSettings) -> None:
    _write(data_folder, replace(record, settings=settings))


def check_new_passphrase(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE:
        raise LockError(
            message(
                QT_TRANSLATE_NOOP(
                    "core", "Choose a passphrase of at least {min_passphrase} characters; nothing was changed."
                ),
                min_passphrase=MIN_PASSPHRASE,
            )
        )
    if not _is_text(passphrase):
        raise LockError(
            message(QT_TRANSLATE_NOOP("core", "A passphrase can hold only text characters; nothing was changed."))
        )
    if passphrase != passphrase.strip():
        raise LockError(
            message(QT_TRANSLATE_NOOP("core", "A passphrase cannot begin or end with a space; nothing was changed."))
        )


def _wrap(passphrase: str, secret: bytes, record: KeyFile | None = None) -> _Slot:
    n, r, p = (record.n, record.r, record.p) if record else (SCRYPT_N, SCRYPT_R, SCRYPT_P)
    salt = os.urandom(_SALT_BYTES)
    return _Slot(salt, seal(derive_key(passphrase, salt, n, r, p), secret, "key"))


def _is_text(passphrase: str) -> bool:
    """False for bytes that were not text, which Python keeps as lone surrogates (no passphrase is made of them)."""
    try:
        passphrase.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _unwrap_both(record: KeyFile, passphrase: str) -> tuple[bytes | None, bytes | None]:
    """What the passphrase opens in the key slot and in the erase slot.

    With more than one processor the two keys are derived at the same time (scrypt lets go of the interpreter's lock),
    which halves the wait of every unlock; with one, one after the other, so as not to hold both keys' memory at once
    for no gain.
    """
    if (os.cpu_count() or 1) < 2:
        return _unwrap(record, record.key_slot, passphrase), _unwrap(record, record.erase_slot, passphrase)
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="erase-slot") as helper:
        erase = helper.submit(_unwrap, record, record.erase_slot, passphrase)
        secret = _unwrap(record, record.key_slot, passphrase)
        return secret, erase.result()


def _unwrap(record: KeyFile, slot: _Slot, passphrase: str) -> bytes | None:
    if not _is_text(passphrase):
        return None
    try:
        return unseal(derive_key(passphrase, slot.salt, record.n, record.r, record.p), slot.wrapped, "key")
    except SealError:
        return None


def _decoy() -> _Slot:
    """A slot no passphrase opens, the same size as a real erase slot."""
    real = seal(SealKey.new(), _DURESS_MARKER, "key")
    return _Slot(os.urandom(_SALT_BYTES), real)


def _slot(data: dict) -> _Slot:
    return _Slot(base64.b64decode(data["salt"], validate=True), base64.b64decode(data["wrapped"], validate=True))


def _write(data_folder: Path, record: KeyFile) -> None:
    def slot(value: _Slot) -> dict[str, str]:
        return {"salt": base64.b64encode(value.salt).decode(), "wrapped": base64.b64encode(value.wrapped).decode()}

    data = {
        "format": FORMAT,
        "kdf": "scrypt",
        "n": record.n,
        "r": record.r,
        "p": record.p,
        "key": slot(record.key_slot),
        "erase": slot(record.erase_slot),
        "auto_lock_minutes": record.settings.auto_lock_minutes,
        "erase_after_tries": record.settings.erase_after_tries,
        "wrong_tries": record.wrong_tries,
    }
    from reader.atomic_file import write_atomically

    try:
        write_atomically(key_file_path(data_folder), json.dumps(data, indent=1).encode("utf-8"), private=True)
    except ReaderError as exc:
        raise LockError(
            message(QT_TRANSLATE_NOOP("core", "Cannot save the lock: {reason}"), reason=sentence_of(exc))
        ) from exc
