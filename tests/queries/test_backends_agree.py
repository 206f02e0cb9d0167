"""One source of truth: every catalog query gives the same rows (as a multiset) from the embedded store, the
graph file and a served endpoint, on the built corpus and on the dated fixture.

The store holds one named graph per document and the file one flat graph, so a query that forgets DISTINCT
where a label repeats per document graph (accusation-network gave 267 rows from the store, 4 from the file)
fails here.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
import rdflib

from queries.catalog import list_queries, run_query
from queries.server import start_server
from queries.source import Source, open_source
from queries.store import Store, load_file, open_store

pytestmark = pytest.mark.server
FIXTURE = Path(__file__).parent / "data" / "fixture.trig"
MOST_DISCUSSED = """
PREFIX ckg: <https://w3id.org/conflictkg/ontology#>
SELECT ?attack (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s ckg:about ?attack } GROUP BY ?attack ORDER BY DESC(?n) ?attack
LIMIT 1"""
A_STATEMENT = """PREFIX ckg: <https://w3id.org/conflictkg/ontology#>
SELECT ?s WHERE { ?s ckg:evidence ?e } ORDER BY ?s LIMIT 1"""


def _params(store: Store, dated: bool) -> dict[str, dict[str, str]]:
    """Parameters that make each parameterised query return rows on this data."""
    attack = str(store.query(MOST_DISCUSSED).rows[0][0])
    statement = str(store.query(A_STATEMENT).rows[0][0])
    return {
        "attack-dossier": {"attack": attack}, "attack-facts": {"attack": attack},
        "actor-profile": {"actor": "إيران" if not dated else "كتائب حزب الله"},
        "attacks-by-target": {"target": "US Embassy in Baghdad" if not dated else "Ain al-Asad Air Base"},
        "officials-of": {"state": "الولايات المتحدة"},
        "evidence": {"node": statement},
        "timeline": {"from": "2020-01-01", "to": "2020-12-31"} if dated else {},
    }


def _backends(tmp: Path, dataset: rdflib.Dataset) -> Iterator[tuple[str, Store]]:
    """(name, store) for the embedded store, the flat graph file and an Oxigraph server over the store."""
    location = tmp / "store"
    store = open_store(str(location))
    for graph in dataset.graphs():
        if len(graph):
            store.replace_graph(graph.identifier, graph)
    store.close()
    flat = tmp / "graph.ttl"
    union = rdflib.Graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        union.add((s, p, o))
    union.serialize(flat, format="turtle")
    embedded = open_source(Source("store", str(location)))
    yield "store", embedded
    file_store = open_source(Source("file", str(flat)))
    yield "file", file_store
    embedded.close()
    server = start_server(location, read_only=True)
    try:
        yield "server", open_source(Source("endpoint", server.url + "/query"))
    finally:
        server.stop()
        file_store.close()


def _rows(store: Store, name: str, params: dict[str, str]) -> Counter[tuple[str, ...]]:
    query = next(q for q in list_queries() if q.name == name)
    if any(p.name == "limit" for p in query.parameters):
        params = {**params, "limit": "0"}
    result = run_query(store, name, params)
    return Counter(tuple("" if t is None else f"{t!r}" for t in row) for row in result.rows)


def _dataset(which: str, seed_build) -> rdflib.Dataset:
    if which == "corpus":
        return seed_build.dataset
    ds = rdflib.Dataset()
    ds.parse(FIXTURE, format="trig")
    return ds


@pytest.mark.slow
@pytest.mark.parametrize("which", ["corpus", "fixture"])
def test_every_catalog_query_gives_the_same_rows_on_every_backend(which: str, seed_build, tmp_path: Path) -> None:
    results: dict[str, dict[str, Counter[tuple[str, ...]]]] = {}
    params: dict[str, dict[str, str]] = {}
    for backend, store in _backends(tmp_path, _dataset(which, seed_build)):
        params = params or _params(store, dated=which == "fixture")
        results[backend] = {q.name: _rows(store, q.name, params.get(q.name, {})) for q in list_queries()}
    for name, rows in results["store"].items():
        assert rows == results["file"][name], f"{which}: {name} store vs file"
        assert rows == results["server"][name], f"{which}: {name} store vs server"
    assert sum(results["store"]["accusation-network"].values()) == len(results["store"]["accusation-network"])
    nonempty = {name for name, rows in results["store"].items() if rows}
    expected = {q.name for q in list_queries()} - ({"timeline"} if which == "corpus" else {"undated"})
    assert nonempty == expected, f"{which}: queries without rows: {expected - nonempty}"


def test_accusation_network_rows_are_pairs_on_the_corpus_store(seed_build, tmp_path: Path) -> None:
    """The reported bug: one row per (accuser, accused) pair, however many documents repeat the labels."""
    location = tmp_path / "s"
    store = open_store(str(location))
    for graph in seed_build.dataset.graphs():
        if len(graph):
            store.replace_graph(graph.identifier, graph)
    try:
        result = run_query(store, "accusation-network", {"limit": "0"})
        pairs = [(r[result.vars.index("accuser")], r[result.vars.index("accused")]) for r in result.rows]
        assert pairs and len(pairs) == len(set(pairs))
    finally:
        store.close()


def test_a_trig_file_and_its_store_agree(tmp_path: Path) -> None:
    mem = open_store(None)
    load_file(mem, FIXTURE)
    from_file = open_source(Source("file", str(FIXTURE)))
    try:
        for q in list_queries():
            if all(p.optional for p in q.parameters):
                assert _rows(mem, q.name, {}) == _rows(from_file, q.name, {}), q.name
    finally:
        mem.close()
        from_file.close()
