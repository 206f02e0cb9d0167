"""A person named in full earlier in the story, named again by the family name or by the title alone as a speaker.

News names a spokesman once ("المتحدث العسكري يحيى سريع") and then by the family name ("وأضاف سريع أن ...",
"وأكد سريع", or first in a headline-like clause: "وسريع يتوعد ..."), or by the bare title ("وأضاف الوزير أن ...",
"وتابع المتحدث: ..."). Family names are often plain words ("سريع" is "quick"), so the short form counts only in
the subject place right next to a speech verb, never elsewhere ("رد سريع" stays a quick response). When two persons
named before share the family name or the title, the one named last is the only unambiguous reading. Discovered
persons are handled by the coreference component; this one covers reference persons too.
"""
from __future__ import annotations

from graph_builder.components import component
from graph_builder.document import Document, EntityKind, Mention, Token
from graph_builder.extract.names import covered
from graph_builder.extract.speakers import no_subject_after, speech_verb
from graph_builder.extract.syntax import title_frame
from graph_builder.gazetteer import longest_first
from graph_builder.lang import AR
from graph_builder.resources import Resources
from graph_builder.text.normalize import normalize_name

_MIN_SURNAME = 4  # letters: shorter family names are too often other words


@component("surname-speakers", requires=("norm", "tokens", "mentions"), assigns=("mentions",))
def resolve_surname_speakers(doc: Document, res: Resources) -> None:
    """The family name of a person named in full before, right after a speech verb or right before one opening
    its sentence, is that person; so is a bare title right after a speech verb (`_bare_titles`)."""
    surnames: dict[str, list[Mention]] = {}
    for m in doc.mentions:
        if m.entity.kind is not EntityKind.PERSON or m.entity.generic or m.by_adjective:
            continue
        parts = normalize_name(doc.norm[m.norm_start:m.norm_end]).split()
        if len(parts) >= 2 and len(parts[-1]) >= _MIN_SURNAME:
            surnames.setdefault(parts[-1], []).append(m)
    found = _bare_titles(doc, res)
    conjunctions = AR.words("conjunctions")
    for k, tok in enumerate(doc.tokens):
        if not surnames or covered(doc, tok.norm_start, tok.norm_end):
            continue
        word = doc.norm[tok.norm_start:tok.norm_end]
        bare = word[1:] if word[:1] in conjunctions else word  # "والخزعلي يتوعد": the conjunction is no part
        if word in surnames and k > 0 and _speech_next_to(doc, res, doc.tokens[k - 1], tok):
            start, via = tok.norm_start, "surname"
        elif bare in surnames and k + 1 < len(doc.tokens) and _opens_clause(doc, tok) and \
                _speech_next_to(doc, res, doc.tokens[k + 1], tok):
            start, via = tok.norm_end - len(bare), "surname-before-verb"
        else:
            continue
        first = _last_before(surnames[word if via == "surname" else bare], tok.norm_start)
        if first is not None:
            found.append(Mention(start, tok.norm_end, first.entity, doc.sentence_at(tok.norm_start), via))
    doc.mentions.extend(found)
    doc.mentions.sort(key=lambda m: m.norm_start)


def _last_before(named: list[Mention], pos: int) -> Mention | None:
    """The person named last before `pos` among those sharing the short form."""
    return next((m for m in reversed(named) if m.norm_end < pos), None)


def _speech_next_to(doc: Document, res: Resources, verb: Token, tok: Token) -> bool:
    """The verb is a speech verb in the same sentence as the short form."""
    return doc.sentence_at(verb.norm_start) == doc.sentence_at(tok.norm_start) and speech_verb(res, verb)


def _opens_clause(doc: Document, tok: Token) -> bool:
    """The word opens its sentence ("والخزعلي يتوعد ..."): a subject before its verb, not an object after one."""
    return doc.sentences[doc.sentence_at(tok.norm_start)].norm_start >= tok.norm_start - 1 or \
        doc.norm[max(0, tok.norm_start - 2):tok.norm_start].strip() in {"\u060c", ",", "."}


def _bare_titles(doc: Document, res: Resources) -> list[Mention]:
    """"وأضاف الوزير أن ...", "وتابع المتحدث: ...": a title with nothing after it (no body, state or name) right
    after a speech verb opening its clause is the person named last before with a title of that role (the
    bare "minister" also stands for a "defence minister")."""
    titles = longest_first(res.titles.find(doc.norm))
    holders: list[tuple[str, Mention]] = []
    for hit in titles:
        pos, _, _ = title_frame(doc, hit)
        holder = next((m for m in doc.mentions_starting(pos, pos + 3)
                       if m.entity.kind is EntityKind.PERSON and not m.by_adjective), None)
        if holder is not None:
            holders.append((res.title_info[hit.pattern.key][1], holder))
    if not holders:
        return []
    out = []
    tokens = doc.tokens
    ending_at = {t.norm_end: k for k, t in enumerate(tokens)}
    article = next(iter(AR.words("article_proclitic")))
    for hit in titles:
        k = ending_at.get(hit.end)
        if k is None or k == 0 or not tokens[k].prefix.endswith(article) or \
                not tokens[k].norm_start <= hit.start <= tokens[k].norm_start + len(tokens[k].prefix) or \
                not _speech_next_to(doc, res, tokens[k - 1], tokens[k]) or not no_subject_after(doc, tokens, k) or \
                covered(doc, tokens[k].norm_start, tokens[k].norm_end):
            continue  # not a bare definite title ("الوزير") right after a speech verb, with nothing after it
        role = res.title_info[hit.pattern.key][1]
        person = next((m for r, m in reversed(holders) if m.norm_end <= hit.start and
                       (r == role or r.endswith(" " + role))), None)
        if person is not None:
            out.append(Mention(tokens[k].norm_start, tokens[k].norm_end, person.entity,
                               doc.sentence_at(hit.start), "title-anaphor"))
    return out
