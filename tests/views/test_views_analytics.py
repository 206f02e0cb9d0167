"""Accusation-network analytics on the hand-written fixture (expected values counted by hand)."""
from __future__ import annotations

from rdflib import Graph

from queries import analytics
from queries.render_model import build_model

E = "https://w3id.org/conflictkg/resource/entity/"


def test_accusation_network_edges_and_weights(fixture_graph: Graph) -> None:
    net = analytics.accusation_network(fixture_graph)
    assert set(net.edges) == {
        (E + "pompeo", E + "iran"), (E + "pompeo", E + "kataib_hezbollah"), (E + "usa", E + "iran"),
        (E + "iraq", E + "h6f1c0ffee0000001"), (E + "h6f1c0ffee0000001", E + "usa"),
    }
    assert all(w == 1 for *_, w in net.edges(data="weight"))
    assert net.nodes[E + "iran"]["label"] == "إيران"


def test_most_accused_counts_statements(fixture_graph: Graph) -> None:
    top = analytics.most_accused(fixture_graph, n=2)
    assert [(r.label_en, r.score) for r in top] == [("Iran", 2.0), ("Kataib Hezbollah", 1.0)]


def test_centrality_ranks_accused_and_accusers(fixture_graph: Graph) -> None:
    cent = analytics.centrality(fixture_graph, n=1)
    assert cent["in_degree"][0].label_en == "Iran"
    assert cent["out_degree"][0].label_en == "Mike Pompeo"
    assert {r.label_en for r in analytics.centrality(fixture_graph)["betweenness"] if r.score > 0} == {
        "United States", ""}


def test_communities_partition_the_accusation_network(fixture_graph: Graph) -> None:
    groups = analytics.communities(fixture_graph)
    members = [r.iri for group in groups for r in group]
    assert sorted(members) == sorted(analytics.accusation_network(fixture_graph).nodes)
    assert analytics.communities(fixture_graph) == groups  # seeded: stable between runs


def test_node_weights_favour_the_accused(fixture_graph: Graph) -> None:
    weights = analytics.node_weights(build_model(fixture_graph))
    assert weights[E + "iran"] > weights[E + "mousavi"] > weights[E + "reuters"] == 0


def test_empty_graph_has_empty_statistics() -> None:
    summary = analytics.summary(Graph())
    assert summary == {"actors": 0, "accusations": 0, "most_accused": [],
                       "centrality": {"in_degree": [], "out_degree": [], "betweenness": []}, "communities": []}
