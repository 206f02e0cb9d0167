"""The kind of one attack report, from the attack words of its sentence.

Several words may type one report ("ضربة بطائرة مسيرة", "أطلقت دبابة قذيفة", "اقتحم مسلحون مجهولون"): the
means names the kind over the word for the blow and over the attacker's description, so these rules say which
word is the means. The word lists live in lang/ar/kinds.yaml.
"""
from __future__ import annotations

from functools import cache
from itertools import pairwise

from graph_builder.document import AttackKind, Document, Mention, Trace
from graph_builder.extract.events import WEAPON_KINDS
from graph_builder.extract.roles import Trigger
from graph_builder.extract.specific import SPECIFIC_MIN_WEIGHT
from graph_builder.extract.syntax import clause_between
from graph_builder.lang import AR

DRONE_STRIKE_RULE = "attacks/kind.drone-strike"  # the report is a strike carried by a drone: also an air strike
_CONSEQUENCE_KINDS = frozenset({AttackKind.ARMED_ASSAULT, AttackKind.ABDUCTION})


def attack_kind(doc: Document, triggers: list[Trigger], mentions: list[Mention], why: list[Trace]) -> AttackKind:
    """The attack type from the surest specific trigger that names a means, after the rules below."""
    triggers = _outside_names(doc, triggers, mentions, why)
    kinds = {t.kind for t in triggers}
    if AttackKind.DRONE in kinds and AttackKind.AIRSTRIKE in kinds:
        means = [t for t in triggers if t.kind is AttackKind.DRONE and not _drone_as_object(doc, t)]
        if means:
            # a strike carried by a drone ("ضربة/غارة بطائرة مسيرة", "بضربة نفذتها مسيرة"): a drone attack
            why.append(Trace(DRONE_STRIKE_RULE, _words(doc, means[0])))
            return AttackKind.DRONE
        why.append(Trace("attacks/kind.drone-not-the-means", _words(doc, _first(triggers, AttackKind.DRONE))))
        triggers = [t for t in triggers if t.kind is not AttackKind.DRONE]
    launcher = _launcher_near(doc, triggers)
    if launcher and all(_words(doc, t) in AR.words("bare_shells") or t.kind is AttackKind.ATTACK or
                        (t.kind in _CONSEQUENCE_KINDS and t.weight < SPECIFIC_MIN_WEIGHT) for t in triggers):
        # "أطلقت دبابة إسرائيلية قذيفة", "قصف الجيش التركي بمدافع الهاوتزر": the launcher names the means
        why.append(Trace("attacks/kind.launcher", launcher))
        return AttackKind.SHELLING
    aircraft = _aircraft_next_to(doc, triggers)
    if aircraft and all(t.kind is AttackKind.ATTACK or (t.kind is AttackKind.DRONE and _drone_as_object(doc, t))
                        for t in triggers):
        # "قصفت طائرات التحالف مواقع", "قصف الطيران الأمريكي مقرا": aircraft that bombed strike from the air,
        # also at drones they destroyed ("أن مقاتلاته دمرت مستودعاً للطائرات المسيرة")
        why.append(Trace("attacks/kind.aircraft", aircraft))
        return AttackKind.AIRSTRIKE
    agents = [t for t in triggers if _words(doc, t) in AR.words("agent_phrases")]
    if agents and any(t.kind not in (AttackKind.ATTACK, AttackKind.ARMED_ASSAULT) and t.weight >= SPECIFIC_MIN_WEIGHT
                      for t in triggers):
        # "اقتحم مسلحون مجهولون مقر ...": the gunmen say who, the storming says what was done
        why.append(Trace("attacks/kind.agent-not-the-means", _words(doc, agents[0])))
        triggers = [t for t in triggers if t not in agents]
    if kinds & WEAPON_KINDS:  # "إطلاق 31 قذيفة" with "إطلاق نار" or "مقتل": the weapon names the kind
        triggers = [t for t in triggers if t.kind not in _CONSEQUENCE_KINDS]
    specific = [t for t in triggers if t.kind is not AttackKind.ATTACK and t.weight >= SPECIFIC_MIN_WEIGHT]
    if not specific:
        specific = [t for t in triggers if t.kind is not AttackKind.ATTACK]
    if not specific:
        return AttackKind.ATTACK
    leading = _leading_means(doc, triggers)
    if leading is not None:
        why.append(Trace("attacks/kind.first-of-joined-means", _words(doc, leading)))
        return leading.kind
    return max(specific, key=lambda t: (t.weight, -t.start)).kind


