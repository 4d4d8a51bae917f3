"""The command line's arguments: the parsers, and running the chosen command on the shared objects."""

from __future__ import annotations

import argparse
import dataclasses
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from reader import PROGRAM, __version__

if TYPE_CHECKING:
    from reader.app_objects import AppObjects
    from reader.content import Report
    from reader.glossary import Glossary

Command = Callable[[argparse.Namespace, "AppObjects"], int]


def window_parser() -> argparse.ArgumentParser:
    """The options that apply with or without a command (all that opening the window needs)."""
    parser = argparse.ArgumentParser(
        prog=PROGRAM,
        description="An offline reader for the report. With no command, opens the reading window.",
    )
    parser.add_argument(
        "--content",
        metavar="DIR",
        type=Path,
        help="read the report from this content folder (default: READER_CONTENT_DIR, else the bundled report)",
    )
    parser.add_argument(
        "--exit-after-start",
        action="store_true",
        help="open the window, wait until the document is painted, then exit (for smoke tests and timing)",
    )
    return parser


def opens_the_window(argv: list[str]) -> bool:
    """Whether the arguments only open the window, so the commands' parsers need not be built (start-up)."""
    expect_value = False
    for token in argv:
        if expect_value:
            expect_value = False
        elif token == "--content":
            expect_value = True
        elif not (token == "--exit-after-start" or token.startswith("--content=")):
            return False
    return not expect_value


