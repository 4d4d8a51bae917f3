"""Every menu item and shortcut of the window, declared once: label, keys, objectName and menu."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from enum import Enum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject
from PySide6.QtGui import QAction, QActionGroup, QKeySequence


class ActionName(Enum):
    """The window's actions; each value is the action's objectName (tests and saved layouts rely on them)."""

    PRINT = "actionPrint"
    PRINT_PREVIEW = "actionPrintPreview"
    EXPORT_PDF = "actionExportPdf"
    EXPORT_NOTES = "actionExportNotes"
    IMPORT_NOTES = "actionImportNotes"
    QUIT = "actionQuit"
    UNDO = "actionUndo"
    REDO = "actionRedo"
    COPY_CITATION = "actionCopyCitation"
    FOCUS_SEARCH = "actionFocusSearch"
    FIND_IN_SECTION = "actionFindInSection"
    NEXT_MATCH = "actionNextMatch"
    PREVIOUS_MATCH = "actionPreviousMatch"
    ZOOM_IN = "actionZoomIn"
    ZOOM_OUT = "actionZoomOut"
    ZOOM_RESET = "actionZoomReset"
    THEME_SYSTEM = "actionThemeSystem"
    THEME_LIGHT = "actionThemeLight"
    THEME_DARK = "actionThemeDark"
    THEME_SEPIA = "actionThemeSepia"
    THEME_HIGH_CONTRAST = "actionThemeHighContrast"
    REFERENCE_MODE = "actionReferenceMode"
    READING_SETTINGS = "actionReadingSettings"
    FULL_SCREEN = "actionFullScreen"
    PRESENTATION = "actionPresentation"
    FOCUS_TOC = "actionFocusToc"
    FOCUS_DOCUMENT = "actionFocusDocument"
    FOCUS_GLOSSARY = "actionFocusGlossary"
    EXPLAIN_TERM = "actionExplainTerm"
    PREVIOUS_SECTION = "actionPreviousSection"
    NEXT_SECTION = "actionNextSection"
    BACK = "actionBack"
    FORWARD = "actionForward"
    HIGHLIGHT = "actionHighlight"
    ADD_NOTE = "actionAddNote"
    FOCUS_NOTES = "actionFocusNotes"
    TOGGLE_BOOKMARK = "actionToggleBookmark"
    NOTE_COLOR_YELLOW = "actionNoteColorYellow"
    NOTE_COLOR_GREEN = "actionNoteColorGreen"
    NOTE_COLOR_BLUE = "actionNoteColorBlue"
    NOTE_COLOR_PINK = "actionNoteColorPink"
    NOTE_COLOR_PURPLE = "actionNoteColorPurple"
    NOTE_COLOR_ORANGE = "actionNoteColorOrange"
    NOTE_STYLE_HIGHLIGHT = "actionNoteStyleHighlight"
    NOTE_STYLE_UNDERLINE = "actionNoteStyleUnderline"
    NOTE_STYLE_STRIKE = "actionNoteStyleStrike"
    LOCK_NOW = "actionLockNow"
    UNLOCK = "actionUnlock"
    PRIVACY_LOCK = "actionPrivacyLock"
    ERASE_ALL = "actionEraseAll"
    ABOUT = "actionAbout"
    SHOW_SHORTCUTS = "actionShowShortcuts"
    READ_ALOUD = "actionReadAloud"
    STOP_READING = "actionStopReading"
    PREVIOUS_SENTENCE = "actionPreviousSentence"
    NEXT_SENTENCE = "actionNextSentence"
    READ_FASTER = "actionReadFaster"
    READ_SLOWER = "actionReadSlower"
    READ_TO_END_OF_REPORT = "actionReadToEndOfReport"
    EXPAND_TERMS = "actionExpandTerms"
    READ_ALOUD_CONTROLS = "actionReadAloudControls"
    READ_ALOUD_HELP = "actionReadAloudHelp"
    HELP = "actionHelp"
    LANGUAGE_SYSTEM = "actionLanguageSystem"
    LANGUAGE_ENGLISH = "actionLanguageEnglish"
    LANGUAGE_ARABIC = "actionLanguageArabic"


@dataclass(frozen=True, slots=True)
class ActionSpec:
    """One action: its name, label, the top-level menu it appears in (and the submenu there, if any), and its keys.

    Within one menu or submenu no two items share a mnemonic (the letter after "&"); tests check it.
    """

    name: ActionName
    label: str
    menu: str
    shortcuts: tuple[str | QKeySequence.StandardKey, ...] = ()
    checkable: bool = False
    group: str = ""  # actions sharing a group are exclusive (radio items)
    separator_before: bool = False
    submenu: str = ""


MENUS = ("&File", "&Edit", "&View", "&Go", "&Notes", "&Help")
# Labels are translated where they are shown, in the context "MainWindow"; these markers let lupdate find the
# menus' and submenus' titles, which the table below only names.
MENU_TITLES = (
    QT_TRANSLATE_NOOP("MainWindow", "&File"),
    QT_TRANSLATE_NOOP("MainWindow", "&Edit"),
    QT_TRANSLATE_NOOP("MainWindow", "&View"),
    QT_TRANSLATE_NOOP("MainWindow", "&Go"),
    QT_TRANSLATE_NOOP("MainWindow", "&Notes"),
    QT_TRANSLATE_NOOP("MainWindow", "&Help"),
    QT_TRANSLATE_NOOP("MainWindow", "&Theme"),
    QT_TRANSLATE_NOOP("MainWindow", "Displa&y Language"),
)

ACTION_SPECS: tuple[ActionSpec, ...] = (
    ActionSpec(
        ActionName.PRINT, QT_TRANSLATE_NOOP("MainWindow", "&Print…"), "&File", (QKeySequence.StandardKey.Print,)
    ),
    ActionSpec(
        ActionName.PRINT_PREVIEW, QT_TRANSLATE_NOOP("MainWindow", "Print Pre&view…"), "&File", ("Ctrl+Shift+P",)
    ),
    ActionSpec(ActionName.EXPORT_PDF, QT_TRANSLATE_NOOP("MainWindow", "&Export as PDF…"), "&File", ("Ctrl+Shift+E",)),
    ActionSpec(
        ActionName.EXPORT_NOTES, QT_TRANSLATE_NOOP("MainWindow", "Export &Notes…"), "&File", (), separator_before=True
    ),
    ActionSpec(ActionName.IMPORT_NOTES, QT_TRANSLATE_NOOP("MainWindow", "&Import Notes…"), "&File"),
    ActionSpec(ActionName.QUIT, QT_TRANSLATE_NOOP("MainWindow", "&Quit"), "&File", ("Ctrl+Q",), separator_before=True),
    ActionSpec(ActionName.UNDO, QT_TRANSLATE_NOOP("MainWindow", "&Undo"), "&Edit", (QKeySequence.StandardKey.Undo,)),
    ActionSpec(ActionName.REDO, QT_TRANSLATE_NOOP("MainWindow", "&Redo"), "&Edit", (QKeySequence.StandardKey.Redo,)),
    ActionSpec(
        ActionName.COPY_CITATION,
        QT_TRANSLATE_NOOP("MainWindow", "Copy with &Citation"),
        "&Edit",
        ("Ctrl+Shift+C",),
        separator_before=True,
    ),
    ActionSpec(
        ActionName.FOCUS_SEARCH,
        QT_TRANSLATE_NOOP("MainWindow", "&Search…"),
        "&Edit",
        ("Ctrl+K", "Ctrl+Shift+F"),
        separator_before=True,
    ),
    ActionSpec(
        ActionName.FIND_IN_SECTION,
        QT_TRANSLATE_NOOP("MainWindow", "&Find in Section…"),
        "&Edit",
        (QKeySequence.StandardKey.Find,),
    ),
    ActionSpec(ActionName.NEXT_MATCH, QT_TRANSLATE_NOOP("MainWindow", "Next &Match"), "&Edit", ("F3",)),
    ActionSpec(ActionName.PREVIOUS_MATCH, QT_TRANSLATE_NOOP("MainWindow", "Pre&vious Match"), "&Edit", ("Shift+F3",)),
    ActionSpec(ActionName.ZOOM_IN, QT_TRANSLATE_NOOP("MainWindow", "Zoom &In"), "&View", ("Ctrl+=", "Ctrl++")),
    ActionSpec(ActionName.ZOOM_OUT, QT_TRANSLATE_NOOP("MainWindow", "Zoom &Out"), "&View", ("Ctrl+-",)),
    ActionSpec(ActionName.ZOOM_RESET, QT_TRANSLATE_NOOP("MainWindow", "&Actual Size"), "&View", ("Ctrl+0",)),
    ActionSpec(
        ActionName.THEME_SYSTEM,
        QT_TRANSLATE_NOOP("MainWindow", "Follow &System"),
        "&View",
        (),
        True,
        "theme",
        True,
        "&Theme",
    ),
    ActionSpec(
        ActionName.THEME_LIGHT, QT_TRANSLATE_NOOP("MainWindow", "&Light"), "&View", (), True, "theme", submenu="&Theme"
    ),
    ActionSpec(
        ActionName.THEME_DARK, QT_TRANSLATE_NOOP("MainWindow", "&Dark"), "&View", (), True, "theme", submenu="&Theme"
    ),
    ActionSpec(
        ActionName.THEME_SEPIA, QT_TRANSLATE_NOOP("MainWindow", "S&epia"), "&View", (), True, "theme", submenu="&Theme"
    ),
    ActionSpec(
        ActionName.THEME_HIGH_CONTRAST,
        QT_TRANSLATE_NOOP("MainWindow", "&High Contrast"),
        "&View",
        (),
        True,
        "theme",
        submenu="&Theme",
    ),
    ActionSpec(
        ActionName.REFERENCE_MODE,
        QT_TRANSLATE_NOOP("MainWindow", "&Reference Mode (¶ Numbers)"),
        "&View",
        ("Ctrl+Shift+R",),
        True,
        separator_before=True,
    ),
    ActionSpec(
        ActionName.READING_SETTINGS, QT_TRANSLATE_NOOP("MainWindow", "Reading &Settings…"), "&View", ("Ctrl+Shift+T",)
    ),
    # Presentation (for projecting in class) is full screen with large text and nothing else; F5 is read aloud's.
    ActionSpec(ActionName.FULL_SCREEN, QT_TRANSLATE_NOOP("MainWindow", "Fu&ll Screen"), "&View", ("F11",), True),
    ActionSpec(
        ActionName.PRESENTATION,
        QT_TRANSLATE_NOOP("MainWindow", "Presentation &Mode"),
        "&View",
        ("Shift+F11", "Ctrl+F5"),
        True,
    ),
    ActionSpec(
        ActionName.FOCUS_TOC,
        QT_TRANSLATE_NOOP("MainWindow", "Go to &Contents"),
        "&View",
        ("Ctrl+1",),
        separator_before=True,
    ),
    ActionSpec(ActionName.FOCUS_DOCUMENT, QT_TRANSLATE_NOOP("MainWindow", "Go to &Document"), "&View", ("Ctrl+2",)),
    ActionSpec(
        ActionName.FOCUS_GLOSSARY, QT_TRANSLATE_NOOP("MainWindow", "Go to &Glossary"), "&View", ("Ctrl+Shift+G",)
    ),
    ActionSpec(
        ActionName.EXPLAIN_TERM, QT_TRANSLATE_NOOP("MainWindow", "&Explain Term at Cursor"), "&View", ("Ctrl+I",)
    ),
    # Read aloud: F5 plays and pauses, Shift+F5 stops; F6 / Shift+F6 step like F3 / Shift+F3 do through matches.
    ActionSpec(
        ActionName.READ_ALOUD,
        QT_TRANSLATE_NOOP("MainWindow", "Read Alo&ud"),
        "&View",
        ("F5", "Ctrl+Shift+S"),
        separator_before=True,
    ),
    ActionSpec(ActionName.STOP_READING, QT_TRANSLATE_NOOP("MainWindow", "Sto&p Reading"), "&View", ("Shift+F5",)),
    ActionSpec(
        ActionName.PREVIOUS_SENTENCE, QT_TRANSLATE_NOOP("MainWindow", "Previous Se&ntence"), "&View", ("Shift+F6",)
    ),
    ActionSpec(ActionName.NEXT_SENTENCE, QT_TRANSLATE_NOOP("MainWindow", "Ne&xt Sentence"), "&View", ("F6",)),
    ActionSpec(ActionName.READ_SLOWER, QT_TRANSLATE_NOOP("MainWindow", "Read Slo&wer"), "&View", ("F7",)),
    ActionSpec(ActionName.READ_FASTER, QT_TRANSLATE_NOOP("MainWindow", "Read &Faster"), "&View", ("F8",)),
    ActionSpec(
        ActionName.READ_TO_END_OF_REPORT,
        QT_TRANSLATE_NOOP("MainWindow", "Read On to t&he End of the Report"),
        "&View",
        (),
        True,
    ),
    ActionSpec(
        ActionName.EXPAND_TERMS, QT_TRANSLATE_NOOP("MainWindow", "Say A&bbreviations in Full"), "&View", (), True
    ),
    ActionSpec(
        ActionName.READ_ALOUD_CONTROLS,
        QT_TRANSLATE_NOOP("MainWindow", "Read Aloud &Voice and Speed…"),
        "&View",
        ("Ctrl+3",),
    ),
    # The interface's language, applied on the next start; each language is named in its own script.
    ActionSpec(
        ActionName.LANGUAGE_SYSTEM,
        QT_TRANSLATE_NOOP("MainWindow", "Follow the &System"),
        "&View",
        (),
        True,
        "language",
        True,
        "Displa&y Language",
    ),
    ActionSpec(
        ActionName.LANGUAGE_ENGLISH,
        QT_TRANSLATE_NOOP("MainWindow", "&English"),
        "&View",
        (),
        True,
        "language",
        submenu="Displa&y Language",
    ),
    ActionSpec(
        ActionName.LANGUAGE_ARABIC,
        QT_TRANSLATE_NOOP("MainWindow", "العربية"),
        "&View",
        (),
        True,
        "language",
        submenu="Displa&y Language",
    ),
    ActionSpec(
        ActionName.PREVIOUS_SECTION, QT_TRANSLATE_NOOP("MainWindow", "&Previous Section"), "&Go", ("Ctrl+PgUp",)
    ),
    ActionSpec(ActionName.NEXT_SECTION, QT_TRANSLATE_NOOP("MainWindow", "&Next Section"), "&Go", ("Ctrl+PgDown",)),
    ActionSpec(ActionName.BACK, QT_TRANSLATE_NOOP("MainWindow", "&Back"), "&Go", ("Alt+Left",), separator_before=True),
    ActionSpec(ActionName.FORWARD, QT_TRANSLATE_NOOP("MainWindow", "&Forward"), "&Go", ("Alt+Right",)),
    ActionSpec(
        ActionName.HIGHLIGHT, QT_TRANSLATE_NOOP("MainWindow", "&Highlight Selection"), "&Notes", ("Ctrl+Shift+H",)
    ),
    ActionSpec(
        ActionName.ADD_NOTE, QT_TRANSLATE_NOOP("MainWindow", "Add &Note to Selection"), "&Notes", ("Ctrl+Shift+N",)
    ),
    ActionSpec(
        ActionName.FOCUS_NOTES, QT_TRANSLATE_NOOP("MainWindow", "Go to Notes &Panel"), "&Notes", ("Ctrl+Shift+M",)
    ),
    ActionSpec(ActionName.TOGGLE_BOOKMARK, QT_TRANSLATE_NOOP("MainWindow", "Toggle Book&mark"), "&Notes", ("Ctrl+D",)),
    ActionSpec(
        ActionName.NOTE_COLOR_YELLOW,
        QT_TRANSLATE_NOOP("MainWindow", "&Yellow"),
        "&Notes",
        (),
        True,
        "noteColor",
        separator_before=True,
    ),
    ActionSpec(ActionName.NOTE_COLOR_GREEN, QT_TRANSLATE_NOOP("MainWindow", "&Green"), "&Notes", (), True, "noteColor"),
    ActionSpec(ActionName.NOTE_COLOR_BLUE, QT_TRANSLATE_NOOP("MainWindow", "&Blue"), "&Notes", (), True, "noteColor"),
    ActionSpec(ActionName.NOTE_COLOR_PINK, QT_TRANSLATE_NOOP("MainWindow", "Pin&k"), "&Notes", (), True, "noteColor"),
    ActionSpec(
        ActionName.NOTE_COLOR_PURPLE, QT_TRANSLATE_NOOP("MainWindow", "P&urple"), "&Notes", (), True, "noteColor"
    ),
    ActionSpec(
        ActionName.NOTE_COLOR_ORANGE, QT_TRANSLATE_NOOP("MainWindow", "&Orange"), "&Notes", (), True, "noteColor"
    ),
    ActionSpec(
        ActionName.NOTE_STYLE_HIGHLIGHT,
        QT_TRANSLATE_NOOP("MainWindow", "Style: H&ighlight"),
        "&Notes",
        (),
        True,
        "noteStyle",
        separator_before=True,
    ),
    ActionSpec(
        ActionName.NOTE_STYLE_UNDERLINE,
        QT_TRANSLATE_NOOP("MainWindow", "Style: Un&derline"),
        "&Notes",
        (),
        True,
        "noteStyle",
    ),
    ActionSpec(
        ActionName.NOTE_STYLE_STRIKE,
        QT_TRANSLATE_NOOP("MainWindow", "Style: &Strike-through"),
        "&Notes",
        (),
        True,
        "noteStyle",
    ),
    # Only one of "Lock" and "Unlock" is enabled at a time, so Ctrl+L does whichever fits.
    ActionSpec(
        ActionName.LOCK_NOW,
        QT_TRANSLATE_NOOP("MainWindow", "&Lock Notes Now"),
        "&Notes",
        ("Ctrl+L",),
        separator_before=True,
    ),
    ActionSpec(ActionName.UNLOCK, QT_TRANSLATE_NOOP("MainWindow", "Unlock No&tes…"), "&Notes", ("Ctrl+L",)),
    ActionSpec(ActionName.PRIVACY_LOCK, QT_TRANSLATE_NOOP("MainWindow", "P&rivacy Lock…"), "&Notes", ("Ctrl+Shift+L",)),
    ActionSpec(ActionName.ERASE_ALL, QT_TRANSLATE_NOOP("MainWindow", "&Erase My Notes and History…"), "&Notes"),
    ActionSpec(ActionName.HELP, QT_TRANSLATE_NOOP("MainWindow", "&Help Contents"), "&Help", ("F1",)),
    ActionSpec(
        ActionName.SHOW_SHORTCUTS, QT_TRANSLATE_NOOP("MainWindow", "&Keyboard Shortcuts…"), "&Help", ("Ctrl+/",)
    ),
    ActionSpec(ActionName.READ_ALOUD_HELP, QT_TRANSLATE_NOOP("MainWindow", "&Read Aloud Help…"), "&Help"),
    ActionSpec(ActionName.ABOUT, QT_TRANSLATE_NOOP("MainWindow", "&About Field Reader"), "&Help"),
)


@dataclass(frozen=True, slots=True)
class PanelToggle:
    """A panel's show/hide item in the View menu: the dock's own toggle action, given a name and a shortcut."""

    dock: str  # the dock's objectName
    action: str  # the toggle's objectName
    shortcut: str


# In the View menu, in this order. The dock's title is the item's label.
PANEL_TOGGLES = (
    PanelToggle("tocDock", "actionToggleToc", "Alt+1"),
    PanelToggle("searchDock", "actionToggleSearch", "Alt+2"),
    PanelToggle("glossaryDock", "actionToggleGlossary", "Alt+3"),
    PanelToggle("notesDock", "actionToggleNotes", "Alt+4"),
)


class Actions:
    """The window's `QAction`s by name: `actions[ActionName.NEXT_SECTION]`."""

    def __init__(self, parent: QObject) -> None:
        self._actions: dict[ActionName, QAction] = {}
        self._groups: dict[str, QActionGroup] = {}
        for spec in ACTION_SPECS:
            action = QAction(QCoreApplication.translate("MainWindow", spec.label), parent)
            action.setObjectName(spec.name.value)
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

    def __getitem__(self, name: ActionName) -> QAction:
        return self._actions[name]

    def __iter__(self) -> Iterator[QAction]:
        return iter(self._actions.values())


def shortcut_text(action: QAction) -> str:
    """An action's first shortcut as the platform writes it ("Ctrl+Z"), for hints in messages (one left-to-right
    unit in a right-to-left interface, so the sentence around it keeps its word order)."""
    from reader.ui.language import shown_keys

    return shown_keys(action.shortcut().toString(QKeySequence.SequenceFormat.NativeText))
