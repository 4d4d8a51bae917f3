"""An annotation's bodies as one note text and its tags: textual bodies, choices, sets, tags given as resources.

What cannot be kept (a video, a body that is only a link) is counted in `skipped`, never dropped silently.
"""

from __future__ import annotations

from collections import Counter
from html.parser import HTMLParser

from reader.message import QT_TRANSLATE_NOOP, message
from reader.notes.w3c_model import MAX_DEPTH, Refuse, Skip, as_list, id_of, kinds_of, types_of

MAX_TAGS = 100
_SETS = frozenset({"List", "Composite", "Independents"})
_MEDIA = {
    "Video": Skip.VIDEO_BODY,
    "Sound": Skip.SOUND_BODY,
    "Audio": Skip.SOUND_BODY,
    "Image": Skip.IMAGE_BODY,
    "Dataset": Skip.DATA_BODY,
}
_MEDIA_FORMATS = {"video": Skip.VIDEO_BODY, "audio": Skip.SOUND_BODY, "image": Skip.IMAGE_BODY}


def read_bodies(
    item: dict[str, object], bad: Refuse, language: str, skipped: Counter[Skip]
) -> tuple[str, tuple[str, ...]]:
    """The note text (bodies joined with blank lines) and tags of one W3C or Hypothesis annotation.

    A Choice keeps the item in `language` (else the first it can read); List, Composite and Independents keep
    every item. A tagging body becomes a tag, whether it is text or a resource; an HTML body becomes plain text.
    """
    reader = _Bodies(bad, language, skipped)
    if "text" in item:  # Hypothesis
        if not isinstance(item["text"], str):
            raise bad(message(QT_TRANSLATE_NOOP("core", "has a note text that is not text")))
        reader.texts.append(item["text"])
    raw_tags = item.get("tags", [])
    if not isinstance(raw_tags, list) or not all(isinstance(tag, str) for tag in raw_tags):
        raise bad(message(QT_TRANSLATE_NOOP("core", "has tags that are not a list of text")))
    reader.tags.extend(raw_tags)
    if "bodyValue" in item:
        if not isinstance(item["bodyValue"], str):
            raise bad(message(QT_TRANSLATE_NOOP("core", "has a bodyValue that is not text")))
        reader.texts.append(item["bodyValue"])
    tagging = types_of(item.get("motivation")) == {"tagging"}
    for body in as_list(item.get("body")):
        reader.body(body, "tagging" if tagging else None, 0)
    if len(reader.tags) > MAX_TAGS:
        raise bad(message(QT_TRANSLATE_NOOP("core", "has more than {max_tags} tags"), max_tags=MAX_TAGS))
    # One body is kept exactly as written; blank ones among several are left out of the joined text.
    texts = reader.texts if len(reader.texts) == 1 else [text for text in reader.texts if text.strip()]
    return "\n\n".join(texts), tuple(reader.tags)


