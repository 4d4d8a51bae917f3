"""The glossary's expression gathers its forms by the characters they begin at, to try fewer at each word: it finds
exactly what one plain alternation of every form, longest first, finds, in the report and in made-up text."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.content import Report
from reader.glossary import Glossary, _form_pattern, load_glossary

from .test_glossary import make_term


def plain_expression(glossary: Glossary) -> re.Pattern[str]:
    """Every form in one alternation, longest first, as the glossary's expression was written before."""
    forms = [(form, term.matches_case(form)) for term in glossary.terms for form in term.forms]
    forms.sort(key=lambda item: (-len(item[0]), item[0]))
    alternatives = [
        f"(?P<f{number}>{_form_pattern(form, exact_case=exact)})" for number, (form, exact) in enumerate(forms)
    ]
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)")


def found(expression: re.Pattern[str], text: str) -> list[tuple[str | None, int, int]]:
    return [(match.lastgroup, match.start(), match.end()) for match in expression.finditer(text)]


def test_the_report_holds_the_same_terms_at_the_same_places(report: Report) -> None:
    glossary = load_glossary(report)
    plain = plain_expression(glossary)
    texts = [section.title for section in report.sections] + [paragraph.text for paragraph in report.paragraphs()]
    assert sum(len(found(plain, text)) for text in texts) > 100
    for text in texts:
        assert glossary._pattern is not None
        assert found(glossary._pattern, text) == found(plain, text), text


# Forms that begin alike in one case or another, with acronyms among them, and characters Python's case-blind
# matching takes for another letter (the Kelvin sign for k, the long s for s, the dotless i for I).
ODD_GLOSSARY = Glossary(
    (
        make_term("kin", "kin", "KIN", "Kinship law"),
        make_term("ksa", "KSA"),
        make_term("settler", "settler", "settler violence", "Security Council"),
        make_term("sc", "SC"),
        make_term("icj", "ICJ", "International Court"),
        make_term("israel", "Israel", "Israeli forces"),
        make_term("occupier", "occupier", "'occupied'", "-occupied zone"),
    )
)
PIECES = [
    "kin",
    "KIN",
    "Kinship law",
    "\u212ain",
    "KSA",
    "settler",
    "\u017fettler violence",
    "SETTLER",
    "Security Council",
    "SC",
    "sc",
    "ICJ",
    "International court",
    "\u0131srael",
    "Israeli forces",
    "'occupied'",
    "’occupied’",
    "-occupied zone",
    "‑occupied zone",
    "occupiers",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(PIECES), st.sampled_from([" ", "", "-", ", ", "\n", "x"])), max_size=12))
def test_made_up_text_holds_the_same_terms_at_the_same_places(parts: list[tuple[str, str]]) -> None:
    text = "".join(piece + gap for piece, gap in parts)
    assert ODD_GLOSSARY._pattern is not None
    assert found(ODD_GLOSSARY._pattern, text) == found(plain_expression(ODD_GLOSSARY), text)
