"""Find reference entity names and nationality adjectives in normalised text (Aho-Corasick).

pyahocorasick matches inside words, so every hit is checked at both edges: it must end at a word end, and
whatever precedes it in the same word must be a proclitic sequence (و ف ب ل ك ال ...), e.g. `لإيران`,
`وواشنطن`, `بالحشد`. Names beginning with the article also match after `لل` (`للحشد` = ل + الحشد).
"""
from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import ahocorasick

from graph_builder.lang import AR
from graph_builder.text.normalize import normalize_name
from graph_builder.text.tokens import proclitics


@dataclass(frozen=True)
class Pattern:
    """What a gazetteer string stands for: an entity key, or a state key when `adjective` is set."""

    key: str
    adjective: bool = False
    hidden: bool = False


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    pattern: Pattern


class Gazetteer:
    """An automaton over normalised names; build once, match many documents."""

    def __init__(self) -> None:
        self._automaton = ahocorasick.Automaton()
        self._size = 0

    def add(self, name: str, pattern: Pattern) -> None:
        norm = normalize_name(name)
        if len(norm) < 2:
            return
        self._put(norm, pattern, needs_lam=False)
        article, lam = next(iter(AR.words("article_proclitic"))), next(iter(AR.words("lam")))
        if norm.startswith(article) and len(norm) > 3:
            self._put(lam + norm[len(article):], pattern, needs_lam=True)

    def _put(self, key: str, pattern: Pattern, needs_lam: bool) -> None:
        existing = self._automaton.get(key, None)
        entry = (len(key), needs_lam, pattern)
        if existing is None:
            self._automaton.add_word(key, [entry])
            self._size += 1
        elif all(p != pattern for _, _, p in existing):
            existing.append(entry)

    def add_all(self, names: Iterable[tuple[str, Pattern]]) -> Gazetteer:
        for name, pattern in names:
            self.add(name, pattern)
        self._automaton.make_automaton()
        return self

    def __len__(self) -> int:
        return self._size

    def find(self, norm: str) -> list[Hit]:
        """All edge-valid hits, overlapping ones included (the caller picks the longest).

        Quotes inside a name (`قاعدة "عين الأسد"`) do not break it: matching runs on a view of the text with
        quote marks and repeated spaces removed, and hits are mapped back to `norm` offsets.
        """
        if self._size == 0:
            return []
        view, back = _match_view(norm)
        hits: list[Hit] = []
        n = len(view)
        lam_prefixes, clitics = AR.words("lam_prefixes"), _proclitic_set()
        for end_index, entries in self._automaton.iter(view):
            end = end_index + 1
            if end < n and view[end].isalnum():  # tokens.is_word_char, inlined: once per automaton hit
                continue
            for length, needs_lam, pattern in entries:
                start = end - length
                word_start = start
                while word_start > 0 and view[word_start - 1].isalnum():
                    word_start -= 1
                prefix = view[word_start:start]
                if needs_lam:
                    if prefix not in lam_prefixes:
                        continue
                elif prefix and prefix not in clitics:
                    continue
                hits.append(Hit(back[start], back[end - 1] + 1, pattern))
        return hits


@functools.lru_cache(maxsize=1)
def _proclitic_set() -> frozenset[str]:
    """The proclitic sequences as a set: a hash lookup per hit instead of a scan of the ordered tuple."""
    return frozenset(proclitics())


@functools.lru_cache(maxsize=8)  # several gazetteers match the same text and its parts: view each once
def _match_view(norm: str) -> tuple[str, Sequence[int]]:
    """`norm` without quote marks and with single spaces, and the index of each kept character in `norm`.

    The index is a `range` when nothing is dropped, else a map through the few places where characters were
    dropped (two bisections per lookup): built from the dropped runs, not a Python step per character, and a
    few entries per document instead of one per character of a multi-MB one.
    """
    if '"' not in norm and "'" not in norm and "  " not in norm:
        return norm, range(len(norm) + 1)
    unquoted, first = _without(_QUOTES, 0, norm)  # the quotes, then all but the first space of each run
    view, second = _without(_SPACES, 1, unquoted)
    return view, _Back(first, second, len(view) + 1)


_QUOTES = re.compile("[\"']+")
_SPACES = re.compile("  +")


class _Shift:
    """Index in a text with runs cut out -> index in the text before: each kept stretch moved by what was cut
    before it."""

    __slots__ = ("shifts", "starts")

    def __init__(self) -> None:
        self.starts, self.shifts = [0], [0]

    def __call__(self, i: int) -> int:
        return i + self.shifts[bisect.bisect_right(self.starts, i) - 1]


def _without(pattern: re.Pattern[str], keep: int, text: str) -> tuple[str, _Shift]:
    """`text` with each match of `pattern` cut to its first `keep` characters, and the map back to `text`."""
    shift, cut = _Shift(), 0
    for m in pattern.finditer(text):
        cut += m.end() - m.start() - keep
        shift.starts.append(m.end() - cut)
        shift.shifts.append(cut)
    return pattern.sub(lambda m: m.group()[:keep], text), shift


class _Back(Sequence[int]):
    """The view's index back into `norm`, through both cuts (quotes, then repeated spaces)."""

    def __init__(self, first: _Shift, second: _Shift, size: int) -> None:
        self._first, self._second, self._size = first, second, size

    def __len__(self) -> int:
        return self._size

    def __getitem__(self, i: int) -> int:  # type: ignore[override]  # ints only: find() reads single indices
        if not -self._size <= i < self._size:
            raise IndexError(i)
        return self._first(self._second(i % self._size))


def longest_first(hits: list[Hit]) -> list[Hit]:
    """Non-overlapping hits, preferring longer spans, then earlier ones.

    The chosen spans never overlap, so kept sorted by start their ends are sorted too: only the chosen span
    starting last before a hit's end can overlap it (one bisection per hit instead of a scan of all chosen).
    """
    chosen: list[Hit] = []
    starts: list[int] = []
    ends: list[int] = []
    for hit in sorted(hits, key=lambda h: (-(h.end - h.start), h.start)):
        i = bisect.bisect_left(starts, hit.end)
        if i > 0 and ends[i - 1] > hit.start:
            continue
        chosen.append(hit)
        starts.insert(i, hit.start)
        ends.insert(i, hit.end)
    return sorted(chosen, key=lambda h: h.start)
