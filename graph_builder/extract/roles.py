"""Who did what to whom in one sentence: attack triggers, the target, the perpetrator and listed targets.

The attack extractor (extract/attacks.py) merges these sentence-level roles into document attacks; the
allegation reader (extract/allegations.py) reads the same roles inside reported speech.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from graph_builder import lexicon
from graph_builder.document import AttackKind, Document, Entity, EntityKind, Mention, Sentence, Trace
from graph_builder.extract.nationality import nationality_of_strike
from graph_builder.extract.syntax import after_preposition, is_party, starts_relative, words_of
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
            kind, weight = h.pattern.key.split("|")
            out.append(Trigger(h.start, h.end, AttackKind(kind), float(weight)))
    return out



#: target of a report whose target is a facility the text does not name ("قاعدة عسكرية")
UNNAMED = Mention(0, 0, Entity("unnamed-facility", EntityKind.FACILITY, "unnamed facility"), -1)


def affirmed(doc: Document, negation: frozenset[str], triggers: list[Trigger]) -> list[Trigger]:
    """The triggers not negated by the word right before them ("لا تهاجم", "لم يستهدف")."""
    return [t for t in triggers if doc.norm[max(0, t.start - 8):t.start].split()[-1:] not in
            [[w] for w in negation]]


def _traced(why: list[Trace] | None, rule: str, doc: Document, m: Mention) -> Mention:
    """Note in `why` which rule chose `m` (a role), with the words it covers."""
    if why is not None and m is not UNNAMED:
        why.append(Trace(f"roles/{rule}", doc.norm[m.norm_start:m.norm_end]))
    return m


def _phrase_start(m: Mention) -> int:
    """Where the mention's noun phrase starts: at the title that introduces a person ("الصحفي X")."""
    return m.norm_start if m.lead is None else m.lead


def _affiliations(mentions: list[Mention]) -> set[int]:
    """Parties named between a person's title and name ("العقيد في الشرطة X", "القيادي في عصائب أهل الحق
    X"): they say whom the person serves, so the person, not they, fills the role (ids of those mentions)."""
    titled = [m for m in mentions if m.lead is not None]
    return {id(m) for m in mentions for p in titled if p.lead <= m.norm_start and m.norm_end <= p.norm_start}


