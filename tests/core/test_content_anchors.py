"""Every section and paragraph of the bundled report keeps its id, number, kind and text, so no reader's note moves.

The pin in tests/data/paragraph-anchors.json was written from the report as the reader parsed it before
Markdown parsing moved to Python-Markdown. Only a new edition of the content may change it: then run
`python tests/core/test_content_anchors.py` and read the diff, since every changed id moves readers' notes.
"""

from __future__ import annotations

import json
from pathlib import Path

from reader.content import Report, load_report

PIN = Path(__file__).resolve().parents[1] / "data" / "paragraph-anchors.json"
CONTENT = Path(__file__).resolve().parents[2] / "content"


def anchors(report: Report) -> list[dict]:
    """The pinned facts of each section, with its paragraphs, in reading order."""
    return [
        {
            "id": section.id,
            "title": section.title,
            "level": section.level,
            "parent": section.parent,
            "paragraphs": [
                {
                    "id": paragraph.id,
                    "number": paragraph.number,
                    "kind": paragraph.kind.value,
                    "group": paragraph.group,
                    "ordered": paragraph.ordered,
                    "text": paragraph.text,
                }
                for paragraph in section.paragraphs
            ],
        }
        for section in report.sections
    ]


def pinned() -> list[dict]:
    return json.loads(PIN.read_text(encoding="utf-8"))["sections"]


def test_every_section_keeps_its_id_title_and_place_in_the_contents(report: Report) -> None:
    facts = [(section["id"], section["title"], section["level"], section["parent"]) for section in anchors(report)]
    assert facts == [(section["id"], section["title"], section["level"], section["parent"]) for section in pinned()]


def test_every_paragraph_keeps_its_id_number_kind_group_and_text(report: Report) -> None:
    paragraphs = [paragraph for section in anchors(report) for paragraph in section["paragraphs"]]
    assert paragraphs == [paragraph for section in pinned() for paragraph in section["paragraphs"]]


def test_a_report_read_back_from_the_cache_has_the_same_anchors(tmp_path: Path) -> None:
    load_report(CONTENT, tmp_path)
    assert anchors(load_report(CONTENT, tmp_path)) == pinned()


if __name__ == "__main__":
    PIN.write_text(
        json.dumps({"sections": anchors(load_report(CONTENT))}, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
