"""Qt is given a UTF-8 character type whatever locale the reader's session has, as Python's own start gives one
(PEP 538): the download's program does not, and Qt would print four lines about a locale that is not UTF-8."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc locales")

# What the window's start does before Qt sets its locale, then the environment Qt saw.
START_QT = textwrap.dedent(
    """
    import json, os
    from reader.ui import platform_start
    platform_start.ensure_utf8_locale()
    from PySide6.QtCore import QCoreApplication
    QCoreApplication([])
    print(json.dumps({name: value for name, value in os.environ.items() if name.startswith(("LC_", "LANG"))}))
    """
)


def start_qt(**locale: str) -> subprocess.CompletedProcess[str]:
    """Start Qt the way the download does: no PEP 538 coercion, and only these locale variables set."""
    environment = {key: value for key, value in os.environ.items() if not key.startswith(("LC_", "LANG"))}
    environment.update(locale, PYTHONCOERCECLOCALE="0")
    return subprocess.run(
        [sys.executable, "-c", START_QT], capture_output=True, text=True, env=environment, timeout=60, check=False
    )


@pytest.mark.parametrize(
    "locale",
    [
        {},
        {"LANG": "C"},
        {"LC_ALL": "C"},
        {"LANG": "POSIX"},
        {"LC_CTYPE": "C", "LANG": "C.UTF-8"},
        {"LANG": "xx_YY.UTF-8"},
    ],
    ids=["none", "LANG=C", "LC_ALL=C", "LANG=POSIX", "LC_CTYPE=C", "not-installed"],
)
def test_qt_starts_without_a_locale_warning(locale: dict[str, str]):
    result = start_qt(**locale)
    assert result.returncode == 0, result.stderr
    assert "not UTF-8" not in result.stderr
    assert result.stderr == ""


def test_lc_all_keeps_every_other_category_as_it_chose():
    import json

    seen = json.loads(start_qt(LC_ALL="C", LC_MESSAGES="ar_EG.UTF-8").stdout)
    assert "LC_ALL" not in seen
    assert seen["LC_MESSAGES"] == "C" and seen["LANG"] == "C" and seen["LC_TIME"] == "C"
    assert seen["LC_CTYPE"].lower().replace("-", "") == "c.utf8"


def test_a_language_that_is_not_installed_is_still_the_interface_language():
    import json

    seen = json.loads(start_qt(LANG="ar_EG.UTF-8").stdout)
    assert seen["LANG"] == "ar_EG.UTF-8"  # the interface follows it (language.py reads the system locale's name)


def test_a_utf8_locale_is_left_alone():
    import json

    seen = json.loads(start_qt(LANG="C.UTF-8").stdout)
    assert seen == {"LANG": "C.UTF-8"}
