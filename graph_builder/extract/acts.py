"""Speech acts read without an act verb, and what a statement's words say of its object.

"قال X إن ..." makes acts of its clause: a party telling of its own attack claims it ("قالت المقاومة الإسلامية
إنها استهدفت"، "أعلنت سنتكوم تنفيذ ضربة"، "قال البنتاغون إن قواته نفذت"), one saying it has nothing to do with
it denies, one saying it keeps the right to respond threatens. A denial may deny a report rather than anyone's
part ("نفت السفارة الشائعات"). The statement reader (extract/statements.py) imports these helpers.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from graph_builder import lexicon
from graph_builder.document import Document, Entity, EntityKind, Mention, StatementKind, Token
from graph_builder.extract.headlines import colon_speaker
from graph_builder.extract.issuers import continued_speaker, source_clause_opener, statement_source
from graph_builder.extract.links import own_attack
from graph_builder.extract.speakers import speaker_of
from graph_builder.extract.syntax import attack_words, without_conjunction
from graph_builder.lang import AR
from graph_builder.resources import Resources
from graph_builder.text.tokens import peel


@lru_cache(maxsize=256)
def definite(prefix: str) -> bool:
    """The peeled prefix holds the article ("المتهمين" names people, it reports no act); a few dozen prefixes
    are asked about for every word of every sentence, so the answers are kept."""
    return bool(prefix) and any(a in prefix for a in AR.words("article"))


@dataclass
class Trigger:
    token: Token
    kind: StatementKind
    role: str
    subject: Entity | None = None  # the party a reported clause is about ("أكدت البعثة أن طهران لا علاقة لها")
    note: str | None = None  # a rule that read the clause beyond the trigger, for the statement's traces


def note_rule(doc: Document, m: Mention, rule: str) -> Mention:
    """Record which rule made `m` the accused of its sentence, for the statement's traces; returns `m`."""
    doc.memo("accused-rules", dict)[(m.sentence, m.entity.key)] = rule
    return m


def accused_rule(doc: Document, sentence: int, accused: Entity | None) -> str | None:
    """The rule recorded by `note_rule` for this accused in this sentence, if any."""
    return doc.memo("accused-rules", dict).get((sentence, accused.key)) if accused is not None else None