def command_parser() -> argparse.ArgumentParser:
    """Every command and its options; each command's `run` default is the function that carries it out."""
    parser = window_parser()
    parser.add_argument("--version", action="version", version=f"{PROGRAM} {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_CommandParser)

    sections = commands.add_parser("sections", help="list the sections in reading order")
    sections.add_argument("--json", action="store_true", help="print a JSON list with each section's text")
    sections.set_defaults(run=_sections)

    show = commands.add_parser("show", help="print one section as text")
    show.add_argument("section_id", metavar="SECTION_ID", help="a section id, as `sections` lists them")
    show.set_defaults(run=_show)

    glossary = commands.add_parser("glossary", help="list the glossary, or explain one term")
    glossary.add_argument("term", nargs="?", metavar="TERM", help="a term, abbreviation or alias, e.g. ICJ")
    glossary.add_argument("--json", action="store_true", help="print a JSON list of entries with their sections")
    glossary.set_defaults(run=_glossary)

    search = commands.add_parser(
        "search", help="search the report, the glossary and your notes", words_are_arguments=True
    )
    search.add_argument(
        "query", metavar="QUERY", nargs="+", help='words, "a phrase", AND / OR / NOT, -word, prefix* (quotes optional)'
    )
    search.add_argument("--limit", type=_hit_count, default=10, metavar="N", help="show at most N hits (default 10)")
    search.add_argument("--json", action="store_true", help="print a JSON object with query, total, suggestion, hits")
    search.set_defaults(run=_search)

    check = commands.add_parser(
        "check",
        help="check a content pack and list every problem as FILE:LINE: MESSAGE",
        description="Checks the manifest, the Markdown files, the sections and the glossary of a content pack, and "
        "prints every problem found (exit 1), or one line saying there are none.",
    )
    check.add_argument(
        "folder", nargs="?", type=Path, metavar="DIR", help="the content folder (default: the one in use)"
    )
    check.set_defaults(run=_check)

    index = commands.add_parser("index", help="manage the search index")
    index_commands = index.add_subparsers(dest="index_command", metavar="ACTION", required=True)
    index_build = index_commands.add_parser("build", help="build the bundled search index (into index/)")
    index_build.add_argument("--folder", type=Path, metavar="DIR", help="build into DIR instead of index/")
    index_build.set_defaults(run=_index_build)

    notes = commands.add_parser("notes", help="list, export or import highlights and notes")
    notes_commands = notes.add_subparsers(dest="notes_command", metavar="ACTION", required=True)
    notes_list = notes_commands.add_parser("list", help="list every note in reading order, orphaned ones last")
    notes_list.add_argument("--json", action="store_true", help="print a JSON list of notes")
    _add_selection(notes_list)
    notes_list.set_defaults(run=_notes_list)
    notes_export = notes_commands.add_parser("export", help="write notes as a handout or a W3C annotation file")
    notes_export.add_argument("--format", required=True, choices=["md", "json", "html", "pdf"], dest="export_format")
    notes_export.add_argument("--out", required=True, type=Path, metavar="FILE", help="the file to write")
    notes_export.add_argument("--safe", action="store_true", help="leave out author names and timestamps")
    notes_export.add_argument(
        "--seal", action="store_true", help="seal a json file under a passphrase of its own (READER_FILE_PASSPHRASE)"
    )
    _add_selection(notes_export)
    notes_export.set_defaults(run=_notes_export)
    notes_import = notes_commands.add_parser("import", help="import a W3C or Hypothesis JSON file as a layer")
    notes_import.add_argument("file", type=Path, metavar="FILE", help="the annotation file")
    notes_import.add_argument("--layer", metavar="NAME", help="the layer to import into (default: the file name)")
    notes_import.set_defaults(run=_notes_import)
    notes_delete = notes_commands.add_parser("delete", help="delete a note, also from every backup")
    notes_delete.add_argument("note_id", metavar="ID", help="the note's id, or its start as `notes list` shows it")
    notes_delete.set_defaults(run=_notes_delete)

    lock = commands.add_parser(
        "lock",
        help="the privacy lock: seal your notes under a passphrase",
        description="Passphrases are asked on the terminal; scripts can give them in READER_PASSPHRASE and "
        "READER_NEW_PASSPHRASE, which is less safe. A forgotten passphrase cannot be recovered.",
    )
    lock.add_argument(
        "lock_action",
        metavar="ACTION",
        choices=["status", "enable", "disable", "change", "duress", "settings"],
        help="status | enable | disable | change (the passphrase) | duress (set the erase passphrase) | settings",
    )
    lock.add_argument("--auto-lock", type=int, metavar="MINUTES", help="lock the window after MINUTES idle (0: never)")
    lock.add_argument(
        "--erase-after", type=int, metavar="N", help="erase the notes after N wrong passphrases (0: never)"
    )
    lock.set_defaults(run=_lock)

    wipe = commands.add_parser("wipe", help="erase your notes, backups, reading position and caches")
    wipe.add_argument("--yes", action="store_true", help="really erase (without it, lists what would go)")
    wipe.set_defaults(run=_wipe)

    sentences = commands.add_parser("sentences", help="print the sentences read aloud speaks for one section")
    sentences.add_argument("section_id", metavar="SECTION_ID", help="a section id, as `sections` lists them")
    sentences.add_argument("--json", action="store_true", help="print a JSON list with each sentence's place")
    sentences.add_argument(
        "--expand-terms", action="store_true", help="say abbreviations as their expansion the first time (ICJ)"
    )
    sentences.set_defaults(run=_sentences)
    return parser


class _CommandParser(argparse.ArgumentParser):
    """A command's parser. With `words_are_arguments`, every word that is not one of its options is its argument,
    in the order typed, even one beginning with "-": `search red -wolf` searches "red -wolf", as the search syntax
    (-word leaves a word out) allows.

    argparse takes such a word for an option (or, as "-hamas", for -h with a value), and the reader would need
    `search -- red -wolf`. The options (with the values they take) are put first and the words behind a "--", so
    options keep working in any order.
    """

    def __init__(self, *args: object, words_are_arguments: bool = False, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self._words_are_arguments = words_are_arguments

    def parse_known_args(  # type: ignore[override]
        self, args: list[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        if self._words_are_arguments and args is not None:
            args = self._words_last(list(args))
        return super().parse_known_args(args, namespace)

    def _words_last(self, tokens: list[str]) -> list[str]:
        """`tokens` as options first (each with its value), then "--" and every other word in the order typed;
        "-h" and "--options" are options, all after a "--" are words."""
        taking_a_value = {name for action in self._actions if action.nargs != 0 for name in action.option_strings}
        options: list[str] = []
        words: list[str] = []
        index = 0
        while index < len(tokens):
            token = tokens[index]
            if token == "--":
                words.extend(tokens[index + 1 :])
                break
            if token == "-h" or token.startswith("--"):
                options.append(token)
                if token in taking_a_value and index + 1 < len(tokens):
                    index += 1
                    options.append(tokens[index])
            else:
                words.append(token)
            index += 1
        return [*options, "--", *words] if words else options


def _hit_count(text: str) -> int:
    try:
        count = int(text)
    except ValueError:
        count = 0
    if count < 1:
        raise argparse.ArgumentTypeError("give the number of hits to show, a whole number from 1 up")
    return count


def _add_selection(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--layer", metavar="NAME", help="only notes of this layer (yours: mine)")
    parser.add_argument("--tag", action="append", default=[], metavar="TAG", help="only notes with this tag")


def run_command(args: argparse.Namespace, objects: AppObjects) -> int:
    """Carry out the parsed command on the shared objects; returns the exit code (ReaderError is the caller's).

    Every command that reads the report loads the glossary strictly, before it prints anything: a broken glossary
    is the same one line and exit 1 for all of them (the window, by contrast, reads on without a glossary).
    """
    if args.run in _READING_COMMANDS:
        objects = dataclasses.replace(objects, glossary=strict_glossary_loader(objects.report))
        objects.glossary()
    return args.run(args, objects)


def strict_glossary_loader(report: Report) -> Callable[[], Glossary]:
    """Load the glossary once, on first use; a broken glossary file raises its `GlossaryError`."""
    loaded: list[Glossary] = []

    def load() -> Glossary:
        if not loaded:
            from reader.glossary import load_glossary

            loaded.append(load_glossary(report))
        return loaded[0]

    return load


# Each command imports its module only when chosen, so one command never pays for another's imports.


def _sections(args: argparse.Namespace, objects: AppObjects) -> int:
    from reader.cli.sections import run_sections

    return run_sections(objects.report, args.json)


def _show(args: argparse.Namespace, objects: AppObjects) -> int:
    from reader.cli.sections import run_show

    return run_show(objects.report, args.section_id)


def _glossary(args: argparse.Namespace, objects: AppObjects) -> int:
    from reader.cli.glossary import run_glossary

    return run_glossary(objects.glossary(), args.term, args.json)


def _check(args: argparse.Namespace, objects: AppObjects) -> int:
    from reader.cli.check import run_check

    return run_check(args.folder or objects.folders.content)


def _search(args: argparse.Namespace, objects: AppObjects) -> int:
    from reader.cli.search import run_search, searchable_notes

    notes = searchable_notes(objects.privacy, objects.folders.data, objects.open_notes)
    return run_search(
        objects.report, objects.glossary(), objects.folders, " ".join(args.query), args.limit, args.json, notes
    )


def _index_build(args: argparse.Namespace, objects: AppObjects) -> int:
    from reader.cli.search import run_index_build

    return run_index_build(
        objects.report, objects.glossary(), args.folder or objects.folders.bundled_index, objects.folders
    )


def _notes_list(args: argparse.Namespace, objects: AppObjects) -> int:
    from reader.cli.lock import unlock_for_command
    from reader.cli.notes import run_list

    unlock_for_command(objects.privacy)
    return run_list(objects.report, objects.open_notes, args.json, args.layer, args.tag)


def _notes_export(args: argparse.Namespace, objects: AppObjects) -> int:
    from reader.cli.lock import unlock_for_command
    from reader.cli.notes import run_export

    unlock_for_command(objects.privacy)
    return run_export(
        objects.report,
        objects.open_notes,
        args.export_format,
        args.out,
        args.safe,
        args.layer,
        args.tag,
        sealed=args.seal,
    )


def _notes_import(args: argparse.Namespace, objects: AppObjects) -> int:
    from reader.cli.lock import unlock_for_command
    from reader.cli.notes import run_import

    unlock_for_command(objects.privacy)
    return run_import(objects.report, objects.open_notes, args.file, args.layer)


def _notes_delete(args: argparse.Namespace, objects: AppObjects) -> int:
    from reader.cli.lock import unlock_for_command
    from reader.cli.notes import run_delete

    unlock_for_command(objects.privacy)
    return run_delete(objects.open_notes, args.note_id)


def _lock(args: argparse.Namespace, objects: AppObjects) -> int:
    from reader.cli.lock import run_lock

    return run_lock(objects.privacy, objects.folders.data, args.lock_action, args.auto_lock, args.erase_after)


def _wipe(args: argparse.Namespace, objects: AppObjects) -> int:
    from reader.cli.lock import run_wipe

    return run_wipe(objects.privacy, objects.folders.data, args.yes)


# The commands that read the report, and so load the glossary strictly first (`run_command`); `check` reports a
# broken glossary as one of its problems, and the lock and wipe commands work whatever the content holds.
_READING_COMMANDS: frozenset[Command] = frozenset(
    {_sections, _show, _glossary, _search, _index_build, _notes_list, _notes_export, _notes_import, _notes_delete}
)


def _sentences(args: argparse.Namespace, objects: AppObjects) -> int:
    from reader.cli.sentences import run_sentences

    glossary = objects.glossary() if args.expand_terms else None
    return run_sentences(objects.report, args.section_id, args.json, glossary)


_READING_COMMANDS = _READING_COMMANDS | {_sentences}
