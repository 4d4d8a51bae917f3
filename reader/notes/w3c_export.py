"""Notes as W3C Web Annotation JSON: each note an Annotation, all of them in one AnnotationCollection."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from reader.atomic_file import write_atomically
from reader.content import Report, slugify
from reader.notes.anchoring import ReportText, place_note
from reader.notes.note import Note

W3C_CONTEXT = "http://www.w3.org/ns/anno.jsonld"


def source_iri(report: Report) -> str:
    """The IRI our exports name as the annotations' target source."""
    return f"urn:field-reader:{slugify(report.manifest.title)}:{report.manifest.edition_date}"


def annotation(note: Note, text: ReportText, *, safe: bool = False) -> dict[str, object]:
    """One note as a W3C Web Annotation (TextQuoteSelector, plus a TextPositionSelector when the note is placed)."""
    selectors: list[dict[str, object]] = [
        {
            "type": "TextQuoteSelector",
            "exact": note.anchor.exact,
            "prefix": note.anchor.prefix,
            "suffix": note.anchor.suffix,
        },
    ]
    placement = place_note(text, note)
    if placement.anchor is not None:
        located = text.paragraph_offset(placement.anchor.paragraph_id)
        section_start = text.document_offset(placement.anchor.section_id)
        if located is not None and section_start is not None:
            start = section_start + located[1] + placement.anchor.start
            end = start + (placement.anchor.end - placement.anchor.start)
            selectors.append({"type": "TextPositionSelector", "start": start, "end": end})
    bodies: list[dict[str, object]] = []
    if note.text:
        bodies.append({"type": "TextualBody", "value": note.text, "format": "text/plain", "purpose": "commenting"})
    bodies.extend({"type": "TextualBody", "value": tag, "purpose": "tagging"} for tag in note.tags)
    item: dict[str, object] = {
        "@context": W3C_CONTEXT,
        "id": f"urn:uuid:{note.id}",
        "type": "Annotation",
        "motivation": "commenting" if note.text else "highlighting",
    }
    if not safe:
        item["created"] = note.created.isoformat()
        item["modified"] = note.updated.isoformat()
        if note.author:
            item["creator"] = {"type": "Person", "name": note.author}
    if bodies:
        item["body"] = bodies
    item["target"] = {
        "source": source_iri(text.report),
        "styleClass": f"{note.color.value} {note.style.value}",
        "selector": selectors,
    }
    return item


def annotation_collection(
    notes: Iterable[Note], report: Report | ReportText, *, safe: bool = False, label: str | None = None
) -> dict[str, object]:
    """The notes as a W3C AnnotationCollection whose first (and only) page holds every annotation."""
    text = report if isinstance(report, ReportText) else ReportText(report)
    items = [annotation(note, text, safe=safe) for note in notes]
    return {
        "@context": W3C_CONTEXT,
        "type": "AnnotationCollection",
        "label": label or f"Notes on “{text.report.manifest.title}”",
        "total": len(items),
        "first": {"type": "AnnotationPage", "startIndex": 0, "items": items},
    }


def w3c_bytes(notes: Iterable[Note], report: Report | ReportText, *, safe: bool = False) -> bytes:
    """The notes as the bytes of a W3C Web Annotation JSON file (an AnnotationCollection)."""
    collection = annotation_collection(notes, report, safe=safe)
    return json.dumps(collection, ensure_ascii=False, indent=2).encode("utf-8") + b"\n"


def export_w3c(path: Path, notes: Iterable[Note], report: Report | ReportText, *, safe: bool = False) -> Path:
    """Write the notes to `path` as W3C Web Annotation JSON (an AnnotationCollection)."""
    return write_atomically(Path(path), w3c_bytes(notes, report, safe=safe))
