"""A person named in full earlier in the story, named again by the family name alone as a speaker.

News names a spokesman once ("المتحدث العسكري يحيى سريع") and then by the family name ("وأضاف سريع أن ...",
"وأكد سريع"). Family names are often plain words ("سريع" is "quick"), so the short form counts only in the
subject place right after a speech verb, never elsewhere ("رد سريع" stays a quick response). Discovered
persons are handled by the coreference component; this one covers reference persons too.
"""
from __future__ import annotations

from graph_builder.components import component
from graph_builder.document import Document, EntityKind, Mention
from graph_builder.extract.names import covered
from graph_builder.extract.speakers import speech_verb
from graph_builder.resources import Resources
from graph_builder.text.normalize import normalize_name

_MIN_SURNAME = 4  # letters: shorter family names are too often other words


@component("surname-speakers", requires=("norm", "tokens", "mentions"), assigns=("mentions",))
def resolve_surname_speakers(doc: Document, res: Resources) -> None:
    """The family name of a person named in full before, right after a speech verb, is that person."""
    surnames: dict[str, Mention] = {}
    for m in doc.mentions:
        if m.entity.kind is not EntityKind.PERSON or m.entity.generic or m.by_adjective:
            continue
        parts = normalize_name(doc.norm[m.norm_start:m.norm_end]).split()
        if len(parts) >= 2 and len(parts[-1]) >= _MIN_SURNAME:
            surnames.setdefault(parts[-1], m)
    if not surnames:
        return
    found = []
    for prev, tok in zip(doc.tokens, doc.tokens[1:], strict=False):
        first = surnames.get(doc.norm[tok.norm_start:tok.norm_end])
        if first is None or tok.norm_start <= first.norm_end or covered(doc, tok.norm_start, tok.norm_end):
            continue
        if doc.sentence_at(prev.norm_start) == doc.sentence_at(tok.norm_start) and speech_verb(res, prev):
            found.append(Mention(tok.norm_start, tok.norm_end, first.entity, doc.sentence_at(tok.norm_start),
                                 "surname"))
    doc.mentions.extend(found)
    doc.mentions.sort(key=lambda m: m.norm_start)
