"""Statements (speech acts): accusations, denials, claims, condemnations and threats.

A trigger (lexicon/statement_triggers.tsv, matched after clitic peeling) opens a statement. Its speaker is the
verb's subject: after the verb in running text (VSO, titles first: "ودان وزير الخارجية الأميركي مايك
بومبيو"), right before it in headlines and SVO clauses ("إيران تنفي"); participles and quoted first-person
forms take the speaker of the sentence's attribution ("قال X إن ..."). The accused is the next party after the
speaker, or the antecedent for "X وراء" and object pronouns. Negated triggers make no statement.
"""
from __future__ import annotations

from dataclasses import dataclass
from itertools import product

from graph_builder import lexicon
from graph_builder.components import component
from graph_builder.document import (
    Document,
    Entity,
    EntityKind,
    Mention,
    Statement,
    StatementKind,
    Token,
    Trace,
)
from graph_builder.extract.links import abouts
from graph_builder.extract.speakers import attributed_speaker, sentence_speaker, speaker_of
from graph_builder.extract.syntax import clause_between, is_actor, subject_after
from graph_builder.lang import AR
from graph_builder.resources import Resources
from graph_builder.text.morphology import verb_trigger
from graph_builder.text.tokens import peel

_OBJECT_WINDOW = 120
_SELF_REPORTS = frozenset({"self_report", "reported_noun", "announced"})  # a party telling of its own acts
_THREAT_WINDOW = 45  # "توعد طهران", "هدد الولايات المتحدة": the threatened party follows closely
def _definite(prefix: str) -> bool:
    """The peeled prefix holds the article ("المتهمين" names people, it reports no act)."""
    return any(a in prefix for a in AR.words("article"))


@dataclass
class _Trigger:
    token: Token
    kind: StatementKind
    role: str


def _triggers(res: Resources, tokens: list[Token], sent_text: str) -> list[_Trigger]:
    table, negation = lexicon.statement_triggers(), res.cues["negation"]
    out = []
    for i, tok in enumerate(tokens):
        negated = any(t.surface in negation for t in tokens[max(0, i - 2):i])
        for prefix, stem in peel(tok.surface):
            trigs = table.get(stem)
            if not trigs:
                continue
            if _definite(prefix) and not any(t.role == "behind" for t in trigs):
                break  # "المتهمين" (the accused) names people; it reports no act
            if not negated:
                # a verb form after a preposition is its verbal noun ("سارعت X إلى نفي ...")
                nominal = i > 0 and tokens[i - 1].surface in AR.words("noun_prepositions") and not prefix
                out.extend(_Trigger(tok, StatementKind(t.kind), "noun" if nominal and t.role == "verb" else t.role)
                           for t in trigs if not t.requires or any(r in sent_text for r in t.requires))
            break
        else:
            found = None if negated or _definite(tok.prefix) else verb_trigger(tok.surface)
            if found is not None:
                out.append(_Trigger(tok, StatementKind(found[0]), "quoted" if found[1] else "verb"))
    return out


