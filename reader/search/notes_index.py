"""`NotesIndex`: the reader's notes as a compact in-memory search index that grows, and shrinks, one note at a time.

Whoosh's own in-memory index is built by a writer that collects every posting as a Python tuple and sorts them all
when it commits: for 10,000 notes that is seconds of work in one piece (on a thread it holds the GIL) and tens of
megabytes of garbage. Here each note is analysed by the same schema, its postings appended to packed arrays, and
Whoosh's `SegmentReader` reads them through a small codec: the same query parser, scoring (BM25F, with lengths
rounded as Whoosh stores them), phrases, prefixes and corrections as the report's index, so notes are found and
ranked as before. Nothing of a note is copied: the index keeps the `Note` and makes a hit's stored fields from it.
"""

from __future__ import annotations

# isort: off
import reader.search.lean_whoosh  # noqa: F401  (first: Whoosh without urllib, http and asyncio)

# isort: on
from array import array
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from whoosh.codec import base
from whoosh.matching import ListMatcher
from whoosh.reading import SegmentReader, TermInfo, TermNotFound
from whoosh.util.numeric import byte_to_length, length_to_byte

from reader.content import Report
from reader.search.documents import index_fields, note_documents
from reader.search.index import SearchIndex
from reader.search.results import SearchResult
from reader.search.schema import index_schema

if TYPE_CHECKING:  # a note is only read, never made, here
    from reader.notes.note import Note

_SEARCHED_FIELDS = ("body", "title", "exact", "title_exact")
"""The fields a query can reach (`query.QueryRewriter` routes every word to these); `key` and `kind` identify a
document, which this index does by note id itself."""


class _Postings:
    """One term's postings: document numbers, weights and (for fields with positions) encoded values, packed."""

    __slots__ = ("ids", "offsets", "values", "weights")

    def __init__(self, with_values: bool) -> None:
        self.ids = array("I")
        self.weights = array("f")
        self.values = bytearray() if with_values else None
        self.offsets = array("I", [0]) if with_values else None

    def add(self, docnum: int, weight: float, value: bytes) -> None:
        self.ids.append(docnum)
        self.weights.append(weight)
        if self.values is not None:
            self.values += value
            self.offsets.append(len(self.values))


class _Values:
    """A term's encoded values read as a sequence, one `bytes` per posting, sliced only when asked for."""

    __slots__ = ("_postings",)

    def __init__(self, postings: _Postings) -> None:
        self._postings = postings

    def __len__(self) -> int:
        return len(self._postings.ids)

    def __getitem__(self, index: int) -> bytes:
        offsets = self._postings.offsets
        if not 0 <= index < len(offsets) - 1:
            raise IndexError(index)
        return bytes(self._postings.values[offsets[index] : offsets[index + 1]])

    def __iter__(self) -> Iterator[bytes]:
        return (self[index] for index in range(len(self)))


