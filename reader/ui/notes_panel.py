"""`NotesPanel`: every note, in reading order or by date, filtered, with the chosen one open for editing."""

from __future__ import annotations

import functools
from collections.abc import Callable

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QWidget

from reader.notes.note import MY_LAYER, Note
from reader.ui.annotator import Annotator
from reader.ui.folding_header import FoldMemory
from reader.ui.note_editor import NoteEditor
from reader.ui.notes_panel_below_list import BelowList, build_below_list
from reader.ui.notes_panel_list_pane import ListPane, build_list_pane, make_editor, place_editor
from reader.ui.notes_panel_listing import KIND_BOOKMARKS, ORDER_READING, NotesListing, same_notes

SORT_SLICE = (
    2500  # notes whose reading key is worked out in one turn of the event loop, when the panel first lists them
)
BUILT_BEFORE_LISTING = 3  # the panel's parts built before its notes are sorted: the list and its filters, what goes
# below the list, the note editor (made apart from the panel, placed in it as the notes are listed)
PAINT_AWAITED_MS = 200  # how long a panel shown empty waits to be painted before it is built all the same


class NotesPanel(QWidget):
    """Lists the notes and edits the chosen one; built the first time it is shown, so start-up stays quick."""

    note_activated = Signal(str)  # note id: show its passage
    note_delete_requested = Signal(str)  # note id: the reader pressed Delete in the editor

    def __init__(self, annotator: Annotator, parent: QWidget | None = None, folds: FoldMemory | None = None) -> None:
        """`folds` keeps how the reader left the order and filters and the imported layers, folded or not."""
        super().__init__(parent)
        self.setObjectName("notesPanel")
        self.setAccessibleName(self.tr("Notes"))
        self._annotator = annotator
        self._folds = folds or FoldMemory()
        self._built = False  # whether every part of the panel is built
        self._parts_built = 0
        self._going_on = False  # whether building or listing goes on at the next turn
        self._paint_awaited = False
        self._sorting = False  # whether the notes are being sorted a slice per turn, to be listed
        self._listed = False  # whether the notes have been listed since the panel was built
        self._first_chosen_when_listed = False  # (Go to Notes Panel before the notes were listed)
        self.editor: NoteEditor | None = None
        self._unplaced_editor: NoteEditor | None = None
        self._pane: ListPane | None = None  # the list and its filters, once built
        self._below: BelowList | None = None  # what goes below the list, once built
        self._listing = NotesListing()

    # Building (once, on first use, a part per turn of the event loop)

    def ensure_built(self) -> NoteEditor:
        """The whole panel, its notes listed: what is not built yet is built now (a note shown, an import's result)."""
        if not self._built:
            while not self._built:
                self._build_next_part()
            self.refresh()
        assert self.editor is not None
        return self.editor

    def _build_next_part(self) -> None:
        """Build the next part of the panel: the notes list and its filters, then what goes below the list, then
        (once the notes are sorted, in the turn that lists them) the note editor. Each in a turn of its own: with
        10,000 notes, building, polishing and first painting them all in one turn held the window for 40-60 ms."""
        parts = (self._build_list_pane, self._build_below_list, self._make_editor, self._place_editor)
        parts[self._parts_built]()
        self._parts_built += 1
        self._built = self._parts_built == len(parts)
        self._pane.scroller.updateGeometry()  # the dock asks again for the room the panel needs, now the part is in

    def _parts_before_the_list_built(self) -> bool:
        """Whether all is built but what joins the panel in the turn that lists the notes (the editor)."""
        return self._parts_built >= BUILT_BEFORE_LISTING

    def _build_list_pane(self) -> None:
        self._pane = pane = build_list_pane(self, self._annotator, self._folds)
        for watched in (*pane.filter_combos(), pane.notes_list, pane.filter_field):
            watched.installEventFilter(self)  # their keys and focus: `eventFilter`

    def _build_below_list(self) -> None:
        pane = self._pane
        self._below = below = build_below_list(self, pane, self._annotator, self._folds)
        pane.filter_field.textChanged.connect(self._list_notes)  # the notes did not change: only the rows
        for combo in (pane.order, *pane.filter_combos()):
            combo.activated.connect(self._list_notes)
        pane.notes_list.selectionModel().currentChanged.connect(self._on_list_current_changed)
        pane.notes_list.clicked.connect(self._on_list_activated)
        pane.notes_list.activated.connect(self._on_list_activated)
        below.layers_box.layer_editing_changed.connect(self._on_layers_box_layer_editing_changed)
        below.show_others.toggled.connect(self._fill_other_reports)
        self._annotator.notes_changed.connect(self._on_notes_changed)
        self._annotator.note_updated.connect(self._on_annotator_note_updated)

    def _make_editor(self) -> None:
        self._unplaced_editor = make_editor(self, self._pane, self._annotator)

    def _place_editor(self) -> None:
        self.editor = self._unplaced_editor
        self._unplaced_editor = None
        place_editor(self, self._pane, self.editor)
        self.editor.delete_requested.connect(self.note_delete_requested)

    def show_import_summary(self, text: str) -> None:
        """Show what an import did above the list, whole and wrapped, until closed or the next import's replaces
        it. (A screen reader hears it from the status line, which says it too: the window announces every status
        message.)"""
        self.ensure_built()
        self._below.import_summary.show(text)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange and self._parts_built:
            self._pane.fit_list_minimum()
            if self._below is not None:
                self._below.fit_others_maximum(self._pane.row_height())

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._parts_built:  # shown with the window (a restored layout) or opened: built once painted, so
            # not in the turn that lays out and paints the window anew (the page narrower), which is long already
            self._paint_awaited = True
            QTimer.singleShot(PAINT_AWAITED_MS, self, self._go_on_if_never_painted)
        elif not self._built or not self._listed:  # hidden again before it was all built and listed
            self._go_on_later()

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        if self._paint_awaited:
            self._paint_awaited = False
            self._go_on_later()

    def _go_on_if_never_painted(self) -> None:
        """Build all the same if the empty panel was not painted (its window covered, say)."""
        if self._paint_awaited:
            self._paint_awaited = False
            self._go_on_later()

    def _go_on_later(self) -> None:
        """Build the next part of the panel, or list its notes, on a later turn of the event loop."""
        if not self._going_on:  # once, however often the panel is shown meanwhile
            self._going_on = True
            _on_a_later_turn(self, self._go_on_if_shown)

    def _go_on_if_shown(self) -> None:
        self._going_on = False
        if not self.isVisible() or self._sorting or (self._built and self._listed):  # not when the notes were
            # closed (the window closed, the lock shut) in between: showing the panel again goes on; nor while the
            # notes are sorted (that goes on)
            return
        if not self._parts_before_the_list_built():
            self._build_next_part()
            self._go_on_later()
        else:  # sorted on the next turns, then listed: with 10,000 notes, sorting and listing them in the turn that
            # builds and lays out the panel held the window for 50-90 ms
            self._sort_then_list()

    def _sort_then_list(self) -> None:
        if not self.isVisible():  # closed in between (the window, the lock): the notes may be closed too
            return
        self._sorting = True
        if self._listed or self._annotator.is_loading or self._pane.order.currentData() != ORDER_READING:
            if not self._listed and not self._annotator.is_loading:
                self._in_order(self._annotator.notes())  # kept for `refresh`
            _on_a_later_turn(self, self._list_if_shown)
            return
        notes = self._annotator.notes()
        self._sort_in_slices(notes, self._annotator.reading_key(), [])

    def _on_notes_changed(self) -> None:
        """List the notes again. When more notes than a slice must be sorted again into reading order (a new edition
        placed them all afresh, say, or the notes came in after the panel was built), their reading keys are worked
        out a slice per turn first, as when the panel first lists them: with 14,000 notes, sorting them in the turn
        that lists them held the window for 50-60 ms."""
        annotator = self._annotator
        if (
            self._built
            and not self._sorting
            and not annotator.is_loading
            and self.isVisible()
            and self._pane.order.currentData() == ORDER_READING
        ):
            notes = annotator.notes()
            if len(notes) > SORT_SLICE and not self._listing.keeps(notes, ORDER_READING):
                self._sorting = True
                self._sort_in_slices(notes, annotator.reading_key(), [])
                return
        self.refresh()

    def _sort_in_slices(self, notes: tuple[Note, ...], key: Callable[[Note], object], keys: list[object]) -> None:
        """Work out the notes' reading keys a slice per turn (with 10,000 notes, all at once took 10-20 ms, in the
        turn that also paints the new panel), then sort by them and list the notes on the next turn. Given up when
        the panel is hidden; the notes are sorted at once when listed if they changed meanwhile."""
        if not self.isVisible():  # hidden: showing it again starts again
            self._sorting = False
            return
        current = self._annotator.notes()
        if not same_notes(current, notes):
            _on_a_later_turn(self, self._list_if_shown)  # the notes changed: `refresh` sorts them at once
            return
        keys.extend(map(key, notes[len(keys) : len(keys) + SORT_SLICE]))
        if len(keys) < len(notes):
            _on_a_later_turn(self, functools.partial(self._sort_in_slices, notes, key, keys))
            return
        in_order = sorted(range(len(notes)), key=keys.__getitem__)  # stable: as `in_reading_order` sorts them
        self._listing.keep_order(notes, ORDER_READING, [notes[index] for index in in_order])
        _on_a_later_turn(self, self._list_if_shown)

    def _list_if_shown(self) -> None:
        """The note editor, then the notes listed, in one turn: whoever sees the notes listed finds the editor there
        to open them in, and whoever finds the editor finds the notes listed."""
        self._sorting = False
        if self.isVisible():
            while not self._built:
                self._build_next_part()
            self.refresh()

    # Listing

    def refresh(self) -> None:
        """List the notes again (after any change or a new filter), keeping the chosen note chosen."""
        if not self._built or self._annotator.is_loading:  # `notes_changed` follows once the notes are all in
            return
        self._fill_choices()
        self._list_notes()
        self._listed = True
        if self._first_chosen_when_listed:
            self._first_chosen_when_listed = False
            self._pane.choose_first_note()
        self._pane.model.prepare_search_texts(self._annotator.notes())  # ready for the first word typed in the filter
        self._below.layers_box.fill()
        self._fill_other_reports()

    def _list_notes(self, *_args: object) -> None:
        """List the notes the filters keep, in the chosen order, keeping the chosen note chosen."""
        if not self._built or self._annotator.is_loading:
            return
        pane = self._pane
        current = self.editor.note_id() if self.editor is not None else None
        chosen, kind = pane.chosen(self._visible_layers)
        notes = self._listing.matching(self._in_order(self._annotator.notes()), chosen, kind, pane.model.search_text)
        pane.model.set_notes(notes)
        pane.say_why_empty(self._annotator.notes(), notes)
        row = pane.model.row_of(current) if current else None
        if row is not None:
            pane.notes_list.setCurrentIndex(pane.model.index(row))
        elif current is not None and self._annotator.note(current) is None:
            self.editor.show_note(None)

    def listed_notes(self) -> list[Note]:
        """The notes the panel lists now, in order (what "Export … shown in the panel" writes)."""
        if not self._listed:
            return list(self._annotator.in_reading_order(self._annotator.notes(visible_only=True)))
        model = self._pane.model
        return [model.note_at(row) for row in range(model.rowCount())]

    def _in_order(self, notes: tuple[Note, ...]) -> list[Note]:
        return self._listing.in_order(notes, self._pane.order.currentData(), self._annotator.in_reading_order)

    def show_bookmarks(self) -> None:
        """List only the bookmarks (the "Bookmarks" choice of the kind filter)."""
        self.ensure_built()
        self._pane.kind.setCurrentIndex(self._pane.kind.findData(KIND_BOOKMARKS))
        self.refresh()

    def _visible_layers(self) -> list[str]:
        return [layer.name for layer in self._annotator.layers() if layer.visible] or [MY_LAYER]

    def _fill_choices(self) -> None:
        self._pane.fill_choices(self._annotator.tags(), self._annotator.layers())

    def _fill_other_reports(self, *_args: object) -> None:
        self._below.fill_other_reports(self._annotator.other_reports_notes())

    # Choosing and jumping

    def show_note(self, note_id: str, focus_text: bool = False) -> None:
        """Choose a note in the list (clearing filters that hide it) and open it in the editor."""
        editor = self.ensure_built()
        note = self._annotator.note(note_id)
        if note is None:
            return
        pane = self._pane
        if pane.model.row_of(note_id) is None:
            pane.clear_filters()
            self.refresh()
        pane.choose(note_id)
        editor.show_note(note, pane.model.place(note))
        if focus_text:
            editor.focus_text()

    def focus_list(self) -> None:
        """Go to Notes Panel (Ctrl+Shift+M): the cursor in the filter, ready to type; the first note is chosen, so
        Tab (or Down) reaches the list on it. Opened this way the panel is built as when shown: the filter and the
        list at once, the rest on the next turns, the first note chosen once listed."""
        if not self._parts_built:
            self._build_next_part()
            self._paint_awaited = False
            self._go_on_later()
        if not self._listed:
            self._first_chosen_when_listed = True
            self._pane.focus_filter()
            return
        self.focus_filter()
        self._pane.choose_first_note()

    def focus_filter(self) -> None:
        self.ensure_built()
        self._pane.focus_filter()

    def save_pending(self) -> None:
        if self.editor is not None:
            self.editor.save_now()

    def _on_list_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and self.editor is not None:
            note = self._pane.model.note_at(current.row())
            self.editor.show_note(note, self._pane.model.place(note))

    def _on_list_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.note_activated.emit(self._pane.model.note_at(index.row()).id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        pane = self._pane
        down = event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Down  # type: ignore[attr-defined]
        if event.type() == QEvent.Type.FocusIn and watched in pane.filter_combos():
            pane.filters_toggle.setChecked(True)  # a folded filter reached some other way: shown where it is
        if watched is pane.filter_field and down and pane.model.rowCount():
            pane.notes_list.setFocus(Qt.FocusReason.TabFocusReason)
            return True
        if watched is pane.notes_list and event.type() == QEvent.Type.KeyPress:
            key_event: QKeyEvent = event  # type: ignore[assignment]
            index = pane.notes_list.currentIndex()
            if key_event.key() == Qt.Key.Key_Delete and index.isValid():
                note = pane.model.note_at(index.row())
                if not self._annotator.is_read_only(note):
                    self.note_delete_requested.emit(note.id)
                return True
        return super().eventFilter(watched, event)

    def _on_annotator_note_updated(self, note_id: str) -> None:
        note = self._annotator.note(note_id)
        if note is not None:
            self._pane.model.refresh_note(note)
            self._fill_choices()  # a new tag becomes a choice

    def _on_layers_box_layer_editing_changed(self, _layer: str) -> None:
        """Show the chosen note again, editable or read-only as its layer now is."""
        note = self._annotator.note(self.editor.note_id()) if self.editor and self.editor.note_id() else None
        if note is not None:
            self.editor.show_note(None)
            self.editor.show_note(note, self._pane.model.place(note))


def _on_a_later_turn(panel: QObject, work: Callable[[], object]) -> None:
    """Do `work` on a later turn of the event loop, after whatever else is due by then (input, painting, other
    timers); never once `panel` is deleted. A timer, not a zero-delay call: Qt runs those one after another before
    any timer, so a chain of them held the window as long as all of its links together."""
    QTimer.singleShot(1, panel, work)
