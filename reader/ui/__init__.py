"""The Qt user interface: every widget and feature (may import PySide6 and any core package; never reader.cli)."""

from reader.ui.lean_shiboken import import_pyside

import_pyside()  # first: PySide6 without the modules its binding layer loads and never uses here

from reader.ui.pyside_import_hook import stop_source_reads  # noqa: E402  (after PySide6 installed its hook)

stop_source_reads()
