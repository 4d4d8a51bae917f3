"""Every message the core can show a reader is marked for translation: walking the core's source, no error of the
`ReaderError` family is made from a bare string, and every `message(...)` names a template marked
`QT_TRANSLATE_NOOP("core", "...")` (so `make translations` collects it and the window shows it translated)."""

from __future__ import annotations

import ast
import string
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.message import CONTEXT, QT_TRANSLATE_NOOP, Message, message, sentence_of

READER = Path(__file__).resolve().parents[2] / "reader"
OUTSIDE_THE_CORE = ("ui", "cli")  # the window translates its own strings; the command line prints English

# The errors a reader can be shown: ReaderError and every subclass the core defines (found, not listed, below).
FAMILY_ROOT = "ReaderError"
# Errors whose constructor takes the sentence at another place than first: the argument that must be marked.
SENTENCE_ARGUMENT = {"RefusedFileError": 1, "MarkdownError": 2}
# Helpers that complete "Cannot … NAME: <reason>" sentences: the argument they take as the reason.
REASON_HELPERS = {"_refuse": 1, "bad": 0, "_error": 1}

# Sites not yet converted (file, line): none. A new unmarked message fails below rather than joining this list.
NOT_YET_MARKED: frozenset[tuple[str, int]] = frozenset()


def core_modules() -> Iterator[tuple[str, ast.Module]]:
    for path in sorted(READER.rglob("*.py")):
        relative = path.relative_to(READER)
        if relative.parts[0] in OUTSIDE_THE_CORE:
            continue
        yield str(relative), ast.parse(path.read_text(encoding="utf-8"))


def family(modules: list[tuple[str, ast.Module]]) -> set[str]:
    """ReaderError and every class that derives from it, however deep."""
    bases = {
        node.name: {base.id for base in node.bases if isinstance(base, ast.Name)}
        for _name, module in modules
        for node in ast.walk(module)
        if isinstance(node, ast.ClassDef)
    }
    members = {FAMILY_ROOT}
    while grown := {name for name, parents in bases.items() if parents & members} - members:
        members |= grown
    return members


def called(node: ast.Call) -> str | None:
    if isinstance(node.func, ast.Name):
        return node.func.id
    if isinstance(node.func, ast.Attribute):
        return node.func.attr
    return None


def is_unmarked_text(node: ast.expr) -> bool:
    """A sentence written in place and not marked: a string, an f-string, a sum or a `.format` of strings."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str)
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.BinOp):
        return is_unmarked_text(node.left) or is_unmarked_text(node.right)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format":
        return is_unmarked_text(node.func.value)
    return False


def is_marked_template(node: ast.expr) -> bool:
    return (
        isinstance(node, ast.Call)
        and called(node) == "QT_TRANSLATE_NOOP"
        and len(node.args) == 2
        and all(isinstance(argument, ast.Constant) and isinstance(argument.value, str) for argument in node.args)
        and node.args[0].value == CONTEXT
    )


def is_template(node: ast.expr) -> bool:
    """A marked template, a name holding one (marked where it was written), or a choice between such."""
    if isinstance(node, ast.IfExp):
        return is_template(node.body) and is_template(node.orelse)
    return is_marked_template(node) or isinstance(node, ast.Name)


def unmarked_sites() -> list[tuple[str, int, str]]:
    """(file, line, why) for each message of the core that escapes translation."""
    modules = list(core_modules())
    errors = family(modules)
    found = []
    for name, module in modules:
        for node in ast.walk(module):
            if not isinstance(node, ast.Call):
                continue
            callee = called(node)
            place = SENTENCE_ARGUMENT.get(callee, 0) if callee in errors else REASON_HELPERS.get(callee)
            if place is not None and len(node.args) > place and is_unmarked_text(node.args[place]):
                found.append((name, node.lineno, f"{callee} is given an unmarked sentence"))
            if callee == "message":
                template = node.args[0] if node.args else None
                if template is None or not is_template(template):
                    found.append((name, node.lineno, "message() is given a template not marked for translation"))
                found.extend(
                    (name, node.lineno, f"message() is given an unmarked sentence as {keyword.arg}")
                    for keyword in node.keywords
                    if is_unmarked_text(keyword.value)
                )
    return found


def test_the_walk_finds_the_whole_error_family() -> None:
    members = family(list(core_modules()))
    assert {"ReaderError", "ContentError", "MarkdownError", "LockError", "WrongPassphraseError"} <= members
    assert {"NotesError", "SealedFileError", "ImportFileError", "SealError", "RefusedFileError"} <= members


def test_every_core_message_a_reader_can_see_is_marked_for_translation() -> None:
    escaped = [site for site in unmarked_sites() if site[:2] not in NOT_YET_MARKED]
    assert escaped == []


def test_the_walk_would_catch_an_unmarked_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "errors.py").write_text("class ReaderError(Exception):\n    pass\n", encoding="utf-8")
    (tmp_path / "bad.py").write_text(
        "from reader.errors import ReaderError\n"
        "def f(path):\n"
        '    raise ReaderError(f"Cannot read {path}.")\n'
        "def g(path):\n"
        '    raise ReaderError(message(QT_TRANSLATE_NOOP("core", "Cannot read {path}: {w}."), path=path, w="no"))\n',
        encoding="utf-8",
    )
    monkeypatch.setattr(sys.modules[__name__], "READER", tmp_path)
    assert [(line, why.split()[0]) for _file, line, why in unmarked_sites()] == [(3, "ReaderError"), (5, "message()")]


def test_a_message_reads_as_its_english_sentence_and_keeps_its_template() -> None:
    text = message(QT_TRANSLATE_NOOP("core", "Cannot read {name}: {reason}."), name="notes.json", reason="gone")
    assert text == "Cannot read notes.json: gone."
    assert isinstance(text, str) and isinstance(text, Message)
    assert text.template == "Cannot read {name}: {reason}."
    assert dict(text.values) == {"name": "notes.json", "reason": "gone"}
    assert str(ValueError(text)) == "Cannot read notes.json: gone."
    with pytest.raises(AttributeError):
        text.template = "Something else."


def test_a_message_stripped_of_its_full_stop_is_still_a_message() -> None:
    text = message(QT_TRANSLATE_NOOP("core", "Cannot read {name}."), name="a.json").rstrip(".")
    assert text == "Cannot read a.json" and isinstance(text, Message) and text.trailing == "."


def test_an_errors_sentence_is_the_message_it_was_raised_with() -> None:
    text = message(QT_TRANSLATE_NOOP("core", "Wrong passphrase."))
    assert sentence_of(ValueError(text)) is text
    assert sentence_of(ValueError("plain")) == "plain"


def test_every_template_formats_with_the_values_its_placeholders_name() -> None:
    """A template's placeholders are simple names (and format specs), so a translation can keep them exactly."""
    for name, module in core_modules():
        for node in ast.walk(module):
            if isinstance(node, ast.Call) and is_marked_template(node):
                template = node.args[1].value
                fields = [field for _text, field, _spec, _conversion in string.Formatter().parse(template) if field]
                assert all(field.isidentifier() for field in fields), (name, node.lineno, template)
