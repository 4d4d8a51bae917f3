"""`DialogFolders`: where each save and open dialog starts: the last folder used for that kind of file."""

from __future__ import annotations

from pathlib import Path

from reader.prefs import Preferences

PDF = "print-pdf"  # a section or the report printed to PDF
NOTES_EXPORT = "notes-export"  # handouts and notes files written
NOTES_IMPORT = "notes-import"  # notes files read


def documents_or_home() -> Path:
    """The user's documents folder when it exists, else the home folder (never the working or install folder)."""
    from PySide6.QtCore import QStandardPaths

    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if documents and Path(documents).is_dir():
        return Path(documents)
    return Path.home()


class DialogFolders:
    """Remembers, per kind of file, the folder last used; kept in the preferences (sealed while the lock is on)."""

    def __init__(self, prefs: Preferences | None = None) -> None:
        self._prefs = prefs
        self._memory: dict[str, Path] = {}

    def start(self, kind: str) -> Path:
        """The folder a dialog for this kind of file opens in: the last one used if it still exists."""
        remembered = self._memory.get(kind)
        if remembered is None and self._prefs is not None:
            saved = self._prefs.last_folder(kind)
            remembered = Path(saved) if saved else None
        if remembered is not None and remembered.is_absolute() and remembered.is_dir():
            return remembered
        return documents_or_home()

    def remember(self, kind: str, file: Path) -> None:
        """A file of this kind was saved or opened: its folder is where the next dialog starts."""
        folder = Path(file).expanduser().absolute().parent
        self._memory[kind] = folder
        if self._prefs is not None:
            self._prefs.set_last_folder(kind, str(folder))
