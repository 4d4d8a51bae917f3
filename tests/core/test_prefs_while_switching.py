"""The window saves its preferences (the reading position with them) while the lock is turned on or off on a worker
thread: a save and a conversion never overlap, so the position never lands in the plain file once the lock is on, and
is never lost when it goes off."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest

from reader import atomic_file
from reader.prefs import PRIVATE_FILE, Preferences
from reader.sealing import SealKey, unseal

POSITION = "red-wolf-p2"


class HeldSave:
    """The first write of `preferences.json` is held until a conversion is over (at most half a second), as a save
    on a busy machine may be; every other write goes straight through."""

    def __init__(self) -> None:
        self.armed = False
        self.holding = threading.Event()
        self.converted = threading.Event()

    def around(self, prefs: Preferences, convert) -> None:
        """Save from one thread; once that save is writing, convert from another; wait for both."""

        def conversion() -> None:
            convert()
            self.converted.set()

        self.armed = True
        saving = threading.Thread(target=prefs.save)
        saving.start()
        assert self.holding.wait(5)
        worker = threading.Thread(target=conversion)
        worker.start()
        saving.join(5)
        worker.join(5)
        assert not saving.is_alive() and not worker.is_alive()


@pytest.fixture
def held_save(monkeypatch: pytest.MonkeyPatch) -> HeldSave:
    held = HeldSave()
    write = atomic_file.write_atomically

    def slow(path: Path, data: bytes, **options: bool) -> Path:
        if held.armed and Path(path).name == Preferences.FILE_NAME and not held.holding.is_set():
            held.holding.set()
            held.converted.wait(timeout=0.5)
        return write(path, data, **options)

    monkeypatch.setattr(atomic_file, "write_atomically", slow)
    return held


def test_a_save_during_turning_the_lock_on_never_leaves_the_position_in_the_clear(
    tmp_path: Path, held_save: HeldSave
) -> None:
    prefs = Preferences(tmp_path)
    prefs.position = POSITION
    key = SealKey.new()

    held_save.around(prefs, lambda: prefs.seal_private(key))

    plain = json.loads(prefs.path.read_text(encoding="utf-8"))
    assert plain["position"] is None
    sealed = json.loads(unseal(key, (tmp_path / PRIVATE_FILE).read_bytes(), "private"))
    assert sealed["position"] == POSITION


def test_a_save_during_turning_the_lock_off_never_loses_the_position(tmp_path: Path, held_save: HeldSave) -> None:
    key = SealKey.new()
    prefs = Preferences(tmp_path)
    prefs.position = POSITION
    prefs.seal_private(key)
    prefs = Preferences(tmp_path, sealed=True)
    prefs.open_private(key)

    held_save.around(prefs, prefs.unseal_private)

    assert not (tmp_path / PRIVATE_FILE).exists()
    assert json.loads(prefs.path.read_text(encoding="utf-8"))["position"] == POSITION
    assert Preferences(tmp_path).position == POSITION
