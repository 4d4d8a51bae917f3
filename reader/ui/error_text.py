"""`error_text`: the text of a core error (or message) in the interface's language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from reader.message import CONTEXT, Message, sentence_of
from reader.ui.isolates import in_own_direction


def error_text(error: BaseException | str) -> str:
    """What the window shows for `error`: its message translated when the core marked it, else its own text."""
    text = sentence_of(error) if isinstance(error, BaseException) else error
    return translated(text) if isinstance(text, Message) else text


def translated(text: Message) -> str:
    """The message's template translated and filled in; a value that is a message is translated too.

    In a right-to-left interface each value that is not itself a message (a file's name, a path, a passage, an
    English reason from a library) is set apart as a unit in its own direction: otherwise the Arabic around it
    reorders its parts ("2024-11 class.json" shown as "class.json 11-2024", a reason's brackets turned about).
    """
    template = QCoreApplication.translate(CONTEXT, text.template)
    values = {
        name: translated(value) if isinstance(value, Message) else _isolated(value)
        for name, value in text.values.items()
    }
    try:
        result = template.format(**values)
    except (KeyError, IndexError, ValueError):  # a damaged translation: the English is better than nothing
        result = text.template.format(**values)
    return result.rstrip(text.trailing) if text.trailing else result


def _isolated(value: object) -> object:
    """A value shown as text (a string, a path) as one unit in its own direction (`in_own_direction`); a number as
    it is (its format may be given in the template)."""
    if value is None or isinstance(value, int | float):
        return value
    return in_own_direction(str(value))
