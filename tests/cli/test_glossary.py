"""`field-reader glossary [TERM] [--json]`."""

from __future__ import annotations

import json

import pytest

from reader.__main__ import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["glossary", *argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_json_lists_every_entry_with_term_aliases_definition_and_sections(capsys) -> None:
    code, out, err = run(capsys, "--json")
    rows = json.loads(out)
    assert (code, err) == (0, "")
    assert len(rows) >= 40
    assert all({"term", "aliases", "definition", "sections"} <= row.keys() for row in rows)
    icj = next(row for row in rows if row["term"] == "ICJ")
    assert "International Court of Justice" in icj["aliases"]
    assert "justice-and-accountability" in icj["sections"]


def test_json_entries_are_alphabetical(capsys) -> None:
    rows = json.loads(run(capsys, "--json")[1])
    names = [row["term"] for row in rows]
    assert names == sorted(names, key=str.casefold)


@pytest.mark.parametrize("name", ["OPT", "opt", "Occupied Palestinian Territory"])
def test_one_term_by_any_of_its_names(capsys, name: str) -> None:
    code, out, _ = run(capsys, name, "--json")
    (row,) = json.loads(out)
    assert code == 0
    assert row["term"] == "OPT"
    assert row["sections"][0] == "overview"


def test_one_term_as_text_shows_expansion_definition_and_sections(capsys) -> None:
    code, out, _ = run(capsys, "ICC")
    assert code == 0
    assert out.startswith("ICC (International Criminal Court)\n")
    assert "    A permanent international criminal court in The Hague" in out
    assert "Sections: stop-genocide, justice-and-accountability" in out


def test_background_entry_says_it_is_not_in_the_report(capsys) -> None:
    out = run(capsys, "Rome Statute")[1]
    assert "Sections: background only, not in the report" in out


def test_listing_shows_each_term_with_its_definition(capsys) -> None:
    code, out, _ = run(capsys)
    assert code == 0
    assert "\nRed Wolf\n    A facial recognition system" in out


def test_unknown_term_prints_one_line_and_exits_1(capsys) -> None:
    code, out, err = run(capsys, "flux capacitor")
    assert code == 1
    assert out == ""
    assert err == "field-reader: The glossary has no entry for “flux capacitor”; `field-reader glossary` lists them.\n"


def test_one_term_prints_its_sources_with_the_glossary_date(capsys) -> None:
    code, out, _ = run(capsys, "occupation")
    assert code == 0
    assert "    Sources (as of 2025-02-11):\n    - Hague Regulations (1907), arts 42–43\n" in out
    assert "    - Fourth Geneva Convention (1949), art. 49(6)\n" in out


def test_json_includes_every_entrys_sources_and_the_as_of_date(capsys) -> None:
    rows = json.loads(run(capsys, "--json")[1])
    assert all(row["sources"] and row["as_of"] == "2025-02-11" for row in rows)
    masri = next(row for row in rows if row["term"] == "Mohammed Diab Ibrahim Al-Masri")
    assert any("26 February 2025" in source for source in masri["sources"])


def test_listing_says_what_date_the_glossary_is_current_to(capsys) -> None:
    out = run(capsys)[1]
    assert out.startswith("Glossary facts as of 2025-02-11.\n\n")
