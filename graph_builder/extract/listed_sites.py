"""Bases named together after a dual noun: "قاعدتي عين الأسد وفكتوريا", "معسكري التاجي وبسماية".

The dual noun belongs to both names, so each is a base of its own ("قاعدة فكتوريا"), even when the second name
alone is no reference name; a report on them lists two attacks (extract/listing.py). A name the reference data
knows with the noun ("قاعدة بلد") is that reference base.
"""
from __future__ import annotations

from graph_builder.components import component
from graph_builder.document import Document, Entity, EntityKind, Mention
from graph_builder.lang import AR
from graph_builder.resources import Resources
from graph_builder.text.normalize import normalize_name


def _names(doc: Document, pos: int) -> list[tuple[int, int]]:
    """The two names after a dual base noun ending at `pos`: a mention starting there, else one word."""
    out = []
    for n in range(2):
        mention = next((m for m in doc.mentions_starting(pos, pos + 2) if not m.by_adjective), None)
        word = AR.pattern("dual_name").match(doc.norm, pos)
        if mention is not None:
            out.append((mention.norm_start, mention.norm_end))
        elif word is not None and not word.group(1).endswith(tuple(AR.words("dual_adjective_endings"))):
            out.append((word.start(1), word.end(1)))  # not "قاعدتين عسكريتين ومقراً", an adjective
        else:
            return []
        joint = AR.pattern("dual_name_joint").match(doc.norm, out[-1][1]) if n == 0 else None
        if n == 0 and joint is None:
            return []
        pos = joint.end() if joint is not None else pos
    return out


def _base(res: Resources, label: str, place: Entity | None) -> Entity:
    """The reference base the label names ("قاعدة بلد"), else a discovered one within the place."""
    norm = normalize_name(label)
    for hit in res.names.find(norm):
        found = res.entities.get(hit.pattern.key)
        if hit.start == 0 and hit.end == len(norm) and found is not None and found.kind.is_facility:
            return found
    within = (place.key, *place.within) if place is not None else ()
    return Entity(key="x-" + norm.replace(" ", "_"), kind=EntityKind.BASE, label_ar=label, discovered=True,
                  within=within)


@component("listed-sites", requires=("norm", "mentions"), assigns=("mentions",))
def discover_listed_sites(doc: Document, res: Resources) -> None:
    """Add a base mention for each name a dual base noun lists that no facility mention already covers."""
    for head in AR.pattern("dual_base_head").finditer(doc.norm):
        noun = AR.table("dual_base_singular")[head.group("head")]
        for start, end in _names(doc, head.end()):
            covering = list(doc.mentions_overlapping(start, end))
            if any(m.entity.kind.is_facility for m in covering):
                continue  # "قاعدتي عين الأسد و...": a reference base already
            place = next((m for m in covering if m.entity.kind is EntityKind.PLACE), None)
            name = place.entity.label_ar if place is not None else \
                doc.text[doc.offsets[start]:doc.offsets[end - 1] + 1].strip(' "')
            for m in covering:
                doc.mentions.remove(m)
            doc.mentions.append(Mention(start, end, _base(res, f"{noun} {name}", place.entity if place else None),
                                        doc.sentence_at(start), "dual-base-noun"))
    doc.mentions.sort(key=lambda m: m.norm_start)
