"""Ships the gazetteer lacks, named in quotes after a vessel noun: "السفينة النفطية البريطانية "مارلين لواندا"",
"الناقلة "ستريندا"".

Attacks at sea name their target by the ship; without it the attack has no target and cannot be told from
another attack on the same coast. A quoted name after a vessel noun (and its adjectives) is a ship, a facility
that can be attacked, never an actor.
"""
from __future__ import annotations

from graph_builder.components import component
from graph_builder.document import Document, Entity, EntityKind, Mention
from graph_builder.lang import AR
from graph_builder.resources import Resources
from graph_builder.text.normalize import normalize_name


@component("named-vessels", requires=("norm", "mentions"), assigns=("mentions",))
def discover_named_vessels(doc: Document, res: Resources) -> None:
    """Add a ship mention for every "vessel noun + quoted name" no mention covers yet."""
    for found in AR.pattern("vessel_name").finditer(doc.norm):
        start, end = found.span("name")
        if any(True for _ in doc.mentions_overlapping(start, end)):
            continue
        name = doc.text[doc.offsets[start]:doc.offsets[end - 1] + 1].strip()
        entity = Entity(key="x-vessel-" + normalize_name(name).replace(" ", "_"), kind=EntityKind.FACILITY,
                        label_ar=name, discovered=True)
        doc.mentions.append(Mention(start, end, entity, doc.sentence_at(start), "vessel-name"))
    doc.mentions.sort(key=lambda m: m.norm_start)
