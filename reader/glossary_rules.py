"""The rules a glossary should keep with its report, for any content pack: `glossary_problems`.

The loader (`reader.glossary`) refuses a glossary it cannot use at all; these rules find one that loads but
misleads: an entry the report never uses, an abbreviation the report uses without an entry, a definition too long
for the popup. `field-reader check` runs them, and a test runs them on the bundled pack.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

from reader.bounded_read import read_regular_file
from reader.content import MAX_CONTENT_FILE_BYTES, Report
from reader.content_problem import ContentProblem
from reader.errors import ReaderError
from reader.glossary import Glossary, GlossaryTerm, is_acronym

MIN_DEFINITION_WORDS = 8
MAX_DEFINITION_WORDS = 90
MAX_DEFINITION_SENTENCES = 3

ACRONYM_IN_TEXT = re.compile(r"\b[A-Z][A-Z0-9&]+\b")
_ROMAN_NUMERAL = re.compile(r"[IVX]+")  # "Part II", "Article IV": numbers, not abbreviations
_SENTENCE_END = re.compile(r"[.!?](?:[”’\"')]*)(?=\s+[A-Z“‘\"(]|$)")
_TERMS_LIST = re.compile(r'"terms"\s*:\s*\[')


def glossary_problems(glossary: Glossary, report: Report) -> list[ContentProblem]:
    """Every way `glossary` and `report` disagree, or an entry breaks the glossary's rules; [] when there is no
    glossary. Each problem names the glossary file and the entry's line (or the report file and line it is about)."""
    name = report.manifest.glossary
    if not name or not len(glossary):
        return []
    lines = _entry_lines_by_id(report, name)

    def problem(term: GlossaryTerm, message: str) -> ContentProblem:
        return ContentProblem(name, lines.get(term.id), f"entry “{term.id}” {message}")

    problems: list[ContentProblem] = []
    occurring = {occurrence.term_id for occurrence in glossary.occurrences()}
    for term in glossary:
        if not term.background and term.id not in occurring:
            problems.append(
                problem(term, "is never found in the report; fix its term or aliases, or mark it “background”")
            )
        if term.background and term.id in occurring:
            sections = ", ".join(glossary.sections_of(term.id))
            problems.append(problem(term, f"is marked “background”, but the report uses it (in {sections})"))
        words = len(term.definition.split())
        sentences = len(_SENTENCE_END.findall(term.definition))
        if not MIN_DEFINITION_WORDS <= words <= MAX_DEFINITION_WORDS:
            problems.append(
                problem(
                    term,
                    f"has a definition of {words} words; the popup needs {MIN_DEFINITION_WORDS}–"
                    f"{MAX_DEFINITION_WORDS} (put the rest in “explanation”)",
                )
            )
        elif not 1 <= sentences <= MAX_DEFINITION_SENTENCES:
            problems.append(
                problem(
                    term,
                    f"has a definition of {sentences} sentences; the popup needs 1–{MAX_DEFINITION_SENTENCES} "
                    "ending with a full stop",
                )
            )
        if term.explanation and term.explanation == term.definition:
            problems.append(problem(term, "repeats its definition as its explanation; leave the explanation out"))
        if term.id in term.related:
            problems.append(problem(term, "lists itself as related"))
    problems.extend(_shared_forms(glossary, name, lines))
    problems.extend(_unmatched_acronyms(glossary, report))
    return problems


def entry_lines(text: str) -> list[int]:
    """The line each entry of a glossary file's "terms" list starts on, in order (as far as the JSON reads)."""
    found = _TERMS_LIST.search(text)
    if found is None:
        return []
    decoder = json.JSONDecoder()
    position, lines = found.end(), []
    while True:
        while position < len(text) and text[position] in " \t\r\n,":
            position += 1
        if position >= len(text) or text[position] == "]":
            return lines
        try:
            _, end = decoder.raw_decode(text, position)
        except ValueError:
            return lines
        lines.append(text.count("\n", 0, position) + 1)
        position = end


def _read_text(path: Path) -> str:
    try:
        return read_regular_file(path, MAX_CONTENT_FILE_BYTES).decode("utf-8", errors="replace")
    except (OSError, ReaderError):
        return ""


def _entry_lines_by_id(report: Report, name: str) -> dict[str, int]:
    text = _read_text(report.folder / name)
    lines: dict[str, int] = {}
    try:
        entries = json.loads(text).get("terms", [])
    except (ValueError, AttributeError, RecursionError):
        return lines
    for entry, line in zip(entries, entry_lines(text), strict=False):
        if isinstance(entry, dict) and isinstance(entry.get("id"), str):
            lines.setdefault(entry["id"], line)
    return lines


def _shared_forms(glossary: Glossary, name: str, lines: dict[str, int]) -> list[ContentProblem]:
    """A spelling given to two entries: the popup could only ever show one of them."""
    owners: dict[str, list[GlossaryTerm]] = {}
    for term in glossary:
        for form in set(term.forms):
            owners.setdefault(form if is_acronym(form) else form.casefold(), []).append(term)
    counts = Counter({form: len(terms) for form, terms in owners.items()})
    return [
        ContentProblem(
            name,
            lines.get(owners[form][-1].id),
            f"“{form}” belongs to {', '.join(f'“{term.id}”' for term in owners[form])}; keep it in one entry",
        )
        for form, count in counts.items()
        if count > 1
    ]


def _unmatched_acronyms(glossary: Glossary, report: Report) -> list[ContentProblem]:
    """An all-capitals abbreviation in the report that no entry matches where it stands."""
    unmatched: dict[str, str] = {}  # the abbreviation → the id of the first section it is unmatched in
    for section in report.sections:
        for text in (section.title, *(paragraph.text for paragraph in section.paragraphs)):
            marked = {match.start for match in glossary.find_terms(text)}
            for acronym in ACRONYM_IN_TEXT.finditer(text):
                word = acronym.group()
                if _ROMAN_NUMERAL.fullmatch(word) or word in unmatched:
                    continue
                entry = glossary.lookup(word)
                if acronym.start() not in marked or entry is None or word not in entry.forms:
                    unmatched[word] = section.id
    problems = []
    for word, section_id in unmatched.items():
        file_name, line = _first_use(report, word)
        problems.append(
            ContentProblem(
                file_name,
                line,
                f"“{word}” (in section {section_id}) is an abbreviation no glossary entry matches; "
                "give it an entry or add it to one as an alias",
            )
        )
    return problems


def _first_use(report: Report, word: str) -> tuple[str, int | None]:
    """The report file and line where `word` first stands as a whole word."""
    pattern = re.compile(rf"(?<![A-Za-z0-9]){re.escape(word)}(?![A-Za-z0-9])")
    for name in report.manifest.files:
        for number, line in enumerate(_read_text(report.folder / name).split("\n"), start=1):
            if pattern.search(line):
                return name, number
    return report.manifest.files[0], None
