"""The glossary: `GlossaryTerm`s loaded from the content folder, and finding them in the report's text."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import NewType

from reader.bounded_read import RefusedFileError, read_regular_file
from reader.content import MAX_CONTENT_FILE_BYTES, ParagraphId, Report, SectionId
from reader.errors import ContentError
from reader.json_load import parse_json
from reader.message import QT_TRANSLATE_NOOP, message

TermId = NewType("TermId", str)

GLOSSARY_FORMAT = 2  # 2 added `as_of`, `sources` and `case_bound`; format 1 files still load
READABLE_FORMATS = (1, 2)
_ID = re.compile(r"[a-z0-9][a-z0-9-]*")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_ACRONYM = re.compile(r"[A-Z][A-Z0-9&]+")
_SIBILANT_END = ("s", "x", "z", "ch", "sh")


class GlossaryError(ContentError):
    """The glossary file cannot be loaded."""


@dataclass(frozen=True, slots=True)
class GlossaryTerm:
    """One glossary entry.

    `term` is the heading (“ICJ”), `expansion` what an abbreviation stands for (“International Court of
    Justice”), `aliases` the other words that mean the same entry; all three are marked in the text.
    `background` entries explain an idea the report relies on without naming it. `sources` are short citations
    (an instrument and article, a court's decision with its date and paragraphs, a body's own publication), the
    first being the one the popup shows. `case_bound` holds the forms that match only with their capitals as
    written (“Amnesty”, not “amnesty”), as all-capitals acronyms always do.
    """

    id: TermId
    term: str
    expansion: str | None
    aliases: tuple[str, ...]
    definition: str
    explanation: str | None
    related: tuple[TermId, ...]
    background: bool = False
    sources: tuple[str, ...] = ()
    case_bound: tuple[str, ...] = ()

    @property
    def forms(self) -> tuple[str, ...]:
        """Every spelling that refers to this entry: the term, its expansion, then its aliases."""
        return (self.term, *((self.expansion,) if self.expansion else ()), *self.aliases)

    @property
    def is_acronym(self) -> bool:
        return is_acronym(self.term)

    def matches_case(self, form: str) -> bool:
        """True when `form` matches only with its capitals as written: an acronym, or a form listed as case-bound."""
        return is_acronym(form) or form in self.case_bound


@dataclass(frozen=True, slots=True)
class TermMatch:
    """Where a glossary term occurs in a piece of text: `text[start:end]` refers to the entry `term_id`."""

    term_id: TermId
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class TermOccurrence:
    """A glossary term found in the report: the paragraph (or section title, when `paragraph_id` is None)."""

    term_id: TermId
    section_id: SectionId
    paragraph_id: ParagraphId | None
    start: int
    end: int


def is_acronym(form: str) -> bool:
    """True for all-capitals abbreviations such as “ICJ”, which match case-sensitively."""
    return _ACRONYM.fullmatch(form) is not None


class Glossary:
    """Every `GlossaryTerm` of the report, and where each one occurs in it."""

    def __init__(self, terms: tuple[GlossaryTerm, ...], report: Report | None = None, as_of: str | None = None) -> None:
        self._terms = terms
        self._by_id = {term.id: term for term in terms}
        self._report = report
        self._as_of = as_of
        self._pattern, self._group_terms = _compile(terms)
        self._occurrences: tuple[TermOccurrence, ...] | None = None

    def __len__(self) -> int:
        return len(self._terms)

    def __iter__(self) -> Iterator[GlossaryTerm]:
        return iter(self._terms)

    @property
    def terms(self) -> tuple[GlossaryTerm, ...]:
        """The entries in the order of the glossary file."""
        return self._terms

    @property
    def as_of(self) -> str | None:
        """The date (`YYYY-MM-DD`) the glossary's facts are current to, or None when the file does not say."""
        return self._as_of

    def sorted_terms(self) -> tuple[GlossaryTerm, ...]:
        """The entries in alphabetical order, ignoring case."""
        return tuple(sorted(self._terms, key=lambda term: term.term.casefold()))

    def term(self, term_id: str) -> GlossaryTerm:
        try:
            return self._by_id[TermId(term_id)]
        except KeyError:
            raise GlossaryError(
                message(
                    QT_TRANSLATE_NOOP(
                        "core", "There is no glossary entry “{term_id}”; `field-reader glossary` lists them."
                    ),
                    term_id=term_id,
                )
            ) from None

    def has_term(self, term_id: str) -> bool:
        return term_id in self._by_id

    def lookup(self, name: str) -> GlossaryTerm | None:
        """The entry whose id, term, expansion or alias is `name`, ignoring case (acronyms first by exact case)."""
        wanted = " ".join(name.split())
        if wanted in self._by_id:
            return self._by_id[TermId(wanted)]
        for term in self._terms:
            if wanted in term.forms:
                return term
        folded = wanted.casefold()
        for term in self._terms:
            if any(form.casefold() == folded for form in term.forms):
                return term
        match = self._pattern.fullmatch(wanted) if self._pattern else None
        return self._by_id[self._group_terms[match.lastgroup]] if match and match.lastgroup else None

    def find_terms(self, text: str) -> tuple[TermMatch, ...]:
        """Every glossary term in `text`, left to right; where two overlap, the longer one wins."""
        if self._pattern is None:
            return ()
        return tuple(
            TermMatch(self._group_terms[match.lastgroup], match.start(), match.end(), match.group())
            for match in self._pattern.finditer(text)
            if match.lastgroup
        )

    def term_at(self, text: str, offset: int) -> TermMatch | None:
        """The term covering `offset` in `text` (a cursor right after a term counts as on it)."""
        for match in self.find_terms(text):
            if match.start <= offset <= match.end:
                return match
        return None

    def occurrences(self) -> tuple[TermOccurrence, ...]:
        """Every term found in the report's section titles and paragraphs, in reading order."""
        if self._occurrences is None:
            found: list[TermOccurrence] = []
            for section in self._report.sections if self._report else ():
                for match in self.find_terms(section.title):
                    found.append(TermOccurrence(match.term_id, section.id, None, match.start, match.end))
                for paragraph in section.paragraphs:
                    for match in self.find_terms(paragraph.text):
                        found.append(TermOccurrence(match.term_id, section.id, paragraph.id, match.start, match.end))
            self._occurrences = tuple(found)
        return self._occurrences

    def sections_of(self, term_id: str) -> tuple[SectionId, ...]:
        """The ids of the sections where the term or one of its forms occurs, in reading order."""
        self.term(term_id)
        sections: dict[SectionId, None] = {}
        for occurrence in self.occurrences():
            if occurrence.term_id == term_id:
                sections[occurrence.section_id] = None
        return tuple(sections)


