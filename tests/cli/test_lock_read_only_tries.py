"""The privacy lock's wrong tries in a data folder that cannot be written to (a copy on read-only media): nothing
is counted or erased there, and the commands say so instead of counting down to an erasure that cannot happen."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.__main__ import main

from ..core.lock.conftest import all_bytes, make_read_only

PASSPHRASE = "olive grove 1967"
ERASE_PASSPHRASE = "blue door on the left"
NOT_COUNTED = (
    "field-reader: Wrong passphrase; the notes stay locked. Wrong tries are not counted while the data folder "
    "cannot be written to.\n"
)


@pytest.fixture
def read_only_lock(data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> dict:
    """The lock on, set to erase after 3 wrong tries and with an erase passphrase, then the folder made read-only;
    the folder's bytes at that moment."""
    monkeypatch.setenv("READER_NEW_PASSPHRASE", PASSPHRASE)
    assert main(["lock", "enable", "--erase-after", "3"]) == 0
    monkeypatch.setenv("READER_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("READER_NEW_PASSPHRASE", ERASE_PASSPHRASE)
    assert main(["lock", "duress"]) == 0
    monkeypatch.delenv("READER_NEW_PASSPHRASE")
    make_read_only(data_dir, monkeypatch)
    capsys.readouterr()
    return all_bytes(data_dir)


def test_wrong_passphrases_in_a_read_only_folder_are_not_counted_down(
    read_only_lock: dict, data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("READER_PASSPHRASE", "not the passphrase")
    for _ in range(4):  # more than the 3 the settings allow
        assert main(["notes", "list"]) == 1
        assert capsys.readouterr() == ("", NOT_COUNTED)

    monkeypatch.setenv("READER_PASSPHRASE", PASSPHRASE)
    assert main(["notes", "list"]) == 0
    assert capsys.readouterr() == ("No notes yet.\n", "")
    assert all_bytes(data_dir) == read_only_lock


def test_the_erase_passphrase_in_a_read_only_folder_reads_as_a_wrong_one(
    read_only_lock: dict, data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("READER_PASSPHRASE", ERASE_PASSPHRASE)

    assert main(["notes", "list"]) == 1

    assert capsys.readouterr() == ("", NOT_COUNTED)
    assert all_bytes(data_dir) == read_only_lock


def test_lock_status_in_a_read_only_folder_says_tries_are_not_counted(
    read_only_lock: dict, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["lock", "status"]) == 0

    assert capsys.readouterr().out == (
        "The lock is on. The window locks itself after 10 idle minutes; wrong passphrases are not counted while the "
        "data folder cannot be written to.\n"
    )
