"""Full-text search: schema, documents, building, opening, querying (may import the report and note values)."""
