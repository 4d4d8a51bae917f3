"""The light, dark and sepia looks: a window palette and the document's style sheet."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QGuiApplication, QPalette


@dataclass(frozen=True, slots=True)
class Theme:
    """The colours of one look."""

    name: str
    base: str
    text: str
    window: str
    muted: str
    accent: str
    callout: str
    callout_border: str
    quote_border: str
    selection: str


THEMES: dict[str, Theme] = {
    "light": Theme(
        "light", "#ffffff", "#1b1b1b", "#f3f3f3", "#5f6368", "#1a5fb4", "#fbeaea", "#c0392b", "#9aa0a6", "#b3d4fc"
    ),
    "dark": Theme(
        "dark", "#1e1f22", "#e8e6e3", "#2b2d31", "#a8adb4", "#8ab4f8", "#3a2326", "#e06c60", "#6b7079", "#30507a"
    ),
    "sepia": Theme(
        "sepia", "#f4ecd8", "#433422", "#e9dfc6", "#7a6a55", "#8a4b08", "#efd9c0", "#9c3d1f", "#b59f7f", "#d9c39a"
    ),
}


def resolve(name: str) -> Theme:
    """The theme to use for a preference; "system" follows the desktop's light or dark setting."""
    if name in THEMES:
        return THEMES[name]
    return THEMES["dark" if desktop_prefers_dark() else "light"]


DESKTOP_DARK = "fieldReaderDesktopDark"  # a property of the application object


def desktop_prefers_dark() -> bool:
    """Whether the desktop uses a dark look, judged from its palette before the app first replaces it."""
    app = QGuiApplication.instance()
    known = app.property(DESKTOP_DARK) if app is not None else None
    if known is None:
        # WORKAROUND: styleHints().colorScheme() would be the direct question, but its answer is a Qt enum and
        # PySide6 builds all of Qt's namespace enums on first use (~15 ms), which start-up cannot afford.
        known = QGuiApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128
        if app is not None:
            app.setProperty(DESKTOP_DARK, known)
    return bool(known)


def set_desktop_dark(dark: bool) -> None:
    """Record a change of the desktop's light or dark setting (from styleHints().colorSchemeChanged)."""
    app = QGuiApplication.instance()
    if app is not None:
        app.setProperty(DESKTOP_DARK, dark)


def palette(theme: Theme) -> QPalette:
    result = QPalette()
    roles = {
        QPalette.ColorRole.Window: theme.window,
        QPalette.ColorRole.WindowText: theme.text,
        QPalette.ColorRole.Base: theme.base,
        QPalette.ColorRole.AlternateBase: theme.window,
        QPalette.ColorRole.Text: theme.text,
        QPalette.ColorRole.Button: theme.window,
        QPalette.ColorRole.ButtonText: theme.text,
        QPalette.ColorRole.ToolTipBase: theme.base,
        QPalette.ColorRole.ToolTipText: theme.text,
        QPalette.ColorRole.PlaceholderText: theme.muted,
        QPalette.ColorRole.Highlight: theme.selection,
        QPalette.ColorRole.HighlightedText: theme.text,
        QPalette.ColorRole.Link: theme.accent,
        QPalette.ColorRole.BrightText: theme.base,
    }
    for role, colour in roles.items():
        result.setColor(role, QColor(colour))
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText, QPalette.ColorRole.ButtonText):
        result.setColor(QPalette.ColorGroup.Disabled, role, QColor(theme.muted))
    return result


def document_css(theme: Theme) -> str:
    """The style sheet Qt's rich text applies to the report (a subset of CSS 2.1)."""
    return f"""
body {{ color: {theme.text}; }}
h1 {{ font-size: xx-large; margin-top: 28px; margin-bottom: 10px; }}
h2 {{ font-size: x-large; margin-top: 22px; margin-bottom: 8px; }}
h3 {{ font-size: large; margin-top: 18px; margin-bottom: 6px; }}
p {{ margin-top: 0px; margin-bottom: 12px; line-height: 145%; }}
li {{ margin-bottom: 6px; line-height: 145%; }}
blockquote {{ margin-left: 24px; margin-right: 24px; color: {theme.text}; }}
p.quote {{ font-style: italic; }}
p.attribution {{ color: {theme.muted}; }}
table.callout {{ background-color: {theme.callout}; border-color: {theme.callout_border}; border-style: solid;
  margin-top: 6px; margin-bottom: 16px; }}
p.callout {{ font-weight: bold; margin-bottom: 4px; }}
span.pnum {{ color: {theme.muted}; font-size: small; }}
a {{ color: {theme.accent}; }}
a.term {{ color: {theme.text}; text-decoration: none; }}
span.term {{ text-underline-style: dotted; text-decoration-color: {theme.muted}; }}
"""
