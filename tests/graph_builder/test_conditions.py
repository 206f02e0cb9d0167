"""Threats conditional on a party's act are aimed at that party; an act after "أن يكون ... قد" is only supposed
and makes no statement. Sentences written for the tests."""
from __future__ import annotations

import pytest

from graph_builder.document import StatementKind
from tests.graph_builder.helpers import process, statements_of


def _threats(text: str) -> list[tuple[str, str | None]]:
    doc = process(text)
    return [(s.speaker.key, s.accused.key if s.accused else None) for s in statements_of(doc, StatementKind.THREAT)]


@pytest.mark.parametrize(("text", "speaker", "accused"), [
    ("حذر المتحدث باسم الجيش الإسرائيلي من أن إسرائيل سترد بقوة إذا أطلق حزب الله صواريخ جديدة على الجليل.",
     "israeli_army", "hezbollah"),
    ("وأكدت وزارة الدفاع التركية أن قواتها سترد بحزم إذا هاجم حزب العمال الكردستاني مواقعها في دهوك مجدداً.",
     "turkish_mod", "pkk"),
    ("وقال زعيم الحوثيين إنه إذا واصلت بريطانيا غاراتها على اليمن فسنرد بقوة.", "houthis", "united_kingdom"),
    ("وهدد الحرس الثوري بالرد إذا تبين أن إسرائيل نفذت الهجوم على أصفهان.", "irgc", "israel"),
])
def test_a_threat_is_aimed_at_the_party_acting_in_its_condition(text: str, speaker: str, accused: str) -> None:
    assert _threats(text) == [(speaker, accused)]
    doc = process(text)
    threat = statements_of(doc, StatementKind.THREAT)[0]
    assert any(t.rule == "statements/accused.party-in-condition" for t in threat.traces)


def test_a_condition_naming_only_a_place_aims_the_threat_at_no_one() -> None:
    assert _threats("وقالت الولايات المتحدة إنها سترد إذا تعرضت قواتها في العراق لهجوم من أي جهة كانت.") == \
        [("usa", None)]


def test_a_hypothesised_charge_in_a_condition_makes_no_accusation() -> None:
    doc = process("وتعهد رئيس الوزراء العراقي بملاحقة المتورطين إذا ثبت أن عناصر من كتائب حزب الله شاركوا في الهجوم.")
    assert statements_of(doc, StatementKind.ACCUSATION) == []
    assert [s.accused.key for s in statements_of(doc, StatementKind.THREAT) if s.accused] == ["kataib_hezbollah"]


@pytest.mark.parametrize("text", [
    "ونفى قيس الخزعلي أن يكون قد هدد الحكومة العراقية.",
    "ونفت وزارة الخارجية الإيرانية أن يكون قائد فيلق القدس قد توعد الولايات المتحدة بالانتقام.",
    "ونفت حركة النجباء أن تكون قد هددت باستهداف السفارة الأمريكية في بغداد.",
])
def test_a_denied_threat_is_no_threat(text: str) -> None:
    doc = process(text)
    assert statements_of(doc, StatementKind.THREAT) == []
    assert len(statements_of(doc, StatementKind.DENIAL)) == 1


def test_a_doubted_claim_is_no_claim() -> None:
    doc = process("واستبعد مسؤول أمني أن تكون كتائب حزب الله قد تبنت الهجوم على قاعدة حرير.")
    assert statements_of(doc, StatementKind.CLAIM) == []


@pytest.mark.parametrize(("text", "speaker", "accused"), [
    ("وقالت عصائب أهل الحق في بيان: «سنستهدف مصالح الولايات المتحدة في العراق إن لم تنسحب».",
     "asaib_ahl_al_haq", "usa"),
    ("وقال المتحدث باسم الحوثيين في بيان: «سنضرب السفن الإسرائيلية في البحر الأحمر».", "houthis", "israel"),
    ("وقال المتحدث باسم حزب العمال الكردستاني: «سنرد على الهجمات التركية في كل مكان».", "pkk", "turkey"),
])
def test_a_first_person_threat_opening_a_quotation_names_whom_it_threatens(text: str, speaker: str,
                                                                          accused: str) -> None:
    threats = statements_of(process(text), StatementKind.THREAT)
    assert [(s.speaker.official_of or s.speaker.key, s.accused.key if s.accused else None) for s in threats] == \
        [(speaker, accused)]


