"""OWL 2 DL consistency checking of a built graph with HermiT (through owlready2).

HermiT answers only "consistent or not". To tell the user *which* nodes are at fault, an inconsistent
graph is cut into node descriptions (a subject's triples plus the blank nodes it owns) and QuickXplain
(Junker 2004) finds a minimal set of nodes whose descriptions, together with the ontology, are
inconsistent; that needs O(k log n) further reasoner runs for a conflict of k nodes among n. Nodes asserted
to be in two disjoint classes are tried alone first, which settles the commonest case in one run.

Every run gets a fresh owlready2 World and a private temporary directory that is removed afterwards,
including owlready2's own N-Triples file, which it leaves behind when HermiT fails.
"""
from __future__ import annotations

import shutil
import tempfile
import threading
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import owlready2
from rdflib import BNode, Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS
from rdflib.term import Node

from ontology.loader import tbox_graph

Triple = tuple[Node, Node, Node]

# owlready2 writes its input for HermiT with tempfile.NamedTemporaryFile(); the only way to send that file
# into our private directory is tempfile.tempdir, which is process-wide, hence the lock.
_TEMPDIR_LOCK = threading.Lock()


@dataclass(frozen=True)
class ConsistencyReport:
    """Outcome of a check: `conflicts` are minimal sets of nodes that are jointly inconsistent.

    `node_types` gives the asserted rdf:types of the conflicting nodes, for the text rendering.
    """

    consistent: bool
    conflicts: list[frozenset[str]] = field(default_factory=list)
    unsatisfiable_classes: list[str] = field(default_factory=list)
    node_types: dict[str, list[str]] = field(default_factory=dict)
    reasoner_runs: int = 0
    seconds: float = 0.0

    @property
    def inconsistent_nodes(self) -> set[str]:
        """Every node named in some conflict."""
        return set().union(*self.conflicts) if self.conflicts else set()

    def __str__(self) -> str:
        lines = [
            f"{'consistent' if self.consistent else 'INCONSISTENT'} "
            f"(HermiT, {self.reasoner_runs} run(s), {self.seconds:.1f} s)"
        ]
        for number, conflict in enumerate(self.conflicts, 1):
            lines.append(f"conflict {number}: these node descriptions cannot all hold with the ontology:")
            for node in sorted(conflict):
                types = ", ".join(self.node_types.get(node, [])) or "no asserted type"
                lines.append(f"  - <{node}> (typed {types})")
        if self.unsatisfiable_classes:
            names = ", ".join(self.unsatisfiable_classes)
            lines.append(f"unsatisfiable classes (can have no members): {names}")
        return "\n".join(lines)


@dataclass(frozen=True)
class _Verdict:
    consistent: bool
    unsatisfiable: list[str]


@contextmanager
def reasoned_world(triples: Iterable[Triple], infer_property_values: bool = False) -> Iterator[owlready2.World]:
    """Load `triples` into a fresh owlready2 World, run HermiT on it and yield the World.

    Raises owlready2.OwlReadyInconsistentOntologyError when HermiT finds the triples inconsistent. The World
    and every temporary file are gone when the block exits.
    """
    graph = Graph()
    for triple in triples:
        graph.add(triple)
    workdir = Path(tempfile.mkdtemp(prefix="ckg-hermit-"))
    world = owlready2.World()
    try:
        source = workdir / "input.nt"
        graph.serialize(destination=str(source), format="nt", encoding="utf-8")
        world.get_ontology(source.as_uri()).load()
        with _TEMPDIR_LOCK:
            saved, tempfile.tempdir = tempfile.tempdir, str(workdir)
            try:
                owlready2.sync_reasoner_hermit(
                    world,
                    infer_property_values=infer_property_values,
                    debug=0,
                    ignore_unsupported_datatypes=True,
                )
            finally:
                tempfile.tempdir = saved
        yield world
    finally:
        world.close()
        shutil.rmtree(workdir, ignore_errors=True)


def _hermit(triples: Iterable[Triple]) -> _Verdict:
    """Run HermiT once: consistent or not, and which classes are unsatisfiable."""
    try:
        with reasoned_world(triples) as world:
            return _Verdict(True, sorted(cls.iri for cls in world.inconsistent_classes()))
    except owlready2.OwlReadyInconsistentOntologyError:
        return _Verdict(False, [])