def load_glossary(report: Report) -> Glossary:
    """The glossary named by the report's manifest; an empty one when the manifest names none."""
    name = report.manifest.glossary
    if not name:
        return Glossary((), report)
    terms, as_of = read_glossary_file(report.folder / name)
    return Glossary(terms, report, as_of)


def read_terms(path: Path) -> tuple[GlossaryTerm, ...]:
    """The entries of one glossary file, checked: ids unique, related entries present, no form in two entries."""
    return read_glossary_file(path)[0]


def read_glossary_file(path: Path) -> tuple[tuple[GlossaryTerm, ...], str | None]:
    """The entries of one glossary file, checked, and the date its facts are current to (`as_of`, if given)."""
    try:
        raw = read_regular_file(path, MAX_CONTENT_FILE_BYTES).decode("utf-8")
    except RefusedFileError as exc:
        raise GlossaryError(
            message(
                QT_TRANSLATE_NOOP("core", "Cannot load the glossary {name}: {reason}."),
                name=path.name,
                reason=exc.reason,
            )
        ) from exc
    except FileNotFoundError as exc:
        raise GlossaryError(
            message(
                QT_TRANSLATE_NOOP(
                    "core",
                    "Cannot load the glossary: {name} is missing; add it or remove “glossary” from the manifest.",
                ),
                name=path.name,
            )
        ) from exc
    except UnicodeDecodeError as exc:
        raise GlossaryError(
            message(
                QT_TRANSLATE_NOOP("core", "Cannot load the glossary: {name} is not valid UTF-8; save it as UTF-8."),
                name=path.name,
            )
        ) from exc
    except OSError as exc:
        raise GlossaryError(
            message(
                QT_TRANSLATE_NOOP("core", "Cannot read the glossary {path}: {reason}."), path=path, reason=exc.strerror
            )
        ) from exc
    data = parse_json(
        raw,
        path,
        GlossaryError,
        QT_TRANSLATE_NOOP("core", "Cannot load {name}: its JSON is nested too deeply to be a glossary."),
    )
    if not isinstance(data, dict) or not isinstance(data.get("terms"), list):
        raise GlossaryError(
            message(
                QT_TRANSLATE_NOOP("core", "Cannot load {name}: it must hold one JSON object with a “terms” list."),
                name=path.name,
            )
        )
    glossary_format = data.get("format", 1)
    if glossary_format not in READABLE_FORMATS or isinstance(glossary_format, bool):
        raise GlossaryError(
            message(
                QT_TRANSLATE_NOOP(
                    "core",
                    "Cannot load {name}: it is in glossary format {glossary_format}, but this version reads formats "
                    "1 to {newest}; update Field Reader.",
                ),
                name=path.name,
                glossary_format=glossary_format,
                newest=GLOSSARY_FORMAT,
            )
        )
    as_of = _parse_as_of(data.get("as_of"), path.name)
    terms = tuple(_parse_term(entry, number, path.name) for number, entry in enumerate(data["terms"], start=1))
    _check(terms, path.name)
    return terms, as_of


