"""Issue 14, case 3: remote endpoints are verified, and a failed remote load says what made it.

Used to: an endpoint answering 200 text/html to everything gave "built 5 document(s)", exit 0, nothing
stored; `--store htp://…` (typo) created a local store in a folder named `htp:`; a bad port gave a traceback;
after a server died mid-load nobody said which documents were in.
"""
from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib

from queries.server import ServerProcess
from queries.store import StoreError, doc_graph, load_file, open_store
from queries.stores.remote import RemoteStore
from tests.cli import one_line_error, run
from tests.conftest import CORPUS
from tests.queries.endpoints_misbehaving import failing_proxy, html_server, lying_proxy

SEED = next(iter(sorted(CORPUS.glob("*.txt"))))
FIXTURE = Path(__file__).parent / "data" / "fixture.trig"
ARTICLES = ["أطلقت ثلاثة صواريخ على السفارة الأميركية في بغداد.", "استهدف هجوم بطائرة مسيرة قاعدة عين الأسد.",
            "سقط صاروخ قرب مطار بغداد الدولي.", "دانت الحكومة العراقية الهجوم على السفارة."]


def _fixture_graph() -> rdflib.Graph:
    mem = open_store(None)
    load_file(mem, FIXTURE)
    g = rdflib.Graph()
    for s, p, o in mem.query("SELECT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }", {"g": doc_graph("d1")}).rows:
        g.add((s, p, o))
    return g


def test_endpoint_answering_html_is_an_error() -> None:
    with html_server() as url:
        remote = RemoteStore(url + "/query", retries=1)
        with pytest.raises(StoreError, match=r"answered text/html, not SPARQL results"):
            remote.graphs()
        with pytest.raises(StoreError, match=r"text/html"):
            remote.replace_graph(doc_graph("d1"), _fixture_graph())
        proc = run("build", SEED, "-o", "g.ttl", "--store", url + "/query")
    assert proc.returncode == 2
    assert "answered text/html" in one_line_error(proc)


def test_put_that_stores_nothing_is_caught_by_the_count(oxigraph_server: ServerProcess) -> None:
    with lying_proxy(oxigraph_server.url) as url, pytest.raises(StoreError, match=r"now holds 0 of \d+ triples"):
        RemoteStore(url, retries=1).replace_graph(doc_graph("d1"), _fixture_graph())


def test_store_is_a_url_or_a_directory(tmp_path: Path) -> None:
    proc = run("build", SEED, "-o", tmp_path / "g.ttl", "--store", "htp://127.0.0.1:17901/query", cwd=tmp_path)
    assert proc.returncode == 2
    assert "neither an http(s):// URL nor a directory path" in one_line_error(proc)
    assert sorted(p.name for p in tmp_path.iterdir()) == [], "a store folder (or a graph) was created"


@pytest.mark.parametrize(("command", "url"), [("build", "http://127.0.0.1:99999/query"),
                                             ("query", "http://127.0.0.1:port/query"), ("build", "http:///query")])
def test_bad_port_or_host_is_one_line_exit_2(command: str, url: str, tmp_path: Path) -> None:
    args = [SEED, "-o", tmp_path / "g.ttl"] if command == "build" else ["accused-of"]
    proc = run(command, *args, "--store", url)
    assert proc.returncode == 2
    line = one_line_error(proc)
    assert url in line and ("bad endpoint URL" in line or "not a valid URL" in line), line


def _news(tmp_path: Path) -> Path:
    news = tmp_path / "news.jsonl"
    news.write_text("\n".join(json.dumps({"id": f"n{i}", "text": t}) for i, t in enumerate(ARTICLES, 1)),
                    encoding="utf-8")
    return news


def _doc_graphs(store: RemoteStore) -> list[rdflib.URIRef]:
    return [g for g in store.graphs() if "/doc/" in g]


def test_failed_load_lists_the_documents_loaded_and_not_loaded(
        oxigraph_server: ServerProcess, tmp_path: Path) -> None:
    out = tmp_path / "g.nq"
    with failing_proxy(oxigraph_server.url, puts_allowed=2) as url:
        proc = run("build", _news(tmp_path), "-o", out, "--store", url + "/query",
                   env={"CONFLICTKG_SPARQL_RETRIES": "1"})
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr
    assert "loaded 2 document(s): n1, n2" in proc.stderr
    assert "not loaded 2 document(s): n3, n4" in proc.stderr
    assert "re-run with --resume" in proc.stderr
    assert _doc_graphs(RemoteStore(oxigraph_server.query_url)) == [doc_graph("n1"), doc_graph("n2")]
    in_file = {q.graph_name.value for q in ox.parse(path=str(out), format=ox.RdfFormat.N_QUADS)}
    assert in_file == {str(doc_graph(f"n{i}")) for i in range(1, 5)}, "the -o file holds every document"


def test_resume_loads_only_the_documents_the_store_lacks(oxigraph_server: ServerProcess, tmp_path: Path) -> None:
    server = RemoteStore(oxigraph_server.query_url)
    marker = rdflib.Graph()
    marker.add((rdflib.URIRef("urn:test:loaded-before"), rdflib.RDF.type, rdflib.URIRef("urn:test:Marker")))
    for doc in ("n1", "n2"):  # what a load that failed after two documents left behind
        server.replace_graph(doc_graph(doc), marker)
    proc = run("build", _news(tmp_path), "-o", tmp_path / "g.nq", "--store", oxigraph_server.query_url, "--resume")
    assert proc.returncode == 0, proc.stderr
    assert "built 4 document(s)" in proc.stderr and "(2 already in the store, not reloaded)" in proc.stderr
    assert _doc_graphs(server) == [doc_graph(f"n{i}") for i in range(1, 5)]
    assert [server.count(doc_graph(d)) for d in ("n1", "n2")] == [1, 1], "a present document was reloaded"
    assert server.count(doc_graph("n3")) > 1
