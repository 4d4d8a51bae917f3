"""The glossary panel: every entry in alphabetical order, a filter, and the chosen entry with links into the report."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QUrl, Signal
from PySide6.QtGui import QAction, QFont, QKeyEvent
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from reader.content import Report
from reader.glossary import Glossary, GlossaryTerm, TermOccurrence
from reader.ui.document_view import ZOOM_STEP
from reader.ui.html_escape import escape
from reader.ui.row_direction import RowDirectionDelegate

_TERM_ROLE = Qt.ItemDataRole.UserRole


class GlossaryPanel(QWidget):
    """Lists the glossary; the chosen entry shows its definition, explanation, sources, related entries and where it
    occurs. "Copy with citation" (a button under the entry, and the entry's context menu) asks for the entry to be
    copied with its sources."""

    occurrence_activated = Signal(str, int, int)  # paragraph (or section) id, start and end offset in its text
    search_requested = Signal(str)  # words to search the report for
    copy_citation_requested = Signal(str)  # term id

    def __init__(self, glossary: Glossary, report: Report, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("glossaryPanel")
        self.setAccessibleName(self.tr("Glossary"))
        self._glossary = glossary
        self._report = report
        self._links: list[TermOccurrence] = []

        self._filter = QLineEdit(self)
        self._filter.setObjectName("glossaryFilter")
        self._filter.setAccessibleName(self.tr("Filter the glossary"))
        self._filter.setPlaceholderText(self.tr("Filter terms"))
        self._filter.setClearButtonEnabled(True)
        self._list = QListWidget(self)
        self._list.setObjectName("glossaryList")
        self._list.setAccessibleName(self.tr("Glossary terms"))
        self._list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self._list.setItemDelegate(RowDirectionDelegate(self._list))  # English terms read left to right in Arabic
        self._entry = QTextBrowser(self)
        self._entry.setObjectName("glossaryEntry")
        self._entry.setAccessibleName(self.tr("Glossary entry"))
        self._entry.setOpenLinks(False)
        self._entry.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self._entry_point_size = self._entry.font().pointSizeF()
        self._copy_action = QAction(self.tr("Copy Entry with &Citation"), self)
        # A context-menu item of the entry, not a window action (those are declared in actions.py): no "action" name.
        self._copy_action.setObjectName("glossaryEntryCopyCitation")
        self._copy_button = QPushButton(self.tr("Copy with citation"), self)
        self._copy_button.setObjectName("glossaryCopyCitation")
        self._copy_button.setAccessibleName(self.tr("Copy the glossary entry with its citation"))
        self._copy_button.setToolTip(self.tr("Copy the definition with its sources and the glossary's date"))
        self._copy_button.setEnabled(False)
        self._empty = QLabel(self.tr("No term matches the filter."), self)
        self._empty.setObjectName("glossaryEmpty")
        self._empty.setWordWrap(True)
        self._empty.hide()

        entry_box = QWidget(self)
        entry_box.setObjectName("glossaryEntryBox")
        entry_box.setAccessibleName(self.tr("Glossary entry"))
        entry_layout = QVBoxLayout(entry_box)
        entry_layout.setContentsMargins(0, 0, 0, 0)
        entry_layout.addWidget(self._entry, 1)
        entry_layout.addWidget(self._copy_button, 0, Qt.AlignmentFlag.AlignRight)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setObjectName("glossarySplitter")
        splitter.setAccessibleName(self.tr("Glossary terms and the chosen entry"))
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self._list)
        splitter.addWidget(entry_box)
        splitter.setSizes([220, 320])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self._filter)
        layout.addWidget(self._empty)
        layout.addWidget(splitter, 1)

        for term in glossary.sorted_terms():
            item = QListWidgetItem(self._item_text(term), self._list)
            item.setData(_TERM_ROLE, term.id)
            item.setToolTip(term.definition)

        self._filter.textChanged.connect(self._on_filter_text_changed)
        self._filter.installEventFilter(self)
        self._list.currentItemChanged.connect(self._on_list_current_item_changed)
        self._entry.anchorClicked.connect(self._on_entry_anchor_clicked)
        self._entry.customContextMenuRequested.connect(self._on_entry_context_menu_requested)
        self._copy_button.clicked.connect(self._on_copy_citation_triggered)
        self._copy_action.triggered.connect(self._on_copy_citation_triggered)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        # The first entry is chosen when the panel is first seen: working out where a term occurs takes a
        # moment that start-up should not pay for a hidden panel.
        if self._list.currentItem() is None and self._list.count():
            self._list.setCurrentRow(0)

    # Public

    def show_term(self, term_id: str) -> None:
        """Select an entry and show it, clearing the filter if it hides the entry."""
        item = self._item(term_id)
        if item is None:
            return
        if item.isHidden():
            self._filter.clear()
        self._list.setCurrentItem(item)
        self._list.scrollToItem(item)

    def current_term(self) -> GlossaryTerm | None:
        item = self._list.currentItem()
        return self._glossary.term(item.data(_TERM_ROLE)) if item is not None and not item.isHidden() else None

    def visible_terms(self) -> list[str]:
        """The ids of the entries the filter lets through, in list order."""
        return [
            self._list.item(row).data(_TERM_ROLE)
            for row in range(self._list.count())
            if not self._list.item(row).isHidden()
        ]

    def set_text_zoom(self, step: int) -> None:
        """Set the entry's text `step` zoom steps from the normal size, as the page's (the list keeps its size)."""
        if self._entry_point_size <= 0:
            return
        font = QFont(self._entry.font())
        font.setPointSizeF(max(4.0, self._entry_point_size * ZOOM_STEP**step))
        self._entry.document().setDefaultFont(font)

    def entry_point_size(self) -> float:
        """The point size of the chosen entry's text."""
        return self._entry.document().defaultFont().pointSizeF()

    def focus_filter(self) -> None:
        self._filter.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self._filter.selectAll()

    # Building the entry

    def _item_text(self, term: GlossaryTerm) -> str:
        return f"{term.term} — {term.expansion}" if term.expansion else term.term

    def _item(self, term_id: str) -> QListWidgetItem | None:
        for row in range(self._list.count()):
            item = self._list.item(row)
            if item.data(_TERM_ROLE) == term_id:
                return item
        return None

    def _render_entry(self, term: GlossaryTerm) -> str:
        parts = [f"<h3>{escape(term.term)}</h3>"]
        if term.expansion:
            parts.append(f"<p><i>{escape(term.expansion)}</i></p>")
        parts.append(f"<p>{escape(term.definition)}</p>")
        if term.explanation:
            parts.append(f"<p>{escape(term.explanation)}</p>")
        if term.sources:
            label = self.tr("Sources") if len(term.sources) > 1 else self.tr("Source")
            if self._glossary.as_of:
                label = self.tr("{0} (facts as of {1})").format(label, self._glossary.as_of)
            items = "".join(f"<li>{escape(source)}</li>" for source in term.sources)
            parts.append(f"<p><b>{escape(label)}:</b></p><ul>{items}</ul>")
        # Each string is translated on its own line: pyside6-lupdate collects no tr() written inside an f-string.
        if term.aliases:
            also = self.tr("Also:")
            parts.append(f"<p><b>{escape(also)}</b> {escape(', '.join(term.aliases))}</p>")
        if term.related:
            links = ", ".join(
                f'<a href="term:{related}">{escape(self._glossary.term(related).term)}</a>' for related in term.related
            )
            related_label = self.tr("Related:")
            parts.append(f"<p><b>{escape(related_label)}</b> {links}</p>")
        self._links = self._first_occurrences(term)
        if self._links:
            items = "".join(
                f'<li><a href="occurrence:{index}">{escape(self._report.section(occurrence.section_id).title)}</a></li>'
                for index, occurrence in enumerate(self._links)
            )
            in_report = self.tr("In the report:")
            search = self.tr("Search the report for this term")
            parts.append(f"<p><b>{escape(in_report)}</b></p><ul>{items}</ul>")
            parts.append(f'<p><a href="search:">{escape(search)}</a></p>')
        else:
            background = escape(self.tr("Background: the report relies on this idea without naming it."))
            # Arabic is never set in italics: many fonts' oblique style has no Arabic letters (they come out as boxes).
            parts.append(f"<p>{background}</p>" if self.isRightToLeft() else f"<p><i>{background}</i></p>")
        return "".join(parts)

    def _first_occurrences(self, term: GlossaryTerm) -> list[TermOccurrence]:
        """The first place the term occurs in each section, preferring paragraphs to headings."""
        first: dict[str, TermOccurrence] = {}
        for occurrence in self._glossary.occurrences():
            if occurrence.term_id != term.id:
                continue
            known = first.get(occurrence.section_id)
            if known is None or (known.paragraph_id is None and occurrence.paragraph_id is not None):
                first[occurrence.section_id] = occurrence
        return list(first.values())

    # Events

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._filter and event.type() == QEvent.Type.KeyPress:
            key_event: QKeyEvent = event  # type: ignore[assignment]
            if key_event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter):
                visible = self.visible_terms()
                if visible:
                    current = self.current_term()
                    if current is None or current.id not in visible:
                        self.show_term(visible[0])
                    self._list.setFocus(Qt.FocusReason.OtherFocusReason)
                return True
        return super().eventFilter(watched, event)

    def _on_filter_text_changed(self, text: str) -> None:
        wanted = " ".join(text.split()).casefold()
        shown = 0
        for row in range(self._list.count()):
            item = self._list.item(row)
            term = self._glossary.term(item.data(_TERM_ROLE))
            matches = not wanted or any(wanted in form.casefold() for form in term.forms)
            item.setHidden(not matches)
            shown += matches
        self._empty.setVisible(shown == 0)
        current = self._list.currentItem()
        if shown and (current is None or current.isHidden()):
            self._list.setCurrentItem(self._item(self.visible_terms()[0]))
        elif not shown:
            self._entry.clear()
        self._copy_button.setEnabled(self.current_term() is not None)

    def _on_list_current_item_changed(self, current: QListWidgetItem | None, _previous) -> None:
        self._copy_button.setEnabled(current is not None)
        if current is None:
            self._entry.clear()
            return
        self._entry.setHtml(self._render_entry(self._glossary.term(current.data(_TERM_ROLE))))

    def _on_copy_citation_triggered(self) -> None:
        term = self.current_term()
        if term is not None:
            self.copy_citation_requested.emit(term.id)

    def entry_menu(self, position: QPoint) -> QMenu:
        """The entry's context menu at a point of its viewport: the standard items, then Copy Entry with Citation."""
        menu = self._entry.createStandardContextMenu(position)
        menu.setObjectName("glossaryEntryMenu")
        menu.setAccessibleName(self.tr("Glossary entry menu"))
        menu.addSeparator()
        self._copy_action.setEnabled(self.current_term() is not None)
        menu.addAction(self._copy_action)
        return menu

    def _on_entry_context_menu_requested(self, position: QPoint) -> None:
        menu = self.entry_menu(position)
        menu.exec(self._entry.viewport().mapToGlobal(position))
        menu.deleteLater()

    def _on_entry_anchor_clicked(self, url: QUrl) -> None:
        scheme, _, rest = url.toString().partition(":")
        if scheme == "term" and self._glossary.has_term(rest):
            self.show_term(rest)
        elif scheme == "occurrence" and rest.isdigit() and int(rest) < len(self._links):
            occurrence = self._links[int(rest)]
            place = occurrence.paragraph_id or occurrence.section_id
            self.occurrence_activated.emit(place, occurrence.start, occurrence.end)
        elif scheme == "search":
            term = self.current_term()
            if term is not None:
                self.search_requested.emit(term.term)
