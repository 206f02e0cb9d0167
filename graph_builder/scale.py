"""The parent side of a parallel build: consume documents in input order and write what was asked for.

`run_build` returns the same `BuildResult` as `graph_builder.build.build`, so `--reason`, `--store` and the
rdflib output formats keep working unchanged; the rdflib Dataset is only filled when one of them needs it.
N-Quads output and shards are streamed (each document's bytes written as they arrive), so a large build into
`.nq` or shards holds only the documents in flight. N-Quads and TriG are written from the workers' sorted
lines in input order, so the file is the same byte for byte whatever the number of workers.
"""
from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset, URIRef

from graph_builder.build import BuildResult, write_atomic
from graph_builder.parallel import DocOutput, extract_stream
from graph_builder.readers import DEFAULT_MAX_BYTES, InputError
from graph_builder.shards import DEFAULT_DOCS_PER_SHARD, ShardWriter
from ontology.oxterms import from_ox

STREAMED = {".nq"}
OX_WRITTEN = {".nq", ".trig"}
PREFIXES = {"ckg": "https://w3id.org/conflictkg/ontology#", "res": "https://w3id.org/conflictkg/resource/"}


def _add_to_dataset(ds: Dataset, out: DocOutput) -> None:
    graphs: dict[str, object] = {}
    for q in ox.parse(out.nquads, format=ox.RdfFormat.N_QUADS):
        name = q.graph_name.value
        g = graphs.get(name)
        if g is None:
            g = graphs[name] = ds.graph(URIRef(name))
        g.add((from_ox(q.subject), from_ox(q.predicate), from_ox(q.object)))


class _StreamFile:
    """An output file written as documents arrive, through a temp sibling renamed into place at the end."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path, self.tmp = path, path.with_name(f".{path.name}.{os.getpid()}.tmp")
        self.fh = self.tmp.open("wb")

    def write(self, data: bytes) -> None:
        self.fh.write(data)

    def commit(self) -> None:
        self.fh.flush()
        os.fsync(self.fh.fileno())
        self.fh.close()
        os.chmod(self.tmp, 0o644)
        os.replace(self.tmp, self.path)

    def abort(self) -> None:
        self.fh.close()
        self.tmp.unlink(missing_ok=True)


@dataclass
class ScaleResult(BuildResult):
    shards: list[dict] = field(default_factory=list)  # the manifests of the shards written


def run_build(
    inputs: Iterable[str], workers: int, *, output: Path | None = None, shards: Path | None = None,
    docs_per_shard: int = DEFAULT_DOCS_PER_SHARD, need_dataset: bool = False, force_pool: bool = True,
    on_error: Callable[[InputError], None] | None = None, on_document: Callable[[int], None] | None = None,
    chunksize: int | None = None, max_bytes: int | None = DEFAULT_MAX_BYTES,
) -> ScaleResult:
    """Extract `inputs` with `workers` processes; write `output` (streamed when .nq) and `shards` if given."""
    suffix = output.suffix.lower() if output is not None else ""
    fill_dataset = need_dataset or (output is not None and suffix not in OX_WRITTEN)
    want_nquads = fill_dataset or output is not None
    result = ScaleResult(Dataset())
    writer = ShardWriter(shards, docs_per_shard) if shards is not None else None
    stream = _StreamFile(output) if output is not None and suffix in STREAMED else None
    kept: list[bytes] = []  # TriG: every document's lines, serialised with prefixes at the end
    kwargs = {"chunksize": chunksize} if chunksize else {}
    try:
        for item in extract_stream(inputs, workers, want_nquads=want_nquads, want_gz=writer is not None,
                                   force_pool=force_pool, max_bytes=max_bytes, **kwargs):
            if isinstance(item, InputError):
                result.errors.append(item)
                if on_error:
                    on_error(item)
                continue
            result.documents.append(item.id)
            result.attacks += item.attacks
            result.statements += item.statements
            if writer is not None:
                writer.add(item.id, item.gz, item.quads)
            if stream is not None:
                stream.write(item.nquads)
            elif output is not None and suffix == ".trig":
                kept.append(item.nquads)
            if fill_dataset:
                _add_to_dataset(result.dataset, item)
            if on_document:
                on_document(1)
        if writer is not None:
            writer.flush()
    except BaseException:
        if stream is not None:
            stream.abort()
        raise
    if stream is not None:
        stream.commit()
    elif output is not None and suffix == ".trig":
        quads = ox.parse(b"".join(kept), format=ox.RdfFormat.N_QUADS)
        write_atomic(output, ox.serialize(quads, format=ox.RdfFormat.TRIG, prefixes=PREFIXES))
    result.shards = writer.manifests if writer is not None else []
    return result
