"""`build --workers`: a real process pool gives the graph, and the file, that one worker gives."""
from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from rdflib import Dataset

from graph_builder.build import build, serialize
from graph_builder.parallel import SMALL_BUILD, auto_workers, default_workers, extract_one
from graph_builder.pipeline import Pipeline
from graph_builder.readers import read_inputs
from graph_builder.scale import run_build
from tests.graph_builder.test_cli_build import _conflictkg
from tests.scale.conftest import CORPUS, dev_sets, replicate


def quads(ds: Dataset) -> set[tuple[str, ...]]:
    return {tuple(str(t) for t in q) for q in ds.quads((None, None, None, None))}


def nquads(path: Path) -> set[tuple[str, ...]]:
    return quads(Dataset().parse(path, format="nquads"))


@pytest.mark.parametrize("suffix", [".nq", ".trig", ".ttl"])
def test_two_workers_write_the_same_file_as_one(tmp_path: Path, suffix: str) -> None:
    files = []
    for n in (1, 2):
        out = tmp_path / f"w{n}{suffix}"
        proc = subprocess.run([*_conflictkg(), "build", str(CORPUS), "-o", str(out), "--workers", str(n)],
                              capture_output=True, text=True, check=False)
        assert proc.returncode == 0, proc.stderr
        assert "built 5 document(s)" in proc.stderr
        files.append(out.read_bytes())
    assert files[0] == files[1]
    assert len(files[0]) > 10_000


def test_parallel_graph_is_the_sequential_build(tmp_path: Path) -> None:
    """The pool path against the library's plain loop (`build()`), quad for quad, graph names included."""
    result = run_build([str(CORPUS)], 2, output=tmp_path / "g.nq", need_dataset=True)
    expected = quads(build([str(CORPUS)]).dataset)
    assert quads(result.dataset) == expected
    assert nquads(tmp_path / "g.nq") == expected
    assert result.documents == sorted(result.documents) and len(result.documents) == 5


@pytest.mark.parametrize("suffix", [".nq", ".trig"])
def test_the_sequential_build_writes_the_bytes_of_the_pool(tmp_path: Path, suffix: str) -> None:
    """`build()` + `serialize()` (rdflib's quad writers followed its hash-seeded order) against two workers."""
    serialize(build([str(CORPUS)]), tmp_path / f"seq{suffix}")
    run_build([str(CORPUS)], 2, output=tmp_path / f"pool{suffix}")
    assert (tmp_path / f"seq{suffix}").read_bytes() == (tmp_path / f"pool{suffix}").read_bytes()


def test_a_document_graph_does_not_depend_on_the_documents_before_it() -> None:
    """No state crosses documents: each one, after the others in reverse order or alone in a fresh pipeline,
    gives the same bytes."""
    docs = [d for d in read_inputs([CORPUS])]
    shared = Pipeline()
    forward = [extract_one(d, pipeline=shared).nquads for d in docs]
    backward = [extract_one(d, pipeline=shared).nquads for d in reversed(docs)][::-1]
    alone = [extract_one(d, pipeline=Pipeline()).nquads for d in docs[:2]]
    assert forward == backward
    assert forward[:2] == alone


def test_read_errors_are_reported_in_order_and_the_rest_builds(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x", "text": "نص"}\nnot json\n{"id": "y"}\n', encoding="utf-8")
    seen: list[str] = []
    result = run_build([str(bad), str(CORPUS)], 2, on_error=lambda e: seen.append(e.where))
    assert seen == [f"{bad}:2", f"{bad}:3"]
    assert result.documents[0] == "x" and len(result.documents) == 6


def test_dev_sets_two_workers_isomorphic_to_one(tmp_path: Path) -> None:
    inputs = [str(p) for p in dev_sets()]
    one = run_build(inputs, 1, output=tmp_path / "one.nq")
    two = run_build(inputs, 2, output=tmp_path / "two.nq")
    assert one.documents == two.documents and len(one.documents) >= 70
    assert (tmp_path / "one.nq").read_bytes() == (tmp_path / "two.nq").read_bytes()
    assert nquads(tmp_path / "one.nq") == quads(build(inputs).dataset)


def test_reference_entities_load_in_the_same_order_in_every_process() -> None:
    """Found by the dev-set test: entities were read from a set, so in each worker process a short form
    shared by several entities ('البارزاني') resolved to whichever came first under that process's hash seed."""
    import os
    import sys

    script = "from graph_builder.resources import default_resources as r; print(list(r().entities)[:40])"
    orders = {subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                             env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "2")}
    assert len(orders) == 1 and "_" in orders.pop()


