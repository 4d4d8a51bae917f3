"""`Message`: a core sentence that reads as English and carries its template and values, so the window can translate it.

The core never imports Qt, yet its messages reach the window. A message is written as
`message(QT_TRANSLATE_NOOP("core", "Cannot read {name}."), name=path.name)`: the template is marked where it is
written, so `make translations` (pyside6-lupdate) collects it into the context "core", and the result is a `str`
whose text is the English sentence the command line prints and the tests compare. The window looks the template up
in its translations and fills in the same values (`reader/ui/error_text.py`); a value that is itself a `Message`
(a reason completing another sentence) is translated the same way.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from types import MappingProxyType

CONTEXT = "core"  # the translation context of every core message


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """`text`, unchanged: the call only marks it for pyside6-lupdate, which collects it under `context`."""
    return text


class Message(str):
    """An English sentence (the `str` itself) with the `template` and `values` it was made from; frozen."""

    __slots__ = ("template", "trailing", "values")
    template: str
    values: Mapping[str, object]
    trailing: str  # characters stripped from the end of the sentence, and of its translation (`rstrip`)

    def __new__(cls, template: str, values: Mapping[str, object], trailing: str = "") -> Message:
        text = template.format(**values)
        self = super().__new__(cls, text.rstrip(trailing) if trailing else text)
        object.__setattr__(self, "template", template)
        object.__setattr__(self, "values", MappingProxyType(dict(values)))
        object.__setattr__(self, "trailing", trailing)
        return self

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"a Message is frozen: cannot set {name}")

    def __reduce__(self) -> tuple[object, ...]:
        return (Message, (self.template, dict(self.values), self.trailing))

    def rstrip(self, chars: str | None = None) -> str:
        """The sentence without trailing `chars`, still a `Message` (its translation loses them too)."""
        if not chars:
            return super().rstrip(chars)
        return Message(self.template, self.values, self.trailing + chars)


def message(template: str, /, **values: object) -> Message:
    """`template` filled in with `values`; the template is marked `QT_TRANSLATE_NOOP("core", …)` where written."""
    return Message(template, values)


def joined(parts: Sequence[str], separator: str) -> str:
    """`parts` said one after another: `separator` is a marked template "{first}…{rest}" (such as "{first}, {rest}"),
    so each part and each separator is still translated; "" for no parts."""
    if not parts:
        return ""
    said = parts[-1]
    for part in reversed(parts[:-1]):
        said = message(separator, first=part, rest=said)
    return said


def sentence_of(error: BaseException) -> str:
    """An error's message: the `Message` it was raised with, else its text (for a message that completes another)."""
    if len(error.args) == 1 and isinstance(error.args[0], Message):
        return error.args[0]
    return str(error)
