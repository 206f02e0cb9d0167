"""Shared fixtures for the explorer and analytics tests: the hand-written graph and a synthetic big one."""
from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, Graph, Literal

from ontology.vocab import CKG, resource_iri

HERE = Path(__file__).parent
FIXTURE = HERE / "fixture.ttl"
REPO = HERE.parents[1]
SCREENSHOTS = REPO / "build" / "screenshots"
XSS_LABEL = "<img src=x onerror=alert(1)>"


@pytest.fixture(scope="session")
def fixture_graph() -> Graph:
    return Graph().parse(FIXTURE)


def synthetic_graph(n_nodes: int, seed: int = 0) -> Graph:
    """A graph with exactly `n_nodes` drawable nodes (actors, places, attacks) and ~2 statements per attack."""
    rng = random.Random(seed)
    g = Graph()
    n_attacks, n_places = n_nodes // 3, n_nodes // 10
    kinds = (CKG.State, CKG.ArmedGroup, CKG.Person, CKG.Organization)
    actors = [resource_iri("entity", f"actor{i}") for i in range(n_nodes - n_attacks - n_places)]
    places = [resource_iri("entity", f"place{i}") for i in range(n_places)]
    doc = resource_iri("doc", "synthetic")
    for i, actor in enumerate(actors):
        g.add((actor, RDF.type, kinds[i % len(kinds)]))
        g.add((actor, RDFS.label, Literal(f"فاعل {i}", lang="ar")))
        g.add((actor, RDFS.label, Literal(f"Actor {i}", lang="en")))
        g.add((actor, CKG.mentionedIn, doc))
    for i, place in enumerate(places):
        g.add((place, RDF.type, CKG.MilitaryBase if i % 3 else CKG.Place))
        g.add((place, RDFS.label, Literal(f"موقع {i}", lang="ar")))
        g.add((place, CKG.mentionedIn, doc))
    attack_types = (CKG.RocketAttack, CKG.DroneAttack, CKG.BombingAttack)
    for i in range(n_attacks):
        attack = resource_iri("event", f"attack{i}")
        g.add((attack, RDF.type, attack_types[i % 3]))
        g.add((attack, CKG.target, rng.choice(places)))
        day = date(2019, 1, 1) + timedelta(days=rng.randrange(1500))
        g.add((attack, CKG.date, Literal(day)))
        for j, cls in enumerate((CKG.Accusation, rng.choice((CKG.ClaimOfResponsibility, CKG.Denial)))):
            statement = resource_iri("event", f"s{i}-{j}")
            g.add((statement, RDF.type, cls))
            g.add((statement, CKG.speaker, rng.choice(actors)))
            g.add((statement, CKG.accused, rng.choice(actors)))
            g.add((statement, CKG.about, attack))
    return g


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    # imported here so a machine without websocket-client still runs the non-browser tests
    from browser_cdp import CHROMIUM, Browser

    if not CHROMIUM.exists():
        pytest.skip("needs Debian's chromium at /usr/bin/chromium (apt-get install chromium)")
    b = Browser()
    yield b
    b.close()
