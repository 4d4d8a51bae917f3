"""Reading W3C Web Annotation and Hypothesis files into a notes layer: validated whole, then written all or nothing."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from reader.bounded_read import RefusedFileError, read_regular_file
from reader.content import ParagraphId, Report, SectionId
from reader.errors import ReaderError
from reader.notes.anchoring import ReportText, locate
from reader.notes.note import MAX_NOTE_TEXT, Anchor, Color, ImportedNote, LayerName, Note, Style, check_layer_name
from reader.notes.sealed_file import is_sealed_notes_file, open_sealed_notes_file
from reader.notes.store import NoteStore

MAX_IMPORT_BYTES = 20 * 1024 * 1024
MAX_ANNOTATIONS = 50_000
MAX_QUOTE = 10_000
MAX_CONTEXT = 1_000
MAX_TAGS = 100
MAX_DIGITS = 30  # no count or offset in an annotation file comes near this; Python refuses to read past 4,300
_COLOR_NAMES = frozenset(color.value for color in Color)
_STYLE_NAMES = frozenset(style.value for style in Style)


class ImportFileError(ReaderError):
    """An annotation file cannot be imported; nothing was changed."""


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
class ImportResult:
    """What an import did: notes added to `layer`, duplicates skipped, how many found no passage."""

    layer: LayerName
    added: tuple[Note, ...]
    duplicates: int
    orphaned: int
    without_quote: int

    def summary(self) -> str:
        parts = [f"Imported {len(self.added)} note{'s' if len(self.added) != 1 else ''} into the layer “{self.layer}”"]
        if self.duplicates:
            parts.append(f"{self.duplicates} already there")
        if self.orphaned:
            parts.append(f"{self.orphaned} whose passage was not found (kept as orphaned)")
        if self.without_quote:
            parts.append(f"{self.without_quote} without a quoted passage (left out)")
        return "; ".join(parts) + "."


@dataclass(frozen=True, slots=True)
class _Parsed:
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


def read_annotations(path: Path, passphrase: str | None = None) -> tuple[list[_Parsed], int]:
    """Read and validate a whole W3C or Hypothesis JSON file: its usable annotations and how many had no quote.

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
        raise ImportFileError(f"Cannot import {name}: there is no such file. Nothing was changed.") from exc
    except OSError as exc:
        raise _refuse(name, f"it cannot be read ({exc.strerror})") from exc
    if is_sealed_notes_file(raw):
        raw = open_sealed_notes_file(raw, passphrase, name)
    return parse_annotations(raw, name)


def parse_annotations(raw: bytes, name: str) -> tuple[list[_Parsed], int]:
    """Validate the bytes of an annotation file (see `read_annotations`)."""
    if len(raw) > MAX_IMPORT_BYTES:
        raise _refuse(name, f"it is more than the {MAX_IMPORT_BYTES // 10**6} MB allowed")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise _refuse(name, f"line {line} is not valid UTF-8") from exc
    try:
        data = json.loads(text, parse_int=_whole_number)
    except json.JSONDecodeError as exc:
        raise _refuse(name, f"line {exc.lineno} is not valid JSON ({exc.msg})") from exc
    except _NumberTooLongError as exc:
        raise _refuse(name, f"it holds a number of {exc.digits:,} digits, more than the {MAX_DIGITS} allowed") from exc
    except RecursionError as exc:
        raise _refuse(name, "its JSON is nested too deeply") from exc
    items = _items(data, name)
    if len(items) > MAX_ANNOTATIONS:
        raise _refuse(name, f"it holds {len(items):,} annotations, more than the {MAX_ANNOTATIONS:,} allowed")
    parsed: list[_Parsed] = []
    without_quote = 0
    for number, item in enumerate(items, start=1):
        result = _parse_one(item, number, name)
        if result is None:
            without_quote += 1
        else:
            parsed.append(result)
    if not parsed:
        raise _refuse(name, "it holds no annotations with a quoted passage")
    return parsed, without_quote


@dataclass(frozen=True, slots=True)
class PreparedImport:
    """A file read, validated and placed in the report, ready to be written by `apply_import`."""

    source: str
    layer: LayerName
    notes: tuple[ImportedNote, ...]
    without_quote: int


def prepare_import(
    report: Report | ReportText,
    path: Path,
    layer: str | None = None,
    progress: Callable[[int, int], None] | None = None,
    passphrase: str | None = None,
) -> PreparedImport:
    """Read, validate and place a whole W3C or Hypothesis file without touching the notes (safe off the UI thread).

    Each annotation is placed by its quote (the file's source address is ignored); one whose passage is not in
    this report becomes an orphaned note. The layer defaults to the file's name without its extension.
    """
    path = Path(path)
    try:
        layer_name = check_layer_name(layer if layer is not None else path.stem)
    except ReaderError as exc:
        raise _refuse(path.name, str(exc).rstrip(".")) from exc
    parsed, without_quote = read_annotations(path, passphrase)
    text = report if isinstance(report, ReportText) else ReportText(report)
    imported: list[ImportedNote] = []
    for done, item in enumerate(parsed, start=1):
        anchor = _anchor(text, item)
        imported.append(
            ImportedNote(
                item.key, anchor, item.text, item.tags, item.color, item.style, item.author, item.created, item.updated
            )
        )
        if progress is not None and (done % 500 == 0 or done == len(parsed)):
            progress(done, len(parsed))
    # A file name that is not UTF-8 reaches Python with lone surrogates; the notes keep it readable instead.
    source = path.name.encode("utf-8", "replace").decode("utf-8")
    return PreparedImport(source, layer_name, tuple(imported), without_quote)


