"""Notes as W3C Web Annotation JSON: each note an Annotation, all of them in one AnnotationCollection."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from reader.atomic_file import write_atomically
from reader.content import Report, slugify
from reader.notes.anchoring import ReportText, place_note
from reader.notes.json_text import JsonPiece, indented_json
from reader.notes.json_text import json_string as _json_string
from reader.notes.note import COLOR_HEX, Color, Note, Style
from reader.notes.w3c_model import W3C_CONTEXT, key_as_iri

_PARTS_NAMESPACE = uuid.UUID("6f0c3c55-3f59-4b7e-9d0a-2f4c1f1b8a11")  # names collections and pages by their notes


def source_iri(report: Report) -> str:
    """The IRI our exports name as the annotations' target source."""
    return f"urn:field-reader:{slugify(report.manifest.title)}:{report.manifest.edition_date}"


def annotation_iri(note: Note) -> str:
    """The id a note is exported under: an imported note keeps its annotation's own id, so it comes back once."""
    return key_as_iri(note.import_key) if note.import_key else f"urn:uuid:{note.id}"


@lru_cache(maxsize=4096)  # a note's two times are often one, and notes made or imported together share theirs
def utc_timestamp(moment: dt.datetime) -> str:
    """A moment as xsd:dateTime in UTC written with "Z", as the Data Model requires."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def stylesheet(color: Color, style: Style) -> dict[str, object]:
    """An embedded CssStylesheet describing both classes a note's target carries (its colour and its style)."""
    shade = COLOR_HEX[color]
    if style is Style.HIGHLIGHT:
        rules = [f".{color.value} {{ background-color: {shade}; }}", f".{style.value} {{ text-decoration: none; }}"]
    elif style is Style.BOOKMARK:  # a mark beside the paragraph's first words, not a highlight
        rules = [
            f".{color.value} {{ border-left-color: {shade}; }}",
            f".{style.value} {{ border-left-style: solid; border-left-width: 0.25em; text-decoration: none; }}",
        ]
    else:
        line = "underline" if style is Style.UNDERLINE else "line-through"
        rules = [
            f".{color.value} {{ text-decoration-color: {shade}; }}",
            f".{style.value} {{ text-decoration-line: {line}; }}",
        ]
    return {"type": "CssStylesheet", "value": "\n".join(rules)}


@cache
def _stylesheet(color: Color, style: Style) -> dict[str, object]:
    return stylesheet(color, style)


def annotation(note: Note, text: ReportText, *, safe: bool = False, source: str | None = None) -> dict[str, object]:
    """One note as a W3C Web Annotation (TextQuoteSelector, plus a TextPositionSelector when the note is placed).

    `source` is `source_iri(text.report)`, when the caller has it already.
    """
    selectors: list[dict[str, object]] = [
        {
            "type": "TextQuoteSelector",
            "exact": note.anchor.exact,
            "prefix": note.anchor.prefix,
            "suffix": note.anchor.suffix,
        },
    ]
    position = _position(note, text)
    if position is not None:
        selectors.append({"type": "TextPositionSelector", "start": position[0], "end": position[1]})
    bodies: list[dict[str, object]] = []
    if note.text:
        bodies.append({"type": "TextualBody", "value": note.text, "format": "text/plain", "purpose": "commenting"})
    bodies.extend(
        {"type": "TextualBody", "value": tag, "format": "text/plain", "purpose": "tagging"} for tag in note.tags
    )
    item: dict[str, object] = {
        "@context": W3C_CONTEXT,
        "id": annotation_iri(note),
        "type": "Annotation",
        "motivation": _motivation(note),
    }
    if not safe:
        item["created"] = utc_timestamp(note.created)
        item["modified"] = utc_timestamp(note.updated)
        if note.author:
            item["creator"] = {"type": "Person", "name": note.author}
    item["stylesheet"] = dict(_stylesheet(note.color, note.style))
    if bodies:
        item["body"] = bodies
    item["target"] = {
        "type": "SpecificResource",
        "source": source_iri(text.report) if source is None else source,
        "styleClass": [note.color.value, note.style.value],
        "selector": selectors,
    }
    return item


