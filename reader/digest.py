"""`sha256`: SHA-256 without loading OpenSSL, for digests the program makes of its own data."""

from __future__ import annotations

try:  # WORKAROUND: hashlib loads OpenSSL (~2 ms of start-up, some 3 MB); the built-in SHA-256 gives the same digest.
    from _sha256 import sha256
except ImportError:  # pragma: no cover - other Python builds
    from hashlib import sha256

__all__ = ["sha256"]
