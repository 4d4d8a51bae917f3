"""A printable PDF handout written directly: text only, the standard Helvetica fonts, WinAnsi encoding, no Qt."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from reader.notes.handout import HandoutEntry, entry_byline, entry_place
from reader.notes.note import COLOR_HEX

PAGE_WIDTH, PAGE_HEIGHT = 595, 842  # A4 in points
MARGIN = 56
TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN
QUOTE_INDENT = 14

REGULAR, BOLD, ITALIC = "F1", "F2", "F3"
_FONTS = {REGULAR: "Helvetica", BOLD: "Helvetica-Bold", ITALIC: "Helvetica-Oblique"}

# Approximate Helvetica advance widths in 1/1000 em, grouped; slightly generous so lines never overrun the margin.
_WIDTH_GROUPS = {
    191: "'",
    222: "ijl",
    278: " !,./:;I[\\]ft|",
    333: '()-r`‘’"“”',
    500: "ckszvxyJ?_*^",
    584: "+<=>~#",
    611: "FTZ",
    667: "ABEKPSVXY&",
    722: "CDHNRUw",
    778: "GOQ",
    833: "Mm",
    889: "%",
    944: "W@",
    1000: "—…™",
}
_WIDTHS = {char: width for width, chars in _WIDTH_GROUPS.items() for char in chars}
_DEFAULT_WIDTH = 556


@dataclass(frozen=True, slots=True)
class _Line:
    font: str
    size: float
    indent: float
    text: str
    gap_before: float = 0.0
    bar: str | None = None  # hex colour of the bar drawn beside a quote line
    gray: bool = False


def text_width(text: str, font: str, size: float) -> float:
    """The approximate width of `text` in points."""
    units = sum(_WIDTHS.get(char, _DEFAULT_WIDTH) for char in text)
    if font == BOLD:
        units *= 1.08
    return units * size / 1000


def wrap(text: str, font: str, size: float, width: float) -> list[str]:
    """Break text into lines no wider than `width` points (a word longer than a line is cut)."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        current = ""
        for word in paragraph.split():
            candidate = f"{current} {word}" if current else word
            if text_width(candidate, font, size) <= width:
                current = candidate
                continue
            if current:
                lines.append(current)
            while text_width(word, font, size) > width:
                cut = len(word) - 1
                while cut > 1 and text_width(word[:cut], font, size) > width:
                    cut -= 1
                lines.append(word[:cut])
                word = word[cut:]
            current = word
        lines.append(current)
    return lines


def _layout(entries: Iterable[HandoutEntry], title: str) -> list[_Line]:
    lines = [_Line(BOLD, 16, 0, text) for text in wrap(title, BOLD, 16, TEXT_WIDTH)]
    for entry in entries:
        for index, text in enumerate(wrap(entry_place(entry), BOLD, 11, TEXT_WIDTH)):
            lines.append(_Line(BOLD, 11, 0, text, gap_before=14 if index == 0 else 0))
        for index, text in enumerate(wrap(entry.quote, ITALIC, 10, TEXT_WIDTH - QUOTE_INDENT)):
            lines.append(
                _Line(ITALIC, 10, QUOTE_INDENT, text, gap_before=4 if index == 0 else 0, bar=COLOR_HEX[entry.color])
            )
        if entry.note:
            for index, text in enumerate(wrap(entry.note, REGULAR, 10, TEXT_WIDTH)):
                lines.append(_Line(REGULAR, 10, 0, text, gap_before=4 if index == 0 else 0))
        details = []
        if entry.tags:
            details.append("Tags: " + ", ".join(entry.tags))
        byline = entry_byline(entry)
        if byline:
            details.append(byline)
        if details:
            for index, text in enumerate(wrap(" · ".join(details), REGULAR, 8.5, TEXT_WIDTH)):
                lines.append(_Line(REGULAR, 8.5, 0, text, gap_before=3 if index == 0 else 0, gray=True))
    return lines


