"""Statements (speech acts): accusations, denials, claims, condemnations and threats.

A trigger (lexicon/statement_triggers.tsv, matched after clitic peeling) opens a statement. Its speaker is the
verb's subject: after the verb in running text (VSO, titles first: "ودان وزير الخارجية الأميركي مايك
بومبيو"), right before it in headlines and SVO clauses ("إيران تنفي"); participles and quoted first-person
forms take the speaker of the sentence's attribution ("قال X إن ..."). The accused is the next party after the
speaker, or the antecedent for "X وراء" and object pronouns. Negated triggers make no statement.
"""
from __future__ import annotations

from dataclasses import replace
from itertools import product

from graph_builder.components import component
from graph_builder.document import (
    Document,
    Entity,
    EntityKind,
    Mention,
    Sentence,
    Statement,
    StatementKind,
    Token,
    Trace,
)
from graph_builder.extract.accused import accused_of, antecedent, charge_between, reported_by, with_coordinated
from graph_builder.extract.acts import (
    Trigger,
    accused_rule,
    acts_in_attribution,
    denied_report,
    issued_warning,
    issues_warning,
    note_rule,
    threat_clause_at,
    warning,
)
from graph_builder.extract.adjectival import adjectival_triggers
from graph_builder.extract.carried import carried_speaker, speaker_around
from graph_builder.extract.committed import committed_agent
from graph_builder.extract.conditions import condition_party, danger_warned, refrained_act, supposed_act
from graph_builder.extract.duals import dual_subject
from graph_builder.extract.frames import form_speaker
from graph_builder.extract.headlines import unnamed_headline_subject
from graph_builder.extract.links import abouts, own_attack
from graph_builder.extract.phasal import phasal_triggers
from graph_builder.extract.roles import armed_force
from graph_builder.extract.speakers import (
    attributed_speaker,
    joined_verb_subject,
    named_or_office,
    speaker_of,
    speech_verb,
)
from graph_builder.extract.syntax import attack_words, is_actor, subject_after, subject_before, words_of
from graph_builder.extract.threat_targets import joined, other_subject_between, own_side, threat_targets_from_blame
from graph_builder.extract.triggers import speech_triggers
from graph_builder.lang import AR
from graph_builder.resources import Resources

_SELF_REPORTS = frozenset({"self_report", "reported_noun", "announced"})  # a party telling of its own acts
_NOMINAL = frozenset({"noun", "governed", "possessor"})  # verbal nouns, which a verb of refraining governs


def _conditional(doc: Document, tok: Token) -> bool:
    """The trigger sits in a conditional clause ("إذا ... فسنحمّلكم", "... في حالة سقوط ضحايا")."""
    before = doc.norm[max(0, tok.norm_start - 50):tok.norm_start]
    after = doc.norm[tok.norm_end:tok.norm_end + 60]
    return bool(AR.pattern("condition_before").search(before) or AR.pattern("condition_after").search(after))


def _object_is_attack(doc: Document, res: Resources, tok: Token, speaker: Mention) -> bool:
    """The verb's object, right after it and its subject, is an attack word ("رفض العراق الهجوم الأمريكي")."""
    start = max(tok.norm_end, speaker.norm_end if speaker.norm_start >= tok.norm_end else tok.norm_end)
    hits = attack_words(doc, res)
    return any(0 <= h.start - start <= 3 for h in hits)


def _about_violence(doc: Document, res: Resources, sent: Sentence, tokens: list[Token]) -> bool:
    """The sentence speaks of an attack or of violence ("بالوقوف وراء الهجوم", "بقصف", "مسؤولية مقتل"), or
    refers back to one ("ذلك"): "تتهم إيران الجماعات الكردية بالدخول على خط الاحتجاجات" charges no attack."""
    hits = attack_words(doc, res)
    if any(sent.norm_start <= h.start < sent.norm_end for h in hits):
        return True
    words = AR.words("attack_reference_words") | AR.words("violence_words")
    return any(t.stem in words or t.surface in words for t in tokens)


def _group_or_official(res: Resources, entity: Entity) -> bool:
    """Not an armed group nor one of its officials: such a speaker does not 'adopt' an attack."""
    body = res.entities.get(entity.official_of or "") if entity.kind is EntityKind.PERSON else entity
    return (body or entity).kind is not EntityKind.ARMED_GROUP