def acts_in_attribution(doc: Document, res: Resources, tokens: list[Token], mentions: list[Mention],
                        inherited: Mention | None = None) -> list[Trigger]:
    """Speech acts with no act verb, inside "قال X إن ...": a group reporting its own attack claims it ("قالت
    المقاومة الإسلامية إنها استهدفت قاعدة حرير"); a party saying it has nothing to do with it denies
    ("أكدت الكتائب أنها لا علاقة لها بالهجوم", "إنها غير مسؤولة عن الهجوم"). "وأضاف البيان أن ..." speaks for
    the party the previous sentence made its issuer (`inherited`)."""
    out = []
    attribution, evaluation = res.cues["attribution"], res.cues["evaluation_verbs"]
    reported_nouns = AR.words("reported_nouns")
    for i, tok in enumerate(tokens):
        reported_noun = tok.surface in reported_nouns  # "نقلت الوكالة عن متحدث باسم X قوله إن ..."
        evaluates = tok.stem in evaluation or tok.surface in evaluation
        source = source_clause_opener(doc, tokens, i, inherited)  # "وجاء في البيان أن ...": its issuer speaks
        colon = colon_speaker(doc, tokens, mentions, i)  # "حزب العمال الكردستاني: لا ناقة لنا ولا جمل"
        if tok.stem not in attribution and tok.surface not in attribution and not reported_noun and not evaluates \
                and not source and colon is None:
            continue
        role = "reported_noun" if reported_noun else "self_report"
        speaker = colon or statement_source(doc, tokens, inherited) if colon or source else \
            speaker_of(doc, res, role, tok, mentions, tokens, False, None) or \
            continued_speaker(doc, tokens, i, inherited)
        if speaker is None:
            continue
        if _announces_own_attack(doc, tokens, i, speaker):
            out.append(Trigger(tok, StatementKind.CLAIM, "announced"))  # "أعلنت سنتكوم تنفيذ ضربة"
            continue
        if _asserts_involvement(doc, tokens, i, speaker):
            out.append(Trigger(tok, StatementKind.ACCUSATION, "announced"))  # "أكدت X تورط Y بقصف"
            continue
        if _announces_threat(doc, tokens, i, speaker):
            out.append(Trigger(tok, StatementKind.THREAT, "announced"))  # "أكدت X استمرار عملياتها ضد Y حتى"
            continue
        if _calls_charge_false(doc, speaker, tokens[-1].norm_end):
            out.append(Trigger(tok, StatementKind.DENIAL, "called_false"))  # "وصفت X الاتهامات بأنها «باطلة»"
            continue
        if evaluates:
            continue
        for k, later in enumerate(tokens[i + 1:i + 16], start=i + 1):
            after_speaker = later.norm_start > max(speaker.norm_end, tok.norm_end)
            gap = doc.norm[tokens[k - 1].norm_end:later.norm_start]
            quoted = after_speaker and (":" in gap or AR.pattern("comma_quote").fullmatch(gap) is not None)
            opens = later.surface in AR.words("complementisers") or \
                (source and later.surface in AR.words("preposed_complementisers"))  # "وبحسب البيان فإن ..."
            if after_speaker and (opens or quoted):
                # "قال X إن ..." or direct speech "قال X: «...»" (its first word opens the clause)
                rest = [t for t in tokens if t.norm_start >= (later.norm_start if quoted else later.norm_end)][:5]
                note = None
                group = _body(res, speaker.entity).kind is EntityKind.ARMED_GROUP
                own = bool(rest) and (rest[0].surface in res.cues["own_fighters"] or
                                      rest[0].surface in AR.words("own_forces") or
                                      (group and rest[0].surface in AR.words("group_anaphors")))
                if own:
                    rest = rest[1:]  # "إن مجاهديها استهدفوا", "إن قواته نفذت", "إن الحركة نفذت": it acted
                    if rest and definite(rest[0].prefix):
                        rest = rest[1:]  # "إن طائراته المقاتلة قصفت"
                elif not group and rest:
                    unit = _own_state_unit(res, mentions, speaker, rest[0])
                    if unit is None and len(rest) > 1 and rest[0].surface in AR.words("force_heads"):
                        unit = _own_state_unit(res, mentions, speaker, rest[1])  # "أن طيران الجيش العراقي قصف"
                        note = "own-state-force" if unit is not None else None
                    if unit is not None:  # "أعلن البنتاغون أن سلاح الجو الأمريكي نفذ ضربات": its state's forces
                        own, rest = True, [t for t in tokens if t.norm_start >= unit.norm_end][:5]
                if not own and _unmarked_service(doc, rest) and \
                        (group or res.state_of(_body(res, speaker.entity)) is not None):
                    own, rest, note = True, rest[2:], "own-service"  # "قال سريع إن القوات البحرية استهدفت"
                if not own and group and len(rest) > 2 and rest[0].surface in AR.words("fighters_of") and \
                        rest[1].surface in AR.words("group_anaphors"):
                    own, rest, note = True, rest[2:], "own-fighters"  # "إن مقاتلي الحزب نفذوا الهجوم"
                clause = " ".join(t.surface for t in rest)
                clause_at = max(0, later.norm_start - 1) if quoted else later.norm_end
                itself = own or later.surface in AR.words("self_pronoun_complementisers")
                negated = len(rest) > 1 and rest[0].surface in res.cues["negation"]
                pronoun = later.surface in AR.words("self_pronoun_complementisers") or own
                if own and group and AR.pattern("responsible_for").match(clause) and _attack_at(doc, res, rest[0]):
                    # "قال قيادي في X إن الحركة مسؤولة عن الهجوم": it claims it
                    out.append(Trigger(tok, StatementKind.CLAIM, role, note="own-responsibility"))
                elif rest and own_attack_verb(res, rest[negated], negated, pronoun) and (group or itself) and \
                        _attack_at(doc, res, rest[negated]):
                    # "إنها استهدفت" claims; "إن قواته لم تطلق أي صاروخ" denies its own part
                    out.append(Trigger(tok, StatementKind.DENIAL if negated else StatementKind.CLAIM, role, note=note))
                elif denial := AR.pattern("own_denial").search(clause):
                    # the clause's subject has no part: it is denied before any threat later in the sentence
                    # ("أن سرايا السلام لا يد لها ...، داعياً إلى محاسبة الفاعلين")
                    subject = None if own else _clause_subject(res, mentions, later)
                    if own or pronoun or denial.start() == 0 or _party_opens(mentions, later) or \
                            AR.pattern("own_part").match(clause):  # "إن بلاده لا علاقة لها"
                        out.append(Trigger(tok, StatementKind.DENIAL, role, subject))  # "أنها لا علاقة لها"
                    # else a thing has no link ("إن انقطاع الكهرباء لا علاقة له بالهجوم"): no one denies a part
                elif AR.pattern("operation_success").search(clause) and \
                        own_attack(doc, res, _body(res, speaker.entity)) is not None:
                    # "قال وزير الدفاع التركي إن العملية تكللت بالنجاح": the speaker's side's attack, claimed
                    out.append(Trigger(tok, StatementKind.CLAIM, role))
                elif threat_clause_at(doc, clause_at, tokens[-1].norm_end) is not None:
                    # "إن دمشق تحتفظ بحق الرد"; "إن القوات الأمريكية ستكون أهدافاً مشروعة" threatens them;
                    # a quotation's first word is its clause's ("قالت X في بيان: «سنستهدف مصالح Y»")
                    out.append(Trigger(tok, StatementKind.THREAT, role,
                                       _threatened(doc, res, mentions, speaker, clause_at)))
                break
    return out


