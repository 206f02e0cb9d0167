"""Reported speech read for speech acts made without an act verb.

A speaker who says that a party carried out, plans or backs an attack accuses that party, one who says it did
not denies its part; one who calls an attack a crime ("انتهاك خطير للسيادة", "عمل إرهابي جبان") condemns it.

"قال ترامب إن إيران أو وكلاءها يخططون لتنفيذ هجمات", "نقلت الشبكة عن الحسيني قوله إن قصف أربيل رد من قبل
إيران", "قال مسؤول أمريكي إن ... هجوم محتمل تشنه إيران": no accusation verb, yet an accusation. The clause
after the attribution ("إن ...") is read for a perpetrator as the attack extractor reads one, plus relative verbs
("تشنه X", "تدعمه X") and "من قبل X" further from the trigger; a party the speaker speaks for is not accused
(that is a claim or a boast), nor is anyone named by an anonymous or media speaker.
"""
from __future__ import annotations

from functools import lru_cache
from itertools import pairwise

from graph_builder import lexicon
from graph_builder.components import component
from graph_builder.document import Document, Entity, EntityKind, Mention, Statement, StatementKind, Token, Trace
from graph_builder.extract.acts import own_attack_verb
from graph_builder.extract.carried import carried_speaker
from graph_builder.extract.headlines import colon_speaker
from graph_builder.extract.issuers import source_clause_opener, statement_source
from graph_builder.extract.links import abouts
from graph_builder.extract.perpetrators import perpetrator_in
from graph_builder.extract.roles import affirmed, triggers_in
from graph_builder.extract.speakers import attributed_speaker, speaker_of
from graph_builder.extract.syntax import attack_words, is_actor, words_of
from graph_builder.gazetteer import Hit
from graph_builder.lang import AR
from graph_builder.resources import Resources
from graph_builder.text.tokens import peel

_AGENT_REACH = 60  # characters between an attack word and the party named as its agent
_ANTECEDENT_REACH = 40  # characters from an attack word back before a reported clause to the clause itself
_AGENTS = frozenset({EntityKind.ARMED_GROUP, EntityKind.STATE, EntityKind.ORGANIZATION, EntityKind.PERSON})


def _preposed(tok: Token) -> bool:
    """"بحسب X، فإن ...", "على لسان X أن ...": a word naming whose account the clause after it is."""
    return _preposed_word(tok.surface)


@lru_cache(maxsize=8192)
def _preposed_word(word: str) -> bool:
    return any(stem in AR.words("preposed_attribution") for _, stem in peel(word))


def _speaker(doc: Document, res: Resources, tokens: list[Token], i: int, before: int, mentions: list[Mention],
             inherited: Mention | None) -> Mention | None:
    tok = tokens[i]
    if tok.surface in AR.words("reported_nouns"):  # "نقلت الشبكة عن علي الحسيني قوله إن ..."
        return speaker_of(doc, res, "reported_noun", tok, mentions, tokens, False, None)
    if i == 0 and (issuer := statement_source(doc, tokens, inherited)) is not None:
        return issuer  # "وبحسب البيان فإن ...", "وجاء في البيان أن ...": whoever issued it before
    if _preposed(tok):  # "وبحسب خلية الإعلام الأمني، فإن ...", "وفقا لوزارة الدفاع": the party after it, or no one
        found = speaker_of(doc, res, "self_report", tok, mentions, tokens, False, None)
        if found is None or found.norm_start >= before:
            found = next((m for m in mentions if is_actor(m) and 0 <= m.norm_start - tok.norm_end <= 2), None)
        return found if found is not None and found.norm_start < before else None
    return attributed_speaker(doc, res, mentions, tokens, before, inherited if i == 0 else None)


