"""What read aloud says, in which order, where it stops, and how abbreviations are spoken."""

from __future__ import annotations

import pytest

from reader.content import Report
from reader.glossary import Glossary, load_glossary
from reader.read_aloud_plan import Scope, plan_from, plan_section, plan_selection
from reader.sentences import split_sentences


@pytest.fixture(scope="module")
def glossary(report: Report) -> Glossary:
    return load_glossary(report)


def sections_under(report: Report, section_id: str) -> list[str]:
    """The section and its subsections, in reading order."""
    start = report.index_of(section_id)
    level = report.sections[start].level
    found = [section_id]
    for section in report.sections[start + 1 :]:
        if section.level <= level:
            break
        found.append(section.id)
    return found


def test_a_section_is_read_heading_first_then_every_sentence_of_it_and_its_subsections(report):
    plan = plan_section(report, "genocide")
    inside = sections_under(report, "genocide")
    assert len(inside) > 1  # the section has subsections, so the test covers them
    expected = []
    for section_id in inside:
        section = report.section(section_id)
        expected.append(section.title)
        expected.extend(s.text for p in section.paragraphs for s in split_sentences(p.text))
    assert [u.text for u in plan] == expected
    assert [u.section_id for u in plan if u.is_heading] == inside
    assert plan[-1].section_id == inside[-1]  # stops before the next section at the same level


def test_reading_to_the_end_of_the_report_goes_through_every_later_section(report):
    plan = plan_section(report, "genocide", Scope.REPORT)
    last = report.sections[-1].paragraphs[-1]
    assert plan[-1].paragraph_id == last.id and plan[-1].text == split_sentences(last.text)[-1].text
    assert {u.section_id for u in plan} == {s.id for s in report.sections[report.index_of("genocide") :]}


def test_reading_from_inside_a_paragraph_starts_at_the_sentence_holding_the_cursor(report):
    paragraph = next(p for p in report.paragraphs() if len(split_sentences(p.text)) >= 3)
    second = split_sentences(paragraph.text)[1]
    plan = plan_from(report, paragraph.id, second.start + 2)
    assert (plan[0].paragraph_id, plan[0].start, plan[0].text) == (paragraph.id, second.start, second.text)
    assert not plan[0].is_heading
    assert paragraph.text[plan[0].start : plan[0].end] == plan[0].text


def test_every_utterance_points_at_its_own_text_on_the_page(report):
    for utterance in plan_section(report, report.sections[0].id, Scope.REPORT):
        if utterance.is_heading:
            source = report.section(utterance.section_id).title
        else:
            source = report.paragraph(utterance.paragraph_id).text
        assert source[utterance.start : utterance.end] == utterance.text
        assert utterance.spoken == utterance.text  # no glossary given: said as written


def test_a_selection_is_read_from_its_first_to_its_last_character_only(report):
    paragraphs = report.section("genocide").paragraphs
    first, last = paragraphs[0], paragraphs[1]
    plan = plan_selection(report, first.id, 10, last.id, 30)
    assert plan[0].paragraph_id == first.id and plan[0].start == 10
    assert plan[0].text == first.text[10 : plan[0].end]
    assert plan[-1].paragraph_id == last.id and plan[-1].end == len(last.text[:30].rstrip())
    assert not any(u.is_heading for u in plan)


def test_an_abbreviation_is_spoken_as_its_expansion_the_first_time_only(report, glossary):
    plan = plan_from(report, "apartheid-p2", 0, Scope.REPORT, glossary)
    spoken = [u for u in plan if "ICJ" in u.text]
    assert len(spoken) >= 2
    assert "International Court of Justice" in spoken[0].spoken and "ICJ" not in spoken[0].spoken
    assert all("ICJ" in u.spoken for u in spoken[1:])
    assert all("ICJ" in u.text for u in spoken)  # the page's text is never changed


def test_an_abbreviation_already_written_out_is_not_expanded_again(report, glossary):
    # occupation-p2 names the "International Court of Justice" before writing "ICJ".
    plan = plan_from(report, "occupation-p2", 0, Scope.SECTION, glossary)
    first = next(u for u in plan if "ICJ" in u.text)
    assert first.spoken.count("International Court of Justice") == first.text.count("International Court of Justice")


def test_without_asking_nothing_is_expanded(report):
    plan = plan_from(report, "apartheid-p2", 0, Scope.REPORT)
    assert all(u.spoken == u.text and not u.replacements for u in plan)


def test_a_word_of_an_expansion_maps_back_to_the_whole_abbreviation_on_the_page(report, glossary):
    utterance = next(u for u in plan_from(report, "apartheid-p2", 0, Scope.SECTION, glossary) if u.replacements)
    paragraph = report.paragraph(utterance.paragraph_id).text
    word = utterance.spoken.index("Court")
    start, end = utterance.written_span(word, word + len("Court"))
    assert paragraph[start:end] == "ICJ"
    # Words before and after the expansion map to themselves.
    first_word = utterance.spoken.split()[0]
    start, end = utterance.written_span(0, len(first_word))
    assert paragraph[start:end] == first_word
    last_word = utterance.spoken.rstrip(".").split()[-1]
    at = utterance.spoken.rindex(last_word)
    start, end = utterance.written_span(at, at + len(last_word))
    assert paragraph[start:end] == last_word
