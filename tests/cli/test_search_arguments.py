"""`field-reader search`'s arguments as a reader types them: a query beginning with "-" is a query, options work in
any order, and a limit that is not a number of hits is one usage line."""

from __future__ import annotations

import json

import pytest

from reader.__main__ import main


def _json(capsys: pytest.CaptureFixture[str]) -> dict:
    captured = capsys.readouterr()
    assert captured.err == ""
    return json.loads(captured.out)


@pytest.mark.parametrize(
    "argv",
    [
        ["-genocide", "--json"],
        ["--json", "-genocide", "--limit", "5"],
        ["--limit", "5", "--json", "-genocide"],
        ["--limit=5", "-genocide", "--json"],
        ["--json", "--", "-genocide"],
    ],
    ids=["options-after", "options-around", "options-before", "limit-with-equals", "after-two-dashes"],
)
def test_a_query_beginning_with_a_dash_is_searched_for(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    assert main(["search", *argv]) == 0

    assert _json(capsys)["query"] == "-genocide"


@pytest.mark.parametrize(
    ("argv", "query"),
    [
        (["red", "-wolf", "--json"], "red -wolf"),
        (["--json", "-wolf", "red", "--limit", "3"], "-wolf red"),
        (["Red", "Wolf", "--json"], "Red Wolf"),
        (["--limit", "3", "Red", "--json", "Wolf"], "Red Wolf"),
    ],
    ids=["dash-word-after", "dash-word-first", "two-words", "words-around-options"],
)
def test_words_typed_without_quotes_are_one_query_in_their_order(
    capsys: pytest.CaptureFixture[str], argv: list[str], query: str
) -> None:
    assert main(["search", *argv]) == 0

    assert _json(capsys)["query"] == query


def test_a_query_that_starts_like_the_help_option_is_a_query(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "-hamas", "--json"]) == 0

    assert _json(capsys)["query"] == "-hamas"


@pytest.mark.parametrize("help_option", ["-h", "--help"])
def test_help_still_shows_the_search_options(capsys: pytest.CaptureFixture[str], help_option: str) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["search", help_option])

    assert exited.value.code == 0
    assert "--limit N" in capsys.readouterr().out


@pytest.mark.parametrize("limit", ["-1", "0", "many", "1.5", ""])
def test_a_limit_that_is_not_a_number_of_hits_is_one_usage_line(capsys: pytest.CaptureFixture[str], limit: str) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["search", "Red Wolf", "--limit", limit])

    assert exited.value.code == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.splitlines()[-1] == (
        "field-reader search: error: argument --limit: give the number of hits to show, a whole number from 1 up"
    )


def test_a_huge_limit_shows_every_hit(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "Red Wolf", "--json", "--limit", "99999999999"]) == 0

    data = _json(capsys)
    assert len(data["hits"]) == data["total"] > 0
