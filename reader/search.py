"""`SearchIndex`: the Whoosh full-text index of the report (build, open, staleness, search) and its `SearchHit`s."""

from __future__ import annotations

import itertools
import json
import shutil
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import whoosh.index
from whoosh import qparser, query
from whoosh.fields import ID, STORED, TEXT, Schema
from whoosh.filedb.filestore import RamStorage
from whoosh.index import IndexError as WhooshIndexError

from reader import paths
from reader.content import Report
from reader.errors import ReaderError
from reader.search_count import count_matches
from reader.search_query import (
    EXACT_ANALYZER,
    STEM_ANALYZER,
    QueryRewriter,
    Vocabulary,
    clean_query,
    complete_last_word,
    corrected_text,
    make_parser,
    parse,
)
from reader.search_snippet import NO_TERMS, MatchTerms, make_snippet, match_spans, match_terms

if TYPE_CHECKING:  # only for type hints: search.py sits below glossary.py and notes.py
    from reader.glossary import GlossaryTerm
    from reader.notes import Note

INDEX_FORMAT = 1
"""Bump when the schema or the way documents are made changes: every existing index becomes stale."""

CALLOUT_BOOST = 0.5
INFO_NAME = "field-reader-index.json"
_WHOOSH_PREFIXES = ("MAIN_", "_MAIN_")

Progress = Callable[[int, int], None]


class SearchError(ReaderError):
    """The search index cannot be built or opened."""


