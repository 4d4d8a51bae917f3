"""The main window: the document, contents and menus, the features wired together, the reader's place kept."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMainWindow, QWidget

from reader.content import Report
from reader.errors import ReaderError
from reader.prefs import Preferences, ReadingSettings
from reader.render import RenderOptions
from reader.ui import themes
from reader.ui.dialog_folders import DialogFolders
from reader.ui.document_view import DocumentView
from reader.ui.error_text import error_text
from reader.ui.navigator import Navigator
from reader.ui.page_look import PageLook
from reader.ui.window_state import WindowState

if TYPE_CHECKING:
    from PySide6.QtCore import QByteArray
    from PySide6.QtGui import QCloseEvent, QShowEvent

    from reader.glossary import Glossary
    from reader.lock.privacy import Privacy
    from reader.notes.store import NoteStore
    from reader.ui.actions import Actions
    from reader.ui.bookmarks import Bookmarks
    from reader.ui.chrome import WindowChrome
    from reader.ui.first_key import FirstKey
    from reader.ui.glossary_feature import GlossaryFeature
    from reader.ui.lock_feature import LockFeature
    from reader.ui.notes_feature import NotesFeature
    from reader.ui.presentation import Presentation
    from reader.ui.read_aloud_feature import ReadAloudFeature
    from reader.ui.search_feature import SearchFeature


class MainWindow(QMainWindow):
    """The reading window. `html_for(options)` returns the whole report rendered with those options.

    Only what the first page needs (the document, its look and the reader's place) is built before it is painted.
    The contents, menus and empty panel docks follow just after the first paint, a part per event-loop turn, out of
    sight until they are put in place together (see `_build_chrome_in_parts`), then the glossary, notes and search
    features, one per turn (see `_build_features`); `ensure_features()` builds all of it at once, as does the first
    key pressed before the chrome is in place (so that its shortcut answers). The glossary is loaded and the notes
    opened (`glossary()`, `open_notes()`) only then. While the privacy lock is closed there is no notes feature: the
    lock feature's `notes_available` builds one.
    """

    notes_recovered = Signal(str)  # the notes database was damaged and restored from a backup: tell the user
    notes_unavailable = Signal(str)  # the notes database cannot be opened: the app cannot keep notes safe

    def __init__(
        self,
        report: Report,
        prefs: Preferences,
        html_for: Callable[[RenderOptions], str],
        *,
        glossary: Callable[[], Glossary],
        open_notes: Callable[[], NoteStore],
        privacy: Privacy,
        bundled_index: Path,
        cache_folder: Path,
        prepare_notes: Callable[[], None] = lambda: None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setAccessibleName(self.tr("Field Reader"))
        self.setWindowTitle(f"{report.manifest.title} — Field Reader")
        self._report = report
        self._prefs = prefs
        self._html_for = html_for
        self._load_glossary = glossary
        self._open_notes = open_notes
        self._prepare_notes = prepare_notes
        self._privacy = privacy
        self._place_to_restore = privacy.is_locked  # the reading position is sealed until the first unlock
        self._bundled_index = bundled_index
        self._cache_folder = cache_folder
        self._shown_once = False
        self._closed = False
        self._chrome_ready = False  # every part of the chrome built and in place
        self._layout_restored = False  # the saved layout put back (until then it is what saving keeps)
        self._chrome: WindowChrome
        self._chrome_parts: Iterator[None] = self._build_chrome_in_parts()  # runs only when first resumed
        self._next_chrome_part = QTimer(self)  # a timer's turn: input and timers are answered between the parts
        self._next_chrome_part.setSingleShot(True)
        self._next_chrome_part.setInterval(0)
        self._next_chrome_part.timeout.connect(self._on_next_chrome_part_timeout)
        self._first_key: FirstKey | None = None
        self._feature_steps: Iterator[None] = self._build_features()  # runs only when first resumed
        self._glossary: GlossaryFeature | None = None
        self._notes: NotesFeature | None = None
        self._search: SearchFeature | None = None
        self._lock: LockFeature | None = None
        self._read_aloud: ReadAloudFeature | None = None
        self._bookmarks: Bookmarks | None = None

        self.document = DocumentView(report, self)
        self.setCentralWidget(self.document)
        self._navigator = Navigator(report, self.document, self)
        self._state = WindowState(self, self.document, prefs)
        self.dialog_folders = DialogFolders(prefs)  # where each file dialog starts: the last folder of its kind
        self._look = PageLook(self, self.document, report, prefs, html_for, self._state.schedule_save)
        self._look.start()
        self._state.restore_geometry()
        self._navigator.start_at(prefs.position)
        self.document.first_painted.connect(self._on_document_first_painted)

    # Building, after the first paint

    def ensure_features(self) -> None:
        """Build whatever is not built yet: the contents, menus and docks, then the glossary, notes and search.

        Normally each is built in its own turn of the event loop just after the first paint, so the window keeps
        answering in between. Raises ReaderError when the notes database cannot be opened.
        """
        self._build_chrome()
        for _step in self._feature_steps:
            pass

    def _on_document_first_painted(self) -> None:
        if not self._chrome_ready:
            self._next_chrome_part.start()

    def _on_next_chrome_part_timeout(self) -> None:
        if self._first_key is None and not self._chrome_ready:
            self._watch_for_first_key()
        for _part in self._chrome_parts:  # one part, then the next in a later turn
            self._next_chrome_part.start()
            return

    def _watch_for_first_key(self) -> None:
        """From the turn after the first paint on (the paint itself waits for nothing more), a key the reader presses
        before the chrome is in place puts it in place at once."""
        handle = self.windowHandle()
        if handle is not None:
            from reader.ui.first_key import FirstKey

            self._first_key = FirstKey(handle, self._on_first_key_pressed)

    def _on_features_due(self) -> None:
        try:
            next(self._feature_steps)
        except StopIteration:
            return
        except ReaderError as error:
            self.notes_unavailable.emit(error_text(error))
            return
        QTimer.singleShot(0, self._on_features_due)

    def _build_chrome(self) -> None:
        """Build whatever part of the chrome is not built yet, now."""
        for _part in self._chrome_parts:
            pass

    def _build_chrome_in_parts(self) -> Iterator[None]:
        """The contents, menus, toolbar, status line and empty panel docks, and the saved layout, in four parts.

        The first three change nothing on the screen: the contents and the docks, hidden; the actions, menus,
        toolbar and status line's labels, out of the window, with what they do wired; the application style sheet,
        so that what is shown next is styled once. The last puts them all in place at once and restores the saved
        layout, so the window changes once, as when it was built in one turn. Once built, the features follow, one
        per turn.
        """
        from reader.ui import chrome

        panels = chrome.build_panels(self, self._report, self.document)
        yield
        from reader.ui.actions import ActionName

        self._chrome, bars = chrome.build_controls(self, self._report, self.document, panels)
        self._actions: Actions = self._chrome.actions
        self._actions[ActionName.REFERENCE_MODE].setChecked(self._prefs.reference_mode)
        self._connect_signals()
        self._look.attach(self._actions)
        yield
        self._look.add_style_sheet()
        yield
        chrome.put_in_place(self, self._chrome, bars)
        self._restore_layout()
        self._layout_restored = True
        self._on_document_current_section_changed(self.document.current_section())
        self._chrome_ready = True
        self._next_chrome_part.stop()
        if self._first_key is not None:
            self._first_key.stop()
            self._first_key = None
        QTimer.singleShot(0, self._on_features_due)  # after the chrome has been painted

    def _on_first_key_pressed(self) -> None:
        """A key pressed before the chrome is in place: put it in place now, its shortcuts answering this key."""
        self._first_key = None
        if self._chrome_ready:
            return
        self._build_chrome()
        if not self._chrome_ready:
            return
        from PySide6.QtCore import QCoreApplication, QEvent
        from PySide6.QtWidgets import QToolBar

        # Qt shows the bars a moment later; a shortcut answers only from a shown menu bar or toolbar.
        for bar in (self.menuWidget(), *self.findChildren(QToolBar), self.statusBar()):
            QCoreApplication.sendPostedEvents(bar, QEvent.Type.MetaCall)

    def _build_features(self) -> Iterator[None]:
        """Build one feature per step. Search indexes the glossary and the notes, so it is built from them last."""
        from reader.ui.glossary_feature import GlossaryFeature

        chrome = self._chrome
        glossary = self._load_glossary()
        self._glossary = GlossaryFeature(
            glossary, self._report, self.document, chrome.actions, chrome.glossary_dock, self
        )
        yield
        if self._privacy.is_locked:  # no notes until unlocked: the lock feature says when
            from reader.ui.notes_feature import set_note_actions_enabled

            set_note_actions_enabled(chrome.actions, False)
        else:
            self._notes = self._make_notes()
        yield
        from PySide6.QtCore import Qt

        from reader.ui.lock_feature import LockFeature
        from reader.ui.search_feature import SearchFeature

        self._lock = LockFeature(
            self._privacy,
            self._prefs,
            chrome.actions,
            chrome.notes_dock,
            self.statusBar(),
            self,
            prepare_notes=self._prepare_notes,
        )
        self._search = SearchFeature(
            self._report,
            glossary,
            self._notes.annotator if self._notes is not None else None,
            self._bundled_index,
            self._cache_folder,
            self.document,
            chrome.actions,
            chrome.search_dock,
            self,
        )
        self.addToolBar(Qt.ToolBarArea.BottomToolBarArea, self._search.find_bar)
        from reader.ui.read_aloud_feature import ReadAloudFeature  # no speech engine until first used

        self._read_aloud = ReadAloudFeature(self._report, glossary, self.document, chrome.actions, self)
        self._connect_features(self._glossary, self._lock, self._search, self._read_aloud)
        from reader.ui import accessibility

        accessibility.watch_window(self)  # names for Qt's own parts; status messages said aloud
        self.document.become_accessible()  # the report as a document for screen readers

    def _make_notes(self) -> NotesFeature:
        """Open the notes and build and wire their feature (at the start, and whenever the lock lets them open)."""
        from reader.ui.folding_header import FoldMemory
        from reader.ui.notes_feature import NotesFeature

        store = self._open_notes()  # the notes feature closes it when the window closes or the notes lock
        chrome = self._chrome
        notes = NotesFeature(
            store,
            self._report,
            self.document,
            chrome.actions,
            chrome.notes_dock,
            self,
            self.dialog_folders,
            folds=FoldMemory(self._prefs.fold, self._remember_fold),
        )
        notes.message.connect(self.statusBar().showMessage)
        notes.place_requested.connect(self.go_to)
        if self._bookmarks is not None:
            self._bookmarks.set_annotator(notes.annotator)
        if store.recovery_message:
            recovered = error_text(store.recovery_message)
            self.statusBar().showMessage(recovered, 60_000)
            self.notes_recovered.emit(recovered)
        return notes

    def _connect_signals(self) -> None:
        """Wire the contents, the document and the window's own actions."""
        from reader.ui.actions import ActionName
        from reader.ui.chrome import THEME_ACTIONS

        self._chrome.toc.section_activated.connect(self.go_to)
        self._navigator.moved.connect(self._on_navigator_moved)
        self.document.current_section_changed.connect(self._on_document_current_section_changed)
        self.document.scrolled.connect(self._state.schedule_save)
        self._state.save_failed.connect(self._on_state_save_failed)
        actions = self._actions
        actions[ActionName.QUIT].triggered.connect(self.close)
        actions[ActionName.PRINT].triggered.connect(lambda: self._print("print"))
        actions[ActionName.PRINT_PREVIEW].triggered.connect(lambda: self._print("preview"))
        actions[ActionName.EXPORT_PDF].triggered.connect(lambda: self._print("pdf"))
        actions[ActionName.COPY_CITATION].triggered.connect(self._on_copy_citation_triggered)
        actions[ActionName.ZOOM_IN].triggered.connect(lambda: self.set_zoom(self._prefs.zoom + 1))
        actions[ActionName.ZOOM_OUT].triggered.connect(lambda: self.set_zoom(self._prefs.zoom - 1))
        actions[ActionName.ZOOM_RESET].triggered.connect(lambda: self.set_zoom(0))
        for theme, name in THEME_ACTIONS.items():
            actions[name].triggered.connect(lambda _checked=False, theme=theme: self.set_theme(theme))
        actions[ActionName.REFERENCE_MODE].toggled.connect(self._on_reference_mode_toggled)
        actions[ActionName.FOCUS_TOC].triggered.connect(self._on_focus_toc_triggered)
        actions[ActionName.FOCUS_DOCUMENT].triggered.connect(self.document.setFocus)
        actions[ActionName.PREVIOUS_SECTION].triggered.connect(lambda: self._navigator.step_section(-1))
        actions[ActionName.NEXT_SECTION].triggered.connect(lambda: self._navigator.step_section(+1))
        actions[ActionName.BACK].triggered.connect(self._navigator.go_back)
        actions[ActionName.FORWARD].triggered.connect(self._navigator.go_forward)
        actions[ActionName.ABOUT].triggered.connect(self._on_about_triggered)
        actions[ActionName.READING_SETTINGS].triggered.connect(self._look.open_reading_settings)
        actions[ActionName.FULL_SCREEN].triggered.connect(lambda: self.presentation().toggle_full_screen())
        actions[ActionName.PRESENTATION].triggered.connect(lambda: self.presentation().toggle())
        # Also the window's own: presenting hides the menu bar, whose actions' keys would stop with it.
        self.addActions([actions[name] for name in (ActionName.PRESENTATION, ActionName.FULL_SCREEN)])
        self.addAction(actions[ActionName.TOGGLE_BOOKMARK])
        from reader.ui.bookmarks import Bookmarks

        self._bookmarks = Bookmarks(self._report, self.document, actions, self)
        self._bookmarks.message.connect(self._show_message)
        actions[ActionName.SHOW_SHORTCUTS].triggered.connect(self._on_show_shortcuts_triggered)
        actions[ActionName.HELP].triggered.connect(self._on_help_triggered)
        from reader.ui.language import LanguageChoice

        self._language = LanguageChoice(
            self._prefs,
            {
                "system": actions[ActionName.LANGUAGE_SYSTEM],
                "en": actions[ActionName.LANGUAGE_ENGLISH],
                "ar": actions[ActionName.LANGUAGE_ARABIC],
            },
            self._show_message,
            self,
        )
        hints = QGuiApplication.styleHints()
        if hints is not None:
            hints.colorSchemeChanged.connect(self._on_color_scheme_changed)

    def _connect_features(
        self, glossary: GlossaryFeature, lock: LockFeature, search: SearchFeature, read_aloud: ReadAloudFeature
    ) -> None:
        """The one place the features meet: what each asks of the window, and of the others.

        The notes feature comes and goes with the lock: `_make_notes` wires each one, and search is told.
        """
        status = self.statusBar()
        glossary.message.connect(status.showMessage)
        glossary.place_requested.connect(self.go_to)
        glossary.search_requested.connect(search.search_for)
        search.message.connect(status.showMessage)
        search.place_requested.connect(self.go_to)
        search.glossary_term_requested.connect(glossary.show_term)
        search.note_requested.connect(self._on_search_note_requested)
        lock.message.connect(status.showMessage)
        lock.notes_closing.connect(self._on_lock_notes_closing)
        lock.notes_available.connect(self._on_lock_notes_available)
        lock.unlocked.connect(self._on_lock_unlocked)
        lock.locked.connect(self._on_lock_locked)
        lock.erased.connect(self._on_lock_erased)
        read_aloud.message.connect(status.showMessage)

    def _on_search_note_requested(self, note_id: str) -> None:
        if self._notes is not None:
            self._notes.show_note(note_id)

    def _on_lock_notes_closing(self) -> None:
        """Close the notes and take them off the screen: highlights, panel, undo steps and note search hits."""
        notes, self._notes = self._notes, None
        if notes is not None:
            notes.close()
            notes.deleteLater()
        if self._bookmarks is not None:
            self._bookmarks.set_annotator(None)
        if self._search is not None:
            self._search.set_notes(None)

    def _on_lock_locked(self) -> None:
        """What was searched tells as much as the notes: locking empties the search field, its hits and marks."""
        if self._search is not None:
            self._search.forget()

    def _on_lock_unlocked(self) -> None:
        """The first unlock of a run goes back to where the reader stopped (kept sealed while locked)."""
        place, self._place_to_restore = self._place_to_restore and self._prefs.position, False
        if place:
            self.go_to(place)

    def _on_lock_erased(self) -> None:
        self._navigator.forget_history()
        if self._search is not None:
            self._search.forget()

    def _on_lock_notes_available(self) -> None:
        if self._notes is not None or self._closed:
            return  # open already, or the window closed while the lock was switched: nothing to show them in
        try:
            self._notes = self._make_notes()
        except ReaderError as error:
            self.notes_unavailable.emit(error_text(error))
            return
        if self._search is not None:
            self._search.set_notes(self._notes.annotator)

    # Navigation

    def go_to(self, place: str) -> bool:
        """Show a section or paragraph by id, recording the jump so Back returns here."""
        return self._navigator.go_to(place)

    def _update_navigation_actions(self) -> None:
        from reader.ui.actions import ActionName

        self._actions[ActionName.BACK].setEnabled(self._navigator.can_go_back)
        self._actions[ActionName.FORWARD].setEnabled(self._navigator.can_go_forward)
        current = self.document.current_section()
        index = self._report.index_of(current) if current else 0
        self._actions[ActionName.PREVIOUS_SECTION].setEnabled(index > 0)
        self._actions[ActionName.NEXT_SECTION].setEnabled(index < len(self._report.sections) - 1)

    # Look (kept by `PageLook`)

    def set_zoom(self, step: int) -> None:
        self._look.set_zoom(step)

    def set_theme(self, name: str) -> None:
        self._look.set_theme(name)

    def set_reading(self, settings: ReadingSettings) -> None:
        """Set the page in these reading settings (font, text size, line spacing, column) and keep them."""
        self._look.set_reading(settings)

    def presentation(self) -> Presentation:
        """Full screen and presentation mode (made the first time either is asked for)."""
        return self._look.presentation()

    def saveState(self, version: int = 0) -> QByteArray:
        """The layout to keep: while presenting, the one presenting will put back, not the bare page on screen; before
        the saved layout is put back (closed while starting), that one as it was."""
        presenting = self._look.presenting
        if presenting is not None:
            return presenting.saved_state()
        if not self._layout_restored:
            from PySide6.QtCore import QByteArray

            return QByteArray.fromBase64((self._prefs.window_state or "").encode("ascii"))
        return super().saveState(version)

    def saveGeometry(self) -> QByteArray:
        presenting = self._look.presenting
        return presenting.saved_geometry() if presenting is not None else super().saveGeometry()

    # Copying, printing, about

    def _on_copy_citation_triggered(self) -> None:
        """Put the selection (or the paragraph at the cursor) on the clipboard with its full citation."""
        from reader.citation import format_citation

        cursor = self.document.textCursor()
        found = self.document.paragraph_at(cursor.selectionStart())
        if found is None:
            self.statusBar().showMessage(self.tr("Place the cursor in a paragraph to copy it with a citation."), 5000)
            return
        paragraph, _offset = found
        quote = cursor.selectedText().replace("\u2029", " ") if cursor.hasSelection() else paragraph.text
        QGuiApplication.clipboard().setText(format_citation(self._report, quote, paragraph))
        self.statusBar().showMessage(self.tr("Copied with citation."), 4000)

    def _print(self, purpose: str) -> None:
        """Print, preview or save as PDF what the reader chooses, with their highlights and notes if asked."""
        from reader.ui.printing import Purpose, print_report

        section = self.document.current_section() or self._report.sections[0].id
        annotator = self._notes.annotator if self._notes is not None else None
        try:
            path = print_report(
                self,
                self._report,
                section,
                reference_mode=self._prefs.reference_mode,
                annotator=annotator,
                folders=self.dialog_folders,
                purpose=Purpose(purpose),
            )
        except ReaderError as error:
            from reader.ui.errors import show_error

            show_error(self, error)
            return
        if path is not None:
            self.statusBar().showMessage(self.tr("Saved {0}.").format(path), 6000)

    def _on_show_shortcuts_triggered(self) -> None:
        from reader.ui.shortcuts_dialog import ShortcutsDialog

        ShortcutsDialog(self._actions, self).exec()

    def _on_help_triggered(self) -> None:
        from reader.ui.help_window import show_help

        show_help(self)

    def _on_about_triggered(self) -> None:
        from reader.ui.about_dialog import AboutDialog

        AboutDialog(self._report, self).exec()

    # Slots

    def _on_navigator_moved(self) -> None:
        self._update_navigation_actions()
        self._state.schedule_save()

    def _on_document_current_section_changed(self, section_id: str) -> None:
        self._chrome.toc.set_current_section(section_id)
        self._chrome.position_label.setText(self._report.section(section_id).title)
        self._update_navigation_actions()

    def _on_reference_mode_toggled(self, checked: bool) -> None:
        if checked == self._prefs.reference_mode:
            return
        self._prefs.reference_mode = checked
        self._look.apply_theme()
        self._state.schedule_save()

    def _on_focus_toc_triggered(self) -> None:
        from reader.ui.docks import bring_forward

        bring_forward(self._chrome.toc_dock)
        self._chrome.toc.setFocus()

    def _on_color_scheme_changed(self, scheme) -> None:
        from PySide6.QtCore import Qt

        themes.set_desktop_dark(scheme == Qt.ColorScheme.Dark)
        if self._look.theme == "system":
            self._look.apply_theme()

    def _remember_fold(self, name: str, unfolded: bool) -> None:
        """A panel's fold the reader changed: kept in the preferences, saved with the window's layout."""
        self._prefs.set_fold(name, unfolded)
        self._state.schedule_save()

    def _show_message(self, text: str, timeout: int = 0) -> None:
        """In the status line (made only when the chrome is put in place: wired before, it is asked for only then)."""
        self.statusBar().showMessage(text, timeout)

    def _on_state_save_failed(self, message: str) -> None:
        self.statusBar().showMessage(message, 8000)

    def _restore_layout(self) -> None:
        if not self._state.restore_layout():
            from PySide6.QtCore import Qt

            from reader.ui.chrome import show_default_docks

            show_default_docks(self._chrome)
            self.resizeDocks([self._chrome.toc_dock], [280], Qt.Orientation.Horizontal)
            self.resizeDocks([self._chrome.search_dock], [self.height() // 2], Qt.Orientation.Vertical)
        # The docks took room from the document: show the reader's place again.
        self._navigator.show_current()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # WORKAROUND: the layout's final size is only known once shown; scroll to the saved place again.
        if not self._shown_once:
            self._shown_once = True
            QTimer.singleShot(0, self._navigator.show_current)

    def leave_preferences_alone(self) -> None:
        """Write no preferences in this run: it only checks that the window paints (`--exit-after-start`)."""
        self._state.freeze()

    def closeEvent(self, event: QCloseEvent) -> None:
        # Closed before everything was built: build nothing more (a step running now still finishes).
        self._closed = True
        self._next_chrome_part.stop()
        self._feature_steps = iter(())
        if self._lock is not None:
            self._lock.close()
        if self._search is not None:
            self._search.close()
        if self._read_aloud is not None:
            self._read_aloud.close()
        if self._notes is not None:  # the notes feature owns the notes database; closing refreshes the backup
            self._notes.close()
        self._state.save()
        super().closeEvent(event)
