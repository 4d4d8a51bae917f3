"""`field-reader sentences SECTION_ID`: the sentences read aloud speaks, in order, with their places."""

from __future__ import annotations

import json

from reader.__main__ import main
from reader.sentences import split_sentences


def test_sentences_prints_the_heading_then_one_sentence_a_line(report, capsys):
    assert main(["sentences", "red-wolf"]) == 0
    lines = capsys.readouterr().out.splitlines()
    section = report.section("red-wolf")
    expected = [section.title] + [" ".join(s.text.split()) for p in section.paragraphs for s in split_sentences(p.text)]
    assert lines == expected


def test_sentences_json_gives_each_sentence_its_paragraph_and_offsets(report, capsys):
    assert main(["sentences", "genocide", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows[0] == {"section": "genocide", "paragraph": None, "start": 0, "end": 8, "text": "Genocide"}
    sentences = [row for row in rows if row["paragraph"] is not None]
    for row in sentences:
        assert report.paragraph(row["paragraph"]).text[row["start"] : row["end"]] == row["text"]
    # The subsections are read too, each after its own heading.
    assert [row["section"] for row in rows if row["paragraph"] is None] == [
        "genocide",
        "what-is-genocide",
        "evidence-of-intent-to-destroy",
    ]


def test_expand_terms_prints_what_the_voice_says_for_an_abbreviation(capsys):
    assert main(["sentences", "apartheid", "--json", "--expand-terms"]) == 0
    rows = json.loads(capsys.readouterr().out)
    first = next(row for row in rows if "ICJ" in row["text"])
    assert "International Court of Justice" in first["spoken"] and "ICJ" not in first["spoken"]
    assert main(["sentences", "apartheid", "--expand-terms"]) == 0
    assert "International Court of Justice" in capsys.readouterr().out


def test_unknown_section_is_one_line_and_exit_1(capsys):
    assert main(["sentences", "no-such-section"]) == 1
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err.count("\n") == 1 and captured.err.startswith("field-reader: ")
