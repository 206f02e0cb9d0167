"""vocab.py's IRIs: unknown terms fail loudly and minted resource IRIs are stable."""
from __future__ import annotations

import pytest

from ontology.vocab import CKG, RES, resource_iri


def test_unknown_term_is_an_error() -> None:
    with pytest.raises(AttributeError):
        _ = CKG.Acusation


def test_resource_iri_is_readable_for_ascii_and_hashed_for_arabic() -> None:
    assert resource_iri("entity", "iran") == RES["entity/iran"]
    arabic = resource_iri("entity", "كتائب حزب الله")
    assert arabic == resource_iri("entity", "كتائب حزب الله")
    assert str(arabic).startswith(str(RES) + "entity/h")
