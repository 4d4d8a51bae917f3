"""The reader's preferences: theme, zoom, reference mode, reading position and window layout."""

from __future__ import annotations

import json
import os
from pathlib import Path

from reader.errors import ReaderError

THEMES = ("system", "light", "dark", "sepia")
ZOOM_RANGE = (-5, 10)

_DEFAULTS: dict[str, object] = {
    "theme": "system",
    "zoom": 0,
    "reference_mode": False,
    "position": None,
    "window_geometry": None,
    "window_state": None,
}


class Preferences:
    """Preferences kept as JSON in the data folder; unknown or damaged values fall back to defaults."""

    FILE_NAME = "preferences.json"

    def __init__(self, folder: Path) -> None:
        self._path = folder / self.FILE_NAME
        self._values: dict[str, object] = dict(_DEFAULTS)
        self.load_problem: str | None = None
        self._load()

    @property
    def path(self) -> Path:
        return self._path

    def _load(self) -> None:
        try:
            raw = self._path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return
        except (OSError, UnicodeDecodeError) as exc:
            self.load_problem = f"Could not read {self._path.name} ({exc}); using default preferences."
            return
        try:
            data = json.loads(raw)
            if not isinstance(data, dict):
                raise ValueError("not an object")
        except ValueError:
            aside = self._path.with_suffix(".damaged.json")
            os.replace(self._path, aside)
            self.load_problem = f"{self._path.name} was damaged; it was kept as {aside.name} and defaults are used."
            return
        for key in _DEFAULTS:
            if key in data:
                self._values[key] = data[key]
        self._values["theme"] = self.theme
        self._values["zoom"] = self.zoom

    @property
    def theme(self) -> str:
        value = self._values["theme"]
        return value if value in THEMES else "system"

    @theme.setter
    def theme(self, value: str) -> None:
        if value not in THEMES:
            raise ReaderError(f"Unknown theme “{value}”; choose one of {', '.join(THEMES)}.")
        self._values["theme"] = value

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

    def save(self) -> None:
        """Write atomically: a temporary file in the same folder, then a rename."""
        from reader.atomic_file import write_atomically

        try:
            self._path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ReaderError(f"Cannot save preferences to {self._path}: {exc.strerror}.") from exc
        write_atomically(self._path, json.dumps(self._values, indent=2).encode("utf-8"))
