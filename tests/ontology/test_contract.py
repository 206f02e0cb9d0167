"""The Turtle ontology declares every contract term with labels in both languages, and nothing else."""
from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS

from ontology.loader import ontology_graph, ontology_path
from ontology.vocab import CKG, ONTOLOGY_IRI

CONTRACT_CLASSES = {
    "Actor": None, "State": "Actor", "ArmedGroup": "Actor", "Organization": "Actor",
    "MediaOutlet": "Organization", "Person": "Actor", "Place": None, "Facility": "Place",
    "MilitaryBase": "Facility", "Embassy": "Facility", "Event": None, "Attack": "Event",
    "RocketAttack": "Attack", "DroneAttack": "Attack", "BombingAttack": "Attack", "Airstrike": "Attack",
    "StormingAttack": "Attack", "Statement": "Event", "Accusation": "Statement", "Denial": "Statement",
    "ClaimOfResponsibility": "Statement", "Condemnation": "Statement", "Threat": "Statement",
    "Document": None, "AttackStatus": None,
}
CONTRACT_PROPERTIES = [
    "mentionedIn", "reportedIn", "target", "perpetrator", "date", "projectileCount", "status", "speaker",
    "accused", "about", "accuses", "accusedOf", "claimsResponsibilityFor", "deniesInvolvementIn",
    "condemns", "threatens",
]
STATUSES = ["CarriedOut", "Foiled", "Planned"]
DECLARATION_TYPES = {
    OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty, OWL.NamedIndividual,
}


@pytest.fixture(scope="module")
def onto() -> Graph:
    return ontology_graph()


def _ckg_terms(graph: Graph) -> set[str]:
    return {
        str(s) for s, o in graph.subject_objects(RDF.type)
        if o in DECLARATION_TYPES and isinstance(s, URIRef) and str(s).startswith(str(CKG))
    }


def _languages(graph: Graph, term: URIRef) -> set[str | None]:
    return {label.language for label in graph.objects(term, RDFS.label) if isinstance(label, Literal)}


def test_vocab_and_turtle_declare_the_same_terms(onto: Graph) -> None:
    vocab = {str(CKG) + name for name in CKG.__annotations__}
    assert _ckg_terms(onto) == vocab


@pytest.mark.parametrize("name", [*CONTRACT_CLASSES, *CONTRACT_PROPERTIES, *STATUSES])
def test_contract_term_is_declared_with_both_labels(onto: Graph, name: str) -> None:
    term = CKG[name]
    assert set(onto.objects(term, RDF.type)) & DECLARATION_TYPES
    assert {"en", "ar"} <= _languages(onto, term)


def test_every_ckg_term_has_labels_and_comment(onto: Graph) -> None:
    for term in map(URIRef, _ckg_terms(onto)):
        assert {"en", "ar"} <= _languages(onto, term), term
        assert any(c.language == "en" for c in onto.objects(term, RDFS.comment)), term


@pytest.mark.parametrize(("name", "parent"), [(n, p) for n, p in CONTRACT_CLASSES.items() if p])
def test_class_tree_follows_the_contract(onto: Graph, name: str, parent: str) -> None:
    assert (CKG[name], RDFS.subClassOf, CKG[parent]) in onto


def test_statuses_are_attack_status_individuals(onto: Graph) -> None:
    for name in STATUSES:
        assert (CKG[name], RDF.type, CKG.AttackStatus) in onto


def test_every_property_has_domain_and_range(onto: Graph) -> None:
    properties = set(onto.subjects(RDF.type, OWL.ObjectProperty)) | set(
        onto.subjects(RDF.type, OWL.DatatypeProperty)
    )
    assert {CKG[name] for name in CONTRACT_PROPERTIES} <= properties
    for prop in properties:
        assert onto.value(prop, RDFS.domain) is not None, prop
        assert onto.value(prop, RDFS.range) is not None, prop


def test_union_domains_where_the_contract_says_actor_or_place(onto: Graph) -> None:
    for prop, axis in ((CKG.mentionedIn, RDFS.domain), (CKG.target, RDFS.range)):
        union = onto.value(onto.value(prop, axis), OWL.unionOf)
        assert set(onto.items(union)) == {CKG.Actor, CKG.Place}


def test_derived_relations_are_property_chains(onto: Graph) -> None:
    for name in ("accuses", "accusedOf", "claimsResponsibilityFor", "deniesInvolvementIn", "condemns",
                 "threatens"):
        assert onto.value(CKG[name], OWL.propertyChainAxiom) is not None, name
    assert (CKG.partOf, RDF.type, OWL.TransitiveProperty) in onto


def test_ontology_header_has_version(onto: Graph) -> None:
    """One owl:versionInfo, a MAJOR.MINOR.PATCH string a consumer can compare (not just any value)."""
    versions = list(onto.objects(URIRef(ONTOLOGY_IRI), OWL.versionInfo))
    assert len(versions) == 1 and re.fullmatch(r"\d+\.\d+\.\d+", str(versions[0])), versions


@pytest.mark.skipif(shutil.which("rapper") is None, reason="raptor2-utils not installed")
@pytest.mark.parametrize("name", ["conflictkg.ttl", "shapes.ttl", "alignments.ttl"])
def test_rapper_parses_the_turtle(name: str) -> None:
    path = ontology_path(name)
    result = subprocess.run(["rapper", "-i", "turtle", "-c", str(path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    expected = len(Graph().parse(data=path.read_text(encoding="utf-8"), format="turtle"))
    assert f"returned {expected} triples" in result.stderr
