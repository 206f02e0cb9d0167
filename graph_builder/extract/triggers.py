"""The speech-act trigger scan: which words of a sentence open a speech act, and in which role.

Every word is read with its clitics peeled against the statement lexicon (lang/ar/statement_triggers.tsv) and
the verb-form analyser; a definite form names people ("المتهمين") unless a preposition governs it as a verbal
noun; a negated trigger makes no act; a claim under a denial verb, or read from the verb that declares war, is
none. The statement reader (extract/statements.py) takes the triggers from here.
"""
from __future__ import annotations

from functools import lru_cache

from graph_builder import lexicon
from graph_builder.document import StatementKind, Token
from graph_builder.extract.acts import Trigger, definite
from graph_builder.lang import AR
from graph_builder.resources import Resources
from graph_builder.text.morphology import verb_trigger
from graph_builder.text.tokens import peel

_DENIED_REACH = 10  # tokens from a denial verb to the claim noun it denies: its subject between


@lru_cache(maxsize=50_000)
def _lexicon_stem(word: str) -> bool:
    """Some reading of the word (clitics peeled) is in the speech-act lexicon."""
    table = lexicon.statement_triggers()
    return any(stem in table for _, stem in peel(word))


@lru_cache(maxsize=50_000)
def _may_trigger(word: str, prefix: str) -> bool:
    """The word may open a speech act (its article, a lexicon reading, a trigger verb): once per distinct word."""
    return definite(prefix) or _lexicon_stem(word) or verb_trigger(word) is not None


def speech_triggers(res: Resources, tokens: list[Token], sent_text: str) -> list[Trigger]:
    """The sentence's speech-act triggers in their roles (lang/ar/statement_triggers.tsv), negated ones left out."""
    table, negation = lexicon.statement_triggers(), res.cues["negation"]
    out = []
    for i, tok in enumerate(tokens):
        if not _may_trigger(tok.surface, tok.prefix):
            continue  # most words: no reading of them is in the lexicon (the test below, once per word)
        negated = any(t.surface in negation for t in tokens[max(0, i - 2):i]) or \
            (i > 0 and _negation(tokens[i - 1].surface, negation)) or \
            (i > 0 and tokens[i - 1].surface in AR.words("any_word"))  # "لم تصدر X أي إدانة"
        for prefix, stem in peel(tok.surface):
            trigs = table.get(stem)
            if not trigs:
                continue
            described = prefix[:1] in AR.words("coordinator") and any(t.role == "behind" for t in trigs)
            governed = (i > 0 and tokens[i - 1].surface in AR.words("noun_prepositions")) or \
                any(p in prefix for p in AR.words("noun_prefixes"))
            if definite(prefix) and not described and not (governed and any(t.role == "governed" for t in trigs)):
                break  # "المتهمين", "معاقبة المتورطين" name people; "المدعومين من إيران والضالعين في" describes them;
                # "سارعت X إلى التنصل من" is a governed verbal noun
            trigs = tuple(t for t in trigs if t.role != "governed" or governed)
            if not trigs:
                continue  # an ungoverned noun ("إدانة الأمم المتحدة للتفجير") is read as the analyser reads it
            if not negated:
                # a verb form after a preposition is its verbal noun ("سارعت X إلى نفي ...")
                # and so is one with a fused "ب/ل", which a verb never takes ("سارعت X بنفي استهدافها")
                nominal = (i > 0 and tokens[i - 1].surface in AR.words("noun_prepositions") and not prefix) or \
                    any(p in prefix for p in AR.words("noun_prefixes"))
                out.extend(Trigger(tok, StatementKind(t.kind), "noun" if (nominal and t.role == "verb") or
                                   t.role == "governed" else t.role)
                           for t in trigs if not t.requires or any(r in sent_text for r in t.requires))
            break
        else:
            found = None if negated or definite(tok.prefix) else verb_trigger(tok.surface)
            if found is not None:
                out.append(Trigger(tok, StatementKind(found[0]), "quoted" if found[1] else "verb"))
    return _without_denied_claims(tokens, out)


def _without_denied_claims(tokens: list[Token], triggers: list[Trigger]) -> list[Trigger]:
    """"نفت حركة النجباء تبنيها الهجوم": a claim that is the object of a denial verb a few words before is none;
    nor is one read from the verb that declares war or mobilisation ("أعلنت النفير العام ضد", a threat)."""
    where = {t.norm_start: i for i, t in enumerate(tokens)}
    denials = [where[t.token.norm_start] for t in triggers if t.kind is StatementKind.DENIAL and t.role == "verb"]
    threats = {t.token.norm_start for t in triggers if t.kind is StatementKind.THREAT}
    return [t for t in triggers if t.kind is not StatementKind.CLAIM or (t.token.norm_start not in threats and (
        t.role == "verb" or not any(0 < where[t.token.norm_start] - d <= _DENIED_REACH for d in denials)))]


def _negation(word: str, negation: frozenset[str]) -> bool:
    """A negation particle with a fused conjunction right before the trigger ("ولم يهدد", "فلا يدين"); one word
    further it negates the verb between ("ولم يُقنع نفي X ..." reports a denial)."""
    return word[:1] in AR.words("conjunctions") and word[1:] in negation
