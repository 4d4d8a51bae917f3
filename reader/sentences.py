"""Splitting a paragraph into the sentences read aloud will speak, each with its place in the paragraph's text.

English rules, written for the report's own text: a sentence ends at `.`, `!`, `?` or `…` (and any closing quote
or bracket after it) when a space follows and the next word starts a sentence (a capital, a digit, or an opening
quote or bracket before one). It does not end after a known abbreviation ("Dr.", "e.g.", "No. 5"), after a single
capital ("J. Smith", "U.N."), or inside a number ("48,219", "2.5"). Semicolons and colons never end a sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Abbreviations (lower-cased, without their final dot) after which a capital does not start a new sentence.
ABBREVIATIONS = frozenset(
    {
        "mr", "mrs", "ms", "dr", "prof", "st", "sr", "jr", "gen", "lt", "col", "capt", "sgt", "rev", "hon",
        "e.g", "i.e", "cf", "vs", "viz", "al", "approx", "inc", "ltd", "corp",
    }
)  # fmt: skip
# Abbreviations that stand before a number ("No. 5", "Art. 49", "Oct. 7"); before a word they may end a sentence.
NUMBER_ABBREVIATIONS = frozenset(
    {
        "no", "nos", "art", "arts", "para", "paras", "p", "pp", "vol", "ch", "sec", "fig",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    }
)  # fmt: skip

_END = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s)")
_STARTS_SENTENCE = re.compile(r"\s+[\"'“‘(\[]*[A-Z0-9\u0600-\u06FF]")
_WORD_BEFORE = re.compile(r"(\S+)$")


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence: its text (trimmed) and where it is in the paragraph's text (`text[start:end]`)."""

    text: str
    start: int
    end: int


def split_sentences(text: str) -> tuple[Sentence, ...]:
    """The sentences of `text`, in order; together they cover every non-space character of it."""
    sentences: list[Sentence] = []
    start = _skip_space(text, 0)
    for match in _END.finditer(text):
        end = match.end()
        if end <= start or not _STARTS_SENTENCE.match(text, end):
            continue
        if match.group().startswith(".") and _is_abbreviation(text[start : match.start()], text[end:].lstrip()):
            continue
        sentences.append(Sentence(text[start:end], start, end))
        start = _skip_space(text, end)
    tail_end = len(text.rstrip())
    if start < tail_end:
        sentences.append(Sentence(text[start:tail_end], start, tail_end))
    return tuple(sentences)


def _is_abbreviation(before: str, after: str) -> bool:
    """Whether the text just before a full stop ends in an abbreviation or an initial, not a sentence."""
    found = _WORD_BEFORE.search(before)
    if found is None:
        return False
    word = found.group(1).lstrip("\"'“‘([")
    if len(word) == 1 and word.isupper():
        return True  # an initial: "J. Smith", or the last letter of "U.N."
    if re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", word):
        return True  # "U.S", "e.g" (the final dot is the one being looked at)
    word = word.lower()
    return word in ABBREVIATIONS or (word in NUMBER_ABBREVIATIONS and after[:1].isdigit())


def _skip_space(text: str, index: int) -> int:
    while index < len(text) and text[index].isspace():
        index += 1
    return index
