"""An earlier attack recalled inside the sentence that reports today's (extract/segments.py): its own event, with
its own kind, target, place and casualties; a tally or a repeated mention of the same attack adds none."""
from __future__ import annotations

from graph_builder.document import Attack, AttackKind, Document, StatementKind
from graph_builder.extract.segments import RECALLED_RULE
from tests.graph_builder.helpers import process, statements_of


def _recalled(doc: Document) -> list[Attack]:
    return [a for a in doc.attacks if any(t.rule == RECALLED_RULE for t in a.traces)]


def _today(doc: Document) -> list[Attack]:
    return [a for a in doc.attacks if not any(t.rule == RECALLED_RULE for t in a.traces)]


def test_elapsed_span_recalls_an_attack_with_its_own_means_and_target() -> None:
    doc = process("سقط صاروخان على قاعدة بلد الجوية مساء الاثنين، بعد نحو أسبوع من هجوم بطائرة مسيرة استهدف "
                  "مطار أربيل الدولي.")
    (today,), (earlier,) = _today(doc), _recalled(doc)
    assert today.kind is AttackKind.ROCKET and today.count == 2 and "بلد" in today.target.label_ar
    assert earlier.kind is AttackKind.DRONE and "أربيل" in earlier.target.label_ar
    assert earlier.count != 2  # the rockets are today's


def test_recalled_attack_keeps_its_own_casualties() -> None:
    doc = process("قتل جنديان بانفجار عبوة ناسفة في قضاء الطارمية، بعد أسبوعين من هجوم مماثل في سامراء أسفر عن "
                  "مقتل خمسة جنود.")
    (today,), (earlier,) = _today(doc), _recalled(doc)
    assert (today.killed, earlier.killed) == (2, 5)
    assert today.location.label_ar != earlier.location.label_ar


def test_a_recall_that_opens_the_sentence_runs_to_its_comma() -> None:
    doc = process("بعد أسابيع من هجوم صاروخي على مطار بغداد الدولي، استهدفت طائرة مسيرة معسكر التاجي فجر الأحد.")
    (today,), (earlier,) = _today(doc), _recalled(doc)
    assert today.kind is AttackKind.DRONE and "التاجي" in today.target.label_ar
    assert earlier.kind is AttackKind.ROCKET and "مطار بغداد" in earlier.target.label_ar
    assert doc.attacks.index(today) < doc.attacks.index(earlier)  # today's event is read first


def test_definite_noun_in_the_recalled_clause_names_the_site_again() -> None:
    doc = process("استهدفت طائرة مسيرة مطار أربيل الدولي مساء الجمعة، وكان المطار قد تعرض قبل أيام لهجوم بثلاثة "
                  "صواريخ.")
    assert len(doc.attacks) == 2
    (earlier,) = _recalled(doc)
    assert earlier.kind is AttackKind.ROCKET and earlier.count == 3 and "مطار أربيل" in earlier.target.label_ar
    assert any(t.rule == "attacks/target.recalled-site" for t in earlier.traces)


def test_same_attack_on_the_same_site_is_still_two_events() -> None:
    """Same kind, same base: the recalled clause would merge into today's attack if it were not kept apart."""
    doc = process("سقط صاروخ على قاعدة عين الأسد صباح اليوم، بعد يومين من هجوم صاروخي مماثل استهدف القاعدة نفسها.")
    assert len(doc.attacks) == 2
    assert {a.target.key for a in doc.attacks if a.target is not None} == {doc.attacks[0].target.key}


def test_the_same_place_is_the_place_named_before() -> None:
    doc = process("انفجرت سيارة مفخخة في سوق بمدينة تكريت ما أدى إلى مقتل أربعة أشخاص، في هجوم مشابه للتفجير "
                  "الذي ضرب المدينة نفسها العام الماضي.")
    (earlier,) = _recalled(doc)
    assert earlier.kind is AttackKind.BOMBING and earlier.killed is None
    assert any(t.rule == "attacks/location.recalled-same-place" for t in earlier.traces)
    assert earlier.location is not None and earlier.location.key == _today(doc)[0].location.key


