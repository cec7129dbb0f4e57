"""Calendar arithmetic for parsed dates: Hijri to Gregorian, ISO weeks, weekdays of a month,
parts of months, and the interval of days a date mention covers.

The date reader (:mod:`factcheck.claims.dates`) turns text into dates with these, and the
reconciler compares two dates as the intervals of days :func:`day_interval` gives them, so
both read "mid-November" and "week 46" the same way.
"""

from __future__ import annotations

import calendar as _calendar
import datetime as _dt
import re
from functools import lru_cache

#: Days of a month each part of it covers (docs/parsing.md#dates): early 1-10, mid 11-20,
#: late 21 to the month's last day.
PART_DAYS = {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}

#: Hijri years the converter knows (the Umm al-Qura calendar of the ``hijridate`` package).
HIJRI_YEARS = (1343, 1500)


def month_length(year: int, month: int) -> int:
    return _calendar.monthrange(year, month)[1]


def hijri_to_gregorian(year: int, month: int | None = None, day: int | None = None) -> tuple[_dt.date, _dt.date] | None:
    """The first and last Gregorian day of a Hijri day, month or year (Umm al-Qura), or None
    outside the converter's years or for a day the month does not have.

    >>> [d.isoformat() for d in hijri_to_gregorian(1445, 9, 15)]
    ['2024-03-25', '2024-03-25']
    >>> [d.isoformat() for d in hijri_to_gregorian(1445, 9)]
    ['2024-03-11', '2024-04-09']
    >>> hijri_to_gregorian(1200) is None, hijri_to_gregorian(1445, 10, 30) is None
    (True, True)
    """
    from hijridate import Hijri  # imported on first use: most texts hold no Hijri date

    try:
        if day is not None:
            first = last = Hijri(year, month, day).to_gregorian()
        elif month is not None:
            start = Hijri(year, month, 1)
            first = start.to_gregorian()
            last = Hijri(year, month, start.month_length()).to_gregorian()
        else:
            first = Hijri(year, 1, 1).to_gregorian()
            end = Hijri(year, 12, 1)
            last = Hijri(year, 12, end.month_length()).to_gregorian()
    except (ValueError, OverflowError):
        return None
    return _dt.date(first.year, first.month, first.day), _dt.date(last.year, last.month, last.day)


def valid_hijri(year: int | None, month: int, day: int | None) -> bool:
    """Whether a Hijri day exists: a 30th in a month of 29 days does not. Without a year, or
    in a year the converter does not know, any day of 1 to 30 may."""
    if day is None:
        return True
    if not 1 <= day <= 30:
        return False
    if year is None or not HIJRI_YEARS[0] <= year <= HIJRI_YEARS[1]:
        return True
    return hijri_to_gregorian(year, month, day) is not None


def iso_week(day: _dt.date) -> str:
    """The ISO week of a day: ``2023-W46`` (weeks run Monday to Sunday; a week belongs to
    the year of its Thursday).

    >>> iso_week(_dt.date(2023, 11, 13)), iso_week(_dt.date(2024, 12, 30))
    ('2023-W46', '2025-W01')
    """
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def nth_weekday(year: int, month: int, weekday: int, n: int) -> _dt.date | None:
    """The ``n``-th ``weekday`` (Monday = 0) of a month; ``n = -1`` is its last. None when the
    month has no such day (a fifth Friday).

    >>> nth_weekday(2024, 7, 4, 1), nth_weekday(2024, 5, 0, -1), nth_weekday(2024, 2, 4, 5)
    (datetime.date(2024, 7, 5), datetime.date(2024, 5, 27), None)
    """
    if n < 0:
        last = _dt.date(year, month, month_length(year, month))
        return last - _dt.timedelta(days=(last.weekday() - weekday) % 7)
    first = _dt.date(year, month, 1)
    day = 1 + (weekday - first.weekday()) % 7 + 7 * (n - 1)
    return _dt.date(year, month, day) if day <= month_length(year, month) else None


_WEEK = re.compile(r"(\d{4})-W(\d{2})")


def _bounds(iso: str) -> tuple[_dt.date, _dt.date] | None:
    """The first and last day of an ISO date at any precision: a year, a month, a day, a week."""
    week = _WEEK.fullmatch(iso)
    try:
        if week:
            monday = _dt.date.fromisocalendar(int(week.group(1)), int(week.group(2)), 1)
            return monday, monday + _dt.timedelta(days=6)
        parts = [int(p) for p in iso.split("-")]
        if len(parts) == 1:
            return _dt.date(parts[0], 1, 1), _dt.date(parts[0], 12, 31)
        if len(parts) == 2:
            return _dt.date(parts[0], parts[1], 1), _dt.date(parts[0], parts[1], month_length(parts[0], parts[1]))
        day = _dt.date(parts[0], parts[1], parts[2])
        return day, day
    except ValueError:
        return None


@lru_cache(maxsize=4096)
def _interval(date: str, date_end: str | None, precision: str | None, part: str | None) -> tuple[_dt.date, _dt.date] | None:
    start = _bounds(date)
    if start is None:
        return None
    if precision == "range" and date_end:
        end = _bounds(date_end)
        return (start[0], end[1]) if end and end[1] >= start[0] else None
    if precision == "part_of_month" and part in PART_DAYS and len(date) == 7:
        lo, hi = PART_DAYS[part]
        first, last = start
        return first.replace(day=lo), last.replace(day=min(hi, last.day))
    return start


def day_interval(item: dict) -> tuple[_dt.date, _dt.date] | None:
    """The days a date mention (or a stored date claim) covers, first and last; None when it
    is unresolved (no ``date``, or two ``readings``) and so never compared.

    >>> day_interval({"date": "2023-11", "precision": "part_of_month", "part": "mid"})
    (datetime.date(2023, 11, 11), datetime.date(2023, 11, 20))
    >>> day_interval({"date": "2023-11-15", "date_end": "2023-11-17", "precision": "range"})[1]
    datetime.date(2023, 11, 17)
    >>> day_interval({"date": "2023-W46", "precision": "week"})
    (datetime.date(2023, 11, 13), datetime.date(2023, 11, 19))
    >>> day_interval({"date": None, "readings": ["2023-04-05", "2023-05-04"]}) is None
    True
    """
    date = item.get("date")
    if not date or item.get("readings"):
        return None
    return _interval(date, item.get("date_end"), item.get("precision"), item.get("part"))
