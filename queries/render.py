"""Write the interactive explorer: ONE self-contained HTML file that works offline.

pyvis assembles the vis-network nodes and edges and ships the vis-network build we inline; the page template
is ours because pyvis's own links Bootstrap on a CDN and builds tooltips with innerHTML from raw titles.
Every data-derived string is html.escape'd here, before it enters the page; the JSON is additionally made
safe for a <script> element, and a CSP forbids any network request.
"""
from __future__ import annotations

import html
import json
import math
import os
import tempfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pyvis
from pyvis.network import Network
from rdflib import Graph

from queries.analytics import node_weights
from queries.render_model import CATEGORIES, RELATIONS, Model, build_model
from queries.render_views import Selection, select

ASSETS = Path(__file__).with_name("assets")
VIS_DIR = Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2"
_VIEW_CAPTIONS = {
    "all": "Whole graph", "ego": "Ego network", "dossier": "Attack dossier",
    "accusations": "Accusation network", "timeline": "Timeline of attacks",
}


@dataclass
class RenderReport:
    """What was written, and whether the page shows the whole selection or a cut of it."""

    out: Path
    view: str
    nodes: int
    edges: int
    total_nodes: int
    total_edges: int
    truncated: bool
    notes: list[str] = field(default_factory=list)
    bytes: int = 0


def _esc(value: object) -> str:
    return html.escape(str(value), quote=True)


def _script_json(payload: object) -> str:
    """JSON that cannot close the <script> element it sits in (or open a comment)."""
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _size(weight: float) -> float:
    return round(min(60.0, 10.0 + 5.0 * math.sqrt(weight)), 1)


