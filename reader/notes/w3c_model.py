"""What W3C import and export share: identifiers, type names, nesting limits and the names of what an import skips."""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections import Counter
from collections.abc import Callable, Iterable
from urllib.parse import quote, unquote

from reader.message import QT_TRANSLATE_NOOP, message

W3C_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
MAX_DEPTH = 16  # bodies in bodies, targets in targets, selectors refining selectors: deeper is refused
MAX_KEY = 600
# An imported note whose annotation had no id that is an IRI (a Hypothesis id, or none at all) is exported under
# this prefix followed by its import key, so importing the exported file into the same layer finds it again.
IMPORT_KEY_IRI = "urn:field-reader:import-key:"

_UUID_KEY = "id:urn:uuid:"  # the import key of a `urn:uuid` id (`key_from_iri`), as a note's own export has

Refuse = Callable[[str], Exception]

_IRI = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:[^\s<>\"{}|\\^`#]+(?:#[^\s<>\"{}|\\^`#]*)?")


def is_iri(value: str) -> bool:
    """True for an absolute IRI: a scheme, a colon, no spaces, quotes, angle brackets or second '#'."""
    return len(value) <= 2000 and _IRI.fullmatch(value) is not None and value.isprintable()


def key_as_iri(key: str) -> str:
    """The IRI an imported note's key is exported as: its annotation's own id when that is an IRI."""
    if key.startswith("id:") and is_iri(key[3:]):
        return key[3:]
    return IMPORT_KEY_IRI + quote(key, safe="")


def note_iri(note_id: str) -> str:
    """The IRI a note of the reader's own is exported as (its own id as a URN)."""
    return f"urn:uuid:{note_id}"


def comparable_key(key: str) -> str:
    """An import key as keys are compared to tell whether a note is already here: a `urn:uuid` id in any case."""
    return key.lower() if key[: len(_UUID_KEY)].lower() == _UUID_KEY else key


def key_from_iri(identifier: str) -> str:
    """The import key for an annotation's id (undoing `key_as_iri` for ids this app made)."""
    if identifier.startswith(IMPORT_KEY_IRI):
        key = unquote(identifier[len(IMPORT_KEY_IRI) :], errors="replace")
        if key.strip():
            return key[:MAX_KEY]
    return "id:" + identifier[:500]


def kinds_of(node: dict[str, object]) -> set[str]:
    """The type names of a JSON object, written as `type` or as JSON-LD's `@type`."""
    return types_of(node.get("type")) | types_of(node.get("@type"))


def id_of(node: dict[str, object]) -> object:
    """A JSON object's id, written as `id` or as JSON-LD's `@id` (None when it has neither)."""
    identifier = node.get("id")
    return node.get("@id") if identifier is None else identifier


def types_of(value: object) -> set[str]:
    """The type names of a `type` value: one string or a list of them."""
    if isinstance(value, str):
        return {value}
    if isinstance(value, list):
        return {item for item in value if isinstance(item, str)}
    return set()


def as_list(value: object) -> list[object]:
    """A JSON value that may be one thing or a list of things, as a list (None is nothing)."""
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


LISTED = QT_TRANSLATE_NOOP("core", "{first}, {rest}")  # a list said in a sentence, for `joined`
_SKIPPED = QT_TRANSLATE_NOOP("core", "{count:,} {things} skipped")
_ONE_KEPT = QT_TRANSLATE_NOOP("core", "{count:,} {things} left out (a Choice keeps one)")
_NO_PASSAGE = QT_TRANSLATE_NOOP("core", "{count:,} {things} skipped (no passage in it)")


def _kind(singular: str, plural: str, said: str = _SKIPPED) -> tuple[str, str, str]:
    return singular, plural, said


