"""Read aloud through the real speech-dispatcher engine (espeak-ng), speaking into whatever audio the system has.

CI installs speech-dispatcher and espeak-ng from Debian and points the audio at a null sink (see `.ci/run`): no
sound comes out, and speech-dispatcher reports each sentence ended the moment it began. Elsewhere the test is
skipped, saying which part is missing.
"""

from __future__ import annotations

import shutil
import sys

import pytest

from reader.sentences import split_sentences
from reader.ui.actions import ActionName
from reader.ui.speech_engine import PlayState

pytestmark = pytest.mark.qt_log_ignore("pipewire", "speech")


@pytest.fixture
def speechd(monkeypatch: pytest.MonkeyPatch) -> None:
    if not sys.platform.startswith("linux"):
        pytest.skip("speech-dispatcher is the Linux engine; Windows and macOS use their system voices")
    speech = pytest.importorskip("PySide6.QtTextToSpeech", reason="PySide6-Addons (the speech extra) is not installed")
    if "speechd" not in speech.QTextToSpeech.availableEngines():
        pytest.skip("this PySide6-Addons has no speech-dispatcher plugin")
    if shutil.which("speech-dispatcher") is None or shutil.which("espeak-ng") is None:
        pytest.skip("speech-dispatcher and espeak-ng are not installed (apt-get install speech-dispatcher espeak-ng)")
    monkeypatch.setattr("reader.ui.speech_engine.ENGINE", "speechd")


def test_speech_dispatcher_with_no_sound_device_reads_the_first_sentences_then_stops_saying_why(
    window, speechd, qtbot, report
):
    section = report.section("red-wolf")
    sentences = [sentence.text for paragraph in section.paragraphs for sentence in split_sentences(paragraph.text)]
    window.go_to(section.paragraphs[0].id)
    cursor = window.document.textCursor()
    cursor.setPosition(window.document.paragraph_span(section.paragraphs[0].id)[0])
    window.document.setTextCursor(cursor)
    window._actions[ActionName.READ_ALOUD].trigger()
    feature = window._read_aloud
    assert feature.speaker is not None, window.statusBar().currentMessage()
    assert feature.speaker.engine_name == "speechd"
    assert feature.speaker.has_voice_for_language()  # espeak-ng speaks English
    heard: list[str] = []
    feature.speaker.current_changed.connect(
        lambda index: heard.append(feature.speaker.plan[index].text if index >= 0 else "")
    )
    qtbot.waitUntil(lambda: feature.speaker.state is PlayState.STOPPED, timeout=60_000)
    # The sentences after the first, in order, through speech-dispatcher; then, long before the section's end, the
    # reader is told that nothing was heard, and the highlight is cleared.
    assert heard[:2] == sentences[1:3]
    assert heard[-1] == "" and len(heard) < len(sentences)
    assert heard[:-1] == sentences[1 : len(heard)]
    message = window.statusBar().currentMessage()
    assert message.startswith("Read aloud stopped: no sound came out.")
