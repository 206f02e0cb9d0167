"""Shared syntax over one sentence's mentions: clause limits, subjects, prepositions and title frames.

Arabic puts the verb first in running text and the subject first in headlines; both readers of speech acts
and of attacks need the same answers to "what is this verb's subject?" and "is this party governed by a
preposition?", so they live here and the components import them instead of importing each other.
"""
from __future__ import annotations

from functools import lru_cache

from graph_builder import lexicon
from graph_builder.document import Document, EntityKind, Mention
from graph_builder.gazetteer import Hit, longest_first
from graph_builder.lang import AR
from graph_builder.resources import Resources
from graph_builder.text.tokens import peel

SUBJECT_WINDOW = 75  # characters after a verb where its subject may stand (titles come first)
_ASIDE_REACH = 120  # characters before a verb searched for asides between it and its subject
SVO_GAP = 18  # at most this many characters between a headline subject and its verb
_MAX_TITLE_SKIPS = 6
_OPENERS = '("\''


def attack_words(doc: Document, res: Resources) -> list[Hit]:
    """The document's attack-word hits, sorted by start (`longest_first`): found once, read by every component
    that asks whether a sentence or a span speaks of an attack."""
    return doc.memo("attack-words", lambda: longest_first(res.attack_words.find(doc.norm)))


@lru_cache(maxsize=50_000)
def reads_as_speech(word: str, said: frozenset[str]) -> bool:
    """Some reading of `word` (clitics peeled) is a verb of `said` or a statement trigger in its verb role: the
    speakers' test of many tokens, made once per distinct word and verb set."""
    table = lexicon.statement_triggers()
    return any(stem in said or any(t.role == "verb" for t in table.get(stem, ())) for _, stem in peel(word))


@lru_cache(maxsize=16)
def union(first: frozenset[str], second: frozenset[str]) -> frozenset[str]:
    """Two cue sets as one, built once (the same object each time, so caches keyed on it hash it once)."""
    return first | second


def is_actor(m: Mention) -> bool:
    return not m.by_adjective and (m.entity.kind.is_actor or m.entity.kind is EntityKind.EMBASSY)


def is_party(m: Mention) -> bool:
    return not m.by_adjective and m.entity.kind is not EntityKind.MEDIA


def words_of(text: str) -> list[str]:
    return text.replace('"', " ").replace("'", " ").split()


def one_of(words: list[str], vocabulary: frozenset[str]) -> bool:
    """`words` is one word of `vocabulary`: `words in [[w] for w in vocabulary]` as one set lookup."""
    return len(words) == 1 and words[0] in vocabulary


def without_conjunction(word: str) -> str:
    """A word without the conjunction و fused to it."""
    return word[1:] if word[:1] in AR.words("coordinator") else word


def clause_between(doc: Document, start: int, end: int) -> bool:
    """A clause opener (أن، الذي، بعد ...) or a colon lies in doc.norm[start:end]."""
    return AR.pattern("clause_boundary").search(doc.norm[start:end]) is not None


def after_preposition(doc: Document, m: Mention) -> bool:
    """The mention is governed by a preposition: a separate word before it, or ل/ب/لل fused to it."""
    start = m.norm_start
    word_start = start
    while word_start > 0 and doc.norm[word_start - 1].isalnum():
        word_start -= 1
    fused = doc.norm[word_start:start]
    before = doc.norm[max(0, word_start - 8):word_start].split()
    conjunctions = "".join(AR.words("conjunctions"))
    if " ".join(before[-2:]) in AR.words("each_of"):
        return False  # "أدانت كل من البحرين وعمان": a list of subjects, not a preposition
    return fused.lstrip(conjunctions)[:1] in AR.words("fused_prepositions") or \
        (bool(before) and before[-1] in AR.words("prepositions"))


def subject_after(doc: Document, mentions: list[Mention], pos: int) -> Mention | None:
    """The verb's subject: the first actor after it, or a named person right behind a title and its body."""
    first: Mention | None = None
    for m in mentions:
        if m.norm_start < pos or not is_actor(m):
            continue
        if m.norm_start - pos > SUBJECT_WINDOW or clause_between(doc, pos, m.norm_start):
            break
        if first is None:
            if after_preposition(doc, m):
                continue  # "وحذر من استهداف مواقع للحشد": a prepositional object is no subject
            first = m
            if m.entity.kind is EntityKind.PERSON:
                return _holder_named(doc, mentions, m) or m
        elif m.entity.kind is EntityKind.PERSON and m.norm_start - first.norm_end < 45 and \
                not after_preposition(doc, m) and not _holder_of_governed(doc, mentions, m):
            return m  # "المتحدث باسم البنتاغون جون كيربي", "ممثل طهران لدى الأمم المتحدة مجيد تخت روانجي";
            # not "اعتبرت الخارجية السورية، في رسالة إلى الأمين العام للأمم المتحدة (غوتيريش)، أن ..." (the addressee)
    return first


def _holder_of_governed(doc: Document, mentions: list[Mention], m: Mention) -> bool:
    """The person is named right after an office governed by a preposition ("إلى الأمين العام للأمم المتحدة
    أنطونيو غوتيريش"): the holder of the addressee's office, no subject either."""
    before = next((n for n in reversed(mentions) if n.norm_end <= m.norm_start and is_actor(n)), None)
    return before is not None and before.entity.kind is EntityKind.PERSON and \
        not doc.norm[before.norm_end:m.norm_start].strip(' "') and after_preposition(doc, before)


