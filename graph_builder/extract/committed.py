"""Charges made by naming crimes and their agent: "المجازر التي ترتكبها القوات الأمريكية", "الجرائم التي
ارتكبها الاحتلال بحق المدنيين".

A speaker who calls acts crimes or massacres that a party commits charges that party, though no verb of
accusing is used; the party is the subject of the relative verb of committing, right after it. The speaker is
whoever the sentence attributes the words to, as for "X وراء الهجوم".
"""
from __future__ import annotations

from graph_builder.document import Document, Mention, Token
from graph_builder.extract.syntax import subject_after
from graph_builder.lang import AR

_BEFORE = 60  # characters before the verb in which the crimes and the relative pronoun stand


def committed_agent(doc: Document, mentions: list[Mention], tok: Token) -> Mention | None:
    """The party that commits the crimes named right before the relative verb at `tok`, if the text names one."""
    if not AR.pattern("committed_crimes").search(doc.norm[max(0, tok.norm_start - _BEFORE):tok.norm_start]):
        return None
    return subject_after(doc, mentions, tok.norm_end)
