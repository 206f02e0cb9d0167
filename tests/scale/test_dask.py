"""`build --dask`: a real LocalCluster of 2 worker processes writes the shards a process pool writes."""
from __future__ import annotations

from pathlib import Path

from rdflib import Dataset

from graph_builder.dask_build import dask_build
from graph_builder.rdf import graph_iri
from graph_builder.scale import run_build
from graph_builder.shards import read_bytes
from tests.scale.conftest import CORPUS, DEV


def _inputs() -> list[str]:
    """corpus/, plus the dev sets when ../shared is present (they cannot be required: not part of the project)."""
    # the seeds set holds the corpus articles under the same ids: one of the two, or the build refuses duplicates
    return [str(CORPUS), *sorted(str(p) for p in DEV.glob("*.jsonl") if p.stem != "seeds")]


def test_dask_local_cluster_writes_the_shards_of_one_worker(tmp_path: Path) -> None:
    inputs = _inputs()
    one = run_build(inputs, 1, shards=tmp_path / "one", docs_per_shard=20, output=tmp_path / "one.nq")
    manifests, errors = dask_build(inputs, "local", tmp_path / "dask", workers=2, docs_per_shard=20)
    assert errors == []
    assert [m["documents"] for m in manifests] == [m["documents"] for m in one.shards]
    assert sum(m["attacks"] for m in manifests) == one.attacks
    for m in manifests:
        assert (tmp_path / "dask" / m["shard"]).read_bytes() == (tmp_path / "one" / m["shard"]).read_bytes()
    union = b"".join(read_bytes(tmp_path / "dask" / m["shard"]) for m in manifests)
    assert union == (tmp_path / "one.nq").read_bytes()
    ds = Dataset().parse(data=union, format="nquads")
    assert {str(g.identifier) for g in ds.graphs() if len(g)} == {str(graph_iri(d)) for d in one.documents}


def test_dask_build_command_writes_the_file_one_worker_writes(tmp_path: Path) -> None:
    """Through the command line: --dask local writes shards, then -o from them, byte for byte as --workers 1."""
    import subprocess

    from tests.graph_builder.test_cli_build import _conflictkg

    outs = {}
    for name, opts in (("one", ["--workers", "1"]), ("dask", ["--dask", "local", "--workers", "2"])):
        out = tmp_path / f"{name}.nq"
        proc = subprocess.run([*_conflictkg(), "build", str(CORPUS), "-o", str(out), "--shards",
                               str(tmp_path / name), "--shard-size", "2", *opts], capture_output=True, text=True,
                              check=False)
        assert proc.returncode == 0, proc.stderr
        assert "built 5 document(s)" in proc.stderr
        outs[name] = out.read_bytes()
    assert outs["one"] == outs["dask"] and outs["one"].count(b"\n") > 1000
    assert sorted(p.name for p in (tmp_path / "dask").iterdir()) == sorted(p.name for p in (tmp_path / "one").iterdir())