def _killed(doc: Document, sent: Sentence, m: Mention) -> bool:
    """The person or group is named as killed ("أسفرت عن مقتل (قاسم سليماني)", "مقتل قيادي في X")."""
    start = _phrase_start(m)
    before = re.sub(r"[()\"']", " ", doc.norm[max(sent.norm_start, start - 40):start])
    return m.entity.kind in {EntityKind.PERSON, EntityKind.ARMED_GROUP} and \
        AR.pattern("killed_before").search(before) is not None


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
    located = [m for m in parties if (m.entity.kind.is_facility or m.entity.kind in placeish)
               and AR.pattern("near_before" if m.entity.kind.is_facility else "locative_before")
               .search(doc.norm[max(0, m.norm_start - 22):m.norm_start])]
    location = next((m for m in located if m.entity.kind in {EntityKind.PLACE, EntityKind.FACILITY}), None)
    first = min(triggers, key=lambda t: t.start)
    victim = next((m for m in parties if m.norm_start > first.end and _killed(doc, sent, m)), None)
    if victim is not None and first.kind is AttackKind.AIRSTRIKE:
        # "ضربة أميركية ... ردا على هجوم ..، أسفرت عن مقتل مقاتلين في X": the strike's
        return _traced(why, "target.strike-victim", doc, victim), location
    owner = _owner_of_killed_members(doc, sent, parties)
    if owner is not None:  # "بالانتقام لمقتل أربعة من رجاله في غارة أمريكية": the speaker's group was struck
        return _traced(why, "target.killed-own-members", doc, owner), location
    owner = _owner_of_killed_members(doc, sent, parties, "own_positions")
    if owner is not None:  # "قالت ميليشيا الحشد إن طائرتين ضربتا مواقع له"
        return _traced(why, "target.own-positions", doc, owner), location
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
                return _traced(why, "target.killed-member", doc, m), location
            if gap.split()[:1] and gap.split()[0] in AR.words("agent_first_word"):
                continue  # "محاولة اقتحامها من أنصار الحشد": the agent, not the target
            if words_of(doc.norm[m.norm_end:m.norm_end + 12].replace("،", " "))[:1] in \
                    [[w] for w in AR.words("reflexive_objects")]:
                continue  # "تفجير X نفسه": X blew himself up, he is the attacker
            direct = AR.pattern("direct_object_gap").match(gap) is not None or \
                (m.entity.kind is EntityKind.PERSON and AR.pattern("described_subject_gap").match(gap) is not None)
            if len(gap) <= 2 and doc.norm[t.start:t.end] in AR.words("subject_first_verbs") and \
                    m.entity.kind in {EntityKind.STATE, EntityKind.ARMED_GROUP}:
                continue  # VSO: in "قصفت واشنطن مواقع ..." Washington is the subject, not the target
            if m.entity.kind in {EntityKind.STATE, EntityKind.PLACE}:
                if (direct or (m.entity.kind is EntityKind.PLACE and AR.pattern("place_struck_gap").match(gap))) \
                        and m not in located:
                    held = _holder_of_positions(doc, parties, m) if m.entity.kind is EntityKind.PLACE else None
                    if held is not None:  # "غارات على شمال العراق ... تستهدف مواقع لحزب العمال الكردستاني"
                        return _traced(why, "target.positions-in-region", doc, held), m  # the region is where
                    return _traced(why, "target.direct-object", doc, m), location
                continue
            if not m.entity.kind.is_facility and _houses_forces(gap):
                # "هجوم على قاعدة تضم قوات أميركية": the base, not the forces
                return _traced(why, "target.unnamed-base", doc, UNNAMED), location
            if direct or (m not in located and (AR.pattern("filler_gap").match(gap)
                                                or AR.pattern("against_near").search(gap))):
                return _traced(why, "target.object-after-trigger", doc, m), location
    victim = _named_victim(doc, sent, parties, triggers)
    if victim is not None:
        return _traced(why, "target.named-victim", doc, victim), location  # "قُتل العقيد X برصاص مسلحين"
    for victim in parties:
        if _killed(doc, sent, victim):
            return _traced(why, "target.killed", doc, victim), location  # "ضربة ... قتلت قاسم سليماني"
    for exposed in AR.pattern("exposed").finditer(doc.norm, sent.norm_start, sent.norm_end):
        if not any(0 <= t.start - exposed.end() < 60 for t in triggers):
            continue  # "الهجمات التي تتعرض لها القوات" speaks of other attacks
        survived = _without_conjunction(exposed.group()) in AR.words("survival_verbs")
        candidates = [m for m in parties if m not in located
                      and not (survived and m.entity.kind in {EntityKind.PLACE, EntityKind.STATE})
                      and "،" not in doc.norm[min(m.norm_end, exposed.start()):max(m.norm_start, exposed.end())]]
        after = next((m for m in candidates if 0 <= _phrase_start(m) - exposed.end() <= 25), None)
        between = doc.norm[exposed.end():_phrase_start(after)] if after is not None else ""
        if after is not None and not after.entity.kind.is_facility and _houses_forces(between):
            return _traced(why, "target.unnamed-base", doc, UNNAMED), location
        before = next((m for m in reversed(candidates) if 0 <= exposed.start() - m.norm_end <= 12), None)
        if after or before:
            return _traced(why, "target.exposed-subject", doc, after or before), location
    # a base or embassy the sentence names is what its attack hit; a ship named before the attack word is as
    # often the one that intercepts ("اعترضت المدمرة «X» صواريخ"), one named after it the one struck
    facilities = [m for m in parties if m.entity.kind.is_facility and m not in located and
                  (m.via != "vessel-name" or any(t.end <= m.norm_start for t in triggers))]
    if facilities:
        return _traced(why, "target.named-facility", doc, facilities[0]), location
    near = [m for m in located if m.entity.kind in {EntityKind.BASE, EntityKind.EMBASSY}]
    if near and any(t.weight >= _AIMED_WEIGHT for t in triggers):
        # "سقوط صاروخين قرب السفارة": rockets that fall near an embassy were aimed at it
        return _traced(why, "target.near-facility", doc, near[0]), None
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