def _acts_in_attribution(doc: Document, res: Resources, tokens: list[Token],
                         mentions: list[Mention]) -> list[_Trigger]:
    """Speech acts with no act verb, inside "قال X إن ...": a group reporting its own attack claims it ("قالت
    المقاومة الإسلامية إنها استهدفت قاعدة حرير"); a party saying it has nothing to do with it denies
    ("أكدت الكتائب أنها لا علاقة لها بالهجوم", "إنها غير مسؤولة عن الهجوم")."""
    out = []
    attribution, denials = res.cues["attribution"], res.cues["denial_clauses"]
    for i, tok in enumerate(tokens):
        reported_noun = tok.surface in AR.words("reported_nouns")  # "نقلت الوكالة عن متحدث باسم X قوله إن ..."
        if tok.stem not in attribution and tok.surface not in attribution and not reported_noun:
            continue
        role = "reported_noun" if reported_noun else "self_report"
        speaker = speaker_of(doc, res, role, tok, mentions, tokens, False, None)
        if speaker is None:
            continue
        if _announces_own_attack(doc, tokens, i, speaker):
            out.append(_Trigger(tok, StatementKind.CLAIM, "announced"))  # "أعلنت سنتكوم تنفيذ ضربة"
            continue
        for later in tokens[i + 1:i + 16]:
            if later.norm_start > max(speaker.norm_end, tok.norm_end) and later.surface in AR.words("complementisers"):
                rest = [t for t in tokens if t.norm_start > later.norm_end][:5]
                own = bool(rest) and (rest[0].surface in res.cues["own_fighters"] or
                                      rest[0].surface in AR.words("own_forces"))
                if own:
                    rest = rest[1:]  # "إن مجاهديها استهدفوا", "إن قواته نفذت": its fighters act for it
                clause = " ".join(t.surface for t in rest)
                whole = set(doc.norm[later.norm_end:tokens[-1].norm_end].split())
                itself = own or later.surface in AR.words("self_pronoun_complementisers")
                if rest and _own_attack_verb(res, rest[0]) and \
                        (speaker.entity.kind is EntityKind.ARMED_GROUP or itself):
                    out.append(_Trigger(tok, StatementKind.CLAIM, role))
                elif _says_any(doc.norm[later.norm_end:tokens[-1].norm_end], res.cues["threat_clauses"]):
                    out.append(_Trigger(tok, StatementKind.THREAT, role))  # "إن دمشق تحتفظ بحق الرد"
                elif any(clause.startswith(d) or f" {d}" in clause for d in denials) or \
                        (whole & res.cues["charge_nouns"] and whole & res.cues["false_words"]):
                    out.append(_Trigger(tok, StatementKind.DENIAL, role))  # "... أن الاتهامات باطلة"
                break
    return out


def _denied_report(doc: Document, trig: _Trigger, speaker: Mention, sent_end: int) -> str | None:
    """What a denial denies when it is a report or rumour ("نفت السفارة الشائعات التي تقول إنه تم إخلاؤها"), not
    someone's part in an attack; None when the words right after the trigger name no report, or name one
    about involvement ("نفى صحة التقارير عن تورط طهران")."""
    start = speaker.norm_end if speaker.norm_start >= trig.token.norm_end else trig.token.norm_end
    words = doc.norm[start:min(sent_end, start + 70)].replace('"', " ").replace("\u060c", " ").split()[:9]
    lead = f" {' '.join(words[:6])} "
    reports = AR.words("report_nouns")
    if not any(_bare_word(w) in reports for w in words[:6]) and not any(f" {r} " in lead for r in reports):
        return None
    if any(_bare_word(w) in AR.words("involvement_nouns") for w in words):
        return None
    return " ".join(words[:6])


def _bare_word(word: str) -> str:
    """A word without a fused preposition or conjunction and a possessive ending: "بتورطها" -> "تورط"."""
    for prefix, stem in peel(word):
        if prefix in AR.words("light_prefixes"):
            word = stem
            break
    for suffix in sorted(AR.words("possessive_suffixes"), key=len, reverse=True):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def _warning(trig: _Trigger) -> bool:
    """The trigger is a verb or noun of warning (حذر، يحذر، تحذير، محذرا)."""
    warnings = AR.words("warning_verbs")
    return trig.token.surface in warnings or trig.token.stem in warnings


def _says_any(text: str, phrases: frozenset[str]) -> bool:
    padded = f" {text} "
    return any(f" {p} " in padded or f" {p}" in padded for p in phrases)


def _own_attack_verb(res: Resources, tok: Token) -> bool:
    """A verb of carrying out an attack, said of oneself ("استهدفنا", "نفذت", "اغتال", "قصفت")."""
    acts = res.cues["claim_acts"]
    agent_forms = lexicon.frame_forms("subject", "perpetrator")
    return tok.surface in acts or tok.stem in acts or tok.surface in agent_forms or tok.stem in agent_forms


def _announces_own_attack(doc: Document, tokens: list[Token], i: int, speaker: Mention) -> bool:
    """"أعلنت القيادة المركزية الأمريكية تنفيذ ضربة", "أعلن الحرس الثوري استهداف مقرات": an announcement verb, its
    subject, then a verbal noun of carrying out an attack."""
    if tokens[i].stem not in AR.words("announcement_verbs") and tokens[i].surface not in AR.words("announcement_verbs"):
        return False
    if speaker.norm_start < tokens[i].norm_end:
        return False
    after = next((t for t in tokens if t.norm_start >= speaker.norm_end), None)
    return after is not None and (after.surface in AR.words("own_attack_nouns")
                                  or after.stem in AR.words("own_attack_nouns"))


