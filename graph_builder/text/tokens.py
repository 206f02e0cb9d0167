"""Tokens of the normalised text, each with its proclitics peeled (و ف ب ل ك ال س and combinations).

Peeling is deliberately conservative: it proposes every split whose stem is still at least two letters long
and lets the lexicon lookups decide, since `وزير` (minister) and `و+زير` cannot be told apart without context.
"""
from __future__ import annotations

import re
from functools import lru_cache

from graph_builder.document import Token
from graph_builder.lang import AR

WORD = re.compile(r"[\u0621-\u064a]+|[a-z]+|\d+")
ARABIC_LETTER = re.compile(r"[\u0621-\u064a]")



@lru_cache(maxsize=1)
def proclitics() -> tuple[str, ...]:
    """Proclitic sequences (conjunction + preposition + article), longest first; "لل" is ل + ال without alef."""
    conj = ("", *sorted(AR.words("conjunction_proclitics")))
    prep = ("", *sorted(AR.words("preposition_proclitics")))
    art = ("", *sorted(AR.words("article_proclitic")))
    future = AR.words("future_prefix")
    forms = {c + p + a for c in conj for p in prep for a in art if not (p in future and a)}
    return tuple(sorted(forms | AR.words("lam_article"), key=lambda f: (-len(f), f)))


def is_word_char(ch: str) -> bool:
    return ch.isalnum()


@lru_cache(maxsize=200_000)
def peel(word: str) -> tuple[tuple[str, str], ...]:
    """All (prefix, stem) readings of `word`, longest prefix first, the unsplit word last."""
    out = []
    article = next(iter(AR.words("article_proclitic")))
    lam_article = AR.words("lam_article")
    for prefix in proclitics():
        if prefix and word.startswith(prefix) and len(word) - len(prefix) >= 2:
            stem = word[len(prefix):]
            if prefix in lam_article:
                stem = article + stem
            out.append((prefix, stem))
    out.append(("", word))
    return tuple(out)


_new = object.__new__


def _token(start: int, end: int, surface: str, prefix: str, stem: str) -> Token:
    """A Token equal to `Token(start, end, surface, prefix, stem)`, made without the frozen dataclass's
    `__init__` (one `object.__setattr__` per field): a document has one token per word, and that `__init__`
    was half the cost of tokenising."""
    token = _new(Token)
    token.__dict__.update(norm_start=start, norm_end=end, surface=surface, prefix=prefix, stem=stem)
    return token


@lru_cache(maxsize=200_000)
def reading(word: str) -> tuple[str, str]:
    """The (prefix, stem) a token of `word` takes: the longest peel of an Arabic word, none of a Latin or a number."""
    return peel(word)[0] if ARABIC_LETTER.match(word) else ("", word)


def tokenize(norm: str) -> list[Token]:
    """Word tokens of normalised text; `stem` is the reading with the longest plausible prefix removed."""
    tokens = []
    append = tokens.append
    for m in WORD.finditer(norm):
        word = m.group()
        prefix, stem = reading(word)
        start, end = m.span()
        append(_token(start, end, word, prefix, stem))
    return tokens
