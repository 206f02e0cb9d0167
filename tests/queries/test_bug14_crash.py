"""Issue 14, case 4: a writer SIGKILLed at any point never leaves a temporary or half graph visible to readers.

Used to: the new triples went into a `res:graph/tmp/…` graph, then MOVEd over the real one. A kill between
the two left the temporary graph in the store, and `query` and `serve` (read-only, so they never drop
orphans) counted it: 22 rows instead of 20. Now each replace is one SPARQL update (one transaction).

Each case kills a real writer process at a random moment (seeded) and reads the store the way `query`
does: read-only, the union of all graphs as the default graph.
"""
from __future__ import annotations

import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
import rdflib
from rdflib import Literal, URIRef

from queries.store import doc_graph, open_store

N = 3000
P = URIRef("urn:test:version")
OLD = [doc_graph(f"doc{d}") for d in range(3)]
NEW = [*OLD, doc_graph("doc3")]

WRITER = textwrap.dedent("""
    import sys
    import rdflib
    from rdflib import Literal, URIRef
    from queries.store import open_store, doc_graph
    store = open_store(sys.argv[1])
    n, P = int(sys.argv[2]), URIRef("urn:test:version")
    def version(v):
        g = rdflib.Graph()
        for i in range(n):
            g.add((URIRef(f"urn:test:s{i}"), P, Literal(v)))
        return g
    print("started", flush=True)
    for d in (3, 0, 1, 2):  # a new document, then new versions of the old ones
        store.replace_graph(doc_graph(f"doc{d}"), version(f"new{d}"))
    store.close()
    print("done", flush=True)
""")


def _old_store(loc: Path) -> None:
    store = open_store(str(loc))
    for name in OLD:
        g = rdflib.Graph()
        for i in range(N):
            g.add((URIRef(f"urn:test:s{i}"), P, Literal("old")))
        store.replace_graph(name, g)
    store.close()


@pytest.mark.parametrize("point", range(10))
def test_readers_see_the_old_or_the_new_graphs_after_a_kill(tmp_path: Path, point: int) -> None:
    loc = tmp_path / "store"
    _old_store(loc)
    proc = subprocess.Popen([sys.executable, "-c", WRITER, str(loc), str(N)], stdout=subprocess.PIPE)
    assert proc.stdout is not None and proc.stdout.readline().strip() == b"started"
    time.sleep(random.Random(point).uniform(0.0, 0.6))  # where the kill lands; not a timing assertion
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    reader = open_store(str(loc), read_only=True)
    try:
        names = sorted(URIRef(str(r[0])) for r in reader.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { } }").rows)
        assert names in (OLD, NEW), f"graph set neither old nor new: {names}"
        total = reader.query("SELECT (COUNT(*) AS ?n) WHERE { ?s <urn:test:version> ?o }").rows[0][0]
        assert int(total) == N * len(names), "the union holds triples outside the documents' graphs"
        for name in names:
            rows = reader.query("SELECT ?o WHERE { GRAPH ?g { ?s <urn:test:version> ?o } }", {"g": name}).rows
            versions = {str(r[0]) for r in rows}
            assert len(rows) == N and len(versions) == 1, f"{name}: {len(rows)} triples, {sorted(versions)}"
    finally:
        reader.close()
