"""W3C Web Annotation export and import, Hypothesis import: shapes, idempotence, all-or-nothing, hostile files."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from reader.content import Report
from reader.errors import ReaderError
from reader.notes.anchoring import ReportText, anchor_from_selection, place_notes
from reader.notes.note import Color, Style
from reader.notes.store import NoteStore
from reader.notes.w3c_export import annotation_collection, export_w3c, source_iri
from reader.notes.w3c_import import MAX_IMPORT_BYTES, apply_import, import_annotations, prepare_import

QUOTE = "deliberately oppress Palestinians"
OTHER_QUOTE = "historic advisory opinion"


@pytest.fixture
def store(data_dir: Path):
    with NoteStore(data_dir) as opened:
        yield opened


def _w3c(exact: str, text: str = "", identifier: str | None = None, **extra: object) -> dict[str, object]:
    item: dict[str, object] = {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "type": "Annotation",
        "body": [{"type": "TextualBody", "value": text, "purpose": "commenting"}] if text else [],
        "target": {
            "source": "https://example.org/some/other/copy.html",
            "selector": [{"type": "TextQuoteSelector", "exact": exact}],
        },
    }
    if identifier:
        item["id"] = identifier
    item.update(extra)
    return item


def _hypothesis_row(exact: str, text: str, tags: list[str], user: str = "acct:teacher@hypothes.is") -> dict:
    return {
        "id": f"hyp-{abs(hash(exact)) % 10_000}",
        "created": "2024-05-01T10:00:00.000000+00:00",
        "updated": "2024-05-02T10:00:00.000000+00:00",
        "user": user,
        "uri": "https://www.amnesty.org/en/location/middle-east-and-north-africa/israel-and-occupied-palestinian-territories/",
        "text": text,
        "tags": tags,
        "target": [
            {
                "source": "https://www.amnesty.org/en/location/",
                "selector": [
                    {"type": "RangeSelector", "startContainer": "/div[1]/p[4]", "startOffset": 0},
                    {"type": "TextPositionSelector", "start": 99999, "end": 100030},
                    {"type": "TextQuoteSelector", "exact": exact, "prefix": "", "suffix": ""},
                ],
            }
        ],
        "document": {"title": ["Israel and the Occupied Palestinian Territory"]},
    }


def _write(tmp_path: Path, data: object, name: str = "class-notes.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def _select(report: Report, paragraph_id: str, quote: str):
    start = report.paragraph(paragraph_id).text.index(quote)
    return anchor_from_selection(report, paragraph_id, start, start + len(quote))


class TestExport:
    def test_collection_has_quote_and_position_selectors(self, report: Report, store: NoteStore) -> None:
        note = store.add(_select(report, "apartheid-p1", QUOTE), text="why?", tags=["law"], author="Ms Haddad")
        collection = annotation_collection(store.notes(), report)
        assert collection["type"] == "AnnotationCollection"
        assert collection["total"] == 1
        (item,) = collection["first"]["items"]
        assert item["id"] == f"urn:uuid:{note.id}"
        assert item["creator"]["name"] == "Ms Haddad"
        selectors = {selector["type"]: selector for selector in item["target"]["selector"]}
        assert selectors["TextQuoteSelector"]["exact"] == QUOTE
        position = selectors["TextPositionSelector"]
        assert ReportText(report).document[position["start"] : position["end"]] == QUOTE
        assert item["target"]["source"] == source_iri(report)
        assert {body["purpose"]: body["value"] for body in item["body"]} == {"commenting": "why?", "tagging": "law"}

    def test_safe_export_leaves_out_authors_and_times(self, report: Report, store: NoteStore) -> None:
        store.add(_select(report, "apartheid-p1", QUOTE), text="private thought", author="Ms Haddad")
        (item,) = annotation_collection(store.notes(), report, safe=True)["first"]["items"]
        assert not {"creator", "created", "modified"} & set(item)
        assert "Ms Haddad" not in json.dumps(item)

    def test_export_then_import_recreates_the_notes_in_a_layer(
        self, report: Report, store: NoteStore, tmp_path: Path
    ) -> None:
        store.add(
            _select(report, "apartheid-p1", QUOTE), text="one", tags=["a", "b"], color=Color.BLUE, style=Style.UNDERLINE
        )
        store.add(_select(report, "apartheid-p2", OTHER_QUOTE), text="two")
        path = export_w3c(tmp_path / "teacher.json", store.notes(), report)
        (tmp_path / "student").mkdir()
        with NoteStore(tmp_path / "student") as student:  # a class member's own data folder
            result = import_annotations(student, report, path)
            assert result.layer == "teacher"
            assert len(result.added) == 2
            imported = {note.quote: note for note in student.notes("teacher")}
        assert imported[QUOTE].text == "one"
        assert imported[QUOTE].tags == ("a", "b")
        assert (imported[QUOTE].color, imported[QUOTE].style) == (Color.BLUE, Style.UNDERLINE)
        placements = place_notes(report, imported.values())
        assert all(placement.method == "position" for placement in placements.values())

    def test_export_replaces_an_existing_file_whole(self, report: Report, store: NoteStore, tmp_path: Path) -> None:
        folder = tmp_path / "exports"
        folder.mkdir()
        target = folder / "notes.json"
        target.write_text("old content that is much longer than nothing " * 100, encoding="utf-8")
        store.add(_select(report, "apartheid-p1", QUOTE))
        export_w3c(target, store.notes(), report)
        assert json.loads(target.read_text(encoding="utf-8"))["total"] == 1
        assert [path.name for path in folder.iterdir()] == ["notes.json"]  # no temporary file left behind


class TestImportShapes:
    def test_single_annotation(self, report: Report, store: NoteStore, tmp_path: Path) -> None:
        result = import_annotations(store, report, _write(tmp_path, _w3c(QUOTE, "hello")))
        (note,) = result.added
        assert (note.text, note.layer, note.section_id) == ("hello", "class-notes", "apartheid")

    def test_list_of_annotations(self, report: Report, store: NoteStore, tmp_path: Path) -> None:
        result = import_annotations(store, report, _write(tmp_path, [_w3c(QUOTE), _w3c(OTHER_QUOTE)]))
        assert len(result.added) == 2

    def test_annotation_page(self, report: Report, store: NoteStore, tmp_path: Path) -> None:
        page = {"type": "AnnotationPage", "items": [_w3c(QUOTE), _w3c(OTHER_QUOTE)]}
        assert len(import_annotations(store, report, _write(tmp_path, page)).added) == 2

    def test_collection_with_embedded_first_page(self, report: Report, store: NoteStore, tmp_path: Path) -> None:
        collection = {"type": "AnnotationCollection", "first": {"type": "AnnotationPage", "items": [_w3c(QUOTE)]}}
        assert len(import_annotations(store, report, _write(tmp_path, collection)).added) == 1

    def test_collection_linking_to_remote_pages_is_refused(
        self, report: Report, store: NoteStore, tmp_path: Path
    ) -> None:
        collection = {"type": "AnnotationCollection", "first": "https://example.org/page1"}
        with pytest.raises(
            ReaderError, match=r"links to pages elsewhere instead of including them\. Nothing was changed\."
        ):
            import_annotations(store, report, _write(tmp_path, collection))

    def test_hypothesis_rows_with_a_different_source_address(
        self, report: Report, store: NoteStore, tmp_path: Path
    ) -> None:
        rows = {
            "total": 2,
            "rows": [_hypothesis_row(QUOTE, "look", ["apartheid"]), _hypothesis_row(OTHER_QUOTE, "", [])],
        }
        result = import_annotations(store, report, _write(tmp_path, rows, "hypothesis.json"), layer="Ms Haddad")
        assert len(result.added) == 2
        note = next(note for note in result.added if note.quote == QUOTE)
        assert (note.text, note.tags, note.author, note.layer) == ("look", ("apartheid",), "teacher", "Ms Haddad")
        assert note.paragraph_id == "apartheid-p1"
        assert note.created.year == 2024

    def test_bare_list_of_hypothesis_rows(self, report: Report, store: NoteStore, tmp_path: Path) -> None:
        path = _write(tmp_path, [_hypothesis_row(QUOTE, "look", [])])
        assert len(import_annotations(store, report, path).added) == 1

    def test_quote_with_different_punctuation_is_placed_by_fuzzy_match(
        self, report: Report, store: NoteStore, tmp_path: Path
    ) -> None:
        # The report uses a curly apostrophe; a web page copy may use a straight one.
        result = import_annotations(store, report, _write(tmp_path, _w3c("legality of Israel's occupation")))
        (note,) = result.added
        assert note.section_id == "apartheid"
        assert result.orphaned == 0

    def test_quote_not_in_the_report_is_kept_as_orphaned(
        self, report: Report, store: NoteStore, tmp_path: Path
    ) -> None:
        data = [_w3c(QUOTE), _w3c("a sentence from a completely different document", "still mine")]
        result = import_annotations(store, report, _write(tmp_path, data))
        assert len(result.added) == 2
        assert result.orphaned == 1
        assert "passage was not found" in result.summary()

    def test_page_notes_without_a_quote_are_left_out_and_counted(
        self, report: Report, store: NoteStore, tmp_path: Path
    ) -> None:
        page_note = {"type": "Annotation", "bodyValue": "about the whole page", "target": "https://example.org/"}
        result = import_annotations(store, report, _write(tmp_path, [_w3c(QUOTE), page_note]))
        assert (len(result.added), result.without_quote) == (1, 1)

    @pytest.mark.parametrize(
        "created", ["9999-12-31T23:59:59-05:00", "0001-01-01T00:00:00+05:00", "yesterday", 17, None, "2024-02-30"]
    )
    def test_odd_dates_are_ignored_not_fatal(
        self, report: Report, store: NoteStore, tmp_path: Path, created: object
    ) -> None:
        (note,) = import_annotations(store, report, _write(tmp_path, _w3c(QUOTE, created=created))).added
        assert store.note(note.id).created.tzinfo is not None

    def test_html_in_a_note_is_kept_as_plain_text(self, report: Report, store: NoteStore, tmp_path: Path) -> None:
        hostile = "<script>alert(1)</script><img src=x onerror=alert(2)>"
        (note,) = import_annotations(store, report, _write(tmp_path, _w3c(QUOTE, hostile))).added
        assert note.text == hostile


class TestImportPromises:
    def test_prepared_import_writes_nothing_until_applied(
        self, report: Report, store: NoteStore, tmp_path: Path
    ) -> None:
        prepared = prepare_import(report, _write(tmp_path, [_w3c(QUOTE), _w3c(OTHER_QUOTE)]), layer="class")
        assert (prepared.layer, len(prepared.notes), store.count()) == ("class", 2, 0)
        result = apply_import(store, prepared)
        assert store.count() == len(result.added) == 2

    def test_importing_the_same_file_twice_adds_nothing(self, report: Report, store: NoteStore, tmp_path: Path) -> None:
        path = _write(tmp_path, [_w3c(QUOTE, "a"), _w3c(OTHER_QUOTE, "b", identifier="urn:x:2")])
        first = import_annotations(store, report, path)
        second = import_annotations(store, report, path)
        assert (len(first.added), len(second.added), second.duplicates) == (2, 0, 2)
        assert store.count() == 2

    def test_imported_layer_is_read_only(self, report: Report, store: NoteStore, tmp_path: Path) -> None:
        (note,) = import_annotations(store, report, _write(tmp_path, _w3c(QUOTE))).added
        assert store.layer(note.layer).read_only
        with pytest.raises(ReaderError, match="read-only"):
            store.update(note.id, text="changed")

    def test_one_bad_annotation_refuses_the_whole_file(self, report: Report, store: NoteStore, tmp_path: Path) -> None:
        bad = _w3c(OTHER_QUOTE)
        bad["target"]["selector"][0]["exact"] = 42  # type: ignore[index]
        path = _write(tmp_path, [_w3c(QUOTE), bad])
        with pytest.raises(ReaderError, match=r"Cannot import class-notes.json: annotation 2 .*Nothing was changed."):
            import_annotations(store, report, path)
        assert store.count() == 0
        assert [layer.name for layer in store.layers()] == ["mine"]

    @pytest.mark.parametrize(
        ("content", "message"),
        [
            (b"{not json", "line 1 is not valid JSON"),
            (b'[{"a": "x\x00y"}]', r"line 1 is not valid JSON \(Invalid control character at column 10\)"),
            (b'[\n {"a": "never closed', r"line 2 is not valid JSON \(Unterminated string starting at column 8\)"),
            (b"\xff\xfe\x00garbage", "not valid UTF-8"),
            (b'"just a string"', "not a Web Annotation file"),
            (b"{}", "not a Web Annotation or Hypothesis file"),
            (b"[]", "no annotations with a quoted passage"),
            (b"[1, 2]", "annotation 1 is not a JSON object"),
            (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
            (b'{"rows": "nope"}', "is not a list"),
        ],
    )
    def test_malformed_file_gets_a_clear_error_and_changes_nothing(
        self, report: Report, store: NoteStore, tmp_path: Path, content: bytes, message: str
    ) -> None:
        path = tmp_path / "bad.json"
        path.write_bytes(content)
        with pytest.raises(ReaderError, match=message) as caught:
            import_annotations(store, report, path)
        assert str(caught.value).startswith("Cannot import bad.json: ")
        assert str(caught.value).endswith("Nothing was changed.")
        assert store.count() == 0

    def test_oversized_file_is_refused_before_reading(self, report: Report, store: NoteStore, tmp_path: Path) -> None:
        path = tmp_path / "huge.json"
        with path.open("wb") as stream:
            stream.truncate(MAX_IMPORT_BYTES + 1)
        with pytest.raises(ReaderError, match="more than the 20 MB allowed"):
            import_annotations(store, report, path)

    def test_missing_file_is_named(self, report: Report, store: NoteStore, tmp_path: Path) -> None:
        with pytest.raises(ReaderError, match=r"Cannot import gone\.json: there is no such file"):
            import_annotations(store, report, tmp_path / "gone.json")

    def test_bad_layer_name_is_refused(self, report: Report, store: NoteStore, tmp_path: Path) -> None:
        with pytest.raises(ReaderError, match="cannot be a layer name"):
            import_annotations(store, report, _write(tmp_path, _w3c(QUOTE)), layer="   ")


# -- fuzzing ----------------------------------------------------------------------------------------------------

_json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=20,
)
_keys = st.sampled_from(
    [
        "type",
        "target",
        "selector",
        "exact",
        "prefix",
        "suffix",
        "body",
        "value",
        "purpose",
        "text",
        "tags",
        "rows",
        "items",
        "first",
        "id",
        "start",
        "end",
        "creator",
        "user",
    ]
)
_annotation_like = st.recursive(
    st.none()
    | st.integers(-3, 10**6)
    | st.text(max_size=30)
    | st.sampled_from(
        [
            "Annotation",
            "AnnotationPage",
            "AnnotationCollection",
            "TextQuoteSelector",
            "TextPositionSelector",
            "tagging",
            QUOTE,
        ]
    ),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(_keys, children, max_size=6),
    max_leaves=30,
)
_FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def _import_or_refuse(report: Report, payload: bytes) -> None:
    """Import must either succeed or raise ReaderError leaving the store exactly as it was."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzz.json"
        path.write_bytes(payload)
        with NoteStore(Path(folder) / "db") as store:
            store.add(_select(report, "apartheid-p1", QUOTE), text="already here")
            before = store.notes()
            try:
                result = import_annotations(store, report, path, layer="fuzz")
            except ReaderError as error:
                assert str(error).endswith("Nothing was changed.")
                assert store.notes() == before
                assert [layer.name for layer in store.layers()] == ["mine"]
            else:
                assert store.count() == len(before) + len(result.added)


