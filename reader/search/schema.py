"""The Whoosh schema every search index shares: its fields, its analyzers and its stop words."""

from __future__ import annotations

from whoosh.analysis import STOP_WORDS as WHOOSH_STOP_WORDS
from whoosh.analysis import CharsetFilter, LowercaseFilter, RegexTokenizer, StemFilter, StopFilter
from whoosh.fields import ID, STORED, TEXT, Schema
from whoosh.support.charset import accent_map

INDEX_FORMAT = 3
"""Bump when the schema or the way documents are made changes: every existing index becomes stale (3: section
titles are indexed as documents of their own)."""

# Question words carry no topic: "where does the ICJ come in" is about the ICJ.
QUESTION_WORDS = frozenset(
    {"who", "whom", "whose", "what", "which", "where", "why", "how", "does", "do", "did", "done"}
    | {"many", "much", "there", "their", "they", "them", "i", "me", "my"}
)
STOP_WORDS = frozenset(WHOOSH_STOP_WORDS) | QUESTION_WORDS

# One analyzer chain per purpose. Accents fold before stemming so "déplacé" and "deplace" meet.
EXACT_ANALYZER = RegexTokenizer() | LowercaseFilter() | CharsetFilter(accent_map)
STEM_ANALYZER = EXACT_ANALYZER | StopFilter(stoplist=STOP_WORDS) | StemFilter()

WORD_FIELDS = ("exact", "title_exact")
"""The unstemmed fields: phrases and prefixes search them, and they are the vocabulary for corrections."""


def index_schema() -> Schema:
    """The fields every index has (see docs/search.md): stored places, stemmed and exact text, headings."""
    return Schema(
        key=ID(stored=True, unique=True),
        kind=ID(stored=True),
        item_id=STORED(),
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
