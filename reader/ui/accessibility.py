"""What assistive technology gets: the report as a document, names for Qt's own unnamed parts, announcements.

Qt exposes a `QTextBrowser` as static text (AT-SPI "label"), with its text but no structure. `document_view.py`
registers a factory giving the document view (`objectName` "document") a `DocumentAccessible`: role Document,
read-only, its whole text and caret through the text interface, and, built only when a screen reader first asks for
children, one child per block (headings with their level, paragraphs, lists and their items, block quotes) whose
children are the block's links (glossary terms are links with the description "Glossary term").

PySide6 cannot cast a Python interface to a text or attributes interface by itself: `interface_cast` returns the
address of the object's C++ part for that interface (`_cast`), and a null pointer for a kind it lacks (a screen
reader asks for all of them; None there crashes the app).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, QRect, Qt, QTimer
from PySide6.QtGui import (
    QAccessible,
    QAccessibleAnnouncementEvent,
    QAccessibleAttributesInterface,
    QAccessibleEvent,
    QAccessibleInterface,
    QAccessibleTextInterface,
    QTextBlock,
    QTextCursor,
    QTextFormat,
)
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAccessibleWidget,
    QComboBox,
    QDockWidget,
    QLineEdit,
    QMainWindow,
    QScrollBar,
    QTextEdit,
    QToolButton,
    QWidget,
)

Role = QAccessible.Role


def _tr(text: str) -> str:
    return QCoreApplication.translate("accessibility", text)


_TEXT = QAccessible.InterfaceType.TextInterface
_ATTRIBUTES = QAccessible.InterfaceType.AttributesInterface
TERM_PREFIX = "term:"
_factory_installed = False  # QAccessible keeps factories for the whole process


_NOWHERE = shiboken6.VoidPtr(0)  # "no such interface": Qt wants a null pointer, and None cannot become one


def _cast(interface: object, part: int) -> shiboken6.VoidPtr:
    """The address of `interface`'s C++ part number `part`: one per Qt class it derives from, in the order of its
    bases (0 the interface itself, then the text interface, then the attributes interface)."""
    return shiboken6.VoidPtr(shiboken6.getCppPointer(interface)[part])


# The document's structure


@dataclass(slots=True)
class Node:
    """One block (or a group of blocks, or a link) of the page: its role, its text range and its children."""

    role: QAccessible.Role
    start: int
    end: int
    level: int = 0
    href: str = ""
    children: list[Node] = field(default_factory=list)


def document_structure(document: QTextEdit) -> list[Node]:
    """The page's blocks in reading order: headings (with level), paragraphs, lists of items, block quotes; each
    with the links in it as children."""
    top: list[Node] = []
    open_list: tuple[object, Node] | None = None
    open_quote: Node | None = None
    block = document.document().begin()
    while block.isValid():
        text = block.text().strip()
        if text:
            node = Node(Role.Paragraph, block.position(), block.position() + block.length() - 1)
            node.children = _links(block)
            heading = block.blockFormat().headingLevel()
            text_list = block.textList()
            quoted = block.blockFormat().intProperty(QTextFormat.Property.BlockQuoteLevel) > 0
            if heading:
                node.role, node.level = Role.Heading, heading
            if text_list is not None:
                node.role = Role.ListItem
                if open_list is None or open_list[0] is not text_list:
                    open_list = (text_list, Node(Role.List, node.start, node.end))
                    _container(top, open_quote if quoted else None).append(open_list[1])
                open_list[1].children.append(node)
                open_list[1].end = node.end
            else:
                open_list = None
                if quoted:
                    if open_quote is None:
                        open_quote = Node(Role.BlockQuote, node.start, node.end)
                        top.append(open_quote)
                    open_quote.children.append(node)
                    open_quote.end = node.end
                else:
                    top.append(node)
            if not quoted:
                open_quote = None
        block = block.next()
    return top


def _container(top: list[Node], quote: Node | None) -> list[Node]:
    return quote.children if quote is not None else top


def _links(block: QTextBlock) -> list[Node]:
    links: list[Node] = []
    fragments = block.begin()
    while not fragments.atEnd():
        fragment = fragments.fragment()
        href = fragment.charFormat().anchorHref() if fragment.charFormat().isAnchor() else ""
        start, end = fragment.position(), fragment.position() + fragment.length()
        if href and links and links[-1].href == href and links[-1].end == start:
            links[-1].end = end
        elif href:
            links.append(Node(Role.Link, start, end, href=href))
        fragments += 1
    return links


# Text over a range of the document


class _TextRange(QAccessibleTextInterface):
    """The text interface over [start, end) of the document's plain text; offsets are relative to `start`."""

    _view: QTextEdit

    def _range(self) -> tuple[int, int]:
        raise NotImplementedError

    def _plain(self) -> str:
        start, end = self._range()
        return self._view.document().toPlainText()[start:end].replace("\u2029", "\n").replace("\u2028", "\n")

    def text(self, *args):  # both QAccessibleInterface.text(t) and text(start, end)
        if len(args) == 2:
            return self._plain()[max(0, args[0]) : args[1] if args[1] >= 0 else None]
        return self.name_text(args[0])

    def name_text(self, kind: QAccessible.Text) -> str:
        raise NotImplementedError

    def characterCount(self) -> int:
        start, end = self._range()
        return max(0, end - start)

    def cursorPosition(self) -> int:
        start, end = self._range()
        return max(0, min(end, self._view.textCursor().position()) - start)

    def setCursorPosition(self, position: int) -> None:
        start, end = self._range()
        cursor = self._view.textCursor()
        cursor.setPosition(max(start, min(end, start + position)))
        self._view.setTextCursor(cursor)

    def selectionCount(self) -> int:
        return 1 if self._view.textCursor().hasSelection() else 0

    def addSelection(self, start: int, end: int) -> None:
        self.setSelection(0, start, end)

    def removeSelection(self, _index: int) -> None:
        cursor = self._view.textCursor()
        cursor.clearSelection()
        self._view.setTextCursor(cursor)

    def setSelection(self, _index: int, start: int, end: int) -> None:
        base, stop = self._range()
        cursor = self._view.textCursor()
        cursor.setPosition(max(base, min(stop, base + start)))
        cursor.setPosition(max(base, min(stop, base + end)), QTextCursor.MoveMode.KeepAnchor)
        self._view.setTextCursor(cursor)

    def characterRect(self, offset: int) -> QRect:
        cursor = QTextCursor(self._view.document())
        cursor.setPosition(min(self._range()[0] + offset, self._view.document().characterCount() - 1))
        rect = self._view.cursorRect(cursor)
        viewport = self._view.viewport()
        return QRect(viewport.mapToGlobal(rect.topLeft()), rect.size().expandedTo(rect.size()))

    def offsetAtPoint(self, point: QPoint) -> int:
        viewport = self._view.viewport()
        position = self._view.cursorForPosition(viewport.mapFromGlobal(point)).position()
        start, end = self._range()
        return position - start if start <= position <= end else -1

    def scrollToSubstring(self, start: int, _end: int) -> None:
        cursor = QTextCursor(self._view.document())
        cursor.setPosition(self._range()[0] + start)
        self._view.setTextCursor(cursor)
        self._view.ensureCursorVisible()

    def _global_rect(self) -> QRect:
        start, end = self._range()
        first, last = self.characterRect(0), self.characterRect(max(0, end - start - 1))
        viewport = self._view.viewport()
        left = viewport.mapToGlobal(QPoint(0, 0)).x()
        return QRect(QPoint(left, first.top()), QPoint(left + viewport.width(), last.bottom()))