def _leading_means(doc: Document, triggers: list[Trigger]) -> Trigger | None:
    """Two means of different kinds joined by "و" ("بالصواريخ والطائرات المسيرة", "بطائرات مسيرة وصواريخ"): the
    one named first leads, whichever word is the surer trigger."""
    ordered = sorted((t for t in triggers if t.kind in WEAPON_KINDS), key=lambda t: t.start)
    for first, second in pairwise(ordered):
        if first.kind is not second.kind and \
                doc.norm[first.end:second.start].strip() in AR.words("coordinator"):
            return first
    return None


def _outside_names(doc: Document, triggers: list[Trigger], mentions: list[Mention],
                   why: list[Trace]) -> list[Trigger]:
    """Triggers that are not part of the name of a channel, place or site ("قناة المسيرة" is a channel, not a
    drone); an armed body's name keeps its means ("سلاح الجو الإسرائيلي" strikes from the air)."""
    kept = []
    for t in triggers:
        name = next((m for m in mentions if m.norm_start <= t.start and t.end <= m.norm_end
                     and not m.entity.kind.is_actor), None)
        if name is not None and t.kind is not AttackKind.ATTACK:
            why.append(Trace("attacks/kind.word-inside-name", doc.norm[name.norm_start:name.norm_end]))
        else:
            kept.append(t)
    return kept or triggers


def _drone_as_object(doc: Document, t: Trigger) -> bool:
    """The drone word is the object of a storing, making or launching noun ("مخزن للطائرات المسيرة")."""
    word_start = doc.norm.rfind(" ", 0, t.start) + 1  # a clitic may be fused before the trigger ("للطائرات")
    before = doc.norm[max(0, word_start - 20):word_start].split()
    lead = before[-1] if before else ""
    return _bare(lead, AR.words("drone_object_lead")) is not None


_LAUNCHER_REACH = 40  # characters between an attack word and a gun or tank named with it


def _launcher_near(doc: Document, triggers: list[Trigger]) -> str | None:
    """A gun, howitzer or tank word near an attack word of the report, in the same clause."""
    sent = doc.sentence_at(triggers[0].start)
    launchers = AR.words("shelling_launchers")
    text = doc.norm[doc.sentences[sent].norm_start:doc.sentences[sent].norm_end]
    if not any(w in text for w in launchers):
        return None  # most sentences name no gun: skip the per-word look
    for tok in doc.tokens_in(sent):
        word = doc.norm[tok.norm_start:tok.norm_end]
        if _bare(word, launchers) is None:
            continue
        for t in triggers:
            lo, hi = (t.end, tok.norm_start) if t.end <= tok.norm_start else (tok.norm_end, t.start)
            if 0 <= hi - lo <= _LAUNCHER_REACH and not clause_between(doc, lo, hi):
                return word
    return None


def _aircraft_next_to(doc: Document, triggers: list[Trigger]) -> str | None:
    """An aircraft word right after or right before a generic attack word, one space apart: its subject
    ("قصفت طائرات", "الطيران الأمريكي يقصف")."""
    aircraft = AR.words("strike_aircraft")
    sent = doc.sentences[doc.sentence_at(triggers[0].start)]
    if not any(w in doc.norm[sent.norm_start:sent.norm_end] for w in aircraft):
        return None  # most sentences name no aircraft: skip the per-word look
    for t in triggers:
        after = doc.norm[t.end:t.end + 20]
        before = doc.norm[max(0, t.start - 20):t.start]
        beside = [*(after.split()[:1] if after[:1] == " " else []),
                  *(before.split()[-1:] if before[-1:] == " " else [])]
        word = next((w for w in beside if _bare(w, aircraft) is not None), None)
        if word is not None:
            return word
    return None


def _bare(word: str, words: frozenset[str]) -> str | None:
    """The word, or the word without a proclitic, when it is in `words`."""
    if word in words:
        return word
    return next((word[len(p):] for p in _prefixes() if word.startswith(p) and word[len(p):] in words), None)


@cache
def _prefixes() -> tuple[str, ...]:
    """The proclitics, longest first (sorted once: `_bare` runs for every word of a report's sentence)."""
    return tuple(sorted(AR.words("kind_word_prefixes"), key=len, reverse=True))


def _first(triggers: list[Trigger], kind: AttackKind) -> Trigger:
    return min((t for t in triggers if t.kind is kind), key=lambda t: t.start)


def _words(doc: Document, t: Trigger) -> str:
    return doc.norm[t.start:t.end]
