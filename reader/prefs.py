"""The reader's preferences: theme, interface language, zoom, reference mode, reading settings, reading position,
window layout and the panels' folds.

The reading position says what the reader was looking at, so while the privacy lock is on it is kept sealed in
`private.sealed` (readable after unlocking) and never written to `preferences.json`.

Turning the lock on or off converts the preferences on a worker thread while the window may save them: saving and
each conversion hold one lock, so the two never write the files at once or save halfway through a conversion.
"""

from __future__ import annotations

import json
import math
import os
import threading
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from reader.bounded_read import RefusedFileError, read_regular_file
from reader.errors import ReaderError
from reader.message import QT_TRANSLATE_NOOP, message

if TYPE_CHECKING:
    from reader.sealing import SealKey

THEMES = ("system", "light", "dark", "sepia", "high-contrast")
LANGUAGES = ("system", "en", "ar")  # the interface's language; "system" follows the system's locale
PRIVATE_KEYS = ("position", "last_folders")  # where the reader saves and opens files says something too
PRIVATE_FILE = "private.sealed"
MAX_PREFERENCES_BYTES = 1024 * 1024
ZOOM_RANGE = (-5, 10)

# Reading settings. The text size counts steps of the zoom's 12 % (-2 is 80 %, 6 is 197 %), on top of the zoom;
# 1.45 is the page's own line spacing; a column of 0 characters is the whole width of the view.
READING_FONTS = ("system", "serif", "sans")
TEXT_SIZE_RANGE = (-2, 6)
LINE_SPACING_RANGE = (1.0, 2.0)
DEFAULT_LINE_SPACING = 1.45
COLUMN_RANGE = (30, 150)

_UNREADABLE = QT_TRANSLATE_NOOP("core", "Could not read {name} ({reason}); using default preferences.")


@dataclass(frozen=True, slots=True)
class ReadingSettings:
    """How the page is set: `font` ("system", or the bundled "serif" or "sans"), `text_size` (zoom steps),
    `line_spacing` (1.0 to 2.0) and `column_width` (characters, centred; 0 for no limit). The defaults draw the
    page exactly as it was before there were reading settings."""

    font: str = "system"
    text_size: int = 0
    line_spacing: float = DEFAULT_LINE_SPACING
    column_width: int = 0

    @classmethod
    def from_value(cls, value: object) -> ReadingSettings:
        """Settings from a saved value: anything missing, unknown or out of range takes its default or nearest."""
        data = value if isinstance(value, dict) else {}
        font = data.get("font")
        size = data.get("text_size")
        spacing = data.get("line_spacing")
        column = data.get("column_width")
        return cls(
            font=font if font in READING_FONTS else "system",
            text_size=_clamp(size, TEXT_SIZE_RANGE) if _is_int(size) else 0,
            line_spacing=(
                round(min(LINE_SPACING_RANGE[1], max(LINE_SPACING_RANGE[0], float(spacing))), 2)
                if isinstance(spacing, int | float) and not isinstance(spacing, bool) and math.isfinite(spacing)
                else DEFAULT_LINE_SPACING
            ),
            column_width=_clamp(column, COLUMN_RANGE) if _is_int(column) and column > 0 else 0,
        )

    @property
    def is_default(self) -> bool:
        return self == ReadingSettings()


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _clamp(value: int, limits: tuple[int, int]) -> int:
    return max(limits[0], min(limits[1], value))


_DEFAULTS: dict[str, object] = {
    "theme": "system",
    "language": "system",
    "zoom": 0,
    "reference_mode": False,
    "reading": None,
    "position": None,
    "window_geometry": None,
    "window_state": None,
    "last_folders": None,
    "folds": None,  # a folding part of a panel ("notes-filters", …) -> True when the reader left it unfolded
}


