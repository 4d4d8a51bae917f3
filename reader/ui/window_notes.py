"""The main window's notes part: highlighting, the notes panel, undo, import and export."""

from __future__ import annotations

from PySide6.QtCore import QTimer

from reader.errors import ReaderError


class NotesWiring:
    """Mixed into `MainWindow`: opens the notes, paints them, builds the notes panel, and wires them."""

    def _build_notes(self) -> None:
        from reader.notes.store import NoteStore
        from reader.ui.annotator import Annotator
        from reader.ui.note_highlighter import NoteHighlighter
        from reader.ui.notes_panel import NotesPanel

        self._notes_importer = None
        source = self._notes_source
        self.notes = source() if callable(source) else source if source is not None else NoteStore()
        self._notes_closed = False
        if self.notes.recovery_message:
            self.statusBar().showMessage(self.notes.recovery_message, 60_000)
            self.notes_recovered.emit(self.notes.recovery_message)
        self.annotator = Annotator(self.notes, self._report, self)
        self.note_highlighter = NoteHighlighter(self.document, self.annotator, self)
        self.notes_panel = NotesPanel(self.annotator, self)
        self._fill_dock(self.notes_dock, self.notes_panel)

    def _connect_notes(self) -> None:
        actions, undo_stack = self.actions, self.annotator.undo_stack
        actions["highlight"].triggered.connect(lambda: self.highlight_selection(with_note=False))
        actions["addNote"].triggered.connect(lambda: self.highlight_selection(with_note=True))
        actions["focusNotes"].triggered.connect(self._on_focus_notes_triggered)
        actions["exportNotes"].triggered.connect(self._on_export_notes_triggered)
        actions["importNotes"].triggered.connect(self._on_import_notes_triggered)
        actions["undo"].triggered.connect(lambda: (self.notes_panel.save_pending(), undo_stack.undo()))
        actions["redo"].triggered.connect(lambda: (self.notes_panel.save_pending(), undo_stack.redo()))
        actions["undo"].setEnabled(False)
        actions["redo"].setEnabled(False)
        undo_stack.canUndoChanged.connect(actions["undo"].setEnabled)
        undo_stack.canRedoChanged.connect(actions["redo"].setEnabled)
        # Bound methods, not lambdas: Qt drops these connections when the window goes, before its actions do.
        undo_stack.undoTextChanged.connect(self._on_undo_stack_undo_text_changed)
        undo_stack.redoTextChanged.connect(self._on_undo_stack_redo_text_changed)
        self.annotator.notes_changed.connect(self.note_highlighter.repaint)
        self.annotator.note_updated.connect(self.note_highlighter.repaint)
        self.annotator.failed.connect(lambda message: self.statusBar().showMessage(message, 8000))
        self.document.reloaded.connect(self.note_highlighter.repaint)
        # Notes are read and painted just after the first paint, so they never delay opening the window.
        QTimer.singleShot(0, self.note_highlighter.start)
        self.note_highlighter.note_clicked.connect(self._on_note_highlighter_note_clicked)
        self.document.context_menu_opening.connect(self._on_document_context_menu_opening)
        self.notes_panel.note_activated.connect(self._on_notes_panel_note_activated)
        self.notes_panel.note_delete_requested.connect(self._on_notes_panel_note_delete_requested)

    def _on_undo_stack_undo_text_changed(self, text: str) -> None:
        self.actions["undo"].setText(self.tr("&Undo {0}").format(text))

    def _on_undo_stack_redo_text_changed(self, text: str) -> None:
        self.actions["redo"].setText(self.tr("&Redo {0}").format(text))

    def highlight_selection(self, with_note: bool = False) -> None:
        """Highlight the selected text in the chosen colour and style; with a note, open it in the notes panel.

        With no selection and the cursor in a highlight, "Add Note" opens that highlight's note instead.
        """
        from reader.ui.annotation_toolbar import chosen_color, chosen_style

        cursor = self.document.textCursor()
        under_cursor = None if cursor.hasSelection() else self.note_highlighter.note_at(cursor.position())
        if with_note and under_cursor is not None:
            self._show_notes_dock()
            self.notes_panel.show_note(under_cursor, focus_text=True)
            return
        try:
            anchor = self.note_highlighter.selection_anchor()
            note = self.annotator.add(anchor, color=chosen_color(self.actions), style=chosen_style(self.actions))
        except ReaderError as error:
            self.statusBar().showMessage(str(error), 6000)
            return
        cursor = self.document.textCursor()
        cursor.clearSelection()
        self.document.setTextCursor(cursor)
        if with_note:
            self._show_notes_dock()
            self.notes_panel.show_note(note.id, focus_text=True)
        else:
            undo = self._shortcut_text("undo")
            self.statusBar().showMessage(self.tr("Highlighted. {0} undoes it.").format(undo), 5000)

    def _show_notes_dock(self) -> None:
        self.notes_dock.show()
        self.notes_dock.raise_()

    def _on_focus_notes_triggered(self) -> None:
        self._show_notes_dock()
        self.notes_panel.focus_list()

    def _on_document_context_menu_opening(self, menu, position: int) -> None:
        """Right-clicking a highlight offers to edit or delete it."""
        note_id = self.note_highlighter.note_at(position)
        if note_id is None:
            return
        menu.addSeparator()
        edit = menu.addAction(self.tr("&Edit Note…"))
        edit.setObjectName("actionEditNoteHere")
        edit.triggered.connect(lambda: self._on_note_highlighter_note_clicked(note_id))
        delete = menu.addAction(self.tr("&Delete Highlight"))
        delete.setObjectName("actionDeleteNoteHere")
        delete.triggered.connect(lambda: self._on_notes_panel_note_delete_requested(note_id))

    def _on_note_highlighter_note_clicked(self, note_id: str) -> None:
        self._show_notes_dock()
        self.notes_panel.show_note(note_id)

    def _on_notes_panel_note_activated(self, note_id: str) -> None:
        ranges = self.note_highlighter.document_ranges(note_id)
        placement = self.annotator.placement(note_id)
        if not ranges or placement is None or placement.anchor is None:
            self.statusBar().showMessage(self.tr("This note's passage is not in this edition of the report."), 6000)
            return
        self.go_to(placement.anchor.paragraph_id)
        self.document.select_range(ranges[0][0], ranges[-1][1])

    def _on_notes_panel_note_delete_requested(self, note_id: str) -> None:
        try:
            self.annotator.delete(note_id)
        except ReaderError as error:
            self.statusBar().showMessage(str(error), 8000)
            return
        undo = self._shortcut_text("undo")
        self.statusBar().showMessage(self.tr("Note deleted. {0} brings it back.").format(undo), 6000)

    def _on_export_notes_triggered(self) -> None:
        from reader.ui.notes_export_dialog import NotesExportDialog

        dialog = NotesExportDialog(self._report, self.annotator.notes(), self.notes_panel.listed_notes(), self)
        if dialog.exec() and dialog.written is not None:
            self.statusBar().showMessage(self.tr("Saved {0}.").format(dialog.written), 6000)

    def _on_import_notes_triggered(self) -> None:
        if self._notes_importer is None:
            from reader.ui.notes_import import NotesImporter

            self._notes_importer = NotesImporter(self.annotator, self)
            self._notes_importer.imported.connect(self._on_notes_importer_imported)
        self._notes_importer.ask_and_import()

    def _on_notes_importer_imported(self, result) -> None:
        self._show_notes_dock()
        self.statusBar().showMessage(result.summary(), 10_000)
