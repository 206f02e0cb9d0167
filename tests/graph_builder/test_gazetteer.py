from __future__ import annotations

from graph_builder.gazetteer import Gazetteer, Pattern, longest_first
from tests.graph_builder.helpers import keys, process


def _gaz() -> Gazetteer:
    return Gazetteer().add_all([("إيران", Pattern("iran")), ("الحشد الشعبي", Pattern("pmf")),
                                ("واشنطن", Pattern("usa")), ("قاعدة عين الأسد", Pattern("asad")),
                                ("عين الأسد", Pattern("asad"))])


def test_clitics_before_names_are_allowed() -> None:
    text = "لايران وواشنطن وبالحشد الشعبي وللحشد الشعبي"
    assert [h.pattern.key for h in longest_first(_gaz().find(text))] == ["iran", "usa", "pmf", "pmf"]


def test_no_match_inside_other_words() -> None:
    assert _gaz().find("الايرانيه") == []
    assert _gaz().find("مايران") == []


def test_quotes_inside_a_name_do_not_break_it() -> None:
    text = 'قاعده "عين الاسد" الجويه'
    (hit,) = longest_first(_gaz().find(text))
    assert hit.pattern.key == "asad" and text[hit.start:hit.end] == 'قاعده "عين الاسد'


def test_reference_names_variants_and_adjectives_in_text() -> None:
    doc = process("قال وزير الخارجية الأمريكي مايك بومبيو إن القوات الأميركية في حالة تأهب.")
    assert {"mike_pompeo", "us_military"} <= keys(doc)
    assert "usa" in keys(doc, adjectives=True)  # named by its adjective inside "القوات الأميركية"


def test_short_name_inside_an_earlier_longer_one_is_the_same_party() -> None:
    doc = process("هاجمت كتائب حزب الله القاعدة. وقال حزب الله إنه سيواصل.")
    assert "hezbollah" not in keys(doc)
    assert "kataib_hezbollah" in keys(doc)


def test_a_state_inside_a_longer_name_is_named_but_plays_no_role() -> None:
    doc = process("واتهم البنتاغون الميليشيات المدعومة من إيران بتنفيذ الهجوم.")
    assert "iran" in keys(doc, adjectives=True) and "iran" not in keys(doc)
    assert [s.accused.key for s in doc.statements] == ["iran_backed_militias"]


def test_a_body_named_by_a_definite_phrase_is_also_named_indefinitely() -> None:
    assert "us_military" in keys(process("سقط صاروخان في محيط قاعدة تضم عسكريين أميركيين."))
    assert "green_zone" not in keys(process("أقيمت منطقة خضراء جديدة في الحي."))  # places keep their article
