"""Who blames whom: networkx analytics over the accusation network.

Used by `conflictkg stats` and by the renderer to size nodes, so the most-accused actors stand out in the
picture. Works from the asserted statements (see `render_model`), so no reasoner has to run first.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass

import networkx as nx
from rdflib import Graph

from queries.render_model import Model, build_model


@dataclass(frozen=True)
class Ranked:
    """An actor with a score, ready for a table or JSON."""

    iri: str
    label: str
    label_en: str
    score: float

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


def _model(source: Graph | Model) -> Model:
    return source if isinstance(source, Model) else build_model(source)


def accusation_network(source: Graph | Model) -> nx.DiGraph:
    """Directed accuser → accused graph; `weight` counts the distinct statements behind each edge."""
    model = _model(source)
    net = nx.DiGraph()
    for edge in model.edges.values():
        if edge.rel != "accuses":
            continue
        for iri in (edge.src, edge.dst):
            node = model.nodes[iri]
            net.add_node(iri, label=node.label_ar or node.label_en, label_en=node.label_en,
                         category=node.category)
        net.add_edge(edge.src, edge.dst, weight=max(1, len(edge.statements)), rel="accuses")
    return net


def times_accused(source: Graph | Model) -> Counter[str]:
    """Distinct accusation statements naming each actor (materialised-only edges count once)."""
    counts: Counter[str] = Counter()
    for edge in _model(source).edges.values():
        if edge.rel == "accuses":
            counts[edge.dst] += max(1, len(edge.statements))
    return counts


def _ranked(model: Model, scores: dict[str, float], n: int) -> list[Ranked]:
    top = sorted(scores.items(), key=lambda kv: (-kv[1], model.nodes[kv[0]].label_en or kv[0]))[:n]
    return [Ranked(iri, model.nodes[iri].label_ar or model.nodes[iri].label_en, model.nodes[iri].label_en,
                   round(float(score), 4)) for iri, score in top]


def most_accused(source: Graph | Model, n: int = 10) -> list[Ranked]:
    """The n actors named as accused by the most statements."""
    model = _model(source)
    return _ranked(model, dict(times_accused(model)), n)


def centrality(source: Graph | Model, n: int = 10) -> dict[str, list[Ranked]]:
    """Top actors by in-degree, out-degree and betweenness centrality of the accusation network."""
    model = _model(source)
    net = accusation_network(model)
    if net.number_of_nodes() == 0:
        return {"in_degree": [], "out_degree": [], "betweenness": []}
    return {
        "in_degree": _ranked(model, nx.in_degree_centrality(net), n),
        "out_degree": _ranked(model, nx.out_degree_centrality(net), n),
        "betweenness": _ranked(model, nx.betweenness_centrality(net, weight=None), n),
    }


def communities(source: Graph | Model) -> list[list[Ranked]]:
    """Louvain communities (fixed seed, so runs agree) of the undirected accusation network, largest first."""
    model = _model(source)
    net = accusation_network(model)
    if net.number_of_edges() == 0:
        return []
    accused = times_accused(model)
    groups = nx.community.louvain_communities(net.to_undirected(), weight="weight", seed=0)
    ranked = [_ranked(model, {iri: float(accused[iri]) for iri in group}, len(group)) for group in groups]
    return sorted(ranked, key=lambda g: (-len(g), g[0].label_en or g[0].iri))


def node_weights(model: Model) -> dict[str, float]:
    """Size driver for the renderer: times accused counts double, plus degree in the drawn model."""
    degree: Counter[str] = Counter()
    for edge in model.edges.values():
        degree[edge.src] += 1
        degree[edge.dst] += 1
    accused = times_accused(model)
    return {iri: 2.0 * accused[iri] + degree[iri] for iri in model.nodes}


def summary(source: Graph | Model, n: int = 10) -> dict[str, object]:
    """All statistics at once, as plain data for `conflictkg stats --json`."""
    model = _model(source)
    net = accusation_network(model)
    return {
        "actors": net.number_of_nodes(),
        "accusations": net.number_of_edges(),
        "most_accused": [r.as_dict() for r in most_accused(model, n)],
        "centrality": {k: [r.as_dict() for r in v] for k, v in centrality(model, n).items()},
        "communities": [[r.as_dict() for r in group] for group in communities(model)],
    }
