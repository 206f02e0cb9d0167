"""Ships named in quotes after a vessel noun (extract/vessels.py)."""
from __future__ import annotations

from graph_builder.document import EntityKind
from tests.graph_builder.helpers import process


def _vessels(text: str) -> list[str]:
    doc = process(text)
    return [m.entity.label_ar for m in doc.mentions if m.via == "vessel-name"]


def test_a_quoted_name_after_a_vessel_noun_names_a_ship() -> None:
    assert _vessels("استهدف الحوثيون ناقلة النفط «سانت ليلى» في البحر الأحمر.") == ["سانت ليلى"]
    assert _vessels("أصيبت السفينة التجارية «نورث ستار» بصاروخ.") == ["نورث ستار"]


def test_a_list_of_names_after_hum_names_each_ship() -> None:
    assert _vessels("استهدفت الجماعة سفينتين في خليج عدن، هما «أوشن بلو» و«ماريا تيرا».") == ["أوشن بلو", "ماريا تيرا"]


def test_a_quote_after_no_vessel_noun_names_no_ship() -> None:
    assert _vessels("وصف المتحدث الهجوم بأنه «عمل إرهابي جبان».") == []


def test_each_listed_ship_is_the_target_of_its_own_attack() -> None:
    doc = process("تبنت جماعة الحوثي هجومين على سفينتين في البحر الأحمر، هما «ستار ناسيا» و«مورنينغ تايد».")
    assert [a.target.label_ar for a in doc.attacks] == ["ستار ناسيا", "مورنينغ تايد"]
    assert all(a.target.kind is EntityKind.FACILITY and a.target.discovered for a in doc.attacks)
