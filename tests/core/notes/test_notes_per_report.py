"""Notes belong to the report they were made on: a second content pack never lists, counts, exports or places them,
a new edition of the same report keeps them, and databases from before are given to the bundled report."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.__main__ import main
from reader.content import ParagraphId, SectionId, load_report
from reader.notes.note import BUNDLED_REPORT_ID, Anchor, ImportedNote
from reader.notes.store import NoteStore

from .conftest import database_at_version

UDHR = "udhr-1948"


def anchor(exact: str = "international law") -> Anchor:
    return Anchor(SectionId("article-1"), ParagraphId("article-1-p1"), 0, len(exact), exact)


def test_a_second_report_sees_none_of_the_first_reports_notes(data_dir: Path) -> None:
    with NoteStore(data_dir, report=UDHR) as udhr:
        made = udhr.add(anchor(), text="on the declaration", tags=["udhr-only"])
    with NoteStore(data_dir) as bundled:
        assert bundled.notes() == ()
        assert bundled.count() == 0 and not bundled.has_notes()
        assert bundled.tags() == ()
        assert bundled.notes_in("article-1") == ()
        assert [note.id for note in bundled.other_reports_notes()] == [made.id]
        assert bundled.other_reports_notes()[0].report == UDHR
    with NoteStore(data_dir, report=UDHR) as udhr:
        assert udhr.notes() == (made,)
        assert udhr.other_reports_notes() == ()


def test_the_same_file_imported_on_two_reports_lands_on_both(data_dir: Path) -> None:
    items = [ImportedNote(key="id:urn:x:1", anchor=anchor(), text="class note")]
    with NoteStore(data_dir, report=UDHR) as udhr:
        assert len(udhr.add_imported("class", items)) == 1
    with NoteStore(data_dir) as bundled:
        assert len(bundled.add_imported("class", items)) == 1
        assert len(bundled.add_imported("class", items)) == 0  # still nothing twice on one report


def test_removing_a_layer_on_one_report_keeps_the_other_reports_notes_in_it(data_dir: Path) -> None:
    items = [ImportedNote(key="k", anchor=anchor(), text="class note")]
    with NoteStore(data_dir, report=UDHR) as udhr:
        udhr.add_imported("class", items)
    with NoteStore(data_dir) as bundled:
        bundled.add_imported("class", items)
        assert len(bundled.remove_layer("class")) == 1
    with NoteStore(data_dir, report=UDHR) as udhr:
        assert [note.text for note in udhr.notes("class")] == ["class note"]


def test_notes_from_before_belong_to_the_bundled_report(data_dir: Path) -> None:
    database_at_version(data_dir, 2)
    with NoteStore(data_dir) as bundled:
        assert bundled.note("n1").report == BUNDLED_REPORT_ID
        assert [note.id for note in bundled.notes()] == ["n1"]
    with NoteStore(data_dir, report=UDHR) as udhr:
        assert udhr.notes() == ()


def test_the_bundled_report_is_the_one_old_notes_are_given_to(report) -> None:
    assert report.manifest.id == BUNDLED_REPORT_ID


def second_pack(folder: Path, edition: str = "1948-12-10") -> Path:
    folder.mkdir()
    manifest = {
        "format": 1,
        "id": UDHR,
        "title": "Universal Declaration of Human Rights",
        "publisher": "United Nations",
        "source": "Written for this test",
        "language": "en",
        "edition_date": edition,
        "files": ["report.md"],
    }
    (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    (folder / "report.md").write_text(
        "# Article 1 {#article-1}\n\nAll human beings are born free and equal, a principle of international law.\n",
        encoding="utf-8",
    )
    return folder


def test_commands_on_a_second_pack_list_and_export_only_its_notes(
    data_dir: Path, tmp_path: Path, report, capsys: pytest.CaptureFixture[str]
) -> None:
    pack = second_pack(tmp_path / "udhr")
    other = load_report(pack)
    paragraph = other.sections[0].paragraphs[0]
    start = paragraph.text.index("international law")
    with NoteStore(data_dir, report=other.manifest.id) as store:
        store.add(Anchor(paragraph.section_id, paragraph.id, start, start + 17, "international law"), text="udhr")
    with NoteStore(data_dir) as store:
        store.add(Anchor(SectionId("overview"), ParagraphId("overview-p1"), 0, 12, "Palestinians"), text="bundled")

    assert main(["--content", str(pack), "notes", "list", "--json"]) == 0
    assert [row["note"] for row in json.loads(capsys.readouterr().out)] == ["udhr"]
    assert main(["notes", "list", "--json"]) == 0
    assert [row["note"] for row in json.loads(capsys.readouterr().out)] == ["bundled"]
    out = tmp_path / "handout.md"
    assert main(["notes", "export", "--format", "md", "--out", str(out)]) == 0
    assert "udhr" not in out.read_text(encoding="utf-8")


def test_a_new_edition_of_the_same_report_keeps_its_notes(data_dir: Path, tmp_path: Path) -> None:
    first = load_report(second_pack(tmp_path / "first"))
    second = load_report(second_pack(tmp_path / "second", edition="1949-01-01"))
    assert first.checksum != second.checksum and first.manifest.id == second.manifest.id
    with NoteStore(data_dir, report=first.manifest.id) as store:
        store.add(anchor(), text="kept")
    with NoteStore(data_dir, report=second.manifest.id) as store:
        assert [note.text for note in store.notes()] == ["kept"]


def test_notes_list_says_how_many_notes_other_reports_hold(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with NoteStore(data_dir, report=UDHR) as udhr:
        udhr.add(anchor(), text="elsewhere")
    assert main(["notes", "list"]) == 0
    captured = capsys.readouterr()
    assert captured.out == "No notes yet.\n"
    assert captured.err == "field-reader: 1 note made on other reports not shown (open them with --content).\n"
