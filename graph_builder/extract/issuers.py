"""The issuer of a statement goes on speaking where the next sentences cite the statement itself as the source.

A story names the issuer once ("أصدرت X بياناً ...", "قال بيان صادر عن X ...") and then quotes the statement with
no speaker at all: "وبحسب البيان فإن ...", "ووفقاً للبيان، ...", "وجاء في البيان أن ...". Such a sentence speaks
for the party the sentence before made the issuer (the `inherited` speaker the readers carry from sentence to
sentence); with no issuer named before, it speaks for no one, for a statement is never a speaker of its own.
"""
from __future__ import annotations

from graph_builder.document import Document, Mention, Token
from graph_builder.extract.speakers import no_subject_after, statement_anaphor
from graph_builder.extract.syntax import is_actor
from graph_builder.lang import AR

_ISSUED_REACH = 14  # characters from the issuer to the statement noun ("صدر عن X بيان")
_ISSUER_REACH = 2  # sentences back a statement cited by name may find its issuer


def remember_issuer(doc: Document, tokens: list[Token], found: Mention | None) -> Mention | None:
    """Note the speaker of a sentence that tells of a statement ("أصدرت X بياناً", "قالت X في بيان"), so a later
    sentence citing the statement finds its issuer past a sentence that attributes nothing; returns `found`."""
    statements = AR.words("issued_statements") | AR.words("statement_anaphors")
    if found is not None and tokens and any(t.stem in statements or t.surface in statements for t in tokens):
        doc.memo("issuers", dict)[doc.sentence_at(tokens[0].norm_start)] = found
    return found


def _issuer_before(doc: Document, tokens: list[Token], inherited: Mention | None) -> Mention | None:
    """The speaker carried from the sentence before, else the issuer of a statement told of within the last
    `_ISSUER_REACH` sentences ("قالت X في بيان ... . وأسفرت الغارة عن ... . وتابع البيان: ...")."""
    if inherited is not None or not tokens:
        return inherited
    here, issuers = doc.sentence_at(tokens[0].norm_start), doc.memo("issuers", dict)
    return next((issuers[k] for k in range(here - 1, max(-1, here - 1 - _ISSUER_REACH), -1) if k in issuers), None)


def statement_source(doc: Document, tokens: list[Token], inherited: Mention | None) -> Mention | None:
    """The issuer a sentence opening on the statement as its source speaks for ("وجاء في البيان أن ..."), else
    None; the mention is marked `statement-issuer` so the statement's trace says how its speaker was found."""
    if not tokens or AR.pattern("statement_as_source").match(doc.norm, tokens[0].norm_start) is None:
        return None
    issuer = _issuer_before(doc, tokens, inherited)
    return Mention(issuer.norm_start, issuer.norm_end, issuer.entity, issuer.sentence, "statement-issuer") \
        if issuer is not None else None


def source_clause_opener(doc: Document, tokens: list[Token], i: int, inherited: Mention | None) -> bool:
    """Whether token `i` opens a sentence citing the statement as its source, and so stands for the attribution
    verb its clause ("أن ...", "فإن ...") hangs on."""
    return i == 0 and statement_source(doc, tokens, inherited) is not None


def issued_from(doc: Document, tokens: list[Token], mentions: list[Mention]) -> Mention | None:
    """"وصدر عن كتائب حزب الله بيان ...": the party a sentence opening on "صدر عن" names before a statement noun
    issued it, and speaks in the sentences that go on quoting it."""
    if not tokens:
        return None
    start = doc.sentences[doc.sentence_at(tokens[0].norm_start)].norm_start
    first = next((m for m in mentions if is_actor(m)), None)
    if first is None or not AR.pattern("issued_from").fullmatch(doc.norm[start:first.norm_start]):
        return None
    after = doc.norm[first.norm_end:first.norm_end + _ISSUED_REACH].replace('"', " ").split()[:1]
    if not after or after[0] not in AR.words("issued_statements"):
        return None
    return Mention(first.norm_start, first.norm_end, first.entity, first.sentence, "issuer")


def continued_speaker(doc: Document, tokens: list[Token], i: int, inherited: Mention | None) -> Mention | None:
    """"وأضاف البيان أن ...", "وأكد أن ...", "وتابع: ...": a joined speech verb opening its sentence, with the
    statement or no one as its subject, goes on with the speaker the sentence before named (`inherited`)."""
    if i != 0 or not tokens:
        return None
    tok = tokens[0]
    if statement_anaphor(doc, tok):
        return _issuer_before(doc, tokens, inherited)
    if inherited is None:
        return None
    if tok.prefix[:1] in AR.words("conjunctions") and no_subject_after(doc, tokens, 0):
        return Mention(inherited.norm_start, inherited.norm_end, inherited.entity, inherited.sentence,
                       "previous-speaker")
    return None
