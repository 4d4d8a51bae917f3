"""Read aloud in the window, against Qt's own "mock" speech engine (it speaks nothing, word by word).

What a reader notices: where reading starts, which sentence is highlighted, pausing and resuming, stepping,
stopping at the end of the section, abbreviations said in full, and a clear line when the system cannot speak.
"""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QSlider, QToolBar, QWidget

from reader.sentences import split_sentences
from reader.ui.actions import ActionName
from reader.ui.speech_engine import PlayState

pytestmark = pytest.mark.qt_log_ignore("pipewire", "speech")


def action(window, name: ActionName):
    return window.findChild(type(window._actions[name]), name.value)


@pytest.fixture
def mock_engine(monkeypatch: pytest.MonkeyPatch) -> None:
    speech = pytest.importorskip("PySide6.QtTextToSpeech", reason="PySide6-Addons (the speech extra) is not installed")
    if "mock" not in speech.QTextToSpeech.availableEngines():
        pytest.skip("Qt's mock text-to-speech engine is not in this PySide6-Addons")
    monkeypatch.setattr("reader.ui.speech_engine.ENGINE", "mock")


@pytest.fixture
def reader_window(window, mock_engine, qtbot):
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def place_cursor(window, paragraph_id: str, offset: int) -> None:
    window.go_to(paragraph_id)
    cursor = window.document.textCursor()
    cursor.setPosition(window.document.paragraph_span(paragraph_id)[0] + offset)
    window.document.setTextCursor(cursor)


def highlighted(window) -> list[str]:
    """The texts of the read-aloud marks: the sentence, then the word being spoken (when there is one)."""
    return [selection.cursor.selectedText() for selection in window.document._layers.get("readAloud", [])]


def speaker(window):
    return window._read_aloud.speaker


def start_reading(window, qtbot, paragraph_id: str, offset: int = 0) -> None:
    place_cursor(window, paragraph_id, offset)
    action(window, ActionName.READ_ALOUD).trigger()
    qtbot.waitUntil(lambda: speaker(window) is not None and speaker(window).state is PlayState.PLAYING)


def test_f5_reads_from_the_sentence_at_the_cursor_and_highlights_it(reader_window, qtbot, report):
    paragraph = report.paragraph("red-wolf-p2")
    second = split_sentences(paragraph.text)[1]
    start_reading(reader_window, qtbot, paragraph.id, second.start + 3)
    assert highlighted(reader_window)[0] == second.text
    assert reader_window.findChild(QToolBar, "readAloudBar").isVisible()
    assert action(reader_window, ActionName.READ_ALOUD).text().replace("&", "") == "Pause Reading"
    assert "Sentence 1 of" in reader_window.findChild(QToolBar, "readAloudBar").status.text()


def test_the_bar_appears_under_the_report_only_once_read_aloud_is_used(reader_window, qtbot, report):
    assert reader_window.findChild(QToolBar, "readAloudBar") is None  # nothing built for readers who never use it
    start_reading(reader_window, qtbot, "red-wolf-p2")
    bar = reader_window.findChild(QToolBar, "readAloudBar")
    assert bar.isVisible() and reader_window.toolBarArea(bar) is Qt.ToolBarArea.BottomToolBarArea
    assert bar.geometry().top() > reader_window.document.geometry().top()


def test_the_spoken_word_is_highlighted_inside_the_sentence(reader_window, qtbot, report):
    paragraph = report.paragraph("red-wolf-p2")
    start_reading(reader_window, qtbot, paragraph.id)
    qtbot.waitUntil(lambda: len(highlighted(reader_window)) == 2, timeout=5000)
    sentence, word = highlighted(reader_window)
    assert sentence == split_sentences(paragraph.text)[0].text
    assert word and word in sentence.split()


