"""Attacks: trigger words per sentence, typed, with target, perpetrator, count, status and date.

One attack told three times in an article must be one node, so sentence-level candidates are merged into the
document's attacks when they share a target (or refer back with a bare "الهجوم") and nothing contradicts
(kind, status, an explicit different date).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from graph_builder import lexicon
from graph_builder.document import (
    Attack,
    AttackKind,
    Document,
    Entity,
    EntityKind,
    EventDate,
    Mention,
    Sentence,
    Status,
)
from graph_builder.extract.dates import find_dates, time_anchor
from graph_builder.gazetteer import Hit, longest_first
from graph_builder.resources import Resources

_SPECIFIC_MIN_WEIGHT = 0.75
_ATTACK_MIN_WEIGHT = 0.5  # below: plural or vague words that make an attack only when it is claimed or attributed
_VAGUE_WEIGHT = 0.45
_ATTACK_VERBS = frozenset({"قصفت", "قصف", "قصفوا", "هاجمت", "هاجم", "هاجموا", "استهدفت", "استهدف", "استهدفوا",
                           "اقتحمت", "اقتحم", "اقتحموا"})
_WARNED_OF = re.compile(r"(?:حذر|حذرت|يحذر|تحذر|تحذير|تحذيرات|محذرا|محذره)\s+(?:\S+\s+)?من\s+"
                        r"(?:\S+\s+){0,2}[بل]?(?:استهداف|هجوم|هجمات|شن)")
_OBJECT_LEAD = re.compile(r"(?:^|\s)(?:على|علي|ضد|استهدف\S*)\s+(?:\S+\s+){0,2}\S*$")
_CLAIMED = re.compile(r"تبن|مسؤوليت")
_CLAUSE_WORDS = frozenset({"ان", "انه", "الذي", "التي", "بعد", "قبل", "فيما", "بينما", "حيث"})
_PERP_VERBS = ("شن", "شنت", "شنه", "شنها", "شنوا", "نفذ", "نفذت", "نفذه", "نفذها", "نفذوا", "اطلق", "اطلقت",
               "اطلقوا", "تشن", "يشن", "تنفذ", "ينفذ", "قام", "قامت", "قاموا", "تقوم", "يقوم",
               "تقدم", "يقدم", "اقدم", "اقدمت", "اقدموا")


@dataclass
class _Trigger:
    start: int
    end: int
    kind: AttackKind
    weight: float


def _triggers(hits: list[Hit], start: int, end: int) -> list[_Trigger]:
    out = []
    for h in hits:
        if start <= h.start < end:
            kind, weight = h.pattern.key.split("|")
            out.append(_Trigger(h.start, h.end, AttackKind(kind), float(weight)))
    return out


def _kind(triggers: list[_Trigger]) -> AttackKind:
    """The attack type from the surest specific trigger.

    A strike carried by a drone ("ضربة بطائرة مسيرة") is an air strike; a drone attack is "هجوم بطائرة مسيرة".
    """
    kinds = {t.kind for t in triggers}
    if AttackKind.DRONE in kinds and AttackKind.AIRSTRIKE in kinds:
        return AttackKind.AIRSTRIKE
    specific = [t for t in triggers if t.kind is not AttackKind.ATTACK and t.weight >= _SPECIFIC_MIN_WEIGHT]
    if not specific:
        specific = [t for t in triggers if t.kind is not AttackKind.ATTACK]
    if not specific:
        return AttackKind.ATTACK
    return max(specific, key=lambda t: (t.weight, -t.start)).kind


def _is_party(m: Mention) -> bool:
    return not m.by_adjective and m.entity.kind is not EntityKind.MEDIA


_DIRECT = re.compile(
    r"^\s*(?:على|علي|ضد|باتجاه|نحو|استهدف\S*|يستهدف|تستهدف"
    r"|مقتل|اغتيال|ادى الى مقتل|قتلت|قتل|اغتالت|اغتال)?\s*(?:ل)?\s*$"
)
_FILLER = re.compile(r"^\s*(?:على|علي|ضد|باتجاه|نحو)?\s*(?:\S+\s+){0,4}?(?:ل|لـ|تابع\S*\s+ل?)?\s*$")
_BASE_NOUN = re.compile(r"(?:^|\s)(?:قاعده|معسكر|مقر|مقرات|منشاه|منشات|مطار)(?:\s|$)")
_HOUSING = re.compile(r"(?:^|\s)(?:تضم|يضم|تحوي|يحوي|تستضيف|يستضيف|تتمركز|يتمركز|تتواجد|يتواجد|توجد|يوجد)(?:\s|$)")
_AGAINST = re.compile(r"(?:^|\s)(?:على|علي|ضد)\s+(?:\S+\s+){0,2}(?:في\s+|ل)?$")
_KILLED = re.compile(r"(?:قتلت|قتل|اغتالت|اغتال|مقتل|اغتيال)\s+$")
#: target of a report whose target is a facility the text does not name ("قاعدة عسكرية")
UNNAMED = Mention(0, 0, Entity("unnamed-facility", EntityKind.FACILITY, "منشأة غير مسماة"), -1)
_EXPOSED = re.compile(r"(?<![\u0621-\u064a])[وف]?[تي]?تعرض[\u0621-\u064a]*")
_NEAR = re.compile(r"(?:قرب|بالقرب من|محيط|تقع في|يقع في)\s*$")
_LOCATIVE = re.compile(r"(?:قرب|بالقرب من|محيط|في|داخل|من|الى|الي)\s*$")


def _target(doc: Document, sent: Sentence, mentions: list[Mention], triggers: list[_Trigger],
            perpetrator: Mention | None) -> tuple[Mention | None, Mention | None]:
    """(target, location) of the attack the sentence reports.

    The target is what follows a trigger ("استهدف أربيل", "هجوم على قاعدة عين الأسد", "رتل للتحالف"), or the
    subject of "تعرضت X لهجوم", or else a base or embassy the sentence names outside a locative phrase.
    """
    parties = [m for m in mentions
               if _is_party(m) and (perpetrator is None or m.entity.key != perpetrator.entity.key)]
    # places named after "في"/"قرب" locate the attack; a group "في فصائل ..." is still a party
    placeish = {EntityKind.PLACE, EntityKind.STATE}
    located = [m for m in parties if (m.entity.kind.is_facility or m.entity.kind in placeish)
               and (_NEAR if m.entity.kind.is_facility else _LOCATIVE)
               .search(doc.norm[max(0, m.norm_start - 12):m.norm_start])]
    location = next((m for m in located if m.entity.kind in {EntityKind.PLACE, EntityKind.FACILITY}), None)
    for t in sorted(triggers, key=lambda t: t.start):
        for m in parties:
            if m.norm_start < t.end:
                continue
            gap = doc.norm[t.end:m.norm_start].replace('"', "").replace("'", "")
            if len(gap) > 60 or "،" in gap or "," in gap:
                break
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
        if victim.entity.kind in {EntityKind.PERSON, EntityKind.ARMED_GROUP} and \
                _KILLED.search(doc.norm[max(sent.norm_start, victim.norm_start - 14):victim.norm_start]):
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
    return None, location


def _words(text: str) -> list[str]:
    return text.replace('"', " ").replace("'", " ").split()


def _perpetrator(doc: Document, mentions: list[Mention], triggers: list[_Trigger]) -> Mention | None:
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
            if 0 <= len(gap_after) <= 2 and _words(doc.norm[m.norm_end:m.norm_end + 8])[:1] in (["علي"], ["ضد"]):
                return m
            gap_before = _words(doc.norm[m.norm_end:t.start]) if 0 < t.start - m.norm_end < 45 else []
            if gap_before and gap_before[0] in _PERP_VERBS:
                return m
            preceding = _words(doc.norm[max(0, m.norm_start - 12):m.norm_start])
            if preceding and preceding[-1] in _PERP_VERBS and 0 < t.start - m.norm_end < 30:
                return m
            if re.fullmatch(r"\s*(?:من قبل|بواسطه)\s*", gap_after):
                return m
    return None


def _count(doc: Document, start: int, end: int) -> int | None:
    words, projectiles = lexicon.number_words(), lexicon.projectiles()
    tokens = doc.tokens_in(doc.sentence_at(start))
    for i, tok in enumerate(tokens):
        number = projectiles.get(tok.stem) or projectiles.get(tok.surface)
        if number is None:
            continue
        if number == "du":
            return 2
        prev = tokens[i - 1] if i else None
        if prev is None:
            return 1 if number == "sg" else None
        if prev.surface.isdigit() and 0 < int(prev.surface) < 1000:
            return int(prev.surface)
        if re.fullmatch(r"ب?\d+", doc.norm[prev.norm_start:tok.norm_start].replace(" ", "")):
            return int(re.sub(r"\D", "", doc.norm[prev.norm_start:tok.norm_start]))
        value = words.get(prev.stem) or words.get(prev.surface)
        if value:
            return value
        if number == "sg":
            return 1
    return None


def _status(doc: Document, res: Resources, start: int, end: int) -> Status:
    words = set(doc.norm[start:end].split())
    stems = {t.stem for t in doc.tokens_in(doc.sentence_at(start))} | words
    text = doc.norm[start:end]
    if stems & res.cues["status_foiled"] or any(" " in c and c in text for c in res.cues["status_foiled"]):
        return Status.FOILED
    if stems & res.cues["status_planned"] or any(" " in c and c in text for c in res.cues["status_planned"]):
        return Status.PLANNED
    return Status.CARRIED_OUT


def _compatible(a: Attack, kind: AttackKind, status: Status) -> bool:
    kinds_ok = a.kind is kind or AttackKind.ATTACK in {a.kind, kind}
    return kinds_ok and (a.status is status or {a.status, status} == {Status.PLANNED, Status.FOILED})


def extract_attacks(doc: Document, res: Resources) -> None:
    """Add the document's attacks (merged across sentences) to `doc.attacks`."""
    hits = longest_first(res.attack_words.find(doc.norm))
    last: Attack | None = None
    for sent in doc.sentences:
        triggers = _triggers(hits, sent.norm_start, sent.norm_end)
        if not triggers or max(t.weight for t in triggers) < _VAGUE_WEIGHT:
            continue
        mentions = doc.mentions_in(sent.index)
        sent_text = doc.norm[sent.norm_start:sent.norm_end]
        perp = _perpetrator(doc, mentions, triggers)
        target, location = _target(doc, sent, mentions, triggers, perp)
        unnamed = target is UNNAMED
        target = None if unnamed else target
        targets = _coordinated(doc, mentions, target)
        kind = _kind(_own_triggers(doc, mentions, triggers, targets))
        if perp is not None and target is not None and perp.norm_start > target.norm_end + 40:
            perp = None  # a second event later in the sentence ("... بعد تعرضها لهجوم، شن الجيش ضربة")
        if max(t.weight for t in triggers) < _ATTACK_MIN_WEIGHT and perp is None and not _CLAIMED.search(sent_text):
            continue  # "الهجمات على القوات الأميركية" in general is not a specific attack
        words = set(sent_text.split())
        if words & res.cues["hypothetical"] or _WARNED_OF.search(sent_text) or all(_generic(doc, t) for t in triggers):
            continue  # "في أي هجوم", "في هجمات مستقبلية": no particular attack
        if words & res.cues["ongoing"] and time_anchor(sent_text) is None and \
                not any(t.weight >= _ATTACK_MIN_WEIGHT and t.kind is AttackKind.ATTACK for t in triggers):
            continue  # "تتعرض القواعد لهجمات بطائرات مسيرة منذ أسابيع": a series, not one attack
        status = _status(doc, res, sent.norm_start, sent.norm_end)
        dates = find_dates(doc, sent.norm_start, sent.norm_end)
        report = Attack(kind=kind, sentence=sent.index, evidence=[doc.sentence_evidence(sent.index)],
                        perpetrator=perp.entity if perp else None, location=location.entity if location else None,
                        anchor=time_anchor(sent_text), count=_count(doc, sent.norm_start, sent.norm_end),
                        status=status, date=dates[0] if dates else None, sentences=[sent.index],
                        confidence=round(0.4 + 0.4 * max(t.weight for t in triggers), 2))
        if unnamed or (last is not None and report.perpetrator is not None
                       and last.perpetrator not in (None, report.perpetrator)):
            last = None  # an unnamed base or another perpetrator: not a continuation of the last attack
        for one in targets:
            last = _record(doc, report, one.entity if one else None, last)
    # attacks that never got a target, perpetrator or date are too vague to report (they served as anchors)
    doc.attacks = [a for a in doc.attacks if a.target or a.perpetrator or a.date]
    _fold_untargeted(doc)


