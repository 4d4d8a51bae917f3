"""`PageLook`: how the page looks: the theme, the zoom, the reader's reading settings and presenting's larger text.

The window owns one and asks it to change the look; it re-renders the page when the theme, the reference mode or
the reading font change, and re-zooms when the zoom or the text size change. Full screen and presentation mode
(`Presentation`) are made the first time they are asked for.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QMainWindow

from reader.content import Report
from reader.prefs import THEMES as PREF_THEMES
from reader.prefs import ZOOM_RANGE, Preferences, ReadingSettings
from reader.render import RenderOptions, reading_css
from reader.ui import themes
from reader.ui.document_view import DocumentView

if TYPE_CHECKING:
    from reader.ui.actions import Actions
    from reader.ui.presentation import Presentation
    from reader.ui.reading_settings_dialog import ReadingColumn


class PageLook(QObject):
    """The look of one window's page; `actions` are given once the menus exist (`attach`, after the first paint)."""

    def __init__(
        self,
        window: QMainWindow,
        document: DocumentView,
        report: Report,
        prefs: Preferences,
        html_for: Callable[[RenderOptions], str],
        changed: Callable[[], None],
    ) -> None:
        super().__init__(window)
        self.setObjectName("pageLook")
        self._window = window
        self._document = document
        self._report = report
        self._prefs = prefs
        self._html_for = html_for
        self._changed = changed  # the window's layout and look are saved a moment later
        self.theme = prefs.theme  # the look in use (the preferences keep only the themes they know)
        self._actions: Actions | None = None
        self._styled = False  # the application style sheet is kept in the theme (`add_style_sheet`)
        self._presentation: Presentation | None = None
        self._column: ReadingColumn | None = None  # only once the reader has chosen a font or a column width
        self._zoom_boost = 0  # zoom steps added while presenting

    def start(self) -> None:
        """Give the page its look before the first paint (no style sheet yet: it costs start-up time; see
        `add_style_sheet`)."""
        self._prepare_reading()  # the chosen font and column; nothing at all with the default reading settings
        self._document.set_zoom(self._text_zoom(self._prefs.zoom))
        self.apply_theme()

    def attach(self, actions: Actions) -> None:
        """The menus exist: keep their checks and enabled states true from now on."""
        from reader.ui.chrome import THEME_ACTIONS

        self._actions = actions
        actions[THEME_ACTIONS[self._prefs.theme]].setChecked(True)
        self.set_zoom(self._prefs.zoom)
        if self._presentation is not None:  # made before the menus were: their items show how it is now
            from reader.ui.actions import ActionName

            self._connect_presentation(actions)
            actions[ActionName.FULL_SCREEN].setChecked(self._window.isFullScreen())
            actions[ActionName.PRESENTATION].setChecked(self._presentation.is_active)

    def add_style_sheet(self) -> None:
        """Add the application style sheet (the focus outline, fields' borders, some themes' scroll bars), kept in
        the theme from now on: after the first paint, before the chrome is shown, so that it is styled only once."""
        self._styled = True
        QApplication.instance().setStyleSheet(themes.focus_style_sheet(themes.resolve(self.theme)))

    def set_zoom(self, step: int) -> None:
        step = max(ZOOM_RANGE[0], min(ZOOM_RANGE[1], step))
        self._prefs.zoom = step
        self._apply_zoom()
        if self._actions is not None:
            from reader.ui.actions import ActionName

            self._actions[ActionName.ZOOM_IN].setEnabled(step < ZOOM_RANGE[1])
            self._actions[ActionName.ZOOM_OUT].setEnabled(step > ZOOM_RANGE[0])
        self._changed()

    def set_theme(self, name: str) -> None:
        self.theme = name
        if name in PREF_THEMES:  # a theme the preferences cannot keep yet is used for this run only
            self._prefs.theme = name
        if self._actions is not None:
            from reader.ui.chrome import THEME_ACTIONS

            self._actions[THEME_ACTIONS[name]].setChecked(True)
        self.apply_theme()
        self._changed()

    def apply_theme(self) -> None:
        """Render the page again in the theme, the reference mode and the reading font in use."""
        theme = themes.resolve(self.theme)
        # Qt tells every widget of a new palette or style sheet (and polishes each again for a sheet) even when it is
        # the one in use, as after a reference-mode or reading-font change: those are set only when they differ.
        palette = themes.palette(theme)
        if QApplication.palette() != palette:
            QApplication.setPalette(palette)
        if self._styled:  # after the first paint: a style sheet costs start-up time
            sheet = themes.focus_style_sheet(theme)
            if QApplication.instance().styleSheet() != sheet:
                QApplication.instance().setStyleSheet(sheet)
        options = RenderOptions(reference_mode=self._prefs.reference_mode)
        css = themes.document_css(theme) + reading_css(self._prefs.reading)  # the reader's font and line spacing
        self._document.load_html(self._html_for(options), css)

    def set_reading(self, settings: ReadingSettings) -> None:
        """Set the page in these reading settings (font, text size, line spacing, column) and keep them."""
        before = self._prefs.reading
        self._prefs.reading = settings
        after = self._prefs.reading
        self._prepare_reading()
        if (before.font, before.line_spacing) != (after.font, after.line_spacing):
            self.apply_theme()
        if before.text_size != after.text_size:
            self._apply_zoom()
        self._changed()

    def open_reading_settings(self) -> None:
        from reader.ui.reading_settings_dialog import ReadingSettingsDialog

        dialog = ReadingSettingsDialog(self._prefs.reading, self._window)
        dialog.settings_changed.connect(self.set_reading)  # each change shown at once
        dialog.rejected.connect(lambda: self.set_reading(dialog.original))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def presentation(self) -> Presentation:
        """Full screen and presentation mode (made the first time either is asked for)."""
        if self._presentation is None:
            from reader.ui.presentation import Presentation

            self._presentation = Presentation(self._window, self._document, self._report)
            self._presentation.active_changed.connect(self._on_presentation_active_changed)
            if self._actions is not None:
                self._connect_presentation(self._actions)
        return self._presentation

    def _connect_presentation(self, actions: Actions) -> None:
        from reader.ui.actions import ActionName

        if self._presentation is not None:
            self._presentation.full_screen_changed.connect(actions[ActionName.FULL_SCREEN].setChecked)

    @property
    def presenting(self) -> Presentation | None:
        """The presentation while it is on (its saved layout is the one to keep), else None."""
        if self._presentation is not None and self._presentation.is_active:
            return self._presentation
        return None

    def _prepare_reading(self) -> None:
        """Register the chosen bundled font (first time only) and keep the chosen column; with the default settings,
        nothing is loaded or made."""
        reading = self._prefs.reading
        if reading.font == "system" and not reading.column_width and self._column is None:
            return
        from reader.ui.reading_settings_dialog import ReadingColumn, ensure_font_loaded

        ensure_font_loaded(reading.font)
        if self._column is None:
            self._column = ReadingColumn(self._document, self._window)
        self._column.set_width(reading.column_width, reading.font)

    def _text_zoom(self, step: int) -> int:
        """The document's zoom: the reader's zoom, plus the reading text size, plus presenting's larger text."""
        return step + self._prefs.reading.text_size + self._zoom_boost

    def _apply_zoom(self) -> None:
        self._document.set_zoom(self._text_zoom(self._prefs.zoom))
        if self._column is not None:
            self._column.apply()

    def _on_presentation_active_changed(self, active: bool) -> None:
        from reader.ui.presentation import TEXT_BOOST

        self._zoom_boost = TEXT_BOOST if active else 0
        self._apply_zoom()
        if self._actions is not None:
            from reader.ui.actions import ActionName

            self._actions[ActionName.PRESENTATION].setChecked(active)
