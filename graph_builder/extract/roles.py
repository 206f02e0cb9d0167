"""Who did what to whom in one sentence: attack triggers, the target, the perpetrator and listed targets.

The attack extractor (extract/attacks.py) merges these sentence-level roles into document attacks; the
allegation reader (extract/allegations.py) reads the same roles inside reported speech.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from graph_builder.document import AttackKind, Document, Entity, EntityKind, Mention, Sentence
from graph_builder.extract.speakers import after_preposition
from graph_builder.gazetteer import Hit

_ATTACK_VERBS = frozenset({"قصفت", "قصف", "قصفوا", "هاجمت", "هاجم", "هاجموا", "استهدفت", "استهدف", "استهدفوا",
                           "اقتحمت", "اقتحم", "اقتحموا"})

#: attack verbs whose subject is the attacker: right after them (VSO) or right before (SVO, headlines)
_AGENT_VERBS = frozenset({"قصفت", "قصفوا", "هاجمت", "هاجم", "هاجموا", "استهدفت", "استهدف", "استهدفا", "استهدفوا",
                          "اقتحمت", "اقتحم", "اقتحموا", "تستهدف", "يستهدف", "تقصف", "يقصف", "تهاجم", "يهاجم"})
_RELATIVE = re.compile(r"(?:التي|الذي|الذين|اللتين|اللذين)\s*$")  # "الغارات التي استهدفت X": X is the object
_CLAUSE_WORDS = frozenset({"ان", "انه", "الذي", "التي", "بعد", "قبل", "فيما", "بينما", "حيث"})
_PERP_VERBS = ("شن", "شنت", "شنه", "شنها", "شنوا", "نفذ", "نفذت", "نفذه", "نفذها", "نفذوا", "اطلق", "اطلقت",
               "اطلقوا", "تشن", "يشن", "تنفذ", "ينفذ", "قام", "قامت", "قاموا", "تقوم", "يقوم",
               "تقدم", "يقدم", "اقدم", "اقدمت", "اقدموا",
               "يخطط", "تخطط", "يخططون", "يخططان", "خطط", "خططت", "خططوا")  # planning is the agent's act too
_AIMED_WEIGHT = 0.75  # a projectile or a specific attack word, not a vague "حادث"
_GROUP_NOUNS = frozenset({"سريه", "كتايب", "حركه", "جماعه", "فصيل", "ميليشيا", "مليشيا", "تنظيم", "عصايب", "لواء"})

@dataclass
class Trigger:
    start: int
    end: int
    kind: AttackKind
    weight: float


def triggers_in(hits: list[Hit], start: int, end: int) -> list[Trigger]:
    """Triggers starting in [start, end); `hits` sorted by start (`longest_first`), so a bisection finds them."""
    out = []
    for i in range(bisect.bisect_left(hits, start, key=lambda h: h.start), len(hits)):
        h = hits[i]
        if h.start >= end:
            break
        if start <= h.start < end:
            kind, weight = h.pattern.key.split("|")
            out.append(Trigger(h.start, h.end, AttackKind(kind), float(weight)))
    return out



def is_party(m: Mention) -> bool:
    return not m.by_adjective and m.entity.kind is not EntityKind.MEDIA


_DIRECT = re.compile(
    r"^\s*(?:علي|ضد|باتجاه|نحو|استهدف\S*|يستهدف|تستهدف"
    r"|مقتل|اغتيال|ادي الي مقتل|قتلت|قتل|اغتالت|اغتال)?\s*(?:ل)?\s*$"
)
_FILLER = re.compile(r"^\s*(?:علي|ضد|باتجاه|نحو)?\s*(?:\S+\s+){0,4}?(?:ل|لـ|تابع\S*\s+ل?)?\s*$")
_BASE_NOUN = re.compile(r"(?:^|\s)(?:قاعده|معسكر|مقر|مقرات|منشاه|منشات|مطار)(?:\s|$)")
_HOUSING = re.compile(r"(?:^|\s)(?:تضم|يضم|تحوي|يحوي|تستضيف|يستضيف|تتمركز|يتمركز|تتواجد|يتواجد|توجد|يوجد)(?:\s|$)")
_AGAINST = re.compile(r"(?:^|\s)(?:علي|ضد)\s+(?:\S+\s+){0,2}(?:في\s+|ل)?$")
_KILLED = re.compile(r"(?:قتلت|قتل|اغتالت|اغتال|مقتل|اغتيال)\s+(?:كل من\s+)?"
                     r"(?:(?:\S+\s+){0,2}(?:ال)?(?:قيادي|قياديين|قايد|عنصر|عناصر|مسوول|مقاتل|مقاتلين|مقاتلي|اعضاء|عضو)"
                     r"(?:\s+\S+)?\s+(?:في|من|ب)\s+(?:\S+\s+)?)?$")  # "مقتل قيادي كبير في كتائب حزب الله"
#: target of a report whose target is a facility the text does not name ("قاعدة عسكرية")
UNNAMED = Mention(0, 0, Entity("unnamed-facility", EntityKind.FACILITY, "منشأة غير مسماة"), -1)
_EXPOSED = re.compile(r"(?<![\u0621-\u064a])[وف]?[تي]?تعرض[\u0621-\u064a]*")
_NEAR = re.compile(r"(?:قرب|بالقرب من|محيط|تقع في|يقع في)\s*$")
_LOCATIVE = re.compile(r"(?:قرب|بالقرب من|محيط|في|داخل|من|الي)\s*$")


def _killed(doc: Document, sent: Sentence, m: Mention) -> bool:
    """The person or group is named as killed ("أسفرت عن مقتل (قاسم سليماني)", "مقتل قيادي في X")."""
    before = re.sub(r"[()\"']", " ", doc.norm[max(sent.norm_start, m.norm_start - 40):m.norm_start])
    return m.entity.kind in {EntityKind.PERSON, EntityKind.ARMED_GROUP} and _KILLED.search(before) is not None


def target_of(doc: Document, sent: Sentence, mentions: list[Mention], triggers: list[Trigger],
            perpetrator: Mention | None) -> tuple[Mention | None, Mention | None]:
    """(target, location) of the attack the sentence reports.

    The target is what follows a trigger ("استهدف أربيل", "هجوم على قاعدة عين الأسد", "رتل للتحالف"), or the
    subject of "تعرضت X لهجوم", or else a base or embassy the sentence names outside a locative phrase.
    """
    parties = [m for m in mentions
               if is_party(m) and (perpetrator is None or m.entity.key != perpetrator.entity.key)]
    # places named after "في"/"قرب" locate the attack; a group "في فصائل ..." is still a party
    placeish = {EntityKind.PLACE, EntityKind.STATE}
    located = [m for m in parties if (m.entity.kind.is_facility or m.entity.kind in placeish)
               and (_NEAR if m.entity.kind.is_facility else _LOCATIVE)
               .search(doc.norm[max(0, m.norm_start - 12):m.norm_start])]
    location = next((m for m in located if m.entity.kind in {EntityKind.PLACE, EntityKind.FACILITY}), None)
    first = min(triggers, key=lambda t: t.start)
    victim = next((m for m in parties if m.norm_start > first.end and _killed(doc, sent, m)), None)
    if victim is not None and first.kind is AttackKind.AIRSTRIKE:
        return victim, location  # "ضربة أميركية ... ردا على هجوم ..، أسفرت عن مقتل مقاتلين في X": the strike's
    for t in sorted(triggers, key=lambda t: t.start):
        for m in parties:
            if m.norm_start < t.end:
                continue
            gap = doc.norm[t.end:m.norm_start].replace('"', "").replace("'", "")
            if len(gap) > 60 or "،" in gap or "," in gap:
                break
            if _killed(doc, sent, m):
                return m, location  # "ضربة ... أسفرت عن مقتل قيادي في كتائب حزب الله": the strike's own victim
            if gap.split()[:1] in (["من"], ["بواسطه"]):
                continue  # "محاولة اقتحامها من أنصار الحشد": the agent, not the target
            direct = _DIRECT.match(gap) is not None
            if len(gap) <= 2 and doc.norm[t.start:t.end] in _ATTACK_VERBS and \
                    m.entity.kind in {EntityKind.STATE, EntityKind.ARMED_GROUP}:
                continue  # VSO: in "قصفت واشنطن مواقع ..." Washington is the subject, not the target
            if m.entity.kind in {EntityKind.STATE, EntityKind.PLACE}:
                if direct and m not in located:
                    return m, location
                continue
            if not m.entity.kind.is_facility and _BASE_NOUN.search(gap) and _HOUSING.search(gap):
                return UNNAMED, location  # "هجوم على قاعدة تضم قوات أميركية": the base, not the forces
            if direct or (m not in located and (_FILLER.match(gap) or _AGAINST.search(gap))):
                return m, location
    for victim in parties:
        if _killed(doc, sent, victim):
            return victim, location  # "ضربة ... قتلت قاسم سليماني"
    for exposed in _EXPOSED.finditer(doc.norm, sent.norm_start, sent.norm_end):
        if not any(0 <= t.start - exposed.end() < 60 for t in triggers):
            continue  # "الهجمات التي تتعرض لها القوات" speaks of other attacks
        candidates = [m for m in parties if m not in located
                      and "،" not in doc.norm[min(m.norm_end, exposed.start()):max(m.norm_start, exposed.end())]]
        after = next((m for m in candidates if 0 <= m.norm_start - exposed.end() <= 25), None)
        between = doc.norm[exposed.end():after.norm_start] if after is not None else ""
        if after is not None and not after.entity.kind.is_facility and _BASE_NOUN.search(between) \
                and _HOUSING.search(between):
            return UNNAMED, location
        before = next((m for m in reversed(candidates) if 0 <= exposed.start() - m.norm_end <= 12), None)
        if after or before:
            return after or before, location
    facilities = [m for m in parties if m.entity.kind.is_facility and m not in located]
    if facilities:
        return facilities[0], location
    near = [m for m in located if m.entity.kind in {EntityKind.BASE, EntityKind.EMBASSY}]
    if near and any(t.weight >= _AIMED_WEIGHT for t in triggers):
        return near[0], None  # "سقوط صاروخين قرب السفارة": rockets that fall near an embassy were aimed at it
    return None, location


def words_of(text: str) -> list[str]:
    return text.replace('"', " ").replace("'", " ").split()


def perpetrator_in(doc: Document, mentions: list[Mention], triggers: list[Trigger]) -> Mention | None:
    """Who carried the attack out, where the sentence states it as fact.

    "هجوم كتائب حزب الله على ...", "X شنت هجوما", "شنت X ضربات", "... من قبل X", and for air strikes a
    nationality adjective ("غارة أميركية"). Attribution ("تتهم واشنطن X") is a statement, not a fact.
    """
    for m in mentions:
        if m.entity.kind not in {EntityKind.ARMED_GROUP, EntityKind.STATE, EntityKind.ORGANIZATION}:
            continue
        for t in triggers:
            if m.by_adjective:
                if 0 <= m.norm_start - t.end <= 2 and t.kind is AttackKind.AIRSTRIKE:
                    return m
                continue
            gap_after = doc.norm[t.end:m.norm_start]
            if 0 <= len(gap_after) <= 2 and words_of(doc.norm[m.norm_end:m.norm_end + 8])[:1] in (["علي"], ["ضد"]):
                return m
            if doc.norm[t.start:t.end] in _AGENT_VERBS and m.entity.kind is not EntityKind.ORGANIZATION and \
                    not after_preposition(doc, m) and \
                    ((0 <= m.norm_start - t.end <= 2 and not _RELATIVE.search(doc.norm[max(0, t.start - 8):t.start]))
                     or 0 <= t.start - m.norm_end <= 2):
                return m  # "استهدفت المقاومة الإسلامية قاعدة ...", "المقاومة الإسلامية تستهدف قاعدة ..."
            gap_before = words_of(doc.norm[m.norm_end:t.start]) if 0 < t.start - m.norm_end < 45 else []
            if gap_before[:1] == ["او"] and len(gap_before) > 2:
                gap_before = gap_before[2:]  # "إيران أو وكلاؤها يخططون لتنفيذ هجمات"
            if gap_before[:1] in (["انه"], ["انها"], ["بانه"], ["بانها"]):
                gap_before = gap_before[1:]  # "أعلن الجيش الأمريكي أنه نفذ غارة"
            if gap_before and gap_before[0] in _PERP_VERBS:
                return m
            preceding = words_of(doc.norm[max(0, m.norm_start - 18):m.norm_start])
            if preceding[-1:] and preceding[-1] in _GROUP_NOUNS:
                preceding = preceding[:-1]  # "قامت سرية "قاصم الجبارين" باستهداف"
            if preceding and preceding[-1].removeprefix("و") in _PERP_VERBS and 0 < t.start - m.norm_end < 30:
                return m
            if re.fullmatch(r"\s*(?:من قبل|بواسطه)\s*", gap_after):
                return m
    return None



def coordinated(doc: Document, mentions: list[Mention], target: Mention | None) -> list[Mention | None]:
    """The target and the facilities listed with it ("استهداف قواعد التنف والركبان وقاعدة حرير"): one attack each."""
    placeish = {EntityKind.PLACE, EntityKind.FACILITY, EntityKind.BASE, EntityKind.EMBASSY}
    if target is None or target.entity.kind not in placeish:
        return [target]
    out, previous = [target], target
    for m in mentions:
        if m.norm_start <= previous.norm_end or m.entity.kind not in placeish or m.by_adjective:
            continue
        gap = words_of(_unqualified(doc, mentions, previous.norm_end, m.norm_start))
        if not gap or gap[0][:1] != "و" or len(gap) > 4 or any(w in _CLAUSE_WORDS for w in gap):
            break
        out.append(m)
        previous = m
    return out


_LOCATIVE_WORD = re.compile(r"(?:^|\s)(?:في|داخل|قرب|شمال|جنوب|شرق|غرب|شمالي|جنوبي|شرقي|غربي)?\s*[بل]?$")


def _unqualified(doc: Document, mentions: list[Mention], start: int, end: int) -> str:
    """doc.norm[start:end] without the adjectives and locatives qualifying the last item of a list
    ("والتنف الأميركية بسوريا وقاعدة حرير"), so only the words joining the items remain."""
    chars = list(doc.norm[start:end])
    for m in mentions:
        if start <= m.norm_start and m.norm_end <= end and \
                (m.by_adjective or m.entity.kind in {EntityKind.PLACE, EntityKind.STATE}):
            lead = _LOCATIVE_WORD.search(doc.norm, start, m.norm_start)
            first = lead.start() if lead is not None and not m.by_adjective else m.norm_start
            chars[first - start:m.norm_end - start] = " " * (m.norm_end - first)
    return "".join(chars)


