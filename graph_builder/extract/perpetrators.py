"""Who carried out the attack one sentence reports, where the sentence states it as fact.

Kept apart from extract/roles.py, which reads the target, the location and listed targets from the same
triggers. The traces keep the "roles/perpetrator." prefix: extract/attacks.py and extract/specific.py select
them by it.
"""
from __future__ import annotations

from functools import lru_cache

from graph_builder import lexicon
from graph_builder.document import Document, EntityKind, Mention, Trace
from graph_builder.extract.nationality import nationality_of_strike
from graph_builder.extract.roles import Trigger, armed_force, counted_victims, traced
from graph_builder.extract.syntax import after_preposition, one_of, starts_relative, without_conjunction, words_of
from graph_builder.lang import AR


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
                (not (gap := words_of(doc.norm[end:other.norm_start])) or one_of(gap, AR.words("coordinator"))):
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
    verb = without_conjunction(before[-1])
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


_OBJECT_REACH = 30  # characters back from a weapon word to an attack word that would take it as its object


def _weapon_of(doc: Document, triggers: list[Trigger], t: Trigger) -> bool:
    """The trigger names guns or aircraft that fired, not ones hit: no attack word stands shortly before it,
    unless right before it as the verb whose subject it is ("قصفت مروحيات الجيش"; not "استهدفت المقاومة مروحيات
    الجيش")."""
    return doc.norm[t.start:t.end] in AR.words("owned_weapons") and \
        not any(0 < t.start - o.end <= _OBJECT_REACH and
                not (t.start - o.end <= 2 and _agent_verb(doc.norm[o.start:o.end])) for o in triggers if o is not t)


def _actor_subject(m: Mention) -> bool:
    return m.entity.kind in {EntityKind.STATE, EntityKind.ARMED_GROUP} or \
        (m.entity.kind is EntityKind.ORGANIZATION and armed_force(m.entity))


def _instrument_after(doc: Document, m: Mention) -> bool:
    """An instrument ("بطائرات مسيرة", "بالمدفعية") or a day between commas then the object follows the party."""
    rest = AR.pattern("time_aside").sub(" ", doc.norm[m.norm_end:m.norm_end + 40])
    return AR.pattern("instrument_next").match(rest) is not None


def _member_phrase(doc: Document, m: Mention) -> bool:
    """"عناصر من تنظيم داعش هاجموا": the preposition joins members to their group, which is the subject."""
    before = words_of(doc.norm[max(0, m.norm_start - 25):m.norm_start])
    return len(before) >= 2 and before[-1] in AR.words("subject_head_links") and before[-2] in AR.words("subject_heads")


def _killer_of_counted(doc: Document, m: Mention, t: Trigger) -> bool:
    """"قتل مسلحون من تنظيم داعش خمسة رعاة": a killing verb whose victims are counted after the party's men is
    active, so the party killed them (without the count, "قتل عناصر من داعش" tells of its men killed)."""
    return doc.norm[t.start:t.end] in AR.words("killing_words") and \
        AR.pattern("victims_counted_after").match(doc.norm, m.norm_end) is not None


def _companion(doc: Document, m: Mention) -> bool:
    """"المتحالفة مع إيران قتلوا": a party after "with/between" is no subject of the verb that follows."""
    return one_of(words_of(doc.norm[max(0, m.norm_start - 8):m.norm_start])[-1:], AR.words("companion_prepositions"))


def _pronoun_subject(doc: Document, pos: int) -> bool:
    """"أعلنت الكتائب أنها استهدفت القوات الأميركية": the pronoun on the complementiser is the verb's subject,
    so the party after the verb is its object."""
    return one_of(words_of(doc.norm[max(0, pos - 12):pos])[-1:], AR.words("pronoun_complementisers"))




