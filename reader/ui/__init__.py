"""The Qt user interface: every widget and feature (may import PySide6 and any core package; never reader.cli)."""

import PySide6.QtCore  # noqa: F401  (installs PySide6's import hook, which the next line makes cheaper)

from reader.ui.pyside_import_hook import stop_source_reads

stop_source_reads()
