"""PyInstaller runtime hook, run before PyInstaller's own for PySide6 (which imports PySide6.QtCore): PySide6 is
imported as the window imports it from a checkout, through `reader.ui`, without the modules its binding layer loads
and never uses (see `reader/ui/lean_shiboken.py`), and with shiboken6's start-up code taken from the download's
prepared first start instead of being compiled again (see `reader/shiboken_code_cache.py`)."""

from reader.paths import bundled_cache_dir
from reader.shiboken_code_cache import code_kept_in

with code_kept_in([bundled_cache_dir()]):
    import reader.ui  # noqa: F401
