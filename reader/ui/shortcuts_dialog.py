"""Help › Keyboard Shortcuts (Ctrl+/): every key of the window, read from the action table so it never drifts."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSize, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.ui.actions import ACTION_SPECS, MENUS, PANEL_TOGGLES, ActionSpec
from reader.ui.language import shown_keys
from reader.ui.window_state import fit_on_screen

WANTED_SIZE = QSize(560, 520)  # less on a small screen or at a large text size: the list then scrolls


def _tr(text: str) -> str:
    return QCoreApplication.translate("ShortcutsDialog", text)


def _label(text: str) -> str:
    """A menu or action label of the action table, translated as the menus show it."""
    return QCoreApplication.translate("MainWindow", text)


# Keys that belong to a widget rather than to a menu item (the menus' keys come from ACTION_SPECS).
WIDGET_KEYS: tuple[tuple[str, str, str], ...] = (
    (
        QT_TRANSLATE_NOOP("ShortcutsDialog", "Moving around"),
        "Tab / Shift+Tab",
        QT_TRANSLATE_NOOP("ShortcutsDialog", "Next / previous control"),
    ),
    (
        QT_TRANSLATE_NOOP("ShortcutsDialog", "Moving around"),
        "F10 or Alt",
        QT_TRANSLATE_NOOP("ShortcutsDialog", "Open the menus"),
    ),
    (
        QT_TRANSLATE_NOOP("ShortcutsDialog", "Search"),
        "Down / Up, Page Down / Page Up",
        QT_TRANSLATE_NOOP("ShortcutsDialog", "Choose a result (from the search field)"),
    ),
    (
        QT_TRANSLATE_NOOP("ShortcutsDialog", "Search"),
        "Enter",
        QT_TRANSLATE_NOOP("ShortcutsDialog", "Open the chosen result"),
    ),
    (
        QT_TRANSLATE_NOOP("ShortcutsDialog", "Search"),
        "Esc",
        QT_TRANSLATE_NOOP("ShortcutsDialog", "Back to the search field; Esc there clears the search"),
    ),
    (
        QT_TRANSLATE_NOOP("ShortcutsDialog", "Find in section"),
        "Enter / Shift+Enter",
        QT_TRANSLATE_NOOP("ShortcutsDialog", "Next / previous match"),
    ),
    (
        QT_TRANSLATE_NOOP("ShortcutsDialog", "Find in section"),
        "Esc",
        QT_TRANSLATE_NOOP("ShortcutsDialog", "Close the find bar"),
    ),
    (
        QT_TRANSLATE_NOOP("ShortcutsDialog", "Glossary popup"),
        "Tab / Shift+Tab",
        QT_TRANSLATE_NOOP("ShortcutsDialog", "Move between its links (after Ctrl+I)"),
    ),
    (
        QT_TRANSLATE_NOOP("ShortcutsDialog", "Glossary popup"),
        "Enter or Space",
        QT_TRANSLATE_NOOP("ShortcutsDialog", "Follow the chosen link"),
    ),
    (
        QT_TRANSLATE_NOOP("ShortcutsDialog", "Glossary popup"),
        "Esc",
        QT_TRANSLATE_NOOP("ShortcutsDialog", "Close the popup and return to the text"),
    ),
    (
        QT_TRANSLATE_NOOP("ShortcutsDialog", "Document"),
        "Arrow keys, Home, End",
        QT_TRANSLATE_NOOP("ShortcutsDialog", "Move the text cursor (Shift: select)"),
    ),
    (
        QT_TRANSLATE_NOOP("ShortcutsDialog", "Document"),
        "Tab / Enter",
        QT_TRANSLATE_NOOP("ShortcutsDialog", "Move to the next link / follow it"),
    ),
)


def plain_label(label: str) -> str:
    """A menu label without its mnemonic marker and trailing dots: "&Print…" → "Print"."""
    return label.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").rstrip(".")


def key_text(keys: Iterable[str | QKeySequence.StandardKey]) -> str:
    """An action's keys as the platform writes them ("Ctrl+P, Ctrl+Shift+F")."""
    texts: list[str] = []
    for key in keys:
        for sequence in QKeySequence.keyBindings(key) if isinstance(key, QKeySequence.StandardKey) else [key]:
            text = QKeySequence(sequence).toString(QKeySequence.SequenceFormat.NativeText)
            if text and text not in texts:
                texts.append(text)
    return shown_keys(", ".join(texts))


