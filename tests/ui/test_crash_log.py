"""An unexpected error is logged beside the notes, except while the privacy lock is on (a traceback may quote one)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from reader.ui.errors import install_excepthook


@pytest.fixture
def crash(qtbot, monkeypatch: pytest.MonkeyPatch, data_dir: Path):
    shown: list[str] = []
    monkeypatch.setattr("reader.ui.errors.show_error", lambda parent, message, details="": shown.append(message))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(sys, "stderr", sys.stderr)
    install_excepthook(data_dir)

    def raise_one() -> list[str]:
        try:
            raise ValueError("note text: meet contact-Yusra-at-noon")
        except ValueError:
            sys.excepthook(*sys.exc_info())
        return shown

    return raise_one


def test_a_crash_is_logged_when_the_lock_is_off(crash, data_dir: Path) -> None:
    shown = crash()
    logs = list((data_dir / "logs").glob("crash-*.log"))
    assert len(logs) == 1 and "contact-Yusra-at-noon" in logs[0].read_text()
    assert shown[0].startswith("Field Reader hit an unexpected problem; your notes are safe. Details were saved")


def test_nothing_is_logged_while_the_lock_is_on(crash, data_dir: Path) -> None:
    (data_dir / "lock.json").write_text("{}")
    shown = crash()
    assert not (data_dir / "logs").exists()
    assert shown == ["Field Reader hit an unexpected problem; your notes are safe."]