def test_pause_keeps_the_place_and_resume_carries_on(reader_window, qtbot, report):
    start_reading(reader_window, qtbot, "red-wolf-p2")
    play = action(reader_window, ActionName.READ_ALOUD)
    play.trigger()
    assert speaker(reader_window).state is PlayState.PAUSED
    assert play.text().replace("&", "") == "Resume Reading"
    first = highlighted(reader_window)[0]
    play.trigger()
    assert speaker(reader_window).state is PlayState.PLAYING
    assert highlighted(reader_window)[0] == first
    # Reading goes on to the next sentence by itself.
    second = split_sentences(report.paragraph("red-wolf-p2").text)[1].text
    reader_window._read_aloud.bar.speed.setValue(10)  # the fastest: the mock engine speaks a word a beat
    qtbot.waitUntil(lambda: highlighted(reader_window)[:1] == [second], timeout=15_000)


def test_next_and_previous_sentence_move_the_highlight_also_while_paused(reader_window, qtbot, report):
    sentences = [s.text for s in split_sentences(report.paragraph("red-wolf-p2").text)]
    start_reading(reader_window, qtbot, "red-wolf-p2")
    action(reader_window, ActionName.NEXT_SENTENCE).trigger()
    assert highlighted(reader_window)[0] == sentences[1]
    assert speaker(reader_window).state is PlayState.PLAYING
    action(reader_window, ActionName.PREVIOUS_SENTENCE).trigger()
    assert highlighted(reader_window)[0] == sentences[0]
    action(reader_window, ActionName.READ_ALOUD).trigger()  # pause
    action(reader_window, ActionName.NEXT_SENTENCE).trigger()
    assert highlighted(reader_window)[0] == sentences[1]
    assert speaker(reader_window).state is PlayState.PAUSED
    action(reader_window, ActionName.READ_ALOUD).trigger()  # resume from the sentence stepped to
    assert speaker(reader_window).state is PlayState.PLAYING
    assert highlighted(reader_window)[0] == sentences[1]


def test_reading_stops_at_the_end_of_the_section(reader_window, qtbot, report):
    section = report.section("red-wolf")
    last = section.paragraphs[-1]
    final = split_sentences(last.text)[-1]
    reader_window._read_aloud.bar.speed.setValue(10)
    start_reading(reader_window, qtbot, last.id, final.start)
    assert highlighted(reader_window)[0] == final.text
    qtbot.waitUntil(lambda: speaker(reader_window).state is PlayState.STOPPED, timeout=30_000)
    assert speaker(reader_window).state is PlayState.STOPPED
    assert highlighted(reader_window) == []
    assert "Finished reading aloud" in reader_window.statusBar().currentMessage()
    assert action(reader_window, ActionName.READ_ALOUD).text().replace("&", "") == "Read Aloud"


def test_reading_on_to_the_end_of_the_report_crosses_into_the_next_section(reader_window, qtbot, report):
    action(reader_window, ActionName.READ_TO_END_OF_REPORT).setChecked(True)
    last = report.section("red-wolf").paragraphs[-1]
    final = split_sentences(last.text)[-1]
    start_reading(reader_window, qtbot, last.id, final.start)
    action(reader_window, ActionName.NEXT_SENTENCE).trigger()
    following = report.sections[report.index_of("red-wolf") + 1]
    assert highlighted(reader_window)[0] == following.title  # the next heading is read out


def test_stop_clears_the_highlight(reader_window, qtbot):
    start_reading(reader_window, qtbot, "red-wolf-p2")
    action(reader_window, ActionName.STOP_READING).trigger()
    assert speaker(reader_window).state is PlayState.STOPPED
    assert highlighted(reader_window) == []
    assert not action(reader_window, ActionName.NEXT_SENTENCE).isEnabled()


def test_the_sentence_being_read_is_kept_in_view(reader_window, qtbot):
    start_reading(reader_window, qtbot, "red-wolf-p2")
    document = reader_window.document
    document.verticalScrollBar().setValue(0)  # the reader scrolls away to the top of the report
    action(reader_window, ActionName.NEXT_SENTENCE).trigger()
    sentence = document._layers["readAloud"][0].cursor
    rect = document.cursorRect(sentence)
    assert rect.top() >= 0 and rect.bottom() <= document.viewport().height()


