"""Where a command reads the graph from: one rule for query, render, stats, export and the dossier.

`--store` wins, then `--graph`; with neither, the default store (build/store) when it exists, else the
default graph file (build/graph.ttl). The store is what `build --store` and `remove` update, so every command
preferring it means the page, the stats and the tables all show the same graph. Each command says on stderr
which one it read, so a stale file can never be mistaken for the store.

Bad paths, unparsable files and unreachable endpoints become a `SourceError` (a `StoreError`): one line naming
the file or URL and what to do, never a traceback.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import rdflib

from queries.store import DEFAULT_LOCATION, Store, StoreError, load_file, open_store

DEFAULT_GRAPH = Path("build/graph.ttl")
BUILD_HINT = "run `conflictkg build corpus -o build/graph.ttl --store build/store`"


class SourceError(StoreError):
    """The graph cannot be read from where it was asked for (or from the defaults)."""


@dataclass(frozen=True)
class Source:
    """A resolved place to read: `kind` is "store", "endpoint" or "file"."""

    kind: str
    location: str

    def describe(self) -> str:
        """The stderr line: which graph this command reads."""
        what = {"store": "store", "endpoint": "SPARQL endpoint", "file": "graph file"}[self.kind]
        return f"reading {what} {self.location}"


def _is_url(text: str) -> bool:
    return text.startswith(("http://", "https://"))


def resolve(store: str | None = None, graph: str | Path | None = None) -> Source:
    """The source the options name, or the default one (store first, else graph file)."""
    if store is not None and graph is not None:
        raise SourceError("give either --store or --graph, not both")
    if store is not None:
        if _is_url(store):
            try:
                parts = urlsplit(store)
                parts.port  # noqa: B018 - raises on a port out of range or not a number
            except ValueError as exc:
                raise SourceError(f"--store {store} is not a valid URL ({exc}); "
                                  "give e.g. http://127.0.0.1:7878/query") from None
            if not parts.hostname:
                raise SourceError(f"--store {store} names no host; give e.g. http://127.0.0.1:7878/query")
            return Source("endpoint", store)
        if "://" in store:
            raise SourceError(f"--store {store}: only http(s):// endpoint URLs or a directory are supported")
        if not Path(store).is_dir():
            raise SourceError(f"no store at {store}: {BUILD_HINT} or pass --graph FILE")
        return Source("store", store)
    if graph is not None:
        path = Path(graph)
        if not path.is_file():
            what = "is a directory, not a graph file" if path.is_dir() else "does not exist"
            raise SourceError(f"{path} {what}: {BUILD_HINT} or pass --store DIR|URL")
        return Source("file", str(path))
    if Path(DEFAULT_LOCATION).is_dir():
        return Source("store", DEFAULT_LOCATION)
    if DEFAULT_GRAPH.is_file():
        return Source("file", str(DEFAULT_GRAPH))
    raise SourceError(f"neither {DEFAULT_LOCATION} nor {DEFAULT_GRAPH} exists: {BUILD_HINT}, "
                      "or pass --store DIR|URL or --graph FILE")


def open_source(source: Source, *, read_only: bool = True) -> Store:
    """A `Store` over the source; a graph file is loaded into memory (named graphs kept)."""
    if source.kind == "file":
        store = open_store(None)
        try:
            load_file(store, source.location)
        except (SyntaxError, ValueError) as exc:
            store.close()
            detail = " ".join(str(exc).split())[:300]
            raise SourceError(f"{source.location} is not valid RDF ({detail}); fix the file or rebuild it: "
                              f"{BUILD_HINT}") from None
        except OSError as exc:
            store.close()
            raise SourceError(f"cannot read {source.location}: {exc.strerror or exc}") from None
        return store
    try:
        return open_store(source.location, read_only=read_only)
    except StoreError:
        raise
    except (OSError, ValueError) as exc:
        raise SourceError(f"cannot open {source.location}: {' '.join(str(exc).split())[:300]}") from None


def read_graph(source: Source) -> rdflib.Graph:
    """The union of the source's graphs as one rdflib Graph (what the explorer and analytics draw)."""
    store = open_source(source)
    try:
        return store.union_graph()
    finally:
        store.close()
