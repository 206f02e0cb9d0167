"""Whose attack a condemnation condemns: "دانت أنقرة «الاعتداء الإرهابي» الذي نفذه حزب العمال الكردستاني".

A condemnation of an attack whose attacker the same sentence names (as the agent of a relative clause, a
possessor, or the attack's nationality) is aimed at that attacker: the condemnation's accused. The attack reader
has already found the attacker; this reads it back onto the condemnation, unless the attacker is the speaker's
own side. A condemnation that names no attacker keeps no accused.
"""
from __future__ import annotations

from graph_builder.components import component
from graph_builder.document import Document, Entity, EntityKind, Mention, Statement, StatementKind, Trace
from graph_builder.extract.syntax import is_actor
from graph_builder.extract.threat_targets import own_side
from graph_builder.lang import AR
from graph_builder.resources import Resources


@component("condemned-perpetrators", requires=("mentions", "attacks", "statements"), assigns=("statements",))
def accuse_condemned_perpetrators(doc: Document, res: Resources) -> None:
    """Set each condemnation's accused to the attacker of the attack it is about, named after its trigger in its
    own clause."""
    for stmt in doc.statements:
        if stmt.kind is not StatementKind.CONDEMNATION or stmt.accused is not None or stmt.speaker is None:
            continue
        clause = _clause(doc, stmt)
        if clause is None:
            continue
        attacker = stmt.about.perpetrator if stmt.about is not None else None
        named = next((m for m in doc.mentions_in(stmt.sentence) if attacker is not None and
                      m.entity.key == attacker.key and clause[0] <= m.norm_start < clause[1]), None) or \
            _relative_agent(doc, stmt, clause)  # "الاعتداء الذي نفذته إسرائيل على الأراضي السورية"
        if named is not None and not _same_side(res, stmt.speaker, named.entity):
            stmt.accused = named.entity
            stmt.traces.append(Trace("statements/accused.condemned-attacker",
                                     doc.norm[named.norm_start:named.norm_end], stmt.sentence))


def _same_side(res: Resources, speaker: Entity, attacker: Entity) -> bool:
    """The attacker is the speaker's own side, or a body or force of the speaker's state (a ministry never
    condemns its own army's strike)."""
    if own_side(res, speaker, attacker):
        return True
    state = res.state_of(speaker)
    return state is not None and attacker.kind is not EntityKind.ARMED_GROUP and res.state_of(attacker) == state


def _clause(doc: Document, stmt: Statement) -> tuple[int, int] | None:
    """From the condemnation's trigger to the end of its clause ("، فيما أعلن الحوثيون مسؤوليتهم" is another
    clause, and "نفذت طائرات تركية غارات ...، وأصدر الحزب بياناً منددًا" names the attacker before the trigger)."""
    sent = doc.sentences[stmt.sentence]
    trigger = stmt.traces[0].words if stmt.traces else ""
    at = doc.norm.find(trigger, sent.norm_start, sent.norm_end) if trigger else -1
    if at < 0:
        return None
    start = at + len(trigger)
    found = AR.pattern("clause_end").search(doc.norm, start, sent.norm_end)
    return start, found.start() if found else sent.norm_end


def _relative_agent(doc: Document, stmt: Statement, clause: tuple[int, int]) -> Mention | None:
    """A party the clause makes the agent of a relative verb on the condemned attack ("الهجمات التي يشنها
    الحوثيون", "الاعتداء الذي نفذته إسرائيل"), when the attack reader named no attacker."""
    for m in doc.mentions_in(stmt.sentence):
        if clause[0] <= m.norm_start < clause[1] and is_actor(m) and \
                AR.pattern("relative_agent").search(doc.norm[max(clause[0], m.norm_start - 20):m.norm_start]):
            return m
    return None
