"""Which attack reports stand as one specific attack (extract/specific.py), on short texts written for the
tests: a located attack that a reaction is about, and an attacker named only by a nationality adjective."""
from __future__ import annotations

from graph_builder.document import AttackKind
from tests.graph_builder.helpers import process


def test_a_condemned_attack_known_only_by_its_place_is_an_attack() -> None:
    (a,) = process("استنكرت البحرين التفجير الذي استهدف حافلة ركاب في مدينة الموصل.").attacks
    assert a.kind is AttackKind.BOMBING and a.location.key == "mosul"
    assert any(t.rule == "attacks/reaction.about-a-located-attack" for t in a.traces)


def test_a_place_named_after_the_attack_phrase_does_not_make_a_reaction_specific() -> None:
    doc = process("استنكر المجلس الهجوم، وقال رئيسه من مكتبه في مدينة الموصل إن التحقيق مستمر.")
    assert not any(t.rule == "attacks/reaction.about-a-located-attack" for a in doc.attacks for t in a.traces)


def test_an_adjective_alone_does_not_make_a_bare_attack_word_an_attack() -> None:
    assert process("تخشى الحكومة أن تتعرض المنشآت لهجوم أميركي في المستقبل القريب.").attacks == []


def test_an_attack_an_evaluation_is_about_stands_when_it_is_placed() -> None:
    (a,) = process("وصفت هيئة علماء المسلمين التفجير الذي ضرب سوقاً في الرمادي بأنه عمل إجرامي.").attacks
    assert a.location is not None and a.location.key == "ramadi"
    assert any(t.rule == "attacks/reaction.about-a-located-attack" for t in a.traces)
    assert not process("وأضاف أنه حتى بعد العملية فإن إطلاق الصواريخ لن يتوقف في غزة.").attacks