@dataclass(frozen=True, slots=True)
class SearchDocument:
    """One searchable thing: a report paragraph, a glossary entry or a note.

    `key` is unique in an index ("red-wolf-p2", "glossary:apartheid", "note:12"); `title` is the heading text
    that also counts towards matches (the section's heading path, a glossary term, the noted section).
    """

    kind: str
    key: str
    text: str
    title: str = ""
    section_id: str | None = None
    section_title: str | None = None
    heading: str = ""
    paragraph_id: str | None = None


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One result: where it is, why it matched, and a snippet.

    `spans` are (start, end) offsets of the matched words in the document's full text (for a report paragraph,
    offsets into `Paragraph.text`); `snippet_spans` are the same words' offsets inside `snippet`; `terms` are the
    matched words as they appear in the text, for highlighting elsewhere.
    """

    kind: str
    key: str
    section_id: str | None
    section_title: str | None
    heading: str
    paragraph_id: str | None
    score: float
    snippet: str
    snippet_spans: tuple[tuple[int, int], ...]
    terms: tuple[str, ...]
    spans: tuple[tuple[int, int], ...]

    def to_json(self) -> dict:
        return {
            "kind": self.kind,
            "key": self.key,
            "section_id": self.section_id,
            "section_title": self.section_title,
            "heading": self.heading,
            "paragraph_id": self.paragraph_id,
            "score": round(self.score, 4),
            "snippet": self.snippet,
            "snippet_spans": [list(span) for span in self.snippet_spans],
            "terms": list(self.terms),
        }


@dataclass(frozen=True, slots=True)
class SearchResult:
    """What a query found: `total` matching documents, the best `hits`, and a corrected query to offer.

    `is_fuzzy` says some words were unknown and matched loosely; `notice` says the query was cut short.
    """

    query: str
    total: int
    suggestion: str | None
    hits: tuple[SearchHit, ...]
    is_fuzzy: bool = False
    notice: str | None = None
    match_terms: MatchTerms = NO_TERMS
    """What to highlight elsewhere (every paragraph of the document), with `search_snippet.match_spans`."""

    def to_json(self) -> dict:
        return {
            "query": self.query,
            "total": self.total,
            "suggestion": self.suggestion,
            "is_fuzzy": self.is_fuzzy,
            "notice": self.notice,
            "hits": [hit.to_json() for hit in self.hits],
        }


def _schema() -> Schema:
    return Schema(
        key=ID(stored=True, unique=True),
        kind=ID(stored=True),
        section_id=STORED(),
        section_title=STORED(),
        heading=STORED(),
        paragraph_id=STORED(),
        content=STORED(),
        body=TEXT(analyzer=STEM_ANALYZER, phrase=False),
        title=TEXT(analyzer=STEM_ANALYZER, phrase=False),
        # "al-Balah" and "1,139" become phrases, so they match however the reader writes them.
        exact=TEXT(analyzer=EXACT_ANALYZER, phrase=True, multitoken_query="phrase"),
        title_exact=TEXT(analyzer=EXACT_ANALYZER, phrase=False),
    )


def report_documents(report: Report) -> tuple[SearchDocument, ...]:
    """One document per paragraph of the report (list items, quotes and call-out lines included)."""
    documents = []
    for section in report.sections:
        path = report.heading_path(section.id)
        heading = " › ".join(ancestor.title for ancestor in path)
        for paragraph in section.paragraphs:
            documents.append(
                SearchDocument(
                    kind="report",
                    key=paragraph.id,
                    text=paragraph.text,
                    title=heading,
                    section_id=section.id,
                    section_title=section.title,
                    heading=heading,
                    paragraph_id=paragraph.id,
                )
            )
    return tuple(documents)


def glossary_documents(terms: Iterable[GlossaryTerm]) -> tuple[SearchDocument, ...]:
    """One document per glossary entry: its definition and explanation, with its term, expansion and aliases as
    the heading words."""
    documents = []
    for term in terms:
        name = term.term + (f" ({term.expansion})" if term.expansion else "")
        text = f"{name}: {term.definition}" + (f" {term.explanation}" if term.explanation else "")
        documents.append(
            SearchDocument(
                kind="glossary",
                key=f"glossary:{term.id}",
                text=text,
                title=" ".join(term.forms),
                section_title="Glossary",
                heading=f"Glossary › {term.term}",
            )
        )
    return tuple(documents)


def note_documents(notes: Iterable[Note], report: Report) -> tuple[SearchDocument, ...]:
    """One document per note: its text then the passage it quotes, with its tags as heading words."""
    documents = []
    for note in notes:
        quote = note.quote.strip()
        text = "\n".join(part for part in (note.text.strip(), f"“{quote}”" if quote else "") if part)
        title = report.section(note.section_id).title if report.has_section(note.section_id) else None
        documents.append(
            SearchDocument(
                kind="note",
                key=f"note:{note.id}",
                text=text,
                title=" ".join(note.tags),
                section_id=note.section_id,
                section_title=title,
                heading=f"Note › {title}" if title else "Note",
                paragraph_id=note.paragraph_id,
            )
        )
    return tuple(documents)


def _boost(document: SearchDocument) -> float:
    # Call-out lines repeat the same campaign slogan in many sections; they should not crowd out the prose.
    return CALLOUT_BOOST if document.key.rsplit("-", 1)[-1].startswith("c") and document.kind == "report" else 1.0


def _add_documents(writer, documents: Sequence[SearchDocument], progress: Progress | None) -> None:
    total = len(documents)
    step = max(1, total // 100)
    for done, document in enumerate(documents, start=1):
        writer.add_document(
            key=document.key,
            kind=document.kind,
            section_id=document.section_id,
            section_title=document.section_title,
            heading=document.heading,
            paragraph_id=document.paragraph_id,
            content=document.text,
            body=document.text,
            title=document.title,
            exact=document.text,
            title_exact=document.title,
            _boost=_boost(document),
        )
        if progress is not None and (done % step == 0 or done == total):
            # The commit still follows; report slightly under complete until it is done.
            progress(done, total + 1)


def build_index(
    folder: Path,
    report: Report,
    extra_documents: Iterable[SearchDocument] = (),
    progress: Progress | None = None,
) -> Path:
    """Build the index of `report` (and `extra_documents`, such as glossary entries) into `folder`.

    The index is written beside the folder first and moved in when complete, so a crash never leaves half an
    index; other files in `folder` (a README) are kept. Runs synchronously; call it off the UI thread.
    """
    documents = (*report_documents(report), *extra_documents)
    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(prefix=".building-", dir=folder) as scratch:
            scratch_path = Path(scratch)
            index = whoosh.index.create_in(scratch_path, _schema())
            writer = index.writer(limitmb=128)
            try:
                _add_documents(writer, documents, progress)
            except BaseException:
                writer.cancel()
                raise
            writer.commit()
            info = {"format": INDEX_FORMAT, "checksum": report.checksum, "documents": len(documents)}
            (scratch_path / INFO_NAME).write_text(json.dumps(info, indent=2) + "\n", encoding="utf-8")
            _replace_index_files(scratch_path, folder)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise SearchError(f"Cannot build the search index in {folder}: {reason}; check the folder.") from exc
    if progress is not None:
        progress(len(documents) + 1, len(documents) + 1)
    return folder


def _is_index_file(path: Path) -> bool:
    return path.is_file() and (path.name == INFO_NAME or path.name.startswith(_WHOOSH_PREFIXES))


def _replace_index_files(source: Path, folder: Path) -> None:
    # Remove the info file first: if anything below fails, the folder reads as "no index", never as fresh.
    info = folder / INFO_NAME
    info.unlink(missing_ok=True)
    for old in folder.iterdir():
        if _is_index_file(old):
            old.unlink()
    for new in sorted(source.iterdir(), key=lambda path: path.name == INFO_NAME):
        shutil.move(str(new), folder / new.name)


def read_checksum(folder: Path) -> str | None:
    """The content checksum an index folder was built from, or None if it holds no usable index."""
    try:
        info = json.loads((Path(folder) / INFO_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(info, dict) or info.get("format") != INDEX_FORMAT:
        return None
    checksum = info.get("checksum")
    return checksum if isinstance(checksum, str) else None


def is_fresh(folder: Path, report: Report) -> bool:
    """Whether `folder` holds a complete index built from exactly this content, in this format."""
    return read_checksum(folder) == report.checksum


def cache_index_dir() -> Path:
    """Where the app builds its own index when the bundled one is missing or stale."""
    return paths.cache_dir() / "index"


def fresh_index_dir(report: Report) -> Path | None:
    """The bundled index folder if it matches the content, else the cache's if it does, else None."""
    for folder in (paths.bundled_index_dir(), cache_index_dir()):
        if is_fresh(folder, report):
            return folder
    return None


