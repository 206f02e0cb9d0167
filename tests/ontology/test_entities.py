"""Sanity checks for the reference entities (ontology/data/entities.ttl) and the nationality lexicon."""
from __future__ import annotations

import csv
from collections import defaultdict
from pathlib import Path

import pytest
from rdflib import OWL, RDF, RDFS, SKOS, Graph, Literal, Namespace, URIRef

from graph_builder.text.normalize import normalize_name

ROOT = Path(__file__).resolve().parents[2]
ENTITIES = ROOT / "ontology" / "data" / "entities.ttl"
PLACES = ROOT / "ontology" / "data" / "places.ttl"
NATIONALITIES = ROOT / "graph_builder" / "lang" / "ar" / "nationalities.tsv"

CKG = Namespace("https://w3id.org/conflictkg/ontology#")
RES = "https://w3id.org/conflictkg/resource/entity/"

ENTITY_CLASSES = {
    CKG.State,
    CKG.ArmedGroup,
    CKG.Organization,
    CKG.MediaOutlet,
    CKG.Person,
    CKG.Place,
    CKG.Facility,
    CKG.MilitaryBase,
    CKG.Embassy,
}
RELATIONS = (CKG.officialOf, CKG.memberOf, CKG.locatedIn, CKG.partOf, CKG.affiliatedWith)

# Normalised Arabic names that deliberately belong to more than one entity (none at the moment).
SHARED_NAMES: frozenset[str] = frozenset()


@pytest.fixture(scope="module")
def graph() -> Graph:
    return Graph().parse(ENTITIES, format="turtle").parse(PLACES, format="turtle")


@pytest.fixture(scope="module")
def entities(graph: Graph) -> list[URIRef]:
    nodes = {s for s in graph.subjects(RDF.type, None) if isinstance(s, URIRef) and str(s).startswith(RES)}
    return sorted(nodes)


def match_key(name: str) -> str:
    """The form the gazetteer compares: normalised, without a leading و+ال or ال on the first word."""
    key = normalize_name(name)
    if key.startswith("وال") and len(key) > 4:
        key = key[1:]
    if key.startswith("ال") and len(key) > 3:
        key = key[2:]
    return key


def _labels(graph: Graph, node: URIRef, prop: URIRef, lang: str) -> list[str]:
    return [str(o) for o in graph.objects(node, prop) if isinstance(o, Literal) and o.language == lang]


def test_parses_and_is_substantial(entities: list[URIRef]) -> None:
    assert len(entities) >= 350


def test_keys_are_ascii_snake_case(entities: list[URIRef]) -> None:
    for node in entities:
        key = str(node)[len(RES):]
        assert key and key.isascii() and key == key.lower() and key.replace("_", "").isalnum(), key


def test_keys_are_unique_in_source() -> None:
    subjects = [ln.split()[0] for path in (ENTITIES, PLACES)
                for ln in path.read_text(encoding="utf-8").splitlines() if ln.startswith("res:")]
    dupes = {s for s in subjects if subjects.count(s) > 1}
    assert not dupes


def test_labels(graph: Graph, entities: list[URIRef]) -> None:
    for node in entities:
        assert len(_labels(graph, node, RDFS.label, "ar")) == 1, node
        assert len(_labels(graph, node, RDFS.label, "en")) >= 1, node
        for prop in (RDFS.label, SKOS.altLabel, SKOS.hiddenLabel):
            for obj in graph.objects(node, prop):
                assert isinstance(obj, Literal) and obj.language in ("ar", "en"), (node, obj)
                assert str(obj).strip() == str(obj) and str(obj), (node, obj)


def test_exactly_one_class(graph: Graph, entities: list[URIRef]) -> None:
    for node in entities:
        classes = set(graph.objects(node, RDF.type)) - {OWL.NamedIndividual}
        assert classes <= ENTITY_CLASSES, (node, classes)
        if CKG.Embassy in classes:
            classes -= {CKG.Organization}
        assert len(classes) == 1, (node, classes)


def test_no_arabic_name_shared_between_entities(graph: Graph, entities: list[URIRef]) -> None:
    owners: dict[str, set[URIRef]] = defaultdict(set)
    for node in entities:
        for prop in (RDFS.label, SKOS.altLabel):
            for name in _labels(graph, node, prop, "ar"):
                owners[match_key(name)].add(node)
    clashes = {k: sorted(v) for k, v in owners.items() if len(v) > 1 and k not in SHARED_NAMES}
    assert not clashes


def test_hidden_labels_are_not_visible_names_of_other_entities(graph: Graph, entities: list[URIRef]) -> None:
    visible: dict[str, URIRef] = {}
    for node in entities:
        for prop in (RDFS.label, SKOS.altLabel):
            for name in _labels(graph, node, prop, "ar"):
                visible[match_key(name)] = node
    for node in entities:
        for name in _labels(graph, node, SKOS.hiddenLabel, "ar"):
            owner = visible.get(match_key(name))
            assert owner is None, (node, name, owner)


def test_relation_objects_exist(graph: Graph, entities: list[URIRef]) -> None:
    known = set(entities)
    for node in entities:
        for prop in RELATIONS:
            for obj in graph.objects(node, prop):
                assert obj in known, (node, prop, obj)


def test_places_and_facilities_are_anchored(graph: Graph, entities: list[URIRef]) -> None:
    for node in entities:
        classes = set(graph.objects(node, RDF.type))
        if classes & {CKG.MilitaryBase, CKG.Embassy, CKG.Facility}:
            assert list(graph.objects(node, CKG.locatedIn)), node


def test_people_have_roles(graph: Graph, entities: list[URIRef]) -> None:
    for node in entities:
        if (node, RDF.type, CKG.Person) in graph:
            assert list(graph.objects(node, CKG.role)), node


def _nationalities() -> list[tuple[str, str]]:
    rows = []
    with NATIONALITIES.open(encoding="utf-8") as fh:
        for row in csv.reader(fh, delimiter="\t"):
            if not row or row[0].startswith("#"):
                continue
            assert len(row) == 2, row
            rows.append((row[0], row[1]))
    return rows


def test_nationality_keys_are_states(graph: Graph) -> None:
    rows = _nationalities()
    assert len(rows) > 100
    for form, key in rows:
        assert (URIRef(RES + key), RDF.type, CKG.State) in graph, (form, key)


def test_nationality_forms_are_unambiguous(graph: Graph, entities: list[URIRef]) -> None:
    states_of: dict[str, set[str]] = defaultdict(set)
    for form, key in _nationalities():
        states_of[normalize_name(form)].add(key)
    assert not {f: k for f, k in states_of.items() if len(k) > 1}
    owner_of: dict[str, set[str]] = defaultdict(set)
    for node in entities:
        for prop in (RDFS.label, SKOS.altLabel):
            for name in _labels(graph, node, prop, "ar"):
                owner_of[match_key(name)].add(str(node)[len(RES):])
    # A form may also be a name of its own state (سورية, السعودية), never of another entity.
    assert not {f: owner_of[f] for f, keys in states_of.items() if owner_of.get(f, keys) != keys}
