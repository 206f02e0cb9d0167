"""Materialise the derived relations (accuses, accusedOf, …) and part-of/located-in containment.

The rules are SPARQL CONSTRUCT queries in `rules/*.rq`, one per relation, each stating in SPARQL what the
matching OWL axiom in `data/conflictkg.ttl` says (plus the speaker fallback of deniesInvolvementIn, which
OWL cannot say). A full OWL-RL closure (owlrl) would compute the same relations but takes seconds per
10k triples; the rules run on an in-memory Oxigraph store, which keeps 100k triples well under a second
or two. The test suite checks the rules against owlrl's closure.
"""
from __future__ import annotations

from functools import lru_cache

import pyoxigraph as ox
from rdflib import Graph

from ontology.loader import ontology_path, rule_names
from ontology.oxterms import from_ox, to_ox


@lru_cache(maxsize=1)
def rule_queries() -> dict[str, str]:
    """Rule name (the derived property's local name) -> SPARQL CONSTRUCT text, e.g. for another store."""
    return {name.removesuffix(".rq"): ontology_path(name).read_text(encoding="utf-8") for name in rule_names()}


def derive(graph: Graph, rules: list[str] | None = None) -> Graph:
    """Return the triples the rules derive from `graph` that it does not already contain.

    Only the named `rules` run when given (names as in `rule_queries()`). The input is not modified; the
    result is meant for the `res:graph/inferred` named graph, apart from asserted facts.
    """
    queries = rule_queries()
    selected = list(queries) if rules is None else rules
    store = ox.Store()
    store.bulk_extend(ox.Quad(to_ox(s), to_ox(p), to_ox(o)) for s, p, o in graph)
    derived = Graph()
    derived.bind("ckg", "https://w3id.org/conflictkg/ontology#")
    for name in selected:
        for triple in store.query(queries[name]):
            rdf_triple = (from_ox(triple.subject), from_ox(triple.predicate), from_ox(triple.object))
            if rdf_triple not in graph:
                derived.add(rdf_triple)
    return derived
