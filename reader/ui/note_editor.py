"""`NoteEditor`: one note's text, tags, colour and style, saved as each word ends, as typing pauses and on leaving."""

from __future__ import annotations

import re
import unicodedata

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reader.errors import ReaderError
from reader.notes.note import Color, Note, Style
from reader.ui.annotator import Annotator
from reader.ui.error_text import error_text
from reader.ui.note_colors import color_icon

SAVE_DELAY_MS = 120  # a pause this long in typing saves what was typed (a process killed loses no more than it)
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


LONGEST_UNBROKEN = 24  # characters a word may run before the panel may break it (a label wraps only between words)
_BREAK = "\u200b"  # zero width space: a line may break here, nothing is shown
_LONG_RUN = re.compile(rf"\S{{{LONGEST_UNBROKEN + 1},}}")


def breakable(text: str) -> str:
    """`text` with a place to break a line every `LONGEST_UNBROKEN` characters of a longer word, so a quote of one
    long "word" (a web address, text without spaces) wraps inside the panel instead of widening it."""
    return _LONG_RUN.sub(
        lambda run: _BREAK.join(
            run[0][index : index + LONGEST_UNBROKEN] for index in range(0, len(run[0]), LONGEST_UNBROKEN)
        ),
        text,
    )


def _wrapping_label(name: str, parent: QWidget) -> QLabel:
    """A plain-text label that wraps and never asks for more width than the panel has (its text decides its height,
    never the dock's width)."""
    label = QLabel(parent)
    label.setObjectName(name)
    label.setTextFormat(Qt.TextFormat.PlainText)  # never interpret a quote or a layer's name as markup
    label.setWordWrap(True)
    policy = label.sizePolicy()
    policy.setHorizontalPolicy(QSizePolicy.Policy.Ignored)
    label.setSizePolicy(policy)
    label.setMinimumWidth(1)
    return label


class _QuoteArea(QScrollArea):
    """The quote as tall as its lines, up to `MAX_LINES`; a longer one scrolls, and so does any quote when the panel
    is short of room (it gives up lines down to `MIN_LINES`)."""

    MAX_LINES = 6
    MIN_LINES = 2

    def __init__(self, label: QLabel, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("noteQuoteArea")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Maximum)
        self.setWidget(label)
        self._wanted = 0

    def fit(self) -> None:
        """Ask for the height the quote needs at the width there is (between `MIN_LINES` and `MAX_LINES` lines)."""
        label = self.widget()
        needed = label.heightForWidth(self.viewport().width()) if label.text() else 0
        line = self.fontMetrics().lineSpacing()
        frame = 2 * self.frameWidth()
        wanted = max(0, min(needed, line * self.MAX_LINES)) + frame
        if wanted != self._wanted:
            self._wanted = wanted
            self.setMinimumHeight(max(0, min(needed, line * self.MIN_LINES)) + frame)
            self.setMaximumHeight(wanted)
            self.updateGeometry()

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self._wanted)

    def minimumSizeHint(self) -> QSize:
        return QSize(0, self.minimumHeight())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit()


def ends_a_word(character: str) -> bool:
    """True for a space, a line break or punctuation: typing one finishes a word, so the note is saved then."""
    return bool(character) and (character.isspace() or unicodedata.category(character).startswith("P"))


