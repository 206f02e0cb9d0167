"""Cost against document size: `python -m graph_builder.bench_size --out build/bench-size.json`.

One article of 1, 2 and 4 MB (corpus/ texts repeated) goes through the pipeline and the RDF writer in its own
process, so each size gets its own CPU time and peak RSS. Cost must grow linearly with the text: at most
2.5x per doubling and under 1 GB RSS. A report, not a test: times depend on the machine and its load.
"""
from __future__ import annotations

import argparse
import itertools
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from graph_builder.bench_report import write_report

_CHILD = """
import resource, sys, time
from graph_builder.pipeline import Pipeline
from graph_builder.rdf import document_graph
from graph_builder.readers import read_inputs
pipeline = Pipeline()
started = time.process_time()
(raw,) = list(read_inputs([sys.argv[1]], max_bytes=None))
doc = pipeline.process(raw)
triples = len(list(document_graph(doc)))
print(time.process_time() - started, triples, len(doc.sentences),
      resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""


def synthetic_article(corpus: Path, size_bytes: int) -> str:
    """corpus/ texts repeated, one after another, until the article holds `size_bytes` of UTF-8."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.txt"))]
    if not texts:
        raise SystemExit(f"{corpus}: no .txt files to repeat")
    parts: list[str] = []
    size = i = 0
    while size < size_bytes:
        parts.append(texts[i % len(texts)])
        size += len(parts[-1].encode("utf-8")) + 2
        i += 1
    return "\n\n".join(parts)


def measure(path: Path) -> dict[str, float]:
    """CPU seconds of the pipeline and RDF for one document (resource loading excluded), and peak RSS."""
    started = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", _CHILD, str(path)], capture_output=True, text=True, check=True)
    cpu, triples, sentences, rss = out.stdout.split()
    return {"cpu_s": round(float(cpu), 2), "wall_s": round(time.perf_counter() - started, 2),
            "triples": int(triples), "sentences": int(sentences), "peak_rss_mb": round(float(rss), 1)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--corpus", type=Path, default=Path("corpus"))
    ap.add_argument("--sizes", type=float, nargs="+", default=[1, 2, 4], help="article sizes in MB")
    ap.add_argument("--out", type=Path, default=Path("build/bench-size.json"))
    args = ap.parse_args(argv)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for mb in args.sizes:
            path = Path(tmp) / f"article-{mb:g}mb.txt"
            path.write_text(synthetic_article(args.corpus, int(mb * 1024 * 1024)), encoding="utf-8")
            rows.append({"mb": mb, "bytes": path.stat().st_size, **measure(path)})
            print(json.dumps(rows[-1]), file=sys.stderr, flush=True)
    ratios = [round(b["cpu_s"] / a["cpu_s"], 2) for a, b in itertools.pairwise(rows) if a["cpu_s"]]
    report = {
        "benchmark": "one article of growing size: pipeline + RDF CPU time (one core) and peak RSS",
        "cores": os.cpu_count(),
        "load_avg_1min": round(os.getloadavg()[0], 2),
        "sizes": rows,
        "cpu_ratio_per_step": ratios,
        "acceptance": {
            "within_2_5x_per_doubling": all(r <= 2.5 for r in ratios),
            "under_1gb_rss": all(r["peak_rss_mb"] < 1024 for r in rows),
        },
        "children_cpu_s": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_utime, 1),
    }
    write_report(args.out, report)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
