"""`NotesFeature`: highlights painted in the document, the notes panel, undo, import and export."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDockWidget, QMenu

from reader.content import Report
from reader.errors import ReaderError
from reader.notes.note import Color, Note
from reader.notes.store import NoteStore
from reader.ui.actions import ACTION_SPECS, ActionName, Actions, shortcut_text
from reader.ui.annotation_toolbar import chosen_color, chosen_style
from reader.ui.annotator import Annotator
from reader.ui.backup_purger import BackupPurger
from reader.ui.dialog_folders import DialogFolders
from reader.ui.docks import bring_forward, fill_dock
from reader.ui.document_view import DocumentView
from reader.ui.error_text import error_text
from reader.ui.folding_header import FoldMemory
from reader.ui.note_editor import COLOR_LABELS, STYLE_LABELS
from reader.ui.note_highlighter import LAYER_NAME, NoteHighlighter
from reader.ui.notes_panel import NotesPanel

if TYPE_CHECKING:
    from reader.notes.w3c_import import ImportResult
    from reader.ui.notes_import import NotesImporter

NOTE_ACTIONS = (
    ActionName.HIGHLIGHT,
    ActionName.ADD_NOTE,
    ActionName.EXPORT_NOTES,
    ActionName.IMPORT_NOTES,
    ActionName.UNDO,
    ActionName.REDO,
)
CHECK_ELSEWHERE_MS = 5000
"""How often, while the window is active, the notes are checked for changes by another program (one query)."""


def set_note_actions_enabled(actions: Actions, enabled: bool) -> None:
    """Enable the actions that need the notes open, or disable them (the notes are locked or closed).

    Undo and Redo are only ever enabled by the undo stack; their labels go back to plain ones.
    """
    for name in NOTE_ACTIONS:
        if name not in (ActionName.UNDO, ActionName.REDO) or not enabled:
            actions[name].setEnabled(enabled)
    if not enabled:
        for spec in ACTION_SPECS:
            if spec.name in (ActionName.UNDO, ActionName.REDO):
                actions[spec.name].setText(QCoreApplication.translate("MainWindow", spec.label))


class NotesFeature(QObject):
    """The reader's highlights and notes: made from the selection, painted, listed, edited, undone, shared.

    It owns the open `NoteStore` from here on and closes it in `close()`. Emits `place_requested(place)` before
    selecting a note's passage there (the window moves to the place as it handles the signal) and
    `message(text, milliseconds)` for the status line.
    """

    place_requested = Signal(str)  # a paragraph id to show
    message = Signal(str, int)  # text for the status line, and for how long

    def __init__(
        self,
        store: NoteStore,
        report: Report,
        document: DocumentView,
        actions: Actions,
        dock: QDockWidget,
        parent: QObject | None = None,
        folders: DialogFolders | None = None,
        folds: FoldMemory | None = None,
    ) -> None:
        """`folds` keeps which parts of the notes panel the reader folded, from one start to the next (nothing is
        kept without it)."""
        super().__init__(parent)
        self.setObjectName("notesFeature")
        self._folders = folders or DialogFolders()  # where the export and import dialogs start
        self._store = store
        self._report = report
        self._document = document
        self._actions = actions
        self._dock = dock
        self._closed = False
        self._importer: NotesImporter | None = None
        self._purger = BackupPurger(self)
        self._purger.failed.connect(self._on_purger_failed)
        store.purge_with(self._purger)  # a deletion's backups are cleaned off the UI thread
        self.annotator = Annotator(store, report, self)
        self._highlighter = NoteHighlighter(document, self.annotator, self)
        self._highlighter.setObjectName("noteHighlighter")
        self._panel = NotesPanel(self.annotator, dock, folds)
        fill_dock(dock, self._panel)

        undo, redo = actions[ActionName.UNDO], actions[ActionName.REDO]
        set_note_actions_enabled(actions, True)
        # Connections to what outlives this feature (the window's actions, the document), undone by `close()`.
        outside = [
            (actions[ActionName.HIGHLIGHT].triggered, self._on_highlight_triggered),
            (actions[ActionName.ADD_NOTE].triggered, self._on_add_note_triggered),
            (actions[ActionName.FOCUS_NOTES].triggered, self._on_focus_notes_triggered),
            (actions[ActionName.EXPORT_NOTES].triggered, self._on_export_notes_triggered),
            (actions[ActionName.IMPORT_NOTES].triggered, self._on_import_notes_triggered),
            (undo.triggered, self._on_undo_triggered),
            (redo.triggered, self._on_redo_triggered),
            (document.reloaded, self._highlighter.repaint_on_next_turn),
            (document.context_menu_opening, self._on_document_context_menu_opening),
        ]
        self._connections = [signal.connect(slot) for signal, slot in outside]
        undo.setEnabled(False)
        redo.setEnabled(False)
        undo_stack = self.annotator.undo_stack
        self._connections += [
            undo_stack.canUndoChanged.connect(undo.setEnabled),
            undo_stack.canRedoChanged.connect(redo.setEnabled),
        ]
        undo_stack.undoTextChanged.connect(self._on_undo_stack_undo_text_changed)
        undo_stack.redoTextChanged.connect(self._on_undo_stack_redo_text_changed)
        self.annotator.notes_changed.connect(self._highlighter.repaint)
        self.annotator.note_updated.connect(self._highlighter.repaint)
        self.annotator.failed.connect(self._on_annotator_failed)
        self._highlighter.note_clicked.connect(self.show_note)
        self._panel.note_activated.connect(self._on_panel_note_activated)
        self._panel.note_delete_requested.connect(self._on_panel_note_delete_requested)
        # Notes changed by another program (a command run beside the window) are read again when the window is
        # active again, and every few seconds while it is.
        self._check_timer = QTimer(self)
        self._check_timer.setObjectName("notesChangedElsewhereTimer")
        self._check_timer.setInterval(CHECK_ELSEWHERE_MS)
        self._check_timer.timeout.connect(self._on_check_timer_timeout)
        self._check_failure: str | None = None  # told once, not at every check
        application = QGuiApplication.instance()
        if isinstance(application, QGuiApplication):
            self._connections.append(application.applicationStateChanged.connect(self._on_application_state_changed))
        # Notes are read and painted just after this, so they never delay opening the window.
        QTimer.singleShot(0, self._on_first_turn)

    def _on_first_turn(self) -> None:
        if self._closed:
            return
        self._highlighter.start()
        if QGuiApplication.applicationState() == Qt.ApplicationState.ApplicationActive:
            self._check_timer.start()

    def show_note(self, note_id: str, focus_text: bool = False) -> None:
        """Bring the notes panel forward with this note open in the editor."""
        bring_forward(self._dock)
        self._panel.show_note(note_id, focus_text=focus_text)

    def close(self) -> None:
        """Save what is being typed, close the notes database and leave nothing of the notes on screen.

        Called when the window closes and when the notes are locked: the highlights go, the undo steps go
        (they hold notes' text), and the note actions do nothing until a new feature is built.
        """
        if self._closed:
            return
        self._closed = True
        self._check_timer.stop()
        self.annotator.finish_work()  # an import under way is written before the database closes
        self._panel.save_pending()
        self.annotator.blockSignals(True)  # nothing more to announce (a note put back announces itself a turn later)
        self._highlighter.stop()
        for connection in self._connections:
            QObject.disconnect(connection)
        self._connections = []
        self._document.set_highlight_layer(LAYER_NAME, [])
        self.annotator.undo_stack.clear()
        set_note_actions_enabled(self._actions, False)
        self._panel.hide()
        self._store.close()

    # Changes made by another program

    def check_elsewhere(self) -> None:
        """Show the notes as saved if another program changed them (what is being typed is saved first)."""
        if self._closed:
            return
        self._panel.save_pending()  # a note deleted elsewhere comes back with what was typed in it
        try:
            changed = self.annotator.catch_up()
        except ReaderError as error:
            text = error_text(error)
            if text != self._check_failure:
                self._check_failure = text
                self.message.emit(text, 10_000)
            return
        self._check_failure = None
        if changed:
            self.message.emit(self.tr("Your notes were changed by another program; they are shown as saved now."), 6000)

    def _on_application_state_changed(self, state: Qt.ApplicationState) -> None:
        if state == Qt.ApplicationState.ApplicationActive:
            self.check_elsewhere()
            self._check_timer.start()
        else:
            self._check_timer.stop()

    def _on_check_timer_timeout(self) -> None:
        self.check_elsewhere()

    # Highlighting

    def _highlight_selection(self, with_note: bool) -> None:
        """Highlight the selected text in the chosen colour and style; with a note, open it in the notes panel.

        With no selection and the cursor in a highlight, "Add Note" opens that highlight's note instead.
        """
        cursor = self._document.textCursor()
        under_cursor = None if cursor.hasSelection() else self._highlighter.note_at(cursor.position())
        if with_note and under_cursor is not None:
            self.show_note(under_cursor, focus_text=True)
            return
        try:
            anchor = self._highlighter.selection_anchor()
            color, style = chosen_color(self._actions), chosen_style(self._actions)
            note = self.annotator.add(anchor, color=color, style=style)
        except ReaderError as error:
            self.message.emit(error_text(error), 6000)
            return
        cursor = self._document.textCursor()
        cursor.clearSelection()
        self._document.setTextCursor(cursor)
        if with_note:
            self.show_note(note.id, focus_text=True)
        else:
            undo = shortcut_text(self._actions[ActionName.UNDO])
            self.message.emit(self.tr("Highlighted. {0} undoes it.").format(undo), 5000)

    def _on_highlight_triggered(self) -> None:
        self._highlight_selection(with_note=False)

    def _on_add_note_triggered(self) -> None:
        self._highlight_selection(with_note=True)

    def _on_document_context_menu_opening(self, menu: QMenu, position: int) -> None:
        """Right-clicking a highlight offers to edit it, recolour or restyle it, or delete it; right-clicking a
        selection offers the colour and style the next highlight takes (as the toolbar does)."""
        note_id = self._highlighter.note_at(position)
        note = self.annotator.note(note_id) if note_id is not None else None
        if note is None:
            if self._document.textCursor().hasSelection():
                self._add_look_menu(menu)
            return
        menu.addSeparator()
        edit = menu.addAction(self.tr("&Edit Note…"))
        edit.setObjectName("actionEditNoteHere")
        edit.triggered.connect(lambda: self.show_note(note.id))
        if self.annotator.is_read_only(note):
            return  # another reader's note: it can be read, not changed
        self._add_look_menu(menu, note)
        delete = menu.addAction(self.tr("&Delete Highlight"))
        delete.setObjectName("actionDeleteNoteHere")
        delete.triggered.connect(lambda: self._on_panel_note_delete_requested(note.id))

    def _add_look_menu(self, menu: QMenu, note: Note | None = None) -> None:
        """A "Colour and Style" submenu: of this note, or (no note) of the next highlight, as the toolbar chooses."""
        from reader.ui.note_colors import color_icon

        submenu = menu.addMenu(self.tr("Colour and &Style"))
        submenu.setObjectName("noteLookMenu")
        if note is None:
            for spec in ACTION_SPECS:
                if spec.group == "noteStyle" and spec.separator_before:
                    submenu.addSeparator()
                if spec.group in ("noteColor", "noteStyle"):
                    submenu.addAction(self._actions[spec.name])
            return
        for color in Color:
            action = submenu.addAction(color_icon(color), self.tr(COLOR_LABELS[color]))
            action.setObjectName(f"noteLookColor{color.value.capitalize()}")
            action.setCheckable(True)
            action.setChecked(note.color is color)
            action.triggered.connect(lambda _checked=False, color=color: self._restyle(note.id, color=color))
        submenu.addSeparator()
        for style in STYLE_LABELS:  # the highlight styles (a bookmark is not one)
            action = submenu.addAction(self.tr(STYLE_LABELS[style]))
            action.setObjectName(f"noteLookStyle{style.value.capitalize()}")
            action.setCheckable(True)
            action.setChecked(note.style is style)
            action.triggered.connect(lambda _checked=False, style=style: self._restyle(note.id, style=style))

    def _restyle(self, note_id: str, **look: object) -> None:
        try:
            self.annotator.update(note_id, **look)
        except ReaderError as error:
            self.message.emit(error_text(error), 6000)

    # Undo

    def _on_undo_triggered(self) -> None:
        self.annotator.finish_work()  # a removal under way takes its place on the undo stack first
        self._panel.save_pending()
        self.annotator.undo_stack.undo()

    def _on_redo_triggered(self) -> None:
        self.annotator.finish_work()
        self._panel.save_pending()
        self.annotator.undo_stack.redo()

    def _on_undo_stack_undo_text_changed(self, text: str) -> None:
        self._actions[ActionName.UNDO].setText(self.tr("&Undo {0}").format(text))

    def _on_undo_stack_redo_text_changed(self, text: str) -> None:
        self._actions[ActionName.REDO].setText(self.tr("&Redo {0}").format(text))

    def _on_annotator_failed(self, text: str) -> None:
        self.message.emit(text, 8000)

    def _on_purger_failed(self, text: str) -> None:
        self.message.emit(text, 10_000)

    # The panel

    def _on_focus_notes_triggered(self) -> None:
        bring_forward(self._dock)
        self._panel.focus_list()

    def _on_panel_note_activated(self, note_id: str) -> None:
        ranges = self._highlighter.document_ranges(note_id)
        placement = self.annotator.placement(note_id)
        if not ranges or placement is None or placement.anchor is None:
            self.message.emit(self.tr("This note's passage is not in this edition of the report."), 6000)
            return
        self.place_requested.emit(placement.anchor.paragraph_id)
        self._document.select_range(ranges[0][0], ranges[-1][1])

    def _on_panel_note_delete_requested(self, note_id: str) -> None:
        try:
            self.annotator.delete(note_id)
        except ReaderError as error:
            self.message.emit(error_text(error), 8000)
            return
        undo = shortcut_text(self._actions[ActionName.UNDO])
        self.message.emit(self.tr("Note deleted. {0} brings it back.").format(undo), 6000)

    # Sharing

    def _on_export_notes_triggered(self) -> None:
        from reader.ui.notes_export_dialog import NotesExportDialog

        self.annotator.finish_work()  # every note, also while they are still being read a slice at a time
        notes, listed = self.annotator.notes(), self._panel.listed_notes()
        # The report text the notes were placed in: the export finds each where the window did, searching no more.
        dialog = NotesExportDialog(
            self.annotator.text, notes, listed, self._document.window(), self._folders, self._store.path.parent
        )
        if dialog.exec() and dialog.written is not None:
            self.message.emit(self.tr("Saved {0}.").format(dialog.written), 6000)
        dialog.deleteLater()  # with its copies of the notes and any key it derived

    def _on_import_notes_triggered(self) -> None:
        if self._importer is None:
            from reader.ui.notes_import import NotesImporter

            self._importer = NotesImporter(self.annotator, self._document.window(), self._folders)
            self._importer.imported.connect(self._on_importer_imported)
        self._importer.ask_and_import()

    def _on_importer_imported(self, result: ImportResult) -> None:
        bring_forward(self._dock)
        summary = error_text(result.summary())
        self.message.emit(summary, 10_000)
        self._panel.show_import_summary(summary)  # whole, above the notes, until closed: the status line cuts it
