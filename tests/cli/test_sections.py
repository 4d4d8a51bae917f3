"""`field-reader sections` and `show`, and the errors a user can make."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from reader import __version__
from reader.__main__ import main


def test_sections_json_lists_every_heading_in_reading_order(report, capsys):
    assert main(["sections", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [row["title"] for row in rows] == [section.title for section in report.sections]
    assert {"id", "title", "level", "parent", "text"} <= set(rows[0])
    red_wolf = next(row for row in rows if row["id"] == "red-wolf")
    assert red_wolf["parent"] == "how-apartheid-is-imposed" and red_wolf["level"] == 3
    assert "facial recognition system called Red Wolf" in red_wolf["text"]


def test_sections_json_covers_every_paragraph_of_the_report(report, capsys):
    main(["sections", "--json"])
    text = "\n".join(row["text"] for row in json.loads(capsys.readouterr().out))
    assert all(paragraph.text in text for paragraph in report.paragraphs())


def test_show_prints_one_section(capsys):
    assert main(["show", "red-wolf"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Automated Apartheid") and "Red Wolf" in out and "Mass displacement" not in out


def test_unknown_section_prints_one_line_and_exits_1(capsys):
    assert main(["show", "no-such-section"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1 and captured.err.startswith("field-reader: ")


def test_broken_content_folder_is_one_line_not_a_traceback(tmp_path, capsys):
    assert main(["--content", str(tmp_path), "sections"]) == 1
    err = capsys.readouterr().err
    assert "manifest.json" in err and "Traceback" not in err


def test_unknown_command_is_a_usage_error():
    with pytest.raises(SystemExit) as exit_info:
        main(["frobnicate"])
    assert exit_info.value.code == 2


def test_version_is_printed(capsys):
    with pytest.raises(SystemExit):
        main(["--version"])
    assert __version__ in capsys.readouterr().out


def test_python_dash_m_reader_runs_in_a_subprocess():
    result = subprocess.run(
        [sys.executable, "-m", "reader", "sections"], capture_output=True, text=True, check=False, timeout=60
    )
    assert result.returncode == 0 and "red-wolf" in result.stdout


@pytest.mark.parametrize(
    "argv",
    [["--exit-after-start"], ["--content", "DIR"], ["--content=DIR", "--exit-after-start"], []],
)
def test_window_arguments_open_the_window(monkeypatch, argv):
    opened = []

    def run_window(build, data_folder, *, exit_after_start):
        opened.append(exit_after_start)
        return 0

    monkeypatch.setattr("reader.ui.app.run_window", run_window)
    assert main(argv) == 0
    assert opened == ["--exit-after-start" in " ".join(argv)]


def test_content_without_a_folder_is_a_usage_error():
    with pytest.raises(SystemExit) as exit_info:
        main(["--content"])
    assert exit_info.value.code == 2
