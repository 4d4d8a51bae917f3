"""Before the window: a display Qt can open, a UTF-8 character type for Qt, and the application made so that a
platform Qt cannot start is told in one line (WORKAROUNDS for Qt's multi-line aborts and warnings, all Linux-only)."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable

from PySide6.QtWidgets import QApplication

from reader import PROGRAM


def make_application() -> QApplication:
    """The application; a display Qt cannot open is told in one line (`_platform_failure_in_one_line`)."""
    settle = _platform_failure_in_one_line()
    try:
        return QApplication(sys.argv[:1])
    finally:
        settle()


def _platform_failure_in_one_line() -> Callable[[], None]:
    """Until the returned function is called (once the application exists), Qt's fatal message about a display it
    cannot open becomes one line and exit 1.

    WORKAROUND: Qt aborts the process (exit 134) with a dozen lines (the display, xcb-cursor0, "Reinstalling the
    application may fix this problem") when no platform plugin starts: a display on another host, a screen the server
    lacks, a DISPLAY that is not one, a dead Wayland socket. Its warnings before that (qt.qpa's, the Wayland
    plugin's) are held back, and shown as usual if the start goes on.
    """
    from PySide6.QtCore import qInstallMessageHandler

    held: list[str] = []

    def handle(kind: object, context: object, text: str) -> None:
        from PySide6.QtCore import QtMsgType

        if kind == QtMsgType.QtFatalMsg:
            print(_platform_failure_line(), file=sys.stderr, flush=True)
            sys.stdout.flush()
            os._exit(1)
        category = getattr(context, "category", None) or "default"
        held.append(text if category == "default" else f"{category}: {text}")  # Qt's own default format

    qInstallMessageHandler(handle)

    def settle() -> None:
        qInstallMessageHandler(None)
        for line in held:
            print(line, file=sys.stderr)

    return settle


def _platform_failure_line() -> str:
    """The one line for a window Qt could not open: the display it tried, or the platform it was told to use."""
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    variables = {"xcb": ("DISPLAY",), "wayland": ("WAYLAND_DISPLAY",), "": ("WAYLAND_DISPLAY", "DISPLAY")}
    kind = next((kind for kind in ("xcb", "wayland") if platform.startswith(kind)), "" if not platform else None)
    tried = " or ".join(os.environ[name] for name in variables.get(kind, ()) if os.environ.get(name))
    if not tried:
        return (
            f"{PROGRAM}: Cannot open a window on the platform “{platform or 'default'}”; unset QT_QPA_PLATFORM in a "
            f"desktop session. Commands such as `{PROGRAM} sections` work without one."
        )
    return cannot_open_display(tried)


def cannot_open_display(display: str) -> str:
    return (
        f"{PROGRAM}: Cannot open the display {display}; is the desktop session still running? "
        f"Commands such as `{PROGRAM} sections` work without one."
    )


def no_display() -> bool:
    # WORKAROUND: without a display Qt aborts the process with a multi-line message; say it in one line instead.
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def unreachable_x_display() -> str | None:
    """The X display Qt would open (DISPLAY) when nothing answers there; None when it does, or when Qt uses another.

    WORKAROUND: Qt's xcb plugin aborts the process (exit 134, four lines) when it cannot connect. Asking first costs
    one socket connect for a local display (`:0`, `unix:0`), the usual case; a display on another host (`host:0`,
    an SSH forward) is left to Qt, which would take a network round trip to check.
    """
    if not sys.platform.startswith("linux"):
        return None
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    display = os.environ.get("DISPLAY", "")
    if not display or (platform and not platform.startswith("xcb")):
        return None
    if not platform and os.environ.get("WAYLAND_DISPLAY"):
        return None  # Qt prefers wayland when a wayland session is there
    host, _, rest = display.rpartition(":")
    number = rest.split(".", 1)[0]
    if host not in ("", "unix") or not number.isdigit():
        return None
    # WORKAROUND: the C module under `socket`: importing `socket` itself builds its enums, a millisecond and a half
    # of every start on X11, for one connect.
    import _socket

    # An X server listens on the abstract socket and on the file; either answering is enough.
    for address in (f"\0/tmp/.X11-unix/X{number}", f"/tmp/.X11-unix/X{number}"):
        probe = _socket.socket(_socket.AF_UNIX, _socket.SOCK_STREAM)
        try:
            probe.connect(address)
        except OSError:
            continue
        finally:
            probe.close()
        return None
    return display


_LOCALE_CATEGORIES = (
    "LC_NUMERIC",
    "LC_TIME",
    "LC_COLLATE",
    "LC_MONETARY",
    "LC_MESSAGES",
    "LC_PAPER",
    "LC_NAME",
    "LC_ADDRESS",
    "LC_TELEPHONE",
    "LC_MEASUREMENT",
    "LC_IDENTIFICATION",
)  # every category but LC_CTYPE, as glibc names them


def ensure_utf8_locale() -> None:
    """Give Qt a UTF-8 character type when the locale has none (as Python's own start does, PEP 538).

    WORKAROUND: Qt warns in four lines that it "detected locale "C" … which is not UTF-8" when the character type is
    C or POSIX (no locale set, LANG=C, LC_ALL=C), another encoding, or a locale that is not installed. Python's own
    program sets LC_CTYPE to C.UTF-8 then; the download's does not. Only the character type changes: the language,
    numbers and dates stay as chosen, so the interface language does not either.
    """
    if not sys.platform.startswith("linux"):
        return
    deciding = next((name for name in ("LC_ALL", "LC_CTYPE", "LANG") if os.environ.get(name)), None)
    chosen = os.environ.get(deciding, "") if deciding else ""
    if _is_utf8_locale(chosen):
        return
    utf8 = _utf8_variant(chosen)
    if utf8 is None:
        return  # no UTF-8 locale installed at all: Qt's warning is then the truth
    if deciding == "LC_ALL":
        # LC_ALL would override LC_CTYPE: spread it over the other categories instead, unchanged.
        del os.environ["LC_ALL"]
        os.environ.update(dict.fromkeys(("LANG", *_LOCALE_CATEGORIES), chosen))
    os.environ["LC_CTYPE"] = utf8
    # Qt sets the whole locale from these variables, which fails as a whole if a category's locale is not installed,
    # keeping the character type it finds: so set that here as well.
    import _locale

    _locale.setlocale(_locale.LC_CTYPE, utf8)


def _is_utf8_locale(name: str) -> bool:
    """Whether the locale `name` is installed and encodes characters as UTF-8 (C and POSIX do not)."""
    if name in ("", "C", "POSIX"):
        return False
    # WORKAROUND: the C module under `locale`, whose import (with its tables) is not needed for two calls.
    import _locale

    before = _locale.setlocale(_locale.LC_CTYPE)
    try:
        _locale.setlocale(_locale.LC_CTYPE, name)
    except _locale.Error:
        return False  # not installed: the C library falls back to C
    try:
        return _locale.nl_langinfo(_locale.CODESET).replace("-", "").lower() == "utf8"
    finally:
        _locale.setlocale(_locale.LC_CTYPE, before)


def _utf8_variant(name: str) -> str | None:
    """The installed UTF-8 locale nearest `name`: its own UTF-8 variant (en_GB.ISO-8859-1 → en_GB.UTF-8), else
    C.UTF-8; None when neither is installed."""
    base = name.split("@", 1)[0].split(".", 1)[0]
    candidates = ([] if base in ("", "C", "POSIX") else [f"{base}.UTF-8"]) + ["C.UTF-8", "C.utf8"]
    return next((candidate for candidate in candidates if _is_utf8_locale(candidate)), None)
