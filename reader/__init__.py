"""Field Reader: an offline desktop reader for one human-rights report."""

__version__ = "0.1.0"
