"""The W3C export against the MUSTs of the Web Annotation Data Model (W3C Recommendation, 23 February 2017).

Each check below names the section and the MUST it tests. The checks are written from the specification's text,
not from our export code, and run on collections made from real notes (every colour and style, with and without
text, tags, authors; safe exports; notes imported from other files).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from reader.content import Report
from reader.notes.anchoring import ReportText, anchor_from_selection
from reader.notes.note import Color, Style
from reader.notes.store import NoteStore
from reader.notes.w3c_export import annotation_collection, export_w3c
from reader.notes.w3c_import import import_annotations

ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
# Motivation instances of the vocabulary (Data Model 3.3.5)
MOTIVATIONS = {
    "assessing",
    "bookmarking",
    "classifying",
    "commenting",
    "describing",
    "editing",
    "highlighting",
    "identifying",
    "linking",
    "moderating",
    "questioning",
    "replying",
    "tagging",
}
# xsd:dateTime in UTC with the time zone written "Z" (3.3.1)
UTC_DATETIME = re.compile(r"-?\d{4,}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d+)?Z")
# An absolute IRI (RFC 3987): a scheme, a colon, then no spaces, quotes or angle brackets; at most one "#".
IRI = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:[^\s<>\"{}|\\^`#]+(#[^\s<>\"{}|\\^`#]*)?")
EXAMPLES = Path(__file__).resolve().parents[2] / "data" / "w3c"


@pytest.fixture
def store(data_dir: Path):
    with NoteStore(data_dir) as opened:
        yield opened


def _select(report: Report, paragraph_id: str, quote: str):
    start = report.paragraph(paragraph_id).text.index(quote)
    return anchor_from_selection(report, paragraph_id, start, start + len(quote))


def _fill(store: NoteStore, report: Report) -> None:
    """Notes of every colour and style; with and without text, tags and an author."""
    passages = [
        ("apartheid-p1", "deliberately oppress Palestinians"),
        ("apartheid-p2", "historic advisory opinion"),
        ("apartheid-p3", "racial segregation"),
        ("red-wolf-p1", "facial recognition technology"),
        ("israels-control-p2", "16-year illegal blockade"),
        ("israels-control-p3", "war crime"),
    ]
    styles = list(Style)
    for number, ((paragraph_id, quote), color) in enumerate(zip(passages, Color, strict=True)):
        store.add(
            _select(report, paragraph_id, quote),
            text="a thought" if number % 2 else "",
            tags=["law", "week 3"][: number % 3],
            color=color,
            style=styles[number % len(styles)],
            author="Ms Haddad" if number % 2 else None,
        )


def _values(value: object) -> list[object]:
    return value if isinstance(value, list) else [value]


def assert_context(item: dict[str, object]) -> None:
    """3.1 / 5.1 / 5.2: MUST have 1 or more @context values and anno.jsonld MUST be one of them; if there is only
    one value, it MUST be provided as a string."""
    assert "@context" in item
    contexts = _values(item["@context"])
    assert contexts and ANNO_CONTEXT in contexts
    if len(contexts) == 1:
        assert isinstance(item["@context"], str)


def assert_one_iri(item: dict[str, object]) -> None:
    """3.1 / 5.1 / 5.2: MUST have exactly 1 IRI that identifies it."""
    assert isinstance(item.get("id"), str), item.get("id")
    assert IRI.fullmatch(item["id"]), item["id"]


def assert_types(item: dict[str, object], required: str) -> None:
    """3.1 / 5.1 / 5.2: MUST have 1 or more types, and the class (Annotation, AnnotationCollection,
    AnnotationPage) MUST be one of them."""
    types = _values(item.get("type"))
    assert types and all(isinstance(kind, str) for kind in types)
    assert required in types


def assert_annotation(item: dict[str, object]) -> None:
    """Every MUST of the Data Model that applies to the annotations we write:

    - 3.1 @context, id (exactly 1 IRI), type (Annotation among them), 1 or more targets;
    - 3.2.4 a TextualBody MUST have exactly 1 value;
    - 3.2.5 if bodyValue is present, body MUST NOT be;
    - 3.3.1 created and modified: not more than 1, each an xsd:dateTime with the UTC timezone expressed as "Z";
    - 3.3.2 an agent MUST NOT have more than 1 id;
    - 3.3.5 motivation and purpose drawn from the Motivation instances (the vocabulary; SHOULD in the model,
      required of our export);
    - 4 a Specific Resource MUST have exactly 1 source;
    - 4.2.4 a TextQuoteSelector MUST have exactly 1 type, TextQuoteSelector, and exactly 1 exact; MUST NOT have
      more than 1 prefix or suffix;
    - 4.2.5 a TextPositionSelector MUST have exactly 1 type, TextPositionSelector, and exactly 1 start and 1 end,
      each a non-negative integer;
    - 4.4 a CssStylesheet's type, if given, MUST be CssStylesheet; 0 or 1 stylesheet per annotation; a styleClass
      that no stylesheet of the annotation describes MUST be ignored, so every class we use is described in the
      embedded stylesheet's CSS.
    """
    assert_context(item)
    assert_one_iri(item)
    assert_types(item, "Annotation")
    targets = _values(item.get("target"))
    assert targets and all(target for target in targets)
    assert not ("bodyValue" in item and "body" in item)
    for body in _values(item.get("body", [])):
        assert isinstance(body, dict)
        assert isinstance(body.get("value"), str)
        assert set(_values(body.get("purpose", []))) <= MOTIVATIONS
    assert set(_values(item.get("motivation", []))) <= MOTIVATIONS
    for key in ("created", "modified"):
        if key in item:
            assert isinstance(item[key], str) and UTC_DATETIME.fullmatch(item[key]), item[key]
    for agent in _values(item.get("creator", [])):
        if isinstance(agent, dict):
            assert not isinstance(agent.get("id"), list)
    stylesheet = item.get("stylesheet")
    assert not isinstance(stylesheet, list)
    css = ""
    if isinstance(stylesheet, dict):
        if "type" in stylesheet:
            assert stylesheet["type"] == "CssStylesheet"
        css = stylesheet.get("value", "")
    for target in targets:
        if not isinstance(target, dict):
            continue
        if "selector" in target or "styleClass" in target:
            assert isinstance(target.get("source"), str) and IRI.fullmatch(target["source"])
        for style_class in _values(target.get("styleClass", [])):
            assert re.search(rf"\.{re.escape(style_class)}\b[^{{]*\{{[^}}]+\}}", css), (style_class, css)
        for selector in _values(target.get("selector", [])):
            assert_selector(selector)


def assert_selector(selector: dict[str, object]) -> None:
    """4.2.4 and 4.2.5 (see `assert_annotation`)."""
    assert isinstance(selector.get("type"), str)
    if selector["type"] == "TextQuoteSelector":
        assert isinstance(selector.get("exact"), str)
        for key in ("prefix", "suffix"):
            assert key not in selector or isinstance(selector[key], str)
    elif selector["type"] == "TextPositionSelector":
        for key in ("start", "end"):
            value = selector.get(key)
            assert isinstance(value, int) and not isinstance(value, bool) and value >= 0
    else:
        pytest.fail(f"unexpected selector {selector['type']}")


def assert_page(page: dict[str, object]) -> None:
    """5.2: a page not embedded MUST have @context (ours carries it, so the page stands alone); MUST have exactly 1
    IRI; type AnnotationPage MUST be among its types; MUST have an array of 1 or more Annotations as items;
    startIndex MUST NOT be more than 1 and MUST be a non-negative integer; a page that is not the last MUST have
    next (ours is always the only page, so it has none)."""
    assert_context(page)
    assert_one_iri(page)
    assert_types(page, "AnnotationPage")
    assert isinstance(page.get("items"), list) and page["items"]
    if "startIndex" in page:
        assert isinstance(page["startIndex"], int) and page["startIndex"] >= 0
    assert "next" not in page
    for item in page["items"]:
        assert_annotation(item)


def assert_collection(collection: dict[str, object]) -> None:
    """5.1: @context with anno.jsonld; exactly 1 IRI; AnnotationCollection among its types; label MUST be a string;
    total MUST be a non-negative integer; a collection of more than 0 annotations MUST have exactly 1 first page."""
    assert_context(collection)
    assert_one_iri(collection)
    assert_types(collection, "AnnotationCollection")
    assert isinstance(collection.get("label"), str)
    total = collection.get("total")
    assert isinstance(total, int) and not isinstance(total, bool) and total >= 0
    if total > 0:
        first = collection.get("first")
        assert isinstance(first, dict)
        assert_page(first)
        assert len(first["items"]) == total  # one page holds them all


@pytest.mark.parametrize("safe", [False, True], ids=["full", "safe"])
def test_every_annotation_the_collection_and_its_page_conform(report: Report, store: NoteStore, safe: bool) -> None:
    """All the MUSTs above, on notes of every colour and style, with and without text, tags and authors."""
    _fill(store, report)
    collection = annotation_collection(store.notes(), report, safe=safe)
    assert_collection(collection)
    # The written file is the same JSON
    assert json.loads(json.dumps(collection, ensure_ascii=False)) == collection


def test_an_empty_collection_conforms(report: Report) -> None:
    """5.1 with total 0: no page is required, and an empty page would break 5.2 (1 or more items)."""
    collection = annotation_collection([], report)
    assert_collection(collection)
    assert "first" not in collection


def test_ids_are_unique_and_the_same_notes_make_the_same_collection(report: Report, store: NoteStore) -> None:
    """3.1 and 5.1: each resource has its own IRI; the same notes exported twice are named alike."""
    _fill(store, report)
    first = annotation_collection(store.notes(), report)
    second = annotation_collection(store.notes(), report)
    ids = [first["id"], first["first"]["id"], *(item["id"] for item in first["first"]["items"])]
    assert len(set(ids)) == len(ids)
    assert (first["id"], first["first"]["id"]) == (second["id"], second["first"]["id"])


def test_timestamps_are_utc_even_when_written_with_another_zone(
    report: Report, store: NoteStore, tmp_path: Path
) -> None:
    """3.3.1: created and modified MUST be xsd:dateTime in UTC written "Z", whatever zone a file gave them in."""
    source = tmp_path / "zoned.json"
    annotation = {
        "type": "Annotation",
        "created": "2025-03-10T11:15:00+02:00",
        "modified": "2025-03-10T04:20:00-05:00",
        "target": {"selector": {"type": "TextQuoteSelector", "exact": "historic advisory opinion"}},
    }
    source.write_text(json.dumps(annotation), encoding="utf-8")
    import_annotations(store, report, source, layer="zoned")
    (item,) = annotation_collection(store.notes("zoned"), report)["first"]["items"]
    assert (item["created"], item["modified"]) == ("2025-03-10T09:15:00Z", "2025-03-10T09:20:00Z")


def test_positions_count_code_points_and_select_the_quote(report: Report, store: NoteStore) -> None:
    """4.2.5: positions count unicode code points of the text the quote was taken from (the report's text)."""
    _fill(store, report)
    document = ReportText(report).document
    for item in annotation_collection(store.notes(), report)["first"]["items"]:
        selectors = {selector["type"]: selector for selector in item["target"]["selector"]}
        position = selectors["TextPositionSelector"]
        assert document[position["start"] : position["end"]] == selectors["TextQuoteSelector"]["exact"]


@pytest.mark.parametrize("name", ["09-two-targets.json", "23-complete.json", "24-collection-with-page.json"])
def test_imported_annotations_keep_their_id_and_come_back_once(
    report: Report, store: NoteStore, tmp_path: Path, name: str
) -> None:
    """3.1: an imported annotation is exported under its own IRI (3.3.7: systems should keep an identity they were
    given), so a shared file that comes back is recognised: import, export, import again adds nothing."""
    source = json.loads((EXAMPLES / name).read_text(encoding="utf-8"))
    text = json.dumps(source)
    first = import_annotations(store, report, EXAMPLES / name, layer="shared")
    exported = export_w3c(tmp_path / "shared.json", store.notes("shared"), report)
    collection = json.loads(exported.read_text(encoding="utf-8"))
    assert_collection(collection)
    for item in collection["first"]["items"]:
        base = item["id"].split("#")[0]
        assert f'"{base}"' in text  # the file's own id, not a new one
    again = import_annotations(store, report, exported, layer="shared")
    assert (len(again.added), again.duplicates) == (0, len(first.added))
    assert store.count() == len(first.added)


def test_notes_imported_without_an_iri_are_exported_with_one_and_still_come_back_once(
    report: Report, store: NoteStore, tmp_path: Path
) -> None:
    """3.1 (exactly 1 IRI) for notes whose file gave no id, or an id that is not an IRI (a Hypothesis row)."""
    rows = [
        {
            "id": "AbC123xyz",
            "text": "a row",
            "target": [{"selector": [{"type": "TextQuoteSelector", "exact": "war crime"}]}],
        },
        {"type": "Annotation", "target": {"selector": {"type": "TextQuoteSelector", "exact": "racial segregation"}}},
    ]
    source = tmp_path / "rows.json"
    source.write_text(json.dumps(rows), encoding="utf-8")
    first = import_annotations(store, report, source, layer="rows")
    exported = export_w3c(tmp_path / "back.json", store.notes("rows"), report)
    assert_collection(json.loads(exported.read_text(encoding="utf-8")))
    again = import_annotations(store, report, exported, layer="rows")
    assert (len(first.added), len(again.added), again.duplicates) == (2, 0, 2)
