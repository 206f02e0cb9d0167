"""Write one processed Document as RDF (its own named graph), following docs/data-model.md."""
from __future__ import annotations

import hashlib
from collections.abc import Mapping
from decimal import Decimal
from functools import lru_cache
from typing import Any

from rdflib import RDF, RDFS, SKOS, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS

from graph_builder.document import Attack, Document, Entity, Evidence, Statement, Trace
from graph_builder.pubdate import was_inferred
from ontology.vocab import CKG as _CKG
from ontology.vocab import resource_iri, timeline_key


class _Terms:
    """The CKG terms as plain attributes: rdflib's DefinedNamespace resolves each through a metaclass
    `__getattr__` on every use, and a document graph uses them thousands of times."""

    def __init__(self, namespace: Any) -> None:
        self._namespace = namespace
        self._items: dict[str, URIRef] = {}

    def __getattr__(self, name: str) -> URIRef:
        term = getattr(self._namespace, name)
        setattr(self, name, term)
        return term

    def __getitem__(self, name: str) -> URIRef:
        term = self._items.get(name)
        if term is None:
            term = self._items[name] = self._namespace[name]
        return term


CKG = _Terms(_CKG)

_STATUS = {"CarriedOut": CKG.CarriedOut, "Foiled": CKG.Foiled, "Planned": CKG.Planned}


def doc_iri(doc_id: str) -> URIRef:
    return resource_iri("doc", doc_id)


def graph_iri(doc_id: str) -> URIRef:
    return resource_iri("graph/doc", doc_id)


def entity_iri(entity: Entity) -> URIRef:
    return resource_iri("entity", entity.key)


@lru_cache(maxsize=8192)
def _reference_terms(key: str, label_ar: str, label_en: str | None) -> tuple[URIRef, Literal, Literal | None]:
    """A reference entity's IRI and labels, the same in every document: made once, not per document."""
    return (resource_iri("entity", key), Literal(label_ar, lang="ar"),
            Literal(label_en, lang="en") if label_en else None)


def _event_iri(doc: Document, kind: str, sentence: int, extra: str) -> URIRef:
    digest = hashlib.sha1(f"{doc.id}|{kind}|{sentence}|{extra}".encode()).hexdigest()[:16]
    return resource_iri("event", digest)


def attack_iri(doc: Document, attack: Attack) -> URIRef:
    """The attack's node: shared by every document that reports the same dated attack on the same target.

    The IRI is a function of (target, calendar day, status), so two articles built separately, even into one
    store at different times, land on one node, each adding its own ckg:reportedIn and evidence. An attack
    without a target or a day-precision date stays private to its document.
    """
    if attack.target is not None and attack.date is not None and attack.date.precision == "day":
        key = f"attack|{attack.target.key}|{attack.date.value.isoformat()}|{attack.status.value}"
        return resource_iri("event", "a" + hashlib.sha1(key.encode()).hexdigest()[:16])
    return _event_iri(doc, attack.kind.value, attack.sentence, attack.target.key if attack.target else "")


