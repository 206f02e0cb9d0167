"""Undated events for tests: every event of the query fixture is dated."""
from __future__ import annotations

from queries.store import Store


def add_undated_events(store: Store, n: int = 5) -> list[str]:
    """Add `n` undated drone attacks and a claim of each (every event of the fixture is dated); their IRIs."""
    import rdflib

    from ontology.vocab import CKG, RES
    from queries.store import doc_graph

    g = rdflib.Graph()
    events = []
    for i in range(n):
        attack, claim = RES[f"event/u{i}a"], RES[f"event/u{i}c"]
        g.add((attack, rdflib.RDF.type, CKG.DroneAttack))
        g.add((claim, rdflib.RDF.type, CKG.ClaimOfResponsibility))
        g.add((claim, CKG.speaker, RES["entity/kataib-hezbollah"]))
        g.add((claim, CKG.about, attack))
        events += [str(attack), str(claim)]
    store.replace_graph(doc_graph("undated"), g)
    return events
