"""Helpers for the privacy lock's tests: an anchor, and looking for words in every byte of a folder."""

from __future__ import annotations

from pathlib import Path

from reader.content import ParagraphId, SectionId
from reader.notes.note import Anchor


def anchor(exact: str = "Palestinians", start: int = 0) -> Anchor:
    return Anchor(SectionId("overview"), ParagraphId("overview-p1"), start, start + len(exact), exact, "", " in Gaza")


def files_holding(folder: Path, *words: str) -> list[str]:
    """Every file under `folder` whose bytes hold one of `words` (as UTF-8), with the word found."""
    found = []
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            data = path.read_bytes()
            found += [f"{path.relative_to(folder)}: {word}" for word in words if word.encode("utf-8") in data]
    return found


def all_bytes(folder: Path) -> dict[str, bytes]:
    return {str(path.relative_to(folder)): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}
