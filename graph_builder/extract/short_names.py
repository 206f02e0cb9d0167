"""A state body named in full, then by the first words of its name alone.

"أصدرت وزارة الداخلية في حكومة إقليم كردستان بياناً ... كما أدانت وزارة الداخلية هذا العمل": the second
"وزارة الداخلية" is the Kurdistan ministry, not an unknown body. The short form is the name up to its seat or
state (a nested place or nationality, or "في"); it stands for the body named in full last before it. A short
form the gazetteer already reads is left as read.
"""
from __future__ import annotations

from graph_builder.components import component
from graph_builder.document import Document, EntityKind, Mention
from graph_builder.extract.names import covered
from graph_builder.lang import AR
from graph_builder.resources import Resources

_MIN_WORDS = 2  # "وزارة الداخلية": a head noun alone ("الوزارة") is an anaphor, read elsewhere


def _short_form(doc: Document, m: Mention) -> str | None:
    """The head of a body's full name, up to the first nested party or seat word; None if it is the whole."""
    words = doc.norm[m.norm_start:m.norm_end].split()
    if len(words) <= _MIN_WORDS or words[0] not in AR.words("short_name_heads"):
        return None
    nested = min((n.norm_start for n in doc.mentions_overlapping(m.norm_start, m.norm_end)
                  if n is not m and n.norm_start > m.norm_start), default=m.norm_end)
    head = doc.norm[m.norm_start:nested].split()
    cut = next((k for k, w in enumerate(head) if w in AR.words("short_name_cut")), len(head))
    short = head[:cut]
    return " ".join(short) if _MIN_WORDS <= len(short) < len(words) else None


@component("short-body-names", requires=("norm", "tokens", "mentions"), assigns=("mentions",))
def resolve_short_body_names(doc: Document, res: Resources) -> None:
    """Each later bare short form of a body named in full is that body."""
    full = [(m, s) for m in doc.mentions if m.entity.kind is EntityKind.ORGANIZATION and not m.by_adjective and
            (s := _short_form(doc, m)) is not None]
    if not full:
        return
    found = []
    for tok in doc.tokens:
        for m, short in reversed(full):
            if m.norm_end > tok.norm_start or not doc.norm.startswith(short, tok.norm_start):
                continue
            end = tok.norm_start + len(short)
            if (end == len(doc.norm) or not doc.norm[end].isalpha()) and not covered(doc, tok.norm_start, end):
                found.append(Mention(tok.norm_start, end, m.entity, doc.sentence_at(tok.norm_start), "short-name"))
            break
    doc.mentions.extend(found)
    doc.mentions.sort(key=lambda m: m.norm_start)
