"""The bulk-load stages of the scale benchmark (graph_builder/bench_scale.py): 1M quads into the embedded
store and into Virtuoso, and the 100,000-article projection."""
from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path

from graph_builder.bench_scale import measure, replicate_shards


def _du(path: Path) -> float:
    return round(sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 2**20, 1)


def _first_shards(src: Path, dst: Path, quads: int) -> int:
    """Link the first shards (and manifests) holding at least `quads` quads into `dst`; returns their count."""
    shutil.rmtree(dst, ignore_errors=True)
    dst.mkdir(parents=True)
    total = 0
    for shard in sorted(src.glob("part-*.nq.gz")):
        manifest = shard.with_name(shard.name.removesuffix(".nq.gz") + ".json")
        os.link(shard, dst / shard.name)
        os.link(manifest, dst / manifest.name)
        total += json.loads(manifest.read_text())["quads"]
        if total >= quads:
            break
    return total


def load_1m(shards: Path, work: Path, ckg: list[str]) -> dict:
    """`conflictkg load` of the first shards holding ≥ 1M quads into a fresh embedded store."""
    folder, store = work / "1m" / "shards", work / "1m" / "store"
    quads = _first_shards(shards, folder, 1_000_000)
    print(f"bulk load of {quads} quads into the embedded store:", flush=True)
    run = measure([*ckg, "load", str(folder), "--store", str(store)], label="bulk load")
    return {"quads": quads, **run, "quads_per_s": round(quads / run["wall_s"]), "store_mb": _du(store)}


def virtuoso_1m(work: Path) -> dict:
    """The same shards through Virtuoso's bulk loader; quad count and catalog rows against the embedded store."""
    from queries.bulkload import load
    from queries.store import open_store
    from queries.stores.remote import RemoteStore
    from queries.virtuoso import available, start_virtuoso

    if not available():
        return {"skipped": "virtuoso-t/isql-vt not installed"}
    home = work / "virtuoso"
    shutil.rmtree(home, ignore_errors=True)
    server = start_virtuoso(home, buffers=170_000)
    os.environ.setdefault("CONFLICTKG_SPARQL_USER", "dba")
    os.environ.setdefault("CONFLICTKG_SPARQL_PASSWORD", "dba")
    try:
        folder = server.shared / "1m"
        shutil.copytree(work / "1m" / "shards", folder)
        print("bulk load of the same shards into Virtuoso:", flush=True)
        load_before = os.getloadavg()[0]
        started = time.perf_counter()
        load([folder], server.url, isql=server.isql)
        wall = time.perf_counter() - started
        print(f"  virtuoso bulk load: {wall:.1f} s (load {load_before:.1f})", flush=True)
        remote = RemoteStore(server.url, retries=1, timeout=300)
        count = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), " \
                "\"https://w3id.org/conflictkg/resource/graph/\")) }"
        remote_quads = int(remote.query(count).rows[0][0])
        with open_store(str(work / "1m" / "store"), read_only=True) as embedded:
            embedded_quads = int(embedded.query(count).rows[0][0])
        return {"wall_s": round(wall, 2), "loadavg_1m_before": load_before, "quads": remote_quads,
                "embedded_quads": embedded_quads, "same_count": remote_quads == embedded_quads,
                "catalog": "compared on corpus/ in tests/scale/test_bulkload.py; at this size Virtuoso 7.2.5 did not "
                           "answer accusation-network within 20 s (query shapes tuned for Oxigraph)"}
    finally:
        server.stop()
        shutil.rmtree(home, ignore_errors=True)


def projection(shards: Path, work: Path, ckg: list[str], n: int, target: int, extract_rate: float) -> dict:
    """`target` articles through shards + bulk load; extraction itself is projected from `extract_rate`."""
    times = max(1, target // n)
    folder, store = work / "projection" / "shards", work / "projection" / "store"
    print(f"projection: {n * times} articles ({times} x the shards with new ids):", flush=True)
    started = time.perf_counter()
    quads = replicate_shards(shards, folder, times, n, workers=2)
    replicate_s = time.perf_counter() - started
    print(f"  replicate shards: {replicate_s:.1f} s, {quads} quads", flush=True)
    run = measure([*ckg, "load", str(folder), "--store", str(store)], label="bulk load")
    size = _du(store)
    shutil.rmtree(store, ignore_errors=True)
    articles = n * times
    per_million = 1_000_000 / articles
    extract_1m = 1_000_000 / extract_rate
    return {
        "articles": articles, "quads": quads, "shard_mb": _du(folder),
        "replicate_shards_s": round(replicate_s, 1), "load": run, "store_mb": size,
        "extract_projected_s": round(articles / extract_rate, 1),
        "million": {
            "extract_s_at_measured_rate": round(extract_1m), "load_s_linear": round(run["wall_s"] * per_million),
            "quads": round(quads * per_million), "store_gb": round(size * per_million / 1024, 1),
            "shards_gb": round(_du(folder) * per_million / 1024, 1),
            "note": "extraction at the --workers 2 rate of this machine; load scaled linearly from this run",
        },
    }
