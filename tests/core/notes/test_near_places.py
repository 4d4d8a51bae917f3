"""Where near searches placed notes in an edition of the report, remembered in the notes database: a later pass over
the same edition places every note as before without searching, and nothing stale, foreign or deleted is taken."""

from __future__ import annotations

import shutil
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from reader.content import Report, load_report
from reader.notes import anchoring
from reader.notes.anchoring import ReportText, anchor_from_selection, place_notes
from reader.notes.near_places import edition_of, new_places, recall_places, remember_places
from reader.notes.note import Anchor, Note
from reader.notes.schema import DB_NAME, MIGRATIONS, SCHEMA_VERSION
from reader.notes.store import NoteStore
from reader.sealing import SealKey

from .conftest import count_near_searches, database_at_version, later_edition


@pytest.fixture(scope="module")
def editions(report: Report, tmp_path_factory: pytest.TempPathFactory) -> tuple[Report, Report]:
    """A later edition of the report (some passages found only approximately) and one later still."""
    later = later_edition(tmp_path_factory.mktemp("later") / "content")
    latest_folder = tmp_path_factory.mktemp("latest") / "content"
    shutil.copytree(later.folder, latest_folder)
    markdown = latest_folder / "report.md"
    markdown.write_text(markdown.read_text(encoding="utf-8").replace("Red Wolf", "Red  Wolf system"), "utf-8")
    return later, load_report(latest_folder)


def _add_notes(store: NoteStore, report: Report) -> tuple[Note, ...]:
    """Notes made on the first edition, one on every paragraph long enough, and one on a passage no edition has."""
    text = ReportText(report)
    for paragraph in report.paragraphs():
        if len(paragraph.text) > 60:
            store.add(anchor_from_selection(text, paragraph.id, 10, 55), text=f"about {paragraph.id}")
    first = store.notes()[0].anchor
    store.add(Anchor(first.section_id, first.paragraph_id, 0, 30, "a passage no edition ever had", "", ""))
    return store.notes()


@pytest.fixture
def store(report: Report, data_dir: Path):
    with NoteStore(data_dir) as store:
        _add_notes(store, report)
        yield store


def _pass(store: NoteStore, report: Report, remember: bool = True):
    """One pass as a launch makes it: told what is remembered, placing every note, saving what it searched for."""
    text = ReportText(report)
    edition = recall_places(store, text)
    notes = store.notes()
    placements = place_notes(text, notes)
    if remember:
        remember_places(store, edition, new_places(text, notes))
    return placements


def test_a_second_pass_over_the_same_edition_places_every_note_alike_without_searching(
    store: NoteStore, editions, monkeypatch: pytest.MonkeyPatch
) -> None:
    later, _latest = editions
    afresh = place_notes(ReportText(later), store.notes())
    methods = {placement.method for placement in afresh.values()}
    assert anchoring.AnchorMethod.FUZZY in methods and None in methods  # found approximately, and orphaned
    searches = count_near_searches(monkeypatch)
    assert _pass(store, later) == afresh
    assert searches
    searches.clear()
    assert _pass(store, later) == afresh
    assert not searches


def test_a_new_edition_searches_again_and_drops_the_older_editions_places(
    store: NoteStore, editions, monkeypatch: pytest.MonkeyPatch
) -> None:
    later, latest = editions
    _pass(store, later)
    searches = count_near_searches(monkeypatch)
    afresh = place_notes(ReportText(latest), store.notes())
    searched_afresh = len(searches)
    searches.clear()
    assert _pass(store, latest) == afresh
    assert len(searches) == searched_afresh > 0  # nothing taken from the older edition
    assert store.near_places(edition_of(ReportText(later))) == {}
    assert store.near_places(edition_of(ReportText(latest)))


def test_a_place_remembered_for_a_note_whose_anchor_changed_is_not_taken(
    store: NoteStore, editions, monkeypatch: pytest.MonkeyPatch
) -> None:
    later, _latest = editions
    _pass(store, later)
    remembered = store.near_places(edition_of(ReportText(later)))
    assert len(remembered) >= 2
    note = store.note(next(note_id for note_id, place in remembered.items() if place.start is not None))
    # The quote kept, its saved position moved (an undo, another program's change): a search may place it elsewhere.
    store.update(note.id, anchor=replace(note.anchor, start=note.anchor.start + 1, end=note.anchor.end + 1))
    afresh = place_notes(ReportText(later), store.notes())
    searches = count_near_searches(monkeypatch)
    assert _pass(store, later, remember=False) == afresh
    assert len(searches) == 1  # that note alone


