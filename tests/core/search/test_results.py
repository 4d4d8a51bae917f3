"""What a hit says it is: its `HitKind` and the id of the paragraph, glossary term or note it found."""

from __future__ import annotations

import json

import pytest

from reader.content import Report
from reader.search.documents import note_documents
from reader.search.index import SearchIndex
from reader.search.results import HitKind, SearchHit


def _first(search_index: SearchIndex, text: str, kind: HitKind) -> SearchHit:
    return next(hit for hit in search_index.search(text, limit=50).hits if hit.kind is kind)


def test_a_report_hit_names_its_paragraph(report_index: SearchIndex) -> None:
    hit = _first(report_index, "facial recognition", HitKind.REPORT)

    assert hit.kind is HitKind.REPORT
    assert hit.item_id == hit.paragraph_id == hit.key
    assert hit.item_id.startswith("red-wolf-")


def test_a_glossary_hit_names_its_term(report_index: SearchIndex) -> None:
    hit = _first(report_index, "International Court of Justice", HitKind.GLOSSARY)

    assert (hit.kind, hit.item_id, hit.paragraph_id) == (HitKind.GLOSSARY, "icj", None)


def test_a_note_hit_names_its_note(report: Report, make_note) -> None:
    notes = [make_note("n-41", "Ask the clinic about water trucks"), make_note("n-42", "Other")]
    with SearchIndex.in_memory(note_documents(notes, report)) as notes_index:
        hit = _first(notes_index, "trucks", HitKind.NOTE)

    assert (hit.kind, hit.item_id, hit.paragraph_id) == (HitKind.NOTE, "n-41", "red-wolf-p2")


@pytest.mark.parametrize(("text", "kind"), [("Red Wolf", "report"), ("International Court of Justice", "glossary")])
def test_json_gives_the_kind_as_text_and_the_item_id(report_index: SearchIndex, text: str, kind: str) -> None:
    hit = _first(report_index, text, HitKind(kind))

    data = json.loads(json.dumps(hit.to_json()))

    assert data["kind"] == kind
    assert data["item_id"] == hit.item_id
