"""The main window: contents, the document, menus, and the reader's place kept across restarts."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDockWidget, QLabel, QMainWindow, QWidget

from reader.content import Report
from reader.errors import ReaderError
from reader.history import NavigationHistory
from reader.prefs import ZOOM_RANGE, Preferences
from reader.render import RenderOptions
from reader.ui import themes
from reader.ui.document_view import DocumentView
from reader.ui.window_glossary import GlossaryWiring
from reader.ui.window_notes import NotesWiring
from reader.ui.window_search import SearchWiring

if TYPE_CHECKING:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QCloseEvent

    from reader.glossary import Glossary
    from reader.notes.store import NoteStore
    from reader.ui.actions import Actions
    from reader.ui.toc_view import TocView

STATE_VERSION = 1
SAVE_DELAY_MS = 600
THEME_ACTIONS = {"system": "themeSystem", "light": "themeLight", "dark": "themeDark", "sepia": "themeSepia"}


class MainWindow(GlossaryWiring, NotesWiring, SearchWiring, QMainWindow):
    """The reading window. `html_for(options)` returns the whole report rendered with those options.

    Only what the first page needs (the document, its look and the reader's place) is built before it is
    painted. The contents, menus and panels follow straight after the first paint, then the glossary, notes and
    search (and the modules they import); `ensure_features()` builds all of it at once. `glossary` and `notes`
    may be given as functions that load them, so that loading happens then too. The glossary, notes and search
    parts live in `window_glossary.py`, `window_notes.py` and `window_search.py`, mixed in here.
    """

    notes_recovered = Signal(str)  # the notes database was damaged and restored from a backup: tell the user
    notes_unavailable = Signal(str)  # the notes database cannot be opened: the app cannot keep notes safe

    def __init__(
        self,
        report: Report,
        prefs: Preferences,
        html_for: Callable[[RenderOptions], str],
        parent: QWidget | None = None,
        *,
        glossary: Glossary | Callable[[], Glossary] | None = None,
        notes: NoteStore | Callable[[], NoteStore] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setAccessibleName(self.tr("Field Reader"))
        self.setWindowTitle(f"{report.manifest.title} — Field Reader")
        self._report = report
        self._prefs = prefs
        self._html_for = html_for
        self._history: NavigationHistory[str] = NavigationHistory()
        self._shown_once = False

        self._glossary_source = glossary
        self._notes_source = notes
        self._chrome_ready = False
        self._features_ready = False
        # Built in this order, one per turn of the event loop: search indexes the glossary and the notes.
        self._pending_features = [
            (self._build_glossary, self._connect_glossary),
            (self._build_notes, self._connect_notes),
            (self._build_search, self._connect_search),
        ]
        self._notes_closed = True
        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(SAVE_DELAY_MS)

        self.document = DocumentView(report, self)
        self.setCentralWidget(self.document)
        self.document.set_zoom(prefs.zoom)
        self._apply_theme()
        self._restore_geometry()
        self._restore_position()
        self.document.first_painted.connect(self._on_document_first_painted)

    # Building

    def _build_chrome(self) -> None:
        """The contents, menus, toolbar, status line and empty panel docks, and the saved layout."""
        if self._chrome_ready:
            return
        self._chrome_ready = True
        from PySide6.QtCore import Qt

        from reader.ui.actions import Actions
        from reader.ui.toc_view import TocView

        right, left = Qt.DockWidgetArea.RightDockWidgetArea, Qt.DockWidgetArea.LeftDockWidgetArea
        self.toc: TocView = TocView(self._report, self)
        self.toc_dock = self._add_dock(self.toc, "tocDock", self.tr("Contents"), left)
        # The feature panels' docks exist from here on (so the saved layout restores them); their contents are
        # built in ensure_features().
        self.glossary_dock = self._add_dock(self._placeholder(), "glossaryDock", self.tr("Glossary"), right)
        self.notes_dock = self._add_dock(self._placeholder(), "notesDock", self.tr("Notes"), right)
        self.tabifyDockWidget(self.glossary_dock, self.notes_dock)
        self.search_dock = self._add_dock(self._placeholder(), "searchDock", self.tr("Search"), left)
        self.glossary_dock.hide()
        self.notes_dock.hide()

        self.actions: Actions = Actions(self)
        self._build_menus()
        self._position_label = QLabel(self)
        self._position_label.setObjectName("positionLabel")
        self._position_label.setAccessibleName(self.tr("Current section"))
        self.statusBar().addPermanentWidget(self._position_label)
        self.actions[THEME_ACTIONS[self._prefs.theme]].setChecked(True)
        self.actions["referenceMode"].setChecked(self._prefs.reference_mode)
        self.document.enable_caret_browsing()
        self._connect_signals()
        self._restore_layout()
        self._on_document_current_section_changed(self.document.current_section())
        self.set_zoom(self.document.zoom)

    def _add_dock(self, widget: QWidget | None, name: str, title: str, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setAccessibleName(title)
        if widget is not None:
            dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    @staticmethod
    def _fill_dock(dock: QDockWidget, widget: QWidget) -> None:
        placeholder = dock.widget()
        dock.setWidget(widget)
        if placeholder is not None:
            placeholder.deleteLater()

    def _placeholder(self) -> QLabel:
        label = QLabel(self.tr("Loading…"), self)
        label.setObjectName("panelPlaceholder")
        label.setAccessibleName(self.tr("Loading"))
        from PySide6.QtCore import Qt

        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setEnabled(False)
        return label

    @property
    def features_ready(self) -> bool:
        return self._features_ready

    def ensure_features(self) -> None:
        """Build whatever is not built yet of the glossary, notes and search parts of the window.

        Normally each is built in its own turn of the event loop just after the first paint, so the window
        keeps answering in between. Raises ReaderError when the notes database cannot be opened.
        """
        self._build_chrome()
        while self._pending_features:
            self._build_next_feature()

    def _build_next_feature(self) -> None:
        build, connect = self._pending_features.pop(0)
        build()
        connect()
        self._features_ready = not self._pending_features

    def _on_document_first_painted(self) -> None:
        QTimer.singleShot(0, self._on_chrome_due)

    def _on_chrome_due(self) -> None:
        self._build_chrome()
        QTimer.singleShot(0, self._on_features_due)  # after the chrome has been painted

    def _on_features_due(self) -> None:
        if not self._pending_features:
            return
        try:
            self._build_next_feature()
        except ReaderError as error:
            self._pending_features.clear()
            self.notes_unavailable.emit(str(error))
            return
        if self._pending_features:
            QTimer.singleShot(0, self._on_features_due)

    def _build_menus(self) -> None:
        from reader.ui.actions import ACTION_SPECS, MENUS

        menus = {}
        for title in MENUS:
            menu = self.menuBar().addMenu(self.tr(title))
            menu.setObjectName("menu" + title.replace("&", ""))
            menus[title] = menu
        for spec in ACTION_SPECS:
            menu = menus[spec.menu]
            if spec.separator_before:
                menu.addSeparator()
            menu.addAction(self.actions[spec.name])
            if spec.name == "focusDocument":
                menu.addSeparator()
                menu.addAction(self.toc_dock.toggleViewAction())
        self.toc_dock.toggleViewAction().setObjectName("actionToggleToc")
        self.document.add_context_action(self.actions["copyCitation"])
        self.document.add_context_action(None)
        self.document.add_context_action(self.actions["highlight"])
        self.document.add_context_action(self.actions["addNote"])
        from reader.ui.annotation_toolbar import build_annotation_toolbar

        self.addToolBar(build_annotation_toolbar(self, self.actions))
        menus["&Notes"].addAction(self.notes_dock.toggleViewAction())
        self.notes_dock.toggleViewAction().setObjectName("actionToggleNotes")

    def _connect_signals(self) -> None:
        self.toc.section_activated.connect(self._on_toc_section_activated)
        self.document.current_section_changed.connect(self._on_document_current_section_changed)
        self.document.scrolled.connect(self._schedule_save)
        self._save_timer.timeout.connect(self.save_preferences)
        actions = self.actions
        actions["quit"].triggered.connect(self.close)
        actions["print"].triggered.connect(self._on_print_triggered)
        actions["exportPdf"].triggered.connect(self._on_export_pdf_triggered)
        actions["copyCitation"].triggered.connect(self.copy_with_citation)
        actions["zoomIn"].triggered.connect(lambda: self.set_zoom(self.document.zoom + 1))
        actions["zoomOut"].triggered.connect(lambda: self.set_zoom(self.document.zoom - 1))
        actions["zoomReset"].triggered.connect(lambda: self.set_zoom(0))
        for theme, name in THEME_ACTIONS.items():
            actions[name].triggered.connect(lambda _checked=False, theme=theme: self.set_theme(theme))
        actions["referenceMode"].toggled.connect(self._on_reference_mode_toggled)
        actions["focusToc"].triggered.connect(self._on_focus_toc_triggered)
        actions["focusDocument"].triggered.connect(self.document.setFocus)
        actions["previousSection"].triggered.connect(lambda: self._step_section(-1))
        actions["nextSection"].triggered.connect(lambda: self._step_section(+1))
        actions["back"].triggered.connect(self.go_back)
        actions["forward"].triggered.connect(self.go_forward)
        actions["about"].triggered.connect(self._on_about_triggered)
        hints = QGuiApplication.styleHints()
        if hints is not None:
            hints.colorSchemeChanged.connect(self._on_color_scheme_changed)

    # Navigation

    def go_to(self, place: str) -> bool:
        """Show a section or paragraph by id, recording the jump so Back returns here."""
        if not self.document.has_anchor(place):
            return False
        self._remember_place()
        self._show_place(place)
        self._history.visit(place)
        self._update_navigation_actions()
        self._schedule_save()
        return True

    def go_back(self) -> None:
        self._remember_place()
        place = self._history.back()
        if place is not None:
            self._show_place(place)
        self._update_navigation_actions()

    def go_forward(self) -> None:
        self._remember_place()
        place = self._history.forward()
        if place is not None:
            self._show_place(place)
        self._update_navigation_actions()

    def _show_place(self, place: str) -> None:
        if self._report.has_section(place):
            self.document.show_section(place)
        else:
            self.document.show_paragraph(place)

    def _remember_place(self) -> None:
        top = self.document.top_paragraph_id()
        if top is not None:
            self._history.replace_current(top)

    def _step_section(self, step: int) -> None:
        sections = self._report.sections
        index = self._report.index_of(self.document.current_section() or sections[0].id) + step
        if 0 <= index < len(sections):
            self.go_to(sections[index].id)

    def _update_navigation_actions(self) -> None:
        self.actions["back"].setEnabled(self._history.can_go_back)
        self.actions["forward"].setEnabled(self._history.can_go_forward)
        current = self.document.current_section()
        index = self._report.index_of(current) if current else 0
        self.actions["previousSection"].setEnabled(index > 0)
        self.actions["nextSection"].setEnabled(index < len(self._report.sections) - 1)

    # Look

    def set_zoom(self, step: int) -> None:
        step = max(ZOOM_RANGE[0], min(ZOOM_RANGE[1], step))
        self.document.set_zoom(step)
        self._prefs.zoom = step
        self.actions["zoomIn"].setEnabled(step < ZOOM_RANGE[1])
        self.actions["zoomOut"].setEnabled(step > ZOOM_RANGE[0])
        self._schedule_save()

    def set_theme(self, name: str) -> None:
        self._prefs.theme = name
        self.actions[THEME_ACTIONS[name]].setChecked(True)
        self._apply_theme()
        self._schedule_save()

    def _apply_theme(self) -> None:
        theme = themes.resolve(self._prefs.theme)
        QApplication.setPalette(themes.palette(theme))
        options = RenderOptions(reference_mode=self._prefs.reference_mode)
        self.document.load_html(self._html_for(options), themes.document_css(theme))

    # Copying, printing, about

    def copy_with_citation(self) -> None:
        """Put the selection (or the paragraph at the cursor) on the clipboard with its full citation."""
        from reader.citation import format_citation

        cursor = self.document.textCursor()
        found = self.document.paragraph_at(cursor.selectionStart())
        if found is None:
            self.statusBar().showMessage(self.tr("Place the cursor in a paragraph to copy it with a citation."), 5000)
            return
        paragraph, _offset = found
        quote = cursor.selectedText().replace("\u2029", " ") if cursor.hasSelection() else paragraph.text
        QGuiApplication.clipboard().setText(format_citation(self._report, quote, paragraph))
        self.statusBar().showMessage(self.tr("Copied with citation."), 4000)

    def _current_section_document(self):
        from reader.ui.printing import section_document

        theme = themes.THEMES["light"]  # paper is white whatever the screen theme
        options = RenderOptions(reference_mode=self._prefs.reference_mode)
        section = self._report.section(self.document.current_section() or self._report.sections[0].id)
        return section, section_document(self._report, section, options, themes.document_css(theme))

    def _on_print_triggered(self) -> None:
        from reader.ui.printing import print_document

        _section, document = self._current_section_document()
        print_document(self, document)

    def _on_export_pdf_triggered(self) -> None:
        from reader.ui.printing import ask_pdf_path, export_pdf

        section, document = self._current_section_document()
        path = ask_pdf_path(self, section)
        if path is None:
            return
        try:
            export_pdf(document, path)
        except ReaderError as error:
            from reader.ui.errors import show_error

            show_error(self, error)
            return
        self.statusBar().showMessage(self.tr("Saved {0}.").format(path), 6000)

    def _on_about_triggered(self) -> None:
        from reader.ui.about_dialog import AboutDialog

        AboutDialog(self._report, self).exec()

    def _shortcut_text(self, name: str) -> str:
        from PySide6.QtGui import QKeySequence

        return self.actions[name].shortcut().toString(QKeySequence.SequenceFormat.NativeText)

    # Slots

    def _on_toc_section_activated(self, section_id: str) -> None:
        self.go_to(section_id)

    def _on_document_current_section_changed(self, section_id: str) -> None:
        self.toc.set_current_section(section_id)
        self._position_label.setText(self._report.section(section_id).title)
        self._update_navigation_actions()

    def _on_reference_mode_toggled(self, checked: bool) -> None:
        if checked == self._prefs.reference_mode:
            return
        self._prefs.reference_mode = checked
        self._apply_theme()
        self._schedule_save()

    def _on_focus_toc_triggered(self) -> None:
        self.toc_dock.show()
        self.toc.setFocus()

    def _on_color_scheme_changed(self, scheme) -> None:
        from PySide6.QtCore import Qt

        themes.set_desktop_dark(scheme == Qt.ColorScheme.Dark)
        if self._prefs.theme == "system":
            self._apply_theme()

    # Preferences

    def _schedule_save(self) -> None:
        self._save_timer.start()

    def save_preferences(self) -> None:
        """Write the reader's place, look and window layout to the data folder."""
        self._save_timer.stop()
        self._prefs.position = self.document.top_paragraph_id()
        self._prefs.window_geometry = bytes(self.saveGeometry().toBase64()).decode("ascii")
        self._prefs.window_state = bytes(self.saveState(STATE_VERSION).toBase64()).decode("ascii")
        try:
            self._prefs.save()
        except ReaderError as error:
            self.statusBar().showMessage(str(error), 8000)

    def _restore_geometry(self) -> None:
        if self._prefs.window_geometry:
            self.restoreGeometry(QByteArray.fromBase64(self._prefs.window_geometry.encode("ascii")))
        else:
            self.resize(1100, 760)

    def _restore_layout(self) -> None:
        if self._prefs.window_state:
            self.restoreState(QByteArray.fromBase64(self._prefs.window_state.encode("ascii")), STATE_VERSION)
        else:
            from PySide6.QtCore import Qt

            self.resizeDocks([self.toc_dock], [280], Qt.Orientation.Horizontal)
            self.resizeDocks([self.search_dock], [self.height() // 2], Qt.Orientation.Vertical)
        # The docks took room from the document: show the reader's place again.
        self._show_place(self._history.current or self._report.sections[0].id)

    def _restore_position(self) -> None:
        place = self._prefs.position
        if not place or not self.document.has_anchor(place):
            place = self._report.sections[0].id
        self._show_place(place)
        self._history.visit(place)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        # WORKAROUND: the layout's final size is only known once shown; scroll to the saved place again.
        if not self._shown_once:
            self._shown_once = True
            QTimer.singleShot(0, lambda: self._show_place(self._history.current or self._report.sections[0].id))

    def closeEvent(self, event: QCloseEvent) -> None:
        self._pending_features.clear()  # closed before everything was built: open nothing more
        if not self._notes_closed:  # the window owns the notes database from here on; closing refreshes the backup
            self._notes_closed = True
            self.notes_panel.save_pending()
            self.note_highlighter.stop()
            self.notes.close()
        self.save_preferences()
        super().closeEvent(event)
