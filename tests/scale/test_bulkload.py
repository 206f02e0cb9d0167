"""`conflictkg load`: shards into the embedded store, a real Virtuoso (bulk loader) and an Oxigraph server."""
from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from graph_builder.rdf import graph_iri
from graph_builder.scale import run_build
from queries.bulkload import load
from queries.catalog import list_queries, run_query
from queries.server import start_server
from queries.store import open_store
from tests.graph_builder.test_cli_build import _conflictkg
from tests.scale.conftest import CORPUS


@pytest.fixture(scope="module")
def shards(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("shards")
    run_build([str(CORPUS)], 1, shards=folder, docs_per_shard=2)
    return folder


_DECIMAL = re.compile(rb'"([-0-9.]+)"\^\^<http://www.w3.org/2001/XMLSchema#decimal>')


def nq_lines(store) -> list[bytes]:
    """Sorted N-Quads; decimals by value (Virtuoso stores 0.92 as a double and gives 0.9199999999999999)."""
    def value(m: re.Match[bytes]) -> bytes:
        return b'"%s"^^<http://www.w3.org/2001/XMLSchema#decimal>' % str(round(float(m.group(1)), 9)).encode()

    return sorted(_DECIMAL.sub(value, line) for line in store.dump("nq").splitlines())


def rows(result) -> list[tuple[str, ...]]:
    return sorted(tuple("" if t is None else str(t) for t in row) for row in result.rows)


def catalog_params(store) -> dict[str, dict[str, str]]:
    """Parameters that give rows on corpus/, taken from the store itself."""
    first = run_query(store, "accused-of", {}).as_dicts()[0]
    return {"attack-dossier": {"attack": str(first["attack"])}, "attack-facts": {"attack": str(first["attack"])},
            "actor-profile": {"actor": "إيران"},
            "timeline": {"from": "2019-01-01", "to": "2020-12-31"}, "officials-of": {"state": "الولايات المتحدة"},
            "evidence": {"node": str(first["statement"])}}


#: Rows an engine gets wrong on the same data (the dumps are compared quad for quad beside this): Virtuoso
#: 7.2.5 leaves ?attack unbound in actor-profile's perpetrator branch (a UNION joined to a VALUES table with
#: UNDEF) and adds a row; reported to the catalog's owner rather than worked around here. attack-facts prints each
#: fact as a string, and Virtuoso turns the xsd:decimal confidence 0.92 into a double first (0.9199999999999999).
ENGINE_BUGS = {"virtuoso": {"actor-profile", "attack-facts"}}


def same_rows(theirs, ours, engine: str = "") -> None:
    params = catalog_params(ours)
    differ = []
    for q in list_queries():
        if q.name in ENGINE_BUGS.get(engine, set()):
            continue
        a, b = run_query(ours, q.name, params.get(q.name, {})), run_query(theirs, q.name, params.get(q.name, {}))
        if rows(b) != rows(a):
            differ.append((q.name, len(a), len(b), sorted(set(rows(a)) ^ set(rows(b)))[:4]))
    assert not differ, differ
    assert len(run_query(ours, "accused-of", {})) > 0


def test_embedded_load_is_the_build_store_and_idempotent(shards: Path, tmp_path: Path) -> None:
    built = tmp_path / "built"
    subprocess.run([*_conflictkg(), "build", str(CORPUS), "-o", str(tmp_path / "g.nq"), "--store", str(built)],
                   check=True, capture_output=True)
    proc = subprocess.run([*_conflictkg(), "load", str(shards), "--store", str(tmp_path / "loaded")],
                          capture_output=True, text=True, check=True)
    assert "3 shard(s), 5 graph(s) (0 replaced)" in proc.stderr
    with open_store(str(built), read_only=True) as reference, open_store(str(tmp_path / "loaded")) as loaded:
        first = nq_lines(loaded)
        assert first == nq_lines(reference)
        same_rows(loaded, reference)
    report = load([shards], str(tmp_path / "loaded"))
    assert (report.replaced, report.quads) == (5, len(first))
    with open_store(str(tmp_path / "loaded"), read_only=True) as again:
        assert nq_lines(again) == first


def test_loading_a_newer_shard_replaces_the_document_graph(shards: Path, tmp_path: Path) -> None:
    """A document rebuilt from a shorter text must lose the facts of the old text, not merge with them."""
    first_doc = sorted(CORPUS.glob("*.txt"))[0]
    short = tmp_path / "short" / first_doc.name
    short.parent.mkdir()
    short.write_text(first_doc.read_text(encoding="utf-8")[:400], encoding="utf-8")
    newer = tmp_path / "newer"
    run_build([str(short)], 1, shards=newer)
    load([shards], str(tmp_path / "s"))
    load([newer], str(tmp_path / "s"))
    load([newer], str(tmp_path / "only-newer"))
    load([shards], str(tmp_path / "old"))
    graph = b"<" + str(graph_iri(first_doc.stem)).encode() + b">"

    def lines_of(location: str) -> list[bytes]:
        with open_store(location, read_only=True) as store:
            return [line for line in nq_lines(store) if line.endswith(graph + b" .")]

    mixed = lines_of(str(tmp_path / "s"))
    assert mixed == lines_of(str(tmp_path / "only-newer"))
    assert 0 < len(mixed) < len(lines_of(str(tmp_path / "old")))
    with open_store(str(tmp_path / "s"), read_only=True) as store:
        assert len(store.graphs()) == 5


def test_virtuoso_bulk_loader_same_triples_and_rows(shards: Path, virtuoso, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("CONFLICTKG_SPARQL_USER", "dba")
    monkeypatch.setenv("CONFLICTKG_SPARQL_PASSWORD", "dba")
    folder = virtuoso.shared / "corpus"
    shutil.copytree(shards, folder)
    report = load([folder], virtuoso.url, isql=virtuoso.isql)
    assert report.method.startswith("virtuoso") and report.graphs == 5
    remote = open_store(virtuoso.url)
    load([shards], str(tmp_path / "embedded"))
    with open_store(str(tmp_path / "embedded"), read_only=True) as embedded:
        assert len(remote.dump("nq").splitlines()) == len(nq_lines(embedded))
        assert nq_lines(remote) == nq_lines(embedded)
        assert remote.graphs() == embedded.graphs()
        same_rows(remote, embedded, "virtuoso")
        # again, and through the CLI: the loader forgets the files it loaded, and graphs are replaced
        subprocess.run([*_conflictkg(), "load", str(folder), "--store", virtuoso.url, "--isql", virtuoso.isql],
                       check=True, capture_output=True)
        assert nq_lines(remote) == nq_lines(embedded)


def test_any_endpoint_gets_batched_graph_store_requests(shards: Path, tmp_path: Path) -> None:
    server = start_server(tmp_path / "server", read_only=False)
    try:
        load([shards], str(tmp_path / "embedded"))
        for _ in range(2):
            report = load([shards], server.url, batch_quads=500)
            assert report.method == "graph store POST (batched)" and report.quads > 1000
        remote = open_store(server.url)
        with open_store(str(tmp_path / "embedded"), read_only=True) as embedded:
            assert nq_lines(remote) == nq_lines(embedded)
            same_rows(remote, embedded)
    finally:
        server.stop()
