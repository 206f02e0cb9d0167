"""Access to the packaged ontology files (ontology, reference entities, shapes, alignments, rules).

Files are read through importlib.resources so the same code works from a checkout and from an installed
wheel. Parsing is cached, and every public function returns a fresh copy, so callers may add triples to
what they get without corrupting the cache for everyone else.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources
from importlib.resources.abc import Traversable

from rdflib import Graph

ONTOLOGY_FILE = "conflictkg.ttl"
ENTITIES_FILE = "entities.ttl"
PLACES_FILE = "places.ttl"  # the place gazetteer: towns, districts and regions, same conventions
SHAPES_FILE = "shapes.ttl"
ALIGNMENTS_FILE = "alignments.ttl"


def ontology_path(name: str) -> Traversable:
    """Return the packaged resource `data/{name}` (or `rules/{name}` for `.rq` files).

    The result is a `Traversable` (a `Path` in a checkout or an unzipped wheel); use `.read_text()`, or
    `importlib.resources.as_file()` when a tool needs a real file.
    """
    folder = "rules" if name.endswith(".rq") else "data"
    return resources.files("ontology").joinpath(folder, name)


def rule_names() -> list[str]:
    """Names of the packaged SPARQL rule files, sorted so rules run in a stable order."""
    folder = resources.files("ontology").joinpath("rules")
    return sorted(entry.name for entry in folder.iterdir() if entry.name.endswith(".rq"))


@lru_cache(maxsize=8)
def _parsed(name: str) -> Graph:
    """Parse one packaged Turtle file once; a missing optional file gives an empty graph."""
    graph = Graph()
    resource = ontology_path(name)
    if resource.is_file():
        graph.parse(data=resource.read_text(encoding="utf-8"), format="turtle")
    return graph


def _copy(graph: Graph) -> Graph:
    """Copy triples and prefix bindings so the cached original is never handed out."""
    copy = Graph()
    for prefix, namespace in graph.namespaces():
        copy.bind(prefix, namespace, override=True)
    copy += graph
    return copy


def ontology_graph() -> Graph:
    """The ontology (classes, properties, axioms): `data/conflictkg.ttl`."""
    return _copy(_parsed(ONTOLOGY_FILE))


def entities_graph() -> Graph:
    """Reference entities (`data/entities.ttl` and the place gazetteer `data/places.ttl`)."""
    graph = _copy(_parsed(ENTITIES_FILE))
    graph += _parsed(PLACES_FILE)
    return graph


def shapes_graph() -> Graph:
    """SHACL shapes for validating built graphs: `data/shapes.ttl`."""
    return _copy(_parsed(SHAPES_FILE))


def alignments_graph() -> Graph:
    """Mappings to SEM, PROV-O, schema.org, ORG, Web Annotation and the SKOS crosswalks (may be empty)."""
    return _copy(_parsed(ALIGNMENTS_FILE))


def tbox_graph(with_entities: bool = True) -> Graph:
    """The ontology plus, by default, the reference entities: what a store's `res:graph/ontology` holds."""
    graph = ontology_graph()
    if with_entities:
        for name in (ENTITIES_FILE, PLACES_FILE):
            for triple in _parsed(name):
                graph.add(triple)
    return graph
