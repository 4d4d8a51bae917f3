"""`PrivacyDialog`: turn the privacy lock on or off, change its passphrase, erase passphrase and settings."""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from reader.lock.key_file import MIN_PASSPHRASE, LockError, LockSettings
from reader.ui.accessibility import announce
from reader.ui.background_call import Answer
from reader.ui.error_text import error_text
from reader.ui.password_field import password_field
from reader.ui.vertical_scroller import VerticalScroller
from reader.ui.window_state import fit_on_screen

if TYPE_CHECKING:
    from reader.ui.lock_feature import LockFeature

Work = Callable[[Answer], None]
"""A page's change: it tells `Answer` its line, or None, at once or once it has ended."""
_DIFFERENT = QT_TRANSLATE_NOOP("PrivacyDialog", "The two new passphrases differ; nothing was changed.")


class PrivacyDialog(QDialog):
    """With the lock off, one page turns it on; with it on, tabs change it or turn it off.

    Every change goes through the `LockFeature` and its outcome is one line under the pages (`result`).
    """

    def __init__(self, lock: LockFeature, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("privacyDialog")
        self.setAccessibleName(self.tr("Privacy lock"))
        self.setWindowTitle(self.tr("Privacy Lock"))
        self._lock = lock
        layout = QVBoxLayout(self)
        if lock.is_on:
            tabs = QTabWidget(self)
            tabs.setObjectName("privacyTabs")
            tabs.setAccessibleName(self.tr("Privacy lock settings"))
            tabs.addTab(self._scrolling(self._settings_page()), self.tr("&Settings"))
            tabs.addTab(self._scrolling(self._passphrase_page()), self.tr("&Passphrase"))
            tabs.addTab(self._scrolling(self._erase_page()), self.tr("&Erase Passphrase"))
            tabs.addTab(self._scrolling(self._off_page()), self.tr("Turn &Off"))
            layout.addWidget(tabs, 1)
            self._content: QWidget = tabs
        else:
            self._content = self._scrolling(self._on_page())
            layout.addWidget(self._content, 1)
        self._working = False
        self._focus_before: QWidget | None = None
        self.result_line = QLabel(self)
        self.result_line.setObjectName("privacyResult")
        self.result_line.setAccessibleName(self.tr("What happened"))
        self.result_line.setTextFormat(Qt.TextFormat.PlainText)
        self.result_line.setWordWrap(True)
        self.result_line.setStyleSheet("font-weight: bold;")
        self.result_line.hide()
        layout.addWidget(self.result_line)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, parent=self)
        close = self._close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setObjectName("privacyClose")
        close.setAccessibleName(self.tr("Close"))
        # Enter never closes the dialog: in a page's passphrase fields it goes to the next field, then runs the
        # page's action (see `_push`). A Close that Enter pressed would leave a reader who meant to turn the lock
        # on with their notes unencrypted, and no word said.
        close.setAutoDefault(False)
        close.setDefault(False)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)
        fit_on_screen(self, self.sizeHint())

    # Pages

    def _on_page(self) -> QWidget:
        page, form = self._page("privacyOnPage")
        intro = self._note(
            self.tr(
                "The lock keeps your notes and reading position encrypted. "
                "They open only with your passphrase, and close again when you lock them or leave "
                "the computer idle."
            )
        )
        warning = self._note(
            self.tr("If you forget the passphrase, your notes cannot be recovered. Nobody can reset it."),
            "privacyWarning",
        )
        warning.setStyleSheet("font-weight: bold;")
        form.addRow(intro)
        passphrase = password_field(self, "privacyNewPassphrase", self.tr("New passphrase"))
        repeat = password_field(self, "privacyRepeatPassphrase", self.tr("New passphrase again"))
        minutes, tries = self._auto_lock(10), self._erase_after(0)
        form.addRow(self.tr("&Passphrase (at least {0} characters):").format(MIN_PASSPHRASE), passphrase)
        form.addRow(self.tr("&Again:"), repeat)
        form.addRow(self.tr("&Lock when idle after:"), minutes)
        form.addRow(self.tr("E&rase notes after:"), tries)
        form.addRow(warning)

        def turn_on(answer: Answer) -> None:
            if passphrase.text() != repeat.text():
                answer(self.tr(_DIFFERENT))
                return
            self._lock.turn_on(passphrase.text(), LockSettings(minutes.value(), tries.value()), answer)

        self._button(
            form,
            "privacyTurnOn",
            self.tr("&Turn Lock On"),
            turn_on,
            (passphrase, repeat),
            closes=True,
            working=self.tr("Turning the lock on and encrypting your notes…"),
        )
        return page

    def _settings_page(self) -> QWidget:
        page, form = self._page("privacySettingsPage")
        settings = self._lock.settings
        minutes = self._auto_lock(settings.auto_lock_minutes)
        tries = self._erase_after(settings.erase_after_tries)
        passphrase = password_field(self, "privacySettingsPassphrase", self.tr("Passphrase"))
        form.addRow(self.tr("&Lock when idle after:"), minutes)
        form.addRow(self.tr("E&rase notes after:"), tries)
        form.addRow(self.tr("Pass&phrase:"), passphrase)

        def save(answer: Answer) -> None:
            settings = LockSettings(minutes.value(), tries.value())
            self._lock.change_settings(
                passphrase.text(), settings, self._or(answer, self.tr("The settings were saved."))
            )

        self._button(form, "privacySaveSettings", self.tr("Sa&ve Settings"), save, (passphrase,))
        return page

    def _passphrase_page(self) -> QWidget:
        page, form = self._page("privacyPassphrasePage")
        old = password_field(self, "privacyOldPassphrase", self.tr("Current passphrase"))
        new = password_field(self, "privacyChangedPassphrase", self.tr("New passphrase"))
        repeat = password_field(self, "privacyChangedAgain", self.tr("New passphrase again"))
        form.addRow(self.tr("&Current passphrase:"), old)
        form.addRow(self.tr("&New passphrase:"), new)
        form.addRow(self.tr("&Again:"), repeat)
        form.addRow(self._note(self.tr("Your notes stay as they are; only the passphrase that opens them changes.")))

        def change(answer: Answer) -> None:
            if new.text() != repeat.text():
                answer(self.tr(_DIFFERENT))
                return
            self._lock.change_passphrase(
                old.text(), new.text(), self._or(answer, self.tr("The passphrase was changed."))
            )

        self._button(form, "privacyChangePassphrase", self.tr("C&hange Passphrase"), change, (old, new, repeat))
        return page

    def _erase_page(self) -> QWidget:
        page, form = self._page("privacyErasePage")
        form.addRow(
            self._note(
                self.tr(
                    "An erase passphrase is a second passphrase for when you are forced to unlock. "
                    "Entering it instead of your passphrase erases all notes without a sign: the reader "
                    "then looks freshly installed."
                )
            )
        )
        passphrase = password_field(self, "privacyErasePassphraseCurrent", self.tr("Your passphrase"))
        erase = password_field(self, "privacyErasePassphrase", self.tr("Erase passphrase"))
        repeat = password_field(self, "privacyErasePassphraseAgain", self.tr("Erase passphrase again"))
        form.addRow(self.tr("Your &passphrase:"), passphrase)
        form.addRow(self.tr("E&rase passphrase:"), erase)
        form.addRow(self.tr("&Again:"), repeat)

        def set_it(answer: Answer) -> None:
            if erase.text() != repeat.text():
                answer(self.tr("The two erase passphrases differ; nothing was changed."))
                return
            done = self._or(answer, self.tr("The erase passphrase was set."))
            self._lock.set_erase_passphrase(passphrase.text(), erase.text(), done)

        def remove_it(answer: Answer) -> None:
            done = self._or(answer, self.tr("There is no erase passphrase now."))
            self._lock.set_erase_passphrase(passphrase.text(), None, done)

        row = QHBoxLayout()
        fields = (passphrase, erase, repeat)
        row.addWidget(self._push("privacySetErase", self.tr("&Set Erase Passphrase"), set_it, fields))
        remove = self._push(
            "privacyRemoveErase", self.tr("Re&move Erase Passphrase"), remove_it, fields, on_enter=False
        )
        row.addWidget(remove)
        row.addStretch(1)
        form.addRow(row)
        return page

    def _off_page(self) -> QWidget:
        page, form = self._page("privacyOffPage")
        form.addRow(
            self._note(self.tr("Turning the lock off keeps your notes, stored without encryption from then on."))
        )
        passphrase = password_field(self, "privacyOffPassphrase", self.tr("Passphrase"))
        form.addRow(self.tr("Pass&phrase:"), passphrase)
        self._button(
            form,
            "privacyTurnOff",
            self.tr("Turn Lock O&ff"),
            lambda answer: self._lock.turn_off(passphrase.text(), answer),
            (passphrase,),
            closes=True,
            working=self.tr("Checking the passphrase and turning the lock off…"),
        )
        return page

    # Parts

    def _scrolling(self, page: QWidget) -> QWidget:
        """The page in a scroll area: at a large text size or on a small screen its explanations and fields scroll
        rather than be squeezed over one another."""
        scroller = VerticalScroller(page, self)
        scroller.setObjectName(page.objectName() + "Scroller")
        scroller.setAccessibleName(self.tr("Privacy lock settings"))
        return scroller

    def _page(self, name: str) -> tuple[QWidget, QFormLayout]:
        page = QWidget(self)
        page.setObjectName(name)
        form = QFormLayout(page)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        return page, form

    def _note(self, text: str, name: str = "") -> QLabel:
        label = QLabel(text, self)
        label.setObjectName(name or "privacyExplanation")
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        return label

    def _auto_lock(self, value: int) -> QSpinBox:
        box = QSpinBox(self)
        box.setObjectName("privacyAutoLock")
        box.setAccessibleName(self.tr("Lock when idle after this many minutes (0: never)"))
        box.setRange(0, 24 * 60)
        box.setSuffix(self.tr(" minutes"))
        box.setSpecialValueText(self.tr("Never"))
        box.setValue(value)
        return box

    def _erase_after(self, value: int) -> QSpinBox:
        """0 (never) or 3 to 100 wrong passphrases: 1 and 2 are stepped over."""
        box = QSpinBox(self)
        box.setObjectName("privacyEraseAfter")
        box.setAccessibleName(self.tr("Erase the notes after this many wrong passphrases (0: never)"))
        box.setRange(0, 100)
        box.setSuffix(self.tr(" wrong passphrases"))
        box.setSpecialValueText(self.tr("Never"))
        box.setValue(value)
        last = [value]

        def skip(now: int) -> None:
            if now in (1, 2):
                box.setValue(3 if last[0] < now else 0)
                return
            last[0] = now

        box.valueChanged.connect(skip)
        return box

    def _push(
        self,
        name: str,
        label: str,
        work: Work,
        fields: tuple[QLineEdit, ...],
        closes: bool = False,
        working: str | None = None,
        on_enter: bool = True,
    ) -> QPushButton:
        """The button doing a page's change; with `on_enter`, Enter in each of `fields` but the last goes to the
        next one, and in the last presses the button. `working`: see `_run`."""
        button = QPushButton(label, self)
        button.setObjectName(name)
        button.setAccessibleName(label.replace("&", ""))
        button.setAutoDefault(False)
        button.clicked.connect(lambda: self._run(work, fields, closes, working))
        if on_enter and fields:
            for field, following in pairwise(fields):
                field.returnPressed.connect(following.setFocus)
            fields[-1].returnPressed.connect(button.click)
        return button

    def _button(
        self,
        form: QFormLayout,
        name: str,
        label: str,
        work: Work,
        fields: tuple[QLineEdit, ...],
        closes: bool = False,
        working: str | None = None,
    ) -> None:
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self._push(name, label, work, fields, closes, working))
        form.addRow(row)

    def _run(self, work: Work, fields: tuple[QLineEdit, ...], closes: bool, working: str | None) -> None:
        """Do one change; show its line. A change that switched the lock closes the dialog when it worked.

        A change that checks the passphrase or switches the lock is made off the UI thread: until it has ended the
        dialog says so (`working`, else that it checks the passphrase), and its pages and Close wait (closing it
        would not stop the change, only hide how it ended).
        """
        if self._working:
            return
        answered = False

        def answer(outcome: str | None) -> None:
            nonlocal answered
            answered = True
            self._on_outcome(outcome, fields, closes)

        try:
            work(answer)
        except LockError as error:  # settings out of range, say: nothing was begun
            answer(error_text(error))
        if not answered:  # it goes on off the UI thread
            self._set_working(True, working)

    def _on_outcome(self, outcome: str | None, fields: tuple[QLineEdit, ...], closes: bool) -> None:
        if self._working:
            self._set_working(False)
        for field in fields:
            field.clear()
        if closes and outcome is None:
            self.accept()
            return
        self.result_line.setText(outcome or "")
        self.result_line.setVisible(bool(outcome))
        if outcome:
            announce(self.result_line, outcome)

    def _set_working(self, working: bool, line: str | None = None) -> None:
        self._working = working
        if working:  # disabling them takes the focus away: it is given back where it was
            self._focus_before = self.focusWidget()
        self._content.setEnabled(not working)
        self._close.setEnabled(not working)
        if not working and self._focus_before is not None:
            self._focus_before.setFocus()
            self._focus_before = None
        if working:
            checking = line or self.tr("Checking the passphrase…")
            self.result_line.setText(checking)
            self.result_line.setVisible(True)
            announce(self.result_line, checking)

    def _or(self, answer: Answer, done: str) -> Answer:
        """`answer`, told `done` instead of None (a change that worked says so in its own words)."""
        return lambda problem: answer(problem or done)

    def reject(self) -> None:
        if not self._working:
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._working:
            event.ignore()
            return
        super().closeEvent(event)
