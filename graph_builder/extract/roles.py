"""What one sentence says was attacked: attack triggers, the target, where it was hit and listed targets.

The perpetrator is read from the same triggers in extract/perpetrators.py. The attack extractor
(extract/attacks.py) merges these sentence-level roles into document attacks; the allegation reader
(extract/allegations.py) reads the same roles inside reported speech.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from graph_builder.document import AttackKind, Document, Entity, EntityKind, Mention, Sentence, Trace
from graph_builder.extract.syntax import is_party, one_of, without_conjunction, words_of
from graph_builder.gazetteer import Hit
from graph_builder.lang import AR
from graph_builder.text.normalize import normalize_name

_AIMED_WEIGHT = 0.75  # a projectile or a specific attack word, not a vague "حادث"


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
            kind, weight = _kind_and_weight(h.pattern.key)
            out.append(Trigger(h.start, h.end, kind, weight))
    return out


@lru_cache(maxsize=1024)
def _kind_and_weight(key: str) -> tuple[AttackKind, float]:
    """An attack word's pattern key ("DroneAttack|0.9") read once per key, not once per hit of every sentence."""
    kind, weight = key.split("|")
    return AttackKind(kind), float(weight)



#: target of a report whose target is a facility the text does not name ("قاعدة عسكرية")
UNNAMED = Mention(0, 0, Entity("unnamed-facility", EntityKind.FACILITY, "unnamed facility"), -1)


def affirmed(doc: Document, negation: frozenset[str], triggers: list[Trigger]) -> list[Trigger]:
    """The triggers not negated by the word right before them ("لا تهاجم", "لم يستهدف") nor put in the future
    by the prefix glued to them ("ستستهدف", "وسنضرب": a threat or forecast, no attack done)."""
    return [t for t in triggers if not one_of(doc.norm[max(0, t.start - 8):t.start].split()[-1:], negation)
            and not _future(doc, t.start)]


def _future(doc: Document, start: int) -> bool:
    """The future prefix right before a verb at `start`, itself at a word start or after و/ف ("سيقصف", "وسنضرب")."""
    if doc.norm[start:start + 1] not in AR.words("imperfect_prefixes"):
        return False
    word = doc.norm[max(0, start - 3):start]
    return any(word.endswith(lead) and (len(word) == len(lead) or not word[-len(lead) - 1].isalpha())
               for lead in AR.words("future_leads"))


def counted_victims(doc: Document, m: Mention) -> bool:
    """The party's members are counted right before it ("4 على الأقل من مقاتلي X") in a sentence with a word of
    death or injury: they are the victims, so the party was struck ("اعتقلت ثلاثة عناصر من داعش" counts none)."""
    sent = doc.sentences[m.sentence]
    return AR.pattern("counted_members").search(doc.norm[max(sent.norm_start, m.norm_start - 40):m.norm_start]) \
        is not None and AR.pattern("casualty_word").search(doc.norm, sent.norm_start, sent.norm_end) is not None


def armed_force(entity: Entity) -> bool:
    return _armed_force_name(entity.label_ar)


@lru_cache(maxsize=4096)
def _armed_force_name(label: str) -> bool:
    """An organisation whose name says it is an armed force ("الجيش التركي", "قوات النظام السوري", "سلاح الجو
    الأمريكي"): like a state or group, it is the subject of the attack verb before it, not the target."""
    return any(w in AR.words("armed_force_nouns") for w in normalize_name(label).split())


def traced(why: list[Trace] | None, rule: str, doc: Document, m: Mention) -> Mention:
    """Note in `why` which rule chose `m` (a role), with the words it covers."""
    if why is not None and m is not UNNAMED:
        why.append(Trace(f"roles/{rule}", doc.norm[m.norm_start:m.norm_end]))
    return m


