"""Headlines put the subject first: "فصيل عراقي يتوعد القوات الأميركية بالرد".

A third-person imperfect verb with words before it in its headline clause has its subject there. When those
words name no party the graph knows ("فصيل عراقي"), the statement has an unknown speaker: the party after the
verb is its object, never its subject.
"""
from __future__ import annotations

from graph_builder.document import Document, Mention, Token
from graph_builder.extract.syntax import subject_before, without_conjunction
from graph_builder.lang import AR
from graph_builder.resources import Resources


def unnamed_headline_subject(doc: Document, res: Resources, tokens: list[Token], mentions: list[Mention],
                             tok: Token) -> bool:
    """The headline verb at `tok` has words before it in its clause, and they name no party."""
    k = next(k for k, t in enumerate(tokens) if t.norm_start == tok.norm_start)
    if k == 0 or without_conjunction(tok.surface)[:1] not in AR.words("headline_third_person"):
        return False
    if doc.norm[tokens[k - 1].norm_end:tok.norm_start].strip():
        return False  # punctuation right before: the verb opens a clause ("عاجل: يتوعد ...")
    return subject_before(doc, mentions, tok.norm_start, res.cues["svo_particles"]) is None and \
        not any(m.norm_end <= tok.norm_start and m.norm_start >= tokens[k - 1].norm_start and not m.by_adjective
                for m in mentions)


def colon_speaker(doc: Document, tokens: list[Token], mentions: list[Mention], i: int) -> Mention | None:
    """"حزب العمال الكردستاني: لا ناقة لنا ولا جمل في ...": a sentence opening with a party and a colon quotes it,
    as "قال X:" does."""
    if i != 0 or not tokens:
        return None
    first = next((m for m in mentions if tokens[0].norm_start <= m.norm_start <= tokens[0].norm_start +
                  len(tokens[0].prefix) and not m.by_adjective), None)
    if first is None or not first.entity.kind.is_actor:
        return None  # a place heads a dateline ("بغداد: ..."), not a quotation
    return first if doc.norm[first.norm_end:first.norm_end + 3].lstrip().startswith(":") else None
