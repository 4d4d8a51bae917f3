"""An annotation's targets as passages to place: quotes, positions, ranges and refinements, read without the report.

Several targets (or a List, Composite or Independents of them) are several passages. The selectors of one target
are alternatives describing the same passage; a `refinedBy` narrows the passage its selector found. Targets this
app cannot place (a whole page, an SVG shape, a CSS path on another page) are counted in `skipped`.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from reader.message import QT_TRANSLATE_NOOP, message
from reader.notes.w3c_model import MAX_DEPTH, Refuse, Skip, as_list, kinds_of

MAX_QUOTE = 10_000
MAX_CONTEXT = 1_000
_SETS = frozenset({"List", "Composite", "Independents"})
_UNPLACEABLE = {
    "SvgSelector": Skip.SVG_TARGET,
    "CssSelector": Skip.CSS_TARGET,
    "XPathSelector": Skip.XPATH_TARGET,
    "FragmentSelector": Skip.FRAGMENT_TARGET,
    "DataPositionSelector": Skip.DATA_TARGET,
}


@dataclass(frozen=True, slots=True)
class Quote:
    """A TextQuoteSelector; `refined` are the alternative selectors that narrow what it found."""

    exact: str
    prefix: str = ""
    suffix: str = ""
    refined: tuple[Selector, ...] = ()


@dataclass(frozen=True, slots=True)
class Position:
    """A TextPositionSelector: characters of the report's text, or of the passage it refines."""

    start: int
    end: int
    refined: tuple[Selector, ...] = ()


@dataclass(frozen=True, slots=True)
class Range:
    """A RangeSelector whose ends are quotes or positions: from the start of the first to the end of the second."""

    start: Selector
    end: Selector
    refined: tuple[Selector, ...] = ()


Selector = Quote | Position | Range


@dataclass(frozen=True, slots=True)
class Passage:
    """One target that can be placed: its alternative selectors and the style classes it carries."""

    selectors: tuple[Selector, ...]
    style_classes: tuple[str, ...]


def read_targets(item: dict[str, object], bad: Refuse, skipped: Counter[Skip]) -> list[Passage]:
    """Every placeable passage of one annotation (W3C `target`, or Hypothesis's list of targets), in order."""
    passages: list[Passage] = []
    for target in as_list(item.get("target")):
        _target(target, bad, skipped, passages, 0)
    return passages


def _target(target: object, bad: Refuse, skipped: Counter[Skip], out: list[Passage], depth: int) -> None:
    if depth > MAX_DEPTH:
        raise bad(
            message(QT_TRANSLATE_NOOP("core", "nests its targets more than {max_depth} deep"), max_depth=MAX_DEPTH)
        )
    if not isinstance(target, dict):
        skipped[Skip.WHOLE_TARGET] += 1  # a bare IRI: the whole page, no passage
        return
    kinds = kinds_of(target)
    if kinds & _SETS:
        for one in as_list(target.get("items")):
            _target(one, bad, skipped, out, depth + 1)
        return
    if "Choice" in kinds:
        options = as_list(target.get("items"))
        for number, option in enumerate(options):
            found: list[Passage] = []
            _target(option, bad, Counter(), found, depth + 1)
            if found:
                out.append(found[0])
                skipped[Skip.CHOICE_TARGET] += len(options) - 1
                return
            if number == len(options) - 1:
                _target(options[0], bad, skipped, out, depth + 1)  # none can be placed: say why the first cannot
        return
    if "selector" not in target:
        skipped[Skip.WHOLE_TARGET] += 1
        return
    selectors: list[Selector] = []
    reasons: list[Skip] = []
    for one in as_list(target["selector"]):
        selectors.extend(_selector(one, bad, reasons, depth + 1))
    if not selectors:
        skipped[reasons[0] if reasons else Skip.WHOLE_TARGET] += 1
        return
    out.append(Passage(tuple(selectors), _style_classes(target.get("styleClass"))))


