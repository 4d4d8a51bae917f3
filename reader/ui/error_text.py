"""`error_text`: the text of a core error (or message) in the interface's language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from reader.message import CONTEXT, Message, sentence_of


def error_text(error: BaseException | str) -> str:
    """What the window shows for `error`: its message translated when the core marked it, else its own text."""
    text = sentence_of(error) if isinstance(error, BaseException) else error
    return translated(text) if isinstance(text, Message) else text


def translated(text: Message) -> str:
    """The message's template translated and filled in; a value that is a message is translated too."""
    template = QCoreApplication.translate(CONTEXT, text.template)
    values = {name: translated(value) if isinstance(value, Message) else value for name, value in text.values.items()}
    try:
        result = template.format(**values)
    except (KeyError, IndexError, ValueError):  # a damaged translation: the English is better than nothing
        result = text.template.format(**values)
    return result.rstrip(text.trailing) if text.trailing else result