def _agent_verb(word: str) -> bool:
    """An attack verb whose subject is the attacker: the listed forms and every form of a lemma whose frame
    makes the subject the perpetrator (lang/ar/event_lemmas.yaml)."""
    return word in AR.words("agent_verbs") or word in lexicon.frame_forms("subject", "perpetrator") or \
        word in AR.words("perpetration_verbs")  # an open-fire verb split from "النار" by its subject


def _conjuncts_end(doc: Document, mentions: list[Mention], m: Mention) -> int:
    """Where the parties coordinated with `m` end ("أمريكا وبريطانيا شنت"): the verb's subject is the whole
    list, and its first party heads it."""
    end = m.norm_end
    for other in mentions:
        if other.norm_start >= end and other.entity.kind.is_actor and not other.by_adjective and \
                words_of(doc.norm[end:other.norm_start]) in ([], *[[w] for w in AR.words("coordinator")]):
            end = other.norm_end
    return end


_RELATIVE_REACH = 80  # characters from an attack word to the agent of its relative clause


def _relative_agent(doc: Document, m: Mention, t: Trigger) -> bool:
    """The party is the subject of a relative clause on the attack or its target: "الغارة التي شنها الجيش X",
    "التفجير الذي تبناه X", "قاعدة الشدادي، التي استهدفتها X": the verb carries an object pronoun standing for
    the antecedent, so the party after it did the act. An indefinite antecedent takes no relative pronoun
    ("بعبوات ناسفة زرعها عناصر من X", "في هجوم تبنته لاحقا X"): the verb then follows the attack word."""
    if not 0 < m.norm_start - t.start <= _RELATIVE_REACH:
        return False
    before = words_of(doc.norm[max(0, m.norm_start - 60):m.norm_start])
    skip = AR.words("subject_heads") | AR.words("subject_head_links") | AR.words("clause_adverbs")
    while len(before) > 1 and before[-1] in skip:
        before.pop()  # "زرعها عناصر من X", "تبنته لاحقا X": members and adverbs between the verb and the party
    if len(before) < 2:
        return False
    verb = _without_conjunction(before[-1])
    if verb not in AR.words("relative_agent_verbs"):
        forms = lexicon.frame_forms("subject", "perpetrator")
        if not (verb in forms and any(verb.endswith(c) and verb[:-len(c)] in forms
                                      for c in AR.words("relative_object_clitics"))):
            return False
    if any(w in AR.words("relative_pronouns") for w in before[-3:-1]):
        return True
    trigger = doc.norm[t.start:t.end]  # right after the attack word, or one adjective after it
    return " ".join(before[:-1]).endswith(trigger) or " ".join(before[:-2]).endswith(trigger)


_SUBJECT_HEAD_WORDS = 4
_GROUP_GAP_REACH = 60  # characters: four head words at most


def _group_subject_gap(gap: str) -> bool:
    """Only words that head a group's members or arms stand between an attack verb and a party: the party
    is the verb's subject, seen through its members ("اقتحم آلاف المتظاهرين من أنصار X", "مسلحون تابعون لX",
    "قصفت مدفعية الجيش X")."""
    words = words_of(gap)
    heads = AR.words("subject_heads")
    return 0 < len(words) <= _SUBJECT_HEAD_WORDS and words[0] in heads and \
        all(w in heads or w in AR.words("subject_head_links") or w in AR.words("fused_prepositions")
            for w in words)


