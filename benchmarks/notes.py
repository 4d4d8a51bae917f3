"""Notes benchmark: with 10,000 notes, opening the store, listing, re-anchoring, exporting and importing.

    .venv/bin/python benchmarks/notes.py                  # 10,000 notes (minutes: the PDF export takes longest)
    .venv/bin/python benchmarks/notes.py --notes 50000    # more
    .venv/bin/python benchmarks/notes.py --runs 9         # the passes timed more often (default 5)
    .venv/bin/python benchmarks/notes.py --pdf-runs 0     # without the PDF export (the slowest by far)

The figures the performance budget is about are in capitals: re-anchoring every note after an edit of the report
(an edited edition where text moved, passages changed and some were removed; nothing remembered from an earlier
pass), and each export format. Passes that are timed more than once print the median. The light edit, timed too, is
the only edited edition this benchmark had when the budget was set (its 330-460 ms were measured on it); the heavier
one was added later as the harder case.

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

from reader.cli.notes import note_row
from reader.content import Report, load_report
from reader.notes.anchoring import (
    Placement,
    ReportText,
    anchor_from_selection,
    moved_anchors,
    place_notes,
    reading_order,
)
from reader.notes.export import export_notes
from reader.notes.json_text import indented_json
from reader.notes.near_places import new_places, recall_places, remember_places
from reader.notes.note import MY_LAYER, Color, ImportedNote, Note, NoteId, Style
from reader.notes.sealed_file import NotesFileSealer
from reader.notes.store import NoteStore
from reader.notes.w3c_import import import_annotations

CONTENT = Path(__file__).resolve().parent.parent / "content"
Result = TypeVar("Result")


def timed(label: str, action: Callable[[], Result]) -> Result:
    start = time.perf_counter()
    result = action()
    print(f"{label:<58} {(time.perf_counter() - start) * 1000:9.1f} ms")
    return result


def random_notes(report: Report, count: int, rng: random.Random, source: str = "bench") -> list[ImportedNote]:
    """Highlights of 2 to 12 whole words at random places, a third of them with a note and tags.

    Each is keyed "{source}-{number}": notes from another source (a colleague's file) must not share keys with these,
    or an import would rightly take them for notes already there.
    """
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
                key=f"{source}-{number}",
                anchor=anchor,
                text=f"Note {number}: follow up on this passage." if with_note else "",
                tags=(f"tag{number % 12}", "bench") if with_note else (),
                color=list(Color)[number % len(Color)],
                style=list(Style)[number % len(Style)],
            )
        )
    return notes


def lightly_edited_copy(folder: Path) -> Report:
    """The report with a sentence added to the start of every section and a few words changed (nothing removed)."""
    shutil.copytree(CONTENT, folder)
    markdown = folder / "report.md"
    edited = []
    for line in markdown.read_text(encoding="utf-8").split("\n"):
        edited.append(line)
        if line.startswith("#"):
            edited.extend(["", "A short introduction added in a later edition of the report."])
    text = "\n".join(edited)
    for old, new in [("policies, and practices", "policies and practices"), ("ruthless", "harsh"), ("cruel", "harsh")]:
        text = text.replace(old, new)
    markdown.write_text(text, encoding="utf-8")
    return load_report(folder)


def edited_copy(folder: Path, rng: random.Random) -> tuple[Report, str]:
    """A later edition of the report, as an editor would make it, and what was edited.

    A short introduction is added to the start of every section (every later paragraph moves, and so does its id),
    two paragraphs move to other sections, three are removed, three lose a sentence, and a dozen have words changed
    (a word replaced, a typo made).
    """
    shutil.copytree(CONTENT, folder)
    markdown = folder / "report.md"
    lines = markdown.read_text(encoding="utf-8").split("\n")
    headings = [number for number, line in enumerate(lines) if line.startswith("#")]
    paragraphs = [number for number, line in enumerate(lines) if len(line) > 150 and line[0].isalnum()]
    chosen = rng.sample(paragraphs, 20)
    moved, removed, shortened, changed = chosen[:2], chosen[2:5], chosen[5:8], chosen[8:]
    for number in shortened:
        sentences = lines[number].split(". ")
        if len(sentences) > 1:
            del sentences[rng.randrange(len(sentences))]
            lines[number] = ". ".join(sentences)
    for number in changed:
        words = lines[number].split(" ")
        for _ in range(2):
            at = rng.randrange(len(words))
            word = words[at]
            if len(word) > 4 and rng.random() < 0.5:
                swap = rng.randrange(1, len(word) - 2)
                words[at] = word[:swap] + word[swap + 1] + word[swap] + word[swap + 2 :]
            else:
                words[at] = rng.choice(["also", "widely", "reportedly", "documented", "its"])
        lines[number] = " ".join(words)
    destination = {}  # a moved paragraph's new place: after another section's heading
    for number in moved:
        own_heading = max(heading for heading in headings if heading < number)
        destination[number] = rng.choice([heading for heading in headings if heading != own_heading])
    edited: list[str] = []
    for number, line in enumerate(lines):
        if number in removed or number in moved:
            continue
        edited.append(line)
        if line.startswith("#"):
            edited.extend(["", "A short introduction added in a later edition of the report.", ""])
            edited.extend(f"{lines[source]}\n" for source, heading in destination.items() if heading == number)
    text = "\n".join(edited)
    for old, new in [("policies, and practices", "policies and practices"), ("ruthless", "harsh"), ("cruel", "harsh")]:
        text = text.replace(old, new)
    markdown.write_text(text, encoding="utf-8")
    summary = (
        "an introduction added to every section, 2 paragraphs moved to other sections, 3 removed, "
        "3 shortened by a sentence, 12 with words changed"
    )
    return load_report(folder), summary


def median_ms(action: Callable[[], Result], runs: int) -> tuple[float, Result]:
    """The median time of `runs` calls of `action`, in milliseconds, and what the last one returned."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        result = action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), result


def measured(label: str, action: Callable[[], Result], runs: int) -> Result:
    median, result = median_ms(action, runs)
    print(f"{label:<58} {median:9.1f} ms  (median of {runs})")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notes", type=int, default=10_000, help="how many notes (default 10,000)")
    parser.add_argument("--runs", type=int, default=5, help="runs of each timed pass (default 5)")
    parser.add_argument(
        "--pdf-runs", type=int, default=3, help="runs of the PDF export, which takes long (default 3; 0 leaves it out)"
    )
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    runs = args.runs
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
        measured("re-anchoring pass, unchanged report", lambda: place_notes(ReportText(report), notes), runs)
        placements = place_notes(text, notes)
        timed("sort into reading order", lambda: reading_order(text, notes, placements))
        edited, edits = edited_copy(folder / "edited", random.Random(args.seed))
        print(f"\nthe edited edition: {edits}")
        moved = measured(
            "RE-ANCHOR after an edit (edited report, nothing remembered)",
            lambda: place_notes(ReportText(edited), notes),
            runs,
        )
        print(f"{'':<4}placed by: {placed_by(moved)}")
        lightly_edited = lightly_edited_copy(folder / "lightly-edited")
        light = measured(
            "re-anchor after a light edit (introductions, 3 words changed)",
            lambda: place_notes(ReportText(lightly_edited), notes),
            runs,
        )
        print(f"{'':<4}placed by: {placed_by(light)}")
        moves = moved_anchors(notes, moved)
        timed(f"save {len(moves):,} new positions (one transaction)", lambda: store.relocate(moves))
        relocated = store.notes()
        measured(
            "same, next launch (positions saved, fuzzy matches not yet)",
            lambda: place_notes(ReportText(edited), relocated),
            runs,
        )
        first_launch = ReportText(edited)
        edition = recall_places(store, first_launch)
        place_notes(first_launch, relocated)
        near = new_places(first_launch, relocated)
        timed(f"save {len(near):,} near places (one transaction)", lambda: remember_places(store, edition, near))
        measured(
            "same, next launch (positions and near places saved)",
            lambda: place_notes(remembered_text(store, edited), relocated),
            runs,
        )
        edited_text = ReportText(edited)
        place_notes(edited_text, relocated)
        measured("same, again (fuzzy matches remembered)", lambda: place_notes(edited_text, relocated), runs)
        after_edit = folder / "after-edit.json"
        measured(
            "export W3C JSON after the edit, from the window's placed text",
            lambda: export_notes(after_edit, "json", relocated, edited_text),
            runs,
        )
        measured(
            "export W3C JSON after the edit, nothing remembered",
            lambda: export_notes(after_edit, "json", relocated, edited),
            runs,
        )
        measured(
            "… from the command line, near places saved",
            lambda: export_notes(after_edit, "json", relocated, remembered_text(store, edited)),
            runs,
        )
        print(f"\nexports of {len(notes):,} notes (each from the notes and the report: placing, ordering, writing)")
        exports = [
            ("EXPORT W3C JSON", "json", {}),
            ("EXPORT W3C JSON, safe (no authors, no times)", "json", {"safe": True}),
            ("EXPORT Markdown handout", "md", {}),
            ("EXPORT HTML handout", "html", {}),
            ("EXPORT PDF handout", "pdf", {}),
        ]
        for label, export_format, options in exports:
            out = folder / f"notes.{export_format}"
            times = args.pdf_runs if export_format == "pdf" else runs
            if not times:
                continue
            if export_format == "pdf":  # the first in a process also loads fpdf2, fontTools and HarfBuzz
                timed(
                    "EXPORT PDF handout, the first in this process",
                    lambda out=out: export_notes(out, "pdf", notes, report),
                )
            measured(
                label,
                lambda out=out, chosen=export_format, options=options: export_notes(
                    out, chosen, notes, report, **options
                ),
                times,
            )
            print(f"{'':<4}{out.stat().st_size / 1024:,.0f} KB")
        sealed = folder / "sealed.json"
        measured(
            "EXPORT W3C JSON sealed (scrypt included)",
            lambda: export_notes(sealed, "json", notes, report, passphrase="benchmark passphrase"),
            runs,
        )
        times = []
        for _ in range(runs):
            # As the export dialog does it: the key is begun once both passphrase fields agree, and is ready by
            # the time the reader has chosen the file and pressed Save (the pause stands for that).
            sealer = NotesFileSealer("benchmark passphrase")
            time.sleep(0.6)
            start = time.perf_counter()
            export_notes(sealed, "json", notes, report, sealer=sealer)
            times.append((time.perf_counter() - start) * 1000)
        print(
            f"{'EXPORT W3C JSON sealed from the dialog (after Save)':<58} {statistics.median(times):9.1f} ms  "
            f"(median of {runs})"
        )
        measured("plain JSON list (as `notes list --json`)", lambda: plain_json(report, notes), runs)
        # A colleague's file of as many notes (made in a folder of their own: none of them is here yet).
        colleague = folder / "colleague"
        colleague.mkdir()
        with NoteStore(colleague) as theirs:
            theirs.add_imported(MY_LAYER, random_notes(report, len(notes), random.Random(args.seed + 1), "colleague"))
            export_notes(folder / "colleague.json", "json", theirs.notes(), report)
        result = timed(
            "import a colleague's W3C JSON as a new layer",
            lambda: import_annotations(store, report, folder / "colleague.json", "colleague"),
        )
        print(f"{'':<4}{result.summary()}")
        timed(
            "import it again (adds nothing)",
            lambda: import_annotations(store, report, folder / "colleague.json", "colleague"),
        )
        export_notes(folder / "notes.json", "json", notes, report)
        result = timed(
            "import this folder's own export (adds nothing)",
            lambda: import_annotations(store, report, folder / "notes.json", "copy"),
        )
        print(f"{'':<4}{result.summary()}")
        timed("close (refresh today's backup)", store.close)
        size = (data / "notes.sqlite3").stat().st_size
        print(f"\ndatabase size {size / 1024 / 1024:.1f} MB for {args.notes * 2 + 100:,} notes")


def remembered_text(store: NoteStore, report: Report) -> ReportText:
    """The report's text as a launch or a command lays it out: told where near searches placed notes before."""
    text = ReportText(report)
    recall_places(store, text)
    return text


def placed_by(placements: dict[NoteId, Placement]) -> dict[str, int]:
    methods = Counter(placement.method.value if placement.method else "orphaned" for placement in placements.values())
    return dict(sorted(methods.items()))


def plain_json(report: Report, notes: tuple[Note, ...]) -> str:
    """The notes as `field-reader notes list --json` prints them."""
    text = ReportText(report)
    placements = place_notes(text, notes)
    rows = [note_row(note, placements[note.id], report) for note in reading_order(text, notes, placements)]
    return indented_json(rows)


if __name__ == "__main__":
    main()
