"""The offset index behind Document.mentions (mention_index.py) answers exactly like the scans it replaced."""
from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from graph_builder.document import Entity, EntityKind, Mention
from graph_builder.mention_index import MentionList

_ENTITY = Entity("e", EntityKind.PLACE, "مكان")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["append", "remove", "sort", "query", "extend"]),
                          st.integers(0, 60), st.integers(1, 12)), max_size=60))
def test_offset_index_answers_like_a_scan(ops: list[tuple[str, int, int]]) -> None:
    mentions, rng = MentionList(), random.Random(len(ops))
    for op, start, length in ops:
        if op == "append":
            mentions.append(Mention(start, start + length, _ENTITY, 0))
        elif op == "extend":
            mentions.extend([Mention(start, start + length, _ENTITY, 0)])
        elif op == "remove" and mentions:
            mentions.remove(rng.choice(mentions))
        elif op == "sort":
            mentions.sort(key=lambda m: m.norm_start)
        lo, hi = start, start + length
        scan = sorted((m for m in mentions if lo <= m.norm_start < hi), key=lambda m: m.norm_start)
        assert [id(m) for m in mentions.starting(lo, hi)] == [id(m) for m in scan]
        overlap = {id(m) for m in mentions if m.norm_start < hi and lo < m.norm_end}
        assert {id(m) for m in mentions.overlapping(lo, hi)} == overlap
