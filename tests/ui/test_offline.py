"""The app never touches the network: no socket is opened or resolved while the window, search, glossary and
notes are at work (checked with Python's audit hooks, which see every socket call from Python code)."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLineEdit, QWidget

NETWORK_EVENTS = ("socket.connect", "socket.getaddrinfo", "socket.gethostbyname", "socket.bind", "urllib.Request")
_seen: list[str] = []


def _record(event: str, _args: tuple) -> None:
    if event in NETWORK_EVENTS:
        _seen.append(event)


sys.addaudithook(_record)  # audit hooks cannot be removed; this one only records names


@pytest.fixture
def network_calls() -> list[str]:
    _seen.clear()
    return _seen


def test_reading_searching_and_annotating_make_no_network_call(window, qtbot, network_calls):
    search = window.findChild(QObject, "searchFeature")
    qtbot.waitUntil(lambda: search.is_ready, timeout=10_000)
    panel = window.findChild(QWidget, "searchPanel")
    field = panel.findChild(QLineEdit, "searchField")
    with qtbot.waitSignal(panel.results_shown, timeout=3000):
        qtbot.keyClicks(field, "Red Wolf")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    start, _end = window.document.paragraph_span("red-wolf-p2")
    window.document.select_range(start, start + 8)
    window.findChild(QAction, "actionHighlight").trigger()
    window.go_to("genocide")
    assert network_calls == []


def test_the_check_would_see_a_network_call(network_calls):
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))  # local only, but audited like any other socket call
    assert network_calls == ["socket.bind"]
