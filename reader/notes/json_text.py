"""`indented_json`: a value as `json.dumps(value, ensure_ascii=False, indent=2)` writes it, only faster."""

from __future__ import annotations

import json
from json.encoder import encode_basestring as json_string  # the C encoder, as json.dumps uses

_CONSTANTS = {None: "null", True: "true", False: "false"}


class JsonPiece:
    """Part of a value that writes its own JSON text (for `indented_json`), at the indentation it is given."""

    __slots__ = ()

    def write_json(self, newline: str, parts: list[str]) -> None:
        """Append the text, whose own line breaks are followed by `newline` and two spaces per level within."""
        raise NotImplementedError


def indented_json(value: object) -> str:
    """`value` as `json.dumps(value, ensure_ascii=False, indent=2)` writes it, character for character.

    The standard library writes indented JSON in Python, a generator per nesting level; ten thousand annotations
    take it most of a second. This writes the same text straight into one list. A `JsonPiece` in `value` writes
    its own text.
    """
    parts: list[str] = []
    _write_json(value, "\n", parts)
    return "".join(parts)


def _write_json(value: object, newline: str, parts: list[str]) -> None:
    kind = type(value)
    if kind is str:
        parts.append(json_string(value))
    elif kind is int:
        parts.append(int.__repr__(value))
    elif value is None or value is True or value is False:
        parts.append(_CONSTANTS[value])
    elif kind is dict:
        if not value:
            parts.append("{}")
            return
        inner = newline + "  "
        separator = "{" + inner
        for key, item in value.items():
            name = json_string(key) if type(key) is str else json.dumps({key: None}, ensure_ascii=False)[1:-7]
            parts.append(separator + name + ": ")
            separator = "," + inner
            if type(item) is str:
                parts.append(json_string(item))
            elif type(item) is int:
                parts.append(int.__repr__(item))
            else:
                _write_json(item, inner, parts)
        parts.append(newline + "}")
    elif kind is list:
        if not value:
            parts.append("[]")
            return
        inner = newline + "  "
        separator = "[" + inner
        for item in value:
            if type(item) is str:
                parts.append(separator + json_string(item))
            else:
                parts.append(separator)
                _write_json(item, inner, parts)
            separator = "," + inner
        parts.append(newline + "]")
    elif isinstance(value, JsonPiece):
        value.write_json(newline, parts)
    else:  # other numbers, anything unusual: as the standard library writes it
        parts.append(json.dumps(value, ensure_ascii=False, indent=2).replace("\n", newline))
