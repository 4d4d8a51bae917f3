"""Searching the notes through `NotesIndex`: the same hits, ranks and corrections as a Whoosh index of the same
notes, and every change (a new, edited, hidden or deleted note) visible to the very next search."""

from __future__ import annotations

import dataclasses
import subprocess
import sys

import pytest

from reader.content import Report
from reader.search.documents import note_documents
from reader.search.index import SearchIndex
from reader.search.notes_index import NotesIndex
from reader.search.results import HitKind

NOTES = [
    ("n-1", "The genocide ruling: ask the class what genocide means", "red-wolf-p2"),
    ("n-2", "Ask the clinic about water trucks (ceasfire talks)", "red-wolf-p2"),
    ("n-3", "Water, electricity and fuel cut off; compare with the ICJ order", "mass-displacement-p2"),
    ("n-4", "Follow up: displaced families in al-Mawasi, ask about water", "mass-displacement-p2"),
    ("n-5", "", "red-wolf-p2"),  # a bare highlight: found by the passage it quotes
    ("n-6", "Dé-placé: accents fold like the report's", "mass-displacement-p2"),
]

QUERIES = [
    "water",
    "genocide",
    "ask water",
    '"water trucks"',
    "water NOT trucks",
    "clinic OR electricity",
    "ceasefire",  # the note misspells it: found loosely, with a correction offered
    "watr",
    "displac",
    "al-Mawasi",
    "deplace",
    "what is",
    "nothing-like-this",
]


@pytest.fixture
def notes(make_note) -> list:
    return [make_note(note_id, text, paragraph) for note_id, text, paragraph in NOTES]


@pytest.mark.parametrize("as_you_type", [False, True])
@pytest.mark.parametrize("text", QUERIES)
def test_notes_are_found_and_ranked_as_by_a_whoosh_index_of_them(
    report: Report, notes: list, text: str, as_you_type: bool
) -> None:
    index = NotesIndex(report)
    index.add(notes)
    with SearchIndex.in_memory(note_documents(notes, report)) as whoosh_index:
        expected = whoosh_index.search(text, limit=10, as_you_type=as_you_type)

    found = index.search(text, limit=10, as_you_type=as_you_type)

    assert found == expected  # hits in the same order with the same scores, snippets, totals and corrections


def test_a_hit_names_the_note_its_section_and_its_words(report: Report, notes: list) -> None:
    index = NotesIndex(report)
    index.add(notes)

    hit = index.search("trucks").hits[0]

    assert (hit.kind, hit.item_id, hit.paragraph_id) == (HitKind.NOTE, "n-2", "red-wolf-p2")
    assert hit.heading.startswith("Note › ")
    assert hit.terms == ("trucks",)


def test_a_removed_note_is_not_found_by_the_next_search(report: Report, notes: list) -> None:
    index = NotesIndex(report)
    index.add(notes)
    assert index.search("trucks").total == 1

    index.remove(["n-2"])

    assert index.search("trucks").total == 0
    assert [hit.item_id for hit in index.search("water").hits] == [
        hit.item_id for hit in index.search("water").hits if hit.item_id != "n-2"
    ]
    assert "n-2" not in index and index.document_count == len(NOTES) - 1


def test_an_edited_note_is_found_by_its_new_words_only(report: Report, notes: list) -> None:
    index = NotesIndex(report)
    index.add(notes)
    edited = dataclasses.replace(notes[1], text="Ask the beekeepers about the orchards")

    index.add([edited])

    assert [hit.item_id for hit in index.search("beekeepers").hits] == ["n-2"]
    assert index.search("trucks").total == 0
    assert index.document_count == len(NOTES)


def test_a_note_added_after_the_others_is_found_at_once(report: Report, notes: list, make_note) -> None:
    index = NotesIndex(report)
    index.add(notes)
    index.search("olive")  # a search before the change must not keep the index as it was

    index.add([make_note("n-9", "Olive groves burnt near the wall")])

    assert [hit.item_id for hit in index.search("olive").hits] == ["n-9"]


def test_the_index_keeps_the_newest_copy_of_an_unchanged_note(report: Report, notes: list) -> None:
    index = NotesIndex(report)
    index.add(notes)
    same = dataclasses.replace(notes[0])  # an equal note read again from the database: a new object

    assert index.refresh(same)
    assert index.indexed("n-1") is same  # the older copy is let go: no second copy of every note
    assert not index.refresh(dataclasses.replace(notes[0], text="changed"))


def test_many_removals_ask_for_a_fresh_index(report: Report, make_note) -> None:
    index = NotesIndex(report)
    index.add(make_note(f"n-{number}", f"note number {number}") for number in range(200))

    index.remove(f"n-{number}" for number in range(40))
    assert not index.needs_compacting
    index.remove(f"n-{number}" for number in range(40, 64))
    assert index.needs_compacting


def test_searching_loads_no_network_asyncio_openssl_decimal_or_calendar_modules() -> None:
    code = (
        "import sys\n"
        "import reader.search.everywhere, reader.search.notes_index\n"
        "loaded = [m for m in ('asyncio', 'http.client', 'email', 'ssl', 'urllib.request', 'concurrent.futures',"
        " 'hashlib', '_hashlib', 'decimal', 'calendar', 'whoosh.lang.morph_en', 'whoosh.classify')"
        " if m in sys.modules]\n"
        "assert not loaded, loaded\n"
        "import whoosh.query.terms, whoosh.searching\n"  # Whoosh's own unused parts hand over too, if ever used
        "from whoosh.lang.morph_en import variations\n"
        "assert sorted(whoosh.query.terms.variations('cities')) == sorted(variations('cities'))\n"
        "assert whoosh.searching.classify.Expander.__module__ == 'whoosh.classify'\n"
        "assert type(whoosh.searching.classify.Bo1Model(10, 100)).__module__ == 'whoosh.classify'\n"
        "import hashlib, decimal, calendar\n"
        "assert hashlib.sha256(b'').hexdigest().startswith('e3b0c442')\n"
        "assert decimal.Decimal('0.1') + decimal.Decimal('0.2') == decimal.Decimal('0.3')\n"
        "assert calendar.monthrange(2024, 2) == (3, 29)\n"
        "import whoosh.fields, whoosh.util.times\n"  # their stand-ins hand over to the real modules if ever used
        "assert whoosh.fields.Decimal('1.5') == decimal.Decimal('1.5')\n"
        "assert whoosh.util.times.calendar.monthrange(2023, 2) == (2, 28)\n"
        "from urllib.request import Request\n"  # anything that does want it later gets the real module
        "import cached_property\n"
        "assert hasattr(cached_property, 'threaded_cached_property')\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
