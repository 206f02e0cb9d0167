"""Entity mentions: gazetteer names, nationality adjectives, discovered names and short-form coreference."""
from __future__ import annotations

import bisect

from graph_builder import lexicon
from graph_builder.components import component
from graph_builder.document import Document, Entity, EntityKind, Mention, Token
from graph_builder.extract.syntax import title_frame
from graph_builder.gazetteer import Gazetteer, Hit, Pattern, longest_first
from graph_builder.lang import AR
from graph_builder.resources import Resources
from graph_builder.text.normalize import normalize_name
from graph_builder.text.tokens import peel

_MAX_NAME_TOKENS = 5
_MAX_UNIT_WORDS = 3  # words of an unnamed unit between a rank and a name ("في قوات الرد السريع")


def _definite(word: str) -> bool:
    return any(word.startswith(a) for a in AR.words("article"))


def _lam_fused(word: str) -> bool:
    """The word carries the preposition ل ("للحرس الثوري")."""
    return word[:1] in AR.words("possessive_lam")


def _without_conjunction(word: str) -> str:
    return word[1:] if word[:1] in AR.words("coordinator") else word


def sentence_of(doc: Document, norm_pos: int) -> int:
    return doc.sentence_at(norm_pos)


def _mention(doc: Document, hit: Hit, entity: Entity, via: str) -> Mention:
    return Mention(hit.start, hit.end, entity, sentence_of(doc, hit.start), via, hit.pattern.adjective)


def _covered(doc: Document, start: int, end: int) -> bool:
    return any(True for _ in doc.mentions_overlapping(start, end))


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
    _prefer_longer_names(doc)
    named = {m.entity.key for m in doc.mentions if not m.by_adjective}
    for hit in longest_first(res.hidden.find(doc.norm)):
        if hit.pattern.key in named and not _covered(doc, hit.start, hit.end):
            doc.mentions.append(_mention(doc, hit, res.entities[hit.pattern.key], "short-form"))
    doc.mentions.sort(key=lambda m: m.norm_start)


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


def _name_after(doc: Document, res: Resources, ti: int, limit: int) -> tuple[int, int] | None:
    """Token range [i, j) of a personal name starting at token `ti`, or None."""
    tokens, stop = doc.tokens, res.cues["name_stop"]
    j = ti
    while j < len(tokens) and j - ti < _MAX_NAME_TOKENS and tokens[j].norm_start < limit:
        tok = tokens[j]
        if j > ti and doc.norm[tokens[j - 1].norm_end:tok.norm_start].strip():
            break  # punctuation ends a name
        word = tok.surface
        if j > ti and (_namesake_surname(doc, tokens[ti:j], tok) or _nationality_surname(doc, tok)):
            j += 1
            break  # "كرار العامري" is not Hadi al-Amiri, "سجاد العراقي" no mention of Iraq: a family name
        if ((word in stop or tok.stem in stop) and not _spelled_as_name(doc, tok.norm_start, tok.norm_end)) \
                or word.isdigit() or _covered(doc, tok.norm_start, tok.norm_end) or \
                (j > ti and word[:1] in AR.words("coordinator") | AR.words("fused_prepositions")
                 and word not in lexicon.given_names()):
            break  # "خالد مورا وإصابة", "غيظان بجروح": "and" or "with" ends the name, unless it opens one (وليد، باسم)
        if any(word.startswith(a) for a in AR.words("article_forms")):
            if j == ti:
                return None
            j += 2 if _compound_given(doc, tokens, ti, j) else 1
            break  # a family name with the article closes the name (عادل عبد المهدي، علي الحسيني)
        j += 1
    return (ti, j) if j - ti >= 2 else None


def _compound_given(doc: Document, tokens: list[Token], ti: int, j: int) -> bool:
    """"عبد الوهاب المسيري": the article word after عبد completes the given name, and the family name with
    the article right after it closes the name."""
    if j == ti or tokens[j - 1].surface not in AR.words("compound_name_heads") or j + 1 >= len(tokens):
        return False
    nxt = tokens[j + 1]
    return not doc.norm[tokens[j].norm_end:nxt.norm_start].strip() and _definite(nxt.surface) and \
        not _covered(doc, nxt.norm_start, nxt.norm_end)


