"""The command line: argument parsing and printing, never Qt."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from reader import __version__
from reader.errors import ReaderError

PROGRAM = "field-reader"


def _window_parser() -> argparse.ArgumentParser:
    """The options that apply with or without a command."""
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


def _opens_the_window(argv: list[str]) -> bool:
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


def build_parser() -> argparse.ArgumentParser:
    parser = _window_parser()
    parser.add_argument("--version", action="version", version=f"{PROGRAM} {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    sections = commands.add_parser("sections", help="list the sections in reading order")
    sections.add_argument("--json", action="store_true", help="print a JSON list with each section's text")
    sections.set_defaults(handler=_run_sections)

    show = commands.add_parser("show", help="print one section as text")
    show.add_argument("section_id", metavar="SECTION_ID", help="a section id, as `sections` lists them")
    show.set_defaults(handler=_run_show)

    glossary = commands.add_parser("glossary", help="list the glossary, or explain one term")
    glossary.add_argument("term", nargs="?", metavar="TERM", help="a term, abbreviation or alias, e.g. ICJ")
    glossary.add_argument("--json", action="store_true", help="print a JSON list of entries with their sections")
    glossary.set_defaults(handler=_run_glossary)

    search = commands.add_parser("search", help="search the report, the glossary and your notes")
    search.add_argument("query", metavar="QUERY", help='words, "a phrase", AND / OR / NOT, -word, prefix*')
    search.add_argument("--limit", type=int, default=10, metavar="N", help="show at most N hits (default 10)")
    search.add_argument("--json", action="store_true", help="print a JSON object with query, total, suggestion, hits")
    search.set_defaults(handler=_run_search)

    index = commands.add_parser("index", help="manage the search index")
    index_commands = index.add_subparsers(dest="index_command", metavar="ACTION", required=True)
    index_build = index_commands.add_parser("build", help="build the bundled search index (into index/)")
    index_build.add_argument("--folder", type=Path, metavar="DIR", help="build into DIR instead of index/")
    index_build.set_defaults(handler=_run_index_build)

    notes = commands.add_parser("notes", help="list, export or import highlights and notes")
    notes_commands = notes.add_subparsers(dest="notes_command", metavar="ACTION", required=True)
    notes_list = notes_commands.add_parser("list", help="list every note in reading order, orphaned ones last")
    notes_list.add_argument("--json", action="store_true", help="print a JSON list of notes")
    notes_list.add_argument("--layer", metavar="NAME", help="only notes of this layer (yours: mine)")
    notes_list.add_argument("--tag", action="append", default=[], metavar="TAG", help="only notes with this tag")
    notes_list.set_defaults(handler=_run_notes_list)
    notes_export = notes_commands.add_parser("export", help="write notes as a handout or a W3C annotation file")
    notes_export.add_argument("--format", required=True, choices=["md", "json", "html", "pdf"], dest="export_format")
    notes_export.add_argument("--out", required=True, type=Path, metavar="FILE", help="the file to write")
    notes_export.add_argument("--safe", action="store_true", help="leave out author names and timestamps")
    notes_export.add_argument("--layer", metavar="NAME", help="only notes of this layer (yours: mine)")
    notes_export.add_argument("--tag", action="append", default=[], metavar="TAG", help="only notes with this tag")
    notes_export.set_defaults(handler=_run_notes_export)
    notes_import = notes_commands.add_parser("import", help="import a W3C or Hypothesis JSON file as a layer")
    notes_import.add_argument("file", type=Path, metavar="FILE", help="the annotation file")
    notes_import.add_argument("--layer", metavar="NAME", help="the layer to import into (default: the file name)")
    notes_import.set_defaults(handler=_run_notes_import)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run a command and return its exit code; with no command, open the window."""
    argv = sys.argv[1:] if argv is None else list(argv)
    if _opens_the_window(argv):
        args = _window_parser().parse_args(argv)
        args.command = None
    else:
        args = build_parser().parse_args(argv)
    if args.command is None:
        from reader.ui.app import run_window

        return run_window(args)
    try:
        return args.handler(args)
    except ReaderError as error:
        print(f"{PROGRAM}: {error}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        return 0


def _load(args: argparse.Namespace):
    from reader.content import load_report

    return load_report(args.content)


def _run_sections(args: argparse.Namespace) -> int:
    report = _load(args)
    if args.json:
        rows = [
            {
                "id": section.id,
                "title": section.title,
                "level": section.level,
                "parent": section.parent,
                "paragraphs": len(section.paragraphs),
                "text": section.text,
            }
            for section in report.sections
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    width = max(len(section.id) for section in report.sections)
    for section in report.sections:
        print(f"{section.id:<{width}}  {'  ' * (section.level - 1)}{section.title}")
    return 0


def _run_show(args: argparse.Namespace) -> int:
    import textwrap

    report = _load(args)
    section = report.section(args.section_id)
    print(section.title)
    print("=" * min(len(section.title), 78))
    for paragraph in section.paragraphs:
        prefix = f"¶{paragraph.number} " if paragraph.number is not None else ""
        if paragraph.kind == "list_item":
            prefix += "• "
        elif paragraph.kind == "callout":
            prefix = "[ "
        text = prefix + paragraph.text + (" ]" if paragraph.kind == "callout" else "")
        print()
        print(textwrap.fill(text, width=78, subsequent_indent="    "))
    return 0


def _run_glossary(args: argparse.Namespace) -> int:
    import textwrap

    from reader.glossary import GlossaryError, load_glossary

    glossary = load_glossary(_load(args))
    if args.term is None:
        terms = glossary.sorted_terms()
    else:
        found = glossary.lookup(args.term)
        if found is None:
            raise GlossaryError(f"The glossary has no entry for “{args.term}”; `field-reader glossary` lists them.")
        terms = (found,)
    if args.json:
        rows = [
            {
                "id": term.id,
                "term": term.term,
                "expansion": term.expansion,
                "aliases": list(term.forms[1:]),
                "definition": term.definition,
                "explanation": term.explanation,
                "related": list(term.related),
                "background": term.background,
                "sections": list(glossary.sections_of(term.id)),
            }
            for term in terms
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    for number, term in enumerate(terms):
        if number:
            print()
        print(term.term + (f" ({term.expansion})" if term.expansion else ""))
        print(textwrap.fill(term.definition, width=78, initial_indent="    ", subsequent_indent="    "))
        if args.term is None:
            continue
        if term.explanation:
            print()
            print(textwrap.fill(term.explanation, width=78, initial_indent="    ", subsequent_indent="    "))
        other_names = term.forms[2:] if term.expansion else term.forms[1:]
        if other_names:
            print(f"\n    Also: {', '.join(other_names)}")
        if term.related:
            print(f"    Related: {', '.join(glossary.term(related).term for related in term.related)}")
        sections = glossary.sections_of(term.id)
        print(f"    Sections: {', '.join(sections) if sections else 'background only, not in the report'}")
    return 0


def _run_search(args: argparse.Namespace) -> int:
    from reader.cli import search as search_cli

    return search_cli.run_search(_load(args), args.query, args.limit, args.json)


def _run_index_build(args: argparse.Namespace) -> int:
    from reader.cli import search as search_cli

    return search_cli.run_index_build(_load(args), args.folder)


def _run_notes_list(args: argparse.Namespace) -> int:
    from reader.cli import notes as notes_cli

    return notes_cli.run_list(_load(args), args.json, args.layer, args.tag)


def _run_notes_export(args: argparse.Namespace) -> int:
    from reader.cli import notes as notes_cli

    return notes_cli.run_export(_load(args), args.export_format, args.out, args.safe, args.layer, args.tag)


def _run_notes_import(args: argparse.Namespace) -> int:
    from reader.cli import notes as notes_cli

    return notes_cli.run_import(_load(args), args.file, args.layer)
