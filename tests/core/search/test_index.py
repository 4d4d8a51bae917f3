"""Searching the report: ranking, word forms, phrases, operators, corrections; building and opening an index."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.content import Report
from reader.errors import ReaderError
from reader.search.build import build_index
from reader.search.cleaning import clean_query
from reader.search.documents import SearchDocument
from reader.search.index import SearchIndex
from reader.search.results import HitKind
from reader.search.schema import STEM_ANALYZER
from reader.search.stamp import INFO_NAME, is_fresh


@pytest.fixture(scope="module")
def index(report: Report, tmp_path_factory: pytest.TempPathFactory) -> SearchIndex:
    folder = build_index(tmp_path_factory.mktemp("index"), report)
    search_index = SearchIndex.open(folder)
    yield search_index
    search_index.close()


def _stems(text: str) -> set[str]:
    return {token.text for token in STEM_ANALYZER(text)}


@pytest.mark.parametrize(
    ("question", "section_id"),
    [
        ("what is genocide", "what-is-genocide"),
        ("red wolf facial recognition", "red-wolf"),
        ("how does Israel impose apartheid", "how-apartheid-is-imposed"),
        ("arms trade treaty", "stop-arming-israel"),
        ("when was the ceasefire deal", "ceasefire-now"),
        ("famine humanitarian aid", "blocked-humanitarian-aid"),
        ("forcibly displaced to Rafah", "mass-displacement"),
        ("arrest warrant for Gallant", "stop-genocide"),
        ("evidence of genocidal intent", "evidence-of-intent-to-destroy"),
        ("are settlements a war crime", "israels-control"),
        ("checkpoints and permit regime", "red-wolf"),
        ("apartheid in South Africa", "apartheid"),
        ("land confiscation", "overview"),
        ("how many Palestinians were killed in the West Bank", "overview"),
        ("who sends weapons to Israel", "stop-arming-israel"),
        ("torture in custody", "genocide-in-gaza"),
    ],
)
def test_a_readers_question_finds_the_obvious_section_first(index: SearchIndex, question: str, section_id: str) -> None:
    result = index.search(question)

    assert result.hits, question
    assert result.hits[0].section_id == section_id


def test_every_form_of_a_word_is_found(index: SearchIndex, report: Report) -> None:
    result = index.search("displace", limit=50)

    found = {word.lower() for hit in result.hits for word in hit.terms}
    assert {"displaced", "displacement", "displacing"} <= found
    expected = {paragraph.id for paragraph in report.paragraphs() if "displac" in paragraph.text.lower()}
    assert expected <= {hit.key for hit in result.hits}


@pytest.mark.parametrize("query", ["Deir al Balah", "deir al-balah", "Déir al Bálah", '"Deir al Balah"'])
def test_a_place_name_is_found_however_it_is_written(index: SearchIndex, query: str) -> None:
    result = index.search(query)

    assert result.hits[0].paragraph_id == "genocide-in-gaza-p6"


def test_a_quoted_phrase_matches_only_those_words_in_that_order(index: SearchIndex, report: Report) -> None:
    result = index.search('"mental harm"')

    assert [hit.paragraph_id for hit in result.hits] == ["what-is-genocide-p3"]
    assert result.hits[0].terms == ("mental harm",)


def test_a_phrase_is_not_stemmed(index: SearchIndex) -> None:
    assert index.search('"forcibly displaced"').total == 1
    assert index.search('"forcibly displace"').total == 0


def test_documents_with_all_the_words_rank_before_those_with_some(index: SearchIndex, report: Report) -> None:
    result = index.search("famine Rafah", limit=50)

    has_both = [bool(_stems(report.paragraph(hit.key).text) >= {"rafah", "famin"}) for hit in result.hits]
    assert has_both[0] is True
    assert has_both == sorted(has_both, reverse=True)
    assert False in has_both


@pytest.mark.parametrize(
    "query",
    ["ICJ NOT genocide", "ICJ ANDNOT genocide", "ICJ -genocide", "(ICJ OR Rafah) NOT genocide", "NOT genocide ICJ"],
)
def test_not_excludes_a_word(index: SearchIndex, report: Report, query: str) -> None:
    result = index.search(query, limit=50)

    assert result.hits
    assert result.total == len(result.hits)
    for hit in result.hits:
        text = report.paragraph(hit.key).text.lower()
        assert "icj" in text or "rafah" in text
        assert "genocid" not in text


def test_or_finds_either_word(index: SearchIndex) -> None:
    either = index.search("munitions OR bombard", limit=50).total
    assert either == 1
    assert index.search("munitions OR famine").total > index.search("famine").total


def test_and_requires_both_words(index: SearchIndex, report: Report) -> None:
    result = index.search("famine AND Rafah", limit=50)

    assert result.hits
    assert all(_stems(report.paragraph(hit.key).text) >= {"rafah", "famin"} for hit in result.hits)


def test_a_prefix_finds_words_that_start_with_it(index: SearchIndex) -> None:
    result = index.search("apart*", limit=50)

    assert result.hits
    assert all(word.lower().startswith("apart") for hit in result.hits for word in hit.terms)


@pytest.mark.parametrize("typed", ["gen*cide", "geno*ide", "gen**cide"])
def test_a_star_inside_a_word_searches_the_letters_before_it_and_suggests_nothing(
    index: SearchIndex, typed: str
) -> None:
    """The letters after the star are never searched on their own: no hits for "cide" or "cite", no "Did you
    mean"; what is found is what the prefix before the star finds."""
    prefix = typed.split("*")[0]
    result = index.search(typed, limit=50)
    assert result.suggestion is None
    assert result.hits and result.total == index.search(f"{prefix}*", limit=50).total
    assert all(word.lower().startswith(prefix) for hit in result.hits for word in hit.terms)


