"""How the command line speaks: one line on stderr, after the program's name."""

from __future__ import annotations

import sys

from reader import PROGRAM


def tell(message: str) -> None:
    """One line on stderr, as `field-reader: <message>`."""
    print(f"{PROGRAM}: {message}", file=sys.stderr)
