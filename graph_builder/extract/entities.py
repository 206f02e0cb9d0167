"""Entity mentions: gazetteer names, nationality adjectives, discovered names and short-form coreference."""
from __future__ import annotations

import bisect
from functools import lru_cache

from graph_builder import lexicon
from graph_builder.components import component
from graph_builder.document import Document, Entity, EntityKind, Mention
from graph_builder.extract.names import MAX_NAME_TOKENS, covered, definite, name_before_title, opens_name, personal_name
from graph_builder.extract.syntax import title_frame
from graph_builder.gazetteer import Gazetteer, Hit, Pattern, longest_first
from graph_builder.lang import AR
from graph_builder.resources import Resources
from graph_builder.text.normalize import normalize_name
from graph_builder.text.tokens import peel


def _lam_fused(word: str) -> bool:
    """The word carries the preposition ل ("للحرس الثوري")."""
    return word[:1] in AR.words("possessive_lam")


def _without_conjunction(word: str) -> str:
    return word[1:] if word[:1] in AR.words("coordinator") else word


def sentence_of(doc: Document, norm_pos: int) -> int:
    return doc.sentence_at(norm_pos)


def _mention(doc: Document, hit: Hit, entity: Entity, via: str) -> Mention:
    return Mention(hit.start, hit.end, entity, sentence_of(doc, hit.start), via, hit.pattern.adjective)


@component("gazetteer", requires=("norm", "sentences", "tokens"), assigns=("mentions",))
def find_mentions(doc: Document, res: Resources) -> None:
    """Reference entities named in the text, then hidden short forms of those already named.

    Nationality adjectives are kept even inside a longer name ("القوات الأميركية" names US forces and, by
    its adjective, the United States).
    """
    hits = res.names.find(doc.norm)
    for adjective in (False, True):
        chosen = longest_first([h for h in hits if h.pattern.adjective is adjective])
        for hit in chosen:
            entity = res.entities.get(hit.pattern.key)
            if entity is not None:
                doc.mentions.append(_mention(doc, hit, entity, "adjective" if adjective else "gazetteer"))
        if not adjective:
            _nested_mentions(doc, res, hits, chosen)
    _governments_by_adjective(doc)
    _prefer_longer_names(doc)
    named: dict[str, list[int]] = {}
    for m in doc.mentions:
        if not m.by_adjective:
            named.setdefault(m.entity.key, []).append(m.norm_start)
    for hit in longest_first(_last_named([h for h in res.hidden.find(doc.norm) if h.pattern.key in named], named)):
        if not covered(doc, hit.start, hit.end):
            doc.mentions.append(_mention(doc, hit, res.entities[hit.pattern.key], "short-form"))
    doc.mentions.sort(key=lambda m: m.norm_start)


def _last_named(hits: list[Hit], named: dict[str, list[int]]) -> list[Hit]:
    """One hit per span: a short form several named entities share ("بارزاني" after "مسعود بارزاني" and "مسرور
    بارزاني") is the one named last before it, the only unambiguous reading; with none named before, the first."""
    spans: dict[tuple[int, int], list[Hit]] = {}
    for hit in hits:
        spans.setdefault((hit.start, hit.end), []).append(hit)
    return [max(same, key=lambda h: max((at for at in named[h.pattern.key] if at < h.start), default=-1))
            for same in spans.values()]


def _governments_by_adjective(doc: Document) -> None:
    """"الحكومة الأردنية", "السلطات التركية": a government named by its state's adjective, where the reference
    data has no entry of its own, speaks as that state (a party, not just an adjective)."""
    heads = AR.words("state_government_heads")
    for m in [m for m in doc.mentions if m.by_adjective and m.via == "adjective" and m.entity.kind is EntityKind.STATE]:
        words = doc.norm[max(0, m.norm_start - 14):m.norm_start].split()
        if not words or words[-1] not in heads or not doc.norm[m.norm_start - 1].isspace():
            continue
        start = m.norm_start - 1 - len(words[-1])
        if any(not o.by_adjective for o in doc.mentions_overlapping(start, m.norm_end)):
            continue  # "الحكومة السورية" has its own entry
        doc.mentions.append(Mention(start, m.norm_end, m.entity, m.sentence, "government-of"))


