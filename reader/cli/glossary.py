"""The `glossary` command: every entry, or one term explained."""

from __future__ import annotations

import json
import textwrap

from reader.glossary import Glossary, GlossaryError, GlossaryTerm


def run_glossary(glossary: Glossary, term: str | None, as_json: bool) -> int:
    """Print the whole glossary briefly, or one entry in full with its sources (JSON: a list of entries with their
    sources, the glossary's as-of date and the sections where each occurs)."""
    if term is None:
        terms = glossary.sorted_terms()
    else:
        found = glossary.lookup(term)
        if found is None:
            raise GlossaryError(f"The glossary has no entry for “{term}”; `field-reader glossary` lists them.")
        terms = (found,)
    if as_json:
        print(json.dumps([_row(glossary, entry) for entry in terms], ensure_ascii=False, indent=2))
        return 0
    if term is None and glossary.as_of:
        print(f"Glossary facts as of {glossary.as_of}.\n")
    for number, entry in enumerate(terms):
        if number:
            print()
        _print_entry(glossary, entry, in_full=term is not None)
    return 0


def _row(glossary: Glossary, term: GlossaryTerm) -> dict[str, object]:
    return {
        "id": term.id,
        "term": term.term,
        "expansion": term.expansion,
        "aliases": list(term.forms[1:]),
        "definition": term.definition,
        "explanation": term.explanation,
        "related": list(term.related),
        "background": term.background,
        "sources": list(term.sources),
        "as_of": glossary.as_of,
        "sections": list(glossary.sections_of(term.id)),
    }


def _print_entry(glossary: Glossary, term: GlossaryTerm, in_full: bool) -> None:
    print(term.term + (f" ({term.expansion})" if term.expansion else ""))
    print(_indented(term.definition))
    if not in_full:
        return
    if term.explanation:
        print()
        print(_indented(term.explanation))
    other_names = term.forms[2:] if term.expansion else term.forms[1:]
    if other_names:
        print(f"\n    Also: {', '.join(other_names)}")
    if term.related:
        print(f"    Related: {', '.join(glossary.term(related).term for related in term.related)}")
    sections = glossary.sections_of(term.id)
    print(f"    Sections: {', '.join(sections) if sections else 'background only, not in the report'}")
    if term.sources:
        print()
        label = "Source" if len(term.sources) == 1 else "Sources"
        print(f"    {label}{f' (as of {glossary.as_of})' if glossary.as_of else ''}:")
        for source in term.sources:
            print(textwrap.fill(source, width=78, initial_indent="    - ", subsequent_indent="      "))


def _indented(text: str) -> str:
    return textwrap.fill(text, width=78, initial_indent="    ", subsequent_indent="    ")
