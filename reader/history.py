"""Back and forward through the places a reader has jumped to."""

from __future__ import annotations

from typing import Generic, TypeVar

Place = TypeVar("Place")


class NavigationHistory(Generic[Place]):
    """A browser-style history: `visit` after a jump, `back` and `forward` to retrace it."""

    def __init__(self, limit: int = 100) -> None:
        self._places: list[Place] = []
        self._index = -1
        self._limit = limit

    @property
    def can_go_back(self) -> bool:
        return self._index > 0

    @property
    def can_go_forward(self) -> bool:
        return self._index < len(self._places) - 1

    @property
    def current(self) -> Place | None:
        return self._places[self._index] if self._index >= 0 else None

    def visit(self, place: Place) -> None:
        """Record a new place; anything ahead of the current place is forgotten."""
        if self.current == place:
            return
        del self._places[self._index + 1 :]
        self._places.append(place)
        if len(self._places) > self._limit:
            del self._places[0]
        self._index = len(self._places) - 1

    def replace_current(self, place: Place) -> None:
        """Update where the reader is now (e.g. after scrolling) without adding a step."""
        if self._index < 0:
            self.visit(place)
        else:
            self._places[self._index] = place

    def forget(self) -> None:
        """Keep only the current place: nothing to go back or forward to (after the reader's data was erased)."""
        if self._index >= 0:
            self._places = [self._places[self._index]]
            self._index = 0

    def back(self) -> Place | None:
        if not self.can_go_back:
            return None
        self._index -= 1
        return self._places[self._index]

    def forward(self) -> Place | None:
        if not self.can_go_forward:
            return None
        self._index += 1
        return self._places[self._index]
