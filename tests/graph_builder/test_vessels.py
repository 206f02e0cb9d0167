"""Ships named in quotes after a vessel noun (extract/vessels.py), on short texts written for the tests."""
from __future__ import annotations

from graph_builder.document import EntityKind
from tests.graph_builder.helpers import process


def test_a_quoted_name_after_a_vessel_noun_is_a_ship_that_can_be_the_target() -> None:
    doc = process("أعلن الحوثيون استهداف السفينة التجارية اليونانية «توتور» في البحر الأحمر بزورق مسير.")
    ships = [m.entity for m in doc.mentions if m.via == "vessel-name"]
    assert [s.label_ar for s in ships] == ["توتور"] and ships[0].kind is EntityKind.FACILITY
    (a,) = doc.attacks
    assert a.target is ships[0]


def test_a_ship_named_apart_from_the_attack_word_is_not_presumed_its_target() -> None:
    doc = process("وقال المتحدث إن الفرقاطة اعترضت المسيرة، فيما كانت السفينة «كالي» تبحر قرب ميناء عدن.")
    assert all(a.target is None or a.target.label_ar != "كالي" for a in doc.attacks)
