"""Bulk load of N-Quads shards into a store, replacing each document graph the shards hold.

Three paths, fastest first for each kind of store:
- embedded Oxigraph: pyoxigraph's bulk loader (no transaction log, indexes built in bulk), one thread per core
  over the shards, since the loader builds its indexes on one thread per call;
- Virtuoso, when its SQL port is known (`--isql host:port` or CONFLICTKG_VIRTUOSO_ISQL): its own bulk loader,
  `ld_dir`/`ld_add` + `rdf_loader_run()` over `isql`, which reads the shard files itself (so they must sit in a
  folder listed in the server's DirsAllowed);
- any other SPARQL 1.1 endpoint: batched Graph Store Protocol requests, a dataset `POST` of N-Quads per batch
  of documents (a `POST` per graph when the server takes no quads, as Virtuoso's GSP).

Idempotent per document graph: the graphs a shard holds (from its manifest) are dropped before it is loaded,
so loading the same shards twice, or a newer build of some documents, leaves each graph exactly as in the
shards. Loading is not atomic: a load cut short leaves some documents new and others old or missing; loading
the same shards again completes it.
"""
from __future__ import annotations

import os
import queue
import shutil
import subprocess
import threading
import urllib.request
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
from rdflib import URIRef

from graph_builder.shards import find_shards, graphs_in, read_bytes
from queries.store import StoreError, open_store


@dataclass
class LoadReport:
    shards: int = 0
    graphs: int = 0
    replaced: int = 0  # graphs that were already in the store and were replaced
    quads: int = 0  # quads in the store after the load (embedded), or sent (remote)
    method: str = ""
    notes: list[str] = field(default_factory=list)


def load(sources: Iterable[str | Path], location: str, *, isql: str | None = None,
         threads: int | None = None, batch_quads: int = 50_000) -> LoadReport:
    """Load the shards named by `sources` (files or folders) into the store at `location`."""
    sources = [Path(s) for s in sources]
    shards = find_shards(sources)
    missing = [str(s) for s in shards if not s.is_file()]
    if missing:
        raise StoreError(f"no such shard: {', '.join(missing)}")
    if location.startswith(("http://", "https://")):
        isql = isql or os.environ.get("CONFLICTKG_VIRTUOSO_ISQL")
        if isql:
            return load_virtuoso(sources, shards, location, isql)
        return load_endpoint(shards, location, batch_quads=batch_quads)
    return load_embedded(shards, Path(location), threads=threads)


# -- embedded Oxigraph ----------------------------------------------------------------------------------------


def load_embedded(shards: list[Path], path: Path, *, threads: int | None = None) -> LoadReport:
    """pyoxigraph bulk loader, shards spread over threads (the loader and gzip both release the GIL)."""
    report = LoadReport(shards=len(shards), method="oxigraph bulk_load")
    store = open_store(str(path))
    raw: ox.Store = store._s  # type: ignore[attr-defined]  # the bulk loader is not part of the Store protocol
    try:
        if len(raw):
            for shard in shards:
                for g in graphs_in(shard):
                    node = ox.NamedNode(g)
                    if raw.contains_named_graph(node):
                        raw.remove_graph(node)
                        report.replaced += 1
        todo: queue.Queue[Path] = queue.Queue()
        for shard in shards:
            todo.put(shard)
        errors: list[BaseException] = []

        def work() -> None:
            while not errors:
                try:
                    shard = todo.get_nowait()
                except queue.Empty:
                    return
                try:
                    raw.bulk_load(read_bytes(shard), format=ox.RdfFormat.N_QUADS)
                except BaseException as exc:  # re-raised in the caller's thread
                    errors.append(exc)

        n = max(1, min(threads or os.cpu_count() or 1, len(shards)))
        pool = [threading.Thread(target=work) for _ in range(n)]
        for t in pool:
            t.start()
        for t in pool:
            t.join()
        if errors:
            raise StoreError(f"bulk load into {path} failed: {errors[0]}") from errors[0]
        raw.flush()
        report.graphs = sum(1 for _ in raw.named_graphs())
        report.quads = len(raw)
    finally:
        store.close()
    return report


# -- Virtuoso bulk loader over isql ---------------------------------------------------------------------------


def _sql_string(value: str) -> str:
    if "\x00" in value:
        raise StoreError(f"unusable path or IRI for SQL: {value!r}")
    return "'" + value.replace("'", "''") + "'"


def isql(address: str, script: str, *, user: str, password: str, timeout: float = 3600) -> str:
    """Run an SQL script with Virtuoso's `isql`; any `*** Error` in the output is a StoreError."""
    binary = next((b for b in ("isql-vt", "isql") if shutil.which(b)), None)
    if binary is None:
        raise StoreError("Virtuoso's isql is not installed (apt-get install virtuoso-opensource)")
    proc = subprocess.run([binary, address, user, password, "VERBOSE=OFF", "BANNER=OFF", "PROMPT=OFF",
                           "ERRORS=STDOUT"], input=script, capture_output=True, text=True, timeout=timeout,
                          check=False)
    out = proc.stdout + proc.stderr
    if proc.returncode != 0 or "*** Error" in out:
        raise StoreError(f"isql {address} failed (exit {proc.returncode}): {out.strip()[-800:]}")
    return out