def test_preceded_by_opens_an_earlier_attack() -> None:
    doc = process("أصيب ثلاثة مدنيين بانفجار عبوة ناسفة في قضاء بعقوبة، وسبقه بساعات انفجار عبوة أخرى في ناحية "
                  "العظيم دون إصابات.")
    (today,), (earlier,) = _today(doc), _recalled(doc)
    assert today.injured == 3 and earlier.injured is None
    assert "العظيم" in earlier.location.label_ar


def test_a_tally_recalls_no_attack() -> None:
    doc = process("استهدفت طائرة مسيرة مقرا لحزب الاتحاد الوطني الكردستاني في كركوك، وهو الهجوم الثالث من نوعه "
                  "على مقرات الحزب خلال الشهر.")
    assert len(doc.attacks) == 1 and not _recalled(doc)


def test_a_definite_attack_after_an_elapsed_span_is_the_story_s_own() -> None:
    """"بعد ساعات من الهجوم الصاروخي على قاعدة بلد": the arrest follows the attack the story tells."""
    doc = process("اعتقلت القوات الأمنية مشتبهين اثنين بعد ساعات من الهجوم الصاروخي على قاعدة بلد الجوية.")
    assert len(doc.attacks) == 1 and not _recalled(doc)


def test_a_dated_attack_answered_is_another_event() -> None:
    doc = process("قصفت مقاتلات تركية مواقع لحزب العمال الكردستاني في جبل قنديل، ردا على هجوم بطائرة مسيرة استهدف "
                  "قاعدة بعشيقة الأحد الماضي وأسفر عن مقتل جنديين.")
    (today,), (earlier,) = _today(doc), _recalled(doc)
    assert today.kind is AttackKind.AIRSTRIKE and today.killed is None
    assert earlier.kind is AttackKind.DRONE and earlier.killed == 2 and "بعشيقة" in earlier.target.label_ar


def test_an_undated_attack_answered_frames_the_story_s_own() -> None:
    """"ضربة نفذت ردا على هجوم استهدف عسكريين": with no time of its own, the answered attack is not split off."""
    doc = process("قال مسؤول أمريكي إن ضربة جوية نفذت ردا على هجوم استهدف عسكريين أمريكيين في المنطقة، أسفرت عن "
                  "مقتل عدد من المسلحين في جرف الصخر.")
    assert not _recalled(doc)


def test_a_pronoun_in_the_recalled_clause_stands_for_the_person_named_before() -> None:
    doc = process("اغتال مسلحون مجهولون الناشط علي الكناني في الناصرية، بعد عام من نجاته من محاولة اغتيال بعبوة "
                  "ناسفة في المدينة ذاتها.")
    (today,), (earlier,) = _today(doc), _recalled(doc)
    assert today.target is not None and earlier.target is not None and earlier.target.key == today.target.key
    assert earlier.kind is AttackKind.BOMBING and today.kind is AttackKind.ARMED_ASSAULT
    assert any(t.rule == "attacks/target.recalled-victim" for t in earlier.traces)


def test_a_series_the_attack_is_likened_to_leaves_the_attack_standing() -> None:
    """"في هجوم مماثل لما تعرضت له المدينة مراراً": the series is what it is likened to, not what it is; no
    particular earlier attack is described, so none is recalled."""
    doc = process("سقطت قذيفتا هاون على سوق في قضاء الدجيل، في هجوم مماثل لما تعرض له القضاء مرارا خلال الأشهر "
                  "الماضية.")
    assert len(doc.attacks) == 1 and doc.attacks[0].count == 2 and not _recalled(doc)
    assert process("سقطت قذيفتا هاون على سوق في قضاء الدجيل، وهو ما تكرر مرارا خلال الأشهر الماضية.").attacks == []


