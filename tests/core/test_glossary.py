"""Loading the glossary and finding its terms in text."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from reader.content import load_report
from reader.errors import ReaderError
from reader.glossary import Glossary, GlossaryTerm, TermId, load_glossary


def make_term(term_id: str, term: str, *aliases: str, expansion: str | None = None) -> GlossaryTerm:
    return GlossaryTerm(
        id=TermId(term_id),
        term=term,
        expansion=expansion,
        aliases=aliases,
        definition=f"A definition of {term} that is long enough.",
        explanation=None,
        related=(),
    )


@pytest.fixture
def small() -> Glossary:
    return Glossary(
        (
            make_term("court", "Court"),
            make_term("icj", "ICJ", expansion="International Court of Justice"),
            make_term("un", "UN", expansion="United Nations"),
            make_term("ga", "UN General Assembly", "General Assembly"),
            make_term("settlements", "settlement", "settlers"),
            make_term("war-crimes", "war crime"),
            make_term("party", "party"),
            make_term("hostage-taking", "hostage-taking", "hostage"),
            make_term("israels-control", "Israel's control"),
        )
    )


def found(glossary: Glossary, text: str) -> list[tuple[str, str]]:
    return [(match.term_id, match.text) for match in glossary.find_terms(text)]


def test_longest_match_wins(small: Glossary) -> None:
    text = "The International Court of Justice and the UN General Assembly met; the Court spoke."
    assert found(small, text) == [
        ("icj", "International Court of Justice"),
        ("ga", "UN General Assembly"),
        ("court", "Court"),
    ]


def test_match_offsets_point_at_the_text(small: Glossary) -> None:
    text = "Before the ICJ today."
    (match,) = small.find_terms(text)
    assert text[match.start : match.end] == "ICJ"


@pytest.mark.parametrize("text", ["the icj ruled", "an Icj ruling", "un-", "UNESCO said", "ICJX"])
def test_acronyms_match_only_in_capitals_and_whole(small: Glossary, text: str) -> None:
    assert small.find_terms(text) == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Settlements grew", ("settlements", "Settlements")),
        ("the SETTLERS came", ("settlements", "SETTLERS")),
        ("two war crimes", ("war-crimes", "war crimes")),
        ("all parties agreed", ("party", "parties")),
        ("the ICJ’s ruling", ("icj", "ICJ")),
        ("Israel’s control grew", ("israels-control", "Israel’s control")),
        ("the United\nNations", ("un", "United\nNations")),
        ("civilian hostages", ("hostage-taking", "hostages")),
    ],
)
def test_words_match_in_any_case_with_plurals_and_apostrophes(small: Glossary, text: str, expected) -> None:
    assert found(small, text) == [expected]


@pytest.mark.parametrize("text", ["a settlementary plan", "the counterparty", "Courtney"])
def test_words_match_only_on_word_boundaries(small: Glossary, text: str) -> None:
    assert small.find_terms(text) == ()


def test_hyphenated_term_beats_its_first_word(small: Glossary) -> None:
    assert found(small, "hostage-taking is banned") == [("hostage-taking", "hostage-taking")]


def test_term_at_finds_the_term_under_an_offset(small: Glossary) -> None:
    text = "the ICJ and the UN"
    assert small.term_at(text, 5).term_id == "icj"
    assert small.term_at(text, 7).term_id == "icj"  # just after the term
    assert small.term_at(text, 10) is None


@pytest.mark.parametrize("name", ["icj", "ICJ", "International Court of Justice", "international court of justice"])
def test_lookup_accepts_id_term_expansion_in_any_case(small: Glossary, name: str) -> None:
    assert small.lookup(name).id == "icj"


def test_lookup_of_an_unknown_name_is_none(small: Glossary) -> None:
    assert small.lookup("Security Council") is None


def test_unknown_term_id_raises_a_reader_error(small: Glossary) -> None:
    with pytest.raises(ReaderError, match="no glossary entry “nope”"):
        small.term("nope")


def test_sorted_terms_are_alphabetical_ignoring_case(small: Glossary) -> None:
    names = [term.term for term in small.sorted_terms()]
    assert names == sorted(names, key=str.casefold)


def test_bundled_glossary_loads_from_the_manifest(report) -> None:
    glossary = load_glossary(report)
    assert len(glossary) >= 40
    assert glossary.lookup("ICJ").expansion == "International Court of Justice"


@pytest.mark.parametrize(
    ("term_id", "section_id"),
    [("icj", "occupation"), ("icj", "justice-and-accountability"), ("red-wolf", "red-wolf"), ("opt", "overview")],
)
def test_sections_of_lists_where_a_term_occurs(report, term_id: str, section_id: str) -> None:
    assert section_id in load_glossary(report).sections_of(term_id)


def test_sections_of_a_background_entry_is_empty(report) -> None:
    assert load_glossary(report).sections_of("rome-statute") == ()


def test_sections_of_follow_reading_order(report) -> None:
    sections = load_glossary(report).sections_of("genocide")
    order = [section.id for section in report.sections]
    assert list(sections) == sorted(sections, key=order.index)


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """A copy of the bundled content folder that a test may break."""
    folder = tmp_path / "content"
    shutil.copytree(Path(__file__).resolve().parents[2] / "content", folder)
    return folder


def write_glossary(folder: Path, terms: object) -> None:
    (folder / "glossary.json").write_text(json.dumps({"format": 1, "terms": terms}), encoding="utf-8")


def entry(term_id: str, term: str, **extra) -> dict:
    return {"id": term_id, "term": term, "definition": "Something defined in enough words here.", **extra}


def test_manifest_without_glossary_gives_an_empty_glossary(content: Path) -> None:
    manifest = json.loads((content / "manifest.json").read_text(encoding="utf-8"))
    manifest["glossary"] = None
    (content / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    glossary = load_glossary(load_report(content))
    assert len(glossary) == 0
    assert glossary.find_terms("the ICJ") == ()


def test_missing_glossary_file_says_what_to_do(content: Path) -> None:
    (content / "glossary.json").unlink()
    with pytest.raises(ReaderError, match=re.escape("glossary.json is missing; add it or remove")):
        load_glossary(load_report(content))


def test_invalid_json_names_the_line(content: Path) -> None:
    (content / "glossary.json").write_text('{"terms": [\n  {"id": }\n]}', encoding="utf-8")
    with pytest.raises(ReaderError, match=re.escape("glossary.json: line 2 is not valid JSON")):
        load_glossary(load_report(content))


@pytest.mark.parametrize(
    ("terms", "message"),
    [
        ({"id": "x"}, "must hold one JSON object with a “terms” list"),
        ([entry("a", "A"), {"id": "b", "term": "B"}], "entry 2 needs a non-empty text “definition”"),
        ([entry("Bad Id", "A")], "entry “Bad Id” needs an id of lower-case letters"),
        ([entry("a", "A"), entry("a", "B")], "the id “a” is used by two entries"),
        ([entry("a", "A", aliases=["Same"]), entry("b", "same")], "“same” belongs to both “a” and “b”"),
        ([entry("a", "A", related=["zzz"])], "lists the related entry “zzz”, which does not exist"),
        ([entry("a", "A", aliases="B")], "has a “aliases” that is not a list of texts"),
        ([entry("a", "A", background="yes")], "has a “background” that is not true or false"),
    ],
)
def test_malformed_glossary_is_refused_with_a_clear_message(content: Path, terms, message: str) -> None:
    if isinstance(terms, dict):
        (content / "glossary.json").write_text(json.dumps(terms), encoding="utf-8")
    else:
        write_glossary(content, terms)
    with pytest.raises(ReaderError, match=re.escape(message)):
        load_glossary(load_report(content))


def test_newer_glossary_format_asks_for_an_update(content: Path) -> None:
    (content / "glossary.json").write_text(json.dumps({"format": 3, "terms": []}), encoding="utf-8")
    with pytest.raises(ReaderError, match="update Field Reader"):
        load_glossary(load_report(content))


def test_a_format_1_glossary_still_loads_without_sources_or_date(content: Path) -> None:
    write_glossary(content, [entry("icj", "ICJ", aliases=["World Court"])])
    glossary = load_glossary(load_report(content))
    assert glossary.as_of is None
    assert glossary.term("icj").sources == ()
    assert [match.text for match in glossary.find_terms("the World Court and the ICJ")] == ["World Court", "ICJ"]


def test_sources_and_as_of_are_read_as_written(content: Path) -> None:
    terms = [entry("icj", "ICJ", sources=["ICJ Statute (1945), art. 34", "UN Charter (1945), art. 92"])]
    (content / "glossary.json").write_text(
        json.dumps({"format": 2, "as_of": "2025-02-11", "terms": terms}), encoding="utf-8"
    )
    glossary = load_glossary(load_report(content))
    assert glossary.as_of == "2025-02-11"
    assert glossary.term("icj").sources == ("ICJ Statute (1945), art. 34", "UN Charter (1945), art. 92")


def test_a_case_bound_alias_matches_only_with_its_capitals(content: Path) -> None:
    terms = [entry("ai", "Amnesty International", aliases=["Amnesty"], case_bound=["Amnesty"])]
    write_glossary(content, terms)
    glossary = load_glossary(load_report(content))
    assert [match.text for match in glossary.find_terms("Amnesty said an amnesty law is wrong")] == ["Amnesty"]
    assert [match.text for match in glossary.find_terms("amnesty international")] == ["amnesty international"]


@pytest.mark.parametrize(
    ("as_of", "terms", "message"),
    [
        ("11 February 2025", [entry("a", "A")], "its “as_of” must be a date written YYYY-MM-DD"),
        ("2025-02-30", [entry("a", "A")], "its “as_of” must be a date written YYYY-MM-DD"),
        ("2025-02-11", [entry("a", "A", sources="Rome Statute")], "has a “sources” that is not a list of texts"),
        ("2025-02-11", [entry("a", "A", sources=["ok", ""])], "has a “sources” that is not a list of texts"),
        ("2025-02-11", [entry("a", "A", case_bound=["B"])], "lists “B” as case-bound, but it is not its term"),
    ],
)
def test_malformed_sources_dates_and_case_bound_forms_are_refused(content: Path, as_of, terms, message) -> None:
    (content / "glossary.json").write_text(json.dumps({"format": 2, "as_of": as_of, "terms": terms}), encoding="utf-8")
    with pytest.raises(ReaderError, match=re.escape(message)):
        load_glossary(load_report(content))


def test_glossary_values_are_frozen(report) -> None:
    import dataclasses

    term = load_glossary(report).term("icj")
    with pytest.raises(dataclasses.FrozenInstanceError):
        term.sources = ()  # type: ignore[misc]
    assert isinstance(term.sources, tuple)


# Marking terms in the rendered report (reader/render.py with a glossary)


def strip_tags(markup: str) -> str:
    import html

    return html.unescape(re.sub(r"<[^>]+>", "", markup))


def test_rendered_report_links_terms_to_their_entries(report) -> None:
    from reader.render import render_report

    markup = render_report(report, glossary=load_glossary(report))
    assert '(<a href="term:icj" class="term"><span class="term">ICJ</span></a>)' in markup
    assert '<a href="term:icj" class="term"><span class="term">International Court of Justice</span></a>' in markup
    assert '<a href="term:opt" class="term"><span class="term">OPT</span></a>' in markup


def test_marking_terms_leaves_every_paragraphs_text_unchanged(report) -> None:
    from reader.render import render_report

    plain = strip_tags(render_report(report))
    marked = strip_tags(render_report(report, glossary=load_glossary(report)))
    assert marked == plain


def test_anchor_still_starts_a_paragraph_that_begins_with_a_term(small: Glossary) -> None:
    from reader.content import BlockKind, Paragraph, ParagraphId, Section, SectionId
    from reader.render import render_section

    paragraph = Paragraph(ParagraphId("s-p1"), SectionId("s"), 1, BlockKind.PARAGRAPH, 1, "ICJ rules.", "ICJ rules.")
    section = Section(SectionId("s"), "Title", 1, None, "ICJ rules.", (paragraph,))
    assert (
        '<a name="s-p1"></a><a href="term:icj" class="term"><span class="term">ICJ</span></a> rules.'
        in render_section(section, glossary=small)
    )


@pytest.mark.parametrize(
    "markdown",
    ["See [the ICJ ruling](https://example.org/ICJ) now.", "Code `ICJ` here.", "[ICJ](term:un) twice"],
)
def test_terms_are_never_marked_inside_links_code_or_tags(small: Glossary, markdown: str) -> None:
    from reader.content import BlockKind, Paragraph, ParagraphId, Section, SectionId, plain_text
    from reader.render import render_section

    paragraph = Paragraph(
        ParagraphId("s-p1"), SectionId("s"), 1, BlockKind.PARAGRAPH, 1, markdown, plain_text(markdown)
    )
    section = Section(SectionId("s"), "Title", 1, None, markdown, (paragraph,))
    markup = render_section(section, glossary=small)
    assert "term:icj" not in markup
    assert strip_tags(markup) == strip_tags(render_section(section))


def test_escaped_text_stays_escaped_around_a_term(small: Glossary) -> None:
    from reader.content import BlockKind, Paragraph, ParagraphId, Section, SectionId
    from reader.render import render_section

    text = "A & B, 3 < 4, before the ICJ."
    paragraph = Paragraph(ParagraphId("s-p1"), SectionId("s"), 1, BlockKind.PARAGRAPH, 1, text, text)
    markup = render_section(Section(SectionId("s"), "T", 1, None, text, (paragraph,)), glossary=small)
    assert "A &amp; B, 3 &lt; 4, before the <a href=" in markup


def test_render_cache_keeps_marked_and_plain_pages_apart(report, tmp_path: Path) -> None:
    from reader.render import RenderOptions
    from reader.render_cache import cached_report_html

    plain = cached_report_html(report, RenderOptions(), tmp_path)
    marked = cached_report_html(report, RenderOptions(), tmp_path, load_glossary(report))
    assert 'class="term"' not in plain
    assert 'class="term"' in marked
    assert cached_report_html(report, RenderOptions(), tmp_path) == plain
