"""Alignments and crosswalks: only existing ckg terms, every type mapped, consistent with the ontology."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import RDF, SKOS

from ontology.consistency import check_consistency
from ontology.loader import alignments_graph, ontology_graph
from ontology.vocab import CKG

MAPPINGS = (SKOS.closeMatch, SKOS.broadMatch, SKOS.narrowMatch, SKOS.relatedMatch)
CAMEO = "https://w3id.org/conflictkg/crosswalk/cameo/"
CROSSWALKS_MD = Path(__file__).resolve().parents[2] / "docs" / "crosswalks.md"
TYPES = ["Attack", "RocketAttack", "DroneAttack", "BombingAttack", "Airstrike", "StormingAttack", "Statement",
         "Accusation", "Denial", "ClaimOfResponsibility", "Condemnation", "Threat"]


@pytest.fixture(scope="module")
def alignments() -> Graph:
    return alignments_graph()


def test_only_declared_ckg_terms_are_used(alignments: Graph) -> None:
    declared = set(ontology_graph().subjects())
    used = {term for triple in alignments for term in triple
            if isinstance(term, URIRef) and str(term).startswith(str(CKG))}
    assert used
    assert used <= declared


@pytest.mark.parametrize("name", TYPES)
def test_every_type_is_in_a_scheme_with_a_cameo_mapping(alignments: Graph, name: str) -> None:
    term = CKG[name]
    assert alignments.value(term, SKOS.inScheme) is not None
    targets = {o for p in MAPPINGS for o in alignments.objects(term, p)}
    assert any(str(target).startswith(CAMEO) for target in targets)


def test_every_mapping_target_is_a_labelled_concept(alignments: Graph) -> None:
    targets = {o for p in MAPPINGS for o in alignments.objects(None, p)}
    for target in targets:
        assert (target, RDF.type, SKOS.Concept) in alignments, target
        assert alignments.value(target, SKOS.prefLabel) is not None, target


def test_crosswalk_doc_lists_every_cameo_code(alignments: Graph) -> None:
    text = CROSSWALKS_MD.read_text(encoding="utf-8")
    codes = {str(n) for c in alignments.subjects(RDF.type, SKOS.Concept) if str(c).startswith(CAMEO)
             for n in alignments.objects(c, SKOS.notation)}
    assert codes
    for code in codes:
        assert f" {code}" in text, code


@pytest.mark.skipif(shutil.which("java") is None, reason="HermiT needs Java (apt-get install default-jre-headless)")
def test_alignments_keep_the_data_consistent(alignments: Graph, sample: Graph) -> None:
    report = check_consistency(alignments + sample)
    assert report.consistent, str(report)
