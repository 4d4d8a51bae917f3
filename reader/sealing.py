"""Sealing bytes at rest: AES-256-GCM from `cryptography`, with the file's purpose bound in as associated data.

A sealed blob is `MAGIC`, a random 96-bit nonce and the ciphertext with its 128-bit tag. The purpose ("notes",
"backup", "private"...) is authenticated but not stored, so a sealed backup cannot be passed off as the notes file.
Nothing here invents cryptography: it only names which primitives of the `cryptography` package are used and how.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from reader.errors import ReaderError
from reader.message import QT_TRANSLATE_NOOP, message

MAGIC = b"FIELD-READER-SEALED-1\n"
KEY_BYTES = 32  # AES-256
_NONCE_BYTES = 12
_LARGEST_MAXMEM = 2**31 - 1  # the most memory the standard library's scrypt can be allowed (a C int)
_SCRYPT_SLACK = 2**20


class SealError(ReaderError):
    """A sealed blob could not be opened: it is damaged, or was sealed with another key or for another purpose.

    Its message is a clause to follow the name of the file that holds the blob: "notes.sealed is damaged, or…".
    """


@dataclass(frozen=True, slots=True)
class SealKey:
    """The random data key that seals what the user wrote; it never reaches a disk unwrapped."""

    secret: bytes = field(repr=False)

    def __post_init__(self) -> None:
        if len(self.secret) != KEY_BYTES:
            raise ValueError("a seal key is 32 bytes")

    @classmethod
    def new(cls) -> SealKey:
        return cls(os.urandom(KEY_BYTES))


def seal(key: SealKey, data: bytes, purpose: str) -> bytes:
    """`data` encrypted and authenticated under `key` for `purpose`."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    nonce = os.urandom(_NONCE_BYTES)
    return MAGIC + nonce + AESGCM(key.secret).encrypt(nonce, data, _associated(purpose))


def unseal(key: SealKey, blob: bytes, purpose: str) -> bytes:
    """The data sealed in `blob`; SealError if it is not a sealed blob, is damaged, or needs another key."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    if not is_sealed(blob) or len(blob) < len(MAGIC) + _NONCE_BYTES + 16:
        raise SealError(message(QT_TRANSLATE_NOOP("core", "is not a sealed Field Reader file")))
    nonce = blob[len(MAGIC) : len(MAGIC) + _NONCE_BYTES]
    try:
        return AESGCM(key.secret).decrypt(nonce, blob[len(MAGIC) + _NONCE_BYTES :], _associated(purpose))
    except InvalidTag as exc:
        raise SealError(message(QT_TRANSLATE_NOOP("core", "is damaged, or was sealed with another key"))) from exc


def derive_key(passphrase: str, salt: bytes, n: int, r: int, p: int) -> SealKey:
    """The key scrypt derives from a passphrase (the cost n, r, p is stored beside the salt by the caller).

    It comes from the standard library's scrypt, which is OpenSSL's as `cryptography`'s is (the same key), and lets
    go of the GIL while it works: derived on a worker thread (a sealed file being imported), it leaves the window
    answering, where `cryptography`'s held the GIL for the whole of its half second. A cost whose memory the standard
    library cannot be allowed (over 2 GiB, never one this app writes) is left to `cryptography`, as before.
    """
    secret = passphrase.encode("utf-8")
    memory = 128 * r * (n + p + 2) + _SCRYPT_SLACK  # OpenSSL's measure of what scrypt at this cost needs
    if memory > _LARGEST_MAXMEM:
        from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

        return SealKey(Scrypt(salt=salt, length=KEY_BYTES, n=n, r=r, p=p).derive(secret))
    import hashlib  # here: its first import loads OpenSSL's library, which only sealing needs

    return SealKey(hashlib.scrypt(secret, salt=salt, n=n, r=r, p=p, maxmem=memory, dklen=KEY_BYTES))


def is_sealed(blob: bytes) -> bool:
    return blob.startswith(MAGIC)


def _associated(purpose: str) -> bytes:
    return MAGIC + purpose.encode("ascii")
