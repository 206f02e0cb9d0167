"""Who speaks: the subject of a statement verb, the speaker of an attribution, or one carried over.

Arabic puts the verb first in running text ("ودان وزير الخارجية الأميركي مايك بومبيو") and the subject first
in headlines and SVO clauses ("إيران تنفي"). A verb with a plural ending ("واتهموا", "ينفون") never precedes
its subject, so its subject is a pronoun for a party named earlier; an anonymous subject ("مسؤولون في
وزارة الدفاع") speaks for the body it belongs to, if named.
"""
from __future__ import annotations

import bisect

from graph_builder import lexicon
from graph_builder.document import Document, Entity, EntityKind, Mention, Token
from graph_builder.extract.syntax import (
    after_preposition,
    attack_words,
    is_actor,
    reads_as_speech,
    subject_after,
    subject_before,
    title_complement,
    title_frame,
    union,
    words_of,
)
from graph_builder.gazetteer import Hit, longest_first
from graph_builder.lang import AR
from graph_builder.resources import Resources
from graph_builder.text.tokens import peel

_BODY_REACH = 32  # characters from an anonymous noun to its body ("مسؤول في المكتب السياسي لحركة حماس")


def speech_verb(res: Resources, tok: Token, evaluation: bool = False) -> bool:
    """An attribution verb ("قال", "أكد"), a statement verb in its verb role ("اتهم", "أدان") or, with
    `evaluation`, a verb of evaluation ("وصف", "عدّ")."""
    said = union(res.cues["attribution"], res.cues["evaluation_verbs"]) if evaluation else res.cues["attribution"]
    return reads_as_speech(tok.surface, said)


def attributed_speaker(doc: Document, res: Resources, mentions: list[Mention], tokens: list[Token],
                        before: int, inherited: Mention | None = None) -> Mention | None:
    """Subject of the sentence's first attribution or statement verb before `before`.

    A sentence that opens with "وأضاف"/"وتابع" and names no one continues the previous speaker's words
    (`inherited`); a sentence with no attribution verb falls back to its first actor.
    """
    for position, tok in enumerate(tokens):
        if tok.norm_start >= before:
            break
        if speech_verb(res, tok):
            anonymous, body = _anonymous_subject(doc, res, mentions, tok)
            if anonymous and position == 0 and body is None and statement_anaphor(doc, tok):
                return inherited  # "وأضاف البيان أن ...": the statement the previous speaker issued goes on
            if anonymous:  # "كشفت مصادر مقربة من X": unnamed, and not speaking for X; "قال قيادي في X": X
                return body if body is not None and body.norm_start < before else None
            m = _capital_subject(doc, res, mentions, tok) or named_or_office(doc, res, mentions, tok) or \
                subject_before(doc, mentions, tok.norm_start)  # "تقول دمشق إن ...": the capital's state
            if m is not None and m.norm_start < before:
                return m
            if position == 0 and inherited is not None and no_subject_after(doc, tokens, position):
                return inherited  # "وأضاف أن ...": the previous speaker goes on
    first = next((m for m in mentions if m.norm_start < before and is_actor(m)), None)
    if first is None:
        return None
    holder = subject_after(doc, mentions, first.norm_start)  # "ظهر المتحدث باسم X فلان ..., متهماً"
    return holder if holder is not None and holder.norm_start < before else first


def sentence_speaker(doc: Document, res: Resources, tokens: list[Token], mentions: list[Mention],
                     inherited: Mention | None) -> Mention | None:
    """Who speaks in this sentence, for the next one: the subject of an opening attribution verb (or the
    inherited speaker when it names no one); None when the sentence attributes nothing."""
    for tok in tokens[:4]:
        if speech_verb(res, tok):
            named = named_or_office(doc, res, mentions, tok)
            if named is not None:
                return named
            return inherited if no_subject_after(doc, tokens, tokens.index(tok)) or \
                statement_anaphor(doc, tok) else None
    return None


