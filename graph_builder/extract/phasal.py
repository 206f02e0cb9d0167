"""Speech acts named by a verbal noun after a verb of going on, renewing or repeating.

"واصلت الخارجية اتهام X بالوقوف وراء", "جدد الحزب نفيه", "القيادات الإسرائيلية مستمرة في تحميل X المسؤولية":
the verbal noun is the act and the subject of the phasal verb makes it. Read as a bare noun, its following party
would be taken for its subject ("اتهامات واشنطن لطهران"), which here is the accused. The phasal verb's subject
stands between it and the noun (VSO) or before it (SVO, a nominal sentence); nothing else may.
"""
from __future__ import annotations

from dataclasses import replace

from graph_builder.document import Document, Mention, Token
from graph_builder.extract.acts import Trigger
from graph_builder.extract.syntax import is_actor, subject_before
from graph_builder.lang import AR
from graph_builder.resources import Resources
from graph_builder.text.tokens import peel

_NOUN_ROLES = frozenset({"possessor", "noun"})
_QUOTES = "\"'«»“”"
_REACH = 7  # tokens from the phasal verb to the noun: the verb, a subject of a few words, a preposition


def _phasal(word: str) -> bool:
    return any(stem in AR.words("phasal_verbs") for _, stem in peel(word))


def _phasal_index(doc: Document, tokens: list[Token], k: int) -> int | None:
    """The phasal verb governing the noun at `tokens[k]`: a few words (its subject, a linking preposition) and
    no punctuation between."""
    for j in range(k - 1, max(-1, k - _REACH), -1):
        if doc.norm[tokens[j].norm_end:tokens[j + 1].norm_start].strip(_QUOTES + " "):
            return None  # punctuation: another clause
        if _phasal(tokens[j].surface):
            return j
    return None


def phasal_triggers(doc: Document, tokens: list[Token], mentions: list[Mention],
                    triggers: list[Trigger]) -> list[Trigger]:
    """The triggers, with each verbal noun governed by a phasal verb given the role "phasal"."""
    index = {t.norm_start: k for k, t in enumerate(tokens)}
    out = []
    for trig in triggers:
        k = index.get(trig.token.norm_start)
        if trig.role in _NOUN_ROLES and k is not None and _phasal_index(doc, tokens, k) is not None:
            trig = replace(trig, role="phasal", note="phasal-verbal-noun")
        out.append(trig)
    return out


def phasal_speaker(doc: Document, res: Resources, tokens: list[Token], mentions: list[Mention],
                   trig: Trigger) -> Mention | None:
    """The subject of the phasal verb: the party right after it ("واصلت X اتهام"), else the one right before it
    ("X مستمرة في تحميل", "إلا أن X تواصل تهديد")."""
    k = next(k for k, t in enumerate(tokens) if t.norm_start == trig.token.norm_start)
    j = _phasal_index(doc, tokens, k)
    if j is None:
        return None
    verb = tokens[j]
    after = next((m for m in mentions if verb.norm_end <= m.norm_start < trig.token.norm_start and is_actor(m)), None)
    return after or subject_before(doc, mentions, verb.norm_start, res.cues["svo_particles"])
