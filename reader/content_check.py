"""Checking a content pack the way an editor needs: every problem at once, each with its file and line.

`load_report` stops at the first thing it cannot read; `check_content` goes on and also reports what the loader
accepts but a reader would trip over (a repeated title, an empty section, glossary entries the report never uses).
`field-reader check` prints the result.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from reader.bounded_read import read_regular_file
from reader.content import MAX_CONTENT_FILE_BYTES, Report, Section, parse_sections, slugify
from reader.content_problem import ContentProblem
from reader.errors import ContentError, ReaderError
from reader.glossary import load_glossary, read_terms
from reader.glossary_rules import entry_lines, glossary_problems
from reader.manifest import MANIFEST_NAME, Manifest, is_iso_date, is_report_id, report_id_from
from reader.markdown_tree import MarkdownError, TreeBlock, TreeHeading, read_markdown

FORMAT = 1
MAX_RECOVERIES = 20  # mistakes reported per Markdown file before the rest of it is left unread
_TEXT_KEYS = ("title", "publisher", "source", "language", "edition_date")
_REQUIRED_KEYS = (*_TEXT_KEYS, "files")
_LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")
_ATX_HEADING = re.compile(r" {0,3}#{1,6}(?:[ \t]+(.*?))?[ \t]*$")
_GOOD_HEADING_ID = re.compile(r"\{#[a-z0-9][a-z0-9-]*\}")
_NUMBERED_POINT = re.compile(r" {0,3}(\(\d{1,3}\)|\d{1,3}\))[ \t]")
_LOADER_LINE = re.compile(r"line (\d+) ")
_LOADER_ENTRY = re.compile(r"entry (\d+) ")
_LOADER_NAMED_ENTRY = re.compile(r"entry “([^”]*)”")


@dataclass(frozen=True, slots=True)
class CheckResult:
    """What `check_content` found: the problems in the order of the pack's files, and what the pack holds."""

    folder: Path
    problems: tuple[ContentProblem, ...]
    sections: int
    glossary_entries: int


@dataclass(frozen=True, slots=True)
class _Heading:
    file: str
    line: int
    level: int
    title: str
    section_id: str
    explicit: bool
    has_text: bool


def check_content(folder: Path) -> CheckResult:
    """Check the content pack in `folder`: its manifest, its Markdown files, its sections and its glossary."""
    return _Checker(Path(folder)).run()