def _agent(doc: Document, res: Resources, hits: list[Hit], mentions: list[Mention], start: int,
           end: int) -> Mention | None:
    """The party the clause doc.norm[start:end] makes the agent of an attack, if any ("لا تهاجم X" makes none)."""
    triggers = affirmed(doc, res.cues["negation"], triggers_in(hits, start, end))
    if not triggers:
        # "لغارات تقول دمشق إن إسرائيل تشنها": the attack named right before the clause, carried out by its party
        if not triggers_in(hits, max(0, start - _ANTECEDENT_REACH), start):
            return None
        return next((m for m in mentions if start <= m.norm_start < end and is_actor(m) and
                     AR.pattern("carries_it_out").match(doc.norm, m.norm_end, end)), None)
    clause = [m for m in mentions if start <= m.norm_start < end and not AR.pattern("counted_members").search(
        doc.norm[max(start, m.norm_start - 30):m.norm_start])]  # "إن اثنين من أعضاء الحشد قتلا": victims
    found = perpetrator_in(doc, clause, triggers)
    relative = _relative_agent(doc, res, clause, triggers, start)
    if found is not None and found.by_adjective:
        # "الضربات الأمريكية" names its agent as a fact; "إن طائرة تركية مسيرة استهدفت" is the speaker's charge,
        # and so is another party "من قبل" ("القصف رد من قبل إيران على مقتل ... في قصف إسرائيلي")
        return _carrier_agent(doc, clause, end) or \
            (relative if relative is not None and relative.entity.key != found.entity.key else None)
    if found is not None:
        # "عن هجوم محتمل تدعمه إيران ... وليس على غرار الهجوم الذي شنته طهران": the charge comes first
        return relative if relative is not None and relative.norm_start < found.norm_start else found
    carried = _carrier_agent(doc, clause, end)
    if carried is not None:
        return carried
    for m in clause:  # "إن الحوثيين هم من أطلقوا", "إن إسرائيل مسؤولة عن التفجير", "إن X يتحمل المسؤولية"
        if is_actor(m) and AR.pattern("agent_predicate").match(doc.norm, m.norm_end, end):
            return m
    return relative


def _relative_agent(doc: Document, res: Resources, clause: list[Mention], triggers: list, start: int
                    ) -> Mention | None:
    """The first party a relative or passive clause right after an attack word makes its agent ("هجوم تشنه
    إيران", "هجوم من قبل X"); not a negated one ("لم تنفذها الفصائل")."""
    for m in clause:
        if not is_actor(m) or not any(0 < m.norm_start - t.end <= _AGENT_REACH for t in triggers):
            continue
        if _marked_agent(doc, start, m) and \
                not set(doc.norm[max(start, m.norm_start - 20):m.norm_start].split()) & res.cues["negation"]:
            return m
    return None


def _denied_agent(doc: Document, res: Resources, hits: list[Hit], mentions: list[Mention], start: int,
                  end: int) -> Mention | None:
    """The party the clause says did not carry an attack out, right before the negation or right after the
    negated verb ("إن الحرس الثوري لم يطلق أي صاروخ", "إن الضربة لم تنفذها فصائل المقاومة"): the speaker
    denies that party's part."""
    if not triggers_in(hits, start, end):
        return None
    tokens = [t for t in doc.tokens_in(doc.sentence_at(start)) if start <= t.norm_start < end]
    for neg, verb in pairwise(tokens):
        if neg.surface not in AR.words("past_negation") or not own_attack_verb(res, verb, negated=True):
            continue
        parties = [m for m in mentions if is_actor(m) and start <= m.norm_start < end and m.entity.kind in _AGENTS]
        after = next((m for m in parties if 0 <= m.norm_start - verb.norm_end <= 3
                      and not doc.norm[verb.norm_end:m.norm_start].strip(' "')), None)
        before = next((m for m in parties if 0 <= neg.norm_start - m.norm_end <= 2), None)
        if after is not None or before is not None:
            return after or before  # "لم تطلق إيران" (VSO) before "إيران لم تطلق"


def _marked_agent(doc: Document, start: int, m: Mention) -> bool:
    """A relative verb with its object pronoun ("تشنه X") or "من قبل/على يد" right before the party."""
    before = doc.norm[max(start, m.norm_start - 20):m.norm_start]
    return bool(AR.pattern("relative_agent").search(before) or AR.pattern("by_agent").search(before))


def _nearest_trigger(doc: Document, res: Resources, hits: list[Hit], agent: Mention | None, start: int,
                     end: int) -> str | None:
    """The attack word nearest the agent: the attack the charge is about."""
    if agent is None:
        return None
    triggers = triggers_in(hits, start, end)
    if _marked_agent(doc, start, agent):
        # "قصف أربيل رد من قبل إيران على مقتل ...": a relative or passive agent follows the attack it did
        triggers = [t for t in triggers if t.end <= agent.norm_start] or triggers
    if not triggers:
        return None
    near = min(triggers, key=lambda t: min(abs(t.start - agent.norm_end), abs(agent.norm_start - t.end)))
    return doc.norm[near.start:near.end]


def _carrier_agent(doc: Document, clause: list[Mention], end: int) -> Mention | None:
    """"إن طائرة تركية مسيرة استهدفت سيارة": the nationality of the aircraft or unit that is the subject of an
    attack verb names who struck, as the speaker tells it."""
    agent_verbs = lexicon.frame_forms("subject", "perpetrator")
    for m in clause:
        if not m.by_adjective or m.entity.kind is not EntityKind.STATE:
            continue
        before = doc.norm[max(0, m.norm_start - 16):m.norm_start].replace('"', " ").split()
        if not before or _bare(before[-1]) not in AR.words("weapon_carriers"):
            continue
        after = doc.norm[m.norm_end:min(end, m.norm_end + 30)].replace('"', " ").split()[:3]
        if any(_bare(w) in agent_verbs or w in agent_verbs for w in after):
            return m
    return None


