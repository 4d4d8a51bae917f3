"""`field-reader lock …`, `wipe` and `notes delete`: passphrases from the terminal or the environment, one clear line
for every refusal, and nothing the user wrote left readable."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from reader.__main__ import main
from reader.content import Report
from reader.notes.anchoring import anchor_from_selection
from reader.notes.store import NoteStore

PASSPHRASE = "olive grove 1967"
WORDS = ("contact-Yusra-at-noon", "tag-safehouse")


@pytest.fixture
def note_id(report: Report, data_dir: Path) -> str:
    quote = "fragile ceasefire"
    start = report.paragraph("overview-p1").text.index(quote)
    with NoteStore(data_dir) as store:
        note = store.add(
            anchor_from_selection(report, "overview-p1", start, start + len(quote)),
            text="meet contact-Yusra-at-noon",
            tags=["tag-safehouse"],
        )
        store.back_up()
    return note.id


def files_holding(folder: Path, *words: str) -> list[str]:
    return [
        f"{path.name}: {word}"
        for path in folder.rglob("*")
        if path.is_file()
        for word in words
        if word.encode() in path.read_bytes()
    ]


def lock_on(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("READER_NEW_PASSPHRASE", PASSPHRASE)
    assert main(["lock", "enable", "--auto-lock", "5"]) == 0
    monkeypatch.delenv("READER_NEW_PASSPHRASE")


def test_enable_seals_every_file_and_status_says_so(
    note_id: str, data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["lock", "status"]) == 0
    assert capsys.readouterr().out == "The lock is off.\n"
    lock_on(monkeypatch)
    assert "cannot be" in capsys.readouterr().out  # the warning about a lost passphrase
    assert files_holding(data_dir, *WORDS) == []
    assert main(["lock", "status"]) == 0
    assert capsys.readouterr().out.startswith("The lock is on. The window locks itself after 5 idle minutes;")


def test_notes_commands_need_the_passphrase(
    note_id: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    lock_on(monkeypatch)
    capsys.readouterr()
    assert main(["notes", "list"]) == 1  # no terminal here, and no READER_PASSPHRASE
    assert capsys.readouterr().err == (
        "field-reader: Passphrase needed: run this on a terminal, or set READER_PASSPHRASE (less safe).\n"
    )
    monkeypatch.setenv("READER_PASSPHRASE", "not it at all")
    assert main(["notes", "list"]) == 1
    assert capsys.readouterr().err == "field-reader: Wrong passphrase; the notes stay locked.\n"
    monkeypatch.setenv("READER_PASSPHRASE", PASSPHRASE)
    assert main(["notes", "list", "--json"]) == 0
    assert [row["note"] for row in json.loads(capsys.readouterr().out)] == ["meet contact-Yusra-at-noon"]


def test_search_while_locked_finds_the_report_but_not_the_notes(
    note_id: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    lock_on(monkeypatch)
    capsys.readouterr()
    assert main(["search", "contact-Yusra-at-noon OR ceasefire", "--json"]) == 0
    captured = capsys.readouterr()
    assert "Your notes are locked" in captured.err
    kinds = {hit["kind"] for hit in json.loads(captured.out)["hits"]}
    assert "note" not in kinds and kinds
    monkeypatch.setenv("READER_PASSPHRASE", PASSPHRASE)
    assert main(["search", "contact-Yusra-at-noon", "--json"]) == 0
    assert [hit["kind"] for hit in json.loads(capsys.readouterr().out)["hits"]] == ["note"]


def test_notes_delete_takes_the_short_id_and_leaves_no_trace(
    note_id: str, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert files_holding(data_dir, *WORDS)
    assert main(["notes", "delete", note_id[:8]]) == 0
    assert capsys.readouterr().out == f"Deleted note {note_id}; its text is gone from the notes and their backups.\n"
    assert files_holding(data_dir, *WORDS) == []
    assert main(["notes", "delete", note_id[:8]]) == 1
    assert "There is no note" in capsys.readouterr().err


def test_change_then_only_the_new_passphrase_opens(
    note_id: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    lock_on(monkeypatch)
    monkeypatch.setenv("READER_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("READER_NEW_PASSPHRASE", "a new and longer one")
    assert main(["lock", "change"]) == 0
    assert main(["notes", "list"]) == 1
    monkeypatch.setenv("READER_PASSPHRASE", "a new and longer one")
    capsys.readouterr()
    assert main(["notes", "list"]) == 0
    assert "contact-Yusra-at-noon" in capsys.readouterr().out


def test_the_erase_passphrase_shows_an_empty_reader(
    note_id: str, data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    lock_on(monkeypatch)
    monkeypatch.setenv("READER_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("READER_NEW_PASSPHRASE", "all is well here")
    assert main(["lock", "duress"]) == 0
    monkeypatch.setenv("READER_PASSPHRASE", "all is well here")
    capsys.readouterr()
    assert main(["notes", "list"]) == 0
    assert capsys.readouterr() == ("No notes yet.\n", "")
    assert files_holding(data_dir, *WORDS) == []
    assert main(["lock", "status"]) == 0
    assert capsys.readouterr().out == "The lock is off.\n"


def test_disable_gives_the_notes_back(
    note_id: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    lock_on(monkeypatch)
    monkeypatch.setenv("READER_PASSPHRASE", PASSPHRASE)
    assert main(["lock", "disable"]) == 0
    monkeypatch.delenv("READER_PASSPHRASE")
    capsys.readouterr()
    assert main(["notes", "list"]) == 0
    assert "contact-Yusra-at-noon" in capsys.readouterr().out


def test_a_short_new_passphrase_is_refused(
    note_id: str, data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("READER_NEW_PASSPHRASE", "short")
    assert main(["lock", "enable"]) == 1
    assert capsys.readouterr().err == (
        "field-reader: Choose a passphrase of at least 8 characters; nothing was changed.\n"
    )
    assert not (data_dir / "lock.json").exists()


def test_lock_switches_are_refused_while_a_window_has_the_folder(
    note_id: str, data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (data_dir / "window.lock").write_text(f"{os.getpid()}\nhost\nfield-reader\n")
    monkeypatch.setenv("READER_NEW_PASSPHRASE", PASSPHRASE)
    assert main(["lock", "enable"]) == 1
    assert "Close the reader's window first" in capsys.readouterr().err
    assert not (data_dir / "lock.json").exists()
    assert main(["wipe", "--yes"]) == 1
    assert files_holding(data_dir, *WORDS)


def test_wipe_lists_what_goes_and_erases_only_with_yes(
    note_id: str, data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    lock_on(monkeypatch)
    assert main(["wipe"]) == 1
    assert "Run `wipe --yes` to erase." in capsys.readouterr().out
    assert (data_dir / "notes.sealed").exists()
    assert main(["wipe", "--yes"]) == 0
    assert sorted(path.name for path in data_dir.rglob("*") if path.is_file()) == []
    assert main(["sections"]) == 0  # the report still reads
    assert "Overview" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("options", "said"),
    [
        ([], "The lock is on. The window locks itself after 10 idle minutes; wrong passphrases never erase the notes."),
        (
            ["--auto-lock", "1", "--erase-after", "3"],
            "The lock is on. The window locks itself after 1 idle minute; the notes are erased after 3 wrong "
            "passphrases.",
        ),
        (
            ["--auto-lock", "0"],
            "The lock is on. The window never locks itself; wrong passphrases never erase the notes.",
        ),
    ],
    ids=["default", "one-minute-three-tries", "never"],
)
def test_status_says_in_plain_words_when_the_lock_acts(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], options: list[str], said: str
) -> None:
    monkeypatch.setenv("READER_NEW_PASSPHRASE", PASSPHRASE)
    assert main(["lock", "enable", *options]) == 0
    capsys.readouterr()

    assert main(["lock", "status"]) == 0

    assert capsys.readouterr().out == said + "\n"
