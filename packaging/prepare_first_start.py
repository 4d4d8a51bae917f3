"""Prepare what a first start would otherwise make: the parsed report and the rendered page, as the cache keeps them,
and shiboken6's own start-up code compiled (`reader/shiboken_code_cache.py`), which every start would compile again.

Usage: python packaging/prepare_first_start.py OUT. packaging/build.sh writes OUT for the bundle to ship as
`prepared/`; the Makefile's setup step writes the checkout's own `prepared/` (ignored by git), made again whenever a
source or the content changes. The app reads it, never writes it, when the user's cache lacks a file
(`reader.paths.bundled_cache_dir`). The page is named by the content's checksum and the render options (the
renderer's version among them), the parsed report by the checksum and holds the parser's version: another content
pack or reader version never reads a stale one, and makes its own in the user's cache.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader.app_objects import glossary_loader  # noqa: E402
from reader.content import load_report  # noqa: E402
from reader.render import RenderOptions  # noqa: E402
from reader.render_cache import cached_report_html  # noqa: E402


def prepare(content: Path, out: Path) -> list[Path]:
    """Write the parsed sections and the page in both reading modes into `out`; the files written."""
    report = load_report(content, out)
    glossary = glossary_loader(report)
    for reference_mode in (False, True):
        cached_report_html(report, RenderOptions(reference_mode=reference_mode), out, glossary)
    return sorted(path for path in out.rglob("*") if path.is_file())


def _keep_shiboken_code(out: Path) -> None:
    """shiboken6's embedded modules compiled into `out`, as shiboken6 compiles them when first imported (here)."""
    from reader.shiboken_code_cache import code_kept_in

    if "shiboken6" in sys.modules:  # its code was compiled when it was imported, outside the block below
        print("prepare_first_start: PySide6 was imported before; its start-up code is not kept", file=sys.stderr)
        return
    with code_kept_in([], out):
        import shiboken6  # noqa: F401


if __name__ == "__main__":
    _keep_shiboken_code(Path(sys.argv[1]))
    for path in prepare(ROOT / "content", Path(sys.argv[1])):
        print(path)
