"""Regression: a title at the very end of a sentence (nothing after it) sent title discovery into an endless
loop, because an empty remainder counted as an opening quote. Found by the property-based test."""
from __future__ import annotations

from tests.graph_builder.helpers import process


def test_title_with_nothing_after_it_terminates() -> None:
    doc = process('قال وزير الخارجية الإيراني "\nهجوم')
    assert not any(m.entity.discovered for m in doc.mentions)
