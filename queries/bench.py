"""Benchmark: load time, peak memory and p50/p95 of every catalog query, embedded Oxigraph vs rdflib in memory.

`python -m queries.bench --triples 1000000 --out build/bench-queries-1m.json`. The synthetic graph has the
contract's shape (documents, actors with Arabic and English labels, attacks, typed statements, evidence), one
named graph per document.

Fair by construction: both engines sit behind the same `Store.query(sparql, bindings)` interface and every
timed call is `catalog.run_query(store, name, params)`: same query text, same VALUES bindings, same label
resolution, same paging, results converted to rdflib terms on both sides. Oxigraph is the on-disk store after
`bulk_load` (the default store); rdflib is a `Dataset(default_union=True)` in memory. The row counts of the two
engines are compared. Each engine runs in its own process (its own peak RSS); a query that runs longer than
`--timeout` seconds is recorded as "timeout" and the worker is restarted for the remaining queries, so a run
never hangs. `--query` and `--engine` run a subset.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import queue
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Mapping
from pathlib import Path

import pyoxigraph as ox
from rdflib import URIRef

from graph_builder.bench_report import write_report
from ontology.vocab import timeline_key
from queries.store import PREFIXES, QueryResult
from queries.stores.terms import BindingValue, bind_values

CKG, RES = PREFIXES["ckg"], PREFIXES["res"]
XSD, RDFS, DCT = PREFIXES["xsd"], PREFIXES["rdfs"], PREFIXES["dcterms"]
ATTACKS = ["RocketAttack", "DroneAttack", "BombingAttack", "Airstrike", "StormingAttack"]
STATEMENTS = ["Accusation", "Denial", "ClaimOfResponsibility", "Condemnation", "Threat"]
ENGINES = ("oxigraph", "rdflib")
#: Parameters used for every run; the generator guarantees they exist. These are the "queries with a parameter"
#: of the acceptance (one attack, one actor, one target, one month, one state, one node); the rest are listings.
PARAMS = {
    "attack-dossier": {"attack": RES + "event/a0-0"},
    "actor-profile": {"actor": "فاعل 7"},
    "attacks-by-target": {"target": RES + "entity/e3"},
    "timeline": {"from": "2020-03-01", "to": "2020-03-31"},
    "officials-of": {"state": RES + "entity/e0"},
    "evidence": {"node": RES + "event/s0-0"},
}
TARGET_PARAM_S, TARGET_LISTING_S, TARGET_RATIO, TARGET_LOAD_S = 0.020, 1.0, 10.0, 10.0


def _n(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


def _key(day: dt.date, kind: str) -> ox.Literal:
    """The ckg:timelineKey the builder writes for an event of class `kind` on `day`."""
    return ox.Literal(str(timeline_key(day, URIRef(CKG + kind))), datatype=_n(XSD + "integer"))


def generate(triples: int, path: Path, seed: int = 7) -> int:
    """Write an N-Quads file of about `triples` quads; returns the exact count."""
    rnd = random.Random(seed)
    actors = max(50, triples // 500)
    typ, label, key = _n(PREFIXES["rdf"] + "type"), _n(RDFS + "label"), _n(CKG + "timelineKey")
    out: list[ox.Quad] = []
    onto = _n(RES + "graph/ontology")
    for e in range(actors):
        ent = _n(f"{RES}entity/e{e}")
        cls = "State" if e < 10 else ("Person" if e % 3 == 0 else "ArmedGroup")
        out += [ox.Quad(ent, typ, _n(CKG + cls), onto),
                ox.Quad(ent, label, ox.Literal(f"فاعل {e}", language="ar"), onto),
                ox.Quad(ent, label, ox.Literal(f"Actor {e}", language="en"), onto)]
        if cls == "Person":
            out += [ox.Quad(ent, _n(CKG + "officialOf"), _n(f"{RES}entity/e{e % 10}"), onto)]
    d = 0
    while len(out) < triples:
        g, doc = _n(f"{RES}graph/doc/d{d}"), _n(f"{RES}doc/d{d}")
        day = dt.date(2020, 1 + d % 12, 1 + d % 28)
        date = ox.Literal(day.isoformat(), datatype=_n(XSD + "date"))
        out += [ox.Quad(doc, typ, _n(CKG + "Document"), g),
                ox.Quad(doc, _n(DCT + "identifier"), ox.Literal(f"d{d}"), g),
                ox.Quad(doc, _n(DCT + "issued"), date, g)]
        attack = _n(f"{RES}event/a{d}-0")
        kind = rnd.choice(ATTACKS)
        out += [ox.Quad(attack, typ, _n(CKG + kind), g), ox.Quad(attack, key, _key(day, kind), g),
                ox.Quad(attack, _n(CKG + "reportedIn"), doc, g),
                ox.Quad(attack, _n(CKG + "target"), _n(f"{RES}entity/e{rnd.randrange(actors)}"), g),
                ox.Quad(attack, _n(CKG + "date"), date, g),
                ox.Quad(attack, _n(CKG + "projectileCount"), ox.Literal(str(rnd.randint(1, 9)),
                                                                       datatype=_n(XSD + "integer")), g)]
        for s in range(4):
            st, ev = _n(f"{RES}event/s{d}-{s}"), _n(f"{RES}evidence/d{d}-{s * 100}-{s * 100 + 80}")
            kind = rnd.choice(STATEMENTS)
            out += [ox.Quad(st, typ, _n(CKG + kind), g), ox.Quad(st, key, _key(day, kind), g),
                    ox.Quad(st, _n(CKG + "reportedIn"), doc, g),
                    ox.Quad(st, _n(CKG + "speaker"), _n(f"{RES}entity/e{rnd.randrange(actors)}"), g),
                    ox.Quad(st, _n(CKG + "accused"), _n(f"{RES}entity/e{rnd.randrange(actors)}"), g),
                    ox.Quad(st, _n(CKG + "about"), attack, g),
                    ox.Quad(st, _n(CKG + "date"), date, g),
                    ox.Quad(st, _n(CKG + "evidence"), ev, g),
                    ox.Quad(ev, _n(CKG + "evidenceText"), ox.Literal(f"جملة الدليل رقم {d}-{s}", language="ar"), g),
                    ox.Quad(ev, _n(CKG + "inDocument"), doc, g),
                    ox.Quad(ev, _n(CKG + "startOffset"), ox.Literal(str(s * 100), datatype=_n(XSD + "integer")), g)]
        d += 1
    ox.serialize(out, output=str(path), format=ox.RdfFormat.N_QUADS)
    return len(out)


class RdflibStore:
    """rdflib in memory behind the `Store.query` interface: the same VALUES binding, rows as rdflib terms."""

    def __init__(self, data: Path) -> None:
        import rdflib

        self.ds = rdflib.Dataset(default_union=True)
        self.ds.parse(data, format="nquads")

    def query(self, sparql: str, bindings: Mapping[str, BindingValue] | None = None) -> QueryResult:
        res = self.ds.query(bind_values(sparql, bindings))
        if res.type == "ASK":
            return QueryResult(vars=[], boolean=bool(res.askAnswer))
        names = [str(v) for v in res.vars or []]
        return QueryResult(vars=names, rows=[tuple(row) for row in res])


def _timings(run: Callable[[], int], repeats: int, budget: float) -> dict:
    """Up to `repeats` runs, fewer if they would overrun half the budget (the parent kills at the full one)."""
    wall, cpu, rows = [], [], 0
    spent = time.perf_counter()
    while len(wall) < repeats:
        w, c = time.perf_counter(), time.process_time()
        rows = run()
        wall.append(time.perf_counter() - w)
        cpu.append(time.process_time() - c)
        if time.perf_counter() - spent + wall[-1] > budget / 2:
            break
    ordered = sorted(wall)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {"p50_s": statistics.median(wall), "p95_s": p95, "cpu_p50_s": statistics.median(cpu), "rows": rows,
            "runs": len(wall)}


def _emit(msg: dict) -> None:
    print(json.dumps(msg, ensure_ascii=False), flush=True)


def worker(engine: str, data: Path, names: list[str], repeats: int, budget: float, limit: int | None) -> None:
    """Load `data` into one engine, then time each named catalog query; one JSON line per step on stdout."""
    from queries.catalog import run_query
    from queries.stores.oxigraph import OxigraphStore

    start, cpu = time.perf_counter(), time.process_time()
    store: OxigraphStore | RdflibStore
    if engine == "oxigraph":
        with tempfile.TemporaryDirectory(prefix="ckg-bench-") as tmp:
            store = OxigraphStore(Path(tmp) / "store")
            store.bulk_load(data, lenient=True)  # the file was written by Oxigraph's own serialiser
            _emit({"event": "loaded", "load_s": time.perf_counter() - start,
                   "load_cpu_s": time.process_time() - cpu})
            _run_all(store, names, repeats, budget, limit, run_query)
            store.close()
    else:
        store = RdflibStore(data)
        _emit({"event": "loaded", "load_s": time.perf_counter() - start, "load_cpu_s": time.process_time() - cpu})
        _run_all(store, names, repeats, budget, limit, run_query)
    _emit({"event": "done", "peak_rss_mb": _peak_mb()})


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _run_all(store, names: list[str], repeats: int, budget: float, limit: int | None, run_query) -> None:
    for name in names:
        params = dict(PARAMS.get(name, {}))
        if limit is not None:
            params["limit"] = str(limit)
        try:
            result = _timings(lambda p=params, n=name: len(run_query(store, n, p)), repeats, budget)
        except Exception as exc:  # a failing query is a result of the bench, not a crash
            result = {"error": f"{type(exc).__name__}: {exc}"}
        # The peak so far rides on every message: a worker killed for a timeout never says "done".
        _emit({"event": "query", "name": name, **result, "peak_rss_mb": _peak_mb()})


def _reader(stream, out: queue.Queue) -> None:
    for line in stream:
        out.put(line)
    out.put(None)


def run_engine(engine: str, data: Path, names: list[str], args: argparse.Namespace) -> dict:
    """Drive worker processes for one engine; a query over its time budget is marked and skipped."""
    report: dict = {"engine": engine, "load_s": None, "peak_rss_mb": 0.0, "restarts": 0, "queries": {}}
    pending = list(names)
    repeats = args.repeats if engine == "oxigraph" else args.rdflib_repeats
    while pending:
        cmd = [sys.executable, "-m", "queries.bench", "--worker", engine, "--data", str(data),
               "--repeats", str(repeats), "--timeout", str(args.timeout), "--query", *pending]
        if args.limit is not None:
            cmd += ["--limit", str(args.limit)]
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True)
        lines: queue.Queue = queue.Queue()
        threading.Thread(target=_reader, args=(proc.stdout, lines), daemon=True).start()
        deadline = time.monotonic() + args.load_timeout
        while True:
            try:
                line = lines.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                line = "timeout"
            if line is None:
                break
            if line == "timeout":
                proc.kill()  # our own worker, stuck in one query (or in the load)
                break
            msg = json.loads(line)
            if msg["event"] == "loaded":
                if report["load_s"] is None:
                    report["load_s"], report["load_cpu_s"] = msg["load_s"], msg["load_cpu_s"]
            elif msg["event"] == "query":
                report["peak_rss_mb"] = max(report["peak_rss_mb"], msg.pop("peak_rss_mb"))
                report["queries"][msg.pop("name")] = {k: v for k, v in msg.items() if k != "event"}
                pending.pop(0)
            elif msg["event"] == "done":
                report["peak_rss_mb"] = max(report["peak_rss_mb"], msg["peak_rss_mb"])
            deadline = time.monotonic() + args.timeout
        code = proc.wait()
        if pending and line != "timeout":
            report["queries"].update({n: {"error": f"worker exited with {code}"} for n in pending})
            break
        if pending:
            stuck = pending.pop(0)
            if report["load_s"] is None:
                stuck_all = {n: {"timeout": args.load_timeout, "during": "load"} for n in [stuck, *pending]}
                report["queries"].update(stuck_all)
                break
            report["queries"][stuck] = {"timeout": args.timeout}
            report["restarts"] += 1
        print(f"{engine}: {len(names) - len(pending)}/{len(names)} queries", file=sys.stderr, flush=True)
    return report


def summarise(report: dict) -> None:
    """Ratio per query (rdflib p50 / Oxigraph p50; a lower bound when rdflib timed out) and the acceptance lines."""
    engines = report["engines"]
    if "oxigraph" not in engines:
        return
    ox_q = engines["oxigraph"]["queries"]
    rd_q = engines.get("rdflib", {}).get("queries", {})
    ratios, checks = {}, {}
    for name, o in ox_q.items():
        kind = "parameter" if name in PARAMS else "listing"
        if "p50_s" in o:
            limit = TARGET_PARAM_S if kind == "parameter" else TARGET_LISTING_S
            checks[name] = {"kind": kind, "p50_s": o["p50_s"], "target_s": limit, "ok": o["p50_s"] <= limit}
        r = rd_q.get(name, {})
        if "p50_s" in o and ("p50_s" in r or "timeout" in r):
            rd_s = r.get("p50_s", r.get("timeout"))
            ratios[name] = {"ratio": rd_s / max(o["p50_s"], 1e-9), "lower_bound": "timeout" in r,
                            "rows_match": r.get("rows") == o.get("rows") if "rows" in r else None}
            checks[name]["ratio_ok"] = ratios[name]["ratio"] >= TARGET_RATIO
    report["ratio_p50"] = ratios
    load = engines["oxigraph"].get("load_s")
    report["acceptance"] = {"queries": checks, "load_s": load,
                            "load_ok": load is not None and load <= TARGET_LOAD_S}


def main(argv: list[str] | None = None) -> None:
    from queries.catalog import list_queries

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--triples", type=int, default=1_000_000)
    ap.add_argument("--out", type=Path, default=Path("build/bench.json"))
    ap.add_argument("--data", type=Path, help="use this N-Quads file instead of generating one")
    ap.add_argument("--query", nargs="+", help="only these catalog queries")
    ap.add_argument("--engine", nargs="+", choices=ENGINES, default=list(ENGINES))
    ap.add_argument("--repeats", type=int, default=20, help="runs per query on Oxigraph")
    ap.add_argument("--rdflib-repeats", type=int, default=3, help="runs per query on rdflib (slow)")
    ap.add_argument("--timeout", type=float, default=120.0, help="seconds per engine-query pair")
    ap.add_argument("--load-timeout", type=float, default=900.0, help="seconds for one engine to load")
    ap.add_argument("--limit", type=int, help="page size for listings (default: the catalog's; 0 = all rows)")
    ap.add_argument("--worker", choices=ENGINES, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    names = args.query or [q.name for q in list_queries()]
    if args.worker:
        worker(args.worker, args.data, names, args.repeats, args.timeout, args.limit)
        return
    with tempfile.TemporaryDirectory() as tmp:
        data = args.data
        if data is None:
            data = Path(tmp) / "bench.nq"
            count = generate(args.triples, data)
        else:
            count = sum(1 for line in data.open(encoding="utf-8") if line.strip())
        report: dict = {"triples": count, "params": PARAMS, "page_limit": args.limit, "cpus": os.cpu_count(),
                        "load_average_at_start": os.getloadavg(), "engines": {}}
        for engine in args.engine:
            report["engines"][engine] = run_engine(engine, data, names, args)
            print(f"{engine}: loaded in {report['engines'][engine]['load_s'] or float('nan'):.1f} s",
                  file=sys.stderr)
    summarise(report)
    write_report(args.out, report, echo=False)
    print(format_table(report))


def format_table(report: dict) -> str:
    """A Markdown table of the run (the one in docs/queries.md)."""
    eng = report["engines"]
    lines = ["| query | kind | rows | Oxigraph p50 / p95 ms | rdflib p50 / p95 ms | ratio |",
             "|---|---|---|---|---|---|"]
    ox_q, rd_q = eng.get("oxigraph", {}).get("queries", {}), eng.get("rdflib", {}).get("queries", {})

    def cell(q: dict) -> str:
        if "p50_s" in q:
            return f"{q['p50_s'] * 1000:.1f} / {q['p95_s'] * 1000:.1f}"
        return f"timeout (> {q['timeout']:.0f} s)" if "timeout" in q else q.get("error", "–")

    for name in sorted(set(ox_q) | set(rd_q)):
        o, r = ox_q.get(name, {}), rd_q.get(name, {})
        ratio = report.get("ratio_p50", {}).get(name)
        rtext = "–" if ratio is None else f"{'≥ ' if ratio['lower_bound'] else ''}{ratio['ratio']:.1f}×"
        lines.append(f"| {name} | {'parameter' if name in PARAMS else 'listing'} | {o.get('rows', r.get('rows', '–'))} "
                     f"| {cell(o)} | {cell(r)} | {rtext} |")
    for e, v in eng.items():
        load = "timeout" if v.get("load_s") is None else f"{v['load_s']:.1f} s"
        lines.append(f"\n{e}: load {load}, peak RSS {v['peak_rss_mb']:.0f} MB")
    return "\n".join(lines)


if __name__ == "__main__":
    main()
