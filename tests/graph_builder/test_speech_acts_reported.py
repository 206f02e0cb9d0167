"""Negated, conditional, speakerless and reported speech: statements only where the text makes a party speak."""
from __future__ import annotations

from graph_builder.document import StatementKind
from tests.graph_builder.helpers import process


def _facts(text: str) -> set[tuple[str, str, str | None]]:
    doc = process(text)
    return {(s.kind.value, s.speaker.key, s.accused.key if s.accused else None) for s in doc.statements}


def test_unknown_party_behind_an_attack_is_no_accusation() -> None:
    facts = _facts("أوضح المتحدث باسم وزارة الداخلية العراقية العميد مقداد ميري أن الأجهزة الأمنية تعمل على كشف "
                   "الجهة التي تقف وراء تفجير السيارة المفخخة في مدينة الحلة.")
    assert not any(kind == "Accusation" for kind, _, _ in facts)


def test_pronoun_subject_after_but_speaks() -> None:
    facts = _facts("لم تتهم وزارة الخارجية الأمريكية أي فصيل بالوقوف وراء القصف على قاعدة عين الأسد، "
                   "لكنها دانت الهجوم بشدة.")
    assert any(kind == "Condemnation" for kind, _, _ in facts)
    assert not any(kind == "Accusation" for kind, _, _ in facts)


def test_preposed_attribution_makes_the_party_after_it_speak() -> None:
    facts = _facts("ووفقاً لوزارة الدفاع التركية، فإن مسلحي حزب العمال الكردستاني استهدفوا قاعدة عسكرية في "
                   "منطقة متينا بقذائف الهاون.")
    assert ("Accusation", "turkish_mod", "pkk") in facts


def test_preposed_attribution_without_a_named_party_accuses_nothing() -> None:
    facts = _facts("وبحسب مصادر محلية، فإن مسلحين مجهولين أطلقوا النار على سيارة ضابط في الشرطة بمدينة البصرة.")
    assert not any(kind == "Accusation" for kind, _, _ in facts)


def test_capital_as_the_accused_stands_for_its_state() -> None:
    facts = _facts("حمّلت أنقرة بغداد مسؤولية الهجوم الصاروخي على قاعدة بعشيقة شمالي الموصل.")
    assert ("Accusation", "turkey", "iraq") in facts


def test_charge_awaiting_proof_is_no_statement() -> None:
    facts = _facts("قال وزير الدفاع الأمريكي إن واشنطن ستحمّل دمشق المسؤولية إذا ثبت أن الطائرة المسيّرة التي "
                   "استهدفت قاعدة التنف أُطلقت من أراضيها.")
    assert not any(kind in {"Accusation", "Threat"} and accused == "syria" for kind, _, accused in facts)


def test_passive_charge_with_its_agent_has_a_speaker() -> None:
    facts = _facts("واتُّهمت من قبل واشنطن كتائب حزب الله بتنفيذ الهجوم على قاعدة التنف.")
    assert ("Accusation", "usa", "kataib_hezbollah") in facts


def test_passive_charge_without_an_agent_has_none() -> None:
    facts = _facts("واتُّهمت كتائب حزب الله بتنفيذ الهجوم على قاعدة التنف، بعد أيام من تهديد واشنطن لها.")
    assert not any(kind == "Accusation" for kind, _, _ in facts)


def test_a_capital_speaks_for_its_state_and_a_pronoun_verb_charges_the_attack_before() -> None:
    doc = process("تعرضت مواقع في ريف دمشق لضربات جوية تقول دمشق إن إسرائيل تشنها بين حين وآخر.")
    assert [(s.speaker.key, s.accused.key) for s in doc.statements if s.kind is StatementKind.ACCUSATION] == \
        [("syria", "israel")]


def test_direct_speech_opened_by_a_comma_and_a_quote_is_read_like_a_colon() -> None:
    doc = process('وأضافت وزارة الخارجية الأردنية، "إن المملكة تحتفظ بحقها في الرد على أي اعتداء يطال أراضيها".')
    assert [s.kind for s in doc.statements] == [StatementKind.THREAT]


def test_the_only_one_able_to_carry_out_an_attack_is_charged_with_it() -> None:
    doc = process("وقال مسؤول أمريكي إن كتائب حزب الله هي الجهة الوحيدة القادرة على تنفيذ هجوم بهذا الحجم.")
    assert [(s.kind, s.accused.key) for s in doc.statements] == [(StatementKind.ACCUSATION, "kataib_hezbollah")]


def test_a_passive_agent_after_a_group_head_noun_is_charged() -> None:
    """"أطلقت من قبل ميليشيا كتائب حزب الله": the head noun between "من قبل" and the name does not hide the agent."""
    doc = process("وقالت وزارة الداخلية في إقليم كردستان إن الطائرة المسيرة أطلقت على مطار أربيل من قبل ميليشيا "
                  "كتائب حزب الله.")
    assert [(s.kind.value, s.accused.key) for s in doc.statements] == [("Accusation", "kataib_hezbollah")]
