"""Reference entities (ontology/data/entities.ttl) as typed `Entity` records for the gazetteer."""
from __future__ import annotations

from rdflib import RDF, RDFS, SKOS, Graph, Literal, URIRef

from graph_builder.document import Entity, EntityKind
from ontology.vocab import CKG, RESOURCE_BASE

ENTITY_PREFIX = RESOURCE_BASE + "entity/"

# Most specific first: an embassy that speaks is typed Embassy and Organization, and is an Embassy here.
_KIND_ORDER: tuple[tuple[URIRef, EntityKind], ...] = (
    (CKG.Embassy, EntityKind.EMBASSY),
    (CKG.MilitaryBase, EntityKind.BASE),
    (CKG.Facility, EntityKind.FACILITY),
    (CKG.MediaOutlet, EntityKind.MEDIA),
    (CKG.State, EntityKind.STATE),
    (CKG.ArmedGroup, EntityKind.ARMED_GROUP),
    (CKG.Person, EntityKind.PERSON),
    (CKG.Organization, EntityKind.ORGANIZATION),
    (CKG.Place, EntityKind.PLACE),
)


def _lang_labels(graph: Graph, node: URIRef, prop: URIRef, lang: str) -> list[str]:
    return sorted(str(o) for o in graph.objects(node, prop) if isinstance(o, Literal) and o.language == lang)


def _key(node: URIRef) -> str:
    iri = str(node)
    return iri[len(ENTITY_PREFIX):] if iri.startswith(ENTITY_PREFIX) else iri


def _links(graph: Graph, node: URIRef, prop: URIRef) -> tuple[str, ...]:
    """Keys of the entities `node` links to by `prop`, sorted so every process writes them alike."""
    return tuple(sorted(_key(o) for o in graph.objects(node, prop) if isinstance(o, URIRef)))


def load_reference_entities(graph: Graph) -> tuple[dict[str, Entity], dict[str, list[str]]]:
    """Entities by key, and the hidden labels (short forms usable only after the full name) by key."""
    entities: dict[str, Entity] = {}
    hidden: dict[str, list[str]] = {}
    for node in sorted(set(graph.subjects(RDF.type, None))):  # sorted: the same order in every process
        if not isinstance(node, URIRef):
            continue
        types = set(graph.objects(node, RDF.type))
        kind = next((k for cls, k in _KIND_ORDER if cls in types), None)
        ar = _lang_labels(graph, node, RDFS.label, "ar")
        if kind is None or not ar:
            continue
        en = _lang_labels(graph, node, RDFS.label, "en")
        alts = tuple(_lang_labels(graph, node, SKOS.altLabel, "ar") + _lang_labels(graph, node, SKOS.altLabel, "en"))
        official = next(iter(graph.objects(node, CKG.officialOf)), None)
        role = next(iter(graph.objects(node, CKG.role)), None)
        key = _key(node)
        entities[key] = Entity(
            key=key,
            kind=kind,
            label_ar=ar[0],
            label_en=en[0] if en else None,
            alt_labels=tuple(ar[1:]) + alts,
            official_of=_key(official) if isinstance(official, URIRef) else None,
            part_of=_links(graph, node, CKG.partOf),
            member_of=_links(graph, node, CKG.memberOf),
            role=str(role) if role is not None else None,
            also_organization=kind is EntityKind.EMBASSY and CKG.Organization in types,
        )
        hidden[key] = _lang_labels(graph, node, SKOS.hiddenLabel, "ar")
    for key, entity in entities.items():
        entity.within = _containers(graph, URIRef(ENTITY_PREFIX + key))
    return entities, hidden


def _containers(graph: Graph, node: URIRef) -> tuple[str, ...]:
    """Every place or body that contains `node`, following ckg:locatedIn, ckg:partOf and ckg:memberOf
    transitively: an attack on a PMF brigade is an attack on the PMF when the text says so."""
    seen: list[str] = []
    todo = [node]
    while todo:
        current = todo.pop()
        for prop in (CKG.locatedIn, CKG.partOf, CKG.memberOf):
            for parent in graph.objects(current, prop):
                if isinstance(parent, URIRef) and _key(parent) not in seen:
                    seen.append(_key(parent))
                    todo.append(parent)
    return tuple(seen)
