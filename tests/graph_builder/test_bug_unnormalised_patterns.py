"""Bug: patterns written with letters the normaliser rewrites never match.

The extractors match doc.norm, where ؤ is و, ى is ي, ة is ه and hamza seats are ا. "مسؤوليت" in a pattern
silently matched nothing, so claims were missed ("أعلنت X مسؤوليتها") and own-involvement denials lost their
accused. Every pattern of the language data must be written in normalised form (word sets are normalised
when loaded).
"""
from __future__ import annotations

import re

from graph_builder.lang import AR
from graph_builder.text.normalize import normalize

_REWRITTEN = re.compile("[ؤأإآٱةىئیکۀ]")


def test_language_patterns_are_written_in_normalised_form() -> None:
    written = {name for name, entry in AR.entries().items() if entry.written}  # matched on names as written
    offending = [(name, text) for name, text in AR.raw_regexes().items()
                 if name not in written and _REWRITTEN.search(text)]
    assert offending == []


def test_word_sets_are_normalised_unless_marked_as_written() -> None:
    kept = {name for name, entry in AR.entries().items() if entry.written}  # compared with the original text
    offending = [(name, w) for name, words in AR.raw_words().items() if name not in kept
                 for w in words if _REWRITTEN.search(w)]
    assert offending == []


def test_the_claim_cue_matches_a_normalised_claim() -> None:
    assert AR.pattern("claimed").search(normalize("أعلنت الكتائب مسؤوليتها عن الهجوم").text)
