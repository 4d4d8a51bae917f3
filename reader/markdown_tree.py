"""Python-Markdown's element tree of a report file, read as headings and citable blocks with their text and HTML."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from xml.etree.ElementTree import Element, SubElement

import markdown
from markdown.extensions.admonition import AdmonitionExtension
from markdown.extensions.attr_list import AttrListExtension
from markdown.extensions.sane_lists import SaneListExtension
from markdown.serializers import to_html_string

from reader.errors import ContentError
from reader.message import QT_TRANSLATE_NOOP, message

_HEADING_LEVELS = {f"h{level}": level for level in range(1, 7)}
# The attributes each inline element may carry; any other (from a {…} attribute list) is refused with its line.
_INLINE_ATTRIBUTES: dict[str, frozenset[str]] = {
    "a": frozenset({"href", "title"}),
    "em": frozenset(),
    "strong": frozenset(),
    "code": frozenset(),
}
_SECTION_ID = re.compile(r"[a-z0-9][a-z0-9-]*")
_SETEXT_UNDERLINE = re.compile(r"\s*(?:=+|-+)\s*")
_TAG = re.compile(r"<[^>]*>")
_ATTRIBUTION_DASHES = ("—", "--")
# The reader shows no list, quote or box inside another, yet Python-Markdown parses nesting by recursion (and
# slowly): a line nested deeper than this is refused before parsing. Brackets make its link parsing quadratic.
MAX_NESTING = 32
MAX_BRACKETS = 500
_CONTAINER_MARK = re.compile(r"[ \t]*(?:>|(?:[-*+]|\d{1,9}[.)])(?=[ \t]))")
_THEMATIC_BREAK = re.compile(r"[ \t]*([-*_])(?:[ \t]*\1){2,}[ \t]*")


class MarkdownError(ContentError):
    """Markdown the reader cannot show, with the file and line it is on (so `field-reader check` can list it)."""

    def __init__(self, file_name: str, line: int, problem: str) -> None:
        super().__init__(
            message(
                QT_TRANSLATE_NOOP("core", "Cannot load {file_name}: line {line} {problem}."),
                file_name=file_name,
                line=line,
                problem=problem,
            )
        )
        self.file_name = file_name
        self.line = line
        self.problem = problem


@dataclass(frozen=True, slots=True)
class TreeHeading:
    """A heading: `line` is where it is in the file, `body` the Markdown source below it, up to the next heading."""

    level: int
    title: str
    explicit_id: str | None
    line: int
    body: str


@dataclass(frozen=True, slots=True)
class TreeBlock:
    """A citable block; `kind` is a `BlockKind` value, and the blocks of one list, quote or call-out share `box`."""

    kind: str
    box: int
    markdown: str
    html: str
    text: str
    ordered: bool = False


def read_markdown(source: str, file_name: str) -> list[TreeHeading | TreeBlock]:
    """Parse one report file into its headings and blocks in reading order; bad Markdown raises `ContentError`."""
    lines = source.split("\n")
    for number, line in enumerate(lines, start=1):
        depth = _nesting(line)
        if depth > MAX_NESTING:
            raise MarkdownError(
                file_name,
                number,
                message(
                    QT_TRANSLATE_NOOP(
                        "core",
                        "is nested more than {max_nesting} levels deep (indents, lists or block quotes inside each "
                        "other); the reader shows none inside another, so flatten it",
                    ),
                    max_nesting=MAX_NESTING,
                ),
            )
    try:
        return _FileReader(source, file_name).read()
    except RecursionError as exc:
        raise ContentError(
            message(
                QT_TRANSLATE_NOOP(
                    "core",
                    "Cannot load {file_name}: its Markdown nests lists or block quotes too deeply to be read; "
                    "flatten them.",
                ),
                file_name=file_name,
            )
        ) from exc


def _nesting(line: str) -> int:
    """How deeply a line is nested: its indent in steps of four columns plus the quote and list marks opening it."""
    if "\t" in line:
        line = line.expandtabs(4)
    content = line.lstrip(" ")
    depth = (len(line) - len(content)) // 4
    if not content or _THEMATIC_BREAK.fullmatch(content):
        return depth
    position = 0
    while depth <= MAX_NESTING and (mark := _CONTAINER_MARK.match(content, position)):
        depth, position = depth + 1, mark.end()
    return depth


def render_inline(markdown_text: str) -> tuple[str, str]:
    """The HTML and the plain text of one paragraph's inline Markdown (block syntax such as `1.` stays text)."""
    md = _new_markdown()
    root = Element("div")
    paragraph = SubElement(root, "p")
    paragraph.text = markdown_text
    try:
        _run_tree_processors(md, root)
        inner = _inner_html(md, paragraph)
    except RecursionError as exc:
        raise ContentError(
            message(QT_TRANSLATE_NOOP("core", "Cannot show a paragraph: its Markdown is nested too deeply to be read."))
        ) from exc
    return inner, _plain_text(inner)


