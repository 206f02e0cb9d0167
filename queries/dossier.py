"""The attack dossier: the attack's own facts (kind, date, target, place, perpetrator, projectiles, casualties,
status, sources) above what everyone said about it. Both halves are catalog queries (`attack-facts`,
`attack-dossier`), so the dossier reads the same on every backend; this module only arranges the facts.
"""
from __future__ import annotations

from dataclasses import dataclass

from rdflib import Literal, URIRef
from rdflib.term import Node

from queries.attacks import UNDATED, describe_attacks, vocabulary_labels
from queries.catalog import run_query
from queries.store import QueryResult, Store

#: The facts every dossier shows, in order, with their Arabic names; a missing one reads "—".
FACTS: tuple[tuple[str, str], ...] = (
    ("kind", "النوع"), ("date", "التاريخ"), ("target", "الهدف"), ("location", "المكان"),
    ("perpetrator", "المنفذ"), ("projectiles", "عدد المقذوفات"), ("killed", "القتلى"), ("injured", "الجرحى"),
    ("status", "الحالة"), ("sources", "المصادر"),
)


@dataclass
class Dossier:
    """One attack: its name, its facts as (fact, value) pairs, and the statements about it."""

    attack: URIRef
    name: str
    facts: list[tuple[str, str]]
    statements: QueryResult


def _value(term: Node | None, label: Node | None, label_en: Node | None, lang: str) -> str:
    if isinstance(term, URIRef):
        vocab = vocabulary_labels().get(term)
        if vocab:
            return vocab[0] if lang == "en" or not vocab[1] else vocab[1]
    first, second = (label_en, label) if lang == "en" else (label, label_en)
    if first is not None or second is not None:
        shown = str(first or second)
        other = second if first is not None else None
        return f"{shown} ({other})" if other is not None and str(other) != shown else shown
    if isinstance(term, Literal) and isinstance(term.toPython(), float):
        return f"{term.toPython():.2f}"
    return "" if term is None else str(term).rsplit("/", 1)[-1]


def facts_of(head: QueryResult, names: dict[Node, str] | None = None, lang: str = "en"
             ) -> dict[str, list[tuple[str, str]]]:
    """Rows of `attack-facts` grouped per attack (keyed by its displayed name) as the dossier's fact list."""
    names = names or {}
    col = {v: i for i, v in enumerate(head.vars)}
    grouped: dict[Node, dict[str, list[str]]] = {}
    for row in head.rows:
        attack, fact = row[col["attack"]], str(row[col["fact"]])
        value = _value(row[col["value"]], row[col["valueLabel"]], row[col["valueLabelEn"]], lang)
        if fact == "source":
            fact = "sources"
        values = grouped.setdefault(attack, {}).setdefault(fact, [])
        if value and value not in values:
            values.append(value)
    out = {}
    for attack, facts in grouped.items():
        kinds = facts.get("kind", [])
        if len(kinds) > 1:  # typed ckg:Attack and a subclass: the subclass says more
            facts["kind"] = [k for k in kinds if k.lower() not in {"attack", "هجوم"}] or kinds
        precision = facts.get("date precision")
        if precision and facts.get("date"):
            facts["date"] = [f"{facts['date'][0]} ({precision[0]})"]
        rows = [(fact if lang == "en" else ar, ", ".join(facts.get(fact, [])) or UNDATED) for fact, ar in FACTS]
        out[names.get(attack) or str(attack)] = rows
    return out


def dossier(store: Store, attack: str, lang: str = "en") -> Dossier:
    """The dossier of the attack named by an IRI, a hash or a displayed name."""
    head = run_query(store, "attack-facts", {"attack": attack})
    statements = run_query(store, "attack-dossier", {"attack": attack})
    iri = next((r[head.vars.index("attack")] for r in head.rows), None)
    if not isinstance(iri, URIRef):
        from queries.attacks import resolve_attack

        iri = resolve_attack(store, attack)[0]
    names = describe_attacks(store, [iri])
    facts = facts_of(head, names, lang)
    name = names.get(iri, str(iri))
    return Dossier(iri, name, facts.get(name, [(f, UNDATED) for f, _ in FACTS]), statements)
