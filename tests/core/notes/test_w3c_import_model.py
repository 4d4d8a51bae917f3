"""Importing the Web Annotation model's structures (tests/data/w3c/): what each file keeps, and what its summary says.

Each file is a small annotation modelled on one structure of the Data Model (Choice, List, Composite, Independents,
several targets, refinedBy, RangeSelector, tags as resources, HTML bodies, states, styles, collections), pointed at
passages of the bundled report.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.content import Report
from reader.errors import ReaderError
from reader.notes.anchoring import ReportText, place_notes
from reader.notes.note import Color, Note, Style
from reader.notes.store import NoteStore
from reader.notes.w3c_export import export_w3c
from reader.notes.w3c_import import ImportResult, import_annotations

EXAMPLES = Path(__file__).resolve().parents[2] / "data" / "w3c"


@pytest.fixture
def store(data_dir: Path):
    with NoteStore(data_dir) as opened:
        yield opened


def _import(store: NoteStore, report: Report, name: str) -> ImportResult:
    return import_annotations(store, report, EXAMPLES / name)


def _highlighted(report: Report, note: Note) -> str:
    """The report's text the note is painted on, as the reader sees it."""
    placement = place_notes(report, [note])[note.id]
    (span,) = placement.spans
    return report.paragraph(span.paragraph_id).text[span.start : span.end]


def _only(result: ImportResult) -> Note:
    (note,) = result.added
    return note


def test_a_textual_body_is_the_note(report: Report, store: NoteStore) -> None:
    result = _import(store, report, "01-textual-body.json")
    note = _only(result)
    assert (note.text, note.quote, note.paragraph_id) == (
        "Compare with the 1973 Convention.",
        "deliberately oppress Palestinians",
        "apartheid-p1",
    )
    assert result.summary() == "Imported 1 note into the layer “01-textual-body”."


def test_a_body_value_is_the_note(report: Report, store: NoteStore) -> None:
    note = _only(_import(store, report, "02-body-value.json"))
    assert note.text == "Which court, and when? Check the date."
    assert note.paragraph_id == "apartheid-p2"


def test_an_html_body_becomes_plain_text_without_its_script(report: Report, store: NoteStore) -> None:
    note = _only(_import(store, report, "03-html-body.json"))
    assert note.text.splitlines() == ["Read both definitions & compare.", "Rome Statute", "1973 Convention"]
    assert "<" not in note.text and "alert" not in note.text


def test_a_choice_keeps_the_body_in_the_reports_language(report: Report, store: NoteStore) -> None:
    assert report.manifest.language == "en"
    result = _import(store, report, "04-choice-by-language.json")
    assert _only(result).text == "See the Red Wolf report."
    assert "2 alternative bodies of a Choice left out (a Choice keeps one)" in result.summary()


def test_a_choice_with_no_body_in_the_reports_language_keeps_the_first_it_can_read(
    report: Report, store: NoteStore
) -> None:
    result = _import(store, report, "05-choice-first-readable.json")
    note = _only(result)
    assert note.text == "Article 8 of the Rome Statute."  # the first item is a recording: nothing to read
    assert note.paragraph_id == "israels-control-p3"  # the "war crime" the prefix names, not another
    assert "1 alternative body of a Choice left out" in result.summary()


def test_a_list_body_keeps_every_item_in_order(report: Report, store: NoteStore) -> None:
    note = _only(_import(store, report, "06-list-body.json"))
    assert note.text == "First: what makes a regime institutionalized?\n\nSecond: who maintains it?"


def test_a_composite_body_keeps_its_text_and_its_tag(report: Report, store: NoteStore) -> None:
    note = _only(_import(store, report, "07-composite-body.json"))
    assert (note.text, note.tags) == ("Map these on the handout.", ("movement",))


def test_an_independents_body_keeps_every_item(report: Report, store: NoteStore) -> None:
    note = _only(_import(store, report, "08-independents-body.json"))
    assert note.text == "Since 2007.\n\nTightened after 9 October 2023."