def no_subject_after(doc: Document, tokens: list[Token], i: int) -> bool:
    """The verb names no subject: "أن", a colon, a comma or a preposition follows it ("وأضاف أن", "وتابع في
    بيانه"), not a noun the name finder missed ("وقال وزير الإعلام اليمني X ...")."""
    if i + 1 >= len(tokens):
        return True
    gap = doc.norm[tokens[i].norm_end:tokens[i + 1].norm_start]
    nxt = tokens[i + 1].surface
    return any(c in gap for c in ":\u060c,") or nxt in AR.words("complementisers") | AR.words("prepositions") | \
        AR.words("adverbial_openers")  # "وأكد خلال اللقاء أن ..."


def named_or_office(doc: Document, res: Resources, mentions: list[Mention], tok: Token) -> Mention | None:
    """The subject right after a verb: a person named after his title, else the office itself ("وأكد وزير
    الدفاع البريطاني أن ..." speaks for Britain), else the first party named."""
    anonymous, body = _anonymous_subject(doc, res, mentions, tok)
    if anonymous:  # "قال قيادي في حركة النجباء إن ...", "أكد مسؤول رفيع في الحرس الثوري أن ..."
        return body
    office = _office_subject(doc, res, tok)
    named = subject_after(doc, mentions, tok.norm_end)
    if office is not None and (named is None or named.entity.kind is not EntityKind.PERSON or named.entity.generic):
        return office  # "المتحدث باسم X واثنين من قادة الفصائل": the collective is joined, it names no holder
    return named


def _after_pronoun_subject(doc: Document, tok: Token) -> bool:
    """"مشدداً على أنه سيحمّل إيران المسؤولية": the verb's subject is a pronoun for the one speaking."""
    return AR.pattern("pronoun_subject_before").search(doc.norm[max(0, tok.norm_start - 16):tok.norm_start]) is not None


def statement_anaphor(doc: Document, tok: Token) -> bool:
    """"وأضاف البيان", "وتابع البيان": the subject right after the verb is the statement itself, which speaks
    for whoever issued it."""
    following = doc.norm[tok.norm_end:tok.norm_end + 12].replace(":", " ").replace("\u060c", " ")
    return words_of(following)[:1] in [[w] for w in AR.words("statement_anaphors")]  # "وتابع البيان: ..."


def _anonymous_subject(doc: Document, res: Resources, mentions: list[Mention],
                       tok: Token) -> tuple[bool, Mention | None]:
    """"وحذر المصدر من ...", "ونفى مسؤول ...": (whether the subject right after the verb is unnamed, and the
    body it speaks for: "مسؤولون بوزارة الدفاع الأمريكية", "مصدر أمني في الحشد الشعبي")."""
    following = doc.norm[tok.norm_end:tok.norm_end + 16].replace('"', " ").replace(":", " ").split()
    if not following or following[0] not in res.cues["anonymous_subjects"]:
        return False, None
    noun_end = doc.norm.index(following[0], tok.norm_end) + len(following[0])
    if any(m.norm_start <= noun_end - len(following[0]) < m.norm_end for m in mentions if is_actor(m)):
        return False, None  # the anonymous noun opens a named collective ("مسؤولون أمريكيون")
    body = next((m for m in mentions if is_actor(m) and 0 <= m.norm_start - noun_end <= _BODY_REACH
                 and m.entity.kind is not EntityKind.PERSON), None)
    if body is not None and not AR.pattern("body_link").match(doc.norm[noun_end:body.norm_start].replace('"', " ")):
        body = None
    if any(m.entity.kind is EntityKind.PERSON and not m.by_adjective and m.norm_start > noun_end and
           (m.lead == noun_end - len(following[0]) or (body is not None and 0 <= m.norm_start - body.norm_end <= 2))
           for m in mentions):
        return False, None  # "قال المسؤول الإعلامي لحركة حماس فلان": the noun is a title, its holder is named
    issued = body is not None and following[0] in AR.words("issued_statements")  # "قال بيان صادر عن X"
    return True, Mention(body.norm_start, body.norm_end, body.entity, body.sentence, "statement-issued-by") \
        if issued else body


