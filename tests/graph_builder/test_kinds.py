"""The kind of an attack when several words type it (extract/kinds.py), on the real pipeline."""
from __future__ import annotations

from rdflib import RDF

from graph_builder.document import AttackKind
from graph_builder.rdf import attack_iri, document_graph
from ontology.vocab import CKG
from tests.graph_builder.helpers import process


def _kinds(text: str) -> list[AttackKind]:
    return [a.kind for a in process(text).attacks]


def test_a_strike_by_a_drone_is_a_drone_attack() -> None:
    assert _kinds("قتل قيادي في حركة النجباء بغارة بطائرة مسيرة استهدفت سيارته في بغداد.") == [AttackKind.DRONE]


def test_a_drone_that_was_stored_or_launched_is_not_the_means_of_the_strike() -> None:
    text = "شنت المقاتلات الأمريكية غارة جوية على مستودع للطائرات المسيرة تابع لكتائب حزب الله في القائم."
    assert _kinds(text) == [AttackKind.AIRSTRIKE]


def test_a_word_inside_a_channel_name_types_nothing() -> None:
    text = "وقالت قناة المسيرة إن الطيران الأمريكي شن غارات جوية على مواقع للحوثيين في صعدة."
    assert _kinds(text) == [AttackKind.AIRSTRIKE]


def test_a_gun_or_tank_named_with_the_attack_word_makes_it_a_shelling() -> None:
    assert _kinds("قصف الجيش التركي بالمدافع قرى في ناحية سيدكان.") == [AttackKind.SHELLING]
    assert _kinds("أطلقت دبابة إسرائيلية قذيفتين على منزل في بلدة الخيام.") == [AttackKind.SHELLING]


def test_shells_with_no_launcher_and_mortars_stay_rocket_attacks() -> None:
    assert _kinds("سقطت قذيفتا هاون على حي سكني في بعقوبة.") == [AttackKind.ROCKET]


def test_tanks_without_an_attack_word_are_no_attack() -> None:
    assert _kinds("نشر الجيش التركي دبابات ومدافع على الحدود مع سوريا.") == []


def test_a_far_gun_in_another_clause_does_not_type_the_attack() -> None:
    text = "ردت القوات الأمريكية على الهجوم الذي استهدف قاعدة عين الأسد، فيما بقيت بعيدة عن مدافع طهران."
    assert AttackKind.SHELLING not in _kinds(text)


def test_gunmen_who_storm_a_compound_make_a_storming() -> None:
    text = "اقتحم مسلحون مجهولون مقر قناة دجلة في بغداد وأضرموا النار فيه."
    assert _kinds(text) == [AttackKind.STORMING]


def test_rocket_launchers_shell() -> None:
    assert _kinds("قصفت راجمات الصواريخ التركية قرى في ناحية سيدكان.") == [AttackKind.SHELLING]


def test_a_strike_later_told_as_a_drone_is_one_drone_attack() -> None:
    doc = process("استهدفت ضربة جوية سيارة تقل عناصر من عصائب أهل الحق قرب بلد. "
                  "وأفاد مصدر أمني بأن الضربة نفذت بطائرة مسيرة.")
    (attack,) = doc.attacks
    assert attack.kind is AttackKind.DRONE and attack.air_strike
    assert any(t.rule == "events/kind.strike-told-as-drone" for t in attack.traces)


def test_a_drone_strike_is_typed_an_airstrike_too_and_a_drone_raid_is_not() -> None:
    strike = process("قتل قيادي في حزب العمال الكردستاني بغارة بطائرة مسيرة تركية في قضاء مخمور.")
    types = {o for a in strike.attacks for o in document_graph(strike).objects(attack_iri(strike, a), RDF.type)}
    assert {CKG.DroneAttack, CKG.Airstrike} <= types
    raid = process("هاجمت طائرتان مسيرتان مفخختان مطار أربيل الدولي.")
    types = {o for a in raid.attacks for o in document_graph(raid).objects(attack_iri(raid, a), RDF.type)}
    assert CKG.DroneAttack in types and CKG.Airstrike not in types


def test_burning_or_besieging_and_burning_a_compound_is_a_storming() -> None:
    assert _kinds("أضرم محتجون غاضبون النار في مقر الحزب الديمقراطي الكردستاني في بغداد.") == [AttackKind.STORMING]
    assert _kinds("أنصار الفصائل يحاصرون السفارة الأمريكية في بغداد ويحرقون بوابتها") == [AttackKind.STORMING]


def test_setting_fire_to_oneself_or_to_crops_is_no_storming() -> None:
    assert _kinds("أضرم رجل النار في نفسه أمام مبنى مجلس محافظة البصرة.") == []
    assert _kinds("أضرم فلاحون النار في بقايا المحاصيل قرب كركوك.") == []


def test_of_two_means_joined_by_and_the_first_named_leads() -> None:
    (a,) = process("قصف الحرس الثوري بالصواريخ والطائرات المسيرة مقرات في قضاء كويسنجق.").attacks
    assert a.kind is AttackKind.ROCKET
    assert any(t.rule == "attacks/kind.first-of-joined-means" for t in a.traces)
    (b,) = process("تعرضت قاعدة حرير لهجوم بطائرات مسيرة وصواريخ.").attacks
    assert b.kind is AttackKind.DRONE


def test_aircraft_beside_a_generic_attack_verb_make_an_air_strike() -> None:
    """"قصفت طائرات التحالف": the aircraft that bombed strike from the air; a drone stays a drone, and aircraft
    that are the object of the blow ("استهدف القصف طائرات مدنية") name no means."""
    doc = process("قصفت طائرات التحالف الدولي مواقع لتنظيم داعش في وادي حوران.")
    assert [a.kind for a in doc.attacks] == [AttackKind.AIRSTRIKE]
    # the aircraft word is a means word of the lexicon too (it carries a nationality: "طائرة إسرائيلية")
    assert any(t.rule in {"attacks/kind.aircraft", "attacks/trigger.Airstrike"} for t in doc.attacks[0].traces)
    assert [a.kind for a in process("قصفت طائرات مسيرة مقرا للحزب في أربيل.").attacks] == [AttackKind.DRONE]
