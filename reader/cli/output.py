"""How the command line speaks: one line on stderr, after the program's name; and terminals kept safe from the text."""

from __future__ import annotations

import io
import re
import sys
from typing import TextIO

from reader import PROGRAM

# Whole escape sequences (so their parameters do not stay behind as litter), then any lone control character: C0
# except newline and tab, DEL, C1, and the bidirectional embeddings, overrides and isolates that can disguise text.
_UNSAFE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI: colours, cursor moves, screen clearing
    r"|\x1b[\]PX^_][^\x07\x1b\n]*(?:\x07|\x1b\\)?"  # OSC, DCS, SOS, PM, APC: window titles, hyperlinks…
    r"|\x1b[ -/]*[0-~]"  # any other two- or three-character escape
    "|[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]"
)
# The only sequences a guarded stream lets through: bold on and all styles off, which `search` uses to mark matches
# on a terminal. Neither can move the cursor, hide text or change anything outside the printed line.
_HARMLESS_STYLES = frozenset({"\x1b[1m", "\x1b[0m"})


def tell(message: str) -> None:
    """One line on stderr, as `field-reader: <message>`."""
    print(f"{PROGRAM}: {message}", file=sys.stderr)


def inert(text: str) -> str:
    """`text` without anything a terminal would act on instead of showing: escape sequences and control characters."""
    return _UNSAFE.sub("", text)


def _shown(match: re.Match[str]) -> str:
    return match[0] if match[0] in _HARMLESS_STYLES else ""


class _InertStream(io.TextIOBase):
    """A text stream that writes to another one only what is safe to show and what its encoding can show.

    A character the encoding lacks becomes "?" instead of raising `UnicodeEncodeError`.
    """

    def __init__(self, stream: TextIO) -> None:
        super().__init__()
        self._stream = stream

    @property
    def wrapped(self) -> TextIO:
        return self._stream

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return getattr(self._stream, "encoding", None) or "utf-8"

    @property
    def errors(self) -> str:  # type: ignore[override]
        return "replace"

    @property
    def buffer(self) -> io.BufferedIOBase:
        return self._stream.buffer  # type: ignore[return-value]

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        shown = _UNSAFE.sub(_shown, text).encode(self.encoding, "replace").decode(self.encoding, "replace")
        self._stream.write(shown)
        return len(text)

    def flush(self) -> None:
        self._stream.flush()

    def isatty(self) -> bool:
        return self._stream.isatty()

    def fileno(self) -> int:
        return self._stream.fileno()

    def close(self) -> None:  # the real stream belongs to the interpreter: flush it, never close it
        self.flush()


def guard_terminal() -> None:
    """Make `sys.stdout` and `sys.stderr` show any text safely: no control sequences, no encoding errors."""
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        if stream is not None and not isinstance(stream, _InertStream):
            setattr(sys, name, _InertStream(stream))
