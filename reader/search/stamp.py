"""The stamp file beside a built index: the format and the report checksum it was built from."""

from __future__ import annotations

import json
from pathlib import Path

from reader.bounded_read import read_regular_file
from reader.content import Report
from reader.errors import ReaderError
from reader.search.schema import INDEX_FORMAT

INFO_NAME = "field-reader-index.json"
_MAX_STAMP_BYTES = 64 * 1024


def stamp_text(report: Report, document_count: int) -> str:
    """What to write into `INFO_NAME` once an index of `report` is complete."""
    info = {"format": INDEX_FORMAT, "checksum": report.checksum, "documents": document_count}
    return json.dumps(info, indent=2) + "\n"


def read_checksum(folder: Path) -> str | None:
    """The content checksum an index folder was built from, or None if it holds no usable index."""
    try:
        info = json.loads(read_regular_file(Path(folder) / INFO_NAME, _MAX_STAMP_BYTES))
    except (OSError, ReaderError, ValueError, RecursionError):
        return None
    if not isinstance(info, dict) or info.get("format") != INDEX_FORMAT:
        return None
    checksum = info.get("checksum")
    return checksum if isinstance(checksum, str) else None


def is_fresh(folder: Path, report: Report) -> bool:
    """Whether `folder` holds a complete index built from exactly this content, in this format."""
    return read_checksum(folder) == report.checksum
