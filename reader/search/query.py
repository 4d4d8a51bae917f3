"""Turning cleaned text into a Whoosh query that cannot fail: parsing, routing words to fields, corrections."""

from __future__ import annotations

# isort: off
import reader.search.lean_whoosh  # noqa: F401  (first: Whoosh without urllib, http and asyncio)

# isort: on
import re
from dataclasses import dataclass

from whoosh import qparser, query
from whoosh.qparser import QueryParserError

from reader.search.cleaning import OPERATOR
from reader.search.vocabulary import Vocabulary, fold, stem

MAX_WORD_CHARS = 30
"""Longer "words" are not misspellings worth correcting, and fuzzy matching them is slow."""
TITLE_BOOST = 0.6
"""Heading words count, but less than the paragraph's own words."""

_LAST_WORD = re.compile(r"(?:(?<=^)|(?<=[\s(]))(\w[\w'-]*)$")


def complete_last_word(text: str, vocabulary: Vocabulary) -> str:
    """While the reader is still typing, an unfinished last word ("genoc") searches as a prefix ("genoc*").

    A word the index knows, or one no index word starts with (a typo to correct), is left as it is.
    """
    match = _LAST_WORD.search(text)
    if match is None or text.count('"') % 2 or OPERATOR.fullmatch(match.group(1)):
        return text
    word = match.group(1)
    folded = fold(word)
    if len(word) < 2 or vocabulary.is_known(folded) or not vocabulary.has_prefix(folded):
        return text
    return text[: match.start(1)] + word + "*"


def make_parser(schema, group: type) -> qparser.QueryParser:
    """A parser for words, "phrases", ( groups ), AND / OR / NOT and prefix*; nothing else is syntax."""
    return qparser.QueryParser(
        "exact",
        schema,
        plugins=[
            qparser.WhitespacePlugin(),
            qparser.PhrasePlugin(),
            qparser.GroupPlugin(),
            qparser.OperatorsPlugin(),
            qparser.WildcardPlugin(),
        ],
        group=group,
    )


def parse(parser: qparser.QueryParser, text: str) -> query.Query:
    """The parsed query, or an empty one when the text has nothing searchable."""
    try:
        return parser.parse(text)
    except QueryParserError:
        # WORKAROUND: operator soup such as "AND (NOT" can trip the parser; search the words alone instead.
        try:
            return parser.parse(OPERATOR.sub(" ", text).replace("(", " ").replace(")", " ").replace('"', " "))
        except QueryParserError:
            return query.NullQuery


@dataclass(frozen=True, slots=True)
class Correction:
    """An unknown word at `start:end` of the cleaned query and the index word that probably was meant."""

    start: int
    end: int
    replacement: str | None


class QueryRewriter:
    """Routes each parsed word to the stemmed text and heading fields, phrases and prefixes to the exact field.

    Words the index has never seen match their nearest known words instead, and the likely correction is
    remembered in `corrections`.
    """

    def __init__(self, vocabulary: Vocabulary) -> None:
        self._vocabulary = vocabulary
        self.corrections: list[Correction] = []
        self.stop_words: list[str] = []

    def rewrite(self, parsed: query.Query) -> query.Query:
        """The query to run; an empty one when nothing is left to look for (only NOT words, say)."""
        rewritten = self._rewrite(parsed).normalize()
        return rewritten if _is_positive(rewritten) else query.NullQuery

    def _rewrite(self, node: query.Query) -> query.Query:
        if isinstance(node, query.Term):
            return self._word(node)
        if isinstance(node, query.Prefix):
            prefix = fold(node.text)
            if not prefix:
                return query.NullQuery
            return query.Or([query.Prefix("exact", prefix), query.Prefix("title_exact", prefix, boost=TITLE_BOOST)])
        if isinstance(node, query.Phrase):
            if len(node.words) > 1:
                return node
            return self._word(node.normalize()) if node.words else query.NullQuery
        if node.is_leaf():
            # Anything else the parser produces (wildcards, ranges) is not part of our syntax.
            return query.NullQuery
        if isinstance(node, query.AndNot):  # from the ANDNOT operator; see _exclude_negated for why not AndNot
            node = query.And([node.a, query.Not(node.b)])
        rewritten = node.apply(self._rewrite).normalize()
        if isinstance(rewritten, (query.Or, query.And)):
            return _exclude_negated(rewritten)
        return rewritten

    def _word(self, node: query.Term) -> query.Query:
        word = node.text
        stemmed = stem(word)
        if not self._vocabulary.is_known(word) and not word.isdigit() and 2 < len(word) <= MAX_WORD_CHARS:
            nearest = self._vocabulary.nearest(word)
            start, end = getattr(node, "startchar", None), getattr(node, "endchar", None)
            if start is not None and end is not None:
                self.corrections.append(Correction(start, end, nearest[0] if nearest else None))
            if nearest:
                return query.Or([query.Term("exact", candidate) for candidate in nearest])
        if stemmed is None:
            self.stop_words.append(word)
            return query.NullQuery
        return query.Or([query.Term("body", stemmed), query.Term("title", stemmed, boost=TITLE_BOOST)])


def _is_positive(node: query.Query) -> bool:
    """Whether `node` asks for something rather than only excludes: "NOT gaza" alone would match everything else."""
    if node is query.NullQuery or isinstance(node, query.Not):
        return False
    if isinstance(node, query.AndNot):
        return _is_positive(node.a)
    if isinstance(node, query.Or):
        return all(_is_positive(child) for child in node.subqueries)
    if isinstance(node, query.CompoundQuery):
        return any(_is_positive(child) for child in node.subqueries)
    return True


def _exclude_negated(node: query.Or | query.And) -> query.Query:
    """Gather NOT children into one And(wanted, Not(any of them)).

    "a NOT b" read loosely (any word) must still exclude b rather than match everything without b. The result
    avoids Whoosh's AndNot, whose matcher lets the first excluded document through when every match is collected.
    """
    negated = [child.query for child in node.subqueries if isinstance(child, query.Not)]
    if not negated:
        return node
    wanted = [child for child in node.subqueries if not isinstance(child, query.Not)]
    if not wanted:
        return query.NullQuery
    positive = wanted[0] if len(wanted) == 1 else type(node)(wanted)
    return query.And([positive, query.Not(negated[0] if len(negated) == 1 else query.Or(negated))])


def corrected_text(text: str, corrections: list[Correction]) -> str | None:
    """The query with each unknown word replaced by its correction, or None when nothing could be corrected."""
    replaceable = sorted((c for c in corrections if c.replacement), key=lambda c: c.start, reverse=True)
    if not replaceable:
        return None
    for correction in replaceable:
        text = text[: correction.start] + str(correction.replacement) + text[correction.end :]
    return " ".join(text.split())
