"""The offline help (F1, Help › Help Contents): bundled Markdown pages in the interface's language.

The pages live in `reader/help/<language>/` and are rendered with the project's Python-Markdown (imported only when
help is first opened). Nothing is fetched: the browser loads no resource, a link to another page of the help opens
it, `action:shortcuts` opens the shortcuts sheet, and a web or mail address goes through the outside-link
confirmation like the report's links.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSize, Qt, QUrl
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from reader.prefs import ZOOM_RANGE
from reader.ui.document_view import ZOOM_STEP
from reader.ui.row_direction import text_direction
from reader.ui.window_state import fit_on_screen

WANTED_SIZE = QSize(860, 600)  # less on a small screen or at a large text size: the page and the list then scroll
HELP_FOLDER = Path(__file__).resolve().parent.parent / "help"
# In the order the list shows them; each file's first line is its "# Title".
PAGES = ("reading", "search", "glossary", "notes", "privacy", "read-aloud", "shortcuts")
SHORTCUTS_LINK = "action:shortcuts"
_EXAMPLE_CELL = re.compile(r"<td>(<code>[^<]*</code>)</td>")
_ISOLATED = re.compile(r"(<(?:code|strong)>)(.*?)(</(?:code|strong)>)", re.DOTALL)


@dataclass(frozen=True, slots=True)
class HelpPage:
    name: str
    title: str
    markdown: str


def help_pages(language: str) -> list[HelpPage]:
    """The help's pages in `language` ("en" or "ar"); a page missing in that language is given in English."""
    pages = []
    for name in PAGES:
        path = HELP_FOLDER / language / f"{name}.md"
        if not path.is_file():
            path = HELP_FOLDER / "en" / f"{name}.md"
        text = path.read_text(encoding="utf-8")
        first = text.splitlines()[0] if text else name
        pages.append(HelpPage(name, first.lstrip("#").strip(), text))
    return pages


def page_html(page: HelpPage, right_to_left: bool) -> str:
    """A page as HTML, rendered with Python-Markdown (tables allowed), set in the interface's direction."""
    import markdown

    body = markdown.markdown(page.markdown, extensions=["tables"])
    # Keys and search examples ("Ctrl+=", `(court OR tribunal)`) keep their own order inside Arabic sentences.
    body = _ISOLATED.sub(_left_to_right_marked, body)
    if right_to_left:  # a table cell holding only an example is laid out left to right as a whole
        body = _EXAMPLE_CELL.sub(r'<td><p dir="ltr" align="right">\1</p></td>', body)
    direction = "rtl" if right_to_left else "ltr"
    return f'<html><body dir="{direction}">{body}</body></html>'


def _left_to_right_marked(match: re.Match[str]) -> str:
    """Latin text (a key, a search example) embedded left to right (LRE … PDF), so that a trailing "*", "=" or
    quote stays on its side in a right-to-left page."""
    opening, text, closing = match.groups()
    if text_direction(text) == Qt.LayoutDirection.LeftToRight:
        text = f"\u202a{text}\u202c"
    return f"{opening}{text}{closing}"


class HelpBrowser(QTextBrowser):
    """Shows one page; loads nothing from outside the app. Zooms as the report does, within the same steps."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._base_point_size = self.font().pointSizeF()
        self._zoom = 0

    @property
    def zoom(self) -> int:
        return self._zoom

    def set_zoom(self, step: int) -> None:
        """Set the page's text `step` zoom steps from the normal size (kept when another page is shown)."""
        self._zoom = max(ZOOM_RANGE[0], min(ZOOM_RANGE[1], step))
        font = QFont(self.font())
        font.setPointSizeF(max(4.0, self._base_point_size * ZOOM_STEP**self._zoom))
        self.document().setDefaultFont(font)

    def loadResource(self, resource_type: int, name: QUrl) -> object:
        return None


