"""A communiqué's claims: each listed operation its own attack and claim, a state body's own forces' strike, and a
warning aimed at a class of parties the text names."""
from __future__ import annotations

from graph_builder.document import AttackKind, StatementKind
from tests.graph_builder.helpers import process, statements_of


def _rules(attack) -> list[str]:
    return [t.rule for t in attack.traces]


def test_ordinal_before_the_first_attack_verb_splits_two_operations():
    doc = process("قال المتحدث العسكري باسم الحوثيين إن قواتهم نفذت عمليتين، الأولى استهدفت سفينة «أوشن بريز» في خليج "
                  "عدن بصواريخ بحرية، والثانية استهدفت مدمرة أمريكية في البحر الأحمر بطائرة مسيرة.")
    kinds = sorted(a.kind.value for a in doc.attacks)
    assert kinds == [AttackKind.DRONE.value, AttackKind.ROCKET.value]
    assert all("attacks/listed.item-1" in _rules(a) or "attacks/listed.item-2" in _rules(a) for a in doc.attacks)
    claims = statements_of(doc, StatementKind.CLAIM)
    assert {id(c.about) for c in claims} == {id(a) for a in doc.attacks}
    assert all(c.speaker.key == "houthis" for c in claims)


def test_kama_opens_the_next_act_of_a_first_person_communique():
    doc = process("قالت المقاومة الإسلامية في العراق في بيان: استهدفنا بطائرة مسيرة قاعدة عين الأسد في الأنبار، كما "
                  "استهدفنا بصاروخين قاعدة حرير في أربيل.")
    by_target = {a.target.key: a for a in doc.attacks}
    assert by_target["ain_al_asad"].kind is AttackKind.DRONE
    assert by_target["harir_base"].kind is AttackKind.ROCKET and by_target["harir_base"].count == 2
    assert len(statements_of(doc, StatementKind.CLAIM)) == 2


def test_another_operation_opens_the_next_act():
    doc = process("أعلنت كتائب حزب الله أن مقاتليها قصفوا قاعدة فيكتوريا بصواريخ كاتيوشا، وفي عملية أخرى استهدفوا "
                  "رتلاً للتحالف في الناصرية بعبوة ناسفة.")
    kinds = {a.kind for a in doc.attacks}
    assert kinds == {AttackKind.ROCKET, AttackKind.BOMBING}
    assert len(statements_of(doc, StatementKind.CLAIM)) == 2


def test_a_definite_attack_noun_after_kama_tells_the_same_attack():
    doc = process("استهدفت طائرة مسيرة قاعدة حرير في أربيل، كما أدى الهجوم إلى أضرار في مخزن للوقود.")
    assert len(doc.attacks) == 1


def test_own_fighter_jets_strike_from_the_air():
    doc = process("أعلن الجيش الأمريكي أن مقاتلاته قصفت مستودعاً للطائرات المسيرة تابعاً للحوثيين في محافظة الحديدة.")
    (attack,) = doc.attacks
    assert attack.kind is AttackKind.AIRSTRIKE
    assert "attacks/kind.aircraft" in _rules(attack)
    assert statements_of(doc, StatementKind.CLAIM)[0].about is attack


def test_a_command_part_of_a_ministry_claims_its_states_army_strike():
    doc = process("قالت قيادة العمليات المشتركة إن طيران الجيش العراقي قصف أوكاراً لداعش في جزيرة الثرثار.")
    (claim,) = statements_of(doc, StatementKind.CLAIM)
    assert claim.speaker.key == "joint_operations_command"
    assert claim.about is doc.attacks[0]


def test_a_warning_aimed_at_a_class_of_parties():
    doc = process("وحذر المتحدث العسكري باسم الحوثيين شركات الملاحة الدولية من التعامل مع الموانئ الإسرائيلية.")
    (threat,) = statements_of(doc, StatementKind.THREAT)
    assert threat.accused is not None and threat.accused.label_ar == "شركات الملاحة"
    assert threat.accused.discovered
    assert any(m.via == "warned-class" for m in doc.mentions)


def test_a_class_named_in_what_is_feared_is_not_warned():
    doc = process("حذرت الأمم المتحدة من تداعيات الهجمات في البحر الأحمر على شركات الشحن العالمية.")
    assert not any(m.via == "warned-class" for m in doc.mentions)


