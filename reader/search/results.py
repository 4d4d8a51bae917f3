"""The values a search returns: `SearchHit`s of each `HitKind`, gathered in a `SearchResult`."""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass


class HitKind(enum.StrEnum):
    """What a hit (and the document it came from) is: a report paragraph, a glossary entry or a note."""

    REPORT = "report"
    GLOSSARY = "glossary"
    NOTE = "note"


@dataclass(frozen=True, slots=True)
class MatchTerms:
    """What to highlight for a query: stems, exact words and phrases, from its positive (not negated) parts."""

    stems: frozenset[str]
    words: frozenset[str]
    phrases: tuple[tuple[str, ...], ...]

    @property
    def is_empty(self) -> bool:
        return not (self.stems or self.words or self.phrases)


NO_TERMS = MatchTerms(frozenset(), frozenset(), ())


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One result: what it is, where it is, why it matched, and a snippet.

    `item_id` names the thing found: the paragraph id of a report hit, the term id of a glossary hit, the note id
    of a note hit. `key` is unique in its index ("red-wolf-p2", "glossary:icj", "note:12").
    `spans` are (start, end) offsets of the matched words in the document's full text (for a report paragraph,
    offsets into `Paragraph.text`); `snippet_spans` are the same words' offsets inside `snippet`; `terms` are the
    matched words as they appear in the text, for highlighting elsewhere.
    """

    kind: HitKind
    key: str
    item_id: str
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
            "kind": self.kind.value,
            "key": self.key,
            "item_id": self.item_id,
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

    `is_fuzzy` says some words were unknown and matched loosely; `notice` says the query was cut short;
    `match_terms` is what to highlight elsewhere (every paragraph of the document) with `snippet.match_spans`.
    """

    query: str
    total: int
    suggestion: str | None
    hits: tuple[SearchHit, ...]
    is_fuzzy: bool = False
    notice: str | None = None
    match_terms: MatchTerms = NO_TERMS

    def to_json(self) -> dict:
        return {
            "query": self.query,
            "total": self.total,
            "suggestion": self.suggestion,
            "is_fuzzy": self.is_fuzzy,
            "notice": self.notice,
            "hits": [hit.to_json() for hit in self.hits],
        }


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
