"""Benchmark of `--reason`: how long the derivation rules take on a contract-shaped synthetic graph.

`python -m ontology.bench --triples 100000 --out build/bench-reason.json`. The acceptance budget is 10 s for
100,000 triples (owlrl's full closure needs ~16 s per 50,000, which is why the rules are SPARQL). Two paths are
timed, each as what the CLI runs:

- `derive`: `ontology.reason.derive(graph)` on an rdflib graph, as `conflictkg build --reason -o FILE` does;
- `reason_store`: `conflictkg reason --store DIR` on an embedded Oxigraph store holding one named graph per
  document (read the asserted graphs, derive, swap the result in as `res:graph/inferred`).

The graph has what the rules read: statements of all five types with speaker, accused and about, attacks with
targets, and a place hierarchy (facility locatedIn city partOf province partOf region locatedIn state), so every
rule fires, plus the evidence, documents and labels that make up most of a real graph's triples.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef

from ontology.vocab import CKG, RES

ATTACKS = ("RocketAttack", "DroneAttack", "BombingAttack", "Airstrike", "StormingAttack")
STATEMENTS = ("Accusation", "Denial", "ClaimOfResponsibility", "Condemnation", "Threat")
BUDGET_S = 10.0


def _labels(graph: Graph, node: URIRef, ar: str, en: str) -> None:
    graph.add((node, RDFS.label, Literal(ar, lang="ar")))
    graph.add((node, RDFS.label, Literal(en, lang="en")))


def _gazetteer(rnd: random.Random, actors: int) -> tuple[Graph, list[URIRef], list[URIRef]]:
    """Reference entities: actors, and places nested four deep so containment has chains to follow."""
    g = Graph()
    people = []
    for i in range(actors):
        node = RES[f"entity/actor{i}"]
        kind = CKG.State if i < 10 else (CKG.Person if i % 3 == 0 else CKG.ArmedGroup)
        g.add((node, RDF.type, kind))
        _labels(g, node, f"فاعل {i}", f"Actor {i}")
        if kind == CKG.Person:
            g.add((node, CKG.officialOf, RES[f"entity/actor{i % 10}"]))
        people.append(node)
    facilities = []
    for r in range(4):
        region = RES[f"entity/region{r}"]
        g.add((region, RDF.type, CKG.Place))
        g.add((region, CKG.locatedIn, RES["entity/actor0"]))
        _labels(g, region, f"إقليم {r}", f"Region {r}")
        for p in range(5):
            province = RES[f"entity/province{r}-{p}"]
            g.add((province, RDF.type, CKG.Place))
            g.add((province, CKG.partOf, region))
            _labels(g, province, f"محافظة {r}-{p}", f"Province {r}-{p}")
            for c in range(5):
                city = RES[f"entity/city{r}-{p}-{c}"]
                g.add((city, RDF.type, CKG.Place))
                g.add((city, CKG.partOf, province))
                _labels(g, city, f"مدينة {r}-{p}-{c}", f"City {r}-{p}-{c}")
                base = RES[f"entity/base{r}-{p}-{c}"]
                g.add((base, RDF.type, rnd.choice((CKG.MilitaryBase, CKG.Embassy))))
                g.add((base, CKG.locatedIn, city))
                _labels(g, base, f"قاعدة {r}-{p}-{c}", f"Base {r}-{p}-{c}")
                facilities.append(base)
    return g, people, facilities


def _document(rnd: random.Random, d: int, actors: list[URIRef], facilities: list[URIRef]) -> Graph:
    """One document's named graph: an attack, four statements about it, their evidence."""
    g = Graph()
    doc = RES[f"doc/d{d}"]
    date = Literal(f"2020-{1 + d % 12:02d}-{1 + d % 28:02d}", datatype=XSD.date)
    g.add((doc, RDF.type, CKG.Document))
    g.add((doc, CKG.documentText, Literal(f"نص الخبر رقم {d}", lang="ar")))
    attack, target = RES[f"event/a{d}"], rnd.choice(facilities)
    events = [(attack, CKG[rnd.choice(ATTACKS)])]
    g.add((attack, CKG.target, target))
    g.add((attack, CKG.location, target))
    g.add((attack, CKG.date, date))
    g.add((attack, CKG.status, CKG.CarriedOut))
    g.add((attack, CKG.projectileCount, Literal(rnd.randint(1, 9), datatype=XSD.integer)))
    for s in range(4):
        statement = RES[f"event/s{d}-{s}"]
        events.append((statement, CKG[rnd.choice(STATEMENTS)]))
        g.add((statement, CKG.speaker, rnd.choice(actors)))
        if rnd.random() < 0.8:  # a denial without an accused party falls back to its speaker
            g.add((statement, CKG.accused, rnd.choice(actors)))
        g.add((statement, CKG.about, attack))
        g.add((statement, CKG.date, date))
    for i, (event, kind) in enumerate(events):
        evidence = RES[f"evidence/d{d}-{i * 100}-{i * 100 + 80}"]
        g.add((event, RDF.type, kind))
        g.add((event, CKG.reportedIn, doc))
        g.add((event, CKG.confidence, Literal("0.8", datatype=XSD.decimal)))
        g.add((event, CKG.evidence, evidence))
        g.add((evidence, RDF.type, CKG.Evidence))
        g.add((evidence, CKG.inDocument, doc))
        g.add((evidence, CKG.startOffset, Literal(i * 100, datatype=XSD.integer)))
        g.add((evidence, CKG.endOffset, Literal(i * 100 + 80, datatype=XSD.integer)))
        g.add((evidence, CKG.evidenceText, Literal(f"جملة الدليل {d}-{i}", lang="ar")))
    return g