def _fold_untargeted(doc: Document) -> None:
    """An attack with no target folds into the targeted attack it is compatible with ("الغارات الأميركية
    على مواقعه" in a headline, "الغارات التي استهدفت كتائب حزب الله" in the body); among several, into the
    most reported one, which is what a headline announces."""
    for loose in [a for a in doc.attacks if a.target is None]:
        fits = [a for a in doc.attacks if a.target is not None and a.status is loose.status
                and (a.kind is loose.kind or loose.kind is AttackKind.ATTACK)
                and _agree(a.perpetrator, loose.perpetrator) and (loose.date is None or loose.date == a.date)]
        fits.sort(key=lambda a: len(a.sentences), reverse=True)
        if len(fits) == 1 or (fits and len(fits[0].sentences) > len(fits[1].sentences)):
            home = fits[0]  # the one candidate, or the story's most reported attack
            home.perpetrator = home.perpetrator or loose.perpetrator
            home.count = home.count or loose.count
            for index, ev in zip(loose.sentences, loose.evidence, strict=False):
                if index not in home.sentences:
                    home.sentences.append(index)
                    home.evidence.append(ev)
            doc.attacks.remove(loose)


def _generic(doc: Document, t: _Trigger) -> bool:
    """"أي هجوم" (any attack) speaks of no particular one."""
    return doc.norm[max(0, t.start - 4):t.start].split()[-1:] == ["اي"]


