"""The rendered report kept in the cache folder, so a normal start skips Markdown entirely."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from reader.bounded_read import read_regular_file
from reader.content import MAX_CONTENT_FILE_BYTES, Report
from reader.errors import ReaderError
from reader.render import RenderOptions

if TYPE_CHECKING:
    from reader.glossary import Glossary

_MAX_PAGE_BYTES = 8 * MAX_CONTENT_FILE_BYTES  # the page holds every paragraph's HTML and its glossary links


def cached_report_html(
    report: Report,
    options: RenderOptions,
    cache_folder: Path,
    glossary: Glossary | Callable[[], Glossary] | None = None,
    bundled_folder: Path | None = None,
) -> str:
    """The report's HTML, read from the cache when it was rendered from the same content and options.

    With a glossary (or a function loading it, called only when the page must be rendered) its terms are
    marked; the checksum already covers the glossary file. `bundled_folder` is the same layout prepared before
    release in the install folder: only ever read, when the user's cache lacks the page (a first start).
    """
    terms = "-terms" if glossary is not None else ""
    name = f"{report.checksum[:32]}-{options.key}{terms}.html"
    path = cache_folder / "render" / name
    for candidate in (path, *([bundled_folder / "render" / name] if bundled_folder is not None else [])):
        try:
            return read_regular_file(candidate, _MAX_PAGE_BYTES).decode("utf-8")
        except (OSError, UnicodeDecodeError, ReaderError):  # none yet, or not one to trust: render it again
            pass
    from reader.render import render_report

    html = render_report(report, options, glossary() if callable(glossary) else glossary)
    from reader.atomic_file import write_cache_file

    write_cache_file(path, html.encode("utf-8"))
    return html
