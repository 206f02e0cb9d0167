"""SHACL shapes with real pyshacl: the sample conforms, and each kind of breakage is named."""
from __future__ import annotations

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS

from ontology.loader import entities_graph, shapes_graph
from ontology.validate import ValidationReport, validate
from ontology.vocab import CKG, RES

ATTACK, ACCUSATION = RES["event/a1"], RES["event/s1"]


def _rules(report: ValidationReport, focus: str) -> set[tuple[str | None, str]]:
    return {(r.path, r.rule) for r in report.results if r.focus == focus}


def _first_evidence(graph: Graph) -> URIRef:
    return min(graph.subjects(RDF.type, CKG.Evidence), key=lambda node: graph.value(node, CKG.startOffset))


def test_sample_conforms(sample: Graph) -> None:
    report = validate(sample, with_entities=False)
    assert report.conforms, str(report)
    assert report.results == []


def test_shapes_parse_and_target_every_contract_class() -> None:
    shapes = shapes_graph()
    targeted = set(shapes.objects(None, URIRef("http://www.w3.org/ns/shacl#targetClass")))
    contract = {CKG[name] for name in (
        "Actor", "State", "ArmedGroup", "Organization", "MediaOutlet", "Person", "Place", "Facility",
        "MilitaryBase", "Embassy", "Event", "Attack", "RocketAttack", "DroneAttack", "BombingAttack",
        "Airstrike", "StormingAttack", "Statement", "Accusation", "Denial", "ClaimOfResponsibility",
        "Condemnation", "Threat", "Document", "Evidence")}
    assert contract <= targeted


def test_statement_without_speaker_is_named(sample: Graph) -> None:
    sample.remove((ACCUSATION, CKG.speaker, None))
    report = validate(sample, with_entities=False)
    assert not report.conforms
    assert report.failing_nodes() == {"event:s1"}
    assert ("ckg:speaker", "MinCount") in _rules(report, "event:s1")
    assert "event:s1 path ckg:speaker" in str(report)


def test_statement_with_two_speakers_or_a_place_as_speaker(sample: Graph) -> None:
    sample.add((ACCUSATION, CKG.speaker, RES["entity/iran"]))
    sample.set((RES["event/s5"], CKG.speaker, RES["entity/baghdad"]))
    report = validate(sample, with_entities=False)
    assert ("ckg:speaker", "MaxCount") in _rules(report, "event:s1")
    assert ("ckg:speaker", "Node") in _rules(report, "event:s5")


def test_attack_also_typed_person_is_named(sample: Graph) -> None:
    sample.add((ATTACK, RDF.type, CKG.Person))
    report = validate(sample, with_entities=False)
    assert not report.conforms
    assert ("rdf:type", "Not") in _rules(report, "event:a1")
    assert "ckgsh:EventShape" in str(report)


def test_event_needs_evidence_and_report(sample: Graph) -> None:
    sample.remove((ATTACK, CKG.evidence, None))
    sample.remove((ATTACK, CKG.reportedIn, None))
    rules = _rules(validate(sample, with_entities=False), "event:a1")
    assert {("ckg:evidence", "MinCount"), ("ckg:reportedIn", "MinCount")} <= rules


def test_about_must_point_to_an_event(sample: Graph) -> None:
    sample.set((ACCUSATION, CKG.about, RES["entity/iran"]))
    assert ("ckg:about", "Node") in _rules(validate(sample, with_entities=False), "event:s1")


def test_dates_must_be_xsd_date(sample: Graph) -> None:
    sample.set((ATTACK, CKG.date, Literal("2020-01-04")))
    assert ("ckg:date", "Datatype") in _rules(validate(sample, with_entities=False), "event:a1")


def test_evidence_offsets_and_text_are_checked(sample: Graph) -> None:
    evidence = _first_evidence(sample)
    sample.set((evidence, CKG.startOffset, Literal(500)))
    sample.set((evidence, CKG.evidenceText, Literal("نص آخر", lang="ar")))
    report = validate(sample, with_entities=False)
    focus = evidence.n3(sample.namespace_manager)
    rules = _rules(report, focus)
    assert ("ckg:startOffset", "LessThanOrEquals") in rules
    assert ("ckg:evidenceText", "SPARQL") in rules


def test_entity_needs_arabic_label(sample: Graph) -> None:
    iran = RES["entity/iran"]
    sample.remove((iran, RDFS.label, Literal("إيران", lang="ar")))
    assert ("rdfs:label", "QualifiedMinCount") in _rules(validate(sample, with_entities=False), "entity:iran")


def test_document_needs_identifier(sample: Graph) -> None:
    sample.remove((None, DCTERMS.identifier, None))
    assert ("dcterms:identifier", "MinCount") in _rules(validate(sample, with_entities=False), "doc:d1")


def test_media_outlet_speaker_is_only_a_warning(sample: Graph) -> None:
    outlet = RES["entity/alhurra"]
    sample.add((outlet, RDF.type, CKG.MediaOutlet))
    sample.add((outlet, RDFS.label, Literal("الحرة", lang="ar")))
    sample.set((RES["event/s5"], CKG.speaker, outlet))
    report = validate(sample, with_entities=False)
    assert report.conforms
    assert report.failing_nodes("Warning") == {"event:s5"}


def test_embassy_that_speaks_is_fine_but_place_typed_state_is_not(sample: Graph) -> None:
    sample.set((RES["event/s5"], CKG.speaker, RES["entity/us-embassy"]))
    assert validate(sample, with_entities=False).conforms
    sample.add((RES["entity/baghdad"], RDF.type, CKG.State))
    assert ("rdf:type", "Not") in _rules(validate(sample, with_entities=False), "entity:baghdad")


def test_reference_entities_conform() -> None:
    entities = entities_graph()
    if len(entities) == 0:
        pytest.skip("entities.ttl not written yet")
    report = validate(entities, with_entities=False)
    assert report.conforms, str(report)


def test_reference_entities_fill_in_types_of_named_entities() -> None:
    iran = RES["entity/iran"]
    if (iran, RDF.type, CKG.State) not in entities_graph():
        pytest.skip("entities.ttl has no State entity/iran")
    person = RES["entity/test-official"]
    export = Graph()
    export.add((person, RDF.type, CKG.Person))
    export.add((person, RDFS.label, Literal("مسؤول", lang="ar")))
    export.add((person, CKG.officialOf, iran))
    alone = validate(export, with_entities=False)
    assert ("ckg:officialOf", "Node") in _rules(alone, "entity:test-official")
    assert validate(export).conforms


def test_evidence_without_a_rule_is_named(sample: Graph) -> None:
    evidence = _first_evidence(sample)
    sample.remove((evidence, CKG.rule, None))
    report = validate(sample, with_entities=False)
    assert not report.conforms
    assert any(r.path and r.path.endswith("rule") for r in report.results)