def _position(note: Note, text: ReportText) -> tuple[int, int] | None:
    """Where the note's passage is in the document text (TextPositionSelector), if it is placed."""
    placement = place_note(text, note)
    if placement.anchor is not None:
        located = text.paragraph_offset(placement.anchor.paragraph_id)
        section_start = text.document_offset(placement.anchor.section_id)
        if located is not None and section_start is not None:
            start = section_start + located[1] + placement.anchor.start
            return start, start + (placement.anchor.end - placement.anchor.start)
    return None


def _motivation(note: Note) -> str:
    """Why the annotation was made: a bookmark keeps a place (its note, if any, is still a commenting body)."""
    if note.style is Style.BOOKMARK:
        return "bookmarking"
    return "commenting" if note.text else "highlighting"


def annotation_collection(
    notes: Iterable[Note], report: Report | ReportText, *, safe: bool = False, label: str | None = None
) -> dict[str, object]:
    """The notes as a W3C AnnotationCollection whose first (and only) page holds every annotation.

    The collection and its page are named by IRIs made from the annotations' ids, so the same notes are always
    the same collection. A collection of no notes has no page (a page holds at least one annotation).
    """
    text = report if isinstance(report, ReportText) else ReportText(report)
    source = source_iri(text.report)
    items = [annotation(note, text, safe=safe, source=source) for note in notes]
    names = "\n".join([source_iri(text.report), *(str(item["id"]) for item in items)])
    collection_id = _named_iri("collection", names)
    collection: dict[str, object] = {
        "@context": W3C_CONTEXT,
        "id": collection_id,
        "type": "AnnotationCollection",
        "label": label or f"Notes on “{text.report.manifest.title}”",
        "total": len(items),
    }
    if items:
        page_id = _named_iri("page", names)
        collection["first"] = _only_page(page_id, collection_id, items)
        collection["last"] = page_id
    return collection


def _only_page(page_id: str, collection_id: str, items: object) -> dict[str, object]:
    """The collection's one AnnotationPage, holding every annotation."""
    return {
        "@context": W3C_CONTEXT,
        "id": page_id,
        "type": "AnnotationPage",
        "partOf": collection_id,
        "startIndex": 0,
        "items": items,
    }


def _named_iri(part: str, names: str) -> str:
    return f"urn:uuid:{uuid.uuid5(_PARTS_NAMESPACE, part + chr(10) + names)}"


def w3c_bytes(notes: Iterable[Note], report: Report | ReportText, *, safe: bool = False) -> bytes:
    """The notes as the bytes of a W3C Web Annotation JSON file (an AnnotationCollection).

    The text is `indented_json(annotation_collection(notes, report, safe=safe))`; each annotation is written
    straight from its note (`_annotation_json`) rather than built as objects first.
    """
    text = report if isinstance(report, ReportText) else ReportText(report)
    notes = tuple(notes)
    collection = annotation_collection((), text)
    if notes:
        iris = [annotation_iri(note) for note in notes]
        names = "\n".join([source_iri(text.report), *iris])
        collection_id = _named_iri("collection", names)
        page_id = _named_iri("page", names)
        collection["id"] = collection_id
        collection["total"] = len(notes)
        collection["first"] = _only_page(page_id, collection_id, _Annotations(notes, tuple(iris), text, safe))
        collection["last"] = page_id
    return indented_json(collection).encode("utf-8") + b"\n"


@dataclass(frozen=True, slots=True)
class _Annotations(JsonPiece):
    """The items of an AnnotationPage, written as the list of `annotation(note, ...)` they stand for."""

    notes: tuple[Note, ...]
    iris: tuple[str, ...]  # each note's `annotation_iri`
    text: ReportText
    safe: bool

    def write_json(self, newline: str, parts: list[str]) -> None:
        inner = newline + "  "
        layout = _Layout(inner, _json_string(source_iri(self.text.report)))
        parts.append("[" + inner)
        parts.append(
            ("," + inner).join(
                _annotation_json(note, iri, self.text, self.safe, layout)
                for note, iri in zip(self.notes, self.iris, strict=True)
            )
        )
        parts.append(newline + "]")


