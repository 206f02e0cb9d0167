"""Reads Arabic news documents and builds the ConflictKG RDF graph."""
