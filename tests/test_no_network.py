"""Field Reader works with no network at all: with every way Python opens or resolves a socket made to fail, the
window, search, the glossary, notes and exports, and the commands, all still work."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QCoreApplication, QObject, Qt, QUrl
from PySide6.QtGui import QAction
from PySide6.QtNetwork import QNetworkAccessManager
from PySide6.QtWidgets import QCheckBox, QComboBox, QDialogButtonBox, QFrame, QLabel, QLineEdit, QListWidget, QWidget

from reader.__main__ import main
from reader.content import Report


class NetworkUsedError(AssertionError):
    """Raised by every socket function this test takes away."""


@pytest.fixture
def attempts(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Make opening, connecting and resolving fail; the list records what was tried."""
    tried: list[str] = []

    def refuse(name: str):
        def refused(*args: object, **kwargs: object) -> object:
            tried.append(name)
            raise NetworkUsedError(f"socket.{name}{args!r}")

        return refused

    for name in ("socket", "create_connection", "getaddrinfo", "gethostbyname", "gethostbyname_ex"):
        monkeypatch.setattr(socket, name, refuse(name))
    return tried


def network_managers(*owners: QObject) -> list[QNetworkAccessManager]:
    found = list(QCoreApplication.instance().findChildren(QNetworkAccessManager))
    for owner in owners:
        found += owner.findChildren(QNetworkAccessManager)
    return found


def export_from_the_dialog(qtbot, report: Report, notes, path: Path, label: str) -> Path:
    from reader.ui.notes_export_dialog import NotesExportDialog

    dialog = NotesExportDialog(report, notes, notes)
    qtbot.addWidget(dialog)
    combo = dialog.findChild(QComboBox, "exportFormat")
    combo.setCurrentIndex(combo.findText(label, Qt.MatchFlag.MatchStartsWith))
    dialog.findChild(QCheckBox, "exportSafe").setChecked(False)
    dialog.findChild(QLineEdit, "exportPath").setText(str(path))
    buttons = dialog.findChild(QDialogButtonBox, "exportButtons")
    qtbot.mouseClick(buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    assert dialog.written is not None, dialog.findChild(QLabel, "exportProblem").text()
    return dialog.written


def test_the_window_reads_searches_explains_annotates_and_exports_offline(
    attempts: list[str], make_window, qtbot, report: Report, data_dir: Path, tmp_path: Path
) -> None:
    window = make_window()  # ensure_features() included
    search = window.findChild(QObject, "searchFeature")
    qtbot.waitUntil(lambda: search.is_ready, timeout=10_000)

    panel = window.findChild(QWidget, "searchPanel")
    field = panel.findChild(QLineEdit, "searchField")
    with qtbot.waitSignal(panel.results_shown, timeout=5000):
        qtbot.keyClicks(field, "Red Wolf")
    qtbot.keyClick(field, Qt.Key.Key_Return)

    window.document.anchorClicked.emit(QUrl("term:icj"))  # what clicking a marked term does
    assert window.findChild(QFrame, "glossaryPopup").isVisible()
    window.findChild(QObject, "glossaryFeature").show_term("icc")
    assert window.findChild(QListWidget, "glossaryList").currentItem() is not None

    start, _end = window.document.paragraph_span("red-wolf-p2")
    window.document.select_range(start, start + 8)
    window.findChild(QAction, "actionHighlight").trigger()
    from reader.notes.store import NoteStore

    with NoteStore(data_dir) as store:
        notes = store.notes()
    assert len(notes) == 1

    markdown = export_from_the_dialog(qtbot, report, notes, tmp_path / "handout.md", "Markdown")
    w3c = export_from_the_dialog(qtbot, report, notes, tmp_path / "notes.json", "Notes file")
    pdf = export_from_the_dialog(qtbot, report, notes, tmp_path / "handout.pdf", "PDF")

    assert notes[0].quote in markdown.read_text(encoding="utf-8")
    assert json.loads(w3c.read_text(encoding="utf-8"))["type"] == "AnnotationCollection"
    assert len(PdfReader(pdf, strict=True).pages) == 1
    assert attempts == []
    assert network_managers(window) == []


def test_the_commands_work_offline(
    attempts: list[str], report: Report, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from reader.notes.anchoring import anchor_from_selection
    from reader.notes.store import NoteStore

    with NoteStore(data_dir) as store:
        store.add(anchor_from_selection(report, "red-wolf-p2", 0, 25), text="Ask the class about Red Wolf")

    assert main(["search", "Red Wolf"]) == 0
    assert main(["glossary"]) == 0
    assert main(["glossary", "ICJ"]) == 0
    assert main(["notes", "list"]) == 0
    for export_format in ("md", "json", "html", "pdf"):
        out_file = str(tmp_path / f"out.{export_format}")
        assert main(["notes", "export", "--format", export_format, "--out", out_file]) == 0

    out = capsys.readouterr().out
    assert "[note] " in out  # the search found the note too
    assert "International Court of Justice" in out
    assert "Ask the class about Red Wolf" in out
    assert all((tmp_path / f"out.{export_format}").stat().st_size for export_format in ("md", "json", "html", "pdf"))
    assert attempts == []


def test_the_check_would_catch_a_connection(attempts: list[str]) -> None:
    with pytest.raises(NetworkUsedError):
        socket.create_connection(("example.org", 80))
    with pytest.raises(NetworkUsedError):
        socket.getaddrinfo("example.org", 443)
    assert attempts == ["create_connection", "getaddrinfo"]
