"""Reading W3C Web Annotation and Hypothesis files into a notes layer: validated whole, then written all or nothing."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections import Counter
from collections.abc import Callable, Generator
from dataclasses import dataclass
from pathlib import Path

from reader.bounded_read import RefusedFileError, read_regular_file
from reader.content import Report
from reader.errors import ReaderError
from reader.json_load import json_problem
from reader.message import QT_TRANSLATE_NOOP, joined, message, sentence_of
from reader.notes.anchoring import ReportText
from reader.notes.import_result import ImportResult
from reader.notes.note import (
    MAX_LAYER_NAME,
    MAX_NOTE_TEXT,
    MY_LAYER,
    Color,
    ImportedNote,
    LayerName,
    NotesError,
    Style,
    check_layer_name,
)
from reader.notes.sealed_file import is_sealed_notes_file, open_sealed_notes_file
from reader.notes.store import STEP_BATCH, NoteStore
from reader.notes.w3c_bodies import MAX_TAGS as MAX_TAGS
from reader.notes.w3c_bodies import read_bodies
from reader.notes.w3c_model import (
    LISTED,
    Skip,
    author_of,
    describe_skips,
    has_lone_surrogate,
    id_of,
    key_from_iri,
    kinds_of,
    moment_of,
    tally,
    types_of,
)
from reader.notes.w3c_placing import place_passage
from reader.notes.w3c_targets import MAX_CONTEXT as MAX_CONTEXT  # importable from here, as they always were
from reader.notes.w3c_targets import MAX_QUOTE as MAX_QUOTE
from reader.notes.w3c_targets import Selector, first_position, first_quote, read_targets

MAX_IMPORT_BYTES = 20 * 1024 * 1024
MAX_ANNOTATIONS = 50_000
MAX_PASSAGES = 50_000
DEFAULT_LAYER = "imported"  # proposed when nothing of a file's name can name a layer
MAX_DIGITS = 30  # no count or offset in an annotation file comes near this; Python refuses to read past 4,300
_COLOR_NAMES = frozenset(color.value for color in Color)
_STYLE_NAMES = frozenset(style.value for style in Style)


class ImportFileError(ReaderError):
    """An annotation file cannot be imported; nothing was changed."""


def check_import_layer(name: str) -> LayerName:
    """The name of a layer to import into, trimmed (`check_layer_name`); NotesError for the reader's own layer,
    whose notes the reader made (imported notes go into a layer of their own, which can be hidden or removed)."""
    layer = check_layer_name(name)
    if layer == MY_LAYER:
        raise NotesError(
            message(
                QT_TRANSLATE_NOOP(
                    "core",
                    "“{name}” is the layer of your own notes; imported notes go into a layer of their own, "
                    "so choose another name.",
                ),
                name=layer,
            )
        )
    return layer


def proposed_layer_name(path: Path) -> LayerName:
    """A layer name made from a file's name without its extension, for the reader to confirm or change: cut to
    `MAX_LAYER_NAME` characters at a word's end where there is one, characters a layer name cannot hold (control
    characters, bytes that were not UTF-8) left out, and `DEFAULT_LAYER` when nothing is left."""
    stem = Path(path).stem.encode("utf-8", "replace").decode("utf-8")
    words = " ".join("".join(char if char.isprintable() else " " for char in stem).split())
    if len(words) > MAX_LAYER_NAME:
        cut = words[: MAX_LAYER_NAME + 1]
        whole = cut.rsplit(" ", 1)[0] if " " in cut else ""  # up to the last word that fits whole
        words = (whole or cut[:MAX_LAYER_NAME]).strip()
    return check_layer_name(words or DEFAULT_LAYER)


class _NumberTooLongError(ValueError):
    def __init__(self, digits: int) -> None:
        super().__init__(digits)
        self.digits = digits


def _whole_number(digits: str) -> int:
    """A JSON integer, refused when longer than `MAX_DIGITS` (reading it would be slow or fail)."""
    count = len(digits.lstrip("-"))
    if count > MAX_DIGITS:
        raise _NumberTooLongError(count)
    return int(digits)


@dataclass(frozen=True, slots=True)
class _Parsed:
    """One passage of one annotation, read and checked but not yet placed in the report."""

    key: str
    exact: str
    prefix: str
    suffix: str
    position: tuple[int, int] | None
    text: str
    tags: tuple[str, ...]
    color: Color
    style: Style
    author: str | None
    created: dt.datetime | None
    updated: dt.datetime | None
    selectors: tuple[Selector, ...] = ()
    passages: int = 1  # how many passages its annotation has


@dataclass(frozen=True, slots=True)
class ParsedFile:
    """A whole annotation file read and checked: its passages, how many annotations had none, what was skipped."""

    passages: tuple[_Parsed, ...]
    without_quote: int
    skipped: tuple[tuple[Skip, int], ...]
    left_out: tuple[tuple[Skip, int], ...] = ()


def read_annotations(path: Path, passphrase: str | None = None, language: str = "en") -> ParsedFile:
    """Read and validate a whole W3C or Hypothesis JSON file (`parse_file`).

    A file sealed under a passphrase (`sealed_file.py`) is opened with `passphrase` first; without it (or with a
    wrong one) `SealedFileError` says so.
    """
    path = Path(path)
    name = path.name
    try:
        raw = read_regular_file(path, MAX_IMPORT_BYTES)
    except RefusedFileError as exc:
        raise _refuse(name, exc.reason) from exc
    except FileNotFoundError as exc:
        raise ImportFileError(
            message(
                QT_TRANSLATE_NOOP("core", "Cannot import {name}: there is no such file. Nothing was changed."),
                name=name,
            )
        ) from exc
    except OSError as exc:
        raise _refuse(
            name, message(QT_TRANSLATE_NOOP("core", "it cannot be read ({reason})"), reason=exc.strerror)
        ) from exc
    if is_sealed_notes_file(raw):
        raw = open_sealed_notes_file(raw, passphrase, name, MAX_IMPORT_BYTES)
    return parse_file(raw, name, language)


def parse_annotations(raw: bytes, name: str) -> tuple[list[_Parsed], int]:
    """The passages of an annotation file and how many annotations had none (see `parse_file`)."""
    parsed = parse_file(raw, name)
    return list(parsed.passages), parsed.without_quote


def parse_file(raw: bytes, name: str, language: str = "en") -> ParsedFile:
    """Validate the bytes of an annotation file; a Choice of bodies prefers `language` (the report's)."""
    if len(raw) > MAX_IMPORT_BYTES:
        raise _refuse(
            name,
            message(
                QT_TRANSLATE_NOOP("core", "it is more than the {megabytes} MB allowed"),
                megabytes=MAX_IMPORT_BYTES // 10**6,
            ),
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise _refuse(name, message(QT_TRANSLATE_NOOP("core", "line {line} is not valid UTF-8"), line=line)) from exc
    try:
        data = json.loads(text, parse_int=_whole_number)
    except json.JSONDecodeError as exc:
        raise _refuse(
            name,
            message(
                QT_TRANSLATE_NOOP("core", "line {line} is not valid JSON ({problem})"),
                line=exc.lineno,
                problem=json_problem(exc),
            ),
        ) from exc
    except _NumberTooLongError as exc:
        raise _refuse(
            name,
            message(
                QT_TRANSLATE_NOOP("core", "it holds a number of {digits:,} digits, more than the {max_digits} allowed"),
                digits=exc.digits,
                max_digits=MAX_DIGITS,
            ),
        ) from exc
    except RecursionError as exc:
        raise _refuse(name, message(QT_TRANSLATE_NOOP("core", "its JSON is nested too deeply"))) from exc
    items = _items(data, name)
    if len(items) > MAX_ANNOTATIONS:
        raise _refuse(
            name,
            message(
                QT_TRANSLATE_NOOP("core", "it holds {count:,} annotations, more than the {max_annotations:,} allowed"),
                count=len(items),
                max_annotations=MAX_ANNOTATIONS,
            ),
        )
    parsed: list[_Parsed] = []
    without_quote = 0
    skipped: Counter[Skip] = Counter()
    left_out: Counter[Skip] = Counter()  # what the annotations left out held: said only if nothing is kept
    for number, item in enumerate(items, start=1):
        found: Counter[Skip] = Counter()
        passages = _parse_one(item, number, name, language, found)
        if passages:
            parsed.extend(passages)
            skipped.update(found)
        else:
            without_quote += 1
            left_out.update(found)
        if len(parsed) > MAX_PASSAGES:
            raise _refuse(
                name,
                message(
                    QT_TRANSLATE_NOOP("core", "it holds more than {max_passages:,} passages"), max_passages=MAX_PASSAGES
                ),
            )
    if not parsed:
        reasons = joined(describe_skips(left_out.items(), verb=False), LISTED)
        if not reasons:
            raise _refuse(name, message(QT_TRANSLATE_NOOP("core", "it holds no annotations with a quoted passage")))
        raise _refuse(
            name,
            message(
                QT_TRANSLATE_NOOP("core", "it holds no annotations with a quoted passage ({reasons})"), reasons=reasons
            ),
        )
    return ParsedFile(tuple(parsed), without_quote, tally(skipped), tally(left_out))


@dataclass(frozen=True, slots=True)
class PreparedImport:
    """A file read, validated and placed in the report, ready to be written by `apply_import`."""

    source: str
    layer: LayerName
    notes: tuple[ImportedNote, ...]
    without_quote: int
    split: tuple[tuple[int, int], ...] = ()
    skipped: tuple[tuple[Skip, int], ...] = ()
    left_out: tuple[tuple[Skip, int], ...] = ()


def prepare_import(
    report: Report | ReportText,
    path: Path,
    layer: str | None = None,
    progress: Callable[[int, int], None] | None = None,
    passphrase: str | None = None,
) -> PreparedImport:
    """Read, validate and place a whole W3C or Hypothesis file without touching the notes (safe off the UI thread).

    Each passage is placed by its quote (the file's source address is ignored); one whose passage is not in
    this report becomes an orphaned note. The layer defaults to the file's name without its extension
    (`proposed_layer_name`).
    """
    path = Path(path)
    try:
        # A name given is checked now, and refused if it cannot be one; one made from the file's name is only
        # proposed (the window asks for the name once the file is read), so a long file name is shortened and the
        # reader's own layer is refused for it when the notes are written.
        layer_name = check_import_layer(layer) if layer is not None else proposed_layer_name(path)
    except ReaderError as exc:
        raise _refuse(path.name, sentence_of(exc).rstrip(".")) from exc
    text = report if isinstance(report, ReportText) else ReportText(report)
    parsed = read_annotations(path, passphrase, text.report.manifest.language or "en")
    skipped = Counter(dict(parsed.skipped))
    imported: list[ImportedNote] = []
    total = len(parsed.passages)
    for done, item in enumerate(parsed.passages, start=1):
        anchor = place_passage(text, item.selectors)
        if anchor is None:
            skipped[Skip.OUTSIDE_TARGET] += 1
        else:
            fields = (item.text, item.tags, item.color, item.style, item.author, item.created, item.updated)
            imported.append(ImportedNote(item.key, anchor, *fields))
        if progress is not None and (done % 500 == 0 or done == total):
            progress(done, total)
    if not imported:
        raise _refuse(
            path.name,
            message(QT_TRANSLATE_NOOP("core", "its passages are given only by positions outside this report")),
        )
    split = Counter(item.passages for item in parsed.passages if item.passages > 1)
    # A file name that is not UTF-8 reaches Python with lone surrogates; the notes keep it readable instead.
    source = path.name.encode("utf-8", "replace").decode("utf-8")
    return PreparedImport(
        source,
        layer_name,
        tuple(imported),
        parsed.without_quote,
        tuple((passages, split[passages] // passages) for passages in sorted(split)),
        tally(skipped),
        parsed.left_out,
    )


def apply_import(store: NoteStore, prepared: PreparedImport) -> ImportResult:
    """Write a prepared import into its layer in one transaction; notes already imported are skipped."""
    steps = apply_import_in_steps(store, prepared)
    while True:
        try:
            next(steps)
        except StopIteration as done:
            return done.value


def apply_import_in_steps(
    store: NoteStore, prepared: PreparedImport, batch: int = STEP_BATCH
) -> Generator[int, None, ImportResult]:
    """`apply_import`, `batch` notes per step (`NoteStore.add_imported_in_steps`): yields how many are written so
    far and returns the result once committed. Still all or nothing: a failure in any step, or closing the
    generator before it is done, leaves the notes as they were. The reader's own layer is refused before anything
    is written (`check_import_layer`)."""
    try:
        check_import_layer(prepared.layer)
        added = yield from store.add_imported_in_steps(prepared.layer, prepared.notes, prepared.source, batch)
    except ReaderError as exc:
        raise _refuse(prepared.source, sentence_of(exc).rstrip(".")) from exc
    orphaned = sum(1 for note in added if not note.anchor.section_id)
    return ImportResult(
        prepared.layer,
        added,
        len(prepared.notes) - len(added),
        orphaned,
        prepared.without_quote,
        prepared.split,
        prepared.skipped,
        prepared.left_out,
    )


def import_annotations(
    store: NoteStore,
    report: Report | ReportText,
    path: Path,
    layer: str | None = None,
    progress: Callable[[int, int], None] | None = None,
    passphrase: str | None = None,
) -> ImportResult:
    """Import a W3C or Hypothesis file into a named layer, all of it or nothing (`prepare_import`, `apply_import`).

    Importing the same file twice adds nothing the second time.
    """
    return apply_import(store, prepare_import(report, path, layer, progress, passphrase))


def _refuse(name: str, reason: str) -> ImportFileError:
    return ImportFileError(
        message(
            QT_TRANSLATE_NOOP("core", "Cannot import {name}: {reason}. Nothing was changed."), name=name, reason=reason
        )
    )


def _items(data: object, name: str) -> list[object]:
    """The annotations of any accepted shape: one, a list, a collection or page, or Hypothesis rows."""
    if isinstance(data, list):
        return data
    if not isinstance(data, dict):
        raise _refuse(
            name, message(QT_TRANSLATE_NOOP("core", "it is not a Web Annotation file (expected a JSON object or list)"))
        )
    kind = kinds_of(data)
    if "AnnotationCollection" in kind:
        first = data.get("first")
        if isinstance(first, dict):
            return _page_items(first, name)
        if isinstance(data.get("items"), list):
            return data["items"]
        if first is None and data.get("total") == 0:
            return []
        raise _refuse(
            name,
            message(QT_TRANSLATE_NOOP("core", "its collection links to pages elsewhere instead of including them")),
        )
    if "AnnotationPage" in kind:
        return _page_items(data, name)
    for key in ("rows", "annotations"):
        if key in data:
            rows = data[key]
            if not isinstance(rows, list):
                raise _refuse(name, message(QT_TRANSLATE_NOOP("core", "its “{key}” is not a list"), key=key))
            return rows
    if "Annotation" in kind or "target" in data:
        return [data]
    raise _refuse(
        name,
        message(
            QT_TRANSLATE_NOOP(
                "core", "it is not a Web Annotation or Hypothesis file (no annotations, rows or target found)"
            )
        ),
    )


def _page_items(page: dict[str, object], name: str) -> list[object]:
    items = page.get("items")
    if not isinstance(items, list):
        raise _refuse(name, message(QT_TRANSLATE_NOOP("core", "its annotation page has no list of items")))
    return items


def _parse_one(item: object, number: int, name: str, language: str, skipped: Counter[Skip]) -> list[_Parsed]:
    """The passages of one annotation, each with the annotation's text, tags and style ([] when it has none)."""

    def bad(reason: str) -> ImportFileError:
        return _refuse(
            name, message(QT_TRANSLATE_NOOP("core", "annotation {number} {reason}"), number=number, reason=reason)
        )

    if not isinstance(item, dict):
        raise bad(message(QT_TRANSLATE_NOOP("core", "is not a JSON object")))
    if has_lone_surrogate(item):
        raise bad(
            message(
                QT_TRANSLATE_NOOP(
                    "core", "holds a broken character (half of a UTF-16 pair, written as \\ud800 to \\udfff)"
                )
            )
        )
    passages = read_targets(item, bad, skipped)
    if not passages:
        return []
    text, tags = read_bodies(item, bad, language, skipped)
    if len(text) > MAX_NOTE_TEXT - 40:
        raise bad(
            message(QT_TRANSLATE_NOOP("core", "has a note longer than {limit:,} characters"), limit=MAX_NOTE_TEXT - 40)
        )
    author = author_of(item)
    identifier = id_of(item)
    if isinstance(identifier, str) and identifier.strip():
        key = key_from_iri(identifier.strip())
    else:
        first = first_quote(passages[0].selectors)
        words: list[object] = [first.exact, first.prefix, first.suffix] if first else []
        if first is None:  # given only by positions: they tell such annotations apart
            words.append(first_position(passages[0].selectors))
        canonical = json.dumps([*words, text, list(tags)], ensure_ascii=False)
        key = "sha256:" + hashlib.sha256(canonical.encode("utf-8")).hexdigest()
    created = moment_of(item.get("created"))
    updated = moment_of(item.get("modified", item.get("updated"))) or created
    result: list[_Parsed] = []
    # A "bookmarking" annotation comes back as a bookmark, unless its style classes say otherwise.
    first_style = Style.BOOKMARK if "bookmarking" in types_of(item.get("motivation")) else Style.HIGHLIGHT
    for index, passage in enumerate(passages, start=1):
        color, style = Color.YELLOW, first_style
        for word in passage.style_classes:
            if word in _COLOR_NAMES:
                color = Color(word)
            elif word in _STYLE_NAMES:
                style = Style(word)
        quote = first_quote(passage.selectors)
        own_text = text
        if len(passages) > 1:  # one note per passage, each saying which it is
            which = f"(passage {index} of {len(passages)})"
            own_text = f"{text}\n\n{which}" if text else which
        result.append(
            _Parsed(
                key if index == 1 else f"{key}#{index}",
                quote.exact if quote else "",
                quote.prefix if quote else "",
                quote.suffix if quote else "",
                first_position(passage.selectors),
                own_text,
                tags,
                color,
                style,
                author,
                created,
                updated,
                passage.selectors,
                len(passages),
            )
        )
    return result
