"""Importing Whoosh without the standard-library packages it loads but never uses here (import this first).

`whoosh.compat` imports `urllib.request` (which brings `http.client`, `email`, `ssl` and more) only to re-export
`urlretrieve`, which nothing in Whoosh calls; `whoosh.reading` imports the `cached_property` package, which imports
`asyncio` (and `concurrent.futures`) for variants Whoosh does not use. Together that is some 60 modules and several
megabytes in every window that searches. `whoosh.filedb.filetables` takes `md5` (to hash its table keys) from
`hashlib`, whose first import loads and starts OpenSSL's libcrypto: some 3 MB for a checksum the interpreter's own
`_md5` computes the same. `whoosh.fields` imports `decimal` and `whoosh.util.times` imports `calendar` (with
`locale`) for numeric and date fields, which no index here has: another half a megabyte. `whoosh.query.terms` imports
the English word-variation tables (`whoosh.lang.morph_en`, a third of a megabyte) for a query kind the reader never
makes, and `whoosh.searching` imports `whoosh.classify` for key-term extraction, which it never asks for. While
Whoosh's own modules are first imported, small stand-ins take their places; they are taken away again at once, so
anything that imports one of these modules later gets the real module, and a stand-in that is ever used hands over
to the real thing.
"""

from __future__ import annotations

import functools
import sys
import types

from reader.module_stand_ins import handed_over, stand_in, stood_in


class _Decimal:
    """`decimal.Decimal` for Whoosh's numeric fields, which no index here has; made, it is the real thing."""

    def __new__(cls, *args: object, **kwargs: object) -> object:
        from decimal import Decimal

        return Decimal(*args, **kwargs)


class _Bo1Model:
    """`whoosh.classify.Bo1Model`, a default argument of key-term extraction, which nothing here uses; made, it is
    the real thing."""

    def __new__(cls, *args: object, **kwargs: object) -> object:
        from whoosh.classify import Bo1Model

        return Bo1Model(*args, **kwargs)


def _stand_ins() -> dict[str, types.ModuleType]:
    """A stand-in for each of these modules not loaded yet, holding only what Whoosh takes from it."""
    import _md5

    wanted = {
        "urllib.request": {"urlretrieve": handed_over("urllib.request", "urlretrieve")},
        "cached_property": {"cached_property": functools.cached_property},
        "hashlib": {"md5": _md5.md5},
        "decimal": {"Decimal": _Decimal},
        "calendar": {"monthrange": handed_over("calendar", "monthrange")},
        "whoosh.lang.morph_en": {"variations": handed_over("whoosh.lang.morph_en", "variations")},
        "whoosh.classify": {"Bo1Model": _Bo1Model},
    }
    return {name: stand_in(name, attributes) for name, attributes in wanted.items() if name not in sys.modules}


def import_whoosh() -> None:
    """Import Whoosh's core modules with the stand-ins in place (once; later calls do nothing)."""
    if "whoosh.reading" in sys.modules:
        return
    with stood_in(_stand_ins()):
        import whoosh.compat
        import whoosh.filedb.filetables
        import whoosh.query
        import whoosh.reading
        import whoosh.searching  # noqa: F401


import_whoosh()
