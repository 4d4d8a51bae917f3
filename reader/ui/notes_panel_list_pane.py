"""`ListPane`: the notes panel's scroller and splitter, the notes list and its filters above, the note editor below."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QLineEdit, QListView, QSplitter, QVBoxLayout, QWidget

from reader.notes.filter import NoteFilter
from reader.notes.note import Color, Layer, Note
from reader.ui.annotator import Annotator
from reader.ui.bookmarks import bookmark_icon, is_bookmark
from reader.ui.eliding_combo_box import ElidingComboBox
from reader.ui.folding_header import FoldingHeader, FoldMemory
from reader.ui.note_colors import color_icon
from reader.ui.note_editor import COLOR_LABELS, NoteEditor
from reader.ui.notes_model import NotesModel
from reader.ui.notes_panel_listing import ANY, KIND_BOOKMARKS, KIND_NOTES, ORDER_NEWEST, ORDER_READING
from reader.ui.row_direction import RowDirectionDelegate
from reader.ui.vertical_scroller import VerticalScroller

# Written as the notes panel's strings (context "NotesPanel"), where their translations are.

FILTERS_FOLD = "notes-filters"  # the order and filters' fold, by its name in the preferences
ROOMY_SCREEN_HEIGHT = 700  # logical pixels of free screen height from which the filters start unfolded


@dataclass(frozen=True, slots=True, weakref_slot=True)  # PySide6 refers weakly to a connected method's object
class ListPane:
    """The scroller holding the panel, its splitter, and in the splitter's top pane the filter, the order and
    filters under the header that folds them, the list of notes and the line saying why none is listed."""

    scroller: VerticalScroller
    splitter: QSplitter
    column: QVBoxLayout  # the top pane's, which the parts below the list join
    filter_field: QLineEdit
    filters_toggle: FoldingHeader
    filters: QWidget
    order: ElidingComboBox
    tag: ElidingComboBox
    color: ElidingComboBox
    layer: ElidingComboBox
    kind: ElidingComboBox
    model: NotesModel
    notes_list: QListView
    why_empty: QLabel

    def filter_combos(self) -> tuple[ElidingComboBox, ...]:
        """The filters proper, each with an "any" choice first (the order is not one)."""
        return (self.tag, self.color, self.layer, self.kind)

    def clear_filters(self) -> None:
        """Every note listed again: the filter emptied, each filter back to its "any" choice."""
        self.filter_field.clear()
        for combo in self.filter_combos():
            combo.setCurrentIndex(0)

    def focus_filter(self) -> None:
        """The cursor in the filter, its words chosen: ready to type."""
        self.filter_field.setFocus()
        self.filter_field.selectAll()

    def choose(self, note_id: str) -> None:
        """The note chosen in the list and scrolled to, if it is listed."""
        row = self.model.row_of(note_id)
        if row is not None:
            index = self.model.index(row)
            self.notes_list.setCurrentIndex(index)
            self.notes_list.scrollTo(index)

    def choose_first_note(self) -> None:
        """The first note listed chosen, unless one is."""
        if self.model.rowCount() and not self.notes_list.currentIndex().isValid():
            self.notes_list.setCurrentIndex(self.model.index(0))

    def name_filters_toggle(self, *_args: object) -> None:
        """The header says how many filters are in use, so a folded filter still shows it narrows the list."""
        in_use = sum((combo.currentData() or ANY) != ANY for combo in self.filter_combos())
        text = (
            QCoreApplication.translate("NotesPanel", "Order and filters ({0} in use)").format(in_use)
            if in_use
            else QCoreApplication.translate("NotesPanel", "Order and filters")
        )
        toggle = self.filters_toggle
        toggle.setText(text)
        toggle.setAccessibleName(text)
        toggle.setToolTip(f"{text}\n{toggle.accessibleDescription()}")  # whole, if cut

    def fill_choices(self, tags: Iterable[str], layers: Iterable[Layer]) -> None:
        """The tags and layers to filter by, each after its "any" choice."""
        self.tag.set_choices(
            [(QCoreApplication.translate("NotesPanel", "Any tag"), ANY)] + [(f"#{tag}", tag) for tag in tags]
        )
        choices = [(QCoreApplication.translate("NotesPanel", "Visible layers"), ANY)]
        for layer in layers:
            label = QCoreApplication.translate("NotesPanel", "My notes") if layer.is_mine else layer.name
            choices.append((label, layer.name))
        self.layer.set_choices(choices)
        self.name_filters_toggle()  # a chosen tag or layer that is gone went back to "any" without a signal

    def chosen(self, visible_layers: Callable[[], list[str]]) -> tuple[NoteFilter, str]:
        """What the filters keep (with no layer chosen, the notes of the `visible_layers()`), and the kind chosen."""
        tag = self.tag.currentData() or ANY
        color = self.color.currentData() or ANY
        layer = self.layer.currentData() or ANY
        chosen = NoteFilter(
            text=self.filter_field.text(),
            tags=(tag,) if tag else (),
            colors=(Color(color),) if color else (),
            layers=(layer,) if layer else tuple(name for name in visible_layers()),
        )
        return chosen, self.kind.currentData() or ANY

    def say_why_empty(self, notes: tuple[Note, ...], listed: list[Note]) -> None:
        """Under a list of none of `notes`, why: no bookmark yet, no note yet, or none the filters keep."""
        why_empty = self.why_empty
        if self.kind.currentData() == KIND_BOOKMARKS and not any(map(is_bookmark, notes)):
            why_empty.setText(
                QCoreApplication.translate(
                    "NotesPanel", "No bookmarks yet. Press Ctrl+D to bookmark the paragraph you are reading."
                )
            )
        elif not notes:
            why_empty.setText(
                QCoreApplication.translate(
                    "NotesPanel", "No notes yet. Select text in the report and press Highlight or Add Note."
                )
            )
        elif not listed:
            why_empty.setText(QCoreApplication.translate("NotesPanel", "No note matches the filter."))
        why_empty.setVisible(not listed)

    def row_height(self) -> int:
        return 3 * self.notes_list.fontMetrics().lineSpacing() + 4

    def fit_list_minimum(self) -> None:
        """Never shorter than two whole notes (each three lines), whatever the text size: the panel scrolls first."""
        self.notes_list.setMinimumHeight(2 * self.row_height() + 2 * self.notes_list.frameWidth())


def build_list_pane(panel: QWidget, annotator: Annotator, folds: FoldMemory) -> ListPane:
    """The scroller holding `panel`, the splitter, and above it the filter, the order and filters, the list.
    Every widget is made in the parent it keeps: moving a built one polishes it and its children again."""
    # The panel scrolls rather than ask the window for more room than the screen has (large text, a small
    # screen): the window never grows past the screen because of it.
    content = QWidget()
    content.setObjectName("notesPanelContent")
    content.setAccessibleName(QCoreApplication.translate("NotesPanel", "Notes"))
    scroller = VerticalScroller(content, panel)
    scroller.setObjectName("notesPanelScroller")
    scroller.setAccessibleName(QCoreApplication.translate("NotesPanel", "Notes"))
    splitter = QSplitter(Qt.Orientation.Vertical, content)
    splitter.setObjectName("notesSplitter")
    splitter.setAccessibleName(QCoreApplication.translate("NotesPanel", "Notes list and note editor"))
    splitter.setChildrenCollapsible(False)
    content_layout = QVBoxLayout(content)
    content_layout.setContentsMargins(4, 4, 4, 4)
    content_layout.addWidget(splitter)
    top = QWidget(splitter)
    top.setObjectName("notesListPane")
    top.setAccessibleName(QCoreApplication.translate("NotesPanel", "Notes list and filters"))
    splitter.addWidget(top)
    _name_handle(splitter, top)

    filter_field = QLineEdit(top)
    filter_field.setObjectName("notesFilter")
    filter_field.setAccessibleName(QCoreApplication.translate("NotesPanel", "Filter notes"))
    filter_field.setPlaceholderText(QCoreApplication.translate("NotesPanel", "Filter notes"))
    filter_field.setClearButtonEnabled(True)
    # The order and the four filters fold under a header, so on a small screen the list gets their height.
    filters_toggle = FoldingHeader(top)
    filters_toggle.setObjectName("notesFiltersToggle")
    filters_toggle.setAccessibleDescription(
        QCoreApplication.translate("NotesPanel", "Show or hide the order and the tag, colour, layer and kind filters")
    )
    filters = QWidget(top)
    filters.setObjectName("notesFilters")
    filters.setAccessibleName(QCoreApplication.translate("NotesPanel", "Order and filters"))
    order = _combo(filters, "notesOrder", QCoreApplication.translate("NotesPanel", "Order"))
    order.addItem(QCoreApplication.translate("NotesPanel", "Reading order"), ORDER_READING)
    order.addItem(QCoreApplication.translate("NotesPanel", "Newest first"), ORDER_NEWEST)
    tag = _combo(filters, "notesTagFilter", QCoreApplication.translate("NotesPanel", "Tag"))
    color = _combo(filters, "notesColorFilter", QCoreApplication.translate("NotesPanel", "Colour"))
    color.addItem(QCoreApplication.translate("NotesPanel", "Any colour"), ANY)
    for each in Color:
        color.addItem(color_icon(each), QCoreApplication.translate("NotesPanel", COLOR_LABELS[each]), each.value)
    layer = _combo(filters, "notesLayerFilter", QCoreApplication.translate("NotesPanel", "Layer"))
    kind = _combo(filters, "notesKindFilter", QCoreApplication.translate("NotesPanel", "Show notes, bookmarks or both"))
    kind.addItem(QCoreApplication.translate("NotesPanel", "Notes and bookmarks"), ANY)
    kind.addItem(QCoreApplication.translate("NotesPanel", "Highlights and notes"), KIND_NOTES)
    kind.addItem(bookmark_icon(Color.BLUE), QCoreApplication.translate("NotesPanel", "Bookmarks"), KIND_BOOKMARKS)

    model = NotesModel(annotator, panel)
    notes_list = QListView(top)
    notes_list.setObjectName("notesList")
    notes_list.setAccessibleName(QCoreApplication.translate("NotesPanel", "Notes"))
    notes_list.setModel(model)
    notes_list.setWordWrap(False)
    notes_list.setTextElideMode(Qt.TextElideMode.ElideRight)
    notes_list.setItemDelegate(RowDirectionDelegate(notes_list))  # English quotes read left to right in Arabic
    notes_list.setAlternatingRowColors(True)
    notes_list.setUniformItemSizes(True)  # fast with thousands of notes; each row is three lines
    # Laid out a thousand rows per turn of the event loop: 10,000 notes at once held the window for 20-30 ms.
    notes_list.setLayoutMode(QListView.LayoutMode.Batched)
    notes_list.setBatchSize(1000)
    notes_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    why_empty = QLabel(top)
    why_empty.setObjectName("notesEmpty")
    why_empty.setAccessibleName(QCoreApplication.translate("NotesPanel", "Why no notes are listed"))
    why_empty.setWordWrap(True)
    why_empty.setTextFormat(Qt.TextFormat.PlainText)
    why_empty.hide()  # until the notes are listed

    grid = QGridLayout(filters)
    grid.setContentsMargins(0, 0, 0, 0)
    grid.addWidget(order, 0, 0)
    grid.addWidget(tag, 0, 1)
    grid.addWidget(color, 1, 0)
    grid.addWidget(layer, 1, 1)
    grid.addWidget(kind, 2, 0, 1, 2)
    column = QVBoxLayout(top)
    column.setContentsMargins(0, 0, 0, 0)
    for widget in (filter_field, filters_toggle, filters):
        column.addWidget(widget)
    column.addWidget(notes_list, 1)
    column.addWidget(why_empty)
    pane = ListPane(
        scroller, splitter, column, filter_field, filters_toggle, filters, order, tag, color, layer, kind, model,
        notes_list, why_empty,
    )  # fmt: skip
    pane.fit_list_minimum()

    for combo in pane.filter_combos():  # by the reader or the program (`show_bookmarks`, `show_note`)
        combo.currentIndexChanged.connect(pane.name_filters_toggle)
    filters_toggle.remember_as(folds, FILTERS_FOLD, default=_on_a_roomy_screen(panel))
    filters.setVisible(filters_toggle.isChecked())
    filters_toggle.toggled.connect(filters.setVisible)
    pane.name_filters_toggle()
    layout = QVBoxLayout(panel)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(scroller)
    from reader.ui.accessibility import name_unnamed_parts

    name_unnamed_parts(panel)  # the filter's clear button, the list's scroll bars
    return pane


def make_editor(panel: QWidget, pane: ListPane, annotator: Annotator) -> NoteEditor:
    """The note editor, made apart from the panel: it joins it in the turn that lists the notes (whoever finds
    the editor finds the notes listed, and the other way round). The list keeps the editor's width meanwhile, so
    the dock takes its width now, not as the notes are listed."""
    editor = NoteEditor(annotator)
    panel.destroyed.connect(editor.deleteLater)  # should the panel go before placing it
    pane.notes_list.parentWidget().setMinimumWidth(editor.minimumSizeHint().width())
    return editor


def place_editor(panel: QWidget, pane: ListPane, editor: NoteEditor) -> None:
    """The note editor under the list."""
    splitter = pane.splitter
    splitter.addWidget(editor)
    pane.notes_list.parentWidget().setMinimumWidth(0)  # the editor there asks for its width itself
    _name_handle(splitter, editor)
    # The list takes the room there is; the editor keeps the height it has (at first the least it needs, the
    # reader can drag it taller), so a small screen or large text shortens the editor's box, not the list.
    splitter.setStretchFactor(0, 1)
    splitter.setStretchFactor(1, 0)
    splitter.setSizes([4 * editor.minimumSizeHint().height(), editor.minimumSizeHint().height()])
    # Tab goes from the editor's last button on to the scroller, as when the scroller was made last.
    QWidget.setTabOrder(editor.last_in_tab_order(), pane.scroller)
    from reader.ui.accessibility import name_unnamed_parts

    name_unnamed_parts(panel)  # the editor's scroll bars


def _combo(filters: QWidget, name: str, label: str) -> ElidingComboBox:
    combo = ElidingComboBox(filters)
    combo.setObjectName(name)
    combo.setAccessibleName(label)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(8)
    return combo


def _on_a_roomy_screen(panel: QWidget) -> bool:
    """Whether the window's screen has the height to show the filters unfolded (not a 1024×600 netbook)."""
    screen = panel.screen()
    return screen is None or screen.availableGeometry().height() >= ROOMY_SCREEN_HEIGHT


def _name_handle(splitter: QSplitter, widget: QWidget) -> None:
    """Name the handle before `widget` as Qt names it when the widget has its name before joining the splitter (a
    widget made in the splitter joins it before it is named)."""
    splitter.handle(splitter.indexOf(widget)).setObjectName(f"qt_splithandle_{widget.objectName()}")
