"""Bodies the reference data does not know, found where they speak; and a body's head noun referring back.

"يتّهم المرصد السوري لحقوق الإنسان الجيش التركي ...", "أدان الحزب الشيوعي العراقي اغتيال ...", "عدّت رابطة
العالم الإسلامي التفجير ...": right after a statement or attribution verb, a body's head noun (مرصد، حزب، رابطة،
هيئة، منظمة ...) and the words of its name, up to a preposition, punctuation, a party already named or the
verb's object (an attack word), name the speaker. Only the subject position is read, so a body merely mentioned
elsewhere is not minted. A class of parties a warning is aimed at ("حذرت X شركات الشحن") is minted the same way.
"""
from __future__ import annotations

from graph_builder.components import component
from graph_builder.document import Document, Entity, EntityKind, Mention, Token
from graph_builder.extract.speakers import speech_verb
from graph_builder.extract.syntax import attack_words
from graph_builder.lang import AR
from graph_builder.resources import Resources
from graph_builder.text.morphology import only_verb
from graph_builder.text.normalize import normalize_name

_MAX_NAME_WORDS = 5


def _name_end(doc: Document, res: Resources, tokens: list[Token], first: int) -> int:
    """Index past the last token of a body's name that starts with its head noun at `first`."""
    hits = attack_words(doc, res)
    # the verb's object is no word of the name ("نفى الحزب المزاعم الإسرائيلية", "نفت الهيئة التقارير")
    stops = AR.words("prepositions") | res.cues["name_stop"] | AR.words("charge_nouns") | AR.words("report_nouns")
    j, article = first + 1, next(iter(AR.words("article_proclitic")))
    while j < len(tokens) and j - first < _MAX_NAME_WORDS:
        tok = tokens[j]
        if j == first + 1 and tokens[first].surface.startswith(article) and \
                not AR.pattern("definite_name_adjective").match(tok.surface):
            break  # "نفى الحزب المزاعم", "الحزب وحلفاؤه": a definite head noun takes only adjectives
        if doc.norm[tokens[j - 1].norm_end:tok.norm_start].strip() or tok.surface in stops or tok.surface.isdigit() \
                or any(not m.by_adjective for m in doc.mentions_overlapping(tok.norm_start, tok.norm_end)) \
                or any(h.start < tok.norm_end and tok.norm_start < h.end for h in hits) or only_verb(tok.surface):
            break
        j += 1
    return j


def _adjective(doc: Document, tok: Token) -> bool:
    return any(m.by_adjective for m in doc.mentions_overlapping(tok.norm_start, tok.norm_end))


def _with_seat(doc: Document, tokens: list[Token], end: int) -> int:
    """Where the name stops: its last word, the place after "في" that belongs to it ("مجلس الأمن في إقليم
    كوردستان", "هيئة علماء المسلمين في العراق"), or the place an indefinite last word is in construct with
    ("قيادة عمليات سامراء", "مديرية شرطة البصرة")."""
    if end + 1 < len(tokens) and tokens[end].surface in AR.words("seat_preposition"):
        seat = _place_at(doc, tokens[end + 1])
        if seat is not None:
            return seat.norm_end
    if end < len(tokens) and not any(a in tokens[end - 1].prefix for a in AR.words("article")) and \
            not doc.norm[tokens[end - 1].norm_end:tokens[end].norm_start].strip():
        seat = _place_at(doc, tokens[end])
        if seat is not None and seat.entity.kind is EntityKind.PLACE:  # a state there is more often the object
            return seat.norm_end
    return tokens[end - 1].norm_end


def _place_at(doc: Document, tok: Token) -> Mention | None:
    """A place or state named from this word on."""
    return next((m for m in doc.mentions_overlapping(tok.norm_start, tok.norm_end) if not m.by_adjective and
                 m.entity.kind in {EntityKind.PLACE, EntityKind.STATE} and m.norm_start == tok.norm_start), None)


@component("speaking-bodies", requires=("norm", "tokens", "mentions"), assigns=("mentions",))
def discover_speaking_bodies(doc: Document, res: Resources) -> None:
    """A body named by its head noun right after a statement verb, when no known party is named there."""
    heads = AR.table("body_heads")
    tokens = doc.tokens
    for i, tok in enumerate(tokens[:-2]):
        nxt = tokens[i + 1]
        if nxt.surface not in heads or not speech_verb(res, tok, evaluation=True) or \
                any(True for _ in doc.mentions_overlapping(nxt.norm_start, nxt.norm_end)):
            continue
        end = _name_end(doc, res, tokens, i + 1)
        if end - (i + 1) < 2 or all(_adjective(doc, t) for t in tokens[i + 2:end]) or \
                tokens[i + 2].surface in AR.words("unnamed_body_words"):
            continue  # a head noun alone ("الحزب") is an anaphor; "فصيل عراقي", "جماعة مجهولة" name no one
        start, stop = nxt.norm_start, _with_seat(doc, tokens, end)
        name = doc.text[doc.offsets[start]:doc.offsets[stop - 1] + 1].strip()
        kind = EntityKind(heads[nxt.surface])
        entity = Entity(key="x-" + normalize_name(name).replace(" ", "_"), kind=kind, label_ar=name,
                        discovered=True)
        doc.mentions.append(Mention(start, stop, entity, doc.sentence_at(start), "speaking-body"))
    doc.mentions.sort(key=lambda m: m.norm_start)


