"""`stood_in`: small modules put in place of real ones while a library is first imported, then taken away."""

from __future__ import annotations

import sys
import types
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def stood_in(stand_ins: dict[str, types.ModuleType]) -> Iterator[None]:
    """`stand_ins` in `sys.modules` for the `with` block; taken away after it (a failure too), so anything importing
    one of those modules later gets the real one (a stand-in something replaced meanwhile is left alone)."""
    sys.modules.update(stand_ins)
    try:
        yield
    finally:
        for name, module in stand_ins.items():
            if sys.modules.get(name) is module:
                del sys.modules[name]
