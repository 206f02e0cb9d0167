"""Bases the gazetteer lacks, named by their head noun: "قاعدة الشدادي", "معسكر "أشرف"", "قواعد الركبان".

News names a base by the place it stands in far more often than by an official name, so a base noun followed
by a known place, a quoted name or one definite word (not an adjective: "قاعدة عسكرية", "القاعدة الجوية")
names a military base. Its label is singular ("قواعد الركبان" -> "قاعدة الركبان") so that every plural or
clitic form of one base gets the same IRI, and it lies within the place, so attacks on either merge.
"""
from __future__ import annotations

import re

from graph_builder.components import component
from graph_builder.document import Document, Entity, EntityKind, Mention
from graph_builder.lang import AR
from graph_builder.resources import Resources
from graph_builder.text.normalize import normalize_name

_QUOTED = re.compile(r'"([^"]{2,30})"')


def _name_at(doc: Document, res: Resources, pos: int) -> tuple[int, int, Mention | None] | None:
    """The name right after a base noun: (start, end, place mention or None)."""
    for m in doc.mentions_starting(pos, pos + 1):
        if not m.by_adjective and m.entity.kind is EntityKind.PLACE:
            return m.norm_start, m.norm_end, m
    quoted = _QUOTED.match(doc.norm, pos)
    if quoted is not None and len(quoted.group(1).split()) <= 3:
        return quoted.start(1), quoted.end(1), None
    word = AR.pattern("definite_word").match(doc.norm, pos)
    if word is None or word.group(1) in res.cues["base_name_stop"] or word.group(1)[-1:] in AR.words("feminine_ending"):
        return None  # adjectives agreeing with the noun ("قاعدة العسكرية", "الجديدة"), "قاعدة البيانات"
    return word.start(1), word.end(1), None


@component("named-bases", requires=("norm", "mentions"), assigns=("mentions",))
def discover_named_bases(doc: Document, res: Resources) -> None:
    """Add a military-base mention for every "base noun + name" the gazetteer did not already cover."""
    for head in AR.pattern("base_head").finditer(doc.norm):
        found = _name_at(doc, res, head.end())
        if found is None:
            continue
        start, end, place = found
        if any(m is not place for m in doc.mentions_overlapping(head.start("head"), end)):
            continue  # a reference name already covers it ("قاعدة عين الأسد")
        name = place.entity.label_ar if place is not None else \
            doc.text[doc.offsets[start]:doc.offsets[end - 1] + 1].strip(' "')
        label = f"{AR.table('base_singular')[head.group('head')]} {name}"
        within = (place.entity.key, *place.entity.within) if place is not None else ()
        entity = Entity(key="x-" + normalize_name(label).replace(" ", "_"), kind=EntityKind.BASE, label_ar=label,
                        discovered=True, within=within)
        if place is not None:
            doc.mentions.remove(place)
        doc.mentions.append(Mention(head.start("head"), end + (1 if doc.norm[end:end + 1] == '"' else 0), entity,
                                    doc.sentence_at(head.start("head")), "base-noun"))
    doc.mentions.sort(key=lambda m: m.norm_start)
