"""`conflictkg build --reason`, `validate` and `reason` through the console script."""
from __future__ import annotations

import subprocess
from pathlib import Path

from rdflib import RDF, Graph, URIRef

from ontology.vocab import CKG, resource_iri
from tests.conftest import CORPUS
from tests.graph_builder.test_cli_build import _conflictkg


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*_conflictkg(), *args], capture_output=True, text=True, check=False)


def test_build_with_reason_answers_who_accuses_whom_without_joins(tmp_path: Path) -> None:
    out = tmp_path / "graph.ttl"
    assert _run("build", str(CORPUS), "-o", str(out), "--reason").returncode == 0
    g = Graph().parse(out)
    assert (resource_iri("entity", "mike_pompeo"), CKG.accuses, resource_iri("entity", "iran_backed_militias")) in g
    assert any(g.triples((None, CKG.deniesInvolvementIn, None)))
    proc = _run("validate", str(out))
    assert proc.returncode == 0, proc.stdout


def test_validate_names_the_failing_node(tmp_path: Path) -> None:
    bad = tmp_path / "bad.ttl"
    g = Graph()
    node = URIRef("https://w3id.org/conflictkg/resource/event/broken")
    g.add((node, RDF.type, CKG.Accusation))
    g.serialize(bad, format="turtle")
    proc = _run("validate", str(bad))
    assert proc.returncode == 1
    assert "broken" in proc.stdout and "speaker" in proc.stdout


def test_reason_into_a_file(tmp_path: Path) -> None:
    graph, inferred = tmp_path / "graph.ttl", tmp_path / "inferred.ttl"
    assert _run("build", str(CORPUS), "-o", str(graph)).returncode == 0
    proc = _run("reason", "--graph", str(graph), "-o", str(inferred))
    assert proc.returncode == 0, proc.stderr
    assert any(Graph().parse(inferred).triples((None, CKG.accuses, None)))
