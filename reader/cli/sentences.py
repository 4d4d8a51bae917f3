"""The `sentences` command: what read aloud speaks for one section, sentence by sentence, in order."""

from __future__ import annotations

import json

from reader.content import Report
from reader.glossary import Glossary
from reader.read_aloud_plan import plan_section


def run_sentences(report: Report, section_id: str, as_json: bool, glossary: Glossary | None = None) -> int:
    """Print the section's heading and sentences (its subsections' too) one per line, or a JSON list of them.

    With a `glossary`, each abbreviation's first occurrence is printed as read aloud says it (its expansion); the
    JSON then also gives the spoken text beside the written one.
    """
    plan = plan_section(report, section_id, glossary=glossary)
    if as_json:
        rows = []
        for utterance in plan:
            row: dict[str, object] = {
                "section": utterance.section_id,
                "paragraph": utterance.paragraph_id,
                "start": utterance.start,
                "end": utterance.end,
                "text": utterance.text,
            }
            if glossary is not None:
                row["spoken"] = utterance.spoken
            rows.append(row)
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    for utterance in plan:
        print(" ".join(utterance.spoken.split()))
    return 0
