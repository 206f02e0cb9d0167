"""A state body named in full, then by the first words of its name alone (extract/short_names.py). Sentences
written for the tests."""
from __future__ import annotations

from tests.graph_builder.helpers import process


def test_the_short_form_of_a_body_named_in_full_is_that_body() -> None:
    doc = process("أصدرت وزارة الداخلية في حكومة إقليم كردستان بياناً عن الصواريخ. "
                  "كما أدانت وزارة الداخلية هذا العمل الإرهابي.")
    short = [m for m in doc.mentions if m.via == "short-name"]
    assert [m.entity.key for m in short] == ["krg_interior_ministry"]
    assert [(s.kind.value, s.speaker.key) for s in doc.statements] == [("Condemnation", "krg_interior_ministry")]


def test_a_short_form_before_the_full_name_is_not_resolved() -> None:
    doc = process("وقالت وزارة الداخلية إن التحقيق مستمر. وأصدرت وزارة الداخلية في حكومة إقليم كردستان بياناً.")
    assert not any(m.via == "short-name" for m in doc.mentions)


def test_a_name_with_no_seat_or_state_has_no_short_form() -> None:
    """"خلية الإعلام الأمني" is all name: "خلية الإعلام" later is not read as it."""
    doc = process("ذكرت خلية الإعلام الأمني أن صاروخين سقطا قرب المطار. وأضافت خلية الإعلام أن لا إصابات.")
    assert not any(m.via == "short-name" for m in doc.mentions)