def apply_import(store: NoteStore, prepared: PreparedImport) -> ImportResult:
    """Write a prepared import into its layer in one transaction; notes already imported are skipped."""
    try:
        added = store.add_imported(prepared.layer, prepared.notes, source=prepared.source)
    except ReaderError as exc:
        raise _refuse(prepared.source, str(exc).rstrip(".")) from exc
    orphaned = sum(1 for note in added if not note.anchor.section_id)
    return ImportResult(prepared.layer, added, len(prepared.notes) - len(added), orphaned, prepared.without_quote)


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


def _anchor(text: ReportText, item: _Parsed) -> Anchor:
    """Place an imported quote: its position when the text there matches, else by quote, else left unplaced."""
    if item.position is not None:
        start, end = item.position
        if text.document[start:end] == item.exact:
            section_id, offset = text.section_at(start)
            body_end = offset + (end - start)
            if body_end <= len(text.body(section_id)):
                anchor = text.anchor_at(section_id, offset, body_end)
                return Anchor(
                    anchor.section_id,
                    anchor.paragraph_id,
                    anchor.start,
                    anchor.end,
                    item.exact,
                    item.prefix,
                    item.suffix,
                )
    probe = Anchor(SectionId(""), ParagraphId(""), 0, len(item.exact), item.exact, item.prefix, item.suffix)
    found = locate(text, probe)
    if found is None:
        return probe
    section_id, low, high, _method = found
    # The quote stays as the annotator wrote it; a fuzzy match is found again at each re-anchoring pass.
    return text.anchor_at(section_id, low, high, like=probe)


def _refuse(name: str, reason: str) -> ImportFileError:
    return ImportFileError(f"Cannot import {name}: {reason}. Nothing was changed.")


def _items(data: object, name: str) -> list[object]:
    """The annotations of any accepted shape: one, a list, a collection or page, or Hypothesis rows."""
    if isinstance(data, list):
        return data
    if not isinstance(data, dict):
        raise _refuse(name, "it is not a Web Annotation file (expected a JSON object or list)")
    kind = _types(data.get("type"))
    if "AnnotationCollection" in kind:
        first = data.get("first")
        if isinstance(first, dict):
            return _page_items(first, name)
        if isinstance(data.get("items"), list):
            return data["items"]
        if first is None and data.get("total") == 0:
            return []
        raise _refuse(name, "its collection links to pages elsewhere instead of including them")
    if "AnnotationPage" in kind:
        return _page_items(data, name)
    for key in ("rows", "annotations"):
        if key in data:
            rows = data[key]
            if not isinstance(rows, list):
                raise _refuse(name, f"its “{key}” is not a list")
            return rows
    if "Annotation" in kind or "target" in data:
        return [data]
    raise _refuse(name, "it is not a Web Annotation or Hypothesis file (no annotations, rows or target found)")


def _page_items(page: dict[str, object], name: str) -> list[object]:
    items = page.get("items")
    if not isinstance(items, list):
        raise _refuse(name, "its annotation page has no list of items")
    return items


def _types(value: object) -> set[str]:
    if isinstance(value, str):
        return {value}
    if isinstance(value, list):
        return {item for item in value if isinstance(item, str)}
    return set()


def _parse_one(item: object, number: int, name: str) -> _Parsed | None:
    def bad(reason: str) -> ImportFileError:
        return _refuse(name, f"annotation {number} {reason}")

    if not isinstance(item, dict):
        raise bad("is not a JSON object")
    quote, position, style_class = _selectors(item.get("target"), bad)
    if quote is None:
        return None
    exact, prefix, suffix = quote
    if not exact.strip():
        return None
    if len(exact) > MAX_QUOTE:
        raise bad(f"quotes more than {MAX_QUOTE:,} characters")
    text, tags = _bodies(item, bad)
    if len(text) > MAX_NOTE_TEXT:
        raise bad(f"has a note longer than {MAX_NOTE_TEXT:,} characters")
    author = _author(item)
    identifier = item.get("id")
    kept = (exact, prefix, suffix, text, *tags, author or "", identifier if isinstance(identifier, str) else "")
    if any(_has_lone_surrogate(value) for value in kept):
        raise bad("holds a broken character (half of a UTF-16 pair, written as \\ud800 to \\udfff)")
    color, style = Color.YELLOW, Style.HIGHLIGHT
    for word in style_class.split():
        if word in _COLOR_NAMES:
            color = Color(word)
        elif word in _STYLE_NAMES:
            style = Style(word)
    if isinstance(identifier, str) and identifier.strip():
        key = "id:" + identifier.strip()[:500]
    else:
        canonical = json.dumps([exact, prefix, suffix, text, list(tags)], ensure_ascii=False)
        key = "sha256:" + hashlib.sha256(canonical.encode("utf-8")).hexdigest()
    created = _moment(item.get("created"))
    updated = _moment(item.get("modified", item.get("updated"))) or created
    return _Parsed(
        key,
        exact,
        prefix[-MAX_CONTEXT:],
        suffix[:MAX_CONTEXT],
        position,
        text,
        tags,
        color,
        style,
        author,
        created,
        updated,
    )