class _Entities:
    """Writes each entity of a document once: type, Arabic and English labels, the surface forms this document
    used (skos:altLabel; the full list of variants lives in the reference entities), relations, mention.

    The reference entities an entity is ckg:officialOf, ckg:partOf or ckg:memberOf are written too (typed and
    labelled, without a mention), and theirs in turn, so a minister's chain up to his state (ministry partOf
    government officialOf state) is in the document graph and queries can follow it."""

    def __init__(self, g: Graph, doc: Document, reference: Mapping[str, Entity]) -> None:
        self.g, self.doc_node, self.reference = g, doc_iri(doc.id), reference
        self.nodes: dict[str, URIRef] = {}
        self.mentioned: set[str] = set()
        self.surfaces: dict[str, set[str]] = {}
        for m in doc.mentions:
            start, end = doc.original_span(m.norm_start, m.norm_end)
            self.surfaces.setdefault(m.entity.key, set()).add(doc.text[start:end].strip())

    def add(self, entity: Entity) -> URIRef:
        """The entity's node, mentioned in this document."""
        node = self._node(entity)
        if entity.key not in self.mentioned:
            self.mentioned.add(entity.key)
            self.g.add((node, CKG.mentionedIn, self.doc_node))
        return node

    def _node(self, entity: Entity) -> URIRef:
        node = self.nodes.get(entity.key)
        if node is not None:
            return node
        g = self.g
        if entity.discovered:  # named by this document: its terms are its own
            node, label_ar = entity_iri(entity), Literal(entity.label_ar, lang="ar")
            label_en = Literal(entity.label_en, lang="en") if entity.label_en else None
        else:
            node, label_ar, label_en = _reference_terms(entity.key, entity.label_ar, entity.label_en)
        self.nodes[entity.key] = node
        g.add((node, RDF.type, CKG[entity.kind.value]))
        if entity.also_organization:
            g.add((node, RDF.type, CKG.Organization))
        g.add((node, RDFS.label, label_ar))
        if label_en is not None:
            g.add((node, RDFS.label, label_en))
        for surface in sorted(self.surfaces.get(entity.key, ())):
            if surface and surface != entity.label_ar:
                g.add((node, SKOS.altLabel, Literal(surface, lang="ar")))
        if entity.official_of:
            parent = self.reference.get(entity.official_of)
            g.add((node, CKG.officialOf, self._node(parent) if parent is not None
                   else resource_iri("entity", entity.official_of)))
        for prop, keys in ((CKG.partOf, entity.part_of), (CKG.memberOf, entity.member_of)):
            for key in keys:
                if key in self.reference:  # only what can be written as a typed, labelled node
                    g.add((node, prop, self._node(self.reference[key])))
        if entity.role:
            g.add((node, CKG.role, Literal(entity.role, lang="en")))
        return node


@lru_cache(maxsize=4096)
def _rule(rule: str) -> Literal:
    """A rule name as a literal: rule names are a closed vocabulary of the code, made into literals once."""
    return Literal(rule)


@lru_cache(maxsize=1024, typed=True)  # typed: 1 and 1.0 write "1" and "1.0"
def _confidence(value: float) -> Literal:
    """A confidence as an xsd:decimal literal (a handful of rounded values, made once each)."""
    return Literal(Decimal(str(value)), datatype=XSD.decimal)


def _sentence_index(doc: Document, ev: Evidence) -> int:
    """The index of the sentence an evidence quotes (-1 if none): a table built once per document, not a scan
    of the sentences per evidence."""
    table = doc.memo("rdf-sentence-spans", lambda: {(s.start, s.end): s.index for s in reversed(doc.sentences)})
    return table.get((ev.start, ev.end), -1)


def _rules(doc: Document, ev: Evidence, traces: list[Trace]) -> list[str]:
    """The rules that made the fact from this evidence sentence; every rule of the fact when none names it."""
    index = _sentence_index(doc, ev)
    own = [t.rule for t in traces if t.sentence == index]
    return sorted(set(own or [t.rule for t in traces] or ["builder/untraced"]))


def _add_evidence(g: Graph, doc: Document, node: URIRef, evidence: list[Evidence], traces: list[Trace]) -> None:
    """Evidence nodes are per fact (the sentence's offsets and the fact's IRI), so each carries its own rules."""
    doc_node = doc_iri(doc.id)
    fact = str(node).rsplit("/", 1)[-1]
    for ev in evidence:
        ev_node = resource_iri("evidence", f"{doc.id}-{ev.start}-{ev.end}-{fact}")
        g.add((node, CKG.evidence, ev_node))
        for rule in _rules(doc, ev, traces):
            g.add((ev_node, CKG.rule, _rule(rule)))
        g.add((ev_node, RDF.type, CKG.Evidence))
        g.add((ev_node, CKG.inDocument, doc_node))
        g.add((ev_node, CKG.evidenceText, Literal(ev.text, lang="ar")))
        g.add((ev_node, CKG.startOffset, Literal(ev.start, datatype=XSD.integer)))
        g.add((ev_node, CKG.endOffset, Literal(ev.end, datatype=XSD.integer)))


