"""Scale benchmark: `python -m graph_builder.bench_scale --out build/bench-scale.json` (`make bench-scale`).

1. 10,000 articles (the dev sets when ../shared is present, and corpus/, replicated with distinct ids) end to
   end: `conflictkg build --shards` then `conflictkg load` into a fresh embedded store, with `--workers 1`,
   `--workers 2` and `--dask local`; wall time, documents/s and peak RSS of the whole process tree (sampled),
   and the speed-up over one worker. The three runs must write identical shards.
2. Bulk load of the first shards holding ≥ 1M quads into the embedded store and into a private Virtuoso (its
   bulk loader), with the quad counts and catalog row counts of both.
3. 100,000 articles as a projection: the 10,000-article shards are replicated with new ids (the extraction
   rate is already measured), then bulk loaded; with the extraction rate this states what a million costs.

Every figure is taken on a machine other sessions may share: the load average is recorded beside it.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import psutil

from graph_builder.bench_report import write_report
from graph_builder.document import RawDocument
from graph_builder.readers import read_inputs
from graph_builder.shards import compress, manifest_path, read_bytes

ROOT = Path(__file__).resolve().parent.parent
_ID = re.compile(rb"bench(\d{7})")


def _base_documents(shared: Path) -> list[RawDocument]:
    dev = sorted((shared / "eval" / "dev").glob("*.jsonl"))
    return [d for d in read_inputs([*map(str, dev), str(ROOT / "corpus")]) if isinstance(d, RawDocument)]


def write_articles(n: int, out: Path, shared: Path) -> dict:
    """`n` articles cycling over the base documents, each with a distinct id `benchNNNNNNN` (build/ only)."""
    base = _base_documents(shared)
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as fh:
        for i in range(n):
            d = base[i % len(base)]
            fh.write(json.dumps({"id": f"bench{i:07d}", "text": d.text, "title": d.title,
                                 "published": d.published.isoformat() if d.published else None},
                                ensure_ascii=False) + "\n")
    return {"base_documents": len(base), "mean_chars": round(sum(len(d.text) for d in base) / len(base))}


def measure(cmd: list[str], *, label: str) -> dict:
    """Run `cmd`; wall time, and the peak of the summed RSS of it and all its descendants (sampled 10/s)."""
    load_before = os.getloadavg()[0]
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        root = psutil.Process(proc.pid)
        while not done.is_set():
            try:
                tree = [root, *root.children(recursive=True)]
                peak = max(peak, sum(p.memory_info().rss for p in tree if p.is_running()))
            except psutil.Error:
                pass
            done.wait(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, stderr = proc.communicate()
    done.set()
    sampler.join()
    wall = time.perf_counter() - started
    if proc.returncode != 0:
        raise SystemExit(f"{label} failed ({proc.returncode}): {stderr[-2000:]}")
    print(f"  {label}: {wall:.1f} s, peak RSS {peak / 2**20:.0f} MB (load {load_before:.1f})", flush=True)
    summary = " ".join(stderr.split("\n\n")[-1].split()) if stderr.strip() else ""
    own = re.findall(r" in (\d+(?:\.\d+)?)s", summary)  # the command's own timing, without interpreter start-up
    return {"wall_s": round(wall, 2), "command_s": float(own[-1]) if own else None,
            "peak_rss_mb": round(peak / 2**20, 1), "loadavg_1m_before": load_before,
            "loadavg_1m_after": round(os.getloadavg()[0], 2), "summary": summary[-300:]}


def _digest(folder: Path) -> str:
    h = hashlib.sha256()
    for p in sorted(folder.glob("part-*")):
        h.update(p.name.encode() + read_bytes(p) if p.name.endswith(".gz") else p.read_bytes())
    return h.hexdigest()


def _replicate_shard(args: tuple[str, str, int]) -> int:
    """One shard copied with every benchNNNNNNN id shifted by `offset` (a new, distinct set of documents)."""
    src, dst, offset = args
    data = _ID.sub(lambda m: b"bench%07d" % (int(m.group(1)) + offset), read_bytes(Path(src)))
    Path(dst).write_bytes(compress(data))
    manifest = json.loads(manifest_path(Path(src)).read_text(encoding="utf-8"))
    manifest["documents"] = [f"bench{int(d[5:]) + offset:07d}" for d in manifest["documents"]]
    manifest["shard"] = Path(dst).name
    manifest_path(Path(dst)).write_text(json.dumps(manifest), encoding="utf-8")
    return data.count(b"\n")


def replicate_shards(src: Path, dst: Path, times: int, n: int, workers: int) -> int:
    shutil.rmtree(dst, ignore_errors=True)
    dst.mkdir(parents=True)
    shards = sorted(src.glob("part-*.nq.gz"))
    jobs = [(str(s), str(dst / f"part-{k * len(shards) + i:05d}.nq.gz"), k * n)
            for k in range(times) for i, s in enumerate(shards)]
    with ProcessPoolExecutor(workers) as pool:
        return sum(pool.map(_replicate_shard, jobs))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--projection", type=int, default=100_000, help="articles for the shards + load stage")
    ap.add_argument("--shared", type=Path, default=Path(os.environ.get("SHARED", ROOT.parent / "shared")))
    ap.add_argument("--work", type=Path, default=Path("build/bench-scale"))
    ap.add_argument("--out", type=Path, default=Path("build/bench-scale.json"))
    ap.add_argument("--modes", default="workers1,workers2,dask")
    args = ap.parse_args(argv)
    from graph_builder.bench_scale_stages import load_1m, projection, virtuoso_1m

    ckg = [str(Path(sys.executable).with_name("conflictkg"))]
    work: Path = args.work
    shutil.rmtree(work, ignore_errors=True)
    articles = work / "articles.jsonl"
    report: dict = {"benchmark": "scale: extract + shards + bulk load", "machine": {
        "cores": os.cpu_count(), "memory_gb": round(psutil.virtual_memory().total / 2**30, 1),
        "python": sys.version.split()[0], "loadavg_at_start": os.getloadavg()}}
    report["input"] = {"articles": args.articles, **write_articles(args.articles, articles, args.shared)}
    runs: dict[str, dict] = {}
    commands = {"workers1": ["--workers", "1"], "workers2": ["--workers", "2"],
                "dask": ["--dask", "local", "--workers", "2"]}
    for mode in args.modes.split(","):
        print(f"{mode}:", flush=True)
        shards, store = work / mode / "shards", work / mode / "store"
        extract = measure([*ckg, "build", str(articles), "--shards", str(shards), *commands[mode]],
                          label="extract + write shards")
        loaded = measure([*ckg, "load", str(shards), "--store", str(store)], label="bulk load")
        quads = sum(json.loads(p.read_text())["quads"] for p in shards.glob("part-*.json"))
        total = extract["wall_s"] + loaded["wall_s"]
        runs[mode] = {"extract": extract, "load": loaded, "end_to_end_s": round(total, 2),
                      "documents_per_s": round(args.articles / total, 1),
                      "extract_documents_per_s": round(args.articles / extract["wall_s"], 1),
                      "peak_rss_mb": max(extract["peak_rss_mb"], loaded["peak_rss_mb"]), "quads": quads,
                      "shards_sha256": _digest(shards)}
        shutil.rmtree(store, ignore_errors=True)
    report["runs"] = runs
    if "workers1" in runs:
        for mode in runs:
            runs[mode]["speedup_end_to_end"] = round(runs["workers1"]["end_to_end_s"] / runs[mode]["end_to_end_s"], 2)
            runs[mode]["speedup_extract"] = round(runs["workers1"]["extract"]["wall_s"]
                                                  / runs[mode]["extract"]["wall_s"], 2)
    report["identical_shards"] = len({r["shards_sha256"] for r in runs.values()}) == 1
    best = work / ("workers2" if "workers2" in runs else next(iter(runs))) / "shards"
    report["load_1m"] = load_1m(best, work, ckg)
    report["virtuoso_1m"] = virtuoso_1m(work)
    rate = runs.get("workers2", next(iter(runs.values())))["extract_documents_per_s"]
    report["projection"] = projection(best, work, ckg, args.articles, args.projection, rate)
    report["loadavg_at_end"] = os.getloadavg()
    write_report(args.out, report)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