def test_reason_adds_the_inferred_graph_to_a_streamed_output(tmp_path: Path) -> None:
    files = []
    for n in (1, 2):
        out = tmp_path / f"w{n}.nq"
        subprocess.run([*_conflictkg(), "build", str(CORPUS), "-o", str(out), "--workers", str(n), "--reason"],
                       capture_output=True, text=True, check=True)
        files.append(out.read_bytes())
    assert files[0] == files[1]
    inferred = [line for line in files[0].splitlines() if line.endswith(b"/graph/inferred> .")]
    assert any(b"ontology#accuses>" in line for line in inferred)


@pytest.mark.parametrize("workers", ["1", "2"])
def test_max_doc_mb_holds_with_workers(tmp_path: Path, workers: str) -> None:
    """--max-doc-mb reached the sequential reader only; with --workers an oversized document still built."""
    seed = next(iter(sorted(CORPUS.glob("*.txt"))))
    big = tmp_path / "big.txt"
    big.write_text(seed.read_text(encoding="utf-8") * 3, encoding="utf-8")
    out = tmp_path / "g.nq"
    proc = subprocess.run([*_conflictkg(), "build", str(big), str(seed), "-o", str(out), "--max-doc-mb", "0.01",
                           "--workers", workers], capture_output=True, text=True, check=False)
    assert proc.returncode == 1, proc.stderr
    assert f"{big}: document is" in proc.stderr and "over the per-document limit of 0.01 MB" in proc.stderr
    graphs = {line.rsplit(b" ", 2)[-2] for line in out.read_bytes().splitlines()}
    assert graphs == {f"<https://w3id.org/conflictkg/resource/graph/doc/{seed.stem}>".encode()}


def test_auto_workers_stays_in_process_below_the_threshold_and_takes_every_core_above() -> None:
    assert auto_workers(1) == auto_workers(SMALL_BUILD - 1) == 1
    assert auto_workers(SMALL_BUILD) == auto_workers(100_000) == default_workers()


@pytest.mark.parametrize("suffix", [".nq", ".ttl"])
def test_build_without_workers_uses_every_core_on_a_big_input_and_writes_what_one_worker_writes(
        tmp_path: Path, suffix: str) -> None:
    """No --workers: SMALL_BUILD documents go to one worker per core (named on the progress line), 5 stay in
    this process (no worker line); either way the file is the one `-j 1` writes."""
    big = replicate(CORPUS, SMALL_BUILD // 5, tmp_path / "big.jsonl")
    files = {}
    for name, args in {"auto": [], "one": ["-j", "1"]}.items():
        out = tmp_path / f"{name}{suffix}"
        proc = subprocess.run([*_conflictkg(), "build", str(big), "-o", str(out), *args],
                              capture_output=True, text=True, check=False)
        assert proc.returncode == 0, proc.stderr
        files[name] = (out.read_bytes(), proc.stderr)
    n = default_workers()
    label = f"{n} worker{'s' if n > 1 else ''}: {SMALL_BUILD}/{SMALL_BUILD} documents"
    assert label in files["auto"][1] and "1 worker: " in files["one"][1]
    assert files["auto"][0] == files["one"][0] and len(files["auto"][0]) > 100_000
    small = subprocess.run([*_conflictkg(), "build", str(CORPUS), "-o", str(tmp_path / f"small{suffix}")],
                           capture_output=True, text=True, check=False)
    assert small.returncode == 0 and not re.search(r"\d+ workers?: ", small.stderr), small.stderr
