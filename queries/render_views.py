"""Pick what one explorer view shows: whole graph, ego network, attack dossier, accusations, timeline, contested.

Selection happens in Python, before anything reaches the browser, so a big graph is cut down to a size the
page can lay out (highest-weight nodes kept) and the page can say exactly what was left out.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from queries.lookup import fold
from queries.render_model import CATEGORIES, Model

VIEWS = ("all", "ego", "dossier", "accusations", "timeline", "contested")
_ATTACK_KEYS = frozenset(c.key for c in CATEGORIES if c.group == "attack")
_ACTOR_KEYS = frozenset(c.key for c in CATEGORIES if c.group == "actor")
_DOSSIER_RELATIONS = frozenset({"accusedOf", "claims", "denies", "condemns", "target", "perpetrator",
                                "location"})
_TIMELINE_RELATIONS = frozenset({"accusedOf", "claims", "denies", "perpetrator", "target"})


class ViewError(ValueError):
    """The requested focus or attack does not exist in the graph (message lists what does)."""


@dataclass
class Selection:
    """The node and edge keys one view draws, and notes to show the reader."""

    nodes: set[str]
    edges: list[tuple[str, str, str]]
    notes: list[str] = field(default_factory=list)
    total_nodes: int = 0
    total_edges: int = 0
    truncated: bool = False
    focus: str | None = None


def _norm(text: str) -> str:
    """Spelling-insensitive form (`queries.lookup.fold`): 'ايران' finds 'إيران', 'IRAN' finds 'Iran'."""
    return fold(text)


def resolve(model: Model, query: str, keys: frozenset[str] | None = None) -> str:
    """Find a node by IRI, IRI tail, or (normalised) Arabic/English/alternative label."""
    candidates = [n for n in model.nodes.values() if keys is None or n.category in keys]
    for node in candidates:
        if query in (node.iri, node.iri.rsplit("/", 1)[-1]):
            return node.iri
    # the names tables show ("Rocket attack on US Embassy in Baghdad #23a81a") end with a hash prefix
    tail = re.search(r"#([\w-]+)\s*$", query.strip())
    if tail:
        by_hash = [n for n in candidates if n.iri.rsplit("/", 1)[-1].lower().startswith(tail.group(1).lower())]
        if len(by_hash) == 1:
            return by_hash[0].iri
    wanted = _norm(query)
    exact = [n for n in candidates if wanted in {_norm(x) for x in (n.label_ar, n.label_en, *n.alt) if x}]
    if exact:
        return exact[0].iri
    partial = [n for n in candidates
               if any(wanted in _norm(x) for x in (n.label_ar, n.label_en, *n.alt) if x)]
    if len(partial) == 1:
        return partial[0].iri
    hint = ", ".join(sorted(n.label_en or n.label_ar for n in (partial or candidates))[:12])
    raise ViewError(f"no single match for {query!r}; candidates: {hint}")


def _neighbours(model: Model, relations: frozenset[str] | None = None) -> dict[str, set[str]]:
    adj: dict[str, set[str]] = defaultdict(set)
    for src, rel, dst in model.edges:
        if relations is None or rel in relations:
            adj[src].add(dst)
            adj[dst].add(src)
    return adj


def _ego(model: Model, focus: str, depth: int) -> set[str]:
    adj = _neighbours(model)
    seen, frontier = {focus}, {focus}
    for _ in range(max(0, depth)):
        frontier = {n for f in frontier for n in adj[f]} - seen
        seen |= frontier
    return seen


def _dossier(model: Model, attack: str) -> tuple[set[str], set[tuple[str, str, str]]]:
    """The attack, everyone who claims, denies, condemns or is blamed for it, its target and place, and who
    made the accusations about this attack."""
    keys = {k for k in model.edges if attack in (k[0], k[2]) and k[1] in _DOSSIER_RELATIONS}
    statements = {s for k in keys for s in model.edges[k].statements}
    keys |= {k for k, e in model.edges.items() if k[1] == "accuses" and statements & set(e.statements)}
    return {attack} | {k[0] for k in keys} | {k[2] for k in keys}, keys


def contested_attacks(model: Model) -> set[str]:
    """Attacks whose attribution is disputed, as the `contested` catalog query defines it: claimed by one party
    while another is accused, or an accused party denies (its speaker or the body it speaks for is accused, see
    `Model.deniers`), or two different parties accused."""
    claimed: dict[str, set[str]] = defaultdict(set)
    accused: dict[str, set[str]] = defaultdict(set)
    for src, rel, dst in model.edges:
        {"claims": claimed, "accusedOf": accused}.get(rel, {}).setdefault(dst, set()).add(src)

    def disputed(attack: str, blamed: set[str]) -> bool:
        claimants = claimed.get(attack, set())
        claimed_elsewhere = bool(claimants) and not (len(claimants) == len(blamed) == 1 and claimants == blamed)
        return claimed_elsewhere or bool(blamed & model.deniers.get(attack, set())) or len(blamed) > 1

    return {attack for attack, blamed in accused.items() if disputed(attack, blamed)}


def _contested(model: Model) -> tuple[set[str], set[tuple[str, str, str]]]:
    """The contested attacks with their claimants, accused, deniers and the accusers, side by side."""
    nodes: set[str] = set()
    keys: set[tuple[str, str, str]] = set()
    for attack in contested_attacks(model):
        more_nodes, more_keys = _dossier(model, attack)
        nodes |= more_nodes
        keys |= {k for k in more_keys if k[1] in {"accusedOf", "claims", "denies", "accuses", "target"}}
    return nodes, keys


def _busiest_attack(model: Model) -> str:
    counts: dict[str, int] = defaultdict(int)
    for (src, _rel, dst), edge in model.edges.items():
        for iri in (src, dst):
            if model.nodes[iri].category in _ATTACK_KEYS:
                counts[iri] += max(1, len(edge.statements))
    if not counts:
        raise ViewError("the graph has no attacks to build a dossier for")
    return max(sorted(counts), key=lambda iri: counts[iri])


def select(model: Model, view: str, *, focus: str | None = None, depth: int = 1, attack: str | None = None,
           weights: dict[str, float], max_nodes: int = 1500) -> Selection:
    """Choose nodes and edges for `view`, then cut to `max_nodes` by weight (the focus always stays)."""
    if view not in VIEWS:
        raise ViewError(f"unknown view {view!r}; choose one of {', '.join(VIEWS)}")
    notes: list[str] = []
    keep_first: str | None = None
    edge_keys: set[tuple[str, str, str]]
    if view == "ego":
        if not focus:
            raise ViewError("the ego view needs --focus ACTOR (a label or IRI)")
        keep_first = resolve(model, focus)
        nodes = _ego(model, keep_first, depth)
        edge_keys = set(model.edges)
    elif view == "dossier":
        if attack:
            keep_first = resolve(model, attack, _ATTACK_KEYS)
        else:
            keep_first = _busiest_attack(model)
            notes.append("No --attack given: showing the attack with the most statements.")
        nodes, edge_keys = _dossier(model, keep_first)
    elif view == "contested":
        nodes, edge_keys = _contested(model)
        count = len(nodes & {i for i, n in model.nodes.items() if n.category in _ATTACK_KEYS})
        notes.append(f"{count} attack(s) with a disputed attribution: claimed by one party while another is "
                     "accused, an accused party denying, or several parties accused.")
    elif view == "accusations":
        edge_keys = {k for k in model.edges if k[1] in {"accuses", "threatens"}}
        nodes = {k[0] for k in edge_keys} | {k[2] for k in edge_keys}
    elif view == "timeline":
        nodes = {iri for iri, n in model.nodes.items() if n.category in _ATTACK_KEYS}
        edge_keys = {k for k in model.edges
                     if k[1] in _TIMELINE_RELATIONS and (k[0] in nodes or k[2] in nodes)}
        nodes |= {k[0] for k in edge_keys} | {k[2] for k in edge_keys}
        undated = sum(1 for n in model.nodes.values() if n.category in _ATTACK_KEYS and not n.date)
        if undated:
            notes.append(f"{undated} attack(s) without a resolved date are in the “undated” lane.")
    else:
        linked = {k[0] for k in model.edges} | {k[2] for k in model.edges}
        nodes = {iri for iri, n in model.nodes.items() if iri in linked or n.docs}
        edge_keys = set(model.edges)
        if len(nodes) < len(model.nodes):
            notes.append(f"{len(model.nodes) - len(nodes)} reference entities never mentioned in a document "
                         "and without relations are hidden.")
    edges = sorted(k for k in edge_keys if k[0] in nodes and k[2] in nodes)
    selection = Selection(nodes, edges, notes, total_nodes=len(nodes), total_edges=len(edges),
                          focus=keep_first)
    if len(nodes) > max_nodes:
        _truncate(selection, weights, max_nodes, keep_first)
    return selection


def _truncate(selection: Selection, weights: dict[str, float], max_nodes: int, keep: str | None) -> None:
    ranked = sorted(selection.nodes, key=lambda iri: (iri != keep, -weights.get(iri, 0.0), iri))
    selection.nodes = set(ranked[:max_nodes])
    selection.edges = [k for k in selection.edges if k[0] in selection.nodes and k[2] in selection.nodes]
    selection.truncated = True
    selection.notes.append(
        f"Large graph: showing the {len(selection.nodes):,} most connected of {selection.total_nodes:,} "
        f"nodes ({len(selection.edges):,} of {selection.total_edges:,} edges). Narrow it with --view ego "
        f"--focus, --view dossier or a higher --max-nodes."
    )
