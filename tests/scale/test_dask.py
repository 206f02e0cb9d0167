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
    return [str(CORPUS), *sorted(str(p) for p in DEV.glob("*.jsonl"))]


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