def install_document_interface(view: QTextEdit, factory: Callable[[str, QObject], object]) -> None:
    """Install `factory` (once) and make sure the view's interface is the one it makes. An interface Qt made for the
    view before is deleted, and a screen reader told that the view's place in the tree (and, if it has the focus,
    the focus) changed."""
    global _factory_installed
    if not _factory_installed:
        _factory_installed = True
        QAccessible.installFactory(factory)
    if not QAccessible.isActive():  # no assistive technology has asked yet: Qt has made no interface for the view
        return
    current = QAccessible.queryAccessibleInterface(view)
    if current is None or isinstance(current, DocumentAccessible):
        return
    QAccessible.deleteAccessibleInterface(QAccessible.uniqueId(current))
    if QAccessible.queryAccessibleInterface(view) is not None:
        parent = view.parentWidget()
        if parent is not None:
            QAccessible.updateAccessibility(QAccessibleEvent(parent, QAccessible.Event.ObjectReorder))
        if view.hasFocus():
            QAccessible.updateAccessibility(QAccessibleEvent(view, QAccessible.Event.Focus))


def document_accessible(view: QTextEdit) -> DocumentAccessible | None:
    """The document view's interface, for an accessibility factory to return. It first has Qt build its own
    interface for the view (asking again from inside the factory, which then answers None) and lends that one's
    text to the document: Qt's text interface gives a screen reader what PySide6 cannot (text attributes, whose
    absence silenced Orca's line-by-line reading)."""
    if getattr(view, "_asking_qt_for_its_own", False):
        return None
    view._asking_qt_for_its_own = True
    try:
        own = QAccessible.queryAccessibleInterface(view)
    finally:
        view._asking_qt_for_its_own = False
    return DocumentAccessible(view, own)


