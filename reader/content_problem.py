"""`ContentProblem`: one mistake found in a content pack, with the file and line it is on (for `field-reader check`)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ContentProblem:
    """A mistake in a content pack: the file (its name inside the pack), the line when known, and what is wrong."""

    file: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line is not None else self.file
        return f"{where}: {self.message}"