def _paginate(lines: list[_Line]) -> list[bytes]:
    pages: list[list[bytes]] = [[]]
    y = PAGE_HEIGHT - MARGIN
    for line in lines:
        leading = line.size * 1.35
        if y - line.gap_before - leading < MARGIN and pages[-1]:
            pages.append([])
            y = PAGE_HEIGHT - MARGIN
        else:
            y -= line.gap_before
        y -= leading
        commands = pages[-1]
        if line.bar is not None:
            red, green, blue = (int(line.bar[i : i + 2], 16) / 255 for i in (1, 3, 5))
            commands.append(
                f"{red:.3f} {green:.3f} {blue:.3f} rg {MARGIN:.2f} {y - 3:.2f} 3 {leading:.2f} re f 0 g".encode()
            )
        color = "0.35 g " if line.gray else ""
        commands.append(
            f"BT {color}/{line.font} {line.size:g} Tf {MARGIN + line.indent:.2f} {y:.2f} Td ".encode()
            + _pdf_string(line.text)
            + b" Tj ET"
            + (b" 0 g" if line.gray else b"")
        )
    return [b"\n".join(commands) for commands in pages]


def _pdf_string(text: str) -> bytes:
    """A PDF literal string in WinAnsiEncoding; characters it cannot show become "?"."""
    encoded = text.encode("cp1252", errors="replace")
    out = bytearray(b"(")
    for byte in encoded:
        if byte in b"()\\":
            out += b"\\" + bytes([byte])
        elif byte < 32 or byte > 126:
            out += f"\\{byte:03o}".encode()
        else:
            out.append(byte)
    out += b")"
    return bytes(out)


def _pdf_text_string(text: str) -> bytes:
    """A PDF text string for the document information (UTF-16 with a byte order mark, so any character shows)."""
    return b"<FEFF" + text.encode("utf-16-be").hex().upper().encode("ascii") + b">"


def render_pdf(entries: Iterable[HandoutEntry], title: str) -> bytes:
    """The handout as the bytes of a PDF file (A4, one column, as many pages as needed)."""
    contents = _paginate(_layout(entries, title))
    font_ids = {name: 3 + index for index, name in enumerate(_FONTS)}
    info_id = 3 + len(_FONTS)
    first_page_id = info_id + 1
    page_ids = [first_page_id + 2 * index for index in range(len(contents))]
    objects: dict[int, bytes] = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids ["
        + b" ".join(f"{page} 0 R".encode() for page in page_ids)
        + f"] /Count {len(page_ids)} >>".encode(),
        info_id: b"<< /Title " + _pdf_text_string(title) + b" /Producer (Field Reader) >>",
    }
    for name, base_font in _FONTS.items():
        objects[font_ids[name]] = (
            f"<< /Type /Font /Subtype /Type1 /BaseFont /{base_font} /Encoding /WinAnsiEncoding >>".encode()
        )
    fonts = " ".join(f"/{name} {object_id} 0 R" for name, object_id in font_ids.items())
    for page_id, content in zip(page_ids, contents, strict=True):
        objects[page_id] = (
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {PAGE_WIDTH} {PAGE_HEIGHT}] "
            f"/Resources << /Font << {fonts} >> >> /Contents {page_id + 1} 0 R >>"
        ).encode()
        objects[page_id + 1] = f"<< /Length {len(content)} >>\nstream\n".encode() + content + b"\nendstream"
    output = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets: dict[int, int] = {}
    for object_id in sorted(objects):
        offsets[object_id] = len(output)
        output += f"{object_id} 0 obj\n".encode() + objects[object_id] + b"\nendobj\n"
    size = max(objects) + 1
    xref_at = len(output)
    output += f"xref\n0 {size}\n0000000000 65535 f \n".encode()
    for object_id in range(1, size):
        output += f"{offsets[object_id]:010d} 00000 n \n".encode()
    output += f"trailer\n<< /Size {size} /Root 1 0 R /Info {info_id} 0 R >>\nstartxref\n{xref_at}\n%%EOF\n".encode()
    return bytes(output)