def _agree(a: Entity | None, b: Entity | None) -> bool:
    """Two reports agree on a party when either leaves it open or both name the same one."""
    return a is None or b is None or a.key == b.key


def _own_triggers(doc: Document, mentions: list[Mention], triggers: list[_Trigger],
                  targets: list[Mention | None]) -> list[_Trigger]:
    """Triggers of the sentence's attack: drop a specific one that has its own, different object
    ("حاصروا السفارة ... تنديدا بالغارات التي استهدفت كتائب حزب الله": the strikes are another event)."""
    target = targets[0]
    if target is None:
        return triggers
    ours = {m.entity.key for m in targets if m is not None}
    kept = []
    for t in triggers:
        foreign = any(
            m.norm_start >= t.end and m.norm_start - t.end <= 70 and _is_party(m)
            and m.entity.key not in ours and _OBJECT_LEAD.search(doc.norm[t.end:m.norm_start])
            for m in mentions)
        if not (foreign and t.kind is not AttackKind.ATTACK and abs(t.start - target.norm_start) > 30):
            kept.append(t)
    return kept or triggers


def _coordinated(doc: Document, mentions: list[Mention], target: Mention | None) -> list[Mention | None]:
    """The target and the facilities listed with it ("استهداف قواعد التنف والركبان وقاعدة حرير"): one attack each."""
    placeish = {EntityKind.PLACE, EntityKind.FACILITY, EntityKind.BASE, EntityKind.EMBASSY}
    if target is None or target.entity.kind not in placeish:
        return [target]
    out, previous = [target], target
    for m in mentions:
        if m.norm_start <= previous.norm_end or m.entity.kind not in placeish or m.by_adjective:
            continue
        gap = _words(_unqualified(doc, mentions, previous.norm_end, m.norm_start))
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


