"""Small modules put in place of real ones while a library is first imported, then taken away (`stood_in`); a
stand-in that is ever used hands over to the real module (`stand_in`), as does a function of one (`handed_over`)."""

from __future__ import annotations

import importlib
import sys
import types
from collections.abc import Callable, Iterator
from contextlib import contextmanager


def stand_in(name: str, attributes: dict[str, object] | None = None) -> types.ModuleType:
    """A module called `name` holding `attributes`; anything else asked of it (at a use: the import system's own
    questions are not one) comes from the real module, imported then."""
    module = types.ModuleType(name)
    module.__dict__.update(attributes or {})

    def from_the_real_module(wanted: str) -> object:
        if wanted.startswith("__"):
            raise AttributeError(wanted)
        if sys.modules.get(name) is module:  # still standing in: the real module is imported in its place
            del sys.modules[name]
        return getattr(importlib.import_module(name), wanted)

    module.__getattr__ = from_the_real_module  # type: ignore[method-assign]
    return module


def handed_over(module: str, name: str) -> Callable[..., object]:
    """A function standing in for `module.name`: called, it imports the real module and calls the real function."""

    def call(*args: object, **kwargs: object) -> object:
        return getattr(importlib.import_module(module), name)(*args, **kwargs)

    call.__name__ = call.__qualname__ = name
    return call


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