@pytest.mark.parametrize(
    ("typed", "searched"),
    [("gen*cide", "gen*"), ("*cide", ""), ("apart* *heid", "apart*"), ("g*cide", "g"), ("genocide*", "genocide*")],
)
def test_only_the_letters_before_a_star_are_searched(typed: str, searched: str) -> None:
    """What the parser is given: a star ends a prefix; letters after it, or a word that begins with one, go."""
    assert clean_query(typed).text == searched


def test_a_star_before_a_word_finds_nothing_rather_than_the_rest_of_it(index: SearchIndex) -> None:
    result = index.search("*cide")
    assert (result.total, result.suggestion) == (0, None)


def test_an_unfinished_word_matches_as_a_prefix_while_typing(index: SearchIndex) -> None:
    assert index.search("genoc").total == 0
    assert index.search("genoc", as_you_type=True).hits[0].terms[0].lower().startswith("genoc")


@pytest.mark.parametrize(("typo", "correction"), [("genocde", "genocide"), ("apartied", "apartheid")])
def test_a_misspelt_word_gets_a_whole_word_suggestion_and_close_matches(
    index: SearchIndex, typo: str, correction: str
) -> None:
    result = index.search(typo)

    assert result.suggestion == correction
    assert result.is_fuzzy
    assert result.hits
    assert correction in {word.lower() for word in result.hits[0].terms}


def test_a_misspelling_inside_a_longer_query_is_corrected_in_place(index: SearchIndex) -> None:
    assert index.search("Red Wolff checkpoints").suggestion == "Red wolf checkpoints"


def test_a_query_the_index_knows_gets_no_suggestion(index: SearchIndex) -> None:
    result = index.search("genocide")

    assert result.suggestion is None
    assert not result.is_fuzzy


def test_spans_point_at_the_matched_words_in_the_paragraph(index: SearchIndex, report: Report) -> None:
    result = index.search("displaced civilians", limit=50)

    assert result.hits[0].spans
    for hit in result.hits:
        if hit.paragraph_id is None:  # a section's title: its spans point into the title
            continue
        text = report.paragraph(hit.key).text
        for start, end in hit.spans:
            assert _stems(text[start:end]) & {"displac", "civilian"}


def test_snippet_is_short_and_its_spans_mark_the_matched_words(index: SearchIndex) -> None:
    result = index.search("Netanyahu")

    for hit in result.hits:
        assert len(hit.snippet) <= 210
        assert [hit.snippet[start:end] for start, end in hit.snippet_spans] == ["Netanyahu"]


def test_a_query_of_only_common_words_still_finds_them(index: SearchIndex) -> None:
    assert index.search("what").hits


def test_a_very_long_query_is_cut_short_with_a_notice(index: SearchIndex) -> None:
    result = index.search("genocide " * 500)

    assert result.hits
    assert result.notice


