"""A sealed export with its passphrase typed on a terminal: the key is begun as soon as the passphrase is typed the
first time, so it is ready (or nearly) once it has been typed again; a second passphrase that differs, or one too
short, writes nothing."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from reader.__main__ import main
from reader.cli import passphrase as passphrase_module
from reader.content import Report
from reader.notes import sealed_file
from reader.notes.anchoring import anchor_from_selection
from reader.notes.store import NoteStore


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

    assert happened == ["asked: Passphrase for the file: ", "key begun", "asked: Passphrase for the file again: "]
    assert sealed_file.is_sealed_notes_file(out.read_bytes())
    assert b"contact-Yusra" not in out.read_bytes()


def test_a_second_passphrase_that_differs_writes_nothing(
    typed, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    answers, _happened = typed
    answers += ["shared by phone", "shared by fone"]
    out = tmp_path / "for-a-colleague.json"

    assert main(["notes", "export", "--format", "json", "--seal", "--out", str(out)]) == 1

    assert capsys.readouterr().err == "field-reader: The two passphrases differ; nothing was written.\n"
    assert not out.exists()


def test_a_passphrase_too_short_is_refused_before_it_is_asked_again(
    typed, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    answers, happened = typed
    answers += ["short", "short"]
    out = tmp_path / "for-a-colleague.json"

    assert main(["notes", "export", "--format", "json", "--seal", "--out", str(out)]) == 1

    assert happened == ["asked: Passphrase for the file: "]
    assert "at least 8 characters" in capsys.readouterr().err
    assert not out.exists()


def test_a_file_inside_the_notes_folder_is_refused_before_any_passphrase_is_asked(
    typed, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    answers, happened = typed
    answers += ["shared by phone", "shared by phone"]
    out = data_dir / "for-a-colleague.json"

    assert main(["notes", "export", "--format", "json", "--seal", "--out", str(out)]) == 1

    assert happened == []
    assert "it is inside the folder that keeps your notes" in capsys.readouterr().err
    assert not out.exists()
