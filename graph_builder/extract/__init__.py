"""Extractors: each reads the Document and adds one layer (mentions, attacks, statements, dates)."""
