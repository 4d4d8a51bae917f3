"""Durability: processes killed with SIGKILL mid-write or mid-import, and two processes writing at once."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from reader.content import ParagraphId, SectionId
from reader.notes.note import Anchor
from reader.notes.schema import DB_NAME
from reader.notes.store import NoteStore

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")

_PRELUDE = """
import sys
from pathlib import Path
from reader.content import ParagraphId, SectionId
from reader.notes.note import Anchor
from reader.notes.store import NoteStore
ANCHOR = Anchor(SectionId("overview"), ParagraphId("overview-p1"), 0, 12, "Palestinians")
store = NoteStore(Path(sys.argv[1]))
"""

# Writes notes forever, reporting each one only after `add` has returned (that is, after it was committed).
_BURST = (
    _PRELUDE
    + """
number = 0
while True:
    note = store.add(ANCHOR, text=f"note {number}", tags=[f"t{number % 7}"])
    print(note.id, flush=True)
    number += 1
"""
)

# Imports a large file; halfway through the inserts it says so and waits, inside the open transaction, to be killed.
_IMPORT = (
    _PRELUDE
    + """
from reader.notes.w3c_import import import_annotations
from reader.content import load_report
report = load_report(Path(sys.argv[3]))
inserted = 0
original = NoteStore._insert
def insert_then_pause(self, note):
    global inserted
    inserted += 1
    if inserted == int(sys.argv[4]):
        print("inside the import transaction", flush=True)
        sys.stdin.readline()
    return original(self, note)
NoteStore._insert = insert_then_pause
import_annotations(store, report, Path(sys.argv[2]), layer="class")
print("finished", flush=True)
"""
)

_WRITER = (
    _PRELUDE
    + """
for number in range(int(sys.argv[2])):
    store.add(ANCHOR, text=f"{sys.argv[3]} {number}")
store.close()
"""
)

CONTENT = Path(__file__).resolve().parents[3] / "content"


def _spawn(script: str, *args: object, stdin: int | None = None) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(script), *map(str, args)],
        stdin=stdin,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ},
    )


def _kill(process: subprocess.Popen[str]) -> None:
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL


def _integrity(path: Path) -> str:
    connection = sqlite3.connect(path)
    try:
        return connection.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        connection.close()


def test_every_committed_note_survives_sigkill_during_a_burst_of_writes(data_dir: Path) -> None:
    process = _spawn(_BURST, data_dir)
    assert process.stdout is not None
    committed = []
    while len(committed) < 150:
        line = process.stdout.readline()
        assert line, process.stderr.read() if process.stderr else "the writer stopped"
        committed.append(line.strip())
    _kill(process)
    assert _integrity(data_dir / DB_NAME) == "ok"
    with NoteStore(data_dir) as store:
        assert store.recovery_message is None
        saved = store.notes()
    assert set(committed) <= {note.id for note in saved}
    assert all(note.text.startswith("note ") and note.tags for note in saved)  # no half-written note


def test_sigkill_inside_a_large_import_leaves_no_half_import(data_dir: Path, tmp_path: Path) -> None:
    items = [
        {
            "type": "Annotation",
            "id": f"urn:test:{number}",
            "bodyValue": f"teacher note {number}",
            "target": {"selector": {"type": "TextQuoteSelector", "exact": "Palestinians"}},
        }
        for number in range(5000)
    ]
    source = tmp_path / "class.json"
    source.write_text(json.dumps({"type": "AnnotationPage", "items": items}), encoding="utf-8")
    with NoteStore(data_dir) as store:
        mine = store.add(Anchor(SectionId("overview"), ParagraphId("overview-p1"), 0, 12, "Palestinians"))
    process = _spawn(_IMPORT, data_dir, source, CONTENT, 2500, stdin=subprocess.PIPE)
    assert process.stdout is not None
    line = process.stdout.readline()
    assert line.strip() == "inside the import transaction", process.stderr.read() if process.stderr else ""
    _kill(process)
    assert _integrity(data_dir / DB_NAME) == "ok"
    with NoteStore(data_dir) as store:
        assert store.notes() == (mine,)
        assert [layer.name for layer in store.layers()] == ["mine"]


def test_large_import_completes_when_not_interrupted(data_dir: Path, tmp_path: Path) -> None:
    items = [
        {
            "type": "Annotation",
            "id": f"urn:test:{number}",
            "bodyValue": f"teacher note {number}",
            "target": {"selector": {"type": "TextQuoteSelector", "exact": "Palestinians"}},
        }
        for number in range(2000)
    ]
    source = tmp_path / "class.json"
    source.write_text(json.dumps(items), encoding="utf-8")
    process = _spawn(_IMPORT, data_dir, source, CONTENT, 10**9, stdin=subprocess.PIPE)
    out, err = process.communicate(timeout=120)
    assert out.strip() == "finished", err
    with NoteStore(data_dir) as store:
        assert store.layer("class").note_count == 2000


def test_two_processes_writing_at_once_lose_nothing(data_dir: Path) -> None:
    NoteStore(data_dir).close()  # create the file first, so both writers open an existing database
    writers = [_spawn(_WRITER, data_dir, 150, name) for name in ("left", "right")]
    for writer in writers:
        _, err = writer.communicate(timeout=120)
        assert writer.returncode == 0, err
    assert _integrity(data_dir / DB_NAME) == "ok"
    with NoteStore(data_dir) as store:
        texts = {note.text for note in store.notes()}
    assert texts == {f"{name} {number}" for name in ("left", "right") for number in range(150)}


def test_sigkill_right_after_creating_the_database_leaves_a_usable_file(data_dir: Path) -> None:
    process = _spawn(_BURST, data_dir)
    assert process.stdout is not None
    first = process.stdout.readline().strip()
    _kill(process)
    with NoteStore(data_dir) as store:
        assert first in {note.id for note in store.notes()}
