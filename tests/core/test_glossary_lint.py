"""Content lint for the bundled glossary: coverage of the report, unique aliases, popup-sized definitions."""

from __future__ import annotations

import json
import re
from collections import Counter

import pytest

from reader.content import Report
from reader.glossary import Glossary, is_acronym, load_glossary

REQUIRED = [
    "ICJ", "ICC", "UN", "UN General Assembly", "UN Protection Cluster",
    "Genocide Convention", "Apartheid Convention", "Arms Trade Treaty", "Rome Statute",
    "apartheid", "genocide", "specific intent", "occupation", "annexation", "provisional measures",
    "advisory opinion", "war crimes", "crimes against humanity", "international humanitarian law",
    "incommunicado detention", "enforced disappearance", "detention without charge or trial", "reparation",
    "OPT", "West Bank", "East Jerusalem", "Gaza Strip", "Rafah Crossing", "Deir al-Balah",
    "Hamas", "al-Qassam Brigades", "Amnesty International",
    "Red Wolf", "closure system", "blockade", "settlements", "evacuation orders",
    "IDP", "International Court of Justice", "Occupied Palestinian Territory", "internally displaced person",
]  # fmt: skip

_ACRONYM_IN_TEXT = re.compile(r"\b[A-Z][A-Z0-9&]+\b")
_SENTENCE_END = re.compile(r"[.!?](?:[”’\"')]*)(?=\s+[A-Z“‘\"(]|$)")


@pytest.fixture(scope="module")
def glossary(report: Report) -> Glossary:
    return load_glossary(report)


def report_texts(report: Report) -> list[str]:
    return [text for section in report.sections for text in (section.title, *(p.text for p in section.paragraphs))]


def test_glossary_has_at_least_40_entries(glossary: Glossary) -> None:
    assert len(glossary) >= 40


@pytest.mark.parametrize("name", REQUIRED)
def test_every_term_the_issue_lists_has_an_entry(glossary: Glossary, name: str) -> None:
    assert glossary.lookup(name) is not None, f"no glossary entry for “{name}”"


def test_every_entry_occurs_in_the_report_or_is_background(glossary: Glossary) -> None:
    occurring = {occurrence.term_id for occurrence in glossary.occurrences()}
    missing = [term.id for term in glossary if not term.background and term.id not in occurring]
    assert missing == [], f"entries never found in the report; mark them background or fix their aliases: {missing}"


def test_background_entries_do_not_occur_in_the_report(glossary: Glossary) -> None:
    occurring = {occurrence.term_id for occurrence in glossary.occurrences()}
    wrongly = [term.id for term in glossary if term.background and term.id in occurring]
    assert wrongly == [], f"entries marked background but found in the report: {wrongly}"


def test_every_acronym_in_the_report_has_an_entry(report: Report, glossary: Glossary) -> None:
    acronyms = {word for text in report_texts(report) for word in _ACRONYM_IN_TEXT.findall(text)}
    assert acronyms, "the lint found no acronyms at all, so it checks nothing"
    missing = sorted(
        word for word in acronyms if glossary.lookup(word) is None or word not in glossary.lookup(word).forms
    )
    assert missing == []


def test_every_acronym_in_the_report_is_marked_where_it_occurs(report: Report, glossary: Glossary) -> None:
    for text in report_texts(report):
        marked = {match.start for match in glossary.find_terms(text)}
        for acronym in _ACRONYM_IN_TEXT.finditer(text):
            assert acronym.start() in marked, f"“{acronym.group()}” not marked in: {text[:60]}…"


def test_no_alias_belongs_to_two_entries(report: Report) -> None:
    data = json.loads((report.folder / report.manifest.glossary).read_text(encoding="utf-8"))
    forms = Counter(
        form if is_acronym(form) else form.casefold()
        for entry in data["terms"]
        for form in {
            entry["term"],
            *(entry.get("aliases") or []),
            *([entry["expansion"]] if entry.get("expansion") else []),
        }
    )
    assert [form for form, count in forms.items() if count > 1] == []


def test_definitions_are_popup_sized(glossary: Glossary) -> None:
    wrong = []
    for term in glossary:
        words = len(term.definition.split())
        sentences = len(_SENTENCE_END.findall(term.definition))
        if not 8 <= words <= 90 or not 1 <= sentences <= 3:
            wrong.append(f"{term.id}: {words} words, {sentences} sentences")
    assert wrong == []


def test_explanations_add_to_the_definition(glossary: Glossary) -> None:
    assert all(term.explanation != term.definition for term in glossary)


def test_related_entries_point_elsewhere(glossary: Glossary) -> None:
    assert [term.id for term in glossary if term.id in term.related] == []
