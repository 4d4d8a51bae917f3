"""Plain text made safe to put inside Qt's rich text: what `html.escape` does, without importing `html`.

The standard library's `html` module loads its table of some 2,200 named character references (`html.entities`,
about a third of a megabyte) for `unescape`, which the window never calls; escaping needs five replacements.
"""

from __future__ import annotations

_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;"})


def escape(text: str) -> str:
    """`text` with &, <, >, " and ' written as character references, exactly as `html.escape(text)` writes them."""
    return text.translate(_ESCAPES)
