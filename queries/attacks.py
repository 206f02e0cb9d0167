"""Attacks by the names an analyst sees, and the attack's own facts for the head of its dossier.

Attacks rarely have a label, so tables name them by type, target and date ("Rocket attack on US Embassy in
Baghdad, 2020-01-26 #23a81a"; undated: no date). Attacks on one target would otherwise share a name, so each ends
with the first six characters of the IRI's hash. The names are accepted back: `-p attack=` takes an IRI, the
hash (or any prefix of at least six characters), or a displayed name with or without its hash.
"""
from __future__ import annotations

import re
from functools import cache

from rdflib import Literal, URIRef
from rdflib.namespace import RDFS
from rdflib.term import Node

from ontology.vocab import CKG, RES
from queries.lookup import NameNotFound, fold, suggest
from queries.store import QueryResult, Store

EVENT_NS = str(RES["event/"])
#: Type, target and date of the IRIs in a result, so a table can name attacks that carry no label.
DESCRIBE = """
PREFIX ckg: <https://w3id.org/conflictkg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT DISTINCT ?node ?type ?where ?whereEn ?date ?who ?whoEn WHERE {
  ?node a ?type .
  OPTIONAL { ?node ckg:target ?t
             OPTIONAL { ?t rdfs:label ?where FILTER(lang(?where) = "ar") }
             OPTIONAL { ?t rdfs:label ?whereEn FILTER(lang(?whereEn) = "en") } }
  OPTIONAL { ?node ckg:speaker ?s
             OPTIONAL { ?s rdfs:label ?who FILTER(lang(?who) = "ar") }
             OPTIONAL { ?s rdfs:label ?whoEn FILTER(lang(?whoEn) = "en") } }
  OPTIONAL { ?node ckg:date ?date }
}"""
STATEMENT_CLASSES = (CKG.Accusation, CKG.Denial, CKG.ClaimOfResponsibility, CKG.Condemnation, CKG.Threat)
ALL_ATTACKS = """
PREFIX ckg: <https://w3id.org/conflictkg/ontology#>
SELECT DISTINCT ?node WHERE {
  VALUES ?type { ckg:Attack ckg:RocketAttack ckg:DroneAttack ckg:BombingAttack ckg:Airstrike ckg:StormingAttack }
  ?node a ?type
}"""
_HASH = re.compile(r"#?([0-9a-f]{6,32})", re.IGNORECASE)
#: Dashes stand in for an unknown date in tables.
UNDATED = "—"


@cache
def attack_kinds() -> dict[URIRef, tuple[str, str]]:
    """Attack class -> (English, Arabic) name, most specific classes first."""
    from queries.render_model import CATEGORIES

    return {c.cls: (c.en, c.ar) for c in CATEGORIES if c.group == "attack"}


def _local(iri: URIRef) -> str:
    return str(iri)[len(EVENT_NS):] if str(iri).startswith(EVENT_NS) else str(iri).rsplit("/", 1)[-1]


def _names(store: Store, iris: list[Node]) -> dict[Node, str]:
    """Attacks: 'kind on target, date #hash'; statements: 'kind by speaker, date #hash'."""
    kinds = attack_kinds()
    said = {c: vocabulary_labels().get(c, (c.rsplit("#", 1)[-1], ""))[0] for c in STATEMENT_CLASSES}
    found: dict[Node, str] = {}
    for node, type_, where, where_en, date, who, who_en in store.query(DESCRIBE, {"node": iris}).rows:
        if node is None or not isinstance(type_, URIRef):
            continue
        when = f"{f', {date}' if date else ''} #{_local(node)[:6]}"  # type: ignore[arg-type]
        if type_ in kinds and not (node in found and type_ == CKG.Attack):  # keep the specific type
            where = where_en or where
            found[node] = f"{kinds[type_][0]}{f' on {where}' if where else ''}{when}"
        elif type_ in said:
            who = who_en or who
            found[node] = f"{said[type_].capitalize()}{f' by {who}' if who else ''}{when}"
    return found


def describe_attacks(store: Store, nodes: QueryResult | list[Node]) -> dict[Node, str]:
    """'Rocket attack on <target>, <date> #<hash prefix>' for every attack among `nodes` (or a result's
    IRIs); the hash prefix makes every name pick out one attack, and can be typed back on its own."""
    rows = nodes.rows if isinstance(nodes, QueryResult) else [tuple(nodes)]
    iris = sorted({t for row in rows for t in row if isinstance(t, URIRef)})
    return _names(store, iris) if iris else {}


def attack_names(store: Store) -> dict[Node, str]:
    """Every attack in the store by its displayed name."""
    attacks = [row[0] for row in store.query(ALL_ATTACKS).rows if row[0] is not None]
    return _names(store, attacks) if attacks else {}


def resolve_attack(store: Store, text: str) -> list[URIRef]:
    """The attack named by an IRI or CURIE (returned as is), a hash or hash prefix, or a displayed name."""
    from queries.catalog import expand_iri

    iri = expand_iri(text)
    if iri is not None:
        return [iri]
    names = attack_names(store)
    text = text.strip()
    m = _HASH.fullmatch(text)
    if m:
        hits = [n for n in names if isinstance(n, URIRef) and _local(n).lower().startswith(m.group(1).lower())]
        if len(hits) == 1:
            return hits
    key = fold(text)
    hits = [n for n, name in names.items() if isinstance(n, URIRef) and key in (fold(name), _bare(name))]
    if len(hits) == 1 or (hits and all(fold(names[h]) == key for h in hits)):
        return sorted(hits)
    index: dict[str, dict[URIRef, str]] = {}
    for node, name in names.items():
        if isinstance(node, URIRef):
            index.setdefault(fold(name), {})[node] = name
    if hits:  # a name without its hash that several attacks share: list them
        raise NameNotFound(text, sorted(names[h] for h in hits), f"single attack ({len(hits)} match)")
    raise NameNotFound(text, suggest(index, key), "attack")


def _bare(name: str) -> str:
    """The folded name without its trailing ' #hash'."""
    return fold(name.rsplit(" #", 1)[0])


@cache
def vocabulary_labels() -> dict[URIRef, tuple[str, str]]:
    """(English, Arabic) label of every ontology term (statuses such as ckg:CarriedOut, properties, classes)."""
    from ontology.loader import ontology_graph

    labels: dict[URIRef, dict[str, str]] = {}
    for s, o in ontology_graph().subject_objects(RDFS.label):
        if isinstance(s, URIRef) and isinstance(o, Literal) and str(s).startswith(str(CKG)):
            labels.setdefault(s, {})[o.language or "en"] = str(o)
    return {s: (ls.get("en", ""), ls.get("ar", "")) for s, ls in labels.items()}
