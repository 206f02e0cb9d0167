"""Embedded Oxigraph (pyoxigraph): in memory, or persistent in a RocksDB directory.

`replace_graph` drops the old graph and inserts the new triples under the real graph name in ONE SPARQL update,
which Oxigraph applies as one transaction: a process killed at any point leaves the old graph or the new one,
and no reader (a query, `serve`) ever sees a temporary graph or a half-written one. Earlier versions wrote
through `res:graph/tmp/…` graphs; an orphan of those is still dropped by the next read-write open and hidden.
"""
from __future__ import annotations

import itertools
import mmap
import os
import threading
from collections.abc import Mapping
from pathlib import Path

import pyoxigraph as ox
import rdflib
from rdflib import URIRef
from rdflib.term import Node

from queries.store import ONTOLOGY_GRAPH, PREFIXES, QueryResult, StoreError, ontology_graph, union_of
from queries.stores.terms import BindingValue, bind_values, from_ox, sparql_iri, triples_to_quads

TMP_GRAPH_PREFIX = PREFIXES["res"] + "graph/tmp/"


def _rows(solutions: ox.QuerySolutions) -> list[tuple[Node | None, ...]]:
    """Solutions as rdflib tuples. Labels, dates and entities repeat down a listing, and building an rdflib
    Literal costs microseconds, so each distinct term of this one result is converted once."""
    seen: dict[ox.NamedNode | ox.BlankNode | ox.Literal, Node | None] = {}
    rows = []
    for sol in solutions:
        row = []
        for term in sol:
            if term is None:
                row.append(None)
                continue
            value = seen.get(term)
            if value is None:
                value = seen[term] = from_ox(term)
            row.append(value)
        rows.append(tuple(row))
    return rows


#: Files smaller than this load in one piece.
PARALLEL_LOAD_MIN_BYTES = 16 * 1024 * 1024


