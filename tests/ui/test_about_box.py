"""The About box: what a reader needs to know which app and which edition of which report they have."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QLabel

from reader import __version__
from reader.ui.about_dialog import AboutDialog


def about_text(qtbot, report, **options) -> str:
    dialog = AboutDialog(report, **options)
    qtbot.addWidget(dialog)
    return dialog.findChild(QLabel, "aboutText").text()


def test_the_about_box_names_version_edition_source_checksum_and_licence(qtbot, report):
    text = about_text(qtbot, report)
    assert f"Field Reader {__version__}" in text
    assert "2025-02-11" in text
    assert "Amnesty International, “Israel and the Occupied Palestinian Territory”" in text
    assert report.checksum in text  # the whole SHA-256, to compare with a published one
    assert "GPL-3.0-or-later" in text


def test_the_about_box_shows_no_file_name_or_path_of_the_build_machine(qtbot, report):
    text = about_text(qtbot, report)
    assert ".txt" not in text and "seeds/" not in text
    checkout = str(Path(__file__).resolve().parents[2])
    assert str(report.folder) not in text and checkout not in text and str(Path.home()) not in text


def test_the_about_box_says_when_the_app_runs_portable(qtbot, report):
    assert "Portable</b>&#160;&#160;</td><td>yes" in about_text(qtbot, report, portable=True)
    assert "Portable</b>&#160;&#160;</td><td>no" in about_text(qtbot, report, portable=False)


def test_the_window_tells_the_about_box_whether_it_runs_portable(window, qtbot, report):
    window.setProperty("portable", True)
    dialog = AboutDialog(report, window)
    qtbot.addWidget(dialog)
    assert "<td>yes" in dialog.findChild(QLabel, "aboutText").text()


def test_a_window_from_ordinary_folders_is_not_portable(window):
    assert window.property("portable") is False


def test_the_about_box_points_to_the_licences_and_shows_all_its_text_at_once(qtbot, report):
    """The box is as tall as its wrapped text needs (within the screen): its last line, the third-party licences,
    is seen without scrolling."""
    from PySide6.QtWidgets import QScrollArea

    dialog = AboutDialog(report)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert "THIRD-PARTY-NOTICES" in dialog.findChild(QLabel, "aboutText").text()
    assert dialog.findChild(QScrollArea, "aboutScroller").verticalScrollBar().maximum() == 0
