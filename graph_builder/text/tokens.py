"""Tokens of the normalised text, each with its proclitics peeled (و ف ب ل ك ال س and combinations).

Peeling is deliberately conservative: it proposes every split whose stem is still at least two letters long
and lets the lexicon lookups decide, since `وزير` (minister) and `و+زير` cannot be told apart without context.
"""
from __future__ import annotations

import re
from functools import lru_cache

from graph_builder.document import Token

WORD = re.compile(r"[\u0621-\u064a]+|[a-z]+|\d+")
ARABIC_LETTER = re.compile(r"[\u0621-\u064a]")

# Proclitic sequences in the order they may stack; "لل" is ل + ال with the alef dropped.
_CONJ = ("", "و", "ف")
_PREP = ("", "ب", "ل", "ك", "س")
_ART = ("", "ال")
PROCLITICS: tuple[str, ...] = tuple(
    sorted({c + p + a for c in _CONJ for p in _PREP for a in _ART if not (p == "س" and a)} | {"لل", "ولل", "فلل"},
           key=len, reverse=True)
)


def is_word_char(ch: str) -> bool:
    return ch.isalnum()


@lru_cache(maxsize=200_000)
def peel(word: str) -> tuple[tuple[str, str], ...]:
    """All (prefix, stem) readings of `word`, longest prefix first, the unsplit word last."""
    out = []
    for prefix in PROCLITICS:
        if prefix and word.startswith(prefix) and len(word) - len(prefix) >= 2:
            stem = word[len(prefix):]
            if prefix.endswith("لل"):
                stem = "ال" + stem
            out.append((prefix, stem))
    out.append(("", word))
    return tuple(out)


def tokenize(norm: str) -> list[Token]:
    """Word tokens of normalised text; `stem` is the reading with the longest plausible prefix removed."""
    tokens = []
    for m in WORD.finditer(norm):
        word = m.group()
        readings = peel(word) if ARABIC_LETTER.match(word) else (("", word),)
        prefix, stem = readings[0]
        tokens.append(Token(m.start(), m.end(), word, prefix, stem))
    return tokens
