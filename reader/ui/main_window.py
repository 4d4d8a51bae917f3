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

if TYPE_CHECKING:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QCloseEvent

    from reader.glossary import Glossary
    from reader.notes import NoteStore
    from reader.ui.actions import Actions
    from reader.ui.toc_view import TocView

STATE_VERSION = 1
MIN_SEARCH_HEIGHT = 260
SAVE_DELAY_MS = 600
THEME_ACTIONS = {"system": "themeSystem", "light": "themeLight", "dark": "themeDark", "sepia": "themeSepia"}


class MainWindow(QMainWindow):
    """The reading window. `html_for(options)` returns the whole report rendered with those options.

    Only what the first page needs (the document, its look and the reader's place) is built before it is
    painted. The contents, menus and panels follow straight after the first paint, then the glossary, notes and
    search (and the modules they import); `ensure_features()` builds all of it at once. `glossary` and `notes`
    may be given as functions that load them, so that loading happens then too.
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

    def _build_glossary(self) -> None:
        from reader.glossary import Glossary
        from reader.ui.glossary_panel import GlossaryPanel
        from reader.ui.glossary_popup import GlossaryPopup

        source = self._glossary_source
        self.glossary = source() if callable(source) else source if source is not None else Glossary((), self._report)
        self.glossary_popup = GlossaryPopup(self.glossary, self.document)
        self.glossary_panel = GlossaryPanel(self.glossary, self._report, self)
        self._fill_dock(self.glossary_dock, self.glossary_panel)

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

    def _connect_glossary(self) -> None:
        actions = self.actions
        self.document.highlighted.connect(self.glossary_popup.on_link_hovered)
        self.document.anchorClicked.connect(self.glossary_popup.on_link_clicked)
        self.document.scrolled.connect(self.glossary_popup.on_document_scrolled)
        self.glossary_popup.open_in_glossary_requested.connect(self._on_glossary_popup_open_in_glossary_requested)
        self.glossary_popup.search_requested.connect(self._on_glossary_search_requested)
        self.glossary_panel.occurrence_activated.connect(self._on_glossary_panel_occurrence_activated)
        self.glossary_panel.search_requested.connect(self._on_glossary_search_requested)
        actions["explainTerm"].triggered.connect(self._on_explain_term_triggered)
        actions["focusGlossary"].triggered.connect(self._on_focus_glossary_triggered)
        from PySide6.QtGui import QKeySequence

        shortcut = actions["focusGlossary"].shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        self.glossary_popup.set_keyboard_hint(self.tr("{0}: open in glossary · Esc: close").format(shortcut))

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

    # Search

    def _build_search(self) -> None:
        from reader.ui.find_bar import FindBar
        from reader.ui.match_highlighter import MatchHighlighter
        from reader.ui.search_panel import SearchPanel

        self.search_panel = SearchPanel(self)
        self._fill_dock(self.search_dock, self.search_panel)
        self.search_matches = MatchHighlighter(self.document, self._report, self)
        self.find_bar = FindBar(self)
        from PySide6.QtCore import Qt

        self.addToolBar(Qt.ToolBarArea.BottomToolBarArea, self.find_bar)
        self._find_section = ""

    def _connect_search(self) -> None:
        self.actions["focusSearch"].triggered.connect(self._on_focus_search_triggered)
        self.actions["nextMatch"].triggered.connect(lambda: self._step_search_match(+1))
        self.actions["previousMatch"].triggered.connect(lambda: self._step_search_match(-1))
        self.search_panel.hit_activated.connect(self._on_search_panel_hit_activated)
        self.search_panel.highlights_cleared.connect(self.search_matches.clear)
        self.search_matches.current_changed.connect(self._on_search_matches_current_changed)
        self.actions["findInSection"].triggered.connect(self._on_find_in_section_triggered)
        self.find_bar.find_requested.connect(self._on_find_bar_find_requested)
        self.find_bar.step_requested.connect(self._step_search_match)
        self.find_bar.closed.connect(self._on_find_bar_closed)
        self.annotator.notes_changed.connect(self._update_searchable_notes)
        self.annotator.note_updated.connect(self._update_searchable_notes)
        # The index is opened (or built in the background) after the first paint, so it never delays opening.
        QTimer.singleShot(0, self._start_search)

    def _start_search(self) -> None:
        from reader.search import glossary_documents

        self.search_panel.load_index(self._report, glossary_documents(self.glossary))
        self._update_searchable_notes()

    def _update_searchable_notes(self, *_args) -> None:
        from reader.search import note_documents

        try:
            notes = self.notes.notes(visible_only=True)
        except ReaderError as error:
            self.statusBar().showMessage(str(error), 8000)
            return
        self.search_panel.set_notes(note_documents(notes, self._report))

    def _on_focus_search_triggered(self) -> None:
        self.search_dock.show()
        self.search_dock.raise_()
        from PySide6.QtCore import Qt

        if self.search_dock.height() < MIN_SEARCH_HEIGHT and not self.search_dock.isFloating():
            # Room for a few hits: the dock may have been laid out around its small "Loading…" placeholder.
            self.resizeDocks([self.search_dock], [max(MIN_SEARCH_HEIGHT, self.height() // 2)], Qt.Orientation.Vertical)
        self.search_panel.focus_field()

    def _on_search_panel_hit_activated(self, hit, terms) -> None:
        if hit.kind == "glossary":
            self._on_glossary_popup_open_in_glossary_requested(hit.key.removeprefix("glossary:"))
            return
        place = hit.paragraph_id or hit.section_id
        if place is None or not self.go_to(place):
            self.statusBar().showMessage(self.tr("That passage is not in this edition of the report."), 5000)
            return
        # A note's spans point into the note, not the paragraph: find the words in the paragraph instead.
        self.search_matches.show(terms, hit.paragraph_id, hit.spans if hit.kind == "report" else ())
        self.search_matches.step(0)

    def _step_search_match(self, step: int) -> None:
        if not self.search_matches.step(step):
            self.statusBar().showMessage(self.tr("No search matches to step through; search first."), 4000)

    def _on_find_in_section_triggered(self) -> None:
        # The section is fixed when the bar opens: stepping to a match in a subsection must not narrow the find.
        self._find_section = self.document.current_section() or self._report.sections[0].id
        self.find_bar.open()

    def _on_find_bar_find_requested(self, text: str) -> None:
        from reader.ui.find_bar import find_in_section

        section_id = self._find_section or self.document.current_section()
        if self.search_matches.show_matches(find_in_section(self._report, section_id, text)):
            self.search_matches.step(0)
        else:
            self.find_bar.set_count(0, 0)

    def _on_find_bar_closed(self) -> None:
        self.search_matches.clear()
        self.document.setFocus()

    def _on_search_matches_current_changed(self, number: int, count: int) -> None:
        self.find_bar.set_count(number, count)
        if count:
            self.statusBar().showMessage(self.tr("Match {0} of {1} · F3 next · Esc clears").format(number, count), 6000)

    # Notes

    def _build_notes(self) -> None:
        from reader.notes import NoteStore
        from reader.ui.note_highlighter import NoteHighlighter
        from reader.ui.notes_actions import Annotator
        from reader.ui.notes_panel import NotesPanel

        self._notes_importer = None
        source = self._notes_source
        self.notes = source() if callable(source) else source if source is not None else NoteStore()
        self._notes_closed = False
        if self.notes.recovery_message:
            self.statusBar().showMessage(self.notes.recovery_message, 60_000)
            self.notes_recovered.emit(self.notes.recovery_message)
        self.annotator = Annotator(self.notes, self._report, self)
        self.note_highlighter = NoteHighlighter(self.document, self.annotator, self)
        self.notes_panel = NotesPanel(self.annotator, self)
        self._fill_dock(self.notes_dock, self.notes_panel)

    def _connect_notes(self) -> None:
        actions, undo_stack = self.actions, self.annotator.undo_stack
        actions["highlight"].triggered.connect(lambda: self.highlight_selection(with_note=False))
        actions["addNote"].triggered.connect(lambda: self.highlight_selection(with_note=True))
        actions["focusNotes"].triggered.connect(self._on_focus_notes_triggered)
        actions["exportNotes"].triggered.connect(self._on_export_notes_triggered)
        actions["importNotes"].triggered.connect(self._on_import_notes_triggered)
        actions["undo"].triggered.connect(lambda: (self.notes_panel.save_pending(), undo_stack.undo()))
        actions["redo"].triggered.connect(lambda: (self.notes_panel.save_pending(), undo_stack.redo()))
        actions["undo"].setEnabled(False)
        actions["redo"].setEnabled(False)
        undo_stack.canUndoChanged.connect(actions["undo"].setEnabled)
        undo_stack.canRedoChanged.connect(actions["redo"].setEnabled)
        # Bound methods, not lambdas: Qt drops these connections when the window goes, before its actions do.
        undo_stack.undoTextChanged.connect(self._on_undo_stack_undo_text_changed)
        undo_stack.redoTextChanged.connect(self._on_undo_stack_redo_text_changed)
        self.annotator.notes_changed.connect(self.note_highlighter.repaint)
        self.annotator.note_updated.connect(self.note_highlighter.repaint)
        self.annotator.failed.connect(lambda message: self.statusBar().showMessage(message, 8000))
        self.document.reloaded.connect(self.note_highlighter.repaint)
        # Notes are read and painted just after the first paint, so they never delay opening the window.
        QTimer.singleShot(0, self.note_highlighter.start)
        self.note_highlighter.note_clicked.connect(self._on_note_highlighter_note_clicked)
        self.notes_panel.note_activated.connect(self._on_notes_panel_note_activated)
        self.notes_panel.note_delete_requested.connect(self._on_notes_panel_note_delete_requested)

    def _on_undo_stack_undo_text_changed(self, text: str) -> None:
        self.actions["undo"].setText(self.tr("&Undo {0}").format(text))

    def _on_undo_stack_redo_text_changed(self, text: str) -> None:
        self.actions["redo"].setText(self.tr("&Redo {0}").format(text))

    def highlight_selection(self, with_note: bool = False) -> None:
        """Highlight the selected text in the chosen colour and style; with a note, open it in the notes panel.

        With no selection and the cursor in a highlight, "Add Note" opens that highlight's note instead.
        """
        from reader.ui.annotation_toolbar import chosen_color, chosen_style

        cursor = self.document.textCursor()
        under_cursor = None if cursor.hasSelection() else self.note_highlighter.note_at(cursor.position())
        if with_note and under_cursor is not None:
            self._show_notes_dock()
            self.notes_panel.show_note(under_cursor, focus_text=True)
            return
        try:
            anchor = self.note_highlighter.selection_anchor()
            note = self.annotator.add(anchor, color=chosen_color(self.actions), style=chosen_style(self.actions))
        except ReaderError as error:
            self.statusBar().showMessage(str(error), 6000)
            return
        cursor = self.document.textCursor()
        cursor.clearSelection()
        self.document.setTextCursor(cursor)
        if with_note:
            self._show_notes_dock()
            self.notes_panel.show_note(note.id, focus_text=True)
        else:
            undo = self._shortcut_text("undo")
            self.statusBar().showMessage(self.tr("Highlighted. {0} undoes it.").format(undo), 5000)

    def _show_notes_dock(self) -> None:
        self.notes_dock.show()
        self.notes_dock.raise_()

    def _on_focus_notes_triggered(self) -> None:
        self._show_notes_dock()
        self.notes_panel.focus_list()

    def _on_note_highlighter_note_clicked(self, note_id: str) -> None:
        self._show_notes_dock()
        self.notes_panel.show_note(note_id)

    def _on_notes_panel_note_activated(self, note_id: str) -> None:
        ranges = self.note_highlighter.document_ranges(note_id)
        placement = self.annotator.placement(note_id)
        if not ranges or placement is None or placement.anchor is None:
            self.statusBar().showMessage(self.tr("This note's passage is not in this edition of the report."), 6000)
            return
        self.go_to(placement.anchor.paragraph_id)
        self.document.select_range(ranges[0][0], ranges[-1][1])

    def _on_notes_panel_note_delete_requested(self, note_id: str) -> None:
        try:
            self.annotator.delete(note_id)
        except ReaderError as error:
            self.statusBar().showMessage(str(error), 8000)
            return
        undo = self._shortcut_text("undo")
        self.statusBar().showMessage(self.tr("Note deleted. {0} brings it back.").format(undo), 6000)

    def _on_export_notes_triggered(self) -> None:
        from reader.ui.notes_export_dialog import NotesExportDialog

        dialog = NotesExportDialog(self._report, self.annotator.notes(), self.notes_panel.listed_notes(), self)
        if dialog.exec() and dialog.written is not None:
            self.statusBar().showMessage(self.tr("Saved {0}.").format(dialog.written), 6000)

    def _on_import_notes_triggered(self) -> None:
        if self._notes_importer is None:
            from reader.ui.notes_import import NotesImporter

            self._notes_importer = NotesImporter(self.annotator, self)
            self._notes_importer.imported.connect(self._on_notes_importer_imported)
        self._notes_importer.ask_and_import()

    def _on_notes_importer_imported(self, result) -> None:
        self._show_notes_dock()
        self.statusBar().showMessage(result.summary(), 10_000)

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

    def _on_explain_term_triggered(self) -> None:
        if not self.glossary_popup.show_term_at_cursor():
            self.statusBar().showMessage(self.tr("There is no glossary term at the cursor."), 4000)

    def _on_focus_glossary_triggered(self) -> None:
        term = self.glossary_popup.term()
        self.glossary_dock.show()
        self.glossary_dock.raise_()
        if term is not None:  # the keyboard way to "Open in glossary"
            self.glossary_popup.dismiss()
            self.glossary_panel.show_term(term.id)
        self.glossary_panel.focus_filter()

    def _on_glossary_popup_open_in_glossary_requested(self, term_id: str) -> None:
        self.glossary_dock.show()
        self.glossary_dock.raise_()
        self.glossary_panel.show_term(term_id)

    def _on_glossary_panel_occurrence_activated(self, place: str, start: int, end: int) -> None:
        if self.go_to(place):
            base = self.document.section_start(place) if self._report.has_section(place) else None
            if base is None:
                base, _end = self.document.paragraph_span(place)
            self.document.select_range(base + start, base + end)

    def _on_glossary_search_requested(self, text: str) -> None:
        """The glossary's "Search the report": hand the term to the search panel as a phrase."""
        search = self.findChild(QWidget, "searchPanel")
        if search is None or not hasattr(search, "search_for"):
            self.statusBar().showMessage(self.tr("Search is not available in this window."), 4000)
            return
        dock = self.findChild(QDockWidget, "searchDock")
        if dock is not None:
            dock.show()
            dock.raise_()
        search.search_for(f'"{text}"' if " " in text else text)

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
        if self._features_ready:
            self.notes_panel.save_pending()
        if not self._notes_closed:  # the window owns the notes database from here on; closing refreshes the backup
            self._notes_closed = True
            self.note_highlighter.stop()
            self.notes.close()
        self.save_preferences()
        super().closeEvent(event)
