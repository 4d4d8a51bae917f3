"""The composition root: `python -m reader` and `field-reader` choose the window or a command and build what it uses.

This is the only module that looks folders up (`paths.locate`) and the only one that imports both `reader.ui` and
`reader.cli`; each receives the shared objects built here.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from reader.paths import Folders


def main(argv: list[str] | None = None) -> int:
    """Run a command and return its exit code; with no command, open the window."""
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv in ([], ["--exit-after-start"]):  # the usual start: nothing to parse, so no parser is built
        return _open_window(None, exit_after_start=bool(argv))
    from reader.cli.command_line import command_parser, opens_the_window, run_command, window_parser

    if opens_the_window(argv):
        options = window_parser().parse_args(argv)
        return _open_window(options.content, exit_after_start=options.exit_after_start)
    from reader import paths
    from reader.app_objects import build_app_objects

    args = command_parser().parse_args(argv)
    if args.command is None:  # window options mixed with something that is not a command
        command_parser().error("choose a COMMAND, or give only window options to open the window")
    from reader.cli.output import guard_terminal, tell
    from reader.errors import ReaderError

    guard_terminal()
    try:
        if args.command == "check":  # a pack being checked may not load: check it without loading it first
            from reader.cli.check import run_check

            return run_check(args.folder or paths.locate(args.content).content)
        return run_command(args, build_app_objects(paths.locate(args.content)))
    except ReaderError as error:
        tell(str(error))
        return 1
    except BrokenPipeError:
        return 0


def _open_window(content: Path | None, *, exit_after_start: bool) -> int:
    """Look the folders up and run the window; a content folder that cannot be used is one line and exit 1."""
    import gc

    # Start-up makes lasting objects and hardly any garbage: no collections from the first import on, until the
    # window has painted its page (`run_window` turns them on again then).
    gc.disable()
    try:
        from reader import PROGRAM, paths
        from reader.app_objects import build_app_objects
        from reader.errors import ReaderError

        try:
            folders = paths.locate(content)
        except ReaderError as error:
            print(f"{PROGRAM}: {error}", file=sys.stderr)
            return 1
        run_window = _window_runner(folders)
        return run_window(lambda: build_app_objects(folders), folders.data, exit_after_start=exit_after_start)
    finally:
        gc.enable()


def _window_runner(folders: Folders) -> Callable[..., int]:
    """`reader.ui.app.run_window`, imported with PySide6: shiboken6's start-up code is taken from the prepared first
    start where it was compiled (`shiboken_code_cache`) instead of being compiled again."""
    from reader.shiboken_code_cache import code_kept_in

    with code_kept_in([folders.bundled_cache] if folders.bundled_cache is not None else []):
        from reader.ui.app import run_window
    return run_window


if __name__ == "__main__":
    sys.exit(main())
