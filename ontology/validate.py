"""SHACL validation of built graphs against `data/shapes.ttl`, with a report people can read.

pyshacl runs with inference='none' (the shapes never rely on subclass reasoning), which keeps 100k
triples at a couple of seconds instead of tens. Warnings (e.g. a media outlet as speaker) are reported but
do not make a graph non-conforming.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import pyshacl
from rdflib import BNode, Graph, Namespace, URIRef
from rdflib.namespace import SH, NamespaceManager
from rdflib.term import Node

from ontology.loader import entities_graph, shapes_graph
from ontology.vocab import CKG, RES

CKGSH = Namespace("https://w3id.org/conflictkg/shapes#")


@dataclass(frozen=True)
class ShapeResult:
    """One SHACL result: which node broke which rule, along which path."""

    focus: str
    path: str | None
    value: str | None
    rule: str
    shape: str
    severity: str
    message: str

    def __str__(self) -> str:
        where = f" path {self.path}" if self.path else ""
        shown = self.value if self.value is None or len(self.value) <= 60 else self.value[:57] + "..."
        value = f" value {shown}" if shown and self.value != self.focus else ""
        return f"[{self.severity}] {self.focus}{where}{value}: {self.message} (rule {self.rule}, shape {self.shape})"


@dataclass(frozen=True)
class ValidationReport:
    """`conforms` is False only for violations; `results` include warnings."""

    conforms: bool
    results: list[ShapeResult] = field(default_factory=list)

    @property
    def violations(self) -> list[ShapeResult]:
        return [result for result in self.results if result.severity == "Violation"]

    def failing_nodes(self, severity: str = "Violation") -> set[str]:
        """Focus nodes (as shown in the text rendering) with at least one result of that severity."""
        return {result.focus for result in self.results if result.severity == severity}

    def __str__(self) -> str:
        verdict = "conforms" if self.conforms else "DOES NOT CONFORM"
        counts = ", ".join(
            f"{sum(r.severity == level for r in self.results)} {level.lower()}(s)"
            for level in ("Violation", "Warning", "Info")
        )
        return "\n".join([f"SHACL: {verdict} ({counts})", *(str(result) for result in self.results)])


def _namespaces(data: Graph) -> NamespaceManager:
    """Short names for the rendering: the data's own prefixes, ckg, ckgsh, and one per kind of resource."""
    manager = NamespaceManager(Graph(), bind_namespaces="core")
    for prefix, namespace in data.namespaces():
        manager.bind(prefix, namespace, override=False)
    manager.bind("ckg", str(CKG), override=True)
    manager.bind("ckgsh", str(CKGSH), override=True)
    manager.bind("res", str(RES), override=True)
    for kind in ("doc", "entity", "event", "evidence"):
        manager.bind(kind, str(RES) + kind + "/", override=False)
    return manager


def _show(node: Node | None, manager: NamespaceManager, graph: Graph) -> str | None:
    """Render a node compactly; blank-node paths and shapes are described, not numbered."""
    if node is None:
        return None
    if isinstance(node, BNode):
        inverse = graph.value(node, SH.inversePath)
        if inverse is not None:
            return f"^{_show(inverse, manager, graph)}"
        return "(anonymous)"
    return node.n3(manager)


def validate(graph: Graph, shapes: Graph | None = None, with_entities: bool = True) -> ValidationReport:
    """Validate `graph` against the packaged shapes (or `shapes`) with pyshacl.

    Graphs built before the builder wrote link targets as nodes name reference entities (e.g. as ckg:officialOf
    targets) without their types, so by default the reference entities are validated together with it (on a
    copy); a current build also conforms alone (`with_entities=False`).
    """
    shapes = shapes if shapes is not None else shapes_graph()
    data = graph
    if with_entities:
        data = entities_graph()
        data += graph
    _, results_graph, _ = pyshacl.validate(
        data, shacl_graph=shapes, inference="none", allow_warnings=True, advanced=True
    )
    manager = _namespaces(graph)
    results = []
    # Only top-level results: nested sh:detail results repeat them from the inner shape's point of view.
    for result in results_graph.objects(None, SH.result):
        def get(predicate: Node, result: Node = result) -> Node | None:
            return results_graph.value(result, predicate)

        component = get(SH.sourceConstraintComponent)
        severity = get(SH.resultSeverity)
        shape = get(SH.sourceShape)
        named_shape = shape if isinstance(shape, URIRef) else None
        results.append(
            ShapeResult(
                focus=_show(get(SH.focusNode), manager, results_graph) or "?",
                path=_show(get(SH.resultPath), manager, results_graph),
                value=_show(get(SH.value), manager, results_graph),
                rule=str(component).rsplit("#", 1)[-1].removesuffix("ConstraintComponent"),
                shape=_show(named_shape, manager, results_graph) or _owner(shape, shapes, manager),
                severity=str(severity).rsplit("#", 1)[-1],
                message=str(get(SH.resultMessage) or ""),
            )
        )
    results.sort(key=lambda r: (r.severity != "Violation", r.focus, r.path or "", r.rule))
    conforms = not any(r.severity == "Violation" for r in results)
    return ValidationReport(conforms, results)


def _owner(shape: Node | None, shapes: Graph, manager: NamespaceManager) -> str:
    """Name the node shape that owns an anonymous property shape, so the reader can find the rule."""
    if shape is None:
        return "?"
    owner = shapes.value(None, SH.property, shape)
    return owner.n3(manager) if isinstance(owner, URIRef) else "(anonymous)"