def _add_attack(g: Graph, doc: Document, attack: Attack, node: URIRef, entities: _Entities) -> None:
    doc_node = doc_iri(doc.id)
    # a drone strike is also a strike from the air (the attack classes are not disjoint): typed and dated as both
    types = [CKG[attack.kind.value], *([CKG.Airstrike] if attack.air_strike else [])]
    for cls in types:
        g.add((node, RDF.type, cls))
    g.add((node, CKG.reportedIn, doc_node))
    g.add((node, CKG.status, _STATUS[attack.status.value]))
    g.add((node, CKG.confidence, _confidence(attack.confidence)))
    for prop, entity in ((CKG.target, attack.target), (CKG.perpetrator, attack.perpetrator),
                         (CKG.location, attack.location)):
        if entity is not None:
            g.add((node, prop, entities.add(entity)))
    if attack.date is not None:
        g.add((node, CKG.date, Literal(attack.date.value, datatype=XSD.date)))
        g.add((node, CKG.datePrecision, Literal(attack.date.precision)))
        for cls in types:
            g.add((node, CKG.timelineKey, Literal(timeline_key(attack.date.value, cls))))
    for prop, value in ((CKG.projectileCount, attack.count), (CKG.killed, attack.killed),
                        (CKG.injured, attack.injured)):
        if value is not None:
            g.add((node, prop, Literal(value, datatype=XSD.integer)))
    if attack.weapon:
        g.add((node, CKG.weapon, Literal(attack.weapon, lang="ar")))
    _add_evidence(g, doc, node, attack.evidence, attack.traces)


def _add_statement(g: Graph, doc: Document, stmt: Statement, node: URIRef, attacks: dict[int, URIRef],
                   entities: _Entities) -> None:
    doc_node = doc_iri(doc.id)
    g.add((node, RDF.type, CKG[stmt.kind.value]))
    g.add((node, CKG.reportedIn, doc_node))
    g.add((node, CKG.confidence, _confidence(stmt.confidence)))
    if stmt.speaker is not None:
        speaker = entities.add(stmt.speaker)
        g.add((node, CKG.speaker, speaker))
        if stmt.speaker.kind.value == "Embassy":
            g.add((speaker, RDF.type, CKG.Organization))
    if stmt.accused is not None:
        g.add((node, CKG.accused, entities.add(stmt.accused)))
    if stmt.denies is not None:
        g.add((node, CKG.denies, Literal(stmt.denies)))  # xsd:string, as the contract types it
    if stmt.about is not None and id(stmt.about) in attacks:
        g.add((node, CKG.about, attacks[id(stmt.about)]))
    if stmt.date is not None:
        g.add((node, CKG.date, Literal(stmt.date.value, datatype=XSD.date)))
        g.add((node, CKG.timelineKey, Literal(timeline_key(stmt.date.value, CKG[stmt.kind.value]))))
    _add_evidence(g, doc, node, stmt.evidence, stmt.traces)


def document_graph(doc: Document, reference: Mapping[str, Entity] | None = None) -> Graph:
    """All triples one document contributes, ready to replace its named graph in a store. `reference` is the
    table of reference entities by key (default: the packaged ones) that entities' links are written from."""
    if reference is None:
        from graph_builder.resources import default_resources  # the gazetteers are built once per process

        reference = default_resources().entities
    g = Graph(store="SimpleMemory")  # one graph, no named contexts: the context-aware store only costs time
    node = doc_iri(doc.id)
    raw = doc.raw
    g.add((node, RDF.type, CKG.Document))
    g.add((node, DCTERMS.identifier, Literal(raw.id)))
    g.add((node, CKG.documentText, Literal(raw.text, lang="ar")))
    if raw.title:
        g.add((node, DCTERMS.title, Literal(raw.title, lang="ar")))
    if raw.source:
        g.add((node, DCTERMS.source, Literal(raw.source)))
    if raw.url:
        g.add((node, DCTERMS.relation, Literal(raw.url, datatype=XSD.anyURI)))
    if raw.published:
        g.add((node, DCTERMS.issued, Literal(raw.published, datatype=XSD.date)))
        if was_inferred(doc):
            g.add((node, CKG.publicationDateInferred, Literal(True)))
    entities = _Entities(g, doc, reference)
    for mention in doc.mentions:
        if not mention.entity.generic:
            entities.add(mention.entity)
    attacks: dict[int, URIRef] = {}
    for attack in doc.attacks:
        a_node = attack_iri(doc, attack)
        attacks[id(attack)] = a_node
        _add_attack(g, doc, attack, a_node, entities)
    for stmt in doc.statements:
        # one sentence may claim several attacks: the attack is part of the statement's identity
        about = attacks.get(id(stmt.about), "") if stmt.about is not None else ""
        extra = f"{stmt.speaker.key if stmt.speaker else ''}|{stmt.accused.key if stmt.accused else ''}|{about}"
        _add_statement(g, doc, stmt, _event_iri(doc, stmt.kind.value, stmt.sentence, extra), attacks, entities)
    return g
