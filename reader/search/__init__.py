"""Full-text search over the report, its glossary and the reader's notes (see docs/search.md for its layers)."""