def threat_clause_at(doc: Document, start: int, end: int) -> re.Match[str] | None:
    """The first words of doc.norm[start:end] that threaten without a threat verb ("سنرد", "لن يمر دون عقاب"),
    but not a call on others to hold the culprits to account ("يجب محاسبة مرتكبيها", "داعياً إلى محاسبة
    المسؤولين"): a demand is no threat by the speaker."""
    for found in AR.pattern("threat_clause").finditer(doc.norm, start, end):
        if not AR.pattern("demand_before").search(doc.norm[max(start, found.start() - 24):found.start()]):
            return found
    return None


def _unmarked_service(doc: Document, rest: list[Token]) -> bool:
    """The reported clause opens with an armed service named with no nationality or party ("إن القوات البحرية
    استهدفت", "إن سلاح الجو قصف"): a military or a group's spokesman speaks of his own side's service."""
    if len(rest) < 3 or f"{rest[0].surface} {rest[1].surface}" not in AR.words("service_forces"):
        return False
    return not any(True for _ in doc.mentions_overlapping(rest[0].norm_start, rest[2].norm_end))


def _attack_at(doc: Document, res: Resources, verb: Token) -> bool:
    """The verb or the words right after it report an attack ("نفذ ضربات", "قصفت"), not another act ("نفذت
    اعتقالات")."""
    return any(verb.norm_start <= h.start <= verb.norm_end + 25 for h in attack_words(doc, res))


def _own_state_unit(res: Resources, mentions: list[Mention], speaker: Mention, first: Token) -> Mention | None:
    """The party opening a reported clause when it is a body or force of the speaker's own state."""
    unit = next((m for m in mentions if m.norm_start == first.norm_start and not m.by_adjective), None)
    state = state_above(res, speaker.entity)
    if unit is None or state is None or unit.entity.kind is EntityKind.ARMED_GROUP:
        return None
    return unit if res.state_of(unit.entity) == state else None


