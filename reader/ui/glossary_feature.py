"""`GlossaryFeature`: the term popup over the document and the glossary panel in its dock."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSizeF, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDockWidget

from reader.citation import format_term_citation
from reader.content import Report
from reader.glossary import Glossary
from reader.ui.actions import ActionName, Actions, shortcut_text
from reader.ui.docks import bring_forward, fill_dock
from reader.ui.document_view import DocumentView
from reader.ui.glossary_popup import GlossaryPopup

if TYPE_CHECKING:
    from reader.ui.glossary_panel import GlossaryPanel


class GlossaryFeature(QObject):
    """Explains marked terms in a popup and lists the whole glossary in its panel.

    Emits `place_requested(place)` before selecting a term's occurrence there (the window moves to the place, and
    records the jump, as it handles the signal), `search_requested(query)` for "Search the report", and
    `message(text, milliseconds)` for the status line. "Copy with citation" in the popup or the panel puts the
    entry on the clipboard with its sources and the glossary's as-of date. The popup's text and the panel's entry
    follow the page's text size and zoom.
    """

    place_requested = Signal(str)  # a section or paragraph id to show
    search_requested = Signal(str)  # a query: the term, as a phrase when it has several words
    message = Signal(str, int)  # text for the status line, and for how long

    def __init__(
        self,
        glossary: Glossary,
        report: Report,
        document: DocumentView,
        actions: Actions,
        dock: QDockWidget,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("glossaryFeature")
        self._report = report
        self._glossary = glossary
        self._document = document
        self._dock = dock
        self._popup = GlossaryPopup(glossary, document)
        self._text_zoom = document.zoom
        self._popup.set_text_zoom(self._text_zoom)
        # The panel is built when its dock is first shown (most readers meet the glossary through the popup): its
        # list and entry view are close to a megabyte the window would otherwise hold from the start.
        self._built_panel: GlossaryPanel | None = None
        dock.visibilityChanged.connect(self._on_dock_visibility_changed)
        hint = self.tr("{0}: open in glossary · Esc: close")
        self._popup.set_keyboard_hint(hint.format(shortcut_text(actions[ActionName.FOCUS_GLOSSARY])))

        document.highlighted.connect(self._popup.on_link_hovered)
        document.anchorClicked.connect(self._popup.on_link_clicked)
        document.scrolled.connect(self._popup.on_document_scrolled)
        # The page is laid out again whenever its zoom (the reader's zoom, text size or presenting) changes.
        document.document().documentLayout().documentSizeChanged.connect(self._on_document_size_changed)
        self._popup.open_in_glossary_requested.connect(self.show_term)
        self._popup.search_requested.connect(self._on_term_search_requested)
        self._popup.copy_citation_requested.connect(self.copy_citation)
        actions[ActionName.EXPLAIN_TERM].triggered.connect(self._on_explain_term_triggered)
        actions[ActionName.FOCUS_GLOSSARY].triggered.connect(self._on_focus_glossary_triggered)
        if dock.isVisible():  # a restored layout shows it
            self._panel()

    def show_term(self, term_id: str) -> None:
        """Bring the glossary panel forward with this entry open."""
        bring_forward(self._dock)
        self._panel().show_term(term_id)

    def copy_citation(self, term_id: str) -> None:
        """Put an entry on the clipboard with its sources, the report it belongs to and the glossary's date."""
        term = self._glossary.term(term_id)
        QGuiApplication.clipboard().setText(format_term_citation(self._report, term, self._glossary.as_of))
        self.message.emit(self.tr("Copied “{0}” with its citation.").format(term.term), 4000)

    def _panel(self) -> GlossaryPanel:
        """The glossary panel, built and put in its dock on first use."""
        if self._built_panel is None:
            from reader.ui.glossary_panel import GlossaryPanel

            panel = self._built_panel = GlossaryPanel(self._glossary, self._report, self._dock)
            panel.search_requested.connect(self._on_term_search_requested)
            panel.copy_citation_requested.connect(self.copy_citation)
            panel.occurrence_activated.connect(self._on_panel_occurrence_activated)
            panel.set_text_zoom(self._text_zoom)
            fill_dock(self._dock, panel)  # (may show the dock again: the panel is already there to be found)
        return self._built_panel

    # Slots

    def _on_dock_visibility_changed(self, visible: bool) -> None:
        if visible:
            self._panel()

    def _on_document_size_changed(self, _size: QSizeF) -> None:
        if self._document.zoom == self._text_zoom:
            return
        self._text_zoom = self._document.zoom
        self._popup.set_text_zoom(self._text_zoom)
        if self._built_panel is not None:
            self._built_panel.set_text_zoom(self._text_zoom)

    def _on_explain_term_triggered(self) -> None:
        if not self._popup.show_term_at_cursor():
            self.message.emit(self.tr("There is no glossary term at the cursor."), 4000)

    def _on_focus_glossary_triggered(self) -> None:
        term = self._popup.term()
        bring_forward(self._dock)
        if term is not None:  # the keyboard way to "Open in glossary"
            self._popup.dismiss()
            self._panel().show_term(term.id)
        self._panel().focus_filter()

    def _on_panel_occurrence_activated(self, place: str, start: int, end: int) -> None:
        if not self._document.has_anchor(place):
            return
        self.place_requested.emit(place)
        if self._report.has_section(place):
            base = self._document.section_start(place)
        else:
            base, _end = self._document.paragraph_span(place)
        self._document.select_range(base + start, base + end)

    def _on_term_search_requested(self, term: str) -> None:
        self.search_requested.emit(f'"{term}"' if " " in term else term)
