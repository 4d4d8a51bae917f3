"""Full-text search over report, glossary and notes (may import the report modules and note values; never cli, ui)."""
