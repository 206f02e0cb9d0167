"""The facts the explorer's side panel lists for a node, with human names in English and Arabic.

An attack always lists the same ten facts in the same order as the CLI dossier (`queries.dossier.FACTS`),
"—" where the text gave none, so an analyst sees at once what is unknown. Property and status names come from
the ontology's own labels (`rdfs:label`@en/@ar), never the raw local names (projectileCount, CarriedOut), and
numbers are rounded for reading (confidence 0.92, not 0.9199999999999999).
"""
from __future__ import annotations

from rdflib import URIRef

from queries.attacks import UNDATED, vocabulary_labels
from queries.dossier import FACTS
from queries.render_model import CATEGORIES, Model, Node
from queries.store import PREFIXES

#: (English, Arabic) for each bilingual fact row: [name en, name ar, value en, value ar].
Fact = list[str]
_CATEGORY = {c.key: (c.en, c.ar) for c in CATEGORIES}


def _vocab(local: str) -> tuple[str, str]:
    """English and Arabic label of ckg:`local` (a status or property), else the local name itself."""
    en, ar = vocabulary_labels().get(URIRef(PREFIXES["ckg"] + local), ("", ""))
    return en or local, ar or en or local


def _names(model: Model, iris: list[str]) -> tuple[str, str]:
    nodes = [model.nodes[i] for i in iris if i in model.nodes]
    en = "، ".join(n.label_en or n.label_ar for n in nodes)
    ar = "، ".join(n.label_ar or n.label_en for n in nodes)
    return en.replace("، ", ", "), ar


def _number(value: str) -> str:
    try:
        number = float(value)
    except ValueError:
        return value
    return str(int(number)) if number.is_integer() else f"{number:.2f}"


def attack_facts(model: Model, node: Node) -> list[Fact]:
    """The ten dossier facts of one attack node, then its confidence, as bilingual rows."""
    out_edges = {rel: [k[2] for k in model.edges if k[0] == node.iri and k[1] == rel]
                 for rel in ("target", "location")}
    perpetrators = [k[0] for k in model.edges if k[2] == node.iri and k[1] == "perpetrator"]
    docs = [model.docs[d] for d in node.docs if d in model.docs]
    sources_en = ", ".join(d.source or d.ident for d in docs)
    values: dict[str, tuple[str, str]] = {
        "kind": _CATEGORY.get(node.category, (node.category, node.category)),
        "date": (node.date, node.date),
        "target": _names(model, out_edges["target"]),
        "location": _names(model, out_edges["location"]),
        "perpetrator": _names(model, perpetrators),
        "sources": (sources_en, sources_en.replace(", ", "، ")),
    }
    for fact, prop in (("projectiles", "projectileCount"), ("killed", "killed"), ("injured", "injured")):
        value = _number(node.facts.get(prop, ""))
        values[fact] = (value, value)
    status = node.facts.get("status", "")
    values["status"] = _vocab(status) if status else ("", "")
    rows = [[fact, ar, values[fact][0] or UNDATED, values[fact][1] or UNDATED] for fact, ar in FACTS]
    if node.facts.get("weapon"):
        rows.append([*_vocab("weapon"), node.facts["weapon"], node.facts["weapon"]])
    if node.facts.get("confidence"):
        confidence = _number(node.facts["confidence"])
        rows.append([*_vocab("confidence"), confidence, confidence])
    return rows


def node_facts(model: Model, node: Node) -> list[Fact]:
    """Facts for the panel: the dossier facts for attacks, the human-named raw facts for anything else."""
    if node.category in {c.key for c in CATEGORIES if c.group == "attack"}:
        return attack_facts(model, node)
    return [[*_vocab(k), _number(v), _number(v)] for k, v in node.facts.items()]
