"""Serialise the graph for other tools: Turtle, N-Triples, N-Quads, TriG, JSON-LD and RDF/XML.

All formats go through Oxigraph's serialisers (about 35x faster than rdflib's Turtle writer on 1M triples, and
Arabic stays readable UTF-8). Triple formats get the union of the graphs; N-Quads and TriG keep one named
graph per document so a reader can tell which article said what.
"""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox

from queries.store import EXPORT_FORMATS, PREFIXES, Store, StoreError

_FORMATS = {
    "ttl": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "nq": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG,
    "jsonld": ox.RdfFormat.JSON_LD,
    "xml": ox.RdfFormat.RDF_XML,
}
DATASET_FORMATS = frozenset({"nq", "trig"})
#: rdflib parser names, for re-reading exports.
RDFLIB_FORMATS = {
    "ttl": "turtle", "nt": "nt", "nq": "nquads", "trig": "trig", "jsonld": "json-ld", "xml": "xml",
}


def serialize_quads(quads: Iterable[ox.Quad], fmt: str) -> bytes:
    """Quads as `fmt`; triple formats merge the graphs (duplicates across documents collapse)."""
    if fmt not in _FORMATS:
        raise StoreError(f"unknown export format {fmt!r}; choose one of {', '.join(EXPORT_FORMATS)}")
    buf = ox.Store()
    if fmt in DATASET_FORMATS:
        buf.extend(quads)
        return buf.dump(format=_FORMATS[fmt], prefixes=PREFIXES)
    default = ox.DefaultGraph()
    buf.extend(ox.Quad(q.subject, q.predicate, q.object, default) for q in quads)
    return buf.dump(format=_FORMATS[fmt], from_graph=default, prefixes=PREFIXES)


def export(store: Store, fmt: str, output: Path | None = None, *, with_ontology: bool = False) -> bytes:
    """Dump the store as `fmt`, writing to `output` when given; returns the bytes either way."""
    data = store.dump(fmt, with_ontology=with_ontology)
    if output is not None:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_bytes(data)
    return data
