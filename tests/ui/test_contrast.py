"""Every theme meets WCAG 2.x AA: 4.5:1 for text (highlights and marks included), 3:1 for UI parts (the focus
outline, the glossary terms' underline, borders), computed from the theme definitions."""

from __future__ import annotations

import pytest

from reader.notes.note import COLOR_HEX
from reader.ui import themes
from reader.ui.match_highlighter import CURRENT_COLOR, MATCH_COLOR, TEXT_COLOR
from reader.ui.note_highlighter import _FAINT_ALPHA, _HIGHLIGHT_ALPHA

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
    ]
    for colour, shade in COLOR_HEX.items():
        pairs.append(
            (f"text on a {colour.value} highlight", theme.text, over(shade, _HIGHLIGHT_ALPHA, theme.base), TEXT)
        )
        pairs.append((f"text on a faint {colour.value} mark", theme.text, over(shade, _FAINT_ALPHA, theme.base), TEXT))
    for name, mark in (("search match", MATCH_COLOR), ("current search match", CURRENT_COLOR)):
        pairs.append((f"text on a {name}", TEXT_COLOR.name(), mark.name(), TEXT))
    return pairs


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
