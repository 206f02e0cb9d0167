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

_ORDINALS = {"الاول": 1, "الثاني": 2, "الثالث": 3, "الرابع": 4, "الخامس": 5, "السادس": 6, "السابع": 7,
             "الثامن": 8, "التاسع": 9, "العاشر": 10}


@lru_cache(maxsize=1)
def _month_pattern() -> re.Pattern[str]:
    names = sorted(lexicon.months(), key=len, reverse=True)
    alt = "|".join(re.escape(n) for n in names)
    ordinal = "|".join(_ORDINALS)
    return re.compile(
        rf"(?:(?P<day>\d{{1,2}})|(?P<ord>{ordinal})\s+من)\s*(?:من\s+)?(?:شهر\s+)?(?P<month>{alt})"
        rf"(?:\s*[/\\-]\s*(?:{alt}))?(?:\s*(?:من\s+)?(?:عام\s+)?(?P<year>(?:19|20)\d\d))?"
    )


@lru_cache(maxsize=1)
def _weekday_pattern() -> re.Pattern[str]:
    alt = "|".join(re.escape(n) for n in sorted(lexicon.weekdays(), key=len, reverse=True))
    return re.compile(rf"(?<![\u0621-\u064a])(?:[وب]?)(?P<wd>{alt})(?![\u0621-\u064a])")


@lru_cache(maxsize=4096)
def _parse(day: int, month_name: str, year: int) -> date | None:
    """dateparser on the cleaned phrase ("17 اكتوبر 2023"); None when it is not a real date (30 فبراير)."""
    parsed = dateparser.parse(f"{day} {month_name} {year}", locales=["ar-IQ"],
                              settings={"REQUIRE_PARTS": ["day", "month", "year"]})
    return parsed.date() if parsed is not None else None


@lru_cache(maxsize=1)
def _month_only_pattern() -> re.Pattern[str]:
    names = sorted(lexicon.months(), key=len, reverse=True)
    alt = "|".join(re.escape(n) for n in names)
    return re.compile(rf"(?<![\u0621-\u064a])(?:شهر\s+)?(?P<month>{alt})(?![\u0621-\u064a])"
                      rf"(?:\s*[/\\-]\s*(?:{alt}))?\s*(?:(?:من\s+)?(?:عام\s+)?(?P<year>(?:19|20)\d\d)|(?P<past>الماضي))?")


def time_anchor(text: str) -> str | None:
    """The first explicit calendar expression in `text` ("17 نوفمبر", "مارس 2021"), even when unresolvable.

    Two reports with different anchors are different attacks, whether or not a year makes them dates.
    """
    m = _month_pattern().search(text)
    if m is not None:
        day = m.group("day") or str(_ORDINALS[m.group("ord")])
        return f"{int(day)} {lexicon.months()[m.group('month')]}"
    m = _month_only_pattern().search(text)
    if m is not None and (m.group("year") or m.group("past") or "شهر" in m.group(0)):
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
        day = int(m.group("day")) if m.group("day") else _ORDINALS[m.group("ord")]
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
    if not out and re.search(r"(?<![\u0621-\u064a])امس(?![\u0621-\u064a])", text):
        out.append(EventDate(published - timedelta(days=1), "day"))
    if not out and re.search(r"(?<![\u0621-\u064a])(اليوم|فجر اليوم|صباح اليوم)(?![\u0621-\u064a])", text):
        out.append(EventDate(published, "day"))
    return out


def find_dates(doc: Document, start: int, end: int) -> list[EventDate]:
    """Dates stated in doc.norm[start:end], explicit ones first."""
    text = doc.norm[start:end]
    found = _explicit(text, doc.raw.published)
    if not found and doc.raw.published is not None:
        found = _relative(text, doc.raw.published)
    return found
