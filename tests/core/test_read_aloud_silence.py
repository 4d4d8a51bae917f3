"""Noticing an engine that finishes sentences without speaking them, and never a voice that really speaks."""

from __future__ import annotations

import pytest

from reader.read_aloud_silence import SilenceCheck

LONG = 60  # characters in a sentence: a second or more for any voice
SHORT = 29  # "killing members of the group;": a fast voice may really say it within the limit


class Clock:
    """A monotonic clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def speak(check: SilenceCheck, clock: Clock, characters: int, seconds: float, place: int) -> int | None:
    check.began()
    clock.now += seconds
    return check.ended(characters, place)


def test_three_long_sentences_ended_at_once_give_the_first_unheard_place():
    clock = Clock()
    check = SilenceCheck(clock)
    assert speak(check, clock, LONG, 0.06, 4) is None
    assert speak(check, clock, LONG, 0.06, 5) is None
    assert speak(check, clock, LONG, 0.06, 6) == 4


@pytest.mark.parametrize("seconds", [0.6, 1.5, 4.0])  # 900, 450 and 150 words a minute for ten words
def test_real_speech_never_trips_it(seconds):
    clock = Clock()
    check = SilenceCheck(clock)
    assert all(speak(check, clock, LONG, seconds, place) is None for place in range(50))


def test_short_sentences_said_quickly_are_not_counted():
    clock = Clock()
    check = SilenceCheck(clock)
    assert all(speak(check, clock, SHORT, 0.0, place) is None for place in range(50))


def test_short_sentences_in_between_neither_count_nor_break_the_run():
    clock = Clock()
    check = SilenceCheck(clock)
    assert speak(check, clock, LONG, 0.0, 1) is None
    assert speak(check, clock, SHORT, 0.0, 2) is None
    assert speak(check, clock, LONG, 0.0, 3) is None
    assert speak(check, clock, LONG, 0.0, 4) == 1


def test_a_sentence_that_took_a_believable_time_starts_the_count_again():
    clock = Clock()
    check = SilenceCheck(clock)
    speak(check, clock, LONG, 0.0, 1)
    speak(check, clock, LONG, 0.0, 2)
    assert speak(check, clock, LONG, 2.0, 3) is None
    assert speak(check, clock, LONG, 0.0, 4) is None
    assert speak(check, clock, LONG, 0.0, 5) is None
    assert speak(check, clock, LONG, 0.0, 6) == 4


def test_pausing_or_stopping_starts_the_count_again():
    clock = Clock()
    check = SilenceCheck(clock)
    speak(check, clock, LONG, 0.0, 1)
    speak(check, clock, LONG, 0.0, 2)
    check.reset()
    assert speak(check, clock, LONG, 0.0, 3) is None
    assert speak(check, clock, LONG, 0.0, 4) is None


def test_a_sentence_resumed_after_a_pause_is_not_timed():
    clock = Clock()
    check = SilenceCheck(clock)
    speak(check, clock, LONG, 0.0, 1)
    speak(check, clock, LONG, 0.0, 2)
    check.reset()  # paused mid-sentence; resuming does not say it afresh, so `began` is not called again
    assert check.ended(LONG, 3) is None
