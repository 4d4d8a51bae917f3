"""How the command line speaks: the program's name and the one-line message on stderr."""

from __future__ import annotations

import sys

PROGRAM = "field-reader"


def tell(message: str) -> None:
    """One line on stderr, as `field-reader: <message>`."""
    print(f"{PROGRAM}: {message}", file=sys.stderr)
