"""The search panel: a field that asks for a search as you type, the hits, and a line for corrections and errors."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAbstractTextDocumentLayout, QKeyEvent, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QListView,
    QProgressBar,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from reader.search.results import HitKind, SearchHit, SearchResult
from reader.ui.html_escape import escape

DEBOUNCE_MS = 150
HIT_ROLE = Qt.ItemDataRole.UserRole + 1


class SearchPanel(QWidget):
    """A field that asks for a search as the reader types, the hits, and a line for corrections and errors.

    It searches nothing itself: it emits `search_requested(text)` (shortly after typing stops, or at once on Enter,
    an arrow key or a suggestion) and whoever owns it answers with `show_result`. Emits `hit_activated(hit,
    match_terms)` when the reader opens a hit (Enter, double-click) and `highlights_cleared` on Esc in the field.
    """

    search_requested = Signal(str)
    hit_activated = Signal(object, object)
    highlights_cleared = Signal()
    results_shown = Signal(int)  # after every answer: how many hits are listed

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchPanel")
        self.setAccessibleName(self.tr("Search"))
        self._result: SearchResult | None = None

        self.field = QLineEdit(self)
        self.field.setObjectName("searchField")
        self.field.setAccessibleName(self.tr("Search the report, glossary and notes"))
        self.field.setPlaceholderText(self.tr("Search the report, glossary and notes"))
        self.field.setClearButtonEnabled(True)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("searchProgress")
        self.progress.setAccessibleName(self.tr("Preparing search"))
        self.progress.setFormat(self.tr("Preparing search… %p%"))
        self.progress.hide()
        self.status = QLabel(self)
        self.status.setObjectName("searchStatus")
        self.status.setAccessibleName(self.tr("Search status"))
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.hide()
        self.suggestion = QPushButton(self)
        self.suggestion.setObjectName("searchSuggestion")
        self.suggestion.setAccessibleName(self.tr("Search for the suggested spelling"))
        self.suggestion.setFlat(True)
        self._style_suggestion()
        self.suggestion.hide()
        self.model = SearchHitModel(self)
        self.results = QListView(self)
        self.results.setObjectName("searchResults")
        self.results.setAccessibleName(self.tr("Search results"))
        self.results.setModel(self.model)
        self.results.setItemDelegate(HitDelegate(self.results))
        self.results.setWordWrap(True)
        self.results.setResizeMode(QListView.ResizeMode.Adjust)
        self.results.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        for widget in (self.field, self.progress, self.status, self.suggestion, self.results):
            layout.addWidget(widget)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self.request_search)
        self.field.textEdited.connect(self._on_field_text_edited)
        self.field.returnPressed.connect(self.activate_current)
        self.field.installEventFilter(self)
        self.results.installEventFilter(self)
        self.results.activated.connect(self._on_results_activated)
        self.suggestion.clicked.connect(self._on_suggestion_clicked)

    # Asking

    def query(self) -> str:
        """What is in the field now."""
        return self.field.text()

    def focus_field(self) -> None:
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    def search_for(self, text: str) -> None:
        """Put `text` in the field and ask for it now (a glossary term, a suggested spelling)."""
        self.field.setText(text)
        self.focus_field()
        self.request_search()

    def request_search(self) -> None:
        """Ask for what is in the field now, without waiting for typing to stop."""
        self._debounce.stop()
        self.search_requested.emit(self.field.text())

    # Answers

    def show_result(self, result: SearchResult | None, message: str = "") -> None:
        """List a result's hits (None: none) with its count, correction or notice, after `message` if any."""
        self._result = result
        self.model.set_hits(result.hits if result else ())
        if result is not None and result.hits:
            self.results.setCurrentIndex(self.model.index(0, 0))
        lines = [message] if message else []
        if result is not None:
            if result.notice:
                lines.append(result.notice)
            if not result.hits:
                lines.append(self.tr("No results for “{0}”.").format(result.query.strip()[:60]))
            elif result.is_fuzzy:
                lines.append(self.tr("No exact matches; showing close matches."))
            else:
                count = result.total
                lines.append(self.tr("1 result") if count == 1 else self.tr("{0} results").format(count))
        self.show_status("\n".join(lines))
        suggestion = result.suggestion if result is not None else None
        self.suggestion.setText(self.tr("Did you mean: {0}?").format(suggestion) if suggestion else "")
        self.suggestion.setVisible(bool(suggestion))
        if result is not None:  # what a sighted reader sees change, said by a screen reader
            from reader.ui.accessibility import announce

            announce(self.status, " ".join([*lines, self.suggestion.text()]).strip())
        self.results_shown.emit(self.model.rowCount())

    def show_status(self, text: str) -> None:
        """Show a line under the field (empty: hide it), leaving the hits as they are."""
        self.status.setText(text)
        self.status.setVisible(bool(text))

    def show_progress(self, done: int, total: int) -> None:
        """Show how far preparing the search has got."""
        self.progress.setMaximum(max(1, total))
        self.progress.setValue(done)
        self.progress.show()

    def hide_progress(self) -> None:
        self.progress.hide()

    # Opening hits

    def activate_current(self) -> None:
        """Open the selected hit (the first when none is selected)."""
        if self._debounce.isActive():
            self.request_search()
        index = self.results.currentIndex()
        if not index.isValid():
            index = self.model.index(0, 0)
        if index.isValid():
            self._open(index)

    def _open(self, index: QModelIndex) -> None:
        hit = self.model.hit(index.row())
        if hit is not None and self._result is not None:
            self.hit_activated.emit(hit, self._result.match_terms)

    def _move(self, step: int) -> None:
        rows = self.model.rowCount()
        if not rows:
            return
        current = self.results.currentIndex().row()
        row = max(0, min(rows - 1, current + step if current >= 0 else 0))
        self.results.setCurrentIndex(self.model.index(row, 0))

    # Slots

    def _on_field_text_edited(self, _text: str) -> None:
        self._debounce.start()

    def _on_results_activated(self, index: QModelIndex) -> None:
        self._open(index)

    def _on_suggestion_clicked(self) -> None:
        if self._result is not None and self._result.suggestion:
            self.search_for(self._result.suggestion)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self._style_suggestion()

    def _style_suggestion(self) -> None:
        """The suggestion reads as a link in the theme's colours (a style sheet's own default is near black)."""
        palette = self.palette()
        link = palette.color(QPalette.ColorRole.Link).name()
        focus = palette.color(QPalette.ColorRole.Accent).name()
        sheet = (
            f"QPushButton {{ text-align: left; color: {link}; background: transparent; border: 2px solid transparent;"
            f" padding: 2px; }} QPushButton:focus {{ border-color: {focus}; }}"
        )
        if sheet != self.suggestion.styleSheet():  # setting one polishes the button again, even when unchanged
            self.suggestion.setStyleSheet(sheet)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.results and event.type() == QEvent.Type.KeyPress:
            if event.key() == Qt.Key.Key_Escape:  # type: ignore[attr-defined]
                self.field.setFocus(Qt.FocusReason.OtherFocusReason)  # Esc again there clears the search
                self.field.selectAll()
                return True
            return False
        if watched is self.field and event.type() == QEvent.Type.KeyPress:
            key_event: QKeyEvent = event  # type: ignore[assignment]
            key = key_event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
                if self._debounce.isActive():
                    self.request_search()
                step = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1, Qt.Key.Key_PageDown: 5, Qt.Key.Key_PageUp: -5}[key]
                self._move(step)
                return True
            if key == Qt.Key.Key_Escape:
                if self.field.text():
                    self.field.clear()
                    self.show_result(None)
                self.highlights_cleared.emit()
                return True
        return False


