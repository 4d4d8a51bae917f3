"""`TextStyle`: a font at a size in a colour, with its glyph widths and its text as a PDF string, for the handout."""

from __future__ import annotations

# isort: off
import reader.notes.lean_fpdf  # noqa: F401  (first: fpdf2 without http, urllib, asyncio and Pillow)

# isort: on
from typing import NamedTuple

from fpdf.drawing import DeviceGray, DeviceRGB
from fpdf.fonts import TTFFont

from reader.notes.line_breaking import WordWidths

DeviceColor = DeviceRGB | DeviceGray


class FontText(dict[str, str]):
    """Text in one font as the inside of a PDF string: each character as its code in the font's subset, escaped.

    Each character is encoded on its own (fpdf2 escapes each byte on its own), so a word is its characters'
    encodings one after another, and a line its words' joined by a space's; each word is encoded once (the words of
    a report recur far more than its lines).
    """

    def __init__(self, font: TTFFont) -> None:
        super().__init__()
        self._codes = _SubsetCodes(font)
        self.space = self[" "]

    def __missing__(self, word: str) -> str:
        encoded = self[word] = word.translate(self._codes)
        return encoded

    def __call__(self, text: str) -> str:
        return self.of_words(text.split(" "))

    def of_words(self, words: list[str]) -> str:
        """A text given as its words between single spaces (`text.split(" ")`)."""
        return self.space.join(map(self.__getitem__, words))


class _SubsetCodes(dict[int, str | None]):
    """Each character's code in a font's subset as fpdf2 writes it in a PDF string, escaped (None for one the font
    lacks, left out as fpdf2 leaves it out)."""

    def __init__(self, font: TTFFont) -> None:
        super().__init__()
        self._font = font

    def __missing__(self, character: int) -> str | None:
        code = self._font.subset.pick(character)
        encoded = self[character] = self._font.escape_text(chr(code)) if code else None
        return encoded


class TextStyle(NamedTuple):
    """A font at a size in a colour: its number in the PDF, glyph widths, text encoder, and a text object's start."""

    font_number: int
    size: float
    widths: WordWidths
    encoded: FontText
    opening: str  # starts a text object in this font, size and colour, inside q … Q

    @classmethod
    def of(cls, font: TTFFont, widths: WordWidths, encoded: FontText, size: float, color: DeviceColor) -> TextStyle:
        # Text is drawn in the fill colour: q and Q keep the colour and font to the text object alone, so fpdf2's
        # idea of the current colour and font stays true.
        return cls(font.i, size, widths, encoded, f"q {color.serialize().lower()} BT /F{font.i} {size:.2f} Tf")
