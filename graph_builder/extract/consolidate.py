"""Consolidation of one document's statements: a speech act reported twice (headline and body, repeated
sentences, a state credited with its official's words) becomes one statement with all its evidence."""
from __future__ import annotations

from dataclasses import replace

from graph_builder.components import component
from graph_builder.document import Document, Entity, EntityKind, Statement, StatementKind, Trace
from graph_builder.resources import Resources


def _speaks_for(full: Statement, part: Statement, doc: Document, res: Resources) -> bool:
    """A headline credits a state or group with what its official says in the body ("إيران تنفي ..."); a group's
    act told once of the group and once of its spokesman ("أعلنت الجماعة ... متوعدة بالرد", "وأكد المتحدث باسمها
    أن قواتنا لن تتردد") is one act, kept with its fuller or first report."""
    if full.speaker is None or part.speaker is None:
        return False
    if not doc.sentences[part.sentence].is_headline:
        return (part.speaker.key in _bodies(full.speaker) or full.speaker.key in _bodies(part.speaker)) and \
            part.about in (None, full.about)
    body = res.entities.get(full.speaker.official_of or "")
    parents = set(body.part_of) if body is not None else set()  # "الأمم المتحدة تدين" for UNAMI's head
    return part.speaker.key in {full.speaker.official_of, getattr(res.state_of(full.speaker), "key", None),
                                *parents}


def _bodies(person: Entity) -> set[str]:
    """The bodies a person speaks for: the one he holds office in and those he is a member of."""
    return {person.official_of, *person.member_of} - {None}


def _subsumes(full: Statement, part: Statement) -> bool:
    """`part` says nothing `full` does not: same kind and speaker, its accused and about unset or equal.

    A denial or condemnation naming no party, repeated by one speaker in one article, is one speech act even
    when the two sentences sit near different attacks; the fuller report (the one linked to an attack) is kept.
    """
    if full is part or full.kind is not part.kind or full.speaker != part.speaker:
        return False
    if part.kind is StatementKind.THREAT and full.accused is not None:
        # a warning is rarely about one attack: the one naming the threatened party stands, the first if several
        # (a headline repeating the body's threat folds into it whatever their order)
        return part.accused is None or (part.accused == full.accused and (
            full.sentence < part.sentence or part.about in (None, full.about)))
    if part.accused is None and full.accused is None and part.kind in {StatementKind.DENIAL,
                                                                         StatementKind.CONDEMNATION}:
        # but one sentence condemning two attacks it lists ("دانت الهجومين اللذين استهدفا X وY") makes two
        return not (part.sentence == full.sentence and None not in (part.about, full.about)
                    and part.about is not full.about)
    # the same act told twice is one (a speaker found later can make two reports of one claim identical)
    return part.accused in (None, full.accused) and part.about in (None, full.about)


def _named_claimer(doc: Document, res: Resources) -> None:
    """"أعلنت ميليشيا عراقية موالية لإيران مسؤوليتها ... وقال بيان صادر عن "سرايا أولياء الدم"": a claim by a
    description (an unnamed militia of a state's proxies, armed factions) is the claim of the one armed group the
    story names, when it names exactly one."""
    proxies = {pair.split()[1] for pair in res.cues["proxy_of"]} | set(res.cues["generic_collectives"])
    groups = {m.entity.key: m.entity for m in doc.mentions if m.entity.kind is EntityKind.ARMED_GROUP
              and not m.by_adjective and not m.entity.generic and m.entity.key not in proxies}
    if len(groups) != 1:
        return
    (group,) = groups.values()
    for stmt in doc.statements:
        if stmt.kind is StatementKind.CLAIM and stmt.speaker is not None and stmt.speaker.key in proxies:
            stmt.traces.append(Trace("statements/speaker.named-later", group.label_ar, stmt.sentence))
            stmt.speaker = group
            if stmt.about is not None and stmt.about.perpetrator is not None and \
                    stmt.about.perpetrator.key in proxies:
                stmt.about.perpetrator = group


@component("consolidate", requires=("sentences", "statements"), assigns=("statements",))
def consolidate_statements(doc: Document, res: Resources) -> None:
    """Fold a vaguer report of a speech act (headline, repeated sentence) into the fuller one.

    Fuller statements are placed first (a named accused, a linked attack, body before headline, earlier
    first), and a statement folds only into one that is kept, so chains of folds never lose both ends.
    """
    _named_claimer(doc, res)

    def fullness(stmt: Statement) -> tuple:
        return (stmt.accused is None, stmt.about is None, doc.sentences[stmt.sentence].is_headline, stmt.sentence)

    kept: list[Statement] = []
    for stmt in sorted(doc.statements, key=fullness):
        fuller = next((o for o in kept if _subsumes(o, stmt) or (
            o.kind is stmt.kind and stmt.accused in (None, o.accused) and _speaks_for(o, stmt, doc, res))), None)
        if fuller is None:
            kept.append(stmt)
            continue
        for ev in stmt.evidence:
            if ev not in fuller.evidence:
                fuller.evidence.append(ev)
        if fuller.denies is None and stmt.denies is not None:
            fuller.denies = stmt.denies  # one denial told twice: one report names the rumour it denies
        fuller.traces.extend(replace(t, rule=t.rule + "+consolidated") for t in stmt.traces
                             if t not in fuller.traces)
    doc.statements = sorted(kept, key=lambda st: st.sentence)
