"""Checks that a content pack's glossary can be cited: sources, its as-of date, safe aliases, expanded acronyms.

`source_problems(glossary, report)` returns one `ContentProblem` per mistake, each naming the glossary file and,
when it can be found, the line of the entry's `"id"`; `field-reader check` runs it with the other content checks.
An empty list means every entry names a source, every one-word alias is case-bound, every acronym in a definition
is spelt out there or has its own entry, and every definition fits the popup.
"""

from __future__ import annotations

import re

from reader.bounded_read import RefusedFileError, read_regular_file
from reader.content import MAX_CONTENT_FILE_BYTES, Report
from reader.content_problem import ContentProblem
from reader.glossary import Glossary, GlossaryTerm

# The popup is 380 px wide (about 55 characters a line in the usual interface fonts). 600 characters make at most
# about eleven lines, so the popup, with its heading, source line and links, stays under about 320 px: it fits above
# or below the term on a 768 px laptop screen, and reads in one glance. Longer text belongs in `explanation`.
MAX_DEFINITION_CHARS = 600
# A source is a citation, not a paragraph: the popup shows the first on one or two lines.
MAX_SOURCE_CHARS = 160

# Two or more capitals, possibly with digits or “&”, as a whole word (a plural “s” allowed): ICJ, UNRWA, IDPs.
_ACRONYM = re.compile(r"(?<![\w&])([A-Z][A-Z0-9&]*[A-Z][A-Z0-9&]*)(?=s?(?![\w&]))")
_ROMAN_NUMERAL = re.compile(r"[IVXLCDM]+")
_WEB_ADDRESS = re.compile(r"^(?:https?://|www\.)", re.IGNORECASE)


def source_problems(glossary: Glossary, report: Report) -> list[ContentProblem]:
    """Everything that keeps the glossary from being cited as it stands, in the order of the file."""
    file_name = report.manifest.glossary
    if not file_name or not len(glossary):
        return []
    lines = _entry_lines(report, file_name)
    problems: list[ContentProblem] = []
    if glossary.as_of is None:
        problems.append(
            ContentProblem(
                file_name,
                None,
                "the glossary does not say what date its facts are current to; add “as_of” (YYYY-MM-DD), "
                "normally the report's edition date.",
            )
        )
    for term in glossary:
        line = lines.get(term.id)
        problems.extend(ContentProblem(file_name, line, message) for message in _term_problems(glossary, term))
    return problems


def _term_problems(glossary: Glossary, term: GlossaryTerm) -> list[str]:
    entry = f"entry “{term.id}”"
    found: list[str] = []
    if not term.sources:
        found.append(
            f"{entry} names no source; add “sources”: the instrument and article, the court's decision with its "
            "date and paragraphs, or the body's own publication."
        )
    elif all(_WEB_ADDRESS.match(source) for source in term.sources):
        found.append(f"{entry} names only web addresses as sources; cite the instrument, decision or publication.")
    for source in term.sources:
        if len(source) > MAX_SOURCE_CHARS:
            found.append(
                f"{entry} has a source of {len(source)} characters (at most {MAX_SOURCE_CHARS}); shorten it to a "
                "citation."
            )
    for alias in term.aliases:
        if len(alias.split()) == 1 and not _is_case_bound_name(term, alias):
            found.append(
                f"{entry} has the one-word alias “{alias}”, which would mark every use of that word in any report; "
                "use the phrase the report uses, or list a capitalized name in “case_bound”."
            )
    for acronym in _unexplained_acronyms(glossary, term):
        found.append(
            f"{entry} uses “{acronym}” in its definition without spelling it out; write “… ({acronym})” once "
            "or give it an entry of its own."
        )
    if len(term.definition) > MAX_DEFINITION_CHARS:
        found.append(
            f"{entry} has a definition of {len(term.definition)} characters, too long for the popup (at most "
            f"{MAX_DEFINITION_CHARS}); move the rest to “explanation”."
        )
    return found


def _is_case_bound_name(term: GlossaryTerm, alias: str) -> bool:
    """A one-word alias is safe when it only matches as a capitalized name (an acronym, or listed as case-bound)."""
    return term.matches_case(alias) and any(char.isupper() for char in alias)


def _unexplained_acronyms(glossary: Glossary, term: GlossaryTerm) -> list[str]:
    """Acronyms in the definition that are neither spelt out in it nor a form of some glossary entry."""
    text = term.definition
    missing: list[str] = []
    for match in _ACRONYM.finditer(text):
        acronym = match.group(1)
        if acronym in missing or _ROMAN_NUMERAL.fullmatch(acronym):
            continue
        if acronym in term.forms or _has_entry(glossary, acronym):
            continue
        if f"({acronym})" in text or re.search(rf"\b{re.escape(acronym)}s? \(", text):
            continue
        missing.append(acronym)
    return missing


def _has_entry(glossary: Glossary, acronym: str) -> bool:
    entry = glossary.lookup(acronym)
    return entry is not None and acronym in entry.forms


def _entry_lines(report: Report, file_name: str) -> dict[str, int]:
    """The line of each entry's `"id"` in the glossary file; empty when the file cannot be read again."""
    try:
        text = read_regular_file(report.folder / file_name, MAX_CONTENT_FILE_BYTES).decode("utf-8")
    except (OSError, RefusedFileError, UnicodeDecodeError):
        return {}
    lines: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        match = re.search(r'"id"\s*:\s*"([^"]+)"', line)
        if match:
            lines.setdefault(match.group(1), number)
    return lines
