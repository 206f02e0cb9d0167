"""HermiT (through owlready2) finds the ontology plus the seed graph consistent."""
from __future__ import annotations

import shutil

import pytest
from rdflib import Graph

from ontology.consistency import check_consistency


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("java") is None, reason="HermiT needs Java (default-jre-headless)")
def test_seed_graph_is_consistent_with_the_ontology(seed_graph: Graph) -> None:
    report = check_consistency(seed_graph)
    assert report.consistent, str(report)
