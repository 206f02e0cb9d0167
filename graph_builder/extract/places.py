"""Places the gazetteer lacks, named by a head noun: "قرية الحمرية", "حي الرفاعي", "بادية الشولة", "طريق الخردلي".

An attack's place is the most specific one the text gives, and news gives it as a village, neighbourhood, camp
or road too small for any gazetteer, then the bigger place that holds it ("في قرية الحمرية بقضاء بيجي").
Without a mention of its own the small place is invisible and the attack lands in the bigger one. So a place
head noun (lang/ar/places.yaml place_heads) followed by a quoted name, a name opened by "تل/أبو/البو ...", one
definite word, or one word without the article that ends where a name ends, names a discovered Place. It lies
`within` the place the text chains it to ("بـ/في/شرقي/التابعة لـ Y"), so reports of it and of Y merge.

The mention spans the head noun, as the gazetteer's administrative forms do ("قضاء بيجي"), so the roles read it
as they read a known place: "في X" locates, "قصفت المدفعية قرية X" strikes it. A known place after the noun
("مدينة الموصل") stays the gazetteer's, and a party after it ("شارع فلسطين") is left alone.
"""
from __future__ import annotations

import re

from graph_builder.components import component
from graph_builder.document import Document, Entity, EntityKind, Mention
from graph_builder.lang import AR
from graph_builder.resources import Resources
from graph_builder.text.normalize import normalize_name

_MAX_WORDS = 3  # "تل أبو ظاهر": openers chain, anything longer is a clause, not a name
_CONTAINERS = frozenset({EntityKind.PLACE, EntityKind.STATE})


def _covered(doc: Document, start: int, end: int) -> bool:
    return next(doc.mentions_overlapping(start, end), None) is not None


def _ends_name(doc: Document, end: int) -> bool:
    """A one-word name without the article is a name, not an adjective of the head ("منطقة واسعة"), only where
    a name ends: punctuation, "و", a link to the place that holds it, a word of time, or another mention."""
    if AR.pattern("place_name_boundary").match(doc.norm, end) is not None:
        return True
    gap = AR.pattern("place_name_gap").match(doc.norm, end)
    word = AR.pattern("place_name_word").match(doc.norm, gap.end()) if gap is not None else None
    return word is not None and _covered(doc, word.start(), word.end())


def _name_end(doc: Document, pos: int, feminine: bool) -> int | None:
    """Where the place name starting at `pos` ends (after a closing quote), or None when none starts there; an
    adjective agreeing with the head noun (feminine or not) is no name."""
    quoted = AR.pattern("place_quoted_name").match(doc.norm, pos)
    if quoted is not None:
        return quoted.end() if len(quoted.group(1).split()) <= _MAX_WORDS else None
    stop, openers = AR.words("place_name_stop"), AR.words("place_name_openers")
    words: list[re.Match[str]] = []
    at = pos
    while len(words) < _MAX_WORDS:
        word = AR.pattern("place_name_word").match(doc.norm, at)
        if word is None or word.group() in stop or _covered(doc, word.start(), word.end()) or \
                AR.pattern("place_head").match(doc.norm, word.start()):
            break  # "في ساحة بمدينة الكاظمية": the next place's noun, no name
        words.append(word)
        gap = AR.pattern("place_name_gap").match(doc.norm, word.end())
        if word.group() not in openers or gap is None:
            break
        at = gap.end()
    if not words or words[-1].group() in openers:
        return None  # "منطقة الحادث", "قرية أبو" cut short: no name
    first = words[0].group()
    if AR.pattern("place_name_not_name").search(first):
        return None  # "مخيم للاجئين", "منطقة الاستقبال"
    if len(words) == 1 and not first.startswith(next(iter(AR.words("article")))) and (
            AR.pattern("place_adjective_feminine" if feminine else "place_adjective_masculine").match(first)
            or not _ends_name(doc, words[0].end())):
        return None  # "منطقة زراعية", "حي سكني", "طريق سريع قرب": an adjective of the head noun
    return words[-1].end()


def _container(doc: Document, end: int) -> Entity | None:
    """The known place the text chains the new one to: "بقضاء بيجي", "غربي دير الزور", "التابعة لقضاء تكريت"."""
    link = AR.pattern("place_chain_link").match(doc.norm, end)
    if link is None:
        return None
    starts = [link.start("kind"), link.end()] if link.group("kind") else [link.end()]
    for at in starts:
        for m in doc.mentions_starting(at, at + 1):
            if not m.by_adjective and m.entity.kind in _CONTAINERS:
                return m.entity
    return None


@component("named-places", requires=("norm", "mentions"), assigns=("mentions",))
def discover_named_places(doc: Document, res: Resources) -> None:
    """Add a place mention for every "place noun + name" the gazetteer did not already cover.

    Read from the end of the text, so that in "قرية X بناحية Y" the place Y, found first, can hold X."""
    heads = AR.table("place_heads")
    made: dict[str, Entity] = {}
    for head in reversed(list(AR.pattern("place_head").finditer(doc.norm))):
        start, pos = head.start("head"), head.end()
        if _covered(doc, start, pos + 1):
            continue  # "حي العامل", "قضاء بيجي", "مدينة الموصل": the gazetteer's; "شارع فلسطين": a party's
        end = _name_end(doc, pos, head.group("head") in AR.words("feminine_place_heads"))
        if end is None or _covered(doc, pos, end):
            continue  # 'مديرية "الحشد الشعبي"': a party's name in quotes
        quoted = doc.norm[pos] == '"'
        name = doc.text[doc.offsets[pos + quoted]:doc.offsets[end - 1 - quoted] + 1].strip()
        label = f"{heads[head.group('head')]} {name}".strip()
        key = "x-" + normalize_name(label).replace(" ", "_")
        container = _container(doc, end)
        within = (container.key, *container.within) if container is not None else ()
        entity = made.get(key)
        if entity is None:
            entity = made[key] = Entity(key=key, kind=EntityKind.PLACE, label_ar=label, discovered=True,
                                        within=within)
        elif within and not entity.within:
            entity.within = within  # "حي X" named bare in the headline, "حي X غربي Y" in the body
        doc.mentions.append(Mention(start, end, entity, doc.sentence_at(start), "place-noun"))
    doc.mentions.sort(key=lambda m: m.norm_start)