def test_a_city_named_with_its_noun_is_where_an_announced_strike_hit():
    doc = process("أعلنت المقاومة الإسلامية في العراق استهداف مدينة حيفا بطائرة مسيرة فجر اليوم.")
    (attack,) = doc.attacks
    assert attack.location is not None and attack.location.key == "haifa"
    assert "roles/location.place-noun-struck" in _rules(attack)
    assert statements_of(doc, StatementKind.CLAIM)[0].about is attack


def test_a_claim_verb_whose_pronoun_is_the_attack_told_before():
    doc = process("سقط صاروخان على محيط مطار بغداد الدولي فجر الأحد. وقد تبنّته لاحقاً جماعة «أصحاب الكهف».")
    (claim,) = statements_of(doc, StatementKind.CLAIM)
    assert claim.about is doc.attacks[0] and claim.sentence == 1


def test_a_state_body_claims_the_strike_named_before_the_claim_verb():
    doc = process("قصفت طائرة مسيرة مقراً للحشد الشعبي قرب القائم، في ضربة تبنتها القيادة المركزية الأمريكية.")
    (claim,) = statements_of(doc, StatementKind.CLAIM)
    assert claim.speaker.key == "centcom"
    assert not statements_of(process("رحبت الحكومة العراقية بالقرار الذي تبناه مجلس الأمن بشأن الهجمات على السفن."),
                             StatementKind.CLAIM)


def test_only_ones_own_responsibility_makes_a_claim_of_iddaa():
    doc = process("ادعت جماعة «سرايا أولياء الدم» مسؤوليتها عن الهجوم الصاروخي على مطار أربيل.")
    assert len(statements_of(doc, StatementKind.CLAIM)) == 1
    other = process("ادعت واشنطن أن طهران تتحمل مسؤولية الهجوم على قاعدة حرير.")
    assert not statements_of(other, StatementKind.CLAIM)


def test_an_unknown_group_is_no_body_and_its_own_name_speaks():
    doc = process("ادّعت جماعة مجهولة تطلق على نفسها اسم «ثأر المهندس» مسؤوليتها عن تفجير عبوة ناسفة في البصرة.")
    assert not any(m.via == "speaking-body" for m in doc.mentions)
    (claim,) = statements_of(doc, StatementKind.CLAIM)
    assert claim.speaker.kind.value == "ArmedGroup" and not claim.speaker.discovered


def test_a_military_body_of_the_attackers_state_named_as_source_claims():
    doc = process("شن الجيش العراقي غارات جوية على مواقع لداعش في جبال حمرين، وفقاً لبيان صادر عن "
                  "قيادة العمليات المشتركة.")
    (claim,) = statements_of(doc, StatementKind.CLAIM)
    assert claim.speaker.key == "joint_operations_command" and claim.about is doc.attacks[0]
    assert [t.rule for t in claim.traces] == ["statements/ClaimOfResponsibility.attributed-source"]


def test_an_agency_or_another_states_body_as_source_only_reports():
    for source in ("بحسب وكالة الأناضول التركية", "حسبما أعلنت وزارة الدفاع العراقية"):
        doc = process(f"قصف الجيش التركي قرى في قضاء العمادية، {source}.")
        assert not statements_of(doc, StatementKind.CLAIM)


def test_each_listed_operation_keeps_its_salvo_and_its_city():
    doc = process("أعلنت سرايا أولياء الدم أن مجاهديها نفذوا عمليتين، الأولى استهدفت قاعدة بلد الجوية بصلية من صواريخ "
                  "الكاتيوشا، والثانية استهدفت مدينة حيفا بطائرة مسيرة.")
    by_kind = {a.kind: a for a in doc.attacks}
    assert set(by_kind) == {AttackKind.ROCKET, AttackKind.DRONE}
    assert by_kind[AttackKind.DRONE].location.key == "haifa" and by_kind[AttackKind.DRONE].target is None


def test_a_joined_warning_of_a_class_is_spoken_by_the_claiming_group():
    doc = process("تبنّت كتائب حزب الله قصف معسكر التاجي بالصواريخ، وحذرت شركات النفط الأجنبية من البقاء في العراق.")
    (threat,) = statements_of(doc, StatementKind.THREAT)
    assert threat.speaker.key == statements_of(doc, StatementKind.CLAIM)[0].speaker.key
    assert threat.accused.label_ar == "شركات النفط"
    assert "statements/speaker.joined-verb-warning-a-class" in [t.rule for t in threat.traces]