def _bare(word: str) -> str:
    """A word without a fused conjunction or preposition ("وطائرة" -> "طائرة")."""
    return word[1:] if word[:1] in AR.words("coordinator") and len(word) > 3 else word


def _with_coordinated_before(doc: Document, mentions: list[Mention], agent: Mention | None) -> list[Mention]:
    """The agent and the parties joined to it ("أمريكا وبريطانيا شنت"): each is charged, whichever of them the
    roles named."""
    if agent is None:
        return []
    out = [agent]
    for m in reversed([m for m in mentions if m.norm_end <= agent.norm_start and is_actor(m)]):
        if not _joined(doc, m, out[-1]):
            break
        out.append(m)
    last = agent
    for m in [m for m in mentions if m.norm_start >= agent.norm_end and is_actor(m)]:
        if not _joined(doc, last, m):
            break
        out.append(m)
        last = m
    return out


def _joined(doc: Document, before: Mention, after: Mention) -> bool:
    joint = doc.norm[before.norm_end:after.norm_start].replace("\u060c", " ").split()
    return len(joint) == 1 and joint[0] in AR.words("coordinator")


def _same_side(res: Resources, speaker: Entity, party: Entity) -> bool:
    """The speaker's own body or state, or forces of that state: reporting one's own strike accuses no one."""
    state = res.state_of(speaker)
    return party.key in {speaker.key, speaker.official_of} or (state is not None and state == res.state_of(party))


def _add(doc: Document, kind: StatementKind, sent_index: int, said: Mention, accused: Entity | None,
         rule: str, words: str, trigger: str | None = None) -> None:
    """One statement per attack the sentence refers to, unless the document already has it, traced with the rule
    and how its speaker was found (`said.via`: "statement-issuer" for "وبحسب البيان فإن ..."); with the attack
    word the charge is about (`trigger`), only the attacks that word reports when the sentence tells of several
    ("هجوم محتمل تدعمه إيران ... وليس على غرار الهجوم الصاروخي الذي شنته طهران")."""
    speaker = said.entity
    found = abouts(doc, sent_index, True)
    if trigger is not None and len(found) > 1:
        named = [a for a in found if a is not None and any(
            t.sentence == sent_index and t.rule.startswith("attacks/trigger") and trigger in t.words
            for t in a.traces)]
        found = named or found
    for about in found:
        if any(s.kind is kind and s.speaker == speaker and s.accused == accused and s.about is about
               for s in doc.statements):
            continue
        doc.statements.append(Statement(
            kind=kind, sentence=sent_index, evidence=[doc.sentence_evidence(sent_index)], speaker=speaker,
            accused=accused, about=about, date=about.date if about else None, confidence=0.5,
            traces=[Trace(f"allegations/{rule}", words, sent_index),
                    Trace(f"statements/speaker.{said.via}", doc.norm[said.norm_start:said.norm_end], sent_index)]))


_HOMOGRAPH_OBJECT_REACH = 8  # tokens from "وعدّ" to the attack noun it takes as its object


def _counted_attack(doc: Document, hits: list[Hit], tokens: list[Token], i: int) -> bool:
    """"وعدّ X القصف انتهاكاً" (counted the strike as), not "وعد X بالرد" (promised): an attack noun follows the
    verb and its subject within a few words, with no "بـ" complement or "أن" clause before it."""
    for tok in tokens[i + 1:i + 1 + _HOMOGRAPH_OBJECT_REACH]:
        if triggers_in(hits, tok.norm_start, tok.norm_end):
            return True
        named = any(True for _ in doc.mentions_overlapping(tok.norm_start, tok.norm_end))  # "نيجيرفان بارزاني"
        if (tok.surface[:1] in AR.words("fused_prepositions") and not named) or \
                tok.surface in AR.words("complementisers"):
            return False
    return False


def _evaluates(doc: Document, res: Resources, hits: list[Hit], start: int, end: int,
               of_it: bool = False) -> int | None:
    """Where the clause calls an attack it names, before that, a crime ("إن استهداف الحشد انتهاك خطير للسيادة",
    "عمل إرهابي جبان"), or one its verb's pronoun stands for (`of_it`: "ووصفه X بانتهاك سافر"); None when not."""
    crime = AR.pattern("crime_phrase").search(doc.norm, start, end)
    if crime is None or not (of_it or triggers_in(hits, start, crime.start() + 1)):
        return None
    return crime.start()


@component("allegations", requires=("sentences", "tokens", "mentions", "attacks", "statements"),
           assigns=("statements",))
