"""Turning what a reader types into a Whoosh query that cannot fail: cleaning, parsing, routing words to fields."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from whoosh import qparser, query
from whoosh.qparser import QueryParserError

from reader.search.schema import EXACT_ANALYZER, STEM_ANALYZER, WORD_FIELDS

MAX_QUERY_CHARS = 400
"""Longer queries are cut here: no reader types more, and it bounds the work one keystroke can cause."""

MAX_QUERY_WORDS = 24
MAX_WORD_CHARS = 30
"""Longer "words" are not misspellings worth correcting, and fuzzy matching them is slow."""
MAX_NEAREST = 8
TITLE_BOOST = 0.6
"""Heading words count, but less than the paragraph's own words."""

_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'", "＊": "*"})
_MINUS = re.compile(r"(?:(?<=^)|(?<=[\s(]))-+(?=[\w\"(])")
_PLUS = re.compile(r"(?:(?<=^)|(?<=[\s(]))\++")
_LONE_STAR = re.compile(r"(?<!\w\w)\*")
_STAR_INSIDE = re.compile(r"\*+(?=\w)")
_OPERATOR = re.compile(r"\b(?:AND|OR|NOT|ANDNOT|ANDMAYBE)\b")
_OPERATORS = frozenset({"AND", "OR", "NOT", "ANDNOT", "ANDMAYBE"})
_TOKEN = re.compile(r'"[^"]*"|[()]|[^\s()"]+')
_MAX_DEPTH = 4


@dataclass(frozen=True, slots=True)
class CleanQuery:
    """A query made safe to parse, and a note for the reader when something was dropped."""

    text: str
    notice: str | None


def clean_query(text: str) -> CleanQuery:
    """Normalise quotes and Unicode, drop control characters and wildcards we do not support, cap the length."""
    notice = None
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    text = "".join(
        " " if unicodedata.category(char) in ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp") else char for char in text
    )
    if len(text) > MAX_QUERY_CHARS:
        text = text[:MAX_QUERY_CHARS]
        notice = f"Only the first {MAX_QUERY_CHARS} characters were searched."
    # Only a trailing * (a prefix) is supported; "?" ends questions far more often than it means "any letter".
    text = text.replace("?", " ").replace("\\", " ")
    text = _STAR_INSIDE.sub("* ", _LONE_STAR.sub(" ", text))
    text = _PLUS.sub(" ", _MINUS.sub(" NOT ", text))
    if text.count('"') % 2:
        text = text[::-1].replace('"', " ", 1)[::-1]
    tokens = [token for token in _TOKEN.findall(text) if token.strip('" ')]
    if len(tokens) > MAX_QUERY_WORDS:
        tokens = tokens[:MAX_QUERY_WORDS]
        notice = f"Only the first {MAX_QUERY_WORDS} words were searched."
    return CleanQuery(text=" ".join(_well_formed(tokens)), notice=notice)


def _well_formed(tokens: list[str]) -> list[str]:
    """Balance parentheses and drop operators that have nothing to work on, so the parser never sees nonsense."""
    balanced: list[str] = []
    kept: list[bool] = []  # for each open "(", whether it was kept (nesting is capped)
    for token in tokens:
        if token == "(":
            kept.append(len(kept) < _MAX_DEPTH)
            if kept[-1]:
                balanced.append(token)
        elif token == ")":
            if kept and kept.pop():
                balanced.append(token)
        else:
            balanced.append(token)
    balanced.extend(")" for is_kept in kept if is_kept)
    changed = True
    while changed:
        changed = False
        for index, token in enumerate(balanced):
            before = balanced[index - 1] if index else None
            after = balanced[index + 1] if index + 1 < len(balanced) else None
            ends_operand = before is not None and before != "(" and before not in _OPERATORS
            starts_operand = after is not None and after != ")" and (after == "NOT" or after not in _OPERATORS)
            if (
                (token == "(" and after == ")")
                or (token == "NOT" and (not starts_operand or after == "NOT"))
                or (token in _OPERATORS and token != "NOT" and not (ends_operand and starts_operand))
            ):
                del balanced[index : index + (2 if token == "(" and after == ")" else 1)]
                changed = True
                break
    return balanced


_LAST_WORD = re.compile(r"(?:(?<=^)|(?<=[\s(]))(\w[\w'-]*)$")


def complete_last_word(text: str, vocabulary: Vocabulary) -> str:
    """While the reader is still typing, an unfinished last word ("genoc") searches as a prefix ("genoc*").

    A word the index knows, or one no index word starts with (a typo to correct), is left as it is.
    """
    match = _LAST_WORD.search(text)
    if match is None or text.count('"') % 2 or _OPERATOR.fullmatch(match.group(1)):
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
            return parser.parse(_OPERATOR.sub(" ", text).replace("(", " ").replace(")", " ").replace('"', " "))
        except QueryParserError:
            return query.NullQuery


def stem(word: str) -> str | None:
    """The stemmed form of one already folded word, or None for a stop word."""
    tokens = [token.text for token in STEM_ANALYZER(word, mode="query")]
    return tokens[0] if len(tokens) == 1 else None


def fold(word: str) -> str:
    """A word as the exact field stores it: lower case, accents removed."""
    return "".join(token.text for token in EXACT_ANALYZER(word, mode="query"))


@dataclass(frozen=True, slots=True)
class Correction:
    """An unknown word at `start:end` of the cleaned query and the index word that probably was meant."""

    start: int
    end: int
    word: str
    replacement: str | None


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
                self.corrections.append(Correction(start, end, word, nearest[0] if nearest else None))
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