class _Checker:
    def __init__(self, folder: Path) -> None:
        self._folder = folder
        self._problems: list[ContentProblem] = []
        self._sections = 0
        self._entries = 0

    def run(self) -> CheckResult:
        if not self._folder.is_dir():
            self._add(str(self._folder), None, "is not a folder (or does not exist)")
        else:
            self._check_pack()
        unique = tuple(dict.fromkeys(self._problems))
        return CheckResult(self._folder, unique, self._sections, self._entries)

    def _add(self, file: str, line: int | None, message: str) -> None:
        self._problems.append(ContentProblem(file, line, message))

    # The manifest

    def _check_pack(self) -> None:
        text = self._read_text(MANIFEST_NAME)
        if text is None:
            return
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            self._add(MANIFEST_NAME, exc.lineno, f"is not valid JSON ({exc.msg})")
            return
        except (ValueError, RecursionError):
            self._add(MANIFEST_NAME, None, "cannot be read as JSON (nested too deeply, or a number too long)")
            return
        if not isinstance(data, dict):
            self._add(MANIFEST_NAME, 1, "must hold one JSON object")
            return
        lines = text.split("\n")
        self._check_manifest(data, lines)
        files = self._check_files(data.get("files"), lines)
        glossary = self._check_glossary_key(data, lines)
        headings, sources = self._check_markdown(files)
        self._check_headings(headings)
        report = self._report(data, files, sources, glossary)
        if report is not None:
            self._sections = len(report.sections)
            self._check_glossary(report)
        elif glossary is not None:
            self._check_glossary_file(glossary)

    def _check_manifest(self, data: dict[str, object], lines: list[str]) -> None:
        for key in _REQUIRED_KEYS:
            if key not in data or data[key] in (None, "", []):
                self._add(MANIFEST_NAME, _key_line(lines, key) or 1, f"lacks “{key}”, which every manifest needs")
        for key in _TEXT_KEYS:
            value = data.get(key)
            if value not in (None, "") and not isinstance(value, str):
                self._add(MANIFEST_NAME, _key_line(lines, key), f"“{key}” must be text")
        edition_date = data.get("edition_date")
        if isinstance(edition_date, str) and edition_date and not is_iso_date(edition_date):
            self._add(
                MANIFEST_NAME,
                _key_line(lines, "edition_date"),
                f"“edition_date” is “{edition_date}”; write the date as YYYY-MM-DD (e.g. 1948-12-10)",
            )
        language = data.get("language")
        if isinstance(language, str) and language and not _LANGUAGE_TAG.fullmatch(language):
            self._add(
                MANIFEST_NAME, _key_line(lines, "language"), f"“language” is “{language}”; write a tag such as en"
            )
        if "format" in data and data["format"] != FORMAT:
            self._add(
                MANIFEST_NAME, _key_line(lines, "format"), f"“format” is {data['format']!r}; this reader reads {FORMAT}"
            )
        given_id = data.get("id")
        if given_id is not None and not (isinstance(given_id, str) and is_report_id(given_id)):
            self._add(
                MANIFEST_NAME,
                _key_line(lines, "id"),
                "“id” must be lower-case letters and digits in words joined by single hyphens",
            )
        corrections = data.get("corrections")
        if corrections is not None and not (
            isinstance(corrections, list) and all(isinstance(item, str) for item in corrections)
        ):
            self._add(MANIFEST_NAME, _key_line(lines, "corrections"), "“corrections” must be a list of sentences")

    def _check_files(self, files: object, lines: list[str]) -> list[str]:
        """The listed files that can be read as Markdown, each once, in order."""
        if files in (None, "", []):
            return []
        files_line = _key_line(lines, "files")
        if not isinstance(files, list) or not all(isinstance(name, str) and name for name in files):
            self._add(MANIFEST_NAME, files_line, "“files” must be a list of Markdown file names")
            return []
        usable: list[str] = []
        for position, name in enumerate(files):
            occurrence = files[: position + 1].count(name)
            line = _value_line(lines, name, occurrence, after=files_line) or files_line
            if name in files[:position]:
                self._add(MANIFEST_NAME, line, f"“files” lists {name} twice; list each file once")
            elif not self._inside(name):
                self._add(MANIFEST_NAME, line, f"“{name}” must be a file inside the content folder")
            elif not (self._folder / name).is_file():
                self._add(MANIFEST_NAME, line, f"lists {name}, which is missing")
            else:
                usable.append(name)
        return usable

    def _check_glossary_key(self, data: dict[str, object], lines: list[str]) -> str | None:
        name = data.get("glossary")
        if name is None or name == "":
            return None
        line = _key_line(lines, "glossary")
        if not isinstance(name, str):
            self._add(MANIFEST_NAME, line, "“glossary” must be a file name or null")
        elif not self._inside(name):
            self._add(MANIFEST_NAME, line, f"“{name}” must be a file inside the content folder")
        elif not (self._folder / name).is_file():
            self._add(MANIFEST_NAME, line, f"names the glossary {name}, which is missing")
        else:
            return name
        return None

    def _inside(self, name: str) -> bool:
        return not (Path(name).is_absolute() or ".." in Path(name).parts)

    # The Markdown

    def _check_markdown(self, files: list[str]) -> tuple[list[_Heading], list[tuple[str, str]] | None]:
        """Every heading of the files that parse, and the files' text (None when any of them cannot be loaded)."""
        headings: list[_Heading] = []
        sources: list[tuple[str, str]] | None = []
        for name in files:
            text = self._read_text(name)
            if text is None:
                sources = None
                continue
            scanned = self._check_heading_attributes(name, text)
            self._check_joined_numbers(name, text)
            items, refused, blanked = self._read_markdown(name, text, scanned)
            if refused:
                sources = None
            if sources is not None:
                sources.append((name, text))
            heading_lines = [item.line for item in items if isinstance(item, TreeHeading)] + [len(text) + 1]
            for position, item in enumerate(items):
                if isinstance(item, TreeHeading):
                    following = items[position + 1] if position + 1 < len(items) else None
                    end = heading_lines[heading_lines.index(item.line) + 1]
                    set_aside = any(item.line < line < end for line in blanked)
                    headings.append(
                        _Heading(
                            name,
                            item.line,
                            item.level,
                            item.title,
                            item.explicit_id or slugify(item.title),
                            item.explicit_id is not None,
                            set_aside or (following is not None and not isinstance(following, TreeHeading)),
                        )
                    )
        return headings, sources

    def _read_markdown(
        self, name: str, text: str, scanned: dict[int, str]
    ) -> tuple[list[TreeHeading | TreeBlock], bool, set[int]]:
        """The file's headings and blocks (as far as they can be read), whether the loader would refuse it, and the
        lines set aside to read on.

        Each refusal is reported, then its line is set aside (a bad `{…}` dropped from its heading, any other
        line blanked) and the file read again, so one mistake does not hide the ones after it.
        """
        lines = text.split("\n")
        for number, fixed in scanned.items():
            lines[number - 1] = fixed
        refused = bool(scanned)
        previous, blanked = "", set()
        for _ in range(MAX_RECOVERIES):
            try:
                items = read_markdown("\n".join(lines), name)
            except MarkdownError as error:
                refused = True
                if error.problem == previous or not 0 < error.line <= len(lines) or not lines[error.line - 1]:
                    return [], True, blanked
                self._add(name, error.line, error.problem)
                previous, lines[error.line - 1] = error.problem, ""
                blanked.add(error.line)
                continue
            except ContentError as error:
                self._add(name, None, _loader_message(str(error)))
                return [], True, blanked
            return items, refused, blanked
        return [], True, blanked

    def _check_heading_attributes(self, name: str, text: str) -> dict[int, str]:
        """Report every heading ending in a `{…}` that is not a section id; each such line without it, by number."""
        reported: dict[int, str] = {}
        for number, line in enumerate(text.split("\n"), start=1):
            heading = _ATX_HEADING.fullmatch(line)
            if heading is None or not heading.group(1):
                continue
            title = re.sub(r"[ \t]+#+$", "", heading.group(1)).rstrip()
            braces = title[title.rfind("{") :] if "{" in title else ""
            if not braces or (not braces.endswith("}") and "{#" not in braces):
                continue
            if not _GOOD_HEADING_ID.fullmatch(braces):
                suggestion = slugify(braces.strip("{}#. ")) if braces.strip("{}#. ") else "my-id"
                self._add(
                    name,
                    number,
                    f"the heading ends with “{braces}”, which is not a section id; write {{#{suggestion}}} "
                    "(lower-case letters, digits and hyphens)",
                )
                reported[number] = line[: line.rfind("{")].rstrip()
        return reported

    def _check_joined_numbers(self, name: str, text: str) -> None:
        """Report a line opening with “(2)” or “2)” right under another line: Markdown joins the two into one
        paragraph, so the numbered points run together (only “1.” starts a list)."""
        lines = text.split("\n")
        for number in range(2, len(lines) + 1):
            line, above = lines[number - 1], lines[number - 2]
            found = _NUMBERED_POINT.match(line)
            if found and above.strip() and not _ATX_HEADING.fullmatch(above):
                self._add(
                    name,
                    number,
                    f"starts with “{found[1]}” but joins the paragraph above it; leave a blank line before it, "
                    "or write a numbered list (1. 2. 3.)",
                )

    def _check_headings(self, headings: list[_Heading]) -> None:
        by_id: dict[str, _Heading] = {}
        by_title: dict[str, _Heading] = {}
        for position, heading in enumerate(headings):
            first_title = by_title.setdefault(heading.title.casefold(), heading)
            first_id = by_id.setdefault(heading.section_id, heading)
            if first_title is not heading:
                self._add(
                    heading.file,
                    heading.line,
                    f"repeats the section title “{heading.title}” of {first_title.file}:{first_title.line}; "
                    "give one of them another title (or each its own {#id}), so the contents and links can tell "
                    "them apart",
                )
            elif first_id is not heading:
                self._add(
                    heading.file,
                    heading.line,
                    f"gives the section id “{heading.section_id}”, already used by “{first_id.title}” at "
                    f"{first_id.file}:{first_id.line}; give one of them its own {{#id}}",
                )
            following = headings[position + 1] if position + 1 < len(headings) else None
            has_children = following is not None and following.level > heading.level
            if not heading.has_text and not has_children:
                self._add(heading.file, heading.line, f"the section “{heading.title}” is empty; add its text")

    # The glossary

    def _report(
        self, data: dict[str, object], files: list[str], sources: list[tuple[str, str]] | None, glossary: str | None
    ) -> Report | None:
        """The pack as a `Report` for the glossary's rules, once every file has parsed (else None)."""
        if not sources or len(sources) != len(files):
            return None
        try:
            sections: tuple[Section, ...] = parse_sections(sources)
        except ContentError:  # a repeated {#id}: reported with its line above
            return None

        def text(key: str) -> str:
            value = data.get(key)
            return value if isinstance(value, str) else ""

        manifest = Manifest(
            id=report_id_from(text("publisher"), text("title")),
            title=text("title"),
            publisher=text("publisher"),
            source=text("source"),
            language=text("language"),
            edition_date=text("edition_date"),
            files=tuple(files),
            glossary=glossary,
            corrections=(),
        )
        return Report(manifest=manifest, sections=sections, checksum="", folder=self._folder)

    def _check_glossary(self, report: Report) -> None:
        name = report.manifest.glossary
        if not name:
            return
        try:
            glossary = load_glossary(report)
        except ReaderError as error:
            message = str(error)
            self._add(name, self._glossary_line(name, message), _loader_message(message))
            return
        self._entries = len(glossary)
        self._problems.extend(glossary_problems(glossary, report))
        try:
            from reader.glossary_sources_check import source_problems  # type: ignore[import-not-found]
        except ImportError:  # the glossary's sources are not checked by this version
            return
        self._problems.extend(source_problems(glossary, report))

    def _check_glossary_file(self, name: str) -> None:
        """The glossary read on its own, when the report cannot be (its rules need the report)."""
        try:
            self._entries = len(read_terms(self._folder / name))
        except ReaderError as error:
            message = str(error)
            self._add(name, self._glossary_line(name, message), _loader_message(message))

    def _glossary_line(self, name: str, message: str) -> int | None:
        """The line a glossary loader's message is about: the line it names, else the entry's first line."""
        if found := _LOADER_LINE.search(message):
            return int(found[1])
        text = self._read_text(name, tell=False) or ""
        starts = entry_lines(text)
        if (found := _LOADER_ENTRY.search(message)) and int(found[1]) <= len(starts):
            return starts[int(found[1]) - 1]
        if found := _LOADER_NAMED_ENTRY.search(message):
            return _value_line(text.split("\n"), found[1], 1)
        return None

    # Reading

    def _read_text(self, name: str, tell: bool = True) -> str | None:
        """A pack file's text as the loader reads it; None (and a problem, when `tell`) when it cannot be read."""
        try:
            raw = read_regular_file(self._folder / name, MAX_CONTENT_FILE_BYTES)
        except FileNotFoundError:
            if tell:
                self._add(name, None, "is missing")
            return None
        except (OSError, ReaderError) as error:
            if tell:
                self._add(name, None, f"cannot be read ({getattr(error, 'strerror', None) or error})")
            return None
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            if tell:
                self._add(name, raw[: exc.start].count(b"\n") + 1, "is not valid UTF-8; save the file as UTF-8")
            return None
        return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def _key_line(lines: list[str], key: str) -> int | None:
    """The line where a manifest key is written (the first `"key":`)."""
    pattern = re.compile(rf'"{re.escape(key)}"\s*:')
    return next((number for number, line in enumerate(lines, start=1) if pattern.search(line)), None)


def _value_line(lines: list[str], value: str, occurrence: int, after: int | None = None) -> int | None:
    """The line of the `occurrence`-th `"value"` string, counting from line `after` on."""
    needle = json.dumps(value, ensure_ascii=False)
    seen = 0
    for number, line in enumerate(lines, start=1):
        if after is not None and number < after:
            continue
        seen += line.count(needle)
        if seen >= occurrence:
            return number
    return None


def _loader_message(message: str) -> str:
    """A loader's sentence without its "Cannot load FILE: line N" opening (the problem names file and line)."""
    message = re.sub(r"^Cannot (?:load|read)(?: the glossary)?[^:]*: ", "", message)
    message = _LOADER_LINE.sub("", message, count=1) if message.startswith("line ") else message
    return message.rstrip(".")
