"""`SearchIndex`: one open Whoosh index, searched for a `SearchResult`."""

from __future__ import annotations

from reader.message import QT_TRANSLATE_NOOP, message

# isort: off
import reader.search.lean_whoosh  # noqa: F401  (first: Whoosh without urllib, http and asyncio)

# isort: on
import itertools
from collections.abc import Iterable, Sequence
from pathlib import Path

import whoosh.index
from whoosh import qparser, query
from whoosh.filedb.filestore import FileStorage, RamStorage
from whoosh.index import IndexError as WhooshIndexError
from whoosh.reading import IndexReader
from whoosh.searching import Searcher

from reader.content import Report
from reader.search.cleaning import clean_query
from reader.search.count import count_matches
from reader.search.documents import SearchDocument, index_fields
from reader.search.errors import SearchError
from reader.search.query import QueryRewriter, complete_last_word, corrected_text, make_parser, parse
from reader.search.results import HitKind, MatchTerms, SearchHit, SearchResult
from reader.search.schema import index_schema
from reader.search.snippet import make_snippet, match_spans, match_terms
from reader.search.stamp import read_checksum
from reader.search.vocabulary import Vocabulary


class _MemoryOnlyStorage(RamStorage):
    """Whoosh's in-memory storage, whose writer keeps its scratch files in memory too.

    Whoosh's own `RamStorage` gives its writer a scratch folder with a fixed name ("MAIN.tmp") in the system's shared
    temporary folder: two processes writing at once remove each other's files, and anyone's file of that name breaks
    every in-memory index.
    """

    def temp_storage(self, name: str | None = None) -> RamStorage:
        return _MemoryOnlyStorage()


class SearchIndex:
    """A searchable Whoosh index: open a built one from a folder, or make a small one in memory (for notes)."""

    def __init__(
        self,
        index: whoosh.index.Index | None,
        checksum: str | None,
        folder: Path | None,
        searcher: Searcher | None = None,
    ) -> None:
        self._index = index
        self._searcher = searcher if searcher is not None else index.searcher()
        self._checksum = checksum
        self.folder = folder
        self._vocabulary = Vocabulary(self._searcher.reader())
        self._all_words = make_parser(self._searcher.schema, qparser.AndGroup)
        self._any_words = make_parser(self._searcher.schema, qparser.OrGroup)

    @classmethod
    def open(cls, folder: Path) -> SearchIndex:
        """Open a built index read-only; raises `SearchError` if the folder has none or it is damaged."""
        folder = Path(folder)
        checksum = read_checksum(folder)
        if checksum is None:
            raise SearchError(
                message(
                    QT_TRANSLATE_NOOP(
                        "core", "There is no search index in {folder}; run `field-reader index build` to make one."
                    ),
                    folder=folder,
                )
            )
        try:
            # Read from the file as searches need it: with a memory map, Whoosh copies every part of the index it
            # opens into memory as well (1.5 MB for the report, kept open as long as the window) for 1-10 ms a search.
            index = FileStorage(str(folder), supports_mmap=False, readonly=True).open_index()
            return cls(index, checksum, folder)
        except (OSError, WhooshIndexError, EOFError, ValueError) as exc:
            raise SearchError(
                message(
                    QT_TRANSLATE_NOOP(
                        "core",
                        "Cannot open the search index in {folder}: it is damaged; delete the folder to rebuild it.",
                    ),
                    folder=folder,
                )
            ) from exc

    @classmethod
    def over_reader(cls, reader: IndexReader) -> SearchIndex:
        """A read-only index over any Whoosh reader (the notes' own, `notes_index.NotesIndex`)."""
        return cls(None, None, None, Searcher(reader))

    @classmethod
    def in_memory(cls, documents: Iterable[SearchDocument]) -> SearchIndex:
        """A throw-away index of a few documents, such as the reader's notes."""
        index = _MemoryOnlyStorage().create_index(index_schema())
        with index.writer() as writer:
            for document in documents:
                writer.add_document(**index_fields(document))
        return cls(index, None, None)

    def replace_documents(self, documents: Sequence[SearchDocument]) -> None:
        """Put these documents in place of those with the same keys (an in-memory index: one edited note)."""
        if self.folder is not None or self._index is None:
            raise SearchError(
                message(
                    QT_TRANSLATE_NOOP(
                        "core", "A search index built on disk is read-only; rebuild it with `field-reader index build`."
                    )
                )
            )
        with self._index.writer() as writer:
            for document in documents:
                writer.delete_by_term("key", document.key)
                writer.add_document(**index_fields(document))
        # WORKAROUND: Searcher.refresh() reuses the old segment readers and still counts the deleted documents.
        self._searcher.close()
        self._searcher = self._index.searcher()
        self._vocabulary = Vocabulary(self._searcher.reader())

    @property
    def document_count(self) -> int:
        return self._searcher.doc_count()

    def is_stale(self, report: Report) -> bool:
        """Whether the report changed since this index was built."""
        return self._checksum != report.checksum

    def close(self) -> None:
        self._searcher.close()
        if self._index is not None:
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
        # The hits are the strict matches, then the loose ones: count both. The loose reading usually holds the
        # strict one, but not with a NOT: loosening the words inside it excludes more, and operator soup can keep a
        # NOT in one reading and lose it in the other ("a NOT b OR NOT a").
        counted = [any_words]
        if any_words != all_words and (_has_negation(all_words) or _has_negation(any_words)):
            counted = [all_words, any_words]

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
            kind=HitKind(stored["kind"]),
            key=stored["key"],
            item_id=stored["item_id"],
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
