"""`SearchFeature`: searching the report, glossary and notes from the search panel, and finding within a section."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QDockWidget

from reader.content import Report
from reader.glossary import Glossary
from reader.search.documents import glossary_documents
from reader.search.everywhere import search_everywhere
from reader.search.index import SearchIndex
from reader.search.results import HitKind, MatchTerms, SearchHit
from reader.ui.actions import ActionName, Actions
from reader.ui.annotator import Annotator
from reader.ui.docks import bring_forward, fill_dock
from reader.ui.document_view import DocumentView
from reader.ui.find_bar import FindBar, find_in_section
from reader.ui.match_highlighter import MatchHighlighter
from reader.ui.notes_indexer import NotesIndexer
from reader.ui.search_index_loader import SearchIndexLoader
from reader.ui.search_panel import SearchPanel

RESULT_LIMIT = 50
MIN_SEARCH_HEIGHT = 260  # room for a few hits when the panel is brought forward


class SearchFeature(QObject):
    """The search panel over one index of the report and glossary and one of the notes; the find bar; F3.

    The report's index is opened (or built in the background) and the notes indexed just after this is built,
    so neither delays the window. Emits `place_requested(place)` before marking a hit's matches there (the window
    moves to the place as it handles the signal), `glossary_term_requested(term_id)` and `note_requested(note_id)`
    for glossary and note hits, `message(text, milliseconds)` for the status line, and `index_ready` once
    the report can be searched. The window adds `find_bar` under the document.
    """

    place_requested = Signal(str)  # a section or paragraph id to show
    glossary_term_requested = Signal(str)  # a glossary hit was opened: show this entry
    note_requested = Signal(str)  # a note hit was opened: show this note
    message = Signal(str, int)  # text for the status line, and for how long
    index_ready = Signal()

    def __init__(
        self,
        report: Report,
        glossary: Glossary,
        annotator: Annotator | None,
        bundled_index: Path,
        cache_folder: Path,
        document: DocumentView,
        actions: Actions,
        dock: QDockWidget,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("searchFeature")
        self._report = report
        self._document = document
        self._dock = dock
        self._index: SearchIndex | None = None
        self._unavailable = ""  # why the report cannot be searched, once that is known
        self._find_section = ""
        self._started = False
        self._notes: NotesIndexer | None = None
        self._annotator: Annotator | None = None
        self._opened: HitKind | None = None  # the kind of the hit last opened
        self._counting = False  # whether the status line shows how many matches are marked
        self._panel = SearchPanel(dock)
        fill_dock(dock, self._panel)
        self._matches = MatchHighlighter(document, report, self)
        self.find_bar = FindBar()
        self._loader = SearchIndexLoader(report, glossary_documents(glossary), bundled_index, cache_folder, self)

        actions[ActionName.FOCUS_SEARCH].triggered.connect(self._on_focus_search_triggered)
        actions[ActionName.NEXT_MATCH].triggered.connect(self._on_next_match_triggered)
        actions[ActionName.PREVIOUS_MATCH].triggered.connect(self._on_previous_match_triggered)
        actions[ActionName.FIND_IN_SECTION].triggered.connect(self._on_find_in_section_triggered)
        self._panel.search_requested.connect(self._on_panel_search_requested)
        self._panel.hit_activated.connect(self._on_panel_hit_activated)
        self._panel.highlights_cleared.connect(self._matches.clear)
        self._matches.current_changed.connect(self._on_matches_current_changed)
        self.find_bar.find_requested.connect(self._on_find_bar_find_requested)
        self.find_bar.step_requested.connect(self._on_find_bar_step_requested)
        self.find_bar.closed.connect(self._on_find_bar_closed)
        self._loader.progressed.connect(self._panel.show_progress)
        self._loader.loaded.connect(self._on_loader_loaded)
        self._loader.failed.connect(self._on_loader_failed)
        self.set_notes(annotator)
        QTimer.singleShot(0, self._on_start_due)

    @property
    def is_ready(self) -> bool:
        """Whether the report's index is open, so that searching finds passages."""
        return self._index is not None

    def search_for(self, text: str) -> None:
        """Bring the search panel forward and search for `text` (the glossary's "Search the report")."""
        bring_forward(self._dock)
        self._panel.search_for(text)

    def set_notes(self, annotator: Annotator | None) -> None:
        """Search these notes from now on, or (None) no notes: the notes were locked or closed.

        Without notes, their index is dropped at once and an open search is run again without note hits.
        """
        if self._notes is not None:
            self._notes.close()
            self._notes.deleteLater()
            self._notes = None
            self._matches.clear()  # the marks may come from a note hit
        self._annotator = annotator
        if annotator is not None:
            self._notes = NotesIndexer(annotator, self._report, self)
            self._notes.updated.connect(self._on_notes_updated)
            self._notes.failed.connect(self._on_notes_failed)
            if self._started:
                self._notes.index_all()
        self._search_again()

    def forget(self) -> None:
        """Leave no trace of what was searched: the field, the hits, the marks and the find bar are emptied."""
        self._panel.field.clear()
        self._panel.show_result(None)
        self.find_bar.field.clear()
        if self.find_bar.isVisible():
            self.find_bar.dismiss()
        self._matches.clear()

    def close(self) -> None:
        """Search no more and close the indexes (the window is closing)."""
        self._loader.close()
        if self._notes is not None:
            self._notes.close()
        if self._index is not None:
            self._index.close()
            self._index = None

    # Searching

    def _on_start_due(self) -> None:
        self._started = True
        self._loader.start()
        if self._notes is not None:
            self._notes.index_all()

    def _on_panel_search_requested(self, text: str) -> None:
        if not text.strip():
            self._panel.show_result(None)
        elif self._index is None:
            waiting = self.tr("Search is being prepared; results will appear when it is ready.")
            self._panel.show_result(None, self._unavailable or waiting)
        else:
            notes = self._notes.index if self._notes is not None else None
            indexes = [self._index] if notes is None else [self._index, notes]
            self._panel.show_result(search_everywhere(text, indexes, RESULT_LIMIT, as_you_type=True))

    def _search_again(self) -> None:
        """The indexes changed: bring an open search up to date."""
        if self._panel.query().strip():
            self._on_panel_search_requested(self._panel.query())

    def _on_loader_loaded(self, index: SearchIndex) -> None:
        if self._index is not None:
            self._index.close()
        self._index = index
        self._panel.hide_progress()
        self.index_ready.emit()
        self._search_again()

    def _on_loader_failed(self, error: str) -> None:
        self._unavailable = self.tr("Search is unavailable: {0}").format(error)
        self._panel.hide_progress()
        self._panel.show_result(None, self._unavailable)

    def _on_notes_updated(self) -> None:
        self._search_again()

    def _on_notes_failed(self, error: str) -> None:
        self._panel.show_status(self.tr("Your notes cannot be searched just now: {0}").format(error))

    def _on_focus_search_triggered(self) -> None:
        bring_forward(self._dock, MIN_SEARCH_HEIGHT)
        self._panel.focus_field()

    # Opening hits and stepping through matches

    def _on_panel_hit_activated(self, hit: SearchHit, terms: MatchTerms) -> None:
        """Open a hit and mark what F3 / Shift+F3 then step through.

        A report hit: the words everywhere in the report, this one current. A glossary hit: its entry is shown and
        the words are marked in the report, none current yet (F3 goes to the first). A note hit: the words in the
        report if they are there, else the note's own passage (the words may be only in the note).
        """
        self._opened = hit.kind
        if hit.kind is HitKind.GLOSSARY:
            self._matches.show(terms)
            self.glossary_term_requested.emit(hit.item_id)
            return
        place = hit.paragraph_id or hit.section_id
        if place is None or not self._document.has_anchor(place):
            self._matches.clear()
            self.message.emit(self.tr("That passage is not in this edition of the report."), 5000)
            return
        self.place_requested.emit(place)
        # A note's spans point into the note, not the paragraph: find the words in the paragraph instead.
        found = self._matches.show(terms, hit.paragraph_id, hit.spans if hit.kind is HitKind.REPORT else ())
        if not found and hit.kind is HitKind.NOTE:
            self._matches.show_matches(self._note_passage(hit.item_id))
        self._matches.step(0)
        if hit.kind is HitKind.NOTE:  # and show the note itself, ready to read or edit
            self.note_requested.emit(hit.item_id)

    def _note_passage(self, note_id: str) -> list[tuple[str, int, int]]:
        placement = self._annotator.placement(note_id) if self._annotator is not None else None
        spans = placement.spans if placement is not None else ()
        return [(span.paragraph_id, span.start, span.end) for span in spans]

    def _step_match(self, step: int) -> None:
        if self._matches.step(step):
            return
        if self._opened is HitKind.GLOSSARY:
            text = self.tr("The words searched for are only in the glossary, not in the report's text.")
        elif self._panel.model.rowCount():
            text = self.tr("Open a search result (Enter) to step through its matches.")
        else:
            text = self.tr("No search matches to step through; search first.")
        self.message.emit(text, 5000)

    def _on_find_bar_step_requested(self, step: int) -> None:
        self._step_match(step)

    def _on_next_match_triggered(self) -> None:
        self._step_match(+1)

    def _on_previous_match_triggered(self) -> None:
        self._step_match(-1)

    def _on_matches_current_changed(self, number: int, count: int) -> None:
        self.find_bar.set_count(number, count)
        if count and not number:
            self.message.emit(self.tr("{0} matches in the report · F3 goes to the first").format(count), 6000)
        elif count:
            self.message.emit(self.tr("Match {0} of {1} · F3 next · Esc clears").format(number, count), 6000)
        elif self._counting:  # the marks are gone (Esc, the find bar closed): so is the count that spoke of them
            self.message.emit("", 0)
        self._counting = bool(count)

    # Finding in the section being read

    def _on_find_in_section_triggered(self) -> None:
        # The section is fixed when the bar opens: stepping to a match in a subsection must not narrow the find.
        self._find_section = self._document.current_section() or self._report.sections[0].id
        self.find_bar.open()

    def _on_find_bar_find_requested(self, text: str) -> None:
        self._opened = None
        section_id = self._find_section or self._document.current_section()
        if self._matches.show_matches(find_in_section(self._report, section_id, text)):
            self._matches.step(0)
        else:
            self.find_bar.set_count(0, 0)

    def _on_find_bar_closed(self) -> None:
        self._matches.clear()
        self._document.setFocus()
