"""A notes file sealed under its own passphrase: exported with `--seal`, imported elsewhere with the passphrase."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.__main__ import main
from reader.content import Report
from reader.notes.anchoring import anchor_from_selection
from reader.notes.store import NoteStore


@pytest.fixture
def written(report: Report, data_dir: Path) -> None:
    quote = "fragile ceasefire"
    start = report.paragraph("overview-p1").text.index(quote)
    with NoteStore(data_dir) as store:
        store.add(anchor_from_selection(report, "overview-p1", start, start + len(quote)), text="contact-Yusra")


def test_a_sealed_file_holds_no_word_and_comes_back_with_its_passphrase(
    written: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "for-a-colleague.json"
    monkeypatch.setenv("READER_FILE_PASSPHRASE", "shared by phone")
    assert main(["notes", "export", "--format", "json", "--seal", "--out", str(out)]) == 0
    assert b"contact-Yusra" not in out.read_bytes() and b"ceasefire" not in out.read_bytes()

    colleague = tmp_path / "colleague"
    colleague.mkdir()
    monkeypatch.setenv("READER_DATA_DIR", str(colleague))
    monkeypatch.delenv("READER_FILE_PASSPHRASE")
    capsys.readouterr()
    assert main(["notes", "import", str(out)]) == 1
    assert capsys.readouterr().err.startswith("field-reader: Passphrase for the file needed")
    monkeypatch.setenv("READER_FILE_PASSPHRASE", "not the one at all")
    assert main(["notes", "import", str(out)]) == 1
    assert capsys.readouterr().err == (
        "field-reader: Wrong passphrase for for-a-colleague.json, or the file is damaged. Nothing was changed.\n"
    )
    monkeypatch.setenv("READER_FILE_PASSPHRASE", "shared by phone")
    assert main(["notes", "import", str(out)]) == 0
    capsys.readouterr()
    assert main(["notes", "list", "--json"]) == 0
    assert [row["note"] for row in json.loads(capsys.readouterr().out)] == ["contact-Yusra"]


def test_handouts_cannot_be_sealed(written: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["notes", "export", "--format", "pdf", "--seal", "--out", str(tmp_path / "h.pdf")]) == 1
    assert "Only a W3C notes file" in capsys.readouterr().err
    assert not (tmp_path / "h.pdf").exists()


def test_a_sealed_file_asking_for_an_absurd_cost_is_refused(
    written: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "f.json"
    monkeypatch.setenv("READER_FILE_PASSPHRASE", "shared by phone")
    assert main(["notes", "export", "--format", "json", "--seal", "--out", str(out)]) == 0
    wrapper = json.loads(out.read_bytes())
    wrapper["n"] = 2**40
    out.write_text(json.dumps(wrapper))
    capsys.readouterr()
    assert main(["notes", "import", str(out)]) == 1
    assert "unreasonable key derivation" in capsys.readouterr().err
