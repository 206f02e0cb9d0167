"""Reports that list several attacks (extract/listing.py): one attack per listed item, never merged back."""
from __future__ import annotations

from graph_builder.document import AttackKind, StatementKind
from graph_builder.extract.events import apart
from graph_builder.extract.listing import listed_count
from tests.graph_builder.helpers import process, statements_of


def _count(text: str) -> int | None:
    doc = process(text)
    return listed_count(doc, doc.sentences[0])


def test_counted_attack_nouns_give_the_number_of_attacks() -> None:
    assert _count("تبنت الجماعة هجومين على قاعدة حرير.") == 2
    assert _count("نفذت الكتائب ثلاث هجمات بطائرات مسيرة.") == 3
    assert _count("تبنت الجماعة هجوما على قاعدة حرير.") is None
    assert _count("شنت الفصائل 170 هجوما منذ أكتوبر.") is None  # a tally of many is no list


def test_dual_attack_noun_on_one_place_is_two_attacks_there() -> None:
    doc = process("تبنى تنظيم داعش تفجيرين بسيارتين مفخختين في مدينة الموصل.")
    assert [a.location.key for a in doc.attacks] == ["mosul", "mosul"]
    assert apart(*doc.attacks)
    claims = statements_of(doc, StatementKind.CLAIM)
    assert {id(s.about) for s in claims} == {id(a) for a in doc.attacks}


def test_ordinals_split_the_items_and_each_keeps_its_own_place() -> None:
    doc = process("أعلنت وزارة الدفاع التركية أن طائراتها نفذت ضربتين جويتين، استهدفت الأولى مخبأ في سنجار "
                  "والثانية نقطة تفتيش في مخمور.")
    assert [(a.kind, a.location.key) for a in doc.attacks] == [(AttackKind.AIRSTRIKE, "sinjar"),
                                                               (AttackKind.AIRSTRIKE, "makhmour")]


def test_each_projectile_phrase_aimed_at_its_object_is_its_own_attack_with_its_count() -> None:
    doc = process("قالت الكتائب إن مقاتليها أطلقوا أربعة صواريخ على قاعدة عين الأسد وطائرتين مسيرتين على قاعدة حرير.")
    assert [(a.kind, a.target.key, a.count) for a in doc.attacks] == [
        (AttackKind.ROCKET, "ain_al_asad", 4), (AttackKind.DRONE, "harir_base", 2)]


def test_repeated_preposition_opens_the_next_item_and_an_object_weapon_is_not_its_means() -> None:
    doc = process("أعلن الجيش أن طائراته أغارت على مقر للمسلحين في جرف الصخر، وعلى منصة لإطلاق الصواريخ في "
                  "قضاء المسيب.")
    assert [(a.kind, a.location.key) for a in doc.attacks] == [(AttackKind.AIRSTRIKE, "jurf_al_sakhar"),
                                                               (AttackKind.AIRSTRIKE, "musayyib")]


def test_one_target_and_where_it_is_stay_one_attack() -> None:
    doc = process("استهدف تفجير ساحة الطيران وسط بغداد.")
    assert len(doc.attacks) == 1


def test_two_weapons_of_one_attack_are_one_attack() -> None:
    doc = process("تبنت المقاومة الإسلامية هجوما بالصواريخ والطائرات المسيرة على قاعدة عين الأسد.")
    assert len(doc.attacks) == 1


def test_a_later_dual_reference_links_the_statement_to_both_attacks() -> None:
    doc = process("قصفت طائرات مسيرة قاعدة حرير وقاعدة بلد الجوية ليل الثلاثاء.\n"
                  "واتهمت واشنطن كتائب حزب الله بالوقوف وراء الهجومين.")
    accusations = statements_of(doc, StatementKind.ACCUSATION)
    assert len(doc.attacks) == 2 and {id(s.about) for s in accusations} == {id(a) for a in doc.attacks}


def test_a_condemnation_of_two_listed_attacks_is_two_condemnations() -> None:
    doc = process("دانت وزارة الخارجية العراقية الهجومين اللذين استهدفا قاعدة التنف وقاعدة الشدادي.")
    assert len(statements_of(doc, StatementKind.CONDEMNATION)) == 2