def _own_responsibility(doc: Document, res: Resources, tok: Token, sent_end: int) -> bool:
    """"أعلنت الخارجية التركية مسؤولية بلادها عن القصف": its own responsibility for an attack named right after
    (not "مسؤوليتها عن حماية السفارة")."""
    found = AR.pattern("own_responsibility").search(doc.norm, tok.norm_end, min(sent_end, tok.norm_end + 80))
    if found is None:
        return False
    hits = attack_words(doc, res)
    return any(0 <= h.start - found.end() <= 3 for h in hits)


def _earlier_speaker(doc: Document, res: Resources, mentions: list[Mention], tok: Token) -> Mention | None:
    """The subject of the last statement verb before a joined verb ("أعلنت الجماعة استهداف ...، وحذرت ..."), for
    a joined verb whose next party is its object."""
    if not tok.prefix or tok.prefix[0] not in AR.words("conjunctions"):
        return None
    earlier = [t for t in doc.tokens_in(doc.sentence_at(tok.norm_start)) if t.norm_end <= tok.norm_start]
    prev = next((t for t in reversed(earlier) if speech_verb(res, t)), None)
    found = named_or_office(doc, res, mentions, prev) if prev is not None else None
    return replace(found, via="joined-verb-warning-a-class") if found is not None else None


def _claims_attack_before(doc: Document, res: Resources, tok: Token) -> bool:
    """"في ضربة تبنتها القيادة المركزية": the claim verb's pronoun is the attack word right before it, so a state
    body claims the strike (not "القرار الذي تبناه مجلس الأمن")."""
    return tok.stem in AR.words("claimed_it_forms") and \
        any(0 <= tok.norm_start - h.end <= 2 for h in attack_words(doc, res))


