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
from pathlib import Path

import pyvis
from pyvis.network import Network
from rdflib import Graph

from queries.analytics import node_weights
from queries.render_facts import node_facts
from queries.render_model import CATEGORIES, RELATIONS, Model, build_model
from queries.render_views import Selection, select

ASSETS = Path(__file__).with_name("assets")
VIS_DIR = Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2"
_VIEW_CAPTIONS = {
    "all": "Whole graph", "ego": "Ego network", "dossier": "Attack dossier",
    "accusations": "Accusation network", "timeline": "Timeline of attacks", "contested": "Contested attacks",
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


#: Horizontal room per attack on the timeline: enough for a label of ~20 characters at the default zoom.
SLOT = 170.0
LANE = 120.0


def _timeline_layout(model: Model, sel: Selection) -> dict[str, object] | None:
    """Pin attacks in one lane per attack type (y) and an "undated" lane under them; actors float around.

    The axis is ordinal, not linear: each attack gets a slot in date order, so a month with ten attacks is
    wide and an empty year takes no room; a tick marks the first slot of each month. Labels in a lane are
    staggered up and down so neighbouring attacks' labels do not overlap.
    """
    attacks = [i for i in sel.nodes if model.nodes[i].category in {c.key for c in CATEGORIES if c.group == "attack"}]
    if not attacks:
        return None
    dated = sorted((model.nodes[i].date[:10], i) for i in attacks if model.nodes[i].date)
    undated = sorted((model.nodes[i].label_en or model.nodes[i].label_ar, i) for i in attacks
                     if not model.nodes[i].date)
    kinds = [c.key for c in CATEGORIES if c.group == "attack"]
    used = [k for k in kinds if any(model.nodes[i].category == k for _, i in dated)]
    lanes = [{"key": k, "y": LANE * n} for n, k in enumerate(used)]
    undated_y = LANE * len(used) + (LANE / 2 if used else 0)
    if undated:
        lanes.append({"key": "undated", "y": undated_y})
    width = SLOT * max(len(dated), len(undated), 1)
    left = -width / 2
    positions: dict[str, tuple[float, float]] = {}
    ticks: list[dict[str, object]] = []
    lane_y = {lane["key"]: lane["y"] for lane in lanes}
    step = width / max(len(dated), 1)
    for n, (day, iri) in enumerate(dated):
        x = round(left + step * (n + 0.5), 1)
        positions[iri] = (x, lane_y[model.nodes[iri].category] + (18 if n % 2 else -18))
        month = day[:7]
        if not ticks or ticks[-1]["label"] != month:
            ticks.append({"x": round(x - step / 2, 1), "label": month})
    ustep = width / max(len(undated), 1)
    for n, (_, iri) in enumerate(undated):
        positions[iri] = (round(left + ustep * (n + 0.5), 1), undated_y + (18 if n % 2 else -18))
    top = -LANE / 2 - 20
    bottom = (undated_y if undated else LANE * max(len(used) - 1, 0)) + LANE / 2
    return {"positions": positions, "ticks": ticks, "top": top, "bottom": bottom, "left": left - 40,
            "right": -left + 40, "lanes": lanes, "undated": [str(i) for _, i in undated]}


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
            facts=[[_esc(x) for x in row] for row in node_facts(model, node)], ev=ev_ids(node.evidence),
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
                 "timeline": {**{k: v for k, v in timeline.items() if k not in {"positions", "undated"}},
                              "undated": [index[i] for i in timeline["undated"] if i in index]}
                 if timeline else None},
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
