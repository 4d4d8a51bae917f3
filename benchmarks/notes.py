"""Notes benchmark: with 10,000 notes, opening the store, listing, re-anchoring, exporting and importing.

    .venv/bin/python benchmarks/notes.py                  # 10,000 notes (about a minute on a slow machine)
    .venv/bin/python benchmarks/notes.py --notes 50000    # more

Everything happens in a temporary folder; figures are printed, not asserted. Never run from the tests.
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from reader.content import Report, load_report
from reader.notes.anchoring import ReportText, anchor_from_selection, moved_anchors, place_notes, reading_order
from reader.notes.export import export_notes
from reader.notes.note import MY_LAYER, Color, ImportedNote, Style
from reader.notes.store import NoteStore
from reader.notes.w3c_import import import_annotations

CONTENT = Path(__file__).resolve().parent.parent / "content"
Result = TypeVar("Result")


def timed(label: str, action: Callable[[], Result]) -> Result:
    start = time.perf_counter()
    result = action()
    print(f"{label:<58} {(time.perf_counter() - start) * 1000:9.1f} ms")
    return result


def random_notes(report: Report, count: int, rng: random.Random) -> list[ImportedNote]:
    """Highlights of 2 to 12 whole words at random places, a third of them with a note and tags."""
    text = ReportText(report)
    paragraphs = [paragraph for paragraph in report.paragraphs() if len(paragraph.text.split()) > 3]
    notes = []
    for number in range(count):
        paragraph = rng.choice(paragraphs)
        words = paragraph.text.split(" ")
        first = rng.randrange(0, max(1, len(words) - 2))
        last = min(len(words), first + rng.randint(2, 12))
        start = len(" ".join(words[:first])) + (1 if first else 0)
        end = len(" ".join(words[:last]))
        anchor = anchor_from_selection(text, paragraph.id, start, end)
        with_note = number % 3 == 0
        notes.append(
            ImportedNote(
                key=f"bench-{number}",
                anchor=anchor,
                text=f"Note {number}: follow up on this passage." if with_note else "",
                tags=(f"tag{number % 12}", "bench") if with_note else (),
                color=list(Color)[number % len(Color)],
                style=list(Style)[number % len(Style)],
            )
        )
    return notes


def edited_copy(folder: Path) -> Report:
    """The report with a sentence added to the start of every section and a few words changed."""
    shutil.copytree(CONTENT, folder)
    markdown = folder / "report.md"
    lines = markdown.read_text(encoding="utf-8").split("\n")
    edited = []
    for line in lines:
        edited.append(line)
        if line.startswith("#"):
            edited.extend(["", "A short introduction added in a later edition of the report."])
    text = "\n".join(edited)
    for old, new in [("policies, and practices", "policies and practices"), ("ruthless", "harsh"), ("cruel", "harsh")]:
        text = text.replace(old, new)
    markdown.write_text(text, encoding="utf-8")
    return load_report(folder)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notes", type=int, default=10_000, help="how many notes (default 10,000)")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    report = load_report(CONTENT)
    print(f"{args.notes:,} notes on {len(report.paragraphs())} paragraphs in {len(report.sections)} sections\n")
    with tempfile.TemporaryDirectory() as folder_name:
        folder = Path(folder_name)
        data = folder / "data"
        data.mkdir()
        generated = timed("generate random highlights", lambda: random_notes(report, args.notes, rng))
        with NoteStore(data) as store:
            timed(f"insert {args.notes:,} notes (one transaction)", lambda: store.add_imported(MY_LAYER, generated))
            anchor = generated[0].anchor
            latencies = []
            for _ in range(100):
                start = time.perf_counter()
                store.add(anchor, text="one more")
                latencies.append((time.perf_counter() - start) * 1000)
            print(f"{'add one note (committed, fsync), median of 100':<58} {statistics.median(latencies):9.1f} ms")
        store = timed("open the store (integrity check, backup check)", lambda: NoteStore(data))
        notes = timed("list every note", store.notes)
        timed("list one section's notes", lambda: store.notes_in("evidence-of-intent-to-destroy"))
        timed("list tags and layers", lambda: (store.tags(), store.layers()))
        text = timed("lay out the report text for anchoring", lambda: ReportText(report))
        placements = timed("re-anchoring pass, unchanged report", lambda: place_notes(text, notes))
        timed("sort into reading order", lambda: reading_order(text, notes, placements))
        edited = edited_copy(folder / "edited")
        edited_text = ReportText(edited)
        moved = timed("re-anchoring pass, edited report", lambda: place_notes(edited_text, notes))
        methods = Counter(placement.method.value if placement.method else "orphaned" for placement in moved.values())
        print(f"{'':<4}placed by: {dict(sorted(methods.items()))}")
        moves = moved_anchors(notes, moved)
        timed(f"save {len(moves):,} new positions (one transaction)", lambda: store.relocate(moves))
        relocated = store.notes()
        timed(
            "same, next launch (positions saved, fuzzy matches not yet)",
            lambda: place_notes(ReportText(edited), relocated),
        )
        timed("same, again (fuzzy matches remembered)", lambda: place_notes(edited_text, relocated))
        for export_format in ("json", "md", "html", "pdf"):
            out = folder / f"notes.{export_format}"
            timed(
                f"export {export_format}",
                lambda out=out, chosen=export_format: export_notes(out, chosen, notes, report),
            )
            print(f"{'':<4}{out.stat().st_size / 1024:,.0f} KB")
        result = timed(
            "import that JSON as a new layer", lambda: import_annotations(store, report, folder / "notes.json", "copy")
        )
        print(f"{'':<4}{result.summary()}")
        timed(
            "import it again (adds nothing)", lambda: import_annotations(store, report, folder / "notes.json", "copy")
        )
        timed("close (refresh today's backup)", store.close)
        size = (data / "notes.sqlite3").stat().st_size
        print(f"\ndatabase size {size / 1024 / 1024:.1f} MB for {args.notes * 2 + 100:,} notes")


if __name__ == "__main__":
    main()