class DocumentAccessible(QAccessibleWidget):
    """The report for assistive technology: a read-only document with its text, caret and structure."""

    def __init__(self, view: QTextEdit, own: QAccessibleInterface | None) -> None:
        QAccessibleWidget.__init__(self, view, Role.Document)
        self._view = view
        self._own = own  # Qt's interface for the view, kept for its text
        self._children: list[NodeAccessible] | None = None
        self._built_for: tuple[int, int] = (-1, -1)  # the page's blocks and characters when they were built
        self._retired: list[NodeAccessible] = []  # kept alive: Qt may still hold their addresses
        view.document().contentsChanged.connect(self.forget_structure)
        self._tab_watcher = _TabWatcher(view, self._on_view_tabbed)
        view.destroyed.connect(self._let_go)

    def _let_go(self) -> None:
        """The view is gone, and Qt deletes its interfaces with it: let go of the Python side of Qt's own at once.
        Kept until Python collects this interface (it and its children refer to each other), it would stay registered
        at an address Qt hands to the next object made there, which Python would then see as this interface."""
        self._own = None
        self._children = None
        self._retired.clear()

    def _page_shape(self) -> tuple[int, int]:
        document = self._view.document()
        return document.blockCount(), document.characterCount()

    def forget_structure(self) -> None:
        """The page was rebuilt (theme, reference mode): build the children again when next asked. A change of
        format alone keeps them, so retired children cannot pile up."""
        if self._children and self._page_shape() != self._built_for:
            for child in self._children:
                child.retire()
            self._retired.extend(self._children)
            self._children = None

    def nodes(self) -> list[NodeAccessible]:
        if self._children is None or self._page_shape() != self._built_for:
            self.forget_structure()
            self._built_for = self._page_shape()
            self._children = [NodeAccessible(node, self, self._view) for node in document_structure(self._view)]
        return self._children

    def role(self) -> QAccessible.Role:
        return Role.Document

    def state(self) -> QAccessible.State:
        state = QAccessibleWidget.state(self)
        state.readOnly = True
        state.editable = False
        state.multiLine = True
        state.focusable = True
        return state

    def interface_cast(self, kind: QAccessible.InterfaceType) -> object:
        text = self._own.textInterface() if kind == _TEXT and self._own is not None and self._own.isValid() else None
        if text is not None:
            return _cast(text, 0)
        # The widget's own (its actions): handed back as a pointer, as Qt expects, never as a plain number.
        return shiboken6.VoidPtr(QAccessibleWidget.interface_cast(self, kind) or 0)

    def childCount(self) -> int:
        return len(self.nodes())

    def child(self, index: int) -> QAccessibleInterface | None:
        nodes = self.nodes()
        return nodes[index] if 0 <= index < len(nodes) else None

    def indexOfChild(self, child: QAccessibleInterface) -> int:
        nodes = self.nodes()
        return next((index for index, node in enumerate(nodes) if node is child), -1)

    def childAt(self, x: int, y: int) -> QAccessibleInterface | None:
        return next((node for node in self.nodes() if node.rect().contains(x, y)), None)

    def focused_link(self) -> NodeAccessible | None:
        """The link Tab has moved to (the view selects a link's whole text when it does), if the view has focus."""
        if not shiboken6.isValid(self._view) or not self._view.hasFocus():
            return None
        cursor = self._view.textCursor()
        if not cursor.hasSelection():
            return None
        start, end = cursor.selectionStart(), cursor.selectionEnd()
        pending = list(self.nodes())
        while pending:
            node = pending.pop()
            if node.role() == Role.Link and node.covers(start, end):
                return node
            pending.extend(node.children())
        return None

    def focusChild(self) -> QAccessibleInterface | None:
        return self.focused_link()

    def _on_view_tabbed(self) -> None:
        # A QTextBrowser moves Tab from link to link by selecting it without a signal or an accessibility event:
        # without this one a screen reader stays silent while the reader tabs through the glossary terms.
        if not QAccessible.isActive() or not shiboken6.isValid(self._view):
            return
        link = self.focused_link()
        if link is not None:
            QAccessible.updateAccessibility(QAccessibleEvent(link, QAccessible.Event.Focus))


