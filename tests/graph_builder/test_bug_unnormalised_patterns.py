"""Bug: patterns written with letters the normaliser rewrites never match.

The extractors match doc.norm, where ؤ is و, ى is ي, ة is ه and hamza seats are ا. "مسؤوليت" in a pattern
silently matched nothing, so claims were missed ("أعلنت X مسؤوليتها") and own-involvement denials lost their
accused. Every module-level pattern and word set of the extractors must be written in normalised form.
"""
from __future__ import annotations

import importlib
import pkgutil
import re

import graph_builder.extract
from graph_builder.text.normalize import normalize

_REWRITTEN = re.compile("[ؤأإآٱةىئیکۀ]")


def _literals() -> list[tuple[str, str]]:
    out = []
    for info in pkgutil.iter_modules(graph_builder.extract.__path__):
        module = importlib.import_module(f"graph_builder.extract.{info.name}")
        for name, value in vars(module).items():
            if isinstance(value, re.Pattern):
                out.append((f"{info.name}.{name}", value.pattern))
            elif isinstance(value, frozenset) and all(isinstance(v, str) for v in value):
                out.extend((f"{info.name}.{name}", v) for v in value)
    return out


def test_extractor_patterns_are_written_in_normalised_form() -> None:
    offending = [(where, text) for where, text in _literals() if _REWRITTEN.search(text)]
    assert offending == []


def test_the_claim_cue_matches_a_normalised_claim() -> None:
    from graph_builder.extract.attacks import _CLAIMED

    assert _CLAIMED.search(normalize("أعلنت الكتائب مسؤوليتها عن الهجوم").text)
