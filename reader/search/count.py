"""Counting the documents a query matches from posting lists directly, without scoring them."""

from __future__ import annotations

# isort: off
import reader.search.lean_whoosh  # noqa: F401  (first: Whoosh without urllib, http and asyncio)

# isort: on
from collections.abc import Sequence

from whoosh import query


def count_matches(nodes: Sequence[query.Query], reader) -> int | None:
    """How many documents match any of `nodes`, or None when one needs positions (phrases) or the index has
    deletions.

    Whoosh counts by walking a matcher tree one document at a time in Python; set operations on whole posting
    blocks are several times faster on a large index.
    """
    if reader.has_deletions():
        return None
    found: set[int] = set()
    for node in nodes:
        docnums = _docnums(node, reader)
        if docnums is None:
            return None
        found |= docnums
    return len(found)


def _docnums(node: query.Query, reader) -> set[int] | None:
    if node is query.NullQuery:
        return set()
    if isinstance(node, query.Term):
        return _postings(reader, node.fieldname, node.text)
    if isinstance(node, query.Prefix):
        found: set[int] = set()
        for fieldname, term in node.expanded_terms(reader):
            found |= _postings(reader, fieldname, term)
        return found
    if isinstance(node, query.AndNot):
        wanted, unwanted = _docnums(node.a, reader), _docnums(node.b, reader)
        return None if wanted is None or unwanted is None else wanted - unwanted
    if isinstance(node, (query.And, query.Or)):
        parts = []
        for child in node.subqueries:
            if isinstance(node, query.And) and isinstance(child, query.Not):
                continue  # handled below
            part = _docnums(child, reader)
            if part is None:
                return None
            parts.append(part)
        if not parts:
            return None
        combined = set.intersection(*parts) if isinstance(node, query.And) else set().union(*parts)
        if isinstance(node, query.And):
            for child in node.subqueries:
                if isinstance(child, query.Not):
                    unwanted = _docnums(child.query, reader)
                    if unwanted is None:
                        return None
                    combined -= unwanted
        return combined
    return None


def _postings(reader, fieldname: str, text) -> set[int]:
    if (fieldname, text) not in reader:
        return set()
    matcher = reader.postings(fieldname, text)
    found: set[int] = set()
    # WORKAROUND: Whoosh's all_ids() yields one id at a time; reading each block's id array is much faster.
    if hasattr(matcher, "_read_ids") and hasattr(matcher, "_next_block"):
        while matcher.is_active():
            matcher._read_ids()
            found.update(matcher._ids)
            matcher._next_block()
    else:
        found.update(matcher.all_ids())
    return found
