"""Events of one document: sentence-level attack reports clustered into the attacks they tell of.

One attack told three times in an article (headline, lead, recap) must be one node, so a report joins an
earlier attack when they share a target (or the report refers back with a bare "الهجوم") and nothing
contradicts (kind, status, an explicit different date or weekday); attacks with no target fold into the one
targeted attack they fit. Kept apart from extract/attacks.py, which reads the reports themselves.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from itertools import chain

from graph_builder.document import Attack, AttackKind, Document, Entity, EntityKind, EventDate, Status, Trace
from graph_builder.resources import Resources

WEAPON_KINDS = frozenset({AttackKind.ROCKET, AttackKind.DRONE, AttackKind.BOMBING, AttackKind.AIRSTRIKE,
                          AttackKind.SHELLING})
#: kinds that say what happened to the victim, not by what means: they merge with a report that names the weapon
#: ("أمريكا تغتال قيادياً" in a headline, "ضربة بطائرة مسيرة ... أسفرت عن مقتل" in the body)
OPEN_KINDS = frozenset({AttackKind.ATTACK, AttackKind.ARMED_ASSAULT})


#: a strike and the drone that carried it: one story tells "ضربة جوية" first and the drone later
_DRONE_STRIKE = frozenset({AttackKind.DRONE, AttackKind.AIRSTRIKE})


def _compatible(a: Attack, kind: AttackKind, status: Status) -> bool:
    kinds_ok = a.kind is kind or bool(OPEN_KINDS & {a.kind, kind}) or {a.kind, kind} == _DRONE_STRIKE
    return kinds_ok and (a.status is status or {a.status, status} == {Status.PLANNED, Status.FOILED})


def fold_untargeted(doc: Document) -> None:
    """An attack with no target folds into the targeted attack it is compatible with ("الغارات الأميركية
    على مواقعه" in a headline, "الغارات التي استهدفت كتائب حزب الله" in the body); among several, into the
    most reported one, which is what a headline announces."""
    for loose in [a for a in doc.attacks if a.target is None and not _has_siblings(doc, a)]:
        fits = [a for a in doc.attacks if a.target is not None and a.status is loose.status
                and (a.kind is loose.kind or loose.kind in OPEN_KINDS or {a.kind, loose.kind} == _DRONE_STRIKE)
                and _agree(a.perpetrator, loose.perpetrator) and (loose.date is None or loose.date == a.date)]
        fits.sort(key=lambda a: len(a.sentences), reverse=True)
        if len(fits) == 1 or (fits and len(fits[0].sentences) > len(fits[1].sentences)):
            home = fits[0]  # the one candidate, or the most reported
            _name_means(home, loose)
            _fold(doc, loose, home, "+folded-into-targeted")


def fold_located(doc: Document) -> None:
    """A report that names only where ("هجوم بطائرة مسيرة شرقي بغداد", after "نفذ الجيش الأميركي ضربة في بغداد")
    tells the story's attack at that place again, often with its means: it folds into the one attack placed
    there whose kind agrees (equal, open or kin), and a kin kind names the means ("مسيرة" over "ضربة")."""
    for loose in [a for a in doc.attacks if a.target is None and a.perpetrator is None and a.location is not None
                  and not _has_siblings(doc, a)]:
        fits = [a for a in doc.attacks if a is not loose and a.status is loose.status and _same_time(a, loose)
                and _kinds_agree(a.kind, loose.kind)
                and any(p is not None and _same_place(p, loose.location) for p in (a.location, a.target))]
        if len(fits) == 1:
            home = fits[0]
            _name_means(home, loose)
            for name in ("killed", "injured"):
                if getattr(home, name) is None:
                    setattr(home, name, getattr(loose, name))
            _fold(doc, loose, home, "+folded-located")


def _kinds_agree(a: AttackKind, b: AttackKind) -> bool:
    return a is b or bool(OPEN_KINDS & {a, b}) or frozenset({a, b}) in _KIN_PAIRS


def fold_forces_into_sites(doc: Document) -> None:
    """An attack on a party's forces ("ضربة قاصمة ضد الاحتلال الأميركي" in a claim, "هجوم على القوات
    الأمريكية" in a quoted reaction) is the attack on the one site of the story hit by the same weapon, not
    another one: the forces are those the site houses. Only when exactly one such site attack fits."""
    for loose in [a for a in doc.attacks if a.target is not None and a.target.kind in _PARTY_KINDS]:
        fits = [a for a in doc.attacks if a is not loose and a.target is not None and a.target.kind.is_facility
                and not apart(a, loose) and a.kind is loose.kind and a.kind in WEAPON_KINDS and a.status is loose.status
                and _agree(a.perpetrator, loose.perpetrator) and _same_time(a, loose)]
        if len(fits) == 1:
            _fold(doc, loose, fits[0], "+folded-into-site")


def fold_headlines(doc: Document) -> None:
    """A headline announces the story's attack in fewer words ("X تشن هجوما على قاعدة في أربيل" over the body's
    "استهدفت قاعدة حرير"): an attack told only in headlines joins the body attack on the same or an enclosing
    place, with a compatible kind and perpetrator; among several, the most reported."""
    for loose in [a for a in doc.attacks if a.target is not None and _headline_only(doc, a)]:
        fits = [a for a in doc.attacks if a is not loose and a.target is not None and not _headline_only(doc, a)
                and not apart(a, loose) and _same_place(a.target, loose.target)
                and _compatible(a, loose.kind, loose.status) and _agree(a.perpetrator, loose.perpetrator)
                and _same_time(a, loose)]
        fits.sort(key=lambda a: len(a.sentences), reverse=True)
        if len(fits) == 1 or (fits and len(fits[0].sentences) > len(fits[1].sentences)):
            home = fits[0]
            home.target = _more_specific(home.target, loose.target)
            if home.kind in OPEN_KINDS and loose.kind not in OPEN_KINDS:
                home.kind = loose.kind
            _fold(doc, loose, home, "+folded-headline")


def apart(a: Attack, b: Attack) -> bool:
    """Two items of one listed report ("غارتين، الأولى ... والثانية ..."), or today's attack and the one its
    sentence recalls ("بعد أسبوع من هجوم مماثل"): separate attacks, never one."""
    return _other_item(a.listed, b.listed) or _other_item(a.episode, b.episode)


def _other_item(x: tuple[int, int] | None, y: tuple[int, int] | None) -> bool:
    return x is not None and y is not None and x[0] == y[0] and x != y


def _has_siblings(doc: Document, a: Attack) -> bool:
    """The report that gave `a` listed other attacks with it: it was counted as one of several."""
    return any(apart(a, o) for o in doc.attacks)


#: kinds that tell one attack by different means: a drone strike is an air strike, missiles are what jets and
#: launchers fire, shells and rockets are both indirect fire. The first of a pair names the merged attack
#: (the gold and the reader want the more telling means: a drone over "a strike", a rocket over "shelling").
_KIN_KINDS = (AttackKind.DRONE, AttackKind.AIRSTRIKE, AttackKind.ROCKET, AttackKind.SHELLING)
_KIN_PAIRS = frozenset({frozenset({AttackKind.DRONE, AttackKind.AIRSTRIKE}),
                        frozenset({AttackKind.ROCKET, AttackKind.AIRSTRIKE}),
                        frozenset({AttackKind.ROCKET, AttackKind.SHELLING})})


def fold_duplicates(doc: Document, res: Resources) -> None:
    """One attack told twice with different subsets of roles is one event: a recap or a reaction that names the
    attacker ("الضربة الإسرائيلية") over a report that names it too, or a strike by "القصف الجوي التركي" over
    "مسيرة تركية استهدفت ...". Two reports fold when the same party carried both out (named in both: the state
    or one of its forces), their kinds agree (equal, open, or kin), their targets and places do not differ,
    nothing dates them apart, and no sentence tells both (a sentence that lists two attacks keeps them two)."""
    for loose in list(reversed(doc.attacks)):
        if loose not in doc.attacks:
            continue
        fits = [a for a in doc.attacks if a is not loose and _duplicates(res, a, loose)]
        fits.sort(key=lambda a: (a.target is not None, len(a.sentences)), reverse=True)
        if len(fits) == 1 or (fits and (fits[0].target is not None, len(fits[0].sentences)) >
                              (fits[1].target is not None, len(fits[1].sentences))):
            home = fits[0]
            if loose.target is not None and home.target is None:
                home, loose = loose, home
            home.air_strike = home.air_strike or loose.air_strike or {home.kind, loose.kind} == _DRONE_STRIKE
            _name_means(home, loose)
            if home.perpetrator is not None and loose.perpetrator is not None and \
                    home.perpetrator.kind is EntityKind.STATE and loose.perpetrator.kind is not EntityKind.STATE:
                home.perpetrator = loose.perpetrator  # "الحرس الثوري" names the attacker more closely than "إيران"
            if loose.target is not None and home.target is not None and _member_of_body(loose.target, home.target):
                home.target = loose.target  # "مقتل قيادي في كتائب حزب الله" told again with his name
            home.location = home.location or loose.location
            _fold(doc, loose, home, "+folded-duplicate")


def _duplicates(res: Resources, a: Attack, b: Attack) -> bool:
    if a.status is not b.status or set(a.sentences) & set(b.sentences) or not _same_time(a, b):
        return False
    kinds_ok = _kinds_agree(a.kind, b.kind)
    places_ok = _same_target(a, b) and (a.location is None or b.location is None
                                        or _same_place(a.location, b.location))
    return kinds_ok and places_ok and _same_party(res, a.perpetrator, b.perpetrator)


def _same_target(a: Attack, b: Attack) -> bool:
    """The targets do not differ: one is open, they are one place, or one is the region where the other's target
    (a party's positions, unplaced or placed there) was hit ("غارات على الحديدة", "قصفت أهدافا للحوثيين")."""
    if a.target is None or b.target is None or _same_place(a.target, b.target) or \
            _member_of_body(a.target, b.target) or _member_of_body(b.target, a.target):
        return True
    for region, other in ((a, b), (b, a)):
        if region.target.kind is EntityKind.PLACE and other.target.kind is not EntityKind.PLACE and \
                (other.location is None or _same_place(region.target, other.location)):
            return True
    return False


def _member_of_body(person: Entity, body: Entity) -> bool:
    """A named leader or member and the body he belongs to: a strike that killed "a commander of X" and one
    that killed X's commander Y are one strike."""
    return person.kind is EntityKind.PERSON and body.key in {person.official_of, *person.member_of}


def _name_means(home: Attack, loose: Attack) -> None:
    """Two reports of one attack: an open kind takes the other's, and of kin kinds the more telling names it
    ("مسيرة" over "ضربة", a rocket over "shelling")."""
    if home.kind in OPEN_KINDS or _kin_rank(loose.kind) < _kin_rank(home.kind):
        home.kind = loose.kind if loose.kind not in OPEN_KINDS else home.kind


def _kin_rank(kind: AttackKind) -> int:
    return _KIN_KINDS.index(kind) if kind in _KIN_KINDS else len(_KIN_KINDS)


def _same_party(res: Resources, a: Entity | None, b: Entity | None) -> bool:
    """Both name the attacker, and the same one: equal, one inside the other, or a state and one of its forces."""
    if a is None or b is None:
        return False
    if a.key == b.key or a.key in b.within or b.key in a.within:
        return True
    states = [res.state_of(a), res.state_of(b)]
    return None not in states and states[0].key == states[1].key and EntityKind.STATE in {a.kind, b.kind}


def _headline_only(doc: Document, a: Attack) -> bool:
    return all(doc.sentences[i].is_headline for i in a.sentences)


_PARTY_KINDS = frozenset({EntityKind.STATE, EntityKind.ORGANIZATION, EntityKind.ARMED_GROUP})


def _same_time(a: Attack, b: Attack) -> bool:
    """No date, anchor or weekday of one contradicts the other's."""
    return all(x is None or y is None or x == y
               for x, y in ((a.date, b.date), (a.anchor, b.anchor), (a.weekday, b.weekday)))


def _fold(doc: Document, loose: Attack, home: Attack, suffix: str) -> None:
    """Move `loose`'s evidence into `home` (filling its open fields) and drop `loose`."""
    home.perpetrator = home.perpetrator or loose.perpetrator
    home.count = home.count or loose.count
    home.air_strike = home.air_strike or loose.air_strike
    for index, ev in zip(loose.sentences, loose.evidence, strict=False):
        if index not in home.sentences:
            home.sentences.append(index)
            home.evidence.append(ev)
            home.traces.extend(replace(t, rule=t.rule + suffix) for t in loose.traces if t.sentence == index)
    doc.attacks.remove(loose)


def _bare(a: Attack) -> bool:
    return a.target is None and a.perpetrator is None and a.location is None


def drop_bare_mentions(doc: Document) -> None:
    """An attack with no party and no place, in a story that reports attacks with them, is a vaguer mention
    of one of those ("قتل 5 في الانفجار"): it adds no event. Alone in its text, it is the event; so is an item
    of a list that counts it ("هجومين: الأول على قاعدة X ..." where X is no known name)."""
    if any(not _bare(a) for a in doc.attacks):
        doc.attacks = [a for a in doc.attacks if not _bare(a) or numbered(a)]


def numbered(a: Attack) -> bool:
    """An item of a list its report numbers ("الأول ... والثاني ...", "أحدهما ... والآخر")."""
    return any(t.rule.startswith("attacks/listed.") and t.words == "ordinals" for t in a.traces)


def _agree(a: Entity | None, b: Entity | None) -> bool:
    """Two reports agree on a party when either leaves it open or both name the same one."""
    return a is None or b is None or a.key == b.key


def record(doc: Document, report: Attack, target: Entity | None, last: Attack | None) -> Attack:
    """Merge one sentence's report into the attack it continues, or start a new attack; returns it."""
    existing = merge_target(doc.attacks, last, target, report.kind, report.status, report.anchor, report.date,
                             report.weekday, report.listed, report.episode)
    if existing is None:
        attack = Attack(**{**report.__dict__, "target": target, "evidence": list(report.evidence),
                           "sentences": list(report.sentences), "traces": list(report.traces)})
        doc.attacks.append(attack)
        return attack
    if existing.kind in OPEN_KINDS and report.kind is not AttackKind.ATTACK:
        existing.kind = report.kind if existing.kind is AttackKind.ATTACK or report.kind in WEAPON_KINDS \
            else existing.kind
    if {existing.kind, report.kind} == _DRONE_STRIKE:
        existing.kind = AttackKind.DRONE  # "استهدفت ضربة جوية ... وقالت المصادر إن الضربة نفذت بطائرة مسيرة"
        existing.air_strike = True
        existing.traces.append(Trace("events/kind.strike-told-as-drone", "", report.sentence))
    existing.air_strike = existing.air_strike or report.air_strike
    if existing.status is not report.status:
        existing.status = Status.FOILED  # a planned attack later reported foiled
    existing.target = _more_specific(existing.target, target)
    for name in ("perpetrator", "location", "count", "killed", "injured", "date", "anchor", "weekday", "listed",
                 "episode"):
        if getattr(existing, name) is None:
            setattr(existing, name, getattr(report, name))
    if report.sentence not in existing.sentences:
        existing.sentences.append(report.sentence)
        existing.evidence.extend(report.evidence)
        existing.traces.extend(report.traces)
    existing.confidence = min(0.95, existing.confidence + 0.1)
    return existing


def merge_target(attacks: list[Attack], last: Attack | None, target: Entity | None, kind: AttackKind,
                  status: Status, anchor: str | None, date: EventDate | None,
                  weekday: int | None = None, listed: tuple[int, int] | None = None,
                  episode: tuple[int, int] | None = None) -> Attack | None:
    """The attack a new sentence continues, if any: same target, or a bare reference to the last one.

    A report with no time of its own belongs to the story's current attack (the one with no anchor either),
    not to an earlier attack the article recalled with a date or weekday in between. Items of one listed report
    never continue each other, nor do today's attack and the one its sentence recalls.
    """
    ordered: Iterable[Attack] = reversed(attacks)
    if anchor is None and date is None:  # unanchored first, most recent first: lazily, most calls stop early
        ordered = chain((a for a in reversed(attacks) if a.anchor is None),
                        (a for a in reversed(attacks) if a.anchor is not None))
        if target is None and last is not None and (last.anchor is not None or last.date is not None):
            # a bare "الهجوم" after a recalled, dated attack ("سقطت صواريخ في ديسمبر الماضي. واتهم X بتنفيذ
            # الهجوم") speaks of the story's current attack
            last = next((a for a in reversed(attacks) if a.anchor is None and a.date is None), last)
    for a in ordered:
        same_target = target is not None and a.target is not None and _same_place(a.target, target)
        continues_last = a is last and (target is None or a.target is None)
        if not (same_target or continues_last) or not _compatible(a, kind, status) or \
                _other_item(a.listed, listed) or _other_item(a.episode, episode):
            continue
        if date is not None and a.date is not None:
            if date.value != a.date.value:
                continue
        elif anchor is not None and anchor != a.anchor and not (a is last and target is None and a.anchor is None):
            continue  # an explicitly different time is a different attack
        if date is None and a.date is None and None not in (weekday, a.weekday) and weekday != a.weekday:
            continue  # "اليوم الأربعاء" and "أمس الثلاثاء": another day, another attack
        return a
    return None


def _same_place(a: Entity, b: Entity) -> bool:
    """Equal, or one inside the other (Erbil airport and Erbil are one target for merging)."""
    return a.key == b.key or a.key in b.within or b.key in a.within


def _more_specific(a: Entity | None, b: Entity | None) -> Entity | None:
    if a is None or b is None:
        return a or b
    return b if a.key in b.within else a