@component("statements", requires=("sentences", "tokens", "mentions", "attacks"), assigns=("statements",))
def extract_statements(doc: Document, res: Resources) -> None:
    """Add the document's statements to `doc.statements`, one per distinct speaker/kind/accused/about."""
    seen: dict[tuple, Statement] = {}
    inherited: Mention | None = None
    for sent in doc.sentences:
        tokens = doc.tokens_in(sent.index)
        sent_text = doc.norm[sent.norm_start:sent.norm_end]
        mentions = doc.mentions_in(sent.index)
        triggers = speech_triggers(res, tokens, sent_text)
        has_accusation_verb = any(t.kind is StatementKind.ACCUSATION and t.role != "behind" for t in triggers)
        has_threat_verb = any(t.kind is StatementKind.THREAT and t.role in {"verb", "participle"} for t in triggers)
        refs = AR.words("attack_reference_words")
        # "وتبنّاه تنظيم داعش": the pronoun on the claim verb refers back to the attack, as "الهجوم" would
        has_attack_word = any(t.stem in refs or t.surface in refs or t.stem in AR.words("claimed_it_forms")
                              for t in tokens)
        triggers = phasal_triggers(doc, tokens, mentions, triggers) + adjectival_triggers(doc, tokens, mentions) + \
            acts_in_attribution(doc, res, tokens, mentions, inherited)
        for trig in triggers:
            pair: list[Mention] | None = None
            if trig.role == "exchanged":
                _exchanged_charges(doc, res, sent.index, trig, mentions, has_attack_word, seen)
                continue
            if supposed_act(doc, trig.token) or (trig.role in _NOMINAL and refrained_act(doc, trig.token)):
                continue  # "نفى أن يكون قد هدد", "استبعد أن تكون X قد تبنت", "امتنعت عن تهديد": no act made
            accused_entity: Entity | None = None
            if trig.role in {"behind", "verb_obj", "committed"}:
                if trig.role == "behind" and trig.kind is StatementKind.ACCUSATION and has_accusation_verb:
                    continue  # the accusation verb already covers "X وراء"
                if trig.role == "behind" and trig.kind is StatementKind.THREAT and has_threat_verb:
                    continue  # "محذراً إسرائيل من أن أي عدوان على لبنان سيقابل برد": the warning covers it
                target = committed_agent(doc, mentions, trig.token) if trig.role == "committed" else \
                    antecedent(mentions, trig.token.norm_start, None, doc, res)
                if target is None or (trig.role == "behind" and charge_between(doc, target.norm_end,
                                                                               trig.token.norm_start)) or \
                        (trig.kind is StatementKind.THREAT and other_subject_between(doc, res, target, trig.token)):
                    continue  # "لم يتهم X أي جهة بالوقوف وراء": X is the accuser, never the one behind
                if trig.role == "behind" and AR.pattern("unknown_behind").search(
                        doc.norm[target.norm_end:trig.token.norm_start]):
                    continue  # "لتحديد الجهة التي تقف وراء": the one behind is unknown, the party before is not it
                accused_entity = target.entity
                if trig.role == "verb_obj":  # "واتهمه X", or a joined verb with no subject after it ("وتوعده برد")
                    speaker = subject_after(doc, mentions, trig.token.norm_end) or \
                        joined_verb_subject(doc, res, mentions, trig.token) or \
                        subject_before(doc, mentions, trig.token.norm_start, res.cues["svo_particles"])
                    if speaker is not None and speaker.entity.key == accused_entity.key:  # the pronoun is not him
                        other = antecedent(mentions, trig.token.norm_start, speaker.entity, doc, res)
                        accused_entity = other.entity if other is not None else None
                else:
                    speaker = reported_by(doc, mentions, target) or \
                        attributed_speaker(doc, res, mentions, tokens, target.norm_start, inherited)
            else:
                pair = dual_subject(doc, trig.token) if trig.role in {"verb", "verb_on_attack"} else None
                form, speaker = form_speaker(doc, res, tokens, mentions, trig)
                if pair is not None:
                    speaker = pair[0]
                elif not form:
                    speaker = speaker_around(doc, res, trig.role, trig.token, mentions, tokens, sent.is_headline,
                                             inherited)
                if speaker is not None and speaker.via == "warned-class" and trig.kind is StatementKind.THREAT:
                    # "، وحذرت شركات الشحن من ...": the class is whom it warns; the speaker is the one before
                    speaker = _earlier_speaker(doc, res, mentions, trig.token)
                if speaker is not None:  # the accused follows the last of coordinated speakers ("اتهمت X وY Z")
                    whole = replace(speaker, norm_end=_coordinated_speakers(doc, mentions, speaker)[-1].norm_end)
                    accused_entity = accused_of(doc, res, trig, whole, mentions, triggers, sent.norm_end)
            if speaker is not None and sent.is_headline and trig.role == "verb" and \
                    speaker.norm_start > trig.token.norm_start and \
                    unnamed_headline_subject(doc, res, tokens, mentions, trig.token):
                continue  # "فصيل عراقي يتوعد القوات الأميركية": the party after the verb is its object
            if speaker is None or (trig.role == "behind" and any(
                    o.speaker == speaker.entity and o.sentence == sent.index for o in doc.statements)):
                continue  # "نفى X أن Y وراء الهجوم": X denies, X does not accuse
            if trig.kind is StatementKind.THREAT and AR.pattern("endangering").match(doc.norm, trig.token.norm_end):
                continue  # "تصعيد يهدد أمن المنطقة": a danger, not a threat
            if (trig.kind is StatementKind.CLAIM and AR.pattern("habitual").search(sent_text)) or \
                    AR.pattern("question").search(sent_text):
                continue  # a claim of attacks in general; a question ("هل ستتبنى الكتائب الهجوم؟")
            if trig.kind in {StatementKind.CLAIM, StatementKind.DENIAL, StatementKind.CONDEMNATION} and \
                    AR.pattern("condition_before").search(doc.norm[max(0, trig.token.norm_start - 50):
                                                                   trig.token.norm_start]):
                continue  # "إذا ما أعلن التنظيم مسؤوليته ...": a supposed claim is none
            if trig.role == "verb_on_attack" and not _object_is_attack(doc, res, trig.token, speaker):
                continue  # "رفض X الاتهامات" rejects a charge, "رفض X الهجوم" condemns an attack
            if trig.kind is StatementKind.DENIAL and AR.pattern("declined_charge").match(
                    doc.norm, max(trig.token.norm_end, speaker.norm_end), sent.norm_end):
                continue  # "رفض X توجيه الاتهام إلى أي طرف": no one is cleared
            if trig.kind is StatementKind.CLAIM and _group_or_official(res, speaker.entity) and \
                    trig.role not in _SELF_REPORTS and not _own_responsibility(doc, res, trig.token, sent.norm_end) \
                    and not _claims_attack_before(doc, res, trig.token):
                continue  # "تبنى مجلس الأمن بيانا": only a group 'adopts' an attack; a state announces its own
            if trig.kind is StatementKind.THREAT and issues_warning(trig):
                issued, accused_entity = issued_warning(doc, res, trig, speaker, mentions)
                if not issued:
                    continue  # "وجهت X اتهامات ... وحذرت": this verb issues no warning
            if trig.kind is StatementKind.THREAT and accused_entity is not None and \
                    own_side(res, speaker.entity, accused_entity):
                accused_entity = None  # one never threatens its own body or state
            if trig.kind is StatementKind.ACCUSATION and (accused_entity is None or own_side(
                    res, speaker.entity, accused_entity) or not _about_violence(doc, res, sent, tokens)):
                continue  # no one, the speaker's own body ("المتحدث باسم الحكومة"), or a charge of no attack
            if trig.kind is StatementKind.THREAT and warning(trig) and \
                    (accused_entity is None or danger_warned(doc, trig.token, sent.norm_end)) and \
                    not set(words_of(sent_text)) & res.cues["retaliation_words"] and \
                    threat_clause_at(doc, max(0, sent.norm_start - 1), sent.norm_end) is None:
                continue  # "حذرت الأمم المتحدة (إسرائيل) من أن الهجمات قد تجر المنطقة إلى حرب": a caution
            if trig.kind is StatementKind.THREAT and accused_entity is None and \
                    (party := condition_party(doc, res, mentions, sent, trig.token, speaker.entity)) is not None:
                accused_entity = note_rule(doc, party, "party-in-condition").entity  # "سترد إذا هاجم X مواقعها"
            kind = trig.kind
            if kind is StatementKind.ACCUSATION and _conditional(doc, trig.token):
                if AR.pattern("proof_condition_after").search(doc.norm[trig.token.norm_end:trig.token.norm_end + 60]):
                    continue  # "ستحمّل بغداد المسؤولية إذا ثبت أن ...": a charge awaiting proof is none yet
                kind = StatementKind.THREAT  # "سيحمّل إيران المسؤولية في حالة سقوط ضحايا" warns Iran
            what_denied = denied_report(doc, trig, speaker, sent.norm_end) \
                if kind is StatementKind.DENIAL and accused_entity is None else None
            evidence = doc.sentence_evidence(sent.index)
            speakers = pair or _coordinated_speakers(doc, mentions, speaker)
            own = accused_entity is not None and accused_entity.key == speaker.entity.key
            if own and kind is StatementKind.DENIAL and not has_attack_word and not any(
                    sent.norm_start <= h.start < sent.norm_end for h in attack_words(doc, res)):
                continue  # "تنأى بنفسها عن سياسة المحاور": distance from no attack is no denial
            after = max(trig.token.norm_end, speakers[-1].norm_end if speaker.norm_start > trig.token.norm_start
                        else 0)
            accused_list = [None] if own else with_coordinated(doc, mentions, accused_entity, after)
            # a denied report or rumour is no denial of a part in any attack: it is about none
            about_list = abouts(doc, sent.index, has_attack_word, trig.token.norm_start) \
                if what_denied is None else [None]
            for speaker, accused, about in product(speakers, accused_list, about_list):
                if own:
                    accused = speaker.entity  # "نفت X وY أي صلة لهما": each denies its own part
                key = (kind, speaker.entity.key, accused.key if accused else None, id(about))
                if key in seen:
                    if evidence not in seen[key].evidence:
                        seen[key].evidence.append(evidence)
                        seen[key].traces.extend(_traces(doc, trig, kind, speaker, sent.index, what_denied, accused))
                    seen[key].denies = seen[key].denies or what_denied  # the rumour one report of it names
                    continue
                stmt = Statement(kind=kind, sentence=sent.index, evidence=[evidence], speaker=speaker.entity,
                                 accused=accused, about=about, date=about.date if about else None,
                                 confidence=0.7 if trig.role == "verb" else 0.55, denies=what_denied,
                                 traces=_traces(doc, trig, kind, speaker, sent.index, what_denied, accused))
                seen[key] = stmt
                doc.statements.append(stmt)
                if kind is StatementKind.CLAIM and about is not None and about.perpetrator is None:
                    # the claimer says it carried the attack out; a spokesman's body did
                    about.perpetrator = res.entities.get(speaker.entity.official_of or "") \
                        if speaker.entity.kind is EntityKind.PERSON and speaker.entity.official_of in res.entities \
                        else speaker.entity
                    if about.perpetrator.kind is EntityKind.ORGANIZATION and not armed_force(about.perpetrator):
                        # "أعلنت وزارة الخارجية التركية مسؤولية بلادها": a civil body speaks for its state's act
                        about.perpetrator = res.state_of(about.perpetrator) or about.perpetrator
                    about.traces.append(Trace("statements/perpetrator.claimed-by", speaker.entity.label_ar,
                                              sent.index))
        inherited = None if sent.is_headline else carried_speaker(doc, res, tokens, mentions, inherited)
    for stmt in doc.statements:
        if stmt.kind is StatementKind.CLAIM and stmt.about is None and \
                (own := own_attack(doc, res, stmt.speaker)) is not None:
            stmt.about = own  # a claim of an operation the story tells as the speaker's one attack
            stmt.traces.append(Trace("statements/about.own-attack", own.kind.value, stmt.sentence))
    threat_targets_from_blame(doc, res)


