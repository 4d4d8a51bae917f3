"""Hostile annotation files: devices, pipes, broken characters and endless numbers are refused whole, in one line."""

from __future__ import annotations

import json
import os
import re
import threading
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.content import Report
from reader.notes.store import NoteStore
from reader.notes.w3c_import import MAX_DIGITS, ImportFileError, import_annotations, parse_annotations

QUOTE = "deliberately oppress Palestinians"


@pytest.fixture
def store(data_dir: Path):
    with NoteStore(data_dir) as opened:
        yield opened


def _refused_in_time(store: NoteStore, report: Report, path: Path) -> ImportFileError:
    """Import `path` in a thread; it must be refused with ImportFileError within seconds, leaving no notes."""
    caught: list[BaseException] = []

    def run() -> None:
        try:
            import_annotations(store, report, path)
        except BaseException as exc:
            caught.append(exc)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(20)
    assert not thread.is_alive(), "the import hung"
    (error,) = caught
    assert isinstance(error, ImportFileError)
    assert store.count() == 0
    return error


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_a_link_to_dev_zero_is_refused_before_reading(report: Report, store: NoteStore, tmp_path: Path) -> None:
    link = tmp_path / "notes.json"
    link.symlink_to("/dev/zero")
    error = _refused_in_time(store, report, link)
    assert str(error) == (
        "Cannot import notes.json: it is not a regular file (a device, pipe or socket). Nothing was changed."
    )


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
@pytest.mark.parametrize("linked", [False, True], ids=["pipe", "link-to-pipe"])
def test_a_pipe_is_refused_without_waiting(report: Report, store: NoteStore, tmp_path: Path, linked: bool) -> None:
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    path = fifo
    if linked:
        path = tmp_path / "link.json"
        path.symlink_to(fifo)
    error = _refused_in_time(store, report, path)
    assert str(error) == (
        f"Cannot import {path.name}: it is not a regular file (a device, pipe or socket). Nothing was changed."
    )


def test_a_folder_is_refused(report: Report, store: NoteStore, tmp_path: Path) -> None:
    folder = tmp_path / "notes.json"
    folder.mkdir()
    error = _refused_in_time(store, report, folder)
    assert str(error) == "Cannot import notes.json: it is a folder, not a file. Nothing was changed."


# -- broken characters ------------------------------------------------------------------------------------------


def _annotation(exact: str = QUOTE, **extra: object) -> dict[str, object]:
    item: dict[str, object] = {
        "type": "Annotation",
        "body": [{"type": "TextualBody", "value": "a note", "purpose": "commenting"}],
        "target": {"selector": [{"type": "TextQuoteSelector", "exact": exact, "prefix": "", "suffix": ""}]},
    }
    item.update(extra)
    return item


_LONE = "\ud800"


def _with_lone_surrogate(field: str) -> dict[str, object]:
    item = _annotation()
    selector = item["target"]["selector"][0]  # type: ignore[index]
    if field in ("exact", "prefix", "suffix"):
        selector[field] = f"{selector[field] or 'x'}{_LONE}"
    elif field == "body":
        item["body"] = [{"type": "TextualBody", "value": f"note {_LONE}"}]
    elif field == "tag":
        item["body"] = [{"type": "TextualBody", "value": f"law{_LONE}", "purpose": "tagging"}]
    elif field == "creator":
        item["creator"] = {"type": "Person", "name": f"Ms {_LONE}Haddad"}
    elif field == "id":
        item["id"] = f"urn:uuid:{_LONE}"
    elif field == "bodyValue":
        item["bodyValue"] = f"plain {_LONE}"
    elif field == "hypothesis-text":
        item.update(text=f"hyp {_LONE}", tags=["fine"])
    elif field == "hypothesis-tag":
        item["tags"] = [f"\udfff{_LONE}"]
    elif field == "hypothesis-user":
        item["user"] = f"acct:{_LONE}@hypothes.is"
    return item


_FIELDS = [
    "exact",
    "prefix",
    "suffix",
    "body",
    "tag",
    "creator",
    "id",
    "bodyValue",
    "hypothesis-text",
    "hypothesis-tag",
    "hypothesis-user",
]


@pytest.mark.parametrize("field", _FIELDS)
def test_a_lone_surrogate_anywhere_kept_refuses_the_whole_file(
    report: Report, store: NoteStore, tmp_path: Path, field: str
) -> None:
    path = tmp_path / "broken.json"
    # json.dumps writes the lone surrogate as the escape \ud800, as a hostile or damaged file would
    path.write_text(json.dumps([_annotation(), _with_lone_surrogate(field)]), encoding="ascii")
    assert "\\ud800" in path.read_text(encoding="ascii") or "\\udfff" in path.read_text(encoding="ascii")
    error = _refused_in_time(store, report, path)
    assert str(error).startswith("Cannot import broken.json: annotation 2 holds a broken character")
    assert str(error).endswith("Nothing was changed.")
    assert [layer.name for layer in store.layers()] == ["mine"]