def _object_after(doc: Document, res: Resources, mentions: list[Mention], pos: int,
                  exclude: Entity | None) -> Mention | None:
    """The first party named after `pos`, skipping ones inside a description ("المدعومة من إيران")."""
    descriptors = res.cues["descriptor"]
    for m in mentions:
        if m.norm_start < pos or not is_actor(m) or (exclude is not None and m.entity.key == exclude.key):
            continue
        if m.norm_start - pos > _OBJECT_WINDOW or clause_between(doc, pos, m.norm_start):
            return None
        if _described(doc, m, max(pos, m.norm_start - 16), descriptors):
            continue
        return m
    return None


def _described(doc: Document, m: Mention, start: int, descriptors: frozenset[str]) -> bool:
    """The party is named inside a description ("المدعومة من إيران", "التابعة ل")."""
    left = " ".join(doc.norm[start:m.norm_start].split())
    strip = " " + "".join(AR.words("possessive_lam"))
    return any(left.endswith(d) or left.endswith(d.rstrip(strip)) for d in descriptors)


def _antecedent(mentions: list[Mention], pos: int, exclude: Entity | None,
                doc: Document | None = None, res: Resources | None = None) -> Mention | None:
    """The nearest actor before `pos`; with `doc` and `res`, one named inside a description ("المقاتلين
    المدعومين من إيران والضالعين في الهجوم") is passed over for the described group before it."""
    descriptors = res.cues["descriptor"] if res is not None else frozenset()
    for m in reversed(mentions):
        if m.norm_end <= pos and is_actor(m) and (exclude is None or m.entity.key != exclude.key):
            if doc is not None and _described(doc, m, max(0, m.norm_start - 16), descriptors):
                continue
            return m
    return None


def _reported_by(doc: Document, mentions: list[Mention], accused: Mention) -> Mention | None:
    """"تصريحات ترمب من أن طهران كانت وراء الهجوم": the party whose words are reported, if named so."""
    for m in reversed(mentions):
        adjective = m.by_adjective and m.entity.kind is EntityKind.STATE  # "الاتهامات الأمريكية لطهران"
        if m.norm_end <= accused.norm_start and (is_actor(m) or adjective) and m.entity.key != accused.entity.key:
            if AR.pattern("reported_words_nouns").search(doc.norm[max(0, m.norm_start - 14):m.norm_start]):
                return Mention(m.norm_start, m.norm_end, m.entity, m.sentence, m.via) if adjective else m
            if not adjective:
                return None
    return None


def _state_of(entity: Entity, res: Resources) -> Entity:
    return res.state_of(entity) or entity


def _conditional(doc: Document, tok: Token) -> bool:
    """The trigger sits in a conditional clause ("إذا ... فسنحمّلكم", "... في حالة سقوط ضحايا")."""
    before = doc.norm[max(0, tok.norm_start - 50):tok.norm_start]
    after = doc.norm[tok.norm_end:tok.norm_end + 60]
    return bool(AR.pattern("condition_before").search(before) or AR.pattern("condition_after").search(after))


