"""HermiT consistency checks on the real ontology (no mocks: each test starts Java)."""
from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF

from ontology.consistency import check_consistency
from ontology.loader import ontology_graph
from ontology.vocab import CKG, RES

ATTACK = RES["event/a1"]
pytestmark = pytest.mark.skipif(shutil.which("java") is None,
                                reason="HermiT needs Java (apt-get install default-jre-headless)")


def test_ontology_alone_is_consistent_with_no_unsatisfiable_class() -> None:
    report = check_consistency(Graph())
    assert report.consistent
    assert report.unsatisfiable_classes == []


def test_ontology_without_entities_checked_as_plain_graph() -> None:
    report = check_consistency(ontology_graph(), with_ontology=False)
    assert report.consistent, str(report)


def test_sample_data_is_consistent(sample: Graph) -> None:
    report = check_consistency(sample)
    assert report.consistent, str(report)
    assert report.conflicts == []


def test_attack_typed_person_is_named(
    sample: Graph, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Send every temporary file of this check into tmp_path, to see that none is left behind.
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    sample.add((ATTACK, RDF.type, CKG.Person))
    report = check_consistency(sample)
    assert not report.consistent
    assert report.conflicts == [frozenset({str(ATTACK)})]
    assert str(ATTACK) in str(report)
    assert str(CKG.Person) in str(report)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.slow
def test_conflict_spanning_two_nodes_names_both(sample: Graph) -> None:
    # A place as perpetrator: perpetrator's range makes Baghdad an Actor, but it is typed Person too.
    baghdad = RES["entity/baghdad"]
    sample.add((ATTACK, CKG.perpetrator, baghdad))
    sample.add((baghdad, RDF.type, CKG.Person))
    report = check_consistency(sample)
    assert not report.consistent
    assert report.inconsistent_nodes == {str(baghdad)}


@pytest.mark.slow
def test_range_inference_links_statement_and_entity(sample: Graph) -> None:
    # Using an attack as a statement's speaker is wrong only because of the range of ckg:speaker, so neither
    # node's description is inconsistent alone (a2 is not otherwise mentioned by s1).
    statement, drone_attack = RES["event/s1"], RES["event/a2"]
    sample.remove((statement, CKG.speaker, None))
    sample.add((statement, CKG.speaker, drone_attack))
    report = check_consistency(sample)
    assert not report.consistent
    assert report.conflicts == [frozenset({str(statement), str(drone_attack)})]


@pytest.mark.slow
def test_negative_projectile_count_is_inconsistent(sample: Graph) -> None:
    sample.set((ATTACK, CKG.projectileCount, Literal(-2)))
    report = check_consistency(sample)
    assert not report.consistent
    assert report.inconsistent_nodes == {str(ATTACK)}


@pytest.mark.slow
def test_unknown_status_individual_is_inconsistent(sample: Graph) -> None:
    # AttackStatus is exactly {CarriedOut, Foiled, Planned}: a fourth status would have to be one of them,
    # so declaring it different from all three is inconsistent.
    other = URIRef(str(CKG) + "Postponed")
    sample.set((ATTACK, CKG.status, other))
    for known in (CKG.CarriedOut, CKG.Foiled, CKG.Planned):
        sample.add((other, URIRef("http://www.w3.org/2002/07/owl#differentFrom"), known))
    report = check_consistency(sample)
    assert not report.consistent
    assert str(other) in report.inconsistent_nodes