def test_a_claim_is_of_today_s_attack_not_the_one_its_sentence_recalls() -> None:
    doc = process("أعلنت جماعة الحوثي استهداف السفينة «ستار أوشن» في خليج عدن بصاروخ، بعد أسبوع من إغراقها السفينة "
                  "«بلو هورايزن» في البحر الأحمر.")
    assert len(doc.attacks) == 2
    (claim,) = statements_of(doc, StatementKind.CLAIM)
    assert claim.about is not None and "ستار أوشن" in claim.about.target.label_ar
    (earlier,) = _recalled(doc)
    assert "بلو هورايزن" in earlier.target.label_ar


def test_a_claim_inside_the_recalled_clause_is_of_the_recalled_attack() -> None:
    doc = process("أعلنت حركة النجباء استهداف قاعدة حرير بطائرة مسيرة، وكانت الحركة قد تبنت الشهر الماضي هجوما "
                  "صاروخيا على قاعدة عين الأسد.")
    claims = statements_of(doc, StatementKind.CLAIM)
    assert {c.about.target.label_ar for c in claims if c.about and c.about.target} >= {"قاعدة حرير", "قاعدة عين الأسد"}


def test_it_happened_before_recalls_one_attack_not_a_series() -> None:
    """"، وسبق أن استهدفت مسيرة سيارة": the marker that opens the recalled clause is no series of attacks."""
    doc = process("سقط صاروخان على مقر حزبي في قضاء سوران مساء السبت، وسبق أن استهدفت طائرة مسيرة سيارة في القضاء ذاته "
                  "قبل أيام.")
    (earlier,) = _recalled(doc)
    assert earlier.kind is AttackKind.DRONE and earlier.location is not None


def test_a_similar_strike_still_takes_its_object() -> None:
    """"غارة مماثلة على بلدة X": the likeness adjective stands between the strike and the place it hit."""
    doc = process("قتل شخصان بغارة إسرائيلية على بلدة الخيام، بعد أسبوع من غارة مماثلة على بلدة عيتا الشعب أودت "
                  "بحياة ثلاثة أشخاص.")
    (earlier,) = _recalled(doc)
    assert "عيتا الشعب" in earlier.target.label_ar and earlier.killed == 3


def test_revenge_is_for_an_earlier_attack() -> None:
    doc = process("أعلنت كتائب حزب الله استهداف قاعدة حرير بطائرة مسيرة، انتقاما لاغتيال القيادي في الكتائب "
                  "وسام محمد صابر بغارة أمريكية في بغداد.")
    (today,), (earlier,) = _today(doc), _recalled(doc)
    assert today.kind is AttackKind.DRONE and "حرير" in today.target.label_ar
    assert earlier.kind is AttackKind.AIRSTRIKE and earlier.location is not None
    assert "بغداد" in earlier.location.label_ar and today.location.label_ar != earlier.location.label_ar
    assert len(process("أعلنت الكتائب استهداف قاعدة حرير، انتقاما للهجوم على مقرها.").attacks) == 1


def test_in_another_attack_opens_another_attack_with_its_own_casualties() -> None:
    doc = process("قتل جندي بانفجار عبوة ناسفة في قضاء الطارمية، وفي هجوم آخر أصيب شرطيان بنيران مسلحين في قضاء "
                  "المقدادية.")
    assert len(doc.attacks) == 2
    (bomb,) = [a for a in doc.attacks if a.kind is AttackKind.BOMBING]
    (other,) = [a for a in doc.attacks if a is not bomb]
    assert (bomb.killed, bomb.injured) == (1, None) and (other.killed, other.injured) == (None, 2)


def test_while_it_had_been_recalls_an_earlier_attack() -> None:
    doc = process("استهدفت طائرة مسيرة مطار أربيل الدولي مساء السبت، فيما كان المطار قد تعرض لهجوم صاروخي يوم "
                  "الخميس الماضي.")
    (earlier,) = _recalled(doc)
    assert earlier.kind is AttackKind.ROCKET and "مطار أربيل" in earlier.target.label_ar


def test_like_its_strike_on_names_an_earlier_strike() -> None:
    doc = process("قصفت طائرات إسرائيلية مطار دمشق الدولي فجر اليوم، على غرار قصفها مطار المزة العسكري في حي المزة "
                  "الشهر الماضي.")
    assert len(_recalled(doc)) == 1 and len(_today(doc)) == 1
