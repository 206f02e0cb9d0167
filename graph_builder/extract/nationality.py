"""The attacking state named by a nationality adjective on the attack word ("القصف التركي", "غارة أميركية",
"طائرة تركية مسيرة"), and the adjectives that name a victim, a make or a target instead.

Kept apart from extract/perpetrators.py, which reads the attacker every other way.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from graph_builder import lexicon
from graph_builder.document import AttackKind, Document, EntityKind, Mention
from graph_builder.lang import AR

if TYPE_CHECKING:
    from graph_builder.extract.roles import Trigger

#: kinds whose noun takes the attacker's nationality ("غارة أميركية", "القصف التركي"); not a killing or kidnapping,
#: whose nationality is the victim's ("اغتيال ضابط إيراني", "خطف تركي"), nor a siege or storming
_NATIONAL_KINDS = frozenset({AttackKind.ATTACK, AttackKind.AIRSTRIKE, AttackKind.DRONE, AttackKind.SHELLING,
                             AttackKind.ROCKET, AttackKind.BOMBING})


def nationality_of_strike(doc: Document, m: Mention, t: Trigger) -> bool:
    """A nationality adjective on the attack noun names the attacking state: "غارة أميركية", "القصف التركي",
    "العدوان الإسرائيلي", "الهجوم الصاروخي الإيراني" (attack adjectives between; an adjective is no noun: "القوة
    الصاروخية الإيرانية"). Not on a generic plural ("خلال الهجمات الأميركية": a campaign), nor on a projectile
    ("صواريخ إيرانية" says whose make), not "إيرانية الصنع", not a plural of people ("استهداف الأمريكيين"), and
    never an adjective of the target: the noun it agrees with must be the attack word itself."""
    word = doc.norm[t.start:t.end]
    return m.entity.kind is EntityKind.STATE and t.kind in _NATIONAL_KINDS and \
        not (t.kind is AttackKind.ATTACK and AR.pattern("plural_noun_ending").search((word.split() or [""])[0])) and \
        not AR.pattern("adjective_trigger").fullmatch(word) and \
        (_after_attack_word(doc, m, t) or _inside_drone_phrase(doc, m, t)) \
        and not (t.kind is AttackKind.ROCKET and projectile_word(word)) \
        and not AR.pattern("human_plural_ending").search(doc.norm[m.norm_start:m.norm_end]) \
        and not AR.pattern("made_in").match(doc.norm[m.norm_end:m.norm_end + 12])


def _after_attack_word(doc: Document, m: Mention, t: Trigger) -> bool:
    return m.norm_start >= t.end and AR.pattern("attributive_gap").match(doc.norm[t.end:m.norm_start]) is not None


def _inside_drone_phrase(doc: Document, m: Mention, t: Trigger) -> bool:
    """"طائرة تركية مسيرة", "طائرتين إسرائيليتين مسيرتين": the adjective splits the aircraft from "مسيرة"."""
    return t.kind is AttackKind.DRONE and 0 <= t.start - m.norm_end <= 1 and \
        AR.pattern("aircraft_before").search(doc.norm[max(0, m.norm_start - 12):m.norm_start]) is not None


def projectile_word(words: str) -> bool:
    """The words start with a projectile noun ("الصواريخ", "قذائف الهاون"): what a tally counts, and whose
    nationality is its make."""
    first = (words.split() or [""])[0]
    article = next(iter(AR.words("article")))
    return first in lexicon.projectiles() or first.removeprefix(article) in lexicon.projectiles()