def state_above(res: Resources, entity: Entity) -> Entity | None:
    """The state of a body, or of the body it is part of ("قيادة العمليات المشتركة" is part of the Iraqi ministry of
    defence): a command or media cell speaks of its state's forces as its own."""
    for _ in range(4):
        state = res.state_of(entity)
        parent = next((res.entities[k] for k in entity.part_of if k in res.entities), None)
        if state is not None or parent is None:
            return state
        entity = parent
    return None


def _threatened(doc: Document, res: Resources, mentions: list[Mention], speaker: Mention,
                clause: int) -> Entity | None:
    """The subject of a reported threat clause, threatened by it ("إن بيروت ستدفع الثمن", "إن القوات الأمريكية
    ستكون أهدافاً مشروعة"), unless it is the speaker's own side."""
    lead, epithet = AR.pattern("threatened_lead"), AR.pattern("hostile_epithet")
    first = next((m for m in mentions if 0 <= m.norm_start - clause <= 40 and not m.by_adjective
                  and lead.fullmatch(doc.norm[clause:m.norm_start])), None) or \
        next((note_rule(doc, m, "hostile-epithet") for m in mentions if m.by_adjective and  # "العدو الأمريكي"
              m.entity.kind is EntityKind.STATE and 0 <= m.norm_start - clause <= 30 and
              epithet.fullmatch(doc.norm[clause:m.norm_start])), None)
    if first is None or any(clause <= h.start < first.norm_start and not doc.norm[h.end:first.norm_start].strip()
                            for h in attack_words(doc, res)):
        return None  # "إن اغتيال هنية جريمة لن تمر من دون رد": the party right after an attack word is its victim
    if first.entity.kind is EntityKind.PLACE:  # "إن بيروت ستدفع الثمن": a capital stands for its state
        state = res.state_of_capital(first.entity)
        first = Mention(first.norm_start, first.norm_end, state, first.sentence, "capital") if state else first
    if not first.entity.kind.is_actor:
        return None
    own_state = res.state_of(speaker.entity)
    if first.entity.key in {speaker.entity.key, speaker.entity.official_of} or \
            (own_state is not None and res.state_of(first.entity) == own_state):
        return None
    return first.entity


def _body(res: Resources, entity: Entity) -> Entity:
    """The body a spokesman or official speaks for, or the party itself."""
    if entity.kind is EntityKind.PERSON and entity.official_of in res.entities:
        return res.entities[entity.official_of]
    return entity


def _calls_charge_false(doc: Document, speaker: Mention, end: int) -> bool:
    """After its speaker, the sentence calls a charge or a report false ("وصفت X اتهامات Y لها بأنها «عارية عن
    الصحة»", "قالت X إن الأنباء عن ... «لا أساس لها»")."""
    tail = doc.norm[speaker.norm_end:end]
    falsehood = AR.pattern("falsehood").search(tail)
    if falsehood is None:
        return False
    before = tail[:falsehood.start()].replace('"', " ")
    words = {_bare_word(w) for w in before.split()}
    phrases = [r for r in AR.words("report_nouns") if " " in r]  # "ما تداولته وسائل الإعلام ... لم يصدر من"
    return bool(words & (AR.words("charge_nouns") | AR.words("report_nouns"))) or \
        any(f" {r} " in f" {' '.join(before.split())} " for r in phrases)


def _party_opens(mentions: list[Mention], complementiser: Token) -> bool:
    """A named party opens the reported clause ("أن «سرايا السلام» لا يد لها"), not a thing ("أن زيارته")."""
    return any(0 <= m.norm_start - complementiser.norm_end <= 2 for m in mentions)


