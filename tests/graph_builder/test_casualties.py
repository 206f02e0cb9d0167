"""Killed and injured counts, in the forms news uses (digits, words, hedges, duals, nouns of the dead)."""
from __future__ import annotations

import pytest

from graph_builder.extract.casualties import casualties
from graph_builder.text.normalize import normalize
from tests.graph_builder.helpers import process


@pytest.mark.parametrize(("text", "expected"), [
    ("انفجرت عبوة ناسفة في سوق شعبي ما أسفر عن مقتل 7 أشخاص وإصابة 19 آخرين.", (7, 19)),
    ("قتل ما لا يقل عن أربعة عشر مدنيا وجرح عشرون في الهجوم.", (14, 20)),
    ("أسفر القصف عن سقوط ستة قتلى وتسعة جرحى.", (6, 9)),
    ("لقي ثلاثة جنود حتفهم في الانفجار.", (3, None)),
    ("مقتل شرطيين وإصابة ثلاثة آخرين في هجوم على نقطة تفتيش.", (2, 3)),
    ("مقتل ضابط في انفجار عبوة لاصقة.", (1, None)),
    ("وقتل مهاجم انتحاري 12 شخصا في هجوم على مسجد.", (12, None)),
    ("لم يسفر الهجوم عن إصابات.", (None, None)),
    ("قتل وجرح عشرات الأشخاص.", (None, None)),
])
def test_counts(text: str, expected: tuple[int | None, int | None]) -> None:
    assert casualties(normalize(text).text) == expected


def test_an_attack_carries_its_casualties_and_a_place_is_enough() -> None:
    doc = process("انفجرت سيارة مفخخة في سوق شعبي بمدينة الحلة ما أسفر عن مقتل 9 أشخاص وإصابة 25 آخرين.")
    (attack,) = doc.attacks
    assert (attack.killed, attack.injured) == (9, 25)
    assert attack.location is not None and attack.location.key == "hillah"
    assert any(t.rule == "casualties/count" for t in attack.traces)
