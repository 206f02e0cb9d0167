"""What threatens and what does not in long news sentences: a call on others to hold the culprits to account is
a demand, a quoted future verb of pursuit is a threat, "متعهداً بملاحقة" vows like "تعهد", a negation with a
fused conjunction negates the threat verb after it. Sentences written for the tests."""
from __future__ import annotations

import pytest

from graph_builder.document import StatementKind
from tests.graph_builder.helpers import process, statements_of


@pytest.mark.parametrize("text", [
    "وقال رئيس الجمهورية عبد اللطيف رشيد إن «استهداف المدنيين في سنجار مرفوض، ويجب محاسبة مرتكبيه».",
    "وقال قيس الخزعلي إن الهجوم على مقر العصائب يفرض على الحكومة المضي إلى محاسبة المتورطين.",
    "وقال قيس الخزعلي إن العصائب طالبت بمحاسبة الجناة الذين نفذوا الهجوم على مقرها.",
])
def test_a_call_to_hold_the_culprits_to_account_is_no_threat(text: str) -> None:
    assert statements_of(process(text), StatementKind.THREAT) == []


def test_the_speakers_own_pursuit_of_the_culprits_stays_a_threat() -> None:
    doc = process("وقال قيس الخزعلي إن العصائب ستلاحق الجناة الذين نفذوا الهجوم على مقرها.")
    assert [s.speaker.key for s in statements_of(doc, StatementKind.THREAT)] == ["qais_al_khazali"]


def test_a_future_verb_opening_a_quotation_threatens() -> None:
    doc = process("وقال وزير الدفاع التركي يشار غولر إن منفذي الهجوم على القاعدة «سيُلاحقون أينما كانوا».")
    threats = statements_of(doc, StatementKind.THREAT)
    assert threats and threats[0].speaker.key == "yasar_guler"
    assert any(t.rule == "statements/Threat.self_report" for t in threats[0].traces)


def test_a_participle_of_vowing_to_pursue_the_attackers_threatens() -> None:
    doc = process("زار رئيس الوزراء محمد شياع السوداني موقع التفجير في ساحة الطيران، متعهداً بملاحقة "
                  "الإرهابيين الذين نفذوا الهجوم.")
    threats = statements_of(doc, StatementKind.THREAT)
    assert [(s.speaker.key, s.accused) for s in threats] == [("mohammed_shia_al_sudani", None)]
    assert any(t.rule == "statements/Threat.participle" for t in threats[0].traces)


def test_a_vow_of_no_pursuit_is_no_threat() -> None:
    doc = process("زار رئيس الوزراء محمد شياع السوداني موقع التفجير، متعهداً بإعادة إعمار السوق.")
    assert statements_of(doc, StatementKind.THREAT) == []


@pytest.mark.parametrize("text", [
    "ولم يهدد الحرس الثوري الإيراني في بيانه بالرد على الغارة الإسرائيلية على دمشق.",
    "فلم تتوعد كتائب حزب الله بالرد على الغارة الأمريكية على القائم.",
])
def test_a_negation_with_a_fused_conjunction_negates_the_threat(text: str) -> None:
    assert statements_of(process(text), StatementKind.THREAT) == []


def test_a_negation_one_verb_before_a_verbal_noun_negates_the_verb_not_the_noun() -> None:
    doc = process("ولم يُقنع نفي كتائب سيد الشهداء أي صلة لها بالهجوم على حقل كورمور المسؤولين في أربيل.")
    assert [s.speaker.key for s in statements_of(doc, StatementKind.DENIAL)] == ["kataib_sayyid_al_shuhada"]


@pytest.mark.parametrize("text", [
    "وقال الرئيس الإيراني مسعود بزشكيان إن الهجوم على القنصلية في دمشق «لن يمر من دون رد».",
    "وقال الرئيس الإيراني مسعود بزشكيان إن «إسرائيل ستتلقى الرد المناسب» على الهجوم على القنصلية في دمشق.",
])
def test_wordings_of_a_coming_response_threaten(text: str) -> None:
    assert [s.speaker.key for s in statements_of(process(text), StatementKind.THREAT)] == ["masoud_pezeshkian"]


def test_a_threat_against_a_states_bases_is_aimed_at_its_forces() -> None:
    """"ضد القواعد الأميركية": the bases a nationality names stand for that state's armed forces."""
    doc = process("وأعلنت كتائب سيد الشهداء النفير العام ضد القواعد الأميركية في العراق.")
    assert [(s.kind.value, s.accused.key if s.accused else None) for s in doc.statements] == \
        [("Threat", "us_military")]
