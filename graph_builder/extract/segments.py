"""Event segments: one sentence cut where it starts telling of another event.

A sentence often reports today's attack and, in a dependent clause, another one: a later event ("، فيما انفجرت
عبوة"), or an earlier one it recalls ("بعد أسبوع من هجوم مماثل على مطار أربيل", "، وكانت القاعدة نفسها قد
تعرضت لهجوم", "في هجوم يذكّر بتفجير الكرادة"). Each segment is read as its own report by extract/attacks.py, so
the recalled attack gets its own kind, target, place and casualties and never lends them to today's. A recalled
segment is marked: its attack is a separate event from the sentence's other segments (extract/events.py keeps
them apart) and its definite noun may stand for a site named before ("هجوم طال الحقل", "المعسكر ذاته").
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from itertools import pairwise

from graph_builder.document import AttackKind, Document, EntityKind, Mention, Sentence, Trace
from graph_builder.extract.dates import time_anchor
from graph_builder.extract.roles import Trigger, triggers_in
from graph_builder.extract.specific import SPECIFIC_MIN_WEIGHT
from graph_builder.extract.status import prevented_at
from graph_builder.gazetteer import Hit
from graph_builder.lang import AR

VAGUE_WEIGHT = 0.45
RECALLED_RULE = "attacks/recalled"
_CONSEQUENCE_KINDS = frozenset({AttackKind.ARMED_ASSAULT, AttackKind.ABDUCTION})


@dataclass(frozen=True)
class _Marker:
    """A kind of segment boundary: its pattern, how many words may stand before the other event's attack word,
    and whether the clause it opens recalls an earlier attack."""

    pattern: str
    reach: int
    recall: bool = False
    dated: bool = False  # the clause must date its attack in the past ("رداً على هجوم ... الخميس الماضي")
    indefinite: bool = False  # a definite attack word there is the story's own ("انتقاماً للهجوم"): no cut
    may_lead: bool = True  # may open the sentence and run to its comma


#: in order of precedence at one place: a recall before a plain "بعد"
_MARKERS = (
    # "بعد يومين من مقتل مقاول مدني أمريكي في هجوم": the span's event may come late
    _Marker("elapsed_boundary", 8, recall=True),
    # "وكانت القاعدة نفسها قد تعرضت لهجوم": the pluperfect names its subject first
    _Marker("recall_boundary", 7, recall=True),
    _Marker("preceded_boundary", 7, recall=True),  # "، وسبقه بساعات انفجار عبوة"
    # "يعيد إلى الأذهان اقتحام السفارة", "مشابه للتفجير الذي": the recalled act follows at once
    _Marker("reminder_boundary", 3, recall=True),
    # "رداً على مقتل جنود بهجوم ... أواخر الشهر الماضي"; undated, it frames the story's own attack
    _Marker("response_boundary", 5, recall=True, dated=True, indefinite=True, may_lead=False),
    # "انتقاماً لمقتل أربعة من عناصرها بغارة": revenge is for an earlier act
    _Marker("revenge_boundary", 6, recall=True, indefinite=True, may_lead=False),
    # "، وفي هجوم آخر أصيب شرطيان": another attack, told apart (its clause is read like a recalled one)
    _Marker("another_attack", 1, recall=True, may_lead=False),
    _Marker("event_boundary", 4),  # "بعد", "فيما", "كما أعلن": another event, not said to be earlier
)
_LEAD_WORDS = 2  # "في هجوم يذكّر بـ", "في حادث يعيد إلى الأذهان": a frame before a recall that opens the sentence
_COMMA = re.compile(r"[،,]")


@dataclass(frozen=True)
class Segment:
    """A stretch of one sentence that tells of one event; `recalled` when a recall marker opened it: an earlier
    attack ("بعد أسبوع من هجوم مماثل"), or another one told apart ("، وفي هجوم آخر")."""

    span: Sentence
    recalled: bool = False


def event_segments(doc: Document, sent: Sentence, hits: list[Hit]) -> list[Segment]:
    """The sentence, cut before "بعد/عقب/قبل/منذ/على غرار" when a trigger follows within a few words and another
    precedes: "تعرضت القاعدة لقصف ... بعد أيام على استهداف السفارة" tells of two attacks; "وكان أحدثها
    هجوم ..." names one attack of a series; "، وكانت القاعدة نفسها قد تعرضت لهجوم ..." recalls an earlier one.
    A recall that opens the sentence ("بعد شهرين من هجوم ...، استهدفت مسيرة") runs to its comma; the clause
    after it, today's event, is read first."""
    triggers = [t for t in triggers_in(hits, sent.norm_start, sent.norm_end) if t.weight >= VAGUE_WEIGHT]
    if len(triggers) < 2:
        return [Segment(sent)]  # a cut needs an attack word on each side
    rank = {marker.pattern: n for n, marker in enumerate(_MARKERS)}
    boundaries = sorted(((b, marker) for marker in _MARKERS
                         for b in AR.pattern(marker.pattern).finditer(doc.norm, sent.norm_start, sent.norm_end)),
                        key=lambda x: (x[0].start(), rank[x[1].pattern]))
    cuts: list[tuple[int, bool]] = []
    for b, marker in boundaries:
        if cuts and b.start() <= cuts[-1][0]:
            continue  # "بعد يومين من" matched as an elapsed span and as a plain "بعد": one cut
        after = [t for t in triggers if t.start >= b.end()]
        first = min(after, key=lambda t: t.start) if after else None
        if first is None or len(doc.norm[b.end():first.start].split()) > marker.reach:
            continue
        if doc.norm[first.end:first.end + 1].isalpha() and not _object_follows(doc, first):
            continue  # "بعد محاولة اقتحامها": a pronoun refers back to the sentence's own target
        if prevented_at(doc, sent.norm_start, b.start()):
            continue  # "اعتقلت انتحارياً قبل تفجير نفسه": what the arrest prevented, not another event
        if (marker.indefinite and definite(doc, first)) or \
                (marker.dated and not _in_the_past(doc, b.end(), sent.norm_end)):
            continue  # "رداً على الهجوم", "ردا على هجوم استهدف عسكريين": the story's own attack, answered
        recall = marker.recall and not (marker.pattern != "reminder_boundary" and definite(doc, first))
        # (a definite attack after "بعد ساعات من الغارة التي ..." is the story's own attack, told again)
        if recall and marker.may_lead and not cuts and \
                len(doc.norm[sent.norm_start:b.start()].split()) <= _LEAD_WORDS:
            leading = _leading(doc, sent, b.start(), first, triggers)
            if leading is not None:
                return leading
        if any((cuts[-1][0] if cuts else sent.norm_start) <= t.start < b.start() and not _consequence(t)
               for t in triggers):
            cuts.append((b.start(), recall))
    bounds = [sent.norm_start, *(at for at, _ in cuts), sent.norm_end]
    marks = [False, *(recall for _, recall in cuts)]
    return [Segment(replace(sent, norm_start=a, norm_end=b), mark)
            for (a, b), mark in zip(pairwise(bounds), marks, strict=True)]