@_FUZZ
@given(st.binary(max_size=200))
def test_fuzz_random_bytes_never_crash_the_import(report: Report, payload: bytes) -> None:
    _import_or_refuse(report, payload)


@_FUZZ
@given(_json_values)
def test_fuzz_random_json_never_crashes_the_import(report: Report, value: object) -> None:
    _import_or_refuse(report, json.dumps(value).encode("utf-8"))


@_FUZZ
@given(_annotation_like)
def test_fuzz_annotation_shaped_json_never_crashes_the_import(report: Report, value: object) -> None:
    _import_or_refuse(report, json.dumps(value).encode("utf-8"))


@_FUZZ
@given(
    exact=st.text(min_size=1, max_size=60).filter(str.strip),
    prefix=st.text(max_size=20),
    note=st.text(max_size=200),
    tags=st.lists(st.text(min_size=1, max_size=15).filter(str.strip), max_size=5),
)
@example(exact="Palestinians", prefix="", note="\x85", tags=[])  # a note of white space alone stays as written
def test_fuzz_well_formed_annotations_keep_their_text_exactly(
    report: Report, exact: str, prefix: str, note: str, tags: list[str]
) -> None:
    item = _w3c(exact, note)
    item["target"]["selector"][0]["prefix"] = prefix  # type: ignore[index]
    item["body"] = [*item["body"], *({"type": "TextualBody", "value": tag, "purpose": "tagging"} for tag in tags)]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "one.json"
        path.write_text(json.dumps(item), encoding="utf-8")
        with NoteStore(Path(folder) / "db") as store:
            (imported,) = import_annotations(store, report, path).added
            assert imported.quote == exact
            assert imported.text == note
            assert {tag.casefold() for tag in imported.tags} == {" ".join(tag.split()).casefold() for tag in tags}
