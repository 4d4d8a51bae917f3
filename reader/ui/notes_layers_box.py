"""`NotesLayersBox`: the notes panel's imported layers, folded under a header so the notes list keeps the room."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reader.ui.annotator import Annotator
from reader.ui.folding_header import FoldingHeader, FoldMemory
from reader.ui.notes_model import NOTE_ID_ROLE

# Written as the notes panel's strings (context "NotesPanel"), where their translations are.

MOST_ROWS_SHOWN = 4  # more layers scroll within the list, which never grows taller
FOLD_NAME = "notes-layers"  # the fold's name in the preferences


class NotesLayersBox(QWidget):
    """The imported layers under a header button showing how many there are (and how many are hidden): folded by
    default (or as the reader last left them, when `folds` remembers), so the notes list gets the panel's height;
    unfolded, the layers to tick, Allow Editing and Remove Layer, the list at most a few rows high."""

    layer_editing_changed = Signal(str)  # layer name: the reader allowed or stopped editing its notes

    def __init__(self, annotator: Annotator, parent: QWidget | None = None, folds: FoldMemory | None = None) -> None:
        super().__init__(parent)
        self._annotator = annotator
        self.setObjectName("notesLayersBox")
        self.setAccessibleName(QCoreApplication.translate("NotesPanel", "Imported layers"))
        self._toggle = FoldingHeader(self)
        self._toggle.setObjectName("notesLayersToggle")
        self._toggle.setAccessibleDescription(
            QCoreApplication.translate("NotesPanel", "Show or hide the imported layers and their buttons")
        )
        self._layers = QListWidget(self)
        self._layers.setObjectName("notesLayers")
        self._layers.setAccessibleName(QCoreApplication.translate("NotesPanel", "Imported layers (tick to show)"))
        # A long layer name ends in "…" (whole in its tooltip) rather than bring a scroll bar that hides a row.
        self._layers.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._layers.setTextElideMode(Qt.TextElideMode.ElideRight)
        self._layers.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerItem)
        self._editable_layer = QPushButton(QCoreApplication.translate("NotesPanel", "Allow Editing"), self)
        self._editable_layer.setObjectName("notesLayerEditable")
        self._editable_layer.setAccessibleName(
            QCoreApplication.translate("NotesPanel", "Allow editing the chosen layer's notes")
        )
        self._editable_layer.setCheckable(True)
        self._remove_layer = QPushButton(QCoreApplication.translate("NotesPanel", "Remove Layer"), self)
        self._remove_layer.setObjectName("notesRemoveLayer")
        self._remove_layer.setAccessibleName(
            QCoreApplication.translate("NotesPanel", "Remove the chosen layer and its notes")
        )

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._toggle)
        layout.addWidget(self._layers)
        buttons = QHBoxLayout()
        buttons.addWidget(self._editable_layer)
        buttons.addStretch(1)
        buttons.addWidget(self._remove_layer)
        layout.addLayout(buttons)

        self._toggle.remember_as(folds or FoldMemory(), FOLD_NAME, default=False)
        self._show_unfolded(self._toggle.isChecked())
        self._toggle.toggled.connect(self._show_unfolded)
        self._layers.itemChanged.connect(self._on_layers_item_changed)
        self._layers.currentItemChanged.connect(self._update_layer_buttons)
        self._remove_layer.clicked.connect(self._on_remove_layer_clicked)
        self._editable_layer.toggled.connect(self._on_editable_layer_toggled)

    def fill(self) -> None:
        """List the imported layers again (after any change), keeping the chosen one chosen; hidden without any."""
        chosen = self._layers.currentItem().data(NOTE_ID_ROLE) if self._layers.currentItem() else None
        imported = [layer for layer in self._annotator.layers() if not layer.is_mine]
        self._layers.blockSignals(True)
        self._layers.clear()
        for layer in imported:
            if layer.read_only:
                mode = QCoreApplication.translate("NotesPanel", "read-only")
            else:
                mode = QCoreApplication.translate("NotesPanel", "editable")
            if layer.note_count == 1:
                notes = QCoreApplication.translate("NotesPanel", "1 note")
            else:
                notes = QCoreApplication.translate("NotesPanel", "{0} notes").format(layer.note_count)
            text = f"{layer.name} — {notes}, {mode}"
            item = QListWidgetItem(text, self._layers)
            item.setData(NOTE_ID_ROLE, layer.name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if layer.visible else Qt.CheckState.Unchecked)
            tick = QCoreApplication.translate(
                "NotesPanel", "Tick to show this layer's notes in the report and this list."
            )
            item.setToolTip(f"{text}\n{tick}")  # the whole name, which the list may end in "…"
            if layer.name == chosen:
                self._layers.setCurrentItem(item)
        if imported and self._layers.currentItem() is None:
            self._layers.setCurrentRow(0)
        self._layers.blockSignals(False)
        self.setVisible(bool(imported))
        hidden = sum(not layer.visible for layer in imported)
        if hidden:
            title = QCoreApplication.translate("NotesPanel", "Imported layers ({0}, {1} hidden)")
        else:
            title = QCoreApplication.translate("NotesPanel", "Imported layers ({0})")
        self._toggle.setText(title.format(len(imported), hidden))
        self._toggle.setAccessibleName(self._toggle.text())
        self._toggle.setToolTip(f"{self._toggle.text()}\n{self._toggle.accessibleDescription()}")  # whole, if cut
        self._fit_list_height()
        self._update_layer_buttons()

    def is_unfolded(self) -> bool:
        return self._toggle.isChecked()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # larger text: the same rows need more height
            self._fit_list_height()

    def _show_unfolded(self, unfolded: bool) -> None:
        for widget in (self._layers, self._editable_layer, self._remove_layer):
            widget.setVisible(unfolded)

    def _fit_list_height(self) -> None:
        """As tall as its rows, up to `MOST_ROWS_SHOWN`: more scroll within it."""
        rows = max(1, min(MOST_ROWS_SHOWN, self._layers.count()))
        row = max(self._layers.fontMetrics().height() + 2, self._layers.sizeHintForRow(0))
        self._layers.setFixedHeight(rows * row + 2 * self._layers.frameWidth())

    # Acting on the chosen layer

    def _on_layers_item_changed(self, item: QListWidgetItem) -> None:
        self._annotator.set_layer_visible(item.data(NOTE_ID_ROLE), item.checkState() == Qt.CheckState.Checked)

    def _update_layer_buttons(self, *_args: object) -> None:
        item = self._layers.currentItem()
        self._remove_layer.setEnabled(item is not None)
        self._editable_layer.setEnabled(item is not None)
        name = item.data(NOTE_ID_ROLE) if item is not None else None
        layer = next((layer for layer in self._annotator.layers() if layer.name == name), None)
        self._editable_layer.blockSignals(True)
        self._editable_layer.setChecked(layer is not None and not layer.read_only)
        self._editable_layer.blockSignals(False)

    def _on_remove_layer_clicked(self) -> None:
        item = self._layers.currentItem()
        if item is not None:
            self._annotator.start_removing_layer(item.data(NOTE_ID_ROLE))  # in slices: a layer may hold thousands

    def _on_editable_layer_toggled(self, checked: bool) -> None:
        item = self._layers.currentItem()
        if item is not None:
            name = item.data(NOTE_ID_ROLE)
            self._annotator.set_layer_read_only(name, not checked)  # the layers are listed again: `item` is gone
            self.layer_editing_changed.emit(name)
