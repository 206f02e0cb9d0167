"""One communiqué that enumerates several attacks (extract/listing.py): acts joined by "، و", "أحدهما ...
والآخر", "وآخر/وأخرى في" and numbered items each make an attack with its own kind and place, and a claim each."""
from __future__ import annotations

from graph_builder.document import AttackKind, Document, StatementKind
from tests.graph_builder.helpers import process, statements_of


def _places(doc: Document) -> list[str | None]:
    return [a.location.label_ar if a.location else None for a in doc.attacks]


def test_acts_joined_by_a_comma_are_attacks_of_their_own_kind_and_place() -> None:
    doc = process("قال تنظيم داعش في بيان إن مقاتليه هاجموا نقطة للشرطة في قضاء الدبس، وفجروا عبوة ناسفة بآلية "
                  "للجيش في قضاء الحويجة.")
    assert len(doc.attacks) == 2
    assert [a.count for a in doc.attacks] == [None, 1]  # the bomb is the second act's
    assert [a.kind for a in doc.attacks] == [AttackKind.ATTACK, AttackKind.BOMBING]
    assert "الحويجة" in _places(doc)[1] and "الحويجة" not in (_places(doc)[0] or "")
    assert len(statements_of(doc, StatementKind.CLAIM)) == 2


def test_a_colon_list_of_verbal_nouns_names_each_weapon() -> None:
    doc = process("تبنت كتائب حزب الله عمليتين: قصف معسكر التاجي بالصواريخ، واستهداف قاعدة بلد الجوية بطائرة "
                  "مسيرة.")
    kinds = {a.target.label_ar: a.kind for a in doc.attacks if a.target is not None}
    assert len(doc.attacks) == 2
    assert [k for name, k in kinds.items() if "التاجي" in name] == [AttackKind.ROCKET]
    assert [k for name, k in kinds.items() if "بلد" in name] == [AttackKind.DRONE]
    claims = statements_of(doc, StatementKind.CLAIM)
    assert {id(c.about) for c in claims} == {id(a) for a in doc.attacks}


def test_a_definite_attack_noun_after_the_comma_tells_the_same_attack() -> None:
    doc = process("استهدفت طائرة مسيرة مقرا للحزب الديمقراطي الكردستاني في السليمانية، والهجوم هو الأول من نوعه "
                  "هذا العام.")
    assert len(doc.attacks) == 1


def test_one_and_the_other_split_a_dual() -> None:
    doc = process("أعلنت كتائب سيد الشهداء تنفيذ هجومين، أحدهما بطائرة مسيرة على قاعدة حرير والآخر بالصواريخ "
                  "على معسكر التاجي.")
    kinds = sorted((a.target.label_ar, a.kind.value) for a in doc.attacks)
    assert len(kinds) == 2
    assert [k for name, k in kinds if "حرير" in name] == ["DroneAttack"]
    assert [k for name, k in kinds if "التاجي" in name] == ["RocketAttack"]


def test_another_in_a_second_place_is_a_second_attack() -> None:
    doc = process("قصفت المدفعية التركية قرى في ناحية سيدكان وأخرى في قضاء العمادية.")
    assert len(doc.attacks) == 2
    assert "سيدكان" in _places(doc)[0] and "العمادية" in _places(doc)[1]


def test_numbered_items_keep_their_own_place_even_when_one_is_unknown() -> None:
    """The second item names a place the gazetteer lacks: it gets none, never the first item's."""
    doc = process("أعلن الجيش الأمريكي أنه نفذ ضربتين جويتين، الأولى على مستودع في البوكمال، والثانية على مقر "
                  "قيادة في بلدة كذاكذا.")
    assert len(doc.attacks) == 2
    assert "البوكمال" in _places(doc)[0] and _places(doc)[1] is None


def test_two_weapons_against_one_base_stay_one_attack() -> None:
    doc = process("أعلنت حركة النجباء قصف قاعدة عين الأسد بالصواريخ وقذائف الهاون.")
    assert len(doc.attacks) == 1
    assert len(statements_of(doc, StatementKind.CLAIM)) == 1


def test_listed_targets_each_take_the_place_named_for_them() -> None:
    """"قاعدة عين الأسد في الأنبار وقاعدة حرير في أربيل": Ain al-Asad is not in Erbil."""
    doc = process("أعلنت كتائب حزب الله استهداف قاعدة عين الأسد في الأنبار وقاعدة حرير في أربيل بالصواريخ.")
    places = {a.target.label_ar: a.location.label_ar if a.location else None for a in doc.attacks}
    assert places == {"قاعدة عين الأسد": "الأنبار", "قاعدة حرير": "أربيل"}


def test_ordinals_after_a_colon_number_the_items_even_of_unknown_sites() -> None:
    doc = process("تبنت سرايا أولياء الدم هجومين: الأول بصواريخ كاتيوشا على معسكر كذاكذا، والثاني بطائرة مسيرة على "
                  "قاعدة حرير.")
    assert sorted(a.kind.value for a in doc.attacks) == ["DroneAttack", "RocketAttack"]
    assert len(statements_of(doc, StatementKind.CLAIM)) == 2


def test_each_joined_act_counts_its_own_dead_and_its_own_kind() -> None:
    doc = process("أصيب ثلاثة جنود بانفجار عبوة ناسفة في قضاء الطارمية، وقتل مدني بهجوم مسلح في قضاء المقدادية.")
    by_place = {a.location.label_ar: a for a in doc.attacks if a.location is not None}
    assert len(doc.attacks) == 2
    bomb = next(a for name, a in by_place.items() if "الطارمية" in name)
    shooting = next(a for name, a in by_place.items() if "المقدادية" in name)
    assert (bomb.kind, bomb.killed, bomb.injured) == (AttackKind.BOMBING, None, 3)
    assert (shooting.kind, shooting.killed, shooting.injured) == (AttackKind.ARMED_ASSAULT, 1, None)


def test_a_killing_told_of_the_attack_before_is_no_second_act() -> None:
    doc = process("انفجرت عبوة ناسفة بدورية للجيش في قضاء الطارمية، وقتل جنديان في الهجوم.")
    assert len(doc.attacks) == 1 and doc.attacks[0].killed == 2


def test_a_joined_act_of_aircraft_is_an_air_strike() -> None:
    doc = process("قصف الطيران التركي مواقع في جبل قنديل، واستهدفت مسيرات تركية سيارة في قضاء سنجار.")
    assert sorted(a.kind.value for a in doc.attacks) == ["Airstrike", "DroneAttack"]