class NotesIndex:
    """The notes' search index, changed in place: `add` notes (in slices, if many), `remove` them by id.

    `search` answers like `SearchIndex.search`. A removed note is left out of every answer at once; its postings
    stay until `needs_compacting` says a fresh index is worth building.
    """

    def __init__(self, report: Report) -> None:
        self._report = report
        self._schema = index_schema()
        self._fields = {name: self._schema[name] for name in _SEARCHED_FIELDS}
        self._notes: list[Note | None] = []  # by document number; None once removed
        self._docnums: dict[str, int] = {}
        self._postings: dict[str, dict[bytes, _Postings]] = {name: {} for name in _SEARCHED_FIELDS}
        self._lengths: dict[str, array] = {name: array("I") for name in _SEARCHED_FIELDS}
        self._totals: dict[str, int] = dict.fromkeys(_SEARCHED_FIELDS, 0)
        self._sorted_terms: dict[str, list[bytes]] = {}
        self._removed = 0
        self._term_infos: dict[tuple[str, bytes], TermInfo] = {}  # until the next change
        self._searcher: SearchIndex | None = None

    # Changing

    def add(self, notes: Iterable[Note]) -> None:
        """Index these notes (a note already indexed is indexed again as it is now)."""
        for note in notes:
            self._add_one(note)
        self._changed()

    def refresh(self, note: Note) -> bool:
        """Whether this note is indexed as it is now; if so, the index keeps this copy (not an older equal one)."""
        docnum = self._docnums.get(note.id)
        if docnum is None:
            return False
        indexed = self._notes[docnum]
        if indexed is note:
            return True
        if indexed != note:
            return False
        self._notes[docnum] = note
        return True

    def remove(self, note_ids: Iterable[str]) -> None:
        """Leave these notes out of every search from now on."""
        for note_id in note_ids:
            self._remove_one(note_id)
        self._changed()

    def _add_one(self, note: Note) -> None:
        self._remove_one(note.id)
        docnum = len(self._notes)
        self._notes.append(note)
        self._docnums[note.id] = docnum
        fields = index_fields(note_documents([note], self._report)[0])
        boost = float(fields["_boost"])
        for name, field in self._fields.items():
            value = fields.get(name)
            postings = self._postings[name]
            length = 0
            if value:
                with_values = field.format.supports("positions")
                for term, frequency, weight, encoded in field.index(value):
                    length += frequency
                    found = postings.get(term)
                    if found is None:
                        found = postings[term] = _Postings(with_values)
                        self._sorted_terms.pop(name, None)
                    found.add(docnum, weight * boost, encoded)
            self._lengths[name].append(length)
            self._totals[name] += length

    def _remove_one(self, note_id: str) -> None:
        docnum = self._docnums.pop(note_id, None)
        if docnum is not None:
            self._notes[docnum] = None
            self._removed += 1

    def _changed(self) -> None:
        self._searcher = None  # the reader's caches (deleted documents, vocabulary) are stale
        self._term_infos.clear()

    # Reading

    def __contains__(self, note_id: object) -> bool:
        return note_id in self._docnums

    def indexed(self, note_id: str) -> Note | None:
        """The note as it was indexed, or None."""
        docnum = self._docnums.get(note_id)
        return None if docnum is None else self._notes[docnum]

    @property
    def note_ids(self) -> frozenset[str]:
        return frozenset(self._docnums)

    @property
    def document_count(self) -> int:
        return len(self._docnums)

    @property
    def needs_compacting(self) -> bool:
        """Whether removed notes are a quarter or more of what the index holds (their postings still count towards
        how rare a word is, and cost memory)."""
        return self._removed >= 64 and self._removed * 4 >= len(self._notes)

    def search(self, text: str, limit: int = 20, as_you_type: bool = False) -> SearchResult:
        """Find `text` among the notes, exactly as `SearchIndex.search` does; never raises for any query."""
        if self._searcher is None:
            reader = SegmentReader(None, self._schema, _Segment(), codec=_Codec(self))
            self._searcher = SearchIndex.over_reader(reader)
        return self._searcher.search(text, limit=limit, as_you_type=as_you_type)

    def close(self) -> None:
        """Nothing to release; kept for the same use as `SearchIndex`."""
        self._searcher = None

    # What the codec reads

    def _terms(self, fieldname: str) -> list[bytes]:
        terms = self._sorted_terms.get(fieldname)
        if terms is None:
            terms = self._sorted_terms[fieldname] = sorted(self._postings.get(fieldname, ()))
        return terms

    def _term_info(self, fieldname: str, term: bytes) -> TermInfo:
        info = self._term_infos.get((fieldname, term))
        if info is None:
            postings = self._postings[fieldname][term]
            lengths = self._lengths[fieldname]
            shortest = min(lengths[docnum] for docnum in postings.ids)
            info = TermInfo(
                weight=float(sum(postings.weights)),
                df=len(postings.ids),
                minlength=byte_to_length(length_to_byte(shortest)),
                maxlength=byte_to_length(length_to_byte(max(lengths[docnum] for docnum in postings.ids))),
                maxweight=max(postings.weights),
                minid=postings.ids[0],
                maxid=postings.ids[-1],
            )
            self._term_infos[fieldname, term] = info
        return info

    def _doc_field_length(self, docnum: int, fieldname: str, default: int) -> int:
        lengths = self._lengths.get(fieldname)
        length = lengths[docnum] if lengths is not None and docnum < len(lengths) else 0
        # Whoosh stores a document's field length in one byte: score with the same rounding.
        return byte_to_length(length_to_byte(length)) if length else default

    def _stored_fields(self, docnum: int) -> dict[str, object]:
        note = self._notes[docnum]
        if note is None:
            return {}
        fields = index_fields(note_documents([note], self._report)[0])
        return {name: value for name, value in fields.items() if name in self._schema and self._schema[name].stored}


class _Segment(base.Segment):
    def __init__(self) -> None:
        super().__init__("notes")

    def codec(self) -> None:  # SegmentReader is always given the codec
        return None


class _Codec(base.Codec):
    def __init__(self, index: NotesIndex) -> None:
        self._index = index

    def terms_reader(self, storage, segment) -> _TermsReader:
        return _TermsReader(self._index)

    def per_document_reader(self, storage, segment) -> _PerDocReader:
        return _PerDocReader(self._index)


