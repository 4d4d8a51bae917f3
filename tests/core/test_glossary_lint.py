"""Content lint for the bundled glossary: the rules every pack's glossary keeps (`reader.glossary_rules`), plus the
entries this report's glossary issue asked for."""

from __future__ import annotations

import pytest

from reader.content import Report
from reader.glossary import Glossary, load_glossary
from reader.glossary_rules import glossary_problems

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


@pytest.fixture(scope="module")
def glossary(report: Report) -> Glossary:
    return load_glossary(report)


def test_glossary_has_at_least_40_entries(glossary: Glossary) -> None:
    assert len(glossary) >= 40


@pytest.mark.parametrize("name", REQUIRED)
def test_every_term_the_issue_lists_has_an_entry(glossary: Glossary, name: str) -> None:
    assert glossary.lookup(name) is not None, f"no glossary entry for “{name}”"


def test_the_bundled_glossary_keeps_every_rule(report: Report, glossary: Glossary) -> None:
    assert [str(problem) for problem in glossary_problems(glossary, report)] == []


def test_the_report_uses_abbreviations_so_the_acronym_rule_checks_something(report: Report) -> None:
    from reader.glossary_rules import ACRONYM_IN_TEXT

    texts = [text for section in report.sections for text in (section.title, *(p.text for p in section.paragraphs))]
    assert any(ACRONYM_IN_TEXT.search(text) for text in texts)
