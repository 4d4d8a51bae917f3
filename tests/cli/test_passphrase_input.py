"""Passphrases given to the commands that are not text (bytes that are not UTF-8 in READER_PASSPHRASE and its
kin): one line naming the variable, exit 1, and nothing changed."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reader.__main__ import main
from reader.notes.store import NoteStore

from ..core.lock.conftest import all_bytes, anchor

PASSPHRASE = "olive grove 1967"
NOT_TEXT = os.fsdecode(b"\xff\xfe olive")  # what Python makes of bytes that are not UTF-8 in the environment


@pytest.fixture
def lock_on(data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> dict:
    """A note sealed under the lock; the folder's bytes then."""
    with NoteStore(data_dir) as store:
        store.add(anchor(), text="sealed")
    monkeypatch.setenv("READER_NEW_PASSPHRASE", PASSPHRASE)
    assert main(["lock", "enable"]) == 0
    monkeypatch.delenv("READER_NEW_PASSPHRASE")
    capsys.readouterr()
    return all_bytes(data_dir)


@pytest.mark.parametrize("argv", [["notes", "list"], ["search", "Red Wolf"], ["lock", "disable"]])
def test_a_passphrase_that_is_not_text_is_one_line(
    lock_on: dict, data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], argv
) -> None:
    monkeypatch.setenv("READER_PASSPHRASE", NOT_TEXT)

    assert main(argv) == 1

    assert capsys.readouterr() == (
        "",
        "field-reader: READER_PASSPHRASE is not valid UTF-8 text; set it again, or type the passphrase on a "
        "terminal.\n",
    )
    assert all_bytes(data_dir) == lock_on


def test_a_new_passphrase_that_is_not_text_changes_nothing(
    lock_on: dict, data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("READER_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("READER_NEW_PASSPHRASE", NOT_TEXT + " and more")

    assert main(["lock", "change"]) == 1

    assert capsys.readouterr().err == (
        "field-reader: READER_NEW_PASSPHRASE is not valid UTF-8 text; set it again, or type the passphrase on a "
        "terminal.\n"
    )
    assert all_bytes(data_dir) == lock_on