def _parse_as_of(value: object, file_name: str) -> str | None:
    if value is None:
        return None
    if isinstance(value, str) and _DATE.fullmatch(value):
        try:
            date.fromisoformat(value)
        except ValueError:
            pass
        else:
            return value
    raise GlossaryError(
        message(
            QT_TRANSLATE_NOOP(
                "core", "Cannot load {file_name}: its “as_of” must be a date written YYYY-MM-DD, like 2025-02-11."
            ),
            file_name=file_name,
        )
    )


def _parse_term(entry: object, number: int, file_name: str) -> GlossaryTerm:
    where = message(QT_TRANSLATE_NOOP("core", "Cannot load {name}: entry {number}"), name=file_name, number=number)
    if not isinstance(entry, dict):
        raise GlossaryError(message(QT_TRANSLATE_NOOP("core", "{where} must be a JSON object."), where=where))
    for key in ("id", "term", "definition"):
        if not isinstance(entry.get(key), str) or not entry[key].strip():
            raise GlossaryError(
                message(QT_TRANSLATE_NOOP("core", "{where} needs a non-empty text “{key}”."), where=where, key=key)
            )
    term_id = entry["id"]
    where = message(QT_TRANSLATE_NOOP("core", "Cannot load {name}: entry “{term_id}”"), name=file_name, term_id=term_id)
    if not _ID.fullmatch(term_id):
        raise GlossaryError(
            message(
                QT_TRANSLATE_NOOP("core", "{where} needs an id of lower-case letters, digits and hyphens."), where=where
            )
        )
    for key in ("expansion", "explanation"):
        if entry.get(key) is not None and not isinstance(entry[key], str):
            raise GlossaryError(
                message(QT_TRANSLATE_NOOP("core", "{where} has a “{key}” that is not text."), where=where, key=key)
            )
    for key in ("aliases", "related", "sources", "case_bound"):
        value = entry.get(key, [])
        if not isinstance(value, list) or not all(isinstance(item, str) and item.strip() for item in value):
            raise GlossaryError(
                message(
                    QT_TRANSLATE_NOOP("core", "{where} has a “{key}” that is not a list of texts."),
                    where=where,
                    key=key,
                )
            )
    if not isinstance(entry.get("background", False), bool):
        raise GlossaryError(
            message(QT_TRANSLATE_NOOP("core", "{where} has a “background” that is not true or false."), where=where)
        )
    term = GlossaryTerm(
        id=TermId(term_id),
        term=_clean(entry["term"]),
        expansion=_clean(entry.get("expansion") or "") or None,
        aliases=tuple(_clean(alias) for alias in entry.get("aliases", [])),
        definition=_clean(entry["definition"]),
        explanation=_clean(entry.get("explanation") or "") or None,
        related=tuple(TermId(item) for item in entry.get("related", [])),
        background=entry.get("background", False),
        sources=tuple(_clean(source) for source in entry.get("sources", [])),
        case_bound=tuple(_clean(form) for form in entry.get("case_bound", [])),
    )
    for form in term.case_bound:
        if form not in term.forms:
            raise GlossaryError(
                message(
                    QT_TRANSLATE_NOOP(
                        "core",
                        "{where} lists “{form}” as case-bound, but it is not its term, expansion or one of its "
                        "aliases.",
                    ),
                    where=where,
                    form=form,
                )
            )
    return term


