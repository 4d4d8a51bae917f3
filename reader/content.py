"""Loading a content folder into a `Report` of `Section`s and `Paragraph`s."""

from __future__ import annotations

import enum
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import NewType

from reader.errors import ContentError

try:  # WORKAROUND: hashlib loads OpenSSL (~2 ms of start-up); the built-in SHA-256 gives the same digest.
    from _sha256 import sha256
except ImportError:  # pragma: no cover - other Python builds
    from hashlib import sha256

SectionId = NewType("SectionId", str)
ParagraphId = NewType("ParagraphId", str)

MANIFEST_NAME = "manifest.json"
_REQUIRED_KEYS = ("title", "publisher", "source", "language", "edition_date", "files")

_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
_EXPLICIT_ID = re.compile(r"\s*\{#([a-z0-9][a-z0-9-]*)\}\s*$")
_LIST_ITEM = re.compile(r"^(?:[-*+]|\d{1,3}[.)])\s+(.*)$")
_CALLOUT = re.compile(r"^!!!\s+callout\b")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_TAG = re.compile(r"<[^>]+>")
_EMPHASIS = re.compile(r"(\*\*|__|\*|_|`)(?=\S)(.+?)(?<=\S)\1")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!])")


class BlockKind(enum.StrEnum):
    """What a paragraph is on the page."""

    PARAGRAPH = "paragraph"
    LIST_ITEM = "list_item"
    QUOTE = "quote"
    ATTRIBUTION = "attribution"
    CALLOUT = "callout"


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One citable block of text: a paragraph, a list item, a quote line or a call-out line.

    `number` is the ¶ number shown in reference mode (None for call-outs); `group` is shared by
    the items of one list, one block quote or one call-out box; `markdown` is the inline Markdown
    and `text` the plain text a reader sees.
    """

    id: ParagraphId
    section_id: SectionId
    number: int | None
    kind: BlockKind
    group: int
    markdown: str
    text: str
    ordered: bool = False


@dataclass(frozen=True, slots=True)
class Section:
    """A heading and the paragraphs under it, up to the next heading."""

    id: SectionId
    title: str
    level: int
    parent: SectionId | None
    markdown: str
    paragraphs: tuple[Paragraph, ...]

    @property
    def text(self) -> str:
        """The section as plain text: its title, then one paragraph per line."""
        return "\n".join([self.title, *(paragraph.text for paragraph in self.paragraphs)])


@dataclass(frozen=True, slots=True)
class Manifest:
    """What the content is and where it came from."""

    title: str
    publisher: str
    source: str
    language: str
    edition_date: str
    files: tuple[str, ...]
    glossary: str | None
    corrections: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Report:
    """The whole document: its manifest and its sections in reading order."""

    manifest: Manifest
    sections: tuple[Section, ...]
    checksum: str
    folder: Path

    def section(self, section_id: str) -> Section:
        for section in self.sections:
            if section.id == section_id:
                return section
        raise ContentError(f"There is no section “{section_id}”; `field-reader sections` lists them.")

    def has_section(self, section_id: str) -> bool:
        return any(section.id == section_id for section in self.sections)

    def index_of(self, section_id: str) -> int:
        return self.sections.index(self.section(section_id))

    def paragraphs(self) -> tuple[Paragraph, ...]:
        """Every paragraph of the report in reading order."""
        return tuple(paragraph for section in self.sections for paragraph in section.paragraphs)

    def paragraph(self, paragraph_id: str) -> Paragraph:
        for section in self.sections:
            for paragraph in section.paragraphs:
                if paragraph.id == paragraph_id:
                    return paragraph
        raise ContentError(f"There is no paragraph “{paragraph_id}” in this report.")

    def heading_path(self, section_id: str) -> tuple[Section, ...]:
        """The section and its ancestors, outermost first."""
        path: list[Section] = []
        current: SectionId | None = SectionId(section_id)
        while current is not None:
            section = self.section(current)
            path.append(section)
            current = section.parent
        return tuple(reversed(path))


def slugify(title: str) -> str:
    """A stable, readable id from a heading: lower case ASCII words joined by hyphens."""
    import unicodedata

    folded = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii")
    folded = folded.replace("'", "")
    slug = re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")
    return slug or "section"


def plain_text(markdown: str) -> str:
    """The text a reader sees for a piece of inline Markdown."""
    text = _LINK.sub(r"\1", markdown)
    text = _TAG.sub("", text)
    previous = None
    while previous != text:
        previous = text
        text = _EMPHASIS.sub(r"\2", text)
    text = _ESCAPE.sub(r"\1", text)
    return " ".join(text.split())


def load_report(folder: Path | None = None) -> Report:
    """Read a content folder (its manifest and Markdown files) into a `Report`."""
    if folder is None:
        from reader import paths

        folder = paths.content_dir()
    folder = Path(folder)
    if not folder.is_dir():
        raise ContentError(f"Cannot open the content folder {folder}: it does not exist or is not a folder.")
    manifest_path = folder / MANIFEST_NAME
    raw_manifest = _read_bytes(manifest_path, missing=f"Cannot load {folder}: it has no {MANIFEST_NAME}.")
    manifest = _parse_manifest(raw_manifest, manifest_path)
    digest = sha256(raw_manifest)
    builder = _SectionBuilder()
    for name in manifest.files:
        path = folder / name
        raw = _read_bytes(path, missing=f"Cannot load {folder}: the manifest lists {name}, which is missing.")
        digest.update(name.encode("utf-8") + b"\0" + raw)
        builder.feed(_decode(raw, path), path.name)
    if manifest.glossary:
        glossary_path = folder / manifest.glossary
        if glossary_path.is_file():
            digest.update(glossary_path.read_bytes())
    sections = builder.finish()
    if not sections:
        raise ContentError(f"Cannot load {folder}: its Markdown has no headings, so there are no sections to show.")
    return Report(manifest=manifest, sections=sections, checksum=digest.hexdigest(), folder=folder)


def _read_bytes(path: Path, missing: str) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError as exc:
        raise ContentError(missing) from exc
    except OSError as exc:
        raise ContentError(f"Cannot read {path}: {exc.strerror}.") from exc


def _decode(raw: bytes, path: Path) -> str:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ContentError(f"Cannot load {path.name}: line {line} is not valid UTF-8; save the file as UTF-8.") from exc
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def _parse_manifest(raw: bytes, path: Path) -> Manifest:
    try:
        data = json.loads(_decode(raw, path))
    except json.JSONDecodeError as exc:
        raise ContentError(f"Cannot load {path.name}: line {exc.lineno} is not valid JSON ({exc.msg}).") from exc
    if not isinstance(data, dict):
        raise ContentError(f"Cannot load {path.name}: it must hold one JSON object.")
    missing = [key for key in _REQUIRED_KEYS if not data.get(key)]
    if missing:
        raise ContentError(f"Cannot load {path.name}: it lacks {', '.join(missing)}.")
    files = data["files"]
    if not isinstance(files, list) or not all(isinstance(name, str) and name for name in files):
        raise ContentError(f"Cannot load {path.name}: “files” must be a list of Markdown file names.")
    for name in files:
        if Path(name).is_absolute() or ".." in Path(name).parts:
            raise ContentError(f"Cannot load {path.name}: “{name}” must be a file inside the content folder.")
    text_keys = ("title", "publisher", "source", "language", "edition_date")
    for key in text_keys:
        if not isinstance(data[key], str):
            raise ContentError(f"Cannot load {path.name}: “{key}” must be text.")
    corrections = data.get("corrections") or []
    glossary = data.get("glossary")
    return Manifest(
        title=data["title"],
        publisher=data["publisher"],
        source=data["source"],
        language=data["language"],
        edition_date=data["edition_date"],
        files=tuple(files),
        glossary=glossary if isinstance(glossary, str) and glossary else None,
        corrections=tuple(str(item) for item in corrections),
    )


@dataclass(slots=True)
class _Block:
    kind: BlockKind
    lines: list[str]
    ordered: bool = False


class _SectionBuilder:
    """Turns Markdown lines into sections, one heading at a time."""

    def __init__(self) -> None:
        self._sections: list[Section] = []
        self._ids: set[str] = set()
        self._stack: list[tuple[int, SectionId]] = []
        self._current: tuple[SectionId, str, int, SectionId | None] | None = None
        self._lines: list[str] = []

    def feed(self, text: str, file_name: str) -> None:
        in_fence = False
        for number, line in enumerate(text.split("\n"), start=1):
            if line.startswith("```"):
                in_fence = not in_fence
            match = None if in_fence else _HEADING.match(line)
            if match:
                self._close()
                self._open(match.group(1), match.group(2), file_name, number)
            elif self._current is None:
                if line.strip():
                    raise ContentError(
                        f"Cannot load {file_name}: line {number} has text before the first heading; "
                        "start the file with a heading."
                    )
            else:
                self._lines.append(line)
        self._close()

    def finish(self) -> tuple[Section, ...]:
        return tuple(self._sections)

    def _open(self, hashes: str, heading: str, file_name: str, number: int) -> None:
        level = len(hashes)
        explicit = _EXPLICIT_ID.search(heading)
        title = _EXPLICIT_ID.sub("", heading).strip() if explicit else heading
        title = plain_text(title)
        if explicit:
            section_id = explicit.group(1)
            if section_id in self._ids:
                raise ContentError(f"Cannot load {file_name}: line {number} repeats the section id “{section_id}”.")
        else:
            base = slugify(title)
            section_id, suffix = base, 2
            while section_id in self._ids:
                section_id, suffix = f"{base}-{suffix}", suffix + 1
        self._ids.add(section_id)
        while self._stack and self._stack[-1][0] >= level:
            self._stack.pop()
        parent = self._stack[-1][1] if self._stack else None
        self._stack.append((level, SectionId(section_id)))
        self._current = (SectionId(section_id), title, level, parent)
        self._lines = []

    def _close(self) -> None:
        if self._current is None:
            return
        section_id, title, level, parent = self._current
        markdown = "\n".join(self._lines).strip("\n")
        paragraphs = tuple(_paragraphs(section_id, _blocks(self._lines)))
        self._sections.append(Section(section_id, title, level, parent, markdown, paragraphs))
        self._current = None


def _blocks(lines: list[str]) -> list[_Block]:
    """Split a section body into blocks: paragraphs, list items, quote paragraphs, call-out lines."""
    blocks: list[_Block] = []
    current: _Block | None = None
    mode = ""
    for line in lines:
        stripped = line.strip()
        if mode == "callout":
            if line.startswith(("    ", "\t")) or not stripped:
                if not stripped:
                    current = None
                elif current is None:
                    current = _Block(BlockKind.CALLOUT, [stripped])
                    blocks.append(current)
                else:
                    current.lines.append(stripped)
                continue
            mode = ""
        if not stripped:
            if mode != "quote":
                current, mode = None, ""
            else:
                current = None
            continue
        if _CALLOUT.match(stripped):
            current, mode = None, "callout"
            blocks.append(_Block(BlockKind.CALLOUT, []))  # marks where the box starts
            continue
        if stripped.startswith(">"):
            body = stripped[1:].strip()
            if mode != "quote":
                blocks.append(_Block(BlockKind.QUOTE, []))  # marks where the quote starts
                mode, current = "quote", None
            if not body:
                current = None
            elif current is None:
                kind = BlockKind.ATTRIBUTION if body.startswith(("—", "--")) else BlockKind.QUOTE
                body = body.lstrip("—-").strip() if kind is BlockKind.ATTRIBUTION else body
                current = _Block(kind, [body])
                blocks.append(current)
            else:
                current.lines.append(body)
            continue
        if mode == "quote":
            mode, current = "", None
        item = _LIST_ITEM.match(stripped)
        if item and (current is None or current.kind is BlockKind.LIST_ITEM):
            ordered = stripped[0].isdigit()
            if current is None or current.kind is not BlockKind.LIST_ITEM:
                blocks.append(_Block(BlockKind.LIST_ITEM, [], ordered))  # marks where the list starts
            current = _Block(BlockKind.LIST_ITEM, [item.group(1)], ordered)
            blocks.append(current)
            mode = "list"
            continue
        if current is None:
            current = _Block(BlockKind.PARAGRAPH, [stripped])
            blocks.append(current)
        else:
            current.lines.append(stripped)
    return blocks


def _paragraphs(section_id: SectionId, blocks: list[_Block]):
    number = 0
    callouts = 0
    group = 0
    for block in blocks:
        if not block.lines:  # a marker: the next blocks share a container
            group += 1
            continue
        if block.kind is BlockKind.PARAGRAPH:
            group += 1
        markdown = " ".join(block.lines)
        if block.kind is BlockKind.CALLOUT:
            callouts += 1
            paragraph_id, paragraph_number = f"{section_id}-c{callouts}", None
        else:
            number += 1
            paragraph_id, paragraph_number = f"{section_id}-p{number}", number
        yield Paragraph(
            id=ParagraphId(paragraph_id),
            section_id=section_id,
            number=paragraph_number,
            kind=block.kind,
            group=group,
            markdown=markdown,
            text=plain_text(markdown),
            ordered=block.ordered,
        )
