"""Real SPARQL servers on 127.0.0.1: Oxigraph server and Virtuoso give the rows the embedded store gives."""
from __future__ import annotations

import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import rdflib
from rdflib.compare import isomorphic

from queries.catalog import list_queries, run_query
from queries.server import ServerProcess, free_port, start_server
from queries.store import StoreError, doc_graph, load_file, open_store
from queries.stores.remote import RemoteStore
from queries.virtuoso import available as virtuoso_available
from queries.virtuoso import start_virtuoso

pytestmark = pytest.mark.server
FIXTURE = Path(__file__).parent / "data" / "fixture.trig"
VIRTUOSO_INI = Path("/etc/virtuoso-opensource-7/virtuoso.ini")


def rows(result) -> list[tuple[str, ...]]:
    """Rows as lexical forms, sorted: engines may order ties differently."""
    return sorted(tuple("" if t is None else str(t) for t in row) for row in result.rows)


def same_answers(remote, embedded, catalog_params) -> None:
    for q in list_queries():
        params = catalog_params.get(q.name, {})
        ours = run_query(embedded, q.name, params)
        try:
            theirs = run_query(remote, q.name, params)
        except StoreError as exc:
            raise AssertionError(f"{q.name}: {exc}") from None
        assert theirs.vars == ours.vars, q.name
        assert rows(theirs) == rows(ours), q.name


def test_oxigraph_server_load_query_replace_remove(oxigraph_server: ServerProcess, mem_store,
                                                   catalog_params) -> None:
    remote = open_store(oxigraph_server.url)
    load_file(remote, FIXTURE)
    assert remote.graphs() == mem_store.graphs()
    same_answers(remote, mem_store, catalog_params)
    assert isomorphic(remote.union_graph(), mem_store.union_graph())
    assert sorted(remote.dump("nq").splitlines()) == sorted(mem_store.dump("nq").splitlines())
    d1 = doc_graph("d1")
    before = sorted(remote.dump("nq").splitlines())
    g = rdflib.Dataset().parse(FIXTURE, format="trig").graph(d1)
    remote.replace_graph(d1, g)
    assert sorted(remote.dump("nq").splitlines()) == before, "replacing with the same triples must be a no-op"
    remote.remove_graph(d1)
    assert d1 not in remote.graphs()
    remote.remove_graph(d1)


def test_read_only_server_refuses_writes_clearly(tmp_path: Path) -> None:
    store = open_store(str(tmp_path / "s"))
    load_file(store, FIXTURE)
    store.close()
    server = start_server(tmp_path / "s", read_only=True)
    try:
        remote = open_store(server.url)
        assert len(run_query(remote, "accused-of", {})) == 3
        with pytest.raises(StoreError, match=r"refused|rejected"):
            remote.replace_graph(doc_graph("d1"), rdflib.Graph().parse(FIXTURE, format="trig"))
        assert len(run_query(remote, "accused-of", {})) == 3
    finally:
        server.stop()


def test_endpoint_down_fails_after_bounded_retries() -> None:
    url = f"http://127.0.0.1:{free_port()}"
    remote = RemoteStore(url, retries=3, backoff=0.1, timeout=2)
    start = time.monotonic()
    with pytest.raises(StoreError, match=r"after 3 attempts.*(refused|Connection)"):
        remote.graphs()
    with pytest.raises(StoreError, match="after 3 attempts"):
        remote.replace_graph(doc_graph("x"), rdflib.Graph().parse(FIXTURE, format="trig"))
    assert time.monotonic() - start < 10


def test_slow_endpoint_times_out_after_bounded_retries() -> None:
    """A server that accepts connections but never answers."""
    import socket

    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(8)
        remote = RemoteStore(f"http://127.0.0.1:{listener.getsockname()[1]}", retries=2, backoff=0.1, timeout=1)
        with pytest.raises(StoreError, match="after 2 attempts"):
            remote.graphs()


def test_serve_command_listens_and_stops_on_ctrl_c(disk_store, tmp_path: Path) -> None:
    disk_store.close()
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "queries.cli", "serve", "--store", str(tmp_path / "store"), "--port", str(port)],
        stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stderr is not None
        line = proc.stderr.readline()
        assert f"http://127.0.0.1:{port}/query" in line
        remote = open_store(f"http://127.0.0.1:{port}")
        assert len(run_query(remote, "denials", {})) == 1
    finally:
        proc.send_signal(signal.SIGINT)
        assert proc.wait(15) == 0


# -- Virtuoso ----------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory) -> Iterator[str]:
    """A private Virtuoso on loopback ports with its own database directory (dba/dba): queries/virtuoso.py."""
    if not virtuoso_available():
        pytest.skip("virtuoso-t is not installed (apt-get install virtuoso-opensource)")
    try:
        server = start_virtuoso(tmp_path_factory.mktemp("virtuoso"))
    except StoreError as exc:
        pytest.fail(str(exc))
    yield server.url
    server.stop()


def test_virtuoso_gives_the_same_rows(virtuoso: str, mem_store, catalog_params, monkeypatch) -> None:
    monkeypatch.setenv("CONFLICTKG_SPARQL_USER", "dba")
    monkeypatch.setenv("CONFLICTKG_SPARQL_PASSWORD", "dba")
    remote = open_store(virtuoso)
    load_file(remote, FIXTURE)
    assert remote.graphs() == mem_store.graphs()
    same_answers(remote, mem_store, catalog_params)
    assert isomorphic(remote.union_graph(), mem_store.union_graph())
    remote.remove_graph(doc_graph("d2"))
    assert doc_graph("d2") not in remote.graphs()


def test_virtuoso_without_credentials_refuses_writes(virtuoso: str, monkeypatch) -> None:
    monkeypatch.delenv("CONFLICTKG_SPARQL_USER", raising=False)
    remote = open_store(virtuoso)
    with pytest.raises(StoreError, match=r"refused|rejected"):
        remote.replace_graph(doc_graph("d1"), rdflib.Dataset().parse(FIXTURE, format="trig").graph(doc_graph("d1")))
