"""PyInstaller runtime hook, run before PyInstaller's own for PySide6 (which imports PySide6.QtCore): PySide6 is
imported as the window imports it from a checkout, through `reader.ui`, without the modules its binding layer loads
and never uses (see `reader/ui/lean_shiboken.py`)."""

import reader.ui  # noqa: F401
