"""Cutting a short snippet around the matched words of a search hit."""

from __future__ import annotations

SNIPPET_CHARS = 200
_ELLIPSIS = "…"


def make_snippet(text: str, spans: tuple[tuple[int, int], ...]) -> tuple[str, tuple[tuple[int, int], ...]]:
    """About `SNIPPET_CHARS` of `text` around its first dense cluster of matches, cut at word boundaries.

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
    return prefix + text[start:end].strip() + suffix, inside


def _best_start(text: str, spans: tuple[tuple[int, int], ...]) -> int:
    """Where to start so the window holds the most matches, with a little context before the first."""
    if not spans:
        return 0
    best, best_count = spans[0][0], 0
    for index, (first, _) in enumerate(spans):
        count = sum(1 for s, e in spans[index:] if e <= first + SNIPPET_CHARS - 40)
        if count > best_count:
            best, best_count = first, count
    return max(0, min(best - 40, len(text) - SNIPPET_CHARS))