def _pronoun_antecedent(doc: Document, mentions: list[Mention], tok: Token) -> Mention | None:
    """The party a plural verb's pronoun subject stands for: the subject of an earlier plural verb in the
    sentence ("مسؤولين أمريكيين أبلغوا ... واتهموا")."""
    for m in reversed(mentions):
        if m.norm_end > tok.norm_start or not is_actor(m) or after_preposition(doc, m):
            continue
        nxt = doc.norm[m.norm_end:m.norm_end + 14].replace('"', " ").split()[:1]
        if nxt and AR.pattern("plural_verb_ending").search(nxt[0]) and nxt[0] != doc.norm[tok.norm_start:tok.norm_end]:
            return m
    return None


def _issuer(doc: Document, mentions: list[Mention], tok: Token) -> Mention | None:
    """The party that issued the statement a verb with "فيه" sits in: the nearest subject before it."""
    return next((m for m in reversed(mentions) if m.norm_end <= tok.norm_start and is_actor(m)
                 and not after_preposition(doc, m)), None)


def _capital_subject(doc: Document, res: Resources, mentions: list[Mention], tok: Token) -> Mention | None:
    """"ودانت بغداد الهجوم": a capital right after a statement verb speaks for its state."""
    for m in mentions:
        if m.norm_start >= tok.norm_end:
            state = res.state_of_capital(m.entity)
            if m.norm_start - tok.norm_end > 2 or m.entity.kind is not EntityKind.PLACE or state is None:
                return None
            return Mention(m.norm_start, m.norm_end, state, m.sentence, "capital")
    return None


def _titles(doc: Document, res: Resources) -> list[Hit]:
    return doc.memo("titles", lambda: longest_first(res.titles.find(doc.norm)))


def _office_subject(doc: Document, res: Resources, tok: Token) -> Mention | None:
    """"وحمّل رئيس الوزراء العراقي ...": an office right after the verb."""
    titles = _titles(doc, res)  # sorted by start: bisect instead of scanning every title per verb
    i = bisect.bisect_left(titles, tok.norm_end, key=lambda h: h.start)
    hit = titles[i] if i < len(titles) and titles[i].start - tok.norm_end <= 2 else None
    return _office(doc, res, hit) if hit is not None else None


def _office_before(doc: Document, res: Resources, tok: Token) -> Mention | None:
    """"رئيس الوزراء العراقي يدين ...": an office right before the verb (headlines, SVO clauses)."""
    titles = _titles(doc, res)
    near = titles[bisect.bisect_left(titles, tok.norm_start - 45, key=lambda h: h.start):
                  bisect.bisect_right(titles, tok.norm_start, key=lambda h: h.start)]
    hits = [h for h in near if h.end <= tok.norm_start]
    if not hits:
        return None
    office = _office(doc, res, max(hits, key=lambda h: h.start))
    return office if office is not None and 0 <= tok.norm_start - office.norm_end <= 2 else None


def _holders(doc: Document, res: Resources) -> dict[tuple[str, str | None], Entity]:
    """(role, state or body) -> the person the article names right after such a title, computed once."""
    def compute() -> dict[tuple[str, str | None], Entity]:
        found: dict[tuple[str, str | None], Entity] = {}
        for hit in _titles(doc, res):
            pos, state, _ = title_frame(doc, hit)
            holder = next((m for m in doc.mentions_starting(pos, pos + 3)
                           if m.entity.kind is EntityKind.PERSON and not m.by_adjective), None)
            if holder is not None:
                found.setdefault((res.title_info[hit.pattern.key][1], state), holder.entity)
        return found
    return doc.memo("office-holders", compute)


