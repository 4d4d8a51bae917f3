"""The system's offline voices through Qt's text-to-speech module, speaking a reading plan one sentence at a time.

`QtTextToSpeech` comes from the optional PySide6-Addons wheel and is imported only by `open_speaker`, when read
aloud is first used: never at start-up. Speech engines report their state late and in their own order
(speech-dispatcher answers over a socket, the mock engine at once), so `Speaker` moves to the next sentence only
when the one it asked for has been heard to start and then to end, and after a stop it waits for the engine to
say it has stopped before speaking again. Where the engine runs but no sound can come out, speech-dispatcher says
every sentence ended at once: `Speaker` notices (`read_aloud_silence.SilenceCheck`) and stops.
"""

from __future__ import annotations

import enum
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from reader.errors import ReaderError
from reader.read_aloud_plan import Utterance
from reader.read_aloud_silence import SilenceCheck

if TYPE_CHECKING:
    from PySide6.QtTextToSpeech import QTextToSpeech, QVoice

# The engine to use, by name; None: the system's own (speech-dispatcher on Linux, the Windows or macOS voices).
# Qt's "mock" engine, which speaks nothing, is never chosen by itself; tests name it here.
ENGINE: str | None = None


class SpeechUnavailableError(ReaderError):
    """Read aloud cannot speak on this system: the message says why and where the help is."""


class PlayState(enum.Enum):
    STOPPED = "stopped"
    PLAYING = "playing"
    PAUSED = "paused"


@dataclass(frozen=True, slots=True)
class VoiceChoice:
    """A voice the reader can choose: its name, its locale ("en_GB") and whether it speaks the report's language."""

    name: str
    locale: str
    matches_language: bool


def open_speaker(language: str, parent: QObject | None = None, clock: Callable[[], float] = time.monotonic) -> Speaker:
    """A `Speaker` over the system's engine, its voices for `language` (e.g. "en", from the manifest) first, timing
    sentences on `clock` (seconds, monotonic) to notice an engine that finishes them without speaking.

    Raises `SpeechUnavailableError` when PySide6-Addons is not installed, no engine is found, or the engine fails.
    """
    try:
        from PySide6.QtTextToSpeech import QTextToSpeech
    except ImportError as error:
        raise SpeechUnavailableError(
            QCoreApplication.translate(
                "SpeechEngine",
                "Read aloud needs Qt's text-to-speech module (the PySide6-Addons package), which is not installed; "
                "see Help ▸ Read Aloud Help.",
            )
        ) from error
    engines = [name for name in QTextToSpeech.availableEngines() if name != "mock"]
    name = ENGINE or (engines[0] if engines else None)
    if name is None:
        raise SpeechUnavailableError(
            QCoreApplication.translate(
                "SpeechEngine",
                "No speech engine was found on this system; see Help ▸ Read Aloud Help to install voices.",
            )
        )
    tts = QTextToSpeech(name)
    if tts.state() == QTextToSpeech.State.Error:
        reason = tts.errorString() or QCoreApplication.translate("SpeechEngine", "it did not start")
        tts.deleteLater()
        raise SpeechUnavailableError(
            QCoreApplication.translate(
                "SpeechEngine", "The speech engine “{0}” cannot speak ({1}); see Help ▸ Read Aloud Help."
            ).format(name, reason)
        )
    return Speaker(tts, language, parent, clock)


