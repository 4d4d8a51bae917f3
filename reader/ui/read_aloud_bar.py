"""The read-aloud bar under the document: play/pause, stop, sentence steps, speed, voice, and where reading stops."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QLabel, QSlider, QToolBar, QToolButton, QWidget

from reader.ui.actions import ActionName, Actions
from reader.ui.eliding_combo_box import ElidingComboBox
from reader.ui.row_direction import RowDirectionDelegate

SPEED_STEPS = 10  # the slider runs from -10 to 10: a rate of -1 (slowest) to 1 (fastest)
MAX_VOICE_WIDTH = 280
MIN_SPEED_WIDTH = 72  # pixels: the slider's handle still has room to move at 1024 pixels wide with two panels
LABEL_GAP = 4  # pixels each side of a label, so "Speed" and "Voice" do not touch their controls


class VoiceComboBox(ElidingComboBox):
    """The voice list: each voice's name (the speech engine's, mostly English) is laid out in its own direction, in
    the list and in the box (`ElidingComboBox`), so a name too long for the box ends in "…" at its end, not cut at
    its start as a left-to-right name is in a right-to-left interface."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setItemDelegate(RowDirectionDelegate(self))  # the rows of the open list


class ReadAloudBar(QToolBar):
    """The window's read-aloud actions as buttons, a speed slider, a voice list, the option to read on to the end
    of the report, and which sentence is being read. Hidden until read aloud is first used.

    Emits `speed_changed(rate)` (-1 to 1), `voice_chosen(index)` and `closed` when the reader closes it.
    """

    speed_changed = Signal(float)
    voice_chosen = Signal(int)
    closed = Signal()

    def __init__(self, actions: Actions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readAloudBar")
        self.setAccessibleName(self.tr("Read aloud"))
        self.setWindowTitle(self.tr("Read Aloud"))
        self.setMovable(False)
        for name in (
            ActionName.PREVIOUS_SENTENCE,
            ActionName.READ_ALOUD,
            ActionName.NEXT_SENTENCE,
            ActionName.STOP_READING,
        ):
            self._add_action_button(actions, name)
        self.addSeparator()
        speed_label = QLabel(self.tr("Speed"), self)
        speed_label.setObjectName("readAloudSpeedLabel")
        speed_label.setContentsMargins(LABEL_GAP, 0, LABEL_GAP, 0)  # apart from the controls on either side
        self.addWidget(speed_label)
        self.speed = QSlider(Qt.Orientation.Horizontal, self)
        self.speed.setObjectName("readAloudSpeed")
        self.speed.setAccessibleName(self.tr("Reading speed"))
        self.speed.setRange(-SPEED_STEPS, SPEED_STEPS)
        self.speed.setPageStep(2)
        self.speed.setMaximumWidth(140)
        self.speed.setMinimumWidth(MIN_SPEED_WIDTH)  # a narrow window moves buttons into » rather than squash it
        speed_label.setBuddy(self.speed)
        self.addWidget(self.speed)
        voice_label = QLabel(self.tr("Voice"), self)
        voice_label.setObjectName("readAloudVoiceLabel")
        voice_label.setContentsMargins(LABEL_GAP, 0, LABEL_GAP, 0)
        self.addWidget(voice_label)
        self.voice = VoiceComboBox(self)
        self.voice.setObjectName("readAloudVoice")
        self.voice.setAccessibleName(self.tr("Voice"))
        self.voice.setMaximumWidth(MAX_VOICE_WIDTH)
        self.voice.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.voice.setMinimumContentsLength(18)
        voice_label.setBuddy(self.voice)
        self.addWidget(self.voice)
        self._separator: int | None = None
        self.addSeparator()
        self._add_action_button(actions, ActionName.READ_TO_END_OF_REPORT)
        self._add_action_button(actions, ActionName.EXPAND_TERMS)
        self.addSeparator()
        self.status = QLabel(self)
        self.status.setObjectName("readAloudStatus")
        self.status.setAccessibleName(self.tr("Read aloud status"))
        self.addWidget(self.status)
        close = QToolButton(self)
        close.setObjectName("readAloudClose")
        close.setText(self.tr("Close"))
        close.setAccessibleName(self.tr("Close read aloud"))
        close.clicked.connect(self.closed.emit)
        self.addWidget(close)
        self.speed.valueChanged.connect(lambda value: self.speed_changed.emit(value / SPEED_STEPS))
        self.voice.activated.connect(self._on_voice_activated)
        self.hide()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Esc closes the bar, as it closes the find bar: on a narrow window its Close button is out of sight."""
        if event.key() == Qt.Key.Key_Escape and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            event.accept()
            self.closed.emit()
            return
        super().keyPressEvent(event)

    def _add_action_button(self, actions: Actions, name: ActionName) -> None:
        action = actions[name]
        short = {
            ActionName.PREVIOUS_SENTENCE: self.tr("Previous"),
            ActionName.NEXT_SENTENCE: self.tr("Next"),
            ActionName.STOP_READING: self.tr("Stop"),
            ActionName.READ_TO_END_OF_REPORT: self.tr("On to Report's End"),
            ActionName.EXPAND_TERMS: self.tr("Abbreviations in Full"),
        }.get(name)
        if short:
            action.setIconText(short)  # the button's label; the menu keeps the full one
        self.addAction(action)
        button = self.widgetForAction(action)
        if button is not None:
            button.setObjectName(action.objectName() + "BarButton")
            label = action.text().replace("&", "")
            button.setAccessibleName(self.tr("Read aloud: play or pause") if name is ActionName.READ_ALOUD else label)

    def show_voices(self, voices: list[tuple[str, bool]], current: int) -> None:
        """Fill the voice list: (label, speaks the report's language) pairs, the matching ones first, then a line."""
        self.voice.blockSignals(True)
        self.voice.clear()
        matching = sum(1 for _label, matches in voices if matches)
        self.voice.addItems([label for label, _matches in voices])
        self._separator = matching if 0 < matching < len(voices) else None
        if self._separator is not None:
            self.voice.insertSeparator(self._separator)
        row = current + 1 if self._separator is not None and current >= self._separator else current
        self.voice.setCurrentIndex(row)
        self.voice.blockSignals(False)
        self.voice.setToolTip(self.voice.currentText())  # the whole name (signals were blocked)

    def _on_voice_activated(self, row: int) -> None:
        """The reader chose the voice at `row` (the separator, when there is one, takes a row of its own)."""
        self.voice_chosen.emit(row - 1 if self._separator is not None and row > self._separator else row)

    def set_speed(self, rate: float) -> None:
        self.speed.blockSignals(True)
        self.speed.setValue(round(rate * SPEED_STEPS))
        self.speed.blockSignals(False)

    def set_status(self, text: str) -> None:
        self.status.setText(text)
