"""Loading a content folder into a `Report` of `Section`s and `Paragraph`s."""

from __future__ import annotations

import enum
import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, NewType

from reader.bounded_read import RefusedFileError, read_regular_file
from reader.digest import sha256
from reader.errors import ContentError, ReaderError
from reader.manifest import MANIFEST_NAME, Manifest, parse_manifest
from reader.message import QT_TRANSLATE_NOOP, message

if TYPE_CHECKING:
    from reader.markdown_tree import TreeBlock, TreeHeading


SectionId = NewType("SectionId", str)
ParagraphId = NewType("ParagraphId", str)

MAX_CONTENT_FILE_BYTES = 50 * 1024 * 1024  # the manifest, a Markdown file or the glossary; the report is ~100 kB
_MAX_CACHED_BYTES = 8 * MAX_CONTENT_FILE_BYTES  # cached sections hold each paragraph's Markdown, text and HTML

# Bump when the same Markdown gives other sections or paragraphs, so sections cached by an older reader are re-read.
_CACHE_VERSION = 1


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
    the items of one list, one block quote or one call-out box; `markdown` is the inline Markdown.
    `text` (the plain text a reader sees) and `html` (the inline HTML shown) come from one parse of it,
    so they always agree; a paragraph built without `html` is rendered from its `markdown`. An item of
    a numbered list carries its number in all three.
    """

    id: ParagraphId
    section_id: SectionId
    number: int | None
    kind: BlockKind
    group: int
    markdown: str
    text: str
    ordered: bool = False
    html: str = ""


@dataclass(frozen=True, slots=True)
class Section:
    """A heading and the paragraphs under it, up to the next heading; `markdown` is that part of the source."""

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
        raise ContentError(
            message(
                QT_TRANSLATE_NOOP("core", "There is no section “{section_id}”; `field-reader sections` lists them."),
                section_id=section_id,
            )
        )

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
        raise ContentError(
            message(
                QT_TRANSLATE_NOOP("core", "There is no paragraph “{paragraph_id}” in this report."),
                paragraph_id=paragraph_id,
            )
        )

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

    folded = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii")
    folded = folded.replace("'", "")
    slug = re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")
    return slug or "section"


def plain_text(markdown: str) -> str:
    """The text a reader sees for a piece of inline Markdown."""
    from reader.markdown_tree import render_inline

    return render_inline(markdown)[1]


def load_report(folder: Path, cache_folder: Path | None = None) -> Report:
    """Read a content folder (its manifest and Markdown files) into a `Report`.

    With a cache folder, the sections parsed from the same content are kept there, so a later start skips
    parsing Markdown (and importing the parser) entirely.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise ContentError(
            message(
                QT_TRANSLATE_NOOP(
                    "core", "Cannot open the content folder {folder}: it does not exist or is not a folder."
                ),
                folder=folder,
            )
        )
    manifest_path = folder / MANIFEST_NAME
    raw_manifest = _read_bytes(
        manifest_path,
        missing=message(
            QT_TRANSLATE_NOOP("core", "Cannot load {folder}: it has no {manifest}."),
            folder=folder,
            manifest=MANIFEST_NAME,
        ),
    )
    manifest = parse_manifest(_decode(raw_manifest, manifest_path), manifest_path)
    digest = sha256(raw_manifest)
    files: list[tuple[Path, bytes]] = []
    for name in manifest.files:
        path = folder / name
        raw = _read_bytes(
            path,
            missing=message(
                QT_TRANSLATE_NOOP("core", "Cannot load {folder}: the manifest lists {name}, which is missing."),
                folder=folder,
                name=name,
            ),
        )
        digest.update(name.encode("utf-8") + b"\0" + raw)
        files.append((path, raw))
    if manifest.glossary:
        digest.update(_glossary_bytes(folder / manifest.glossary))
    checksum = digest.hexdigest()
    cache_path = None if cache_folder is None else Path(cache_folder) / "report" / f"{checksum[:32]}.json"
    sections = _read_cached_sections(cache_path) if cache_path else None
    if sections is None:
        sections = _parse_sections([(path.name, _decode(raw, path)) for path, raw in files])
        if not sections:
            raise ContentError(
                message(
                    QT_TRANSLATE_NOOP(
                        "core", "Cannot load {folder}: its Markdown has no headings, so there are no sections to show."
                    ),
                    folder=folder,
                )
            )
        if cache_path:
            _write_cached_sections(cache_path, sections)
    return Report(manifest=manifest, sections=sections, checksum=checksum, folder=folder)


def _read_bytes(path: Path, missing: str) -> bytes:
    try:
        return read_regular_file(path, MAX_CONTENT_FILE_BYTES)
    except RefusedFileError as exc:
        raise ContentError(
            message(
                QT_TRANSLATE_NOOP("core", "Cannot load {name} from {folder}: {reason}."),
                name=path.name,
                folder=path.parent,
                reason=exc.reason,
            )
        ) from exc
    except FileNotFoundError as exc:
        raise ContentError(missing) from exc
    except OSError as exc:
        raise ContentError(
            message(QT_TRANSLATE_NOOP("core", "Cannot read {path}: {reason}."), path=path, reason=exc.strerror)
        ) from exc


def _glossary_bytes(path: Path) -> bytes:
    """The glossary file for the checksum; one that cannot be read counts as absent (loading it says why)."""
    try:
        return read_regular_file(path, MAX_CONTENT_FILE_BYTES)
    except (OSError, ReaderError):
        return b""