def _line_slices(path: Path) -> list[tuple[int, int]]:
    """Byte ranges cutting a line-based RDF file at line ends, one per core; [] if it should load whole."""
    size = path.stat().st_size
    parts = min(os.cpu_count() or 1, 8)
    if parts < 2 or size < PARALLEL_LOAD_MIN_BYTES:
        return []
    with path.open("rb") as f, mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) as m:
        if m.find(b"_:") >= 0:
            return []
        cuts = [0]
        for i in range(1, parts):
            nl = m.find(b"\n", max(cuts[-1], size * i // parts))
            if nl < 0:
                break
            cuts.append(nl + 1)
        cuts.append(size)
    return [(a, b) for a, b in itertools.pairwise(cuts) if b > a]


class OxigraphStore:
    """A pyoxigraph Store behind the project's Store interface."""

    def __init__(self, path: Path | None, *, read_only: bool = False) -> None:
        self.path = path
        self.read_only = read_only
        try:
            if path is None:
                self._s = ox.Store()
            elif read_only:
                if not path.is_dir():
                    raise StoreError(f"no store at {path} (build one first, e.g. `conflictkg build`)")
                self._s = ox.Store.read_only(str(path))
            else:
                path.mkdir(parents=True, exist_ok=True)
                self._s = ox.Store(str(path))
        except OSError as exc:
            raise StoreError(
                f"cannot open store {path}: {exc}. Another process may hold it open for writing; "
                "close it or open this one read-only."
            ) from exc
        if not read_only:
            self._drop_orphans()

    def _writable(self) -> ox.Store:
        if self.read_only:
            raise StoreError(f"store {self.path or ':memory:'} is open read-only")
        return self._s

    def _drop_orphans(self) -> None:
        """Remove temporary graphs left by a writer that died between writing and swapping."""
        for g in list(self._s.named_graphs()):
            if isinstance(g, ox.NamedNode) and g.value.startswith(TMP_GRAPH_PREFIX):
                self._s.remove_graph(g)

    def replace_graph(self, graph: URIRef, triples: rdflib.Graph) -> None:
        store = self._writable()
        target = sparql_iri(str(graph))
        quads = triples_to_quads(triples, graph)
        if not quads:
            store.update(f"DROP SILENT GRAPH {target}")
            return
        body = ox.serialize([q.triple for q in quads], format=ox.RdfFormat.N_TRIPLES).decode("utf-8")
        store.update(f"DROP SILENT GRAPH {target} ;\nINSERT DATA {{ GRAPH {target} {{\n{body}}} }}")

    def remove_graph(self, graph: URIRef) -> None:
        node = ox.NamedNode(str(graph))
        if self._writable().contains_named_graph(node):
            self._s.remove_graph(node)

    def graphs(self) -> list[URIRef]:
        names = (g.value for g in self._s.named_graphs() if isinstance(g, ox.NamedNode))
        return sorted(URIRef(n) for n in names if not n.startswith(TMP_GRAPH_PREFIX))

    def query(self, sparql: str, bindings: Mapping[str, BindingValue] | None = None) -> QueryResult:
        text = bind_values(sparql, bindings)
        try:
            res = self._s.query(text, use_default_graph_as_union=True)
        except SyntaxError as exc:
            raise StoreError(f"SPARQL syntax error: {exc}") from exc
        if isinstance(res, ox.QueryBoolean):
            return QueryResult(vars=[], boolean=bool(res))
        if isinstance(res, ox.QueryTriples):
            rows = [(from_ox(t.subject), from_ox(t.predicate), from_ox(t.object)) for t in res]
            return QueryResult(vars=["subject", "predicate", "object"], rows=rows)
        names = [v.value for v in res.variables]
        return QueryResult(vars=names, rows=_rows(res))

    def quads(self, *, with_ontology: bool = False) -> list[ox.Quad]:
        """Quads of every data graph, plus the ontology graph (from the store, else the package) if asked."""
        out: list[ox.Quad] = []
        has_ontology = False
        for g in self._s.named_graphs():
            name = g.value if isinstance(g, ox.NamedNode) else ""
            if name.startswith(TMP_GRAPH_PREFIX):
                continue
            if name == str(ONTOLOGY_GRAPH):
                has_ontology = True
                if not with_ontology:
                    continue
            out.extend(self._s.quads_for_pattern(None, None, None, g))
        if with_ontology and not has_ontology:
            out.extend(triples_to_quads(ontology_graph(), ONTOLOGY_GRAPH))
        return out

    def union_graph(self) -> rdflib.Graph:
        return union_of(
            (from_ox(q.subject), from_ox(q.predicate), from_ox(q.object))
            for q in self._s.quads_for_pattern(None, None, None, None)
            if not (isinstance(q.graph_name, ox.NamedNode) and q.graph_name.value.startswith(TMP_GRAPH_PREFIX))
        )

    def dump(self, fmt: str, *, with_ontology: bool = False) -> bytes:
        from queries.export import serialize_quads

        return serialize_quads(self.quads(with_ontology=with_ontology), fmt)

    def bulk_load(self, path: Path, graph: URIRef | None = None, *, lenient: bool = False) -> None:
        """Fast non-transactional load of a big file (into `graph`, else the file's own graphs): first loads only.

        `lenient` skips IRI and language-tag validation: only for files Oxigraph itself wrote. Oxigraph's bulk
        loader builds its indexes on one thread (~9 s of CPU for 1M quads), so a line-based file (N-Triples,
        N-Quads) without blank nodes is cut at line ends into one slice per core, loaded side by side. Files
        with blank nodes load in one piece: each parse renames blank nodes, which would split one node in two.
        """
        fmt = ox.RdfFormat.from_extension(path.suffix.lstrip(".")) or ox.RdfFormat.TURTLE
        target = ox.NamedNode(str(graph)) if graph is not None else None
        store = self._writable()
        slices = _line_slices(path) if fmt in (ox.RdfFormat.N_TRIPLES, ox.RdfFormat.N_QUADS) else []
        if len(slices) < 2:
            store.bulk_load(path=str(path), format=fmt, to_graph=target, lenient=lenient)
        else:
            errors: list[BaseException] = []

            def load(start: int, end: int) -> None:
                try:
                    with path.open("rb") as f:
                        f.seek(start)
                        data = f.read(end - start)
                    store.bulk_load(data, format=fmt, to_graph=target, lenient=lenient)
                except BaseException as exc:  # re-raised in the caller's thread
                    errors.append(exc)

            threads = [threading.Thread(target=load, args=s) for s in slices]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            if errors:
                raise errors[0]
        self._s.flush()

    def add_quads(self, quads: list[ox.Quad]) -> None:
        """Add ready-made quads in one transaction."""
        self._writable().extend(quads)

    def close(self) -> None:
        """Flush and release the RocksDB lock; closing twice is harmless."""
        if not hasattr(self, "_s"):
            return
        if not self.read_only and self.path is not None:
            self._s.flush()
        del self._s

    def __enter__(self) -> OxigraphStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

