"""`field-reader notes list|export|import`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.__main__ import main
from reader.content import ParagraphId, Report, SectionId
from reader.notes.anchoring import anchor_from_selection
from reader.notes.note import Anchor, Color, ImportedNote
from reader.notes.store import NoteStore

QUOTE = "deliberately oppress Palestinians"


def _select(report: Report, paragraph_id: str, quote: str):
    start = report.paragraph(paragraph_id).text.index(quote)
    return anchor_from_selection(report, paragraph_id, start, start + len(quote))


@pytest.fixture
def saved(report: Report, data_dir: Path):
    """Two of the reader's notes and one orphaned note in an imported layer, written by an earlier session."""
    with NoteStore(data_dir) as store:
        store.add(
            _select(report, "apartheid-p1", QUOTE),
            text="ask the class",
            tags=["law"],
            color=Color.GREEN,
            author="Ms Haddad",
        )
        store.add(_select(report, "overview-p1", "fragile ceasefire"), text="dates?")
        lost = Anchor(SectionId("gone"), ParagraphId("gone-p1"), 0, 9, "vanished passage")
        store.add_imported("teacher", [ImportedNote("k1", lost, text="from the old edition")])
        return store.notes()


def test_list_json_has_every_field_in_reading_order(saved, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["notes", "list", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [row["quote"] for row in rows] == ["fragile ceasefire", QUOTE, "vanished passage"]
    row = rows[1]
    assert row["note"] == "ask the class"
    assert row["tags"] == ["law"]
    assert row["color"] == "green"
    assert (row["section_id"], row["section_title"]) == ("apartheid", "Israel’s system of apartheid")
    assert (row["layer"], row["status"]) == ("mine", "anchored")
    assert rows[2]["status"] == "orphaned"
    assert rows[2]["layer"] == "teacher"
    assert {"id", "quote", "note", "tags", "color", "section_id", "section_title", "layer", "status"} <= set(row)


def test_list_text_shows_quote_note_and_orphans(saved, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["notes", "list"]) == 0
    out = capsys.readouterr().out
    assert f"“{QUOTE}”" in out
    assert "ask the class" in out
    assert "(passage not found: orphaned)" in out


def test_list_with_no_notes_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["notes", "list"]) == 0
    assert capsys.readouterr().out == "No notes yet.\n"


def test_list_filters_by_layer_and_tag(saved, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["notes", "list", "--json", "--layer", "mine", "--tag", "LAW"]) == 0
    assert [row["quote"] for row in json.loads(capsys.readouterr().out)] == [QUOTE]


def test_unknown_layer_prints_one_line_and_exits_1(saved, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["notes", "list", "--layer", "nobody"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("field-reader: There is no notes layer “nobody”")
    assert err.count("\n") == 1


@pytest.mark.parametrize("export_format", ["md", "json", "html", "pdf"])
def test_export_writes_the_file_and_says_how_many(
    saved, tmp_path: Path, capsys: pytest.CaptureFixture[str], export_format: str
) -> None:
    out = tmp_path / f"handout.{export_format}"
    assert main(["notes", "export", "--format", export_format, "--out", str(out)]) == 0
    assert capsys.readouterr().out == f"Exported 3 notes to {out}.\n"
    assert "fragile ceasefire" in _text_of(out)


def _text_of(path: Path) -> str:
    """The text a reader sees in an exported file (a PDF's fonts are compressed, so read its pages)."""
    if path.suffix != ".pdf":
        return path.read_text(encoding="utf-8")
    from pypdf import PdfReader

    return " ".join(page.extract_text() for page in PdfReader(path).pages)


def test_safe_export_drops_the_author(saved, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "handout.md"
    assert main(["notes", "export", "--format", "md", "--out", str(out), "--safe"]) == 0
    assert "Haddad" not in out.read_text(encoding="utf-8")


def test_export_needs_a_known_format(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["notes", "export", "--format", "docx", "--out", str(tmp_path / "x")])
    assert exited.value.code == 2


def test_exported_json_imports_as_a_layer_once(
    saved, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "class.json"
    assert main(["notes", "export", "--format", "json", "--out", str(out), "--layer", "mine"]) == 0
    capsys.readouterr()
    (tmp_path / "student").mkdir()
    monkeypatch.setenv("READER_DATA_DIR", str(tmp_path / "student"))  # a class member's own data folder
    assert main(["notes", "import", str(out), "--layer", "Ms Haddad"]) == 0
    assert capsys.readouterr().out == "Imported 2 notes into the layer “Ms Haddad”.\n"
    assert main(["notes", "import", str(out), "--layer", "Ms Haddad"]) == 0
    assert capsys.readouterr().out == "Imported 0 notes into the layer “Ms Haddad”; 2 already there.\n"


def test_import_default_layer_is_the_file_name(saved, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "week-3.json"
    main(["notes", "export", "--format", "json", "--out", str(out), "--layer", "mine"])
    main(["notes", "import", str(out)])
    assert "“week-3”" in capsys.readouterr().out


def test_bad_import_prints_one_line_exits_1_and_changes_nothing(
    saved, tmp_path: Path, capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    bad = tmp_path / "broken.json"
    bad.write_text('{"type": "Annotation", "target": ', encoding="utf-8")
    assert main(["notes", "import", str(bad)]) == 1
    err = capsys.readouterr().err
    assert (
        err
        == "field-reader: Cannot import broken.json: line 1 is not valid JSON (Expecting value). Nothing was changed.\n"
    )
    with NoteStore(data_dir) as store:
        assert store.notes() == saved


def test_recovered_database_is_reported_on_stderr(saved, data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (data_dir / "notes.sqlite3").write_bytes(b"this is not a database at all" * 100)
    assert main(["notes", "list", "--json"]) == 0
    captured = capsys.readouterr()
    assert "restored from the backup" in captured.err
    assert len(json.loads(captured.out)) == 3
