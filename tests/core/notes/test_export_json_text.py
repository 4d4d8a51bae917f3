"""The W3C export writes its JSON itself, faster than the standard library, and character for character the same:
the text `json.dumps` would write of the collection `annotation_collection` builds."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.content import ParagraphId, Report, SectionId
from reader.notes.anchoring import ReportText, anchor_from_selection
from reader.notes.json_text import indented_json
from reader.notes.note import Anchor, Color, LayerName, Note, NoteId, Style
from reader.notes.w3c_export import annotation_collection, w3c_bytes

_LEAVES = (
    st.text()
    | st.integers()
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.booleans()
    | st.none()
    | st.sampled_from(["", '“quoted” \\ "', "\u2028\x00\t\n", "نص عربي", "😀"])
)
_VALUES = st.recursive(
    _LEAVES,
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(st.text(max_size=8), children, max_size=4)
        | st.tuples(children, children)
        | st.dictionaries(st.integers() | st.booleans() | st.none(), children, max_size=3)
    ),
    max_leaves=30,
)


@settings(max_examples=400, deadline=None)
@given(value=_VALUES)
def test_json_is_written_as_the_standard_library_writes_it(value: object) -> None:
    assert indented_json(value) == json.dumps(value, ensure_ascii=False, indent=2)


_TIMES = st.datetimes(  # times a note can have: a zone's offset from UTC never leaves the calendar
    min_value=dt.datetime(1900, 1, 1), max_value=dt.datetime(2200, 1, 1), timezones=st.none() | st.timezones()
)


@st.composite
def _notes(draw: st.DrawFn, text: ReportText) -> Note:
    """A note as the store may hold one: placed or not, with or without text, tags, author and import key."""
    if draw(st.booleans()):
        paragraph = draw(st.sampled_from(text.report.paragraphs()))
        start = draw(st.integers(0, max(0, len(paragraph.text) - 2)))
        end = draw(st.integers(start + 1, len(paragraph.text)))
        anchor = anchor_from_selection(text, paragraph.id, start, end) if paragraph.text[start:end].strip() else None
    else:
        anchor = None
    if anchor is None:
        exact = draw(st.text(min_size=1, max_size=20))
        anchor = Anchor(SectionId(""), ParagraphId(""), 0, len(exact), exact, draw(st.text(max_size=8)), "")
    return Note(
        id=NoteId(draw(st.uuids()).hex),
        layer=LayerName(draw(st.sampled_from(["mine", "class"]))),
        anchor=anchor,
        color=draw(st.sampled_from(Color)),
        style=draw(st.sampled_from(Style)),
        text=draw(st.text(max_size=30)),
        tags=tuple(draw(st.lists(st.text(max_size=8), max_size=3))),
        created=draw(_TIMES),
        updated=draw(_TIMES),
        author=draw(st.none() | st.text(max_size=10)),
        import_key=draw(st.none() | st.text(min_size=1, max_size=12) | st.just("id:https://example.org/a/1")),
    )


@pytest.fixture(scope="module")
def report_text(report: Report) -> ReportText:
    return ReportText(report)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data(), safe=st.booleans())
def test_w3c_file_is_its_annotation_collection_written_as_json(
    report_text: ReportText, data: st.DataObject, safe: bool
) -> None:
    notes = data.draw(st.lists(_notes(report_text), max_size=4))
    collection = annotation_collection(notes, report_text, safe=safe)
    assert w3c_bytes(notes, report_text, safe=safe) == (indented_json(collection) + "\n").encode("utf-8")
