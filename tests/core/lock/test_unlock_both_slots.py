"""Unlocking derives the keys of both slots of the lock's file (so the time taken does not tell which one opened):
with more than one processor at the same time, which halves the wait of every unlock; with one, one after the other,
so that both keys' memory is never held at once for nothing."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from reader.lock import key_file
from reader.lock.key_file import LockSettings
from reader.lock.privacy import Privacy, WrongPassphraseError

PASSPHRASE = "olive grove at dawn"
ERASE_PASSPHRASE = "blue door on the left"


@pytest.fixture
def locked(data_dir: Path, tmp_path: Path) -> Privacy:
    privacy = Privacy(data_dir, tmp_path / "cache")
    privacy.enable(PASSPHRASE, LockSettings())
    privacy.set_erase_passphrase(PASSPHRASE, ERASE_PASSPHRASE)
    privacy.lock()
    return privacy


def derivations_watched(monkeypatch: pytest.MonkeyPatch, cores: int, meet: threading.Barrier | None) -> list[str]:
    """The names of the threads that derive keys from now on, on a machine with `cores` processors; with `meet`,
    each derivation waits there for the other (and fails if it never comes)."""
    derive = key_file.derive_key
    threads: list[str] = []

    def watched(*args):
        threads.append(threading.current_thread().name)
        if meet is not None:
            meet.wait()
        return derive(*args)

    monkeypatch.setattr(key_file, "derive_key", watched)
    monkeypatch.setattr(key_file.os, "cpu_count", lambda: cores)
    return threads


def test_with_two_processors_both_keys_are_derived_at_once(locked: Privacy, monkeypatch: pytest.MonkeyPatch) -> None:
    threads = derivations_watched(monkeypatch, 2, threading.Barrier(2, timeout=10))

    locked.unlock(PASSPHRASE)

    assert not locked.is_locked
    assert len(threads) == 2 and len(set(threads)) == 2


def test_with_one_processor_the_keys_are_derived_one_after_the_other(
    locked: Privacy, monkeypatch: pytest.MonkeyPatch
) -> None:
    threads = derivations_watched(monkeypatch, 1, None)

    locked.unlock(PASSPHRASE)

    assert not locked.is_locked
    assert threads == [threading.current_thread().name] * 2


@pytest.mark.parametrize("cores", [1, 2])
def test_each_passphrase_still_does_what_it_did(
    locked: Privacy, data_dir: Path, monkeypatch: pytest.MonkeyPatch, cores: int
) -> None:
    monkeypatch.setattr(key_file.os, "cpu_count", lambda: cores)
    with pytest.raises(WrongPassphraseError):
        locked.unlock("not my passphrase")
    assert locked.is_locked and locked.is_on

    locked.unlock(ERASE_PASSPHRASE)

    assert not locked.is_on
    assert not key_file.key_file_path(data_dir).exists()
