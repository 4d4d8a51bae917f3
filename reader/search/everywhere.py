"""`search_everywhere`: one query over several indexes (the report's, the notes'), merged into one result."""

from __future__ import annotations

from collections.abc import Sequence

from reader.search.index import SearchIndex
from reader.search.results import SearchResult, merge_results


def search_everywhere(text: str, indexes: Sequence[SearchIndex], limit: int, as_you_type: bool = False) -> SearchResult:
    """Search each index for `text` and merge: exact matches before fuzzy ones, totals added, at most `limit` hits.

    Never raises for any query; with no index at all, finds nothing.
    """
    limit = max(1, limit)
    results = [index.search(text, limit=limit, as_you_type=as_you_type) for index in indexes]
    return merge_results(results, limit) if results else SearchResult(text, 0, None, ())
