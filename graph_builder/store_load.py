"""Loading a build into a store: opened before extraction, verified, and resumable after a failure.

The store is opened (and, for the embedded store, locked) before any document is read, so a second build into
the same store fails at once instead of after its whole extraction. Each document graph is written in one
transaction (embedded: one SPARQL update; remote: one GSP PUT checked by a count), so after a failure every
graph in the store is complete; `LoadFailed` says which documents made it, and `resume=True` skips them.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import URIRef

from graph_builder.build import BuildResult
from graph_builder.rdf import graph_iri
from queries.store import Store, StoreError, check_location, open_store


@dataclass
class LoadReport:
    loaded: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # already in the store (resume)


class LoadFailed(StoreError):
    """The store failed part-way; `loaded` made it, `missing` did not."""

    def __init__(self, cause: StoreError, loaded: list[str], missing: list[str]) -> None:
        super().__init__(str(cause))
        self.cause, self.loaded, self.missing = cause, loaded, missing


def open_target(location: str) -> Store:
    """Open the build's store now (taking the RocksDB lock) and check that it answers SPARQL."""
    check_location(location)
    store = open_store(location)
    try:
        store.query("ASK { }")  # an endpoint answering HTML or nothing fails here, before any extraction
    except BaseException:
        store.close()
        raise
    return store


def load(result: BuildResult, store: Store, *, resume: bool = False) -> LoadReport:
    """Write each document's graph; with `resume`, documents whose graph the store holds are skipped."""
    present = set(store.graphs()) if resume else set()
    report = LoadReport()
    docs = [(doc_id, URIRef(graph_iri(doc_id))) for doc_id in result.documents]
    for i, (doc_id, name) in enumerate(docs):
        if name in present:
            report.skipped.append(doc_id)
            continue
        try:
            store.replace_graph(name, result.dataset.graph(name))
        except StoreError as exc:
            raise LoadFailed(exc, report.loaded + report.skipped, [d for d, _ in docs[i:]]) from None
        report.loaded.append(doc_id)
    return report


def listing(ids: list[str], limit: int = 20) -> str:
    """Ids for a message: all of them, or the first `limit` and how many more."""
    shown = ", ".join(ids[:limit])
    return shown + (f" … and {len(ids) - limit} more" if len(ids) > limit else "")