def _accused(doc: Document, res: Resources, trig: _Trigger, speaker: Mention, mentions: list[Mention],
             triggers: list[_Trigger], sent_end: int) -> Entity | None:
    tok, kind = trig.token, trig.kind
    start = max(tok.norm_end, speaker.norm_end if speaker.norm_start > tok.norm_start else tok.norm_end)
    if kind is StatementKind.DENIAL:
        tail = doc.norm[tok.norm_end:sent_end]
        own = AR.pattern("own_part").search(doc.norm[start:sent_end][:50])
        if own is not None:
            country = any(own.group().startswith(w) for w in AR.words("own_country_prefix"))
            return _state_of(speaker.entity, res) if country else speaker.entity
        if trig.role in {"self_report", "reported_noun"}:
            # "أكدت X أنها لا علاقة لها": X denies its own involvement, a ministry its state's
            return _state_of(speaker.entity, res) if speaker.entity.kind is not EntityKind.ARMED_GROUP \
                else speaker.entity
        link = AR.pattern("link_nouns").search(tail[:80])
        if link:
            m = _object_after(doc, res, mentions, tok.norm_end + link.end(), None)
            if m is not None:
                return m.entity
        behind = next((t for t in triggers if t.role == "behind" and t.token.norm_start > tok.norm_start), None)
        if behind is not None:
            m = _antecedent(mentions, behind.token.norm_start, None)
            return m.entity if m is not None and m.norm_start > tok.norm_end else None
        return None
    if kind is StatementKind.THREAT:
        revenge = AR.pattern("revenge").search(doc.norm, start, sent_end) or \
            AR.pattern("strike_at").match(doc.norm, start, sent_end)
        if revenge is not None:
            m = _object_after(doc, res, mentions, revenge.end(), speaker.entity)
            if m is not None and m.norm_start - revenge.end() < 4:
                return m.entity
            # "ردا على الغارات الأميركية": the avenged act's nationality names the threatened state
            adjective = next((a for a in mentions if a.by_adjective and 0 <= a.norm_start - revenge.end() < 20), None)
            if adjective is not None and adjective.entity.key != getattr(res.state_of(speaker.entity), "key", None):
                return adjective.entity
    if kind in {StatementKind.ACCUSATION, StatementKind.THREAT}:
        m = _object_after(doc, res, mentions, start, speaker.entity)
        if m is None or (kind is StatementKind.THREAT and m.norm_start - start > _THREAT_WINDOW):
            return None
        return m.entity
    return None


@component("statements", requires=("sentences", "tokens", "mentions", "attacks"), assigns=("statements",))
def extract_statements(doc: Document, res: Resources) -> None:
    """Add the document's statements to `doc.statements`, one per distinct speaker/kind/accused/about."""
    seen: dict[tuple, Statement] = {}
    inherited: Mention | None = None
    for sent in doc.sentences:
        tokens = doc.tokens_in(sent.index)
        sent_text = doc.norm[sent.norm_start:sent.norm_end]
        mentions = doc.mentions_in(sent.index)
        triggers = _triggers(res, tokens, sent_text)
        has_accusation_verb = any(t.kind is StatementKind.ACCUSATION and t.role != "behind" for t in triggers)
        refs = AR.words("attack_reference_words")
        has_attack_word = any(t.stem in refs or t.surface in refs for t in tokens)
        triggers += _acts_in_attribution(doc, res, tokens, mentions)
        for trig in triggers:
            accused_entity: Entity | None = None
            if trig.role in {"behind", "verb_obj"}:
                if trig.role == "behind" and trig.kind is StatementKind.ACCUSATION and has_accusation_verb:
                    continue  # the accusation verb already covers "X وراء"
                target = _antecedent(mentions, trig.token.norm_start, None, doc, res)
                if target is None:
                    continue
                accused_entity = target.entity
                if trig.role == "verb_obj":
                    speaker = subject_after(doc, mentions, trig.token.norm_end)
                else:
                    speaker = _reported_by(doc, mentions, target) or \
                        attributed_speaker(doc, res, mentions, tokens, target.norm_start, inherited)
            else:
                speaker = speaker_of(doc, res, trig.role, trig.token, mentions, tokens, sent.is_headline, inherited)
                if speaker is not None:
                    accused_entity = _accused(doc, res, trig, speaker, mentions, triggers, sent.norm_end)
            if speaker is None or (trig.role == "behind" and any(
                    o.speaker == speaker.entity and o.sentence == sent.index for o in doc.statements)):
                continue  # "نفى X أن Y وراء الهجوم": X denies, X does not accuse
            if trig.kind is StatementKind.CLAIM and AR.pattern("habitual").search(sent_text):
                continue
            if trig.kind is StatementKind.CLAIM and speaker.entity.kind is not EntityKind.ARMED_GROUP and \
                    trig.role not in _SELF_REPORTS:
                continue  # "تبنى مجلس الأمن بيانا": only a group 'adopts' an attack; a state announces its own
            if trig.kind is StatementKind.ACCUSATION and accused_entity is None:
                continue
            if trig.kind is StatementKind.THREAT and accused_entity is None and _warning(trig) and \
                    not set(sent_text.split()) & res.cues["retaliation_words"] and \
                    not _says_any(sent_text, res.cues["threat_clauses"]):
                continue  # "حذرت الأمم المتحدة من أن الهجمات قد تجر المنطقة إلى حرب": a caution, not a threat
            kind = trig.kind
            if kind is StatementKind.ACCUSATION and _conditional(doc, trig.token):
                kind = StatementKind.THREAT  # "سيحمّل إيران المسؤولية في حالة سقوط ضحايا" warns Iran
            denied_report = _denied_report(doc, trig, speaker, sent.norm_end) \
                if kind is StatementKind.DENIAL and accused_entity is None else None
            evidence = doc.sentence_evidence(sent.index)
            after = max(trig.token.norm_end, speaker.norm_end if speaker.norm_start > trig.token.norm_start else 0)
            for accused, about in product(_with_coordinated(doc, mentions, accused_entity, after),
                                          abouts(doc, sent.index, has_attack_word)):
                key = (kind, speaker.entity.key, accused.key if accused else None, id(about))
                if key in seen:
                    if evidence not in seen[key].evidence:
                        seen[key].evidence.append(evidence)
                        seen[key].traces.extend(_traces(doc, trig, kind, speaker, sent.index, denied_report))
                    continue
                stmt = Statement(kind=kind, sentence=sent.index, evidence=[evidence], speaker=speaker.entity,
                                 accused=accused, about=about, date=about.date if about else None,
                                 confidence=0.7 if trig.role == "verb" else 0.55, denies=denied_report,
                                 traces=_traces(doc, trig, kind, speaker, sent.index, denied_report))
                seen[key] = stmt
                doc.statements.append(stmt)
                if kind is StatementKind.CLAIM and about is not None and about.perpetrator is None:
                    # the claimer says it carried the attack out; a spokesman's body did
                    about.perpetrator = res.entities.get(speaker.entity.official_of or "") \
                        if speaker.entity.kind is EntityKind.PERSON and speaker.entity.official_of in res.entities \
                        else speaker.entity
                    about.traces.append(Trace("statements/perpetrator.claimed-by", speaker.entity.label_ar,
                                              sent.index))
        inherited = None if sent.is_headline else sentence_speaker(doc, res, tokens, mentions, inherited)
    _threat_targets_from_blame(doc)


