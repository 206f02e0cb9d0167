"""Bases named together after a dual noun (extract/listed_sites.py)."""
from __future__ import annotations

from tests.graph_builder.helpers import process


def _bases(text: str) -> list[tuple[str, bool]]:
    doc = process(text)
    return [(m.entity.label_ar, m.entity.discovered) for m in doc.mentions if m.via == "dual-base-noun"]


def test_each_name_after_a_dual_base_noun_is_a_base() -> None:
    assert _bases("سقطت صواريخ على قاعدتي عين الأسد وفكتوريا.") == [("قاعدة فكتوريا", True)]


def test_a_name_the_reference_data_knows_with_the_noun_is_that_base() -> None:
    assert _bases("تبنت الحركة قصف قاعدتي بلد والقيارة.") == [("قاعدة بلد الجوية", False),
                                                                ("قاعدة القيارة", False)]


def test_an_adjective_after_the_dual_noun_names_no_base() -> None:
    assert _bases("استهدفت الطائرات قاعدتين عسكريتين ومقرا للحزب في القامشلي.") == []


def test_two_bases_after_a_dual_noun_are_two_attacks() -> None:
    doc = process("تبنت سرايا المنتقم هجومين صاروخيين على قاعدتي عين الأسد وفكتوريا.")
    assert [a.target.label_ar for a in doc.attacks] == ["قاعدة عين الأسد", "قاعدة فكتوريا"]
