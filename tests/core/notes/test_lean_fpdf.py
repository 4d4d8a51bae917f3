"""Writing a PDF handout loads no network, asyncio or image modules, and makes the very same file as fpdf2 imported
in full; fpdf2's features that need a module left out still get the real one."""

from __future__ import annotations

import subprocess
import sys

# A handout of a few notes in several scripts, written by a fresh interpreter: its bytes go to stdout as hex, then
# the modules loaded by then.
WRITE_A_HANDOUT = """
import datetime as dt, sys
{first}
from reader.notes.handout import HandoutEntry
from reader.notes.handout_pdf import render_pdf
from reader.notes.note import Color, Style

def entry(note, number):
    return HandoutEntry(
        section_id="overview", section_title="Overview", paragraph_number=number, quote="a fragile ceasefire",
        note=note, tags=("class",), color=Color.GREEN, style=Style.HIGHLIGHT, layer="mine", author=None,
        created=None, orphaned=False,
    )

notes = ["Ask the class what fragile means here", "هذه ملاحظة عن وقف إطلاق النار", "Déjà vu à Genève"]
data = render_pdf([entry(note, number) for number, note in enumerate(notes, 1)], "Handout", safe=True)
print(data.hex())
print(" ".join(sorted(sys.modules)))
"""

LEFT_OUT = (
    "asyncio",
    "http.client",
    "urllib.request",
    "socket",
    "ssl",
    "email",
    "unittest.mock",
    "PIL",
    "PIL.Image",
    "cryptography.x509",
    "cryptography.hazmat.primitives.serialization",
    "fontTools.varLib.instancer",
    "fpdf.image_parsing",
)


def write_a_handout(first: str = "") -> tuple[bytes, set[str]]:
    result = subprocess.run(
        [sys.executable, "-c", WRITE_A_HANDOUT.format(first=first)], capture_output=True, text=True, check=True
    )
    data, modules = result.stdout.splitlines()
    return bytes.fromhex(data), set(modules.split())


def test_a_handout_loads_no_network_asyncio_or_image_modules() -> None:
    data, modules = write_a_handout()

    assert data.startswith(b"%PDF-")
    assert sorted(modules & set(LEFT_OUT)) == []


def test_the_handout_is_the_same_file_as_with_fpdf2_imported_in_full() -> None:
    lean, _ = write_a_handout()
    full, modules = write_a_handout(first="import fpdf")  # fpdf2 loaded first, as it comes: nothing stands in

    assert "PIL" in modules and "fpdf.image_parsing" in modules  # the comparison is with the full import
    assert lean == full


def test_fpdf2_features_that_need_a_module_left_out_get_the_real_one() -> None:
    code = """
import io
import reader.notes.lean_fpdf
import fpdf, fpdf.fpdf, fpdf.fonts
from PIL import Image

pdf = fpdf.FPDF()
pdf.add_page()
picture = Image.new("RGB", (4, 3), (200, 30, 30))
pdf.image(picture, x=10, y=10, w=40)  # a Pillow image is told as one
buffer = io.BytesIO()
picture.save(buffer, format="PNG")
pdf.image(buffer, x=10, y=60, w=40)  # read through fpdf2's image module
assert pdf.output().count(b"/Subtype /Image") == 2
pdf.set_image_filter("DCTDecode")
try:
    pdf.set_image_filter("NoSuchFilter")
except ValueError:
    pass
else:
    raise AssertionError("an unknown image filter was taken")
assert callable(fpdf.fonts.instancer.instantiateVariableFont)
from unittest.mock import patch
import fpdf.sign
assert fpdf.sign.patch is patch or callable(fpdf.sign.patch)
with fpdf.sign.patch("os.sep", "#"):
    import os
    assert os.sep == "#"
"""
    subprocess.run([sys.executable, "-c", code], check=True)
