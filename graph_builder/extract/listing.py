"""Listed attacks: one report that tells of several attacks becomes one attack per item it lists.

A communiqué often packs its attacks into one clause: "نفذت غارتين، الأولى على ... والثانية على ...", "أطلقوا
خمسة صواريخ على X وثلاث قذائف على Y", "أغارت على X في A، وعلى Y في B", "تفجيرين ضربا سوقاً في A ونقطة في B",
"هجومين على إيلات". Each listed attack is its own event (SCHEMA Version 2: a group claiming three attacks makes
three claims). The attack reader (extract/attacks.py) asks this module for the items of a report; each item is
marked `listed` so the clustering in extract/events.py never merges two items of one list back together.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from itertools import pairwise

from graph_builder import lexicon
from graph_builder.document import Attack, AttackKind, Document, EntityKind, Mention, Sentence, Trace
from graph_builder.extract.casualties import casualties
from graph_builder.extract.events import WEAPON_KINDS
from graph_builder.extract.kinds import attack_kind
from graph_builder.extract.roles import Trigger, locates
from graph_builder.extract.segments import definite
from graph_builder.extract.specific import SPECIFIC_MIN_WEIGHT
from graph_builder.extract.syntax import is_party
from graph_builder.lang import AR

_MAX_LISTED = 6  # "ثلاث هجمات" lists attacks; "170 هجوماً" is a tally, never a list
_SITE_GAP_WORDS = 6  # words between one located site and the next place: "ونقطة تفتيش تابعة للجيش في"
_NEXT_WORD = re.compile(r"\s*\S+")
_PLACEISH = frozenset({EntityKind.PLACE, EntityKind.FACILITY, EntityKind.BASE, EntityKind.EMBASSY})
_CONSEQUENCE_KINDS = frozenset({AttackKind.ARMED_ASSAULT, AttackKind.ABDUCTION})
_ORDINAL_LEAD = 10  # characters from an ordinal that opens the first item to the attack word after it ("، الأولى ")
_ACT_LEAD = 3  # characters between an item's start and the attack word that opens it: ", و"


@dataclass(frozen=True)
class Item:
    """One listed attack: its target, and where the item says so, its own place, kind and count."""

    target: Mention | None
    location: Mention | None = None
    kind: AttackKind | None = None
    count: int | None = None
    ordinal: int | None = None  # its rank in the list; None when the report lists one attack
    segment: bool = False  # read from its own stretch of the sentence: its place is its own, or none
    #: a listed target placed on its own ("قاعدة عين الأسد في الأنبار وقاعدة حرير في أربيل"): one that names no
    #: place takes its own site, never a place named for another
    placed_apart: bool = False
    casualties: tuple[int | None, int | None] | None = None  # (killed, injured) an act's own clause counts
    #: what opened the item's stretch ("ordinals", "acts" or ""); an item opened by an act of its own ("، وفجّروا
    #: عبوة") names its own weapon and count, or none
    opened_by: str = ""

    @property
    def act(self) -> bool:
        return self.opened_by == "acts"


def listed_count(doc: Document, sent: Sentence) -> int | None:
    """How many attacks a counted attack noun announces: a dual ("غارتين", "هجومين") or a small number before a
    plural ("ثلاث هجمات", "5 غارات")."""
    tokens = [t for t in doc.tokens_in(sent.index) if sent.norm_start <= t.norm_start < sent.norm_end]
    numbers = lexicon.number_words()
    duals, counted = AR.words("dual_attack_nouns"), AR.words("counted_attack_nouns")
    for i, tok in enumerate(tokens):
        prev = tokens[i - 1] if i else None
        if tok.stem in duals:
            return 2
        if prev is None or tok.stem not in counted:
            continue
        value = int(prev.stem) if prev.stem.isdigit() else numbers.get(prev.stem)
        if value is not None and 2 <= value <= _MAX_LISTED:
            return value
    return None


def listed_items(doc: Document, sent: Sentence, mentions: list[Mention], triggers: list[Trigger],
                 targets: list[Mention | None], perpetrator: Mention | None) -> list[Item]:
    """The attacks one report lists, in order: its parallel segments ("الأولى ... والثانية", "وعلى ...",
    "وثلاث قذائف على ...", "X في A وY في B", "، ويوم الجمعة ..."), else its coordinated targets, else the places a
    counted noun spreads over, else that many copies of the one target; a report that lists nothing is one
    item per target, as before."""
    count = listed_count(doc, sent)
    segments, opened_by = _segments(doc, sent, mentions, triggers)
    if len(segments) > 1:
        items = [_item(doc, mentions, triggers, perpetrator, start, end, n, opened_by)
                 for n, (start, end) in enumerate(segments)]
        named = [it.target is not None or it.location is not None for it in items]
        if all(named) or (opened_by == "ordinals" and any(named)):
            # numbered items ("الأولى ... والثانية ...") are attacks of their own even when one names no place the
            # gazetteer knows: it gets none rather than its neighbour's
            if opened_by == "acts":  # each act counts its own dead ("أصيب جنديان بانفجار ...، وقتل مدني بهجوم")
                bounds = [sent.norm_start, *(start for start, _ in segments[1:]), sent.norm_end]
                items = [replace(it, casualties=casualties(doc.norm[a:b]))
                         for it, (a, b) in zip(items, pairwise(bounds), strict=True)]
            return items
    if len(targets) > 1 or count is None:
        places = _own_places(doc, mentions, targets) if _separate(targets) else [None] * len(targets)
        apart = any(p is not None for p in places[:-1])
        return [Item(t, location=p, ordinal=n if _separate(targets) else None, placed_apart=apart)
                for n, (t, p) in enumerate(zip(targets, places, strict=True))]
    first = min(t.start for t in triggers)
    places = _distinct([m for m in mentions if m.norm_start > first and m.entity.kind is EntityKind.PLACE
                        and not m.by_adjective])
    if len(places) == count:  # "تفجيرين ضربا سوقاً في بغداد ونقطة تفتيش في سامراء"
        target = targets[0] if targets[0] is None or targets[0].entity.key not in {p.entity.key for p in places} \
            else None
        return [Item(target, location=p, ordinal=n) for n, p in enumerate(places)]
    place = places[0] if len(places) == 1 else None  # "هجومين على إيلات": two attacks there
    return [Item(targets[0], location=place, ordinal=n) for n in range(count)]


def itemised(report: Attack, item: Item, sent: Sentence, site: Mention | None, own_site: bool) -> Attack:
    """The report as one item of a list tells it: the item's own place, weapon and count where it names them;
    for a listed target whose place was looked up, its own site ("قاعدة عين الأسد وقاعدة حرير": Harir is not in
    Anbar)."""
    if item.ordinal is None:
        return report
    location = item.location.entity if item.location else None if item.segment else report.location
    if item.location is None and (own_site or item.placed_apart) and not item.segment:
        location = site.entity if site else None
    traces = [*report.traces, Trace(f"attacks/listed.item-{item.ordinal + 1}", item.opened_by, sent.index)]
    # an act of its own counts its own projectiles, never its neighbour's ("هاجموا نقطة، وفجروا عبوة")
    count = item.count if item.act else item.count or report.count
    killed, injured = item.casualties if item.casualties is not None else (report.killed, report.injured)
    return replace(report, location=location, kind=item.kind or report.kind, count=count, killed=killed,
                   injured=injured,
                   listed=(sent.norm_start, item.ordinal), traces=traces)


def _own_places(doc: Document, mentions: list[Mention], targets: list[Mention | None]) -> list[Mention | None]:
    """The place each listed target names for itself: inside its name ("قاعدة عين الأسد في الأنبار"), else in a
    locative phrase before the next target ("قاعدة فكتوريا في بغداد وقاعدة حرير في أربيل")."""
    out: list[Mention | None] = []
    for n, t in enumerate(targets):
        if t is None:
            out.append(None)
            continue
        limit = next((o.norm_start for o in targets[n + 1:] if o is not None), None)
        inside = next((m for m in mentions if m.entity.kind is EntityKind.PLACE and m.entity.key != t.entity.key
                       and t.norm_start <= m.norm_start and m.norm_end <= t.norm_end), None)
        after = next((m for m in mentions if m.entity.kind is EntityKind.PLACE and not m.by_adjective
                      and t.norm_end <= m.norm_start and (limit is None or m.norm_end <= limit)
                      and AR.pattern("locative_before").search(doc.norm[max(0, m.norm_start - 22):m.norm_start])),
                     None)
        out.append(inside or after)
    return out


def _separate(targets: list[Mention | None]) -> bool:
    """Several targets, none inside another: "ساحة الطيران وسط بغداد" names one target and where it is."""
    entities = [t.entity for t in targets if t is not None]
    return len(entities) > 1 and not any(a.key in b.within for a in entities for b in entities)


def _distinct(mentions: list[Mention]) -> list[Mention]:
    out: list[Mention] = []
    for m in mentions:
        if all(o.entity.key != m.entity.key for o in out):
            out.append(m)
    return out


def _segments(doc: Document, sent: Sentence, mentions: list[Mention],
              triggers: list[Trigger]) -> tuple[list[tuple[int, int]], str]:
    """Spans of the sentence's parallel list items, after its first attack word, and what opens them
    ("ordinals", "acts" or ""): each opens at an ordinal ("الأولى", "والثانية", "أحدهما ... والآخر"), a
    repeated "وعلى", a new count of projectiles aimed at another object, another act joined by "، و" ("هاجموا
    نقطة في A، وفجّروا عبوة في B"), another site noun or "وآخر/وأخرى" after a located first object ("مقراً في
    أربيل ومواقع في إدلب", "رتل في الديوانية وآخر في السماوة") or a new day ("، ويوم الجمعة")."""
    first = min(t.start for t in triggers)
    text, end = doc.norm, sent.norm_end
    # an ordinal may stand right before the first attack word when the counted noun is none ("نفذت عمليتين، الأولى
    # استهدفت ...، والثانية استهدفت ...")
    lead = max(sent.norm_start, first - _ORDINAL_LEAD)
    ordinals = [m.start() for m in AR.pattern("list_ordinal").finditer(text, lead, end)]
    if len(ordinals) > 1:
        return list(pairwise([*ordinals, end])), "ordinals"
    opens = [m.start() for m in AR.pattern("repeated_against").finditer(text, first, end)]
    if opens and AR.pattern("against_word").search(text, first, opens[0]):
        return list(pairwise([first, *opens, end])), ""
    weapons = sorted((t for t in triggers if t.kind in WEAPON_KINDS and t.start >= first), key=lambda t: t.start)
    starts = [at for at in (_opens_item(text, t.start) for t in weapons[1:] if _aimed(text, t)) if at is not None]
    if starts and _aimed(text, weapons[0]):
        return list(pairwise([first, *starts, end])), ""
    starts = _joined_acts(doc, triggers, first)
    if starts:
        return list(pairwise([first, *starts, end])), "acts"
    starts = sorted({*_located_sites(doc, mentions, triggers, first, end),
                     *_located_others(doc, mentions, first, end)}) or \
        [m.start() for m in AR.pattern("gapped_time").finditer(text, first, end)]
    return (list(pairwise([first, *starts, end])) if starts else []), ""


def _consequence(t: Trigger) -> bool:
    return t.kind in _CONSEQUENCE_KINDS and t.weight < SPECIFIC_MIN_WEIGHT


def _means_follows(doc: Document, triggers: list[Trigger], t: Trigger) -> bool:
    """A killing word whose clause names an attack of its own, indefinite ("، وقتل مدني بهجوم مسلح في X"), not
    the one told before ("، وقتل جنديان في الهجوم")."""
    stop = AR.pattern("clause_comma").search(doc.norm, t.end)
    end = stop.start() if stop is not None else len(doc.norm)
    return any(t.end <= o.start < end and not _consequence(o) and not definite(doc, o) for o in triggers)


def _located_others(doc: Document, mentions: list[Mention], first: int, end: int) -> list[int]:
    """"وآخر/وأخرى في" after a first object placed somewhere ("رتل للتحالف في الديوانية وآخر في السماوة", "قرى في
    ناحية سيدكان وأخرى في ناحية برادوست"): the same kind of object hit in another place, another attack."""
    out = []
    for other in AR.pattern("other_located").finditer(doc.norm, first, end):
        if any(first < m.norm_end <= other.start() and m.entity.kind is EntityKind.PLACE for m in mentions):
            out.append(other.start())
    return out


def _joined_acts(doc: Document, triggers: list[Trigger], first: int) -> list[int]:
    """Another attack act joined by "، و" ("هاجموا نقطة في A، وفجّروا عبوة في B", "استهداف X بالصواريخ، وقصف Y
    بطائرة"): its own object, place and weapon. A definite attack noun there ("، والهجوم") tells the same one
    again, and a killing word with no means ("، وقتل جنديان") what the act did."""
    out = []
    for t in triggers:
        if t.start <= first or (_consequence(t) and not _means_follows(doc, triggers, t)):
            continue
        joint = AR.pattern("act_joint").search(doc.norm, max(first, t.start - 4), t.start)
        if joint is not None and joint.end() == t.start and (not out or out[-1] < joint.start()):
            out.append(joint.start())
    return sorted({*out, *_other_acts(doc, triggers, first)})


def _other_acts(doc: Document, triggers: list[Trigger], first: int) -> list[int]:
    """Where "، كما" or "، وفي عملية أخرى" opens the next act of a communiqué, its clause naming an attack word
    of its own ("استهدفنا X بطائرة مسيرة، كما استهدفنا Y بصاروخين", "قصفوا X، وفي عملية أخرى استهدفوا Y"); a
    definite attack noun there ("، كما أدى القصف") tells the same one again."""
    out = []
    for joint in AR.pattern("another_act_joint").finditer(doc.norm, first):
        stop = AR.pattern("clause_comma").search(doc.norm, joint.end())
        end = stop.start() if stop is not None else len(doc.norm)
        if any(joint.end() <= t.start < end and not _consequence(t) and not definite(doc, t) for t in triggers):
            out.append(joint.start())
    return out


def _another_act(doc: Document, start: int, at: int) -> bool:
    """The item opened at `start` by "، كما" or "، وفي عملية أخرى" has its act word at `at`."""
    joint = AR.pattern("another_act_joint").match(doc.norm, start)
    return joint is not None and joint.end() == at


def _aimed(text: str, t: Trigger) -> bool:
    """The projectile phrase is aimed: "على/ضد" follows it, or its one adjective ("صواريخ كاتيوشا على")."""
    return AR.pattern("against_word").match(text, t.end) is not None or \
        AR.pattern("against_word").match(text, _after_adjective(text, t.end)) is not None


def _located_sites(doc: Document, mentions: list[Mention], triggers: list[Trigger], first: int,
                   end: int) -> list[int]:
    """Where "و" + a site noun follows one located object and precedes another ("مقراً في أربيل ومواقع في
    إدلب", "سوقاً في بغداد ونقطة تفتيش في سامراء"): each site with its own place is its own attack."""
    places = [m for m in mentions if first < m.norm_start < end and m.entity.kind is EntityKind.PLACE
              and not m.by_adjective
              and locates(doc, m)]
    starts = []
    for a, b in pairwise(places):
        joint = AR.pattern("site_joint").search(doc.norm, a.norm_end, b.norm_start)
        if joint is not None and not any(a.norm_end <= t.start < b.norm_start for t in triggers) and \
                len(doc.norm[a.norm_end:b.norm_start].split()) <= _SITE_GAP_WORDS:
            starts.append(joint.start(1))
    return starts


def _after_adjective(text: str, pos: int) -> int:
    """The offset after one more word (an adjective agreeing with the weapon: "صواريخ كاتيوشا")."""
    found = _NEXT_WORD.match(text, pos)
    return found.end() if found else pos


def _opens_item(text: str, pos: int) -> int | None:
    """Where the projectile phrase at `pos` opens a new item: at a fused or separate coordinator ("وطائرتين"،
    "و طائرتين") or at a coordinated number before it ("وثلاث قذائف", "و3 صواريخ"); None when it opens none."""
    word = pos
    while word > 0 and text[word - 1].isalpha():
        word -= 1
    if word < pos:
        return word if _joined(text[word:pos]) and pos - word == 1 else None
    before = text[max(0, pos - 14):pos].split()
    if not before:
        return None
    last = before[-1]
    at = pos - len(text[max(0, pos - 14):pos]) + text[max(0, pos - 14):pos].rfind(last)
    numbers = lexicon.number_words()
    if _unjoined(last) in numbers or _unjoined(last).isdigit():
        return at if _joined(last) else None
    return at if last in AR.words("coordinator") else None


def _joined(word: str) -> bool:
    """The word opens with the conjunction "و"."""
    return word[:1] in AR.words("coordinator")


def _unjoined(word: str) -> str:
    return word[1:] if _joined(word) else word


def _item(doc: Document, mentions: list[Mention], triggers: list[Trigger], perpetrator: Mention | None,
          start: int, end: int, ordinal: int, opened_by: str = "") -> Item:
    """What one segment names: its first object, the place it is in, the weapon it uses and how many."""
    inside = [m for m in mentions if start <= m.norm_start < end and is_party(m)
              and (perpetrator is None or m.entity.key != perpetrator.entity.key)]
    located = [m for m in inside if m.entity.kind is EntityKind.PLACE
               and (locates(doc, m) or _named_with_its_noun(doc, m))]
    target = next((m for m in inside if m not in located and m.entity.kind in _PLACEISH | {
        EntityKind.ARMED_GROUP, EntityKind.ORGANIZATION, EntityKind.PERSON}), None)
    own = [t for t in triggers if start <= t.start < end and t.kind in WEAPON_KINDS
           and (_aimed(doc.norm, t) or _instrument(doc.norm, t))]  # not "منصة لإطلاق الصواريخ", an object
    # else the act that opens the item ("، وفجّروا عبوة", "هاجموا نقطة"): its word says what kind of attack, and
    # the projectile it names is its means whatever the preposition ("فجروا عبوة", "أطلقوا صاروخين")
    act = next((t for t in triggers if 0 <= t.start - start <= _ACT_LEAD or (
        t.start > start and _another_act(doc, start, t.start))), None) if opened_by == "acts" else None
    if act is not None and not own:
        own = [t for t in triggers if start <= t.start < end and t.kind in WEAPON_KINDS and t is not act]
    kind = max(own, key=lambda t: t.weight).kind if own else None
    if kind is None and act is not None:  # the act's own words type it ("، وقصف الطيران مواقع": an air strike)
        kind = attack_kind(doc, [t for t in triggers if start <= t.start < end], mentions, [])
    return Item(target, location=located[0] if located else None, kind=kind,
                count=_projectile_count(doc, own, start) if own else None, ordinal=ordinal, segment=True,
                opened_by=opened_by)


def _named_with_its_noun(doc: Document, m: Mention) -> bool:
    """A city or town the item strikes, named with its noun ("واستهدفت الثانية مدينة إيلات"): where it struck."""
    return AR.pattern("place_noun_before").search(doc.norm[max(0, m.norm_start - 12):m.norm_start]) is not None


def _instrument(text: str, t: Trigger) -> bool:
    """The projectile is the means, with a fused "ب" ("بصاروخين", "وبطائرة مسيرة") or one on its quantity ("بعدد
    من الصواريخ", "بصلية من صواريخ")."""
    word = t.start
    while word > 0 and text[word - 1].isalpha():
        word -= 1
    return _unjoined(text[word:t.start]) in AR.words("instrument_prefix") or \
        AR.pattern("instrument_quantity").search(text[max(0, word - 16):word]) is not None


def _projectile_count(doc: Document, own: list[Trigger], start: int) -> int | None:
    """The number of projectiles one item names ("خمسة صواريخ", "طائرتين"); None when it names none."""
    numbers, projectiles = lexicon.number_words(), lexicon.projectiles()
    for t in own:
        noun = doc.norm[t.start:t.end].split()[0]
        number = projectiles.get(noun)
        if number == "du":
            return 2
        before = doc.norm[max(start, t.start - 14):t.start].split()
        word = _unjoined(before[-1]) if before else ""
        if word.isdigit():
            return int(word)
        if word in numbers:
            return numbers[word]
        if number == "sg":
            return 1
    return None
