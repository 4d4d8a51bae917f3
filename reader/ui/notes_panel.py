"""`NotesPanel`: every note, in reading order or by date, filtered, with the chosen one open for editing."""

from __future__ import annotations

import functools
import operator
from collections.abc import Callable

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reader.notes.filter import NoteFilter, filter_notes
from reader.notes.note import MY_LAYER, Color, Note
from reader.ui.annotator import Annotator
from reader.ui.bookmarks import bookmark_icon, is_bookmark
from reader.ui.eliding_combo_box import ElidingComboBox
from reader.ui.folding_header import FoldingHeader, FoldMemory
from reader.ui.note_colors import color_icon
from reader.ui.note_editor import COLOR_LABELS, NoteEditor
from reader.ui.notes_layers_box import NotesLayersBox
from reader.ui.notes_model import NotesModel
from reader.ui.row_direction import RowDirectionDelegate
from reader.ui.vertical_scroller import VerticalScroller

ORDER_READING = "reading"
ORDER_NEWEST = "newest"
KIND_NOTES = "notes"  # highlights and notes, no bookmarks
KIND_BOOKMARKS = "bookmarks"
_ANY = ""
FILTERS_FOLD = "notes-filters"  # the order and filters' fold, by its name in the preferences
SORT_SLICE = (
    2500  # notes whose reading key is worked out in one turn of the event loop, when the panel first lists them
)
BUILT_BEFORE_LISTING = 3  # the panel's parts built before its notes are sorted: the list and its filters, what goes
# below the list, the note editor (made apart from the panel, placed in it as the notes are listed)
PAINT_AWAITED_MS = 200  # how long a panel shown empty waits to be painted before it is built all the same
ROOMY_SCREEN_HEIGHT = 700  # logical pixels of free screen height from which the filters start unfolded


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
        self._ordered: tuple[tuple[Note, ...], str, list[Note]] | None = None  # notes, order, those notes in order
        self._last_match: tuple[list[Note], tuple[object, ...], list[str], list[Note]] | None = None

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
        self._scroller.updateGeometry()  # the dock asks again for the room the panel needs, now the part is in

    def _parts_before_the_list_built(self) -> bool:
        """Whether all is built but what joins the panel in the turn that lists the notes (the editor)."""
        return self._parts_built >= BUILT_BEFORE_LISTING

    def _build_list_pane(self) -> None:
        """The scroller holding the panel, the splitter, and above it the filter, the order and filters, the list.
        Every widget is made in the parent it keeps: moving a built one polishes it and its children again."""
        # The panel scrolls rather than ask the window for more room than the screen has (large text, a small
        # screen): the window never grows past the screen because of it.
        content = QWidget()
        content.setObjectName("notesPanelContent")
        content.setAccessibleName(self.tr("Notes"))
        self._scroller = VerticalScroller(content, self)
        self._scroller.setObjectName("notesPanelScroller")
        self._scroller.setAccessibleName(self.tr("Notes"))
        self._splitter = QSplitter(Qt.Orientation.Vertical, content)
        self._splitter.setObjectName("notesSplitter")
        self._splitter.setAccessibleName(self.tr("Notes list and note editor"))
        self._splitter.setChildrenCollapsible(False)
        content_layout = QVBoxLayout(content)
        content_layout.setContentsMargins(4, 4, 4, 4)
        content_layout.addWidget(self._splitter)
        top = QWidget(self._splitter)
        top.setObjectName("notesListPane")
        top.setAccessibleName(self.tr("Notes list and filters"))
        self._splitter.addWidget(top)
        _name_handle(self._splitter, top)

        self._filter = QLineEdit(top)
        self._filter.setObjectName("notesFilter")
        self._filter.setAccessibleName(self.tr("Filter notes"))
        self._filter.setPlaceholderText(self.tr("Filter notes"))
        self._filter.setClearButtonEnabled(True)
        # The order and the four filters fold under a header, so on a small screen the list gets their height.
        self._filters_toggle = FoldingHeader(top)
        self._filters_toggle.setObjectName("notesFiltersToggle")
        self._filters_toggle.setAccessibleDescription(
            self.tr("Show or hide the order and the tag, colour, layer and kind filters")
        )
        self._filters = QWidget(top)
        self._filters.setObjectName("notesFilters")
        self._filters.setAccessibleName(self.tr("Order and filters"))
        self._order = self._combo("notesOrder", self.tr("Order"))
        self._order.addItem(self.tr("Reading order"), ORDER_READING)
        self._order.addItem(self.tr("Newest first"), ORDER_NEWEST)
        self._tag = self._combo("notesTagFilter", self.tr("Tag"))
        self._color = self._combo("notesColorFilter", self.tr("Colour"))
        self._color.addItem(self.tr("Any colour"), _ANY)
        for color in Color:
            self._color.addItem(color_icon(color), self.tr(COLOR_LABELS[color]), color.value)
        self._layer = self._combo("notesLayerFilter", self.tr("Layer"))
        self._kind = self._combo("notesKindFilter", self.tr("Show notes, bookmarks or both"))
        self._kind.addItem(self.tr("Notes and bookmarks"), _ANY)
        self._kind.addItem(self.tr("Highlights and notes"), KIND_NOTES)
        self._kind.addItem(bookmark_icon(Color.BLUE), self.tr("Bookmarks"), KIND_BOOKMARKS)

        self._model = NotesModel(self._annotator, self)
        self._list = QListView(top)
        self._list.setObjectName("notesList")
        self._list.setAccessibleName(self.tr("Notes"))
        self._list.setModel(self._model)
        self._list.setWordWrap(False)
        self._list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self._list.setItemDelegate(RowDirectionDelegate(self._list))  # English quotes read left to right in Arabic
        self._list.setAlternatingRowColors(True)
        self._list.setUniformItemSizes(True)  # fast with thousands of notes; each row is three lines
        # Laid out a thousand rows per turn of the event loop: 10,000 notes at once held the window for 20-30 ms.
        self._list.setLayoutMode(QListView.LayoutMode.Batched)
        self._list.setBatchSize(1000)
        self._list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._empty = QLabel(top)
        self._empty.setObjectName("notesEmpty")
        self._empty.setAccessibleName(self.tr("Why no notes are listed"))
        self._empty.setWordWrap(True)
        self._empty.setTextFormat(Qt.TextFormat.PlainText)
        self._empty.hide()  # until the notes are listed
        self._fit_list_minimum()

        filters = QGridLayout(self._filters)
        filters.setContentsMargins(0, 0, 0, 0)
        filters.addWidget(self._order, 0, 0)
        filters.addWidget(self._tag, 0, 1)
        filters.addWidget(self._color, 1, 0)
        filters.addWidget(self._layer, 1, 1)
        filters.addWidget(self._kind, 2, 0, 1, 2)
        self._top_layout = QVBoxLayout(top)
        self._top_layout.setContentsMargins(0, 0, 0, 0)
        self._top_layout.addWidget(self._filter)
        self._top_layout.addWidget(self._filters_toggle)
        self._top_layout.addWidget(self._filters)
        self._top_layout.addWidget(self._list, 1)
        self._top_layout.addWidget(self._empty)

        for combo in self._filter_combos():  # by the reader or the program (`show_bookmarks`, `show_note`)
            combo.currentIndexChanged.connect(self._name_filters_toggle)
            combo.installEventFilter(self)
        self._filters_toggle.remember_as(self._folds, FILTERS_FOLD, default=self._on_a_roomy_screen())
        self._filters.setVisible(self._filters_toggle.isChecked())
        self._filters_toggle.toggled.connect(self._filters.setVisible)
        self._name_filters_toggle()
        self._list.installEventFilter(self)
        self._filter.installEventFilter(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._scroller)
        from reader.ui.accessibility import name_unnamed_parts

        name_unnamed_parts(self)  # the filter's clear button, the list's scroll bars

    def _build_below_list(self) -> None:
        """Under the list: the imported layers, the notes from other reports; above it, the last import's result."""
        top = self._list.parentWidget()
        self._layers_box = NotesLayersBox(self._annotator, top, self._folds)
        self._show_others = QPushButton(top)
        self._show_others.setObjectName("notesShowOtherReports")
        self._show_others.setAccessibleName(self.tr("Show notes made on other reports"))
        self._show_others.setCheckable(True)
        self._others = QListWidget(top)
        self._others.setObjectName("notesOtherReports")
        self._others.setAccessibleName(self.tr("Notes made on other reports (not placed in this report)"))
        self._others.setWordWrap(True)
        self._others.hide()
        self._fit_others_maximum()
        self._build_import_summary(top)
        self._layers_box.hide()  # until the notes are listed: shown when there are imported layers
        self._show_others.hide()  # and when there are notes from other reports
        self._top_layout.insertWidget(self._top_layout.indexOf(self._filters) + 1, self._summary_box)
        self._top_layout.addWidget(self._layers_box)
        self._top_layout.addWidget(self._show_others)
        self._top_layout.addWidget(self._others)
        from reader.ui.accessibility import name_unnamed_parts

        name_unnamed_parts(self)  # the lists' scroll bars
        self._filter.textChanged.connect(self._list_notes)  # the notes did not change: only the rows
        for combo in (self._order, self._tag, self._color, self._layer, self._kind):
            combo.activated.connect(self._list_notes)
        self._list.selectionModel().currentChanged.connect(self._on_list_current_changed)
        self._list.clicked.connect(self._on_list_activated)
        self._list.activated.connect(self._on_list_activated)
        self._layers_box.layer_editing_changed.connect(self._on_layers_box_layer_editing_changed)
        self._show_others.toggled.connect(self._fill_other_reports)
        self._annotator.notes_changed.connect(self.refresh)
        self._annotator.note_updated.connect(self._on_annotator_note_updated)

    def _make_editor(self) -> None:
        """The note editor, made apart from the panel: it joins it in the turn that lists the notes (whoever finds
        the editor finds the notes listed, and the other way round). The list keeps the editor's width meanwhile, so
        the dock takes its width now, not as the notes are listed."""
        self._unplaced_editor = NoteEditor(self._annotator)
        self.destroyed.connect(self._unplaced_editor.deleteLater)  # should the panel go before placing it
        self._list.parentWidget().setMinimumWidth(self._unplaced_editor.minimumSizeHint().width())

    def _place_editor(self) -> None:
        """The note editor under the list."""
        self.editor = self._unplaced_editor
        self._unplaced_editor = None
        splitter = self._splitter
        splitter.addWidget(self.editor)
        self._list.parentWidget().setMinimumWidth(0)  # the editor there asks for its width itself
        _name_handle(splitter, self.editor)
        # The list takes the room there is; the editor keeps the height it has (at first the least it needs, the
        # reader can drag it taller), so a small screen or large text shortens the editor's box, not the list.
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 0)
        splitter.setSizes([4 * self.editor.minimumSizeHint().height(), self.editor.minimumSizeHint().height()])
        # Tab goes from the editor's last button on to the scroller, as when the scroller was made last.
        QWidget.setTabOrder(self.editor.last_in_tab_order(), self._scroller)
        from reader.ui.accessibility import name_unnamed_parts

        name_unnamed_parts(self)  # the editor's scroll bars
        self.editor.delete_requested.connect(self.note_delete_requested)

    def _build_import_summary(self, parent: QWidget) -> None:
        """What the last import did, in full, above the list (the status line cuts it on a small screen), with a
        button that puts it away; hidden until an import is done."""
        self._summary_box = QFrame(parent)
        self._summary_box.setObjectName("notesImportSummaryBox")
        self._summary_box.setAccessibleName(self.tr("Result of the last import"))
        self._summary_box.setFrameShape(QFrame.Shape.StyledPanel)
        self._summary = QLabel(self._summary_box)
        self._summary.setObjectName("notesImportSummary")
        self._summary.setAccessibleName(self.tr("Result of the last import"))
        self._summary.setTextFormat(Qt.TextFormat.PlainText)
        self._summary.setWordWrap(True)
        self._summary.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        # Wrapped to the panel's width, never widening it (a long word is cut at the panel's edge instead).
        policy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)  # as tall as its lines wrapped to the width it gets
        self._summary.setSizePolicy(policy)
        self._summary.setMinimumWidth(1)
        close = QToolButton(self._summary_box)
        close.setObjectName("notesImportSummaryClose")
        close.setText("×")
        close.setAccessibleName(self.tr("Close the import result"))
        close.setToolTip(self.tr("Close the import result"))
        close.setAutoRaise(True)
        close.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # Tab reaches it, Space closes
        close.clicked.connect(self._hide_import_summary)
        self._summary_close = close
        row = QHBoxLayout(self._summary_box)
        row.setContentsMargins(4, 2, 2, 2)
        row.addWidget(self._summary, 1)
        row.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)
        self._summary_box.hide()

    def show_import_summary(self, text: str) -> None:
        """Show what an import did above the list, whole and wrapped, until closed or the next import's replaces
        it. (A screen reader hears it from the status line, which says it too: the window announces every status
        message.)"""
        self.ensure_built()
        self._summary.setText(text)
        self._summary.setAccessibleDescription(text)
        self._summary_box.show()

    def _hide_import_summary(self) -> None:
        had_focus = self._summary_box.isAncestorOf(QApplication.focusWidget())
        self._summary_box.hide()
        if had_focus:  # the focus goes on to the list rather than nowhere
            self._list.setFocus(Qt.FocusReason.OtherFocusReason)

    def _combo(self, name: str, label: str) -> ElidingComboBox:
        combo = ElidingComboBox(self._filters)
        combo.setObjectName(name)
        combo.setAccessibleName(label)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(8)
        return combo

    def _filter_combos(self) -> tuple[ElidingComboBox, ...]:
        """The filters proper, each with an "any" choice first (the order is not one)."""
        return (self._tag, self._color, self._layer, self._kind)

    def _on_a_roomy_screen(self) -> bool:
        """Whether the window's screen has the height to show the filters unfolded (not a 1024×600 netbook)."""
        screen = self.screen()
        return screen is None or screen.availableGeometry().height() >= ROOMY_SCREEN_HEIGHT

    def _name_filters_toggle(self, *_args: object) -> None:
        """The header says how many filters are in use, so a folded filter still shows it narrows the list."""
        in_use = sum((combo.currentData() or _ANY) != _ANY for combo in self._filter_combos())
        text = self.tr("Order and filters ({0} in use)").format(in_use) if in_use else self.tr("Order and filters")
        toggle = self._filters_toggle
        toggle.setText(text)
        toggle.setAccessibleName(text)
        toggle.setToolTip(f"{text}\n{toggle.accessibleDescription()}")  # whole, if cut

    def _fit_list_minimum(self) -> None:
        """Never shorter than two whole notes (each three lines), whatever the text size: the panel scrolls first."""
        self._list.setMinimumHeight(2 * self._row_height() + 2 * self._list.frameWidth())
        if self._parts_built > 1:  # the list of notes from other reports is built too
            self._fit_others_maximum()

    def _fit_others_maximum(self) -> None:
        """Notes from other reports: a few rows at most."""
        self._others.setMaximumHeight(3 * self._row_height() + 2 * self._others.frameWidth())

    def _row_height(self) -> int:
        return 3 * self._list.fontMetrics().lineSpacing() + 4

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange and self._parts_built:
            self._fit_list_minimum()

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
        if self._listed or self._annotator.is_loading or self._order.currentData() != ORDER_READING:
            if not self._listed and not self._annotator.is_loading:
                self._in_order(self._annotator.notes())  # kept for `refresh`
            _on_a_later_turn(self, self._list_if_shown)
            return
        notes = self._annotator.notes()
        self._sort_in_slices(notes, self._annotator.reading_key(), [])

    def _sort_in_slices(self, notes: tuple[Note, ...], key: Callable[[Note], object], keys: list[object]) -> None:
        """Work out the notes' reading keys a slice per turn (with 10,000 notes, all at once took 10-20 ms, in the
        turn that also paints the new panel), then sort by them and list the notes on the next turn. Given up when
        the panel is hidden; the notes are sorted at once when listed if they changed meanwhile."""
        if not self.isVisible():  # hidden: showing it again starts again
            self._sorting = False
            return
        current = self._annotator.notes()
        if not _same_notes(current, notes):
            _on_a_later_turn(self, self._list_if_shown)  # the notes changed: `refresh` sorts them at once
            return
        keys.extend(map(key, notes[len(keys) : len(keys) + SORT_SLICE]))
        if len(keys) < len(notes):
            _on_a_later_turn(self, functools.partial(self._sort_in_slices, notes, key, keys))
            return
        in_order = sorted(range(len(notes)), key=keys.__getitem__)  # stable: as `in_reading_order` sorts them
        self._ordered = (notes, ORDER_READING, [notes[index] for index in in_order])
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
            self._choose_first_note()
        self._model.prepare_search_texts(self._annotator.notes())  # ready for the first word typed in the filter
        self._layers_box.fill()
        self._fill_other_reports()

    def _list_notes(self, *_args: object) -> None:
        """List the notes the filters keep, in the chosen order, keeping the chosen note chosen."""
        if not self._built or self._annotator.is_loading:
            return
        current = self.editor.note_id() if self.editor is not None else None
        notes = self._matching(self._in_order(self._annotator.notes()))
        self._model.set_notes(notes)
        if self._kind.currentData() == KIND_BOOKMARKS and not any(map(is_bookmark, self._annotator.notes())):
            self._empty.setText(self.tr("No bookmarks yet. Press Ctrl+D to bookmark the paragraph you are reading."))
        elif not self._annotator.notes():
            self._empty.setText(self.tr("No notes yet. Select text in the report and press Highlight or Add Note."))
        elif not notes:
            self._empty.setText(self.tr("No note matches the filter."))
        self._empty.setVisible(not notes)
        row = self._model.row_of(current) if current else None
        if row is not None:
            self._list.setCurrentIndex(self._model.index(row))
        elif current is not None and self._annotator.note(current) is None:
            self.editor.show_note(None)

    def listed_notes(self) -> list[Note]:
        """The notes the panel lists now, in order (what "Export … shown in the panel" writes)."""
        if not self._listed:
            return list(self._annotator.in_reading_order(self._annotator.notes(visible_only=True)))
        return [self._model.note_at(row) for row in range(self._model.rowCount())]

    def _in_order(self, notes: tuple[Note, ...]) -> list[Note]:
        """The notes in the chosen order, sorted again only when the notes or the order changed."""
        order = self._order.currentData()
        kept = self._ordered
        if kept is not None and kept[1] == order and _same_notes(kept[0], notes):
            return kept[2]
        if order == ORDER_NEWEST:
            ordered = sorted(notes, key=lambda note: note.created, reverse=True)
        else:
            ordered = list(self._annotator.in_reading_order(notes))
        self._ordered = (notes, order, ordered)
        return ordered

    def _matching(self, notes: list[Note]) -> list[Note]:
        """The notes the filters keep, as `NoteFilter` keeps them, with each note's case-folded words kept."""
        tag = self._tag.currentData() or _ANY
        color = self._color.currentData() or _ANY
        layer = self._layer.currentData() or _ANY
        chosen = NoteFilter(
            text=self._filter.text(),
            tags=(tag,) if tag else (),
            colors=(Color(color),) if color else (),
            layers=(layer,) if layer else tuple(name for name in self._visible_layers()),
        )
        kind = self._kind.currentData() or _ANY
        words = chosen.text.casefold().split()
        layers = set(chosen.layers)
        others = (chosen.tags, chosen.colors, chosen.layers, kind)
        last = self._last_match
        pool = notes
        # Typing on narrows the filter: a note kept now was kept for the last words (each is within a word now).
        narrowed = last is not None and last[0] is notes and last[1] == others
        if narrowed and all(any(old in word for word in words) for old in last[2]):
            pool = last[3]
        search_text = self._model.search_text
        kept = []
        for note in pool:
            if layers and note.layer not in layers:
                continue
            if kind and is_bookmark(note) != (kind == KIND_BOOKMARKS):
                continue
            if words and not all(word in search_text(note) for word in words):
                continue
            kept.append(note)
        if chosen.tags or chosen.colors:
            kept = list(filter_notes(kept, NoteFilter(tags=chosen.tags, colors=chosen.colors)))
        self._last_match = (notes, others, words, kept)
        return kept

    def show_bookmarks(self) -> None:
        """List only the bookmarks (the "Bookmarks" choice of the kind filter)."""
        self.ensure_built()
        self._kind.setCurrentIndex(self._kind.findData(KIND_BOOKMARKS))
        self.refresh()

    def _visible_layers(self) -> list[str]:
        return [layer.name for layer in self._annotator.layers() if layer.visible] or [MY_LAYER]

    def _fill_choices(self) -> None:
        self._tag.set_choices([(self.tr("Any tag"), _ANY)] + [(f"#{tag}", tag) for tag in self._annotator.tags()])
        layers = [(self.tr("Visible layers"), _ANY)]
        for layer in self._annotator.layers():
            label = self.tr("My notes") if layer.is_mine else layer.name
            layers.append((label, layer.name))
        self._layer.set_choices(layers)
        self._name_filters_toggle()  # a chosen tag or layer that is gone went back to "any" without a signal

    def _fill_other_reports(self, *_args: object) -> None:
        """Notes from other reports (other content packs): counted always, listed only when asked, never placed."""
        others = self._annotator.other_reports_notes()
        self._show_others.setVisible(bool(others))
        self._show_others.setText(self.tr("Notes from other reports ({0})").format(len(others)))
        shown = bool(others) and self._show_others.isChecked()
        self._others.setVisible(shown)
        self._others.clear()
        if not shown:
            return
        for note in others:
            text = self.tr("From another report ({0}): “{1}”").format(note.report, note.quote)
            if note.text:
                text += f" — {note.text}"
            item = QListWidgetItem(text, self._others)
            item.setToolTip(self.tr("Made on another report; it is not placed in this one."))

    # Choosing and jumping

    def show_note(self, note_id: str, focus_text: bool = False) -> None:
        """Choose a note in the list (clearing filters that hide it) and open it in the editor."""
        editor = self.ensure_built()
        note = self._annotator.note(note_id)
        if note is None:
            return
        if self._model.row_of(note_id) is None:
            self._filter.clear()
            for combo in (self._tag, self._color, self._layer, self._kind):
                combo.setCurrentIndex(0)
            self.refresh()
        row = self._model.row_of(note_id)
        if row is not None:
            index = self._model.index(row)
            self._list.setCurrentIndex(index)
            self._list.scrollTo(index)
        editor.show_note(note, self._model.place(note))
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
            self._filter.setFocus()
            self._filter.selectAll()
            return
        self.focus_filter()
        self._choose_first_note()

    def _choose_first_note(self) -> None:
        if self._model.rowCount() and not self._list.currentIndex().isValid():
            self._list.setCurrentIndex(self._model.index(0))

    def focus_filter(self) -> None:
        self.ensure_built()
        self._filter.setFocus()
        self._filter.selectAll()

    def save_pending(self) -> None:
        if self.editor is not None:
            self.editor.save_now()

    def _on_list_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and self.editor is not None:
            note = self._model.note_at(current.row())
            self.editor.show_note(note, self._model.place(note))

    def _on_list_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.note_activated.emit(self._model.note_at(index.row()).id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        down = event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Down  # type: ignore[attr-defined]
        if event.type() == QEvent.Type.FocusIn and watched in self._filter_combos():
            self._filters_toggle.setChecked(True)  # a folded filter reached some other way: shown where it is
        if watched is self._filter and down and self._model.rowCount():
            self._list.setFocus(Qt.FocusReason.TabFocusReason)
            return True
        if watched is self._list and event.type() == QEvent.Type.KeyPress:
            key_event: QKeyEvent = event  # type: ignore[assignment]
            index = self._list.currentIndex()
            if key_event.key() == Qt.Key.Key_Delete and index.isValid():
                note = self._model.note_at(index.row())
                if not self._annotator.is_read_only(note):
                    self.note_delete_requested.emit(note.id)
                return True
        return super().eventFilter(watched, event)

    def _on_annotator_note_updated(self, note_id: str) -> None:
        note = self._annotator.note(note_id)
        if note is not None:
            self._model.refresh_note(note)
            self._fill_choices()  # a new tag becomes a choice

    def _on_layers_box_layer_editing_changed(self, _layer: str) -> None:
        """Show the chosen note again, editable or read-only as its layer now is."""
        note = self._annotator.note(self.editor.note_id()) if self.editor and self.editor.note_id() else None
        if note is not None:
            self.editor.show_note(None)
            self.editor.show_note(note, self._model.place(note))


def _same_notes(these: tuple[Note, ...], those: tuple[Note, ...]) -> bool:
    """Whether two lists of notes hold the very same notes, in the same order (a note changed is a new one)."""
    return len(these) == len(those) and all(map(operator.is_, these, those))


def _name_handle(splitter: QSplitter, widget: QWidget) -> None:
    """Name the handle before `widget` as Qt names it when the widget has its name before joining the splitter (a
    widget made in the splitter joins it before it is named)."""
    splitter.handle(splitter.indexOf(widget)).setObjectName(f"qt_splithandle_{widget.objectName()}")


def _on_a_later_turn(panel: QObject, work: Callable[[], object]) -> None:
    """Do `work` on a later turn of the event loop, after whatever else is due by then (input, painting, other
    timers); never once `panel` is deleted. A timer, not a zero-delay call: Qt runs those one after another before
    any timer, so a chain of them held the window as long as all of its links together."""
    QTimer.singleShot(1, panel, work)