def test_an_adjective_in_a_later_clause_is_not_the_threatened_object() -> None:
    doc = process("توعّد زعيم جماعة الحوثي عبد الملك الحوثي بريطانيا بأنها «ستندم»، عقب غارات أمريكية بريطانية "
                  "على مواقع في صنعاء.")
    assert [s.accused.key for s in statements_of(doc, StatementKind.THREAT) if s.accused] == ["united_kingdom"]


@pytest.mark.parametrize(("text", "accused"), [
    ("وجهت كتائب حزب الله تحذيراً إلى الحكومة الأردنية من استضافة القوات الأمريكية على أراضيها.", "jordan"),
    ("ووجه الحرس الثوري تحذيراً شديد اللهجة إلى إسرائيل من أن أي اعتداء سيقابل برد ساحق.", "israel"),
])
def test_a_warning_addressed_to_a_party_threatens_it(text: str, accused: str) -> None:
    threats = statements_of(process(text), StatementKind.THREAT)
    assert [s.accused.key for s in threats if s.accused] == [accused]
    assert any(t.rule == "statements/accused.warning-recipient" for t in threats[0].traces)


@pytest.mark.parametrize("text", [
    "ووجهت الأمم المتحدة تحذيرا من مخاطر التصعيد في البحر الأحمر على الملاحة الدولية.",
    "ووجهت السفارة البريطانية في بغداد تحذيرات لرعاياها بعدم السفر إلى محافظة الأنبار.",
    "وجهت الولايات المتحدة اتهامات لإيران بالوقوف وراء الهجوم على القاعدة.",
])
def test_a_warning_to_no_party_or_another_issued_thing_is_no_threat(text: str) -> None:
    assert statements_of(process(text), StatementKind.THREAT) == []


@pytest.mark.parametrize(("text", "accused"), [
    ("وقال المتحدث باسم كتائب حزب الله إنه «لن تكون القوات الأمريكية بمأمن من صواريخنا في أي مكان».", "us_military"),
    ("وأضافت حركة النجباء في بيانها أنه لن يكون العدو الأمريكي بمأمن من ضرباتنا.", "usa"),
])
def test_the_subject_after_a_verb_first_copula_is_threatened(text: str, accused: str) -> None:
    threats = statements_of(process(text), StatementKind.THREAT)
    assert [s.accused.key for s in threats if s.accused] == [accused]


def test_a_relative_threat_verb_speaks_for_its_antecedent_after_a_preposition() -> None:
    threats = _threats("ويأتي الهجوم بعد أيام من تصريحات لعصائب أهل الحق التي توعدت الحكومة العراقية بالرد.")
    assert threats == [("asaib_ahl_al_haq", "iraqi_government")]


def test_the_party_a_warning_says_to_shun_is_not_the_one_warned() -> None:
    doc = process("وحذرت إيران الدول الخليجية من التعاون مع إسرائيل في أي هجوم على أراضيها.")
    assert not [s for s in statements_of(doc, StatementKind.THREAT) if s.accused and s.accused.key == "israel"]


def test_a_place_left_in_a_condition_is_not_threatened() -> None:
    doc = process("تبنّت «سرايا المنتقم» هجومين صاروخيين على قاعدتي عين الأسد وفكتوريا، وتوعّدت القوات الأمريكية "
                  "بمزيد من الضربات ما لم تنسحب من العراق.")
    assert not [s for s in statements_of(doc, StatementKind.THREAT) if s.accused and s.accused.key == "iraq"]
    assert _threats("وقال حزب العمال الكردستاني إنه سيرد بقوة ما لم يخرج الجيش التركي من دهوك.") == \
        [("pkk", "turkish_army")]


