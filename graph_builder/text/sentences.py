"""Sentence splitting tuned for Arabic news: lines first, then sentence-final punctuation.

Headlines and captions are lines without final punctuation; they stay separate sentences so a headline never
glues to the lead paragraph. Arabic news often omits the space after a full stop ("لإيران.وقال"), so a stop
followed directly by an Arabic letter also ends a sentence.
"""
from __future__ import annotations

import re

from graph_builder.document import Sentence

# A break after .!?؟… (optionally closing quotes/brackets) followed by whitespace or an Arabic letter.
_BREAK = re.compile(r"(?<!\d)[.!?؟…]+[\"')\]]*(?=\s|[\u0621-\u064a])|(?<=\d)[.!?؟]+(?=\s)")
_HEADLINE_MAX_WORDS = 18
MAX_SENTENCE_CHARS = 800  # longer "sentences" are run-on text (lists, tables, scraped junk): cut at a space


def _bounded(norm: str, spans: list[tuple[int, int, bool]]) -> list[tuple[int, int, bool]]:
    """Cut spans longer than MAX_SENTENCE_CHARS at the last space before the limit."""
    out = []
    for s, e, headline in spans:
        while e - s > MAX_SENTENCE_CHARS:
            cut = norm.rfind(" ", s + MAX_SENTENCE_CHARS // 2, s + MAX_SENTENCE_CHARS)
            cut = cut if cut > s else s + MAX_SENTENCE_CHARS
            out.append((s, cut, False))
            s = cut
        out.append((s, e, headline))
    return out


def split_sentences(norm: str, offsets: tuple[int, ...] | list[int]) -> list[Sentence]:
    """Split normalised text into sentences, returning spans in both normalised and original offsets."""
    spans: list[tuple[int, int, bool]] = []
    pos = 0
    for line in norm.split("\n"):
        line_start, line_end = pos, pos + len(line)
        pos = line_end + 1
        if not line.strip():
            continue
        stripped = line.rstrip()
        headline = not re.search(r"[.!?؟:…\"']$", stripped) and len(stripped.split()) <= _HEADLINE_MAX_WORDS
        start = line_start
        for m in _BREAK.finditer(line):
            end = line_start + m.end()
            spans.append((start, end, False))
            start = end
        spans.append((start, line_end, headline and start == line_start))
    sentences: list[Sentence] = []
    for s, e, headline in _bounded(norm, spans):
        while s < e and norm[s].isspace():
            s += 1
        while e > s and norm[e - 1].isspace():
            e -= 1
        if e - s < 2:
            continue
        sentences.append(Sentence(len(sentences), offsets[s], offsets[e - 1] + 1, s, e, headline))
    return sentences
