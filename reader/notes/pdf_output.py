"""`PagesCompressedInParallel`: fpdf2's PDF output, with the pages' content compressed on two threads at once, and
the page objects written without fpdf2's look over every attribute of each."""

from __future__ import annotations

# isort: off
import reader.notes.lean_fpdf  # noqa: F401  (first: fpdf2 without http, urllib, asyncio and Pillow)

# isort: on
import zlib
from concurrent.futures import ThreadPoolExecutor

from fpdf.output import OutputProducer, PDFInfo, PDFPage
from fpdf.syntax import Name, PDFContentStream, PDFObject, build_obj_dict

THREADS = 2
# The handout's pages at zlib's fastest level: a third less time than fpdf2's (the default, 6), a tenth more bytes.
FAST = 1


class PagesCompressedInParallel(OutputProducer):
    """fpdf2's own output (`FPDF.output(output_producer_class=…)`), but for who compresses the pages' content and
    how a page's dictionary is gathered and written.

    fpdf2 compresses each page's content stream in turn as it adds the page; zlib lets go of Python's lock while
    it compresses, so here the pages are compressed first, half on each of two threads, and fpdf2 then adds them
    as they are, marked as compressed (a handout of 1,300 pages: a sixth of its time was compression).

    fpdf2 gathers an object's dictionary from everything `dir()` lists on it; a page and its content stream here
    gather it from their fields alone, and are written at once, without fpdf2's tally of the bytes each section of
    the file takes, which only its debug log shows (the same bytes: the tests compare them with fpdf2's own).

    `level` is zlib's: by default fpdf2's own. A document whose `creation_date` is None is written without one
    (fpdf2 would fail to write it), and its file identifier is then made from its content alone.
    """

    level = -1

    def bufferize(self) -> bytearray:
        buffer = super().bufferize()
        # Once the file is written, the references that go round in circles are undone (the objects written and
        # their cross-reference table, which refers back to this producer; each page and the root of the page
        # tree), so that the document is freed as soon as it is done with rather than left to Python's cycle
        # collector (which would then take its time over it in whatever the program does next).
        self.pdf_objs.clear()
        for page in self.fpdf.pages.values():
            page.parent = None
        return buffer

    def _add_info(self) -> PDFInfo:
        info = super()._add_info()
        if self.fpdf.creation_date is None:  # an undated document (a safe handout): no /CreationDate at all
            info.creation_date = None
        return info

    def _add_pages(self, _slice: slice = slice(0, None)) -> list[PDFPage]:
        fpdf = self.fpdf
        if not fpdf.compress:
            return super()._add_pages(_slice)
        pages = [fpdf.pages[number] for number in range(1, fpdf.pages_count + 1)][_slice]
        for page, compressed in zip(pages, _compressed([page.contents for page in pages], self.level), strict=True):
            page.contents = bytearray(compressed)
        fpdf.compress = False  # fpdf2 takes the content as it is
        try:
            page_objects = super()._add_pages(_slice)
        finally:
            fpdf.compress = True
        labels = self.trace_labels_per_obj_id
        for page_object in page_objects:
            page_object.contents.filter = Name("FlateDecode")
            # The same objects, but for how their dictionaries are gathered and written (neither class adds any
            # state).
            if type(page_object) is PDFPage:
                page_object.__class__ = _Page
            if type(page_object.contents) is PDFContentStream:
                page_object.contents.__class__ = _ContentStream
            # Written without fpdf2's tally of each section's size (which only its debug log shows, at the end).
            labels.pop(page_object.id, None)
            labels.pop(page_object.contents.id, None)
        return page_objects


# A page's fields, as fpdf2 declares them (those starting with "_" are never written).
_PAGE_FIELDS = tuple(name for name in PDFPage.__slots__ if not name.startswith("_"))
# What a plain page holds, and a plain content stream: those are written here as fpdf2's `build_obj_dict` writes
# them, without looking at each value in turn; anything else (or encryption) goes through fpdf2's own way.
_PLAIN_PAGE = {"contents", "parent", "resources", "type"}
_PLAIN_STREAM = {"_id", "_contents", "filter", "length"}


