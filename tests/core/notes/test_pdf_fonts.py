"""The handout's fonts made lighter to read and subset: the very glyphs and widths fpdf2 embeds on its own, each
glyph's box as the font file has it."""

from __future__ import annotations

import io
from contextlib import ExitStack
from importlib.resources import as_file, files

from fontTools.ttLib import TTFont
from fpdf import FPDF
from fpdf.fonts import TTFFont
from pypdf import PdfReader

from reader.notes.pdf_fonts import (
    FONT_FAMILY,
    FONT_FILES,
    NEVER_EMBEDDED,
    HandoutFont,
    add_handout_fonts,
    lighten_for_subsetting,
)

# Per table: the fields that are a least and a greatest over every glyph of the font.
WHOLE_FONT_BOUNDS = (
    ("head", ("xMin", "yMin"), ("xMax", "yMax")),
    (
        "maxp",
        (),
        (
            "maxPoints",
            "maxContours",
            "maxCompositePoints",
            "maxCompositeContours",
            "maxComponentElements",
            "maxComponentDepth",
        ),
    ),
    ("hhea", ("minLeftSideBearing", "minRightSideBearing"), ("advanceWidthMax", "xMaxExtent")),
)
TEXT = "Quoth the raven (nevermore) \\ Ünïcödé ĀĒĪ Ωμέγα кириллица — “quotes” ½ €"


def embedded_fonts(*, lightened: bool) -> list[TTFont]:
    """A page in both of the handout's fonts, as fpdf2 alone loads them or lightened; its fonts as embedded."""
    pdf = FPDF(unit="pt", format="A4")
    with ExitStack() as stack:
        _add_fonts(pdf, stack, ours=lightened)
        pdf.add_page()
        for style in FONT_FILES:
            pdf.set_font(FONT_FAMILY, style, 10)
            pdf.multi_cell(0, 14, TEXT, new_x="LMARGIN", new_y="NEXT")
        data = bytes(pdf.output())
    fonts = PdfReader(io.BytesIO(data)).pages[0]["/Resources"]["/Font"]
    descendants = [fonts[name].get_object()["/DescendantFonts"][0].get_object() for name in sorted(fonts)]
    return [TTFont(io.BytesIO(font["/FontDescriptor"]["/FontFile2"].get_data())) for font in descendants]


def test_the_lightened_fonts_embed_the_very_glyphs_fpdf2_embeds() -> None:
    own, light = embedded_fonts(lightened=False), embedded_fonts(lightened=True)
    assert len(own) == len(light) == 2
    shipped = [TTFont(files("reader") / "fonts" / name) for name in FONT_FILES.values()]
    for own_font, light_font, shipped_font in zip(own, light, shipped, strict=True):
        assert sorted(light_font.keys()) == sorted(own_font.keys())
        assert light_font.getGlyphOrder() == own_font.getGlyphOrder()
        assert len(own_font.getGlyphOrder()) > 40  # every letter of the text, in each style
        assert light_font.getBestCmap() == own_font.getBestCmap()
        assert light_font["hmtx"].metrics == own_font["hmtx"].metrics
        own_glyphs, light_glyphs = own_font["glyf"], light_font["glyf"]
        for name in own_font.getGlyphOrder():
            own_glyph, light_glyph = own_glyphs[name], light_glyphs[name]
            assert light_glyph.getCoordinates(light_glyphs) == own_glyph.getCoordinates(own_glyphs)
            if own_glyph.numberOfContours:
                # fpdf2 measures each box anew from the outline: for a few glyphs of this font, a unit of 2048 to
                # the em away from the box in the font file, which the lightened fonts keep.
                assert all(abs(mine - its) <= 1 for mine, its in zip(_box(light_glyph), _box(own_glyph), strict=True))
        shipped_glyphs = shipped_font["glyf"]
        shipped_names = shipped_font.getBestCmap()
        for code, name in light_font.getBestCmap().items():
            if light_glyphs[name].numberOfContours:
                assert _box(light_glyphs[name]) == _box(shipped_glyphs[shipped_names[code]]), chr(code)
        for table in ("OS/2", "name", "post"):
            assert light_font[table].compile(light_font) == own_font[table].compile(own_font)
        # The font-wide bounds stay the whole font's, which enclose the subset's; everything else is the same.
        for table, lowest, highest in WHOLE_FONT_BOUNDS:
            own_fields, light_fields = vars(own_font[table]), vars(light_font[table])
            for field in lowest:
                assert light_fields.pop(field) <= own_fields.pop(field)
            for field in highest:
                assert light_fields.pop(field) >= own_fields.pop(field)
            light_fields.pop("checkSumAdjustment", None), own_fields.pop("checkSumAdjustment", None)
            assert light_fields == own_fields


