"""Sealing an exported notes file: derived while the file is written, compressed, bounded, and a failure writes
nothing."""

from __future__ import annotations

import base64
import hashlib
import json
import threading
from pathlib import Path
from typing import Any

import pytest

from reader.content import Report
from reader.errors import ReaderError
from reader.notes.anchoring import ReportText, anchor_from_selection
from reader.notes.export import export_notes
from reader.notes.note import Note, NotesError
from reader.notes.sealed_file import MARK, open_sealed_notes_file
from reader.notes.store import NoteStore
from reader.notes.w3c_export import w3c_bytes
from reader.sealing import derive_key, seal

LIMIT = 20 * 1024 * 1024


@pytest.fixture
def notes(report: Report, tmp_path: Path) -> tuple[Note, ...]:
    quote = "fragile ceasefire"
    start = report.paragraph("overview-p1").text.index(quote)
    with NoteStore(tmp_path / "data") as store:
        store.add(anchor_from_selection(report, "overview-p1", start, start + len(quote)), text="meet at the clinic")
        return tuple(store.notes())


def test_a_sealed_export_opens_with_its_passphrase_to_the_same_notes_file(
    notes: tuple[Note, ...], report: Report, tmp_path: Path
) -> None:
    out = export_notes(tmp_path / "sealed.json", "json", notes, report, passphrase="shared by phone")
    raw = out.read_bytes()
    assert b"clinic" not in raw
    assert json.loads(raw)["compression"] == "zlib"
    assert open_sealed_notes_file(raw, "shared by phone", out.name, LIMIT) == w3c_bytes(notes, ReportText(report))


def test_the_key_is_derived_beside_the_writing_not_before_it(
    notes: tuple[Note, ...], report: Report, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    derived_on = []
    real_scrypt = hashlib.scrypt

    def recording_scrypt(*args: Any, **kwargs: Any) -> bytes:
        derived_on.append(threading.current_thread())
        return real_scrypt(*args, **kwargs)

    monkeypatch.setattr(hashlib, "scrypt", recording_scrypt)
    export_notes(tmp_path / "sealed.json", "json", notes, report, passphrase="shared by phone")
    assert derived_on and derived_on[0] is not threading.main_thread()


def test_a_short_passphrase_is_refused_before_anything_is_written(
    notes: tuple[Note, ...], report: Report, tmp_path: Path
) -> None:
    out = tmp_path / "sealed.json"
    with pytest.raises(ReaderError, match="at least 8 characters"):
        export_notes(out, "json", notes, report, passphrase="short")
    assert not out.exists()


def test_a_failure_to_derive_the_key_leaves_the_earlier_file_as_it_was(
    notes: tuple[Note, ...], report: Report, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "sealed.json"
    out.write_bytes(b"last week's export")

    def failing_scrypt(*args: object, **kwargs: object) -> bytes:
        raise MemoryError("no room for the key")

    monkeypatch.setattr(hashlib, "scrypt", failing_scrypt)
    with pytest.raises(MemoryError):
        export_notes(out, "json", notes, report, passphrase="shared by phone")
    assert out.read_bytes() == b"last week's export"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["data", "sealed.json"]


def _uncompressed_file(data: bytes, passphrase: str, **extra: object) -> bytes:
    """A sealed notes file as written before files were compressed (or with `extra` fields)."""
    salt = b"sixteen byte slt"
    wrapper = {MARK: 1, "kdf": "scrypt", "n": 2**10, "r": 8, "p": 1, "salt": base64.b64encode(salt).decode()}
    sealed = seal(derive_key(passphrase, salt, 2**10, 8, 1), data, "notes file")
    return json.dumps({**wrapper, **extra, "sealed": base64.b64encode(sealed).decode()}).encode()


def test_a_file_sealed_before_compression_still_opens() -> None:
    data = b'{"type": "AnnotationCollection"}'
    assert open_sealed_notes_file(
        _uncompressed_file(data, "shared by phone"), "shared by phone", "old.json", LIMIT
    ) == (data)


def test_a_file_naming_an_unknown_compression_is_damaged() -> None:
    raw = _uncompressed_file(b"{}", "shared by phone", compression="brotli")
    with pytest.raises(NotesError, match="the sealed file is damaged"):
        open_sealed_notes_file(raw, "shared by phone", "odd.json", LIMIT)


def test_a_file_that_unpacks_beyond_the_limit_is_cut_just_past_it(
    notes: tuple[Note, ...], report: Report, tmp_path: Path
) -> None:
    out = export_notes(tmp_path / "sealed.json", "json", notes, report, passphrase="shared by phone")
    unpacked = open_sealed_notes_file(out.read_bytes(), "shared by phone", out.name, 100)
    assert len(unpacked) == 101
