"""Reading settings: the dialog (font, text size, line spacing, column width), the bundled fonts it offers, and the
centred column it keeps the page's text in.

The font and the line spacing reach the page as style rules (`render.reading_css`), the text size as zoom steps
added to the reader's zoom, the column as the page's left and right margins. None of it changes the page's HTML, so
the rendered page in the cache serves every setting. Nothing here is imported by a start with default settings.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QObject, Signal
from PySide6.QtGui import QFont, QFontMetricsF
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from reader.prefs import COLUMN_RANGE, LINE_SPACING_RANGE, TEXT_SIZE_RANGE, ReadingSettings
from reader.ui.document_view import DOCUMENT_MARGIN, ZOOM_STEP, DocumentView
from reader.ui.language import shown_keys

# The bundled fonts (reader/fonts/, DejaVu 2.37, licence in LICENSE-DejaVu.txt) and the family each registers.
FONT_FILES = {
    "serif": ("DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf"),
    "sans": ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"),
}
FONT_FAMILY = {"serif": "DejaVu Serif", "sans": "DejaVu Sans"}
FONT_LABELS = {
    "system": QT_TRANSLATE_NOOP("Labels", "System default"),
    "serif": QT_TRANSLATE_NOOP("Labels", "Serif (DejaVu Serif)"),
    "sans": QT_TRANSLATE_NOOP("Labels", "Sans serif (DejaVu Sans)"),
}
_loaded: set[str] = set()


def ensure_font_loaded(font: str) -> None:
    """Register a bundled reading font with Qt, once, when it is first used ("system" needs nothing)."""
    if font not in FONT_FILES or font in _loaded:
        return
    from importlib.resources import files

    from PySide6.QtCore import QByteArray
    from PySide6.QtGui import QFontDatabase

    for name in FONT_FILES[font]:
        # From the bytes: works wherever the package is (a folder, an archive), and Qt keeps its own copy.
        QFontDatabase.addApplicationFontFromData(QByteArray((files("reader") / "fonts" / name).read_bytes()))
    _loaded.add(font)


def loaded_fonts() -> frozenset[str]:
    """The bundled reading fonts registered so far in this run."""
    return frozenset(_loaded)


def text_size_percent(step: int) -> int:
    """A text size step as the percentage of the normal size it draws."""
    return round(100 * ZOOM_STEP**step)


class ReadingColumn(QObject):
    """Keeps the page's text in a column at most `width` characters wide, centred in the view (0: the whole width).

    The column is the page's left and right margin, worked out again when the view is resized, the page reloaded
    or the text size changed (`apply`).
    """

    def __init__(self, document: DocumentView, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readingColumn")
        self._document = document
        self._characters = 0
        self._family: str | None = None
        document.viewport().installEventFilter(self)
        document.reloaded.connect(self.apply)

    @property
    def characters(self) -> int:
        return self._characters

    def set_width(self, characters: int, font: str = "system") -> None:
        self._characters = characters
        self._family = FONT_FAMILY.get(font)
        self.apply()

    def margin(self) -> float:
        """The page's left and right margin in pixels for the current width, font and view."""
        if not self._characters:
            return DOCUMENT_MARGIN
        font = QFont(self._document.document().defaultFont())
        if self._family:
            font.setFamilies([self._family])
        metrics = QFontMetricsF(font)
        column = metrics.horizontalAdvance("abcdefghijklmnopqrstuvwxyz") / 26 * self._characters
        return max(float(DOCUMENT_MARGIN), (self._document.viewport().width() - column) / 2)

    def apply(self) -> None:
        root = self._document.document().rootFrame()
        frame_format = root.frameFormat()
        margin = self.margin()
        if frame_format.leftMargin() == margin and frame_format.rightMargin() == margin:
            return
        keep = self._document.top_paragraph_id()
        frame_format.setLeftMargin(margin)
        frame_format.setRightMargin(margin)
        root.setFrameFormat(frame_format)
        if keep:
            self._document.show_paragraph(keep)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._characters and event.type() == QEvent.Type.Resize:
            self.apply()
        return False


