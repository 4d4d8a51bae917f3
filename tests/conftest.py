"""Shared fixtures: a private data folder for every test, the bundled report, and a shown main window."""

from __future__ import annotations

import os
import tempfile

os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before any Qt import

from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis.configuration import set_hypothesis_home_dir

from reader.content import Report, load_report

# Hypothesis keeps its example database and caches in ./.hypothesis by default: keep the source tree clean.
set_hypothesis_home_dir(tempfile.mkdtemp(prefix="field-reader-hypothesis-"))

CONTENT_DIR = Path(__file__).resolve().parent.parent / "content"
ICONS_DIR = CONTENT_DIR.parent / "resources" / "icons"


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own empty data (and cache) folder; nothing touches the user's real folders."""
    folder = tmp_path / "data"
    folder.mkdir()
    monkeypatch.setenv("READER_DATA_DIR", str(folder))
    monkeypatch.delenv("READER_CACHE_DIR", raising=False)
    monkeypatch.delenv("READER_CONTENT_DIR", raising=False)
    return folder


@pytest.fixture(autouse=True)
def cheap_key_derivation(monkeypatch: pytest.MonkeyPatch) -> None:
    """Passphrases are stretched with a small scrypt cost in tests (the real cost is in benchmarks/notes_lock.py),
    and no passphrase comes from the environment unless a test sets one."""
    monkeypatch.setattr("reader.lock.key_file.SCRYPT_N", 2**10)
    monkeypatch.setattr("reader.notes.sealed_file.SCRYPT_N", 2**10)
    for name in ("READER_PASSPHRASE", "READER_NEW_PASSPHRASE", "READER_FILE_PASSPHRASE"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(scope="session")
def report() -> Report:
    return load_report(CONTENT_DIR)


@pytest.fixture(scope="session")
def built_index(report: Report, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The search index a release bundles, built once per run (a clean clone has none in index/)."""
    from reader.glossary import load_glossary
    from reader.search.build import build_index
    from reader.search.documents import glossary_documents

    folder = tmp_path_factory.mktemp("bundled-index")
    build_index(folder, report, glossary_documents(load_glossary(report)))
    return folder


@pytest.fixture
def empty_bundled_index(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty stand-in for the install folder's index/, for tests of a missing, fresh or rebuilt index.

    Windows made by `make_window` in a test using this fixture get this folder as their bundled index; the
    command line finds it through `paths.bundled_index_dir`.
    """
    from reader import paths

    folder = tmp_path / "bundled-index"
    folder.mkdir()
    monkeypatch.setattr(paths, "bundled_index_dir", lambda: folder)
    return folder


@pytest.fixture(autouse=True)
def bundled_index(built_index: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Commands find a fresh bundled index through `paths.bundled_index_dir`, as in an installed app, instead of
    each building one; tests of a missing or stale index use `empty_bundled_index` instead."""
    from reader import paths

    monkeypatch.setattr(paths, "bundled_index_dir", lambda: built_index)
    return built_index


@pytest.fixture
def app_objects(request: pytest.FixtureRequest, report: Report, data_dir: Path, built_index: Path):
    """What `__main__` would share for one run, on the test's folders.

    The bundled search index is the one built for the run, or the empty one when the test uses
    `empty_bundled_index` (a window then builds its own in the test's cache folder).
    """
    from reader.app_objects import AppObjects, NotesOpener
    from reader.glossary import load_glossary
    from reader.lock.privacy import Privacy
    from reader.paths import Folders

    glossary = load_glossary(report)
    if "empty_bundled_index" in request.fixturenames:
        bundled = request.getfixturevalue("empty_bundled_index")
    else:
        bundled = built_index
    folders = Folders(
        data=data_dir, cache=data_dir / "cache", content=CONTENT_DIR, bundled_index=bundled, icons=ICONS_DIR
    )
    privacy = Privacy(folders.data, folders.cache)
    notes = NotesOpener(data_dir, privacy, report.manifest.id)  # as the app opens them
    return AppObjects(
        report,
        folders,
        glossary=lambda: glossary,
        open_notes=notes.open,
        privacy=privacy,
        begin_notes_check=notes.begin_check,
        prepare_notes=notes.prepare,
    )


@pytest.fixture
def make_window(qtbot, app_objects):
    """Build and show a main window on the test's data folder; call again for a 'restart'."""
    from PySide6.QtWidgets import QApplication

    from reader.ui.app import build_main_window
    from reader.ui.ui_thread_collection import collect_on_ui_thread

    def make():
        collect_on_ui_thread(QApplication.instance())  # garbage collected on the UI thread only, as in the app
        window = build_main_window(app_objects)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.ensure_features()  # normally built just after the first paint
        return window

    return make


@pytest.fixture
def window(make_window):
    return make_window()


@pytest.fixture
def arabic(qapp) -> Iterator[None]:
    """The application as an Arabic reader starts it (translations, right to left); put back as it was afterwards."""
    from PySide6.QtCore import Qt

    from reader.ui import language

    installed = language.install_translators(qapp, "ar")
    yield
    for translator in installed:
        qapp.removeTranslator(translator)
    qapp.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    qapp.setProperty(language.LANGUAGE_PROPERTY, "en")


@pytest.fixture
def large_text(qapp) -> Iterator[None]:
    """The system's text at double size."""
    from PySide6.QtGui import QFont

    before = qapp.font()
    font = QFont(before)
    font.setPointSizeF(before.pointSizeF() * 2)
    qapp.setFont(font)
    yield
    qapp.setFont(before)


@pytest.fixture
def start_on(qtbot, data_dir: Path, app_objects):
    """Start a window on another edition of the report (notes in the same data folder) and wait until its notes
    are read and placed, as the window's start does in slices; the window and its annotator."""
    from reader.app_objects import AppObjects
    from reader.notes.store import NoteStore
    from reader.ui.app import build_main_window
    from reader.ui.notes_feature import NotesFeature

    def start(edition: Report):
        objects = AppObjects(
            edition,
            app_objects.folders,
            glossary=app_objects.glossary,
            open_notes=lambda: NoteStore(data_dir, report=edition.manifest.id),
            privacy=app_objects.privacy,
        )
        window = build_main_window(objects)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.ensure_features()
        annotator = window.findChild(NotesFeature, "notesFeature").annotator
        annotator.load_in_slices()
        qtbot.waitUntil(lambda: not annotator.is_loading)
        return window, annotator

    return start