def shortcut_rows(actions: Iterable[QAction] = ()) -> list[tuple[str, str, str]]:
    """(group, keys, what it does) for every action with a key, in menu order, then the panel toggles and the
    keys of widgets. `actions`, if given, are the window's live actions: their keys win over the table's."""
    live = {action.objectName(): action for action in actions}
    rows: list[tuple[str, str, str]] = []
    by_menu: dict[str, list[ActionSpec]] = {menu: [] for menu in MENUS}
    for spec in ACTION_SPECS:
        by_menu[spec.menu].append(spec)
    for menu, specs in by_menu.items():
        for spec in specs:
            action = live.get(spec.name.value)
            keys = (
                shown_keys(", ".join(s.toString(QKeySequence.SequenceFormat.NativeText) for s in action.shortcuts()))
                if action is not None
                else key_text(spec.shortcuts)
            )
            if keys:
                group = plain_label(_label(menu)) + (f" › {plain_label(_label(spec.submenu))}" if spec.submenu else "")
                rows.append((group, keys, plain_label(_label(spec.label))))
    for toggle in PANEL_TOGGLES:
        toggle_action = live.get(toggle.action)
        panel = toggle_action.text() if toggle_action is not None else toggle.dock.removesuffix("Dock").capitalize()
        rows.append(
            (
                plain_label(_label("&View")),
                toggle.shortcut,
                QCoreApplication.translate("ShortcutsDialog", "Show or hide the {0} panel").format(panel),
            )
        )
    rows.extend((_tr(group), keys, _tr(what)) for group, keys, what in WIDGET_KEYS)
    return rows


class ShortcutsDialog(QDialog):
    """A searchable list of every keyboard shortcut, grouped by menu."""

    def __init__(self, actions: Iterable[QAction] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(self.tr("Keyboard Shortcuts"))
        self.setAccessibleName(self.tr("Keyboard Shortcuts"))
        self.filter = QLineEdit(self)
        self.filter.setObjectName("shortcutsFilter")
        self.filter.setAccessibleName(self.tr("Filter shortcuts"))
        self.filter.setPlaceholderText(self.tr("Filter shortcuts"))
        self.filter.setClearButtonEnabled(True)
        self.table = QTreeWidget(self)
        self.table.setObjectName("shortcutsTable")
        self.table.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.table.setColumnCount(2)
        self.table.setHeaderLabels([self.tr("Action"), self.tr("Keys")])
        self.table.setRootIsDecorated(False)
        self.table.setAlternatingRowColors(True)
        groups: dict[str, QTreeWidgetItem] = {}
        for group, keys, what in shortcut_rows(actions):
            parent = groups.get(group)
            if parent is None:
                parent = groups[group] = QTreeWidgetItem(self.table, [group])
                parent.setFirstColumnSpanned(True)
                font = parent.font(0)
                font.setBold(True)
                parent.setFont(0, font)
            item = QTreeWidgetItem(parent, [what, keys])
            item.setData(0, Qt.ItemDataRole.AccessibleTextRole, f"{what}: {keys}")
        self.table.expandAll()
        self.table.resizeColumnToContents(0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.setObjectName("shortcutsButtons")
        buttons.rejected.connect(self.reject)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setObjectName("shortcutsClose")
        close.setAccessibleName(self.tr("Close"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.filter.textChanged.connect(self._on_filter_text_changed)
        fit_on_screen(self, WANTED_SIZE)
        self.filter.setFocus()

    def visible_rows(self) -> list[tuple[str, str]]:
        """(what, keys) of every row shown now."""
        rows = []
        for group_index in range(self.table.topLevelItemCount()):
            group = self.table.topLevelItem(group_index)
            for index in range(group.childCount()):
                item = group.child(index)
                if not item.isHidden():
                    rows.append((item.text(0), item.text(1)))
        return rows

    def _on_filter_text_changed(self, text: str) -> None:
        words = text.casefold().split()
        for group_index in range(self.table.topLevelItemCount()):
            group = self.table.topLevelItem(group_index)
            shown = 0
            for index in range(group.childCount()):
                item = group.child(index)
                haystack = f"{group.text(0)} {item.text(0)} {item.text(1)}".casefold()
                hide = not all(word in haystack for word in words)
                item.setHidden(hide)
                shown += not hide
            group.setHidden(shown == 0)
