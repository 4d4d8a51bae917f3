"""An Arabic note (right-to-left text, mixed with English, digits and a tag) keeps its exact characters, in order,
through the W3C export and import a class shares, and appears unchanged in the Markdown and HTML handouts."""

from __future__ import annotations

import html
import json
import unicodedata
from pathlib import Path

import pytest

from reader.content import Report
from reader.notes.anchoring import anchor_from_selection
from reader.notes.export import export_notes
from reader.notes.store import NoteStore
from reader.notes.w3c_import import import_annotations

# Arabic with a number, an English abbreviation, punctuation and a line break: the order a bidi bug would scramble.
ARABIC_NOTE = "رأي محكمة العدل الدولية (ICJ) صدر عام 2024، انظر الفقرة ٣.\nسؤال للصف: ما الأثر القانوني؟"
ARABIC_TAG = "قانون_دولي"
QUOTE = "historic advisory opinion"


@pytest.fixture
def store(data_dir: Path):
    with NoteStore(data_dir) as opened:
        yield opened


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        value = list(value.values())
    return [text for item in value for text in _strings(item)] if isinstance(value, list) else []


def _add_arabic_note(report: Report, store: NoteStore) -> None:
    start = report.paragraph("apartheid-p2").text.index(QUOTE)
    anchor = anchor_from_selection(report, "apartheid-p2", start, start + len(QUOTE))
    store.add(anchor, text=ARABIC_NOTE, tags=[ARABIC_TAG], author="أ. حداد")


def test_an_arabic_note_comes_back_from_a_w3c_file_exactly_as_written(
    report: Report, store: NoteStore, tmp_path: Path, data_dir: Path
) -> None:
    _add_arabic_note(report, store)
    path = export_notes(tmp_path / "class.json", "json", store.notes(), report)
    exported = json.loads(path.read_text(encoding="utf-8"))
    assert ARABIC_NOTE in _strings(exported)  # the body's value, character for character

    with NoteStore(data_dir / "pupil") as pupil:
        result = import_annotations(pupil, report, path, layer="الصف")
        assert len(result.added) == 1
        (note,) = pupil.notes(layer="الصف")
        assert note.text == ARABIC_NOTE  # same characters, same logical order, no marks added
        assert ARABIC_TAG in note.tags
        assert note.anchor.exact == QUOTE


@pytest.mark.parametrize("export_format", ["md", "html"])
def test_an_arabic_note_is_in_the_handouts_unchanged(
    report: Report, store: NoteStore, tmp_path: Path, export_format: str
) -> None:
    _add_arabic_note(report, store)
    path = export_notes(tmp_path / f"handout.{export_format}", export_format, store.notes(), report)
    text = path.read_text(encoding="utf-8")
    if export_format == "html":
        text = html.unescape(text)
    for line in ARABIC_NOTE.splitlines():
        assert line in text
    assert ARABIC_TAG.replace("_", "\\_") in text or ARABIC_TAG in text
    # Nothing rewrote the Arabic letters into presentation forms (which copy and search badly).
    assert not any(
        unicodedata.name(char, "").startswith("ARABIC LETTER") and "FORM" in unicodedata.name(char) for char in text
    )
