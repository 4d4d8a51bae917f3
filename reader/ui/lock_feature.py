"""`LockFeature`: the privacy lock in the window: lock now, unlock, lock when idle, its settings, and erasing."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDockWidget,
    QLabel,
    QPushButton,
    QStatusBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reader.errors import ReaderError
from reader.lock.key_file import LockError, LockSettings, check_new_passphrase
from reader.lock.privacy import Privacy, WrongPassphraseError
from reader.prefs import Preferences
from reader.ui.actions import ActionName, Actions
from reader.ui.background_call import Answer, in_background, plain_outcome
from reader.ui.busy import busy
from reader.ui.docks import bring_forward, fill_dock
from reader.ui.error_text import error_text

if TYPE_CHECKING:
    from reader.ui.erase_dialog import EraseDialog

MS_PER_MINUTE = 60_000  # tests make minutes short
_ACTIVITY = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)


class LockFeature(QObject):
    """Locks and unlocks the notes, locks them after some idle minutes, and switches or erases the lock.

    It never touches the notes itself: it emits `notes_closing` when the notes must be closed now (before
    locking, switching the lock on or off, or erasing) and `notes_available` when they may be opened again
    (after unlocking, switching, erasing, or an attempt that failed). `locked` and `unlocked` follow, and
    `message(text, milliseconds)` is for the status line, where `indicator` shows whether they are locked.
    """

    notes_closing = Signal()
    notes_available = Signal()
    locked = Signal()
    unlocked = Signal()
    erased = Signal()  # everything the reader wrote is gone: forget what the window still shows of it
    message = Signal(str, int)

    def __init__(
        self,
        privacy: Privacy,
        prefs: Preferences,
        actions: Actions,
        notes_dock: QDockWidget,
        status_bar: QStatusBar,
        parent: QObject | None = None,
        prepare_notes: Callable[[], None] = lambda: None,
    ) -> None:
        """`prepare_notes` is called on a worker thread once the lock was opened or switched, before the notes open
        again (`AppObjects.prepare_notes`)."""
        super().__init__(parent)
        self.setObjectName("lockFeature")
        self._privacy = privacy
        self._prefs = prefs
        self._actions = actions
        self._dock = notes_dock
        self._dialogs: list[QDialog] = []
        self._switching = False
        self._prepare_notes = prepare_notes
        self._watching = False
        self._idle = QTimer(self)
        self._idle.setObjectName("autoLockTimer")
        self._idle.setSingleShot(True)
        self._idle.timeout.connect(self._on_idle_timeout)
        self.indicator = QToolButton(status_bar)
        self.indicator.setObjectName("lockIndicator")
        self.indicator.setAutoRaise(True)
        self.indicator.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.indicator.clicked.connect(self._on_indicator_clicked)
        status_bar.addPermanentWidget(self.indicator)

        actions[ActionName.LOCK_NOW].triggered.connect(self.lock_now)
        actions[ActionName.UNLOCK].triggered.connect(self.ask_to_unlock)
        actions[ActionName.PRIVACY_LOCK].triggered.connect(self._on_privacy_lock_triggered)
        actions[ActionName.ERASE_ALL].triggered.connect(self._on_erase_all_triggered)
        actions[ActionName.FOCUS_NOTES].triggered.connect(self._on_focus_notes_triggered)
        self._update()

    @property
    def is_on(self) -> bool:
        return self._privacy.is_on

    @property
    def is_locked(self) -> bool:
        return self._privacy.is_locked

    @property
    def settings(self) -> LockSettings:
        try:
            return self._privacy.settings
        except LockError:
            return LockSettings()

    def close(self) -> None:
        """Stop watching for activity (the window is closing)."""
        self._idle.stop()
        self._watch_activity(False)

    # Locking and unlocking

    def lock_now(self) -> None:
        """Close the notes and forget the key; nothing of the notes stays on screen."""
        if self._switching or not self._privacy.is_on or self._privacy.is_locked:
            return
        self._close_dialogs()
        self.notes_closing.emit()
        try:
            self._prefs.close_private()
        except ReaderError as error:  # the reading position could not be saved: lock all the same
            # A read-only folder (a copy on read-only media) is known not to keep it: nothing to tell then.
            if self._privacy.is_writable:
                self.message.emit(error_text(error), 8000)
        self._privacy.lock()
        self._update()
        self.locked.emit()

    def ask_to_unlock(self) -> None:
        """Open the unlock dialog (or bring it forward)."""
        if self._switching or not self._privacy.is_locked:
            return
        from reader.ui.unlock_dialog import UnlockDialog

        for dialog in self._dialogs:
            if isinstance(dialog, UnlockDialog):
                dialog.raise_()
                dialog.activateWindow()
                return
        self._open_dialog(UnlockDialog(self._try_unlock, self._dock.window()))

    def _try_unlock(self, passphrase: str, answer: Answer) -> None:
        """The unlock dialog's attempt, made off the UI thread (scrypt, and reading or writing the lock's file);
        `answer` is told None once the notes are open, else the line to show."""

        in_background(
            self,
            self._then_prepared(lambda: self._privacy.unlock(passphrase)),
            answer,
            self.tr("The passphrase could not be checked; the notes stay locked."),
            self._unlock_outcome,
        )

    def _unlock_outcome(self, error: ReaderError | None) -> str | None:
        if error is None:
            self._after_opening()
            return None
        if isinstance(error, WrongPassphraseError) and not self._privacy.is_on:
            self.message.emit(error_text(error), 8000)  # too many wrong tries: everything was erased
            self._after_opening()
            return None
        return error_text(error)

    def _after_opening(self) -> None:
        """The lock was opened (or erased by the erase passphrase, which must look the same)."""
        try:
            if self._privacy.is_on:
                self._prefs.open_private(self._privacy.key)  # type: ignore[arg-type]
            else:
                self._forget_erased_prefs()
        except ReaderError as error:
            self.message.emit(error_text(error), 8000)
        self._update()
        self.notes_available.emit()
        self.unlocked.emit()

    def _forget_erased_prefs(self) -> None:
        self._prefs.forget_erased()
        self.erased.emit()

    # Switching the lock, off the UI thread: the notes close first and open again once it has ended, whatever
    # happened (a failure changes nothing); `answer` is told None when it worked, else the line to show.

    def turn_on(self, passphrase: str, settings: LockSettings, answer: Answer) -> None:
        try:  # a passphrase the lock refuses is told at once, the notes left open
            check_new_passphrase(passphrase)
        except LockError as error:
            answer(error_text(error))
            return
        self._switch_in_background(
            lambda: self._privacy.enable(passphrase, settings, self._prefs),
            answer,
            self.tr("The privacy lock is on. Ctrl+L locks your notes now."),
        )

    def turn_off(self, passphrase: str, answer: Answer) -> None:
        self._switch_in_background(
            lambda: self._privacy.disable(passphrase, self._prefs),
            answer,
            self.tr("The privacy lock is off; your notes are kept."),
        )

    @property
    def is_switching(self) -> bool:
        """Whether the lock is being turned on or off (the notes are closed meanwhile)."""
        return self._switching

    def _switch_in_background(self, work: Callable[[], None], answer: Answer, done: str) -> None:
        """Every note is sealed or unsealed and the lock's key made or checked (scrypt): half a second or more with
        many notes. Meanwhile locking, unlocking and erasing wait; the window keeps answering."""
        if self._switching:
            answer(self.tr("The lock is being switched already."))
            return
        self._switching = True
        self._idle.stop()
        self.notes_closing.emit()

        def answered(problem: str | None) -> None:  # told however the switch ended, even after a bug
            self._switching = False
            self._update()
            if not self._privacy.is_locked:
                self.notes_available.emit()
            if problem is None:
                self.message.emit(done, 8000)
            answer(problem)

        crash_line = self.tr("The lock could not be switched.")
        in_background(self, self._then_prepared(work), answered, crash_line, plain_outcome)

    def _then_prepared(self, work: Callable[[], None]) -> Callable[[], None]:
        """`work` (opening or switching the lock), then, when it worked, what makes the notes quick to open again
        (`prepare_notes`): both on the worker, as the notes open on the UI thread just after."""

        def run() -> None:
            work()
            self._prepare_notes()

        return run

    # These three check the passphrase and rewrite the lock's file off the UI thread; `answer` is told the outcome.

    def change_passphrase(self, passphrase: str, new_passphrase: str, answer: Answer) -> None:
        self._change_in_background(lambda: self._privacy.change_passphrase(passphrase, new_passphrase), answer)

    def set_erase_passphrase(self, passphrase: str, erase_passphrase: str | None, answer: Answer) -> None:
        self._change_in_background(lambda: self._privacy.set_erase_passphrase(passphrase, erase_passphrase), answer)

    def change_settings(self, passphrase: str, settings: LockSettings, answer: Answer) -> None:
        self._change_in_background(lambda: self._privacy.change_settings(passphrase, settings), answer)

    def _change_in_background(self, work: Callable[[], None], answer: Answer) -> None:
        in_background(self, work, answer, self.tr("The change could not be made."), self._changed)

    def _changed(self, error: ReaderError | None) -> str | None:
        self._update()
        return plain_outcome(error)

    def _checked(self, work: Callable[[], None]) -> str | None:
        try:
            with busy():
                work()
        except ReaderError as error:
            return error_text(error)
        finally:
            self._update()
        return None

    # Erasing

    def erase_all(self) -> str | None:
        """Erase the notes, their backups, the reading position, caches and the lock; the report stays."""
        if self._switching:  # its files are being rewritten: erasing now could leave some behind
            return self.tr("The lock is being switched; nothing was erased. Try again in a moment.")
        self._close_dialogs()
        was_locked = self._privacy.is_locked
        self.notes_closing.emit()
        error = self._checked(self._privacy.erase)
        if error is None:
            with contextlib.suppress(ReaderError):
                self._forget_erased_prefs()
        if self._privacy.is_locked:
            return error  # erasing failed before the lock's key went: the notes stay locked
        self._update()
        self.notes_available.emit()
        if was_locked:
            self.unlocked.emit()
        return error

    # Reacting

    def _on_indicator_clicked(self) -> None:
        if self._privacy.is_locked:
            self.ask_to_unlock()
        else:
            self.lock_now()

    def _on_idle_timeout(self) -> None:
        self.lock_now()

    def _on_focus_notes_triggered(self) -> None:
        if self._privacy.is_locked:
            bring_forward(self._dock)
            button = self._dock.findChild(QPushButton, "notesUnlockButton")
            if button is not None:
                button.setFocus()

    def _on_privacy_lock_triggered(self) -> None:
        if self._privacy.is_locked:
            self.ask_to_unlock()
            return
        from reader.ui.privacy_dialog import PrivacyDialog

        self._open_dialog(PrivacyDialog(self, self._dock.window()))

    def _on_erase_all_triggered(self) -> None:
        from reader.ui.erase_dialog import EraseDialog

        dialog = EraseDialog(self._dock.window())
        self._open_dialog(dialog)  # first, so that it is no longer listed as open when the answer comes
        dialog.finished.connect(lambda _result: self._on_erase_dialog_finished(dialog))

    def _on_erase_dialog_finished(self, dialog: EraseDialog) -> None:
        if not dialog.confirmed:
            return
        error = self.erase_all()
        if error is not None:
            from reader.ui.errors import show_error

            show_error(self._dock.window(), error)
        else:
            self.message.emit(self.tr("Your notes and history were erased. The report stays."), 8000)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY and self._idle.isActive():
            self._idle.start()  # any key or mouse use starts the idle time again
        return False

    # The window's state

    def _update(self) -> None:
        """Actions, indicator, idle timer and the notes panel's locked state, as the lock is now."""
        on, locked = self._privacy.is_on, self._privacy.is_locked
        self._actions[ActionName.LOCK_NOW].setEnabled(on and not locked)
        self._actions[ActionName.UNLOCK].setEnabled(locked)
        self.indicator.setVisible(on)
        if locked:
            self.indicator.setText(self.tr("Notes Locked"))
            self.indicator.setAccessibleName(self.tr("Notes are locked; unlock them"))
            self.indicator.setToolTip(self.tr("Your notes are locked. Click to unlock them (Ctrl+L)."))
        else:
            self.indicator.setText(self.tr("Lock Notes"))
            self.indicator.setAccessibleName(self.tr("Notes are open; lock them now"))
            self.indicator.setToolTip(self.tr("Lock your notes now (Ctrl+L)."))
        minutes = self.settings.auto_lock_minutes if on and not locked else 0
        if minutes:
            self._idle.setInterval(minutes * MS_PER_MINUTE)
            self._idle.start()
        else:
            self._idle.stop()
        self._watch_activity(bool(minutes))
        if locked:
            fill_dock(self._dock, self._locked_panel())

    def _watch_activity(self, watch: bool) -> None:
        app = QApplication.instance()
        if app is None or watch == self._watching:
            return
        self._watching = watch
        if watch:
            app.installEventFilter(self)
        else:
            app.removeEventFilter(self)

    def _locked_panel(self) -> QWidget:
        panel = QWidget(self._dock)
        panel.setObjectName("notesLockedPanel")
        panel.setAccessibleName(self.tr("Notes are locked"))
        title = QLabel(self.tr("Notes are locked"), panel)
        title.setObjectName("notesLockedTitle")
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        explanation = QLabel(self.tr("Unlock them with your passphrase to read, search or add notes."), panel)
        explanation.setObjectName("notesLockedExplanation")
        explanation.setWordWrap(True)
        button = QPushButton(self.tr("&Unlock…"), panel)
        button.setObjectName("notesUnlockButton")
        button.setAccessibleName(self.tr("Unlock notes"))
        button.clicked.connect(self.ask_to_unlock)
        layout = QVBoxLayout(panel)
        layout.addStretch(1)
        for widget in (title, explanation, button):
            layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)
        explanation.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        return panel

    def _open_dialog(self, dialog: QDialog) -> None:
        self._dialogs.append(dialog)
        dialog.finished.connect(lambda _result: self._on_dialog_finished(dialog))
        dialog.open()

    def _on_dialog_finished(self, dialog: QDialog) -> None:
        if dialog in self._dialogs:
            self._dialogs.remove(dialog)
        dialog.deleteLater()

    def _close_dialogs(self) -> None:
        """Close menus, popups and dialogs before the notes close (one may show a note)."""
        for _ in range(20):
            popup = QApplication.activePopupWidget()
            if popup is None:
                break
            popup.close()
        for dialog in list(self._dialogs):
            dialog.reject()
        for _ in range(20):
            modal = QApplication.activeModalWidget()
            if not isinstance(modal, QDialog):
                break
            modal.reject()