class _TabWatcher(QObject):
    """Calls `tabbed` once the view has handled a Tab or Shift+Tab (which moves it from link to link)."""

    def __init__(self, view: QTextEdit, tabbed: Callable[[], None]) -> None:
        super().__init__(view)
        self.setObjectName("documentTabWatcher")
        self._tabbed = tabbed
        view.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            QTimer.singleShot(0, self, self._tabbed)  # after the view has moved its selection
        return False


class NodeAccessible(QAccessibleInterface, _TextRange, QAccessibleAttributesInterface):
    """A heading, paragraph, list, list item, block quote or link of the report."""

    def __init__(self, node: Node, parent: QAccessibleInterface, view: QTextEdit) -> None:
        QAccessibleInterface.__init__(self)
        QAccessibleAttributesInterface.__init__(self)
        self._node = node
        self._parent = parent
        self._view = view
        self._valid = True
        self._children = [NodeAccessible(child, self, view) for child in node.children]

    def children(self) -> list[NodeAccessible]:
        return list(self._children)

    def covers(self, start: int, end: int) -> bool:
        """Whether [start, end) is this node's whole text."""
        return (self._node.start, self._node.end) == (start, end)

    def retire(self) -> None:
        self._valid = False
        for child in self._children:
            child.retire()

    text = _TextRange.text

    def _range(self) -> tuple[int, int]:
        return self._node.start, self._node.end

    def isValid(self) -> bool:
        return self._valid and shiboken6.isValid(self._view)

    def object(self) -> QObject | None:
        return None

    def window(self) -> QAccessibleInterface | None:
        return self._parent.window() if self._parent is not None else None

    def parent(self) -> QAccessibleInterface:
        return self._parent

    def child(self, index: int) -> QAccessibleInterface | None:
        return self._children[index] if 0 <= index < len(self._children) else None

    def childCount(self) -> int:
        return len(self._children)

    def indexOfChild(self, child: QAccessibleInterface) -> int:
        return next((index for index, node in enumerate(self._children) if node is child), -1)

    def childAt(self, x: int, y: int) -> QAccessibleInterface | None:
        return next((node for node in self._children if node.rect().contains(x, y)), None)

    def focusChild(self) -> QAccessibleInterface | None:
        return None

    def relations(self, _match=None):
        return []

    def name_text(self, kind: QAccessible.Text) -> str:
        if kind == QAccessible.Text.Name:
            return " ".join(self._plain().split())
        if kind == QAccessible.Text.Description and self._node.href.startswith(TERM_PREFIX):
            return QCoreApplication.translate("accessibility", "Glossary term")
        if kind == QAccessible.Text.Value and self._node.role == Role.Link:
            return self._node.href
        return ""

    def setText(self, _kind: QAccessible.Text, _text: str) -> None:
        return

    def rect(self) -> QRect:
        return self._global_rect()

    def role(self) -> QAccessible.Role:
        return self._node.role

    def state(self) -> QAccessible.State:
        state = QAccessible.State()
        state.readOnly = True
        if self._node.role == Role.Link:
            state.linked = True
            state.focusable = True
            state.focused = self._is_focused_link()
        if self._node.role in (Role.Paragraph, Role.Heading, Role.ListItem):
            state.selectableText = True
        return state

    def _is_focused_link(self) -> bool:
        # What `DocumentAccessible.focused_link` finds, asked of this link alone (a screen reader asks every link).
        if not shiboken6.isValid(self._view) or not self._view.hasFocus():
            return False
        cursor = self._view.textCursor()
        return cursor.hasSelection() and self.covers(cursor.selectionStart(), cursor.selectionEnd())

    def interface_cast(self, kind: QAccessible.InterfaceType) -> object:
        if kind == _TEXT:
            return _cast(self, 1)
        if kind == _ATTRIBUTES:
            return _cast(self, 2)
        return _NOWHERE

    def attributeKeys(self) -> list[QAccessible.Attribute]:
        return [QAccessible.Attribute.Level] if self._node.level else []

    def attributeValue(self, key: QAccessible.Attribute) -> object:
        return self._node.level if key == QAccessible.Attribute.Level and self._node.level else None