def _timeline_layout(model: Model, sel: Selection) -> dict[str, object] | None:
    """Pin attacks on a date axis (x) in one lane per attack type (y); actors float around them."""
    dated = sorted((model.nodes[i].date, i) for i in sel.nodes if model.nodes[i].date)
    if not dated:
        return None
    days = [date.fromisoformat(d[:10]) for d, _ in dated]
    first, last = min(days), max(days)
    span = max(1, (last - first).days)
    width = max(1200, 60 * len(dated))
    lanes = [c.key for c in CATEGORIES if c.group == "attack"]
    positions: dict[str, tuple[float, float]] = {}
    for (_, iri), day in zip(dated, days, strict=True):
        x = -width / 2 + width * (day - first).days / span
        positions[iri] = (round(x, 1), 110.0 * lanes.index(model.nodes[iri].category) - 280)
    ticks, month = [], date(first.year, first.month, 1)
    step = max(1, round(span / 30 / 12))
    while month <= last:
        x = -width / 2 + width * (month - first).days / span
        ticks.append({"x": round(x, 1), "label": month.strftime("%Y-%m")})
        total = month.month - 1 + step
        month = date(month.year + total // 12, total % 12 + 1, 1)
    return {"positions": positions, "ticks": ticks, "top": -320, "bottom": 300}


def _payload(model: Model, sel: Selection, weights: dict[str, float], view: str,
             lang: str) -> dict[str, object]:
    """Build the page data through pyvis (node/edge dicts), escaping every string from the graph."""
    timeline = _timeline_layout(model, sel) if view == "timeline" else None
    pins = timeline["positions"] if timeline else {}
    order = sorted(sel.nodes, key=lambda iri: (model.nodes[iri].category, model.nodes[iri].label_en, iri))
    index = {iri: i for i, iri in enumerate(order)}
    used_evidence: dict[int, int] = {}
    docs = sorted(model.docs)
    doc_index = {iri: i for i, iri in enumerate(docs)}

    def ev_ids(ids: list[int]) -> list[int]:
        return [used_evidence.setdefault(i, len(used_evidence)) for i in ids]

    net = Network(directed=True)
    for iri in order:
        node = model.nodes[iri]
        x, y = pins.get(iri, (None, None))
        net.add_node(
            index[iri], label=_esc(node.label_ar or node.label_en), shape="dot", color="#000",
            c=node.category, ar=_esc(node.label_ar), en=_esc(node.label_en), alt=[_esc(a) for a in node.alt],
            iri=_esc(iri), date=_esc(node.date), size=_size(weights.get(iri, 0.0)),
            w=_esc(f"weight {weights.get(iri, 0.0):g}"), fixed=iri in pins, x=x, y=y,
            facts={_esc(k): _esc(v) for k, v in node.facts.items()}, ev=ev_ids(node.evidence),
            docs=[doc_index[d] for d in node.docs if d in doc_index],
        )
    for i, key in enumerate(sel.edges):
        edge = model.edges[key]
        net.add_edge(index[edge.src], index[edge.dst], id=i, rel=edge.rel, n=len(edge.statements),
                     dates=[_esc(d) for d in edge.dates], ev=ev_ids(edge.evidence))
    evidence = [None] * len(used_evidence)
    for original, new in used_evidence.items():
        ev = model.evidence[original]
        evidence[new] = {"text": _esc(ev.text), "doc": doc_index.get(ev.doc, -1), "start": ev.start,
                         "end": ev.end}
    focus = index.get(sel.focus) if sel.focus else None
    return {
        "meta": {"view": view, "lang": lang, "notes": [_esc(n) for n in sel.notes], "focus": focus,
                 "timeline": {k: v for k, v in timeline.items() if k != "positions"} if timeline else None},
        "categories": [{"key": c.key, "group": c.group, "en": _esc(c.en), "ar": _esc(c.ar), "color": c.color,
                        "shape": c.shape} for c in CATEGORIES],
        "relations": [{"key": r.key, "en": _esc(r.en), "ar": _esc(r.ar), "color": r.color, "dashes": r.dashes}
                      for r in RELATIONS],
        "nodes": [{k: v for k, v in n.items() if k not in {"label", "shape", "color"}} for n in net.nodes],
        "edges": [{k: v for k, v in e.items() if k != "arrows"} for e in net.edges],
        "evidence": evidence,
        "docs": [{"id": _esc(model.docs[d].ident), "title": _esc(model.docs[d].title),
                  "source": _esc(model.docs[d].source), "issued": _esc(model.docs[d].issued)} for d in docs],
    }


def _page(payload: dict[str, object], view: str) -> str:
    template = (ASSETS / "explorer.html").read_text(encoding="utf-8")
    parts = {
        "{{ title }}": _esc(f"ConflictKG · {_VIEW_CAPTIONS[view]}"),
        "{{ view_caption }}": _esc(_VIEW_CAPTIONS[view]),
        "{{ vis_css }}": (VIS_DIR / "vis-network.css").read_text(encoding="utf-8"),
        "{{ explorer_css }}": (ASSETS / "explorer.css").read_text(encoding="utf-8"),
        "{{ data_json }}": _script_json(payload),
        "{{ vis_js }}": (VIS_DIR / "vis-network.min.js").read_text(encoding="utf-8"),
        "{{ explorer_js }}": (ASSETS / "explorer.js").read_text(encoding="utf-8"),
    }
    for marker, text in parts.items():
        head, sep, tail = template.partition(marker)
        if not sep:
            raise RuntimeError(f"template lost its {marker} slot")
        template = head + text.replace("</script", "<\\/script") + tail
    return template


def _atomic_write(out: Path, text: str) -> int:
    out.parent.mkdir(parents=True, exist_ok=True)
    data = text.encode("utf-8")
    fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return len(data)


def render_html(graph: Graph | Model, out: Path, *, view: str = "all", focus: str | None = None,
                depth: int = 1, attack: str | None = None, lang: str = "ar",
                max_nodes: int = 1500) -> RenderReport:
    """Render one view of `graph` to `out` (written atomically) and report what the page shows."""
    if lang not in {"ar", "en"}:
        raise ValueError(f"lang must be 'ar' or 'en', not {lang!r}")
    model = graph if isinstance(graph, Model) else build_model(graph)
    weights = node_weights(model)
    sel = select(model, view, focus=focus, depth=depth, attack=attack, weights=weights, max_nodes=max_nodes)
    if not sel.nodes:
        sel.notes.append("Nothing to show for this view: the graph has no matching nodes.")
    page = _page(_payload(model, sel, weights, view, lang), view)
    size = _atomic_write(Path(out), page)
    return RenderReport(out=Path(out), view=view, nodes=len(sel.nodes), edges=len(sel.edges),
                        total_nodes=sel.total_nodes, total_edges=sel.total_edges, truncated=sel.truncated,
                        notes=list(sel.notes), bytes=size)