def _nested_mentions(doc: Document, res: Resources, hits: list[Hit], chosen: list[Hit]) -> None:
    """A state, or the organisation an office belongs to, named inside a longer name is named too
    ("الميليشيات المدعومة من إيران" names Iran; "الأمين العام للأمم المتحدة" names the UN). Such mentions
    count as the text naming the party, but never make it a speaker, accused or target (`by_adjective`)."""
    order = sorted(range(len(hits)), key=lambda i: hits[i].start)  # sort and sweep: linear, not pairwise
    starts = [hits[i].start for i in order]
    for outer in chosen:
        container = res.entities.get(outer.pattern.key)
        if container is None:
            continue
        inside = []
        for k in range(bisect.bisect_left(starts, outer.start), bisect.bisect_right(starts, outer.end)):
            inner = hits[order[k]]
            if inner.end <= outer.end:
                inside.append(order[k])
        for i in sorted(inside):
            inner = hits[i]
            entity = res.entities.get(inner.pattern.key)
            if inner is outer or inner.pattern.adjective or entity is None or entity.key == container.key:
                continue
            if entity.kind is EntityKind.STATE or entity.key in {container.official_of, *container.within}:
                doc.mentions.append(Mention(inner.start, inner.end, entity, sentence_of(doc, inner.start),
                                            "nested", by_adjective=True))


def _prefer_longer_names(doc: Document) -> None:
    """A short name inside a longer one named earlier means the same party: "حزب الله" after
    "كتائب حزب الله" is Kataib Hezbollah, not the Lebanese party (same kind, two words or more)."""
    named = [m for m in doc.mentions if not m.by_adjective]
    named.sort(key=lambda m: m.norm_start)
    earlier: dict[tuple[str, str, EntityKind], Entity] = {}  # distinct (text, key, kind) named so far, in order
    for m in named:
        text = doc.norm[m.norm_start:m.norm_end]
        if len(text.split()) >= 2:
            for (name, key, kind), entity in earlier.items():
                if key != m.entity.key and kind is m.entity.kind and text in name:
                    m.entity = entity
                    break
        earlier.setdefault((text, m.entity.key, m.entity.kind), m.entity)


def _discovered(name: str, kind: EntityKind, official_of: str | None = None, role: str | None = None) -> Entity:
    norm = normalize_name(name)
    return Entity(key="x-" + norm.replace(" ", "_"), kind=kind, label_ar=name, official_of=official_of,
                  role=role or None, discovered=True)


@lru_cache(maxsize=50_000)
def _reads_as(word: str, vocabulary: frozenset[str]) -> bool:
    """Some reading of `word` (clitics peeled) is in `vocabulary`: tested once per distinct word, not per token."""
    return any(stem in vocabulary for _, stem in peel(word))


@component("named-speakers", requires=("norm", "tokens", "mentions"), assigns=("mentions",))
def discover_named_speakers(doc: Document, res: Resources) -> None:
    """"وقال أحمد محمد علي الطالب المحتج ...": a name right after an attribution verb, closed by a role noun."""
    tokens, attribution = doc.tokens, res.cues["attribution"]
    roles, stop = res.cues["role_nouns"], res.cues["name_stop"]
    for i, tok in enumerate(tokens):
        if not _reads_as(tok.surface, attribution) or i + 2 >= len(tokens):
            continue
        j = i + 1
        while j < len(tokens) and j - i <= MAX_NAME_TOKENS and tokens[j].surface not in roles:
            if (tokens[j].surface in stop and tokens[j].surface not in lexicon.given_names()) or \
                    not doc.norm[tokens[j - 1].norm_end:tokens[j].norm_start].isspace():
                break
            j += 1
        if j >= len(tokens) or tokens[j].surface not in roles or j - i - 1 < 2 or \
                not doc.norm[tokens[j - 1].norm_end:tokens[j].norm_start].isspace():
            continue
        start, end = tokens[i + 1].norm_start, tokens[j - 1].norm_end
        if not any(opens_name(t.surface) for t in tokens[i + 1:j]) or covered(doc, start, end):
            continue  # one known given name in the span will do ("ريناد منصور الخبير")
        name = doc.text[doc.offsets[start]:doc.offsets[end - 1] + 1]
        doc.mentions.append(Mention(start, end, _discovered(name, EntityKind.PERSON), sentence_of(doc, start),
                                    "named-speaker"))
    doc.mentions.sort(key=lambda m: m.norm_start)