def test_a_selection_is_read_alone(reader_window, qtbot, report):
    paragraph = report.paragraph("red-wolf-p2")
    base = reader_window.document.paragraph_span(paragraph.id)[0]
    reader_window.go_to(paragraph.id)
    reader_window.document.select_range(base + 4, base + 40)
    action(reader_window, ActionName.READ_ALOUD).trigger()
    qtbot.waitUntil(lambda: speaker(reader_window) is not None and speaker(reader_window).state is PlayState.PLAYING)
    plan = speaker(reader_window).plan
    assert len(plan) == 1 and plan[0].text == paragraph.text[4:40].strip()
    assert highlighted(reader_window)[0] == plan[0].text


def test_abbreviations_are_said_in_full_the_first_time_when_asked(reader_window, qtbot, report):
    action(reader_window, ActionName.EXPAND_TERMS).setChecked(True)
    start_reading(reader_window, qtbot, "apartheid-p2")
    first = next(u for u in speaker(reader_window).plan if "ICJ" in u.text)
    assert "International Court of Justice" in first.spoken and "ICJ" not in first.spoken
    # The page is not changed: the highlight is the sentence as written.
    assert highlighted(reader_window)[0] == speaker(reader_window).plan[0].text


def test_speed_and_voice_controls_reach_the_engine(reader_window, qtbot):
    start_reading(reader_window, qtbot, "red-wolf-p2")
    bar = reader_window.findChild(QToolBar, "readAloudBar")
    action(reader_window, ActionName.READ_FASTER).trigger()
    assert speaker(reader_window).rate() == pytest.approx(0.1)
    assert bar.findChild(QSlider, "readAloudSpeed").value() == 1
    action(reader_window, ActionName.READ_SLOWER).trigger()
    action(reader_window, ActionName.READ_SLOWER).trigger()
    assert speaker(reader_window).rate() == pytest.approx(-0.1)
    voices = bar.findChild(QComboBox, "readAloudVoice")
    english = [voices.itemText(row) for row in range(voices.count())]
    assert english[0].endswith("(en_GB)") or english[0].endswith("(en_US)")  # the report's language first
    for name in ("readAloudVoice", "readAloudSpeed", "readAloudClose", "actionReadAloudBarButton"):
        widget = bar.findChild(QWidget, name)
        assert widget is not None and widget.accessibleName(), name


def test_without_the_speech_module_one_line_says_why_and_the_window_carries_on(window, qtbot, monkeypatch):
    monkeypatch.setitem(sys.modules, "PySide6.QtTextToSpeech", None)  # as if PySide6-Addons were not installed
    action(window, ActionName.READ_ALOUD).trigger()
    message = window.statusBar().currentMessage()
    assert "PySide6-Addons" in message and "Read Aloud Help" in message
    assert window._read_aloud.speaker is None
    action(window, ActionName.ZOOM_IN).trigger()
    assert window.document.zoom == 1


def test_with_no_speech_engine_one_line_points_to_the_help(window, qtbot, monkeypatch):
    speech = pytest.importorskip("PySide6.QtTextToSpeech")
    monkeypatch.setattr(speech.QTextToSpeech, "availableEngines", staticmethod(lambda: ["mock"]))
    action(window, ActionName.READ_ALOUD).trigger()
    message = window.statusBar().currentMessage()
    assert "No speech engine" in message and "Read Aloud Help" in message


def test_with_no_voice_for_the_language_it_says_so_and_reads_with_another(reader_window, qtbot, monkeypatch):
    from reader.ui import read_aloud_feature, speech_engine

    monkeypatch.setattr(
        read_aloud_feature, "open_speaker", lambda _language, parent: speech_engine.open_speaker("sw", parent)
    )
    start_reading(reader_window, qtbot, "red-wolf-p2")
    assert "No voice for the report's language" in reader_window.statusBar().currentMessage()


SILENT = "Read aloud stopped: no sound came out. Check that a sound device is connected and not muted."


