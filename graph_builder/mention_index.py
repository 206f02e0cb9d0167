"""`Document.mentions` as a list that keeps a position index of itself, so look-ups by offset stay cheap.

Extractors ask "is this span already covered?" or "which mention starts right here?" once per token or per
title. Scanning every mention for each question made a document's cost grow with the square of its size
(1 MB of text: ~20,000 mentions asked ~30 million times). The index is kept sorted by (start, insertion order),
which is the list's own order whenever it is sorted by start (every component sorts it so, stably), and is
updated in place on `append` and `remove`, the two mutations components use between questions; any other
mutation rebuilds it on the next question.
"""
from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, SupportsIndex

if TYPE_CHECKING:
    from graph_builder.document import Mention


class MentionList(list):  # list[Mention]: subclassing the generic alias would break isinstance(x, list) users
    """A list of mentions with `starting(lo, hi)` and `overlapping(start, end)` answered from an index."""

    def __init__(self, items: Iterable[Mention] = ()) -> None:
        super().__init__(items)
        self._keys: list[tuple[int, int]] | None = None  # (norm_start, sequence), sorted
        self._items: list[Mention] = []  # in the order of _keys
        self._key_of: dict[int, tuple[int, int]] = {}  # id(mention) -> its key
        self._next = 0
        self._longest = 0

    # -- index ------------------------------------------------------------------------------------------------

    def _invalidate(self) -> None:
        self._keys = None

    def _index(self) -> tuple[list[tuple[int, int]], list[Mention]]:
        if self._keys is None:
            order = sorted(range(len(self)), key=lambda i: (self[i].norm_start, i))
            self._keys = [(self[i].norm_start, i) for i in order]
            self._items = [self[i] for i in order]
            self._key_of = {id(m): k for m, k in zip(self._items, self._keys, strict=True)}
            self._next = len(self)
            self._longest = max((m.norm_end - m.norm_start for m in self), default=0)
        return self._keys, self._items

    def _insert(self, m: Mention) -> None:
        if self._keys is None:
            return
        key = (m.norm_start, self._next)
        self._next += 1
        i = bisect.bisect_right(self._keys, key)
        self._keys.insert(i, key)
        self._items.insert(i, m)
        self._key_of[id(m)] = key
        self._longest = max(self._longest, m.norm_end - m.norm_start)

    def starting(self, lo: int, hi: int) -> list[Mention]:
        """Mentions with lo <= norm_start < hi, by start, then in the order they were added."""
        keys, items = self._index()
        return items[bisect.bisect_left(keys, (lo, -1)):bisect.bisect_left(keys, (hi, -1))]

    def overlapping(self, start: int, end: int) -> Iterator[Mention]:
        """Mentions sharing at least one character with [start, end)."""
        keys, items = self._index()
        first = bisect.bisect_left(keys, (start - self._longest, -1))
        for i in range(first, bisect.bisect_left(keys, (end, -1))):
            if items[i].norm_end > start:
                yield items[i]

    # -- mutations --------------------------------------------------------------------------------------------

    def append(self, m: Mention) -> None:
        super().append(m)
        self._insert(m)

    def remove(self, m: Mention) -> None:
        # list.remove drops the first *equal* mention (dataclass equality), not necessarily `m` itself
        victim = self[self.index(m)]
        super().remove(m)
        if self._keys is not None:
            key = self._key_of.pop(id(victim), None)
            i = bisect.bisect_left(self._keys, key) if key is not None else len(self._keys)
            if i < len(self._keys) and self._items[i] is victim:
                del self._keys[i], self._items[i]
            else:
                self._invalidate()

    def sort(self, *args: Any, **kwargs: Any) -> None:  # same members: the index stays valid
        super().sort(*args, **kwargs)

    def extend(self, items: Iterable[Mention]) -> None:
        super().extend(items)
        self._invalidate()

    def insert(self, i: SupportsIndex, m: Mention) -> None:
        super().insert(i, m)
        self._invalidate()

    def pop(self, i: SupportsIndex = -1) -> Mention:
        self._invalidate()
        return super().pop(i)

    def clear(self) -> None:
        super().clear()
        self._invalidate()

    def __setitem__(self, i: Any, value: Any) -> None:
        super().__setitem__(i, value)
        self._invalidate()

    def __delitem__(self, i: Any) -> None:
        super().__delitem__(i)
        self._invalidate()

    def __iadd__(self, items: Iterable[Mention]) -> MentionList:  # type: ignore[override]
        self.extend(items)
        return self

    def __imul__(self, n: SupportsIndex) -> MentionList:  # type: ignore[override]
        super().__imul__(n)
        self._invalidate()
        return self
