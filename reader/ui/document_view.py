"""The document view: the whole report in one scrolling page, mapped back to sections and paragraphs."""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint, QTimer, Signal
from PySide6.QtGui import QFont, QTextCursor
from PySide6.QtWidgets import QTextBrowser, QTextEdit, QWidget

from reader.content import Paragraph, Report
from reader.ui.page_positions import page_positions

if TYPE_CHECKING:
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QAction, QContextMenuEvent, QPaintEvent, QResizeEvent

ZOOM_STEP = 1.12
DOCUMENT_MARGIN = 24
SCROLL_MARGIN = 12  # pixels kept above a heading or paragraph shown at the top


def _accessible_factory(key: str, obj: QObject) -> object:
    """Screen readers get the report as a document (`ui/accessibility.py`)."""
    if key == "DocumentView" and isinstance(obj, DocumentView):
        from reader.ui.accessibility import document_accessible

        return document_accessible(obj)
    return None


class DocumentView(QTextBrowser):
    """Shows rendered report HTML; knows where every section and paragraph starts in the text."""

    current_section_changed = Signal(str)
    first_painted = Signal()
    scrolled = Signal()
    reloading = Signal()  # new HTML next: owners of highlights let go of their cursors into the old text
    reloaded = Signal()  # new HTML: owners of highlight layers paint them again
    context_menu_opening = Signal(object, int)  # the QMenu about to be shown, and the document position clicked

    def __init__(self, report: Report, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("document")
        self.setAccessibleName(self.tr("Report text"))
        self.setAccessibleDescription(self.tr("The report. Headings, lists and glossary terms can be walked."))
        # Qt never follows a link or fetches anything by itself: `_on_anchor_clicked` decides (see `loadResource`).
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self._report = report
        self._paragraphs = {paragraph.id: paragraph for paragraph in report.paragraphs()}
        self._section_ids = {section.id for section in report.sections}
        self._anchor_positions: dict[str, int] = {}
        self._section_starts: list[int] = []
        self._section_order: list[str] = []
        self._paragraph_starts: list[int] = []
        self._paragraph_order: list[str] = []
        self._place_starts: list[int] = []
        self._place_order: list[str] = []
        self._layers: dict[str, list[QTextEdit.ExtraSelection]] = {}
        self._context_actions: list[QAction | None] = []
        self._painted = False
        self._current_section = ""
        self._base_point_size = self.font().pointSizeF() * 1.15
        self._zoom = 0
        self._apply_font()
        self._section_timer = QTimer(self)
        self._section_timer.setSingleShot(True)
        self._section_timer.setInterval(0)
        self._section_timer.timeout.connect(self._update_current_section)
        self.verticalScrollBar().valueChanged.connect(self._on_scrolled)
        self.verticalScrollBar().setObjectName("documentVerticalScrollBar")
        self.horizontalScrollBar().setObjectName("documentHorizontalScrollBar")
        self.anchorClicked.connect(self._on_anchor_clicked)

    def enable_caret_browsing(self) -> None:
        """Let the keyboard move a text cursor and select, as well as follow links (set after the first paint:
        naming Qt's flags costs start-up time)."""
        from PySide6.QtCore import Qt

        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextBrowserInteraction | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )

    # Loading

    def load_html(self, html: str, css: str) -> None:
        """Show new HTML (a theme or reference-mode change) and keep the reader's place."""
        keep = self.top_paragraph_id() if self._anchor_positions else None
        # Qt moves every cursor into the document at each change `setHtml` makes: with the highlights of 10,000
        # notes held, that took several times as long as the new text itself. Every highlight is let go first.
        self.reloading.emit()
        self._layers.clear()
        self.setExtraSelections([])
        self.document().setDefaultStyleSheet(css)
        self.setHtml(html)
        self.document().setDocumentMargin(DOCUMENT_MARGIN)
        self._index_anchors()
        if keep:
            self.show_paragraph(keep)
        self._update_current_section()
        self.reloaded.emit()

    def _index_anchors(self) -> None:
        self._anchor_positions = page_positions(self.document(), self._report.sections)
        self._sort_anchor_positions()

    def _sort_anchor_positions(self) -> None:
        positions = self._anchor_positions
        sections = sorted((positions[sid], sid) for sid in self._section_ids if sid in positions)
        self._section_starts = [position for position, _ in sections]
        self._section_order = [sid for _, sid in sections]
        paragraphs = sorted((positions[pid], pid) for pid in self._paragraphs if pid in positions)
        self._paragraph_starts = [position for position, _ in paragraphs]
        self._paragraph_order = [pid for _, pid in paragraphs]
        places = sorted(sections + paragraphs)
        self._place_starts = [position for position, _ in places]
        self._place_order = [name for _, name in places]

    # Where things are

    def paragraph_span(self, paragraph_id: str) -> tuple[int, int]:
        """Document positions of the first and one-past-last character of a paragraph's text."""
        start = self._anchor_positions[paragraph_id]
        return start, start + len(self._paragraphs[paragraph_id].text)

    def section_start(self, section_id: str) -> int:
        return self._anchor_positions[section_id]

    def paragraph_at(self, position: int) -> tuple[Paragraph, int] | None:
        """The paragraph whose text holds a document position, and the offset within its text."""
        index = bisect.bisect_right(self._paragraph_starts, position) - 1
        if index < 0:
            return None
        paragraph = self._paragraphs[self._paragraph_order[index]]
        offset = position - self._paragraph_starts[index]
        return (paragraph, offset) if offset <= len(paragraph.text) else None

    def section_at(self, position: int) -> str:
        index = max(0, bisect.bisect_right(self._section_starts, position) - 1)
        return self._section_order[index] if self._section_order else ""

    def top_position(self) -> int:
        return self.cursorForPosition(QPoint(8, SCROLL_MARGIN + 4)).position()

    def top_paragraph_id(self) -> str | None:
        """The paragraph or heading at the top of the view: the one cut by the top edge, else the next one."""
        if not self._place_starts:
            return None
        top = self.top_position()
        index = bisect.bisect_right(self._place_starts, top) - 1
        if index >= 0:
            name = self._place_order[index]
            paragraph = self._paragraphs.get(name)
            if top == self._place_starts[index] or (
                paragraph and top < self._place_starts[index] + len(paragraph.text)
            ):
                return name
        return self._place_order[min(index + 1, len(self._place_order) - 1)]

    def current_section(self) -> str:
        return self._current_section

    def has_anchor(self, name: str) -> bool:
        return name in self._anchor_positions

    # Moving

    def show_paragraph(self, paragraph_id: str) -> bool:
        """Scroll so the paragraph starts at the top of the view; False if there is no such paragraph."""
        if paragraph_id not in self._anchor_positions:
            return False
        if paragraph_id in self._section_ids:
            return self.show_section(paragraph_id)
        self._scroll_to(self._anchor_positions[paragraph_id])
        self._update_current_section()
        return True

    def show_section(self, section_id: str) -> bool:
        if section_id not in self._anchor_positions:
            return False
        if self._section_order and section_id == self._section_order[0]:
            self.verticalScrollBar().setValue(0)
        else:
            self._scroll_to(self._anchor_positions[section_id])
        cursor = self.textCursor()
        cursor.setPosition(self._anchor_positions[section_id])
        self.setTextCursor(cursor)
        self._update_current_section(section_id)
        return True

    def move_caret_to(self, place: str) -> bool:
        """Put the text cursor at the start of a section or paragraph, so reading (and a screen reader) starts
        there; False if there is no such place."""
        position = self._anchor_positions.get(place)
        if position is None:
            return False
        cursor = self.textCursor()
        cursor.setPosition(position)
        self.setTextCursor(cursor)  # the place is already in view: this does not scroll
        return True

    def _scroll_to(self, position: int) -> None:
        """Scroll so the line holding a position sits a little below the top edge."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(position)
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + self.cursorRect(cursor).top() - SCROLL_MARGIN)

    def select_range(self, start: int, end: int) -> None:
        cursor = self.textCursor()
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    # Highlights

    def set_highlight_layer(self, name: str, selections: list[QTextEdit.ExtraSelection]) -> None:
        """Replace one named layer of painted highlights (search matches, notes, …), leaving the others."""
        if selections:
            self._layers[name] = list(selections)
        else:
            self._layers.pop(name, None)
        self.setExtraSelections([selection for layer in self._layers.values() for selection in layer])

    # Zoom

    @property
    def zoom(self) -> int:
        return self._zoom

    def set_zoom(self, step: int) -> None:
        keep = self.top_paragraph_id()
        self._zoom = step
        self._apply_font()
        if keep:
            self.show_paragraph(keep)

    def _apply_font(self) -> None:
        font = QFont(self.font())
        font.setPointSizeF(max(4.0, self._base_point_size * ZOOM_STEP**self._zoom))
        self.document().setDefaultFont(font)

    # Context menu

    def add_context_action(self, action: QAction | None) -> None:
        """Offer an action (None for a separator) in the right-click menu, after the standard ones."""
        self._context_actions.append(action)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.createStandardContextMenu(event.pos())
        menu.setObjectName("documentContextMenu")
        menu.addSeparator()
        for action in self._context_actions:
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)
        self.context_menu_opening.emit(menu, self.cursorForPosition(event.pos()).position())
        for action in menu.actions():
            # No dead entries: nothing greyed out, and no "Copy Link Location" (the report's links are its own
            # places and glossary terms, whose addresses mean nothing outside this window).
            if not action.isSeparator() and (not action.isEnabled() or action.objectName() == "link-copy"):
                menu.removeAction(action)
        menu.exec(event.globalPos())
        menu.deleteLater()

    # Links and resources

    def loadResource(self, resource_type: int, name: QUrl) -> object:
        """Only resources built into the app (qrc:) are loaded: never a file, never anything from a network."""
        if name.scheme() == "qrc":
            return super().loadResource(resource_type, name)
        return None

    def _on_anchor_clicked(self, url: QUrl) -> None:
        """A place in the report is shown; an outside link is opened only if the reader says so; glossary terms
        are the glossary's; any other link does nothing."""
        from reader.ui.outside_link_dialog import follow_outside_link, is_outside_link

        if not url.scheme() and not url.path() and url.hasFragment():
            self.show_paragraph(url.fragment())
        elif is_outside_link(url):
            follow_outside_link(url, self)

    # Events

    def resizeEvent(self, event: QResizeEvent) -> None:
        """A narrower or wider page wraps its lines again: keep the reader's place at the top, not the pixels."""
        rewraps = event.oldSize().width() != event.size().width() and self.verticalScrollBar().value() > 0
        place = self.top_position() if rewraps and self._painted else None
        super().resizeEvent(event)
        if place is not None:
            self._scroll_to(place)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self.first_painted.emit)

    def become_accessible(self) -> None:
        """Give screen readers the report as a document (headings, lists, links), not Qt's static text. The window
        asks once its features are built, after the first paint (QAccessible and this module cost every start
        milliseconds); an interface Qt made for the view before then is replaced. Safe to call again."""
        from reader.ui.accessibility import install_document_interface

        install_document_interface(self, _accessible_factory)

    def _on_scrolled(self, _value: int) -> None:
        # Work out the section once the scroll has settled, not on every intermediate value.
        self._section_timer.start()
        self.scrolled.emit()

    def _update_current_section(self, section_id: str = "") -> None:
        self._section_timer.stop()
        section_id = section_id or self.section_at(self.top_position() + 1)
        if section_id and section_id != self._current_section:
            self._current_section = section_id
            self.current_section_changed.emit(section_id)