class HelpWindow(QDialog):
    """The help: a list of pages beside the page being read. Not modal, so the report stays usable."""

    def __init__(
        self, language: str, parent: QWidget | None = None, *, open_shortcuts: Callable[[], None] | None = None
    ) -> None:
        super().__init__(parent)
        from reader.ui.language import RIGHT_TO_LEFT

        self.setObjectName("helpWindow")
        self.setWindowTitle(self.tr("Field Reader Help"))
        self.setAccessibleName(self.tr("Field Reader Help"))
        self._right_to_left = language in RIGHT_TO_LEFT
        self._open_shortcuts = open_shortcuts
        self._pages = {page.name: page for page in help_pages(language)}
        self.page_list = QListWidget(self)
        self.page_list.setObjectName("helpPages")
        self.page_list.setAccessibleName(self.tr("Help pages"))
        for page in self._pages.values():
            item = QListWidgetItem(page.title, self.page_list)
            item.setData(Qt.ItemDataRole.UserRole, page.name)
        self.browser = HelpBrowser(self)
        self.browser.setObjectName("helpBrowser")
        self.browser.setAccessibleName(self.tr("Help page"))
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(self._on_anchor_clicked)
        self.page_list.currentRowChanged.connect(self._on_row_changed)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.setObjectName("helpButtons")
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setObjectName("helpClose")
        close.setAccessibleName(self.tr("Close"))
        buttons.rejected.connect(self.close)
        row = QHBoxLayout()
        row.addWidget(self.page_list, 1)
        row.addWidget(self.browser, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(buttons)
        fit_on_screen(self, WANTED_SIZE)
        self.page_list.setCurrentRow(0)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Ctrl+= (or Ctrl++), Ctrl+- and Ctrl+0 zoom the page, as they zoom the report in the main window."""
        step = _zoom_key_step(event)
        if step is None:
            super().keyPressEvent(event)
            return
        self.browser.set_zoom(self.browser.zoom + step if step else 0)
        event.accept()

    @property
    def current_page(self) -> str:
        item = self.page_list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else ""

    def show_page(self, name: str) -> bool:
        """Show the page called `name` ("search", …); False when there is none."""
        names = list(self._pages)
        if name not in names:
            return False
        self.page_list.setCurrentRow(names.index(name))
        return True

    def _on_row_changed(self, row: int) -> None:
        if 0 <= row < len(self._pages):
            page = list(self._pages.values())[row]
            self.browser.setHtml(page_html(page, self._right_to_left))

    def _on_anchor_clicked(self, url: QUrl) -> None:
        """Another page of the help, the shortcuts sheet, or (after the reader confirms) an outside address."""
        from reader.ui.outside_link_dialog import follow_outside_link, is_outside_link

        if url.toString() == SHORTCUTS_LINK:
            if self._open_shortcuts is not None:
                self._open_shortcuts()
        elif is_outside_link(url):
            follow_outside_link(url, self)
        elif not url.scheme():
            if url.path():
                self.show_page(Path(url.path()).stem)
            if url.hasFragment():
                self.browser.scrollToAnchor(url.fragment())


def _zoom_key_step(event: QKeyEvent) -> int | None:
    """+1 for the zoom-in keys, -1 for zoom out, 0 for actual size; None for any other key."""
    modifiers = event.modifiers() & ~(Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier)
    if modifiers != Qt.KeyboardModifier.ControlModifier:
        return None
    return {Qt.Key.Key_Equal: 1, Qt.Key.Key_Plus: 1, Qt.Key.Key_Minus: -1, Qt.Key.Key_0: 0}.get(event.key())


def show_help(window: QWidget, page: str = "") -> HelpWindow:
    """Open (or bring back) the window's help, at `page` if given; the help window."""
    from reader.ui.language import current_language

    help_window = window.findChild(HelpWindow, "helpWindow")
    if help_window is None:
        help_window = HelpWindow(current_language(), window, open_shortcuts=lambda: _open_shortcuts(window))
    if page:
        help_window.show_page(page)
    help_window.show()
    help_window.raise_()
    help_window.activateWindow()
    return help_window


def _open_shortcuts(window: QWidget) -> None:
    """The shortcuts sheet, as Help › Keyboard Shortcuts (Ctrl+/) opens it."""
    from PySide6.QtGui import QAction

    action = window.findChild(QAction, "actionShowShortcuts")
    if action is not None:
        action.trigger()