def _record(doc: Document, report: Attack, target: Entity | None, last: Attack | None) -> Attack:
    """Merge one sentence's report into the attack it continues, or start a new attack; returns it."""
    existing = _merge_target(doc.attacks, last, target, report.kind, report.status, report.anchor, report.date)
    if existing is None:
        attack = Attack(**{**report.__dict__, "target": target, "evidence": list(report.evidence),
                           "sentences": list(report.sentences)})
        doc.attacks.append(attack)
        return attack
    if existing.kind is AttackKind.ATTACK:
        existing.kind = report.kind
    if existing.status is not report.status:
        existing.status = Status.FOILED  # a planned attack later reported foiled
    existing.target = _more_specific(existing.target, target)
    for name in ("perpetrator", "location", "count", "date", "anchor"):
        if getattr(existing, name) is None:
            setattr(existing, name, getattr(report, name))
    if report.sentence not in existing.sentences:
        existing.sentences.append(report.sentence)
        existing.evidence.extend(report.evidence)
    existing.confidence = min(0.95, existing.confidence + 0.1)
    return existing


def _merge_target(attacks: list[Attack], last: Attack | None, target: Entity | None, kind: AttackKind,
                  status: Status, anchor: str | None, date: EventDate | None) -> Attack | None:
    """The attack a new sentence continues, if any: same target, or a bare reference to the last one.

    A report with no time of its own belongs to the story's current attack (the one with no anchor either),
    not to an earlier attack the article recalled with a date or weekday in between.
    """
    ordered = list(reversed(attacks))
    if anchor is None and date is None:
        ordered.sort(key=lambda a: a.anchor is not None)  # stable: unanchored first, most recent first
    for a in ordered:
        same_target = target is not None and a.target is not None and _same_place(a.target, target)
        continues_last = a is last and (target is None or a.target is None)
        if not (same_target or continues_last) or not _compatible(a, kind, status):
            continue
        if date is not None and a.date is not None:
            if date.value != a.date.value:
                continue
        elif anchor is not None and anchor != a.anchor and not (a is last and target is None and a.anchor is None):
            continue  # an explicitly different time is a different attack
        return a
    return None


def _same_place(a: Entity, b: Entity) -> bool:
    """Equal, or one inside the other (Erbil airport and Erbil are one target for merging)."""
    return a.key == b.key or a.key in b.within or b.key in a.within


def _more_specific(a: Entity | None, b: Entity | None) -> Entity | None:
    if a is None or b is None:
        return a or b
    return b if a.key in b.within else a
