"""Morphological fallback for statement verbs: farahidi (an AlKhalil port) lemmatises words the surface
lexicon does not list.

farahidi analyses about 400 words a second, so it runs only on words that could hold a trigger root (a
cheap letter test) and each word is analysed once per process (cache). Only verb readings count: nouns such
as "المتهمين" (the accused) report no act.
"""
from __future__ import annotations

import re
from functools import lru_cache

import farahidi

from graph_builder import lexicon
from graph_builder.text.normalize import normalize_name

# Letters a trigger root leaves in every inflection (weak letters drop out: نفى/نفت, تبنى/تبنت).
_ROOT_HINT = re.compile(r"ته|ندد|نكر|دان|دين|نف|بن|هدد|وعد|شجب")
_FIRST_PERSON = "متكلم"


@lru_cache(maxsize=50_000)
def verb_trigger(word: str) -> tuple[str, bool] | None:
    """(statement kind, first person?) when `word` is an inflection of a trigger verb, else None."""
    if len(word) < 3 or not _ROOT_HINT.search(word):
        return None
    lemmas = lexicon.trigger_lemmas()
    best: tuple[float, str, bool] | None = None
    for analysis in farahidi.analyze(word)[:4]:
        if analysis.pos != "فعل":
            continue
        kind = lemmas.get(normalize_name(analysis.lemma))
        if kind is not None and (best is None or analysis.score > best[0]):
            best = (analysis.score, kind, analysis.person == _FIRST_PERSON)
    return (best[1], best[2]) if best else None
