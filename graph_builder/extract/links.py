"""Which attack a statement is about: the attacks its sentence reports, else the one "الهجوم" refers back to.

Shared by the statement and allegation readers (neither imports the other).
"""
from __future__ import annotations

from graph_builder.document import Attack, Document, Entity, Status
from graph_builder.extract.listing import listed_count
from graph_builder.resources import Resources


def abouts(doc: Document, sent_index: int, has_attack_word: bool) -> list[Attack | None]:
    """The attacks a statement in this sentence is about: every attack the sentence itself reports (a claim of
    "استهداف قاعدة التنف وقاعدة حرير" is about both), and as many of the latest earlier ones as a "الهجومين"
    or "الهجمات الثلاث" counts; else the one a bare "الهجوم" refers back to, else none."""
    here = [a for a in doc.attacks if sent_index in a.sentences]
    count = listed_count(doc, doc.sentences[sent_index])
    if count is not None and len(here) < count:  # "ودانت الحكومة الهجومين": both attacks told before
        earlier = [a for a in doc.attacks if a not in here and min(a.sentences) < sent_index]
        earlier.sort(key=lambda a: max(s for s in a.sentences if s < sent_index), reverse=True)
        if len(earlier) >= count - len(here):
            chosen = here + earlier[:count - len(here)]
            return [a for a in doc.attacks if a in chosen]
    if here:
        return list(here)
    if not has_attack_word:
        return [None]
    # A bare "الهجوم" refers back to the story's main attack: carried out, most reported, then most recent.
    earlier = [a for a in doc.attacks if min(a.sentences) <= sent_index]
    return [max(earlier, key=lambda a: (a.status is Status.CARRIED_OUT, len(a.sentences),
                                        max(s for s in a.sentences if s <= sent_index)), default=None)]


def own_attack(doc: Document, res: Resources, speaker: Entity) -> Attack | None:
    """The story's one carried-out attack by the speaker, or by the state it is a body of: a claim that names
    no attack word ("ذكرت وزارة الدفاع التركية أنها أطلقت عملية عسكرية") is about it; None if none or several."""
    own = {speaker.key} | ({state.key} if (state := res.state_of(speaker)) is not None else set())
    found = [a for a in doc.attacks if a.status is Status.CARRIED_OUT and a.perpetrator is not None and
             ({a.perpetrator.key} | ({s.key} if (s := res.state_of(a.perpetrator)) is not None else set())) & own]
    return found[0] if len(found) == 1 else None
