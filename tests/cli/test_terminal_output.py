"""What the commands print is shown, never obeyed: no terminal control sequences, no crash on a narrow encoding."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from reader.__main__ import main
from reader.cli.output import guard_terminal, inert
from reader.content import Report
from reader.notes.anchoring import anchor_from_selection
from reader.notes.store import NoteStore

QUOTE = "fragile ceasefire"
HOSTILE = "red \x1b[31malert, title \x1b]0;pwned\x07 set, bell\x07 \u202eevil\u202c end\x9b2J\x7f"
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


@pytest.fixture
def imported_hostile_note(report: Report, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A note from someone else's file, holding escape sequences, imported as the layer "visitor"."""
    start = report.paragraph("overview-p1").text.index(QUOTE)
    with NoteStore(data_dir) as store:
        note = store.add(anchor_from_selection(report, "overview-p1", start, start + len(QUOTE)), text=HOSTILE)
    shared = tmp_path / "shared.json"
    assert main(["notes", "export", "--format", "json", "--out", str(shared)]) == 0
    with NoteStore(data_dir) as store:
        store.delete(note.id)
    assert main(["notes", "import", str(shared), "--layer", "visitor"]) == 0
    capsys.readouterr()


def _ascii_terminal(monkeypatch: pytest.MonkeyPatch) -> io.BytesIO:
    """Stdout as on a console whose code page is plain ASCII; the bytes it received are returned."""
    received = io.BytesIO()
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(received, encoding="ascii", write_through=True))
    return received


def test_notes_list_shows_an_imported_note_without_its_control_sequences(
    imported_hostile_note, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["notes", "list"]) == 0
    out = capsys.readouterr().out
    assert "[visitor]" in out
    assert "red alert, title  set, bell evil end2J" in out
    assert "\x1b" not in out
    assert not CONTROL.search(out)


def test_notes_list_json_stays_valid_json_with_the_text_shown_safely(
    imported_hostile_note, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["notes", "list", "--json"]) == 0
    out = capsys.readouterr().out
    assert not CONTROL.search(out)
    rows = json.loads(out)  # json escapes C0 controls itself; what is left is still a JSON document
    assert rows[0]["note"].startswith("red \x1b[31malert")
    assert "\u202e" not in rows[0]["note"]


def test_search_on_an_ascii_terminal_prints_the_heading_path_instead_of_crashing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    received = _ascii_terminal(monkeypatch)

    assert main(["search", "Red Wolf"]) == 0

    out = received.getvalue().decode("ascii")
    assert "(red-wolf-p" in out
    assert "Glossary ? Red Wolf" in out  # the "›" between heading and term, as the code page can show it


def test_notes_list_on_an_ascii_terminal_shows_what_it_can_of_arabic(
    report: Report, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    start = report.paragraph("overview-p1").text.index(QUOTE)
    with NoteStore(data_dir) as store:
        store.add(anchor_from_selection(report, "overview-p1", start, start + len(QUOTE)), text="ملاحظة for class")
    received = _ascii_terminal(monkeypatch)

    assert main(["notes", "list"]) == 0

    assert "?????? for class" in received.getvalue().decode("ascii")


def test_an_error_message_is_made_safe_too(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    missing = tmp_path / "no\x1b[2Jsuch.json"

    assert main(["notes", "import", str(missing)]) == 1

    err = capsys.readouterr().err
    assert err.startswith("field-reader: ")
    assert "\x1b" not in err
    assert err.count("\n") == 1


def test_the_guarded_streams_still_behave_like_the_real_ones(capsys: pytest.CaptureFixture[str]) -> None:
    original = sys.stdout
    guard_terminal()
    guard_terminal()  # a second call does not wrap twice

    assert sys.stdout.wrapped is original  # type: ignore[attr-defined]
    assert sys.stdout.encoding == original.encoding
    assert sys.stdout.isatty() is False
    assert sys.stdout.buffer is original.buffer
    print("plain \x1b[1mbold\x1b[0m \x1b[8mhidden", flush=True)
    assert capsys.readouterr().out == "plain \x1b[1mbold\x1b[0m hidden\n"


def test_inert_text_keeps_line_breaks_tabs_and_every_script() -> None:
    text = "Gaza\tغزة\nעזה · Газа ¶2"
    assert inert(text) == text


def test_a_real_ascii_console_gets_every_line_of_the_contents() -> None:
    environment = {**os.environ, "PYTHONIOENCODING": "ascii"}
    done = subprocess.run(
        [sys.executable, "-m", "reader", "sections"], capture_output=True, env=environment, timeout=120, check=False
    )

    assert done.returncode == 0, done.stderr.decode("ascii", "replace")
    assert b"Israel?s system of apartheid" in done.stdout
    assert done.stderr == b""