def test_result_serialises_to_the_documented_json(index: SearchIndex) -> None:
    data = json.loads(json.dumps(index.search("genocde", limit=2).to_json()))

    assert {"query", "total", "suggestion", "hits"} <= set(data)
    assert data["suggestion"] == "genocide"
    assert {"kind", "section_id", "section_title", "paragraph_id", "score", "snippet"} <= set(data["hits"][0])


def test_extra_documents_are_searchable_with_their_kind(report: Report, tmp_path: Path) -> None:
    entry = SearchDocument(kind=HitKind.GLOSSARY, item_id="refoulement", text="Refoulement: forcing refugees back.")
    with_glossary = SearchIndex.open(build_index(tmp_path / "index", report, [entry]))

    hit = with_glossary.search("refoulement").hits[0]

    assert (hit.kind, hit.item_id, hit.key, hit.paragraph_id) == (
        HitKind.GLOSSARY,
        "refoulement",
        "glossary:refoulement",
        None,
    )
    with_glossary.close()


def _note(item_id: str, text: str) -> SearchDocument:
    return SearchDocument(kind=HitKind.NOTE, item_id=item_id, text=text, section_id="overview")


def test_an_in_memory_index_searches_notes() -> None:
    notes = SearchIndex.in_memory([_note("1", "Ask the clinic about water trucks")])

    assert [hit.key for hit in notes.search("truck").hits] == ["note:1"]


def test_an_edited_note_is_found_by_its_new_words_only() -> None:
    notes = SearchIndex.in_memory(
        [_note("1", "Ask the clinic about water trucks"), _note("2", "Compare with the camp survey")]
    )

    notes.replace_documents([_note("1", "Ask the school about generators")])

    assert [hit.key for hit in notes.search("generator").hits] == ["note:1"]
    assert notes.search("trucks").hits == ()
    assert notes.document_count == 2


def test_a_bundled_index_cannot_be_edited(index: SearchIndex) -> None:
    with pytest.raises(ReaderError, match="read-only"):
        index.replace_documents([_note("1", "x")])


class TestBuildingAndOpening:
    def test_building_keeps_other_files_in_the_folder(self, report: Report, tmp_path: Path) -> None:
        folder = tmp_path / "index"
        folder.mkdir()
        (folder / "README.md").write_text("kept\n")

        build_index(folder, report)
        build_index(folder, report)

        assert (folder / "README.md").read_text() == "kept\n"
        assert [path.name for path in folder.iterdir() if path.name.startswith(".building")] == []

    def test_a_built_index_is_fresh_for_its_report_only(self, report: Report, edited: Report, tmp_path: Path) -> None:
        folder = build_index(tmp_path / "index", report)

        assert is_fresh(folder, report)
        assert not is_fresh(folder, edited)
        with SearchIndex.open(folder) as search_index:
            assert not search_index.is_stale(report)
            assert search_index.is_stale(edited)

    def test_building_reports_progress_up_to_complete(self, report: Report, tmp_path: Path) -> None:
        calls: list[tuple[int, int]] = []

        build_index(tmp_path / "index", report, progress=lambda done, total: calls.append((done, total)))

        assert calls[-1][0] == calls[-1][1]
        assert [done for done, _ in calls] == sorted(done for done, _ in calls)

    def test_opening_a_folder_without_an_index_says_how_to_make_one(self, tmp_path: Path) -> None:
        with pytest.raises(ReaderError, match="field-reader index build"):
            SearchIndex.open(tmp_path)

    def test_a_damaged_index_says_what_to_do(self, report: Report, tmp_path: Path) -> None:
        folder = build_index(tmp_path / "index", report)
        for path in folder.iterdir():
            if path.name != INFO_NAME:
                path.write_bytes(b"garbage")

        with pytest.raises(ReaderError, match="damaged"):
            SearchIndex.open(folder).search("genocide")


@pytest.mark.parametrize("query", ["NOT genocide", "-genocide", "NOT genocide NOT apartheid"])
def test_a_query_of_only_excluded_words_finds_nothing_rather_than_everything(index: SearchIndex, query: str) -> None:
    assert index.search(query).hits == ()


def test_a_misspelt_last_word_is_corrected_while_typing(index: SearchIndex) -> None:
    result = index.search("genocde", as_you_type=True)

    assert result.suggestion == "genocide"
    assert result.hits
