"""Allegations in reported speech (extract/allegations.py) and two events told in one sentence."""
from __future__ import annotations

from graph_builder.document import StatementKind
from tests.graph_builder.helpers import process, statements_of


def _accusations(text: str) -> set[tuple[str, str]]:
    return {(s.speaker.key, s.accused.key) for s in process(text).statements
            if s.kind is StatementKind.ACCUSATION and s.speaker and s.accused}


def test_a_party_said_to_plan_attacks_is_accused_by_the_speaker() -> None:
    text = "وقال الرئيس الأمريكي دونالد ترامب إن إيران أو وكلاءها يخططون لتنفيذ هجوم على القوات الأمريكية في العراق."
    assert ("donald_trump", "iran") in _accusations(text)


def test_a_party_named_as_agent_by_a_reported_source_is_accused() -> None:
    text = "ونقلت الوكالة عن المتحدث باسم الجيش العراقي يحيى رسول، قوله إن قصف أربيل نفذ من قبل إيران."
    accusations = _accusations(text)
    assert any(accused == "iran" for _, accused in accusations)


def test_a_forecast_is_no_accusation() -> None:
    text = "وقال وزير الدفاع الأميركي مارك إسبر إنه يتوقع أن تشن كتائب حزب الله هجوما على القوات الأميركية."
    assert not _accusations(text)


def test_an_official_reporting_his_own_forces_strike_accuses_no_one() -> None:
    text = "وقال المتحدث باسم البنتاغون بات رايدر إن الجيش الأميركي شن ضربة على مواقع كتائب حزب الله."
    assert ("pat_ryder", "us_military") not in _accusations(text)


def test_an_unidentified_agent_is_no_accused() -> None:
    text = "وقالت خلية الإعلام الأمني إن مجموعة خارجة عن القانون أطلقت صواريخ على المنطقة الخضراء."
    assert not _accusations(text)


def test_a_sentence_recalling_an_earlier_attack_gives_two_attacks() -> None:
    doc = process("سقطت ثلاثة صواريخ على قاعدة عين الأسد، بعد أيام على استهداف السفارة الأمريكية في بغداد.")
    assert {a.target.key for a in doc.attacks if a.target} == {"ain_al_asad", "us_embassy_baghdad"}
    (ain,) = [a for a in doc.attacks if a.target and a.target.key == "ain_al_asad"]
    assert ain.count == 3


def test_general_plans_of_more_attacks_make_no_attack() -> None:
    doc = process("ويرى الوزير أن الفصائل الموالية لإيران تخطط لشن المزيد من الهجمات على القوات الأمريكية.")
    assert doc.attacks == []


def test_given_name_spelled_with_ya_is_a_name_not_a_preposition() -> None:
    doc = process("ونقلت الشبكة عن مسؤول العلاقات في محور الشمال في الحشد الشعبي علي الحسيني، قوله إن الوضع هادئ.")
    assert any(m.entity.label_ar == "علي الحسيني" for m in doc.mentions)


def test_calling_an_attack_a_crime_condemns_it() -> None:
    doc = process("وقال رئيس الوزراء العراقي محمد شياع السوداني إن استهداف قاعدة عين الأسد انتهاك خطير للسيادة.")
    (stmt,) = statements_of(doc, StatementKind.CONDEMNATION)
    assert stmt.speaker.key == "mohammed_shia_al_sudani" and stmt.about is doc.attacks[0]


def test_a_crime_word_without_an_attack_condemns_nothing() -> None:
    doc = process("وقال رئيس الوزراء العراقي محمد شياع السوداني إن الفساد عمل إجرامي.")
    assert not statements_of(doc, StatementKind.CONDEMNATION)


def _denials(text: str) -> set[tuple[str, str]]:
    return {(s.speaker.key, s.accused.key) for s in process(text).statements
            if s.kind is StatementKind.DENIAL and s.speaker and s.accused}


def test_saying_a_party_did_not_strike_denies_its_part() -> None:
    assert ("iran_mofa", "irgc") in _denials("قالت الخارجية الإيرانية إن الحرس الثوري لم يطلق أي صاروخ على أربيل.")


def test_a_negated_relative_verb_names_the_cleared_party_not_an_accused() -> None:
    text = "وقالت كتائب سيد الشهداء إن الضربة التي استهدفت السفارة الأميركية في بغداد لم تنفذها عصائب أهل الحق."
    assert ("kataib_sayyid_al_shuhada", "asaib_ahl_al_haq") in _denials(text)
    assert not _accusations(text)


def test_a_rule_of_not_attacking_is_no_denial() -> None:
    text = 'وقال الباحث حسن الموسوي إن "هناك اتفاقا على أن لا تهاجم الولايات المتحدة وإيران بعضهما بعضا".'
    assert not _denials(text)


def test_the_charge_named_first_in_reported_speech_is_the_one_made() -> None:
    doc = process("قال مسؤول أمريكي إن المعلومات تشير إلى هجوم محتمل تدعمه إيران على القوات الأمريكية في العراق، "
                  "وليس على غرار الهجوم الصاروخي الذي شنته طهران في يناير الماضي.")
    (charge,) = [s for s in doc.statements if s.kind is StatementKind.ACCUSATION]
    assert charge.accused.key == "iran" and charge.about is not None and charge.about.target.key == "us_military"


def test_an_evaluation_whose_pronoun_stands_for_the_attack_told_before_condemns_it() -> None:
    doc = process("قصفت الطائرات الأمريكية مقرات الحشد في القائم. ووصفه مستشار الأمن القومي العراقي قاسم الأعرجي "
                  "بانتهاك سافر للسيادة العراقية.")
    (cond,) = [s for s in doc.statements if s.kind is StatementKind.CONDEMNATION]
    assert cond.speaker.key == "qasim_al_araji" and cond.about is doc.attacks[0]
    assert not process("التقى الرئيس العراقي بالسفير. ووصفه بأنه انتهاك سافر.").statements