def generate(triples: int, seed: int = 7) -> tuple[Graph, list[tuple[URIRef, Graph]]]:
    """A gazetteer graph and per-document graphs that together hold at least `triples` triples."""
    rnd = random.Random(seed)
    gazetteer, actors, facilities = _gazetteer(rnd, max(50, triples // 500))
    docs: list[tuple[URIRef, Graph]] = []
    total = len(gazetteer)
    while total < triples:
        g = _document(rnd, len(docs), actors, facilities)
        docs.append((RES[f"graph/doc/d{len(docs)}"], g))
        total += len(g)
    return gazetteer, docs


def _time_derive(graph: Graph, repeats: int) -> tuple[list[float], Graph]:
    from ontology.reason import derive

    seconds, derived = [], Graph()
    for _ in range(repeats):
        started = time.perf_counter()
        derived = derive(graph)
        seconds.append(time.perf_counter() - started)
    return seconds, derived


def _time_store(gazetteer: Graph, docs: list[tuple[URIRef, Graph]], repeats: int) -> list[float]:
    """`conflictkg reason --store` on an on-disk store, timed after the documents are loaded."""
    from graph_builder.cli_ontology import reason_in_store
    from queries.store import ONTOLOGY_GRAPH, open_store

    seconds = []
    with tempfile.TemporaryDirectory(prefix="ckg-bench-reason-") as folder:
        location = str(Path(folder) / "store")
        store = open_store(location)
        try:
            store.replace_graph(ONTOLOGY_GRAPH, gazetteer)
            for name, g in docs:
                store.replace_graph(name, g)
        finally:
            store.close()
        for _ in range(repeats):
            started = time.perf_counter()
            reason_in_store(location)
            seconds.append(time.perf_counter() - started)
    return seconds


def run(triples: int, repeats: int = 3, store: bool = True, seed: int = 7) -> dict:
    """Generate the graph, time both paths, and return the figures as a JSON-ready dict."""
    started = time.perf_counter()
    gazetteer, docs = generate(triples, seed)
    union = Graph()
    union += gazetteer
    for _, g in docs:
        union += g
    generated = time.perf_counter() - started
    derive_s, derived = _time_derive(union, repeats)
    report: dict = {
        "triples": len(union),
        "documents": len(docs),
        "generate_s": round(generated, 3),
        "derive_s": [round(s, 3) for s in derive_s],
        "derive_median_s": round(statistics.median(derive_s), 3),
        "derived_triples": len(derived),
        "derived_by_relation": dict(sorted(Counter(str(p).rsplit("#", 1)[-1] for _, p, _ in derived).items())),
    }
    if store:
        store_s = _time_store(gazetteer, docs, repeats)
        report["reason_store_s"] = [round(s, 3) for s in store_s]
        report["reason_store_median_s"] = round(statistics.median(store_s), 3)
    worst = max(report["derive_median_s"], report.get("reason_store_median_s", 0.0))
    report.update(budget_s=BUDGET_S, within_budget=worst <= BUDGET_S, python=platform.python_version(),
                  machine=platform.machine(), cpus=os.cpu_count())
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ontology.bench", description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, default=100_000, help="size of the synthetic graph")
    parser.add_argument("--repeats", type=int, default=3, help="timed runs of each path (the median counts)")
    parser.add_argument("--no-store", action="store_true", help="time only derive(), not reason --store")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, help="write the figures here as JSON")
    args = parser.parse_args(argv)
    report = run(args.triples, args.repeats, store=not args.no_store, seed=args.seed)
    text = json.dumps(report, indent=2, ensure_ascii=False)
    if args.out is not None:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text + "\n", encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