def _leading(doc: Document, sent: Sentence, start: int, first: Trigger,
             triggers: list[Trigger]) -> list[Segment] | None:
    """A recall that opens the sentence, after at most a frame ("في هجوم يذكّر بـ ..."): the recalled clause ends
    at the comma after its attack word, and today's event is the clause after it (read first, so it continues
    the story); None when no attack word follows that comma."""
    comma = _COMMA.search(doc.norm, first.end, sent.norm_end)
    if comma is None or not any(t.start > comma.end() and not _consequence(t) for t in triggers):
        return None
    return [Segment(replace(sent, norm_start=comma.end(), norm_end=sent.norm_end)),
            Segment(replace(sent, norm_start=start, norm_end=comma.start()), recalled=True)]


def _in_the_past(doc: Document, start: int, end: int) -> bool:
    """The clause dates its attack in the past ("الخميس الماضي", "في كانون الثاني 2020")."""
    return AR.pattern("past_time").search(doc.norm, start, end) is not None or \
        time_anchor(doc.norm[start:end]) is not None


_OBJECT_REACH = 12  # characters from the end of a pronoun-suffixed attack word to the object it governs


def _object_follows(doc: Document, t: Trigger) -> bool:
    """The pronoun on the attack word is its agent, for an object follows ("بعد يومين من إغراقها السفينة «X»"):
    the clause tells of another act of the same party, not of the sentence's own target again."""
    end = t.end
    while end < len(doc.norm) and doc.norm[end].isalpha():
        end += 1
    return any(m.entity.kind.is_facility or m.entity.kind is EntityKind.PERSON
               for m in doc.mentions_starting(end, end + _OBJECT_REACH))