def _selector(selector: object, bad: Refuse, reasons: list[Skip], depth: int) -> list[Selector]:
    """The selectors this app can use from one W3C selector (none, itself, or its refinements standing alone).

    A position in a refinement counts from the start of the passage being refined (see `w3c_placing`).
    """
    if depth > MAX_DEPTH:
        raise bad(
            message(QT_TRANSLATE_NOOP("core", "nests its selectors more than {max_depth} deep"), max_depth=MAX_DEPTH)
        )
    if not isinstance(selector, dict):
        reasons.append(Skip.LINKED_TARGET if isinstance(selector, str) else Skip.OTHER_TARGET)
        return []
    kinds = kinds_of(selector)
    refined: list[Selector] = []
    if "refinedBy" in selector:
        for one in as_list(selector["refinedBy"]):
            refined.extend(_selector(one, bad, reasons, depth + 1))
    if "TextQuoteSelector" in kinds:
        exact, prefix, suffix = _quote_fields(selector, bad)
        if not exact.strip():
            return []
        return [Quote(exact, prefix[-MAX_CONTEXT:], suffix[:MAX_CONTEXT], tuple(refined))]
    if "TextPositionSelector" in kinds:
        start, end = selector.get("start"), selector.get("end")
        if not all(isinstance(value, int) and not isinstance(value, bool) for value in (start, end)):
            raise bad(
                message(
                    QT_TRANSLATE_NOOP("core", "has a TextPositionSelector whose start or end is not a whole number")
                )
            )
        if not 0 <= start < end:
            reasons.append(Skip.OUTSIDE_TARGET)
            return []
        return [Position(start, end, tuple(refined))]
    if "RangeSelector" in kinds:
        ends = [_selector(selector.get(key), bad, reasons, depth + 1) for key in ("startSelector", "endSelector")]
        if ends[0] and ends[1]:
            return [Range(ends[0][0], ends[1][0], tuple(refined))]
        return []
    # A selector that cannot be applied to this report (a CSS path, a fragment of another file): a refinement
    # that finds its text on its own (a quote, a range of quotes) still can; a position inside it cannot.
    standalone = [one for one in refined if _finds_itself(one)]
    if not standalone:
        reasons.append(next((skip for kind, skip in _UNPLACEABLE.items() if kind in kinds), Skip.OTHER_TARGET))
    return standalone


def _finds_itself(selector: Selector) -> bool:
    if isinstance(selector, Quote):
        return True
    if isinstance(selector, Range):
        return _finds_itself(selector.start) and _finds_itself(selector.end)
    return False


def _quote_fields(selector: dict[str, object], bad: Refuse) -> tuple[str, str, str]:
    fields = [selector.get(key, "") for key in ("exact", "prefix", "suffix")]
    fields = ["" if field is None else field for field in fields]
    if not all(isinstance(field, str) for field in fields):
        raise bad(
            message(QT_TRANSLATE_NOOP("core", "has a TextQuoteSelector whose exact, prefix or suffix is not text"))
        )
    if len(fields[0]) > MAX_QUOTE:
        raise bad(message(QT_TRANSLATE_NOOP("core", "quotes more than {max_quote:,} characters"), max_quote=MAX_QUOTE))
    return fields[0], fields[1], fields[2]


def _style_classes(value: object) -> tuple[str, ...]:
    """styleClass as one string of names (older exports) or a list of names."""
    words: list[str] = []
    for one in as_list(value):
        if isinstance(one, str):
            words.extend(one.split())
    return tuple(words)


def first_quote(selectors: tuple[Selector, ...]) -> Quote | None:
    """The first quote among alternative selectors, looking into ranges and refinements too."""
    for selector in selectors:
        if isinstance(selector, Quote):
            return selector
    for selector in selectors:
        found = first_quote(selector.refined) or (
            first_quote((selector.start, selector.end)) if isinstance(selector, Range) else None
        )
        if found is not None:
            return found
    return None


def first_position(selectors: tuple[Selector, ...]) -> tuple[int, int] | None:
    """The first top-level position among alternative selectors."""
    for selector in selectors:
        if isinstance(selector, Position):
            return selector.start, selector.end
    return None