def test_a_remembered_place_whose_text_does_not_check_out_is_not_taken(
    store: NoteStore, editions, monkeypatch: pytest.MonkeyPatch
) -> None:
    later, _latest = editions
    _pass(store, later)
    edition = edition_of(ReportText(later))
    remembered = store.near_places(edition)
    assert len(remembered) >= 2
    note_id, place = next((note_id, place) for note_id, place in remembered.items() if place.start is not None)
    assert store.remember_near_places(edition, {note_id: replace(place, start=place.start + 1)}) == 1  # type: ignore[operator]
    afresh = place_notes(ReportText(later), store.notes())
    searches = count_near_searches(monkeypatch)
    assert _pass(store, later, remember=False) == afresh
    assert len(searches) == 1  # that note alone


def test_a_pass_that_finds_every_place_remembered_writes_nothing(report: Report, data_dir: Path, editions) -> None:
    later, _latest = editions
    with NoteStore(data_dir) as store:
        _add_notes(store, report)
        _pass(store, later)
    backups = {path: path.stat().st_mtime_ns for path in (data_dir / "backups").iterdir()}
    with NoteStore(data_dir) as observer:
        with NoteStore(data_dir) as store:
            _pass(store, later)
        assert not observer.changed_elsewhere()
    assert {path: path.stat().st_mtime_ns for path in (data_dir / "backups").iterdir()} == backups  # none refreshed


def test_a_pass_over_sealed_notes_that_finds_every_place_remembered_leaves_the_sealed_file_alone(
    report: Report, data_dir: Path, editions
) -> None:
    later, _latest = editions
    with NoteStore(data_dir, key=SealKey.new()) as sealed:
        _add_notes(sealed, report)
        before = sealed.path.read_bytes()
        _pass(sealed, later)
        remembered = sealed.path.read_bytes()
        assert remembered != before
        _pass(sealed, later)
        assert sealed.path.read_bytes() == remembered


def test_a_deleted_notes_place_leaves_the_database_and_every_backup(data_dir: Path, store: NoteStore, editions) -> None:
    later, _latest = editions
    _pass(store, later)
    store.back_up()
    gone = next(iter(store.near_places(edition_of(ReportText(later)))))
    store.delete(gone)
    copies = [data_dir / DB_NAME, *sorted((data_dir / "backups").glob("notes-*.sqlite3"))]
    for copy in copies:
        connection = sqlite3.connect(copy)
        try:
            assert connection.execute("SELECT count(*) FROM near_places").fetchone()[0] > 0
            assert connection.execute("SELECT 1 FROM near_places WHERE note_id = ?", (gone,)).fetchone() is None
        finally:
            connection.close()


def test_places_are_kept_for_each_report_apart(data_dir: Path, store: NoteStore, editions) -> None:
    later, latest = editions
    _pass(store, later)
    kept = store.near_places(edition_of(ReportText(later)))
    with NoteStore(data_dir, report="another-report") as other:
        _add_notes(other, load_report(later.folder))
        _pass(other, latest)
    assert store.near_places(edition_of(ReportText(later))) == kept


def test_a_version_3_database_migrates_with_every_note_intact(report: Report, data_dir: Path, editions) -> None:
    with NoteStore(data_dir) as store:
        notes = _add_notes(store, report)
    connection = sqlite3.connect(data_dir / DB_NAME)
    # The file as version 3 left it: without the tables (and the triggers) that later versions add.
    for (trigger,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall():
        connection.execute(f"DROP TRIGGER {trigger}")
    connection.execute("DROP TABLE changes")
    connection.execute("DROP TABLE near_places")
    connection.execute("PRAGMA user_version = 3")
    connection.commit()
    connection.close()
    assert len(MIGRATIONS[3:]) == SCHEMA_VERSION - 3
    with NoteStore(data_dir) as store:
        assert store.notes() == notes
        later, _latest = editions
        _pass(store, later)
        assert store.near_places(edition_of(ReportText(later)))
    (before,) = (data_dir / "backups").glob("notes-before-v*.sqlite3")
    old = sqlite3.connect(before)
    assert old.execute("PRAGMA user_version").fetchone()[0] == 3
    assert old.execute("SELECT count(*) FROM notes").fetchone()[0] == len(notes)
    old.close()


def test_a_version_3_database_built_step_by_step_migrates(data_dir: Path) -> None:
    database_at_version(data_dir, 3)
    with NoteStore(data_dir) as store:
        assert store.note("n1").text == "written by version 3"
        assert store.near_places("any edition") == {}