def test_two_targets_become_two_notes_sharing_text_and_tags(report: Report, store: NoteStore) -> None:
    result = _import(store, report, "09-two-targets.json")
    first, second = sorted(result.added, key=lambda note: note.text)
    assert (first.quote, second.quote) == ("deliberately oppress Palestinians", "racial segregation")
    assert first.text == "The same idea in two places.\n\n(passage 1 of 2)"
    assert second.text == "The same idea in two places.\n\n(passage 2 of 2)"
    assert first.tags == second.tags == ("definitions",)
    assert "1 annotation on 2 passages became 2 notes" in result.summary()
    again = _import(store, report, "09-two-targets.json")
    assert (len(again.added), again.duplicates) == (0, 2)


def test_a_target_naming_the_whole_page_is_counted_not_dropped_silently(report: Report, store: NoteStore) -> None:
    result = _import(store, report, "10-targets-with-a-whole-page.json")
    assert sorted(note.quote for note in result.added) == ["facial recognition technology", "historic advisory opinion"]
    assert all(note.text.endswith("of 2)") for note in result.added)
    assert "1 target naming a whole page skipped" in result.summary()


def test_tags_given_as_resources_are_kept(report: Report, store: NoteStore) -> None:
    note = _only(_import(store, report, "11-tag-as-resource.json"))
    assert note.tags == ("https://www.wikidata.org/wiki/Q11019", "surveillance", "Hebron")
    assert note.paragraph_id == "red-wolf-p3"  # the "Red Wolf" after "checkpoint where", not the first mention


def test_a_tagging_annotation_makes_its_body_a_tag(report: Report, store: NoteStore) -> None:
    note = _only(_import(store, report, "12-tagging-motivation.json"))
    assert (note.text, note.tags) == ("", ("land",))


def test_a_quote_refined_by_a_shorter_quote_highlights_only_the_shorter_one(report: Report, store: NoteStore) -> None:
    note = _only(_import(store, report, "13-quote-refined-by-quote.json"))
    assert _highlighted(report, note) == "Gaza Strip"
    # inside the outer quote's paragraph, not the report's first "Gaza Strip" (in the overview)
    assert note.paragraph_id == "israels-control-p2"
    assert report.paragraph("israels-control-p2").text[: note.anchor.end].endswith("cruelty in the Gaza Strip")


def test_a_position_refined_by_a_quote_finds_the_quote_inside_that_position(report: Report, store: NoteStore) -> None:
    note = _only(_import(store, report, "14-position-refined-by-quote.json"))
    assert note.paragraph_id == "israels-control-p2"
    assert _highlighted(report, note) == "Gaza Strip"
    assert report.paragraph("israels-control-p2").text[: note.anchor.start].endswith("plunged the ")


def test_a_fragment_of_another_page_refined_by_a_quote_is_placed_by_the_quote(report: Report, store: NoteStore) -> None:
    note = _only(_import(store, report, "15-fragment-refined-by-quote.json"))
    assert (note.paragraph_id, _highlighted(report, note)) == ("israels-control-p3", "war crime")


def test_a_range_of_two_quotes_spans_from_the_first_to_the_end_of_the_second(report: Report, store: NoteStore) -> None:
    note = _only(_import(store, report, "16-range-of-quotes.json"))
    highlighted = _highlighted(report, note)
    assert highlighted.startswith("The blockade, coupled with")
    assert highlighted.endswith("modern times")
    assert highlighted in report.paragraph("israels-control-p2").text


def test_a_range_of_two_positions(report: Report, store: NoteStore) -> None:
    note = _only(_import(store, report, "17-range-of-positions.json"))
    assert (note.paragraph_id, _highlighted(report, note)) == ("apartheid-p1", "deliberately oppress Palestinians")


def test_a_composite_target_of_quotes_becomes_one_note_per_quote(report: Report, store: NoteStore) -> None:
    result = _import(store, report, "18-composite-target.json")
    assert sorted(note.quote for note in result.added) == [
        "a myriad of human rights violations",
        "draconian system of control",
    ]
    assert all(note.text.startswith("Together these describe the system.") for note in result.added)


