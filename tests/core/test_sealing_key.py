"""`derive_key`: scrypt's key for a passphrase (RFC 7914, as `cryptography` derives it too), derived without holding
the GIL, so that a sealed file read on a worker thread leaves the window answering."""

from __future__ import annotations

import sys
import threading

import pytest
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt
from hypothesis import given, settings
from hypothesis import strategies as st

from reader import sealing
from reader.sealing import KEY_BYTES, derive_key


def cryptographys_key(passphrase: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return Scrypt(salt=salt, length=KEY_BYTES, n=n, r=r, p=p).derive(passphrase.encode("utf-8"))


@settings(max_examples=25, deadline=None)
@given(
    passphrase=st.text(min_size=1, max_size=40),
    salt=st.binary(min_size=8, max_size=32),
    log_n=st.integers(1, 10),
    r=st.integers(1, 8),
    p=st.integers(1, 4),
)
def test_the_key_is_the_one_scrypt_gives(passphrase: str, salt: bytes, log_n: int, r: int, p: int) -> None:
    """Keys derived before (lock files, sealed notes files) still open what they sealed."""
    assert derive_key(passphrase, salt, 2**log_n, r, p).secret == cryptographys_key(passphrase, salt, 2**log_n, r, p)


def test_a_cost_beyond_what_the_standard_library_allows_still_gives_the_same_key(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(sealing, "_LARGEST_MAXMEM", 0)  # as for a file asking for more than 2 GiB
    assert derive_key("olive grove 1967", b"eight by", 2**8, 8, 1).secret == cryptographys_key(
        "olive grove 1967", b"eight by", 2**8, 8, 1
    )


def test_another_thread_runs_while_a_key_is_derived() -> None:
    """The window's thread keeps running while a worker derives a key (for half a second at the real cost).

    Python is told not to take the GIL from a thread that holds it (a switch interval of a minute), so the window's
    thread, waking every half millisecond, can only see the derivation under way if the derivation let go of it.
    """
    inside = False
    wakings_inside = 0
    done = threading.Event()

    def derive() -> None:
        nonlocal inside
        inside = True
        derive_key("olive grove 1967", b"sixteen byte slt", 2**16, 8, 1)
        inside = False
        done.set()

    interval = sys.getswitchinterval()
    sys.setswitchinterval(60.0)
    try:
        worker = threading.Thread(target=derive)
        worker.start()
        while not done.wait(0.0005):
            wakings_inside += inside
        worker.join()
    finally:
        sys.setswitchinterval(interval)

    assert wakings_inside > 0
