"""Entities the gazetteer lacks, found by patterns (names invented for the tests)."""
from __future__ import annotations

from graph_builder.document import EntityKind
from tests.graph_builder.helpers import keys, process


def _discovered(text: str) -> dict[str, object]:
    doc = process(text)
    return {m.entity.label_ar: m.entity for m in doc.mentions if m.entity.discovered}


def test_title_and_name_make_an_official_of_the_state() -> None:
    found = _discovered("وقال وزير الدفاع العراقي سامر ناجي الكبيسي إن التحقيق مستمر.")
    person = found["سامر ناجي الكبيسي"]
    assert person.kind is EntityKind.PERSON and person.official_of == "iraq" and person.role == "defence minister"


def test_name_in_parentheses_after_title() -> None:
    assert "فلاديمير كوزنتسوف" in _discovered("كما أدان نائب وزير خارجية روسيا (فلاديمير كوزنتسوف) الهجوم.")


def test_words_after_a_title_that_are_not_a_name() -> None:
    assert _discovered("وقال قائد عمليات حزام بغداد إن الوضع مستقر.") == {}


def test_self_named_group() -> None:
    found = _discovered('وتبنت جماعة تطلق على نفسها اسم "سرايا الفجر الصادق" الهجوم.')
    assert found["سرايا الفجر الصادق"].kind is EntityKind.ARMED_GROUP


def test_kunya_and_its_later_short_form() -> None:
    doc = process("وقال المتحدث باسم الجماعة أبو حيدر الساعدي إن العملية نجحت. وأضاف الساعدي أن الرد قادم.")
    mentions = [m for m in doc.mentions if m.entity.label_ar == "أبو حيدر الساعدي"]
    assert len(mentions) == 2


def test_groups_allied_to_iran_in_any_wording_are_its_proxies() -> None:
    doc = process("وتتهم الولايات المتحدة فصائل تابعة للحرس الثوري الإيراني بتنفيذ الهجوم.")
    (accusation,) = doc.statements
    assert (accusation.speaker.key, accusation.accused.key) == ("usa", "iran_backed_militias")


def test_name_after_an_attribution_verb_closed_by_a_role() -> None:
    found = _discovered("وقال حسين كاظم الربيعي الباحث في الشؤون الأمنية إن الهجوم متوقع.")
    assert found["حسين كاظم الربيعي"].kind is EntityKind.PERSON


def test_a_speaker_named_before_a_role_noun_needs_one_known_given_name() -> None:
    doc = process('وقال ريناد منصور الخبير في شاتام هاوس "الوضع خطير".')
    assert any(m.entity.label_ar == "ريناد منصور" for m in doc.mentions)
    doc = process('وقال كزافييه بيرتران الخبير في الشؤون الأمنية "الوضع خطير".')
    assert not any(m.via == "named-speaker" for m in doc.mentions)


def test_a_mission_located_in_a_city_may_name_the_city_noun() -> None:
    assert "us_consulate_benghazi" in keys(process("الهجوم على القنصلية الأميركية في مدينة بنغازي الليبية."))
    assert "us_embassy_baghdad" in keys(process("سقط صاروخ قرب السفارة الأمريكية في العاصمة بغداد."))


def test_a_quoted_name_after_a_group_noun_or_claim_verb_is_an_armed_group() -> None:
    doc = process('وأعلنت جماعة "ألوية الوعد الحق" مسؤوليتها عن الهجوم بطائرة مسيرة على قاعدة التنف.')
    groups = [m.entity for m in doc.mentions if m.via == "quoted-group"]
    assert [(g.label_ar, g.kind) for g in groups] == [("ألوية الوعد الحق", EntityKind.ARMED_GROUP)]
    assert [s.speaker.label_ar for s in doc.statements] == ["ألوية الوعد الحق"]
    assert not [m for m in process('أعلنت مجموعة "وهمية" مسؤوليتها.').mentions if m.via == "quoted-group"]


def test_feminine_titles_relational_adjectives_and_members_of_a_bloc() -> None:
    doc = process("وقالت الناشطة سارة الموسوي إن الوضع هادئ.")
    assert any(m.entity.label_ar == "سارة الموسوي" for m in doc.mentions)
    assert any(m.entity.label_ar == "أحمد الشريفي" for m in process("وأكد الخبير الأمني أحمد الشريفي ذلك.").mentions)
    doc = process("وقال النائب عن تحالف الفتح محمد البلداوي إن الوضع هادئ.")
    (person,) = [m.entity for m in doc.mentions if m.via == "title"]
    assert (person.label_ar, person.official_of) == ("محمد البلداوي", "fatah_alliance")

