from __future__ import annotations

from graph_builder.text.normalize import normalize
from graph_builder.text.tokens import peel, tokenize


def test_peel_proposes_clitic_readings() -> None:
    assert ("ل", "ايران") in peel("لايران")
    assert ("و", "واشنطن") in peel("وواشنطن")
    assert ("بال", "حشد") in peel("بالحشد")
    assert ("لل", "الحشد") in peel("للحشد")
    assert peel("وزير")[-1] == ("", "وزير")


def test_tokens_carry_spans() -> None:
    norm = normalize("ودان بومبيو الهجوم").text
    tokens = tokenize(norm)
    assert [t.surface for t in tokens] == ["ودان", "بومبيو", "الهجوم"]
    assert norm[tokens[1].norm_start:tokens[1].norm_end] == "بومبيو"