def perpetrator_in(doc: Document, mentions: list[Mention], triggers: list[Trigger],
                   why: list[Trace] | None = None) -> Mention | None:
    """Who carried the attack out, where the sentence states it as fact.

    "هجوم كتائب حزب الله على ...", "X شنت هجوما", "شنت X ضربات", "... من قبل X", and for air strikes a
    nationality adjective ("غارة أميركية"). Attribution ("تتهم واشنطن X") is a statement, not a fact.
    """
    for m in mentions:
        if m.entity.kind not in {EntityKind.ARMED_GROUP, EntityKind.STATE, EntityKind.ORGANIZATION}:
            continue
        if counted_victims(doc, m):
            continue  # "قتل 4 على الأقل من مقاتلي حركة النجباء": the party's counted members are the victims
        for t in triggers:
            if m.by_adjective:
                if nationality_of_strike(doc, m, t):
                    return traced(why, "perpetrator.nationality-of-strike", doc, m)
                continue
            gap_after = doc.norm[t.end:m.norm_start]
            if _actor_subject(m) and doc.norm[t.start:t.end] in AR.words("agent_genitive_nouns") and \
                    AR.pattern("agent_genitive_gap").match(gap_after):
                # "بهجوم لداعش", "هجوماً لعناصر من تنظيم داعش": an attack noun's "ل" names whose attack it is
                return traced(why, "perpetrator.genitive-agent", doc, m)
            if m.norm_start >= t.end and _actor_subject(m) and _weapon_of(doc, triggers, t) and \
                    AR.pattern("weapon_owner_gap").match(gap_after):
                # "دكت مدفعية الجيش العراقي مواقع ...", "قصفت مروحيات الجيش العراقي تجمعا ...": whose guns fired
                return traced(why, "perpetrator.owner-of-weapon", doc, m)
            if t.end <= m.norm_start and len(gap_after) <= 2 and words_of(doc.norm[m.norm_end:m.norm_end + 8])[:1] and \
                    words_of(doc.norm[m.norm_end:m.norm_end + 8])[0] in AR.words("against"):
                return traced(why, "perpetrator.before-against", doc, m)
            if _agent_verb(doc.norm[t.start:t.end]) and \
                    (m.entity.kind is not EntityKind.ORGANIZATION or armed_force(m.entity)) and \
                    (not after_preposition(doc, m) or _member_phrase(doc, m)) and not _companion(doc, m) and \
                    ((0 <= m.norm_start - t.end <= 2 and not starts_relative(doc, t.start)
                      and not _pronoun_subject(doc, t.start))
                     or 0 <= t.start - m.norm_end <= 2):
                # "استهدفت المقاومة الإسلامية قاعدة ...", "المقاومة الإسلامية تستهدف قاعدة ..."
                return traced(why, "perpetrator.verb-subject", doc, m)
            if 0 <= m.norm_start - t.end <= 2 and _bare_homograph(doc.norm[t.start:t.end]) and \
                    _actor_subject(m) and _instrument_after(doc, m):
                # "قصف الحرس الثوري بطائرات مسيرة مقرا ...": the bare form is a verb when an instrument follows
                return traced(why, "perpetrator.verb-subject-before-instrument", doc, m)
            if 0 <= m.norm_start - t.end <= 2 and _bare_homograph(doc.norm[t.start:t.end]) and \
                    m.entity.kind is EntityKind.ORGANIZATION and armed_force(m.entity):
                # "قصف الطيران الإسرائيلي الضاحية", "قصف الجيش التركي لمواقع": verb or noun, the force fired
                return traced(why, "perpetrator.armed-force-after-homograph", doc, m)
            if _relative_agent(doc, m, t):
                return traced(why, "perpetrator.relative-clause-agent", doc, m)
            if 0 < m.norm_start - t.end < _GROUP_GAP_REACH and _group_subject_gap(doc.norm[t.end:m.norm_start]) and \
                    not starts_relative(doc, t.start):
                if _agent_verb(doc.norm[t.start:t.end]):
                    # "اقتحم أنصار التيار الصدري", "خطف عناصر من تنظيم داعش", "قصفت قوات الحرس الثوري"
                    return traced(why, "perpetrator.verb-subject-group", doc, m)
                if _killer_of_counted(doc, m, t):
                    return traced(why, "perpetrator.killer-of-counted-victims", doc, m)
            gap_before = words_of(doc.norm[_conjuncts_end(doc, mentions, m):t.start]) \
                if 0 < t.start - m.norm_end < 45 else []
            if gap_before[:1] and gap_before[0] in AR.words("alternative") and len(gap_before) > 2:
                gap_before = gap_before[2:]  # "إيران أو وكلاؤها يخططون لتنفيذ هجمات"
            if gap_before[:1] and gap_before[0] in AR.words("that_he"):
                gap_before = gap_before[1:]  # "أعلن الجيش الأمريكي أنه نفذ غارة"
            if gap_before[:1] and gap_before[0] in AR.words("past_auxiliaries"):
                gap_before = gap_before[1:]  # "عناصر من داعش كانوا يخططون لتفجير": the plotters
            if gap_before and gap_before[0] in AR.words("perpetration_verbs"):
                return traced(why, "perpetrator.subject-of-perpetration-verb", doc, m)
            preceding = words_of(doc.norm[max(0, m.norm_start - 18):m.norm_start])
            if preceding[-1:] and preceding[-1] in AR.words("group_nouns"):
                preceding = preceding[:-1]  # "قامت سرية "قاصم الجبارين" باستهداف"
            if preceding and without_conjunction(preceding[-1]) in AR.words("perpetration_verbs") and \
                    t.start > m.norm_end and \
                    len(AR.pattern("perpetration_adjuncts").sub(" ", doc.norm[m.norm_end:t.start]).strip()) < 30:
                return traced(why, "perpetrator.perpetration-verb-before", doc, m)
            if AR.pattern("agent_marker_gap").fullmatch(gap_after):
                return traced(why, "perpetrator.by-agent", doc, m)
    return None



def verbal_noun_agent(doc: Document, mentions: list[Mention], triggers: list[Trigger],
                      why: list[Trace] | None = None) -> Mention | None:
    """"استهداف طهران بالصواريخ قاعدة للمعارضة": a verbal noun's agent right after it, as its genitive, when an
    instrument follows the party; the party may be a capital standing for its state (the caller maps it)."""
    nouns = AR.words("agentive_verbal_nouns")
    for t in triggers:
        if without_conjunction(doc.norm[t.start:t.end]) not in nouns:
            continue
        for m in mentions:
            if 0 <= m.norm_start - t.end <= 2 and not m.by_adjective and \
                    m.entity.kind in {EntityKind.STATE, EntityKind.ARMED_GROUP, EntityKind.PLACE} and \
                    _instrument_after(doc, m):
                return traced(why, "perpetrator.verbal-noun-agent", doc, m)
    return None