def test_a_list_target_tags_every_passage(report: Report, store: NoteStore) -> None:
    result = _import(store, report, "19-list-target.json")
    assert [note.paragraph_id for note in sorted(result.added, key=lambda note: note.text)] == [
        "how-apartheid-is-imposed-p2",
        "how-apartheid-is-imposed-p3",
        "how-apartheid-is-imposed-p4",
    ]
    assert {note.tags for note in result.added} == {("four strategies",)}
    assert "1 annotation on 3 passages became 3 notes" in result.summary()


def test_a_video_body_and_a_linked_body_are_counted(report: Report, store: NoteStore) -> None:
    result = _import(store, report, "20-video-body.json")
    assert _only(result).text == "Watch the clip first."
    assert "1 video body skipped" in result.summary()
    assert "1 body that is only a link skipped" in result.summary()


def test_svg_and_css_targets_are_counted_with_why(report: Report, store: NoteStore) -> None:
    result = _import(store, report, "21-svg-and-css-targets.json")
    assert _only(result).text == "The text and the map."
    summary = result.summary()
    assert "2 without a quoted passage (left out: 1 target selected by an SVG shape, 1 target selected by CSS)" in (
        summary
    )
    assert "; 1 target selected by an SVG shape skipped" in summary  # the map beside the kept quote


def test_a_specific_resource_with_states_and_a_style_keeps_its_colour(report: Report, store: NoteStore) -> None:
    note = _only(_import(store, report, "22-state-and-style.json"))
    assert (note.color, note.style, note.quote) == (Color.GREEN, Style.HIGHLIGHT, "facial recognition technology")


def test_a_complete_annotation_keeps_author_times_style_tag_and_chosen_text(report: Report, store: NoteStore) -> None:
    result = _import(store, report, "23-complete.json")
    note = _only(result)
    assert (note.text, note.tags, note.author) == ("An opinion, not a judgment.", ("ICJ",), "Ms Haddad")
    assert (note.color, note.style) == (Color.PINK, Style.UNDERLINE)
    assert (note.created.isoformat(), note.updated.isoformat()) == (
        "2025-03-10T09:15:00+00:00",
        "2025-03-11T10:00:00+00:00",
    )
    assert note.paragraph_id == "apartheid-p2"
    assert "1 alternative body of a Choice left out" in result.summary()


def test_a_collection_with_its_page_embedded(report: Report, store: NoteStore) -> None:
    result = _import(store, report, "24-collection-with-page.json")
    assert sorted(note.text for note in result.added) == ["Collection, first.", "Collection, second."]
    assert result.summary() == "Imported 2 notes into the layer “24-collection-with-page”."


def test_a_position_alone_is_placed_and_one_past_the_end_is_counted(report: Report, store: NoteStore) -> None:
    result = _import(store, report, "25-positions-only.json")
    note = _only(result)
    assert (note.quote, note.paragraph_id) == ("historic advisory opinion", "apartheid-p2")
    assert "1 target whose position is outside this report skipped" in result.summary()


def test_bodies_nested_too_deeply_are_refused_in_one_line(report: Report, store: NoteStore) -> None:
    with pytest.raises(ReaderError) as caught:
        _import(store, report, "26-nested-too-deep.json")
    assert str(caught.value) == (
        "Cannot import 26-nested-too-deep.json: annotation 1 nests its bodies more than 16 deep. Nothing was changed."
    )
    assert store.count() == 0


def test_every_example_file_is_tested() -> None:
    tested = {
        line.split('"')[1] for line in Path(__file__).read_text(encoding="utf-8").splitlines() if '.json"' in line
    }
    assert {path.name for path in EXAMPLES.glob("*.json")} <= tested


@pytest.mark.parametrize("name", sorted(path.name for path in EXAMPLES.glob("*.json") if "too-deep" not in path.name))
def test_importing_an_export_of_an_import_adds_nothing(
    report: Report, store: NoteStore, tmp_path: Path, name: str
) -> None:
    first = import_annotations(store, report, EXAMPLES / name, layer="class")
    exported = export_w3c(tmp_path / "class.json", store.notes("class"), ReportText(report))
    again = import_annotations(store, report, exported, layer="class")
    assert (len(again.added), again.duplicates) == (0, len(first.added))


