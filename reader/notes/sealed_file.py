"""A notes file sealed under a passphrase of its own, to carry on a USB stick or send to a colleague.

It is a small JSON wrapper: the scrypt cost and salt, and the W3C annotation file sealed with AES-256-GCM
(`reader.sealing`). Another Field Reader imports it when given the passphrase; nobody else can read it. The cost
a file asks for is bounded, so a hostile file cannot make the reader spend minutes or gigabytes on one try.
"""

from __future__ import annotations

import base64
import json
import os

from reader.message import QT_TRANSLATE_NOOP, message
from reader.notes.note import NotesError
from reader.sealing import SealError, derive_key, seal, unseal

MARK = "field-reader-sealed-notes"
SCRYPT_N = 2**17
SCRYPT_R = 8
SCRYPT_P = 1
MIN_PASSPHRASE = 8
_MAX_N = 2**20
_PURPOSE = "notes file"


class SealedFileError(NotesError):
    """A sealed notes file was opened without its passphrase, or with a wrong one."""


def seal_notes_file(data: bytes, passphrase: str) -> bytes:
    """The file's bytes sealed under `passphrase`."""
    if len(passphrase) < MIN_PASSPHRASE:
        raise NotesError(
            message(
                QT_TRANSLATE_NOOP(
                    "core",
                    "Choose a passphrase of at least {min_passphrase} characters for the file; nothing was written.",
                ),
                min_passphrase=MIN_PASSPHRASE,
            )
        )
    salt = os.urandom(16)
    sealed = seal(derive_key(passphrase, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P), data, _PURPOSE)
    wrapper = {
        MARK: 1,
        "kdf": "scrypt",
        "n": SCRYPT_N,
        "r": SCRYPT_R,
        "p": SCRYPT_P,
        "salt": base64.b64encode(salt).decode("ascii"),
        "sealed": base64.b64encode(sealed).decode("ascii"),
    }
    return json.dumps(wrapper, indent=1).encode("utf-8") + b"\n"


def is_sealed_notes_file(raw: bytes) -> bool:
    """Whether these bytes look like a sealed notes file (checked on the first few hundred bytes only)."""
    return raw[:1].lstrip() in (b"{", b"") and f'"{MARK}"'.encode() in raw[:200]


def open_sealed_notes_file(raw: bytes, passphrase: str | None, name: str) -> bytes:
    """The file sealed in `raw`; SealedFileError without the right passphrase, NotesError if it is damaged."""
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
    except (ValueError, KeyError, TypeError, RecursionError) as exc:
        raise NotesError(
            message(
                QT_TRANSLATE_NOOP("core", "Cannot import {name}: the sealed file is damaged. Nothing was changed."),
                name=name,
            )
        ) from exc
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
        return unseal(derive_key(passphrase, salt, n, r, p), sealed, _PURPOSE)
    except SealError as exc:
        raise SealedFileError(
            message(
                QT_TRANSLATE_NOOP("core", "Wrong passphrase for {name}, or the file is damaged. Nothing was changed."),
                name=name,
            )
        ) from exc
