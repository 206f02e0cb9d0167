"""What `conflictkg build --workers/--dask/--shards` adds to the build command, kept out of cli.py."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from rich.console import Console

from graph_builder.parallel import count_inputs, default_workers
from graph_builder.readers import DEFAULT_MAX_BYTES, InputError
from graph_builder.scale import OX_WRITTEN, ScaleResult, run_build
from graph_builder.scale_progress import BuildProgress
from graph_builder.shards import DEFAULT_DOCS_PER_SHARD

DEFAULT_OUTPUT = Path("build/graph.ttl")
DEFAULT_SHARDS = Path("build/shards")


def extract(
    inputs: list[str], output: Path | None, *, workers: int | None, dask: str | None, shards: Path | None,
    shard_size: int = DEFAULT_DOCS_PER_SHARD, need_dataset: bool, console: Console,
    on_error: Callable[[InputError], None], max_bytes: int | None = DEFAULT_MAX_BYTES, total: int | None = None,
) -> ScaleResult:
    """Run the extraction the options ask for, with a progress bar (or plain lines) on `console`.

    `workers` is what the command decided (None: one per core); `total`, the document count if already known.
    """
    n = workers or default_workers()
    total = count_inputs(inputs) if total is None else total
    with BuildProgress(console, total, label="dask" if dask else f"{n} worker{'s' if n > 1 else ''}") as bar:
        if dask is None:
            return run_build(inputs, n, output=output, shards=shards, docs_per_shard=shard_size,
                             need_dataset=need_dataset, on_error=on_error,
                             on_document=bar.advance, max_bytes=max_bytes)
        from graph_builder.dask_build import dask_build

        folder = shards or DEFAULT_SHARDS
        manifests, errors = dask_build(inputs, dask, folder, workers=n, docs_per_shard=shard_size,
                                       on_error=on_error, on_documents=bar.advance, max_bytes=max_bytes)
    result = ScaleResult(_dataset_from_shards(folder, manifests, need_dataset or output is not None))
    result.errors, result.shards = errors, manifests
    result.documents = [d for m in manifests for d in m["documents"]]
    result.attacks = sum(m["attacks"] for m in manifests)
    result.statements = sum(m["statements"] for m in manifests)
    if output is not None and output.suffix.lower() in OX_WRITTEN:
        write_from_shards(folder, manifests, output)
    return result


def _dataset_from_shards(folder: Path, manifests: list[dict], wanted: bool):
    """The rdflib Dataset of the shards, when --reason, --store or an rdflib output format needs one."""
    import pyoxigraph as ox
    from rdflib import Dataset, URIRef

    from graph_builder.shards import read_bytes
    from ontology.oxterms import from_ox

    ds = Dataset()
    if wanted:
        for m in manifests:
            for q in ox.parse(read_bytes(folder / m["shard"]), format=ox.RdfFormat.N_QUADS):
                ds.graph(URIRef(q.graph_name.value)).add(
                    (from_ox(q.subject), from_ox(q.predicate), from_ox(q.object)))
    return ds


def write_from_shards(folder: Path, manifests: list[dict], output: Path) -> None:
    """`-o x.nq|x.trig` after a Dask build: the shards' lines in order, as a --workers build writes them."""
    import pyoxigraph as ox

    from graph_builder.build import write_atomic
    from graph_builder.scale import PREFIXES
    from graph_builder.shards import read_bytes

    data = b"".join(read_bytes(folder / m["shard"]) for m in manifests)
    if output.suffix.lower() == ".trig":
        data = ox.serialize(ox.parse(data, format=ox.RdfFormat.N_QUADS), format=ox.RdfFormat.TRIG,
                            prefixes=PREFIXES)
    write_atomic(output, data)


def add_graph_to_output(output: Path, graph: str, triples) -> None:
    """Add a graph computed after extraction (`--reason`'s inferred graph) to a .nq/.trig output, its lines
    sorted after the documents', so the file stays the same for any number of workers."""
    import pyoxigraph as ox

    from graph_builder.build import write_atomic
    from graph_builder.parallel import nquads_of
    from graph_builder.scale import PREFIXES

    fmt = ox.RdfFormat.TRIG if output.suffix.lower() == ".trig" else ox.RdfFormat.N_QUADS
    existing = ox.serialize(ox.parse(path=str(output), format=fmt), format=ox.RdfFormat.N_QUADS)
    data = existing + nquads_of(triples, graph)[0]
    if fmt == ox.RdfFormat.TRIG:
        data = ox.serialize(ox.parse(data, format=ox.RdfFormat.N_QUADS), format=fmt, prefixes=PREFIXES)
    write_atomic(output, data)
