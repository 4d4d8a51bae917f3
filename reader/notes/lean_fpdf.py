"""Importing fpdf2 without the modules it loads for features the handout never uses (import this first).

The handout is text in one embedded font; fpdf2's module for images fetches remote pictures, so loading it brings
`http.client`, `urllib.request`, `socket`, `ssl` and `email`, and Pillow; its module for signing a PDF imports
`unittest.mock`, which imports `asyncio`; and it asks `cryptography` for PKCS#12 keys (with X.509 certificates) in
case the signing package is installed. `fpdf.fonts` imports fontTools' instancer for variable fonts, which the
bundled font is not. Together that is some 140 modules and a third of the import's time, loaded by every first PDF
in a program that never touches the network. While fpdf2 is first imported, small stand-ins take those modules'
places; they are taken away at once, and a stand-in that is ever used hands over to the real module, so an fpdf2
feature that needs one still gets the real thing.
"""

from __future__ import annotations

import importlib
import sys
import types
from collections.abc import Iterator

from reader.module_stand_ins import handed_over, stand_in, stood_in

_IMAGES = "fpdf.image_parsing"


class _IsPillowImage(type):
    def __instancecheck__(cls, instance: object) -> bool:
        if "PIL.Image" not in sys.modules:  # nothing can be a Pillow image before Pillow is loaded
            return False
        from PIL.Image import Image

        return isinstance(instance, Image)


class _PillowImage(metaclass=_IsPillowImage):
    """`PIL.Image.Image` as fpdf2 uses it (to tell whether it was given a picture): true of Pillow's images."""


class _ImageFilters:
    """fpdf2's tuple of image filter names, read from its image module when first asked."""

    def _names(self) -> tuple[str, ...]:
        return importlib.import_module(_IMAGES).SUPPORTED_IMAGE_FILTERS

    def __contains__(self, name: object) -> bool:
        return name in self._names()

    def __iter__(self) -> Iterator[str]:
        return iter(self._names())

    def __len__(self) -> int:
        return len(self._names())


def _stand_ins() -> dict[str, types.ModuleType]:
    """A stand-in for each of these modules not loaded yet, holding only what fpdf2 takes from it at import."""
    pillow_image = stand_in("PIL.Image", {"Image": _PillowImage})
    keys = "cryptography.hazmat.primitives.serialization"
    wanted = {
        "unittest.mock": stand_in("unittest.mock", {"patch": handed_over("unittest.mock", "patch")}),
        keys: stand_in(keys, {"pkcs12": stand_in(f"{keys}.pkcs12")}),
        "PIL": stand_in("PIL", {"Image": pillow_image}),
        "PIL.Image": pillow_image,
        _IMAGES: stand_in(
            _IMAGES,
            {
                "SUPPORTED_IMAGE_FILTERS": _ImageFilters(),
                **{name: handed_over(_IMAGES, name) for name in ("get_img_info", "load_image", "preload_image")},
            },
        ),
        "fontTools.varLib.instancer": stand_in("fontTools.varLib.instancer"),
    }
    return {name: module for name, module in wanted.items() if name not in sys.modules}


def import_fpdf() -> None:
    """Import fpdf2 with the stand-ins in place (once; later calls do nothing)."""
    if "fpdf.fpdf" in sys.modules:
        return
    with stood_in(_stand_ins()):
        import fpdf  # noqa: F401


import_fpdf()