@lru_cache(maxsize=4096)
def _bare_homograph(word: str) -> bool:
    """The bare past form of a lemma that is as often its verbal noun ("قصف", "خطف")."""
    return any(word == lemma.lemma and word in lemma.other_forms and lemma.frame.get("subject") == "perpetrator"
               for lemma in lexicon.event_lemmas())


def _actor_subject(m: Mention) -> bool:
    return m.entity.kind in {EntityKind.STATE, EntityKind.ARMED_GROUP} or \
        (m.entity.kind is EntityKind.ORGANIZATION and _armed_force(m.entity))


def _instrument_after(doc: Document, m: Mention) -> bool:
    """An instrument ("بطائرات مسيرة", "بالمدفعية") or a day between commas then the object follows the party."""
    rest = AR.pattern("time_aside").sub(" ", doc.norm[m.norm_end:m.norm_end + 40])
    return AR.pattern("instrument_next").match(rest) is not None


def _member_phrase(doc: Document, m: Mention) -> bool:
    """"عناصر من تنظيم داعش هاجموا": the preposition joins members to their group, which is the subject."""
    before = words_of(doc.norm[max(0, m.norm_start - 25):m.norm_start])
    return len(before) >= 2 and before[-1] in AR.words("subject_head_links") and before[-2] in AR.words("subject_heads")


def _companion(doc: Document, m: Mention) -> bool:
    """"المتحالفة مع إيران قتلوا": a party after "with/between" is no subject of the verb that follows."""
    return words_of(doc.norm[max(0, m.norm_start - 8):m.norm_start])[-1:] in \
        [[w] for w in AR.words("companion_prepositions")]


def _pronoun_subject(doc: Document, pos: int) -> bool:
    """"أعلنت الكتائب أنها استهدفت القوات الأميركية": the pronoun on the complementiser is the verb's subject,
    so the party after the verb is its object."""
    return words_of(doc.norm[max(0, pos - 12):pos])[-1:] in [[w] for w in AR.words("pronoun_complementisers")]


def _armed_force(entity: Entity) -> bool:
    return _armed_force_name(entity.label_ar)


@lru_cache(maxsize=4096)
def _armed_force_name(label: str) -> bool:
    """An organisation whose name says it is an armed force ("الجيش التركي", "قوات النظام السوري", "سلاح الجو
    الأمريكي"): like a state or group, it is the subject of the attack verb before it, not the target."""
    return any(w in AR.words("armed_force_nouns") for w in normalize_name(label).split())


def _without_conjunction(word: str) -> str:
    """A word without the conjunction و fused to it."""
    return word[1:] if word[:1] in AR.words("coordinator") else word


def _houses_forces(gap: str) -> bool:
    """"قاعدة تضم قوات أميركية": a facility noun and a housing verb between trigger and party."""
    return AR.pattern("base_noun").search(gap) is not None and AR.pattern("housing").search(gap) is not None


