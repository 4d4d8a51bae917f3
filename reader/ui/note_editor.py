"""`NoteEditor`: one note's text, tags, colour and style, saved shortly after typing stops and when it closes."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reader.errors import ReaderError
from reader.notes.note import Color, Note, Style
from reader.ui.annotator import Annotator
from reader.ui.note_colors import color_icon

SAVE_DELAY_MS = 500
QUOTE_LIMIT = 400
COLOR_LABELS = {
    Color.YELLOW: QT_TRANSLATE_NOOP("Labels", "Yellow"),
    Color.GREEN: QT_TRANSLATE_NOOP("Labels", "Green"),
    Color.BLUE: QT_TRANSLATE_NOOP("Labels", "Blue"),
    Color.PINK: QT_TRANSLATE_NOOP("Labels", "Pink"),
    Color.PURPLE: QT_TRANSLATE_NOOP("Labels", "Purple"),
    Color.ORANGE: QT_TRANSLATE_NOOP("Labels", "Orange"),
}
STYLE_LABELS = {
    Style.HIGHLIGHT: QT_TRANSLATE_NOOP("Labels", "Highlight"),
    Style.UNDERLINE: QT_TRANSLATE_NOOP("Labels", "Underline"),
    Style.STRIKE: QT_TRANSLATE_NOOP("Labels", "Strike-through"),
}


class NoteEditor(QWidget):
    """Edits the chosen note in place. Every change is written to the notes database without a Save button."""

    delete_requested = Signal(str)  # note id
    saved = Signal(str)  # note id, once the change is on disk

    def __init__(self, annotator: Annotator, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noteEditor")
        self.setAccessibleName(self.tr("Note editor"))
        self._annotator = annotator
        self._note_id: str | None = None
        self._loading = False
        self._unsaved = False

        self._place = QLabel(self)
        self._place.setObjectName("notePlace")
        self._place.setTextFormat(Qt.TextFormat.PlainText)
        self._place.setWordWrap(True)
        self._quote = QLabel(self)
        self._quote.setObjectName("noteQuote")
        self._quote.setAccessibleName(self.tr("Highlighted passage"))
        self._quote.setTextFormat(Qt.TextFormat.PlainText)  # never interpret the quote as markup
        self._quote.setWordWrap(True)
        self._quote.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._text = QPlainTextEdit(self)
        self._text.setObjectName("noteText")
        self._text.setAccessibleName(self.tr("Note"))
        self._text.setPlaceholderText(self.tr("Write a note (optional)…"))
        self._text.setTabChangesFocus(True)
        self._tags = QLineEdit(self)
        self._tags.setObjectName("noteTags")
        self._tags.setAccessibleName(self.tr("Tags"))
        self._tags.setPlaceholderText(self.tr("Tags, separated by commas"))

        self._colors = QButtonGroup(self)
        self._colors.setExclusive(True)
        color_row = QHBoxLayout()
        color_row.setSpacing(2)
        for color in Color:
            button = QToolButton(self)
            button.setObjectName("noteColor" + color.value.capitalize())
            button.setAccessibleName(self.tr(COLOR_LABELS[color]))
            button.setToolTip(self.tr(COLOR_LABELS[color]))
            button.setIcon(color_icon(color))
            button.setCheckable(True)
            button.setProperty("color", color.value)
            self._colors.addButton(button)
            color_row.addWidget(button)
        self._style = QComboBox(self)
        self._style.setObjectName("noteStyle")
        self._style.setAccessibleName(self.tr("Highlight style"))
        for style in STYLE_LABELS:  # the highlight styles; a bookmark is made with Ctrl+D, never chosen here
            self._style.addItem(self.tr(STYLE_LABELS[style]), style.value)
        color_row.addStretch(1)
        color_row.addWidget(self._style)

        self._state = QLabel(self)
        self._state.setObjectName("noteSaveState")
        self._state.setTextFormat(Qt.TextFormat.PlainText)
        self._delete = QPushButton(self.tr("Delete"), self)
        self._delete.setObjectName("noteDelete")
        self._delete.setAccessibleName(self.tr("Delete this note"))
        bottom = QHBoxLayout()
        bottom.addWidget(self._state, 1)
        bottom.addWidget(self._delete)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self._place)
        layout.addWidget(self._quote)
        layout.addLayout(color_row)
        layout.addWidget(self._text, 1)
        layout.addWidget(self._tags)
        layout.addLayout(bottom)

        self._save_timer = QTimer(self)
        self._save_timer.setObjectName("noteSaveTimer")
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self.save_now)
        self._text.textChanged.connect(self._on_typed)
        self._tags.textEdited.connect(self._on_typed)
        self._tags.editingFinished.connect(self.save_now)
        self._colors.buttonClicked.connect(self._on_colors_clicked)
        self._style.activated.connect(self._on_style_activated)
        self._delete.clicked.connect(self._on_delete_clicked)
        annotator.notes_changed.connect(self._on_annotator_notes_changed)
        self.show_note(None)

    # Showing

    def note_id(self) -> str | None:
        return self._note_id

    def show_note(self, note: Note | None, place: str = "") -> None:
        """Show a note to edit (None: nothing chosen). The note being typed in is saved first."""
        if note is not None and note.id == self._note_id:
            self._show_place(note, place)
            return
        self.save_now()
        self._loading = True
        self._note_id = note.id if note is not None else None
        self._text.setPlainText(note.text if note is not None else "")
        self._tags.setText(", ".join(note.tags) if note is not None else "")
        for button in self._colors.buttons():
            button.setChecked(note is not None and button.property("color") == note.color.value)
        self._style.setCurrentIndex(self._style.findData(note.style.value) if note is not None else 0)
        self._loading = False
        self._unsaved = False
        self._show_place(note, place)

    def _show_place(self, note: Note | None, place: str) -> None:
        read_only = note is None or self._annotator.is_read_only(note)
        quote = note.quote if note is not None else ""
        self._place.setText(place)
        self._quote.setText(f"“{quote[:QUOTE_LIMIT]}…”" if len(quote) > QUOTE_LIMIT else f"“{quote}”" if quote else "")
        self._text.setReadOnly(read_only)
        self._tags.setReadOnly(read_only)
        for button in self._colors.buttons():
            button.setEnabled(not read_only)
        self._style.setEnabled(not read_only)
        self._delete.setEnabled(not read_only)
        if note is None:
            self._state.setText(self.tr("Choose a note to read or edit it."))
        elif read_only:
            self._state.setText(self.tr("From the “{0}” layer (read-only).").format(note.layer))
        elif not self._unsaved:
            self._state.setText(self.tr("Saved."))
        self.setEnabled(note is not None)

    def focus_text(self) -> None:
        self._text.setFocus()
        self._text.moveCursor(self._text.textCursor().MoveOperation.End)

    # Saving

    def save_now(self) -> None:
        """Write what was typed to the database now (called when typing stops, on switching notes and on close)."""
        self._save_timer.stop()
        if not self._unsaved or self._note_id is None:
            return
        self._unsaved = False
        self._save({"text": self._text.toPlainText(), "tags": self._tags.text().split(",")})

    def _save(self, fields: dict[str, object]) -> None:
        if self._note_id is None:
            return
        try:
            self._annotator.update(self._note_id, **fields)
        except ReaderError as error:
            self._state.setText(str(error))
            return
        self._state.setText(self.tr("Saved."))
        self.saved.emit(self._note_id)

    def _on_typed(self, *_args: object) -> None:
        if self._loading or self._note_id is None or self._text.isReadOnly():
            return
        self._state.setText(self.tr("Editing…"))
        self._unsaved = True
        self._save_timer.start()

    def _on_colors_clicked(self, button: QToolButton) -> None:
        self._save({"color": button.property("color")})

    def _on_style_activated(self, index: int) -> None:
        self._save({"style": self._style.itemData(index)})

    def _on_delete_clicked(self) -> None:
        if self._note_id is not None:
            self.save_now()  # so that undoing the deletion brings back every word typed
            self.delete_requested.emit(self._note_id)

    def _on_annotator_notes_changed(self) -> None:
        """The note's layer was hidden: its note leaves the editor with the rest of the layer (saved first)."""
        note = self._annotator.note(self._note_id) if self._note_id is not None else None
        if note is not None and not self._annotator.is_layer_visible(note.layer):
            self.show_note(None)

    def hideEvent(self, event) -> None:
        self.save_now()
        super().hideEvent(event)
