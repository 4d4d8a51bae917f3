"""The rendered report kept in the cache folder, so a normal start skips Markdown entirely."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from reader.content import Report
from reader.render import RenderOptions

if TYPE_CHECKING:
    from reader.glossary import Glossary


def cached_report_html(
    report: Report,
    options: RenderOptions,
    cache_folder: Path,
    glossary: Glossary | Callable[[], Glossary] | None = None,
) -> str:
    """The report's HTML, read from the cache when it was rendered from the same content and options.

    With a glossary (or a function loading it, called only when the page must be rendered) its terms are
    marked; the checksum already covers the glossary file.
    """
    terms = "-terms" if glossary is not None else ""
    path = cache_folder / "render" / f"{report.checksum[:32]}-{options.key}{terms}.html"
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        pass
    from reader.render import render_report

    html = render_report(report, options, glossary() if callable(glossary) else glossary)
    from reader.atomic_file import write_cache_file

    write_cache_file(path, html.encode("utf-8"))
    return html