def _exchanged_charges(doc: Document, res: Resources, sent_index: int, trig: Trigger, mentions: list[Mention],
                       has_attack_word: bool, seen: dict[tuple, Statement]) -> None:
    """"تبادلت X وY الاتهامات بشأن القصف", "تبادل X الاتهامات مع Y": each party accuses the other."""
    first = speaker_of(doc, res, "verb", trig.token, mentions, doc.tokens_in(sent_index),
                       doc.sentences[sent_index].is_headline, None)
    if first is None:
        return
    parties = _coordinated_speakers(doc, mentions, first)
    if len(parties) == 1:  # "مع Y" after the charges
        with_ = AR.pattern("exchange_partner").search(doc.norm, first.norm_end, doc.sentences[sent_index].norm_end)
        other = next((m for m in mentions if with_ is not None and m.norm_start == with_.end() and is_actor(m)),
                     None)
        parties += [other] if other is not None else []
    if len(parties) < 2 or not _about_violence(doc, res, doc.sentences[sent_index], doc.tokens_in(sent_index)):
        return
    for speaker, accused in product(parties, parties):
        if speaker.entity.key == accused.entity.key:
            continue
        for about in abouts(doc, sent_index, has_attack_word):
            key = (StatementKind.ACCUSATION, speaker.entity.key, accused.entity.key, id(about))
            if key in seen:
                continue
            seen[key] = Statement(
                kind=StatementKind.ACCUSATION, sentence=sent_index, evidence=[doc.sentence_evidence(sent_index)],
                speaker=speaker.entity, accused=accused.entity, about=about, date=about.date if about else None,
                confidence=0.55, traces=_traces(doc, trig, StatementKind.ACCUSATION, speaker, sent_index))
            doc.statements.append(seen[key])


