"""`ReadAloudFeature`: the report read aloud with the system's offline voices, the sentence being read highlighted."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QMainWindow, QMessageBox, QTextEdit, QWidget

from reader.content import Report
from reader.glossary import Glossary
from reader.ui.actions import ActionName, Actions
from reader.ui.document_view import DocumentView
from reader.ui.error_text import error_text
from reader.ui.speech_engine import PlayState, Speaker, SpeechUnavailableError, open_speaker

if TYPE_CHECKING:
    from reader.read_aloud_plan import Utterance
    from reader.ui.read_aloud_bar import ReadAloudBar

LAYER = "readAloud"
SENTENCE_COLOR = QColor("#bfe3ff")
WORD_COLOR = QColor("#5fb4ff")
TEXT_COLOR = QColor("#1a1a1a")  # dark text on the light marks in every theme
SPEED_STEP = 0.1
VIEW_MARGIN = 0.25  # a sentence scrolled into view sits a quarter of the way down

HELP_TEXT = """<p>Read aloud uses the voices already installed on your computer. Nothing is downloaded and nothing
goes over the network.</p>
<p><b>Linux:</b> install speech-dispatcher and a voice, e.g. <code>sudo apt install speech-dispatcher
espeak-ng</code> (Debian, Ubuntu) or <code>sudo dnf install speech-dispatcher espeak-ng</code> (Fedora), then
restart Field Reader. More natural voices: <code>rhvoice</code> or <code>festival</code> packages.</p>
<p><b>Windows:</b> Settings ▸ Time &amp; language ▸ Speech ▸ Manage voices ▸ Add voices; choose the
report's language.</p>
<p><b>macOS:</b> System Settings ▸ Accessibility ▸ Spoken Content ▸ System Voice ▸ Manage Voices; choose
the report's language.</p>
<p>Running from source: read aloud also needs Qt's text-to-speech module, <code>pip install
"field-reader[speech]"</code> (the PySide6-Addons package).</p>"""


class ReadAloudFeature(QObject):
    """Reads from the paragraph being read (or the selection) to the end of the section or of the report.

    The speech engine is opened the first time read aloud is used (importing Qt's text-to-speech module then, not at
    start-up); when it cannot be, the reason goes to the status line and the rest of the window carries on. Owns the
    read-aloud bar (`bar`, which it adds under the document when first needed) and the "readAloud" highlight layer.
    Emits `message(text, milliseconds)` for the status line.
    """

    message = Signal(str, int)

    def __init__(
        self,
        report: Report,
        glossary: Glossary,
        document: DocumentView,
        actions: Actions,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("readAloudFeature")
        self._report = report
        self._glossary = glossary
        self._document = document
        self._actions = actions
        self._speaker: Speaker | None = None
        self._unavailable = ""  # why speech cannot work here, once known
        self._word: tuple[int, int, int] | None = None  # utterance index, spoken start, length
        self._rate = 0.0
        self._bar: ReadAloudBar | None = None  # built when first needed (`bar`): most readers never use it
        actions[ActionName.READ_ALOUD].triggered.connect(self._on_read_aloud_triggered)
        actions[ActionName.STOP_READING].triggered.connect(self.stop)
        actions[ActionName.PREVIOUS_SENTENCE].triggered.connect(lambda: self._step(-1))
        actions[ActionName.NEXT_SENTENCE].triggered.connect(lambda: self._step(+1))
        actions[ActionName.READ_FASTER].triggered.connect(lambda: self._set_rate(self._rate + SPEED_STEP))
        actions[ActionName.READ_SLOWER].triggered.connect(lambda: self._set_rate(self._rate - SPEED_STEP))
        actions[ActionName.READ_ALOUD_CONTROLS].triggered.connect(self._on_controls_triggered)
        actions[ActionName.READ_ALOUD_HELP].triggered.connect(self.show_help)
        document.reloaded.connect(self._paint)
        self._update_actions()

    # Public

    @property
    def bar(self) -> ReadAloudBar:
        """The read-aloud bar under the document, built and added to the window the first time it is needed."""
        if self._bar is None:
            from reader.ui.read_aloud_bar import ReadAloudBar

            bar = self._bar = ReadAloudBar(self._actions)
            bar.speed_changed.connect(self._set_rate)
            bar.voice_chosen.connect(self._on_bar_voice_chosen)
            bar.closed.connect(self._on_bar_closed)
            window = self.parent()
            if isinstance(window, QMainWindow):
                window.addToolBar(Qt.ToolBarArea.BottomToolBarArea, bar)
        return self._bar

    @property
    def speaker(self) -> Speaker | None:
        """The engine's speaker once read aloud has been used (None before, or when it cannot speak)."""
        return self._speaker

    def read_aloud(self) -> bool:
        """Start reading from the selection, or the paragraph at the cursor, or the top of the view; or pause and
        resume. False (and one line in the status bar) when the system cannot speak."""
        speaker = self._open_speaker()
        if speaker is None:
            return False
        if speaker.state is not PlayState.STOPPED:
            speaker.toggle()
            return True
        plan = self._plan()
        if not plan:
            self.message.emit(self.tr("There is nothing here to read aloud."), 4000)
            return False
        self.bar.show()
        speaker.play(plan)
        return True

    def stop(self) -> None:
        if self._speaker is not None:
            self._speaker.stop()

    def show_help(self) -> None:
        box = QMessageBox(self._dialog_parent())
        box.setObjectName("readAloudHelp")
        box.setWindowTitle(self.tr("Read Aloud Help"))
        box.setIcon(QMessageBox.Icon.Information)
        box.setText(self.tr("Installing voices for read aloud"))
        box.setInformativeText(HELP_TEXT)
        box.exec()

    def close(self) -> None:
        """Stop speaking (the window is closing)."""
        if self._speaker is not None:
            self._speaker.close()

    # What to read

    def _plan(self) -> tuple[Utterance, ...]:
        from reader.read_aloud_plan import Scope, plan_from, plan_section, plan_selection

        glossary = self._glossary if self._actions[ActionName.EXPAND_TERMS].isChecked() else None
        scope = Scope.REPORT if self._actions[ActionName.READ_TO_END_OF_REPORT].isChecked() else Scope.SECTION
        document = self._document
        cursor = document.textCursor()
        if cursor.hasSelection():
            first = self._paragraph_from(cursor.selectionStart(), +1, cursor.selectionEnd())
            last = self._paragraph_from(cursor.selectionEnd(), -1, cursor.selectionStart())
            if first is not None and last is not None:
                return plan_selection(self._report, first[0], first[1], last[0], last[1], glossary)
        found = document.paragraph_at(cursor.position()) if self._is_visible(cursor.position()) else None
        if found is not None:
            return plan_from(self._report, found[0].id, found[1], scope, glossary)
        top = document.top_paragraph_id()
        if top is None:
            return ()
        if self._report.has_section(top):
            return plan_section(self._report, top, scope, glossary)
        return plan_from(self._report, top, 0, scope, glossary)

    def _paragraph_from(self, position: int, direction: int, limit: int) -> tuple[str, int] | None:
        """The paragraph and offset at `position`, or the nearest one towards `limit` (a selection may begin or end
        in a heading)."""
        while True:
            found = self._document.paragraph_at(position)
            if found is not None:
                return found[0].id, found[1]
            if (direction > 0 and position >= limit) or (direction < 0 and position <= limit):
                return None
            position += direction

    def _is_visible(self, position: int) -> bool:
        cursor = QTextCursor(self._document.document())
        cursor.setPosition(position)
        rect = self._document.cursorRect(cursor)
        return rect.top() >= 0 and rect.bottom() <= self._document.viewport().height()

    # The engine

    def _open_speaker(self) -> Speaker | None:
        if self._speaker is not None:
            return self._speaker
        if self._unavailable:
            self.message.emit(self._unavailable, 10_000)
            return None
        try:
            speaker = open_speaker(self._report.manifest.language, self)
        except SpeechUnavailableError as error:
            self._unavailable = error_text(error)
            self.message.emit(self._unavailable, 10_000)
            return None
        self._speaker = speaker
        speaker.current_changed.connect(self._on_speaker_current_changed)
        speaker.word_spoken.connect(self._on_speaker_word_spoken)
        speaker.state_changed.connect(self._on_speaker_state_changed)
        speaker.finished.connect(self._on_speaker_finished)
        speaker.failed.connect(lambda text: self.message.emit(text, 10_000))
        speaker.went_silent.connect(self._on_speaker_went_silent)
        voices = speaker.voices()
        self.bar.show_voices(
            [(f"{voice.name} ({voice.locale})", voice.matches_language) for voice in voices], speaker.voice_index()
        )
        self._rate = speaker.rate()
        self.bar.set_speed(self._rate)
        if not speaker.has_voice_for_language():
            self.message.emit(
                self.tr(
                    "No voice for the report's language ({0}) is installed; reading with another voice. "
                    "Help ▸ Read Aloud Help says how to add one."
                ).format(self._report.manifest.language),
                10_000,
            )
        self._update_actions()
        return speaker

    def _set_rate(self, rate: float) -> None:
        self._rate = round(max(-1.0, min(1.0, rate)), 2)
        self.bar.set_speed(self._rate)
        if self._speaker is not None:
            self._speaker.set_rate(self._rate)
        self._update_actions()

    def _step(self, delta: int) -> None:
        if self._speaker is not None:
            self._speaker.step(delta)

    # Slots

    def _on_read_aloud_triggered(self) -> None:
        self.read_aloud()

    def _on_controls_triggered(self) -> None:
        if self._open_speaker() is None:
            return
        self.bar.show()
        self.bar.voice.setFocus()

    def _on_bar_voice_chosen(self, index: int) -> None:
        if self._speaker is not None:
            self._speaker.set_voice(index)

    def _on_bar_closed(self) -> None:
        self.stop()
        self.bar.hide()
        self._document.setFocus()

    def _on_speaker_current_changed(self, index: int) -> None:
        self._word = None
        self._paint()
        speaker = self._speaker
        if speaker is not None and index >= 0:
            self.bar.set_status(self.tr("Sentence {0} of {1}").format(index + 1, len(speaker.plan)))
            self._keep_in_view(speaker.plan[index])
        else:
            self.bar.set_status("")

    def _on_speaker_word_spoken(self, index: int, start: int, length: int) -> None:
        self._word = (index, start, length)
        self._paint()

    def _on_speaker_state_changed(self, _state: PlayState) -> None:
        self._update_actions()

    def _on_speaker_finished(self) -> None:
        self.message.emit(self.tr("Finished reading aloud."), 4000)

    def _on_speaker_went_silent(self, index: int) -> None:
        """Keep the place at the first sentence nobody heard, so F5 reads on from there once the sound works."""
        speaker = self._speaker
        if speaker is not None and 0 <= index < len(speaker.plan):
            utterance = speaker.plan[index]
            span = self._span(utterance)
            if span is not None:
                cursor = self._document.textCursor()
                cursor.setPosition(span[0])
                self._document.setTextCursor(cursor)
                self._keep_in_view(utterance)
        self.message.emit(
            self.tr("Read aloud stopped: no sound came out. Check that a sound device is connected and not muted."),
            0,
        )

    # Painting and showing

    def _span(self, utterance: Utterance) -> tuple[int, int] | None:
        """Document positions of an utterance's written text, or None when the page has no such place."""
        if not self._document.has_anchor(utterance.place_id):
            return None
        if utterance.is_heading:
            base = self._document.section_start(utterance.section_id)
        else:
            base = self._document.paragraph_span(utterance.place_id)[0]
        return base + utterance.start, base + utterance.end

    def _paint(self) -> None:
        speaker = self._speaker
        selections: list[QTextEdit.ExtraSelection] = []
        index = speaker.index if speaker is not None else -1
        if speaker is not None and index >= 0:
            utterance = speaker.plan[index]
            span = self._span(utterance)
            if span is not None:
                selections.append(self._selection(span, SENTENCE_COLOR))
                if self._word is not None and self._word[0] == index:
                    start, end = utterance.written_span(self._word[1], self._word[1] + self._word[2])
                    offset = span[0] - utterance.start
                    if end > start:
                        selections.append(self._selection((offset + start, offset + end), WORD_COLOR))
        self._document.set_highlight_layer(LAYER, selections)

    def _selection(self, span: tuple[int, int], color: QColor) -> QTextEdit.ExtraSelection:
        selection = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self._document.document())
        cursor.setPosition(span[0])
        cursor.setPosition(span[1], QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor
        text_format = QTextCharFormat()
        text_format.setBackground(color)
        text_format.setForeground(TEXT_COLOR)
        selection.format = text_format
        return selection

    def _keep_in_view(self, utterance: Utterance) -> None:
        """Scroll when the sentence is not wholly in view, so it sits near the top with what follows below it."""
        span = self._span(utterance)
        if span is None:
            return
        document = self._document
        cursor = QTextCursor(document.document())
        cursor.setPosition(span[0])
        top = document.cursorRect(cursor).top()
        cursor.setPosition(span[1])
        bottom = document.cursorRect(cursor).bottom()
        height = document.viewport().height()
        if top < 0 or bottom > height:
            bar = document.verticalScrollBar()
            bar.setValue(bar.value() + top - int(height * VIEW_MARGIN))

    def _update_actions(self) -> None:
        state = self._speaker.state if self._speaker is not None else PlayState.STOPPED
        actions = self._actions
        play = actions[ActionName.READ_ALOUD]
        labels = {
            PlayState.STOPPED: self.tr("Read Alo&ud"),
            PlayState.PLAYING: self.tr("Pa&use Reading"),
            PlayState.PAUSED: self.tr("Res&ume Reading"),
        }
        play.setText(labels[state])
        reading = state is not PlayState.STOPPED
        for name in (ActionName.STOP_READING, ActionName.PREVIOUS_SENTENCE, ActionName.NEXT_SENTENCE):
            actions[name].setEnabled(reading)
        actions[ActionName.READ_FASTER].setEnabled(self._rate < 1.0)
        actions[ActionName.READ_SLOWER].setEnabled(self._rate > -1.0)

    def _dialog_parent(self) -> QWidget | None:
        return self._document.window()
