"""Speech acts named by a definite verbal noun with a nationality adjective: "الاتهامات الأمريكية لإيران",
"التهديدات التركية بشن عملية في سنجار", "الإدانة السعودية للهجوم".

The adjective names the state that speaks; the party after "ل" is the one charged or threatened, as after a
verbal noun with its subject ("اتهامات واشنطن لطهران"). A definite noun is otherwise no trigger ("المتهمين"
names people), so these are found here rather than in the trigger scan.
"""
from __future__ import annotations

from graph_builder.document import Document, EntityKind, Mention, StatementKind, Token
from graph_builder.extract.acts import Trigger, definite
from graph_builder.lang import AR
from graph_builder.text.tokens import peel


def adjectival_triggers(doc: Document, tokens: list[Token], mentions: list[Mention]) -> list[Trigger]:
    """A trigger (role "adjectival") for each definite act noun followed right away by a state's adjective."""
    table = AR.table("adjectival_acts")
    out = []
    for tok in tokens:
        kind = next((table[stem] for prefix, stem in peel(tok.surface) if stem in table and definite(prefix)), None)
        if kind is not None and _state_adjective(doc, mentions, tok) is not None:
            out.append(Trigger(tok, StatementKind(kind), "adjectival"))
    return out


def _state_adjective(doc: Document, mentions: list[Mention], tok: Token) -> Mention | None:
    return next((m for m in mentions if m.by_adjective and m.entity.kind is EntityKind.STATE and
                 0 <= m.norm_start - tok.norm_end <= 1 and not doc.norm[tok.norm_end:m.norm_start].strip()), None)


def adjectival_speaker(doc: Document, mentions: list[Mention], trig: Trigger) -> Mention | None:
    """The state the adjective after the noun names."""
    return _state_adjective(doc, mentions, trig.token)