def load_virtuoso(sources: list[Path], shards: list[Path], url: str, address: str) -> LoadReport:
    """`ld_dir` for folders (`ld_add` for single files) + `rdf_loader_run()`; graphs dropped first."""
    from queries.stores.remote import RemoteStore

    user = os.environ.get("CONFLICTKG_SPARQL_USER", "dba")
    password = os.environ.get("CONFLICTKG_SPARQL_PASSWORD", "dba")
    report = LoadReport(shards=len(shards), method="virtuoso ld_dir + rdf_loader_run")
    wanted = {g for shard in shards for g in graphs_in(shard)}
    present = {str(g) for g in RemoteStore(url).graphs()} & wanted
    lines = [f"SPARQL CLEAR GRAPH <{g}>;" for g in sorted(present) if ">" not in g]
    for shard in shards:  # the loader skips files it has loaded before: forget them so they load again
        lines.append(f"DELETE FROM DB.DBA.LOAD_LIST WHERE ll_file = {_sql_string(str(shard.resolve()))};")
    default_graph = _sql_string(str(URIRef("https://w3id.org/conflictkg/resource/graph/default")))
    listed: set[Path] = set()
    for src in sources:
        if src.is_dir():
            for mask in ("*.nq.gz", "*.nq"):
                lines.append(f"ld_dir({_sql_string(str(src.resolve()))}, {_sql_string(mask)}, {default_graph});")
            listed.update(s.resolve() for s in find_shards([src]))
    for shard in shards:
        if shard.resolve() not in listed:
            lines.append(f"ld_add({_sql_string(str(shard.resolve()))}, {default_graph});")
    lines += ["rdf_loader_run();", "checkpoint;"]
    files = ", ".join(_sql_string(str(s.resolve())) for s in shards)
    lines.append(f"SELECT ll_file, ll_error FROM DB.DBA.LOAD_LIST WHERE ll_file IN ({files}) "
                 "AND (ll_error IS NOT NULL OR ll_state <> 2);")
    out = isql(address, "\n".join(lines) + "\n", user=user, password=password)
    failed = [line for line in out.splitlines() if any(str(s.resolve()) in line for s in shards)]
    if failed:
        raise StoreError("Virtuoso did not load every shard (is the folder in DirsAllowed?):\n"
                         + "\n".join(failed[:10]))
    report.replaced, report.graphs = len(present), len(wanted)
    return report


# -- any SPARQL 1.1 endpoint: batched Graph Store requests ---------------------------------------------------


def load_endpoint(shards: list[Path], url: str, *, batch_quads: int = 50_000) -> LoadReport:
    """Drop the graphs being loaded, then POST N-Quads in batches to the GSP dataset URL (one POST per graph if the
    server takes no quads)."""
    from queries.stores.remote import RemoteStore

    remote = RemoteStore(url)
    report = LoadReport(shards=len(shards), method="graph store POST (batched)")
    wanted = {g for shard in shards for g in graphs_in(shard)}
    present = {str(g) for g in remote.graphs()} & wanted
    for g in sorted(present):
        remote.remove_graph(URIRef(g))
    report.replaced, report.graphs = len(present), len(wanted)
    per_graph = False
    for shard in shards:
        lines = read_bytes(shard).splitlines(keepends=True)
        for start in range(0, len(lines), batch_quads):
            batch = lines[start:start + batch_quads]
            if not per_graph:
                try:
                    _post_quads(remote, b"".join(batch))
                    report.quads += len(batch)
                    continue
                except StoreError as exc:
                    if "HTTP 4" not in str(exc) and "rejected" not in str(exc):
                        raise
                    per_graph, report.method = True, "graph store POST per graph"
            report.quads += _post_per_graph(remote, batch)
    return report


def _post_quads(remote, body: bytes) -> None:
    def call() -> int:
        req = urllib.request.Request(remote.gsp_url, data=body, method="POST",
                                     headers={"Content-Type": "application/n-quads"})
        with remote._opener.open(req, timeout=remote.timeout) as resp:
            return resp.status

    remote._retry("add quads", remote.gsp_url, call)


def _post_per_graph(remote, lines: list[bytes]) -> int:
    """Quads grouped by graph and added as N-Triples, one POST per graph (the graphs were dropped before)."""
    graphs: dict[str, list[ox.Triple]] = {}
    for q in ox.parse(b"".join(lines), format=ox.RdfFormat.N_QUADS):
        graphs.setdefault(q.graph_name.value, []).append(q.triple)
    for g, triples in graphs.items():
        body = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
        remote._http("POST", URIRef(g), body)
    return sum(len(t) for t in graphs.values())

