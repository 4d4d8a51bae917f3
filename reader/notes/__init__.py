"""Highlights and notes: values, store, anchoring, W3C files, handouts (may import the report; never search or ui)."""