def _nested(kind: str, depth: int) -> dict[str, object]:
    """An annotation whose targets or selectors nest `depth` deep, as a hostile or broken file might."""
    selector: dict[str, object] = {"type": "TextQuoteSelector", "exact": "racial segregation"}
    target: dict[str, object] = {"source": "https://example.org/", "selector": selector}
    for _ in range(depth):
        if kind == "targets":
            target = {"type": "Composite", "items": [target]}
        else:
            selector = {"type": "TextQuoteSelector", "exact": "racial segregation", "refinedBy": selector}
            target = {"source": "https://example.org/", "selector": selector}
    return {"type": "Annotation", "bodyValue": "deep", "target": target}


@pytest.mark.parametrize("kind", ["targets", "selectors"])
def test_targets_or_selectors_nested_too_deeply_are_refused_in_one_line(
    report: Report, store: NoteStore, tmp_path: Path, kind: str
) -> None:
    path = tmp_path / "deep.json"
    path.write_text(json.dumps(_nested(kind, 200)), encoding="utf-8")
    with pytest.raises(ReaderError) as caught:
        import_annotations(store, report, path)
    assert (
        str(caught.value)
        == f"Cannot import deep.json: annotation 1 nests its {kind} more than 16 deep. Nothing was changed."
    )
    assert store.count() == 0
    path.write_text(json.dumps(_nested(kind, 5)), encoding="utf-8")  # a few levels are fine
    (note,) = import_annotations(store, report, path).added
    assert note.quote == "racial segregation"


@pytest.mark.parametrize(
    "target",
    [
        {  # W3C: a quote that is not in the report, beside a position in some other text
            "selector": [
                {"type": "TextQuoteSelector", "exact": "This sentence is certainly not in the report at all"},
                {"type": "TextPositionSelector", "start": 100, "end": 151},
            ]
        },
        {  # a Hypothesis row's selectors: the web page's range and offsets, and a quote from another page
            "selector": [
                {
                    "type": "RangeSelector",
                    "startContainer": "/div[1]/p[1]",
                    "startOffset": 1,
                    "endContainer": "/div[1]/p[1]",
                    "endOffset": 5,
                },
                {"type": "TextPositionSelector", "start": 1, "end": 5},
                {"type": "TextQuoteSelector", "exact": "Ceasefire now"},
            ]
        },
    ],
)
def test_a_quote_not_in_the_report_stays_an_orphan_with_its_words_whatever_its_position_says(
    report: Report, store: NoteStore, tmp_path: Path, target: dict
) -> None:
    source = tmp_path / "elsewhere.json"
    source.write_text(json.dumps({"type": "Annotation", "body": "kept", "target": target}), encoding="utf-8")
    note = _only(import_annotations(store, report, source))
    quote = next(one["exact"] for one in target["selector"] if one["type"] == "TextQuoteSelector")
    assert (note.quote, note.paragraph_id) == (quote, "")
    assert place_notes(report, [note])[note.id].spans == ()


def test_a_position_beside_a_quote_picks_which_copy_of_the_quote(
    report: Report, store: NoteStore, tmp_path: Path
) -> None:
    document = ReportText(report).document
    quote = "genocide"
    first = document.find(quote)
    later = document.find(quote, document.find(quote, first + 1) + 1)
    source = tmp_path / "copies.json"
    selectors = [
        {"type": "TextQuoteSelector", "exact": quote},
        {"type": "TextPositionSelector", "start": later, "end": later + len(quote)},
    ]
    source.write_text(json.dumps({"type": "Annotation", "target": {"selector": selectors}}), encoding="utf-8")
    note = _only(import_annotations(store, report, source))
    anchor_start = ReportText(report).expected_position(note.anchor)
    assert (note.quote, anchor_start) == (quote, later)
