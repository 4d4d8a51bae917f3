"""One search over the report's index and the notes' index, merged as the window and the command line show it."""

from __future__ import annotations

import pytest

from reader.content import Report
from reader.search.documents import note_documents
from reader.search.everywhere import search_everywhere
from reader.search.index import SearchIndex
from reader.search.results import HitKind


@pytest.fixture
def notes_index(report: Report, make_note) -> SearchIndex:
    notes = [
        make_note("n-1", "The genocide ruling: ask the class what genocide means"),
        make_note("n-2", "Ask the clinic about water trucks (ceasfire talks)"),
    ]
    with SearchIndex.in_memory(note_documents(notes, report)) as search_index:
        yield search_index


def test_totals_of_both_indexes_add_up(report_index: SearchIndex, notes_index: SearchIndex) -> None:
    merged = search_everywhere("genocide", [report_index, notes_index], limit=500)

    in_report = report_index.search("genocide", limit=500).total
    assert merged.total == in_report + 1
    assert len(merged.hits) == merged.total
    assert {HitKind.REPORT, HitKind.NOTE} <= {hit.kind for hit in merged.hits}


@pytest.mark.parametrize("notes_first", [False, True])
def test_exact_hits_come_before_fuzzy_ones(
    report_index: SearchIndex, notes_index: SearchIndex, notes_first: bool
) -> None:
    # A note has "ceasfire" as written; for the report's index it is a typo of "ceasefire".
    indexes = [notes_index, report_index] if notes_first else [report_index, notes_index]

    merged = search_everywhere("ceasfire", indexes, limit=10)

    assert [hit.item_id for hit in merged.hits if hit.kind is HitKind.NOTE] == ["n-2"]
    assert merged.hits[0].item_id == "n-2"
    assert len(merged.hits) > 1
    assert merged.suggestion is None
    assert not merged.is_fuzzy


def test_limit_caps_the_merged_hits(report_index: SearchIndex, notes_index: SearchIndex) -> None:
    assert len(search_everywhere("genocide", [report_index, notes_index], limit=3).hits) == 3


def test_as_you_type_reaches_every_index(report_index: SearchIndex, notes_index: SearchIndex) -> None:
    merged = search_everywhere("truc", [report_index, notes_index], limit=10, as_you_type=True)

    assert "n-2" in {hit.item_id for hit in merged.hits}


def test_no_index_finds_nothing_calmly() -> None:
    result = search_everywhere("genocide", [], limit=10)

    assert (result.query, result.total, result.hits) == ("genocide", 0, ())