def _holder_named(doc: Document, mentions: list[Mention], office: Mention) -> Mention | None:
    """"أعرب الأمين العام للأمم المتحدة أنطونيو غوتيريش": a person named right after an office the reference data
    knows as a person is its holder, who speaks."""
    named = next((n for n in mentions if n.norm_start >= office.norm_end and is_actor(n)), None)
    if named is None or named.entity.kind is not EntityKind.PERSON or named.entity.key == office.entity.key or \
            doc.norm[office.norm_end:named.norm_start].strip(' "'):
        return None
    return Mention(named.norm_start, named.norm_end, named.entity, named.sentence, "office-holder")


def subject_before(doc: Document, mentions: list[Mention], pos: int,
                   particles: frozenset[str] = frozenset()) -> Mention | None:
    """A subject right before the verb: nothing between them but quotes, nationality adjectives and particles
    ("إيران تنفي", "كتائب سيد الشهداء العراقية تتوعد", "سرية قاصم الجبارين قد تبنت")."""
    adjectives = [m for m in mentions if m.by_adjective]
    window = max(0, pos - _ASIDE_REACH)
    asides = [(window + a.start(), window + a.end())
              for a in AR.pattern("subject_asides").finditer(doc.norm[window:pos])]
    for m in reversed(mentions):
        if m.norm_end > pos or not is_actor(m) or any(a <= m.norm_start and m.norm_end <= b for a, b in asides):
            continue  # a party inside an aside is not the subject ("فصائل أخرى -بعضها ضمن الحشد- قد هددت")
        between = list(doc.norm[m.norm_end:pos])
        for adj in adjectives:
            if m.norm_end <= adj.norm_start and adj.norm_end <= pos:
                between[adj.norm_start - m.norm_end:adj.norm_end - m.norm_end] = " " * (adj.norm_end - adj.norm_start)
        text = AR.pattern("subject_asides").sub(" ", "".join(between))  # "X -بعضها يعمل ضمن الحشد- قد هددت"
        words = words_of(text)
        governed = after_preposition(doc, m) and not (particles and starts_relative(doc, pos))
        ok = len(text.strip()) <= SVO_GAP + 8 and all(w in particles for w in words) and not governed
        # "إيران تعلن مسؤوليتها عن هجوم بالعراق ويحذر": "بالعراق" is no subject; but a relative verb's subject
        # is its antecedent, governed or not ("تصريحات لعصائب أهل الحق التي توعدت الحكومة")
        return m if ok else None
    return None


def title_complement(doc: Document, pos: int) -> Mention | None:
    """A non-person party right at `pos`, possibly after "باسم"/"في" ("المتحدث باسم البنتاغون")."""
    links = AR.words("title_links")
    for m in doc.mentions_starting(pos, pos + 6):
        if m.entity.kind is EntityKind.PERSON:
            continue
        between = doc.norm[pos:m.norm_start].strip()
        article = next((a for a in AR.words("article_forms") if doc.norm.endswith(a, pos, m.norm_start)), None)
        if article is not None:  # "المتحدث باسم الفصيل": an anaphor's mention starts after its article
            between = doc.norm[pos:m.norm_start - len(article)].strip()
        if not between or between in links:
            return m
    return None


def title_frame(doc: Document, hit: Hit) -> tuple[int, str | None, int]:
    """What follows a title up to where a name may start: (that position, the state or body named between,
    the end of the title's noun phrase). Skips adjectives, "باسم X", an organisation, a comma and "(".
    """
    sent = doc.sentences[doc.sentence_at(hit.start)]
    pos, state, np_end = hit.end, None, hit.end
    for _ in range(_MAX_TITLE_SKIPS):
        rest = doc.norm[pos:sent.norm_end]
        stripped = rest.lstrip(" \u060c,:")
        pos += len(rest) - len(stripped)
        nxt = title_complement(doc, pos)
        if nxt is not None:
            if nxt.entity.kind is EntityKind.STATE or (state is None and nxt.entity.official_of is None):
                state = nxt.entity.key
            pos = np_end = nxt.norm_end
        elif stripped and stripped[0] in _OPENERS:
            pos += 1
        elif stripped.split()[:1] and stripped.split()[0] in AR.words("title_pronoun_links"):
            pos += len(stripped.split()[0])  # "المتحدث باسمها فلان": the body was named before the title
        elif (bureau := AR.pattern("bureau_between").match(stripped)) is not None:
            pos += bureau.end()  # "عضو المكتب السياسي لحركة أنصار الله محمد البخيتي"
        elif (unit := AR.pattern("unit_between").match(stripped)) is not None:
            pos += unit.end()  # "مسؤول العلاقات في محور الشمال في الحشد الشعبي علي الحسيني"
        elif (adjective := AR.pattern("nisba_adjective").match(stripped)) is not None:
            pos = np_end = pos + adjective.end()  # "الخبير الأمني أحمد الشريفي", "المحلل السياسي"
        else:
            break
    return pos, state, np_end


def starts_relative(doc: Document, pos: int) -> bool:
    """A relative pronoun stands right before `pos` ("الغارات التي استهدفت")."""
    return AR.pattern("relative_before").search(doc.norm[max(0, pos - 8):pos]) is not None