def _office(doc: Document, res: Resources, at: Hit) -> Mention | None:
    """An office named without its holder speaks as the holder the article names with the same title and
    state or body, else as that state or body; None when the title names neither ("المتحدث" alone)."""
    body_named = title_complement(doc, at.end + 1)
    if body_named is None:
        return None
    state, end = body_named.entity.key, body_named.norm_end
    speaker = _holders(doc, res).get((res.title_info[at.pattern.key][1], state)) or res.entities.get(state)
    return Mention(at.start, end, speaker, doc.sentence_at(at.start), "office") if speaker is not None else None


def speaker_of(doc: Document, res: Resources, role: str, tok: Token, mentions: list[Mention],
               tokens: list[Token], headline: bool, inherited: Mention | None) -> Mention | None:
    """The speaker of a statement trigger in its role (lexicon/statement_triggers.tsv)."""
    if role in ("self_report", "announced", "called_false"):
        return named_or_office(doc, res, mentions, tok)
    if role == "reported_noun":  # "عن متحدث باسم كتائب حزب الله قوله": the party named just before
        return next((m for m in reversed(mentions) if is_actor(m) and 0 <= tok.norm_start - m.norm_end <= 4), None)
    if role == "possessor":
        return _possessor(doc, res, mentions, tok)
    if role == "noun":  # "سارعت X إلى نفي", "X يكذب بنفي علاقته": the subject of the verb that governs the noun,
        # unless the noun has its own subject right after it ("رحبت واشنطن بنفي الحكومة السورية ...")
        own = next((m for m in mentions if 0 <= m.norm_start - tok.norm_end <= 2 and is_actor(m)), None)
        near = own or _expressing_subject(doc, mentions, tokens, tok) or \
            next((m for m in reversed(mentions) if m.norm_end <= tok.norm_start and is_actor(m)), None)
        if near is not None:
            return near
    if role == "verb" and _after_pronoun_subject(doc, tok):
        return attributed_speaker(doc, res, mentions, tokens, tok.norm_start, inherited)
    if role in ("verb", "verb_on_attack"):
        return _through_official(doc, res, mentions, tokens, tok, _verb_subject(doc, res, tok, mentions, headline))
    if role == "participle":
        clause = _clause_verb_subject(doc, res, mentions, tokens, tok)
        if clause is not None:
            return clause
    return attributed_speaker(doc, res, mentions, tokens, tok.norm_start, inherited)


def _through_official(doc: Document, res: Resources, mentions: list[Mention], tokens: list[Token], tok: Token,
                      found: Mention | None) -> Mention | None:
    """"قال المتحدث باسم الحركة فلان إن الحركة تدين ...": a body that speaks in the words its named official
    reports speaks through him, so the official is the speaker (his body is read from him)."""
    if found is None or found.entity.kind is EntityKind.PERSON:
        return found
    said = attributed_speaker(doc, res, mentions, tokens, found.norm_start)
    if said is None or said.entity.kind is not EntityKind.PERSON or said is found:
        return found
    body = res.entities.get(said.entity.official_of or "")
    state = res.state_of(body) if body is not None else None
    return said if found.entity.key in {said.entity.official_of, state.key if state else None} else found


def _clause_verb_subject(doc: Document, res: Resources, mentions: list[Mention], tokens: list[Token],
                         tok: Token) -> Mention | None:
    """The subject of the clause a circumstantial participle hangs on, when no speech verb precedes it: the
    party after the clause's opening verb ("نشرت X بياناً على تلغرام، متبنيةً", "فيما خرجت الحكومة الأردنية
    عن صمتها محذّرةً", "عقد رئيس الوزراء الإسرائيلي اجتماعاً، محمّلاً")."""
    before = [t for t in tokens if t.norm_end <= tok.norm_start]
    if not before or any(speech_verb(res, t) for t in before):
        return None
    openers = AR.words("participle_clause_openers")
    start = max((k + 1 for k, t in enumerate(before) if t.surface in openers), default=0)
    if start >= len(before):
        return None
    found = named_or_office(doc, res, mentions, before[start])
    return found if found is not None and found.norm_end <= tok.norm_start else None