def test_refraining_from_a_threat_is_no_threat() -> None:
    assert _threats("وامتنعت الحكومة التركية عن تهديد حزب العمال الكردستاني بالرد رغم مقتل جنديين في الهجوم.") == []
    assert _threats("وامتنعت الحكومة العراقية عن التعليق، لكنها توعدت بملاحقة الجناة.") == [("iraqi_government", None)]


@pytest.mark.parametrize(("text", "threats"), [
    ("وحذر الرئيس الفرنسي إيران من أن التصعيد قد يجر المنطقة إلى حرب شاملة.", []),
    ("وحذرت الأمم المتحدة إسرائيل من مخاطر توسيع العمليات العسكرية في لبنان.", []),
    ("وحذر الحرس الثوري إسرائيل من أن أي هجوم جديد قد يكلفها ثمناً باهظاً.", [("irgc", "israel")]),
    ("وحذرت الولايات المتحدة إيران من أنها قد تتخذ إجراءات عسكرية ضدها.", [("usa", "iran")]),
])
def test_a_warning_of_a_danger_is_a_caution_even_addressed_to_a_party(text: str,
                                                                     threats: list[tuple[str, str]]) -> None:
    assert _threats(text) == threats


def test_a_statement_issued_by_a_body_speaks_for_it() -> None:
    assert _threats("وقال بيان صادر عن كتائب حزب الله إن «القوات الأمريكية لن تكون بمأمن من ضرباتنا».") == \
        [("kataib_hezbollah", "us_military")]


@pytest.mark.parametrize(("text", "threats"), [
    ("وقالت حركة النجباء إنه إذا لم تغادر القوات الأمريكية العراق فإن المقاومة ستضطر إلى استئناف عملياتها.",
     [("harakat_al_nujaba", "us_military")]),
    ("وقال وزير الخارجية الأردني إن بلاده ستضطر إلى إغلاق حدودها مع سوريا.", []),
])
def test_being_forced_to_respond_threatens_being_forced_to_other_acts_does_not(
        text: str, threats: list[tuple[str, str]]) -> None:
    assert _threats(text) == threats


@pytest.mark.parametrize(("text", "speaker"), [
    ("وكانت فصائل مسلحة أخرى -بعضها مدعوم من إيران- قد توعدت بالرد على الغارات الأمريكية.", "armed_factions"),
    ("وكانت كتائب حزب الله، المدعومة من إيران، قد توعدت بالرد على الغارة الأمريكية في القائم.", "kataib_hezbollah"),
])
def test_the_subject_of_a_pluperfect_stands_after_kana_whatever_the_aside(text: str, speaker: str) -> None:
    (threat,) = statements_of(process(text), StatementKind.THREAT)
    assert (threat.speaker.key, threat.accused.key if threat.accused else None) == (speaker, "usa")
    assert any(t.rule == "statements/speaker.pluperfect" for t in threat.traces)


@pytest.mark.parametrize(("text", "threats"), [
    ("وأكدت الحكومة العراقية استمرار العمليات العسكرية ضد داعش حتى تطهير آخر شبر من الأراضي.",
     [("iraqi_government", "isis")]),
    ("وقال نعيم قاسم إن المقاومة ستواصل عملياتها ضد إسرائيل حتى وقف العدوان.", [("naim_qassem", "israel")]),
    ("وقال وزير الدفاع العراقي إن استمرار الهجمات على القواعد الأمريكية حتى الآن يثير القلق.", []),
])
def test_continued_operations_until_a_demand_is_met_threaten(text: str, threats: list[tuple[str, str]]) -> None:
    assert _threats(text) == threats


def test_a_quoted_we_will_target_in_a_communique_threatens() -> None:
    assert _threats("وورد في بيان لعصائب أهل الحق: «سنهاجم قواعد الاحتلال الأمريكي أينما وجدت».") == \
        [("asaib_ahl_al_haq", "us_military")]
