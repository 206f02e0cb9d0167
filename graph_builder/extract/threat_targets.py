"""Whom a threat is aimed at when its words name no one, and which parties are a speaker's own side.

A threat in a sentence where the speaker also blames a party is aimed at that party ("حذر ترمب ... مشدداً على
أنه سيحمّل إيران المسؤولية"); a threat over an attack the story tells is aimed at its perpetrator, or the state
whose force struck, and every party joined to it ("الضربات التي شنتها الولايات المتحدة وبريطانيا ..، متوعدة
بالرد"). No one threatens or accuses its own body, spokesman or state. The statement reader
(extract/statements.py) imports these helpers.
"""
from __future__ import annotations

from dataclasses import replace
from itertools import pairwise

from graph_builder.document import Document, Entity, EntityKind, Mention, StatementKind, Token, Trace
from graph_builder.extract.syntax import is_actor, words_of
from graph_builder.lang import AR
from graph_builder.resources import Resources


def own_side(res: Resources, speaker: Entity, accused: Entity) -> bool:
    """The accused is the speaker, the body it speaks for or belongs to ("خلية الإعلام الأمني في الجيش العراقي"),
    one who speaks for the speaker, or the state of a state body speaking."""
    if accused.key in {speaker.key, speaker.official_of, *speaker.part_of, *speaker.member_of}:
        return True
    if speaker.key in {accused.official_of, *accused.member_of}:
        return True  # a body never charges its own spokesman ("قال المتحدث باسم الوزارة X إن ...")
    return speaker.kind is not EntityKind.ARMED_GROUP and accused.kind is EntityKind.STATE and \
        res.state_of(speaker) == accused


def threat_targets_from_blame(doc: Document, res: Resources) -> None:
    """"حذر ترمب ... مشدداً على أنه سيحمّل إيران المسؤولية": a warning aimed at the party the speaker blames;
    "توعدت إيران بالرد" on a strike the text says Israel carried out: aimed at the attack's perpetrator."""
    for stmt in doc.statements:
        if stmt.kind is StatementKind.THREAT and stmt.accused is None:
            blame = next((o for o in doc.statements if o.kind is StatementKind.ACCUSATION
                          and o.sentence == stmt.sentence and o.speaker == stmt.speaker), None)
            if blame is not None:
                stmt.accused = blame.accused
            elif stmt.about is not None and stmt.about.perpetrator is not None and \
                    not own_side(res, stmt.speaker, stmt.about.perpetrator) and \
                    stmt.about.perpetrator.key not in res.cues["unidentified_agents"]:
                # a threat over a strike by a state's force is aimed at the state ("توعدت X بالرد" on a raid by
                # "الطائرات الأمريكية" threatens the United States)
                stmt.accused = res.state_of(stmt.about.perpetrator) or stmt.about.perpetrator
                stmt.traces.append(Trace("statements/threat-at-perpetrator", stmt.accused.label_ar, stmt.sentence))
                for partner in _co_perpetrators(doc, {stmt.about.perpetrator.key, stmt.accused.key},
                                                stmt.about.sentences):
                    # "الضربات التي شنتها الولايات المتحدة وبريطانيا ..، متوعدة بالرد": aimed at both
                    if not own_side(res, stmt.speaker, partner):
                        doc.statements.append(replace(stmt, accused=partner, traces=[*stmt.traces, Trace(
                            "statements/threat-at-joint-perpetrator", partner.label_ar, stmt.sentence)]))


def _co_perpetrators(doc: Document, perpetrator: set[str], sentences: list[int]) -> list[Entity]:
    """Parties joined to the attack's perpetrator (its key, or its state's) where the text names it ("شنتها
    الولايات المتحدة وبريطانيا"): the attack was theirs together, though the attack records its first party."""
    out: list[Entity] = []
    for index in sentences:
        mentions = [m for m in doc.mentions_in(index) if not m.by_adjective]
        for first, second in pairwise(mentions):
            if first.entity.key in perpetrator and is_actor(second) and second.entity.kind is \
                    first.entity.kind and second.entity.key not in perpetrator and joined(doc, first, second) \
                    and second.entity not in out:
                out.append(second.entity)
    return out


def joined(doc: Document, before: Mention, after: Mention) -> bool:
    """Only a coordinator stands between two parties, or a coordinated title before a named person ("ورئيس
    مجلس النواب محمود المشهداني", "ونظيره الإيراني عباس عراقجي")."""
    joint = doc.norm[before.norm_end:after.norm_start].replace("\u060c", " ").replace('"', " ").split()
    if len(joint) == 1 and joint[0] in AR.words("coordinator"):
        return True
    titled = after.entity.kind is EntityKind.PERSON and 1 < len(joint) <= 5
    return titled and joint[0][:1] in AR.words("coordinator") and len(joint[0]) > 2 and \
        not any(w in AR.words("coordinator") for w in joint[1:])


def other_subject_between(doc: Document, res: Resources, party: Mention, verb: Token) -> bool:
    """"أكد نصر الله أن الرد على اغتيال فؤاد شكر ... آتٍ، مضيفاً أن «العدو سيندم»": words other than "that", a
    pronoun "that" ("بأنها") or a particle stand between the party named last and a threat verb of the "X will pay"
    kind, so the verb has a subject of its own and the party is not threatened; a joined verb ("وستدفع الثمن")
    goes on with the earlier subject."""
    if verb.prefix[:1] and verb.prefix[0] in AR.words("conjunctions"):
        return False
    allowed = AR.words("complementisers") | AR.words("self_pronoun_complementisers") | res.cues["svo_particles"]
    return any(w not in allowed for w in words_of(doc.norm[party.norm_end:verb.norm_start]))
