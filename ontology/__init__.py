"""ConflictKG ontology: vocabulary, reference entities, shapes, reasoning and consistency checks."""
from __future__ import annotations

from ontology.vocab import CKG, RES, resource_iri

__all__ = ["CKG", "RES", "resource_iri"]
