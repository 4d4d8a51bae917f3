"""No query can make search raise: generated junk, operator soup, huge strings, control characters and emoji."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.content import Report
from reader.search.build import build_index
from reader.search.index import SearchIndex
from reader.search.results import SearchResult

SYNTAX = ['"', "(", ")", "*", "?", "-", "+", "AND", "OR", "NOT", "ANDNOT", "ANDMAYBE", ":", "^", "~", "[", "]", "TO"]
WORDS = ["genocide", "apartheid", "Gaza", "al-Balah", "genocde", "ICJ", "x", "1,139", "’s", "🙂", "\x00", "\u202e"]


@pytest.fixture(scope="module")
def index(report: Report, tmp_path_factory: pytest.TempPathFactory) -> SearchIndex:
    search_index = SearchIndex.open(build_index(tmp_path_factory.mktemp("index"), report))
    yield search_index
    search_index.close()


def _check(index: SearchIndex, text: str) -> SearchResult:
    for as_you_type in (False, True):
        result = index.search(text, limit=5, as_you_type=as_you_type)
        assert isinstance(result, SearchResult)
        assert len(result.hits) <= 5
        assert result.total >= len(result.hits)
        for hit in result.hits:
            assert all(0 <= start < end <= len(hit.snippet) for start, end in hit.snippet_spans)
    return result


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        '"',
        '"genocide',
        'genocide"',
        "AND",
        "OR OR OR",
        "NOT",
        "NOT NOT genocide",
        "genocide NOT apartheid OR NOT genocide",  # the strict reading loses the NOTs, the loose one keeps them
        "genocide AND",
        "AND genocide",
        "(((",
        ")))",
        "(genocide",
        "genocide)",
        "*",
        "**",
        "a*",
        "*cide",
        "?",
        "-",
        "--genocide",
        "+",
        "field:value",
        "title:genocide",
        "genocide^5",
        "[a TO z]",
        "genocide~",
        "genocide~2",
        "\\",
        "\x00\x01\x1b[31m",
        "🙂🙂🙂",
        "gen\u0301ocide",
        "\u202egenocide",
        "x" * 10_000,
        "genocide " * 2_000,
        '"' * 5_001,
        "(" * 3_000 + "genocide",
        "NOT " * 1_000,
        "a* " * 500,
    ],
)
def test_a_hostile_query_gives_results_or_calmly_none(index: SearchIndex, text: str) -> None:
    _check(index, text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=200))
def test_no_generated_text_makes_search_raise(index: SearchIndex, text: str) -> None:
    _check(index, text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(SYNTAX + WORDS), max_size=12).map(" ".join))
def test_no_operator_soup_makes_search_raise(index: SearchIndex, text: str) -> None:
    _check(index, text)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(SYNTAX + WORDS), max_size=12).map("".join))
def test_no_glued_operator_soup_makes_search_raise(index: SearchIndex, text: str) -> None:
    _check(index, text)