def _clean(text: str) -> str:
    return " ".join(text.split())


def _check(terms: tuple[GlossaryTerm, ...], file_name: str) -> None:
    ids: set[str] = set()
    owners: dict[str, TermId] = {}
    for term in terms:
        if term.id in ids:
            raise GlossaryError(
                message(
                    QT_TRANSLATE_NOOP("core", "Cannot load {file_name}: the id “{term_id}” is used by two entries."),
                    file_name=file_name,
                    term_id=term.id,
                )
            )
        ids.add(term.id)
        for form in term.forms:
            key = _form_key(form)
            owner = owners.setdefault(key, term.id)
            if owner != term.id:
                raise GlossaryError(
                    message(
                        QT_TRANSLATE_NOOP(
                            "core",
                            "Cannot load {file_name}: “{form}” belongs to both “{owner}” and “{term_id}”; keep it in "
                            "one.",
                        ),
                        file_name=file_name,
                        form=form,
                        owner=owner,
                        term_id=term.id,
                    )
                )
    for term in terms:
        for related in term.related:
            if related not in ids:
                raise GlossaryError(
                    message(
                        QT_TRANSLATE_NOOP(
                            "core",
                            "Cannot load {file_name}: entry “{term_id}” lists the related entry “{related}”, which "
                            "does not exist.",
                        ),
                        file_name=file_name,
                        term_id=term.id,
                        related=related,
                    )
                )


def _form_key(form: str) -> str:
    """Forms that match the same text share a key: acronyms keep their case, words are folded."""
    return form if is_acronym(form) else form.casefold().replace("’", "'")


def _compile(terms: tuple[GlossaryTerm, ...]) -> tuple[re.Pattern[str] | None, dict[str, TermId]]:
    """One regular expression with a named group per form, longest forms first so the longest match wins.

    The forms are gathered by the characters they can begin at, each gathering behind a look at the next character:
    at each word the expression tries only the forms that can begin there, not every form in turn (a tenth of the
    time over the report). Forms that can begin at the same character are in the same gathering, in the same order,
    so the longest still wins.
    """
    forms = [(form, term.id, term.matches_case(form)) for term in terms for form in term.forms]
    if not forms:
        return None, {}
    forms.sort(key=lambda item: (-len(item[0]), item[0]))
    group_terms: dict[str, TermId] = {}
    alternatives = []
    for number, (form, term_id, exact_case) in enumerate(forms):
        group = f"f{number}"
        group_terms[group] = term_id
        alternatives.append(
            (f"(?P<{group}>{_form_pattern(form, exact_case=exact_case)})", _starts_of(form[0], exact_case))
        )
    gatherings = (
        "(?=[" + "".join(sorted(map(_in_class, starts))) + "])(?:" + "|".join(patterns) + ")"
        for patterns, starts in _gathered(alternatives)
    )
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(gatherings) + r")(?!\w)")
    return pattern, group_terms


