"""The SPARQL rules derive what the OWL axioms entail: checked against owlrl's OWL-RL closure and HermiT."""
from __future__ import annotations

import random
import shutil
import time

import owlrl
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF

from ontology.consistency import reasoned_world
from ontology.loader import ontology_graph
from ontology.reason import derive, rule_queries
from ontology.vocab import CKG, RES

CHAINED = ["accuses", "accusedOf", "claimsResponsibilityFor", "deniesInvolvementIn", "condemns", "threatens"]
CONTAINMENT = ["partOf", "locatedIn"]
ACCUSING = {CKG.Accusation, CKG.Denial, CKG.Threat}
STATEMENT_TYPES = [CKG.Accusation, CKG.Denial, CKG.ClaimOfResponsibility, CKG.Condemnation, CKG.Threat]


def random_graph(seed: int, statements: int) -> Graph:
    """Statements of every type, some without an accused party, about attacks; a place hierarchy."""
    rng = random.Random(seed)
    graph = Graph()
    actors = [RES[f"entity/actor{i}"] for i in range(8)]
    for actor in actors:
        graph.add((actor, RDF.type, CKG.ArmedGroup))
    attacks = [RES[f"event/attack{i}"] for i in range(6)]
    for attack in attacks:
        graph.add((attack, RDF.type, CKG.RocketAttack))
    for number in range(statements):
        statement = RES[f"event/statement{number}"]
        graph.add((statement, RDF.type, rng.choice(STATEMENT_TYPES)))
        graph.add((statement, CKG.speaker, rng.choice(actors)))
        graph.add((statement, CKG.about, rng.choice(attacks)))
        if graph.value(statement, RDF.type) in ACCUSING and rng.random() < 0.7:
            graph.add((statement, CKG.accused, rng.choice(actors)))
    places = [RES[f"entity/place{i}"] for i in range(12)]
    for index, place in enumerate(places):
        graph.add((place, RDF.type, CKG.Place))
        if index:
            link = CKG.partOf if rng.random() < 0.5 else CKG.locatedIn
            graph.add((place, link, places[rng.randrange(index)]))
    graph.add((actors[0], CKG.locatedIn, places[5]))
    return graph


def fallback_denials(graph: Graph) -> set[tuple[URIRef, URIRef]]:
    """(speaker, attack) of denials that name no accused party: the half of the rule OWL cannot state."""
    return {
        (graph.value(s, CKG.speaker), graph.value(s, CKG.about))
        for s in graph.subjects(RDF.type, CKG.Denial)
        if graph.value(s, CKG.accused) is None
    }


def pairs(graph: Graph, name: str) -> set[tuple[URIRef, URIRef]]:
    return set(graph.subject_objects(CKG[name]))


def test_every_rule_file_is_a_construct_of_its_relation() -> None:
    assert set(rule_queries()) == set(CHAINED + CONTAINMENT)
    for name, query in rule_queries().items():
        assert "CONSTRUCT { ?" in query and f"ckg:{name} ?" in query, name


def test_sample_derivations(sample: Graph) -> None:
    derived = derive(sample)
    assert pairs(derived, "accuses") == {(RES["entity/us"], RES["entity/kh"])}
    assert pairs(derived, "threatens") == {(RES["entity/us"], RES["entity/iran"])}
    assert pairs(derived, "deniesInvolvementIn") == {
        (RES["entity/kh"], RES["event/a1"]),
        (RES["entity/iran"], RES["event/a1"]),
    }
    assert (RES["entity/us-embassy"], CKG.locatedIn, RES["entity/iraq"]) in derived
    assert (RES["entity/ain-al-asad"], CKG.locatedIn, RES["entity/iraq-territory"]) in derived
    assert not set(derived) & set(sample), "only new triples are returned"


@pytest.mark.parametrize("seed", [1, 2])
def test_rules_match_owlrl_closure(seed: int) -> None:
    data = random_graph(seed, statements=40)
    closure = ontology_graph() + data
    owlrl.DeductiveClosure(owlrl.OWLRL_Extension, improved_datatypes=False).expand(closure)
    ruled = data + derive(data)
    for name in CHAINED + CONTAINMENT:
        expected = pairs(closure, name)
        if name == "deniesInvolvementIn":
            expected |= fallback_denials(data)
        assert pairs(ruled, name) == expected, name
    assert pairs(ruled, "accuses"), "the random graph exercises the rules"


@pytest.mark.skipif(shutil.which("java") is None, reason="HermiT needs Java (apt-get install default-jre-headless)")
def test_rules_match_hermit_property_chains() -> None:
    data = random_graph(3, statements=25)
    ruled = data + derive(data)
    with reasoned_world(ontology_graph() + data, infer_property_values=True) as world:
        for name in CHAINED:
            entailed = {(URIRef(a.iri), URIRef(b.iri)) for a, b in world[str(CKG[name])].get_relations()}
            if name == "deniesInvolvementIn":
                entailed |= fallback_denials(data)
            assert pairs(ruled, name) == entailed, name
    assert pairs(ruled, "claimsResponsibilityFor"), "the random graph exercises the rules"


def test_derive_is_fast_on_100k_triples() -> None:
    rng = random.Random(7)
    graph = Graph()
    actors = [RES[f"entity/a{i}"] for i in range(500)]
    number = 0
    while len(graph) < 100_000:
        statement, attack = RES[f"event/s{number}"], RES[f"event/x{number}"]
        number += 1
        graph.add((attack, RDF.type, CKG.RocketAttack))
        graph.add((statement, RDF.type, rng.choice(STATEMENT_TYPES)))
        graph.add((statement, CKG.speaker, rng.choice(actors)))
        graph.add((statement, CKG.about, attack))
        if graph.value(statement, RDF.type) in ACCUSING:
            graph.add((statement, CKG.accused, rng.choice(actors)))
        graph.add((statement, CKG.evidenceText, Literal("نص", lang="ar")))
    started = time.monotonic()
    derived = derive(graph)
    assert time.monotonic() - started < 10
    assert len(derived) > 10_000


@pytest.mark.parametrize("name", CHAINED + CONTAINMENT)
def test_rules_give_the_same_answer_in_rdflib(name: str) -> None:
    # Other modules run the .rq files with rdflib's SPARQL engine; it must agree with Oxigraph.
    data = random_graph(4, statements=30)
    with_rdflib = set(data.query(rule_queries()[name]))
    with_oxigraph = set(derive(data, [name])) | {t for t in data if t[1] == CKG[name]}
    assert with_rdflib == with_oxigraph
    assert with_rdflib