def locates(doc: Document, m: Mention) -> bool:
    """A place or state named after a locative ("في", "قرب", a fused ب, "شرقي", "التابعة ل"), or on a way
    ("على طريق X", "على جسر X"): where the attack happened, not what it struck."""
    before = doc.norm[max(0, m.norm_start - 22):m.norm_start]
    if AR.pattern("locative_before").search(before):
        return True
    on = AR.pattern("on_route").search(before)
    return on is not None and (on.group("head") is not None or _way(doc, m))


def _in_attack_clause(doc: Document, m: Mention, triggers: list[Trigger]) -> bool:
    """The place follows no attack word, or follows one with no opener of another clause between ("على الإعداد
    لتفجيرات، حيث كانوا يقيمون في مدينة X": where they lived, not where the bombs went off)."""
    before = [t for t in triggers if t.end <= m.norm_start]
    return not before or any(not AR.pattern("other_clause").search(doc.norm, t.end, m.norm_start) for t in before)


def _way(doc: Document, m: Mention) -> bool:
    """The place is a road, street or bridge ("طريق الخردلي"): where an attack happens, never what it strikes
    ("تفجير شارع الاستقلال في إسطنبول")."""
    words = doc.norm[m.norm_start:m.norm_end].split()
    return bool(words) and words[0] in AR.words("route_heads")


def _phrase_start(m: Mention) -> int:
    """Where the mention's noun phrase starts: at the title that introduces a person ("الصحفي X")."""
    return m.norm_start if m.lead is None else m.lead


def _affiliations(mentions: list[Mention]) -> set[int]:
    """Parties named between a person's title and name ("العقيد في الشرطة X", "القيادي في عصائب أهل الحق
    X"): they say whom the person serves, so the person, not they, fills the role (ids of those mentions)."""
    titled = [m for m in mentions if m.lead is not None]
    return {id(m) for m in mentions for p in titled if p.lead <= m.norm_start and m.norm_end <= p.norm_start}


def _killed(doc: Document, sent: Sentence, m: Mention) -> bool:
    """The person or group is named as killed ("أسفرت عن مقتل (قاسم سليماني)", "مقتل قيادي في X"), unless the
    killing verb's victims are counted after it ("قتل مسلحون من X خمسة رعاة": X's men killed them)."""
    start = _phrase_start(m)
    before = re.sub(r"[()\"']", " ", doc.norm[max(sent.norm_start, start - 40):start])
    return m.entity.kind in {EntityKind.PERSON, EntityKind.ARMED_GROUP} and \
        AR.pattern("killed_before").search(before) is not None and \
        AR.pattern("victims_counted_after").match(doc.norm[m.norm_end:sent.norm_end]) is None


def _owner_of_killed_members(doc: Document, sent: Sentence, parties: list[Mention],
                             pattern: str = "killed_own_members") -> Mention | None:
    """The group whose members a pronoun says were killed ("مقتل أربعة من رجاله", "استشهاد عناصرها"), or whose
    positions were struck ("ضربتا مواقع له", "تعرض مقار تابعة لها لقصف"): the nearest group named before the
    pronoun, else the nearest state."""
    found = AR.pattern(pattern).search(doc.norm, sent.norm_start, sent.norm_end)
    if found is None:
        return None
    before = [m for m in reversed(parties) if m.norm_end <= found.start()]
    # a group before a state: "كتائب سيد الشهداء المدعومة من إيران ... رجاله" are the group's men
    return next((m for m in before if m.entity.kind in {EntityKind.ARMED_GROUP, EntityKind.ORGANIZATION}),
                next((m for m in before if m.entity.kind is EntityKind.STATE), None))


def _targeted_member(doc: Document, sent: Sentence, parties: list[Mention]) -> Mention | None:
    """The group a strike of the sentence aimed at through one of its members or leaders ("استهدفت قياديا في
    حزب الله"): that group, not a place the attack word also names, is the target."""
    return next((m for m in parties if m.entity.kind is EntityKind.ARMED_GROUP and AR.pattern(
        "targeted_member_before").search(doc.norm[max(sent.norm_start, m.norm_start - 40):m.norm_start])), None)


