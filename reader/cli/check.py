"""The `check` command: every problem in a content pack, one `file:line: message` per line."""

from __future__ import annotations

from pathlib import Path

from reader.content_check import check_content


def run_check(folder: Path) -> int:
    """Print each problem of the pack in `folder` and return 1, or say it has none and return 0."""
    result = check_content(folder)
    for problem in result.problems:
        print(problem)
    if result.problems:
        count = len(result.problems)
        print(f"{folder}: {count} problem{'s' if count != 1 else ''} found.")
        return 1
    entries = f"{result.glossary_entries} glossary entr{'ies' if result.glossary_entries != 1 else 'y'}"
    sections = f"{result.sections} section{'s' if result.sections != 1 else ''}"
    print(f"{folder}: no problems found ({sections}, {entries}).")
    return 0
