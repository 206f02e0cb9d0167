from __future__ import annotations

from graph_builder.text.morphology import verb_trigger
from tests.graph_builder.helpers import process


def test_unlisted_inflections_are_recognised() -> None:
    assert verb_trigger("استنكرتا") == ("Condemnation", False)
    assert verb_trigger("ينددون") == ("Condemnation", False)
    assert verb_trigger("توعدتا") == ("Threat", False)


def test_nouns_and_unrelated_words_are_not_triggers() -> None:
    assert verb_trigger("الاتهامات") is None
    assert verb_trigger("بناء") is None
    assert verb_trigger("قاعدة") is None


def test_fallback_feeds_the_statement_extractor() -> None:
    doc = process("واستنكرتا الحكومة العراقية والأمم المتحدة الهجوم على قاعدة عين الأسد.")
    assert any(s.kind.value == "Condemnation" and s.speaker.key == "iraqi_government" for s in doc.statements)
