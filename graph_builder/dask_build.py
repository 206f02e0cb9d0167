"""Distributed build on Dask: a bag of documents, one N-Quads shard written per partition.

The client reads the inputs (the same readers, so the same documents, ids and errors as `--workers`) and
cuts them into partitions of `docs_per_shard` documents; each partition runs the same per-document code as
the process pool (`parallel.extract_one`, with the pipeline loaded once per worker process) and writes its
own shard and manifest. The shards are therefore byte-identical to a `--workers --shards` build.

Workers write to `shards`, so on a cluster it must be a folder every worker can write and the loader can read
(NFS, a shared volume); see docs/scale.md for running it on Kubernetes, SLURM, YARN or a cloud.
"""
from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path
from typing import Any

from graph_builder.document import RawDocument
from graph_builder.parallel import extract_one
from graph_builder.readers import DEFAULT_MAX_BYTES, InputError, read_inputs
from graph_builder.shards import DEFAULT_DOCS_PER_SHARD, clear_shards, write_shard


def write_partition(items: list[tuple[int, RawDocument]], folder: str, docs_per_shard: int) -> list[dict]:
    """Extract one partition on a Dask worker and write its shard; returns the shard's manifest and counts."""
    if not items:
        return []
    index = items[0][0] // docs_per_shard
    outs = [extract_one(raw, want_nquads=False, want_gz=True) for _, raw in items]
    manifest = write_shard(Path(folder), index, ((o.id, o.gz, o.quads) for o in outs))
    manifest["attacks"] = sum(o.attacks for o in outs)
    manifest["statements"] = sum(o.statements for o in outs)
    manifest["index"] = index
    return [manifest]


def _cluster(address: str, workers: int) -> AbstractContextManager[Any]:
    """`local`: a LocalCluster of `workers` single-threaded processes (the extractor is pure Python, so
    threads would share one GIL); anything else is a scheduler address."""
    if address == "local":
        from distributed import LocalCluster

        return LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
                            silence_logs=40)
    return nullcontext(address)


def dask_build(
    inputs: Iterable[str], address: str, shards: Path, *, workers: int, docs_per_shard: int = DEFAULT_DOCS_PER_SHARD,
    on_error: Callable[[InputError], None] | None = None, on_documents: Callable[[int], None] | None = None,
    max_bytes: int | None = DEFAULT_MAX_BYTES,
) -> tuple[list[dict], list[InputError]]:
    """Run extraction as a Dask bag over the inputs; returns the shard manifests in order and the read errors."""
    import dask.bag as db
    from distributed import Client, as_completed

    raws: list[tuple[int, RawDocument]] = []
    errors: list[InputError] = []
    for item in read_inputs(inputs, max_bytes=max_bytes):
        if isinstance(item, InputError):
            errors.append(item)
            if on_error:
                on_error(item)
        else:
            raws.append((len(raws), item))
    folder = Path(os.path.abspath(shards))
    clear_shards(folder)
    folder.mkdir(parents=True, exist_ok=True)
    if not raws:
        return [], errors
    bag = db.from_sequence(raws, partition_size=docs_per_shard)
    parts = bag.map_partitions(write_partition, str(folder), docs_per_shard).to_delayed()
    manifests: list[dict] = []
    with _cluster(address, workers) as cluster, Client(cluster) as client:
        futures = client.compute(parts)
        for future in as_completed(futures):
            done = future.result()
            manifests += done
            if on_documents:
                on_documents(sum(len(m["documents"]) for m in done))
    manifests.sort(key=lambda m: m["index"])
    return manifests, errors
