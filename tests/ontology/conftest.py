"""A small graph in the shape docs/data-model.md describes, shared by the ontology tests."""
from __future__ import annotations

import pytest
from rdflib import Graph

TEXT = "أعلنت السفارة الأمريكية سقوط ثلاثة صواريخ. واتهمت واشنطن كتائب حزب الله بالهجوم."
FIRST = "أعلنت السفارة الأمريكية سقوط ثلاثة صواريخ."
SECOND = "واتهمت واشنطن كتائب حزب الله بالهجوم."

SAMPLE_TTL = f"""
@prefix ckg: <https://w3id.org/conflictkg/ontology#> .
@prefix doc: <https://w3id.org/conflictkg/resource/doc/> .
@prefix entity: <https://w3id.org/conflictkg/resource/entity/> .
@prefix event: <https://w3id.org/conflictkg/resource/event/> .
@prefix evidence: <https://w3id.org/conflictkg/resource/evidence/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix schema: <https://schema.org/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .

doc:d1 a ckg:Document ; dcterms:identifier "d1" ; dcterms:title "صواريخ على السفارة"@ar ;
    dcterms:source "الحرة" ; dcterms:issued "2020-01-05"^^xsd:date ; schema:url <https://example.org/d1> ;
    ckg:documentText "{TEXT}"@ar .

entity:us a ckg:State ; rdfs:label "الولايات المتحدة"@ar , "United States"@en ;
    skos:altLabel "واشنطن"@ar ; ckg:mentionedIn doc:d1 .
entity:iran a ckg:State ; rdfs:label "إيران"@ar , "Iran"@en .
entity:iraq a ckg:State ; rdfs:label "العراق"@ar , "Iraq"@en .
entity:kh a ckg:ArmedGroup ; rdfs:label "كتائب حزب الله"@ar , "Kataib Hezbollah"@en ;
    ckg:affiliatedWith entity:iran ; ckg:mentionedIn doc:d1 .
entity:spokesman a ckg:Person ; rdfs:label "المتحدث"@ar ; ckg:officialOf entity:kh ; ckg:role "متحدث"@ar .
entity:us-embassy a ckg:Embassy , ckg:Organization ; rdfs:label "السفارة الأمريكية"@ar , "US Embassy"@en ;
    ckg:locatedIn entity:green-zone ; ckg:mentionedIn doc:d1 .
entity:green-zone a ckg:Place ; rdfs:label "المنطقة الخضراء"@ar ; ckg:partOf entity:baghdad .
entity:baghdad a ckg:Place ; rdfs:label "بغداد"@ar ; ckg:locatedIn entity:iraq .
entity:ain-al-asad a ckg:MilitaryBase ; rdfs:label "عين الأسد"@ar ; ckg:locatedIn entity:anbar .
entity:anbar a ckg:Place ; rdfs:label "الأنبار"@ar ; ckg:partOf entity:iraq-territory .
entity:iraq-territory a ckg:Place ; rdfs:label "أراضي العراق"@ar .

event:a1 a ckg:RocketAttack ; ckg:reportedIn doc:d1 ; ckg:target entity:us-embassy ;
    ckg:location entity:green-zone ; ckg:date "2020-01-04"^^xsd:date ; ckg:datePrecision "day" ;
    ckg:projectileCount 3 ; ckg:weapon "صواريخ"@ar ; ckg:status ckg:CarriedOut ;
    ckg:confidence 0.8 ; ckg:evidence evidence:d1-0-{len(FIRST)} .
event:a2 a ckg:DroneAttack ; ckg:reportedIn doc:d1 ; ckg:target entity:ain-al-asad ;
    ckg:status ckg:Foiled ; ckg:evidence evidence:d1-0-{len(FIRST)} .

event:s1 a ckg:Accusation ; ckg:reportedIn doc:d1 ; ckg:speaker entity:us ;
    ckg:accused entity:kh ; ckg:about event:a1 ; ckg:date "2020-01-05"^^xsd:date ;
    ckg:confidence 0.7 ; ckg:evidence evidence:d1-{len(FIRST) + 1}-{len(TEXT)} .
event:s2 a ckg:Denial ; ckg:reportedIn doc:d1 ; ckg:speaker entity:spokesman ;
    ckg:accused entity:kh ; ckg:about event:a1 ; ckg:evidence evidence:d1-{len(FIRST) + 1}-{len(TEXT)} .
event:s3 a ckg:Denial ; ckg:reportedIn doc:d1 ; ckg:speaker entity:iran ;
    ckg:about event:a1 ; ckg:evidence evidence:d1-{len(FIRST) + 1}-{len(TEXT)} .
event:s4 a ckg:ClaimOfResponsibility ; ckg:reportedIn doc:d1 ; ckg:speaker entity:kh ;
    ckg:about event:a2 ; ckg:evidence evidence:d1-{len(FIRST) + 1}-{len(TEXT)} .
event:s5 a ckg:Condemnation ; ckg:reportedIn doc:d1 ; ckg:speaker entity:iraq ;
    ckg:about event:a1 ; ckg:evidence evidence:d1-{len(FIRST) + 1}-{len(TEXT)} .
event:s6 a ckg:Threat ; ckg:reportedIn doc:d1 ; ckg:speaker entity:us ;
    ckg:accused entity:iran ; ckg:about event:a1 ; ckg:evidence evidence:d1-{len(FIRST) + 1}-{len(TEXT)} .

evidence:d1-0-{len(FIRST)} a ckg:Evidence ; ckg:inDocument doc:d1 ;
    ckg:startOffset 0 ; ckg:endOffset {len(FIRST)} ; ckg:evidenceText "{FIRST}"@ar ;
    ckg:rule "attacks/trigger.RocketAttack" .
evidence:d1-{len(FIRST) + 1}-{len(TEXT)} a ckg:Evidence ; ckg:inDocument doc:d1 ;
    ckg:startOffset {len(FIRST) + 1} ; ckg:endOffset {len(TEXT)} ; ckg:evidenceText "{SECOND}"@ar ;
    ckg:rule "statements/Accusation.verb" .
"""


@pytest.fixture
def sample() -> Graph:
    """A fresh copy of the sample graph for each test, so tests may break it freely."""
    return Graph().parse(data=SAMPLE_TTL, format="turtle")