@component("facility-anaphors", requires=("tokens", "mentions"), assigns=("mentions",))
def resolve_facility_anaphors(doc: Document, res: Resources) -> None:
    """"القاعدة" / "السفارة" after a base or embassy was named refer to it: the most named one so far."""
    kinds = dict(pair.split() for pair in res.cues["facility_anaphors"])
    named = sorted((m for m in doc.mentions if m.entity.kind.is_facility and not m.by_adjective),
                   key=lambda m: m.norm_start)
    if not named:
        return
    # sweep: facilities named before each token, added in order of their end (one pass, not one per token)
    by_end = sorted(range(len(named)), key=lambda i: named[i].norm_end)
    seen: dict[str, dict[str, tuple[int, int]]] = {}  # kind -> entity key -> (times named, latest index)
    j = 0
    clitics = AR.words("clitic_letters")
    for tok in doc.tokens:
        bare = tok.surface[1:] if tok.surface[:1] in clitics else ""
        kind = kinds.get(tok.surface) or kinds.get(bare)
        if kind is None or covered(doc, tok.norm_start, tok.norm_end):
            continue
        while j < len(by_end) and named[by_end[j]].norm_end <= tok.norm_start:
            m = named[by_end[j]]
            counts = seen.setdefault(m.entity.kind.value.lower(), {})
            count, latest = counts.get(m.entity.key, (0, -1))
            counts[m.entity.key] = (count + 1, max(latest, by_end[j]))
            j += 1
        # the most named such facility so far (the article's subject), the most recent among equals
        best = max(seen[kind].values(), default=None) if kind in seen else None
        antecedent = named[best[1]] if best is not None else None
        if antecedent is not None:
            doc.mentions.append(Mention(tok.norm_start, tok.norm_end, antecedent.entity,
                                        sentence_of(doc, tok.norm_start), "anaphor"))
    doc.mentions.sort(key=lambda m: m.norm_start)


def _affiliation(doc: Document, res: Resources, start: int) -> str | None:
    """The group or state of an apposition: "قائد ميليشيا X العراقية المدعومة من إيران، أبو ..." -> X."""
    window_start = max(doc.sentences[sentence_of(doc, start)].norm_start, start - 90)
    titles = [h for h in res.titles.find(doc.norm[window_start:start])]
    if not titles:
        return None
    after_title = window_start + min(h.end for h in titles)
    party = next((m for m in doc.mentions if after_title <= m.norm_start < start and not m.by_adjective
                  and m.entity.kind in {EntityKind.ARMED_GROUP, EntityKind.ORGANIZATION, EntityKind.STATE}), None)
    return party.entity.key if party is not None else None


@component("kunya-persons", requires=("norm", "sentences", "mentions"), assigns=("mentions",))
def discover_kunya_persons(doc: Document, res: Resources) -> None:
    """"أبو مجتبى القريشي", "أبو العلاء ولاء": a kunya, a name and a family name or nisba (one with ال)."""
    stop = res.cues["name_stop"]
    for m in AR.pattern("kunya").finditer(doc.norm):
        first, second = m.group(1), m.group(2)
        if first in stop or second in stop or not (definite(first) or definite(second)):
            continue
        if definite(first) and definite(second):
            continue
        start, end = m.start(), m.end()
        if covered(doc, start, end):
            continue
        name = doc.text[doc.offsets[start]:doc.offsets[end - 1] + 1]
        entity = _discovered(name, EntityKind.PERSON, official_of=_affiliation(doc, res, start))
        doc.mentions.append(Mention(start, end, entity, sentence_of(doc, start), "kunya"))
    doc.mentions.sort(key=lambda m: m.norm_start)