class SpeechClock:
    """The speaker's monotonic clock, moved only by the mock engine's words: `seconds_per_word` for each word said
    (0: sentences end the moment they begin, as speech-dispatcher's do when no sound can come out)."""

    def __init__(self) -> None:
        self.now = 0.0
        self.seconds_per_word = 0.0

    def __call__(self) -> float:
        return self.now

    def word_said(self, *_word: int) -> None:
        self.now += self.seconds_per_word


@pytest.fixture
def speech_clock(mock_engine, monkeypatch: pytest.MonkeyPatch) -> SpeechClock:
    from reader.ui import read_aloud_feature, speech_engine

    clock = SpeechClock()

    def open_speaker(language, parent):
        opened = speech_engine.open_speaker(language, parent, clock)
        opened.word_spoken.connect(clock.word_said)
        return opened

    monkeypatch.setattr(read_aloud_feature, "open_speaker", open_speaker)
    return clock


def paragraph_sentences(report, *paragraph_ids: str) -> list[str]:
    return [sentence.text for id in paragraph_ids for sentence in split_sentences(report.paragraph(id).text)]


def test_when_sentences_end_without_being_spoken_reading_stops_saying_why_and_keeps_the_place(
    reader_window, qtbot, report, speech_clock
):
    # "What is genocide?": four sentences of 60 to 130 characters. The first is heard (450 words a minute), then the
    # sound goes: the engine reports each of the others ended the moment it began.
    sentences = paragraph_sentences(report, *(f"what-is-genocide-p{number}" for number in range(3, 7)))
    speech_clock.seconds_per_word = 60 / 450
    reader_window._read_aloud.bar.speed.setValue(10)  # the fastest: the mock engine says a word a beat
    start_reading(reader_window, qtbot, "what-is-genocide-p3")
    speaker(reader_window).current_changed.connect(
        lambda index: setattr(speech_clock, "seconds_per_word", 0.0) if index == 1 else None
    )
    qtbot.waitUntil(lambda: speaker(reader_window).state is PlayState.STOPPED, timeout=30_000)
    assert reader_window.statusBar().currentMessage() == SILENT
    assert highlighted(reader_window) == []
    assert action(reader_window, ActionName.READ_ALOUD).text().replace("&", "") == "Read Aloud"
    # F5 reads on from the first sentence nobody heard, not from the end of the section.
    action(reader_window, ActionName.READ_ALOUD).trigger()
    assert highlighted(reader_window)[0] == sentences[1]
    assert speaker(reader_window).state is PlayState.PLAYING


def test_sentences_spoken_at_a_real_voice_pace_are_read_to_the_end(reader_window, qtbot, report, speech_clock):
    speech_clock.seconds_per_word = 60 / 450  # espeak-ng's fastest rate
    reader_window._read_aloud.bar.speed.setValue(10)
    start_reading(reader_window, qtbot, "what-is-genocide-p3")
    qtbot.waitUntil(lambda: speaker(reader_window).state is PlayState.STOPPED, timeout=30_000)
    assert "Finished reading aloud" in reader_window.statusBar().currentMessage()


def test_short_sentences_ending_at_once_are_read_on_to_the_end(mock_engine, qtbot):
    from reader.read_aloud_plan import Utterance
    from reader.ui.speech_engine import open_speaker

    texts = ["Ceasefire now.", "Stop Arming Israel.", "What is genocide?", "Stop the genocide now.", "Genocide."]
    plan = tuple(Utterance("genocide", "genocide-p1", 0, len(text), text, text) for text in texts)
    reader = open_speaker("en", clock=lambda: 0.0)  # every sentence ends the moment it begins
    reader.set_rate(1.0)
    read: list[int] = []
    reader.current_changed.connect(read.append)
    with qtbot.assertNotEmitted(reader.went_silent), qtbot.waitSignal(reader.finished, timeout=10_000):
        reader.play(plan)
    assert read == [0, 1, 2, 3, 4, -1]
    reader.close()
    reader.deleteLater()
