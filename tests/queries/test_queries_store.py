"""Store backends: memory and disk behave alike, graph swaps are atomic and idempotent, kills lose nothing."""
from __future__ import annotations

import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
import rdflib
from rdflib import Literal, URIRef
from rdflib.compare import isomorphic

from ontology.vocab import CKG
from queries.store import StoreError, doc_graph, load_file, open_store
from queries.stores.oxigraph import TMP_GRAPH_PREFIX

FIXTURE = Path(__file__).parent / "data" / "fixture.trig"
D1 = doc_graph("d1")


def fixture_graph(name: URIRef) -> rdflib.Graph:
    ds = rdflib.Dataset()
    ds.parse(FIXTURE, format="trig")
    out = rdflib.Graph()
    for t in ds.graph(name):
        out.add(t)
    return out


def graph_of(store, name: URIRef) -> rdflib.Graph:
    """One named graph read back through SPARQL, so the test sees what queries see."""
    g = rdflib.Graph()
    res = store.query("SELECT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }", {"g": name})
    for s, p, o in res.rows:
        g.add((s, p, o))
    return g


@pytest.mark.parametrize("kind", ["memory", "disk"])
def test_load_and_read_back(kind: str, tmp_path: Path) -> None:
    store = open_store(None if kind == "memory" else str(tmp_path / "s"))
    load_file(store, FIXTURE)
    assert [str(g).rsplit("/", 1)[-1] for g in store.graphs()] == ["d1", "d2", "ontology"]
    assert isomorphic(graph_of(store, D1), fixture_graph(D1))
    union = store.union_graph()
    assert (URIRef("https://w3id.org/conflictkg/resource/entity/iran"), rdflib.RDFS.label,
            Literal("إيران", lang="ar")) in union
    store.close()


def test_replace_graph_is_idempotent_and_swaps(mem_store) -> None:
    g1 = fixture_graph(D1)
    mem_store.replace_graph(D1, g1)
    first = graph_of(mem_store, D1)
    mem_store.replace_graph(D1, g1)
    assert isomorphic(first, graph_of(mem_store, D1))
    assert isomorphic(first, g1)
    smaller = rdflib.Graph()
    smaller.add((URIRef("https://w3id.org/conflictkg/resource/doc/d1"), rdflib.RDF.type, CKG.Document))
    mem_store.replace_graph(D1, smaller)
    assert isomorphic(graph_of(mem_store, D1), smaller), "old triples must be gone after a replace"
    assert not any(str(g).startswith(TMP_GRAPH_PREFIX) for g in mem_store.graphs())


def test_remove_and_empty_replace(mem_store) -> None:
    mem_store.remove_graph(D1)
    assert D1 not in mem_store.graphs()
    assert len(graph_of(mem_store, D1)) == 0
    mem_store.remove_graph(D1)  # absent: no error
    mem_store.replace_graph(doc_graph("d2"), rdflib.Graph())
    assert doc_graph("d2") not in mem_store.graphs()


def test_disk_store_persists_and_read_only_refuses_writes(tmp_path: Path) -> None:
    loc = str(tmp_path / "s")
    store = open_store(loc)
    load_file(store, FIXTURE)
    store.close()
    ro = open_store(loc, read_only=True)
    assert isomorphic(graph_of(ro, D1), fixture_graph(D1))
    with pytest.raises(StoreError, match="read-only"):
        ro.replace_graph(D1, rdflib.Graph())
    ro.close()


def test_second_writer_gets_a_clear_error(disk_store, tmp_path: Path) -> None:
    with pytest.raises(StoreError, match=r"read-only|another process"):
        open_store(str(tmp_path / "store"))


def test_missing_read_only_store_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no store"):
        open_store(str(tmp_path / "nothing"), read_only=True)


