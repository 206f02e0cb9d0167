"""The public Python API (`from queries import ...`): what the CLI does, for notebooks and scripts.

Everything here returns plain values or pandas DataFrames, so a notebook shows a readable table (names, not
IRIs; "—" for an unknown date) without going through the command line's printing. The CLI and this API share
the same pieces (`queries.source`, `queries.catalog`, `queries.results`, `queries.dossier`), so a notebook and
`conflictkg query` answer the same question with the same rows.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from queries.attacks import attack_names, describe_attacks
from queries.catalog import list_queries, run_query
from queries.dossier import Dossier, dossier
from queries.results import to_frame
from queries.source import open_source, resolve
from queries.store import QueryResult, Store, open_store

if TYPE_CHECKING:
    import pandas as pd
    from rdflib import Dataset

__all__ = ["Dossier", "attack_names", "catalog_queries", "connect", "dossier", "dossier_frames", "frame",
           "from_dataset", "rows", "sparql"]


def connect(store: str | None = None, graph: str | Path | None = None) -> Store:
    """Open the graph as the CLI would: `store` (directory or URL), else `graph` (a file), else build/store
    when it exists, else build/graph.ttl."""
    return open_source(resolve(store, graph))


def from_dataset(dataset: Dataset) -> Store:
    """An in-memory store holding a built dataset (`graph_builder.build.build(...).dataset`), one named graph
    per document, as `conflictkg build --store` would write it."""
    store = open_store(None)
    for graph in dataset.graphs():
        if len(graph):
            store.replace_graph(graph.identifier, graph)
    return store


def catalog_queries() -> pd.DataFrame:
    """The catalog queries: name, parameters and title."""
    import pandas as pd

    return pd.DataFrame([{"name": q.name, "parameters": ", ".join(
        f"{p.name}{'?' if p.optional else ''}:{p.type}" for p in q.parameters), "title": q.title}
        for q in list_queries()])


def rows(store: Store, name: str, **params: str | int) -> QueryResult:
    """The raw rows (rdflib terms) of catalog query `name`; parameters as in `-p name=value`."""
    return run_query(store, name, {k: str(v) for k, v in params.items()})


def frame(store: Store, name: str, columns: list[str] | None = None, **params: str | int) -> pd.DataFrame:
    """Catalog query `name` as a DataFrame of what a person reads: attacks and statements by name, label
    pairs as "Arabic (English)", "—" for unknown dates. `columns` keeps those columns (raw values)."""
    result = rows(store, name, **params)
    names = describe_attacks(store, result)
    if columns:
        from queries.results import select_columns

        return to_frame(select_columns(result, columns), names, all_columns=True)
    return to_frame(result, names)


def sparql(store: Store, text: str) -> pd.DataFrame:
    """Your own SELECT query as a DataFrame (the default graph is the union of the document graphs)."""
    result = store.query(text)
    return to_frame(result, describe_attacks(store, result), all_columns=True)


def dossier_frames(store: Store, attack: str, lang: str = "en") -> tuple[str, pd.DataFrame, pd.DataFrame]:
    """(name, facts, statements) of one attack given by IRI, hash or displayed name: the attack's own facts
    above what everyone said about it."""
    import pandas as pd

    d = dossier(store, attack, lang)
    facts = pd.DataFrame(d.facts, columns=["fact", "value"])
    return d.name, facts, to_frame(d.statements, describe_attacks(store, d.statements))