def _new_markdown() -> markdown.Markdown:
    # Extensions are passed as objects: naming them would look them up through package metadata, which is slow.
    md = markdown.Markdown(extensions=[AttrListExtension(), AdmonitionExtension(), SaneListExtension()])
    # Raw HTML and entities would be shown one way and indexed another; hard line breaks would split a
    # paragraph's text; so all of them are plain text here.
    md.preprocessors.deregister("html_block")
    for pattern in ("html", "entity", "automail", "linebreak"):
        md.inlinePatterns.deregister(pattern)
    return md


def _run_tree_processors(md: markdown.Markdown, root: Element) -> None:
    # Each processor used here changes the tree in place (the inline one also returns it), so the elements
    # found before inline parsing are the ones that end up holding each block's text.
    for processor in md.treeprocessors:
        processor.run(root)


def _inner_html(md: markdown.Markdown, element: Element) -> str:
    wrapper = Element("div")
    wrapper.text = element.text
    wrapper.extend(element)
    serialized = to_html_string(wrapper)[len("<div>") : -len("</div>")]
    for processor in md.postprocessors:
        serialized = processor.run(serialized)
    return serialized.strip()


def _plain_text(inner_html: str) -> str:
    """The text a reader sees in the HTML the tree serialized to (its tags and text are always escaped)."""
    return " ".join(html.unescape(_TAG.sub("", inner_html)).split())


@dataclass(slots=True)
class _Planned:
    """A heading or block found in the block-level tree, before its inline Markdown is parsed."""

    element: Element
    kind: str  # "heading" or a BlockKind value
    box: int
    markdown: str
    line: int
    ordered: bool = False


