"""`add_handout_fonts`: the handout's font, regular and bold, added to an fpdf2 document, quicker to read and subset."""

from __future__ import annotations

# isort: off
import reader.notes.lean_fpdf  # noqa: F401  (first: fpdf2 without http, urllib, asyncio and Pillow)

# isort: on
import re
from collections import defaultdict
from collections.abc import ItemsView, Iterator, KeysView, Sequence, ValuesView
from contextlib import ExitStack
from importlib.resources import as_file, files
from pathlib import Path

from fontTools.ttLib import TTFont, newTable
from fontTools.ttLib.tables._g_l_y_f import Glyph
from fpdf import FPDF
from fpdf.enums import FontDescriptorFlags, TextEmphasis
from fpdf.font_type_3 import get_color_font_object
from fpdf.fonts import PDFFontDescriptor, SubsetMap, TTFFont

FONT_FAMILY = "DejaVu Sans"  # Latin, Greek, Cyrillic, Arabic and Hebrew in one family
FONT_FILES = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf"}
# Tables that never reach the PDF: fpdf2 leaves the layout tables out of every subset it embeds, and fontTools then
# leaves out the old kerning table too. Before dropping them, fontTools reads the layout tables through (a sixth of
# the time of subsetting a font); fpdf2 shapes text with HarfBuzz, from the font file, never from these.
NEVER_EMBEDDED = ("GDEF", "GPOS", "GSUB", "kern")
# A subset keeps each glyph's outline and box as the font has them, so its glyphs are copied as they are rather than
# taken apart and put together again to measure their boxes anew (a fifth of the time of writing a subset). The
# font-wide box and maxima in the subset's `head` and `maxp` stay the whole font's: they still enclose every glyph,
# and agree with the box fpdf2 writes into the PDF's font descriptor, which it takes from the whole font.
# The glyphs' names never reach the PDF either: fpdf2's subset keeps a `post` table of format 3, which has none. The
# font's own (some 6,000 in each style, packed in its `post` table) are left unread, and each glyph is named after
# its number instead (glyph 0 is ".notdef", as fpdf2 asks for it by that name).
POST_WITHOUT_NAMES = b"\x00\x03\x00\x00"  # a `post` table's version: 3.0, no glyph names


def add_handout_fonts(pdf: FPDF, stack: ExitStack) -> None:
    """The handout's font in both styles, each from a file that stays open as long as `stack` does."""
    for style, name in FONT_FILES.items():
        font_path = stack.enter_context(as_file(files("reader") / "fonts" / name))
        fontkey = f"{FONT_FAMILY.lower()}{style}"  # as fpdf2's `add_font` keys a family's style
        pdf.fonts[fontkey] = HandoutFont(pdf, Path(font_path), fontkey, style)


def lighten_for_subsetting(font: TTFont) -> None:
    """The tables that never reach the PDF dropped beforehand, and the glyphs' boxes kept as they are (the tests
    compare the fonts embedded with those fpdf2 embeds itself, glyph by glyph)."""
    for tag in NEVER_EMBEDDED:
        if tag in font:
            del font[tag]
    font.recalcBBoxes = False


def read_without_glyph_names(font: TTFont) -> None:
    """`font`'s glyphs named after their numbers, its `post` table read without the names it holds (before anything
    else of the font is read)."""
    post = newTable("post")
    post.decompile(POST_WITHOUT_NAMES + font.reader["post"][4:], font)
    font["post"] = post
    font.setGlyphOrder([".notdef", *[f"glyph{number}" for number in range(1, font["maxp"].numGlyphs)]])


def read_outlines_when_asked_for(font: TTFont) -> None:
    """`font`'s `glyf` table with each glyph's outline read from the file only when it is first asked for (after its
    glyph order is set): a subset asks for a few hundred of the font's 6,000."""
    glyf = newTable("glyf")
    glyf.glyphOrder = font.getGlyphOrder()
    glyf._reverseGlyphOrder = {}  # as fontTools' own reading leaves it
    glyf.glyphs = _GlyphsReadWhenAskedFor(glyf.glyphOrder, font.reader["glyf"], font["loca"].locations)
    font["glyf"] = glyf


