"""The command line, one module per command group (may import any core package; never PySide6 or reader.ui)."""