def _holder_of_positions(doc: Document, parties: list[Mention], region: Mention) -> Mention | None:
    """The party whose positions the sentence says were hit in the region struck ("مواقع لحزب العمال",
    "مقرات تابعة لكتائب حزب الله"): a region is where, the party's positions are what."""
    return next((m for m in parties if m.norm_start > region.norm_end and m.entity.kind is not EntityKind.PLACE
                 and AR.pattern("positions_of").search(doc.norm[max(0, m.norm_start - 20):m.norm_start])), None)


def target_of(doc: Document, sent: Sentence, mentions: list[Mention], triggers: list[Trigger],
              perpetrator: Mention | None, why: list[Trace] | None = None) -> tuple[Mention | None, Mention | None]:
    """(target, location) of the attack the sentence reports.

    The target is what follows a trigger ("استهدف أربيل", "هجوم على قاعدة عين الأسد", "رتل للتحالف"), or the
    subject of "تعرضت X لهجوم", or else a base or embassy the sentence names outside a locative phrase.
    """
    affiliated = _affiliations(mentions)
    parties = [m for m in mentions if is_party(m) and id(m) not in affiliated
               and (perpetrator is None or m.entity.key != perpetrator.entity.key)]
    # places named after "في"/"قرب" locate the attack; a group "في فصائل ..." is still a party
    placeish = {EntityKind.PLACE, EntityKind.STATE}
    located = [m for m in parties if (m.entity.kind.is_facility and AR.pattern("near_before").search(
        doc.norm[max(0, m.norm_start - 22):m.norm_start])) or (m.entity.kind in placeish and locates(doc, m))]
    location = next((m for m in located if m.entity.kind in {EntityKind.PLACE, EntityKind.FACILITY}
                     and _in_attack_clause(doc, m, triggers)), None)
    if location is not None and location.via == "place-noun":
        traced(why, "location.named-place", doc, location)  # "في قرية الحمرية بقضاء بيجي": the village
    first = min(triggers, key=lambda t: t.start)
    victim = next((m for m in parties if m.norm_start > first.end and _killed(doc, sent, m)), None)
    if victim is not None and first.kind is AttackKind.AIRSTRIKE:
        # "ضربة أميركية ... ردا على هجوم ..، أسفرت عن مقتل مقاتلين في X": the strike's
        return traced(why, "target.strike-victim", doc, victim), location
    owner = _owner_of_killed_members(doc, sent, parties)
    if owner is not None:  # "بالانتقام لمقتل أربعة من رجاله في غارة أمريكية": the speaker's group was struck
        return traced(why, "target.killed-own-members", doc, owner), location
    owner = _owner_of_killed_members(doc, sent, parties, "own_positions")
    if owner is not None:  # "قالت ميليشيا الحشد إن طائرتين ضربتا مواقع له"
        return traced(why, "target.own-positions", doc, owner), location
    for t in sorted(triggers, key=lambda t: t.start):
        for m in parties:
            start = _phrase_start(m)
            if start < t.end:
                continue
            after = t.end  # VSO: the object follows the subject ("هاجم مسلحون من X، الأحد، مقر Y")
            if perpetrator is not None and t.end <= perpetrator.norm_start and perpetrator.norm_end <= start:
                after = perpetrator.norm_end
            gap = doc.norm[after:start].replace('"', "").replace("'", "")
            if "،" in gap or "," in gap:  # "هاجم X، السبت، مقر Y": the day is an aside
                gap = AR.pattern("time_aside").sub(" ", gap)
            if len(gap) > 60 or "،" in gap or "," in gap or ":" in gap:  # a colon ends the clause too
                break
            if _killed(doc, sent, m):
                # "ضربة ... أسفرت عن مقتل قيادي في كتائب حزب الله": the strike's own victim
                return traced(why, "target.killed-member", doc, m), location
            if (gap.split()[:1] and gap.split()[0] in AR.words("agent_first_word")) or \
                    AR.pattern("agent_right_before").search(gap):
                continue  # "محاولة اقتحامها من أنصار الحشد", "نفذا عبر X": the agent, not the target
            if one_of(words_of(doc.norm[m.norm_end:m.norm_end + 12].replace("،", " "))[:1],
                      AR.words("reflexive_objects")):
                continue  # "تفجير X نفسه": X blew himself up, he is the attacker
            direct = AR.pattern("direct_object_gap").match(gap) is not None or \
                (m.entity.kind is EntityKind.PERSON and AR.pattern("described_subject_gap").match(gap) is not None)
            if len(gap) <= 2 and doc.norm[t.start:t.end] in AR.words("subject_first_verbs") and \
                    (m.entity.kind in {EntityKind.STATE, EntityKind.ARMED_GROUP} or
                     (m.entity.kind is EntityKind.ORGANIZATION and armed_force(m.entity))):
                continue  # VSO: in "قصفت واشنطن مواقع ...", "قصف الطيران الإسرائيلي" the party is the subject
            if m.entity.kind in {EntityKind.STATE, EntityKind.PLACE}:
                if (direct or (m.entity.kind is EntityKind.PLACE and AR.pattern("place_struck_gap").match(gap))) \
                        and m not in located and not _way(doc, m):
                    held = _holder_of_positions(doc, parties, m) if m.entity.kind is EntityKind.PLACE else None
                    if held is not None:  # "غارات على شمال العراق ... تستهدف مواقع لحزب العمال الكردستاني"
                        return traced(why, "target.positions-in-region", doc, held), m  # the region is where
                    member = _targeted_member(doc, sent, parties) if m.entity.kind is EntityKind.PLACE else None
                    if member is not None:  # "العدوان على الضاحية ..، غارة استهدفت قياديا في حزب الله"
                        return traced(why, "target.member-of-group", doc, member), location or m
                    return traced(why, "target.direct-object", doc, m), location
                if location is None and m.entity.kind is EntityKind.PLACE and \
                        AR.pattern("place_noun_struck_gap").match(gap):
                    location = traced(why, "location.place-noun-struck", doc, m)  # "استهداف مدينة إيلات"
                continue
            if not m.entity.kind.is_facility and _houses_forces(gap):
                # "هجوم على قاعدة تضم قوات أميركية": the base, not the forces
                return traced(why, "target.unnamed-base", doc, UNNAMED), location
            if direct or (m not in located and (AR.pattern("filler_gap").match(gap)
                                                or AR.pattern("against_near").search(gap))):
                return traced(why, "target.object-after-trigger", doc, m), location
    counted = next((m for m in parties if m.entity.kind is not EntityKind.PLACE and counted_victims(doc, m)), None)
    if counted is not None:
        # "قتل 4 على الأقل من مقاتلي حركة النجباء في هجوم بطائرة مسيرة": the counted members' party was struck
        return traced(why, "target.counted-victims", doc, counted), location
    victim = _named_victim(doc, sent, parties, triggers)
    if victim is not None:
        return traced(why, "target.named-victim", doc, victim), location  # "قُتل العقيد X برصاص مسلحين"
    for victim in parties:
        if _killed(doc, sent, victim):
            return traced(why, "target.killed", doc, victim), location  # "ضربة ... قتلت قاسم سليماني"
    for exposed in AR.pattern("exposed").finditer(doc.norm, sent.norm_start, sent.norm_end):
        if not any(0 <= t.start - exposed.end() < 60 for t in triggers):
            continue  # "الهجمات التي تتعرض لها القوات" speaks of other attacks
        survived = without_conjunction(exposed.group()) in AR.words("survival_verbs")
        candidates = [m for m in parties if m not in located
                      and not (survived and m.entity.kind in {EntityKind.PLACE, EntityKind.STATE})
                      and "،" not in doc.norm[min(m.norm_end, exposed.start()):max(m.norm_start, exposed.end())]]
        after = next((m for m in candidates if 0 <= _phrase_start(m) - exposed.end() <= 25), None)
        between = doc.norm[exposed.end():_phrase_start(after)] if after is not None else ""
        if after is not None and not after.entity.kind.is_facility and _houses_forces(between):
            return traced(why, "target.unnamed-base", doc, UNNAMED), location
        before = next((m for m in reversed(candidates) if 0 <= exposed.start() - m.norm_end <= 12), None)
        if after or before:
            return traced(why, "target.exposed-subject", doc, after or before), location
    # a base or embassy the sentence names is what its attack hit; a ship named before the attack word is as
    # often the one that intercepts ("اعترضت المدمرة «X» صواريخ"), one named after it the one struck
    facilities = [m for m in parties if m.entity.kind.is_facility and m not in located and
                  (m.via != "vessel-name" or any(t.end <= m.norm_start for t in triggers))]
    if facilities:
        return traced(why, "target.named-facility", doc, facilities[0]), location
    near = [m for m in located if m.entity.kind in {EntityKind.BASE, EntityKind.EMBASSY}]
    if near and any(t.weight >= _AIMED_WEIGHT for t in triggers):
        # "سقوط صاروخين قرب السفارة": rockets that fall near an embassy were aimed at it
        return traced(why, "target.near-facility", doc, near[0]), None
    return None, location


