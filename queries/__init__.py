"""Stores, the SPARQL query catalog, exports, the HTML explorer and graph analytics.

The public Python API, for notebooks and scripts (imported on first use, so the CLI stays quick to start)::

    from queries import connect, frame, dossier_frames, render_html, summary, export_graph
    store = connect()                                   # build/store, else build/graph.ttl
    frame(store, "actor-profile", actor="ايران")         # a pandas DataFrame
"""
from __future__ import annotations

from importlib import import_module
from typing import Any

#: name -> (module, attribute) of each public function or class. None is named like a submodule of `queries`
#: (importing `queries.export` sets the attribute `queries.export` to the module).
API = {
    "connect": ("queries.api", "connect"), "from_dataset": ("queries.api", "from_dataset"),
    "catalog_queries": ("queries.api", "catalog_queries"), "rows": ("queries.api", "rows"),
    "frame": ("queries.api", "frame"),
    "sparql": ("queries.api", "sparql"), "dossier_frames": ("queries.api", "dossier_frames"),
    "attack_dossier": ("queries.dossier", "dossier"), "Dossier": ("queries.dossier", "Dossier"),
    "attack_names": ("queries.attacks", "attack_names"),
    "render_html": ("queries.render", "render_html"), "RenderReport": ("queries.render", "RenderReport"),
    "summary": ("queries.analytics", "summary"), "most_accused": ("queries.analytics", "most_accused"),
    "centrality": ("queries.analytics", "centrality"), "communities": ("queries.analytics", "communities"),
    "accusation_network": ("queries.analytics", "accusation_network"),
    "export_graph": ("queries.export", "export"), "open_store": ("queries.store", "open_store"),
    "Store": ("queries.store", "Store"),
}
__all__ = sorted(API)


def __getattr__(name: str) -> Any:
    if name in API:
        module, attribute = API[name]
        return getattr(import_module(module), attribute)
    raise AttributeError(f"module 'queries' has no attribute {name!r}")
