"""Conditions of a threat, and acts a sentence only supposes.

A pledge conditional on a party's act is a threat at that party: "سترد بحزم إذا هاجم حزب العمال مواقعها",
"إذا واصلت بريطانيا غاراتها فسنرد", "بالرد إذا تبين أن إسرائيل نفذت الهجوم". A condition naming no one ("من أي
جهة كانت") aims the threat at no one. An act verb after "أن يكون ... قد" is only supposed, denied or doubted
("نفى أن يكون قد هدد", "استبعد أن تكون الكتائب قد تبنت الهجوم"), and so is one governed by a verb of refraining
("امتنعت X عن تهديد Y"): it is no statement. A warning of a danger that names no response is a caution, even
addressed to a party. The statement reader
(extract/statements.py) imports these helpers.
"""
from __future__ import annotations

from graph_builder.document import Document, Entity, Mention, Sentence, Token
from graph_builder.extract.syntax import is_actor
from graph_builder.extract.threat_targets import own_side
from graph_builder.lang import AR
from graph_builder.resources import Resources


def supposed_act(doc: Document, tok: Token) -> bool:
    """The trigger follows "أن يكون/تكون (X) قد": what it names is supposed, not said to have happened."""
    before = doc.norm[max(0, tok.norm_start - 60):tok.norm_start]
    return AR.pattern("supposed_act").search(before) is not None


def refrained_act(doc: Document, tok: Token) -> bool:
    """A verb of refraining or avoiding governs the trigger ("امتنعت X عن تهديد Y", "تجنبت اتهام أي طرف"): the act
    was not made."""
    before = doc.norm[max(0, tok.norm_start - 60):tok.norm_start]
    return AR.pattern("refrained_before").search(before) is not None


def danger_warned(doc: Document, tok: Token, sent_end: int) -> bool:
    """A warning warns of a danger, not of the speaker's act ("حذر X إيران من أن التصعيد قد يجر المنطقة إلى حرب",
    "من مخاطر توسيع العمليات"): with no response named it is a caution, whoever it is addressed to."""
    return AR.pattern("danger_warned").match(doc.norm[tok.norm_end:min(sent_end, tok.norm_end + 100)]) is not None


def _clauses(doc: Document, sent: Sentence, tok: Token) -> list[tuple[int, int]]:
    """The sentence's conditional clauses as (start, end): from the particle to the answer ("فإن", "فسنرد"), a
    comma or the sentence's end, and never past the trigger when the clause opens before it."""
    out = []
    for opener in AR.pattern("condition_opener").finditer(doc.norm, sent.norm_start, sent.norm_end):
        start = opener.end()
        answer = AR.pattern("apodosis").search(doc.norm, start, sent.norm_end)
        end = answer.start() if answer is not None else sent.norm_end
        comma = doc.norm.find("\u060c", start, end)
        end = comma if comma >= 0 else end
        if start <= tok.norm_start < end:
            end = tok.norm_start
        out.append((start, end))
    return out


def condition_party(doc: Document, res: Resources, mentions: list[Mention], sent: Sentence, tok: Token,
                    speaker: Entity) -> Mention | None:
    """The party that acts in the conditional clause of a threat (the nearest after the trigger, else the last
    before it): the first actor there that is not the speaker's own side, nor named where or on what a blow
    falls ("إذا تعرضت قواتها في العراق", "على اليمن"), nor a place left ("ما لم تنسحب من العراق")."""
    clauses = _clauses(doc, sent, tok)
    nearest = [c for c in clauses if c[0] >= tok.norm_end][:1] + [c for c in clauses if c[1] <= tok.norm_start][-1:]
    passed = AR.words("condition_place_words")
    for start, end in nearest[:1]:
        for m in mentions:
            if not (start <= m.norm_start and m.norm_end <= end) or not is_actor(m):
                continue
            before = doc.norm[start:m.norm_start].split()
            if own_side(res, speaker, m.entity) or (before and before[-1] in passed) or \
                    AR.pattern("left_place").search(doc.norm[start:m.norm_start]):
                continue  # "إذا تعرضت قواتها في العراق", "ما لم تنسحب من العراق": where, not who
            return m
    return None