class Speaker(QObject):
    """Speaks a plan's utterances in order, from one index, and can pause, resume, step and stop.

    Emits `current_changed(index)` whenever another utterance becomes the one being read (also while paused, when a
    step moves it), `word_spoken(index, start, length)` when the engine reports a word (offsets in the utterance's
    spoken text), `state_changed(PlayState)`, `finished` when the last utterance has been spoken,
    `failed(message)` when the engine reports an error, and `went_silent(index)` when it stopped because the engine
    finished sentences far faster than any voice speaks (no sound can be coming out): `index` is the first
    utterance that went unheard.
    """

    current_changed = Signal(int)
    word_spoken = Signal(int, int, int)
    state_changed = Signal(object)
    finished = Signal()
    failed = Signal(str)
    went_silent = Signal(int)

    def __init__(
        self,
        tts: QTextToSpeech,
        language: str,
        parent: QObject | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
        from PySide6.QtTextToSpeech import QTextToSpeech

        self._State = QTextToSpeech.State
        self._tts = tts
        tts.setParent(self)
        self._plan: tuple[Utterance, ...] = ()
        self._index = -1
        self._state = PlayState.STOPPED
        self._awaiting_start = False  # said, but the engine has not yet said it began
        self._pending: int | None = None  # to say once the engine confirms it stopped
        self._between = False  # paused with nothing in the engine: resuming says the current utterance afresh
        self._silence = SilenceCheck(clock)
        self._can_pause = bool(tts.engineCapabilities() & QTextToSpeech.Capability.PauseResume)
        self._voices: list[QVoice] = []
        self._choices: list[VoiceChoice] = []
        self._list_voices(language)
        tts.stateChanged.connect(self._on_tts_state_changed)
        tts.sayingWord.connect(self._on_tts_saying_word)
        tts.errorOccurred.connect(self._on_tts_error_occurred)

    # What it holds

    @property
    def engine_name(self) -> str:
        return self._tts.engine()

    @property
    def state(self) -> PlayState:
        return self._state

    @property
    def index(self) -> int:
        """The utterance being read (or paused in); -1 when stopped."""
        return self._index if self._state is not PlayState.STOPPED else -1

    @property
    def plan(self) -> tuple[Utterance, ...]:
        return self._plan

    @property
    def reports_words(self) -> bool:
        """Whether the engine says which word it is speaking (some speak whole sentences silently to us)."""
        from PySide6.QtTextToSpeech import QTextToSpeech

        return bool(self._tts.engineCapabilities() & QTextToSpeech.Capability.WordByWordProgress)

    def voices(self) -> list[VoiceChoice]:
        """Every voice, those speaking the report's language first."""
        return list(self._choices)

    def has_voice_for_language(self) -> bool:
        return any(choice.matches_language for choice in self._choices)

    def voice_index(self) -> int:
        """The position in `voices()` of the voice in use, or -1."""
        current = self._tts.voice()
        return next((number for number, voice in enumerate(self._voices) if voice == current), -1)

    def set_voice(self, index: int) -> None:
        """Speak with the `index`th of `voices()` from the next sentence on."""
        if 0 <= index < len(self._voices):
            self._tts.setLocale(self._voices[index].locale())
            self._tts.setVoice(self._voices[index])

    def rate(self) -> float:
        return self._tts.rate()

    def set_rate(self, rate: float) -> None:
        """Speed from -1 (slowest) to 1 (fastest), 0 normal; heard from the next sentence on."""
        self._tts.setRate(max(-1.0, min(1.0, rate)))

    # Playing

    def play(self, plan: tuple[Utterance, ...], index: int = 0) -> None:
        """Read `plan` from its `index`th utterance (whatever was being read stops)."""
        if not plan:
            self.stop()
            return
        self._plan = plan
        self._silence.reset()
        self._set_state(PlayState.PLAYING)
        self._go(max(0, min(index, len(plan) - 1)))

    def pause(self) -> None:
        if self._state is not PlayState.PLAYING:
            return
        self._silence.reset()
        self._set_state(PlayState.PAUSED)
        if self._can_pause and self._tts.state() == self._State.Speaking and not self._awaiting_start:
            self._tts.pause()
        else:  # not yet begun, or the engine cannot pause: the sentence starts again on resume
            self._between = True
            self._pending = None
            self._tts.stop()

    def resume(self) -> None:
        if self._state is not PlayState.PAUSED:
            return
        self._set_state(PlayState.PLAYING)
        if self._between:
            self._between = False
            self._go(self._index)
        else:
            self._tts.resume()

    def toggle(self) -> None:
        """Pause while playing, resume while paused."""
        if self._state is PlayState.PLAYING:
            self.pause()
        elif self._state is PlayState.PAUSED:
            self.resume()

    def step(self, delta: int) -> None:
        """Go to the next (+1) or previous (-1) sentence; past the last one, reading stops. While paused, the
        highlight moves and reading stays paused."""
        if self._state is PlayState.STOPPED or not self._plan:
            return
        self._silence.reset()
        target = self._index + delta
        if target >= len(self._plan):
            self._finish()
            return
        target = max(0, target)
        if self._state is PlayState.PAUSED:
            self._index = target
            self._between = True
            self._pending = None
            self._tts.stop()
            self.current_changed.emit(target)
        else:
            self._go(target)

    def stop(self) -> None:
        """Stop reading; `current_changed(-1)` clears the highlight."""
        was = self._state
        self._silence.reset()
        self._pending = None
        self._between = False
        self._awaiting_start = False
        self._index = -1
        self._set_state(PlayState.STOPPED)
        self._tts.stop()
        if was is not PlayState.STOPPED:
            self.current_changed.emit(-1)

    def close(self) -> None:
        """Stop at once and let the engine go (the window is closing)."""
        self.stop()
        self._tts.stateChanged.disconnect(self._on_tts_state_changed)

    # Inside

    def _go(self, index: int) -> None:
        """Make `index` current and speak it, first stopping whatever the engine is saying."""
        self._index = index
        self._between = False
        self.current_changed.emit(index)
        if self._tts.state() in (self._State.Speaking, self._State.Paused, self._State.Synthesizing):
            self._pending = index
            self._tts.stop()
            if self._pending is not None and self._tts.state() == self._State.Ready:
                self._say_pending()  # the engine stopped at once without saying so
        else:
            self._say(index)

    def _say(self, index: int) -> None:
        self._pending = None
        self._awaiting_start = True
        self._tts.say(self._plan[index].spoken)

    def _say_pending(self) -> None:
        index, self._pending = self._pending, None
        if index is not None and self._state is PlayState.PLAYING:
            self._say(index)

    def _finish(self) -> None:
        self.stop()
        self.finished.emit()

    def _set_state(self, state: PlayState) -> None:
        if state is not self._state:
            self._state = state
            self.state_changed.emit(state)

    def _on_tts_state_changed(self, state: Any) -> None:
        if state == self._State.Speaking:
            if self._pending is None:
                if self._awaiting_start:
                    self._silence.began()  # a sentence said afresh, not one resumed after a pause
                self._awaiting_start = False
            if self._state is PlayState.PAUSED and not self._between and self._can_pause:
                self._tts.pause()  # paused before the engine had begun, or resumed before its pause took effect
        elif state == self._State.Paused:
            if self._state is PlayState.PLAYING:
                self._tts.resume()  # resumed before the engine's pause took effect
        elif state == self._State.Ready:
            if self._pending is not None:
                self._say_pending()
            elif self._awaiting_start or self._state is PlayState.STOPPED:
                return  # the end of what was stopped, before the new sentence began
            elif self._state is PlayState.PLAYING:
                self._sentence_ended()
            elif not self._between:  # paused as the sentence ended: resume with the next one
                self._between = True
                if self._index + 1 < len(self._plan):
                    self._index += 1
                    self.current_changed.emit(self._index)
                else:
                    self._finish()
        elif state == self._State.Error:
            self._on_tts_error_occurred(None, self._tts.errorString())

    def _sentence_ended(self) -> None:
        unheard = self._silence.ended(len(self._plan[self._index].spoken), self._index)
        if unheard is None:
            self._advance()
        else:  # no voice speaks that fast: nothing is being heard, so stop rather than race to the end unheard
            self.stop()
            self.went_silent.emit(unheard)

    def _advance(self) -> None:
        if self._index + 1 < len(self._plan):
            self._go(self._index + 1)
        else:
            self._finish()

    def _on_tts_saying_word(self, _word: str, _id: int, start: int, length: int) -> None:
        if self._state is not PlayState.STOPPED and self._pending is None and not self._between:
            self.word_spoken.emit(self._index, start, length)

    def _on_tts_error_occurred(self, _reason: object, message: str) -> None:
        if self._state is not PlayState.STOPPED:
            self.stop()
        self.failed.emit(
            QCoreApplication.translate("SpeechEngine", "Read aloud stopped: the speech engine reported “{0}”.").format(
                message or QCoreApplication.translate("SpeechEngine", "an error")
            )
        )

    def _list_voices(self, language: str) -> None:
        from PySide6.QtCore import QLocale

        wanted = QLocale(language).language()
        voices = list(self._tts.allVoices(None))  # type: ignore[arg-type]  # None: every locale
        matching = [voice for voice in voices if voice.locale().language() == wanted]
        others = [voice for voice in voices if voice.locale().language() != wanted]
        matching.sort(key=lambda voice: (voice.locale().name(), voice.name().casefold()))
        others.sort(key=lambda voice: (voice.locale().name(), voice.name().casefold()))
        self._voices = matching + others
        self._choices = [
            VoiceChoice(voice.name(), voice.locale().name(), voice.locale().language() == wanted)
            for voice in self._voices
        ]
        if matching and self._tts.voice().locale().language() != wanted:
            self._tts.setLocale(matching[0].locale())
            self._tts.setVoice(matching[0])
