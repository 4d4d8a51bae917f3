"""The words an index holds: telling known words from typos, and finding the known words nearest a typo."""

from __future__ import annotations

# isort: off
import reader.search.lean_whoosh  # noqa: F401  (first: Whoosh without urllib, http and asyncio)

# isort: on
from reader.search.schema import EXACT_ANALYZER, STEM_ANALYZER, WORD_FIELDS

MAX_NEAREST = 8


def stem(word: str) -> str | None:
    """The stemmed form of one already folded word, or None for a stop word."""
    tokens = [token.text for token in STEM_ANALYZER(word, mode="query")]
    return tokens[0] if len(tokens) == 1 else None


def fold(word: str) -> str:
    """A word as the exact field stores it: lower case, accents removed."""
    return "".join(token.text for token in EXACT_ANALYZER(word, mode="query"))


class Vocabulary:
    """The words an index holds: tells known words from typos and finds the nearest known words, with caches."""

    _CACHE_SIZE = 10_000

    def __init__(self, reader) -> None:
        self._reader = reader
        self._known: dict[str, bool] = {}
        self._nearest: dict[str, tuple[str, ...]] = {}

    def is_known(self, word: str) -> bool:
        """Whether the index holds this folded word in any form (as written, or another form of its stem)."""
        if word not in self._known:
            reader = self._reader
            stemmed = stem(word)
            known = bool(reader.doc_frequency("exact", word) or reader.doc_frequency("title_exact", word))
            if not known and stemmed is not None:
                known = bool(reader.doc_frequency("body", stemmed) or reader.doc_frequency("title", stemmed))
            self._remember(self._known)[word] = known
        return self._known[word]

    def has_prefix(self, prefix: str) -> bool:
        """Whether some index word starts with `prefix`."""
        reader = self._reader
        return any(next(iter(reader.expand_prefix(field, prefix)), None) is not None for field in WORD_FIELDS)

    def nearest(self, word: str) -> tuple[str, ...]:
        """Index words one edit from `word`, else two (for words of five letters or more), most frequent first."""
        if word not in self._nearest:
            self._remember(self._nearest)[word] = self._find_nearest(word)
        return self._nearest[word]

    def _find_nearest(self, word: str) -> tuple[str, ...]:
        reader = self._reader
        for distance in (1, 2) if len(word) >= 5 else (1,):
            found: dict[str, int] = {}
            for field in WORD_FIELDS:
                for candidate in reader.terms_within(field, word, distance, prefix=1):
                    if len(candidate) > 1 and candidate != word:
                        found[candidate] = found.get(candidate, 0) + reader.doc_frequency(field, candidate)
            if found:
                return tuple(sorted(found, key=lambda candidate: (-found[candidate], candidate)))[:MAX_NEAREST]
        return ()

    def _remember(self, cache: dict) -> dict:
        if len(cache) >= self._CACHE_SIZE:
            cache.clear()
        return cache
