"""Where a search hit matched (the spans of its matched words) and the short snippet shown around them."""

from __future__ import annotations

# isort: off
import reader.search.lean_whoosh  # noqa: F401  (first: Whoosh without urllib, http and asyncio)

# isort: on
from functools import lru_cache

from whoosh import query
from whoosh.lang.porter import stem as porter_stem

from reader.search.results import MatchTerms
from reader.search.schema import EXACT_ANALYZER, STOP_WORDS

SNIPPET_CHARS = 200
_ELLIPSIS = "…"
_MIN_STEMMED = 2  # as Whoosh's StopFilter: shorter tokens are dropped before stemming


def match_terms(node: query.Query, reader) -> MatchTerms:
    """The terms a hit may contain because of `node`, with prefixes expanded against the index."""
    stems: set[str] = set()
    words: set[str] = set()
    phrases: list[tuple[str, ...]] = []

    def visit(current: query.Query) -> None:
        if isinstance(current, query.Not):
            return
        if isinstance(current, query.AndNot):
            visit(current.a)
            return
        if isinstance(current, query.Phrase):
            phrases.append(tuple(current.words))
        elif isinstance(current, query.Term):
            if current.fieldname == "body":
                stems.add(current.text)
            elif current.fieldname == "exact":
                words.add(current.text)
        elif isinstance(current, query.Prefix):
            if current.fieldname == "exact":
                for _field, term in current.expanded_terms(reader):
                    words.add(term.decode("utf-8") if isinstance(term, bytes) else term)
        else:
            for child in current.children():
                visit(child)

    visit(node)
    return MatchTerms(frozenset(stems), frozenset(words), tuple(phrases))


@lru_cache(maxsize=50_000)
def _stem(word: str) -> str | None:
    if len(word) < _MIN_STEMMED or word in STOP_WORDS:
        return None
    return porter_stem(word)


@lru_cache(maxsize=4096)
def _tokens(text: str) -> tuple[tuple[str, str | None, int, int], ...]:
    """Each word of `text` once: its exact form, its stem (None for a stop word), start and end."""
    return tuple(
        (token.text, _stem(token.text), token.startchar, token.endchar) for token in EXACT_ANALYZER(text, chars=True)
    )


def match_spans(text: str, terms: MatchTerms) -> tuple[tuple[int, int], ...]:
    """Character spans in `text` of every word (or phrase) the query matched, in order, merged when touching."""
    if terms.is_empty:
        return ()
    tokens = _tokens(text)
    spans = [(start, end) for word, stemmed, start, end in tokens if word in terms.words or stemmed in terms.stems]
    for phrase in terms.phrases:
        size = len(phrase)
        for index in range(len(tokens) - size + 1):
            if all(tokens[index + offset][0] == phrase[offset] for offset in range(size)):
                spans.append((tokens[index][2], tokens[index + size - 1][3]))
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return tuple(merged)


def make_snippet(text: str, spans: tuple[tuple[int, int], ...]) -> tuple[str, tuple[tuple[int, int], ...]]:
    """About `SNIPPET_CHARS` of `text` around its densest cluster of matches, cut at word boundaries.

    Returns the snippet and the matches' offsets inside it.
    """
    if len(text) <= SNIPPET_CHARS:
        return text, spans
    start = _best_start(text, spans)
    end = min(len(text), start + SNIPPET_CHARS)
    if start > 0:
        space = text.find(" ", start, start + 30)
        start = space + 1 if space != -1 else start
    if end < len(text):
        space = text.rfind(" ", end - 30, end)
        end = space if space > start else end
    prefix = _ELLIPSIS if start > 0 else ""
    suffix = _ELLIPSIS if end < len(text) else ""
    shift = len(prefix) - start
    inside = tuple((s + shift, e + shift) for s, e in spans if s >= start and e <= end)
    return prefix + text[start:end] + suffix, inside


def _best_start(text: str, spans: tuple[tuple[int, int], ...]) -> int:
    """Where to start so the window holds the most matches, with a little context before the first."""
    if not spans:
        return 0
    best, best_count = spans[0][0], 0
    for index, (first, _) in enumerate(spans):
        count = sum(1 for _, end in spans[index:] if end <= first + SNIPPET_CHARS - 40)
        if count > best_count:
            best, best_count = first, count
    return max(0, min(best - 40, len(text) - SNIPPET_CHARS))
