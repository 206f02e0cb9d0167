"""Roles of an attack on short texts written for the tests: subjects seen through their members, anonymous
attackers, and where an attack on a named site happened."""
from __future__ import annotations

from tests.graph_builder.helpers import process


def test_a_group_behind_a_members_noun_after_the_verb_is_the_attacker_not_the_target() -> None:
    (a,) = process("اقتحم عناصر من تنظيم داعش مقر السفارة الأميركية في بغداد.").attacks
    assert a.perpetrator.key == "isis" and a.target.key == "us_embassy_baghdad"
    (b,) = process("هاجم مقاتلون تابعون لكتائب حزب الله قاعدة عين الأسد فجر الاثنين.").attacks
    assert b.perpetrator.key == "kataib_hezbollah" and b.target.key == "ain_al_asad"


def test_unknown_gunmen_are_neither_perpetrator_nor_target() -> None:
    (a,) = process("اختطف مسلحون مجهولون مهندسا في مدينة الموصل مساء الخميس.").attacks
    assert a.perpetrator is None and a.target is None and a.location.key == "mosul"
    assert any(t.rule == "attacks/perpetrator.anonymous" for t in a.traces)


def test_an_attack_on_a_named_site_is_located_where_the_site_is() -> None:
    (a,) = process("سقطت ثلاثة صواريخ على قاعدة عين الأسد الجوية.").attacks
    assert a.target.key == "ain_al_asad" and a.location.key == "anbar"