class _Layout:
    """What every annotation written at one indentation has in common: the line breaks of each level, and the fixed
    stretches of text between its values, put together once for all of them."""

    def __init__(self, newline: str, source: str) -> None:
        n1, n2, n3, n4 = (newline + "  " * level for level in range(1, 5))
        self.members = n1  # the annotation's own members
        self.start = f'{{{n1}"@context": {_CONTEXT},{n1}"id": '
        self.motivation = f',{n1}"type": "Annotation",{n1}"motivation": '
        self.created = f',{n1}"created": '
        self.modified = f',{n1}"modified": '
        self.creator = f',{n1}"creator": {{{n2}"type": "Person",{n2}"name": '
        self.creator_end = f"{n1}}}"
        self.stylesheet = f',{n1}"stylesheet": '
        self.bodies = f',{n1}"body": [{n2}'
        self.between_bodies = f",{n2}"
        self.bodies_end = f"{n1}]"
        self.body = f'{{{n3}"type": "TextualBody",{n3}"value": '
        self.comment_end = f',{n3}"format": "text/plain",{n3}"purpose": "commenting"{n2}}}'
        self.tag_end = f',{n3}"format": "text/plain",{n3}"purpose": "tagging"{n2}}}'
        self.target = f',{n1}"target": {{{n2}"type": "SpecificResource",{n2}"source": {source},{n2}"styleClass": [{n3}'
        self.between_classes = f",{n3}"
        self.selectors = f'{n2}],{n2}"selector": [{n3}{{{n4}"type": "TextQuoteSelector",{n4}"exact": '
        self.prefix = f',{n4}"prefix": '
        self.suffix = f',{n4}"suffix": '
        self.position = f'{n3}}},{n3}{{{n4}"type": "TextPositionSelector",{n4}"start": '
        self.position_end = f',{n4}"end": '
        self.end = f"{n3}}}{n2}]{n1}}}{newline}}}"


def _annotation_json(note: Note, iri: str, text: ReportText, safe: bool, layout: _Layout) -> str:
    """`indented_json(annotation(note, text, safe=safe))` as written at the layout's indentation, made without the
    objects: the values written into the layout's fixed stretches of text."""
    anchor = note.anchor
    parts = [layout.start, _json_string(iri), layout.motivation, _json_string(_motivation(note))]
    if not safe:
        parts += layout.created, _json_string(utc_timestamp(note.created))
        parts += layout.modified, _json_string(utc_timestamp(note.updated))
        if note.author:
            parts += layout.creator, _json_string(note.author), layout.creator_end
    parts += layout.stylesheet, _stylesheet_json(note.color, note.style, layout.members)
    if note.text or note.tags:
        bodies = [layout.body + _json_string(note.text) + layout.comment_end] if note.text else []
        bodies.extend(layout.body + _json_string(tag) + layout.tag_end for tag in note.tags)
        parts += layout.bodies, layout.between_bodies.join(bodies), layout.bodies_end
    parts += (
        layout.target,
        _json_string(note.color.value),
        layout.between_classes,
        _json_string(note.style.value),
        layout.selectors,
        _json_string(anchor.exact),
        layout.prefix,
        _json_string(anchor.prefix),
        layout.suffix,
        _json_string(anchor.suffix),
    )
    position = _position(note, text)
    if position is not None:
        parts += layout.position, str(position[0]), layout.position_end, str(position[1])
    parts.append(layout.end)
    return "".join(parts)


_CONTEXT = _json_string(W3C_CONTEXT)


@cache
def _stylesheet_json(color: Color, style: Style, newline: str) -> str:
    return indented_json(stylesheet(color, style)).replace("\n", newline)


def export_w3c(path: Path, notes: Iterable[Note], report: Report | ReportText, *, safe: bool = False) -> Path:
    """Write the notes to `path` as W3C Web Annotation JSON (an AnnotationCollection)."""
    return write_atomically(Path(path), w3c_bytes(notes, report, safe=safe), chosen=True)