class _Page(PDFPage):
    __slots__ = ()

    def serialize(self, obj_dict: dict[str, object] | None = None, _security_handler: object = None) -> str:
        return _at_once(self, obj_dict, _security_handler) or super().serialize(obj_dict, _security_handler)  # type: ignore[arg-type]

    def _build_obj_dict(self, security_handler: object = None) -> dict[str, object]:
        # Fields that are None are never written: left out before fpdf2 looks at them.
        fields = {name: value for name in _PAGE_FIELDS if (value := getattr(self, name)) is not None}
        fields.update(self.__dict__)
        if security_handler is None and fields.keys() == _PLAIN_PAGE and type(self.type) is Name:
            contents, parent, resources = self.contents, self.parent, self.resources
            if isinstance(contents, PDFObject) and isinstance(parent, PDFObject) and isinstance(resources, PDFObject):
                # References to the objects, and the type as a name, in the order of the fields' names.
                return {
                    "/Contents": contents.ref,
                    "/Parent": parent.ref,
                    "/Resources": resources.ref,
                    "/Type": self.type.serialize(),
                }
        return build_obj_dict(_sorted(fields), _security_handler=security_handler, _obj_id=self.id)


class _ContentStream(PDFContentStream):
    def serialize(self, obj_dict: dict[str, object] | None = None, _security_handler: object = None) -> str:
        return _at_once(self, obj_dict, _security_handler) or super().serialize(obj_dict, _security_handler)  # type: ignore[arg-type]

    def _build_obj_dict(self, security_handler: object = None) -> dict[str, object]:
        fields = self.__dict__
        if security_handler is None and fields.keys() == _PLAIN_STREAM and type(self.filter) is Name:
            return {"/Filter": self.filter.serialize(), "/Length": self.length}
        return build_obj_dict(_sorted(fields), _security_handler=security_handler, _obj_id=self.id)


def _at_once(pdf_object: _Page | _ContentStream, obj_dict: object, security_handler: object) -> str | None:
    """The object written by `_serialized` from its own dictionary, unless fpdf2 is given one or must encrypt."""
    if obj_dict is not None or security_handler is not None:
        return None
    return _serialized(pdf_object, pdf_object._build_obj_dict())


def _serialized(pdf_object: PDFObject, obj_dict: dict[str, object]) -> str | None:
    """The object as fpdf2's `PDFObject.serialize` writes it, at once, if its dictionary holds only plain strings and
    numbers (no booleans): otherwise None, for fpdf2 to write it its own way."""
    if not all(type(value) in _PLAIN_VALUES for value in obj_dict.values()):
        return None
    fields = "\n".join([f"{key} {value}" for key, value in obj_dict.items()])
    stream = pdf_object.content_stream()
    if stream is None:
        return f"{pdf_object.id} 0 obj\n<<\n{fields}\n>>\nendobj"
    return f"{pdf_object.id} 0 obj\n<<\n{fields}\n>>\nstream\n{str(stream, 'latin-1')}\nendstream\nendobj"


_PLAIN_VALUES = (str, int)


def _sorted(fields: dict[str, object]) -> dict[str, object]:
    """In the order of their names, as `dir()` lists them (and fpdf2 writes them)."""
    return {name: fields[name] for name in sorted(fields)}


class FastPagesCompressedInParallel(PagesCompressedInParallel):
    """The same, with the pages compressed at zlib's fastest level."""

    level = FAST


def _compressed(contents: list[bytearray], level: int) -> list[bytes]:
    """Each of `contents` compressed with zlib at `level`, in order, shared among the threads."""
    if len(contents) < THREADS:
        return _compress_all(contents, level)
    share = -(-len(contents) // THREADS)  # rounded up
    with ThreadPoolExecutor(THREADS) as pool:
        parts = pool.map(
            _compress_all,
            [contents[start : start + share] for start in range(0, len(contents), share)],
            [level] * THREADS,
        )
        return [compressed for part in parts for compressed in part]


def _compress_all(contents: list[bytearray], level: int) -> list[bytes]:
    return [zlib.compress(content, level) for content in contents]