def test_a_proper_surrogate_pair_escape_is_an_ordinary_character(
    report: Report, store: NoteStore, tmp_path: Path
) -> None:
    path = tmp_path / "emoji.json"
    path.write_text(json.dumps([_annotation(body=[{"value": "well said \U0001f44d"}])]), encoding="ascii")
    assert "\\ud83d\\udc4d" in path.read_text(encoding="ascii")
    (note,) = import_annotations(store, report, path).added
    assert note.text == "well said \U0001f44d"


# -- numbers too long to read ------------------------------------------------------------------------------------


def _position_annotation(start: str, end: str) -> str:
    selector = '{"type": "TextPositionSelector", "start": ' + start + ', "end": ' + end + "}"
    quote = json.dumps({"type": "TextQuoteSelector", "exact": QUOTE})
    return '[{"type": "Annotation", "target": {"selector": [' + quote + ", " + selector + "]}}]"


@pytest.mark.parametrize(
    "payload",
    [
        _position_annotation("1" * 5000, "2" * 5000),
        _position_annotation("0", "-" + "9" * 5000),
        _position_annotation("0", "1" * (MAX_DIGITS + 1)),
        # Hypothesis's export: the total and a row's field are numbers too
        '{"total": ' + "7" * 5000 + ', "rows": []}',
        json.dumps({"rows": [_annotation()]})[:-1] + ', "page": ' + "3" * 5000 + "}",
    ],
    ids=["start-and-end", "negative-end", "just-over", "hypothesis-total", "hypothesis-extra"],
)
def test_a_number_too_long_refuses_the_file_in_one_line(
    report: Report, store: NoteStore, tmp_path: Path, payload: str
) -> None:
    path = tmp_path / "numbers.json"
    path.write_text(payload, encoding="utf-8")
    error = _refused_in_time(store, report, path)
    assert re.fullmatch(
        rf"Cannot import numbers\.json: it holds a number of [\d,]+ digits, more than the {MAX_DIGITS} allowed\. "
        r"Nothing was changed\.",
        str(error),
    )


def test_a_position_of_thirty_digits_is_read_and_falls_back_to_the_quote(
    report: Report, store: NoteStore, tmp_path: Path
) -> None:
    path = tmp_path / "far.json"
    path.write_text(_position_annotation("9" * MAX_DIGITS, "9" * MAX_DIGITS), encoding="utf-8")
    (note,) = import_annotations(store, report, path).added
    assert note.anchor.section_id == "apartheid"  # placed by its quote, the position being past the end


# -- properties -------------------------------------------------------------------------------------------------

# Any code point, lone surrogates included (json.dumps escapes them as \udxxx, as a hostile file would).
_any_text = st.text(st.characters() | st.integers(0xD800, 0xDFFF).map(chr), max_size=12)
_NUMBER_MARK = "\x00number:"
_long_number = st.integers(1, 6000).map(lambda digits: _NUMBER_MARK + "9" * digits)
_keys = st.sampled_from(
    [
        "type",
        "target",
        "selector",
        "exact",
        "prefix",
        "suffix",
        "body",
        "bodyValue",
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
        "name",
        "user",
        "user_info",
        "total",
    ]
)
_names = st.sampled_from(
    [
        *("Annotation", "AnnotationPage", "AnnotationCollection", "TextQuoteSelector", "TextPositionSelector"),
        *("tagging", "commenting", QUOTE, "acct:someone@hypothes.is"),
    ]
)
_json_ish = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | _any_text
    | _names
    | _long_number
    | st.builds(lambda text: QUOTE + text, _any_text),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(_keys | _any_text, children, max_size=6),
    max_leaves=30,
)


def _to_bytes(value: object) -> bytes:
    """The value as a JSON file, long numbers written out as digits (json.dumps cannot write them)."""
    text = json.dumps(value)
    return re.sub(r'"\\u0000number:(\d+)"', r"\1", text).encode("utf-8")


@settings(max_examples=300, deadline=None)
@given(_json_ish)
def test_parsing_any_json_returns_storable_text_or_raises_one_clear_error(value: object) -> None:
    try:
        parsed, without_quote = parse_annotations(_to_bytes(value), "fuzz.json")
    except ImportFileError as error:
        message = str(error)
        assert message.startswith("Cannot import fuzz.json: ") and message.endswith("Nothing was changed.")
        assert "\n" not in message
        return
    assert without_quote >= 0
    for item in parsed:
        for text in (item.key, item.exact, item.prefix, item.suffix, item.text, *item.tags, item.author or ""):
            text.encode("utf-8")  # everything kept can be stored
        if item.position is not None:
            assert all(len(str(number)) <= MAX_DIGITS for number in item.position)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300))
def test_parsing_any_bytes_returns_or_raises_one_clear_error(raw: bytes) -> None:
    try:
        parse_annotations(raw, "fuzz.json")
    except ImportFileError as error:
        assert str(error).startswith("Cannot import fuzz.json: ")
