"""Placing an imported passage in the report: its quote, position, range or refinement, on top of `anchoring`."""

from __future__ import annotations

from reader.content import ParagraphId, SectionId
from reader.notes.anchoring import ReportText, locate
from reader.notes.note import Anchor
from reader.notes.w3c_targets import Position, Quote, Range, Selector

Region = tuple[int, int]  # start and end in the report's document text (`ReportText.document`)


def place_passage(text: ReportText, selectors: tuple[Selector, ...]) -> Anchor | None:
    """The anchor for a passage given by alternative selectors; unplaced (empty ids) when its text is not found.

    A plain quote keeps the annotator's words (a fuzzy match is found again at each re-anchoring pass); a range,
    a refinement or a bare position takes the report's text. A position beside a plain quote only ever picks where
    the quote is: when the quote is not in the report, the note is unplaced with the annotator's words, never put
    on whatever text is at that position (another page's or edition's offsets). None when there is no text to keep
    at all (a position past the end of the report).
    """
    quote = next((one for one in selectors if isinstance(one, Quote) and not one.refined), None)
    if quote is not None:
        for one in selectors:  # a position saying where the quote is picks the right one of several copies
            if isinstance(one, Position) and not one.refined and text.document[one.start : one.end] == quote.exact:
                return _anchor(text, (one.start, one.end), like=quote)
        selectors_to_try = tuple(one for one in selectors if not isinstance(one, Position))
    else:
        selectors_to_try = selectors
    ordered = sorted(selectors_to_try, key=lambda one: isinstance(one, Position))  # quotes and ranges first
    for selector in ordered:
        region = _resolve(text, selector, None)
        if region is not None:
            if isinstance(selector, Quote) and not selector.refined:
                return _anchor(text, region, like=selector)
            anchor = _anchor(text, region)
            if anchor is not None:
                return anchor
    return _unplaced(selectors)


def _resolve(text: ReportText, selector: Selector, within: Region | None) -> Region | None:
    """Where a selector finds its text: in the whole report, or inside `within` (the passage it refines).

    A refinement is applied inside what its selector found (several are alternatives). When it is not there, a
    refining quote is looked for on its own, the words the annotator chose being the surer guide; only then is
    the wider passage kept.
    """
    found = _own_region(text, selector, within)
    if not selector.refined:
        return found
    if found is not None:
        for inner in selector.refined:
            narrowed = _resolve(text, inner, found)
            if narrowed is not None:
                return narrowed
    for inner in selector.refined:
        if not isinstance(inner, Position):
            alone = _resolve(text, inner, within)
            if alone is not None:
                return alone
    return found


def _own_region(text: ReportText, selector: Selector, within: Region | None) -> Region | None:
    document = text.document
    if isinstance(selector, Position):
        base, limit = within if within is not None else (0, len(document))
        start, end = base + selector.start, base + selector.end
        return (start, end) if end <= limit else None
    if isinstance(selector, Quote):
        return _locate_quote(text, selector) if within is None else _find_within(document, selector, within)
    start = _resolve(text, selector.start, within)
    if start is None:
        return None
    # The end is looked for from the start on (a position counts as the start's did).
    after = (start[0], within[1] if within is not None else len(document))
    end = _resolve(text, selector.end, within if isinstance(selector.end, Position) else after)
    if end is None or end[1] <= start[0]:
        return None
    return start[0], end[1]


def _locate_quote(text: ReportText, quote: Quote) -> Region | None:
    probe = Anchor(SectionId(""), ParagraphId(""), 0, len(quote.exact), quote.exact, quote.prefix, quote.suffix)
    found = locate(text, probe)
    if found is None:
        return None
    section_id, low, high, _method = found
    offset = text.document_offset(section_id) or 0
    return offset + low, offset + high


def _find_within(document: str, quote: Quote, within: Region) -> Region | None:
    """The copy of the quote inside `within` whose surroundings agree most with its prefix and suffix."""
    low, high = within
    best: tuple[int, Region] | None = None
    at = document.find(quote.exact, low, high)
    while at >= 0:
        end = at + len(quote.exact)
        agree = _shared_end(quote.prefix, document[max(0, at - len(quote.prefix)) : at])
        agree += _shared_start(quote.suffix, document[end : end + len(quote.suffix)])
        if best is None or agree > best[0]:
            best = (agree, (at, end))
        at = document.find(quote.exact, at + 1, high)
    return None if best is None else best[1]


def _anchor(text: ReportText, region: Region, like: Quote | None = None) -> Anchor | None:
    """An anchor for a document region, cut at the end of the section it starts in, white space trimmed."""
    section_id, low = text.section_at(region[0])
    body = text.body(section_id)
    high = min(low + region[1] - region[0], len(body))
    if like is not None:
        probe = Anchor(SectionId(""), ParagraphId(""), 0, 0, like.exact, like.prefix, like.suffix)
        return text.anchor_at(section_id, low, high, like=probe)
    while low < high and body[low].isspace():
        low += 1
    while high > low and body[high - 1].isspace():
        high -= 1
    return text.anchor_at(section_id, low, high) if low < high else None


def _unplaced(selectors: tuple[Selector, ...]) -> Anchor | None:
    """An orphaned anchor holding the words the passage was given by; None when it was given only by numbers."""
    for selector in selectors:
        words = _words(selector)
        if words:
            prefix = suffix = ""
            if isinstance(selector, Quote) and not selector.refined:
                prefix, suffix = selector.prefix, selector.suffix
            return Anchor(SectionId(""), ParagraphId(""), 0, len(words), words, prefix, suffix)
    return None


def _words(selector: Selector) -> str:
    """The text a selector names: the innermost quote of a refinement, both ends of a range."""
    for inner in selector.refined:
        words = _words(inner)
        if words:
            return words
    if isinstance(selector, Quote):
        return selector.exact
    if isinstance(selector, Range):
        start, end = _words(selector.start), _words(selector.end)
        return f"{start} … {end}" if start and end else ""
    return ""


def _shared_start(first: str, second: str) -> int:
    count = 0
    for left, right in zip(first, second, strict=False):
        if left != right:
            break
        count += 1
    return count


def _shared_end(first: str, second: str) -> int:
    return _shared_start(first[::-1], second[::-1])
