"""Bases named by a base noun and a place or name the gazetteer lacks (extract/bases.py)."""
from __future__ import annotations

from graph_builder.document import AttackKind, EntityKind, StatementKind
from graph_builder.rdf import document_graph
from ontology.vocab import CKG
from tests.graph_builder.helpers import process, statements_of


def _bases(text: str) -> dict[str, tuple[str, ...]]:
    doc = process(text)
    return {m.entity.label_ar: m.entity.within for m in doc.mentions if m.entity.kind is EntityKind.BASE}


def test_base_noun_before_a_known_place_names_a_base_within_it() -> None:
    bases = _bases("سقط صاروخان على قاعدة الموصل مساء الأحد.")
    assert "قاعدة الموصل" in bases
    assert "mosul" in bases["قاعدة الموصل"]


def test_plural_noun_gives_the_singular_label() -> None:
    assert "قاعدة الموصل" in _bases("استهدفت الفصائل قواعد الموصل بطائرات مسيرة.")


def test_quoted_and_definite_names_make_bases() -> None:
    bases = _bases('هاجم مسلحون معسكر "النصر" ثم قاعدة الشهابي.')
    assert {"معسكر النصر", "قاعدة الشهابي"} <= set(bases)


def test_adjectives_and_common_nouns_are_no_base_names() -> None:
    text = "تعرضت قاعدة عسكرية لهجوم، وقالت القاعدة الجوية إن قاعدة البيانات سليمة وإن قاعدة العسكرية تعمل."
    assert _bases(text) == {}


def test_a_reference_name_is_not_rediscovered() -> None:
    doc = process("سقط صاروخ على قاعدة عين الأسد.")
    assert [m.entity.key for m in doc.mentions if m.entity.kind is EntityKind.BASE] == ["ain_al_asad"]


def test_a_claimed_list_of_bases_gives_one_attack_and_one_claim_each() -> None:
    doc = process("وأعلنت حركة النجباء استهداف قاعدة الموصل وحقل العمر والتنف الأميركية بسوريا وقاعدة حرير.")
    targets = {a.target.key for a in doc.attacks if a.target}
    assert {"omar_oil_field_base", "al_tanf", "harir_base"} <= targets and len(targets) == 4
    assert all(a.kind is AttackKind.ATTACK for a in doc.attacks)
    claims = statements_of(doc, StatementKind.CLAIM)
    assert {id(s.about) for s in claims} == {id(a) for a in doc.attacks}
    g = document_graph(doc)
    assert len(set(g.subjects(CKG.about, None))) == 4  # four claim nodes in RDF, not one
