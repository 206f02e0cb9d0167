"""The attacking state named by a nationality adjective (extract/nationality.py), on short texts written for
the tests: inside a drone phrase, in the dual, and not a plural of people."""
from __future__ import annotations

from graph_builder import lexicon
from tests.graph_builder.helpers import process


def test_an_adjective_inside_a_drone_phrase_names_the_attacker() -> None:
    (a,) = process("استهدفت طائرة إيرانية مسيرة مقرا لحزب كوملة قرب كويسنجق.").attacks
    assert a.perpetrator.key == "iran"


def test_the_dual_of_a_feminine_adjective_names_the_attacker() -> None:
    assert ("إسرائيليتين", "israel") in lexicon.nationalities()
    (a,) = process("قال المتحدث إن طائرتين إسرائيليتين مسيرتين قصفتا مواقع للفصائل في البوكمال.").attacks
    assert a.perpetrator.key == "israel"


def test_a_plural_of_people_is_the_victim_not_the_attacker() -> None:
    doc = process("أسفر الهجوم على حافلة تقل زواراً إيرانيين في محافظة ديالى عن إصابة عشرة أشخاص.")
    assert all(a.perpetrator is None for a in doc.attacks)
