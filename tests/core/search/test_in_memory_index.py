"""The in-memory index of notes lives in memory only: a shared temporary folder can neither break nor see it."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from reader.content import Report
from reader.notes.note import Note
from reader.search.documents import note_documents
from reader.search.index import SearchIndex

# What another user (or a crashed run) can leave in the shared temporary folder, where Whoosh would have put its own.
SQUATTED_NAMES = ("MAIN.tmp", "MAIN.tmp.tmp")


@pytest.fixture
def squatted_temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The temporary folder, holding a file named as Whoosh names its scratch folder and one such folder."""
    folder = tmp_path / "shared-tmp"
    folder.mkdir()
    (folder / "MAIN.tmp").write_text("someone else's file")
    (folder / "MAIN.tmp.tmp").mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def test_notes_are_indexed_and_found_when_the_temporary_folder_is_squatted(
    squatted_temp: Path, report: Report, make_note: Callable[..., Note]
) -> None:
    notes = [make_note("1", "Ask the clinic about water trucks"), make_note("2", "olive harvest dates")]

    with SearchIndex.in_memory(note_documents(notes, report)) as notes_index:
        result = notes_index.search("water trucks")
        notes_index.replace_documents(note_documents([make_note("2", "water for the olive groves")], report))
        again = notes_index.search("water")

    assert [hit.item_id for hit in result.hits] == ["1"]
    assert {hit.item_id for hit in again.hits} == {"1", "2"}
    assert sorted(path.name for path in squatted_temp.iterdir()) == sorted(SQUATTED_NAMES)
    assert (squatted_temp / "MAIN.tmp").read_text() == "someone else's file"


_BUILD_AND_SEARCH = textwrap.dedent(
    """
    import sys
    from reader.search.documents import SearchDocument
    from reader.search.index import SearchIndex
    from reader.search.results import HitKind

    documents = [
        SearchDocument(kind=HitKind.NOTE, item_id=str(number), text=f"water trucks reached the clinic, visit {number}")
        for number in range(300)
    ]
    for _ in range(15):
        with SearchIndex.in_memory(documents) as index:
            assert index.search("water trucks").total == 300
    print("done")
    """
)


def test_two_processes_building_in_memory_indexes_at_once_both_succeed(tmp_path: Path) -> None:
    shared_temp = tmp_path / "shared-tmp"
    shared_temp.mkdir()
    environment = {**os.environ, "TMPDIR": str(shared_temp)}
    runs = [
        subprocess.Popen(
            [sys.executable, "-c", _BUILD_AND_SEARCH],
            env=environment,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    outcomes = [run.communicate(timeout=300) for run in runs]

    for run, (out, err) in zip(runs, outcomes, strict=True):
        assert run.returncode == 0, err
        assert out == "done\n"
    assert list(shared_temp.iterdir()) == []  # nothing was written to the shared temporary folder
