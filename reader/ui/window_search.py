"""The main window's search part: the search panel, match highlighting and the find bar."""

from __future__ import annotations

from PySide6.QtCore import QTimer

from reader.errors import ReaderError

MIN_SEARCH_HEIGHT = 260
NOTES_REINDEX_DELAY_MS = 700  # notes are saved as the reader types: index them once the typing pauses


class SearchWiring:
    """Mixed into `MainWindow`: builds the search panel, match highlighter and find bar, and wires them."""

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
        self._notes_reindex = QTimer(self)
        self._notes_reindex.setSingleShot(True)
        self._notes_reindex.setInterval(NOTES_REINDEX_DELAY_MS)
        self._notes_reindex.timeout.connect(self._update_searchable_notes)
        self.annotator.notes_changed.connect(self._notes_reindex.start)
        self.annotator.note_updated.connect(self._on_annotator_note_updated)
        # The index is opened (or built in the background) after the first paint, so it never delays opening.
        QTimer.singleShot(0, self._start_search)

    def _start_search(self) -> None:
        from reader.search.build import glossary_documents

        self.search_panel.load_index(self._report, glossary_documents(self.glossary))
        self._update_searchable_notes()

    def _on_annotator_note_updated(self, note_id: str) -> None:
        # An edit (the reader typing a note) changes one note: re-index just that one when possible.
        note = self.annotator.note(note_id)
        visible = note is not None and self.annotator.is_layer_visible(note.layer)
        if not (visible and self.search_panel.update_note(note, self._report)):
            self._notes_reindex.start()

    def _update_searchable_notes(self, *_args) -> None:
        if self._notes_closed:  # the window was closed before this ran
            return
        # The notes come from the annotator's cache; the panel indexes them off the UI thread.
        try:
            notes = self.annotator.notes(visible_only=True)
        except ReaderError as error:
            self.statusBar().showMessage(str(error), 8000)
            return
        self.search_panel.set_notes(notes, self._report)

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
        if hit.kind == "note":  # and show the note itself, ready to read or edit
            self._show_notes_dock()
            self.notes_panel.show_note(hit.key.removeprefix("note:"))

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
