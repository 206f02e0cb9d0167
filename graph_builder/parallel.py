"""Parallel build: documents are extracted in a process pool and consumed in input order.

Why the output does not depend on the number of workers: a document's graph is a function of that document
alone. Entity IRIs come from reference keys or from the discovered name (`x-` + normalised name), event IRIs
from hashes of the document id or, for attacks reported by several articles, of (target, day, status); no
counter, cache or resource is written while documents are processed. So the only cross-document "merge" is the
union of the named graphs, which the parent does by adding each document's graph in input order. Each worker
returns its document's graph as N-Quads with the lines sorted, so even rdflib's hash-seeded iteration order
(which differs between processes) cannot reach the output.

Memory stays bounded: documents are read lazily and sent in chunks, with at most `window` chunks in flight
(`Pool.imap` would read the whole input ahead), and results are consumed in order as they arrive.
"""
from __future__ import annotations

import itertools
import multiprocessing as mp
import os
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import pyoxigraph as ox

from graph_builder.document import RawDocument
from graph_builder.pipeline import Pipeline
from graph_builder.rdf import document_graph, graph_iri
from graph_builder.readers import DEFAULT_MAX_BYTES, InputError, read_inputs
from ontology.oxterms import to_ox

DEFAULT_CHUNKSIZE = 8
#: Below this many documents a build whose --workers was not given runs in this process: each worker spends
#: ~2-3 s of CPU on imports, the pipeline's resources and cold caches, which a few dozen articles do not repay.
SMALL_BUILD = 50


@dataclass(frozen=True)
class DocOutput:
    """What a worker sends back for one document: its graph as sorted N-Quads, and/or as a gzip member."""

    id: str
    quads: int
    attacks: int
    statements: int
    nquads: bytes = b""
    gz: bytes = b""


def default_workers() -> int:
    """The cores this process may run on (the affinity mask, not the machine's core count)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def auto_workers(documents: int) -> int:
    """Workers for a build whose --workers was not given: one (this process) for fewer than SMALL_BUILD
    documents, else every core this process may use."""
    return 1 if documents < SMALL_BUILD else default_workers()


_PIPELINE: Pipeline | None = None


def _pipeline() -> Pipeline:
    """The pipeline of this process, built on first use: once per worker, whichever engine runs it."""
    global _PIPELINE
    if _PIPELINE is None:
        _PIPELINE = Pipeline()
    return _PIPELINE


_INIT_ERROR: Exception | None = None


def _init_worker() -> None:
    """Build the worker's pipeline. A failure is kept and raised by the first task, so the parent reports it:
    an initializer that raises makes `multiprocessing.Pool` start a new worker for ever, and the build hangs."""
    global _INIT_ERROR
    try:
        _pipeline()
    except Exception as exc:
        _INIT_ERROR = exc


def nquads_of(doc_graph_triples: Iterable, graph: str) -> tuple[bytes, int]:
    """A document graph as N-Quads lines, sorted so that the bytes are the same in every process."""
    g = ox.NamedNode(graph)
    quads = [ox.Quad(to_ox(s), to_ox(p), to_ox(o), g) for s, p, o in doc_graph_triples]
    lines = ox.serialize(quads, format=ox.RdfFormat.N_QUADS).splitlines(keepends=True)
    lines.sort()
    return b"".join(lines), len(lines)


def extract_one(raw: RawDocument, *, want_nquads: bool = True, want_gz: bool = False,
                pipeline: Pipeline | None = None) -> DocOutput:
    """The per-document code path shared by --workers 1, the process pool and the Dask workers."""
    from graph_builder.shards import compress

    doc = (pipeline or _pipeline()).process(raw)
    data, n = nquads_of(document_graph(doc), str(graph_iri(doc.id)))
    return DocOutput(doc.id, n, len(doc.attacks), len(doc.statements),
                     nquads=data if want_nquads else b"", gz=compress(data) if want_gz else b"")


def extract_chunk(items: list[RawDocument | InputError], want_nquads: bool, want_gz: bool
                  ) -> list[DocOutput | InputError]:
    """A chunk of inputs in a worker; read errors pass through so the parent reports them in order."""
    if _INIT_ERROR is not None:
        raise _INIT_ERROR
    return [i if isinstance(i, InputError) else extract_one(i, want_nquads=want_nquads, want_gz=want_gz)
            for i in items]


def _chunks(items: Iterator, size: int) -> Iterator[list]:
    while chunk := list(itertools.islice(items, size)):
        yield chunk


def extract_stream(
    inputs: Iterable[str], workers: int, *, want_nquads: bool = True, want_gz: bool = False,
    chunksize: int = DEFAULT_CHUNKSIZE, window: int | None = None, force_pool: bool = True,
    max_bytes: int | None = DEFAULT_MAX_BYTES,
) -> Iterator[DocOutput | InputError]:
    """Every input as a `DocOutput` (or its `InputError`), in input order, extracted by `workers` processes.

    `force_pool=False` lets a build too small to profit from the pool run in this process instead. Documents
    over `max_bytes` are refused as in `build()` (None: no limit).
    """
    items: Iterator[RawDocument | InputError] = iter(read_inputs(inputs, max_bytes=max_bytes))
    if workers > 1 and not force_pool:
        head = list(itertools.islice(items, SMALL_BUILD))
        if len(head) < SMALL_BUILD:
            workers = 1
        items = itertools.chain(head, items)
    if workers <= 1:
        for item in items:
            yield item if isinstance(item, InputError) else extract_one(
                item, want_nquads=want_nquads, want_gz=want_gz)
        return
    window = window or 4 * workers
    # forkserver: workers never inherit the parent's threads (progress bar, RocksDB) half-way through a lock.
    ctx = mp.get_context("forkserver")
    ctx.set_forkserver_preload(["graph_builder.parallel"])
    with ctx.Pool(workers, initializer=_init_worker) as pool:
        pending: deque = deque()
        for chunk in _chunks(items, chunksize):
            pending.append(pool.apply_async(extract_chunk, (chunk, want_nquads, want_gz)))
            while len(pending) >= window:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()


def count_inputs(inputs: Iterable[str]) -> int:
    """How many documents the inputs hold, without parsing them (for the progress bar's total and ETA)."""
    from pathlib import Path

    def lines(p: Path) -> int:
        try:
            return sum(1 for line in p.open("rb") if line.strip())
        except OSError:
            return 0

    total = 0
    for item in inputs:
        p = Path(item)
        files = sorted(c for c in p.rglob("*") if c.is_file()) if p.is_dir() else [p]
        for f in files:
            suffix = f.suffix.lower()
            if suffix in (".jsonl", ".ndjson"):
                total += lines(f)
            elif suffix == ".txt" or not p.is_dir():
                total += 1
    return total