class _FileReader:
    """Parses one file: first the block-level tree, then the inline Markdown of every block in the same tree."""

    def __init__(self, source: str, file_name: str) -> None:
        self._md = _new_markdown()
        self._source_lines = source.split("\n")
        self._file_name = file_name
        self._lines: list[str] = []
        self._cursor = 0  # the line after the last heading or block found

    def read(self) -> list[TreeHeading | TreeBlock]:
        self._lines = list(self._source_lines)
        for preprocessor in self._md.preprocessors:
            self._lines = preprocessor.run(self._lines)
        root = self._md.parser.parseDocument(self._lines).getroot()
        planned = self._plan(root)
        _run_tree_processors(self._md, root)
        heading_lines = [item.line for item in planned if item.kind == "heading"]
        bodies = dict(zip(heading_lines, self._bodies(heading_lines), strict=True))
        return [
            self._heading(item, bodies[item.line]) if item.kind == "heading" else self._block(item) for item in planned
        ]

    # Before inline parsing: what each top-level element is

    def _plan(self, root: Element) -> list[_Planned]:
        planned: list[_Planned] = []
        for box, child in enumerate(root, start=1):
            if child.tag in _HEADING_LEVELS:
                raw = (child.text or "").strip()
                planned.append(_Planned(child, "heading", box, raw, self._heading_line(raw)))
            elif not planned:
                first = next((index for index, line in enumerate(self._lines) if line.strip()), 0)
                raise self._error(
                    first + 1,
                    message(
                        QT_TRANSLATE_NOOP("core", "has text before the first heading; start the file with a heading")
                    ),
                )
            elif child.tag == "p":
                planned.append(self._planned_block(child, "paragraph", box))
            elif child.tag in ("ul", "ol"):
                planned.extend(self._list_items(child, box))
            elif child.tag == "blockquote":
                planned.extend(self._quote_paragraphs(child, box))
            elif child.tag == "div" and "admonition" in child.get("class", "").split():
                planned.extend(self._callout_lines(child, box))
            elif child.tag == "pre":
                line = self._line_of(_first_line(child.findtext("code") or ""))
                raise self._error(
                    line,
                    message(
                        QT_TRANSLATE_NOOP(
                            "core", "is indented by four spaces, which Markdown reads as code; remove the indent"
                        )
                    ),
                )
            elif child.tag != "hr":  # a thematic break carries no text, so it is simply not shown
                raise self._error(
                    self._cursor + 1,
                    message(
                        QT_TRANSLATE_NOOP("core", "has a <{tag}> block, which the reader cannot show"), tag=child.tag
                    ),
                )
        return planned

    def _planned_block(self, element: Element, kind: str, box: int, prefix: str = "") -> _Planned:
        raw = element.text or ""
        line = self._line_of(_first_line(raw))
        if raw.count("[") > MAX_BRACKETS:
            raise self._error(
                line,
                message(
                    QT_TRANSLATE_NOOP(
                        "core", "begins a paragraph with over {max_brackets} “[”, too many to read as links"
                    ),
                    max_brackets=MAX_BRACKETS,
                ),
            )
        # A paragraph's lines are joined, so its Markdown, its text and its HTML are one line each.
        joined = " ".join(part.strip() for part in raw.split("\n") if part.strip())
        if kind == "attribution":
            joined = joined.lstrip("—-").strip()
        element.text = prefix + joined
        return _Planned(element, kind, box, element.text, line, ordered=bool(prefix))

    def _list_items(self, listing: Element, box: int) -> list[_Planned]:
        ordered = listing.tag == "ol"
        start = int(listing.get("start", "1"))
        items = []
        for index, item in enumerate(listing):
            if len(item) == 0:
                target = item
            elif len(item) == 1 and item[0].tag == "p" and not (item.text or "").strip():
                target = item[0]  # an item of a list with blank lines between its items
            else:
                line = self._line_of(_first_line(item.text or item[0].text or ""))
                raise self._error(
                    line,
                    message(
                        QT_TRANSLATE_NOOP(
                            "core",
                            "has a list item holding more than one paragraph, or a list, quote or code block; the "
                            "reader shows each list item as one paragraph",
                        )
                    ),
                )
            # The number is part of the item's text, so it is shown, quoted and searched as written.
            prefix = f"{start + index}. " if ordered else ""
            items.append(self._planned_block(target, "list_item", box, prefix))
        return items

    def _quote_paragraphs(self, quote: Element, box: int) -> list[_Planned]:
        paragraphs = []
        for child in self._only_paragraphs(quote, message(QT_TRANSLATE_NOOP("core", "a block quote"))):
            text = (child.text or "").lstrip()
            kind = "attribution" if text.startswith(_ATTRIBUTION_DASHES) else "quote"
            paragraphs.append(self._planned_block(child, kind, box))
        return paragraphs

    def _callout_lines(self, box_element: Element, box: int) -> list[_Planned]:
        if box_element.get("class") != "admonition callout":
            kind = " ".join(box_element.get("class", "").split()[1:])
            raise self._error(
                self._line_of(f"!!! {kind}"),
                message(
                    QT_TRANSLATE_NOOP("core", "opens a “!!! {kind}” box; the reader knows only “!!! callout”"),
                    kind=kind,
                ),
            )
        lines = []
        for child in self._only_paragraphs(box_element, message(QT_TRANSLATE_NOOP("core", "a call-out box"))):
            if child.get("class") != "admonition-title":
                lines.append(self._planned_block(child, "callout", box))
            elif child.text != "Callout":  # the title Python-Markdown gives a box that has none of its own
                raise self._error(
                    self._line_of("!!! callout"),
                    message(QT_TRANSLATE_NOOP("core", "gives a call-out box a title; write “!!! callout” alone")),
                )
        return lines

    def _only_paragraphs(self, container: Element, what: str) -> list[Element]:
        for child in container:
            if child.tag != "p":
                raise self._error(
                    self._line_of(_first_line(child.text or "")),
                    message(
                        QT_TRANSLATE_NOOP("core", "puts a <{tag}> inside {what}, which may hold only paragraphs"),
                        tag=child.tag,
                        what=what,
                    ),
                )
        return list(container)

    # After inline parsing: the text and HTML of each

    def _heading(self, item: _Planned, body: str) -> TreeHeading:
        element = item.element
        title = _plain_text(_inner_html(self._md, element))
        if not title or item.markdown.startswith("{"):
            raise self._error(item.line, message(QT_TRANSLATE_NOOP("core", "has a heading without a title")))
        explicit_id = element.get("id")
        malformed = set(element.attrib) - {"id"} or "{#" in title
        if malformed or (explicit_id is not None and not _SECTION_ID.fullmatch(explicit_id)):
            braces = item.markdown[item.markdown.rfind("{") :] if "{" in item.markdown else item.markdown
            raise self._error(
                item.line,
                message(
                    QT_TRANSLATE_NOOP(
                        "core",
                        "ends its heading with “{braces}”, which is not a section id; write {{#my-id}} with "
                        "lower-case letters, digits and hyphens",
                    ),
                    braces=braces,
                ),
            )
        return TreeHeading(_HEADING_LEVELS[element.tag], title, explicit_id, item.line, body)

    def _block(self, item: _Planned) -> TreeBlock:
        element = item.element
        for child in element.iter():
            if child is element:
                continue
            if child.tag == "img":
                raise self._error(
                    item.line,
                    message(
                        QT_TRANSLATE_NOOP("core", "has an image; the reader shows only text, so describe it in words")
                    ),
                )
            if not set(child.attrib) <= _INLINE_ATTRIBUTES.get(child.tag, frozenset()):
                raise self._error(
                    item.line,
                    message(
                        QT_TRANSLATE_NOOP(
                            "core", "has a {{…}} attribute list, which the reader does not use; remove it"
                        )
                    ),
                )
        inner = _inner_html(self._md, element)
        return TreeBlock(item.kind, item.box, item.markdown, inner, _plain_text(inner), item.ordered)

    # Where things are in the file, for messages and for each section's source

    def _heading_line(self, raw: str) -> int:
        for index in range(self._cursor, len(self._lines)):
            line = self._lines[index]
            if raw in line and (line.lstrip().startswith("#") or self._is_underline(index + 1)):
                self._cursor = index + 1
                return index + 1
        return self._cursor + 1  # pragma: no cover - every heading Python-Markdown finds is on such a line

    def _line_of(self, needle: str) -> int:
        for index in range(self._cursor, len(self._lines)):
            if needle in self._lines[index]:
                self._cursor = index + 1
                return index + 1
        return self._cursor + 1

    def _is_underline(self, index: int) -> bool:
        return index < len(self._lines) and bool(_SETEXT_UNDERLINE.fullmatch(self._lines[index]))

    def _bodies(self, heading_lines: list[int]) -> list[str]:
        bodies = []
        for position, line in enumerate(heading_lines):
            start = line + 1 if self._is_underline(line) else line  # lines are 1-based: `line` is the next one
            end = heading_lines[position + 1] - 1 if position + 1 < len(heading_lines) else len(self._source_lines)
            bodies.append("\n".join(self._source_lines[start:end]).strip("\n"))
        return bodies

    def _error(self, line: int, problem: str) -> MarkdownError:
        return MarkdownError(self._file_name, line, problem)


def _first_line(text: str) -> str:
    return next((line.strip() for line in text.split("\n") if line.strip()), "")