WRITER = textwrap.dedent("""
    import sys
    import rdflib
    from rdflib import Literal, URIRef
    from queries.store import open_store, doc_graph
    store = open_store(sys.argv[1])
    n, version = int(sys.argv[2]), sys.argv[3]
    P = URIRef("urn:test:version")
    def build(v):
        g = rdflib.Graph()
        for i in range(n):
            g.add((URIRef(f"urn:test:s{i}"), P, Literal(v)))
        return g
    if version == "old":
        for d in range(3):
            store.replace_graph(doc_graph(f"doc{d}"), build("old"))
        store.close()
        print("done", flush=True)
    else:
        print("started", flush=True)
        k = 0
        while True:
            for d in range(3):
                store.replace_graph(doc_graph(f"doc{d}"), build(f"new{k}"))
                print("swapped", flush=True)
            k += 1
""")


def _versions(store, d: int) -> tuple[int, set[str]]:
    res = store.query("SELECT ?o WHERE { GRAPH ?g { ?s <urn:test:version> ?o } }", {"g": doc_graph(f"doc{d}")})
    return len(res.rows), {str(r[0]) for r in res.rows}


@pytest.mark.parametrize(("swaps", "delay"), [(0, 0.3), (0, 0.9), (1, 0.2)])
def test_killed_build_leaves_complete_graphs(tmp_path: Path, swaps: int, delay: float) -> None:
    """SIGKILL a writer mid-build: every document graph is still one complete version, old or new.

    The kill comes `delay` seconds after the writer reported `swaps` completed swaps (waiting for the report, not
    for a fixed time, so a loaded machine still kills a writer that has written).
    """
    loc, n = str(tmp_path / "s"), 20000
    subprocess.run([sys.executable, "-c", WRITER, loc, str(n), "old"], check=True, capture_output=True)
    proc = subprocess.Popen([sys.executable, "-c", WRITER, loc, str(n), "new"], stdout=subprocess.PIPE)
    assert proc.stdout is not None and proc.stdout.readline().strip() == b"started"
    for _ in range(swaps):
        assert proc.stdout.readline().strip() == b"swapped"
    time.sleep(delay)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    store, seen = open_store(loc), set()
    for d in range(3):
        count, versions = _versions(store, d)
        assert count == n and len(versions) == 1, f"doc{d}: {count} triples, versions {sorted(versions)[:3]}"
        seen |= versions
    assert not any(str(g).startswith(TMP_GRAPH_PREFIX) for g in store.graphs())
    assert len(store.query("SELECT ?s WHERE { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), STR(?t))) }",
                           {"t": Literal(TMP_GRAPH_PREFIX)})) == 0, "orphaned temp graph not dropped"
    if swaps:
        assert seen != {"old"}, "a reported swap is not in the store"
    store.close()


def test_bulk_load_in_parallel_slices_equals_one_piece(tmp_path: Path, monkeypatch) -> None:
    """N-Quads without blank nodes load as one slice per core; with blank nodes, in one piece."""
    import pyoxigraph as ox

    from queries.stores import oxigraph as oxstore

    lines = [f"<http://x/s{i}> <http://x/p> \"v{i}\" <http://x/g{i % 3}> .\n" for i in range(2000)]
    plain, blank = tmp_path / "plain.nq", tmp_path / "blank.nq"
    plain.write_text("".join(lines), encoding="utf-8")
    blank.write_text("".join(lines) + "_:b <http://x/p> <http://x/o1> <http://x/g0> .\n"
                     "_:b <http://x/p> <http://x/o2> <http://x/g0> .\n", encoding="utf-8")
    monkeypatch.setattr(oxstore, "PARALLEL_LOAD_MIN_BYTES", 0)
    monkeypatch.setattr(oxstore.os, "cpu_count", lambda: 4)
    assert len(oxstore._line_slices(plain)) == 4 and oxstore._line_slices(blank) == []
    for path in (plain, blank):
        with oxstore.OxigraphStore(tmp_path / f"store-{path.stem}") as st:
            st.bulk_load(path, lenient=True)
            want = set(ox.parse(path=str(path), format=ox.RdfFormat.N_QUADS))
            got = set(st._s)
            assert len(got) == len(want)
            if path is plain:
                assert got == want
            else:  # both quads of the one blank node keep one subject
                subjects = {q.subject for q in got if isinstance(q.subject, ox.BlankNode)}
                assert len(subjects) == 1
