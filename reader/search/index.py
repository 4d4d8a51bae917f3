"""`SearchIndex`: searching the Whoosh index of the report for `SearchHit`s."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import whoosh.index
from whoosh import qparser, query
from whoosh.filedb.filestore import RamStorage
from whoosh.index import IndexError as WhooshIndexError

from reader.content import Report
from reader.search.build import (
    INFO_NAME,
    Progress,
    SearchDocument,
    SearchError,
    add_documents,
    build_index,
    cache_index_dir,
    fresh_index_dir,
    glossary_documents,
    index_schema,
    is_fresh,
    note_documents,
    read_checksum,
    report_documents,
)
from reader.search.count import count_matches
from reader.search.query import (
    QueryRewriter,
    Vocabulary,
    clean_query,
    complete_last_word,
    corrected_text,
    make_parser,
    parse,
)
from reader.search.snippet import NO_TERMS, MatchTerms, make_snippet, match_spans, match_terms

__all__ = [
    "INFO_NAME",
    "Progress",
    "SearchDocument",
    "SearchError",
    "SearchHit",
    "SearchIndex",
    "SearchResult",
    "build_index",
    "cache_index_dir",
    "fresh_index_dir",
    "glossary_documents",
    "is_fresh",
    "merge_results",
    "note_documents",
    "open_or_build_index",
    "report_documents",
]


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
        index = RamStorage().create_index(index_schema())
        writer = index.writer()
        add_documents(writer, tuple(documents), None)
        writer.commit()
        return cls(index, None, None)

    def replace_documents(self, documents: Sequence[SearchDocument]) -> None:
        """Put these documents in place of those with the same keys (an in-memory index: one edited note)."""
        if self.folder is not None:
            raise SearchError("A search index built on disk is read-only; rebuild it with `field-reader index build`.")
        writer = self._index.writer()
        for document in documents:
            writer.delete_by_term("key", document.key)
        add_documents(writer, documents, None)
        writer.commit()
        # WORKAROUND: Searcher.refresh() reuses the old segment readers and still counts the deleted documents.
        self._searcher.close()
        self._searcher = self._index.searcher()
        self._vocabulary = Vocabulary(self._searcher.reader())

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