def _box(glyph: object) -> list[int]:
    return [getattr(glyph, side) for side in ("xMin", "yMin", "xMax", "yMax")]


def test_lightening_leaves_out_only_tables_that_never_reach_the_pdf() -> None:
    pdf = FPDF(unit="pt", format="A4")
    with ExitStack() as stack:
        add_handout_fonts(pdf, stack)
    fonts = [font for font in pdf.fonts.values() if isinstance(font, TTFFont)]
    assert len(fonts) == 2
    for font in fonts:
        assert not set(NEVER_EMBEDDED) & set(font.ttfont.keys())
    with as_file(files("reader") / "fonts" / "DejaVuSans.ttf") as path:
        font = TTFont(path, lazy=True)
        tables = set(font.keys())
        lighten_for_subsetting(font)
        assert tables - set(font.keys()) == set(NEVER_EMBEDDED)  # the font has all of them, and only they go


def _fonts(*, ours: bool) -> list[TTFFont]:
    """The handout's two fonts as fpdf2's `add_font` makes them, or as the handout reads them."""
    pdf = FPDF(unit="pt", format="A4")
    with ExitStack() as stack:
        _add_fonts(pdf, stack, ours=ours)
        return [font for font in pdf.fonts.values() if isinstance(font, TTFFont)]


def _add_fonts(pdf: FPDF, stack: ExitStack, *, ours: bool) -> None:
    """Both of the handout's fonts added as the handout adds them, or by fpdf2's own `add_font`."""
    if ours:
        add_handout_fonts(pdf, stack)
    else:
        for style, name in FONT_FILES.items():
            pdf.add_font(FONT_FAMILY, style, stack.enter_context(as_file(files("reader") / "fonts" / name)))


_UNSET = object()


def test_the_handout_fonts_hold_what_fpdf2s_own_hold_but_for_glyph_names() -> None:
    # Every field fpdf2 gives a font, compared one by one: widths, glyph numbers, descriptor, names, metrics. An fpdf2
    # that adds a field, or fills one differently, fails here rather than in a handout.
    own, ours = _fonts(ours=False), _fonts(ours=True)
    assert len(own) == len(ours) == 2
    for own_font, our_font in zip(own, ours, strict=True):
        assert isinstance(our_font, HandoutFont)
        for field in TTFFont.__slots__:
            mine, its = getattr(our_font, field, _UNSET), getattr(own_font, field, _UNSET)
            if field == "ttfont":
                continue  # the font file as fontTools reads it: compared by what it embeds (above)
            if field == "cmap":  # each character's glyph, by the glyph's number rather than its name
                assert {code: our_font.ttfont.getGlyphID(name) for code, name in mine.items()} == {
                    code: own_font.ttfont.getGlyphID(name) for code, name in its.items()
                }
            elif field == "subset":
                assert [(glyph.glyph_id, glyph.unicode, glyph.glyph_width, code) for glyph, code in mine.items()] == [
                    (glyph.glyph_id, glyph.unicode, glyph.glyph_width, code) for glyph, code in its.items()
                ]
            elif field == "desc":
                assert vars(mine) == vars(its)
            elif field == "cw":
                assert mine == its
                assert mine[0x10FFFF] == its[0x10FFFF]  # a character the font lacks: the glyph 0's width
            else:
                assert mine == its, field
        # Glyph 0 keeps its name, which fpdf2 asks for; the others are named after their numbers.
        assert our_font.ttfont.getGlyphOrder()[0] == ".notdef"


def test_the_outlines_read_when_asked_for_are_fonttools_own() -> None:
    font = _fonts(ours=True)[0].ttfont
    shipped = TTFont(files("reader") / "fonts" / FONT_FILES[""])
    glyphs, shipped_glyphs = font["glyf"], shipped["glyf"]
    names, shipped_names = font.getGlyphOrder(), shipped.getGlyphOrder()
    assert "glyph36" in glyphs
    assert "nothing" not in glyphs
    assert glyphs.get("nothing") is None
    assert glyphs["glyph36"].getCoordinates(glyphs) == shipped_glyphs[shipped_names[36]].getCoordinates(shipped_glyphs)
    # Asked for all at once (their number, or each in turn), every glyph is read, in the font's order.
    assert len(glyphs) == len(shipped_glyphs) == len(names)
    assert list(glyphs.keys()) == names
    for number, name in enumerate(names):
        assert glyphs[name].compile(glyphs) == shipped_glyphs[shipped_names[number]].compile(shipped_glyphs)
