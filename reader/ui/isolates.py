"""Unicode's directional isolates: text of one direction set apart as a unit inside text of the other, so that the
bidirectional algorithm does not reorder its parts (keys, file names, English reasons in the Arabic interface)."""

from __future__ import annotations

LEFT_TO_RIGHT_ISOLATE = "\u2066"  # U+2066: what follows reads left to right, as one unit, up to the next
FIRST_STRONG_ISOLATE = "\u2068"  # U+2068: what follows reads in the direction of its first letter, as one unit
POP_DIRECTIONAL_ISOLATE = "\u2069"  # U+2069, or the end of the line


def in_own_direction(text: str) -> str:
    """Text from elsewhere (a file's name, a path, an English reason) set apart as one unit in the direction of its
    first letter, in a right-to-left interface, so the Arabic around it does not reorder its parts ("2024-11
    class.json" shown as "class.json 11-2024"); unchanged in English."""
    from PySide6.QtGui import QGuiApplication

    if not text or not QGuiApplication.isRightToLeft():
        return text
    return f"{FIRST_STRONG_ISOLATE}{text}{POP_DIRECTIONAL_ISOLATE}"
