"""Sealed export from the command line, as a reader types it: how long `notes export --seal` takes once the
passphrase has been typed the second time, against the same export with the passphrase in the environment.

    .venv/bin/python benchmarks/cli_sealed_export.py                # 10,000 notes, 5 runs of each
    .venv/bin/python benchmarks/cli_sealed_export.py --notes 2000 --runs 9

Each run is a fresh `python -m reader notes export --format json --seal` on a data folder of random notes, run
alternately:
- typed: on a pseudo-terminal; the passphrase is typed at the first prompt, and again `--pause` seconds after the
  second prompt appears (a reader typing it); timed from the second Enter to the end of the process;
- from the environment (READER_FILE_PASSPHRASE, as a script gives it; no second prompt): the process's whole time;
- the same export unsealed: the process's whole time (the baseline; no key to derive).

Prints the median of each and the typed wait against the unsealed export. Linux only (a pseudo-terminal). Figures
are printed, not asserted. Never run from the tests.
"""

from __future__ import annotations

import argparse
import os
import pty
import random
import select
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from notes import random_notes

from reader.content import load_report
from reader.notes.note import MY_LAYER
from reader.notes.store import NoteStore

CONTENT = Path(__file__).resolve().parent.parent / "content"
PASSPHRASE = b"benchmark passphrase\n"
EXPORT = ["-m", "reader", "notes", "export", "--format", "json"]
TIMEOUT_S = 60


def whole_process_ms(arguments: list[str], env: dict[str, str]) -> float:
    """The whole time of one run of the reader with these arguments, in milliseconds (it must succeed)."""
    start = time.perf_counter()
    quiet = [(os.POSIX_SPAWN_OPEN, 1, os.devnull, os.O_WRONLY, 0)]  # its "Exported …" line
    pid = os.posix_spawn(sys.executable, [sys.executable, *arguments], env, file_actions=quiet)
    _pid, status = os.waitpid(pid, 0)
    elapsed = (time.perf_counter() - start) * 1000
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"the export failed: {' '.join(arguments)}")
    return elapsed


def typed_ms(arguments: list[str], env: dict[str, str], pause: float) -> float:
    """One run on a pseudo-terminal, the passphrase typed twice: milliseconds from the second Enter to the end."""
    pid, terminal = pty.fork()
    if pid == 0:  # the reader, on the terminal
        os.execve(sys.executable, [sys.executable, *arguments], env)
    shown = b""

    def wait_for(prompt: bytes) -> None:
        nonlocal shown
        while prompt not in shown:
            ready, _, _ = select.select([terminal], [], [], TIMEOUT_S)
            if not ready:
                raise SystemExit(f"no prompt {prompt!r} within {TIMEOUT_S} s; the terminal showed {shown!r}")
            shown += os.read(terminal, 1024)

    wait_for(b"Passphrase for the file: ")
    os.write(terminal, PASSPHRASE)
    wait_for(b"again: ")
    time.sleep(pause)
    os.write(terminal, PASSPHRASE)
    start = time.perf_counter()
    while True:
        try:
            if not os.read(terminal, 1024):
                break
        except OSError:  # the process ended and closed the terminal
            break
    _pid, status = os.waitpid(pid, 0)
    elapsed = (time.perf_counter() - start) * 1000
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"the typed export failed; the terminal showed {shown!r}")
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notes", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--pause", type=float, default=0.8, help="seconds taken to type the passphrase again")
    args = parser.parse_args()
    data = Path(tempfile.mkdtemp(prefix="field-reader-cli-export-"))
    outside = Path(tempfile.mkdtemp(prefix="field-reader-cli-export-out-"))
    report = load_report(CONTENT)
    with NoteStore(data) as store:
        store.add_imported(MY_LAYER, random_notes(report, args.notes, random.Random(7)))
    env = {name: value for name, value in os.environ.items() if not name.startswith("READER_")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # bytecode cached, as on a reader's machine
    env["READER_DATA_DIR"] = str(data)
    with_passphrase = dict(env, READER_FILE_PASSPHRASE=PASSPHRASE.decode().strip())
    sealed = [*EXPORT, "--seal", "--out", str(outside / "sealed.json")]
    plain = [*EXPORT, "--out", str(outside / "plain.json")]
    whole_process_ms(plain, env)  # the first run writes the bytecode and the reader's caches
    times: dict[str, list[float]] = {"typed": [], "environment": [], "plain": []}
    try:
        for _ in range(args.runs):
            times["typed"].append(typed_ms(sealed, env, args.pause))
            times["environment"].append(whole_process_ms(sealed, with_passphrase))
            times["plain"].append(whole_process_ms(plain, env))
    finally:
        shutil.rmtree(data, ignore_errors=True)
        shutil.rmtree(outside, ignore_errors=True)
    median = {name: statistics.median(values) for name, values in times.items()}
    print(f"{args.notes:,} notes; {args.runs} alternating runs each; medians")
    print(f"{'sealed, typed: from the second Enter to the end':<52} {median['typed']:7.1f} ms")
    print(f"{'sealed, passphrase from the environment: whole run':<52} {median['environment']:7.1f} ms")
    print(f"{'unsealed: whole run (the baseline)':<52} {median['plain']:7.1f} ms")
    print(f"ratio (typed wait / unsealed run): {median['typed'] / median['plain']:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
