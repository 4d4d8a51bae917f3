"""The main window's glossary part: the term popup, the glossary panel, and what they ask of the window."""

from __future__ import annotations

from PySide6.QtWidgets import QDockWidget, QWidget


class GlossaryWiring:
    """Mixed into `MainWindow`: builds the glossary popup and panel after the first paint and wires them."""

    def _build_glossary(self) -> None:
        from reader.glossary import Glossary
        from reader.ui.glossary_panel import GlossaryPanel
        from reader.ui.glossary_popup import GlossaryPopup

        source = self._glossary_source
        self.glossary = source() if callable(source) else source if source is not None else Glossary((), self._report)
        self.glossary_popup = GlossaryPopup(self.glossary, self.document)
        self.glossary_panel = GlossaryPanel(self.glossary, self._report, self)
        self._fill_dock(self.glossary_dock, self.glossary_panel)

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
        shortcut = self._shortcut_text("focusGlossary")
        self.glossary_popup.set_keyboard_hint(self.tr("{0}: open in glossary · Esc: close").format(shortcut))

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