def _possessor(doc: Document, res: Resources, mentions: list[Mention], tok: Token) -> Mention | None:
    """The subject of a verbal noun: the party right after it ("اتهامات واشنطن", "تهديد زعيم جماعة الحوثي عبد
    الملك الحوثي"), or, for a noun with a pronoun ending ("باتهامها"), the party named before it."""
    if _pronoun_form(tok.stem):
        return next((m for m in reversed(mentions) if m.norm_end <= tok.norm_start and is_actor(m)), None)
    first = next((m for m in mentions if 0 <= m.norm_start - tok.norm_end <= 2 and is_actor(m)), None)
    if first is None:  # a capital for its state: "اتهامات بغداد لأنقرة"
        first = _capital_subject(doc, res, mentions, tok)
    if first is None:  # an office before its body and holder: "تهديد زعيم جماعة الحوثي عبد الملك الحوثي"
        return named_or_office(doc, res, mentions, tok) if _office_subject(doc, res, tok) is not None else None
    holder = subject_after(doc, mentions, tok.norm_end)  # a person right behind a title and its body
    return holder if holder is not None and holder.norm_start >= first.norm_start else first


def _previous_verb_subject(doc: Document, res: Resources, mentions: list[Mention], tok: Token) -> Mention | None:
    """The subject of the statement or attribution verb before this one in the sentence: "أعلن الحوثيون
    مسؤوليتهم عنه وتوعدوا الولايات المتحدة" - the plural verb's pronoun is the Houthis, not the party after it."""
    earlier = [t for t in doc.tokens_in(doc.sentence_at(tok.norm_start)) if t.norm_end <= tok.norm_start]
    for prev in reversed(earlier):
        if speech_verb(res, prev):
            return named_or_office(doc, res, mentions, prev)
    return None


def joined_verb_subject(doc: Document, res: Resources, mentions: list[Mention], tok: Token) -> Mention | None:
    """"اتهمه الجيش بذلك وتوعده برد قوي": a joined verb with no subject after it has the subject of the
    statement verb before it, one with an object pronoun included."""
    if not _joined_verb_without_subject(doc, tok):
        return None
    table = lexicon.statement_triggers()
    earlier = [t for t in doc.tokens_in(doc.sentence_at(tok.norm_start)) if t.norm_end <= tok.norm_start]
    for prev in reversed(earlier):
        if speech_verb(res, prev) or any(t.role == "verb_obj" for _, stem in peel(prev.surface)
                                         for t in table.get(stem, ())):
            return named_or_office(doc, res, mentions, prev)
    return None


def _joined_verb_without_subject(doc: Document, tok: Token) -> bool:
    """A verb joined by "و/ف" whose next word is a preposition or carries one ("وتوعدت بالانتقام", "وحذر من رد"):
    its subject is not written after it."""
    if not tok.prefix or tok.prefix[0] not in AR.words("conjunctions"):
        return False
    tokens = doc.tokens_in(doc.sentence_at(tok.norm_start))
    i = next((k for k, t in enumerate(tokens) if t.norm_start == tok.norm_start), None)
    if i is None or i + 1 >= len(tokens):
        return False
    nxt = tokens[i + 1]
    return nxt.surface in AR.words("prepositions") or \
        nxt.prefix.lstrip("".join(AR.words("conjunctions")))[:1] in AR.words("fused_prepositions")


def _pronoun_form(word: str) -> bool:
    """A verbal noun with a pronoun ending ("اتهامها", "تبنيه"): without the ending it is a verbal noun the
    lexicon lists; "إدانة" (ة written ه) is no pronoun form."""
    table = lexicon.statement_triggers()
    return any(word.endswith(s) and any(t.role in {"possessor", "noun", "governed"}
                                        for t in table.get(word[:-len(s)], ()))
               for s in AR.words("possessive_suffixes"))


