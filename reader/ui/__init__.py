"""The Qt user interface: every widget and feature (may import PySide6 and any core package; never reader.cli)."""