class _GlyphsReadWhenAskedFor(dict[str, Glyph]):
    """The glyphs of a `glyf` table by name, as fontTools reads them (each from its stretch of the table's data), but
    each read when first asked for. Asked for all at once (their number, to go over them, to copy them, or to take
    one out), all are read, in the font's order, as fontTools reads them."""

    def __init__(self, names: list[str], data: bytes, locations: Sequence[int]) -> None:
        super().__init__()
        self._names = names
        self._numbers = {name: number for number, name in enumerate(names)}
        self._data = data
        self._locations = locations
        self._all_read = False

    def __missing__(self, name: str) -> Glyph:
        if self._all_read:
            raise KeyError(name)
        number = self._numbers[name]  # KeyError, as a dict's, for a name that is no glyph's
        glyph = self[name] = Glyph(self._data[self._locations[number] : self._locations[number + 1]])
        return glyph

    def __contains__(self, name: object) -> bool:
        return super().__contains__(name) or (not self._all_read and name in self._numbers)

    def get(self, name: str, default: Glyph | None = None) -> Glyph | None:  # type: ignore[override]
        try:
            return self[name]
        except KeyError:
            return default

    def _read_all(self) -> None:
        if self._all_read:
            return
        read = dict(super().items())  # those asked for so far, as they are now
        super().clear()
        for name in self._names:
            glyph = read.pop(name, None)
            self[name] = self.__missing__(name) if glyph is None else glyph
        self.update(read)  # any added since under a name of its own
        self._all_read = True

    def __len__(self) -> int:
        self._read_all()
        return super().__len__()

    def __iter__(self) -> Iterator[str]:
        self._read_all()
        return super().__iter__()

    def __delitem__(self, name: str) -> None:
        self._read_all()
        super().__delitem__(name)

    def keys(self) -> KeysView[str]:
        self._read_all()
        return super().keys()

    def values(self) -> ValuesView[Glyph]:
        self._read_all()
        return super().values()

    def items(self) -> ItemsView[str, Glyph]:
        self._read_all()
        return super().items()

    def copy(self) -> dict[str, Glyph]:
        self._read_all()
        return dict(super().items())


class HandoutFont(TTFFont):
    """fpdf2's own font (`FPDF.add_font`) for a TrueType font file, read with less work: no glyph names, no outlines
    before the subset is made, the widths taken from the font's tables in one pass.

    Every field holds what fpdf2's would for the bundled fonts (the tests compare them one by one), but for the
    glyphs' names (see `read_without_glyph_names`). Only for a plain TrueType font: not a collection, a compressed,
    variable, colour, CFF or symbol font.
    """

    __slots__ = ()

    def __init__(self, pdf: FPDF, path: Path, fontkey: str, style: str) -> None:
        # Not fpdf2's own: it reads every glyph's name and outline.
        font = TTFont(path, recalcTimestamp=False, lazy=True)
        lighten_for_subsetting(font)
        read_without_glyph_names(font)
        read_outlines_when_asked_for(font)
        self.i = len(pdf.fonts) + 1
        self.type = "TTF"
        self.ttffile = path
        self.is_compressed = False
        self._hbfont = None
        self.fontkey = fontkey
        self.biggest_size_pt = 0
        self.collection_font_number = 0
        self.ttfont = font
        self.is_cff = self.is_cid_keyed = self.is_symbol = False
        self.cff_ros = None
        head, hhea, os2, post = font["head"], font["hhea"], font["OS/2"], font["post"]
        scale = self.scale = 1000 / float(head.unitsPerEm)
        metrics = font["hmtx"].metrics
        default_width = round(scale * metrics[".notdef"][0])
        flags = FontDescriptorFlags.SYMBOLIC
        if post.isFixedPitch:
            flags |= FontDescriptorFlags.FIXED_PITCH
        if post.italicAngle != 0:
            flags |= FontDescriptorFlags.ITALIC
        if os2.usWeightClass >= 600:
            flags |= FontDescriptorFlags.FORCE_BOLD
        self.desc = PDFFontDescriptor(
            ascent=round(hhea.ascent * scale),
            descent=round(hhea.descent * scale),
            cap_height=round(getattr(os2, "sCapHeight", hhea.ascent) * scale),
            flags=flags,
            font_b_box=(
                f"[{head.xMin * scale:.0f} {head.yMin * scale:.0f} {head.xMax * scale:.0f} {head.yMax * scale:.0f}]"
            ),
            italic_angle=int(post.italicAngle),
            stem_v=round(50 + int(pow((os2.usWeightClass / 65), 2))),
            missing_width=default_width,
        )
        cmap = self.cmap = font.getBestCmap()
        glyph_ids = font.getReverseGlyphMap()
        self.glyph_ids = {code: glyph_ids[name] for code, name in cmap.items()}
        # Each character's advance, rounded half up as fpdf2 rounds it; any other character's is the default's.
        self.cw = defaultdict(
            lambda: default_width,
            {
                code: round(scale * (0 if (width := metrics[name][0]) == 65535 else width) + 0.001)
                for code, name in cmap.items()
            },
        )
        self.missing_glyphs = []
        self.name = re.sub("[ ()]", "", font["name"].getBestFullName())
        self.up = round(post.underlinePosition * scale)
        self.ut = round(post.underlineThickness * scale)
        self.sp = round(os2.yStrikeoutPosition * scale)
        self.ss = round(os2.yStrikeoutSize * scale)
        self.emphasis = TextEmphasis.coerce(style)
        self.subset = SubsetMap(self)
        self.palette_index = 0
        self.color_font = get_color_font_object(pdf, self, 0) if pdf.render_color_fonts else None