def extract_allegations(doc: Document, res: Resources) -> None:
    """Read reported speech ("قال X إن ...") for speech acts it makes without an act verb: an Accusation of the
    party it makes the agent of an attack, a Condemnation when it calls the attack a crime."""
    attribution = res.cues["attribution"] | res.cues["evaluation_verbs"] | res.cues["evaluation_of_it"]
    hits = attack_words(doc, res)
    reported_nouns, homographs = AR.words("reported_nouns"), res.cues["evaluation_homographs"]  # once per document
    inherited: Mention | None = None
    for sent in doc.sentences:
        tokens, mentions = doc.tokens_in(sent.index), doc.mentions_in(sent.index)
        for i, tok in enumerate(tokens):
            # "وجاء في البيان أن": the statement the sentence before issued goes on
            preposed = _preposed_word(tok.surface) or source_clause_opener(doc, tokens, i, inherited)
            colon = colon_speaker(doc, tokens, mentions, i)  # "الخارجية العراقية: استهداف المخيم جريمة نكراء"
            if tok.stem not in attribution and tok.surface not in attribution and \
                    tok.surface not in reported_nouns and not preposed and colon is None and \
                    tok.surface not in homographs:  # by surface: "بعد" peels to "عد"
                continue
            openers = AR.words("preposed_complementisers") if preposed else AR.words("complementisers")
            clause = next((t for k, t in enumerate(tokens[i + 1:i + 25], start=i + 1)
                           if t.surface in openers
                           or ":" in doc.norm[tokens[k - 1].norm_end:t.norm_start]), None)  # "قال X: «...»"
            # "اعتبرت X القصف انتهاكا صارخا", "وصف X الهجوم بأنه عمل جبان": an evaluation needs no "أن"
            evaluation = tok.stem in res.cues["evaluation_verbs"] or tok.surface in res.cues["evaluation_verbs"] or \
                (tok.surface in res.cues["evaluation_homographs"] and _counted_attack(doc, hits, tokens, i))
            of_it = tok.stem in res.cues["evaluation_of_it"] and any(min(a.sentences) <= sent.index
                                                                       for a in doc.attacks)
            if tok.surface in res.cues["evaluation_homographs"] and not evaluation:
                continue  # "وعد X بالرد": a promise, no report
            if clause is None and not evaluation and not of_it:
                continue
            crime = _evaluates(doc, res, hits, tok.norm_end, sent.norm_end, of_it)
            before = clause.norm_start if clause is not None else (crime or sent.norm_end)
            speaker = colon or _speaker(doc, res, tokens, i, before, mentions, inherited)
            if speaker is None or speaker.entity.kind is EntityKind.MEDIA:
                continue
            if crime is not None:
                _add(doc, StatementKind.CONDEMNATION, sent.index, speaker, None, "attack-called-a-crime",
                     tok.surface)
            if clause is None:
                break
            if set(words_of(doc.norm[tok.norm_end:sent.norm_end])) & res.cues["expectation"]:
                break  # "إنه يتوقع أن تشن الفصائل هجمات": a forecast, not a charge
            agent = _agent(doc, res, hits, mentions, clause.norm_start, sent.norm_end)
            if agent is not None and \
                    AR.pattern("condition_before").search(doc.norm[clause.norm_start:agent.norm_start]):
                agent = None  # "إنه إذا ثبت أن إسرائيل تقف وراء الهجوم فإن الرد سيكون حتمياً": no charge yet
            # "الضربات الأمريكية" names its agent as a fact; "مجموعة خارجة عن القانون" names no one
            denied = _denied_agent(doc, res, hits, mentions, clause.norm_start, sent.norm_end) if agent is None \
                else None
            if denied is not None and denied.entity.key not in res.cues["unidentified_agents"] and not any(
                    s.kind is StatementKind.DENIAL and s.sentence == sent.index and s.speaker == speaker.entity
                    for s in doc.statements):  # the statement reader read the clause as its denial already
                _add(doc, StatementKind.DENIAL, sent.index, speaker, denied.entity, "denied-agent",
                     doc.norm[denied.norm_start:denied.norm_end])
            charged = _nearest_trigger(doc, res, hits, agent, clause.norm_start, sent.norm_end)
            for party in _with_coordinated_before(doc, mentions, agent):
                if party.entity.key not in res.cues["unidentified_agents"] and \
                        not _same_side(res, speaker.entity, party.entity):
                    _add(doc, StatementKind.ACCUSATION, sent.index, speaker, party.entity,
                         "agent-in-reported-speech", doc.norm[party.norm_start:party.norm_end], charged)
            break
        inherited = None if sent.is_headline else carried_speaker(doc, res, tokens, mentions, inherited)