# Names for the parts Qt makes on its own


def name_unnamed_parts(root: QWidget) -> None:
    """Give Qt's own children a name: the clear (×) buttons of line edits, toolbar extension buttons, scroll bars."""
    for edit in root.findChildren(QLineEdit):
        for button in edit.findChildren(QToolButton):
            if not button.accessibleName():
                label = edit.accessibleName() or edit.placeholderText()
                button.setObjectName(button.objectName() or f"{edit.objectName()}Clear")
                button.setAccessibleName(
                    QCoreApplication.translate("accessibility", "Clear") + (f": {label}" if label else "")
                )
    for button in root.findChildren(QToolButton, "qt_toolbar_ext_button"):
        if not button.accessibleName():
            toolbar = button.parentWidget()
            what = toolbar.windowTitle() if toolbar is not None else ""
            button.setAccessibleName(
                QCoreApplication.translate("accessibility", "More tools") + (f": {what}" if what else "")
            )
            button.setAccessibleDescription(
                QCoreApplication.translate("accessibility", "Shows the tools that do not fit")
            )
    for combo in root.findChildren(QComboBox):
        view = combo.view()
        if not view.accessibleName():
            view.setAccessibleName(
                QCoreApplication.translate("accessibility", "Choices: {0}").format(
                    combo.accessibleName() or combo.currentText()
                )
            )
    for area in root.findChildren(QAbstractScrollArea):
        label = area.accessibleName() or area.objectName()
        for bar, which in ((area.verticalScrollBar(), "vertical"), (area.horizontalScrollBar(), "horizontal")):
            _name_scroll_bar(bar, label, which, area.objectName())
    for bar in root.findChildren(QScrollBar):
        _name_scroll_bar(bar, "", "vertical" if bar.orientation() == Qt.Orientation.Vertical else "horizontal")


def _name_scroll_bar(bar: QScrollBar, label: str, which: str, owner: str = "") -> None:
    """A scroll bar named after the area it scrolls ("glossaryListVerticalScrollBar"), for people and for tests."""
    if owner and not bar.objectName():
        bar.setObjectName(f"{owner}{which.capitalize()}ScrollBar")
    if bar.accessibleName():
        return
    kind = (
        QCoreApplication.translate("accessibility", "Vertical scroll bar")
        if which == "vertical"
        else QCoreApplication.translate("accessibility", "Horizontal scroll bar")
    )
    bar.setAccessibleName(f"{kind}: {label}" if label else kind)


# Announcements


def announce(widget: QObject, message: str) -> None:
    """Have a screen reader say `message` (a status change a sighted reader sees), without moving focus."""
    if message and QAccessible.isActive():
        QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(widget, message))


def watch_window(window: QMainWindow) -> None:
    """Name Qt's own parts now and whenever a panel is shown (panels build their insides when first shown), and
    have every status-line message said aloud."""
    name_unnamed_parts(window)
    for dock in window.findChildren(QDockWidget):
        dock.visibilityChanged.connect(lambda _visible, dock=dock: name_unnamed_parts(dock))
    status = window.statusBar()
    status.messageChanged.connect(lambda message: announce(status, message))
