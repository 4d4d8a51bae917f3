"""`QuestionDialog` and `ask_text`: one question answered in a line of text, the question wrapped to the screen."""

from __future__ import annotations

import unicodedata

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from reader.ui.accessibility import name_unnamed_parts
from reader.ui.password_field import password_field
from reader.ui.vertical_scroller import VerticalScroller
from reader.ui.window_state import fit_on_screen

ZERO_WIDTH_SPACE = "\u200b"
LONG_RUN = 24  # characters without a space: a file's name, say, that may break anywhere rather than widen the dialog
FIELD_CHARACTERS = 32  # the answer's field is at least this many average characters wide, where the screen allows
LINE_CHARACTERS = 80  # a question shorter than this stays on one line, where the screen allows; a longer one wraps
# Characters a break must never go before or after: marks belong to the letter before them, and format characters
# (directional isolates, joiners) to the text around them.
_UNBREAKABLE = frozenset({"Mn", "Mc", "Me", "Cf"})


def breakable(text: str) -> str:
    """`text` as shown: each run of LONG_RUN characters or more without a space may break between any two of its
    characters (a zero-width space between them), so a long file name wraps instead of widening its line."""
    return " ".join(_breakable_run(run) if len(run) >= LONG_RUN else run for run in text.split(" "))


def _breakable_run(run: str) -> str:
    shown: list[str] = []
    for before, after in zip(run, run[1:] + " ", strict=True):
        shown.append(before)
        if after != " " and not ({unicodedata.category(before), unicodedata.category(after)} & _UNBREAKABLE):
            shown.append(ZERO_WIDTH_SPACE)
    return "".join(shown)


class QuestionDialog(QDialog):
    """Asks `question` (its title `title`), proposing `text`; the answer is typed in plainly, or unseen as a
    passphrase. As wide as the free area of its parent's screen allows at most: a long question wraps."""

    def __init__(
        self, title: str, question: str, text: str = "", password: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("questionDialog")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setAccessibleDescription(question)
        self.label = QLabel(breakable(question), self)
        self.label.setObjectName("questionLabel")
        self.label.setAccessibleName(question)  # as written: no zero-width spaces
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)
        self.label.setAlignment(Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignTop)
        # On a tiny screen at a large text size even the wrapped question may not fit: then it scrolls, and the
        # field and buttons stay in view.
        self._scroller = VerticalScroller(self.label, self)
        self._scroller.setObjectName("questionScroller")
        self._scroller.setAccessibleName(question)
        if password:
            self.field = password_field(self, "questionField", question)
        else:
            self.field = QLineEdit(self)
            self.field.setObjectName("questionField")
            self.field.setAccessibleName(question)
        self.label.setBuddy(self.field)
        self.field.setText(text)
        self.field.selectAll()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, parent=self
        )
        self.buttons.setObjectName("questionButtons")
        self.buttons.setAccessibleName(title)
        for standard, name in (
            (QDialogButtonBox.StandardButton.Ok, "questionOk"),
            (QDialogButtonBox.StandardButton.Cancel, "questionCancel"),
        ):
            button = self.buttons.button(standard)
            button.setObjectName(name)
            button.setAccessibleName(button.text().replace("&", ""))  # Qt's own words, in the interface's language
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setDefault(True)  # Enter answers
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self._scroller, 1)
        layout.addWidget(self.field)
        layout.addWidget(self.buttons)
        self._fit_width()
        name_unnamed_parts(self)  # the question's scroll bar
        self.field.setFocus()
        self._fit_height()

    def answer(self) -> str:
        return self.field.text()

    def _fit_height(self) -> None:
        """As tall as the wrapped question needs, centred on the parent; where the screen is too short for that, as
        tall as it allows, the question scrolling."""
        self._scroller.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._scroller.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # nothing to scroll: no stop for Tab
        hint = self.sizeHint()
        margins = self.layout().contentsMargins()
        width = min(hint.width() - margins.left() - margins.right(), self.label.maximumWidth())
        # The hint keeps room for a scroll bar; with none, the question is that much wider, maybe a line shorter.
        wanted = QSize(hint.width(), hint.height() - self.label.sizeHint().height() + self.label.heightForWidth(width))
        fit_on_screen(self, wanted)
        if self.height() < wanted.height():
            self._scroller.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
            self._scroller.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # Tab to it, then the arrows scroll
            fit_on_screen(self, hint)

    def _fit_width(self) -> None:
        """The question wraps within the free width of the parent's screen (less the dialog's margins, the window's
        frame and a scroll bar); the field asks for room for a short question on one line, or a readable line of a long
        one, within the same room."""
        parent = self.parentWidget()
        anchor = parent.window() if parent is not None else None
        screen = (anchor or self).screen() or QGuiApplication.primaryScreen()
        if screen is None:
            return
        margins = self.layout().contentsMargins()
        frame = anchor.frameGeometry().width() - anchor.width() if anchor is not None and anchor.isVisible() else 0
        room = max(1, screen.availableGeometry().width() - margins.left() - margins.right() - frame)
        self.label.setMaximumWidth(max(1, room - self._scroller.verticalScrollBar().sizeHint().width()))
        metrics = self.label.fontMetrics()
        character = max(1, metrics.averageCharWidth())
        one_line = metrics.horizontalAdvance(self.label.accessibleName()) + character
        wanted = max(FIELD_CHARACTERS, min(one_line // character, LINE_CHARACTERS))
        # The field sets the dialog's width; the question, as wide as the dialog, wraps only when it must.
        self.field.setMinimumWidth(min(room, character * wanted))


def ask_text(parent: QWidget | None, title: str, question: str, text: str = "", password: bool = False) -> str | None:
    """Ask `question` in a `QuestionDialog` over `parent`; the text typed, or None when the reader cancels."""
    dialog = QuestionDialog(title, question, text, password, parent)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.answer()
    finally:
        dialog.field.clear()  # a passphrase is not kept in a widget waiting to be deleted
        dialog.deleteLater()
