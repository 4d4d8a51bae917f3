"""The light, dark, sepia and high-contrast looks: a window palette, the document's style sheet and a focus outline.

Every pair of colours a reader sees together meets WCAG AA: 4.5:1 for text (text, muted text, links and the note
highlights under text, over the page, the window and the selection), 3:1 for the focus outline, text fields'
edges, the glossary terms' underline and the callout border (tests/ui/test_contrast.py checks each theme).
"""

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
    focus: str  # the keyboard focus outline: ≥ 3:1 against the page and the window
    field_border: str  # the edge of a text field: ≥ 3:1 against the page and the window, so a reader sees where to type
    label: str = ""  # the name in the View › Theme menu
    scroll_handle: str = ""  # when set, scroll bars are drawn plainly with a handle of this colour (≥ 3:1)


THEMES: dict[str, Theme] = {
    "light": Theme(
        "light",
        base="#ffffff",
        text="#1b1b1b",
        window="#f3f3f3",
        muted="#55595e",
        accent="#1a5fb4",
        callout="#fbeaea",
        callout_border="#c0392b",
        quote_border="#767b82",
        selection="#d6e6fc",
        focus="#1a5fb4",
        field_border="#767b82",
        label="Light",
    ),
    "dark": Theme(
        "dark",
        base="#111214",
        text="#f2f0ed",
        window="#2b2d31",
        muted="#b4b8be",
        accent="#8ab4f8",
        callout="#3a2326",
        callout_border="#e06c60",
        quote_border="#8b9099",
        selection="#1f3a60",
        focus="#8ab4f8",
        field_border="#8b9099",
        label="Dark",
    ),
    "sepia": Theme(
        "sepia",
        base="#f4ecd8",
        text="#433422",
        window="#e9dfc6",
        muted="#5e4f3a",
        accent="#8a4b08",
        callout="#efd9c0",
        callout_border="#9c3d1f",
        quote_border="#8a7556",
        selection="#ead9b6",
        focus="#8a4b08",
        field_border="#8a7556",
        label="Sepia",
    ),
    "high-contrast": Theme(
        "high-contrast",
        base="#000000",
        text="#ffffff",
        window="#000000",
        muted="#e0e0e0",
        accent="#ffff00",
        callout="#1a1a1a",
        callout_border="#ffffff",
        quote_border="#ffffff",
        selection="#1f4fd6",
        focus="#ffff00",
        field_border="#ffffff",
        label="High Contrast",
        scroll_handle="#e0e0e0",  # the style's own handle is black on black here
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
        QPalette.ColorRole.Accent: theme.focus,
    }
    for role, colour in roles.items():
        result.setColor(role, QColor(colour))
    # The selection keeps its colours when the list or page loses focus (Qt would otherwise pick its own).
    for group in (QPalette.ColorGroup.Inactive,):
        result.setColor(group, QPalette.ColorRole.Highlight, QColor(theme.selection))
        result.setColor(group, QPalette.ColorRole.HighlightedText, QColor(theme.text))
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


FOCUSABLE = (
    "QAbstractItemView",
    "QTextEdit",
    "QPlainTextEdit",
    "QLineEdit",
    "QComboBox",
    "QAbstractSpinBox",
    "QPushButton",
    "QToolButton",
    "QCheckBox",
    "QRadioButton",
    "QTabBar::tab",
)


def focus_style_sheet(theme: Theme) -> str:
    """The application style sheet: a 2-pixel outline in the theme's focus colour around whatever has keyboard
    focus (Qt's own focus rectangle is a faint dotted line, or nothing, depending on the style)."""
    focused = ", ".join(f"{name}:focus" for name in FOCUSABLE)
    return f"""
{focused} {{ outline: 2px solid {theme.focus}; }}
QLineEdit, QPlainTextEdit {{ border: 1px solid {theme.field_border}; padding: 2px; }}
QAbstractItemView:focus, QTextEdit:focus, QPlainTextEdit:focus, QLineEdit:focus {{
  border: 2px solid {theme.focus}; }}
QLineEdit:focus, QPlainTextEdit:focus {{ padding: 1px; }}
QPushButton:focus, QToolButton:focus, QComboBox:focus, QCheckBox:focus, QRadioButton:focus, QTabBar::tab:focus {{
  border: 2px solid {theme.focus}; border-radius: 3px; }}
""" + _scroll_bar_style_sheet(theme)


def _scroll_bar_style_sheet(theme: Theme) -> str:
    """Plain scroll bars with a handle in `theme.scroll_handle` (none when the theme leaves them to the style)."""
    if not theme.scroll_handle:
        return ""
    return f"""
QScrollBar {{ background: {theme.base}; border: 1px solid {theme.field_border}; }}
QScrollBar:vertical {{ width: 14px; }}
QScrollBar:horizontal {{ height: 14px; }}
QScrollBar::handle {{ background: {theme.scroll_handle}; border-radius: 3px; margin: 2px; }}
QScrollBar::handle:vertical {{ min-height: 24px; }}
QScrollBar::handle:horizontal {{ min-width: 24px; }}
QScrollBar::add-line, QScrollBar::sub-line {{ width: 0px; height: 0px; border: none; background: none; }}
QScrollBar::add-page, QScrollBar::sub-page {{ background: none; }}
"""
