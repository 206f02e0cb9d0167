"""Claims told by attribution: a military body as the source of its own side's attack.

"قصفت المدفعية التركية قرى في ناحية سيدكان، حسبما أعلنت وزارة الدفاع التركية", "دمرت طائرات الجيش العراقي
أوكاراً لداعش، وفقاً لبيان صادر عن قيادة العمليات المشتركة": the reporter tells the strike and names its source;
when the source is a military or security body (or an armed group) of the attacker's own side, it told of its own
side's attack, which is a claim of it. A source that is an agency, an official or a body of another side only
reports. Runs after the statement reader, so a claim it already made is not doubled.
"""
from __future__ import annotations

from graph_builder.components import component
from graph_builder.document import Document, Entity, EntityKind, Mention, Statement, StatementKind, Status, Trace
from graph_builder.extract.acts import state_above
from graph_builder.lang import AR
from graph_builder.resources import Resources
from graph_builder.text.normalize import normalize_name

_SOURCE_REACH = 3  # characters between the attribution words and the source's name (a quote, a space)
RULE = "statements/ClaimOfResponsibility.attributed-source"


@component("attributed-claims", requires=("sentences", "mentions", "attacks", "statements"),
           assigns=("statements",))
def attributed_claims(doc: Document, res: Resources) -> None:
    """Add a claim by the source an attack's sentence names, when it is a military body of the attacker's side."""
    for attack in doc.attacks:
        if attack.status is not Status.CARRIED_OUT or attack.perpetrator is None:
            continue
        for index in attack.sentences:
            source = _source(doc, index)
            if source is None or not _same_side(res, source.entity, attack.perpetrator) or \
                    any(s.kind is StatementKind.CLAIM and s.about is attack and s.speaker is not None and
                        s.speaker.key == source.entity.key for s in doc.statements):
                continue
            doc.statements.append(Statement(
                kind=StatementKind.CLAIM, sentence=index, evidence=[doc.sentence_evidence(index)],
                speaker=source.entity, about=attack, date=attack.date, confidence=0.55,
                traces=[Trace(RULE, doc.norm[source.norm_start:source.norm_end], index)]))


def _source(doc: Document, index: int) -> Mention | None:
    """The party named right after an attribution that closes the sentence ("، حسبما أعلنت X", "، وفقاً لبيان
    صادر عن X", "، بحسب X")."""
    sent = doc.sentences[index]
    # the last attribution of the sentence names the source of all it told
    found = list(AR.pattern("attributed_source").finditer(doc.norm, sent.norm_start, sent.norm_end))[-1:]
    if not found:
        return None
    end = found[0].end()
    return next((m for m in doc.mentions_in(index) if not m.by_adjective
                 and 0 <= m.norm_start - end <= _SOURCE_REACH), None)


def _same_side(res: Resources, source: Entity, perpetrator: Entity) -> bool:
    """The source is the attacker, speaks for it, or is a military body of the attacker's state."""
    body = res.entities.get(source.official_of or "", source) if source.kind is EntityKind.PERSON else source
    if body.key == perpetrator.key or perpetrator.official_of == body.key:
        return True
    if body.kind is EntityKind.ARMED_GROUP or not _military(body):
        return False
    state = state_above(res, body)
    return state is not None and (res.state_of(perpetrator) or perpetrator).key == state.key


def _military(body: Entity) -> bool:
    """A defence, military or security body by its name ("وزارة الدفاع التركية", "خلية الإعلام الأمني")."""
    words = AR.words("military_body_words")
    return any(w in words for w in normalize_name(body.label_ar).split())
