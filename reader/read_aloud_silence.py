"""`SilenceCheck`: tells when a speech engine finishes sentences far faster than any voice can speak them.

Where no sound can come out (no sound card, or one that discards the sound), speech-dispatcher reports every
sentence spoken at once (in some 60 ms), and read aloud would race silently to the end of the section. No voice
speaks 30 characters in a quarter of a second: espeak-ng's fastest rate, some 450 words a minute or 40 characters
a second, takes three times as long, and even 900 words a minute takes a third of a second. So three such sentences
in a row cannot have been heard. Shorter sentences say nothing either way and are not counted; a sentence that took
a believable time starts the count again, as do pausing, stopping and stepping.
"""

from __future__ import annotations

import time
from collections.abc import Callable

SHORTEST_COUNTED = 30  # characters: shorter sentences may really be spoken within the time below
TOO_FAST = 0.25  # seconds: a counted sentence ending sooner cannot have been spoken (the margin: a busy machine)
SILENT_IN_A_ROW = 3


class SilenceCheck:
    """Follows the sentences an engine speaks, from its "speaking" state to its "ready" state, on a monotonic clock.

    Call `began()` when the engine starts speaking a sentence, `ended(characters, place)` when it is done with it,
    and `reset()` when reading pauses, stops or is moved.
    """

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._began: float | None = None
        self._too_fast = 0
        self._first_place = 0

    def began(self) -> None:
        self._began = self._clock()

    def ended(self, characters: int, place: int) -> int | None:
        """The sentence at `place` (`characters` long) has ended. When it makes the run of sentences ended too fast
        long enough, the place of the run's first sentence (the first that went unheard); otherwise None."""
        began, self._began = self._began, None
        if began is None or characters < SHORTEST_COUNTED:
            return None
        if self._clock() - began >= TOO_FAST:
            self._too_fast = 0
            return None
        if self._too_fast == 0:
            self._first_place = place
        self._too_fast += 1
        return self._first_place if self._too_fast >= SILENT_IN_A_ROW else None

    def reset(self) -> None:
        """Forget the sentence under way and the run so far (reading paused, stopped or moved by the reader)."""
        self._began = None
        self._too_fast = 0
