"""`field-reader check`: a pack's problems as file:line: message and exit 1, or one line and exit 0; and every
command that reads the report refuses a broken glossary the same way."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from reader.__main__ import main

CONTENT_DIR = Path(__file__).resolve().parents[2] / "content"


@pytest.fixture(autouse=True)
def without_sources_check(monkeypatch: pytest.MonkeyPatch) -> None:
    """The glossary's sources have their own check and tests; here only `check`'s own rules count."""
    monkeypatch.setitem(sys.modules, "reader.glossary_sources_check", None)


def make_pack(folder: Path, glossary: object = None, markdown: str = "# Article 1\n\nAll are born free.\n") -> Path:
    folder.mkdir()
    manifest = {
        "title": "Universal Declaration of Human Rights",
        "publisher": "United Nations",
        "source": "un.org",
        "language": "en",
        "edition_date": "1948-12-10",
        "files": ["udhr.md"],
        "glossary": "glossary.json" if glossary is not None else None,
    }
    (folder / "manifest.json").write_text(json.dumps(manifest, indent=2), encoding="utf-8")
    (folder / "udhr.md").write_text(markdown, encoding="utf-8")
    if glossary is not None:
        (folder / "glossary.json").write_text(json.dumps(glossary, indent=2), encoding="utf-8")
    return folder


def test_the_bundled_pack_has_no_problems(capsys):
    assert main(["check"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 1
    assert out[0].startswith(f"{CONTENT_DIR}: no problems found (17 sections, ")
    assert out[0].endswith(" glossary entries).")


def test_a_pack_given_as_the_argument_is_checked(tmp_path, capsys):
    pack = make_pack(tmp_path / "udhr")
    assert main(["check", str(pack)]) == 0
    assert capsys.readouterr().out == f"{pack}: no problems found (1 section, 0 glossary entries).\n"


def test_each_problem_is_one_line_with_file_and_line_then_a_count(tmp_path, capsys):
    pack = make_pack(tmp_path / "udhr", markdown="# Article 1 {#Art_1}\n\nAll are born free.\n\n## Article 2\n")
    assert main(["check", str(pack)]) == 1
    assert capsys.readouterr().out.splitlines() == [
        "udhr.md:1: the heading ends with “{#Art_1}”, which is not a section id; write {#art-1} (lower-case "
        "letters, digits and hyphens)",
        "udhr.md:5: the section “Article 2” is empty; add its text",
        f"{pack}: 2 problems found.",
    ]


BROKEN_GLOSSARY = {"format": 1, "terms": [{"id": "free", "term": "free"}]}
GLOSSARY_LINE = "field-reader: Cannot load glossary.json: entry 1 needs a non-empty text “definition”.\n"


@pytest.mark.parametrize(
    "command",
    [["sections"], ["show", "article-1"], ["search", "free"], ["glossary"], ["glossary", "free"], ["notes", "list"]],
)
def test_every_command_that_reads_the_report_refuses_a_broken_glossary_in_one_line(tmp_path, capsys, command):
    pack = make_pack(tmp_path / "udhr", glossary=BROKEN_GLOSSARY)
    assert main(["--content", str(pack), *command]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == GLOSSARY_LINE


def test_check_lists_the_broken_glossary_as_a_problem(tmp_path, capsys):
    pack = make_pack(tmp_path / "udhr", glossary=BROKEN_GLOSSARY)
    assert main(["check", str(pack)]) == 1
    assert capsys.readouterr().out.splitlines()[0] == "glossary.json:4: entry 1 needs a non-empty text “definition”"


def test_the_lock_status_works_whatever_the_glossary_holds(tmp_path, capsys):
    pack = make_pack(tmp_path / "udhr", glossary=BROKEN_GLOSSARY)
    assert main(["--content", str(pack), "lock", "status"]) == 0


def test_a_pack_given_with_content_is_checked_even_when_it_would_not_load(tmp_path, capsys):
    pack = make_pack(tmp_path / "udhr", markdown="# Article 1 {#Art_1}\n\nAll are born free.\n\n## Article 2\n")
    manifest = json.loads((pack / "manifest.json").read_text(encoding="utf-8"))
    manifest["edition_date"] = "10 December 1948"  # the loader refuses this; check lists it with the rest
    (pack / "manifest.json").write_text(json.dumps(manifest, indent=2), encoding="utf-8")
    assert main(["--content", str(pack), "check"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[-1] == f"{pack}: 3 problems found."
    assert [line.split(":")[0] for line in out[:-1]] == ["manifest.json", "udhr.md", "udhr.md"]


def test_the_bundled_pack_passes_the_glossary_source_checks_too(monkeypatch, capsys):
    monkeypatch.delitem(sys.modules, "reader.glossary_sources_check", raising=False)
    assert main(["check"]) == 0
    assert "no problems found" in capsys.readouterr().out
