from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from graph_builder.text.normalize import normalize, normalize_name


def test_orthographic_variants_collapse() -> None:
    assert normalize("أعلنت إيران").text == "اعلنت ايران"
    assert normalize("الأميركية").text == normalize("الأمريكية").text
    assert normalize("مدعومة").text.endswith("ه")
    assert normalize("مستشفى").text.endswith("ي")
    assert normalize("کرمانی").text == "كرماني"  # Persian kaf and yeh


def test_diacritics_tatweel_and_marks_are_dropped_with_offsets_kept() -> None:
    text = "وتبنّت\u200f الـ\"مقاومة\""
    result = normalize(text)
    assert result.text == 'وتبنت ال"مقاومه"'
    for i, ch in enumerate(result.text):
        original = text[result.offsets[i]]
        assert normalize(original).text == ch
    assert result.offsets[-1] == len(text)


def test_quotes_and_digits() -> None:
    assert normalize("«٣ صواريخ»").text == '"3 صواريخ"'


def test_name_normalisation_strips_edges() -> None:
    assert normalize_name('  "قاصم  الجبارين" ') == "قاصم الجبارين"


@given(st.text())
def test_offset_map_is_monotonic_and_complete(text: str) -> None:
    result = normalize(text)
    assert len(result.offsets) == len(result.text) + 1
    assert list(result.offsets) == sorted(result.offsets)
    assert all(0 <= o <= len(text) for o in result.offsets)
