"""A verbal noun of a speech act after a verb of going on or renewing ("واصلت X اتهام Y", "X مستمرة في تحميل
Y المسؤولية"): the phasal verb's subject speaks and the noun's following party is the accused, not its subject.
Sentences written for the tests."""
from __future__ import annotations

import pytest

from tests.graph_builder.helpers import process


def _facts(text: str) -> set[tuple[str, str, str | None]]:
    return {(s.kind.value, s.speaker.key, s.accused.key if s.accused else None) for s in process(text).statements}


@pytest.mark.parametrize(("text", "fact"), [
    ("وواصلت وزارة الدفاع التركية اتهام حزب العمال الكردستاني بالوقوف وراء تفجير في ماردين.",
     ("Accusation", "turkish_mod", "pkk")),
    ("لكن البنتاغون مستمر في تحميل كتائب حزب الله المسؤولية عن قصف قاعدة التاجي.",
     ("Accusation", "us_dod", "kataib_hezbollah")),
    ("وعادت واشنطن إلى اتهام طهران بتسليح الفصائل التي قصفت قاعدة حرير.", ("Accusation", "usa", "iran")),
    ("وواصلت \"كتائب حزب الله\" تهديد القوات الأمريكية بمزيد من الهجمات.",
     ("Threat", "kataib_hezbollah", "us_military")),
])
def test_the_phasal_verbs_subject_speaks(text: str, fact: tuple[str, str, str | None]) -> None:
    facts = _facts(text)
    assert fact in facts
    assert not any(speaker == fact[2] for _, speaker, _ in facts)  # the accused is never read as the speaker


def test_a_phasal_verb_across_a_comma_governs_nothing() -> None:
    """"واصلت X عملياتها، وتهديد ..." : the noun belongs to another clause, not to the phasal verb."""
    doc = process("وواصلت القوات التركية عملياتها في دهوك، فيما أثار تهديد طهران لأنقرة قلقاً واسعاً بعد القصف.")
    assert not any(t.rule.endswith("phasal-verbal-noun") for s in doc.statements for t in s.traces)
