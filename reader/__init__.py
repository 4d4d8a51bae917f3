"""Field Reader: an offline desktop reader for one human-rights report."""

__version__ = "0.1.0"
PROGRAM = "field-reader"  # the command, and the name every message to the terminal starts with
