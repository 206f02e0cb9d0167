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
