"""Every theme meets WCAG 2.x AA: 4.5:1 for text (highlights and marks included), 3:1 for UI parts (the focus
outline, the glossary terms' underline, borders), computed from the theme definitions."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextCharFormat

from reader.notes.note import COLOR_HEX, Color, Style
from reader.ui import themes
from reader.ui.bookmarks import ribbon_hex
from reader.ui.match_highlighter import CURRENT_COLOR, MATCH_COLOR, TEXT_COLOR
from reader.ui.note_highlighter import highlight_format

TEXT, PARTS = 4.5, 3.0


def luminance(colour: str) -> float:
    """Relative luminance (WCAG 2.x) of "#rrggbb"."""
    channels = [int(colour.lstrip("#")[index : index + 2], 16) / 255 for index in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(one: str, other: str) -> float:
    light, dark = sorted((luminance(one), luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def over(colour: str, alpha: int, background: str) -> str:
    """`colour` at `alpha` (0–255) painted over `background`."""
    top, bottom = colour.lstrip("#"), background.lstrip("#")
    mixed = [
        round(int(top[i : i + 2], 16) * alpha / 255 + int(bottom[i : i + 2], 16) * (1 - alpha / 255)) for i in (0, 2, 4)
    ]
    return "#" + "".join(f"{channel:02x}" for channel in mixed)


def themed_pairs(theme: themes.Theme) -> list[tuple[str, str, str, float]]:
    """(what, foreground, background, the least contrast WCAG AA asks) for every pair a reader sees together."""
    pairs = [
        ("text on the page", theme.text, theme.base, TEXT),
        ("text in panels", theme.text, theme.window, TEXT),
        ("selected text", theme.text, theme.selection, TEXT),
        ("muted text on the page (¶ numbers, attributions, placeholders)", theme.muted, theme.base, TEXT),
        ("muted text in panels (search hit headings, sources)", theme.muted, theme.window, TEXT),
        ("muted text in a selected search hit", theme.muted, theme.selection, TEXT),
        ("links on the page", theme.accent, theme.base, TEXT),
        ("links in panels (Did you mean, popup links)", theme.accent, theme.window, TEXT),
        ("links in the glossary popup", theme.accent, theme.base, TEXT),
        ("text in a callout", theme.text, theme.callout, TEXT),
        ("a callout's border", theme.callout_border, theme.callout, PARTS),
        ("a block quote's border", theme.quote_border, theme.base, PARTS),
        ("a glossary term's dotted underline", theme.muted, theme.base, PARTS),
        ("the focus outline on the page", theme.focus, theme.base, PARTS),
        ("the focus outline in panels", theme.focus, theme.window, PARTS),
        ("a text field's edge on the page's colour", theme.field_border, theme.base, PARTS),
        ("a text field's edge in panels", theme.field_border, theme.window, PARTS),
    ]
    if theme.scroll_handle:
        pairs.append(("a scroll bar's handle", theme.scroll_handle, theme.base, PARTS))
    for name, mark in (("search match", MATCH_COLOR), ("current search match", CURRENT_COLOR)):
        pairs.append((f"text on a {name}", TEXT_COLOR.name(), mark.name(), TEXT))
    return pairs


def note_pairs(theme: themes.Theme) -> list[tuple[str, str, str, float]]:
    """Every note colour in every style, as the window draws it on the theme's page: the text over the tint, and each
    line or mark (underline, an imported note's dashed line, a bookmark's ribbon) against the page and the tint."""
    pairs = []
    for color in Color:
        for style in Style:
            for imported in (False, True):
                what = f"{'an imported' if imported else 'a'} {color.value} {style.value}"
                if style is Style.BOOKMARK:
                    ribbon = ribbon_hex(color, theme.base)
                    pairs.append((f"{what}'s ribbon on the page", ribbon, theme.base, PARTS))
                    continue
                look = highlight_format(color, style, imported, page=theme.base)
                tint = look.background().color()
                under = over(tint.name(), tint.alpha(), theme.base)
                pairs.append((f"text on {what}", theme.text, under, TEXT))
                if look.underlineStyle() != QTextCharFormat.UnderlineStyle.NoUnderline:
                    line = look.underlineColor().name()
                    pairs.append((f"{what}'s line against the page", line, theme.base, PARTS))
                    pairs.append((f"{what}'s line against its tint", line, under, PARTS))
                if look.fontStrikeOut():  # drawn in the text's colour
                    pairs.append((f"{what}'s strike-through against its tint", theme.text, under, PARTS))
    return pairs


@pytest.mark.parametrize("theme", themes.THEMES.values(), ids=lambda theme: theme.name)
def test_every_note_colour_and_style_meets_wcag_aa_on_the_page(theme: themes.Theme):
    pairs = note_pairs(theme)
    assert len(pairs) >= len(Color) * (3 * 2 * 2 + 1)  # every colour, style and layer kind is checked
    failing = [
        f"{what}: {contrast(fg, bg):.2f}:1 < {least}:1 ({fg} on {bg})"
        for what, fg, bg, least in pairs
        if contrast(fg, bg) < least
    ]
    assert failing == []


def test_underlines_follow_the_page_of_the_theme():
    light = highlight_format(Color.YELLOW, Style.UNDERLINE, page=themes.THEMES["light"].base).underlineColor()
    dark = highlight_format(Color.YELLOW, Style.UNDERLINE, page=themes.THEMES["dark"].base).underlineColor()
    assert contrast(light.name(), themes.THEMES["light"].base) >= PARTS
    assert contrast(dark.name(), themes.THEMES["dark"].base) >= PARTS
    assert light != dark


def test_exports_keep_the_canonical_colours():
    assert COLOR_HEX[Color.YELLOW] == "#f5d90a"
    highlight = highlight_format(Color.YELLOW, Style.HIGHLIGHT, page=themes.THEMES["dark"].base)
    assert highlight.background().color().name() == COLOR_HEX[Color.YELLOW]


@pytest.mark.parametrize("theme", themes.THEMES.values(), ids=lambda theme: theme.name)
def test_every_colour_pair_of_the_theme_meets_wcag_aa(theme: themes.Theme):
    failing = [
        f"{what}: {contrast(fg, bg):.2f}:1 < {least}:1 ({fg} on {bg})"
        for what, fg, bg, least in themed_pairs(theme)
        if contrast(fg, bg) < least
    ]
    assert failing == []


def test_the_contrast_formula_matches_wcag():
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert contrast("#1c1c1c", "#2b2d31") < 1.5  # the "Did you mean" of the old dark theme


def test_there_is_a_high_contrast_theme():
    theme = themes.THEMES["high-contrast"]
    assert contrast(theme.text, theme.base) >= 7 and contrast(theme.accent, theme.base) >= 7


def test_a_text_field_shows_its_edge_in_high_contrast(window, qtbot):
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QLineEdit

    window.findChild(QAction, "actionThemeHighContrast").trigger()
    field = window.findChild(QLineEdit, "searchField")
    window.document.setFocus()
    qtbot.waitUntil(lambda: not field.hasFocus())
    image = field.grab().toImage()
    middle = image.height() // 2
    edge = {image.pixelColor(x, middle).name() for x in range(3)}
    assert themes.THEMES["high-contrast"].field_border in edge  # white on black, not black on black


def test_an_underline_in_the_window_takes_the_shade_of_the_theme_it_is_drawn_on(make_window, qtbot, data_dir, report):
    from PySide6.QtGui import QAction

    from reader.notes.anchoring import anchor_from_selection
    from reader.notes.store import NoteStore
    from reader.ui.note_colors import MARKS_ON_DARK_PAGES, MARKS_ON_LIGHT_PAGES

    with NoteStore(data_dir) as store:
        store.add(anchor_from_selection(report, "overview-p1", 0, 30), color="yellow", style="underline")
    window = make_window()

    def underline() -> str:
        lines = [
            selection.format.underlineColor().name()
            for selection in window.document.extraSelections()
            if selection.format.underlineStyle() == QTextCharFormat.UnderlineStyle.SingleUnderline
        ]
        return lines[0] if lines else ""

    window.findChild(QAction, "actionThemeLight").trigger()
    qtbot.waitUntil(lambda: underline() == MARKS_ON_LIGHT_PAGES[Color.YELLOW])
    window.findChild(QAction, "actionThemeDark").trigger()
    qtbot.waitUntil(lambda: underline() == MARKS_ON_DARK_PAGES[Color.YELLOW])
