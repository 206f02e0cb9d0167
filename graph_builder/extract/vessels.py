"""Ships the gazetteer cannot know, named in quotes after a vessel noun: "السفينة «X»", "ناقلة النفط «X»",
"سفينتين، هما «X» و«Y»".

Shipping attacks are reported by the ship's name, and ships come and go: no reference list can hold them. A
quoted name (or a list of them) right after a vessel noun names one vessel each, a discovered Facility, so the
attack on it gets its target and a report listing several ships gives one attack per ship (extract/listing.py).
"""
from __future__ import annotations

import re

from graph_builder.components import component
from graph_builder.document import Document, Entity, EntityKind, Mention
from graph_builder.lang import AR
from graph_builder.resources import Resources
from graph_builder.text.normalize import normalize_name

_QUOTED = re.compile(r'"([^"]{2,40})"')
_MAX_NAME_WORDS = 5


def _names_after(doc: Document, pos: int) -> list[tuple[int, int]]:
    """The quoted names listed right after a vessel noun ending at `pos`: (start, end) inside the quotes."""
    gap = AR.pattern("vessel_name_gap").match(doc.norm, pos)
    if gap is None:
        return []
    out, at = [], gap.end()
    while (name := _QUOTED.match(doc.norm, at)) is not None and len(name.group(1).split()) <= _MAX_NAME_WORDS:
        out.append((name.start(1), name.end(1)))
        joint = AR.pattern("vessel_name_joint").match(doc.norm, name.end())
        if joint is None:
            break
        at = joint.end()
    return out


@component("named-vessels", requires=("norm", "mentions"), assigns=("mentions",))
def discover_named_vessels(doc: Document, res: Resources) -> None:
    """Add a vessel (Facility) mention for every quoted name a vessel noun introduces and no mention covers."""
    for lead in AR.pattern("vessel_lead").finditer(doc.norm):
        for start, end in _names_after(doc, lead.end()):
            if any(True for _ in doc.mentions_overlapping(start, end)):
                continue  # a group or place the text quotes ("«أنصار الله»")
            name = doc.text[doc.offsets[start]:doc.offsets[end - 1] + 1].strip()
            entity = Entity(key="x-" + normalize_name(name).replace(" ", "_"), kind=EntityKind.FACILITY,
                            label_ar=name, discovered=True)
            doc.mentions.append(Mention(start, end, entity, doc.sentence_at(start), "vessel-name"))
    doc.mentions.sort(key=lambda m: m.norm_start)