def _has_lone_surrogate(value: str) -> bool:
    """True when `value` cannot be written as UTF-8: JSON escapes such as \\ud800 can make such text."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _selectors(target: object, bad: Callable[[str], ImportFileError]):
    """The first TextQuoteSelector (exact, prefix, suffix), TextPositionSelector and styleClass of a target."""
    targets = target if isinstance(target, list) else [target]
    quote: tuple[str, str, str] | None = None
    position: tuple[int, int] | None = None
    style_class = ""
    for one in targets:
        if not isinstance(one, dict):
            continue  # a bare IRI: the whole page, no passage
        if isinstance(one.get("styleClass"), str):
            style_class = one["styleClass"]
        for selector in _flatten_selectors(one.get("selector")):
            kind = _types(selector.get("type"))
            if "TextQuoteSelector" in kind and quote is None:
                fields = [selector.get(key, "") for key in ("exact", "prefix", "suffix")]
                if not all(isinstance(field, str) for field in fields):
                    raise bad("has a TextQuoteSelector whose exact, prefix or suffix is not text")
                quote = (fields[0], fields[1], fields[2])
            elif "TextPositionSelector" in kind and position is None:
                start, end = selector.get("start"), selector.get("end")
                if not all(isinstance(value, int) and not isinstance(value, bool) for value in (start, end)):
                    raise bad("has a TextPositionSelector whose start or end is not a whole number")
                if 0 <= start <= end:
                    position = (start, end)
    return quote, position, style_class


def _flatten_selectors(selector: object, depth: int = 0) -> list[dict[str, object]]:
    if depth > 8:
        return []
    found: list[dict[str, object]] = []
    for one in selector if isinstance(selector, list) else [selector]:
        if isinstance(one, dict):
            found.append(one)
            if "refinedBy" in one:
                found.extend(_flatten_selectors(one["refinedBy"], depth + 1))
    return found


def _bodies(item: dict[str, object], bad: Callable[[str], ImportFileError]) -> tuple[str, tuple[str, ...]]:
    """The note text and tags: W3C bodies (commenting and tagging) or Hypothesis's `text` and `tags`."""
    texts: list[str] = []
    tags: list[str] = []
    if "text" in item:  # Hypothesis
        if not isinstance(item["text"], str):
            raise bad("has a note text that is not text")
        texts.append(item["text"])
    raw_tags = item.get("tags", [])
    if not isinstance(raw_tags, list) or not all(isinstance(tag, str) for tag in raw_tags):
        raise bad("has tags that are not a list of text")
    tags.extend(raw_tags)
    if "bodyValue" in item:
        if not isinstance(item["bodyValue"], str):
            raise bad("has a bodyValue that is not text")
        texts.append(item["bodyValue"])
    body = item.get("body")
    for one in body if isinstance(body, list) else ([] if body is None else [body]):
        if isinstance(one, str):
            continue  # an IRI naming an external body: nothing to show offline
        if not isinstance(one, dict):
            raise bad("has a body that is not an object")
        value = one.get("value")
        if value is None:
            continue
        if not isinstance(value, str):
            raise bad("has a body whose value is not text")
        if "tagging" in _types(one.get("purpose")):
            tags.append(value)
        else:
            texts.append(value)  # whatever its format, it is kept and shown as plain text, never rendered
    if len(tags) > MAX_TAGS:
        raise bad(f"has more than {MAX_TAGS} tags")
    return "\n\n".join(text for text in texts if text), tuple(tags)


def _author(item: dict[str, object]) -> str | None:
    creator = item.get("creator")
    for one in creator if isinstance(creator, list) else [creator]:
        if isinstance(one, str) and one.strip() and not one.startswith(("http:", "https:", "urn:")):
            return one.strip()[:200]
        if isinstance(one, dict):
            for key in ("name", "nickname"):
                if isinstance(one.get(key), str) and one[key].strip():
                    return one[key].strip()[:200]
    info = item.get("user_info")
    if isinstance(info, dict) and isinstance(info.get("display_name"), str) and info["display_name"].strip():
        return info["display_name"].strip()[:200]
    user = item.get("user")
    if isinstance(user, str) and user.strip():
        return user.removeprefix("acct:").split("@")[0][:200] or None
    return None


def _moment(value: object) -> dt.datetime | None:
    if not isinstance(value, str) or len(value) > 64:
        return None
    try:
        moment = dt.datetime.fromisoformat(value)
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=dt.UTC)
        return moment.astimezone(dt.UTC)
    except (ValueError, OverflowError):  # not a date, or one that cannot be expressed in UTC (year 1 or 9999)
        return None
