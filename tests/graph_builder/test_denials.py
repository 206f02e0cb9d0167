"""Denials without a plain denial of involvement: reports and rumours denied, idioms of having no part.
Sentences written for the tests."""
from __future__ import annotations

import pytest

from graph_builder.document import StatementKind
from tests.graph_builder.helpers import process, statements_of


def test_a_denied_report_is_about_no_attack_and_accuses_no_one() -> None:
    """"نفت X الأخبار عن مقتل ... في الغارة": the news is denied, not anyone's part in the strike."""
    doc = process("نفت وزارة الدفاع العراقية الأخبار المتداولة عن مقتل ضباط في الغارة على معسكر في كركوك.")
    denials = statements_of(doc, StatementKind.DENIAL)
    assert denials and all(s.about is None and s.accused is None and s.denies for s in denials)


def test_a_thing_having_no_link_to_an_attack_is_no_denial() -> None:
    """"إن قرار حظر التجوال لا علاقة له بالهجوم": a decision has no link; no party denies a part."""
    doc = process("قال وزير الدفاع العراقي ثابت العباسي إن قرار حظر التجوال لا علاقة له "
                  "بالهجوم الصاروخي على قاعدة عين الأسد.")
    assert not statements_of(doc, StatementKind.DENIAL)


def test_a_party_cleared_in_a_reported_clause_is_denied_not_threatened() -> None:
    """"أكد X أن Y لا يد لها ...، داعياً إلى محاسبة الفاعلين": X clears Y; calling for justice threatens no Y."""
    doc = process("أكد مقتدى الصدر أن سرايا السلام لا يد لها في الاشتباكات التي شهدتها الناصرية، "
                  "داعياً إلى محاسبة الفاعلين.")
    assert {(s.speaker.key, s.accused.key if s.accused else None)
            for s in statements_of(doc, StatementKind.DENIAL)} == {("muqtada_al_sadr", "saraya_al_salam")}
    assert not statements_of(doc, StatementKind.THREAT)


def test_a_story_that_charges_the_speaker_is_a_denial_of_its_own_part() -> None:
    """"كذّبت X الرواية التي تتهمها بقصف ...": X denies its own part."""
    doc = process("فنّدت حركة النجباء الرواية التي تتهمها بقصف قاعدة عين الأسد بالصواريخ.")
    assert {(s.speaker.key, s.accused.key if s.accused else None)
            for s in statements_of(doc, StatementKind.DENIAL)} == {("harakat_al_nujaba", "harakat_al_nujaba")}


def test_words_the_body_disowns_after_a_report_phrase_are_a_denial_of_the_report() -> None:
    doc = process("قصفت صواريخ مدينة أربيل. وقالت هيئة الحشد الشعبي إن ما تداولته وسائل الإعلام بشأن قصف أربيل "
                  "لم يصدر من الهيئة.")
    (denial,) = [s for s in doc.statements if s.kind is StatementKind.DENIAL]
    assert denial.speaker.key == "pmf" and denial.accused is None
    assert any(t.rule == "statements/denial-of-report" for t in denial.traces)


@pytest.mark.parametrize("text", [
    "ونفت حركة النجباء تبنيها الهجوم بالطائرة المسيرة على قاعدة فكتوريا.",
    "نفت كتائب سيد الشهداء في بيان لها تبني القصف الصاروخي على السفارة الأمريكية.",
    "ونفت عصائب أهل الحق إعلانها استئناف العمليات ضد القوات الأمريكية.",
])
def test_denying_its_own_claim_denies_its_part_and_claims_nothing(text: str) -> None:
    doc = process(text)
    assert [(s.kind.value, s.speaker.key == s.accused.key if s.accused else None) for s in doc.statements] == \
        [("Denial", True)]