def _nationality_surname(doc: Document, tok: Token) -> bool:
    """A nationality adjective right after a given name is a family name ("سجاد العراقي", "محمد المصري")."""
    covering = list(doc.mentions_overlapping(tok.norm_start, tok.norm_end))
    return bool(covering) and _definite(tok.surface) and \
        all(m.by_adjective and (m.norm_start, m.norm_end) == (tok.norm_start, tok.norm_end) for m in covering)


def _namesake_surname(doc: Document, given: list[Token], tok: Token) -> bool:
    """The token is a known person's surname alone ("العامري", "المالكي") after given names that are not his,
    and the text never names him in full: a family name shared by another person, who the title introduces."""
    covering = list(doc.mentions_overlapping(tok.norm_start, tok.norm_end))
    if not covering or any(m.entity.kind is not EntityKind.PERSON or m.entity.discovered or m.by_adjective
                           or (m.norm_start, m.norm_end) != (tok.norm_start, tok.norm_end) for m in covering):
        return False
    keys = {m.entity.key for m in covering}
    if any(m.entity.key in keys and " " in doc.norm[m.norm_start:m.norm_end].strip() for m in doc.mentions):
        return False  # "إيهاب الوزني" named in full: "غيهاب الوزني" is a misspelling of him
    labels = " ".join(normalize_name(x) for m in covering for x in (m.entity.label_ar, *m.entity.alt_labels)).split()
    return not any(t.surface in labels for t in given)


def _spelled_as_name(doc: Document, start: int, end: int) -> bool:
    """A given name that normalises like a function word: "علي" is a name, "على" (alef maqsura) is "on"."""
    original = doc.text[doc.offsets[start]:doc.offsets[end - 1] + 1]
    return doc.norm[start:end] in lexicon.given_names() and original[-1:] not in AR.words("alef_maqsura")


def _opens_name(word: str) -> bool:
    """A personal name starts with a known given name, a kunya (أبو/أم) or عبد."""
    names = lexicon.given_names()
    openers, prefixes = AR.words("name_openers"), AR.words("name_prefixes")
    return any(stem in names or stem in openers for prefix, stem in peel(word) if prefix in prefixes)


def _family_named(doc: Document, span: tuple[int, int]) -> bool:
    """"حسنين الخفاجي", "نبراس الفيلي": an unlisted given name is still a name when a family name of the
    relational form (ال...ي, "the one of the Khafaja") closes it. The given name is one or two plain words,
    not a noun heading a unit or a place ("مكتب الشيباني", "شرطة الكرخي")."""
    tokens = [doc.tokens[k] for k in range(*span)]
    family, given = tokens[-1], tokens[:-1]
    original = doc.text[doc.offsets[family.norm_start]:doc.offsets[family.norm_end - 1] + 1]
    if len(given) > 2 or not _definite(family.surface) or len(family.surface) < 5 or \
            not family.surface.endswith(tuple(AR.words("family_nisba_ending"))) or \
            original[-1:] in AR.words("alef_maqsura"):
        return False
    if any(m.entity.kind is EntityKind.PERSON and not m.entity.discovered and m.norm_start != family.norm_start
           and normalize_name(m.entity.label_ar).split()[-1:] == [family.surface] for m in doc.mentions):
        return False  # "غيهاب الوزني" beside "إيهاب الوزني": the known person, misspelt
    heads = AR.words("unit_heads") | AR.words("group_head_nouns")
    for tok in given:
        first = doc.text[doc.offsets[tok.norm_start]:doc.offsets[tok.norm_end - 1] + 1]
        if _definite(tok.surface) or _definite(tok.stem) or tok.surface in heads or \
                first[-1:] in AR.words("taa_marbuta"):
            return False  # "للفصيل العراقي": a preposition or a unit noun opens no name
    return True