def definite(doc: Document, t: Trigger) -> bool:
    """The attack word carries the article ("من الغارة", "بالهجوم"): an event the story knows, not one recalled."""
    word = t.start
    while word > 0 and doc.norm[word - 1].isalpha():
        word -= 1
    return AR.pattern("definite_lead").match(doc.norm[word:t.end]) is not None


def _consequence(t: Trigger) -> bool:
    """A killing word with no means ("قتل جندي وأصيب اثنان إثر انفجار عبوة"): it tells what the attack after
    "إثر/بعد" did, not another attack."""
    return t.kind in _CONSEQUENCE_KINDS and t.weight < SPECIFIC_MIN_WEIGHT


def recalled_site(doc: Document, segment: Sentence, why: list[Trace]) -> Mention | None:
    """The site a recalled clause names again by its definite head noun ("بعد يومين من هجوم صاروخي طال الحقل",
    "وكان المطار قد تعرض لهجوم", "المعسكر ذاته"): the nearest earlier site mention whose first word is that noun.
    A recalled attack on the same site is another event, so it needs its target to stand apart."""
    sites: dict[str, Mention] = {}
    for m in doc.mentions:
        if m.norm_end > segment.norm_start:
            break
        head = doc.norm[m.norm_start:m.norm_end].split()[:1]
        if m.entity.kind.is_facility and not m.by_adjective and head and not AR.pattern("definite_lead").match(head[0]):
            sites[head[0]] = m  # the later mention wins: the nearest antecedent
    if not sites:
        return None
    for found in AR.pattern("recalled_definite").finditer(doc.norm, segment.norm_start, segment.norm_end):
        antecedent = sites.get(found.group("noun"))
        if antecedent is not None:
            why.append(Trace("attacks/target.recalled-site", doc.norm[found.start():found.end()]))
            return Mention(found.start("noun"), found.end(), antecedent.entity, antecedent.sentence, "recalled-site")
    return None


def recalled_place(doc: Document, segment: Sentence, why: list[Trace]) -> Mention | None:
    """The place a recalled clause names as the same ("في المنطقة نفسها", "في المدينة ذاتها"): the nearest place
    the sentence named before the clause."""
    return _recalled_antecedent(doc, segment, why, "same_place", EntityKind.PLACE,
                                "attacks/location.recalled-same-place", "recalled-place")


def recalled_victim(doc: Document, segment: Sentence, why: list[Trace]) -> Mention | None:
    """The person a recalled clause names by a pronoun ("بعد شهرين من نجاته من محاولة اغتيال"): the nearest
    person the sentence named before the clause."""
    return _recalled_antecedent(doc, segment, why, "recalled_pronoun", EntityKind.PERSON,
                                "attacks/target.recalled-victim", "recalled-victim")


def _recalled_antecedent(doc: Document, segment: Sentence, why: list[Trace], pattern: str, kind: EntityKind,
                         rule: str, via: str) -> Mention | None:
    """A mention, at the words of `pattern` in the recalled clause, of the nearest `kind` of party the sentence
    named before the clause."""
    found = AR.pattern(pattern).search(doc.norm, segment.norm_start, segment.norm_end)
    if found is None:
        return None
    before = [m for m in doc.mentions_in(segment.index) if m.norm_end <= segment.norm_start
              and m.entity.kind is kind and not m.by_adjective]
    if not before:
        return None
    why.append(Trace(rule, doc.norm[found.start():found.end()]))
    return Mention(found.start(), found.end(), before[-1].entity, segment.index, via)
