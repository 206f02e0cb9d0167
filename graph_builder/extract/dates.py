"""Calendar dates of events: explicit dates ("17 أكتوبر/تشرين الأول 2023") and, when the publication date is
known, weekdays and "اليوم"/"أمس" resolved as the latest such day on or before publication.

The phrase is located with the month lexicon and cleaned (twin month names, ordinals, "الماضي") before
dateparser reads it, which it cannot do on raw news wording.
"""
from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache

import dateparser

from graph_builder import lexicon
from graph_builder.document import Document, EventDate
from graph_builder.lang import AR


def _ordinal(word: str) -> int:
    return int(AR.table("ordinal_days")[word])


def _month_pattern() -> re.Pattern[str]:
    return AR.pattern("day_month_year")


def _weekday_pattern() -> re.Pattern[str]:
    return AR.pattern("weekday")


@lru_cache(maxsize=4096)
def _parse(day: int, month_name: str, year: int) -> date | None:
    """dateparser on the cleaned phrase ("17 اكتوبر 2023"); None when it is not a real date (30 فبراير)."""
    parsed = dateparser.parse(f"{day} {month_name} {year}", locales=["ar-IQ"],
                              settings={"REQUIRE_PARTS": ["day", "month", "year"]})
    return parsed.date() if parsed is not None else None


def _month_only_pattern() -> re.Pattern[str]:
    return AR.pattern("month_only")


def time_anchor(text: str) -> str | None:
    """The first explicit calendar expression in `text` ("17 نوفمبر", "مارس 2021"), even when unresolvable.

    Two reports with different anchors are different attacks, whether or not a year makes them dates.
    """
    m = _month_pattern().search(text)
    if m is not None:
        day = m.group("day") or str(_ordinal(m.group("ord")))
        return f"{int(day)} {lexicon.months()[m.group('month')]}"
    m = _month_only_pattern().search(text)
    if m is not None and (m.group("year") or m.group("past") or any(w in m.group(0) for w in AR.words("month_word"))):
        return f"{lexicon.months()[m.group('month')]}/{m.group('year') or ''}"
    return None


def weekday_near(text: str, pos: int) -> int | None:
    """The ISO weekday an event word at `pos` is dated by: the first named after it ("بالهجوم الذي استهدف
    أربيل مساء أمس الاثنين"), else the nearest before it; the day a speaker spoke usually comes first."""
    days = [(m.start(), lexicon.weekdays()[m.group("wd")]) for m in _weekday_pattern().finditer(text)]
    after = [wd for at, wd in days if at >= pos]
    before = [wd for at, wd in days if at < pos]
    return after[0] if after else (before[-1] if before else None)


def _explicit(text: str, published: date | None) -> list[EventDate]:
    out = []
    for m in _month_pattern().finditer(text):
        day = int(m.group("day")) if m.group("day") else _ordinal(m.group("ord"))
        month = lexicon.months()[m.group("month")]
        year = int(m.group("year")) if m.group("year") else None
        if year is None:
            if published is None:
                continue
            year = published.year if (month, day) <= (published.month, published.day) else published.year - 1
        value = _parse(day, m.group("month"), year)
        if value is not None:
            out.append(EventDate(value, "day"))
    return out


def _relative(text: str, published: date) -> list[EventDate]:
    out = []
    for m in _weekday_pattern().finditer(text):
        wd = lexicon.weekdays()[m.group("wd")]
        back = (published.isoweekday() - wd) % 7
        out.append(EventDate(published - timedelta(days=back), "day"))
    if not out and AR.pattern("yesterday").search(text):
        out.append(EventDate(published - timedelta(days=1), "day"))
    if not out and AR.pattern("today").search(text):
        out.append(EventDate(published, "day"))
    return out


def find_dates(doc: Document, start: int, end: int) -> list[EventDate]:
    """Dates stated in doc.norm[start:end], explicit ones first."""
    text = doc.norm[start:end]
    found = _explicit(text, doc.raw.published)
    if not found and doc.raw.published is not None:
        found = _relative(text, doc.raw.published)
    return found
