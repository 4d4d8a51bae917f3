"""Long work on the notes cut into slices, so that the window answers between them: the event loop runs wherever a
slice's time or size is spent."""

from __future__ import annotations

import time
from collections.abc import Generator, Iterator
from typing import TypeVar

from reader.notes.note import Note

SLICE_SECONDS = 0.008
"""How long one slice of reading or placing notes may hold the UI thread before the event loop runs again."""
MAX_NOTES_PER_SLICE = 250
"""And how many notes it may read, place or write at most (a bound that does not depend on the machine's speed)."""

_Result = TypeVar("_Result")


def in_slices(steps: Generator[int, None, _Result]) -> Generator[None, None, _Result]:
    """Run `steps` (each yielding how many notes it has written so far), yielding wherever a slice's time or size
    is spent; closing this closes `steps` (an import then rolls back)."""
    start = time.perf_counter()
    written = 0
    try:
        while True:
            try:
                done = next(steps)
            except StopIteration as over:
                return over.value
            if done - written >= MAX_NOTES_PER_SLICE or time.perf_counter() - start >= SLICE_SECONDS:
                yield
                start = time.perf_counter()
                written = done
    finally:
        steps.close()


def sliced(notes: Iterator[Note]) -> Iterator[Note | None]:
    """The notes, with a None wherever a slice's time or size is spent (where the caller lets the event loop run)."""
    start = time.perf_counter()
    count = 0
    for note in notes:
        yield note
        count += 1
        if count >= MAX_NOTES_PER_SLICE or time.perf_counter() - start >= SLICE_SECONDS:
            yield None
            start = time.perf_counter()
            count = 0
