"""Morphological fallback for statement verbs: farahidi (an AlKhalil port) lemmatises words the surface
lexicon does not list.

farahidi analyses about 400 words a second, so it runs only on words that could hold a trigger root (a
cheap letter test) and each word is analysed once per process (cache). Only verb readings count: nouns such
as "المتهمين" (the accused) report no act.
"""
from __future__ import annotations

from functools import lru_cache

import farahidi

from graph_builder import lexicon
from graph_builder.lang import AR
from graph_builder.text.normalize import normalize_name


@lru_cache(maxsize=50_000)
def verb_trigger(word: str) -> tuple[str, bool] | None:
    """(statement kind, first person?) when `word` is an inflection of a trigger verb, else None."""
    if len(word) < 3 or not AR.pattern("trigger_root_hint").search(word):
        return None
    lemmas = lexicon.trigger_lemmas()
    best: tuple[float, str, bool] | None = None
    for analysis in farahidi.analyze(word)[:4]:
        if analysis.pos not in AR.words("analyser_verb_tag"):
            continue
        kind = lemmas.get(normalize_name(analysis.lemma))
        if kind is not None and (best is None or analysis.score > best[0]):
            best = (analysis.score, kind, analysis.person in AR.words("analyser_first_person"))
    return (best[1], best[2]) if best else None


@lru_cache(maxsize=50_000)
def only_verb(word: str) -> bool:
    """Every reading the analyser gives is a verb ("تطلق", "نشرت"): the word cannot continue a name."""
    readings = farahidi.analyze(word)[:4]
    return bool(readings) and all(r.pos in AR.words("analyser_verb_tag") for r in readings)
