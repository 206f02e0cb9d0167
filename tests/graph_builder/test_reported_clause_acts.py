"""Acts inside reported clauses in the words news uses: a spokesman's "naval forces" are his own side's, a crime
"that cannot be forgiven" condemns, a response that "will be" decisive after a quoted aside threatens. Sentences
written for the tests."""
from __future__ import annotations

import pytest

from graph_builder.document import StatementKind
from tests.graph_builder.helpers import process, statements_of


def test_a_spokesmans_unnamed_armed_service_claims_for_his_side() -> None:
    doc = process("وقال يحيى سريع في بيان متلفز إن القوات البحرية استهدفت سفينة تجارية في خليج عدن بصاروخين.")
    claims = statements_of(doc, StatementKind.CLAIM)
    assert [s.speaker.key for s in claims] == ["yahya_saree"]
    assert any(t.rule == "statements/own-service" for t in claims[0].traces)


def test_an_unnamed_armed_service_in_a_rights_groups_words_claims_nothing() -> None:
    doc = process("وقالت منظمة العفو الدولية إن القوات الجوية قصفت سوقاً شعبية في مدينة صعدة.")
    assert statements_of(doc, StatementKind.CLAIM) == []


@pytest.mark.parametrize("crime", ["جريمة لا تغتفر", "جريمة لا يمكن السكوت عنها", "جريمة لا يقرها دين"])
def test_a_crime_that_cannot_be_forgiven_condemns(crime: str) -> None:
    doc = process(f"وقال رئيس الجمهورية عبد اللطيف رشيد إن «استهداف المدنيين في قضاء سنجار {crime}».")
    assert [s.speaker.key for s in statements_of(doc, StatementKind.CONDEMNATION)] == ["abdul_latif_rashid"]


def test_a_crime_in_a_report_of_an_investigation_is_no_condemnation() -> None:
    doc = process("وقال مصدر في الشرطة إن فريقاً جنائياً وصل إلى موقع الجريمة في قضاء سنجار.")
    assert statements_of(doc, StatementKind.CONDEMNATION) == []


def test_a_response_that_will_be_decisive_after_a_quoted_aside_threatens() -> None:
    doc = process("نقلت وكالة تسنيم عن المتحدث باسم الحرس الثوري الإيراني علي محمد نائيني قوله إن الرد على "
                  "«الجريمة الإسرائيلية» في دمشق «سيكون حاسماً».")
    threats = statements_of(doc, StatementKind.THREAT)
    assert [s.accused.key if s.accused else None for s in threats] == ["israel"]


def test_a_group_said_by_its_leader_to_be_responsible_claims() -> None:
    doc = process("قال قيادي في حركة النجباء، طلب عدم نشر اسمه، إن الحركة مسؤولة عن الهجوم على رتل للتحالف في بابل.")
    claims = statements_of(doc, StatementKind.CLAIM)
    assert [s.speaker.key for s in claims] == ["harakat_al_nujaba"]
    assert any(t.rule == "statements/own-responsibility" for t in claims[0].traces)


def test_a_group_not_responsible_denies() -> None:
    doc = process("قال قيادي في حركة النجباء إن الحركة غير مسؤولة عن الهجوم على رتل للتحالف في بابل.")
    assert statements_of(doc, StatementKind.CLAIM) == []
    assert [s.accused.key for s in statements_of(doc, StatementKind.DENIAL)] == ["harakat_al_nujaba"]


def test_the_fighters_of_the_group_its_source_names_act_for_it() -> None:
    doc = process("قالت مصادر في حزب العمال الكردستاني إن مقاتلي الحزب نفذوا الهجوم على القاعدة التركية في متينا.")
    claims = statements_of(doc, StatementKind.CLAIM)
    assert [s.speaker.key for s in claims] == ["pkk"]
    assert any(t.rule == "statements/own-fighters" for t in claims[0].traces)


def test_a_definite_crime_noun_after_describing_as_condemns() -> None:
    doc = process("وقالت الخارجية السورية إن الغارات على محيط مطار حلب تمثل «العدوان السافر» على سوريا، واصفةً "
                  "إياها بـ«العدوان السافر».")
    assert statements_of(doc, StatementKind.CONDEMNATION)


def test_counting_an_attack_as_a_crime_after_a_name_that_opens_like_a_preposition() -> None:
    """"عدّ ... نيجيرفان بارزاني استهداف ..." counts the attack as a crime: the "ب" of a name is no "بـ" complement."""
    doc = process("من جهته، عدّ رئيس إقليم كردستان نيجيرفان بارزاني استهداف منزل في أربيل بطائرة مسيّرة «عملاً "
                  "إرهابياً».")
    assert [s.speaker.key for s in statements_of(doc, StatementKind.CONDEMNATION)] == ["nechirvan_barzani"]


def test_a_promise_with_a_preposition_is_still_no_evaluation() -> None:
    doc = process("ووعد رئيس الوزراء بملاحقة منفذي الهجوم على السوق في مدينة الصدر.")
    assert statements_of(doc, StatementKind.CONDEMNATION) == []