class Skip(enum.Enum):
    """Something in an annotation file the notes cannot hold; an import counts each one and says so."""

    VIDEO_BODY = _kind(QT_TRANSLATE_NOOP("core", "video body"), QT_TRANSLATE_NOOP("core", "video bodies"))
    SOUND_BODY = _kind(QT_TRANSLATE_NOOP("core", "sound body"), QT_TRANSLATE_NOOP("core", "sound bodies"))
    IMAGE_BODY = _kind(QT_TRANSLATE_NOOP("core", "image body"), QT_TRANSLATE_NOOP("core", "image bodies"))
    DATA_BODY = _kind(QT_TRANSLATE_NOOP("core", "dataset body"), QT_TRANSLATE_NOOP("core", "dataset bodies"))
    LINKED_BODY = _kind(
        QT_TRANSLATE_NOOP("core", "body that is only a link"), QT_TRANSLATE_NOOP("core", "bodies that are only links")
    )
    EMPTY_BODY = _kind(QT_TRANSLATE_NOOP("core", "body without text"), QT_TRANSLATE_NOOP("core", "bodies without text"))
    CHOICE_LEFT = _kind(
        QT_TRANSLATE_NOOP("core", "alternative body of a Choice"),
        QT_TRANSLATE_NOOP("core", "alternative bodies of a Choice"),
        _ONE_KEPT,
    )
    WHOLE_TARGET = _kind(
        QT_TRANSLATE_NOOP("core", "target naming a whole page"),
        QT_TRANSLATE_NOOP("core", "targets naming a whole page"),
        _NO_PASSAGE,
    )
    SVG_TARGET = _kind(
        QT_TRANSLATE_NOOP("core", "target selected by an SVG shape"),
        QT_TRANSLATE_NOOP("core", "targets selected by SVG shapes"),
    )
    CSS_TARGET = _kind(
        QT_TRANSLATE_NOOP("core", "target selected by CSS"), QT_TRANSLATE_NOOP("core", "targets selected by CSS")
    )
    XPATH_TARGET = _kind(
        QT_TRANSLATE_NOOP("core", "target selected by XPath"), QT_TRANSLATE_NOOP("core", "targets selected by XPath")
    )
    FRAGMENT_TARGET = _kind(
        QT_TRANSLATE_NOOP("core", "target selected by a fragment"),
        QT_TRANSLATE_NOOP("core", "targets selected by fragments"),
    )
    DATA_TARGET = _kind(
        QT_TRANSLATE_NOOP("core", "target selected by byte positions"),
        QT_TRANSLATE_NOOP("core", "targets selected by byte positions"),
    )
    LINKED_TARGET = _kind(
        QT_TRANSLATE_NOOP("core", "target whose selector is only a link"),
        QT_TRANSLATE_NOOP("core", "targets whose selectors are only links"),
    )
    OTHER_TARGET = _kind(
        QT_TRANSLATE_NOOP("core", "target with a selector this app cannot read"),
        QT_TRANSLATE_NOOP("core", "targets with selectors this app cannot read"),
    )
    CHOICE_TARGET = _kind(
        QT_TRANSLATE_NOOP("core", "alternative target of a Choice"),
        QT_TRANSLATE_NOOP("core", "alternative targets of a Choice"),
        _ONE_KEPT,
    )
    OUTSIDE_TARGET = _kind(
        QT_TRANSLATE_NOOP("core", "target whose position is outside this report"),
        QT_TRANSLATE_NOOP("core", "targets whose positions are outside this report"),
    )

    def count(self, number: int, *, verb: bool = True) -> str:
        """ "2 video bodies skipped" (or without the verb: "2 video bodies"), a message the window translates."""
        singular, plural, said = self.value
        things = message(singular if number == 1 else plural)
        return message(said if verb else QT_TRANSLATE_NOOP("core", "{count:,} {things}"), count=number, things=things)


def describe_skips(skipped: Iterable[tuple[Skip, int]], *, verb: bool = True) -> list[str]:
    """Each kind of skipped thing as "2 video bodies skipped", in the order of `Skip`."""
    counts = Counter(dict(skipped))
    return [kind.count(counts[kind], verb=verb) for kind in Skip if counts[kind]]


def tally(counts: Counter[Skip]) -> tuple[tuple[Skip, int], ...]:
    """A count of skipped things as a value: (kind, number) pairs in the order of `Skip`, zeros left out."""
    return tuple((kind, counts[kind]) for kind in Skip if counts[kind])


def has_lone_surrogate(value: object) -> bool:
    """True when any text in `value` cannot be written as UTF-8: JSON escapes such as \\ud800 can make such text."""
    pending = [value]
    while pending:
        one = pending.pop()
        if isinstance(one, str):
            try:
                one.encode("utf-8")
            except UnicodeEncodeError:
                return True
        elif isinstance(one, dict):
            pending.extend(one.keys())
            pending.extend(one.values())
        elif isinstance(one, list):
            pending.extend(one)
    return False


def author_of(item: dict[str, object]) -> str | None:
    """The annotation's author: its creator's name or nickname, or a Hypothesis user."""
    creator = item.get("creator")
    for one in creator if isinstance(creator, list) else [creator]:
        if isinstance(one, str) and one.strip() and not one.startswith(("http:", "https:", "urn:")):
            return one.strip()[:200]
        if isinstance(one, dict):
            for key in ("name", "nickname"):
                if isinstance(one.get(key), str) and one[key].strip():
                    return one[key].strip()[:200]
    info = item.get("user_info")
    if isinstance(info, dict) and isinstance(info.get("display_name"), str) and info["display_name"].strip():
        return info["display_name"].strip()[:200]
    user = item.get("user")
    if isinstance(user, str) and user.strip():
        return user.removeprefix("acct:").split("@")[0][:200] or None
    return None


def moment_of(value: object) -> dt.datetime | None:
    """A timestamp from a file, in UTC (one without a zone is taken as UTC); None when it is not a date."""
    if not isinstance(value, str) or len(value) > 64:
        return None
    try:
        moment = dt.datetime.fromisoformat(value)
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=dt.UTC)
        return moment.astimezone(dt.UTC)
    except (ValueError, OverflowError):  # not a date, or one that cannot be expressed in UTC (year 1 or 9999)
        return None
