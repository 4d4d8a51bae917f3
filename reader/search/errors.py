"""`SearchError`: a search index cannot be built or opened."""

from __future__ import annotations

from reader.errors import ReaderError


class SearchError(ReaderError):
    """The search index cannot be built or opened."""