_PRONOUN_REACH = 50  # characters from a person to the attack noun whose pronoun stands for him


def _named_victim(doc: Document, sent: Sentence, parties: list[Mention], triggers: list[Trigger]) -> Mention | None:
    """A person who suffered the attack: the subject of a passive right before ("قُتل العقيد X", "لقي القيادي X
    مصرعه") or right after it ("الكاتب X قد اختُطف في ..."), else the one an attack noun's pronoun stands for
    ("أُطلق سراح الناشط X بعد أسبوع من اختطافه")."""
    people = [m for m in parties if m.entity.kind is EntityKind.PERSON]
    for m in people:
        start = _phrase_start(m)
        if AR.pattern("victim_before").search(doc.norm[max(sent.norm_start, start - 12):start]) or \
                AR.pattern("victim_after").match(doc.norm[m.norm_end:min(sent.norm_end, m.norm_end + 30)]):
            return m
    for t in triggers:
        if AR.pattern("possessed_attack_nouns").search(doc.norm[t.start:t.end]):
            before = [m for m in people if 0 <= t.start - m.norm_end <= _PRONOUN_REACH]
            if before:
                return before[-1]
    return None


def _houses_forces(gap: str) -> bool:
    """"قاعدة تضم قوات أميركية": a facility noun and a housing verb between trigger and party."""
    return AR.pattern("base_noun").search(gap) is not None and AR.pattern("housing").search(gap) is not None


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
        if not gap or gap[0][:1] not in AR.words("coordinator") or len(gap) > 4 or \
                any(w in AR.words("list_breakers") for w in gap):
            break
        out.append(m)
        previous = m
    return out


def _unqualified(doc: Document, mentions: list[Mention], start: int, end: int) -> str:
    """doc.norm[start:end] without the adjectives and locatives qualifying the last item of a list
    ("والتنف الأميركية بسوريا وقاعدة حرير"), so only the words joining the items remain."""
    chars = list(doc.norm[start:end])
    for m in mentions:
        if start <= m.norm_start and m.norm_end <= end and \
                (m.by_adjective or m.entity.kind in {EntityKind.PLACE, EntityKind.STATE}):
            lead = AR.pattern("locative_word").search(doc.norm, start, m.norm_start)
            first = lead.start() if lead is not None and not m.by_adjective else m.norm_start
            chars[first - start:m.norm_end - start] = " " * (m.norm_end - first)
    return "".join(chars)
