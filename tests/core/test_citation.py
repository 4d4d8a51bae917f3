"""Copy with citation names title, section, paragraph, publisher and edition."""

from reader.citation import format_citation


def test_citation_names_everything_a_reader_needs(report):
    paragraph = report.paragraph("red-wolf-p2")
    text = format_citation(report, "a facial recognition system called Red Wolf", paragraph)
    assert text.startswith("“a facial recognition system called Red Wolf”")
    for part in (report.manifest.title, "Automated Apartheid", "¶2", "Amnesty International", "2025-02-11"):
        assert part in text