@component("named-speakers", requires=("norm", "tokens", "mentions"), assigns=("mentions",))
def discover_named_speakers(doc: Document, res: Resources) -> None:
    """"وقال أحمد محمد علي الطالب المحتج ...": a name right after an attribution verb, closed by a role noun."""
    tokens, attribution = doc.tokens, res.cues["attribution"]
    roles, stop = res.cues["role_nouns"], res.cues["name_stop"]
    for i, tok in enumerate(tokens):
        if not any(stem in attribution for _, stem in peel(tok.surface)) or i + 2 >= len(tokens):
            continue
        j = i + 1
        while j < len(tokens) and j - i <= _MAX_NAME_TOKENS and tokens[j].surface not in roles:
            if (tokens[j].surface in stop and tokens[j].surface not in lexicon.given_names()) or \
                    not doc.norm[tokens[j - 1].norm_end:tokens[j].norm_start].isspace():
                break
            j += 1
        if j >= len(tokens) or tokens[j].surface not in roles or j - i - 1 < 2 or \
                not doc.norm[tokens[j - 1].norm_end:tokens[j].norm_start].isspace():
            continue
        start, end = tokens[i + 1].norm_start, tokens[j - 1].norm_end
        if not any(_opens_name(t.surface) for t in tokens[i + 1:j]) or _covered(doc, start, end):
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
    for tok in doc.tokens:
        bare = tok.surface[1:] if tok.surface[:1] in AR.words("clitic_letters") else ""
        kind = kinds.get(tok.surface) or kinds.get(bare)
        if kind is None or _covered(doc, tok.norm_start, tok.norm_end):
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
        if first in stop or second in stop or not (_definite(first) or _definite(second)):
            continue
        if _definite(first) and _definite(second):
            continue
        start, end = m.start(), m.end()
        if _covered(doc, start, end):
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
        if ti >= len(tokens) or tokens[ti].norm_start - pos > 1:
            continue
        span = _personal_name(doc, res, ti, sent.norm_end)
        if span is None:
            continue
        start, end = tokens[span[0]].norm_start, tokens[span[1] - 1].norm_end
        name = doc.text[doc.offsets[start]:doc.offsets[end - 1] + 1]
        entity = _discovered(name, EntityKind.PERSON, state, role)
        for namesake in doc.mentions_overlapping(start, end):
            namesake.entity, namesake.by_adjective = entity, False  # the family name read alone is this one
        lead = tokens[doc.token_index_at(hit.start + 1) - 1].norm_start  # the title's word, with its article
        doc.mentions.append(Mention(start, end, entity, sentence_of(doc, start), "title", lead=lead))
    doc.mentions.sort(key=lambda m: m.norm_start)


def _personal_name(doc: Document, res: Resources, ti: int, limit: int) -> tuple[int, int] | None:
    """The name at token `ti`, or after the unnamed unit a rank or role belongs to: "العقيد في الشرطة X",
    "الضابط في جهاز المخابرات X" (the name after one to three words of the unit)."""
    tokens = doc.tokens
    for skip in range(_MAX_UNIT_WORDS + 1):
        start = ti + 1 + skip if skip else ti
        if skip and (tokens[ti].surface not in AR.words("unit_link") or start >= len(tokens) or
                     not doc.norm[tokens[ti].norm_end:tokens[start].norm_start].replace(" ", "").isalpha()):
            return None  # no unit, or punctuation inside it
        span = _name_after(doc, res, start, limit)
        if span is not None and (_opens_name(tokens[span[0]].surface) or _family_named(doc, span)):
            return span
    return None


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
        if _covered(doc, start, end) or not any(c.isalpha() for c in m.group(1)):
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
                any(c.isdigit() for c in m.group(1)) or _covered(doc, start, end) or \
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
        if not _covered(doc, hit.start, hit.end):
            doc.mentions.append(_mention(doc, hit, by_key[hit.pattern.key], "coreference"))
    doc.mentions.sort(key=lambda m: m.norm_start)
