"""Speakers a statement takes from around its own clause, where long news sentences put them.

A news sentence may open with the verbal noun of the act before the clause that names who acts ("وفي إدانة
للهجوم ...، قالت وزارة الداخلية ..."), go on from the subject the sentence before named ("وصل فؤاد حسين إلى
أنقرة. وأدان في تغريدة ... القصف"), name the issuer of a statement once and then let the statement speak
("أصدرت X بياناً ... . وأضاف البيان أن ..."), give a verbal noun its subject through a relative verb
("اتهامات وجهتها فصائل عراقية لواشنطن"), let a spokesman's clause speak through the head noun of his body
("قال المتحدث باسم الجيش ... إن الجيش يدين"), front a topic that speaks through its official ("أما حزب الله
فقد نفى على لسان ..."). These are tried only where the trigger's own subject is not found (extract/speakers.py),
but for a pluperfect, whose subject stands right after "كان" before any aside ("وكانت فصائل أخرى -بعضها مدعوم
من إيران- قد توعدت"), which is tried first; the speaker's mention says which rule found it (`speaker.<via>`).
"""
from __future__ import annotations

from graph_builder.document import Document, Mention, Token
from graph_builder.extract.acts import definite
from graph_builder.extract.issuers import continued_speaker, issued_from, remember_issuer, statement_source
from graph_builder.extract.speakers import (
    attributed_speaker,
    named_or_office,
    no_subject_after,
    sentence_speaker,
    speaker_of,
    statement_anaphor,
)
from graph_builder.extract.syntax import is_actor, subject_before, without_conjunction
from graph_builder.lang import AR
from graph_builder.resources import Resources
from graph_builder.text.normalize import normalize_name

_OPENING_SUBJECT_REACH = 60  # characters from the previous sentence's start to the subject it opens with
_RELATIVE_REACH = 30  # characters from a verbal noun to the subject of the relative verb after it
_ISSUED_REACH = 14  # characters from an issuing verb's subject to the statement noun ("بياناً")


def speaker_around(doc: Document, res: Resources, role: str, tok: Token, mentions: list[Mention],
                   tokens: list[Token], headline: bool, inherited: Mention | None) -> Mention | None:
    """The speaker of a trigger in its role (`speaker_of`), else the one the sentence names around its clause."""
    if role == "self_report" and tokens and tokens[0] is tok and \
            (issuer := statement_source(doc, tokens, inherited)) is not None:
        return issuer  # "وجاء في البيان أن ...": the statement the sentence before issued goes on
    found = (_pluperfect_subject(doc, mentions, tok) if role in {"verb", "verb_on_attack"} else None) or \
        speaker_of(doc, res, role, tok, mentions, tokens, headline, inherited)
    if found is not None:
        return _topic_through_spokesman(doc, res, mentions, tok, found) or found
    if role in {"noun", "possessor"}:
        return _fronted_phrase_speaker(doc, res, mentions, tokens, tok) or _relative_verb_subject(doc, mentions, tok)
    if role in {"verb", "verb_on_attack"}:
        return _previous_subject(doc, res, tokens, tok) or _body_anaphor_speaker(doc, res, mentions, tokens, tok)
    if role == "self_report" and tokens and tokens[0] is tok and \
            (continued := continued_speaker(doc, tokens, 0, inherited)) is not None:
        # "وأضاف البيان أن ...": the issuer the sentence before named; "وأكد أن ...": its speaker goes on
        return _as(continued, "statement-issuer") if statement_anaphor(doc, tok) else continued
    return None


def _pluperfect_subject(doc: Document, mentions: list[Mention], tok: Token) -> Mention | None:
    """"وكانت فصائل مسلحة أخرى -بعضها مدعوم من إيران- قد توعدت بالرد": in the pluperfect the subject stands right
    after "كان", and an aside may separate it from "قد" and the verb."""
    frame = AR.pattern("pluperfect_frame").search(doc.norm, max(0, tok.norm_start - 110), tok.norm_start)
    if frame is None:
        return None
    subject = next((m for m in mentions if is_actor(m) and 0 <= m.norm_start - frame.start(1) <= 1), None)
    return _as(subject, "pluperfect") if subject is not None else None


def carried_speaker(doc: Document, res: Resources, tokens: list[Token], mentions: list[Mention],
                    inherited: Mention | None) -> Mention | None:
    """Who speaks in this sentence, for the next one (`sentence_speaker`), the party that issued the statement
    the sentence tells of ("أصدرت كتائب سيد الشهداء بياناً نعت فيه ..."), whom "وأضاف البيان" goes on quoting, or
    the subject it opens with ("التقى السوداني وفداً ... . وأكد خلال اللقاء أن ...")."""
    return remember_issuer(doc, tokens, statement_source(doc, tokens, inherited) or
                           sentence_speaker(doc, res, tokens, mentions, inherited) or
                           _issuer(doc, res, tokens, mentions) or issued_from(doc, tokens, mentions) or
                           _opening_subject(doc, res, tokens, mentions))


def _topic_through_spokesman(doc: Document, res: Resources, mentions: list[Mention], tok: Token,
                             agent: Mention) -> Mention | None:
    """"أما حزب الله فقد نفى على لسان مسؤول العلاقات الإعلامية فيه محمد عفيف ...": a party right before the verb
    that speaks "on the tongue of" its official named after it is the speaker."""
    if agent.norm_start < tok.norm_end or \
            not AR.pattern("through_spokesman").search(doc.norm[tok.norm_end:agent.norm_start]):
        return None
    before = subject_before(doc, mentions, tok.norm_start, res.cues["svo_particles"])
    return _as(before, "through-spokesman") if before is not None else None