def _clause_subject(res: Resources, mentions: list[Mention], complementiser: Token) -> Entity | None:
    """The party named first in a reported clause ("أن طهران «لا علاقة لها»"): a capital stands for its state."""
    first = next((m for m in mentions if 0 <= m.norm_start - complementiser.norm_end <= 2), None)
    if first is None:
        return None
    if first.entity.kind is EntityKind.PLACE:
        return res.state_of_capital(first.entity)
    return first.entity if first.entity.kind is not EntityKind.PERSON else None


def denied_report(doc: Document, trig: Trigger, speaker: Mention, sent_end: int) -> str | None:
    """What a denial denies when it is a report or rumour ("نفت السفارة الشائعات التي تقول إنه تم إخلاؤها"), not
    someone's part in an attack; None when the words right after the trigger name no report, or name one
    about involvement ("نفى صحة التقارير عن تورط طهران")."""
    start = speaker.norm_end if speaker.norm_start >= trig.token.norm_end else trig.token.norm_end
    reports = AR.words("report_nouns")
    adjunct = AR.pattern("speaker_adjuncts").match(doc.norm, start, sent_end)  # "، في تصريح لوكالة الأناضول،"
    if adjunct is not None and not any(_bare_word(w) in reports for w in adjunct.group().replace('"', " ").split()):
        start = adjunct.end()  # but "نفت السفارة "الإشاعات"": the quoted words are what it denies
    words = doc.norm[start:min(sent_end, start + 70)].replace('"', " ").replace("\u060c", " ").split()[:9]
    lead = f" {' '.join(words[:6])} "
    if not any(_bare_word(w) in reports for w in words[:6]) and not any(f" {r} " in lead for r in reports):
        return None
    if any(_bare_word(w) in AR.words("involvement_nouns") for w in words):
        return None
    # the denied words as the text writes them, from the first report noun, at most six words
    first = next(i for i, w in enumerate(words[:6]) if _bare_word(w) in reports or any(
        f" {r} ".startswith(f" {w} ") for r in reports))
    spans = [(m.start(), m.end()) for m in _WORD.finditer(doc.norm, start, min(sent_end, start + 70))]
    spans = [sp for sp in spans if doc.norm[sp[0]:sp[1]] not in {'"'}][first:first + 6]
    if not spans:
        return None
    a, b = doc.original_span(spans[0][0], spans[-1][1])
    return doc.text[a:b].strip(" .،,\"")


_WORD = re.compile(r"[^\s\"\u060c]+")


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


def warning(trig: Trigger) -> bool:
    """The trigger is a verb or noun of warning (حذر، يحذر، تحذير، محذرا), or issues one ("وجهت X تحذيراً")."""
    warnings = AR.words("warning_verbs") | AR.words("warning_issuing_verbs")
    return trig.token.surface in warnings or trig.token.stem in warnings


def issues_warning(trig: Trigger) -> bool:
    """The threat trigger is a verb that issues a warning ("وجهت X تحذيراً إلى Y"), not a verb of warning."""
    issuing = AR.words("warning_issuing_verbs")
    return trig.token.surface in issuing or trig.token.stem in issuing


def issued_warning(doc: Document, res: Resources, trig: Trigger, speaker: Mention,
                   mentions: list[Mention]) -> tuple[bool, Entity | None]:
    """Whether an issuing verb has the warning right after its subject ("وجهت X تحذيراً"), and the party it is
    addressed to, right after "إلى/ل" (None when it names none: "تحذيرات لرعاياها")."""
    tok = trig.token
    issued = AR.pattern("issued_warning").match(doc.norm, max(tok.norm_end, speaker.norm_end))
    if issued is None:
        return False, None  # "وجهت X اتهامات ...": the verb issues something else
    to = next((m for m in mentions if 0 <= m.norm_start - issued.end() <= 1 and m.entity.kind.is_actor), None)
    if to is not None and to.entity.kind is EntityKind.PLACE:
        return True, res.state_of_capital(to.entity)
    return True, note_rule(doc, to, "warning-recipient").entity if to is not None else None