class NoteEditor(QWidget):
    """Edits the chosen note in place. Every change is written to the notes database without a Save button.

    Typing is saved as each word ends, after a short pause, and at once when the text or tags lose the focus (to
    another control, or another window); a colour or style is saved as it is chosen. Never a write per key.
    """

    delete_requested = Signal(str)  # note id
    saved = Signal(str)  # note id, once the change is on disk

    def __init__(self, annotator: Annotator, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noteEditor")
        self.setAccessibleName(self.tr("Note editor"))
        self._annotator = annotator
        self._note_id: str | None = None
        self._note: Note | None = None  # as last shown or saved: what comes back if another program deletes it
        self._told: str | None = None  # what the save state says until the reader types again or chooses a note
        self._loading = False
        self._unsaved = False

        self._place = _wrapping_label("notePlace", self)
        self._place.setAccessibleName(self.tr("Where the note is"))
        self._quote = _wrapping_label("noteQuote", self)
        self._quote.setAccessibleName(self.tr("Highlighted passage"))
        self._quote.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._quote_area = _QuoteArea(self._quote, self)
        self._quote_area.setAccessibleName(self.tr("Highlighted passage"))
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

        self._state = _wrapping_label("noteSaveState", self)
        self._state.setAccessibleName(self.tr("Save state"))
        self._delete = QPushButton(self.tr("Delete"), self)
        self._delete.setObjectName("noteDelete")
        self._delete.setAccessibleName(self.tr("Delete this note"))
        bottom = QHBoxLayout()
        bottom.addWidget(self._state, 1)
        bottom.addWidget(self._delete)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self._place)
        layout.addWidget(self._quote_area)
        layout.addLayout(color_row)
        layout.addWidget(self._text, 1)
        layout.addWidget(self._tags)
        layout.addLayout(bottom)

        self._save_timer = QTimer(self)
        self._save_timer.setObjectName("noteSaveTimer")
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self.save_now)
        self._text.textChanged.connect(self._on_text_changed)
        self._tags.textEdited.connect(self._on_tags_edited)
        self._tags.editingFinished.connect(self.save_now)
        self._text.installEventFilter(self)
        self._tags.installEventFilter(self)
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
            self._note = note
            self._show_place(note, place)
            return
        self.save_now()
        self._loading = True
        self._note_id = note.id if note is not None else None
        self._note = note
        self._told = None
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
        self._place.setText(breakable(place))
        shown = f"“{quote[:QUOTE_LIMIT]}…”" if len(quote) > QUOTE_LIMIT else f"“{quote}”" if quote else ""
        self._quote.setText(breakable(shown))
        self._quote_area.fit()
        self._text.setReadOnly(read_only)
        self._tags.setReadOnly(read_only)
        for button in self._colors.buttons():
            button.setEnabled(not read_only)
        self._style.setEnabled(not read_only)
        self._delete.setEnabled(not read_only)
        if note is None:
            self._state.setText(self.tr("Choose a note to read or edit it."))
        elif read_only:
            self._state.setText(breakable(self.tr("From the “{0}” layer (read-only).").format(note.layer)))
        elif not self._unsaved:
            self._state.setText(self._told or self.tr("Saved."))
        self.setEnabled(note is not None)

    def last_in_tab_order(self) -> QWidget:
        """The editor's last control Tab reaches (what comes after the editor goes after it)."""
        return self._delete

    def focus_text(self) -> None:
        self._text.setFocus()
        self._text.moveCursor(self._text.textCursor().MoveOperation.End)

    # Saving

    def save_now(self) -> None:
        """Write what was typed to the database now (as a word ends or typing pauses, on leaving the text, on
        switching notes and on close); nothing when all is saved."""
        self._save_timer.stop()
        if not self._unsaved or self._note_id is None:
            return
        self._unsaved = False
        self._save({"text": self._text.toPlainText(), "tags": self._tags.text().split(",")})

    def _save(self, fields: dict[str, object]) -> None:
        if self._note_id is None:
            return
        try:
            self._note = self._annotator.update(self._note_id, **fields)
        except ReaderError as error:
            if "text" not in fields or not self._put_back(fields):
                self._state.setText(error_text(error))
            return
        self._state.setText(self.tr("Saved."))
        self.saved.emit(self._note_id)

    def _put_back(self, fields: dict[str, object]) -> bool:
        """Another program deleted the note being typed in (a command run beside the window): rather than lose what
        was typed, put the note back with it, and say so. False when the note is still there."""
        if self._note is None:
            return False
        try:
            kept = self._annotator.put_back(self._note, **fields)
        except ReaderError as error:
            self._state.setText(error_text(error))
            return True
        if kept is None:
            return False
        self._note = kept
        self._told = self.tr("Another program deleted this note; it was put back with what you typed.")
        self._state.setText(self._told)
        self.saved.emit(kept.id)
        return True

    def _on_text_changed(self) -> None:
        position = self._text.textCursor().position()
        self._typed(self._text.document().characterAt(position - 1) if position else "")

    def _on_tags_edited(self, text: str) -> None:
        position = self._tags.cursorPosition()
        self._typed(text[position - 1] if 0 < position <= len(text) else "")

    def _typed(self, last: str) -> None:
        """Something was typed, `last` the character before the cursor: save now if it ends a word, else soon."""
        if self._loading or self._note_id is None or self._text.isReadOnly():
            return
        self._state.setText(self.tr("Editing…"))
        self._told = None
        self._unsaved = True
        if ends_a_word(last):
            self.save_now()
        else:
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

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut:  # to another control or, with the window, to another program
            self.save_now()
        return False

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.ActivationChange and not self.isActiveWindow():
            self.save_now()
        super().changeEvent(event)

    def hideEvent(self, event) -> None:
        self.save_now()
        super().hideEvent(event)