def _traces(doc: Document, trig: _Trigger, kind: StatementKind, speaker: Mention, sentence: int,
            denied_report: str | None = None) -> list[Trace]:
    """The rules behind one statement: its trigger in its role, how the speaker was found, what it denies."""
    words = doc.norm[trig.token.norm_start:trig.token.norm_end]
    out = [Trace(f"statements/{kind.value}.{trig.role}", words, sentence),
           Trace(f"statements/speaker.{speaker.via}", doc.norm[speaker.norm_start:speaker.norm_end], sentence)]
    if denied_report is not None:
        out.append(Trace("statements/denial-of-report", denied_report, sentence))
    if kind is not trig.kind:
        out.append(Trace("statements/conditional-blame-is-threat", words, sentence))
    return out


def _with_coordinated(doc: Document, mentions: list[Mention], accused: Entity | None,
                      after: int) -> list[Entity | None]:
    """The accused and the parties listed right after it ("اتهم X وY وZ"): one statement each. The accused is
    looked for after the trigger and its subject, not where the speaker's title named it ("المتحدث باسم X")."""
    if accused is None:
        return [None]
    first = next((m for m in mentions if m.entity is accused and is_actor(m) and m.norm_start >= after),
                 next((m for m in mentions if m.entity is accused and is_actor(m)), None))
    out, previous = [accused], first
    for m in mentions:
        if previous is None or m.norm_start < previous.norm_end or not is_actor(m) or m.entity in out:
            continue
        joint = doc.norm[previous.norm_end:m.norm_start].replace("\u060c", " ").replace(",", " ").split()
        if joint and (len(joint) > 1 or joint[0] not in AR.words("coordinator")):
            break
        out.append(m.entity)
        previous = m
    return out


def _threat_targets_from_blame(doc: Document) -> None:
    """"حذر ترمب ... مشدداً على أنه سيحمّل إيران المسؤولية": a warning aimed at the party the speaker blames."""
    for stmt in doc.statements:
        if stmt.kind is StatementKind.THREAT and stmt.accused is None:
            blame = next((o for o in doc.statements if o.kind is StatementKind.ACCUSATION
                          and o.sentence == stmt.sentence and o.speaker == stmt.speaker), None)
            if blame is not None:
                stmt.accused = blame.accused
