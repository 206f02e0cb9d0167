"""One interface over every place the graph can live: memory, an embedded Oxigraph directory, an endpoint.

The builder writes one named graph per document through `replace_graph`; readers (catalog, export, renderer)
only see `query`, `union_graph` and `dump`, so they work the same on a laptop and against a server.
"""
from __future__ import annotations

import importlib
import importlib.resources
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

import rdflib
from rdflib import URIRef
from rdflib.term import Node

from ontology.vocab import RES
from queries.stores.terms import BindingValue

DEFAULT_LOCATION = "build/store"
ONTOLOGY_GRAPH = URIRef(RES["graph/ontology"])
INFERRED_GRAPH = URIRef(RES["graph/inferred"])
DOC_GRAPH_PREFIX = str(RES["graph/doc/"])
#: Prefixes written into Turtle/TriG/RDF-XML exports.
PREFIXES = {
    "ckg": "https://w3id.org/conflictkg/ontology#",
    "res": str(RES),
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "prov": "http://www.w3.org/ns/prov#",
    "schema": "https://schema.org/",
}
EXPORT_FORMATS = ("ttl", "nt", "nq", "trig", "jsonld", "xml")


class StoreError(RuntimeError):
    """The store cannot do what was asked (locked, unreachable, read-only, refused); the message says why."""


def doc_graph(doc_id: str) -> URIRef:
    """The named graph holding everything one document contributes."""
    from ontology.vocab import resource_iri

    return resource_iri("graph/doc", doc_id)


@dataclass
class QueryResult:
    """SELECT rows as rdflib terms (None where unbound), or the boolean of an ASK query.

    `truncated` is set by paged catalog queries when rows beyond the page exist.
    """

    vars: list[str]
    rows: list[tuple[Node | None, ...]] = field(default_factory=list)
    boolean: bool | None = None
    truncated: bool = False

    def __iter__(self) -> Iterator[tuple[Node | None, ...]]:
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)

    def as_dicts(self) -> list[dict[str, Node | None]]:
        """Rows keyed by variable name, handy for tests and JSON."""
        return [dict(zip(self.vars, row, strict=True)) for row in self.rows]


class Store(Protocol):
    """What every backend offers. Queries see the union of all named graphs as their default graph."""

    def replace_graph(self, graph: URIRef, triples: rdflib.Graph) -> None:
        """Swap the graph's old content for `triples` in one step; readers never see half of it."""
        ...

    def remove_graph(self, graph: URIRef) -> None:
        """Delete a named graph (no error if it does not exist)."""
        ...

    def graphs(self) -> list[URIRef]:
        """The named graphs in the store, sorted."""
        ...

    def query(self, sparql: str, bindings: Mapping[str, BindingValue] | None = None) -> QueryResult:
        """Run a SELECT or ASK query with variables pre-bound to RDF terms."""
        ...

    def union_graph(self) -> rdflib.Graph:
        """All named graphs merged into one rdflib Graph (meant for small graphs)."""
        ...

    def dump(self, fmt: str, *, with_ontology: bool = False) -> bytes:
        """Serialise the data graphs (all but the ontology, unless asked) as ttl/nt/nq/trig/jsonld/xml."""
        ...

    def close(self) -> None:
        """Release files, locks and connections."""
        ...


def union_of(triples: Iterable[tuple[Node, Node, Node]]) -> rdflib.Graph:
    """An rdflib Graph of `triples` with the project's prefixes bound: what every backend's union_graph returns."""
    g = rdflib.Graph()
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns)
    for triple in triples:
        g.add(triple)
    return g


def open_store(location: str | None = None, *, read_only: bool = False) -> Store:
    """Open `location`: None or ":memory:" (memory), "http(s)://..." (SPARQL endpoint), else a directory.

    A directory opens read-write in one process only (RocksDB lock); `read_only=True` opens beside a writer.
    """
    if location is None or location == ":memory:":
        from queries.stores.oxigraph import OxigraphStore

        return OxigraphStore(None, read_only=read_only)
    if location.startswith(("http://", "https://")):
        from queries.stores.remote import RemoteStore

        return RemoteStore(location, read_only=read_only)
    check_location(location)
    from queries.stores.oxigraph import OxigraphStore

    return OxigraphStore(Path(location), read_only=read_only)


_ASSERTED = "SELECT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } FILTER(?g != ?inferred) }"


def rederive_inferred(store: Store) -> rdflib.Graph:
    """Derive from every graph but res:graph/inferred and swap the result in as res:graph/inferred.

    The old inferred graph is left out of the input: `derive` returns only what its input lacks, so reasoning
    over a union that still held those triples would keep relations whose evidence is gone.
    """
    from ontology.reason import derive

    asserted = union_of(store.query(_ASSERTED, {"inferred": INFERRED_GRAPH}).rows)  # type: ignore[arg-type]
    derived = derive(asserted)
    store.replace_graph(INFERRED_GRAPH, derived)
    return derived


def remove_document(store: Store, doc_id: str) -> bool:
    """Remove a document's graph and what was derived from it; False if the store did not hold it.

    Derived relations are not tracked per document (one relation may rest on several articles), so the
    inferred graph, when the store has one, is derived again from what remains.
    """
    graph = doc_graph(doc_id)
    present = store.graphs()
    if graph not in present:
        return False
    store.remove_graph(graph)
    if INFERRED_GRAPH in present:
        rederive_inferred(store)
    return True


def check_location(location: str) -> None:
    """A store is an http(s) URL or a directory: `htp://host/query` must not become a folder named `htp:`."""
    if location.startswith(("http://", "https://")):
        from queries.stores.remote import _check_url

        _check_url(location)
    elif re.match(r"[A-Za-z][A-Za-z0-9+.-]+:", location):
        raise StoreError(f"--store {location!r} is neither an http(s):// URL nor a directory path "
                         "(a typo in the scheme?)")


def load_file(store: Store, path: str | Path) -> None:
    """Load an RDF file: named graphs keep their names; default-graph triples go to the stem's doc graph."""
    import pyoxigraph as ox

    from queries.stores.terms import from_ox

    path = Path(path)
    fmt = ox.RdfFormat.from_extension(path.suffix.lstrip(".")) or ox.RdfFormat.TURTLE
    graphs: dict[URIRef, rdflib.Graph] = {}
    try:
        for q in ox.parse(path=str(path), format=fmt):
            name = URIRef(q.graph_name.value) if isinstance(q.graph_name, ox.NamedNode) else doc_graph(path.stem)
            graphs.setdefault(name, rdflib.Graph()).add(
                (from_ox(q.subject), from_ox(q.predicate), from_ox(q.object))
            )
    except (SyntaxError, ValueError, OSError) as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise StoreError(f"{path}: not valid {fmt.name}: {first}") from None
    for name, g in graphs.items():
        store.replace_graph(name, g)


def ontology_graph() -> rdflib.Graph:
    """The ontology, reference entities and alignments (SKOS crosswalks to CAMEO, PLOVER, ACLED) for export.

    From `ontology.loader` when present, else the packaged Turtle. The alignments ride along so that
    `export --with-ontology` carries the crosswalk table, though consistency checks leave them out.
    """
    try:
        loader = importlib.import_module("ontology.loader")
    except ImportError:
        g = rdflib.Graph()
        for res in importlib.resources.files("ontology").joinpath("data").iterdir():
            if res.name.endswith(".ttl"):
                g.parse(data=res.read_bytes(), format="turtle")
        return g
    g = rdflib.Graph()
    g += loader.ontology_graph()
    g += loader.entities_graph()
    g += loader.alignments_graph()
    return g
