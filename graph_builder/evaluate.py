"""`make eval`: build and score every gold set in ../shared/eval/dev and the outside set, one summary table.

The scorers live beside the gold (../shared/eval/score.py, gsr_score.py) and are run as they are, so the
figures are the ones reviewers compute. The project never needs ../shared to build or test; without it this
command says so and exits 0.
"""
from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import time
from pathlib import Path

_F1 = re.compile(r"F1 entities ([\d.]+) attacks ([\d.]+) statements ([\d.]+) \(lenient ([\d.]+)\)")
_GSR = re.compile(r"recall ([\d.]+) precision ([\d.]+) F1 ([\d.]+) false-alarm rate ([\d.]+)")


def _build(inputs: Path, output: Path) -> None:
    output.unlink(missing_ok=True)  # a failed build must not leave the last run's graph to be scored
    done = subprocess.run([sys.executable, "-m", "graph_builder", "build", str(inputs), "-o", str(output)],
                   check=False, capture_output=True, text=True)
    if done.returncode != 0:
        print(f"build of {inputs} failed (exit {done.returncode}):\n{done.stderr[-2000:]}", file=sys.stderr)


def _score(shared: Path, gold: Path, graph: Path, explain: bool) -> tuple[str, dict[str, float]]:
    entities = gold.with_name(gold.stem + "_entities.json")
    args = [sys.executable, str(shared / "score.py"), "--gold", str(gold), "--entities", str(entities), str(graph)]
    out = subprocess.run(args + (["--explain"] if explain else []), capture_output=True, text=True).stdout
    m = _F1.search(out)
    figures = dict(zip(("entities", "attacks", "statements", "lenient"), map(float, m.groups()), strict=True)) \
        if m else {}
    return out, figures


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--shared", type=Path, default=Path("../shared/eval"))
    ap.add_argument("--out", type=Path, default=Path("build/eval"))
    ap.add_argument("--quick", action="store_true", help="dev sets only, not the outside set")
    ap.add_argument("--explain", metavar="SET", help="print score.py --explain for one dev set (seeds, broad ...)")
    ap.add_argument("--json", type=Path, help="write the summary figures here")
    a = ap.parse_args(argv)
    if not (a.shared / "score.py").exists():
        print(f"no {a.shared}/score.py here: nothing to score")
        return 0
    a.out.mkdir(parents=True, exist_ok=True)
    rows: dict[str, dict[str, float]] = {}
    for gold in sorted((a.shared / "dev").glob("*.jsonl")):
        graph = a.out / f"{gold.stem}.nt"
        started = time.perf_counter()
        _build(gold, graph)
        out, figures = _score(a.shared, gold, graph, a.explain == gold.stem)
        figures["seconds"] = round(time.perf_counter() - started, 1)
        rows[gold.stem] = figures
        if a.explain == gold.stem:
            print(out)
    outside = sorted((a.shared / "outside").glob("*_dev.jsonl")) if not a.quick else []
    gsr: dict[str, float] = {}
    for split in outside:
        out = subprocess.run([sys.executable, str(a.shared / "gsr_score.py"), str(split), "--build",
                              f"{sys.executable} -m graph_builder build", "--out", str(a.out / "gsr")],
                             capture_output=True, text=True).stdout
        m = _GSR.search(out)
        if m:
            gsr = dict(zip(("recall", "precision", "f1", "false_alarm"), map(float, m.groups()), strict=True))
    print(f"{'set':10s} {'entities':>8s} {'attacks':>8s} {'stmts':>8s} {'lenient':>8s} {'secs':>6s}")
    for name, f in rows.items():
        cells = " ".join(f"{f.get(k, float('nan')):8.3f}" for k in ("entities", "attacks", "statements", "lenient"))
        print(f"{name:10s} {cells} {f['seconds']:6.1f}")
    if gsr:
        print(f"outside    attack recall {gsr['recall']:.3f} precision {gsr['precision']:.3f} "
              f"false-alarm {gsr['false_alarm']:.3f}")
    if a.json:
        a.json.write_text(json.dumps({"dev": rows, "outside": gsr}, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