def _expressing_subject(doc: Document, mentions: list[Mention], tokens: list[Token], noun: Token) -> Mention | None:
    """"أعرب X، في اتصال مع Y، عن استنكاره": the subject right after the verb of expressing that governs the
    noun, not the party named last before it."""
    verb = next((t for t in reversed(tokens)
                 if t.norm_end <= noun.norm_start and t.stem in AR.words("expressing_verbs")), None)
    return subject_after(doc, mentions, verb.norm_end) if verb is not None else None


def _verb_subject(doc: Document, res: Resources, tok: Token, mentions: list[Mention],
                  headline: bool) -> Mention | None:
    """The subject of a statement verb, tried from the most specific wording to the plain VSO/SVO rules."""
    anonymous, body = _anonymous_subject(doc, res, mentions, tok)
    if anonymous:
        return body
    agent = next((m for m in mentions if is_actor(m) and 0 < m.norm_start - tok.norm_end <= 16 and
                  AR.pattern("passive_agent_after").fullmatch(doc.norm[tok.norm_end:m.norm_start])), None)
    if agent is not None:
        return agent  # "ووُجّهت من قبل الحكومة اليمنية اتهامات للحوثيين": a passive verb names its speaker
    if doc.norm[tok.norm_end:tok.norm_end + 6].split()[:1] and \
            doc.norm[tok.norm_end:tok.norm_end + 6].split()[0] in AR.words("in_it"):
        return _issuer(doc, mentions, tok)  # "أصدرت الخارجية بيانا أدانت فيه الهجوم"
    capital = _capital_subject(doc, res, mentions, tok)
    if capital is not None:
        return capital
    office = _office_subject(doc, res, tok)
    if office is not None:  # no holder named after the title: the office speaks ("وحمّل رئيس الوزراء العراقي")
        return named_or_office(doc, res, mentions, tok)
    before = subject_before(doc, mentions, tok.norm_start, res.cues["svo_particles"])
    if before is None and not tok.prefix:
        before = _office_before(doc, res, tok)
    if before is not None and (headline or not tok.prefix):
        return before
    if before is None and _joined_verb_without_subject(doc, tok):
        # "اتهمت X واشنطن بتنفيذ الضربة وتوعدت بالانتقام": a coordinated verb followed by its complement has
        # the earlier verb's subject as its own
        earlier = _previous_verb_subject(doc, res, mentions, tok)
        if earlier is not None:
            return earlier
    if AR.pattern("plural_verb_ending").search(tok.surface) and before is None:
        # a verb before its subject stays singular, so "وتوعدوا الولايات المتحدة" has a pronoun subject and
        # the party after it is its object: the subject is the party the sentence named before
        return _pronoun_antecedent(doc, mentions, tok) or _previous_verb_subject(doc, res, mentions, tok) or \
            _subject_before_object(doc, res, mentions, tok)
    return _subject_before_object(doc, res, mentions, tok) or before


def _subject_before_object(doc: Document, res: Resources, mentions: list[Mention], tok: Token) -> Mention | None:
    """The subject after the verb, unless the verb's object (an attack) comes first: in "أدان الحزب الشيوعي
    اغتيال الناشط X" the party after the attack word is its victim, and the unnamed subject stays unknown."""
    found = subject_after(doc, mentions, tok.norm_end)
    if found is None:
        return None
    hits = attack_words(doc, res)
    blocking = next((h for h in hits if tok.norm_end <= h.start and h.end <= found.norm_start
                     and "\u060c" not in doc.norm[h.end:found.norm_start]), None)
    if blocking is None:
        return found
    # the party before the object, if any ("أدان الحزب الشيوعي العراقي اغتيال الناشط X")
    return next((m for m in mentions if tok.norm_end <= m.norm_start and m.norm_end <= blocking.start
                 and is_actor(m) and not after_preposition(doc, m)), None)
