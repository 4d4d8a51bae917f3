"""Making what a reader types safe to parse: quotes and Unicode normalised, odd syntax dropped, length capped."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

MAX_QUERY_CHARS = 400
"""Longer queries are cut here: no reader types more, and it bounds the work one keystroke can cause."""

MAX_QUERY_WORDS = 24

OPERATOR = re.compile(r"\b(?:AND|OR|NOT|ANDNOT|ANDMAYBE)\b")
"""An operator word, as the parser reads it."""

_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'", "＊": "*"})
_MINUS = re.compile(r"(?:(?<=^)|(?<=[\s(]))-+(?=[\w\"(])")
_PLUS = re.compile(r"(?:(?<=^)|(?<=[\s(]))\++")
_LONE_STAR = re.compile(r"(?<!\w\w)\*")
_STAR_FIRST = re.compile(r"(?<!\w)\*+\w*")  # "*cide": no search by a word's end, so the word goes
_STAR_INSIDE = re.compile(r"(?<=\w)\*+\w+")  # "gen*cide": the letters before the star are the prefix
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
    # Only a trailing * (a prefix) is supported; "?" ends questions far more often than it means "any letter". A
    # star inside a word searches the letters before it as a prefix; what follows it is never searched on its own
    # (a leftover "cide" would only bring unrelated hits and a "Did you mean" for it).
    text = text.replace("?", " ").replace("\\", " ")
    text = _LONE_STAR.sub(" ", _STAR_INSIDE.sub("*", _STAR_FIRST.sub(" ", text)))
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
