"""Build: run the pipeline over inputs and write the graph, never losing what was already written.

Each document becomes its own named graph. Files are written to a temporary sibling and renamed into place,
so an interrupted build leaves the previous output intact.
"""
from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Dataset, Graph
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from graph_builder.pipeline import Pipeline
from graph_builder.progress import BuildProgress
from graph_builder.rdf import document_graph, graph_iri
from graph_builder.readers import DEFAULT_MAX_BYTES, InputError, read_inputs

FORMATS = {".ttl": "turtle", ".nt": "nt", ".nq": "nquads", ".trig": "trig", ".jsonld": "json-ld",
           ".rdf": "xml", ".owl": "xml"}


@dataclass
class BuildResult:
    dataset: Dataset
    documents: list[str] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    attacks: int = 0
    statements: int = 0

    def union(self) -> Graph:
        g = Graph()
        for quad in self.dataset.quads((None, None, None, None)):
            g.add(quad[:3])
        return g


def build(inputs: Iterable[str], pipeline: Pipeline | None = None,
          on_error: Callable[[InputError], None] | None = None, *,
          max_bytes: int | None = DEFAULT_MAX_BYTES, progress: BuildProgress | None = None) -> BuildResult:
    """Process `inputs` into a Dataset with one named graph per document.

    Documents over `max_bytes` are refused like any unreadable input (named, the rest builds).
    """
    pipeline = pipeline or Pipeline()
    result = BuildResult(Dataset())
    for raw in read_inputs(inputs, max_bytes=max_bytes):
        if isinstance(raw, InputError):
            result.errors.append(raw)
            if on_error:
                on_error(raw)
            continue
        if progress is not None:
            progress.document(raw.id, len(raw.text.encode("utf-8")))
        item = pipeline.process(raw)
        g = result.dataset.graph(graph_iri(item.id))
        for triple in document_graph(item):
            g.add(triple)
        result.documents.append(item.id)
        result.attacks += len(item.attacks)
        result.statements += len(item.statements)
        if progress is not None:
            progress.finish(raw.id)
    return result


def write_atomic(path: Path, data: bytes) -> None:
    """Write `data` to `path` through a temp file in the same folder and an atomic rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)  # mkstemp makes it 0600; a graph file is meant to be shared
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def serialize(result: BuildResult, path: Path) -> None:
    """Write the build to `path`; quad formats keep the named graphs, triple formats get their union."""
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise ValueError(f"{path}: unknown RDF format (use one of {', '.join(sorted(FORMATS))})")
    if fmt in {"trig", "nquads"}:
        write_atomic(path, quad_bytes(result, trig=fmt == "trig"))
        return
    source = result.union()
    source.bind("ckg", "https://w3id.org/conflictkg/ontology#")
    source.bind("res", "https://w3id.org/conflictkg/resource/")
    write_atomic(path, source.serialize(format=fmt, encoding="utf-8"))


def quad_bytes(result: BuildResult, *, trig: bool = False) -> bytes:
    """N-Quads (or TriG) of the build as a parallel build writes them: each document's graph as sorted lines, in
    input order, then any other graph (`--reason`'s res:graph/inferred) by name. rdflib's own quad writers
    follow its hash-seeded order, so their bytes changed from run to run and differed from `--workers N`."""
    import pyoxigraph as ox
    from rdflib import URIRef

    from graph_builder.parallel import nquads_of
    from graph_builder.scale import PREFIXES

    names = {str(g.identifier) for g in result.dataset.graphs()
             if len(g) and g.identifier != DATASET_DEFAULT_GRAPH_ID}  # the builder writes named graphs only
    order = [str(graph_iri(d)) for d in result.documents]
    order += sorted(names - set(order))
    data = b"".join(nquads_of(result.dataset.graph(URIRef(n)), n)[0] for n in order if n in names)
    if trig:
        data = ox.serialize(ox.parse(data, format=ox.RdfFormat.N_QUADS), format=ox.RdfFormat.TRIG,
                            prefixes=PREFIXES)
    return data
