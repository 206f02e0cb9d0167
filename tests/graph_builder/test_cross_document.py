"""One attack reported by two articles is one node, reported in both, with each article's evidence."""
from __future__ import annotations

import json
from pathlib import Path

from rdflib import RDF

from graph_builder.build import build
from graph_builder.rdf import doc_iri
from ontology.vocab import CKG


def test_same_dated_attack_in_two_articles_is_one_node(tmp_path: Path) -> None:
    records = [
        {"id": "a", "published": "2023-11-21", "text": "سقطت ثلاثة صواريخ على قاعدة عين الأسد فجر اليوم."},
        {"id": "b", "published": "2023-11-22", "text": "تعرضت قاعدة عين الأسد لهجوم صاروخي أمس الثلاثاء."},
        {"id": "c", "published": "2023-11-22", "text": "تعرضت قاعدة عين الأسد لهجوم صاروخي في 2 نوفمبر 2023."},
    ]
    path = tmp_path / "docs.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records), encoding="utf-8")
    g = build([str(path)]).union()
    attacks = set(g.subjects(RDF.type, CKG.RocketAttack))
    assert len(attacks) == 2
    shared = next(a for a in attacks if len(set(g.objects(a, CKG.reportedIn))) == 2)
    assert set(g.objects(shared, CKG.reportedIn)) == {doc_iri("a"), doc_iri("b")}
    documents = {g.value(ev, CKG.inDocument) for ev in g.objects(shared, CKG.evidence)}
    assert documents == {doc_iri("a"), doc_iri("b")}
