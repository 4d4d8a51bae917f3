"""A notes file sealed under a passphrase of its own, to carry on a USB stick or send to a colleague.

It is a small JSON wrapper: the scrypt cost and salt, and the W3C annotation file compressed (zlib; a fifteenth of
its size) and sealed with AES-256-GCM (`reader.sealing`). Another Field Reader imports it when given the
passphrase; nobody else can read it. The cost a file asks for is bounded, so a hostile file cannot make the reader
spend minutes or gigabytes on one try, and it never unpacks to more than the caller's limit. A file without the
`compression` field (from before it was added) holds the annotation file as it is.
"""

from __future__ import annotations

import base64
import json
import os
import threading
import zlib

from reader.message import QT_TRANSLATE_NOOP, message
from reader.notes.note import NotesError
from reader.sealing import SealError, SealKey, derive_key, seal, unseal

MARK = "field-reader-sealed-notes"
SCRYPT_N = 2**17
SCRYPT_R = 8
SCRYPT_P = 1
MIN_PASSPHRASE = 8
_MAX_N = 2**20
_PURPOSE = "notes file"
COMPRESSION = "zlib"
_COMPRESSION_LEVEL = 3  # 13 MB of JSON (10,000 notes) to 0.8 MB in 30 ms; higher levels gain little for much more


class SealedFileError(NotesError):
    """A sealed notes file was opened without its passphrase, or with a wrong one."""


class NotesFileSealer:
    """Seals one notes file under a passphrase, deriving its key from the moment it is made.

    scrypt at this cost takes about a quarter of a second, so the key is derived on a thread of its own while the
    caller writes the file to seal and it is compressed: the export takes about as long as the longer of the two,
    not their sum (`derive_key` lets go of the GIL while it works). A passphrase that is too short is refused
    here, before any work.
    """

    def __init__(self, passphrase: str) -> None:
        if len(passphrase) < MIN_PASSPHRASE:
            raise NotesError(
                message(
                    QT_TRANSLATE_NOOP(
                        "core",
                        "Choose a passphrase of at least {min_passphrase} characters for the file; "
                        "nothing was written.",
                    ),
                    min_passphrase=MIN_PASSPHRASE,
                )
            )
        self._salt = os.urandom(16)
        self._key: SealKey | None = None
        self._failure: Exception | None = None
        self._deriving = threading.Thread(target=self._derive, args=(passphrase,), name="notes-file-key", daemon=True)
        self._deriving.start()

    def _derive(self, passphrase: str) -> None:
        try:
            self._key = derive_key(passphrase, self._salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
        except Exception as exc:  # handed to the caller by `seal`
            self._failure = exc

    def seal(self, data: bytes) -> bytes:
        """`data` sealed, as the bytes of a sealed notes file (waits for the key if it is not ready yet)."""
        compressed = zlib.compress(data, _COMPRESSION_LEVEL)
        self._deriving.join()
        if self._failure is not None:
            raise self._failure
        assert self._key is not None  # set by `_derive` whenever it did not fail
        wrapper = {
            MARK: 1,
            "kdf": "scrypt",
            "n": SCRYPT_N,
            "r": SCRYPT_R,
            "p": SCRYPT_P,
            "salt": base64.b64encode(self._salt).decode("ascii"),
            "compression": COMPRESSION,
            "sealed": base64.b64encode(seal(self._key, compressed, _PURPOSE)).decode("ascii"),
        }
        return json.dumps(wrapper, indent=1).encode("utf-8") + b"\n"


def is_sealed_notes_file(raw: bytes) -> bool:
    """Whether these bytes look like a sealed notes file (checked on the first few hundred bytes only)."""
    return raw[:1].lstrip() in (b"{", b"") and f'"{MARK}"'.encode() in raw[:200]


def open_sealed_notes_file(raw: bytes, passphrase: str | None, name: str, limit: int) -> bytes:
    """The file sealed in `raw`; SealedFileError without the right passphrase, NotesError if it is damaged.

    A file that would unpack to more than `limit` bytes is cut at `limit + 1` bytes, for the caller to refuse.
    """
    if passphrase is None:
        raise SealedFileError(
            message(
                QT_TRANSLATE_NOOP(
                    "core", "{name} is sealed with a passphrase; give it to import the notes. Nothing was changed."
                ),
                name=name,
            )
        )
    try:
        wrapper = json.loads(raw)
        n, r, p = int(wrapper["n"]), int(wrapper["r"]), int(wrapper["p"])
        salt = base64.b64decode(wrapper["salt"], validate=True)
        sealed = base64.b64decode(wrapper["sealed"], validate=True)
        compression = wrapper.get("compression")
        if compression not in (None, COMPRESSION):
            raise ValueError(compression)
    except (ValueError, KeyError, TypeError, AttributeError, RecursionError) as exc:
        raise _damaged(name) from exc
    if not (2 <= n <= _MAX_N and n & (n - 1) == 0 and 1 <= r <= 16 and 1 <= p <= 4 and len(salt) >= 8):
        raise NotesError(
            message(
                QT_TRANSLATE_NOOP(
                    "core", "Cannot import {name}: it asks for an unreasonable key derivation. Nothing was changed."
                ),
                name=name,
            )
        )
    try:
        payload = unseal(derive_key(passphrase, salt, n, r, p), sealed, _PURPOSE)
    except SealError as exc:
        raise SealedFileError(
            message(
                QT_TRANSLATE_NOOP("core", "Wrong passphrase for {name}, or the file is damaged. Nothing was changed."),
                name=name,
            )
        ) from exc
    return payload if compression is None else _unpack(payload, name, limit)


def _unpack(payload: bytes, name: str, limit: int) -> bytes:
    """The compressed annotation file unpacked, never to more than `limit + 1` bytes."""
    inflater = zlib.decompressobj()
    try:
        data = inflater.decompress(payload, limit + 1)
    except zlib.error as exc:
        raise _damaged(name) from exc
    if len(data) <= limit and not inflater.eof:
        raise _damaged(name)  # cut short
    return data


def _damaged(name: str) -> NotesError:
    return NotesError(
        message(
            QT_TRANSLATE_NOOP("core", "Cannot import {name}: the sealed file is damaged. Nothing was changed."),
            name=name,
        )
    )