def _as(m: Mention, via: str) -> Mention:
    """The same mention, marked with the rule that found it as a speaker."""
    return Mention(m.norm_start, m.norm_end, m.entity, m.sentence, via)


def _fronted_phrase_speaker(doc: Document, res: Resources, mentions: list[Mention], tokens: list[Token],
                            tok: Token) -> Mention | None:
    """"وفي إدانة للهجوم الذي ...، قالت وزارة الداخلية ...", "وفي أول نفي لها، أصدرت X بياناً": a verbal noun
    heading the phrase "في ..." the sentence opens with is the act of the main clause's subject, after the comma."""
    position = next((k for k, t in enumerate(tokens) if t is tok), None)
    if position is None or position == 0 or without_conjunction(tokens[0].surface) not in AR.words("fronted_in"):
        return None
    if position > 2 or (position == 2 and tokens[1].surface not in AR.words("fronted_modifiers")):
        return None  # "وفي ظل تهديدات متكررة، أعلنت السفارة": the noun is no head of the phrase
    sent_end = doc.sentences[doc.sentence_at(tok.norm_start)].norm_end
    comma = min((at for at in (doc.norm.find(c, tok.norm_end, sent_end) for c in "\u060c,") if at >= 0), default=-1)
    verb = next((t for t in tokens if t.norm_start > comma), None) if comma >= 0 else None
    found = named_or_office(doc, res, mentions, verb) if verb is not None else None
    return _as(found, "fronted-phrase") if found is not None and is_actor(found) else None


def _relative_verb_subject(doc: Document, mentions: list[Mention], tok: Token) -> Mention | None:
    """"بعد ساعات من اتهامات وجهتها فصائل عراقية لواشنطن": the subject of the relative verb after the noun."""
    for m in mentions:
        if m.norm_start < tok.norm_end or not is_actor(m):
            continue
        if m.norm_start - tok.norm_end > _RELATIVE_REACH or \
                not AR.pattern("relative_issuing_verb").fullmatch(doc.norm[tok.norm_end:m.norm_start]):
            return None
        return _as(m, "relative-verb")
    return None


def _previous_subject(doc: Document, res: Resources, tokens: list[Token], tok: Token) -> Mention | None:
    """"وصل وزير الخارجية فؤاد حسين إلى أنقرة. وأدان في تغريدة ... القصف": a joined verb opening a sentence with
    no subject after it (a preposition follows) has the subject the previous sentence opens with."""
    if not tokens or tokens[0] is not tok or not tok.prefix[:1] or tok.prefix[0] not in AR.words("conjunctions") \
            or not no_subject_after(doc, tokens, 0):
        return None
    index = doc.sentence_at(tok.norm_start)
    if index == 0 or doc.sentences[index - 1].is_headline:
        return None
    found = _opening_subject(doc, res, doc.tokens_in(index - 1), doc.mentions_in(index - 1))
    return _as(found, "previous-subject") if found is not None else None


def _opening_subject(doc: Document, res: Resources, tokens: list[Token], mentions: list[Mention]) -> Mention | None:
    """The subject right after the verb a sentence opens with ("وصل وزير الخارجية فؤاد حسين إلى أنقرة")."""
    found = named_or_office(doc, res, mentions, tokens[0]) if tokens else None
    if found is None or not is_actor(found) or \
            found.norm_start - doc.sentences[doc.sentence_at(tokens[0].norm_start)].norm_start > _OPENING_SUBJECT_REACH:
        return None
    return found


def _body_anaphor_speaker(doc: Document, res: Resources, mentions: list[Mention], tokens: list[Token],
                          tok: Token) -> Mention | None:
    """"قال المتحدث باسم الجيش العراقي يحيى رسول إن الجيش يدين الهجوم": a reported clause whose subject is the
    head noun of the speaker's own body, with the article, speaks through the speaker."""
    position = next((k for k, t in enumerate(tokens) if t is tok), 0)
    if position < 2 or tokens[position - 2].surface not in AR.words("complementisers") or \
            not definite(tokens[position - 1].prefix):
        return None
    said = attributed_speaker(doc, res, mentions, tokens, tokens[position - 2].norm_start)
    if said is None:
        return None
    bodies = [res.entities.get(said.entity.official_of or ""), said.entity]
    bodies += [m.entity for m in mentions if m.norm_end <= said.norm_start and is_actor(m)][-1:]  # his title's body
    article = next(iter(AR.words("article_proclitic")))
    heads = {normalize_name(label).split()[0].removeprefix(article) for body in bodies if body is not None
             for label in (body.label_ar, *body.alt_labels) if label}
    return _as(said, "body-anaphor") if tokens[position - 1].stem in heads else None


def _issuer(doc: Document, res: Resources, tokens: list[Token], mentions: list[Mention]) -> Mention | None:
    """"أصدرت كتائب سيد الشهداء بياناً ...", "نشرت الحركة بلاغاً": the subject of an issuing verb whose object is
    a statement."""
    for tok in tokens[:3]:
        if without_conjunction(tok.surface) not in AR.words("issuing_verbs"):
            continue
        found = named_or_office(doc, res, mentions, tok)
        after = doc.norm[found.norm_end:found.norm_end + _ISSUED_REACH].replace('"', " ").split()[:1] \
            if found is not None else []
        if after and after[0] in AR.words("issued_statements") and is_actor(found):
            return _as(found, "issuer")
        return None
    return None
