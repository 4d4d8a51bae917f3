"""Helpers the notes tests share: an edit-distance table to check near matches against (their ends and starts), a
handout entry, a later edition of the report (with notes made on the first), a count of near searches."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from pathlib import Path

import pytest

from reader.content import Report, load_report
from reader.notes import anchoring
from reader.notes.anchoring import ReportText, anchor_from_selection
from reader.notes.handout import HandoutEntry
from reader.notes.note import Color, Style
from reader.notes.schema import DB_NAME, MIGRATIONS
from reader.notes.store import NoteStore


def ends_by_table(text: str, pattern: str, max_errors: int) -> list[tuple[int, int]]:
    """The edit-distance table filled cell by cell (a match may start anywhere), then the best end of each run."""
    previous = list(range(len(pattern) + 1))
    columns = []
    for char in text:
        column = [0]
        for row, wanted in enumerate(pattern, start=1):
            column.append(min(previous[row] + 1, column[row - 1] + 1, previous[row - 1] + (wanted != char)))
        columns.append(column[-1])
        previous = column
    runs: list[list[tuple[int, int]]] = []
    for end, errors in enumerate(columns, start=1):
        if errors > max_errors:
            continue
        if runs and runs[-1][-1][0] == end - 1:
            runs[-1].append((end, errors))
        else:
            runs.append([(end, errors)])
    return [(end, errors) for run in runs for end, errors in run if errors == min(value for _end, value in run)]


def errors_by_table(pattern: str, text: str, anchored: bool) -> list[int]:
    """The errors of the pattern's best match ending after text[:j] for each j, the table filled cell by cell; the
    match starts at the text's start when `anchored`, anywhere otherwise."""
    previous = [column if anchored else 0 for column in range(len(text) + 1)]
    for row, wanted in enumerate(pattern, start=1):
        current = [row]
        for column, char in enumerate(text, start=1):
            current.append(min(previous[column] + 1, current[-1] + 1, previous[column - 1] + (wanted != char)))
        previous = current
    return previous


def starts_by_table(pattern: str, before: str) -> tuple[list[int], int]:
    """The lengths of the matches of `pattern` ending where `before` ends that have the fewest errors, in the order
    `best_start` takes them, and those errors: nearest the pattern's length first; of two as near, the one starting
    with the pattern's first character when only it does, else the shorter."""
    by_length = errors_by_table(pattern[::-1], before[::-1], anchored=True)
    errors = min(by_length)

    def starts_as_the_pattern(length: int) -> bool:
        return bool(pattern) and length > 0 and before[len(before) - length] == pattern[0]

    def order(length: int) -> tuple[int, bool, int]:
        distance = abs(length - len(pattern))
        twin = 2 * len(pattern) - length  # as near, on the other side of the pattern's length
        turned = (
            twin in range(len(by_length))
            and by_length[twin] == errors
            and starts_as_the_pattern(max(length, twin))
            and not starts_as_the_pattern(min(length, twin))
        )
        return distance, (length < twin) == turned, length

    return sorted((length for length, value in enumerate(by_length) if value == errors), key=order), errors


def handout_entry(
    note: str,
    *,
    quote: str = "a fragile ceasefire",
    color: Color = Color.YELLOW,
    section: str = "Overview",
    number: int = 1,
    citation: str = "",
) -> HandoutEntry:
    """One note of a handout, by Ms Haddad in the "mine" layer, tagged "class"."""
    return HandoutEntry(
        section_id="overview",
        section_title=section,
        paragraph_number=number,
        quote=quote,
        note=note,
        tags=("class",),
        color=color,
        style=Style.HIGHLIGHT,
        layer="mine",
        author="Ms Haddad",
        created=dt.datetime(2024, 5, 1, tzinfo=dt.UTC),
        orphaned=False,
        citation=citation,
    )


CONTENT = Path(__file__).resolve().parents[3] / "content"


def later_edition(folder: Path) -> Report:
    """The report copied to `folder` with words changed and a letter swapped, as a later edition may have it: notes
    made on those passages are found only approximately."""
    shutil.copytree(CONTENT, folder)
    markdown = folder / "report.md"
    text = markdown.read_text(encoding="utf-8")
    for old, new in [
        ("genocide against Palestinians in Gaza", "genocide against Palestinian people in Gaza"),
        ("deliberately oppress", "deliberatley oppress"),
        ("For over 75 years", "For more than seven decades"),
        ("policies, and practices", "policies and practices"),
    ]:
        assert old in text
        text = text.replace(old, new)
    markdown.write_text(text, encoding="utf-8")
    return load_report(folder)


def notes_then_later_edition(report: Report, store: NoteStore, folder: Path) -> Report:
    """Notes made on the first 40 paragraphs of the report (those long enough), then a later edition in `folder`,
    where some of them are found only approximately."""
    text = ReportText(report)
    for paragraph in report.paragraphs()[:40]:
        if len(paragraph.text) > 60:
            store.add(anchor_from_selection(text, paragraph.id, 10, 55), text=f"about {paragraph.id}")
    return later_edition(folder)


def count_near_searches(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """From now on, one item for each near search made (`quote_match.find_quote` called by the anchoring)."""
    made: list[object] = []
    real = anchoring.find_quote

    def counted(*arguments: object) -> object:
        made.append(arguments)
        return real(*arguments)  # type: ignore[arg-type]

    monkeypatch.setattr(anchoring, "find_quote", counted)
    return made


def database_at_version(folder: Path, version: int) -> None:
    """A notes database in `folder` as schema `version` left it, holding one note, "n1", whose text is "written by
    version {version}"."""
    connection = sqlite3.connect(folder / DB_NAME)
    for step in MIGRATIONS[:version]:
        for statement in step:
            connection.execute(statement)
    connection.execute(
        'INSERT INTO notes (id, layer, section_id, paragraph_id, start, "end", exact, color, style, body, created, '
        "updated) VALUES ('n1', 'mine', 'overview', 'overview-p1', 0, 12, 'Palestinians', 'blue', 'highlight', ?, "
        "'2024-01-01T00:00:00+00:00', '2024-01-01T00:00:00+00:00')",
        (f"written by version {version}",),
    )
    connection.execute(f"PRAGMA user_version = {version}")
    connection.commit()
    connection.close()
