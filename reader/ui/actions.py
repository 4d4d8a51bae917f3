"""Every menu item and shortcut of the window, declared once: label, keys, objectName and menu."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup, QKeySequence


@dataclass(frozen=True, slots=True)
class ActionSpec:
    """One action: `name` is the key in `Actions`, `menu` the top-level menu it appears in."""

    name: str
    label: str
    menu: str
    shortcuts: tuple[str | QKeySequence.StandardKey, ...] = ()
    checkable: bool = False
    group: str = ""  # actions sharing a group are exclusive (radio items)
    separator_before: bool = False


MENUS = ("&File", "&Edit", "&View", "&Go", "&Notes", "&Help")

ACTION_SPECS: tuple[ActionSpec, ...] = (
    ActionSpec("print", "&Print Section…", "&File", (QKeySequence.StandardKey.Print,)),
    ActionSpec("exportPdf", "&Export Section as PDF…", "&File", ("Ctrl+Shift+E",)),
    ActionSpec("exportNotes", "Export &Notes…", "&File", (), separator_before=True),
    ActionSpec("importNotes", "&Import Notes…", "&File"),
    ActionSpec("quit", "&Quit", "&File", ("Ctrl+Q",), separator_before=True),
    ActionSpec("undo", "&Undo", "&Edit", (QKeySequence.StandardKey.Undo,)),
    ActionSpec("redo", "&Redo", "&Edit", (QKeySequence.StandardKey.Redo,)),
    ActionSpec("copyCitation", "Copy with &Citation", "&Edit", ("Ctrl+Shift+C",), separator_before=True),
    ActionSpec("focusSearch", "&Search…", "&Edit", ("Ctrl+K", "Ctrl+Shift+F"), separator_before=True),
    ActionSpec("findInSection", "&Find in Section…", "&Edit", (QKeySequence.StandardKey.Find,)),
    ActionSpec("nextMatch", "Next &Match", "&Edit", ("F3",)),
    ActionSpec("previousMatch", "Pre&vious Match", "&Edit", ("Shift+F3",)),
    ActionSpec("zoomIn", "Zoom &In", "&View", ("Ctrl+=", "Ctrl++")),
    ActionSpec("zoomOut", "Zoom &Out", "&View", ("Ctrl+-",)),
    ActionSpec("zoomReset", "&Actual Size", "&View", ("Ctrl+0",)),
    ActionSpec("themeSystem", "Theme: Follow &System", "&View", (), True, "theme", separator_before=True),
    ActionSpec("themeLight", "Theme: &Light", "&View", (), True, "theme"),
    ActionSpec("themeDark", "Theme: &Dark", "&View", (), True, "theme"),
    ActionSpec("themeSepia", "Theme: S&epia", "&View", (), True, "theme"),
    ActionSpec("referenceMode", "&Reference Mode (¶ Numbers)", "&View", ("Ctrl+Shift+R",), True, separator_before=True),
    ActionSpec("focusToc", "Go to &Contents", "&View", ("Ctrl+1",), separator_before=True),
    ActionSpec("focusDocument", "Go to &Document", "&View", ("Ctrl+2",)),
    ActionSpec("focusGlossary", "Go to &Glossary", "&View", ("Ctrl+Shift+G",)),
    ActionSpec("explainTerm", "&Explain Term at Cursor", "&View", ("Ctrl+I",)),
    ActionSpec("previousSection", "&Previous Section", "&Go", ("Ctrl+PgUp",)),
    ActionSpec("nextSection", "&Next Section", "&Go", ("Ctrl+PgDown",)),
    ActionSpec("back", "&Back", "&Go", ("Alt+Left",), separator_before=True),
    ActionSpec("forward", "&Forward", "&Go", ("Alt+Right",)),
    ActionSpec("highlight", "&Highlight Selection", "&Notes", ("Ctrl+Shift+H",)),
    ActionSpec("addNote", "Add &Note to Selection", "&Notes", ("Ctrl+Shift+N",)),
    ActionSpec("focusNotes", "Go to Notes &Panel", "&Notes", ("Ctrl+Shift+M",)),
    ActionSpec("noteColorYellow", "&Yellow", "&Notes", (), True, "noteColor", separator_before=True),
    ActionSpec("noteColorGreen", "&Green", "&Notes", (), True, "noteColor"),
    ActionSpec("noteColorBlue", "&Blue", "&Notes", (), True, "noteColor"),
    ActionSpec("noteColorPink", "Pin&k", "&Notes", (), True, "noteColor"),
    ActionSpec("noteColorPurple", "P&urple", "&Notes", (), True, "noteColor"),
    ActionSpec("noteColorOrange", "&Orange", "&Notes", (), True, "noteColor"),
    ActionSpec("noteStyleHighlight", "Style: &Highlight", "&Notes", (), True, "noteStyle", separator_before=True),
    ActionSpec("noteStyleUnderline", "Style: &Underline", "&Notes", (), True, "noteStyle"),
    ActionSpec("noteStyleStrike", "Style: &Strike-through", "&Notes", (), True, "noteStyle"),
    ActionSpec("about", "&About Field Reader", "&Help"),
)


class Actions:
    """The window's `QAction`s by name (`actions["nextSection"]`), each with objectName `action<Name>`."""

    def __init__(self, parent: QObject) -> None:
        self._actions: dict[str, QAction] = {}
        self._groups: dict[str, QActionGroup] = {}
        for spec in ACTION_SPECS:
            action = QAction(parent.tr(spec.label), parent)
            action.setObjectName("action" + spec.name[0].upper() + spec.name[1:])
            if spec.shortcuts:
                action.setShortcuts([QKeySequence(key) for key in spec.shortcuts])
            action.setCheckable(spec.checkable)
            if spec.group:
                group = self._groups.get(spec.group)
                if group is None:
                    group = self._groups[spec.group] = QActionGroup(parent)
                    group.setExclusive(True)
                group.addAction(action)
            self._actions[spec.name] = action

    def __getitem__(self, name: str) -> QAction:
        return self._actions[name]

    def __iter__(self):
        return iter(self._actions.values())
