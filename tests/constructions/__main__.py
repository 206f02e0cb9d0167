"""`python -m tests.constructions`: the pass rate of every capability of the construction suite, as a table
(and `--json FILE` for the figures); `--mark` rewrites each file's `xfail` markers from today's results."""
from __future__ import annotations

import argparse
import json
from collections import defaultdict
from pathlib import Path

from graph_builder.pipeline import Pipeline
from tests.constructions.matching import HERE, check, load_cases

_OWNER = {"statements": "issue 12", "attacks": "issue 11"}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--json", type=Path)
    ap.add_argument("--mark", action="store_true", help="set xfail on failing cases, clear it on passing ones")
    ap.add_argument("--failures", metavar="CAPABILITY", help="print each failing case of one capability")
    a = ap.parse_args()
    pipeline, cases = Pipeline(), load_cases()
    results = {c.id: check(c, pipeline) for c in cases}
    per: dict[str, list[bool]] = defaultdict(list)
    stmts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for c in cases:
        per[c.capability].append(results[c.id].passed)
        stmts[c.capability] = [a + b for a, b in zip(stmts[c.capability], results[c.id].statements, strict=True)]
        if a.failures == c.capability and not results[c.id].passed:
            print(f"- {c.text}\n  {results[c.id].why}\n")
    width = max(len(k) for k in per)
    print(f"{'capability':{width}s}  pass  cases  rate  statement-F1")
    for cap in sorted(per):
        ok = per[cap]
        print(f"{cap:{width}s}  {sum(ok):4d}  {len(ok):5d}  {sum(ok) / len(ok):.2f}  {_f1(stmts[cap])}")
    total = [p for ok in per.values() for p in ok]
    every = [sum(v[i] for v in stmts.values()) for i in range(3)]
    print(f"{'all':{width}s}  {sum(total):4d}  {len(total):5d}  {sum(total) / len(total):.2f}  {_f1(every)}")
    if a.json:
        a.json.parent.mkdir(parents=True, exist_ok=True)
        a.json.write_text(json.dumps({k: {"pass": sum(v), "cases": len(v), "statements": stmts[k]}
                                      for k, v in per.items()}, indent=1))
    if a.mark:
        _mark(results)
    return 0


def _f1(counts: list[int]) -> str:
    """F1 of (right, made, expected), or a dash where the capability expects and makes no statement."""
    right, made, expected = counts
    if made + expected == 0:
        return "    -"
    return f"{2 * right / (made + expected):.2f}"


def _mark(results: dict) -> None:
    for path in sorted(HERE.glob("*.jsonl")):
        rows = []
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            row = json.loads(line)
            row.pop("xfail", None)
            if not results[f"{row['capability']}-{n}"].passed:
                row["xfail"] = _OWNER["statements" if "statements" in row["expect"] else "attacks"]
            rows.append(json.dumps(row, ensure_ascii=False))
        path.write_text("\n".join(rows) + "\n", encoding="utf-8")


if __name__ == "__main__":
    raise SystemExit(main())