def _gathered(alternatives: list[tuple[str, set[str]]]) -> list[tuple[list[str], set[str]]]:
    """The alternatives (a pattern and the characters it can begin at) gathered so that any two that can begin at
    the same character are in one gathering, in the order given; each gathering with the characters it can begin at."""
    gatherings: list[tuple[list[tuple[int, str]], set[str]]] = []
    for index, (pattern, starts) in enumerate(alternatives):
        joined = [gathering for gathering in gatherings if gathering[1] & starts]
        members, chars = [(index, pattern)], set(starts)
        for gathering in joined:
            gatherings.remove(gathering)
            members += gathering[0]
            chars |= gathering[1]
        gatherings.append((sorted(members), chars))
    return [([pattern for _index, pattern in members], chars) for members, chars in gatherings]


def _starts_of(first: str, exact_case: bool) -> set[str]:
    """The characters of a text a form beginning with `first` can begin at (as `_form_pattern` writes it): under
    Python's case-blind matching every character it takes for `first`, such as the Kelvin sign for k."""
    written = _WRITTEN_AS.get(first, first)
    if exact_case:
        return set(written)
    return {kin for char in written for kin in _case_kin(char) if re.fullmatch(re.escape(char), kin, re.IGNORECASE)}


_WRITTEN_AS = {"'": "'’", "’": "'’", "-": "-‐‑"}  # characters `_word_pattern` lets stand for one another
# Characters Python's case-blind matching takes for another letter than their own lower or upper case says.
_CASE_ODDITIES = (
    "\u212a\u017f\u212b\u0130\u0131\u03c2\u1e9e\u1e9b\u03d0\u03d1\u03d5\u03d6\u03f0\u03f1\u03f5\u1fbe\u0345\u00b5"
)


def _case_kin(char: str) -> set[str]:
    """`char` in every case, and the odd characters whose case meets one of those (candidates, to be tested)."""
    kin = {char, char.lower(), char.upper(), char.casefold(), char.swapcase(), char.title()}
    kin |= {odd for odd in _CASE_ODDITIES if odd.lower() in kin or odd.upper() in kin}
    return {one for one in kin if len(one) == 1}


def _in_class(char: str) -> str:
    """A character written to stand for itself inside [...]."""
    return "\\" + char if char in "\\]^-[" else char


def _form_pattern(form: str, *, exact_case: bool = False) -> str:
    """A form as a regular expression: any white space between words, either apostrophe, a plural ending.

    Acronyms and case-bound forms keep their capitals; any other form ignores case.
    """
    if is_acronym(form):
        return re.escape(form) + "s?"
    *head, last = form.split()
    if re.search(r"[^aeiou]y$", last, re.IGNORECASE):
        last_pattern = _word_pattern(last[:-1]) + "(?:y|ies)"
    else:
        last_pattern = _word_pattern(last) + _plural(last)
    pattern = r"\s+".join([*(_word_pattern(word) for word in head), last_pattern])
    return pattern if exact_case else "(?i:" + pattern + ")"


def _word_pattern(word: str) -> str:
    return "".join("['’]" if char in "'’" else "[-‐‑]" if char == "-" else re.escape(char) for char in word)


def _plural(word: str) -> str:
    lower = word.lower()
    if not lower[-1:].isalpha():
        return ""
    if lower.endswith(_SIBILANT_END):
        return "(?:es)?"
    return "s?"
