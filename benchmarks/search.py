"""Search benchmark: index build time and size, per-query latency (p50/p95, snippets included).

    .venv/bin/python benchmarks/search.py                 # the bundled report (seconds)
    .venv/bin/python benchmarks/search.py --scale 1000    # also a generated corpus 1,000 times its size (minutes)
    .venv/bin/python benchmarks/search.py --scale 1000 --keep /tmp/big-index   # reuse that index next time

Never run from the tests; figures are printed, not asserted.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from reader.content import ParagraphId, Report, Section, SectionId, load_report
from reader.glossary import load_glossary
from reader.search.build import build_index
from reader.search.documents import glossary_documents
from reader.search.index import SearchIndex
from reader.search.stamp import is_fresh

QUERIES: dict[str, list[str]] = {
    "word": [
        "genocide",
        "apartheid",
        "occupation",
        "blockade",
        "famine",
        "ceasefire",
        "checkpoints",
        "settlements",
        "Rafah",
        "ICJ",
        "ICC",
        "Netanyahu",
        "torture",
        "children",
        "water",
        "refugees",
        "surveillance",
        "annexation",
        "hostages",
        "evidence",
        "weapons",
        "displacement",
        "humanitarian",
        "Jerusalem",
        "discrimination",
    ],
    "words": [
        "what is genocide",
        "red wolf facial recognition",
        "how does Israel impose apartheid",
        "arms trade treaty",
        "when was the ceasefire deal",
        "famine humanitarian aid",
        "forcibly displaced to Rafah",
        "arrest warrant for Gallant",
        "evidence of genocidal intent",
        "are settlements a war crime",
        "checkpoints and permit regime",
        "apartheid in South Africa",
        "land confiscation",
        "how many Palestinians were killed in the West Bank",
        "who sends weapons to Israel",
        "torture in custody",
        "Deir al Balah",
        "international court of justice",
        "military occupation of Gaza",
        "right to return",
        "destruction of cultural sites",
        "health workers arrested",
        "blockade since 2007",
        "UN General Assembly",
        "mass displacement of civilians",
    ],
    "phrase": [
        '"Red Wolf"',
        '"West Bank"',
        '"Gaza Strip"',
        '"Genocide Convention"',
        '"war crimes"',
        '"human rights"',
        '"facial recognition"',
        '"mental harm"',
        '"forcibly displaced"',
        '"provisional measures"',
        '"arms transfers"',
        '"Deir al-Balah"',
        '"system of apartheid"',
        '"occupied Palestinian territory"',
        '"international law"',
    ],
    "operator": [
        "ICJ NOT genocide",
        "arms OR weapons",
        "famine AND Rafah",
        "israel -gaza",
        "(apartheid OR genocide) NOT gaza",
        "settlements AND illegal",
        "ceasefire OR hostages",
        "torture AND detention",
        "ICC OR ICJ",
        "blockade -famine",
        "checkpoints AND (permit OR travel)",
        "children NOT killed",
        "water AND gas",
        "annexation OR settlements",
        "genocide AND intent",
    ],
    "prefix": [
        "apart*",
        "genoc*",
        "displac*",
        "settle*",
        "humanit*",
        "occup*",
        "checkpo*",
        "surveil*",
        "destr*",
        "inter*",
    ],
    "typo": [
        "genocde",
        "apartied",
        "humanitarain",
        "ceasfire",
        "occuption",
        "checkpiont",
        "settlemnts",
        "blokade",
        "refugess",
        "Netanyahoo",
        "torure",
        "surveilance",
    ],
}


def _corpus(report: Report, scale: int, seed: int = 7) -> Report:
    """The report's sections `scale` times over, each copy's paragraphs rebuilt from shuffled sentences."""
    rng = random.Random(seed)
    sentences = [s.strip() + "." for p in report.paragraphs() for s in p.text.split(". ") if s.strip()]
    sections = []
    for copy in range(scale):
        for section in report.sections:
            section_id = SectionId(f"{section.id}-{copy}")
            paragraphs = tuple(
                replace(
                    paragraph,
                    id=ParagraphId(f"{section_id}-p{number}"),
                    section_id=section_id,
                    text=" ".join(rng.sample(sentences, max(1, paragraph.text.count(". ") + 1))),
                )
                for number, paragraph in enumerate(section.paragraphs, start=1)
            )
            parent = SectionId(f"{section.parent}-{copy}") if section.parent else None
            sections.append(Section(section_id, section.title, section.level, parent, "", paragraphs))
    return replace(report, sections=tuple(sections), checksum=f"{report.checksum}-x{scale}-{seed}")


def _size(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.iterdir() if path.is_file())


def _measure(label: str, report: Report, folder: Path, extra) -> None:
    paragraphs = sum(len(section.paragraphs) for section in report.sections)
    if is_fresh(folder, report):
        print(f"{label}: reusing the index in {folder}")
    else:
        started = time.perf_counter()
        build_index(folder, report, extra)
        print(f"{label}: built {paragraphs:,} paragraphs in {time.perf_counter() - started:.2f} s")
    text_size = sum(len(paragraph.text) for paragraph in report.paragraphs())
    print(f"{label}: index size {_size(folder) / 1024:,.0f} KiB ({text_size / 1024:,.0f} KiB of text)")
    with SearchIndex.open(folder) as index:
        for query in ("warm", "up", "genocide"):
            index.search(query)
        everything: list[float] = []
        print(f"{'kind':<10}{'queries':>8}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}")
        for kind, queries in QUERIES.items():
            timings = []
            for query in queries:
                started = time.perf_counter()
                index.search(query, limit=10)
                timings.append((time.perf_counter() - started) * 1000)
            everything += timings
            _row(kind, timings)
        _row("all", everything)


def _row(kind: str, timings: list[float]) -> None:
    p50, p95 = _percentile(timings, 50), _percentile(timings, 95)
    print(f"{kind:<10}{len(timings):>8}{p50:>9.2f}{p95:>9.2f}{max(timings):>9.2f}")


def _percentile(values: list[float], percent: int) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[percent - 1] if len(values) > 1 else values[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=0, help="also measure a generated corpus this many times larger")
    parser.add_argument("--keep", type=Path, help="build the generated corpus's index here and reuse it next time")
    args = parser.parse_args()
    report = load_report(Path(__file__).resolve().parent.parent / "content")
    extra = glossary_documents(load_glossary(report))
    print(f"{sum(len(v) for v in QUERIES.values())} queries, 10 hits each, snippets included; times are wall-clock.")
    with tempfile.TemporaryDirectory() as scratch:
        _measure("bundled", report, Path(scratch) / "bundled", extra)
        if args.scale:
            print()
            big = _corpus(report, args.scale)
            folder = args.keep or Path(scratch) / f"x{args.scale}"
            _measure(f"x{args.scale}", big, folder, ())


if __name__ == "__main__":
    main()
