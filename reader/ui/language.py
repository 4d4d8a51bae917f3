"""The interface's language: which one (the preference, else the system's), its translators, its direction.

English is the source language of every string, so it needs no translation file. Arabic loads two compiled `.qm`
files: ours (`reader/translations/field_reader_ar.qm`) and Qt's own for its standard dialogs (`qtbase_ar.qm`, from
Qt's translations folder), and turns the whole interface right to left. The report keeps its own language and
direction (`document_direction`). A change made in View › Display Language applies on the next start.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QTranslator

from reader.ui.isolates import LEFT_TO_RIGHT_ISOLATE, POP_DIRECTIONAL_ISOLATE

if TYPE_CHECKING:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QAction

    from reader.prefs import Preferences

TRANSLATIONS = Path(__file__).resolve().parent.parent / "translations"
LANGUAGES = ("en", "ar")  # the interface languages there are
RIGHT_TO_LEFT = frozenset({"ar", "fa", "he", "ur"})
LANGUAGE_PROPERTY = "interfaceLanguage"  # set on the application: the help window reads it


def interface_language(choice: str, system: QLocale | None = None) -> str:
    """The language to show: `choice` ("en", "ar" or "system"); "system" is Arabic on an Arabic system, else English."""
    if choice in LANGUAGES:
        return choice
    locale = system if system is not None else QLocale.system()
    languages = [locale.language(), *(QLocale(name).language() for name in locale.uiLanguages()[:1])]
    return "ar" if QLocale.Language.Arabic in languages else "en"


SHARED_CONTEXT = "Labels"  # tables of labels shown by several widgets (colours, styles, formats, fonts)
# Key names stay as printed on the keys (Ctrl, Shift, F5). WORKAROUND: qtbase_ar.qm's key names drop the
# modifiers and the function keys' numbers ("Ctrl+Shift+R" became "R", "F5" nothing), so they are answered here.
KEY_NAMES_CONTEXT = "QShortcut"
MODIFIER_NAMES = frozenset({"Ctrl", "Shift", "Alt", "Meta", "Num"})  # the words QKeySequence puts before a "+"


class ReaderTranslator(QTranslator):
    """Our translations: a string not found under its widget's context is looked up among the shared labels; key
    names are left in English. Installed after Qt's own, so it is asked first.

    In a right-to-left interface a modifier's name opens a left-to-right isolate (U+2066), so a key written by Qt
    itself, as in a menu, reads "Ctrl+=" rather than "=+Ctrl": the bidirectional algorithm otherwise moves a key that
    is a punctuation mark ("=", "-", "/", "+") to the other end. Qt draws each such key text as a line of its own,
    which closes the isolate; text that puts keys inside a sentence or a list goes through `shown_keys`. Shortcuts
    still match: Qt reads key names in English too.
    """

    def __init__(self, parent: QObject | None = None, *, right_to_left: bool = False) -> None:
        super().__init__(parent)
        self._right_to_left = right_to_left

    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str | None:
        if context == KEY_NAMES_CONTEXT:
            return LEFT_TO_RIGHT_ISOLATE + source if self._right_to_left and source in MODIFIER_NAMES else source
        text = super().translate(context, source, disambiguation, n)
        if not text and context != SHARED_CONTEXT:
            text = super().translate(SHARED_CONTEXT, source, disambiguation, n)
        # None, not "": Qt takes an empty string for a translation and would show nothing in Qt's own widgets.
        return text or None


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Load the translations for `language` into `app`, set its layout direction; the translators (keep them).

    A missing or unreadable file leaves those strings in English rather than stopping the start.
    """
    app.setProperty(LANGUAGE_PROPERTY, language)
    installed: list[QTranslator] = []
    if language == "en":
        return installed
    sources = (
        (f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
        (f"field_reader_{language}", str(TRANSLATIONS)),
    )
    for name, folder in sources:
        translator = (
            QTranslator(app)
            if name.startswith("qtbase")
            else ReaderTranslator(app, right_to_left=language in RIGHT_TO_LEFT)
        )
        if translator.load(name, folder) and app.installTranslator(translator):
            installed.append(translator)
    if language in RIGHT_TO_LEFT:
        from PySide6.QtCore import Qt  # not at import: Qt's namespace costs milliseconds of every English start

        app.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    return installed


def shown_keys(text: str) -> str:
    """Keys as `QKeySequence.toString(NativeText)` writes them ("Ctrl+=", or several: "Ctrl+=, Ctrl++"), made one
    left-to-right unit, isolated from the text around it, in a right-to-left interface; unchanged in English."""
    from PySide6.QtGui import QGuiApplication

    text = text.replace(LEFT_TO_RIGHT_ISOLATE, "").replace(POP_DIRECTIONAL_ISOLATE, "")
    if not text or not QGuiApplication.isRightToLeft():
        return text
    return f"{LEFT_TO_RIGHT_ISOLATE}{text}{POP_DIRECTIONAL_ISOLATE}"


def current_language() -> str:
    """The interface language the running application was started in ("en" when none was set)."""
    app = QCoreApplication.instance()
    value = app.property(LANGUAGE_PROPERTY) if app is not None else None
    return value if value in LANGUAGES else "en"


def document_direction(report_language: str) -> Qt.LayoutDirection:
    """The report's own direction, whatever the interface's: an English report reads left to right."""
    from PySide6.QtCore import Qt

    return Qt.LayoutDirection.RightToLeft if reads_right_to_left(report_language) else Qt.LayoutDirection.LeftToRight


def reads_right_to_left(language: str) -> bool:
    """Whether text in this language ("ar", "ar-EG", "en") is written right to left."""
    return language.split("-", 1)[0].casefold() in RIGHT_TO_LEFT


def language_changed_message() -> str:
    """What the status line says after a new language is chosen."""
    return QCoreApplication.translate("MainWindow", "The new language is used the next time Field Reader starts.")


class LanguageChoice(QObject):
    """Keeps View › Display Language's three items in step with the preference and saves a new choice."""

    def __init__(
        self,
        prefs: Preferences,
        actions: Mapping[str, QAction],
        show_message: Callable[[str, int], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("languageChoice")
        self._prefs = prefs
        self._show_message = show_message
        for value, action in actions.items():
            action.setChecked(value == prefs.language)
            action.triggered.connect(lambda _checked=False, value=value: self.choose(value))

    def choose(self, value: str) -> None:
        if value == self._prefs.language:
            return
        self._prefs.language = value
        self._save()
        self._show_message(language_changed_message(), 10_000)

    def _save(self) -> None:
        from reader.errors import ReaderError
        from reader.ui.error_text import error_text

        try:
            self._prefs.save()
        except ReaderError as error:
            self._show_message(error_text(error), 10_000)
