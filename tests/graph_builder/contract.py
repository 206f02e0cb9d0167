"""Contract checks on one document's graph: what every consumer of the graph may rely on."""
from __future__ import annotations

from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS

from ontology.vocab import CKG, TIMELINE_CLASSES, timeline_key

ATTACKS = {CKG.Attack, CKG.RocketAttack, CKG.DroneAttack, CKG.BombingAttack, CKG.Airstrike, CKG.StormingAttack}
STATEMENTS = {CKG.Accusation, CKG.Denial, CKG.ClaimOfResponsibility, CKG.Condemnation, CKG.Threat}
ACTORS = {CKG.State, CKG.ArmedGroup, CKG.Organization, CKG.MediaOutlet, CKG.Person, CKG.Embassy}


def contract_violations(g: Graph, text: str) -> list[str]:
    """Every breach of the contract in `g`, as readable lines (empty when the graph is fine)."""
    problems: list[str] = []
    docs = list(g.subjects(RDF.type, CKG.Document))
    if len(docs) != 1 or g.value(docs[0], DCTERMS.identifier) is None:
        return [f"expected one document with an identifier, found {len(docs)}"]
    doc = docs[0]
    for entity in set(g.subjects(CKG.mentionedIn, None)):
        if not any(isinstance(lbl, Literal) and lbl.language == "ar" and str(lbl).strip()
                   for lbl in g.objects(entity, RDFS.label)):
            problems.append(f"{entity}: no Arabic label")
    for event in set(g.subjects(CKG.reportedIn, doc)):
        types = set(g.objects(event, RDF.type))
        if not types & (ATTACKS | STATEMENTS):
            problems.append(f"{event}: reported but neither an attack nor a statement")
        if types & STATEMENTS and (len(types & STATEMENTS) != 1 or g.value(event, CKG.speaker) is None):
            problems.append(f"{event}: a statement needs exactly one type and a speaker")
        about = g.value(event, CKG.about)
        if about is not None and not set(g.objects(about, RDF.type)) & ATTACKS:
            problems.append(f"{event}: about points to a non-attack {about}")
        for prop in (CKG.speaker, CKG.accused, CKG.perpetrator):
            for party in g.objects(event, prop):
                if not set(g.objects(party, RDF.type)) & ACTORS:
                    problems.append(f"{event}: {prop} {party} is not an actor")
        for value in g.objects(event, CKG.date):
            if not (isinstance(value, Literal) and value.datatype == XSD.date):
                problems.append(f"{event}: date {value!r} is not an xsd:date")
        keys = {int(k) for k in g.objects(event, CKG.timelineKey)}
        wanted = {timeline_key(d.toPython(), t) for d in g.objects(event, CKG.date) for t in types
                  if t in TIMELINE_CLASSES}
        if keys != wanted:  # the timeline pages by these keys (queries/catalog.py, _run_by_key)
            problems.append(f"{event}: ckg:timelineKey {sorted(keys)}, expected {sorted(wanted)}")
        evidence = list(g.objects(event, CKG.evidence))
        if not evidence:
            problems.append(f"{event}: no evidence")
        for ev in evidence:
            start, end = g.value(ev, CKG.startOffset), g.value(ev, CKG.endOffset)
            quoted = g.value(ev, CKG.evidenceText)
            if start is None or end is None or quoted is None or not isinstance(g.value(ev, CKG.inDocument), URIRef):
                problems.append(f"{ev}: incomplete evidence")
            elif not 0 <= int(start) < int(end) <= len(text) or text[int(start):int(end)] != str(quoted):
                problems.append(f"{ev}: offsets {start}-{end} do not quote the document")
    return problems
