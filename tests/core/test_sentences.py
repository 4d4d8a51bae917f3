"""Sentences as read aloud will speak them: the report's own awkward cases, and the places they come from."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.content import Report
from reader.sentences import split_sentences


def texts(paragraph: str) -> list[str]:
    return [sentence.text for sentence in split_sentences(paragraph)]


def test_numbers_and_dates_never_end_a_sentence(report: Report) -> None:
    paragraph = next(p.text for p in report.paragraphs() if "48,219" in p.text)
    for sentence in texts(paragraph):
        assert not sentence.endswith(("48,", "7 October.")), sentence
    assert any("48,219" in sentence for sentence in texts(paragraph))
    assert texts("Israel launched it on 7 October 2023. It went on.") == [
        "Israel launched it on 7 October 2023.",
        "It went on.",
    ]
    assert texts("At least 2.5 million people. Most were displaced.") == [
        "At least 2.5 million people.",
        "Most were displaced.",
    ]


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        ("The U.N. Security Council met. It voted.", ["The U.N. Security Council met.", "It voted."]),
        ("See Art. 49 of the Convention. It bans transfers.", ["See Art. 49 of the Convention.", "It bans transfers."]),
        ("Ask Dr. Haddad. She knows.", ["Ask Dr. Haddad.", "She knows."]),
        ("They said no. Then they left.", ["They said no.", "Then they left."]),
        ("Files, e.g. Red Wolf, were shown. Later, more.", ["Files, e.g. Red Wolf, were shown.", "Later, more."]),
        ("He wrote J. Smith. Nobody came.", ["He wrote J. Smith.", "Nobody came."]),
        (
            "“Stop the genocide now!” they said. Nobody listened.",
            ["“Stop the genocide now!” they said.", "Nobody listened."],
        ),
        ("She asked: “Where?” The UN answered.", ["She asked: “Where?”", "The UN answered."]),
        ("Killed (at least 1,139 people). Then came war.", ["Killed (at least 1,139 people).", "Then came war."]),
        ("one; two: three. Four…  Five", ["one; two: three.", "Four…", "Five"]),
        ("the end... and after", ["the end... and after"]),
        ("", []),
        ("   ", []),
    ],
)
def test_awkward_cases(paragraph: str, expected: list[str]) -> None:
    assert texts(paragraph) == expected


def test_every_sentence_points_at_its_place_in_the_paragraph(report: Report) -> None:
    for paragraph in report.paragraphs():
        sentences = split_sentences(paragraph.text)
        assert sentences, paragraph.id
        for sentence in sentences:
            assert paragraph.text[sentence.start : sentence.end] == sentence.text
        assert "".join(paragraph.text.split()) == "".join("".join(s.text for s in sentences).split())


@given(st.text(alphabet=st.sampled_from(list("ab. A!?“”,1 \n")), max_size=60))
def test_the_sentences_cover_the_text_in_order_whatever_it_holds(text: str) -> None:
    sentences = split_sentences(text)
    position = 0
    for sentence in sentences:
        assert sentence.start >= position and sentence.text.strip() == sentence.text and sentence.text
        assert text[sentence.start : sentence.end] == sentence.text
        position = sentence.end
    assert "".join(text.split()) == "".join("".join(s.text for s in sentences).split())
