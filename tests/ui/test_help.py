"""The offline help: F1 opens it, every page exists in English and Arabic, it follows the interface's language,
loads nothing from outside, and its links open other pages, the shortcuts sheet, or ask before leaving the app."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl

from reader.ui import help_window, outside_link_dialog, shortcuts_dialog
from reader.ui.help_window import HELP_FOLDER, PAGES, HelpWindow, help_pages


def _open_help(window, qtbot) -> HelpWindow:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.document.setFocus()
    qtbot.keyClick(window.document, Qt.Key.Key_F1)
    found = window.findChild(HelpWindow, "helpWindow")
    assert found is not None and found.isVisible()
    return found


def test_f1_opens_the_help_at_reading_and_moving_around(window, qtbot) -> None:
    shown = _open_help(window, qtbot)
    assert shown.current_page == "reading"
    assert "Ctrl+PgDown" not in shown.browser.toPlainText()  # written for people: "Ctrl+Page Down"
    assert "Ctrl+Page Down" in shown.browser.toPlainText()
    assert [shown.page_list.item(row).text() for row in range(shown.page_list.count())] == [
        "Reading and moving around",
        "Searching",
        "The glossary",
        "Notes and sharing with a class",
        "The privacy lock and erasing",
        "Read aloud",
        "Keyboard shortcuts",
    ]


@pytest.mark.parametrize("language", ["en", "ar"])
def test_every_page_is_there_in_both_languages_with_a_title(language: str) -> None:
    assert sorted(path.stem for path in (HELP_FOLDER / language).glob("*.md")) == sorted(PAGES)
    for page in help_pages(language):
        assert page.title and not page.title.startswith("#")
        assert (HELP_FOLDER / language / f"{page.name}.md").read_text(encoding="utf-8").startswith("# ")


def test_the_arabic_pages_are_in_arabic_and_right_to_left(qtbot) -> None:
    shown = HelpWindow("ar")
    qtbot.addWidget(shown)
    assert shown.page_list.item(0).text() == "القراءة والتنقل"
    assert '<body dir="rtl">' in help_window.page_html(help_pages("ar")[0], right_to_left=True)
    text = shown.browser.toPlainText()
    assert sum("\u0600" <= char <= "\u06ff" for char in text) > len(text) / 3
    # Every key the English page names is named on the Arabic one too.
    for name in PAGES:
        english = (HELP_FOLDER / "en" / f"{name}.md").read_text(encoding="utf-8")
        arabic = (HELP_FOLDER / "ar" / f"{name}.md").read_text(encoding="utf-8")
        for key in {
            word.strip("*(),.") for word in english.split() if "Ctrl+" in word or word.strip("*") in ("F1", "F5")
        }:
            assert key in arabic, (name, key)


def test_the_help_follows_the_interface_language(window, qtbot, monkeypatch) -> None:
    monkeypatch.setattr("reader.ui.language.current_language", lambda: "ar")
    shown = _open_help(window, qtbot)
    assert shown.page_list.item(1).text() == "البحث"


def test_the_search_page_documents_the_syntax_the_search_accepts(qtbot) -> None:
    shown = HelpWindow("en")
    qtbot.addWidget(shown)
    assert shown.show_page("search")
    text = shown.browser.toPlainText()
    for syntax in ('"advisory opinion"', " OR ", " NOT ", " AND ", "annex*", "Did you mean"):
        assert syntax in text


def test_the_help_loads_nothing_from_outside(qtbot) -> None:
    shown = HelpWindow("en")
    qtbot.addWidget(shown)
    for address in ("https://example.org/x.png", "file:///etc/passwd", "x.png"):
        assert shown.browser.loadResource(2, QUrl(address)) is None


def test_a_link_to_the_shortcuts_sheet_opens_it(window, qtbot, monkeypatch) -> None:
    opened: list[object] = []
    monkeypatch.setattr(shortcuts_dialog.ShortcutsDialog, "exec", lambda sheet: opened.append(sheet) or 0)
    shown = _open_help(window, qtbot)
    shown.show_page("shortcuts")
    assert "Ctrl+/" in shown.browser.toPlainText()
    shown.browser.anchorClicked.emit(QUrl(help_window.SHORTCUTS_LINK))
    assert len(opened) == 1


def test_an_outside_link_asks_first_and_another_page_opens_in_place(qtbot, monkeypatch) -> None:
    asked: list[str] = []
    monkeypatch.setattr(
        outside_link_dialog, "follow_outside_link", lambda url, parent=None: asked.append(url.toString())
    )
    shown = HelpWindow("en")
    qtbot.addWidget(shown)
    shown.browser.anchorClicked.emit(QUrl("https://example.org/"))
    assert asked == ["https://example.org/"]
    shown.browser.anchorClicked.emit(QUrl("privacy.md"))
    assert shown.current_page == "privacy"
    assert not shown.browser.openLinks() and not shown.browser.openExternalLinks()


def test_help_files_are_packaged() -> None:
    root = Path(__file__).resolve().parents[2]
    pyproject = (root / "pyproject.toml").read_text(encoding="utf-8")
    spec = (root / "packaging" / "field-reader.spec").read_text(encoding="utf-8")
    for package in ("reader.help", "reader.translations"):
        assert f'"{package}"' in pyproject
    assert '"reader" / "help"' in spec and '"reader" / "translations"' in spec
