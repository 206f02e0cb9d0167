"""Build throughput benchmark: `python -m graph_builder.bench --out build/bench-build.json`.

Replicates corpus/ until it holds at least --sentences sentences, then times the pipeline cold (resource
loading plus a first pass with empty caches) and warm (second pass), as CPU time of this single-threaded
process (so sentences/s per core), and records peak memory.
"""
from __future__ import annotations

import argparse
import platform
import resource
import time
from pathlib import Path

from graph_builder.bench_report import write_report
from graph_builder.document import RawDocument
from graph_builder.pipeline import Pipeline
from graph_builder.rdf import document_graph
from graph_builder.readers import read_inputs


def _corpus(folder: Path, min_sentences: int, pipeline: Pipeline) -> tuple[list[RawDocument], int]:
    base = [d for d in read_inputs([folder]) if isinstance(d, RawDocument)]
    if not base:
        raise SystemExit(f"{folder}: no readable documents to benchmark")
    per_round = sum(len(pipeline.process(d).sentences) for d in base)
    rounds = -(-min_sentences // per_round)
    docs = [RawDocument(f"{d.id}-{i}", d.text, published=d.published) for i in range(rounds) for d in base]
    return docs, per_round * rounds


def _pass(pipeline: Pipeline, docs: list[RawDocument]) -> float:
    started = time.process_time()
    for raw in docs:
        document_graph(pipeline.process(raw))
    return time.process_time() - started


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--corpus", type=Path, default=Path("corpus"))
    ap.add_argument("--sentences", type=int, default=10_000)
    ap.add_argument("--out", type=Path, default=Path("build/bench-build.json"))
    args = ap.parse_args(argv)
    t0 = time.process_time()
    pipeline = Pipeline()
    load_s = time.process_time() - t0
    docs, n_sentences = _corpus(args.corpus, args.sentences, pipeline)
    from graph_builder.text.tokens import peel, reading

    peel.cache_clear()
    reading.cache_clear()
    cold = load_s + _pass(pipeline, docs)  # includes building the automata and the first dateparser calls
    warm = _pass(pipeline, docs)
    report = {
        "benchmark": "build throughput (pipeline + RDF per document), CPU time on one core",
        "python": platform.python_version(),
        "documents": len(docs),
        "sentences": n_sentences,
        "resource_load_s": round(load_s, 3),
        "cold": {"seconds": round(cold, 3), "sentences_per_s": round(n_sentences / cold, 1)},
        "warm": {"seconds": round(warm, 3), "sentences_per_s": round(n_sentences / warm, 1)},
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }
    write_report(args.out, report)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
