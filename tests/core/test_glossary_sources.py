"""`source_problems`: the checks any content pack's glossary can run before it is cited."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from reader.content import Report, load_report
from reader.content_problem import ContentProblem
from reader.glossary import load_glossary
from reader.glossary_sources_check import MAX_DEFINITION_CHARS, source_problems

GOOD_DEFINITION = "A court of the United Nations that settles disputes between states, sitting in The Hague."


def entry(term_id: str, term: str, **extra) -> dict:
    return {"id": term_id, "term": term, "definition": GOOD_DEFINITION, "sources": ["A treaty, art. 1"], **extra}


def pack(tmp_path: Path, terms: list[dict], **top) -> Report:
    """A copy of the bundled content folder with a small glossary written as one entry per few lines."""
    folder = tmp_path / "content"
    shutil.copytree(Path(__file__).resolve().parents[2] / "content", folder)
    data = {"format": 2, "as_of": "2025-02-11", **top, "terms": terms}
    (folder / "glossary.json").write_text(json.dumps(data, indent=2), encoding="utf-8")
    return load_report(folder)


def problems(report: Report) -> list[ContentProblem]:
    return source_problems(load_glossary(report), report)


def test_the_bundled_glossary_has_no_problems(report: Report) -> None:
    assert [str(problem) for problem in problems(report)] == []


def test_a_clean_small_glossary_has_no_problems(tmp_path: Path) -> None:
    assert problems(pack(tmp_path, [entry("icj", "ICJ", expansion="International Court of Justice")])) == []


def test_an_entry_without_sources_is_named_with_its_file_and_line(tmp_path: Path) -> None:
    report = pack(tmp_path, [entry("icj", "ICJ"), {"id": "un", "term": "UN", "definition": GOOD_DEFINITION}])
    (problem,) = problems(report)
    lines = (report.folder / "glossary.json").read_text(encoding="utf-8").splitlines()
    assert problem.file == "glossary.json"
    assert lines[problem.line - 1].strip() == '"id": "un",'
    assert "entry “un” names no source" in problem.message


def test_web_addresses_alone_are_not_a_source(tmp_path: Path) -> None:
    (problem,) = problems(pack(tmp_path, [entry("icj", "ICJ", sources=["https://www.icj-cij.org/"])]))
    assert "only web addresses" in problem.message


def test_a_glossary_without_as_of_says_so(tmp_path: Path) -> None:
    report = pack(tmp_path, [entry("icj", "ICJ")], as_of=None)
    (problem,) = problems(report)
    assert problem.line is None
    assert "“as_of”" in problem.message


def test_a_format_1_glossary_gets_one_problem_per_missing_source_and_the_date(tmp_path: Path) -> None:
    terms = [
        {"id": "icj", "term": "ICJ", "definition": GOOD_DEFINITION},
        {"id": "un", "term": "UN", "definition": GOOD_DEFINITION},
    ]
    report = pack(tmp_path, terms, format=1, as_of=None)
    assert len(problems(report)) == 3


@pytest.mark.parametrize("alias", ["settlement", "Amnesty", "ill-treatment"])
def test_a_one_word_alias_must_be_case_bound(tmp_path: Path, alias: str) -> None:
    (problem,) = problems(pack(tmp_path, [entry("x", "Something long", aliases=[alias])]))
    assert f"one-word alias “{alias}”" in problem.message


@pytest.mark.parametrize(
    "extra",
    [
        {"aliases": ["Amnesty"], "case_bound": ["Amnesty"]},  # a capitalized name, matched only as written
        {"aliases": ["ATT"]},  # acronyms always keep their capitals
        {"aliases": ["armed groups"]},  # a phrase
    ],
)
def test_case_bound_names_acronyms_and_phrases_are_accepted(tmp_path: Path, extra: dict) -> None:
    assert problems(pack(tmp_path, [entry("x", "Something long", **extra)])) == []


def test_a_lower_case_word_listed_as_case_bound_is_still_an_ordinary_word(tmp_path: Path) -> None:
    report = pack(tmp_path, [entry("x", "Something long", aliases=["settlement"], case_bound=["settlement"])])
    assert len(problems(report)) == 1


def test_an_unexplained_acronym_in_a_definition_is_caught(tmp_path: Path) -> None:
    definition = "The most extreme level of hunger on the IPC scale used by agencies of the world."
    (problem,) = problems(pack(tmp_path, [entry("famine", "famine", definition=definition)]))
    assert "uses “IPC” in its definition without spelling it out" in problem.message


@pytest.mark.parametrize(
    "definition",
    [
        "The top level of the Integrated Food Security Phase Classification (IPC) used by agencies.",
        "Hunger at its worst, on the IPC (Integrated Food Security Phase Classification) scale used by agencies.",
        "A body whose members the ICJ elected in Article II of some treaty, as agencies say.",  # ICJ has an entry
    ],
)
def test_an_acronym_spelt_out_once_or_with_its_own_entry_is_accepted(tmp_path: Path, definition: str) -> None:
    terms = [entry("icj", "ICJ"), entry("famine", "famine", definition=definition)]
    assert problems(pack(tmp_path, terms)) == []


def test_a_definition_too_long_for_the_popup_is_caught(tmp_path: Path) -> None:
    definition = "A long sentence about a court. " * (MAX_DEFINITION_CHARS // 30 + 1)
    (problem,) = problems(pack(tmp_path, [entry("icj", "ICJ", definition=definition)]))
    assert "too long for the popup" in problem.message


def test_a_report_without_a_glossary_has_no_glossary_problems(tmp_path: Path) -> None:
    report = pack(tmp_path, [])
    manifest = json.loads((report.folder / "manifest.json").read_text(encoding="utf-8"))
    manifest["glossary"] = None
    (report.folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    assert problems(load_report(report.folder)) == []
