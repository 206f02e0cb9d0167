"""Turn the RDF graph into the small model the explorer draws: typed nodes, collapsed edges, evidence.

Statements are events in the graph (speaker, accused, about), which is right for provenance but unreadable as
a picture. Here each typed statement collapses into the actor→actor / actor→attack edge an analyst thinks in
(accuses, accusedOf, claims, denies, condemns, threatens), computed from the asserted triples so the view
works without a reasoner; materialised `ckg:accuses`-style triples, if present, merge into the same edges.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, SKOS

from ontology.vocab import CKG


@dataclass(frozen=True)
class Category:
    """How one class is drawn and grouped in the filters."""

    key: str
    cls: URIRef
    group: str  # actor | place | attack
    en: str
    ar: str
    color: str
    shape: str


#: Most specific first: an entity typed Embassy and Organization is drawn as an embassy.
CATEGORIES: tuple[Category, ...] = (
    Category("embassy", CKG.Embassy, "place", "Embassy", "سفارة", "#8e44ad", "square"),
    Category("base", CKG.MilitaryBase, "place", "Military base", "قاعدة عسكرية", "#6d4c41", "square"),
    Category("facility", CKG.Facility, "place", "Facility", "منشأة", "#a1887f", "square"),
    Category("media", CKG.MediaOutlet, "actor", "Media outlet", "وسيلة إعلام", "#90a4ae", "box"),
    Category("state", CKG.State, "actor", "State", "دولة", "#1f77b4", "dot"),
    Category("armedgroup", CKG.ArmedGroup, "actor", "Armed group", "جماعة مسلحة", "#d62728", "dot"),
    Category("person", CKG.Person, "actor", "Person", "شخص", "#2ca02c", "dot"),
    Category("organization", CKG.Organization, "actor", "Organization", "منظمة", "#17becf", "dot"),
    Category("actor", CKG.Actor, "actor", "Other actor", "فاعل آخر", "#7f7f7f", "dot"),
    Category("place", CKG.Place, "place", "Place", "مكان", "#bcbd22", "triangle"),
    Category("rocket", CKG.RocketAttack, "attack", "Rocket attack", "هجوم صاروخي", "#ff7f0e", "star"),
    Category("drone", CKG.DroneAttack, "attack", "Drone attack", "هجوم بطائرة مسيرة", "#e377c2", "star"),
    Category("bombing", CKG.BombingAttack, "attack", "Bombing", "تفجير", "#b71c1c", "star"),
    Category("airstrike", CKG.Airstrike, "attack", "Airstrike", "غارة جوية", "#283593", "star"),
    Category("storming", CKG.StormingAttack, "attack", "Storming", "اقتحام", "#ff5722", "star"),
    Category("attack", CKG.Attack, "attack", "Attack", "هجوم", "#ffb300", "star"),
)
CATEGORY_BY_CLASS = {c.cls: c for c in CATEGORIES}


@dataclass(frozen=True)
class Relation:
    """How one edge type is drawn; `derived_from` names the ckg property it stands for."""

    key: str
    en: str
    ar: str
    color: str
    dashes: bool
    prop: URIRef


RELATIONS: tuple[Relation, ...] = (
    Relation("accuses", "accuses", "يتهم", "#d62728", False, CKG.accuses),
    Relation("accusedOf", "accused of", "متهم بـ", "#ff9896", True, CKG.accusedOf),
    Relation("claims", "claims", "يتبنى", "#9467bd", False, CKG.claimsResponsibilityFor),
    Relation("denies", "denies", "ينفي", "#8c564b", True, CKG.deniesInvolvementIn),
    Relation("condemns", "condemns", "يدين", "#2ca02c", True, CKG.condemns),
    Relation("threatens", "threatens", "يهدد", "#e6550d", False, CKG.threatens),
    Relation("target", "targets", "يستهدف", "#ff7f0e", False, CKG.target),
    Relation("perpetrator", "carried out", "نفّذ", "#000000", False, CKG.perpetrator),
    Relation("location", "located at", "وقع في", "#bcbd22", True, CKG.location),
    Relation("affiliation", "affiliated with", "تابع لـ", "#c7c7c7", True, CKG.officialOf),
)
RELATION_KEYS = tuple(r.key for r in RELATIONS)
ACCUSATION_RELATIONS = frozenset({"accuses", "threatens", "accusedOf", "denies"})

#: Statement class → (relation key, source role, target role); roles name ckg properties of the statement.
_STATEMENT_RULES: tuple[tuple[URIRef, str, URIRef, URIRef], ...] = (
    (CKG.Accusation, "accuses", CKG.speaker, CKG.accused),
    (CKG.Accusation, "accusedOf", CKG.accused, CKG.about),
    (CKG.ClaimOfResponsibility, "claims", CKG.speaker, CKG.about),
    (CKG.Denial, "denies", CKG.accused, CKG.about),
    (CKG.Condemnation, "condemns", CKG.speaker, CKG.about),
    (CKG.Threat, "threatens", CKG.speaker, CKG.accused),
)
_MATERIALISED = {r.prop: r.key for r in RELATIONS if r.key not in {"target", "perpetrator", "location"}}
_MATERIALISED.pop(CKG.officialOf)
_AFFILIATIONS = (CKG.officialOf, CKG.memberOf, CKG.affiliatedWith)


@dataclass
class Evidence:
    """One sentence that supports an edge or node, with where it was read."""

    text: str
    doc: str
    start: int | None = None
    end: int | None = None


@dataclass
class Doc:
    """A source document as the panel cites it."""

    ident: str
    title: str
    source: str
    issued: str


@dataclass
class Node:
    """One drawn entity or attack."""

    iri: str
    category: str
    label_ar: str
    label_en: str
    alt: list[str] = field(default_factory=list)
    date: str = ""
    facts: dict[str, str] = field(default_factory=dict)
    evidence: list[int] = field(default_factory=list)
    docs: list[str] = field(default_factory=list)


@dataclass
class Edge:
    """One collapsed relation, with the statements, dates and evidence behind it."""

    src: str
    dst: str
    rel: str
    statements: list[str] = field(default_factory=list)
    dates: list[str] = field(default_factory=list)
    evidence: list[int] = field(default_factory=list)


@dataclass
class Model:
    """Everything the views select from."""

    nodes: dict[str, Node]
    edges: dict[tuple[str, str, str], Edge]
    evidence: list[Evidence]
    docs: dict[str, Doc]
    #: attack → who speaks in its involvement denials: each denial's speaker and the bodies it speaks for
    #: (`speaks_for`), if the denial names one of them as accused or no one (see `_deniers`).
    deniers: dict[str, set[str]] = field(default_factory=dict)


def _label(graph: Graph, subject: URIRef, lang: str) -> str:
    for value in graph.objects(subject, RDFS.label):
        if isinstance(value, Literal) and value.language == lang:
            return str(value)
    return ""


def _any_label(graph: Graph, subject: URIRef) -> str:
    for prop in (RDFS.label, SKOS.prefLabel):
        for value in graph.objects(subject, prop):
            return str(value)
    return ""


def _category(graph: Graph, subject: URIRef) -> Category | None:
    found = [CATEGORY_BY_CLASS[t] for t in graph.objects(subject, RDF.type) if t in CATEGORY_BY_CLASS]
    return min(found, key=CATEGORIES.index) if found else None


def _first(graph: Graph, subject: URIRef, prop: URIRef) -> str:
    value = graph.value(subject, prop)
    return "" if value is None else str(value)


class _Builder:
    """Accumulates nodes, edges and de-duplicated evidence while walking the graph once per concern."""

    def __init__(self, graph: Graph) -> None:
        self.graph = graph
        self.model = Model({}, {}, [], {})
        self._evidence_index: dict[URIRef, int] = {}

    def build(self) -> Model:
        self._documents()
        self._entities()
        self._attacks()
        self._statements()
        self._deniers()
        self._materialised()
        self._affiliations()
        return self.model

    def _documents(self) -> None:
        g = self.graph
        for doc in g.subjects(RDF.type, CKG.Document):
            if isinstance(doc, URIRef):
                self.model.docs[str(doc)] = Doc(
                    ident=_first(g, doc, DCTERMS.identifier) or str(doc).rsplit("/", 1)[-1],
                    title=_first(g, doc, DCTERMS.title),
                    source=_first(g, doc, DCTERMS.source),
                    issued=_first(g, doc, DCTERMS.issued),
                )

    def _evidence_ids(self, subject: URIRef) -> list[int]:
        ids = []
        for ev in self.graph.objects(subject, CKG.evidence):
            if not isinstance(ev, URIRef):
                continue
            if ev not in self._evidence_index:
                g = self.graph
                start, end = g.value(ev, CKG.startOffset), g.value(ev, CKG.endOffset)
                self._evidence_index[ev] = len(self.model.evidence)
                self.model.evidence.append(Evidence(
                    text=_first(g, ev, CKG.evidenceText),
                    doc=_first(g, ev, CKG.inDocument),
                    start=int(start) if start is not None else None,
                    end=int(end) if end is not None else None,
                ))
            ids.append(self._evidence_index[ev])
        return ids

    def _add_node(self, subject: URIRef, category: Category) -> Node:
        g = self.graph
        node = Node(
            iri=str(subject),
            category=category.key,
            label_ar=_label(g, subject, "ar") or _any_label(g, subject),
            label_en=_label(g, subject, "en"),
            alt=sorted({str(a) for a in g.objects(subject, SKOS.altLabel)}),
            docs=sorted({str(d) for d in g.objects(subject, CKG.mentionedIn)}),
        )
        if not node.label_ar and not node.label_en:
            node.label_ar = node.label_en = str(subject).rsplit("/", 1)[-1]
        self.model.nodes[node.iri] = node
        return node

    def _entities(self) -> None:
        for subject in set(self.graph.subjects(RDF.type, None)):
            category = _category(self.graph, subject) if isinstance(subject, URIRef) else None
            if category is not None and category.group != "attack":
                self._add_node(subject, category)

    def _attacks(self) -> None:
        g = self.graph
        for subject in set(g.subjects(RDF.type, None)):
            category = _category(g, subject) if isinstance(subject, URIRef) else None
            if category is None or category.group != "attack":
                continue
            node = self._add_node(subject, category)
            node.date = _first(g, subject, CKG.date)
            node.evidence = self._evidence_ids(subject)
            node.docs = sorted({str(d) for d in g.objects(subject, CKG.reportedIn)})
            for prop in (CKG.projectileCount, CKG.killed, CKG.injured, CKG.weapon, CKG.confidence):
                value = _first(g, subject, prop)
                if value:
                    node.facts[prop.split("#")[-1]] = value
            status = g.value(subject, CKG.status)
            if status is not None:
                node.facts["status"] = str(status).split("#")[-1]
            self._name_attack(subject, node, category)
            for prop, rel in ((CKG.target, "target"), (CKG.location, "location")):
                for obj in g.objects(subject, prop):
                    self._edge(str(subject), str(obj), rel, None, node.date, node.evidence)
            for actor in g.objects(subject, CKG.perpetrator):
                self._edge(str(actor), str(subject), "perpetrator", None, node.date, node.evidence)

    def _name_attack(self, subject: URIRef, node: Node, category: Category) -> None:
        """Attacks rarely carry labels; name them by type, target and date so a dot is recognisable."""
        if _label(self.graph, subject, "ar") or _label(self.graph, subject, "en"):
            return
        target = self.graph.value(subject, CKG.target)
        where_ar = _label(self.graph, target, "ar") if isinstance(target, URIRef) else ""
        where_en = _label(self.graph, target, "en") if isinstance(target, URIRef) else ""
        when = f"\u2066{node.date}\u2069" if node.date else ""  # isolate: keeps 2020-01-20 LTR in Arabic
        node.label_ar = " · ".join(p for p in (category.ar, where_ar or where_en, when) if p)
        node.label_en = " · ".join(p for p in (category.en, where_en or where_ar, node.date) if p)

    def _edge(self, src: str, dst: str, rel: str, statement: str | None, date: str,
              ev: Iterable[int]) -> None:
        if src not in self.model.nodes or dst not in self.model.nodes:
            return
        edge = self.model.edges.setdefault((src, rel, dst), Edge(src, dst, rel))
        if statement and statement not in edge.statements:
            edge.statements.append(statement)
        if date and date not in edge.dates:
            edge.dates.append(date)
        edge.evidence.extend(i for i in ev if i not in edge.evidence)

    def _statements(self) -> None:
        g = self.graph
        for cls, rel, src_prop, dst_prop in _STATEMENT_RULES:
            for st in g.subjects(RDF.type, cls):
                if not isinstance(st, URIRef):
                    continue
                if rel == "denies" and g.value(st, CKG.denies) is not None:
                    continue  # denies a report or rumour, nobody's involvement (as rules/deniesInvolvementIn.rq)
                about = g.value(st, CKG.about)
                date = _first(g, st, CKG.date) or (_first(g, about, CKG.date) if about is not None else "")
                evidence = self._evidence_ids(st)
                sources = list(g.objects(st, src_prop))
                if rel == "denies" and not sources:
                    sources = list(g.objects(st, CKG.speaker))
                for src in sources:
                    for dst in g.objects(st, dst_prop):
                        self._edge(str(src), str(dst), rel, str(st), date, evidence)

    def _deniers(self) -> None:
        """Who denies their own part in each attack, for "an accused party denies" (contested.rq's rule): a
        `denies` edge starts at the accused the denial names, which loses the speaker and its body, so a third
        party denying for the accused would count and a minister denying for his state would not."""
        g = self.graph
        for st in g.subjects(RDF.type, CKG.Denial):
            if not isinstance(st, URIRef) or g.value(st, CKG.denies) is not None:
                continue  # a report or rumour, nobody's involvement
            named = set(g.objects(st, CKG.accused))
            for speaker in g.objects(st, CKG.speaker):
                selves = {speaker, *speaks_for(g, speaker)}
                if named and not named & selves:
                    continue  # denies for someone else
                for attack in g.objects(st, CKG.about):
                    self.model.deniers.setdefault(str(attack), set()).update(str(s) for s in selves)

    def _materialised(self) -> None:
        for prop, rel in _MATERIALISED.items():
            for src, dst in self.graph.subject_objects(prop):
                self._edge(str(src), str(dst), rel, None, "", ())

    def _affiliations(self) -> None:
        for prop in _AFFILIATIONS:
            for src, dst in self.graph.subject_objects(prop):
                self._edge(str(src), str(dst), "affiliation", None, "", ())


#: The steps after the first ckg:officialOf in "the bodies a speaker speaks for"; contested.rq spells out the same
#: fixed depth as UNIONs (roqet has no property paths).
_BODY_STEPS = (CKG.partOf, CKG.officialOf)
_BODY_DEPTH = 2


def speaks_for(graph: Graph, speaker: URIRef) -> set[URIRef]:
    """The bodies a speaker speaks for, as contested.rq reads them: what it is ckg:officialOf, then up to two
    ckg:partOf or ckg:officialOf steps, so a minister speaks for his ministry, its government and the state
    (Zarif officialOf the foreign ministry, partOf the government, officialOf Iran)."""
    bodies = {b for b in graph.objects(speaker, CKG.officialOf) if isinstance(b, URIRef)}
    frontier = set(bodies)
    for _ in range(_BODY_DEPTH):
        frontier = {b for f in frontier for p in _BODY_STEPS for b in graph.objects(f, p) if isinstance(b, URIRef)}
        bodies |= frontier
    return bodies


def build_model(graph: Graph) -> Model:
    """Collapse the asserted graph into drawable nodes and edges (no reasoner needed)."""
    model = _Builder(graph).build()
    for edge in model.edges.values():
        edge.dates.sort()
    return model
