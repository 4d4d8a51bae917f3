"""JSON-LD's own spelling of `type` and `id` (`@type`, `@id`): read wherever the plain names are, to the same notes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.content import Report
from reader.errors import ReaderError
from reader.notes.store import NoteStore
from reader.notes.w3c_import import import_annotations

EXAMPLES = Path(__file__).resolve().parents[2] / "data" / "w3c"


def _spelled_as_keywords(value: object) -> object:
    """The same JSON with every `type` and `id` key written `@type` and `@id`, at any depth."""
    if isinstance(value, dict):
        keyword = {"type": "@type", "id": "@id"}
        return {keyword.get(key, key): _spelled_as_keywords(one) for key, one in value.items()}
    if isinstance(value, list):
        return [_spelled_as_keywords(one) for one in value]
    return value


def _imported(report: Report, folder: Path, path: Path) -> tuple[str, list[tuple[object, ...]]]:
    """What importing `path` into an empty data folder says, and the notes it makes (or the refusal)."""
    folder.mkdir()
    with NoteStore(folder) as store:
        try:
            result = import_annotations(store, report, path, layer="class")
        except ReaderError as error:
            return str(error).replace(path.name, "FILE"), []
        notes = [
            (note.quote, note.text, note.tags, note.color, note.style, note.anchor, note.import_key)
            for note in result.added
        ]
    return result.summary(), notes


@pytest.mark.parametrize("example", sorted(path.name for path in EXAMPLES.glob("*.json")))
def test_an_example_written_with_json_ld_keywords_imports_as_the_plain_one(
    report: Report, tmp_path: Path, example: str
) -> None:
    plain = EXAMPLES / example
    keywords = tmp_path / "keywords.json"
    spelled = _spelled_as_keywords(json.loads(plain.read_text(encoding="utf-8")))
    keywords.write_text(json.dumps(spelled), encoding="utf-8")
    assert '"type"' not in keywords.read_text(encoding="utf-8")
    assert _imported(report, tmp_path / "keywords", keywords) == _imported(report, tmp_path / "plain", plain)


def test_a_quote_selector_with_an_at_type_is_read(report: Report, data_dir: Path, tmp_path: Path) -> None:
    annotation = {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "@id": "urn:uuid:6a1f3c9e-0000-4000-8000-000000000001",
        "@type": "Annotation",
        "body": {"@type": "TextualBody", "value": "Compare with the fieldwork notes."},
        "target": {"selector": {"@type": "TextQuoteSelector", "exact": "deliberately oppress Palestinians"}},
    }
    path = tmp_path / "fieldwork.json"
    path.write_text(json.dumps(annotation), encoding="utf-8")
    with NoteStore(data_dir) as store:
        result = import_annotations(store, report, path)
        assert result.summary() == "Imported 1 note into the layer “fieldwork”."
        (note,) = result.added
        assert (note.quote, note.text, note.paragraph_id) == (
            "deliberately oppress Palestinians",
            "Compare with the fieldwork notes.",
            "apartheid-p1",
        )
        again = import_annotations(store, report, path)  # its @id is its key: the second time adds nothing
        assert (again.added, again.duplicates) == ((), 1)
