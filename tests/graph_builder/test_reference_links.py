"""The builder writes the reference links of the entities it writes (graph_builder/rdf.py), and their targets."""
from __future__ import annotations

from rdflib import RDF, RDFS, Graph, URIRef

from graph_builder.rdf import doc_iri, document_graph
from ontology.vocab import CKG, resource_iri
from tests.graph_builder.helpers import process


def _is_link_target(g: Graph, node: URIRef) -> bool:
    """Typed and labelled in Arabic like any written entity, but not mentioned by the document."""
    return (g.value(node, RDF.type) is not None and any(lbl.language == "ar" for lbl in g.objects(node, RDFS.label))
            and g.value(node, CKG.mentionedIn) is None)


def test_a_ministers_chain_up_to_his_state_is_written_without_mentions() -> None:
    """Only Zarif is named; his ministry, its government and Iran come from the reference data, so the
    contested query can tell that he speaks for Iran."""
    g = document_graph(process("وقال محمد جواد ظريف إن الطقس حار."))
    zarif, ministry, government, iran = (resource_iri("entity", k) for k in (
        "mohammad_javad_zarif", "iran_mofa", "iranian_government", "iran"))
    assert (zarif, CKG.mentionedIn, doc_iri("t")) in g
    assert {(zarif, CKG.officialOf, ministry), (ministry, CKG.partOf, government),
            (government, CKG.officialOf, iran)} <= set(g)
    assert all(_is_link_target(g, node) for node in (ministry, government, iran))


def test_a_factions_memberships_are_written() -> None:
    g = document_graph(process("وقالت كتائب حزب الله إن الطقس حار."))
    kataib = resource_iri("entity", "kataib_hezbollah")
    groups = set(g.objects(kataib, CKG.memberOf))
    assert groups == {resource_iri("entity", "pmf"), resource_iri("entity", "islamic_resistance_in_iraq")}
    assert all(_is_link_target(g, group) for group in groups)
