"""Benchmark: load time, peak memory and p50/p95 of every catalog query, embedded Oxigraph vs rdflib in memory.

`python -m queries.bench --triples 1000000 --out build/bench.json`. The synthetic graph has the contract's
shape (documents, actors with Arabic and English labels, attacks, typed statements, evidence), one named graph
per document. Each engine runs in its own process so peak RSS is its own.
"""
from __future__ import annotations

import argparse
import json
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox

from queries.store import PREFIXES

CKG, RES = PREFIXES["ckg"], PREFIXES["res"]
XSD, RDFS, DCT = PREFIXES["xsd"], PREFIXES["rdfs"], PREFIXES["dcterms"]
ATTACKS = ["RocketAttack", "DroneAttack", "BombingAttack", "Airstrike", "StormingAttack"]
STATEMENTS = ["Accusation", "Denial", "ClaimOfResponsibility", "Condemnation", "Threat"]
#: Parameters used for every run; the generator guarantees they exist.
PARAMS = {
    "attack-dossier": {"attack": RES + "event/a0-0"},
    "actor-profile": {"actor": "فاعل 7"},
    "attacks-by-target": {"target": RES + "entity/e3"},
    "timeline": {"from": "2020-03-01", "to": "2020-03-31"},
    "officials-of": {"state": RES + "entity/e0"},
    "evidence": {"node": RES + "event/s0-0"},
}


def _n(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


def generate(triples: int, path: Path, seed: int = 7) -> int:
    """Write an N-Quads file of about `triples` quads; returns the exact count."""
    rnd = random.Random(seed)
    actors = max(50, triples // 500)
    typ, label = _n(PREFIXES["rdf"] + "type"), _n(RDFS + "label")
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
        day = f"2020-{1 + d % 12:02d}-{1 + d % 28:02d}"
        date = ox.Literal(day, datatype=_n(XSD + "date"))
        out += [ox.Quad(doc, typ, _n(CKG + "Document"), g),
                ox.Quad(doc, _n(DCT + "identifier"), ox.Literal(f"d{d}"), g),
                ox.Quad(doc, _n(DCT + "issued"), date, g)]
        attack = _n(f"{RES}event/a{d}-0")
        out += [ox.Quad(attack, typ, _n(CKG + rnd.choice(ATTACKS)), g),
                ox.Quad(attack, _n(CKG + "reportedIn"), doc, g),
                ox.Quad(attack, _n(CKG + "target"), _n(f"{RES}entity/e{rnd.randrange(actors)}"), g),
                ox.Quad(attack, _n(CKG + "date"), date, g),
                ox.Quad(attack, _n(CKG + "projectileCount"), ox.Literal(str(rnd.randint(1, 9)),
                                                                       datatype=_n(XSD + "integer")), g)]
        for s in range(4):
            st, ev = _n(f"{RES}event/s{d}-{s}"), _n(f"{RES}evidence/d{d}-{s * 100}-{s * 100 + 80}")
            out += [ox.Quad(st, typ, _n(CKG + rnd.choice(STATEMENTS)), g),
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


def _timings(run, repeats: int) -> dict[str, float]:
    times, rows = [], 0
    for _ in range(repeats):
        start = time.perf_counter()
        rows = run()
        times.append(time.perf_counter() - start)
    times.sort()
    p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
    return {"p50_s": statistics.median(times), "p95_s": p95, "rows": rows, "runs": repeats}


def worker(engine: str, data: Path, repeats: int) -> dict:
    """Load `data` into one engine and time every catalog query; runs in its own process.

    The on-disk store lives in a temporary directory that goes away with the run (about 200 MB at 1M triples).
    """
    with tempfile.TemporaryDirectory(prefix="ckg-bench-") as tmp:
        return _measure(engine, data, repeats, Path(tmp))


def _measure(engine: str, data: Path, repeats: int, workdir: Path) -> dict:
    from queries.catalog import list_queries, to_term
    from queries.stores.oxigraph import OxigraphStore
    from queries.stores.terms import bind_values

    start = time.perf_counter()
    if engine == "oxigraph":
        store = OxigraphStore(workdir / "store")
        store.bulk_load(data)
        resolver = store
    else:
        import rdflib

        ds = rdflib.Dataset(default_union=True)
        ds.parse(data, format="nquads")
    load_s = time.perf_counter() - start
    if engine != "oxigraph":
        resolver = OxigraphStore(None)  # labels resolve the same way; only the timed query runs on rdflib
        resolver.bulk_load(data)
    results = {}
    for q in list_queries():
        params = PARAMS.get(q.name, {})
        bindings = {p.name: to_term(resolver, p, params[p.name]) for p in q.parameters if p.name in params}
        text = bind_values(q.sparql, bindings)
        if engine == "oxigraph":
            results[q.name] = _timings(lambda t=text: len(store.query(t)), repeats)
        else:
            results[q.name] = _timings(lambda t=text: len(list(ds.query(t))), repeats)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    resolver.close()
    return {"engine": engine, "load_s": load_s, "peak_rss_mb": peak_mb, "queries": results}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--triples", type=int, default=1_000_000)
    ap.add_argument("--out", type=Path, default=Path("build/bench.json"))
    ap.add_argument("--repeats", type=int, default=20, help="runs per query on Oxigraph")
    ap.add_argument("--rdflib-repeats", type=int, default=3, help="runs per query on rdflib (slow)")
    ap.add_argument("--worker", help=argparse.SUPPRESS)
    ap.add_argument("--data", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.worker:
        print(json.dumps(worker(args.worker, args.data, args.repeats)))
        return
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "bench.nq"
        count = generate(args.triples, data)
        report: dict = {"triples": count, "engines": {}}
        for engine, repeats in (("oxigraph", args.repeats), ("rdflib", args.rdflib_repeats)):
            proc = subprocess.run([sys.executable, "-m", "queries.bench", "--worker", engine, "--data", str(data),
                                   "--repeats", str(repeats)], capture_output=True, text=True, check=True)
            report["engines"][engine] = json.loads(proc.stdout)
            print(f"{engine}: loaded in {report['engines'][engine]['load_s']:.1f} s", file=sys.stderr)
    ox_q, rd_q = (report["engines"][e]["queries"] for e in ("oxigraph", "rdflib"))
    report["speedup_p50"] = {n: rd_q[n]["p50_s"] / max(ox_q[n]["p50_s"], 1e-9) for n in ox_q}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2, ensure_ascii=False))
    print(json.dumps(report["speedup_p50"], indent=2))


if __name__ == "__main__":
    main()
