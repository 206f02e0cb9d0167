"""Where a personal name after a title starts and ends (extract/names.py); names invented for the tests."""
from __future__ import annotations

from graph_builder.document import EntityKind
from tests.graph_builder.helpers import keys, process


def _discovered(text: str) -> dict[str, object]:
    doc = process(text)
    return {m.entity.label_ar: m.entity for m in doc.mentions if m.entity.discovered}


def test_a_profession_or_rank_before_a_name_makes_a_person() -> None:
    found = _discovered("وقال المحامي ثامر ناجي العبيدي إن الجلسة أجلت.")
    assert found["ثامر ناجي العبيدي"].kind is EntityKind.PERSON and found["ثامر ناجي العبيدي"].role == "lawyer"


def test_an_unlisted_given_name_closed_by_a_relational_family_name_is_a_name() -> None:
    assert "زاهر الموصلي" in _discovered("وأكد المهندس زاهر الموصلي أن الأعمال مستمرة.")
    assert _discovered("وقال مدير مكتب الشيباني إن الوفد وصل.") == {}  # a unit noun opens no name


def test_a_rank_and_its_unnamed_unit_before_the_name() -> None:
    assert "سلام الدراجي" in _discovered("وصل العقيد في شرطة النجدة سلام الدراجي إلى الموقع.")


def test_a_compound_given_name_keeps_its_family_name() -> None:
    assert "عبد الجبار الحيالي" in _discovered("وصرح المختار عبد الجبار الحيالي بأن القرية آمنة.")


def test_and_or_a_locative_ends_the_name() -> None:
    found = _discovered("أدى الانفجار إلى مقتل المواطن كامل نوري وإصابة آخرين.")
    assert "كامل نوري" in found and not any("اصابه" in k or "إصابة" in k for k in found)


def test_a_known_surname_after_another_given_name_is_a_namesake() -> None:
    text = "وقال النقيب كرار العامري إن الطريق مفتوح."
    assert "hadi_al_amiri" not in keys(process(text)) and "كرار العامري" in _discovered(text)


def test_a_nationality_adjective_after_a_given_name_is_a_family_name() -> None:
    doc = process("وقال الناشط المدني عمار المصري إن التظاهرات مستمرة.")
    assert "عمار المصري" in {m.entity.label_ar for m in doc.mentions} and "egypt" not in keys(doc, adjectives=True)


def test_a_preposition_opens_no_family_named_person() -> None:
    assert _discovered("وقال القائد المحلي للفصيل العراقي إن الرد قادم.") == {}
    assert "نزار كامل حسون" in _discovered("وأصيب المهندس نزار كامل حسون بجروح خطيرة.")


def test_a_name_before_a_title_in_apposition() -> None:
    assert "وليد الحمداني" in _discovered("قُتل وليد الحمداني، القيادي في الحشد الشعبي، بانفجار عبوة.")
    assert _discovered("وصل الوفد إلى بغداد، المتحدث باسم الحكومة قال ذلك.") == {}


def test_a_name_set_off_by_commas_after_the_title_phrase() -> None:
    assert "صباح الدوري" in _discovered("التقى عضو مجلس محافظة صلاح الدين، صباح الدوري، بالأهالي.")


def test_a_spokesman_of_a_body_named_before_him_is_discovered() -> None:
    doc = process("وأدانت وزارة الخارجية الأردنية، على لسان الناطق باسمها سفيان القضاة، الهجوم على السفارة.")
    assert any(m.entity.kind is EntityKind.PERSON and "القضاه" in doc.norm[m.norm_start:m.norm_end]
               for m in doc.mentions)


def test_a_preposition_with_the_article_after_a_title_opens_no_name() -> None:
    doc = process("ندد الرئيس اللبناني بالعدوان الإسرائيلي على الجنوب.")
    assert not any(m.entity.discovered and m.entity.kind.value == "Person" for m in doc.mentions)
