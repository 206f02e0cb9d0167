"""Clustering attack reports into events (extract/events.py), on short texts written for the tests: one attack
told again with another subset of roles is one event; two attacks stay two."""
from __future__ import annotations

from graph_builder.document import AttackKind
from tests.graph_builder.helpers import process


def test_a_strike_told_again_by_its_attackers_nationality_is_one_event() -> None:
    doc = process("قصفت طائرة مسيرة تركية سيارة تقل مقاتلين في قضاء سنجار مساء الأحد.\n"
                  "وفي حادث منفصل، انفجرت عبوة ناسفة على طريق في مدينة الموصل دون إصابات.\n"
                  "وقال مسؤول محلي إن القصف الجوي التركي أدى إلى مقتل ثلاثة أشخاص.")
    a, _ = sorted(doc.attacks, key=lambda a: a.kind is AttackKind.BOMBING)
    assert len(doc.attacks) == 2 and a.kind is AttackKind.DRONE and a.perpetrator.key == "turkey"
    assert any(t.rule.endswith("+folded-duplicate") for t in a.traces)


def test_a_state_and_its_force_are_one_attacker_and_the_force_names_it() -> None:
    doc = process("شن الحرس الثوري الإيراني هجوما صاروخيا على مقرات حزب كوملة في السليمانية.\n"
                  "وأدانت بغداد القصف الصاروخي الإيراني الذي طال محافظة السليمانية.")
    (a,) = doc.attacks
    assert a.perpetrator.key == "irgc"


def test_attacks_by_different_parties_or_dated_apart_stay_two() -> None:
    doc = process("قصفت طائرة مسيرة تركية قرية في قضاء سنجار يوم الأحد.\n"
                  "وقصفت طائرة مسيرة إيرانية قرية في قضاء سنجار يوم الاثنين.")
    assert len(doc.attacks) == 2


def test_a_bare_attack_after_a_recalled_dated_one_is_the_current_attack() -> None:
    doc = process("تعرضت قاعدة عين الأسد اليوم لهجوم صاروخي. وكانت القاعدة قد شهدت سقوط عشرة صواريخ في شهر ديسمبر "
                  "الماضي. واتهم البنتاغون كتائب حزب الله بتنفيذ الهجوم.")
    today, recalled = doc.attacks
    (charge,) = doc.statements
    assert recalled.anchor is not None and charge.about is today


def test_a_strike_on_a_groups_commander_told_again_with_his_name_is_one_strike() -> None:
    doc = process("أمريكا تغتال قيادياً كبيراً في كتائب حزب الله\nأعلنت القيادة المركزية الأمريكية تنفيذ ضربة أسفرت عن "
                  "مقتل قيادي كبير في كتائب حزب الله. وقالت وسائل إعلام إن الهجوم الأمريكي تم بطائرة مسيرة واستهدف "
                  "سيارة في بغداد ما أسفر عن مقتل أبو باقر الساعدي.")
    assert [a.target.key for a in doc.attacks] == ["abu_baqir_al_saadi"]


def test_a_report_placed_only_by_a_compass_direction_folds_into_the_strike_there_and_names_its_means() -> None:
    doc = process("نفذ الجيش الأمريكي ضربة في بغداد ضد قيادي في فصيل مسلح.\n"
                  "وقالت مصادر أمنية إن ثلاثة مقاتلين قتلوا في هجوم بطائرة مسيرة استهدف سيارة شرقي بغداد.")
    (a,) = doc.attacks
    assert a.kind is AttackKind.DRONE and a.location.key == "baghdad" and a.perpetrator.key == "us_military"


def test_an_attack_days_after_another_is_told_apart_even_when_its_trigger_comes_late() -> None:
    doc = process("شنت الطائرات الأمريكية غارات على مواقع لكتائب حزب الله في القائم، وذلك بعد يومين من مقتل جندي "
                  "أمريكي في هجوم صاروخي على قاعدة عسكرية في كركوك.")
    kinds = sorted(a.kind.value for a in doc.attacks)
    assert kinds == ["Airstrike", "RocketAttack"]
    (strike,) = [a for a in doc.attacks if a.kind is AttackKind.AIRSTRIKE]
    assert strike.target.key == "kataib_hezbollah" and strike.perpetrator.key in {"usa", "us_air_force"}


def test_a_joined_reaction_naming_the_attackers_nationality_does_not_make_them_the_attackers_of_the_other() -> None:
    doc = process("قتل جندي في هجوم صاروخي على قاعدة عسكرية في كركوك، ورفض العراق الهجوم الأمريكي على مواقع الحشد.")
    (rockets,) = [a for a in doc.attacks if a.kind is AttackKind.ROCKET]
    assert rockets.perpetrator is None


def test_a_strike_told_without_its_target_folds_into_the_drone_attack_that_names_it() -> None:
    doc = process("نفذ الجيش الأمريكي ضربة في بغداد ضد قيادي في فصيل عراقي.\n"
                  "وقالت مصادر أمنية إن أربعة من مقاتلي حركة النجباء قتلوا في هجوم بطائرة مسيرة على مقرهم.")
    (a,) = doc.attacks
    assert a.kind is AttackKind.DRONE and a.target.key == "harakat_al_nujaba" and a.perpetrator.key == "us_military"