def open_or_build_index(
    report: Report, extra_documents: Iterable[SearchDocument] = (), progress: Progress | None = None
) -> SearchIndex:
    """Open the fresh bundled or cached index, building one in the cache folder first if there is none."""
    folder = fresh_index_dir(report)
    if folder is None:
        folder = build_index(cache_index_dir(), report, extra_documents, progress)
    return SearchIndex.open(folder)


class SearchIndex:
    """A searchable Whoosh index: open one from a folder, or make a small one in memory (for notes)."""

    def __init__(self, index: whoosh.index.Index, checksum: str | None, folder: Path | None) -> None:
        self._index = index
        self._searcher = index.searcher()
        self.checksum = checksum
        self.folder = folder
        self._vocabulary = Vocabulary(self._searcher.reader())
        self._all_words = make_parser(index.schema, qparser.AndGroup)
        self._any_words = make_parser(index.schema, qparser.OrGroup)

    @classmethod
    def open(cls, folder: Path) -> SearchIndex:
        """Open a built index read-only; raises `SearchError` if the folder has none."""
        folder = Path(folder)
        checksum = read_checksum(folder)
        if checksum is None:
            raise SearchError(f"There is no search index in {folder}; run `field-reader index build` to make one.")
        try:
            index = whoosh.index.open_dir(str(folder), readonly=True)
        except (OSError, WhooshIndexError, EOFError, ValueError) as exc:
            raise SearchError(
                f"Cannot open the search index in {folder}: it is damaged; delete the folder to rebuild it."
            ) from exc
        return cls(index, checksum, folder)

    @classmethod
    def in_memory(cls, documents: Iterable[SearchDocument]) -> SearchIndex:
        """A throw-away index of a few documents, such as the reader's notes."""
        index = RamStorage().create_index(_schema())
        writer = index.writer()
        _add_documents(writer, tuple(documents), None)
        writer.commit()
        return cls(index, None, None)

    @property
    def document_count(self) -> int:
        return self._searcher.doc_count()

    def is_stale(self, report: Report) -> bool:
        """Whether the report changed since this index was built."""
        return self.checksum != report.checksum

    def close(self) -> None:
        self._searcher.close()
        self._index.close()

    def __enter__(self) -> SearchIndex:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def search(self, text: str, limit: int = 20, as_you_type: bool = False) -> SearchResult:
        """Find `text`; never raises for any query. Documents with all the words rank before those with some.

        With `as_you_type`, an unfinished last word also matches as a prefix.
        """
        limit = max(1, limit)
        cleaned = clean_query(text)
        vocabulary = self._vocabulary
        searched = complete_last_word(cleaned.text, vocabulary) if as_you_type else cleaned.text
        rewriter = QueryRewriter(vocabulary)
        all_words = rewriter.rewrite(parse(self._all_words, searched))
        any_words = QueryRewriter(vocabulary).rewrite(parse(self._any_words, searched))
        if all_words is query.NullQuery and rewriter.stop_words:
            # Only stop words ("what is"): look for them as written rather than find nothing.
            all_words = any_words = query.And(
                [query.Or([query.Term("exact", word), query.Term("title_exact", word)]) for word in rewriter.stop_words]
            )
        suggestion = self._useful_correction(corrected_text(searched, rewriter.corrections))
        if all_words is query.NullQuery and any_words is query.NullQuery:
            return SearchResult(text, 0, suggestion, (), notice=cleaned.notice)
        if any_words is query.NullQuery:
            any_words = all_words  # read loosely, operator soup can lose everything; the strict reading stands
        # Loosening the words inside a NOT excludes more, not less: then count the strict matches in too.
        counted = [all_words, any_words] if any_words != all_words and _has_negation(all_words) else [any_words]

        total = count_matches(counted, self._searcher.reader())
        # Phrases cannot be counted from posting lists; then score every match once and count them on the way.
        one_pass = total is None and any_words == all_words
        strict = self._searcher.search(all_words, limit=None if one_pass else limit)
        found = [(hit.docnum, hit.score) for hit in itertools.islice(strict, limit)]
        if one_pass:
            total = strict.scored_length()
        if any_words != all_words and len(found) < limit:
            # Too few have every word: fill up with those that have some.
            wider = self._searcher.search(any_words, limit=limit + len(found))
            seen = {docnum for docnum, _ in found}
            found.extend((hit.docnum, hit.score) for hit in wider if hit.docnum not in seen)
        if total is None:
            total = len({docnum for node in counted for docnum in self._searcher.docs_for_query(node)})
        terms = match_terms(any_words, self._searcher.reader())
        hits = tuple(self._hit(docnum, score, terms) for docnum, score in found[:limit])
        return SearchResult(
            query=text,
            total=total,
            suggestion=suggestion,
            hits=hits,
            is_fuzzy=bool(rewriter.corrections),
            notice=cleaned.notice,
            match_terms=terms,
        )

    def _useful_correction(self, suggestion: str | None) -> str | None:
        """The corrected query, if every word of it is known and it finds something with all its words."""
        if suggestion is None:
            return None
        rewriter = QueryRewriter(self._vocabulary)
        corrected = rewriter.rewrite(parse(self._all_words, suggestion))
        if rewriter.corrections or corrected is query.NullQuery:
            return None
        return suggestion if self._searcher.search(corrected, limit=1).scored_length() else None

    def _hit(self, docnum: int, score: float, terms: MatchTerms) -> SearchHit:
        stored = self._searcher.stored_fields(docnum)
        content = stored.get("content") or ""
        spans = match_spans(content, terms)
        snippet, snippet_spans = make_snippet(content, spans)
        words = tuple(dict.fromkeys(content[start:end] for start, end in spans))
        return SearchHit(
            kind=stored.get("kind", "report"),
            key=stored["key"],
            section_id=stored.get("section_id"),
            section_title=stored.get("section_title"),
            heading=stored.get("heading") or "",
            paragraph_id=stored.get("paragraph_id"),
            score=float(score),
            snippet=snippet,
            snippet_spans=snippet_spans,
            terms=words,
            spans=spans,
        )


