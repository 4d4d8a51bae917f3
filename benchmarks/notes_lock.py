"""Privacy lock benchmark: the cost of a sealed notes store against a plain one, with 10,000 notes.

    .venv/bin/python benchmarks/notes_lock.py                 # 10,000 notes
    .venv/bin/python benchmarks/notes_lock.py --notes 50000   # more

Both stores hold the same notes and are measured alternately in the same run; each figure is the median of several
rounds, and the ratio is sealed / plain. Unlocking (scrypt, the deliberate cost of each passphrase try) is timed
on its own. Everything happens in a temporary folder; figures are printed, not asserted. Never run from the tests.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from notes import random_notes

from reader.content import load_report
from reader.lock.key_file import LockSettings
from reader.lock.privacy import Privacy
from reader.notes.note import MY_LAYER
from reader.notes.store import NoteStore
from reader.sealing import SealKey

CONTENT = Path(__file__).resolve().parent.parent / "content"
PASSPHRASE = "benchmark passphrase"


def median_ms(action: Callable[[], object], rounds: int) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--notes", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    report = load_report(CONTENT)
    notes = random_notes(report, args.notes, random.Random(7))

    with tempfile.TemporaryDirectory() as temporary:
        plain_folder, sealed_folder = Path(temporary, "plain"), Path(temporary, "sealed")
        plain_folder.mkdir()
        sealed_folder.mkdir()
        with NoteStore(plain_folder) as store:
            store.add_imported(MY_LAYER, notes)
        with NoteStore(sealed_folder) as store:
            store.add_imported(MY_LAYER, notes)
        privacy = Privacy(sealed_folder, sealed_folder / "cache")
        privacy.enable(PASSPHRASE, LockSettings())
        key: SealKey = privacy.key  # type: ignore[assignment]
        size = (sealed_folder / "notes.sealed").stat().st_size
        plain_size = _plain_size(plain_folder)
        print(f"{args.notes:,} notes; sealed file {size / 1e6:.1f} MB, plain database {plain_size:.1f} MB")

        def unlock() -> None:
            Privacy(sealed_folder, sealed_folder / "cache").unlock(PASSPHRASE)

        print(f"{'unlock (scrypt, n=2^17, both slots)':<44} {median_ms(unlock, 3):9.1f} ms")
        figures = [
            ("open the store and list every note", lambda folder, key: _open_and_list(folder, key)),
            ("open, add one note, close", lambda folder, key: _open_add_close(folder, key)),
        ]
        print(f"{'':<44} {'plain':>9} {'sealed':>9} {'ratio':>7}")
        for label, action in figures:
            plain = median_ms(lambda action=action: action(plain_folder, None), args.rounds)
            sealed = median_ms(lambda action=action: action(sealed_folder, key), args.rounds)
            print(f"{label:<44} {plain:7.1f}ms {sealed:7.1f}ms {sealed / plain:6.2f}x")
        with NoteStore(plain_folder) as plain_store, NoteStore(sealed_folder, key=key) as sealed_store:
            anchor = notes[0].anchor
            plain = median_ms(lambda: plain_store.add(anchor, text="one more"), args.rounds)
            sealed = median_ms(lambda: sealed_store.add(anchor, text="one more"), args.rounds)
            print(f"{'save one note in an open store':<44} {plain:7.1f}ms {sealed:7.1f}ms {sealed / plain:6.2f}x")


def _open_and_list(folder: Path, key: SealKey | None) -> None:
    with NoteStore(folder, key=key) as store:
        store.notes()


def _open_add_close(folder: Path, key: SealKey | None) -> None:
    with NoteStore(folder, key=key) as store:
        note = store.add(store.notes()[0].anchor, text="benchmark")
        store.delete(note.id)


def _plain_size(folder: Path) -> float:
    return sum(path.stat().st_size for path in folder.glob("notes.sqlite3*")) / 1e6


if __name__ == "__main__":
    main()