class SearchHitModel(QAbstractListModel):
    """The listed hits: display text for accessibility, the `SearchHit` under `HIT_ROLE`."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._hits: tuple[SearchHit, ...] = ()

    def set_hits(self, hits: Sequence[SearchHit]) -> None:
        self.beginResetModel()
        self._hits = tuple(hits)
        self.endResetModel()

    def hit(self, row: int) -> SearchHit | None:
        return self._hits[row] if 0 <= row < len(self._hits) else None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._hits)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        hit = self.hit(index.row()) if index.isValid() else None
        if hit is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return f"{hit.heading}\n{hit.snippet}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return hit.heading
        if role == HIT_ROLE:
            return hit
        return None


def hit_html(hit: SearchHit, muted: str) -> str:
    """A hit as rich text: kind and section path on a muted first line, then the snippet, matches in bold."""
    pieces, cursor = [], 0
    for start, end in hit.snippet_spans:
        pieces += [escape(hit.snippet[cursor:start]), "<b>", escape(hit.snippet[start:end]), "</b>"]
        cursor = end
    pieces.append(escape(hit.snippet[cursor:]))
    # Glossary and note headings start with their kind ("Glossary › ICJ"); make that part stand out.
    kind, separator, rest = hit.heading.partition(" › ") if hit.kind is not HitKind.REPORT else ("", "", hit.heading)
    where = f"<b>{escape(kind)}</b>{escape(separator + rest)}" if kind else escape(rest)
    heading = f'<span style="color:{muted}; font-size:small">{where}</span>'
    return f"{heading}<br>{''.join(pieces)}"


class HitDelegate(QStyledItemDelegate):
    """Draws a hit as two lines of rich text: where it is, and the snippet with the matched words in bold."""

    def _document(self, option: QStyleOptionViewItem, index: QModelIndex) -> QTextDocument:
        hit: SearchHit = index.data(HIT_ROLE)
        document = QTextDocument()
        document.setDefaultFont(option.font)
        muted = option.palette.color(QPalette.ColorRole.PlaceholderText).name()
        document.setHtml(hit_html(hit, muted))
        view = self.parent()
        width = view.viewport().width() if isinstance(view, QListView) else option.rect.width()
        document.setTextWidth(max(120, width - 8))
        return document

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        from PySide6.QtWidgets import QStyle  # at the first hit painted: its enums cost a third of a megabyte

        self.initStyleOption(option, index)
        style = option.widget.style() if option.widget else None
        text_option = QStyleOptionViewItem(option)
        text_option.text = ""
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, text_option, painter, option.widget)
        document = self._document(option, index)
        painter.save()
        painter.translate(option.rect.topLeft().x() + 4, option.rect.topLeft().y() + 2)
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, option.palette.color(role))
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        document = self._document(option, index)
        return QSize(int(document.idealWidth()), int(document.size().height()) + 6)