def _descriptions(graph: Graph) -> dict[str, list[Triple]]:
    """Split a graph into node descriptions: each IRI subject with its triples and the blank nodes it owns.

    Blank nodes not reachable from any IRI subject (rare in our data) form one shared description.
    """
    owned: set[BNode] = set()
    groups: dict[str, list[Triple]] = {}
    for subject in sorted({s for s in graph.subjects() if isinstance(s, URIRef)}):
        triples: list[Triple] = []
        pending: list[Node] = [subject]
        while pending:
            node = pending.pop()
            for _, predicate, obj in graph.triples((node, None, None)):
                triples.append((node, predicate, obj))
                if isinstance(obj, BNode) and obj not in owned:
                    owned.add(obj)
                    pending.append(obj)
        groups[str(subject)] = triples
    orphans = [t for t in graph if isinstance(t[0], BNode) and t[0] not in owned]
    if orphans:
        groups["_:blank-nodes"] = orphans
    return groups


def _suspects(data: Graph, background: list[Triple]) -> list[str]:
    """IRI subjects whose asserted types (with their superclasses) include two disjoint classes."""
    axioms = Graph()
    for triple in background:
        axioms.add(triple)
    axioms += data
    disjoint = {frozenset(pair) for pair in axioms.subject_objects(OWL.disjointWith)}
    for group in axioms.subjects(RDF.type, OWL.AllDisjointClasses):
        members = list(axioms.items(axioms.value(group, OWL.members)))
        disjoint.update(frozenset((a, b)) for i, a in enumerate(members) for b in members[i + 1 :])
    suspects = []
    for subject in sorted({s for s in data.subjects(RDF.type, None) if isinstance(s, URIRef)}):
        classes: set[Node] = set()
        for asserted in data.objects(subject, RDF.type):
            classes.update(axioms.transitive_objects(asserted, RDFS.subClassOf))
        if any(pair <= classes for pair in disjoint):
            suspects.append(str(subject))
    return suspects


class _Localiser:
    """QuickXplain over node descriptions, counting reasoner runs."""

    def __init__(self, background: list[Triple], groups: dict[str, list[Triple]]) -> None:
        self.background = background
        self.groups = groups
        self.runs = 0

    def consistent(self, names: Sequence[str]) -> bool:
        self.runs += 1
        triples = list(self.background)
        for name in names:
            triples.extend(self.groups[name])
        return _hermit(triples).consistent

    def minimal_conflict(self, names: list[str]) -> list[str]:
        """A minimal subset of `names` that is inconsistent with the background (which must be consistent)."""
        return self._explain([], False, names)

    def _explain(self, base: list[str], base_changed: bool, candidates: list[str]) -> list[str]:
        if base_changed and not self.consistent(base):
            return []
        if len(candidates) == 1:
            return candidates
        half = len(candidates) // 2
        first, second = candidates[:half], candidates[half:]
        from_second = self._explain(base + first, True, second)
        from_first = self._explain(base + from_second, bool(from_second), first)
        return from_first + from_second


def check_consistency(
    data: Graph, with_ontology: bool = True, max_conflicts: int = 3
) -> ConsistencyReport:
    """Check `data` (plus, by default, the ontology and reference entities) with HermiT.

    When inconsistent, up to `max_conflicts` disjoint minimal conflicts are located and named. With
    `with_ontology=False` the graph is checked on its own (pass a graph that already holds the ontology).
    """
    started = time.monotonic()
    background = list(tbox_graph()) if with_ontology else []
    verdict = _hermit([*background, *data])
    runs = 1
    if verdict.consistent:
        return ConsistencyReport(True, [], verdict.unsatisfiable, {}, runs, time.monotonic() - started)

    pieces = Graph()
    for triple in data:
        pieces.add(triple)
    if background:
        runs += 1
        if not _hermit(background).consistent:
            for triple in background:
                pieces.add(triple)
            background = []
    localiser = _Localiser(background, _descriptions(pieces))
    remaining = list(localiser.groups)
    conflicts: list[frozenset[str]] = []
    # Cheap first guess: a node asserted to be in two disjoint classes is usually the culprit on its own.
    for name in _suspects(pieces, background):
        if len(conflicts) < max_conflicts and name in remaining and not localiser.consistent([name]):
            conflicts.append(frozenset([name]))
            remaining.remove(name)
    known_inconsistent = not conflicts  # nothing removed yet, so the first check above still holds
    while (
        remaining
        and len(conflicts) < max_conflicts
        and (known_inconsistent or not localiser.consistent(remaining))
    ):
        known_inconsistent = False
        conflict = localiser.minimal_conflict(remaining)
        conflicts.append(frozenset(conflict))
        remaining = [name for name in remaining if name not in conflict]
    types = {
        node: sorted(str(o) for o in pieces.objects(URIRef(node), RDF.type))
        for conflict in conflicts
        for node in conflict
    }
    return ConsistencyReport(
        False, conflicts, [], types, runs + localiser.runs, time.monotonic() - started
    )
