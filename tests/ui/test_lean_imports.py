"""The window loads no standard-library module it never uses: argparse and logging (wanted by PySide6's stub
writer), html's table of named references, and uuid with platform (until a note is made)."""

from __future__ import annotations

import html
import subprocess
import sys

from hypothesis import given
from hypothesis import strategies as st

from reader.ui.html_escape import escape

UNUSED = ("argparse", "logging", "gettext", "html", "html.entities", "uuid", "platform")


def test_the_window_modules_load_none_of_the_unused_modules_and_stand_ins_hand_over() -> None:
    code = (
        "import sys\n"
        "import reader.ui.app, reader.ui.glossary_popup, reader.ui.glossary_panel, reader.ui.search_panel\n"
        "import reader.ui.notes_model, reader.ui.notes_panel, reader.ui.about_dialog, reader.ui.print_document\n"
        "import reader.notes.store\n"
        f"loaded = [name for name in {UNUSED!r} if name in sys.modules]\n"
        "assert not loaded, loaded\n"
        # PySide6's stub writer keeps its stand-ins, which hand over to the real modules if ever used
        "generator = sys.modules['shibokensupport.signature.lib.pyi_generator']\n"
        "assert generator.argparse.ArgumentParser.__module__ == 'argparse'\n"
        "assert generator.logging.getLogger('probe').name == 'probe'\n"
        # and anything importing them later gets the real modules
        "import argparse, logging\n"
        "assert generator.argparse.ArgumentParser is argparse.ArgumentParser\n"
        "assert hasattr(logging, 'basicConfig') and not getattr(logging, '__stand_in__', False)\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


@given(st.text())
def test_escaping_is_exactly_the_standard_librarys(text: str) -> None:
    assert escape(text) == html.escape(text)
