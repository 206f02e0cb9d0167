"""Where a personal name starts and ends after a title: given names, family names, namesakes, the unit a rank
belongs to. The discovery components (extract/entities.py) decide where to look; these helpers read the words."""
from __future__ import annotations

from functools import lru_cache

from graph_builder import lexicon
from graph_builder.document import Document, EntityKind, Token
from graph_builder.lang import AR
from graph_builder.resources import Resources
from graph_builder.text.normalize import normalize_name
from graph_builder.text.tokens import peel

MAX_NAME_TOKENS = 5
_MAX_UNIT_WORDS = 3  # words of an unnamed unit between a rank and a name ("في قوات الرد السريع")


@lru_cache(maxsize=50_000)
def definite(word: str) -> bool:
    """The word starts with the article (asked of every token's prefix: once per distinct word)."""
    return any(word.startswith(a) for a in AR.words("article"))


def covered(doc: Document, start: int, end: int) -> bool:
    return any(True for _ in doc.mentions_overlapping(start, end))


def _name_after(doc: Document, res: Resources, ti: int, limit: int) -> tuple[int, int] | None:
    """Token range [i, j) of a personal name starting at token `ti`, or None."""
    tokens, stop = doc.tokens, res.cues["name_stop"]
    j = ti
    while j < len(tokens) and j - ti < MAX_NAME_TOKENS and tokens[j].norm_start < limit:
        tok = tokens[j]
        if j > ti and doc.norm[tokens[j - 1].norm_end:tok.norm_start].strip():
            break  # punctuation ends a name
        word = tok.surface
        if j > ti and (_namesake_surname(doc, tokens[ti:j], tok) or _nationality_surname(doc, tok)):
            j += 1
            break  # "كرار العامري" is not Hadi al-Amiri, "سجاد العراقي" no mention of Iraq: a family name
        if ((word in stop or tok.stem in stop) and not _spelled_as_name(doc, tok.norm_start, tok.norm_end)) \
                or word.isdigit() or covered(doc, tok.norm_start, tok.norm_end) or \
                (j > ti and word[:1] in AR.words("coordinator") | AR.words("fused_prepositions")
                 and word not in lexicon.given_names()) or \
                word in lexicon.statement_triggers() or word in AR.words("reported_nouns"):
            break  # "خالد مورا وإصابة", "غيظان بجروح": "and" or "with" ends the name, unless it opens one (وليد، باسم);
            # "نجيب ميقاتي إدانته", "فلان قوله": a speech act or report follows the name
        if j == ti and any(word.startswith(a) for a in AR.words("preposition_article_forms")):
            return None  # "ندد الرئيس اللبناني بالعدوان الإسرائيلي": a preposition, not a name, follows the title
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
    return not doc.norm[tokens[j].norm_end:nxt.norm_start].strip() and definite(nxt.surface) and \
        not covered(doc, nxt.norm_start, nxt.norm_end)


def _nationality_surname(doc: Document, tok: Token) -> bool:
    """A nationality adjective right after a given name is a family name ("سجاد العراقي", "محمد المصري")."""
    covering = list(doc.mentions_overlapping(tok.norm_start, tok.norm_end))
    return bool(covering) and definite(tok.surface) and \
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


def opens_name(word: str) -> bool:
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
    if len(given) > 2 or not definite(family.surface) or len(family.surface) < 5 or \
            not family.surface.endswith(tuple(AR.words("family_nisba_ending"))) or \
            original[-1:] in AR.words("alef_maqsura"):
        return False
    if any(m.entity.kind is EntityKind.PERSON and not m.entity.discovered and m.norm_start != family.norm_start
           and normalize_name(m.entity.label_ar).split()[-1:] == [family.surface] for m in doc.mentions):
        return False  # "غيهاب الوزني" beside "إيهاب الوزني": the known person, misspelt
    heads = AR.words("unit_heads") | AR.words("group_head_nouns")
    for tok in given:
        first = doc.text[doc.offsets[tok.norm_start]:doc.offsets[tok.norm_end - 1] + 1]
        if definite(tok.surface) or definite(tok.stem) or tok.surface in heads or \
                first[-1:] in AR.words("taa_marbuta"):
            return False  # "للفصيل العراقي": a preposition or a unit noun opens no name
    return True


def personal_name(doc: Document, res: Resources, ti: int, limit: int) -> tuple[int, int] | None:
    """The name at token `ti`, or after the unnamed unit a rank or role belongs to: "العقيد في الشرطة X",
    "الضابط في جهاز المخابرات X" (the name after one to three words of the unit)."""
    tokens = doc.tokens
    for skip in range(_MAX_UNIT_WORDS + 1):
        start = ti + 1 + skip if skip else ti
        if skip and (tokens[ti].surface not in AR.words("unit_link") or start >= len(tokens) or
                     not doc.norm[tokens[ti].norm_end:tokens[start].norm_start].replace(" ", "").isalpha()):
            break  # no unit, or punctuation inside it
        span = _name_after(doc, res, start, limit)
        if span is not None and (opens_name(tokens[span[0]].surface) or _family_named(doc, span)):
            return span
    return _name_between_commas(doc, res, ti, limit)


def _comma_between(doc: Document, end: int, start: int) -> bool:
    return doc.norm[end:start].strip() in AR.words("apposition_commas")


def _name_between_commas(doc: Document, res: Resources, ti: int, limit: int) -> tuple[int, int] | None:
    """"عضو مجلس محافظة نينوى، يونس الطائي، ...": the title's phrase, then the name set off by commas (or
    ending the sentence) within a few words."""
    tokens = doc.tokens
    for k in range(ti + 1, min(ti + _MAX_UNIT_WORDS + 2, len(tokens))):
        if tokens[k].norm_start >= limit:
            return None
        if not doc.norm[tokens[k - 1].norm_end:tokens[k].norm_start].isspace():
            if not _comma_between(doc, tokens[k - 1].norm_end, tokens[k].norm_start):
                return None  # other punctuation: no apposition
            span = _name_after(doc, res, k, limit)
            if span is None or not (opens_name(tokens[k].surface) or _family_named(doc, span)):
                return None
            after = tokens[span[1]].norm_start if span[1] < len(tokens) else limit
            closed = _comma_between(doc, tokens[span[1] - 1].norm_end, after) or after >= limit
            return span if closed else None
    return None


def name_before_title(doc: Document, res: Resources, ti: int, sent_start: int) -> tuple[int, int] | None:
    """"سعيد الجبوري، القيادي في عصائب أهل الحق": the name right before a comma that opens the title at token
    `ti` in apposition. A known given name opens it; an unlisted one needs a relational family name."""
    tokens = doc.tokens
    if ti < 2 or not _comma_between(doc, tokens[ti - 1].norm_end, tokens[ti].norm_start):
        return None
    for size in range(MAX_NAME_TOKENS - 1, 1, -1):
        first = ti - size
        if first < 0 or tokens[first].norm_start < sent_start:
            continue
        span = _name_after(doc, res, first, tokens[ti - 1].norm_end)
        if span == (first, ti) and (opens_name(tokens[first].surface) or (size == 2 and _family_named(doc, span))):
            return span
    return None