class Preferences:
    """Preferences kept as JSON in the data folder; unknown or damaged values fall back to defaults."""

    FILE_NAME = "preferences.json"

    def __init__(self, folder: Path, sealed: bool = False) -> None:
        """`sealed`: the privacy lock is on, so the private values wait for `open_private` with the key."""
        self._path = folder / self.FILE_NAME
        self._values: dict[str, object] = dict(_DEFAULTS)
        self._sealed = sealed
        self._key: SealKey | None = None
        self._writing = threading.RLock()  # saving, and switching between plain and sealed (see the module's note)
        self.load_problem: str | None = None
        self._load()
        if sealed:
            self._forget_private()

    @property
    def private_path(self) -> Path:
        return self._path.with_name(PRIVATE_FILE)

    def open_private(self, key: SealKey) -> None:
        """The lock was opened: read the private values sealed with `key` (a damaged file gives defaults)."""
        from reader.sealing import unseal

        with self._writing:
            self._sealed, self._key = True, key
            try:
                data = json.loads(unseal(key, read_regular_file(self.private_path, MAX_PREFERENCES_BYTES), "private"))
            except FileNotFoundError:
                return
            except (OSError, ReaderError, ValueError, RecursionError):
                self.load_problem = message(
                    QT_TRANSLATE_NOOP(
                        "core", "The sealed reading position could not be read; reading starts at the beginning."
                    )
                )
                return
            if isinstance(data, dict):
                for name in PRIVATE_KEYS:
                    self._values[name] = data.get(name)

    def close_private(self) -> None:
        """The lock was closed: save the private values sealed, then forget them."""
        with self._writing:
            try:
                if self._key is not None:
                    self.save()
            finally:  # a save that failed still forgets the key and the private values
                self._key = None
                self._forget_private()

    def seal_private(self, key: SealKey) -> None:
        """The lock was turned on: move the private values out of `preferences.json` into the sealed file."""
        with self._writing:
            self._sealed, self._key = True, key
            self.save()

    def unseal_private(self) -> None:
        """The lock was turned off: the private values go back to `preferences.json`."""
        with self._writing:
            self._sealed, self._key = False, None
            self.save()
            self.private_path.unlink(missing_ok=True)

    def forget_erased(self) -> None:
        """Everything was erased (the lock with it): forget the private values and write nothing now."""
        with self._writing:
            self._sealed, self._key = False, None
            self._forget_private()

    def _forget_private(self) -> None:
        for name in PRIVATE_KEYS:
            self._values[name] = _DEFAULTS[name]

    @property
    def path(self) -> Path:
        return self._path

    def _load(self) -> None:
        try:
            raw = read_regular_file(self._path, MAX_PREFERENCES_BYTES).decode("utf-8")
        except FileNotFoundError:
            return
        except RefusedFileError as exc:
            self.load_problem = message(_UNREADABLE, name=self._path.name, reason=exc.reason)
            return
        except (OSError, UnicodeDecodeError) as exc:
            self.load_problem = message(_UNREADABLE, name=self._path.name, reason=str(exc))
            return
        try:
            data = json.loads(raw)
            if not isinstance(data, dict):
                raise ValueError("not an object")
        except (ValueError, RecursionError):
            aside = self._path.with_suffix(".damaged.json")
            try:
                os.replace(self._path, aside)
            except OSError:
                self.load_problem = message(
                    QT_TRANSLATE_NOOP("core", "{name} is damaged; defaults are used."), name=self._path.name
                )
                return
            self.load_problem = message(
                QT_TRANSLATE_NOOP("core", "{name} was damaged; it was kept as {aside} and defaults are used."),
                name=self._path.name,
                aside=aside.name,
            )
            return
        for key in _DEFAULTS:
            if key in data:
                self._values[key] = data[key]
        self._values["theme"] = self.theme
        self._values["language"] = self.language
        self._values["zoom"] = self.zoom

    @property
    def theme(self) -> str:
        value = self._values["theme"]
        return value if value in THEMES else "system"

    @theme.setter
    def theme(self, value: str) -> None:
        if value not in THEMES:
            raise ReaderError(
                message(
                    QT_TRANSLATE_NOOP("core", "Unknown theme “{value}”; choose one of {names}."),
                    value=value,
                    names=", ".join(THEMES),
                )
            )
        self._values["theme"] = value

    @property
    def language(self) -> str:
        """The interface's language: "en", "ar", or "system" (the system's locale decides)."""
        value = self._values["language"]
        return value if value in LANGUAGES else "system"

    @language.setter
    def language(self, value: str) -> None:
        if value not in LANGUAGES:
            raise ReaderError(
                message(
                    QT_TRANSLATE_NOOP("core", "Unknown language “{value}”; choose one of {names}."),
                    value=value,
                    names=", ".join(LANGUAGES),
                )
            )
        self._values["language"] = value

    @property
    def zoom(self) -> int:
        value = self._values["zoom"]
        if not isinstance(value, int) or isinstance(value, bool):
            return 0
        return max(ZOOM_RANGE[0], min(ZOOM_RANGE[1], value))

    @zoom.setter
    def zoom(self, value: int) -> None:
        self._values["zoom"] = max(ZOOM_RANGE[0], min(ZOOM_RANGE[1], int(value)))

    @property
    def reference_mode(self) -> bool:
        return self._values["reference_mode"] is True

    @reference_mode.setter
    def reference_mode(self, value: bool) -> None:
        self._values["reference_mode"] = bool(value)

    @property
    def reading(self) -> ReadingSettings:
        return ReadingSettings.from_value(self._values["reading"])

    @reading.setter
    def reading(self, value: ReadingSettings) -> None:
        checked = ReadingSettings.from_value(asdict(value))
        self._values["reading"] = None if checked.is_default else asdict(checked)

    @property
    def position(self) -> str | None:
        """The id of the paragraph at the top of the view when the reader last stopped."""
        value = self._values["position"]
        return value if isinstance(value, str) else None

    @position.setter
    def position(self, value: str | None) -> None:
        self._values["position"] = value

    @property
    def window_geometry(self) -> str | None:
        value = self._values["window_geometry"]
        return value if isinstance(value, str) else None

    @window_geometry.setter
    def window_geometry(self, value: str | None) -> None:
        self._values["window_geometry"] = value

    @property
    def window_state(self) -> str | None:
        value = self._values["window_state"]
        return value if isinstance(value, str) else None

    @window_state.setter
    def window_state(self, value: str | None) -> None:
        self._values["window_state"] = value

    def last_folder(self, kind: str) -> str | None:
        """The folder a file of this kind ("notes-export", "print-pdf", …) was last saved in or opened from."""
        folders = self._values["last_folders"]
        value = folders.get(kind) if isinstance(folders, dict) else None
        return value if isinstance(value, str) and value else None

    def set_last_folder(self, kind: str, path: str) -> None:
        folders = self._values["last_folders"]
        folders = dict(folders) if isinstance(folders, dict) else {}
        folders[kind] = path
        self._values["last_folders"] = folders

    def fold(self, name: str) -> bool | None:
        """Whether the reader left the folding part `name` unfolded (True) or folded (False); None when unknown."""
        folds = self._values["folds"]
        value = folds.get(name) if isinstance(folds, dict) else None
        return value if isinstance(value, bool) else None

    def set_fold(self, name: str, unfolded: bool) -> None:
        folds = self._values["folds"]
        folds = dict(folds) if isinstance(folds, dict) else {}
        folds[name] = bool(unfolded)
        self._values["folds"] = folds

    def save(self) -> None:
        """Write atomically: a temporary file in the same folder, then a rename."""
        with self._writing:
            self._save()

    def _save(self) -> None:
        from reader.atomic_file import write_atomically

        try:
            self._path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ReaderError(
                message(
                    QT_TRANSLATE_NOOP("core", "Cannot save preferences to {path}: {reason}."),
                    path=self._path,
                    reason=exc.strerror,
                )
            ) from exc
        public = dict(self._values)
        if self._sealed:
            for name in PRIVATE_KEYS:
                public[name] = _DEFAULTS[name]
            if self._key is not None:
                from reader.sealing import seal

                private = json.dumps({name: self._values[name] for name in PRIVATE_KEYS}).encode("utf-8")
                write_atomically(self.private_path, seal(self._key, private, "private"), private=True)
        write_atomically(self._path, json.dumps(public, indent=2).encode("utf-8"))
