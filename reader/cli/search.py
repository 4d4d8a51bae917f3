"""The `search` and `index build` commands of the command line: finding the index, printing hits."""

from __future__ import annotations

import json
import sys
import textwrap
from pathlib import Path

from reader import paths
from reader.content import Report
from reader.glossary import load_glossary
from reader.notes.schema import DB_NAME
from reader.search.build import Progress, SearchDocument, build_index, glossary_documents, note_documents
from reader.search.index import SearchHit, SearchIndex, SearchResult, merge_results, open_or_build_index

_BOLD, _PLAIN = "\033[1m", "\033[0m"


def content_documents(report: Report) -> tuple[SearchDocument, ...]:
    """The documents indexed beside the report's paragraphs: its glossary entries."""
    return glossary_documents(load_glossary(report))


def run_search(report: Report, text: str, limit: int, as_json: bool) -> int:
    limit = max(1, limit)
    search_index = open_or_build_index(report, content_documents(report), _progress_to_stderr())
    try:
        results = [search_index.search(text, limit=limit)]
    finally:
        search_index.close()
    notes = _search_notes(report, text, limit)
    if notes is not None:
        results.append(notes)
    result = merge_results(results, limit)
    if as_json:
        print(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
    else:
        _print_result(result, emphasis=sys.stdout.isatty())
    return 0


def run_index_build(report: Report, folder: Path | None) -> int:
    folder = folder or paths.bundled_index_dir()
    build_index(folder, report, content_documents(report), _progress_to_stderr())
    with SearchIndex.open(folder) as search_index:
        count = search_index.document_count
    print(f"Indexed {count} passages into {folder}.")
    return 0


def _search_notes(report: Report, text: str, limit: int) -> SearchResult | None:
    """The reader's notes matching `text`, or None when there is no notes database yet (none is created)."""
    if not (paths.data_dir() / DB_NAME).is_file():
        return None
    from reader.notes.store import NoteStore

    with NoteStore(paths.data_dir()) as store:
        notes = store.notes(visible_only=True)
    if not notes:
        return None
    with SearchIndex.in_memory(note_documents(notes, report)) as notes_index:
        return notes_index.search(text, limit=limit)


def _progress_to_stderr() -> Progress:
    started = False

    def progress(done: int, total: int) -> None:
        nonlocal started
        if not started:
            print("Building the search index…", file=sys.stderr)
            started = True

    return progress


def _print_result(result: SearchResult, emphasis: bool) -> None:
    if result.notice:
        print(result.notice)
    if result.suggestion:
        print(f"Did you mean: {result.suggestion}?")
    if not result.hits:
        print(f"No results for “{result.query.strip()[:80]}”.")
        return
    shown = len(result.hits)
    noun = ("close match", "close matches") if result.is_fuzzy else ("result", "results")
    count = f"{result.total} {noun[result.total != 1]}"
    print(f"{count}{f', showing {shown}' if shown < result.total else ''}:")
    for number, hit in enumerate(result.hits, start=1):
        print()
        where = hit.paragraph_id or hit.key
        label = "" if hit.kind == "report" else f"[{hit.kind}] "
        print(f"{number:>2}. {label}{hit.heading}  ({where})")
        print(textwrap.indent(_emphasised(hit, emphasis), "    "))


def _emphasised(hit: SearchHit, emphasis: bool) -> str:
    if not emphasis:
        return textwrap.fill(hit.snippet, width=74)
    # Wrap first, then mark: escape codes would confuse the line widths.
    lines = textwrap.wrap(hit.snippet, width=74)
    marked, offset = [], 0
    for line in lines:
        start = hit.snippet.index(line, offset)
        end = start + len(line)
        pieces, cursor = [], start
        for span_start, span_end in hit.snippet_spans:
            span_start, span_end = max(span_start, start), min(span_end, end)
            if span_start >= span_end or span_start < cursor:
                continue
            pieces += [hit.snippet[cursor:span_start], _BOLD, hit.snippet[span_start:span_end], _PLAIN]
            cursor = span_end
        marked.append("".join([*pieces, hit.snippet[cursor:end]]))
        offset = end
    return "\n".join(marked)