def _traces(doc: Document, trig: Trigger, kind: StatementKind, speaker: Mention, sentence: int,
            denied_report: str | None = None, accused: Entity | None = None) -> list[Trace]:
    """The rules behind one statement: its trigger in its role, how the speaker and the accused were found,
    what it denies."""
    words = doc.norm[trig.token.norm_start:trig.token.norm_end]
    out = [Trace(f"statements/{kind.value}.{trig.role}", words, sentence),
           Trace(f"statements/speaker.{speaker.via}", doc.norm[speaker.norm_start:speaker.norm_end], sentence)]
    if denied_report is not None:
        out.append(Trace("statements/denial-of-report", denied_report, sentence))
    if trig.note is not None:
        out.append(Trace(f"statements/{trig.note}", words, sentence))
    if (rule := accused_rule(doc, sentence, accused)) is not None:
        out.append(Trace(f"statements/accused.{rule}", accused.label_ar if accused else "", sentence))
    if kind is not trig.kind:
        out.append(Trace("statements/conditional-blame-is-threat", words, sentence))
    return out


def _coordinated_speakers(doc: Document, mentions: list[Mention], speaker: Mention) -> list[Mention]:
    """The speaker and the parties listed with it ("دانت السعودية والإمارات وقطر الهجوم", "نفت حركة النجباء وكتائب
    حزب الله", "دان الرئيس X ورئيس البرلمان Y", "واشنطن ولندن تتهمان"): each makes the statement."""
    out, previous = [speaker], speaker
    for k, m in enumerate(mentions):
        if m.norm_start < previous.norm_end or not is_actor(m) or m.entity.key in {o.entity.key for o in out}:
            continue
        if not joined(doc, previous, m):
            holder = next((n for n in mentions[k + 1:] if is_actor(n)), None)
            if m.entity.kind is not EntityKind.PERSON and holder is not None and joined(doc, previous, holder):
                continue  # "ورئيس مجلس النواب محمود المشهداني": the body inside the joined title is no speaker
            break
        out.append(m)
        previous = m
    first = speaker
    for m in reversed(mentions):  # a subject before its verb may be the last of a list ("واشنطن ولندن تتهمان")
        if m.norm_end > first.norm_start or not is_actor(m) or m.entity.key in {o.entity.key for o in out}:
            continue
        if len(doc.norm[m.norm_end:first.norm_start].replace('"', " ").split()) != 1 or not joined(doc, m, first):
            break
        out.insert(0, m)
        first = m
    return out