@component("titled-persons", requires=("norm", "sentences", "tokens", "mentions"), assigns=("mentions",))
def discover_titled_persons(doc: Document, res: Resources) -> None:
    """Title + name: "وزير الخارجية الإيراني محمد جواد ظريف", "المتحدث بات رايدر", "(سيرغي ريابكوف)"."""
    tokens = doc.tokens
    for hit in doc.memo("titles", lambda: longest_first(res.titles.find(doc.norm))):
        _cls, role = res.title_info[hit.pattern.key]
        sent = doc.sentences[sentence_of(doc, hit.start)]
        pos, state, _ = title_frame(doc, hit)
        ti = doc.token_index_at(pos)
        title_at = doc.token_index_at(hit.start + 1) - 1  # the title's word, with its article
        span = personal_name(doc, res, ti, sent.norm_end) \
            if ti < len(tokens) and tokens[ti].norm_start - pos <= 1 else None
        lead: int | None = tokens[title_at].norm_start
        if span is None:  # "سعيد الجبوري، القيادي في X": the name stands before the title
            span, lead = name_before_title(doc, res, title_at, sent.norm_start), None
        if span is None:
            continue
        start, end = tokens[span[0]].norm_start, tokens[span[1] - 1].norm_end
        name = doc.text[doc.offsets[start]:doc.offsets[end - 1] + 1]
        entity = _discovered(name, EntityKind.PERSON, state, role)
        for namesake in doc.mentions_overlapping(start, end):
            namesake.entity, namesake.by_adjective = entity, False  # the family name read alone is this one
        doc.mentions.append(Mention(start, end, entity, sentence_of(doc, start), "title", lead=lead))
    doc.mentions.sort(key=lambda m: m.norm_start)


@component("self-named-groups", requires=("norm", "sentences", "mentions"), assigns=("mentions",))
def discover_self_named_groups(doc: Document, res: Resources) -> None:
    """"جماعة تطلق على نفسها اسم "X"" -> an armed group X (quoted, or the next one to four words)."""
    for hit in res.self_named.find(doc.norm):
        sent = doc.sentences[sentence_of(doc, hit.start)]
        rest = doc.norm[hit.end:sent.norm_end]
        m = AR.pattern("self_name_intro").match(rest)
        if m is None:
            continue
        start = hit.end + m.start(1)
        end = hit.end + m.end(1)
        if covered(doc, start, end) or not any(c.isalpha() for c in m.group(1)):
            continue
        name = doc.text[doc.offsets[start]:doc.offsets[end - 1] + 1].strip()
        entity = _discovered(name, EntityKind.ARMED_GROUP)
        doc.mentions.append(Mention(start, end, entity, sentence_of(doc, start), "self-named"))
    doc.mentions.sort(key=lambda m: m.norm_start)


@component("quoted-groups", requires=("norm", "mentions"), assigns=("mentions",))
def discover_quoted_groups(doc: Document, res: Resources) -> None:
    """A quoted name after a group noun or a claim verb names an armed group: جماعة "ألوية الوعد الحق",
    وتبنت "سرايا ثأر المهندس" الهجوم. The name keeps its own group word ("ألوية ...") when it has one."""
    for m in AR.pattern("quoted_group").finditer(doc.norm):
        start, end = m.start(1), m.end(1)
        words = m.group(1).split()
        if not words or len(words) > 5 or not any(c.isalpha() for c in m.group(1)) or \
                any(c.isdigit() for c in m.group(1)) or covered(doc, start, end) or \
                (len(words) == 1 and any(words[0].endswith(e) for e in AR.words("nisba_ending"))):
            continue  # مجموعة "وهمية": a quoted adjective names nothing
        name = doc.text[doc.offsets[start]:doc.offsets[end - 1] + 1].strip()
        doc.mentions.append(Mention(start, end, _discovered(name, EntityKind.ARMED_GROUP), sentence_of(doc, start),
                                    "quoted-group"))
    doc.mentions.sort(key=lambda m: m.norm_start)


