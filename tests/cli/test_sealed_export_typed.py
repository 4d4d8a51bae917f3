"""A sealed export with its passphrase typed on a terminal: the key is begun as soon as the passphrase is typed the
first time, so it is ready (or nearly) once it has been typed again; a second passphrase that differs, or one too
short, writes nothing."""

from __future__ import annotations

import io
import json
import threading
from pathlib import Path

import pytest

from reader.__main__ import main
from reader.cli import passphrase as passphrase_module
from reader.content import Report
from reader.notes import export, sealed_file
from reader.notes.anchoring import anchor_from_selection
from reader.notes.store import NoteStore

FIRST = "asked: Passphrase for the file: "
AGAIN = "asked: Passphrase for the file again: "


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture
def typed(report: Report, data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[list[str], list[str]]:
    """A note to export; what will be typed at each prompt (filled by the test), and what happened, in order."""
    quote = "fragile ceasefire"
    start = report.paragraph("overview-p1").text.index(quote)
    with NoteStore(data_dir) as store:
        store.add(anchor_from_selection(report, "overview-p1", start, start + len(quote)), text="contact-Yusra")
    answers: list[str] = []
    happened: list[str] = []

    def getpass(prompt: str) -> str:
        happened.append(f"asked: {prompt}")
        return answers.pop(0)

    class Sealer(sealed_file.NotesFileSealer):
        def __init__(self, passphrase: str) -> None:
            super().__init__(passphrase)
            happened.append("key begun")

    monkeypatch.setattr(passphrase_module.sys, "stdin", _Terminal())
    monkeypatch.setattr(passphrase_module.getpass, "getpass", getpass)
    monkeypatch.setattr(sealed_file, "NotesFileSealer", Sealer)
    return answers, happened


def test_the_key_is_begun_before_the_passphrase_is_typed_again(typed, tmp_path: Path) -> None:
    answers, happened = typed
    answers += ["shared by phone", "shared by phone"]
    out = tmp_path / "for-a-colleague.json"

    assert main(["notes", "export", "--format", "json", "--seal", "--out", str(out)]) == 0

    assert happened == [FIRST, "key begun", AGAIN]
    assert sealed_file.is_sealed_notes_file(out.read_bytes())
    assert b"contact-Yusra" not in out.read_bytes()


@pytest.mark.parametrize(
    ("answers", "inside", "what_happened", "said"),
    [
        # A second passphrase that differs: the key was begun, but nothing is written with it.
        (["shared by phone", "shared by fone"], False, [FIRST, "key begun", AGAIN], "The two passphrases differ"),
        # One too short is refused before it is asked again.
        (["short", "short"], False, [FIRST], "at least 8 characters"),
        # A file inside the notes folder is refused before any passphrase is asked.
        (["shared by phone", "shared by phone"], True, [], "it is inside the folder that keeps your notes"),
    ],
)
def test_a_refused_export_writes_nothing_and_asks_no_more_than_it_must(
    typed,
    tmp_path: Path,
    data_dir: Path,
    capsys: pytest.CaptureFixture[str],
    answers: list[str],
    inside: bool,
    what_happened: list[str],
    said: str,
) -> None:
    given, happened = typed
    given += answers
    out = (data_dir if inside else tmp_path) / "for-a-colleague.json"

    assert main(["notes", "export", "--format", "json", "--seal", "--out", str(out)]) == 1

    assert happened == what_happened
    error = capsys.readouterr().err
    assert error.startswith("field-reader: ") and said in error and error.count("\n") == 1
    assert not out.exists()


def test_the_file_is_made_while_the_passphrase_is_typed(typed, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The notes are placed and written out while the reader types (reading the terminal lets go of the interpreter's
    lock): by the time the passphrase is asked again, only sealing and saving are left."""
    answers, happened = typed
    made = threading.Event()
    contents = export._contents

    def watched(*args):
        data = contents(*args)
        made.set()
        return data

    monkeypatch.setattr(export, "_contents", watched)
    answers += ["shared by phone", "shared by phone"]
    getpass = passphrase_module.getpass.getpass

    def typed_slowly(prompt: str) -> str:
        if prompt in AGAIN:
            happened.append(f"made before it was asked again: {made.wait(timeout=5)}")
        return getpass(prompt)

    monkeypatch.setattr(passphrase_module.getpass, "getpass", typed_slowly)
    out = tmp_path / "for-a-colleague.json"

    assert main(["notes", "export", "--format", "json", "--seal", "--out", str(out)]) == 0

    assert happened == [FIRST, "key begun", "made before it was asked again: True", AGAIN]
    opened = sealed_file.open_sealed_notes_file(out.read_bytes(), "shared by phone", out.name, 10**8)
    assert "contact-Yusra" in json.loads(opened)["first"]["items"][0]["body"][0]["value"]