class ReadingSettingsDialog(QDialog):
    """Font, text size, line spacing and column width. Each change is shown on the page at once
    (`settings_changed`); OK keeps them, Cancel puts back what there was, Reset gives the defaults."""

    settings_changed = Signal(object)  # ReadingSettings

    def __init__(self, settings: ReadingSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readingSettingsDialog")
        self.setAccessibleName(self.tr("Reading settings"))
        self.setWindowTitle(self.tr("Reading Settings"))
        self._original = settings

        self._font = QComboBox(self)
        self._font.setObjectName("readingFont")
        self._font.setAccessibleName(self.tr("Font"))
        for font, label in FONT_LABELS.items():
            self._font.addItem(self.tr(label), font)

        self._size = QComboBox(self)
        self._size.setObjectName("readingTextSize")
        self._size.setAccessibleName(self.tr("Text size"))
        for step in range(TEXT_SIZE_RANGE[0], TEXT_SIZE_RANGE[1] + 1):
            label = f"{text_size_percent(step)} %"
            self._size.addItem(self.tr("{0} (normal)").format(label) if step == 0 else label, step)

        self._spacing = QDoubleSpinBox(self)
        self._spacing.setObjectName("readingLineSpacing")
        self._spacing.setAccessibleName(self.tr("Line spacing"))
        self._spacing.setRange(*LINE_SPACING_RANGE)
        self._spacing.setSingleStep(0.05)
        self._spacing.setDecimals(2)

        self._column = QSpinBox(self)
        self._column.setObjectName("readingColumnWidth")
        self._column.setAccessibleName(self.tr("Column width in characters"))
        self._column.setRange(COLUMN_RANGE[0] - 1, COLUMN_RANGE[1])  # the lowest value means no limit
        self._column.setSingleStep(5)
        self._column.setSpecialValueText(self.tr("Whole width"))
        self._column.setSuffix(self.tr(" characters"))

        form = QFormLayout()
        for label, field in (
            (self.tr("&Font:"), self._font),
            (self.tr("Text &size:"), self._size),
            (self.tr("&Line spacing:"), self._spacing),
            (self.tr("&Column width:"), self._column),
        ):
            form.addRow(label, field)
        hint_text = self.tr("The text size adds to the zoom (Ctrl+= and Ctrl+-); Actual Size leaves it.")
        for keys in ("Ctrl+=", "Ctrl+-"):  # as printed on the keys in an Arabic sentence too, not "=+Ctrl"
            hint_text = hint_text.replace(keys, shown_keys(keys))
        hint = QLabel(hint_text, self)
        hint.setObjectName("readingSettingsHint")
        hint.setWordWrap(True)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.RestoreDefaults,
            self,
        )
        buttons.setObjectName("readingSettingsButtons")
        reset = buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults)
        reset.setObjectName("readingSettingsReset")
        reset.setText(self.tr("&Reset"))
        reset.setAccessibleName(self.tr("Reset the reading settings to the defaults"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        reset.clicked.connect(lambda: self.set_settings(ReadingSettings()))

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(buttons)

        self.set_settings(settings)
        self._font.activated.connect(self._on_changed)
        self._size.activated.connect(self._on_changed)
        self._spacing.valueChanged.connect(self._on_changed)
        self._column.valueChanged.connect(self._on_changed)

    @property
    def original(self) -> ReadingSettings:
        """The settings the dialog opened with (what Cancel puts back)."""
        return self._original

    def settings(self) -> ReadingSettings:
        column = self._column.value()
        return ReadingSettings.from_value(
            {
                "font": self._font.currentData(),
                "text_size": self._size.currentData(),
                "line_spacing": self._spacing.value(),
                "column_width": 0 if column < COLUMN_RANGE[0] else column,
            }
        )

    def set_settings(self, settings: ReadingSettings) -> None:
        """Show these settings in the fields (and on the page)."""
        for widget in (self._font, self._size, self._spacing, self._column):
            widget.blockSignals(True)
        self._font.setCurrentIndex(max(0, self._font.findData(settings.font)))
        self._size.setCurrentIndex(max(0, self._size.findData(settings.text_size)))
        self._spacing.setValue(settings.line_spacing)
        self._column.setValue(settings.column_width or COLUMN_RANGE[0] - 1)
        for widget in (self._font, self._size, self._spacing, self._column):
            widget.blockSignals(False)
        self._on_changed()

    def _on_changed(self, *_args: object) -> None:
        self.settings_changed.emit(self.settings())