@component("proxy-groups", requires=("norm", "sentences", "mentions"), assigns=("mentions",))
def discover_proxy_groups(doc: Document, res: Resources) -> None:
    """"فصائل تابعة للحرس الثوري الإيراني", "ميليشيات مدعومة من طهران": a group noun, up to two words, an
    allegiance word and a party of a state that has a reference entity for its proxies (lexicon cue
    `proxy_of`) name those proxies, even in wordings the gazetteer does not list."""
    proxies = dict(pair.split() for pair in res.cues["proxy_of"])
    nouns, links = res.cues["proxy_nouns"], res.cues["proxy_links"]
    for mention in list(doc.mentions):
        state = res.state_of(mention.entity) if mention.entity.kind is not EntityKind.PLACE else None
        proxy = res.entities.get(proxies.get(state.key, "")) if state is not None else None
        if proxy is None or mention.entity.key == proxy.key:
            continue
        words = doc.norm[max(doc.sentences[mention.sentence].norm_start, mention.norm_start - 60):
                         mention.norm_start].split()
        verb_link = bool(words) and words[-1] in links  # "ميليشيا تدعمها إيران"
        if len(words) < 2 or (not verb_link and words[-1] not in AR.words("proxy_prepositions")
                              and not _lam_fused(words[-1])):
            continue
        tail = words[-4:]
        link = next((i for i, w in enumerate(tail) if w in links or _without_conjunction(w) in links), None)
        if link is None:
            continue
        before = words[:len(words) - len(tail) + link]
        noun_at = next((i for i in range(len(before) - 1, max(-1, len(before) - 4), -1)
                        if before[i] in nouns or before[i].lstrip("".join(AR.words("proxy_clitics"))) in nouns), None)
        if noun_at is None:
            continue
        phrase = " ".join(before[noun_at:])
        start = doc.norm.rfind(phrase, 0, mention.norm_start)
        if start < 0 or _covered_by_other(doc, start, mention.norm_end, mention):
            continue
        doc.mentions.append(Mention(start, mention.norm_end, proxy, mention.sentence, "proxy"))
    doc.mentions.sort(key=lambda m: m.norm_start)


def _covered_by_other(doc: Document, start: int, end: int, inner: Mention) -> bool:
    return any(m is not inner and not m.by_adjective for m in doc.mentions_overlapping(start, end))


@component("coreference", requires=("norm", "mentions"), assigns=("mentions",))
def resolve_short_forms(doc: Document, res: Resources) -> None:
    """In-document coreference: later mentions of a discovered entity by surname or by its full name."""
    forms: list[tuple[str, Pattern]] = []
    by_key: dict[str, Entity] = {}
    for m in doc.mentions:
        if not m.entity.discovered:
            continue
        by_key[m.entity.key] = m.entity
        norm = normalize_name(m.entity.label_ar)
        forms.append((norm, Pattern(m.entity.key)))
        parts = norm.split()
        if m.entity.kind is EntityKind.PERSON and len(parts) >= 2 and len(parts[-1]) >= 4:
            forms.append((parts[-1], Pattern(m.entity.key)))
    if not forms:
        return
    gaz = Gazetteer().add_all(forms)
    for hit in longest_first(gaz.find(doc.norm)):
        if not covered(doc, hit.start, hit.end):
            doc.mentions.append(_mention(doc, hit, by_key[hit.pattern.key], "coreference"))
    doc.mentions.sort(key=lambda m: m.norm_start)
