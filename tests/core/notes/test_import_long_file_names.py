"""A notes file whose name is too long (or unusable) for a layer is still read: a shorter name is proposed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.content import Report
from reader.errors import ReaderError
from reader.notes.note import MAX_LAYER_NAME, check_layer_name
from reader.notes.w3c_import import prepare_import

QUOTE = "deliberately oppress Palestinians"


def _notes_file(folder: Path, stem: str) -> Path:
    item = {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "type": "Annotation",
        "body": [{"type": "TextualBody", "value": "Discuss in class", "purpose": "commenting"}],
        "target": {"selector": [{"type": "TextQuoteSelector", "exact": QUOTE}]},
    }
    path = folder / f"{stem}.json"
    path.write_text(json.dumps([item]), encoding="utf-8")
    return path


def test_a_file_with_a_long_name_is_read_with_a_shorter_layer_name_proposed(report: Report, tmp_path: Path) -> None:
    stem = "Mr Haddad's class notes for the spring term week three and four, with the questions"
    stem = (stem + " for the next class")[:100]
    assert len(stem) == 100
    prepared = prepare_import(report, _notes_file(tmp_path, stem))
    assert len(prepared.notes) == 1
    assert 0 < len(prepared.layer) <= MAX_LAYER_NAME
    assert check_layer_name(prepared.layer) == prepared.layer  # a name the layer can have as it is
    assert stem.startswith(prepared.layer)
    assert stem[len(prepared.layer)] == " "  # cut between words, not in the middle of one


def test_a_long_name_of_one_word_is_cut_to_the_limit(report: Report, tmp_path: Path) -> None:
    prepared = prepare_import(report, _notes_file(tmp_path, "x" * 100))
    assert prepared.layer == "x" * MAX_LAYER_NAME


def test_a_file_name_with_nothing_usable_proposes_a_neutral_layer_name(report: Report, tmp_path: Path) -> None:
    prepared = prepare_import(report, _notes_file(tmp_path, "   "))
    assert prepared.layer == "imported"


def test_a_short_file_name_is_proposed_as_it_was(report: Report, tmp_path: Path) -> None:
    assert prepare_import(report, _notes_file(tmp_path, "ms-haddad")).layer == "ms-haddad"


@pytest.mark.parametrize("layer", ["x" * (MAX_LAYER_NAME + 1), "   ", "mine"])
def test_a_bad_layer_name_given_is_still_refused_in_one_line(report: Report, tmp_path: Path, layer: str) -> None:
    with pytest.raises(ReaderError) as caught:
        prepare_import(report, _notes_file(tmp_path, "class"), layer=layer)
    text = str(caught.value)
    assert text.startswith("Cannot import class.json: ")
    assert text.endswith("Nothing was changed.")
    assert "\n" not in text
