"""Asking for a passphrase on the command line: on the terminal, or from the environment for scripts and tests.

READER_PASSPHRASE (and READER_NEW_PASSPHRASE for a new one) are less safe than the terminal: other programs of the
same user can read a process's environment, and shells may keep it in their history.
"""

from __future__ import annotations

import getpass
import os
import sys

from reader.lock.key_file import LockError

PASSPHRASE_VARIABLE = "READER_PASSPHRASE"
NEW_PASSPHRASE_VARIABLE = "READER_NEW_PASSPHRASE"
FILE_PASSPHRASE_VARIABLE = "READER_FILE_PASSPHRASE"  # a sealed notes file's own passphrase


def ask_passphrase(prompt: str = "Passphrase") -> str:
    """The current passphrase, from READER_PASSPHRASE or typed on the terminal (not shown)."""
    return _ask(prompt, PASSPHRASE_VARIABLE)


def ask_new_passphrase(prompt: str = "New passphrase") -> str:
    """A new passphrase, from READER_NEW_PASSPHRASE or typed twice on the terminal."""
    if NEW_PASSPHRASE_VARIABLE in os.environ:
        return _ask(prompt, NEW_PASSPHRASE_VARIABLE)
    first = _ask(prompt, NEW_PASSPHRASE_VARIABLE)
    if _ask(f"{prompt} again", NEW_PASSPHRASE_VARIABLE) != first:
        raise LockError("The two passphrases differ; nothing was changed.")
    return first


def ask_file_passphrase() -> str:
    """The passphrase of a sealed notes file, from READER_FILE_PASSPHRASE or typed once on the terminal (a new one is
    then typed again with `confirm_file_passphrase`)."""
    return _ask("Passphrase for the file", FILE_PASSPHRASE_VARIABLE)


def given_file_passphrase() -> str | None:
    """The passphrase of a sealed notes file when READER_FILE_PASSPHRASE gives it; None when it is to be typed."""
    return ask_file_passphrase() if FILE_PASSPHRASE_VARIABLE in os.environ else None


def confirm_file_passphrase(first: str) -> None:
    """Have a new file passphrase typed again on the terminal (LockError when it differs); nothing to do when it
    came from READER_FILE_PASSPHRASE. Asked apart from the first, so that work can begin in between."""
    if (
        FILE_PASSPHRASE_VARIABLE not in os.environ
        and _ask("Passphrase for the file again", FILE_PASSPHRASE_VARIABLE) != first
    ):
        raise LockError("The two passphrases differ; nothing was written.")


def _ask(prompt: str, variable: str) -> str:
    given = os.environ.get(variable)
    if given is not None:
        return _text(given, f"{variable} is not valid UTF-8 text; set it again, or type the passphrase on a terminal.")
    if not sys.stdin.isatty():
        raise LockError(f"{prompt} needed: run this on a terminal, or set {variable} (less safe).")
    try:
        typed = getpass.getpass(f"{prompt}: ")
    except (EOFError, KeyboardInterrupt) as exc:
        raise LockError("No passphrase was given; nothing was changed.") from exc
    return _text(typed, "The passphrase typed is not text in the terminal's encoding; nothing was changed.")


def _text(passphrase: str, problem: str) -> str:
    """`passphrase`, unless it holds bytes that were not text (Python keeps them as lone surrogates)."""
    try:
        passphrase.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise LockError(problem) from exc
    return passphrase