class _TermsReader(base.TermsReader):
    def __init__(self, index: NotesIndex) -> None:
        self._index = index
        self._postings = index._postings

    def __contains__(self, term: tuple[str, bytes]) -> bool:
        fieldname, text = term
        return text in self._postings.get(fieldname, ())

    def cursor(self, fieldname: str, fieldobj) -> _Cursor:
        return _Cursor(self._index._terms(fieldname), fieldobj)

    def terms(self) -> Iterator[tuple[str, bytes]]:
        for fieldname in self._postings:
            for text in self._index._terms(fieldname):
                yield fieldname, text

    def terms_from(self, fieldname: str, prefix: bytes) -> Iterator[tuple[str, bytes]]:
        if fieldname not in self._postings:
            return
        terms = self._index._terms(fieldname)
        for position in range(bisect_left(terms, prefix), len(terms)):
            yield fieldname, terms[position]

    def items(self) -> Iterator[tuple[tuple[str, bytes], TermInfo]]:
        return ((term, self.term_info(*term)) for term in self.terms())

    def items_from(self, fieldname: str, prefix: bytes) -> Iterator[tuple[tuple[str, bytes], TermInfo]]:
        return ((term, self.term_info(*term)) for term in self.terms_from(fieldname, prefix))

    def term_info(self, fieldname: str, text: bytes) -> TermInfo:
        if (fieldname, text) not in self:
            raise TermNotFound(f"{fieldname}:{text!r}")
        return self._index._term_info(fieldname, text)

    def doc_frequency(self, fieldname: str, text: bytes) -> int:
        postings = self._postings.get(fieldname, {}).get(text)
        return 0 if postings is None else len(postings.ids)

    def frequency(self, fieldname: str, text: bytes) -> float:
        postings = self._postings.get(fieldname, {}).get(text)
        return 0 if postings is None else float(sum(postings.weights))

    def matcher(self, fieldname: str, text: bytes, format_, scorer=None) -> ListMatcher:
        postings = self._postings.get(fieldname, {}).get(text)
        if postings is None:
            raise TermNotFound(f"{fieldname}:{text!r}")
        values = _Values(postings) if postings.values is not None else None
        return _Matcher(
            postings.ids,
            postings.weights,
            values,
            format_,
            scorer=scorer,
            term=(fieldname, text),
            terminfo=self._index._term_info(fieldname, text),
        )

    def indexed_field_names(self) -> Iterable[str]:
        return self._postings.keys()

    def close(self) -> None:
        pass


class _Matcher(ListMatcher):
    """Whoosh's list matcher, with the term's highest weight looked up once rather than at every posting."""

    def block_max_weight(self) -> float:
        return self._terminfo.max_weight()

    def copy(self) -> _Matcher:
        return _Matcher(
            self._ids,
            self._weights,
            self._values,
            self._format,
            self._scorer,
            self._i,
            self._all_weights,
            self._term,
            self._terminfo,
        )


class _Cursor(base.FieldCursor):
    """Walks one field's sorted terms (for Whoosh's fuzzy matching)."""

    def __init__(self, terms: list[bytes], fieldobj) -> None:
        self._terms = terms
        self._fieldobj = fieldobj
        self._position = 0

    def first(self) -> str | None:
        self._position = 0
        return self.text()

    def find(self, term) -> str | None:
        if not isinstance(term, bytes):
            term = self._fieldobj.to_bytes(term)
        self._position = bisect_left(self._terms, term)
        return self.text()

    def next(self) -> str | None:
        self._position += 1
        return self.text()

    def term(self) -> bytes | None:
        return self._terms[self._position] if self._position < len(self._terms) else None

    def text(self) -> str | None:
        term = self.term()
        return None if term is None else self._fieldobj.from_bytes(term)

    def is_valid(self) -> bool:
        return self._position < len(self._terms)


class _PerDocReader(base.PerDocumentReader):
    def __init__(self, index: NotesIndex) -> None:
        self._index = index

    def doc_count(self) -> int:
        return self._index.document_count

    def doc_count_all(self) -> int:
        return len(self._index._notes)

    def has_deletions(self) -> bool:
        return self._index._removed > 0

    def is_deleted(self, docnum: int) -> bool:
        return self._index._notes[docnum] is None

    def deleted_docs(self) -> Iterator[int]:
        return (docnum for docnum, note in enumerate(self._index._notes) if note is None)

    def doc_field_length(self, docnum: int, fieldname: str, default: int = 0) -> int:
        return self._index._doc_field_length(docnum, fieldname, default)

    def field_length(self, fieldname: str) -> int:
        return self._index._totals.get(fieldname, 0)

    def min_field_length(self, fieldname: str) -> int:
        lengths = [length for length in self._index._lengths.get(fieldname, ()) if length]
        return byte_to_length(length_to_byte(min(lengths))) if lengths else 0

    def max_field_length(self, fieldname: str) -> int:
        lengths = self._index._lengths.get(fieldname, ())
        return byte_to_length(length_to_byte(max(lengths))) if lengths else 0

    def stored_fields(self, docnum: int) -> dict[str, object]:
        return self._index._stored_fields(docnum)

    def close(self) -> None:
        pass