def _has_negation(node: query.Query) -> bool:
    if isinstance(node, (query.Not, query.AndNot)):
        return True
    return any(_has_negation(child) for child in node.children())


def merge_results(results: Sequence[SearchResult], limit: int) -> SearchResult:
    """Several indexes' results for one query as one, exact matches before loose (fuzzy) ones.

    A correction is offered only when no index matched the words as typed.
    """
    if not results:
        return SearchResult("", 0, None, ())
    ordered = sorted(results, key=lambda result: result.is_fuzzy)  # stable: otherwise in the order given
    exact = any(result.hits and not result.is_fuzzy for result in results)
    return SearchResult(
        query=results[0].query,
        total=sum(result.total for result in results),
        suggestion=None if exact else next((result.suggestion for result in results if result.suggestion), None),
        hits=tuple(hit for result in ordered for hit in result.hits)[:limit],
        is_fuzzy=not exact and any(result.is_fuzzy for result in results),
        notice=next((result.notice for result in results if result.notice), None),
        match_terms=MatchTerms(
            frozenset().union(*(result.match_terms.stems for result in results)),
            frozenset().union(*(result.match_terms.words for result in results)),
            tuple(dict.fromkeys(phrase for result in results for phrase in result.match_terms.phrases)),
        ),
    )
