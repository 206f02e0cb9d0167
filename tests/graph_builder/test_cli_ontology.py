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


def test_reasoning_twice_on_a_store_keeps_the_derived_relations(tmp_path: Path) -> None:
    store, seed = str(tmp_path / "store"), sorted(CORPUS.glob("*.txt"))
    assert _run("build", str(seed[0]), "-o", str(tmp_path / "a.ttl"), "--store", store, "--reason").returncode == 0
    assert _run("build", *map(str, seed[1:]), "-o", str(tmp_path / "b.ttl"), "--store", store,
                "--reason").returncode == 0
    ask = tmp_path / "ask.rq"
    ask.write_text("PREFIX ckg: <https://w3id.org/conflictkg/ontology#>\n"
                   "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <https://w3id.org/conflictkg/resource/graph/inferred> "
                   "{ ?a ckg:accuses ?b } }")
    counts = []
    for _ in range(2):  # `reason` again must not empty the inferred graph that `build --reason` wrote
        proc = _run("query", "--sparql", str(ask), "--store", store, "--format", "csv")
        counts.append(int(proc.stdout.splitlines()[1]))
        assert _run("reason", "--store", store).returncode == 0
    assert counts[0] > 0 and counts == [counts[0]] * 2


def test_a_broken_graph_fails_validate_and_consistency_naming_each_node(tmp_path: Path) -> None:
    """The acceptance case: a statement with no speaker, and an attack also typed Person."""
    from tests.ontology.conftest import SAMPLE_TTL

    g = Graph().parse(data=SAMPLE_TTL, format="turtle")
    statement, attack = resource_iri("event", "s1"), resource_iri("event", "a1")
    g.remove((statement, CKG.speaker, None))
    g.add((attack, RDF.type, CKG.Person))
    bad = tmp_path / "broken.ttl"
    g.serialize(bad, format="turtle")
    proc = _run("validate", str(bad))
    assert proc.returncode == 1
    lines = proc.stdout.splitlines()
    # one whole line per result: node, path and rule together, no terminal wrapping, no emoji for ":speaker:"
    assert any("event:s1 path ckg:speaker:" in line and "rule MinCount" in line for line in lines), proc.stdout
    assert any("event:a1 path rdf:type value ckg:Person" in line and "rule Not" in line for line in lines)
    proc = _run("consistency", str(bad))
    assert proc.returncode == 1
    assert any(str(attack) in line and "Person" in line for line in proc.stdout.splitlines()), proc.stdout