def own_attack_verb(res: Resources, tok: Token, negated: bool = False, after_pronoun: bool = False) -> bool:
    """A verb of carrying out an attack, said of oneself ("استهدفنا", "نفذت", "اغتال", "قصفت"); after "لم"
    any person and tense ("لم تطلق"), where a bare present ("ينفذونها") tells of a habit, not an attack;
    after "أنه/أنها" the bare past too ("أعلن البنتاغون أنه نفذ"), which there cannot be a verbal noun."""
    if tok.prefix.endswith(next(iter(AR.words("future_prefix")))):
        return False  # "أنها ستستهدف المصالح": a coming act is a threat, not a claim
    forms = res.cues["claim_acts"] | lexicon.frame_forms("subject", "perpetrator")
    if negated or after_pronoun:
        forms = forms | _claim_forms()
    if after_pronoun:
        forms = forms | AR.words("claim_lemmas")
    bare = next((tok.stem[:-len(s)] for s in AR.words("possessive_suffixes") if tok.stem.endswith(s)), None)
    return tok.surface in forms or tok.stem in forms or (negated and bare in forms)  # "لم تنفذها"


@lru_cache(maxsize=1)
def _claim_forms() -> frozenset[str]:
    """Every inflection of the claim lemmas but the bare one, which is as often the verbal noun ("إن قصف أربيل")."""
    return frozenset().union(*(lexicon.inflect(lemma) - {lemma} for lemma in AR.words("claim_lemmas")))


def _object_after_speaker(doc: Document, tokens: list[Token], i: int, speaker: Mention) -> Token | None:
    """The first word after an announcing verb's subject (past an alias, "في بيان" or a time), or None when the
    verb is no announcing verb or its subject does not follow it."""
    if tokens[i].stem not in AR.words("announcement_verbs") and tokens[i].surface not in AR.words("announcement_verbs"):
        return None
    if speaker.norm_start < tokens[i].norm_end:
        return None
    adjunct = AR.pattern("speaker_adjuncts").match(doc.norm, speaker.norm_end)  # "X (سنتكوم)، اليوم، تنفيذ"
    resume = adjunct.end() if adjunct else speaker.norm_end
    return next((t for t in tokens if t.norm_start >= resume), None)


def _announces_threat(doc: Document, tokens: list[Token], i: int, speaker: Mention) -> bool:
    """"أكد البيان استمرار العمليات ضد X حتى انسحاب قواته": the announced object is itself threat words."""
    after = _object_after_speaker(doc, tokens, i, speaker)
    found = threat_clause_at(doc, max(0, after.norm_start - 1), tokens[-1].norm_end) if after is not None else None
    return found is not None and found.start() <= after.norm_start


def _asserts_involvement(doc: Document, tokens: list[Token], i: int, speaker: Mention) -> bool:
    """"أكدت مديرية الأمن تورط جماعة مسلحة بالقصف", "كشفت X ضلوع Y في التفجير": the announced object is another
    party's part in an attack (the accused is the party after the noun; "عدم تورط" is no charge)."""
    after = _object_after_speaker(doc, tokens, i, speaker)
    return after is not None and not after.prefix and after.surface in AR.words("asserted_involvement")


def _announces_own_attack(doc: Document, tokens: list[Token], i: int, speaker: Mention) -> bool:
    """"أعلنت القيادة المركزية الأمريكية تنفيذ ضربة", "أعلن الحرس الثوري استهداف مقرات": an announcement verb, its
    subject (with an alias, "في بيان" or a time after it), then a verbal noun of carrying out an attack; another
    reporting verb ("أكد الجيش تنفيذ ضربات") only with a noun of carrying out."""
    after = _object_after_speaker(doc, tokens, i, speaker)
    if after is None:
        return False
    nouns = AR.words("own_attack_nouns") if without_conjunction(tokens[i].surface) in AR.words("announcing_verbs") \
        else AR.words("execution_nouns")  # "أكدت المديرية استهداف الحقل" confirms an attack, claims none
    return after.surface in nouns or after.stem in nouns
