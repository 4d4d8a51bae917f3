"""`parse_json`: a content file's text read as JSON, each way that can fail one clear `ReaderError`."""

from __future__ import annotations

import json
from pathlib import Path

from reader.errors import ReaderError
from reader.message import QT_TRANSLATE_NOOP, message


def json_problem(exc: json.JSONDecodeError) -> str:
    """What is wrong, in Python's words, ending with the column where Python's words point at one ("Invalid control
    character at", "Unterminated string starting at")."""
    return f"{exc.msg} column {exc.colno}" if exc.msg.endswith(" at") else exc.msg


def parse_json(text: str, path: Path, error: type[ReaderError], too_deep: str) -> object:
    """The JSON value in `text` (the file at `path`); raises `error` saying what is wrong, with `too_deep` (a
    marked template taking `{name}`) for nesting deeper than Python reads."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise error(
            message(
                QT_TRANSLATE_NOOP("core", "Cannot load {name}: line {line} is not valid JSON ({problem})."),
                name=path.name,
                line=exc.lineno,
                problem=json_problem(exc),
            )
        ) from exc
    except RecursionError as exc:
        raise error(message(too_deep, name=path.name)) from exc
    except ValueError as exc:  # a number of thousands of digits, which Python refuses to read
        raise error(
            message(
                QT_TRANSLATE_NOOP("core", "Cannot load {name}: it holds a number too long to read."), name=path.name
            )
        ) from exc
