"""Statements (speech acts): accusations, denials, claims, condemnations and threats.

A trigger (verb, participle or noun from lexicon/statement_triggers.tsv, matched after clitic peeling) opens a
statement; its speaker is the subject (Arabic puts it after the verb, headlines before it), a participle
inherits the speaker of its main clause ("دان بومبيو الهجوم متهماً ..."), and the accused is the next party
named after the trigger. Negated triggers ("لم تعلن أي جهة مسؤوليتها") make no statement.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from graph_builder import lexicon
from graph_builder.document import Attack, Document, Entity, EntityKind, Mention, Statement, StatementKind, Token
from graph_builder.resources import Resources

_WINDOW_AFTER = 70  # characters after a verb where its subject may stand (titles come first)
_WINDOW_BEFORE = 40
_CLAUSE_BREAK = re.compile(r"(?:^|\s)(?:ان|انه|انها|بان|بانه|الذي|التي|حيث)(?:\s|$)|[:\"،,]")
_OWN_FORMS = re.compile(r"(?:تورط|صل|علاق|دور|مسؤولي)(?:ه|ها|هم|تها|ته)(?![\u0621-\u064a])")
_DENIED_LINK = re.compile(r"(?:صله|تورط|دور|علاقه|مسؤوليه|يد)\s+(?:ل|ب)?")


@dataclass
class _Trigger:
    token: Token
    kind: StatementKind
    role: str
    index: int


def _actor(m: Mention) -> bool:
    return m.entity.kind.is_actor or (m.entity.kind is EntityKind.EMBASSY)


def _find_triggers(doc: Document, res: Resources, tokens: list[Token], sent_text: str) -> list[_Trigger]:
    table = lexicon.statement_triggers()
    negation = res.cues["negation"]
    out = []
    for i, tok in enumerate(tokens):
        for _prefix, stem in _peel_all(tok):
            trigs = table.get(stem)
            if not trigs:
                continue
            for trig in trigs:
                if trig.requires and trig.requires[:6] not in sent_text:
                    continue
                if any(t.surface in negation for t in tokens[max(0, i - 2):i]):
                    continue
                out.append(_Trigger(tok, StatementKind(trig.kind), trig.role, i))
            break
    return out


def _peel_all(tok: Token) -> tuple[tuple[str, str], ...]:
    from graph_builder.text.tokens import peel

    return peel(tok.surface)


def _subject_after(doc: Document, mentions: list[Mention], pos: int, limit: int) -> Mention | None:
    best_adj = None
    for m in mentions:
        if m.norm_start < pos or not _actor(m):
            continue
        if m.norm_start - pos > _WINDOW_AFTER:
            break
        gap = doc.norm[pos:m.norm_start]
        if _CLAUSE_BREAK.search(gap) and not re.fullmatch(r"[\s\u0621-\u064a،,]*", gap.replace("،", "").replace(",", "")):
            break
        if re.search(r"(?:^|\s)(?:ان|انه|انها|بان)(?:\s|$)", gap):
            break
        if m.by_adjective:
            best_adj = best_adj or m
            continue
        return m
    return best_adj


def _subject_before(doc: Document, mentions: list[Mention], pos: int, sent_start: int) -> Mention | None:
    for m in reversed(mentions):
        if m.norm_end > pos or not _actor(m) or m.by_adjective:
            continue
        if pos - m.norm_end > _WINDOW_BEFORE:
            return None
        return m
    return None


def _main_speaker(doc: Document, res: Resources, mentions: list[Mention], tokens: list[Token],
                  before: int) -> Mention | None:
    """Subject of the first attribution or statement verb of the sentence that precedes `before`."""
    attribution = res.cues["attribution"]
    table = lexicon.statement_triggers()
    for tok in tokens:
        if tok.norm_start >= before:
            break
        if any(stem in attribution or any(t.role == "verb" for t in table.get(stem, ())) for _, stem in _peel_all(tok)):
            m = _subject_after(doc, mentions, tok.norm_end, before)
            if m is not None and m.norm_start < before:
                return m
    return next((m for m in mentions if m.norm_start < before and _actor(m) and not m.by_adjective), None)


def _object_after(doc: Document, mentions: list[Mention], pos: int, speaker: Mention | None) -> Mention | None:
    for m in mentions:
        if m.norm_start < pos or not _actor(m) or m.entity.kind is EntityKind.MEDIA:
            continue
        if speaker is not None and m.entity.key == speaker.entity.key:
            continue
        if m.norm_start - pos > 120:
            return None
        return m
    return None


def _attack_for(doc: Document, sent_index: int, has_attack_word: bool) -> Attack | None:
    here = [a for a in doc.attacks if sent_index in a.sentences]
    if here:
        return here[0]
    if not has_attack_word:
        return None
    earlier = [a for a in doc.attacks if min(a.sentences) <= sent_index]
    return max(earlier, key=lambda a: max(s for s in a.sentences if s <= sent_index), default=None)


def _state_of(entity: Entity, res: Resources) -> Entity:
    if entity.official_of and entity.official_of in res.entities:
        return res.entities[entity.official_of]
    return entity


def extract_statements(doc: Document, res: Resources) -> None:
    """Add the document's statements to `doc.statements` (one per distinct speaker/kind/accused/about)."""
    seen: dict[tuple, Statement] = {}
    attack_stems = {"هجوم", "الهجوم", "هجمات", "الهجمات", "استهداف", "اقتحام", "القصف", "الضربه", "قصف"}
    for sent in doc.sentences:
        tokens = [t for t in doc.tokens if sent.norm_start <= t.norm_start < sent.norm_end]
        sent_text = doc.norm[sent.norm_start:sent.norm_end]
        triggers = _find_triggers(doc, res, tokens, sent_text)
        if not triggers:
            continue
        mentions = doc.mentions_in(sent.index)
        has_attack_word = any(t.stem in attack_stems or t.surface in attack_stems for t in tokens)
        for trig in triggers:
            tok = trig.token
            speaker: Mention | None
            accused: Mention | None = None
            if trig.role == "verb":
                speaker = _subject_after(doc, mentions, tok.norm_end, sent.norm_end)
                if speaker is None:
                    speaker = _subject_before(doc, mentions, tok.norm_start, sent.norm_start)
            elif trig.role == "behind":
                accused = _subject_before(doc, mentions, tok.norm_start, sent.norm_start)
                if accused is None:
                    continue
                speaker = _subject_before(doc, mentions, accused.norm_start, sent.norm_start) or \
                    _main_speaker(doc, res, mentions, tokens, accused.norm_start)
            else:
                speaker = _main_speaker(doc, res, mentions, tokens, tok.norm_start)
            if speaker is None or speaker.by_adjective and trig.role != "verb":
                continue
            after = tok.norm_end if trig.role != "verb" or speaker.norm_start < tok.norm_start else speaker.norm_end
            if trig.kind in {StatementKind.ACCUSATION, StatementKind.THREAT} and accused is None:
                accused = _object_after(doc, mentions, after, speaker)
                if accused is None and trig.kind is StatementKind.THREAT and trig.role == "verb":
                    accused = _subject_before(doc, mentions, tok.norm_start, sent.norm_start)
                    if accused is not None and accused.entity.key == speaker.entity.key:
                        accused = None
            elif trig.kind is StatementKind.DENIAL:
                tail = doc.norm[tok.norm_end:sent.norm_end]
                link = _DENIED_LINK.search(tail)
                if link:
                    accused = _object_after(doc, mentions, tok.norm_end + link.end(), None)
                if accused is None and (_OWN_FORMS.search(tail[:60]) or re.search(r"بلاد(?:ه|ها)", tail[:60])):
                    accused = speaker
            if trig.kind is StatementKind.ACCUSATION and accused is None:
                continue
            speaker_entity = speaker.entity
            accused_entity = accused.entity if accused is not None else None
            if accused_entity is not None and re.search(r"بلاد(?:ه|ها)", doc.norm[tok.norm_end:sent.norm_end][:60]) \
                    and trig.kind is StatementKind.DENIAL and accused is speaker:
                accused_entity = _state_of(speaker_entity, res)
            about = _attack_for(doc, sent.index, has_attack_word)
            key = (trig.kind, speaker_entity.key, accused_entity.key if accused_entity else None, id(about))
            evidence = doc.sentence_evidence(sent.index)
            if key in seen:
                if evidence not in seen[key].evidence:
                    seen[key].evidence.append(evidence)
                continue
            stmt = Statement(kind=trig.kind, sentence=sent.index, evidence=[evidence], speaker=speaker_entity,
                             accused=accused_entity, about=about, date=about.date if about else None,
                             confidence=0.7 if trig.role == "verb" else 0.55)
            seen[key] = stmt
            doc.statements.append(stmt)
