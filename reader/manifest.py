"""The content pack's manifest: `Manifest`, reading `manifest.json`, and the rules for its dates and ids."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from reader.errors import ContentError
from reader.json_load import parse_json
from reader.message import QT_TRANSLATE_NOOP, message

MANIFEST_NAME = "manifest.json"
_REQUIRED_KEYS = ("title", "publisher", "source", "language", "edition_date", "files")


@dataclass(frozen=True, slots=True)
class Manifest:
    """What the content is and where it came from.

    `id` names the report across its editions (the manifest's "id", else one made from publisher and title): notes
    belong to it, so a new edition keeps them and another report never shows them.
    """

    id: str
    title: str
    publisher: str
    source: str
    language: str
    edition_date: str
    files: tuple[str, ...]
    glossary: str | None
    corrections: tuple[str, ...]


def parse_manifest(text: str, path: Path) -> Manifest:
    """The manifest read from `text` (the file at `path`, decoded); `ContentError` naming what is wrong."""
    data = parse_json(
        text,
        path,
        ContentError,
        QT_TRANSLATE_NOOP("core", "Cannot load {name}: its JSON is nested too deeply to be a manifest."),
    )
    if not isinstance(data, dict):
        raise ContentError(
            message(QT_TRANSLATE_NOOP("core", "Cannot load {name}: it must hold one JSON object."), name=path.name)
        )
    missing = [key for key in _REQUIRED_KEYS if not data.get(key)]
    if missing:
        raise ContentError(
            message(
                QT_TRANSLATE_NOOP("core", "Cannot load {name}: it lacks {keys}."),
                name=path.name,
                keys=", ".join(missing),
            )
        )
    files = data["files"]
    if not isinstance(files, list) or not all(isinstance(name, str) and name for name in files):
        raise ContentError(
            message(
                QT_TRANSLATE_NOOP("core", "Cannot load {name}: “files” must be a list of Markdown file names."),
                name=path.name,
            )
        )
    for position, name in enumerate(files):
        if Path(name).is_absolute() or ".." in Path(name).parts:
            raise ContentError(
                message(
                    QT_TRANSLATE_NOOP("core", "Cannot load {name}: “{file}” must be a file inside the content folder."),
                    name=path.name,
                    file=name,
                )
            )
        if name in files[:position]:
            raise ContentError(
                message(
                    QT_TRANSLATE_NOOP("core", "Cannot load {name}: “files” lists {file} twice; list each file once."),
                    name=path.name,
                    file=name,
                )
            )
    text_keys = ("title", "publisher", "source", "language", "edition_date")
    for key in text_keys:
        if not isinstance(data[key], str):
            raise ContentError(
                message(QT_TRANSLATE_NOOP("core", "Cannot load {name}: “{key}” must be text."), name=path.name, key=key)
            )
    if not is_iso_date(data["edition_date"]):
        raise ContentError(
            message(
                QT_TRANSLATE_NOOP(
                    "core", "Cannot load {name}: “edition_date” is “{date}”; write the date as YYYY-MM-DD."
                ),
                name=path.name,
                date=data["edition_date"],
            )
        )
    corrections = data.get("corrections") or []
    glossary = data.get("glossary")
    given_id = data.get("id")
    if given_id is not None and not (isinstance(given_id, str) and _REPORT_ID.fullmatch(given_id)):
        raise ContentError(
            message(
                QT_TRANSLATE_NOOP("core", "Cannot load {name}: “id” must be lower-case letters, digits and hyphens."),
                name=path.name,
            )
        )
    return Manifest(
        id=given_id or report_id_from(data["publisher"], data["title"]),
        title=data["title"],
        publisher=data["publisher"],
        source=data["source"],
        language=data["language"],
        edition_date=data["edition_date"],
        files=tuple(files),
        glossary=glossary if isinstance(glossary, str) and glossary else None,
        corrections=tuple(str(item) for item in corrections),
    )


_REPORT_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def is_iso_date(text: str) -> bool:
    """Whether `text` is a calendar date written YYYY-MM-DD (the manifest's edition_date).

    Checked by hand rather than with `datetime`, which every start would otherwise import just for this.
    """
    if not _ISO_DATE.fullmatch(text):
        return False
    year, month, day = (int(part) for part in text.split("-"))
    leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    days_in_month = (31, 29 if leap else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
    return year >= 1 and 1 <= month <= 12 and 1 <= day <= days_in_month[month - 1]


def is_report_id(text: str) -> bool:
    """Whether `text` may be a manifest's id: lower-case letters and digits, in words joined by single hyphens."""
    return _REPORT_ID.fullmatch(text) is not None


def report_id_from(publisher: str, title: str) -> str:
    """A report's identity when its manifest gives none: its publisher and title, lower-cased, joined by hyphens."""
    words = re.findall(r"[a-z0-9]+", unicodedata.normalize("NFKD", f"{publisher} {title}").lower())
    return "-".join(words)[:120] or "report"
