"""`field-reader notes import` of notes this data folder already holds: recognised, never copied; "mine" refused."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.__main__ import main
from reader.content import Report
from reader.notes.anchoring import anchor_from_selection
from reader.notes.note import ImportedNote
from reader.notes.store import NoteStore

OWN = [
    ("apartheid-p1", "deliberately oppress Palestinians"),
    ("overview-p1", "fragile ceasefire"),
    ("apartheid-p2", "historic advisory opinion"),
]


def _select(report: Report, paragraph_id: str, quote: str):
    start = report.paragraph(paragraph_id).text.index(quote)
    return anchor_from_selection(report, paragraph_id, start, start + len(quote))


@pytest.fixture
def exported(report: Report, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """Three notes of the reader's own and two in an imported layer "teacher", all exported to all.json."""
    with NoteStore(data_dir) as store:
        for number, (paragraph_id, quote) in enumerate(OWN):
            store.add(_select(report, paragraph_id, quote), text=f"mine {number}")
        store.add_imported(
            "teacher",
            [
                ImportedNote("id:urn:uuid:0b6c0000-0000-4000-8000-000000000001", _select(report, *OWN[0]), "t1"),
                ImportedNote("sha256:abc", _select(report, *OWN[1]), "t2"),
            ],
        )
    out = tmp_path / "all.json"
    assert main(["notes", "export", "--format", "json", "--out", str(out)]) == 0
    capsys.readouterr()
    return out


def _layers_and_count(data_dir: Path) -> tuple[set[str], int]:
    with NoteStore(data_dir) as store:
        return {layer.name for layer in store.layers()}, store.count()


@pytest.mark.parametrize("layer", [None, "teacher", "another"])
def test_importing_an_export_of_this_folder_adds_nothing_whatever_the_layer(
    exported: Path, data_dir: Path, capsys: pytest.CaptureFixture[str], layer: str | None
) -> None:
    options = [] if layer is None else ["--layer", layer]
    assert main(["notes", "import", str(exported), *options]) == 0
    named = layer or "all"
    assert capsys.readouterr().out == f"Imported 0 notes into the layer “{named}”; 5 already there.\n"
    assert _layers_and_count(data_dir) == ({"mine", "teacher"}, 5)  # no empty layer made either


def test_an_own_note_is_recognised_by_its_id_in_any_case(
    exported: Path, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = json.loads(exported.read_text(encoding="utf-8"))
    for item in data["first"]["items"]:
        if item["id"].startswith("urn:uuid:"):  # a UUID's hex digits may be written in either case
            item["id"] = "urn:uuid:" + item["id"].removeprefix("urn:uuid:").upper()
    shouted = tmp_path / "shouted.json"
    shouted.write_text(json.dumps(data), encoding="utf-8")
    assert main(["notes", "import", str(shouted)]) == 0
    assert "5 already there" in capsys.readouterr().out
    assert _layers_and_count(data_dir)[1] == 5


def test_a_new_note_beside_known_ones_is_imported_alone(
    exported: Path, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = json.loads(exported.read_text(encoding="utf-8"))
    fresh = dict(data["first"]["items"][0], id="urn:uuid:99999999-0000-4000-8000-000000000009")
    data["first"]["items"].append(fresh)
    grown = tmp_path / "grown.json"
    grown.write_text(json.dumps(data), encoding="utf-8")
    assert main(["notes", "import", str(grown), "--layer", "class"]) == 0
    assert capsys.readouterr().out == "Imported 1 note into the layer “class”; 5 already there.\n"
    assert _layers_and_count(data_dir) == ({"mine", "teacher", "class"}, 6)


@pytest.mark.parametrize("options", [["--layer", "mine"], ["--layer", "  mine "]])
def test_importing_into_the_readers_own_layer_is_refused_in_one_line(
    exported: Path, data_dir: Path, capsys: pytest.CaptureFixture[str], options: list[str]
) -> None:
    with NoteStore(data_dir) as store:
        before = store.notes()
    assert main(["notes", "import", str(exported), *options]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (
        "field-reader: Cannot import all.json: “mine” is the layer of your own notes; imported notes go into a layer "
        "of their own, so choose another name. Nothing was changed.\n"
    )
    with NoteStore(data_dir) as store:
        assert store.notes() == before


def test_a_file_named_after_the_readers_own_layer_is_refused_without_a_layer_name(
    exported: Path, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mine = tmp_path / "mine.json"
    mine.write_bytes(exported.read_bytes())
    assert main(["notes", "import", str(mine)]) == 1
    assert "“mine” is the layer of your own notes" in capsys.readouterr().err
    assert _layers_and_count(data_dir) == ({"mine", "teacher"}, 5)
