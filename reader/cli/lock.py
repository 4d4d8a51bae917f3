"""The `lock` and `wipe` commands: the privacy lock and erasing from the command line."""

from __future__ import annotations

from pathlib import Path

from reader.cli.passphrase import ask_new_passphrase, ask_passphrase
from reader.lock.erase import WHAT_GOES
from reader.lock.key_file import LockError, LockSettings
from reader.lock.privacy import Privacy
from reader.lock.running_window import window_is_open


def unlock_for_command(privacy: Privacy) -> None:
    """Open the lock for a command that reads or writes the notes (asking for the passphrase when it is on)."""
    if privacy.is_locked:
        privacy.unlock(ask_passphrase())


def run_lock(
    privacy: Privacy, data: Path, action: str, auto_lock: int | None = None, erase_after: int | None = None
) -> int:
    """Carry out `lock status|enable|disable|change|duress|settings`."""
    if action == "status":
        print(_status(privacy))
        return 0
    if action in ("enable", "disable"):
        _refuse_beside_a_window(data, f"turn the lock {'on' if action == 'enable' else 'off'}")
    if action == "enable":
        current = LockSettings()
        settings = LockSettings(_pick(auto_lock, current.auto_lock_minutes), _pick(erase_after, 0))
        privacy.enable(ask_new_passphrase(), settings)
        print("The lock is on: your notes, backups and reading position are sealed. A lost passphrase cannot be")
        print("recovered: without it the notes are gone for good.")
        return 0
    if not privacy.is_on:
        raise LockError("The lock is off; turn it on with `lock enable`.")
    if action == "disable":
        privacy.disable(ask_passphrase())
        print("The lock is off: your notes are kept unsealed again.")
    elif action == "change":
        privacy.change_passphrase(ask_passphrase(), ask_new_passphrase())
        print("The passphrase was changed.")
    elif action == "duress":
        privacy.set_erase_passphrase(ask_passphrase(), ask_new_passphrase("Erase passphrase"))
        print("The erase passphrase is set: giving it instead of your passphrase erases every note, silently.")
    elif action == "settings":
        current = privacy.settings
        settings = LockSettings(
            _pick(auto_lock, current.auto_lock_minutes), _pick(erase_after, current.erase_after_tries)
        )
        privacy.change_settings(ask_passphrase(), settings)
        print(_status(privacy))
    return 0


def run_wipe(privacy: Privacy, data: Path, yes: bool) -> int:
    """Erase everything the user wrote (`wipe --yes`); without --yes, say what would go."""
    if not yes:
        print("This erases, with no way back:")
        for item in WHAT_GOES:
            print(f"  - {item}")
        print("The report stays. Run `wipe --yes` to erase.")
        return 1
    _refuse_beside_a_window(data, "erase the notes")
    privacy.erase()
    print("Erased: notes, backups, reading position, caches and the lock. The report is still here.")
    return 0


def _status(privacy: Privacy) -> str:
    if not privacy.is_on:
        return "The lock is off."
    settings = privacy.settings
    minutes = settings.auto_lock_minutes
    if not minutes:
        auto = "The window never locks itself"
    else:
        auto = f"The window locks itself after {minutes} idle {'minute' if minutes == 1 else 'minutes'}"
    if settings.erase_after_tries and not privacy.is_writable:
        tries = "wrong passphrases are not counted while the data folder cannot be written to"
    elif settings.erase_after_tries:
        tries = f"the notes are erased after {settings.erase_after_tries} wrong passphrases"
    else:
        tries = "wrong passphrases never erase the notes"
    return f"The lock is on. {auto}; {tries}."


def _pick(given: int | None, current: int) -> int:
    return current if given is None else given


def _refuse_beside_a_window(data: Path, what: str) -> None:
    if window_is_open(data):
        raise LockError(f"Close the reader's window first (it holds the notes open), then {what} again.")