_WARNED_REACH = 60  # characters from a warning verb to the class it warns (its subject, "في بيانها", "جميع")


@component("warned-parties", requires=("norm", "tokens", "mentions"), assigns=("mentions",))
def discover_warned_parties(doc: Document, res: Resources) -> None:
    """A class of parties a warning names as its object ("حذّرت X شركات الشحن من التعامل مع ..."): the threat is
    aimed at them, so they are a party, though the reference data holds no such class."""
    warnings = AR.words("warning_verbs")
    pattern = AR.pattern("warned_party_class")
    for tok in doc.tokens:
        if tok.surface not in warnings and tok.stem not in warnings:
            continue
        sent = doc.sentences[doc.sentence_at(tok.norm_start)]
        found = pattern.search(doc.norm, tok.norm_end, min(sent.norm_end, tok.norm_end + _WARNED_REACH))
        if found is None or any(True for _ in doc.mentions_overlapping(found.start("name"), found.end("name"))) or \
                AR.pattern("warned_of_lead").search(doc.norm, tok.norm_end, found.start()):
            continue  # "حذرت من تداعيات الهجمات على شركات الشحن": what is feared for them, not whom it warns
        start, stop = found.start("name"), found.end("name")
        name = doc.text[doc.offsets[start]:doc.offsets[stop - 1] + 1].strip()
        entity = Entity(key="x-" + normalize_name(name).replace(" ", "_"), kind=EntityKind.ORGANIZATION,
                        label_ar=name, discovered=True)
        doc.mentions.append(Mention(start, stop, entity, sent.index, "warned-class"))
    doc.mentions.sort(key=lambda m: m.norm_start)


@component("group-anaphors", requires=("norm", "tokens", "mentions"), assigns=("mentions",))
def resolve_group_anaphors(doc: Document, res: Resources) -> None:
    """"وحمّل الحزب في بيان له ...", "المتحدث باسم الفصيل": a group's head noun alone stands for the group named
    last before it, by that head ("الحزب" -> "الحزب الديمقراطي الكردستاني", "الحركة" -> "حركة النجباء") or, for
    a generic head ("الفصيل", "الجماعة"), the last armed group named."""
    generic, specific = AR.words("generic_group_anaphors"), AR.words("group_anaphors")
    heads = generic | specific  # once per document, not twice per token
    article = next(iter(AR.words("article_proclitic")))
    found = []
    for tok in doc.tokens:
        word = tok.surface if tok.surface in heads else article + tok.stem
        if word not in heads or any(True for _ in doc.mentions_overlapping(tok.norm_start, tok.norm_end)):
            continue
        if _named_next(doc, tok.norm_end):
            continue  # "ميليشيا "كتائب حزب الله"": the head noun of the name after it, not an anaphor
        head = word[len(article):]
        for m in reversed(doc.mentions):
            if m.norm_end > tok.norm_start or m.by_adjective or m.entity.generic or \
                    m.entity.kind not in {EntityKind.ARMED_GROUP, EntityKind.ORGANIZATION}:
                continue
            first = doc.norm[m.norm_start:m.norm_end].split()[0]
            if (word in generic and m.entity.kind is EntityKind.ARMED_GROUP) or \
                    (first.endswith(head) and len(first) - len(head) <= 2):
                found.append(Mention(tok.norm_start + len(tok.prefix), tok.norm_end, m.entity,
                                     doc.sentence_at(tok.norm_start), "group-anaphor"))
                break
    doc.mentions.extend(found)
    doc.mentions.sort(key=lambda m: m.norm_start)


def _named_next(doc: Document, end: int) -> bool:
    """A group or body is named right after `end`, with only a space or an opening quote between."""
    return any(m.entity.kind in {EntityKind.ARMED_GROUP, EntityKind.ORGANIZATION} and not m.by_adjective
               and not doc.norm[end:m.norm_start].strip(' "«“(')
               for m in doc.mentions_starting(end, end + 4))
