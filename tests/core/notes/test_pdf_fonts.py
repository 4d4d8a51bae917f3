"""The handout's fonts made lighter to subset: the very glyphs and widths fpdf2 embeds on its own, each glyph's box
as the font file has it."""

from __future__ import annotations

import io
from contextlib import ExitStack
from importlib.resources import as_file, files

from fontTools.ttLib import TTFont
from fpdf import FPDF
from fpdf.fonts import TTFFont
from pypdf import PdfReader

from reader.notes.pdf_fonts import FONT_FAMILY, FONT_FILES, NEVER_EMBEDDED, add_handout_fonts, lighten_for_subsetting

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
        if lightened:
            add_handout_fonts(pdf, stack)
        else:
            for style, name in FONT_FILES.items():
                pdf.add_font(FONT_FAMILY, style, stack.enter_context(as_file(files("reader") / "fonts" / name)))
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