class _Bodies:
    def __init__(self, bad: Refuse, language: str, skipped: Counter[Skip]) -> None:
        self.bad = bad
        self.language = language.split("-")[0].casefold()
        self.skipped = skipped
        self.texts: list[str] = []
        self.tags: list[str] = []

    def body(self, body: object, purpose: str | None, depth: int) -> None:
        if depth > MAX_DEPTH:
            raise self.bad(
                message(QT_TRANSLATE_NOOP("core", "nests its bodies more than {max_depth} deep"), max_depth=MAX_DEPTH)
            )
        if isinstance(body, str):
            if purpose == "tagging" and body.strip():
                self.tags.append(body)  # a tag given as the IRI of a resource: the IRI is the tag
            else:
                self.skipped[Skip.LINKED_BODY] += 1  # an external body: nothing to show offline
            return
        if not isinstance(body, dict):
            raise self.bad(message(QT_TRANSLATE_NOOP("core", "has a body that is not an object")))
        kinds = kinds_of(body)
        purposes = types_of(body.get("purpose"))
        purpose = "tagging" if "tagging" in purposes else (next(iter(purposes)) if purposes else purpose)
        if "Choice" in kinds:
            self._choice(as_list(body.get("items")), purpose, depth)
        elif kinds & _SETS:
            for one in as_list(body.get("items")):
                self.body(one, purpose, depth + 1)
        elif "value" in body:
            self._textual(body, purpose)
        elif "source" in body:  # a SpecificResource: its source is the body, its purpose says why it is there
            self.body(body["source"], purpose, depth + 1)
        elif purpose == "tagging" and isinstance(identifier := id_of(body), str) and identifier.strip():
            self.tags.append(_label(body) or identifier)
        else:
            linked = id_of(body) is not None
            self.skipped[_media_kind(body, kinds) or (Skip.LINKED_BODY if linked else Skip.EMPTY_BODY)] += 1

    def _textual(self, body: dict[str, object], purpose: str | None) -> None:
        value = body["value"]
        if value is None:
            self.skipped[Skip.EMPTY_BODY] += 1
            return
        if not isinstance(value, str):
            raise self.bad(message(QT_TRANSLATE_NOOP("core", "has a body whose value is not text")))
        if "text/html" in types_of(body.get("format")):
            value = html_to_text(value)
        if purpose == "tagging":
            if value.strip():
                self.tags.append(value)
            else:
                self.skipped[Skip.EMPTY_BODY] += 1
        else:
            self.texts.append(value)  # shown as plain text, never rendered

    def _choice(self, items: list[object], purpose: str | None, depth: int) -> None:
        """Keep one item: the first in the reader's language that can be read, else the first that can."""
        if not items:
            self.skipped[Skip.EMPTY_BODY] += 1
            return
        readable = [item for item in items if _readable(item, depth + 1)]
        mine = [item for item in readable if self._in_my_language(item)]
        chosen = (mine or readable or items)[0]
        self.skipped[Skip.CHOICE_LEFT] += len(items) - 1
        self.body(chosen, purpose, depth + 1)

    def _in_my_language(self, item: object) -> bool:
        if not isinstance(item, dict):
            return False
        languages = types_of(item.get("language"))
        source = item.get("source")
        if not languages and isinstance(source, dict):
            languages = types_of(source.get("language"))
        return any(language.split("-")[0].casefold() == self.language for language in languages)


def _readable(item: object, depth: int) -> bool:
    """Whether a body holds text or a tag (without counting or refusing anything: `body` does that)."""
    if depth > MAX_DEPTH or not isinstance(item, dict):
        return False
    kinds = kinds_of(item)
    if "Choice" in kinds or kinds & _SETS:
        return any(_readable(one, depth + 1) for one in as_list(item.get("items")))
    if "value" in item:
        return isinstance(item["value"], str)
    if "source" in item:
        return _readable(item["source"], depth + 1) or "tagging" in types_of(item.get("purpose"))
    return False


def _label(body: dict[str, object]) -> str | None:
    for key in ("label", "name", "value"):
        if isinstance(body.get(key), str) and body[key].strip():
            return body[key]
    return None


def _media_kind(body: dict[str, object], kinds: set[str]) -> Skip | None:
    for kind, skip in _MEDIA.items():
        if kind in kinds:
            return skip
    for media_format in types_of(body.get("format")):
        skip = _MEDIA_FORMATS.get(media_format.split("/")[0])
        if skip is not None:
            return skip
    return None


_BLOCKS = frozenset(
    {"p", "div", "br", "li", "ul", "ol", "tr", "table", "blockquote", "pre", "section", "article", "dt", "dd"}
    | {f"h{level}" for level in range(1, 7)}
)
_HIDDEN = frozenset({"script", "style", "template", "head", "title"})


class _PlainText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN:
            self.hidden += 1
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def html_to_text(markup: str) -> str:
    """The readable text of an HTML fragment: no tags, entities decoded, one line per block, scripts left out."""
    parser = _PlainText()
    parser.feed(markup)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).split("\n"))
    return "\n".join(line for line in lines if line)
