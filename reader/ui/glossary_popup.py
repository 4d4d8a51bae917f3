"""The small popup that explains a glossary term marked in the document."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QFont, QGuiApplication, QKeyEvent, QPalette, QTextCursor
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QTextBrowser, QVBoxLayout, QWidget

from reader.glossary import Glossary, GlossaryTerm
from reader.ui.document_view import ZOOM_STEP
from reader.ui.html_escape import escape

TERM_SCHEME = "term"
HOVER_DELAY_MS = 450  # long enough that moving the mouse across the text does not flash popups
HIDE_DELAY_MS = 350  # time to move the mouse from the term onto the popup
POPUP_WIDTH = 380  # at the normal text size; it widens with the text, up to the screen's width
GAP = 6
_MOUSE_EVENTS = (QEvent.Type.MouseMove, QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease)
SCREEN_SHARE = 0.6  # the most of the screen's height a popup takes; a longer definition (or entry) scrolls
MIN_DEFINITION_LINES = 3  # a definition scrolling on its own shows at least this many lines, else the entry scrolls
LINKS = ("glossary", "search", "cite")  # in Tab order


def term_id_of(url: QUrl | str) -> str | None:
    """The entry id of a `term:<id>` link, or None for any other link."""
    text = url.toString() if isinstance(url, QUrl) else url
    prefix = TERM_SCHEME + ":"
    return text[len(prefix) :] if text.startswith(prefix) and len(text) > len(prefix) else None


class GlossaryPopup(QFrame):
    """Term, expansion, definition and first source of one glossary entry, floating over the document without
    taking focus.

    Hovering a marked term (after a short delay) or clicking it opens the popup; `show_term_at_cursor()` is the
    keyboard path. Esc, a click elsewhere, the window losing focus or moving the mouse away (for hover popups)
    closes it. While it is open, Tab and Shift+Tab (typed in the document, which keeps the focus) choose one of its
    links and Enter or Space follows it; Page Up / Page Down scroll a definition too long for the screen.

    Its text follows the page's text size and zoom (`set_text_zoom`), widening up to the screen's width; at a size
    where even the term, the links and a few lines of the definition do not fit, the whole entry scrolls instead.
    """

    shown = Signal(str)  # term id
    hidden = Signal()
    open_in_glossary_requested = Signal(str)  # term id
    search_requested = Signal(str)  # words to search the report for
    copy_citation_requested = Signal(str)  # term id

    def __init__(self, glossary: Glossary, document: QTextBrowser, parent: QWidget | None = None) -> None:
        super().__init__(parent or document, Qt.WindowType.ToolTip | Qt.WindowType.FramelessWindowHint)
        self.setObjectName("glossaryPopup")
        self.setAccessibleName(self.tr("Glossary"))
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setFrameShape(QFrame.Shape.Box)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.ToolTipBase)
        self.setForegroundRole(QPalette.ColorRole.ToolTipText)
        self.setFixedWidth(POPUP_WIDTH)
        self._base_font = QFont(self.font())
        self._zoom = 0  # the page's zoom steps (reader's zoom, text size, presenting), which the text follows
        self._below = QRect()  # where the explained term is, in global coordinates
        self._glossary = glossary
        self._document = document
        self._viewport = document.viewport()
        self._term: GlossaryTerm | None = None
        self._pinned = False  # opened by a click or the keyboard: stays until dismissed
        self._position: int | None = None  # where the explained term is in the document
        self._mouse = QPoint()  # the pointer's last position over the document, in viewport coordinates
        self._pending = ""
        self._chosen = -1  # the link chosen from the keyboard (an index in LINKS), -1 for none
        self._keyboard_hint = ""

        self._title = self._label("glossaryPopupTerm")
        self._expansion = self._label("glossaryPopupExpansion")
        self._definition = self._label("glossaryPopupDefinition")
        self._definition_area = self._scroll_area(
            "glossaryPopupDefinitionArea", self.tr("Definition"), self._definition, self.tr("Scroll the definition")
        )
        self._source = self._label("glossaryPopupSource")
        self._source.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self._links = self._label("glossaryPopupLinks")
        self._links.setTextFormat(Qt.TextFormat.RichText)
        self._links.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
        self._links.setText(
            f'<a href="glossary">{escape(self.tr("Open in glossary"))}</a>'
            f" &#160;·&#160; "
            f'<a href="search">{escape(self.tr("Search the report"))}</a>'
        )
        self._links.setAccessibleName(self.tr("Glossary links"))
        self._cite = self._label("glossaryPopupCite")
        self._cite.setTextFormat(Qt.TextFormat.RichText)
        self._cite.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
        self._cite.setText(f'<a href="cite">{escape(self.tr("Copy with citation"))}</a>')
        self._cite.setAccessibleName(self.tr("Copy the entry with its citation"))
        self._hint = self._label("glossaryPopupHint")
        self._hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self._hint.hide()
        self._body = QWidget(self)
        self._body.setObjectName("glossaryPopupBody")
        self._body.setAccessibleName(self.tr("Glossary entry"))
        body_layout = QVBoxLayout(self._body)
        body_layout.setContentsMargins(12, 10, 12, 10)
        body_layout.setSpacing(4)
        parts = (self._title, self._expansion, self._definition_area, self._source, self._links, self._cite, self._hint)
        for part in parts:
            body_layout.addWidget(part)
        # The whole entry scrolls only at a text size too large for the screen (see `_fit`).
        self._entry_area = self._scroll_area(
            "glossaryPopupEntryArea", self.tr("Glossary entry"), self._body, self.tr("Scroll the glossary entry")
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._entry_area)
        self._apply_font()

        self._hover_timer = QTimer(self)
        self._hover_timer.setSingleShot(True)
        self._hover_timer.setInterval(HOVER_DELAY_MS)
        self._hide_timer = QTimer(self)
        self._hide_timer.setSingleShot(True)
        self._hide_timer.setInterval(HIDE_DELAY_MS)
        self._hover_timer.timeout.connect(self._on_hover_timer_timeout)
        self._hide_timer.timeout.connect(self._on_hide_timer_timeout)
        self._links.linkActivated.connect(self._on_links_link_activated)
        self._cite.linkActivated.connect(self._on_links_link_activated)
        document.installEventFilter(self)
        document.viewport().installEventFilter(self)
        window = document.window()
        if window is not document:
            window.installEventFilter(self)  # closed when the window loses focus
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.applicationStateChanged.connect(self._on_application_state_changed)

    def _scroll_area(self, name: str, label: str, content: QWidget, scroll_bar_label: str) -> QScrollArea:
        """A frameless area scrolling `content` up and down only, never taking the focus, the popup showing through."""
        area = QScrollArea(self)
        area.setObjectName(name)
        area.setAccessibleName(label)
        area.setFrameShape(QFrame.Shape.NoFrame)
        area.setWidgetResizable(True)
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        area.setWidget(content)
        area.viewport().setAutoFillBackground(False)
        area.verticalScrollBar().setAccessibleName(scroll_bar_label)
        return area

    def _label(self, name: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        return label

    # What is shown

    def term(self) -> GlossaryTerm | None:
        """The entry on show, or None while the popup is closed."""
        return self._term if self.isVisible() else None

    def source_line(self, term: GlossaryTerm) -> str:
        """The short line under the definition: the entry's first source (the panel lists them all)."""
        if not term.sources:
            return ""
        more = len(term.sources) - 1
        line = self.tr("Source: {0}").format(term.sources[0])
        return line + (self.tr(" (+{0} more in the glossary)").format(more) if more else "")

    def set_keyboard_hint(self, text: str) -> None:
        """What to show under the links when the popup was opened from the keyboard (with how to reach them)."""
        self._keyboard_hint = text
        self._hint.setText(self._hint_text())

    def set_text_zoom(self, step: int) -> None:
        """Set the text `step` zoom steps from the normal size, as the page's (an open popup is fitted again)."""
        if step == self._zoom:
            return
        self._zoom = step
        self._apply_font()
        if self.isVisible():
            self._style_links()
            self._fit()
            self.move(self._place(self._global_rect(self._position) if self._position is not None else self._below))

    def text_point_size(self) -> float:
        """The point size of the popup's text (the definition's)."""
        return self._definition.font().pointSizeF()

    def _hint_text(self) -> str:
        links = self.tr("Tab: choose a link · Enter: follow it")
        return f"{links} · {self._keyboard_hint}" if self._keyboard_hint else links

    def chosen_link(self) -> str:
        """The link chosen from the keyboard ("glossary", "search", "cite"), or "" for none."""
        return LINKS[self._chosen] if self.isVisible() and 0 <= self._chosen < len(LINKS) else ""

    def show_term(self, term_id: str, below: QRect, *, pinned: bool = True, position: int | None = None) -> None:
        """Open the popup for an entry just below `below` (a rectangle in global coordinates), kept on screen.

        A pinned popup stays until dismissed and, given the term's document `position`, follows it as the
        document scrolls.
        """
        term = self._glossary.term(term_id)
        self._hover_timer.stop()
        self._hide_timer.stop()
        self._term = term
        self._pinned = pinned
        self._position = position
        self._hint.hide()
        self._chosen = -1
        self._definition_area.verticalScrollBar().setValue(0)
        self._entry_area.verticalScrollBar().setValue(0)
        self._below = QRect(below)
        self._title.setText(term.term)
        self._expansion.setText(term.expansion or "")
        self._expansion.setVisible(bool(term.expansion))
        self._definition.setText(term.definition)
        source = self.source_line(term)
        self._source.setText(source)
        self._source.setAccessibleName(source)
        self._source.setVisible(bool(source))
        heading = f"{term.term} ({term.expansion})" if term.expansion else term.term
        self.setAccessibleName(self.tr("Glossary: {0}").format(heading))
        self.setAccessibleDescription(f"{term.definition} {source}".strip())
        self._style_links()
        self._fit()
        self.move(self._place(below))
        self.show()
        self.shown.emit(term.id)

    def show_term_at_cursor(self) -> bool:
        """The keyboard path: explain the term at the document's text cursor; False when there is none there."""
        cursor = self._document.textCursor()
        position = cursor.selectionStart() if cursor.hasSelection() else cursor.position()
        found = self._term_at(position)
        if found is None:
            return False
        term_id, start = found
        self.show_term(term_id, self._global_rect(start), position=start)
        self._hint.setText(self._hint_text())
        self._hint.show()
        self._fit()
        self.move(self._place(self._global_rect(start)))
        return True

    def dismiss(self) -> None:
        self._hover_timer.stop()
        self._hide_timer.stop()
        if self.isVisible():
            self.hide()

    # Slots for the document's link signals (wired in MainWindow)

    def on_link_hovered(self, url: QUrl) -> None:
        """The mouse moved onto a link (or off one, with an empty URL)."""
        term_id = term_id_of(url)
        if term_id is None or not self._glossary.has_term(term_id):
            self._hover_timer.stop()
            if self.isVisible() and not self._pinned:
                self._hide_timer.start()
            return
        self._hide_timer.stop()
        if self.isVisible() and self._term is not None and self._term.id == term_id:
            return
        self._pending = term_id
        self._hover_timer.start()

    def on_link_clicked(self, url: QUrl) -> bool:
        """A link in the document was clicked; True when it was a term and the popup opened."""
        term_id = term_id_of(url)
        if term_id is None or not self._glossary.has_term(term_id):
            return False
        self._show_at_mouse(term_id, pinned=True)
        return True

    def on_document_scrolled(self) -> None:
        """Hover popups close; pinned ones follow their term, and close once it scrolls out of view."""
        if not self.isVisible():
            return
        if not self._pinned or self._position is None:
            self.dismiss()
            return
        cursor = QTextCursor(self._document.document())
        cursor.setPosition(min(self._position, self._document.document().characterCount() - 1))
        if not self._document.viewport().rect().contains(self._document.cursorRect(cursor).center()):
            self.dismiss()
            return
        self.move(self._place(self._global_rect(self._position)))

    # Events

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if watched is self._viewport and kind in _MOUSE_EVENTS:
            self._mouse = event.position().toPoint()  # type: ignore[attr-defined]
        if kind == QEvent.Type.KeyPress and self.isVisible():
            key_event: QKeyEvent = event  # type: ignore[assignment]
            return self._on_key(key_event)
        if kind == QEvent.Type.ShortcutOverride and self.isVisible() and self._pinned:
            key = event.key()  # type: ignore[attr-defined]
            if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab, Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
                event.accept()  # ours while the popup is open, not a window shortcut's
                return True
        if kind == QEvent.Type.WindowDeactivate and watched is not self._document and self.isVisible():
            self.dismiss()
        elif kind == QEvent.Type.MouseButtonPress and self.isVisible():
            self.dismiss()  # a click on a term opens it again on release
        elif kind == QEvent.Type.Hide and watched is self._document:
            self.dismiss()
        return False

    def enterEvent(self, event) -> None:
        self._hide_timer.stop()
        super().enterEvent(event)

    def leaveEvent(self, event) -> None:
        if not self._pinned:
            self._hide_timer.start()
        super().leaveEvent(event)

    def hideEvent(self, event) -> None:
        super().hideEvent(event)
        self.hidden.emit()

    # Helpers

    def _on_hover_timer_timeout(self) -> None:
        if self._pending and self._glossary.has_term(self._pending):
            self._show_at_mouse(self._pending, pinned=False)

    def _on_hide_timer_timeout(self) -> None:
        if not self._pinned and not self.underMouse():
            self.hide()

    def _on_key(self, event: QKeyEvent) -> bool:
        """Keys typed in the document while the popup is open; True when the popup used them."""
        key = event.key()
        if key == Qt.Key.Key_Escape:
            self.dismiss()
            return True
        if not self._pinned:
            return False
        if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            backwards = key == Qt.Key.Key_Backtab or bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            start = self._chosen if self._chosen >= 0 else (0 if backwards else -1)
            self._chosen = (start + (-1 if backwards else 1)) % len(LINKS)
            self._style_links()
            self._entry_area.ensureWidgetVisible(self._cite if LINKS[self._chosen] == "cite" else self._links, 0, GAP)
            from reader.ui.accessibility import announce

            announce(self, self._link_names()[self._chosen])
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space) and self._chosen >= 0:
            self._on_links_link_activated(LINKS[self._chosen])
            return True
        bar = self._entry_area.verticalScrollBar()
        if not bar.maximum():
            bar = self._definition_area.verticalScrollBar()
        if key in (Qt.Key.Key_PageDown, Qt.Key.Key_PageUp) and bar.maximum():
            bar.setValue(bar.value() + bar.pageStep() * (1 if key == Qt.Key.Key_PageDown else -1))
            return True
        return False

    def _link_names(self) -> tuple[str, str, str]:
        return self.tr("Open in glossary"), self.tr("Search the report"), self.tr("Copy with citation")

    def _on_application_state_changed(self, state: Qt.ApplicationState) -> None:
        if state != Qt.ApplicationState.ApplicationActive:
            self.dismiss()

    def _on_links_link_activated(self, link: str) -> None:
        term = self._term
        if term is None:
            return
        self.dismiss()
        if link == "glossary":
            self.open_in_glossary_requested.emit(term.id)
        elif link == "search":
            self.search_requested.emit(term.term)
        elif link == "cite":
            self.copy_citation_requested.emit(term.id)

    def _term_at(self, position: int) -> tuple[str, int] | None:
        """The term id and its start position for a document position, from the marked links."""
        document = self._document.document()
        for probe in (position, position - 1):  # a cursor right after a term counts as on it
            if probe < 0:
                continue
            cursor = QTextCursor(document)
            cursor.setPosition(probe)
            cursor.movePosition(QTextCursor.MoveOperation.NextCharacter, QTextCursor.MoveMode.KeepAnchor)
            term_id = term_id_of(cursor.charFormat().anchorHref())
            if term_id and self._glossary.has_term(term_id):
                start = probe
                while start > 0:
                    before = QTextCursor(document)
                    before.setPosition(start - 1)
                    before.movePosition(QTextCursor.MoveOperation.NextCharacter, QTextCursor.MoveMode.KeepAnchor)
                    if term_id_of(before.charFormat().anchorHref()) != term_id:
                        break
                    start -= 1
                return term_id, start
        return None

    def _global_rect(self, position: int) -> QRect:
        """The on-screen rectangle of the text cursor at a document position."""
        cursor = QTextCursor(self._document.document())
        cursor.setPosition(position)
        rect = self._document.cursorRect(cursor)
        return QRect(self._document.viewport().mapToGlobal(rect.topLeft()), rect.size())

    def _show_at_mouse(self, term_id: str, *, pinned: bool) -> None:
        """Open the popup under the term the pointer is on (under the pointer if the term cannot be found)."""
        position = self._document.cursorForPosition(self._mouse).position()
        found = self._term_at(position)
        if found is not None and found[0] == term_id:
            start = found[1]
            self.show_term(term_id, self._global_rect(start), pinned=pinned, position=start)
            return
        point = self._document.viewport().mapToGlobal(self._mouse)
        height = self._document.fontMetrics().height()
        below = QRect(point - QPoint(0, height // 2), point + QPoint(1, height // 2))
        self.show_term(term_id, below, pinned=pinned, position=position)

    def _place(self, below: QRect) -> QPoint:
        area = self._screen_area(below)
        size = self.size()
        x = min(max(below.left(), area.left()), area.right() - size.width())
        y = below.bottom() + GAP
        if y + size.height() > area.bottom():
            y = below.top() - GAP - size.height()  # no room below: open above the term
        return QPoint(max(x, area.left()), max(y, area.top()))

    def _screen_area(self, below: QRect | None = None) -> QRect:
        """The available geometry of the screen the term is on (the document's when unknown)."""
        screen = QGuiApplication.screenAt(below.center()) if below is not None and below.isValid() else None
        return (screen or self._document.screen()).availableGeometry()

    def _apply_font(self) -> None:
        """The popup's text at the page's zoom; the term in bold, its expansion in italics."""
        font = QFont(self._base_font)
        if self._base_font.pointSizeF() > 0:
            font.setPointSizeF(max(4.0, self._base_font.pointSizeF() * ZOOM_STEP**self._zoom))
        # Set on each label: with the application's style sheet (the focus outline), Qt hands no font down.
        self.setFont(font)
        for label in (self._definition, self._source, self._links, self._cite, self._hint):
            label.setFont(font)
        title_font = QFont(font)
        title_font.setBold(True)
        self._title.setFont(title_font)
        expansion_font = QFont(font)
        expansion_font.setItalic(True)
        self._expansion.setFont(expansion_font)

    def _fit(self) -> None:
        """As wide as the text size asks (up to the screen's width) and as tall as the wrapped text needs
        (adjustSize() leaves long entries cut off), but never taller than SCREEN_SHARE of the screen: a longer
        definition scrolls inside the popup, or, when not even a few of its lines would show (large text on a
        small screen), the whole entry does."""
        area = self._screen_area(self._below)
        width = min(max(POPUP_WIDTH, round(POPUP_WIDTH * ZOOM_STEP**self._zoom)), area.width() - 2 * GAP)
        self.setFixedWidth(width)
        frame = 2 * self.frameWidth()
        inner = width - frame
        limit = int(area.height() * SCREEN_SHARE)
        body_height = self._fit_definition(inner)
        if body_height + frame > limit:
            shrunk = self._definition_area.height() - (body_height + frame - limit)
            if shrunk >= MIN_DEFINITION_LINES * self._definition.fontMetrics().height():
                self._definition_area.setFixedHeight(shrunk)  # the definition scrolls; term and links stay in view
            else:
                self._fit_definition(inner - self._entry_area.verticalScrollBar().sizeHint().width())
            body_height = limit - frame
        self.resize(width, body_height + frame)
        self.layout().activate()

    def _fit_definition(self, width: int) -> int:
        """Give the definition all the height it needs at this body width; the body's height then."""
        margins = self._body.layout().contentsMargins()
        needed = max(1, self._definition.heightForWidth(width - margins.left() - margins.right()))
        self._definition_area.setFixedHeight(needed)
        self._body.layout().activate()
        height = self._body.heightForWidth(width)
        return height if height > 0 else self._body.sizeHint().height()

    def _style_links(self) -> None:
        """The links in the theme's link colour; the one chosen from the keyboard outlined in its focus colour."""
        colour = self.palette().color(QPalette.ColorRole.Link).name()
        focus = self.palette().color(QPalette.ColorRole.Accent).name()
        names = [escape(name) for name in self._link_names()]
        chosen = LINKS[self._chosen] if 0 <= self._chosen < len(LINKS) else ""

        def link(name: str, text: str) -> str:
            if name == chosen:  # Qt's rich text draws no outline: a thick underline and a background show the choice
                style = f"color: {colour}; background-color: {focus}40; text-decoration: underline; font-weight: bold"
                return f'<a href="{name}" style="{style}">[{text}]</a>'
            return f'<a href="{name}" style="color: {colour}">{text}</a>'

        self._links.setText(f"{link('glossary', names[0])} &#160;·&#160; {link('search', names[1])}")
        self._cite.setText(link("cite", names[2]))
        size = self._definition.font().pointSizeF()  # a label's own style sheet would otherwise set the normal size
        for label in (self._links, self._cite):
            label.setStyleSheet(f"QLabel {{ color: {colour}; font-size: {size:.2f}pt; }}")
        if chosen:
            self._links.setAccessibleDescription(self.tr("Chosen: {0}").format(self._link_names()[self._chosen]))
