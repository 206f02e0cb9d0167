"""Killed and injured counts, in the forms news uses (digits, words, hedges, duals, nouns of the dead)."""
from __future__ import annotations

import pytest

from graph_builder.extract.casualties import casualties
from graph_builder.text.normalize import normalize
from tests.graph_builder.helpers import process


@pytest.mark.parametrize(("text", "expected"), [
    ("انفجرت عبوة ناسفة في سوق شعبي ما أسفر عن مقتل 7 أشخاص وإصابة 19 آخرين.", (7, 19)),
    ("قتل ما لا يقل عن أربعة عشر مدنيا وجرح عشرون في الهجوم.", (14, 20)),
    ("أسفر القصف عن سقوط ستة قتلى وتسعة جرحى.", (6, 9)),
    ("لقي ثلاثة جنود حتفهم في الانفجار.", (3, None)),
    ("مقتل شرطيين وإصابة ثلاثة آخرين في هجوم على نقطة تفتيش.", (2, 3)),
    ("مقتل ضابط في انفجار عبوة لاصقة.", (1, None)),
    ("وقتل مهاجم انتحاري 12 شخصا في هجوم على مسجد.", (12, None)),
    ("لم يسفر الهجوم عن إصابات.", (None, None)),
    ("قتل وجرح عشرات الأشخاص.", (None, None)),
    ("انفجرت قنبلة على جانب الطريق ما أدى إلى مقتل سائقها.", (1, None)),
    ("أطلق مجهولون النار على محل تجاري ما أسفر عن إصابته بجروح طفيفة.", (None, 1)),
    ("أسفر الانفجار عن مقتل أحدهم وإصابة ثلاثة.", (1, 3)),
    ("وكان الهجوم الذي قتل فيه حارسان قد وقع ليلا.", (2, None)),
    ("في كمين قتل فيه سبعة مقاتلين.", (7, None)),
    ("شيعت العشائر ثلاثة من أبنائها قتلوا في القصف.", (3, None)),
    ("أسفر القصف عن مقتل مواطنين اثنين.", (2, None)),
    ("أسفر الانفجار عن قتيل وجريحين.", (1, 2)),
    ("ما أدى إلى إصابة طفل بشظايا.", (None, 1)),
    ("أسفرت الضربة عن مقتل قيادي في الفصيل.", (1, None)),
    ("وأكدت الصحيفة أن الحادث لم يؤد إلى مقتله.", (None, None)),
    ("مسلحون مجهولون يقتلون سبعة صيادين قرب البحيرة.", (7, None)),
    ("أعدم التنظيم ثلاثة رهائن في الصحراء.", (3, None)),
    ("أقدمت عصابة على تصفية أسرة مكونة من خمسة أفراد.", (5, None)),
    ("قتل مجهولون عائلة من 4 أشخاص في منزلها.", (4, None)),
    ("أطلق مسلحون النار على السائق فأردوه قتيلاً.", (1, None)),
    ("أردى قناص الجندي قتيلا.", (1, None)),
    ("أسفرت الغارة عن مقتل امرأتين وأربعة أطفال.", (6, None)),
    ("ما أدى إلى مقتل ضابط وخمسة منتسبين وإصابة اثنين.", (6, 2)),
    ("أسفر الانفجار عن مقتل 7 أشخاص و12 جريحا.", (7, 12)),
    ("قُتل ماهر الدليمي، المدير في دائرة الصحة، بانفجار عبوة.", (1, None)),
    ("قتل مدير الناحية في الهجوم.", (1, None)),
    ("ما أدى إلى مقتله ومقتل سائقه.", (2, None)),
    ("أسفر الهجوم عن مصرعها ومصرع ثلاثة من أبنائها.", (4, None)),
    ("ما أدى إلى مقتله على الفور.", (1, None)),
    ("قتيلان وستة جرحى بانفجار في سوق.", (2, 6)),
    ("قتل جندي وأصيب آخر في الكمين.", (1, 1)),
    ("استشهد مقاتل وجرح آخران في الهجوم.", (1, 2)),
    ("قتل مسلحون من تنظيم داعش أربعة رعاة وأصابوا اثنين آخرين.", (4, 2)),
    ("وأصيب شاب بحروق في وجهه بسبب صاروخ ألعاب نارية.", (None, None)),
])
def test_counts(text: str, expected: tuple[int | None, int | None]) -> None:
    assert casualties(normalize(text).text) == expected


def test_an_attack_carries_its_casualties_and_a_place_is_enough() -> None:
    doc = process("انفجرت سيارة مفخخة في سوق شعبي بمدينة الحلة ما أسفر عن مقتل 9 أشخاص وإصابة 25 آخرين.")
    (attack,) = doc.attacks
    assert (attack.killed, attack.injured) == (9, 25)
    assert attack.location is not None and attack.location.key == "hillah"
    assert any(t.rule == "casualties/count" for t in attack.traces)


def test_a_killing_before_the_attack_that_caused_it_stays_with_that_attack() -> None:
    (attack,) = process("قتل شرطي وأصيب ثلاثة آخرون إثر انفجار عبوة ناسفة بدوريتهم قرب مدينة الفلوجة.").attacks
    assert (attack.killed, attack.injured) == (1, 3)


def test_an_assassination_of_a_titled_person_kills_one() -> None:
    (a,) = process("اغتال مسلحون مجهولون الصحفي ناظم الحسناوي قرب منزله في مدينة الحلة.").attacks
    assert a.killed == 1 and any(t.rule == "casualties/assassinated" for t in a.traces)


def test_an_assassination_attempt_kills_no_one() -> None:
    (a,) = process("نجا المحافظ عماد الزيدي من محاولة اغتيال بعبوة ناسفة في الديوانية.").attacks
    assert a.killed is None


def test_counted_victims_after_the_killers_make_the_group_the_attacker() -> None:
    """"قتل مسلحون من X خمسة رعاة": the verb is active, X's men killed; without the count X's men were killed."""
    (a,) = process("قتل مسلحون من تنظيم داعش خمسة رعاة أغنام في صحراء النخيب.").attacks
    assert a.perpetrator is not None and a.perpetrator.key == "isis" and a.target is None and a.killed == 5
    assert any(t.rule == "roles/perpetrator.killer-of-counted-victims" for t in a.traces)
    (b,) = process("قتل ثلاثة من عناصر داعش في غارة جوية قرب كركوك.").attacks
    assert b.perpetrator is None and b.target is not None and b.target.key == "isis"


def test_opening_fire_split_by_its_subject_is_an_armed_assault() -> None:
    (a,) = process("فتح عناصر من داعش النار على دورية للشرطة في الموصل.").attacks
    assert a.kind.value == "ArmedAssault" and a.perpetrator is not None and a.perpetrator.key == "isis"
    assert process("قررت الحكومة فتح تحقيق في الحادث.").attacks == []
