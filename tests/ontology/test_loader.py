"""The loader hands out independent copies of the packaged graphs."""
from __future__ import annotations

from rdflib import URIRef
from rdflib.namespace import OWL, RDF

from ontology.loader import entities_graph, ontology_graph, ontology_path, tbox_graph
from ontology.vocab import CKG, ONTOLOGY_IRI


def test_ontology_graph_holds_the_ontology_header() -> None:
    assert (URIRef(ONTOLOGY_IRI), RDF.type, OWL.Ontology) in ontology_graph()


def test_returned_graphs_are_copies() -> None:
    first = ontology_graph()
    first.remove((None, None, None))
    assert len(first) == 0
    assert len(ontology_graph()) > 500


def test_prefixes_survive_the_copy() -> None:
    assert ("ckg", URIRef(str(CKG))) in set(ontology_graph().namespaces())


def test_tbox_includes_entities_when_present() -> None:
    assert len(tbox_graph()) == len(ontology_graph() + entities_graph())
    assert len(tbox_graph(with_entities=False)) == len(ontology_graph())


def test_paths_point_into_the_package() -> None:
    assert ontology_path("conflictkg.ttl").is_file()
    assert ontology_path("accuses.rq").name == "accuses.rq"
    assert ontology_path("accuses.rq").parent.name == "rules"
