"""Copy with citation names title, section, paragraph, publisher and edition."""

from reader.citation import format_citation


def test_citation_names_everything_a_reader_needs(report):
    paragraph = report.paragraph("red-wolf-p2")
    text = format_citation(report, "a facial recognition system called Red Wolf", paragraph)
    assert text.startswith("“a facial recognition system called Red Wolf”")
    for part in (report.manifest.title, "Automated Apartheid", "¶2", "Amnesty International", "2025-02-11"):
        assert part in text


def test_glossary_citation_quotes_the_entry_with_its_sources_and_date(report):
    from reader.citation import format_term_citation
    from reader.glossary import load_glossary

    glossary = load_glossary(report)
    term = glossary.term("fourth-geneva-convention")
    text = format_term_citation(report, term, glossary.as_of)
    first, second, third = text.splitlines()
    assert first == f"Fourth Geneva Convention: “{term.definition}”"
    assert report.manifest.title in second and "edition of 2025-02-11" in second
    assert "facts as of 2025-02-11" in second
    assert third == f"Source: {term.sources[0]}."


def test_glossary_citation_lists_every_source_and_does_not_credit_the_publisher_with_the_words(report):
    from reader.citation import format_term_citation
    from reader.glossary import load_glossary

    glossary = load_glossary(report)
    term = glossary.term("icj")
    text = format_term_citation(report, term, glossary.as_of)
    assert text.startswith("ICJ (International Court of Justice): “")
    (_, credit, _) = text.split("\n")
    assert credit == (
        "— Entry “ICJ” of the Field Reader glossary to “Israel and the Occupied Palestinian Territory”, facts as of "
        f"{glossary.as_of}. The glossary is not part of the report (Amnesty International, edition of 2025-02-11)."
    )
    assert text.endswith("Sources: " + "; ".join(term.sources) + ".")


def test_glossary_citation_without_sources_or_date_says_only_what_it_knows(report):
    import dataclasses

    from reader.citation import format_term_citation
    from reader.glossary import load_glossary

    term = dataclasses.replace(load_glossary(report).term("icj"), sources=())
    text = format_term_citation(report, term, None)
    assert "Source" not in text and "as of" not in text
    assert text.splitlines()[-1] == (
        "— Entry “ICJ” of the Field Reader glossary to “Israel and the Occupied Palestinian Territory”. "
        "The glossary is not part of the report (Amnesty International, edition of 2025-02-11)."
    )
