"""A dual noun that stands for two parties named together: "اتهمت الحكومة X وY ...، ونفى الفصيلان أي علاقة لهما".

Arabic refers back to a pair of coordinated parties with a definite dual ("الفصيلان", "الدولتان", "البلدين"); as
the subject of a statement verb each of the two makes the statement. The pair is the last two parties joined by
"و" in the sentence or the one before, so a dual with no such pair (or one after a lone party) speaks for no one.
"""
from __future__ import annotations

from itertools import pairwise

from graph_builder.document import Document, Mention, Token
from graph_builder.extract.syntax import is_actor
from graph_builder.lang import AR


def dual_subject(doc: Document, tok: Token) -> list[Mention] | None:
    """The two parties a dual noun right after the verb `tok` (or right before its dual form) stands for, as
    mentions at the noun; None without a dual subject or an antecedent pair."""
    after = doc.norm[tok.norm_end:tok.norm_end + 16].replace('"', " ").split()[:1]
    before = doc.norm[max(0, tok.norm_start - 16):tok.norm_start].replace('"', " ").split()[-1:]
    if after and after[0] in AR.words("dual_party_nouns"):
        start, noun = doc.norm.index(after[0], tok.norm_end), after[0]
    elif before and before[0] in AR.words("dual_party_nouns") and AR.pattern("dual_verb_ending").search(tok.surface):
        start, noun = doc.norm.rindex(before[0], 0, tok.norm_start), before[0]  # "أن الحركتين نفتا"
    else:
        return None
    first_sentence = max(0, doc.sentence_at(tok.norm_start) - 1)
    earlier = [m for m in doc.mentions if is_actor(m) and m.norm_end <= start
               and m.sentence >= first_sentence]
    for first, second in reversed(list(pairwise(earlier))):
        joint = doc.norm[first.norm_end:second.norm_start].split()
        if len(joint) == 1 and joint[0] in AR.words("coordinator") and first.entity.key != second.entity.key and \
                first.entity.kind is second.entity.kind:
            sentence = doc.sentence_at(start)
            return [Mention(start, start + len(noun), m.entity, sentence, "dual-anaphor") for m in (first, second)]
    return None
