"""Which attack a statement is about: the attacks its sentence reports, else the one "الهجوم" refers back to.

Shared by the statement and allegation readers (neither imports the other).
"""
from __future__ import annotations

from graph_builder.document import Attack, Document, Entity, Status
from graph_builder.extract.listing import listed_count
from graph_builder.extract.segments import event_segments
from graph_builder.resources import Resources


def abouts(doc: Document, sent_index: int, has_attack_word: bool, at: int | None = None) -> list[Attack | None]:
    """The attacks a statement in this sentence is about: every attack the sentence itself reports (a claim of
    "استهداف قاعدة التنف وقاعدة حرير" is about both), and as many of the latest earlier ones as a "الهجومين"
    or "الهجمات الثلاث" counts; else the one a bare "الهجوم" refers back to, else none. Where the sentence
    recalls an earlier attack, a statement word at `at` is about the attacks of its own segment only."""
    here = _own_segment(doc, sent_index, [a for a in doc.attacks if sent_index in a.sentences], at)
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


def _own_segment(doc: Document, sent_index: int, here: list[Attack], at: int | None) -> list[Attack]:
    """"أعلنت الجماعة استهداف السفينة X، بعد يومين من إغراقها السفينة Y": the claim is of X; the sinking it
    recalls is not claimed here. Attacks of a sentence that recalls another carry their segment (`episode`)."""
    whole = doc.sentences[sent_index]
    ranks = {a.episode[1] for a in here if a.episode is not None and a.episode[0] == whole.norm_start}
    if at is None or len(ranks) < 2:
        return here
    hits = doc.memo("attack-words+split", lambda: [])
    segments = event_segments(doc, whole, hits)
    rank = next((n for n, seg in enumerate(segments) if seg.span.norm_start <= at < seg.span.norm_end), None)
    if rank is None:
        return here
    if segments[rank].recalled:
        return [a for a in here if a.episode is None or a.episode[1] == rank]
    return [a for a in here if a.episode is None or not segments[a.episode[1]].recalled]
