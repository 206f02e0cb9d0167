"""Arabic normalisation that remembers where every character came from.

Matching needs one spelling per word (hamza forms, taa marbuta, Persian letters, diacritics), while evidence must
quote the original. `normalize` returns the normalised string and, for each of its characters, the index of the
original character; a final entry maps the end of the string.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_DROP = frozenset(
    [chr(c) for c in range(0x0610, 0x061B)]
    + [chr(c) for c in range(0x064B, 0x0660)]
    + ["\u0670", "\u0640"]
    + [chr(c) for c in range(0x06D6, 0x06EE)]
    + ["\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\ufeff", "\u00ad", "\u061c"]
    + [chr(c) for c in range(0x202A, 0x202F)]
    + [chr(c) for c in range(0x2066, 0x206A)]
)

_MAP = {
    "إ": "ا", "أ": "ا", "آ": "ا", "ٱ": "ا",
    "ى": "ي", "ی": "ي", "ي": "ي", "ئ": "ي",
    "ة": "ه", "ۀ": "ه", "ە": "ه",
    "ؤ": "و",
    "ک": "ك", "گ": "ك",
    "“": '"', "”": '"', "«": '"', "»": '"', "„": '"', "‟": '"', "″": '"',
    "‘": "'", "’": "'", "‚": "'", "`": "'",
    "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\t": " ", "\r": " ",
    "–": "-", "—": "-", "ـ": "",
    "٪": "%", "٫": ".", "٬": ",",
}
_MAP.update({chr(0x0660 + i): str(i) for i in range(10)})  # Arabic-Indic digits
_MAP.update({chr(0x06F0 + i): str(i) for i in range(10)})  # Persian digits

# Same-length rewrites applied after the character map (so offsets stay aligned one to one).
_REWRITES = (("اميرك", "امريك"),)


@dataclass(frozen=True)
class Normalized:
    text: str
    offsets: tuple[int, ...]  # len(text) + 1 entries


def normalize_char(ch: str) -> str:
    """The normalised form of one character ('' when it is dropped)."""
    if ch in _DROP:
        return ""
    mapped = _MAP.get(ch)
    if mapped is not None:
        return mapped
    return ch.lower() if "A" <= ch <= "Z" else ch


# `normalize_char` as a `str.translate` table (every character it changes), and the characters it drops: the
# normalised text is one C-level pass, and the offset map is the runs between dropped characters.
_CHANGED = sorted({*_DROP, *_MAP, *map(chr, range(ord("A"), ord("Z") + 1))})
_TABLE = {ord(ch): normalize_char(ch) or None for ch in _CHANGED}
assert all(v is None or len(v) == 1 for v in _TABLE.values()), "a one-to-one offset map needs 1-char rewrites"
_DROPPED = re.compile("[" + "".join(re.escape(ch) for ch in _CHANGED if not normalize_char(ch)) + "]+")


def normalize(text: str) -> Normalized:
    """Normalise `text` and return it with the offset map back to `text`."""
    norm = text.translate(_TABLE)
    if len(norm) == len(text):  # nothing dropped: every character stays where it was
        offsets: tuple[int, ...] = tuple(range(len(text) + 1))
    else:
        kept: list[int] = []
        at = 0
        for m in _DROPPED.finditer(text):
            kept.extend(range(at, m.start()))
            at = m.end()
        kept.extend(range(at, len(text) + 1))
        offsets = tuple(kept)
    for old, new in _REWRITES:
        if old in norm:
            norm = norm.replace(old, new)
    return Normalized(norm, offsets)


_SPACES = re.compile(r"\s+")


def normalize_name(name: str) -> str:
    """Normalise a gazetteer name: as text, plus collapsed spaces and no punctuation at the edges."""
    return _SPACES.sub(" ", normalize(name).text).strip(" \"'().,،-")