def perpetrator_in(doc: Document, mentions: list[Mention], triggers: list[Trigger],
                   why: list[Trace] | None = None) -> Mention | None:
    """Who carried the attack out, where the sentence states it as fact.

    "هجوم كتائب حزب الله على ...", "X شنت هجوما", "شنت X ضربات", "... من قبل X", and for air strikes a
    nationality adjective ("غارة أميركية"). Attribution ("تتهم واشنطن X") is a statement, not a fact.
    """
    for m in mentions:
        if m.entity.kind not in {EntityKind.ARMED_GROUP, EntityKind.STATE, EntityKind.ORGANIZATION}:
            continue
        for t in triggers:
            if m.by_adjective:
                if nationality_of_strike(doc, m, t):
                    return _traced(why, "perpetrator.nationality-of-strike", doc, m)
                continue
            gap_after = doc.norm[t.end:m.norm_start]
            if _actor_subject(m) and doc.norm[t.start:t.end] in AR.words("agent_genitive_nouns") and \
                    AR.pattern("agent_genitive_gap").match(gap_after):
                # "بهجوم لداعش", "هجوماً لعناصر من تنظيم داعش": an attack noun's "ل" names whose attack it is
                return _traced(why, "perpetrator.genitive-agent", doc, m)
            if 0 <= len(gap_after) <= 2 and words_of(doc.norm[m.norm_end:m.norm_end + 8])[:1] and \
                    words_of(doc.norm[m.norm_end:m.norm_end + 8])[0] in AR.words("against"):
                return _traced(why, "perpetrator.before-against", doc, m)
            if _agent_verb(doc.norm[t.start:t.end]) and \
                    (m.entity.kind is not EntityKind.ORGANIZATION or _armed_force(m.entity)) and \
                    (not after_preposition(doc, m) or _member_phrase(doc, m)) and not _companion(doc, m) and \
                    ((0 <= m.norm_start - t.end <= 2 and not starts_relative(doc, t.start)
                      and not _pronoun_subject(doc, t.start))
                     or 0 <= t.start - m.norm_end <= 2):
                # "استهدفت المقاومة الإسلامية قاعدة ...", "المقاومة الإسلامية تستهدف قاعدة ..."
                return _traced(why, "perpetrator.verb-subject", doc, m)
            if 0 <= m.norm_start - t.end <= 2 and _bare_homograph(doc.norm[t.start:t.end]) and \
                    _actor_subject(m) and _instrument_after(doc, m):
                # "قصف الحرس الثوري بطائرات مسيرة مقرا ...": the bare form is a verb when an instrument follows
                return _traced(why, "perpetrator.verb-subject-before-instrument", doc, m)
            if _relative_agent(doc, m, t):
                return _traced(why, "perpetrator.relative-clause-agent", doc, m)
            if 0 < m.norm_start - t.end < _GROUP_GAP_REACH and _agent_verb(doc.norm[t.start:t.end]) and \
                    _group_subject_gap(doc.norm[t.end:m.norm_start]) and \
                    not starts_relative(doc, t.start):
                # "اقتحم أنصار التيار الصدري", "خطف عناصر من تنظيم داعش", "قصفت قوات الحرس الثوري"
                return _traced(why, "perpetrator.verb-subject-group", doc, m)
            gap_before = words_of(doc.norm[_conjuncts_end(doc, mentions, m):t.start]) \
                if 0 < t.start - m.norm_end < 45 else []
            if gap_before[:1] and gap_before[0] in AR.words("alternative") and len(gap_before) > 2:
                gap_before = gap_before[2:]  # "إيران أو وكلاؤها يخططون لتنفيذ هجمات"
            if gap_before[:1] and gap_before[0] in AR.words("that_he"):
                gap_before = gap_before[1:]  # "أعلن الجيش الأمريكي أنه نفذ غارة"
            if gap_before and gap_before[0] in AR.words("perpetration_verbs"):
                return _traced(why, "perpetrator.subject-of-perpetration-verb", doc, m)
            preceding = words_of(doc.norm[max(0, m.norm_start - 18):m.norm_start])
            if preceding[-1:] and preceding[-1] in AR.words("group_nouns"):
                preceding = preceding[:-1]  # "قامت سرية "قاصم الجبارين" باستهداف"
            if preceding and _without_conjunction(preceding[-1]) in AR.words("perpetration_verbs") and \
                    0 < t.start - m.norm_end < 30:
                return _traced(why, "perpetrator.perpetration-verb-before", doc, m)
            if AR.pattern("agent_marker_gap").fullmatch(gap_after):
                return _traced(why, "perpetrator.by-agent", doc, m)
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