def _decode(raw: bytes, path: Path) -> str:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ContentError(
            message(
                QT_TRANSLATE_NOOP(
                    "core", "Cannot load {name}: line {line} is not valid UTF-8; save the file as UTF-8."
                ),
                name=path.name,
                line=line,
            )
        ) from exc
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def parse_sections(files: list[tuple[str, str]]) -> tuple[Section, ...]:
    """Sections from (file name, Markdown) pairs in reading order, as `load_report` makes them (no cache)."""
    return _parse_sections(files)


def _parse_sections(files: list[tuple[str, str]]) -> tuple[Section, ...]:
    """Sections from each file's Markdown, as Python-Markdown reads it (imported only here: it costs start-up time)."""
    from reader.markdown_tree import TreeHeading, read_markdown

    builder = _SectionBuilder()
    for file_name, source in files:
        for item in read_markdown(source, file_name):
            if isinstance(item, TreeHeading):
                builder.open(item, file_name)
            else:
                builder.add(item)
    return builder.finish()


def _read_cached_sections(path: Path) -> tuple[Section, ...] | None:
    """The sections kept by `_write_cached_sections`, or None when there are none to trust."""
    try:
        version, data = json.loads(read_regular_file(path, _MAX_CACHED_BYTES))
        if version != _CACHE_VERSION:
            return None
        sections = tuple(
            Section(
                SectionId(section_id),
                title,
                level,
                parent,
                markdown,
                tuple(
                    Paragraph(
                        ParagraphId(fields[0]), SectionId(section_id), fields[1], BlockKind(fields[2]), *fields[3:]
                    )
                    for fields in paragraphs
                ),
            )
            for section_id, title, level, parent, markdown, paragraphs in data
        )
    except (OSError, ValueError, TypeError, RecursionError, ReaderError):  # none yet, or unreadable: parse again
        return None
    return sections or None


def _write_cached_sections(path: Path, sections: tuple[Section, ...]) -> None:
    data = [
        [
            section.id,
            section.title,
            section.level,
            section.parent,
            section.markdown,
            [
                [
                    paragraph.id,
                    paragraph.number,
                    paragraph.kind.value,
                    paragraph.group,
                    paragraph.markdown,
                    paragraph.text,
                    paragraph.ordered,
                    paragraph.html,
                ]
                for paragraph in section.paragraphs
            ],
        ]
        for section in sections
    ]
    from reader.atomic_file import write_cache_file

    cached = json.dumps([_CACHE_VERSION, data], ensure_ascii=False, separators=(",", ":"))
    write_cache_file(path, cached.encode("utf-8"))


class _SectionBuilder:
    """Turns the headings and blocks of the parsed files into sections, giving each its stable id."""

    def __init__(self) -> None:
        self._sections: list[Section] = []
        self._ids: set[str] = set()
        self._stack: list[tuple[int, SectionId]] = []
        self._heading: TreeHeading | None = None
        self._section_id = SectionId("")
        self._parent: SectionId | None = None
        self._paragraphs: list[Paragraph] = []
        self._last_box = 0
        self._group = self._numbered = self._callouts = 0

    def open(self, heading: TreeHeading, file_name: str) -> None:
        self._close()
        if heading.explicit_id:
            section_id = heading.explicit_id
            if section_id in self._ids:
                raise ContentError(
                    message(
                        QT_TRANSLATE_NOOP(
                            "core", "Cannot load {file_name}: line {line} repeats the section id “{section_id}”."
                        ),
                        file_name=file_name,
                        line=heading.line,
                        section_id=section_id,
                    )
                )
        else:
            base = slugify(heading.title)
            section_id, suffix = base, 2
            while section_id in self._ids:
                section_id, suffix = f"{base}-{suffix}", suffix + 1
        self._ids.add(section_id)
        while self._stack and self._stack[-1][0] >= heading.level:
            self._stack.pop()
        self._parent = self._stack[-1][1] if self._stack else None
        self._section_id = SectionId(section_id)
        self._stack.append((heading.level, self._section_id))
        self._heading = heading

    def add(self, block: TreeBlock) -> None:
        if block.box != self._last_box:  # a new paragraph, list, block quote or call-out box
            self._group, self._last_box = self._group + 1, block.box
        kind = BlockKind(block.kind)
        if kind is BlockKind.CALLOUT:
            self._callouts += 1
            paragraph_id, number = f"{self._section_id}-c{self._callouts}", None
        else:
            self._numbered += 1
            paragraph_id, number = f"{self._section_id}-p{self._numbered}", self._numbered
        self._paragraphs.append(
            Paragraph(
                id=ParagraphId(paragraph_id),
                section_id=self._section_id,
                number=number,
                kind=kind,
                group=self._group,
                markdown=block.markdown,
                text=block.text,
                ordered=block.ordered,
                html=block.html,
            )
        )

    def finish(self) -> tuple[Section, ...]:
        self._close()
        return tuple(self._sections)

    def _close(self) -> None:
        heading = self._heading
        if heading is not None:
            paragraphs = tuple(self._paragraphs)
            self._sections.append(
                Section(self._section_id, heading.title, heading.level, self._parent, heading.body, paragraphs)
            )
        self._heading = None
        self._paragraphs = []
        self._last_box = self._group = self._numbered = self._callouts = 0
