from __future__ import annotations

from graph_builder.text.normalize import normalize
from graph_builder.text.sentences import split_sentences


def _split(text: str) -> list[str]:
    n = normalize(text)
    return [text[s.start:s.end] for s in split_sentences(n.text, n.offsets)]


def test_headline_stays_apart_from_lead() -> None:
    text = "ترمب يحذر\nوحذر الرئيس الأميركي من استهداف السفارة."
    assert _split(text) == ["ترمب يحذر", "وحذر الرئيس الأميركي من استهداف السفارة."]


def test_split_after_stop_without_space() -> None:
    assert _split("موالية لإيران.وقال المتحدث إن الهجوم فشل.") == ["موالية لإيران.", "وقال المتحدث إن الهجوم فشل."]


def test_question_mark_and_closing_quote() -> None:
    parts = _split('قال "هل يهاجمون؟" ثم أضاف. وانتهى')
    assert parts[0] == 'قال "هل يهاجمون؟"'


def test_decimal_numbers_do_not_split() -> None:
    assert len(_split("سقط 2.5 طن من المتفجرات في المكان.")) == 1


def test_headline_flag() -> None:
    n = normalize("هجمات إضافية\nوأعلنت الوزارة إحباط مخطط.")
    sentences = split_sentences(n.text, n.offsets)
    assert [s.is_headline for s in sentences] == [True, False]
