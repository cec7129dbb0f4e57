"""Calendar dates in Arabic and English news text.

:func:`extract_dates` finds explicit dates (ISO, numeric, month names in the Egyptian/Gulf
family يناير..ديسمبر, the Levantine/Iraqi family كانون الثاني..كانون الأول, the Maghreb
spellings, English full and abbreviated names), ranges of days, months and years, parts of
months, years introduced by a year cue, seasons, Hijri dates (converted to the Gregorian
calendar), weekdays, weekdays of a month ("the first Friday of July"), days of the month
("on the 15th") and deictic words (أمس, الأسبوع الماضي, yesterday, last week, two days ago ...).

Month and weekday names come from CLDR through babel; :data:`EXTRA_MONTH_SPELLINGS` adds the
spellings CLDR lacks. Calendar arithmetic (Hijri conversion, ISO weeks, the days a date
covers) is in :mod:`factcheck.claims.calendar_math`.

Finding and reading are two steps held as data: :data:`RULES` lists every written form as a
named :class:`DateRule` with an explicit priority, whose pattern finds the span and whose
reader turns the match into a mention (or declines it); :class:`_Timeline` then resolves
each mention, in text order, against what the text said before it and the moment of writing.

docs/parsing.md#dates is the reference for how each form reads. The choices a reader of this
code must keep in mind:

- Precision is what the text gives: "2023", "2023-11", "2023-11-17"; a week "2023-W46"; a
  "range" from ``date`` to ``date_end``; a "part_of_month" (``part`` early, mid or late).
- Bare numbers are years only after a year cue (عام/سنة/year, or في/منذ/حتى/خلال/بحلول/قبل/
  بعد/in/since/by/until/during/before/after, a month, a season or a modifier), never alone;
  a counted noun or a unit after one makes it a count ("في 2000 مدينة", "in 2000 cities").
- A day and month without a year take their year from, in order: the nearest explicit date
  before them in the text that has a month (the year that puts them closest to it), unless
  it stands in an earlier paragraph, or that year would put them more than a month before
  it, and ``reference`` is known (a news story's bare month is of the time of writing; the
  dated flashback was the paragraph's, and a narrative moves forward); else
  ``reference`` (``resolved_from=reference_origin``); else the nearest year-only date before
  them; else they stay ``date=None``, ``resolved_from="unresolved"``. (A year-only mention is
  often a flashback: "paid $1.9m in 2016 ... shares rose on Nov. 20".)
- A weekday right before an explicit date ("يوم الجمعة الموافق 17 نوفمبر") is part of that one
  mention. A weekday on its own resolves against the nearest explicit day before it, unless
  a blank line stands between them and ``reference`` is known, as the first such weekday on or
  after it (a narrative moves forward); without one, against
  ``reference`` as the nearest such weekday on or before it (a report looks back). An in-text
  result later than ``reference`` falls back to the reference rule.
- Deictic words (today, last week, two days ago) are relative to the moment of writing, so
  they resolve against ``reference`` only; unresolved, their precision is their own unit.
- Numeric dates: year first is y-m-d; otherwise the locale orders day and month, else an
  Arabic-script context reads day first, else a date valid both ways stays unresolved with
  both ``readings``.
"""

from __future__ import annotations

import dataclasses

import datetime as _dt
from bisect import bisect_left
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable

from babel import Locale, UnknownLocaleError
from babel.dates import get_date_format, get_day_names, get_month_names

from factcheck.claims.calendar_math import hijri_to_gregorian, iso_week, nth_weekday, valid_hijri
from factcheck.claims.model import DateMention
from factcheck.claims.modality import Cues, mark
from factcheck.claims.numbers import SCALE_WORDS, is_arabic
from factcheck.text.normalize import FOLDED_MARK, FOLDED_MARKS_CLASS, fold_for_patterns, fuzzy_pattern, normalize_word

# --------------------------------------------------------------------------------------------
# Name tables
# --------------------------------------------------------------------------------------------

# CLDR locales whose wide month names are read: the Egyptian/Gulf family (ar), the Levantine
# and Iraqi family (ar_SY), and the Maghreb spellings (ar_MA, ar_DZ).
_MONTH_LOCALES = ("ar", "ar_SY", "ar_MA", "ar_DZ")

#: Spellings seen in news that CLDR does not list.
EXTRA_MONTH_SPELLINGS = {
    4: ["إبريل"],
    5: ["مايو", "ماي"],
    6: ["يونيه", "جوان"],
    7: ["يوليه", "جويلية", "يوليوز"],
    8: ["اغسطس", "أغسطس"],
    9: ["سبتمبر"],
    1: ["كانون ثاني"],
    10: ["تشرين أول"],
    11: ["تشرين ثاني"],
    12: ["كانون أول"],
}

#: Month names that are also ordinary words ("آب" father, "مارس" practised, "ماي"): only read
#: next to a day or a year, never after a bare cue ("في مارس" is still read: "في" + verb is rare).
_AMBIGUOUS_BARE_MONTHS = {normalize_word(w) for w in ("آب", "ماي", "جوان", "أوت")}

HIJRI_MONTHS = {
    1: ["محرم"], 2: ["صفر"], 3: ["ربيع الأول"], 4: ["ربيع الآخر", "ربيع الثاني"],
    5: ["جمادى الأولى", "جمادى الأول"], 6: ["جمادى الآخرة", "جمادى الثانية", "جمادى الآخر"],
    7: ["رجب"], 8: ["شعبان"], 9: ["رمضان"], 10: ["شوال"],
    11: ["ذو القعدة", "ذي القعدة"], 12: ["ذو الحجة", "ذي الحجة"],
}
# English transliterations as wire copy writes them (read only with a day or a year, like the Arabic).
HIJRI_MONTHS_EN = {
    1: ["Muharram"], 2: ["Safar"], 3: ["Rabi al-Awwal", "Rabi' al-Awwal", "Rabi ul-Awwal", "Rabi al-Awal"],
    4: ["Rabi al-Thani", "Rabi' al-Thani", "Rabi al-Akhir", "Rabi' al-Akhir", "Rabi ul-Akhir"],
    5: ["Jumada al-Ula", "Jumada al-Awwal", "Jumada al-Oula"], 6: ["Jumada al-Akhirah", "Jumada al-Akhira", "Jumada al-Thani"],
    7: ["Rajab"], 8: ["Shaaban", "Sha'ban", "Shaban"], 9: ["Ramadan", "Ramadhan"], 10: ["Shawwal"],
    11: ["Dhu al-Qadah", "Dhu al-Qa'dah", "Dhul Qadah", "Dhul-Qadah", "Dhu al-Qi'dah"],
    12: ["Dhu al-Hijjah", "Dhu al-Hijja", "Dhul Hijjah", "Dhul-Hijjah", "Dhu'l-Hijjah"],
}

SEASONS = ["صيف", "شتاء", "ربيع", "خريف", "summer", "winter", "spring", "autumn", "fall"]
#: Words that name a part of a month (or of a year), by the part they name: a month's early
#: part is its days 1-10, mid 11-20, late 21 to the end (calendar_math.PART_DAYS).
PART_WORDS = {
    "early": ["أوائل", "مطلع", "بداية", "early", "the beginning of", "the start of", "beginning of", "start of"],
    "mid": ["منتصف", "أواسط", "mid", "the middle of", "middle of"],
    "late": ["أواخر", "نهاية", "late", "the end of", "end of"],
}
MODIFIERS = [w for words in PART_WORDS.values() for w in words]
_PART = {" ".join(normalize_word(w).split()): part for part, words in PART_WORDS.items() for w in words}

_AR_MONTHS: dict[str, int] = {}
for _loc in _MONTH_LOCALES:
    for _ctx in ("format", "stand-alone"):
        for _n, _name in get_month_names("wide", _ctx, locale=_loc).items():
            _AR_MONTHS[normalize_word(_name)] = _n
for _n, _names in EXTRA_MONTH_SPELLINGS.items():
    for _name in _names:
        _AR_MONTHS[normalize_word(_name)] = _n

_EN_MONTHS: dict[str, int] = {}
for _n, _name in get_month_names("wide", locale="en").items():
    _EN_MONTHS[_name] = _n
for _n, _name in get_month_names("abbreviated", locale="en").items():
    _EN_MONTHS[_name] = _n
_EN_MONTHS["Sept"] = 9

_HIJRI: dict[str, int] = {
    normalize_word(n): m for table in (HIJRI_MONTHS, HIJRI_MONTHS_EN) for m, ns in table.items() for n in ns
}

# weekday numbers follow datetime.weekday(): Monday = 0
_AR_WEEKDAYS = {normalize_word(n): d for d, n in get_day_names("wide", locale="ar").items()}
_EN_WEEKDAYS = dict((n, d) for d, n in get_day_names("wide", locale="en").items())

#: First words of month names (normalised), for readers that must not take "17 نوفمبر" as a
#: count: Gregorian, Levantine, Maghreb and Hijri, Arabic and English.
MONTH_WORDS = frozenset(
    {k.split()[0] for k in _AR_MONTHS}
    | {k.lower() for k in _EN_MONTHS}
    | {k.split()[0] for k in _HIJRI if k.split()[0] not in ("صفر",)}
)
#: Words that put a following number in the calendar: seasons, modifiers, weekdays.
DATE_CONTEXT_WORDS = frozenset(
    {normalize_word(w) for w in SEASONS + MODIFIERS if " " not in w}
    | set(_AR_WEEKDAYS)
    | {w.lower() for w in _EN_WEEKDAYS}
)

# --------------------------------------------------------------------------------------------
# Patterns
# --------------------------------------------------------------------------------------------

# The date patterns run on the text folded one character for one
# (:func:`factcheck.text.normalize.fold_for_patterns`: ASCII digits, each letter variant as
# its key letter, each mark as one mark), so a pattern holds a letter where it held a class
# of variants and one of marks (the months of both families in every rule): they compile in
# about 0.2 s instead of 2 to 3, a cost each process pays for the text it reads first.
_M = FOLDED_MARKS_CLASS
_B = r"(?<![^\W\d_])"  # not preceded by a letter
_E = rf"(?![^\W\d_]|{FOLDED_MARK})"  # not followed by a letter, nor by a mark on one («2023 مَن»: not the era's م)


def _fuzzy(phrase: str) -> str:
    return fuzzy_pattern(phrase, folded=True)


def _alt(names, fuzzy=True) -> str:
    names = sorted(set(names), key=lambda s: (-len(s), s))  # longest first; ties in one order on every run
    return "(?:" + "|".join(_fuzzy(n) if fuzzy else re.escape(n) for n in names) + ")"


# A full stop belongs to an abbreviated name ("Nov. 17"), not to a full one ending a sentence.
_EN_FULL_MONTHS = set(get_month_names("wide", locale="en").values())
_EN_MONTH_ALT = (
    "(?:"
    + "|".join(
        f"(?:{re.escape(n)}|{re.escape(n.upper())})" + ("" if n in _EN_FULL_MONTHS else r"\.?")
        for n in sorted(_EN_MONTHS, key=lambda s: -len(s))
    )
    + ")"
)
_AR_MONTH_ALT = _alt(_AR_MONTHS)
_MONTH_NAME = rf"(?:{_AR_MONTH_ALT}|{_EN_MONTH_ALT}){_E}"


def _month(group: str = "mon") -> str:
    """A month's name in group ``group``. Arabic news often names the month in both families:
    "أكتوبر/تشرين الأول", "نوفمبر (تشرين الثاني)"."""
    return (
        rf"(?P<{group}>{_AR_MONTH_ALT}|{_EN_MONTH_ALT}){_E}"
        rf"(?:\s*/\s*{_MONTH_NAME}|\s*\(\s*{_MONTH_NAME}\s*\))?"
    )


_MONTH = _month()
_CLITIC = rf"(?:[وفبل]{_M})?"  # one proclitic before a name, outside the quote
_DAY = r"(?P<d>\d{1,2})(?!\d)"
_DAY2 = r"(?P<d2>\d{1,2})(?!\d)"
_YEAR = r"(?P<y>\d{4})(?!\d)"
_YEAR2 = r"(?P<y2>\d{4})(?!\d)"
_AD = rf"(?:\s*م{_M}{_E})?"
_AH = rf"(?:\s*ه{_M}{_E}|\s+A\.?H\.?(?![^\W\d_]))?"  # "1445هـ", "1445 AH": the Hijri era  # "2016م": Gregorian era suffix
_YEAR_NOUN = _fuzzy("عام") + "|" + _fuzzy("سنة")
_MOD = _alt(MODIFIERS)
_MOD_SEP = r"(?:\s+|-)"  # "mid November", "mid-November"
_SEASON = _alt(SEASONS)
_WD_AR = _alt(_AR_WEEKDAYS)
_WD_EN = "(?:" + "|".join(_EN_WEEKDAYS) + ")"
_WEEKDAY = rf"(?:(?:{_fuzzy('يوم')}|{_fuzzy('أيام')})\s+)?(?:{_WD_AR}|{_WD_EN})"

_ORD = r"(?:st|nd|rd|th)?"

#: Arabic ordinal day words: "الثالث من نوفمبر", "الحادي والعشرين من مارس".
_ORD_UNITS = ["الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع"]
ORDINAL_DAYS: dict[str, int] = {}
for _i, _w in enumerate(_ORD_UNITS, start=1):
    ORDINAL_DAYS[_w] = _i
    if _i > 1:
        ORDINAL_DAYS[f"{_w} عشر"] = 10 + _i
    ORDINAL_DAYS[f"{_w} والعشرين"] = 20 + _i
ORDINAL_DAYS.update({
    "العاشر": 10, "الحادي عشر": 11, "العشرين": 20, "الثلاثين": 30, "الحادي والعشرين": 21,
    "الواحد والعشرين": 21, "الحادي والثلاثين": 31, "الواحد والثلاثين": 31,
})
del ORDINAL_DAYS["الأول والعشرين"]
_ORDINAL_INDEX = {" ".join(normalize_word(k).split()): v for k, v in ORDINAL_DAYS.items()}

class _LazyPattern:
    """A regular expression compiled on first use. The date patterns (every month and weekday
    name in both scripts) take about 0.2 s to compile, on folded text (2 to 3 s when each
    letter was a class of its variants and marks): commands that read no text
    (``sources``, ``review``, a ``check`` of unchanged files) should not pay it."""

    __slots__ = ("_args", "_compiled")

    def __init__(self, *args):
        self._args = args
        self._compiled: re.Pattern | None = None

    def __getattr__(self, name: str):
        if self._compiled is None:
            self._compiled = re.compile(*self._args)
        return getattr(self._compiled, name)


def _lazy_compile(*args) -> re.Pattern:
    return _LazyPattern(*args)  # type: ignore[return-value]


#: Words that point a month or weekday without a year to the past or the future of the moment
#: of writing: "يناير الماضي", "الجمعة المقبلة", "last Tuesday", "next March".
PAST_WORDS = ["الماضي", "الماضية", "المنصرم", "المنصرمة", "الفائت", "الفائتة", "last"]
FUTURE_WORDS = ["المقبل", "المقبلة", "القادم", "القادمة", "next"]
_DIRECTION = {normalize_word(w): -1 for w in PAST_WORDS} | {normalize_word(w): 1 for w in FUTURE_WORDS}
_AR_DIR = _alt([w for w in PAST_WORDS + FUTURE_WORDS if is_arabic(w)])
_EN_DIR = r"(?:[Ll]ast|[Nn]ext)"
# Deictic words: (pattern, unit, offset in units). The longest phrase wins ("أمس الأول" over "أمس").
_RELATIVE_TABLE: list[tuple[str, str, int]] = [
    ("أمس الأول", "day", -2), ("أول أمس", "day", -2), ("أول من أمس", "day", -2),
    ("the day before yesterday", "day", -2), ("بعد غد", "day", 2),
    ("أمس", "day", -1), ("الأمس", "day", -1), ("البارحة", "day", -1), ("yesterday", "day", -1),
    ("الليلة الماضية", "day", -1), ("ليلة أمس", "day", -1), ("last night", "day", -1),
    ("اليوم", "day", 0), ("today", "day", 0), ("غدا", "day", 1), ("tomorrow", "day", 1),
    ("العام الماضي", "year", -1), ("السنة الماضية", "year", -1), ("العام المنصرم", "year", -1),
    ("العام الفائت", "year", -1), ("last year", "year", -1),
    ("العام المقبل", "year", 1), ("العام القادم", "year", 1), ("السنة المقبلة", "year", 1),
    ("السنة القادمة", "year", 1), ("next year", "year", 1),
    ("هذا العام", "year", 0), ("العام الحالي", "year", 0), ("العام الجاري", "year", 0),
    ("هذه السنة", "year", 0), ("this year", "year", 0),
    ("الشهر الماضي", "month", -1), ("last month", "month", -1), ("الشهر المقبل", "month", 1),
    ("الشهر القادم", "month", 1), ("next month", "month", 1), ("هذا الشهر", "month", 0),
    ("الشهر الحالي", "month", 0), ("الشهر الجاري", "month", 0), ("this month", "month", 0),
    ("الأسبوع الماضي", "week", -1), ("الأسبوع المنصرم", "week", -1), ("الأسبوع الفائت", "week", -1),
    ("last week", "week", -1), ("هذا الأسبوع", "week", 0), ("الأسبوع الجاري", "week", 0),
    ("الأسبوع الحالي", "week", 0), ("this week", "week", 0), ("الأسبوع المقبل", "week", 1),
    ("الأسبوع القادم", "week", 1), ("next week", "week", 1),
]
#: "two days ago", «قبل ثلاثة أيام», «منذ يومين»: counts and units of time before the moment of
#: writing. Arabic writes two of a unit as its dual («يومين»), three to ten before its plural.
AGO_UNITS = {
    "day": ["day", "days", "يوم", "أيام", "يوما"],
    "week": ["week", "weeks", "أسبوع", "أسابيع", "أسبوعا"],
    "month": ["month", "months", "شهر", "أشهر", "شهور", "شهرا"],
    "year": ["year", "years", "عام", "أعوام", "سنة", "سنوات", "عاما"],
}
AGO_DUALS = {"يومين": "day", "أسبوعين": "week", "شهرين": "month", "عامين": "year", "سنتين": "year"}
AGO_COUNTS = {
    1: ["a", "an", "one"], 2: ["two"], 3: ["three", "ثلاثة", "ثلاث"], 4: ["four", "أربعة", "أربع"],
    5: ["five", "خمسة", "خمس"], 6: ["six", "ستة", "ست"], 7: ["seven", "سبعة", "سبع"],
    8: ["eight", "ثمانية", "ثماني", "ثمان"], 9: ["nine", "تسعة", "تسع"], 10: ["ten", "عشرة", "عشر"],
    11: ["eleven"], 12: ["twelve"],
}
_AGO_UNIT = {normalize_word(w): u for u, ws in AGO_UNITS.items() for w in ws} | {normalize_word(w): u for w, u in AGO_DUALS.items()}
_AGO_COUNT = {normalize_word(w): n for n, ws in AGO_COUNTS.items() for w in ws}
_RELATIVE_INDEX = {normalize_word(p): (u, o) for p, u, o in _RELATIVE_TABLE}
#: Days told from the day the text last gave (not from the moment of writing): "the next day",
#: «في اليوم السابق», "the same day". (phrase, offset in days)
ANAPHORIC_DAYS: list[tuple[str, int]] = [
    ("the previous day", -1), ("the preceding day", -1), ("a day earlier", -1), ("the day before", -1),
    ("the next day", 1), ("the following day", 1), ("a day later", 1), ("the same day", 0), ("that same day", 0),
    ("اليوم السابق", -1), ("اليوم الذي سبقه", -1), ("اليوم التالي", 1), ("اليوم الموالي", 1), ("اليوم اللاحق", 1),
    ("اليوم نفسه", 0), ("اليوم ذاته", 0), ("نفس اليوم", 0), ("ذات اليوم", 0),
]
_ANAPHORIC_INDEX = {" ".join(normalize_word(p).split()): o for p, o in ANAPHORIC_DAYS}
# "the day before" names a day only where nothing follows that it is the day before ("the day
# before the vote" is told from the vote)
_ANAPHORIC_RE = _lazy_compile(
    rf"{_B}{_CLITIC}(?P<q>{_alt([p for p, _ in ANAPHORIC_DAYS])}){_E}"
    r"(?!(?<=before)\s+(?!and\b|but\b|when\b|as\b|after\b)[^\W\d_])",  # "the day before" ends its phrase
    re.IGNORECASE,
)
_RELATIVE_RE = _lazy_compile(
    rf"{_B}{_CLITIC}(?P<q>(?:(?P<wpre>{_EN_DIR})\s+)?{_WEEKDAY}(?:\s+(?P<wpost>{_AR_DIR}))?"
    rf"|{_alt([p for p, _, _ in _RELATIVE_TABLE])}){_E}"
)
# "اليوم" is "today" only when it is not "the day" of a phrase: not followed by an adjective
# or relative (اليوم السابق، اليوم الذي), not after a demonstrative or "في"/"per" (في اليوم).
_NOT_TODAY_AFTER = _lazy_compile(rf"\s+(?:ال|{_fuzzy('نفسه')}|{_fuzzy('ذاته')}|\d)")
_NOT_TODAY_BEFORE = _lazy_compile(
    rf"{_B}(?:{_alt(['ذلك', 'هذا', 'ذات', 'نفس', 'في', 'طوال', 'كل', 'منتصف', 'نهاية', 'بداية'])})\s+\Z"
)
_WEEKDAY_BEFORE = _lazy_compile(
    rf"(?P<w>{_B}{_WEEKDAY})\s*[,،]?\s*(?:(?:{_alt(['الموافق', 'الموافقة', 'المصادف', 'المصادفة'])}"
    r"|the)\s+)?\Z"
)
_WEEKDAY_NAME = _lazy_compile(rf"{_WD_AR}|{_WD_EN}")


@dataclass
class _Found:
    start: int
    end: int
    kind: str  # "explicit", "weekday", "relative", "day_of_month", "anaphoric"
    precision: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    calendar: str = "gregorian"
    weekday: int | None = None
    rel_unit: str | None = None
    rel_offset: int = 0
    direction: int = 0  # -1 "الماضي"/"last", +1 "المقبل"/"next": before or after the moment of writing
    last: tuple[int | None, int | None, int | None] | None = None  # a range's last (year, month, day) as written
    part: str | None = None  # "early", "mid", "late": a part of the month
    orders: tuple[tuple[int, int], ...] = ()  # a numeric date's valid (month, day) readings, day first first
    nth: tuple[int, int] | None = None  # (n, weekday): "the first Friday" (1, 4); "the last" is n = -1
    month_of: str = "text"  # a day without a month: the month of the "text" or of the moment of "writing"


# A definite noun right before an ordinal makes it that noun's ordinal (الأسبوع الثاني).
#: Nouns of a stretch of time an ordinal after them counts ("الأسبوع الثاني من نوفمبر" is the
#: second week, "العشر الأواخر" the last ten nights); after any other definite noun the ordinal
#: is the day: «عيد الأضحى العاشر من ذي الحجة», «اليوم العاشر من رمضان».
PERIOD_NOUNS = ["أسبوع", "أسابيع", "ربع", "نصف", "ثلث", "عشر", "عشرة", "أيام", "ليلة", "ليالي", "شهر", "عام", "سنة", "دورة", "جولة", "مرحلة"]
_DEFINITE_BEFORE = _lazy_compile(rf"(?<![^\W\d_])(?:[وفبل]{_M})?ال(?:{_alt(PERIOD_NOUNS)}){_M}\s+\Z")


def _month_number(raw: str) -> int | None:
    raw = raw.rstrip(".")
    if raw in _EN_MONTHS or raw.title() in _EN_MONTHS:
        return _EN_MONTHS.get(raw) or _EN_MONTHS[raw.title()]
    return _AR_MONTHS.get(" ".join(normalize_word(raw).split()))


#: a two-digit year below this is of the 2000s ("21" is 2021), from it of the 1900s ("98")
TWO_DIGIT_PIVOT = 69


def _century(yy: int) -> int:
    return 2000 + yy if yy < TWO_DIGIT_PIVOT else 1900 + yy


def _valid(y: int | None, m: int, d: int | None) -> bool:
    if not 1 <= m <= 12:
        return False
    if d is None:
        return True
    try:
        _dt.date(y if y else 2000, m, d)  # 2000 is a leap year: 29 February stays possible
    except ValueError:
        return False
    return True


#: Counted nouns that, right after a bare four-digit number, make it a count and not a year
#: ("في 2000 مدينة", "in 2000 cities"). Arabic feminine nouns (ending in ة, which no verb
#: does) are recognised by their shape unless a preposition is written on them (بنسبة); unit
#: words (durations, currencies, percent, scales) by the quantity reader's tables.
COUNT_NOUNS = (
    "شخص قتيل جريح طفل مدني جندي عسكري مقاتل موظف عامل منزل مسكن مبنى طن برميل لاجئ نازح "
    "مهاجر طالب تلميذ زائر سائح مشارك مستخدم نائب صوت مقعد سهم مشروع مصنع مستشفى كيلومتر متر "
    "هكتار فدان ميغاواط صاروخ مسافر متظاهر معتقل أسير سجين مريض حاج مواطن مقيم جهاز هاتف عضو "
    "فرد رجل منصب موقع مركز حساب "
    "people persons cities towns villages homes houses buildings schools hospitals jobs workers "
    "employees troops soldiers children families students patients cases deaths votes seats "
    "tonnes tons barrels kilometres kilometers miles acres hectares flights vehicles cars trucks "
    "rockets missiles drones refugees migrants prisoners detainees hostages protesters members "
    "users customers companies shares units staff residents civilians fighters visitors"
).split()
_COUNT_NOUNS = {normalize_word(w) for w in COUNT_NOUNS}
# adverbs and connectives with a noun's shape: "في 2023 مقارنة بعام 2022"
_NOT_NOUNS = {normalize_word(w) for w in "ثمة خاصة عامة كافة قاطبة تارة مقارنة نتيجة بداية نهاية إضافة علاوة".split()}
_WORD_AFTER = _lazy_compile(r"[^\S\n]+(?P<w>[^\W\d_][^\s\d.,،:;!?؟()]*)")


@lru_cache(maxsize=1)
def _unit_words() -> tuple[frozenset, tuple[str, ...]]:
    """(single unit words, unit phrases) after which a number is an amount, not a year."""
    from factcheck.claims import quantities as q  # imported late: quantities reads dates

    words = set(q.DURATIONS) | set(SCALE_WORDS) | {"عقد"}
    phrases = []
    for p in [p for ps in q.CURRENCY_WORDS.values() for p in ps] + q.PERCENT_WORDS:
        key = " ".join(normalize_word(p).split())
        if " " in key:
            phrases.append(key)
        else:
            words.add(key)
    return frozenset(words), tuple(phrases)


def _count_follows(nt: str, end: int) -> bool:
    """Whether the word after a bare number at ``end`` makes it a count or an amount."""
    m = _WORD_AFTER.match(nt, end)
    if not m:
        return False
    w = m.group("w")
    key = normalize_word(w)
    words, phrases = _unit_words()
    if key in words or key in _COUNT_NOUNS or (is_arabic(key) and key.endswith("ا") and key[:-1] in _COUNT_NOUNS):
        return True
    if is_arabic(key):
        if key.startswith(("ال", "ب", "ل", "ك")) or key in _NOT_NOUNS:
            return False
        if re.sub(f"{_M}$", "", w).endswith("ة"):
            return True  # مدينة: a noun's shape, never a verb's
        following = " ".join(normalize_word(nt[m.start("w"):m.start("w") + 24]).split())
        return any(following.startswith(p) for p in phrases)
    return False


class _Taken:
    """Characters already read as (part of) a date, so that no two mentions overlap.

    One flag per character: checking a candidate costs its own length, where a list of the
    spans taken so far cost the number of dates before it (quadratic in a long text).
    """

    def __init__(self, length: int):
        self._flags = bytearray(length)

    def overlaps(self, s: int, e: int) -> bool:
        return 1 in self._flags[s:e]

    def add(self, s: int, e: int) -> None:
        self._flags[s:e] = b"\x01" * (e - s)


_GATE_WORDS: dict[str, set[str]] = {}
for _gate, _names in (
    ("month", [k.split()[0] for k in _AR_MONTHS] + [k.lower() for k in _EN_MONTHS]),
    ("hijri", [k.split()[0] for k in _HIJRI]),
    ("season", [w for p in SEASONS + MODIFIERS for w in p.split() if w not in ("the", "of")]),
    ("dir", list(_DIRECTION)),
    ("ago", ["قبل", "منذ"]),
    ("monthword", ["الشهر"]),
):
    for _n in _names:
        _GATE_WORDS.setdefault(normalize_word(_n), set()).add(_gate)
_GATE_WORD_RE = _lazy_compile(rf"[^\W\d_](?:[^\W\d_]|{_M[:-1]})*")
_DIGIT_RE = _lazy_compile(r"\d")


def _gates(nt: str) -> set[str]:
    """The pattern gates a (digit-normalised) text opens: a cheap pass before the patterns."""
    found = {"digit"} if _DIGIT_RE.search(nt) else set()
    for w in _GATE_WORD_RE.findall(nt):
        k = normalize_word(w)
        g = _GATE_WORDS.get(k)
        if g is None and len(k) > 3 and k[0] in "وفبل":
            g = _GATE_WORDS.get(k[1:])
        if g:
            found |= g
    return found


# --------------------------------------------------------------------------------------------
# Date rules: a pattern finds a span, a named reader reads its value
# --------------------------------------------------------------------------------------------

#: What a reader returns for a span that reads as an impossible date ("31 فبراير"): the span
#: is claimed, so that no later rule reads part of it, and yields no mention.
_IMPOSSIBLE: tuple = ()


def _year_of(g: dict) -> int | None:
    if g.get("yy"):
        return _century(int(g["yy"]))
    return int(g["y"]) if g.get("y") else None


def _read_hijri(m: re.Match, s: int, e: int):
    g = m.groupdict()
    y = _year_of(g)
    mon = _HIJRI.get(" ".join(normalize_word(g["hmon"]).split())) if g.get("hmon") else None
    if g.get("hmon") and not (g.get("d") or g.get("ord") or y):
        return None  # "رمضان" alone is a season of the year, "صفر" is zero
    d = int(g["d"]) if g.get("d") else None
    if g.get("ord"):
        if _DEFINITE_BEFORE.search(m.string, max(0, s - 30), s):
            return None  # "اليوم العاشر من رمضان": the tenth day of something, not a date
        d = _ORDINAL_INDEX.get(" ".join(normalize_word(g["ord"]).split()))
    if d is not None and not 1 <= d <= 30:
        return None
    if mon is not None and not valid_hijri(y, mon, d):
        return _IMPOSSIBLE  # "30 شوال 1445": that Shawwal had 29 days
    prec = "day" if d else ("month" if mon else "year")
    return [_Found(s, e, "explicit", prec, y, mon, d, calendar="hijri")]


def _orders(y: int | None, first: int, second: int) -> tuple[tuple[int, int], ...]:
    """The valid (month, day) readings of a numeric date written ``first``/``second``: day
    first ("17/11"), then month first ("11/17"); one when both read the same."""
    readings = []
    if _valid(y, second, first):
        readings.append((second, first))
    if first != second and _valid(y, first, second):
        readings.append((first, second))
    return tuple(readings)


def _read_numeric(m: re.Match, s: int, e: int, swap: bool):
    g = m.groupdict()
    y, first, second = _year_of(g), int(g["d"]), int(g["m"])
    if not 1000 <= y <= 2999:
        return None
    if not swap:  # year first: always year, month, day
        return [_Found(s, e, "explicit", "day", y, second, first)] if _valid(y, second, first) else None
    orders = _orders(y, first, second)
    if not orders:
        return None
    (mo, d) = orders[0]
    return [_Found(s, e, "explicit", "day", y, mo, d, orders=orders)]


def _read_ymd(m: re.Match, s: int, e: int):
    return _read_numeric(m, s, e, swap=False)


def _read_dmy(m: re.Match, s: int, e: int):
    return _read_numeric(m, s, e, swap=True)


#: What may follow a numeric day and month without a year ("22/4") for it to be a date: a
#: counted noun, a unit, "of"/«من», a percent sign or an Arabic definite noun after it make it
#: a fraction or a score ("3/4 of the members", «3/4 من الأعضاء», «في 3/4 الحالات»).
_NOT_A_DAY_AFTER = _lazy_compile(rf"\s*(?:[%٪]|(?:of|{_fuzzy('من')}|per|percent|ال[^\W\d_]+){_E})", re.IGNORECASE)


def _read_numeric_day_month(m: re.Match, s: int, e: int):
    """"22/4", "22-4" right after a date cue: a day and month whose year is left to resolve."""
    nt = m.string
    after = _NOT_A_DAY_AFTER.match(nt, e)
    if _count_follows(nt, e) or (after and normalize_word(after.group().strip()) not in _DIRECTION):
        return None
    orders = _orders(None, int(m.group("d")), int(m.group("m")))
    if not orders:
        return None
    (mo, d) = orders[0]
    return [_Found(s, e, "explicit", "day", None, mo, d, orders=orders)]


def _read_month(m: re.Match, s: int, e: int):
    """A month by name, with a day (digits or an ordinal word), a year, a part or a direction."""
    g = m.groupdict()
    if g.get("d2"):
        return _read_range(m, s, e)  # "17-21 نوفمبر", "November 17-21"
    y = _year_of(g)
    mo = _month_number(g["mon"])
    if mo is None:
        return None
    d = int(g["d"]) if g.get("d") else None
    if g.get("ord"):
        if _DEFINITE_BEFORE.search(m.string, max(0, s - 30), s):
            return None  # "الأسبوع الثاني من نوفمبر": the second week, not the 2nd
        d = _ORDINAL_INDEX.get(" ".join(normalize_word(g["ord"]).split()))
    direction = _DIRECTION.get(normalize_word(g["dir"])) if g.get("dir") else 0
    if d is not None and not _valid(y, mo, d):
        return _IMPOSSIBLE
    if y is not None and not 1000 <= y <= 2999:
        return None
    part = _PART.get(" ".join(normalize_word(g["mod"]).split())) if g.get("mod") and d is None else None
    precision = "day" if d else ("part_of_month" if part else "month")
    return [_Found(s, e, "explicit", precision, y, mo, d, direction=direction, part=part)]


def _read_month_cue(m: re.Match, s: int, e: int):
    """A month named after a cue ("في نوفمبر"), whose year is left to resolve."""
    if normalize_word(m.group("mon")) in _AMBIGUOUS_BARE_MONTHS:
        return None  # "آب", "ماي": a month only with a day or a year
    return _read_month(m, s, e)


_BETWEEN_WORDS = ["between", "بين", "ما بين"]
_FROM_WORDS = ["from", "من"]
_RANGE_CUE = _alt(_BETWEEN_WORDS + _FROM_WORDS)
_BETWEEN_KEYS = {" ".join(normalize_word(w).split()) for w in _BETWEEN_WORDS}
_TO_WORDS = ["to", "until", "till", "through", "إلى", "حتى", "لغاية"]
# what joins the two ends of a range: a dash, "to" («إلى»), or "and" («و», written on the next
# word) after "between" («بين»)
_CONN = rf"(?P<conn>\s*[-–—]\s*|\s+{_alt(_TO_WORDS)}\s+|\s+(?:[Aa]nd\s+|و{_M}\s*))"


def _read_range(m: re.Match, s: int, e: int):
    """A range of days, months or years: "15-17 November 2023", "from 15 to 17 November",
    «بين 3 و5 مارس», "Nov. 28 - Dec. 2, 2023", "March to May 2023", «في 2015-2018».

    A year written once belongs to both ends; an end before its start falls in the next
    year. "and" («و») joins only after "between" («بين»), and "between" only with "and".
    """
    g = m.groupdict()
    conn = normalize_word((g.get("conn") or "").strip())
    cue = " ".join(normalize_word(g.get("cue") or "").split())
    if (conn in ("and", "و")) != (cue in _BETWEEN_KEYS) and not (cue in _BETWEEN_KEYS and conn in ("-", "–", "—")):
        return None  # "on 3 and 5 March" is two days, not a range
    mo = _month_number(g["mon"]) if g.get("mon") else None
    mo2 = _month_number(g["mon2"]) if g.get("mon2") else mo
    d = int(g["d"]) if g.get("d") else None
    d2 = int(g["d2"]) if g.get("d2") else None
    y = int(g["y"]) if g.get("y") else None
    y2 = int(g["y2"]) if g.get("y2") else None
    if (g.get("mon") and mo is None) or (g.get("mon2") and mo2 is None) or (d is None) != (d2 is None):
        return None
    if mo is None:  # years
        if y is None or y2 is None or not (1900 <= y < y2 <= 2100) or _count_follows(m.string, e):
            return None
        return [_Found(s, e, "explicit", "range", y, last=(y2, None, None))]
    if not cue and y is None and y2 is None and d is None:
        return None  # "March to May" needs "from" or a year
    later = (mo2, d2 or 0) > (mo, d or 0)
    if mo == mo2 and not later and not (y is not None and y2 is not None and y < y2):
        return _IMPOSSIBLE  # "from 5 March to 2 March": no range runs backwards
    if y is None and y2 is not None:
        y = y2 if later else y2 - 1
    elif y2 is None and y is not None:
        y2 = y if later else y + 1
    if not (_valid(y, mo, d) and _valid(y2, mo2, d2)):
        return _IMPOSSIBLE
    if any(v is not None and not 1000 <= v <= 2999 for v in (y, y2)):
        return None
    if (y, mo, d or 0) >= (y2, mo2, d2 or 0) if y is not None else (mo == mo2 and not later):
        return _IMPOSSIBLE  # "17-15 November", "2023-2021"
    return [_Found(s, e, "explicit", "range", y, mo, d, last=(y2, mo2, d2))]


def _read_years_dual(m: re.Match, s: int, e: int):
    y, y2 = int(m.group("y")), int(m.group("y2"))
    if not (1000 <= y <= 2999 and 1000 <= y2 <= 2999):
        return None
    s2, e2 = m.span("q2")
    return [_Found(s, e, "explicit", "year", y), _Found(s2, e2, "explicit", "year", y2)]


def _read_year(m: re.Match, s: int, e: int, lo: int = 1000, hi: int = 2999):
    y = int(m.group("y"))
    y2 = m.groupdict().get("y2")
    if not lo <= y <= hi or (y2 and not y < int(y2) <= hi):
        return None
    if y2:
        return [_Found(s, e, "explicit", "range", y, last=(int(y2), None, None))]  # "في 2015-2018"
    return [_Found(s, e, "explicit", "year", y)]


def _read_year_cue(m: re.Match, s: int, e: int):
    """A bare number after a year cue: a year of 1900-2100, unless a count follows it."""
    if _count_follows(m.string, e):
        return None  # "في 2000 مدينة", "منذ 2000 عام": a count or an amount
    return _read_year(m, s, e, 1900, 2100)


#: "the first Friday of July", «أول جمعة من يوليو», «الجمعة الأخيرة من نوفمبر»: which one.
NTH_WORDS = {
    1: ["first", "1st", "أول", "الأول", "الأولى"], 2: ["second", "2nd", "ثاني", "الثاني", "الثانية"],
    3: ["third", "3rd", "ثالث", "الثالث", "الثالثة"], 4: ["fourth", "4th", "رابع", "الرابع", "الرابعة"],
    5: ["fifth", "5th", "خامس", "الخامس", "الخامسة"], -1: ["last", "آخر", "الأخير", "الأخيرة"],
}
_NTH = {normalize_word(w): n for n, ws in NTH_WORDS.items() for w in ws}
# Arabic weekdays without the article, as "أول جمعة" writes them: CLDR's names less "ال"
_AR_BARE_WEEKDAYS = {normalize_word(n)[2:]: d for d, n in get_day_names("wide", locale="ar").items()}


def _read_nth_weekday(m: re.Match, s: int, e: int):
    g = m.groupdict()
    wd = g.get("wd")
    day = _EN_WEEKDAYS.get(wd.title()) if wd and wd.isascii() else _AR_WEEKDAYS.get(normalize_word(wd or ""))
    if day is None:
        day = _AR_BARE_WEEKDAYS.get(normalize_word(g.get("bare") or ""))
    n = _NTH.get(normalize_word(g["nth"]))
    mo = _month_number(g["mon"])
    y = _year_of(g)
    if day is None or n is None or mo is None or (y is not None and not 1000 <= y <= 2999):
        return None
    return [_Found(s, e, "explicit", "day", y, mo, None, nth=(n, day))]


#: "يوم 15 من الشهر نفسه", «الخامس عشر من الشهر الجاري», "the 15th of this month": whose month.
MONTH_OF_WORDS = {
    ("text", 0): ["نفسه", "ذاته", "نفس", "ذات", "the same", "that"],
    ("writing", 0): ["الجاري", "الحالي", "هذا", "this"],
    ("writing", -1): ["الماضي", "المنصرم", "الفائت", "last"],
    ("writing", 1): ["المقبل", "القادم", "next"],
}
_MONTH_OF = {" ".join(normalize_word(w).split()): v for v, ws in MONTH_OF_WORDS.items() for w in ws}
#: Words that may follow "on the 15th" when it is a day ("On the 15th, it ...", "on the 3rd
#: the board ..."); any other word makes it that word's ordinal ("the 15th century").
_DAY_FOLLOWERS = frozenset(
    "the a an and but or when at in on as after before with for to from while it he she they we "
    "i you his her their its this that there".split()
)
_NEXT_WORD = _lazy_compile(r"\s*(?P<w>[^\W\d_]+)?")


def _read_day_of_month(m: re.Match, s: int, e: int):
    g = m.groupdict()
    d = int(g["d"]) if g.get("d") else _ORDINAL_INDEX.get(" ".join(normalize_word(g.get("ord") or "").split()))
    if d is None or not 1 <= d <= 31:
        return None
    which = g.get("which") or g.get("which_before")
    if which:
        month_of, offset = _MONTH_OF[" ".join(normalize_word(which).split())]
    else:  # "on the 15th": only when no noun follows
        nxt = _NEXT_WORD.match(m.string, e)
        if not g.get("cue") or (nxt.group("w") and nxt.group("w") not in _DAY_FOLLOWERS):
            return None
        month_of, offset = "text", 0
    return [_Found(s, e, "day_of_month", "day", day=d, month_of=month_of, rel_offset=offset)]


def _read_ago(m: re.Match, s: int, e: int):
    """"two days ago", «قبل ثلاثة أيام», «منذ يومين»: relative to the moment of writing, unless
    an event follows («قبل ثلاثة أيام من الانتخابات»: before the elections)."""
    g = m.groupdict()
    if g.get("dual"):
        n, unit = 2, _AGO_UNIT.get(normalize_word(g["dual"]))
    else:
        raw = g["n"]
        n = int(raw) if raw.isdigit() else _AGO_COUNT.get(normalize_word(raw))
        unit = _AGO_UNIT.get(normalize_word(g["u"]))
    if not n or unit is None or _EVENT_AFTER.match(m.string, e):
        return None
    return [_Found(s, e, "relative", unit, rel_unit=unit, rel_offset=-n)]


_EVENT_AFTER = _lazy_compile(rf"\s+(?:{_fuzzy('من')}|{_fuzzy('على')}){_E}")


def _read_relative_part(m: re.Match, s: int, e: int):
    """A part of the current, last or next month: «نهاية الشهر الجاري», "late last month"."""
    unit, offset = _RELATIVE_INDEX[" ".join(normalize_word(m.group("rel")).split())]
    part = _PART[" ".join(normalize_word(m.group("mod")).split())]
    return [_Found(s, e, "relative", "part_of_month", rel_unit=unit, rel_offset=offset, part=part)]


@dataclass(frozen=True)
class DateRule:
    """A way dates are written: ``pattern`` finds the span (group ``q``), ``read`` reads it.

    Rules run by ``priority`` (lowest first); a span one rule has read is not read again by a
    later one. ``gates`` name what a text must contain for the rule to run at all (see
    :func:`_gates`). ``read`` returns the mentions, ``None`` (not a date here; the span stays
    free) or ``_IMPOSSIBLE`` (a date that cannot be; the span is taken, nothing is reported).
    """

    name: str
    priority: int
    read: Callable[[re.Match, int, int], object]
    gates: tuple[str, ...]
    pattern: re.Pattern


# Each pattern names the gates it needs: "digit" (a digit in the text), "month", "hijri",
# "season" (a season or modifier word), "dir" (a direction word), "ago" (قبل، منذ), "monthword"
# (الشهر). A text without them skips it.
_RULE_TABLE = [  # (name, priority, reader, gates, pattern)
    (
        # "from 28 November to 2 December 2023", «من 28 نوفمبر إلى 2 ديسمبر»: days of two months
        "range_day_months", 2, _read_range, ("digit", "month"),
        _lazy_compile(
            rf"(?<![\d.,/:]){_B}{_CLITIC}(?P<q>(?:(?P<cue>{_RANGE_CUE})\s+)?{_DAY}{_ORD}\s*(?:of\s+)?{_month('mon')}"
            rf"(?:\s*[,،]?\s*{_YEAR})?{_CONN}{_DAY2}{_ORD}\s*(?:of\s+)?{_month('mon2')}(?:\s*[,،]?\s*{_YEAR2}{_AD})?)"
        ),
    ),
    (
        # "Nov. 28 - Dec. 2, 2023", "from November 28 to December 2"
        "range_month_day_months", 3, _read_range, ("digit", "month"),
        _lazy_compile(
            rf"{_B}(?P<q>(?:(?P<cue>{_RANGE_CUE})\s+)?{_month('mon')}\s+{_DAY}{_ORD}(?:\s*,?\s*{_YEAR})?"
            rf"{_CONN}{_month('mon2')}\s+{_DAY2}{_ORD}(?![:.]\d)(?:\s*,?\s*{_YEAR2})?)"
        ),
    ),
    (
        # "from 15 to 17 November", "between 3 and 5 March", «من 15 إلى 17 نوفمبر», «بين 3 و5 مارس»
        "range_days", 4, _read_range, ("digit", "month"),
        _lazy_compile(
            rf"{_B}{_CLITIC}(?P<q>(?P<cue>{_RANGE_CUE})\s+{_DAY}{_ORD}{_CONN}{_DAY2}{_ORD}\s*"
            rf"(?:{_fuzzy('من')}\s+)?(?:(?:{_fuzzy('شهر')}|of)\s+)?{_MONTH}(?:\s*[,،]?\s*{_YEAR}{_AD})?)"
        ),
    ),
    (
        # "from November 15 to 17", "between March 3 and 5"
        "range_month_days", 5, _read_range, ("digit", "month"),
        _lazy_compile(
            rf"{_B}(?P<q>(?P<cue>{_RANGE_CUE})\s+{_MONTH}\s+{_DAY}{_ORD}{_CONN}{_DAY2}{_ORD}(?![:.]\d)(?:\s*,?\s*{_YEAR})?)"
        ),
    ),
    (
        # "March to May 2023", "from December 2023 to February 2024", «من مارس إلى مايو 2023»
        "range_months", 6, _read_range, ("month",),
        _lazy_compile(
            rf"{_B}{_CLITIC}(?P<q>(?:(?P<cue>{_RANGE_CUE})\s+)?(?:{_fuzzy('شهر')}\s+)?{_month('mon')}"
            rf"(?:\s*[,،]?\s*{_YEAR})?{_CONN}(?:{_fuzzy('شهر')}\s+)?{_month('mon2')}(?:\s*[,،]?\s*{_YEAR2}{_AD})?)(?!\s*\d)"
        ),
    ),
    (
        # "the first Friday of July 2024", "the last Monday in May"
        "nth_weekday", 7, _read_nth_weekday, ("month",),
        _lazy_compile(
            rf"{_B}(?P<q>(?:[Tt]he\s+)?(?P<nth>{_alt([w for w in _NTH if w.isascii()])})\s+(?P<wd>{_WD_EN})\s+(?:of|in)\s+"
            rf"{_MONTH}(?:\s*,?\s*{_YEAR})?)"
        ),
    ),
    (
        # «أول جمعة من يوليو», «آخر خميس من شهر نوفمبر 2023»
        "nth_weekday_ar", 8, _read_nth_weekday, ("month",),
        _lazy_compile(
            rf"{_B}{_CLITIC}(?P<q>(?P<nth>{_alt(['أول', 'ثاني', 'ثالث', 'رابع', 'خامس', 'آخر'])})\s+(?:{_fuzzy('يوم')}\s+)?"
            rf"(?P<bare>{_alt(_AR_BARE_WEEKDAYS)}){_E}\s+(?:{_fuzzy('من')}|{_fuzzy('في')})\s+"
            rf"(?:{_fuzzy('شهر')}\s+)?{_MONTH}(?:\s*[,،]?\s*{_YEAR}{_AD})?)"
        ),
    ),
    (
        # «الجمعة الأولى من يوليو 2024», «يوم الخميس الأخير من نوفمبر»
        "weekday_nth_ar", 9, _read_nth_weekday, ("month",),
        _lazy_compile(
            rf"{_B}{_CLITIC}(?P<q>(?:{_fuzzy('يوم')}\s+)?(?P<wd>{_WD_AR}){_E}\s+"
            rf"(?P<nth>{_alt(['الأول', 'الأولى', 'الثاني', 'الثانية', 'الثالث', 'الثالثة', 'الرابع', 'الرابعة', 'الأخير', 'الأخيرة'])}){_E}\s+"
            rf"(?:{_fuzzy('من')}|{_fuzzy('في')})\s+(?:{_fuzzy('شهر')}\s+)?{_MONTH}(?:\s*[,،]?\s*{_YEAR}{_AD})?)"
        ),
    ),
    (
        "day_ord", 10, _read_month, ("month",),
        _lazy_compile(
            rf"{_B}{_CLITIC}(?P<q>(?P<ord>{_alt(ORDINAL_DAYS)})\s+(?:{_fuzzy('من')}|{_fuzzy('شهر')})\s+"
            rf"(?:{_fuzzy('شهر')}\s+)?{_MONTH}(?:\s*[,،]?\s*{_YEAR}{_AD}|\s+(?P<dir>{_AR_DIR}){_E})?)"
        ),
    ),
    (
        "month_dir_day", 20, _read_month, ("month", "dir"),  # "5 يناير الماضي", "أكتوبر/تشرين الأول الماضي": no year, a direction
        _lazy_compile(
            rf"(?<![\d.,/:])(?P<q>{_DAY}\s*(?:{_fuzzy('من')}\s+)?(?:{_fuzzy('شهر')}\s+)?"
            rf"{_MONTH}\s+(?P<dir>{_AR_DIR}){_E})"
        ),
    ),
    (
        "month_dir", 30, _read_month, ("month", "dir"),
        _lazy_compile(
            rf"{_B}{_CLITIC}(?P<q>(?:(?P<mod>{_MOD}){_MOD_SEP})?(?:{_fuzzy('شهر')}\s+)?{_MONTH}\s+(?P<dir>{_AR_DIR}){_E})"
        ),
    ),
    ("month_dir_en", 40, _read_month, ("month", "dir"), _lazy_compile(rf"{_B}(?P<q>(?P<dir>{_EN_DIR})\s+{_MONTH})(?!\s*\d)")),
    (
        "ymd", 50, _read_ymd, ("digit",),
        _lazy_compile(r"(?<![\d/.-])(?P<q>(?P<y>\d{4})([-/])(?P<m>\d{1,2})\3(?P<d>\d{1,2}))(?![\d/-])"),
    ),
    (
        "dmy", 60, _read_dmy, ("digit",),
        _lazy_compile(r"(?<![\d/.-])(?P<q>(?P<d>\d{1,2})([/.-])(?P<m>\d{1,2})\3(?P<y>\d{4}))(?![\d/-]|\.\d)"),
    ),
    (
        # two-digit years, with / or - only ("16/04/21"; "1.2.15" is a version number)
        "dmy_two_digit_year", 70, _read_dmy, ("digit",),
        _lazy_compile(r"(?<![\d/.-])(?P<q>(?P<d>\d{1,2})([/-])(?P<m>\d{1,2})\3(?P<yy>\d{2}))(?![\d/-]|\.\d)"),
    ),
    (
        "day_month", 80, _read_month, ("digit", "month"),
        _lazy_compile(
            rf"(?<![\d.,/:])(?P<q>{_DAY}(?:\s*[-–]\s*(?P<d2>\d{{1,2}})(?!\d))?{_ORD}\s*(?:/\s*)?"
            rf"(?:{_fuzzy('من')}\s+)?(?:(?:{_fuzzy('شهر')}|of)\s+)?{_MONTH}"
            rf"(?:\s*[,،]?\s*{_YEAR}{_AD})?)"
        ),
    ),
    (
        "month_day", 90, _read_month, ("digit", "month"),
        _lazy_compile(
            rf"{_B}{_CLITIC}(?P<q>{_MONTH}\s+{_DAY}{_ORD}(?![:.]\d)"
            rf"(?:\s*[-–]\s*(?P<d2>\d{{1,2}})(?!\d))?(?:\s*[,،]?\s*{_YEAR})?)"
        ),
    ),
    (
        "hijri", 100, _read_hijri, ("digit", "hijri"),
        _lazy_compile(
            rf"{_B}{_CLITIC}(?P<q>(?:{_DAY}\s+)?(?P<hmon>{_alt(_HIJRI)}){_E}"
            rf"(?:\s+(?:(?:{_YEAR_NOUN})\s+)?(?P<y>\d{{3,4}})(?!\d){_AH})?)"
        ),
    ),
    (
        # «العاشر من ذي الحجة 1445»: an ordinal day of a Hijri month
        "hijri_day_ord", 95, _read_hijri, ("hijri",),
        _lazy_compile(
            rf"{_B}{_CLITIC}(?P<q>(?P<ord>{_alt(ORDINAL_DAYS)})\s+(?:{_fuzzy('من')}|{_fuzzy('شهر')})\s+"
            rf"(?:{_fuzzy('شهر')}\s+)?(?P<hmon>{_alt(_HIJRI)}){_E}(?:\s+(?:(?:{_YEAR_NOUN})\s+)?(?P<y>\d{{3,4}})(?!\d){_AH})?)"
        ),
    ),
    (
        "hijri_year", 110, _read_hijri, ("digit",),
        _lazy_compile(rf"{_B}{_CLITIC}(?P<q>(?:(?:{_YEAR_NOUN})\s+)?(?P<y>\d{{3,4}})\s*ه{_M}{_E})"),
    ),
    (
        "month_year", 120, _read_month, ("digit", "month"),
        _lazy_compile(
            rf"{_B}{_CLITIC}(?P<q>(?:(?P<mod>{_MOD}){_MOD_SEP})?(?:{_fuzzy('شهر')}\s+)?{_MONTH}"
            rf"\s*[,،]?\s*(?:(?:{_fuzzy('من')}\s+)?(?:{_YEAR_NOUN}|of)\s+)?{_YEAR}{_AD})"
        ),
    ),
    (
        "season_year", 130, _read_year, ("digit", "season"),
        _lazy_compile(
            rf"{_B}{_CLITIC}(?P<q>(?:(?P<mod>{_MOD})\s+)?(?P<season>{_SEASON})\s+"
            rf"(?:(?:{_fuzzy('من')}\s+)?(?:{_fuzzy('ال')})?(?:{_YEAR_NOUN})\s+|of\s+)?{_YEAR}{_AD})"
        ),
    ),
    (
        "mod_year", 140, _read_year, ("digit", "season"),
        _lazy_compile(
            rf"{_B}{_CLITIC}(?P<q>(?P<mod>{_MOD})[\s-]+(?:(?:{_fuzzy('من')}\s+)?"
            rf"(?:{_fuzzy('ال')})?(?:{_YEAR_NOUN})\s+)?{_YEAR}{_AD})"
        ),
    ),
    (
        # "between 2015 and 2018", «بين عامي 2015 و2018», «من 2015 إلى 2018»
        "range_years", 145, _read_range, ("digit",),
        _lazy_compile(
            rf"{_B}{_CLITIC}(?P<q>(?P<cue>{_RANGE_CUE})\s+(?:(?:{_YEAR_NOUN}|{_fuzzy('عامي')}|{_fuzzy('سنتي')}|the\s+years)\s+)?"
            rf"{_YEAR}{_CONN}(?:(?:{_YEAR_NOUN})\s+)?{_YEAR2}{_AD})(?!\s*[%٪.,]\d)(?!\s*[%٪])"
        ),
    ),
    (
        "years_dual", 150, _read_years_dual, ("digit",),  # عامي 2015 و2016: two years, two mentions
        _lazy_compile(
            rf"{_B}{_CLITIC}(?P<q>(?:{_fuzzy('عامي')}|{_fuzzy('سنتي')})\s+{_YEAR})"
            rf"\s+(?:و{_M})\s*(?P<q2>(?P<y2>\d{{4}})(?!\d))"
        ),
    ),
    (
        "year_noun", 160, _read_year, ("digit",),
        _lazy_compile(rf"{_B}{_CLITIC}(?P<q>(?:{_fuzzy('ال')})?(?:{_YEAR_NOUN})\s+{_YEAR}{_AD})"),
    ),
    ("year_noun_en", 170, _read_year, ("digit",), _lazy_compile(rf"{_B}(?P<q>(?:[Tt]he\s+)?year\s+{_YEAR})")),
    ("year_ad", 180, _read_year, ("digit",), _lazy_compile(rf"(?<![\d.,])(?P<q>{_YEAR}\s*م{_M}{_E})")),
    (
        "year_cue", 190, _read_year_cue, ("digit",),
        _lazy_compile(
            rf"{_B}(?:[وف]{_M})?(?:{_alt(['في', 'منذ', 'حتى', 'خلال', 'بحلول', 'قبل', 'بعد'])}"
            r"|[Ii]n|[Ss]ince|[Bb]y|[Uu]ntil|[Tt]ill|[Dd]uring|[Bb]efore|[Aa]fter)\s+"
            rf"(?P<q>{_YEAR}(?:\s*[-–]\s*(?P<y2>\d{{4}})(?!\d))?{_AD})(?!\s*[%٪.,]\d)(?!\s*[%٪])"
        ),
    ),
    (
        "month_cue", 200, _read_month_cue, ("month",),  # "في نوفمبر", "in November", "early November": month, year to resolve
        _lazy_compile(
            rf"{_B}(?:[وف]{_M})?(?:{_alt(['في', 'خلال', 'منذ', 'حتى', 'شهر', 'بحلول'])}"
            r"|[Ii]n|[Dd]uring|[Ss]ince|[Uu]ntil|[Bb]y|[Ll]ast|[Nn]ext|[Tt]his)\s+"
            rf"(?P<q>{_MONTH})(?!\s*\d)"
        ),
    ),
    (
        "month_cue_modifier", 210, _read_month_cue, ("month",),
        _lazy_compile(rf"{_B}(?P<q>(?P<mod>{_MOD}){_MOD_SEP}(?:{_fuzzy('شهر')}\s+)?{_MONTH})(?!\s*\d)"),
    ),
    (
        # "late last month", «نهاية الشهر الجاري»: a part of the month of writing or the one around it
        "relative_part", 215, _read_relative_part, ("season",),
        _lazy_compile(
            rf"{_B}{_CLITIC}(?P<q>(?P<mod>{_MOD}){_MOD_SEP}(?P<rel>{_alt([p for p, u, _ in _RELATIVE_TABLE if u == 'month'])})){_E}"
        ),
    ),
    (
        # "on the 15th", "the 15th of this month"
        "day_of_month", 220, _read_day_of_month, ("digit",),
        _lazy_compile(
            rf"(?:{_B}(?P<cue>[Oo]n|[Bb]y|[Uu]ntil|[Tt]ill|[Ss]ince)\s+)?(?P<q>{_B}[Tt]he\s+{_DAY}(?:st|nd|rd|th)"
            rf"(?:\s+of\s+(?P<which>the\s+same|this|that|last|next)\s+month)?){_E}"
        ),
    ),
    (
        # «يوم 15 من الشهر نفسه», «الخامس عشر من الشهر الجاري»
        "day_of_month_ar", 221, _read_day_of_month, ("monthword",),
        _lazy_compile(
            rf"(?<![\d.,/:]){_B}{_CLITIC}(?P<q>(?:{_fuzzy('يوم')}\s+)?(?:{_DAY}|(?P<ord>{_alt(ORDINAL_DAYS)}))\s+"
            rf"{_fuzzy('من')}\s+(?:{_fuzzy('الشهر')}\s+(?P<which>{_alt(['الجاري', 'الحالي', 'نفسه', 'ذاته', 'الماضي', 'المنصرم', 'الفائت', 'المقبل', 'القادم'])})"
            rf"|(?P<which_before>{_alt(['نفس', 'ذات', 'هذا'])})\s+{_fuzzy('الشهر')})){_E}"
        ),
    ),
    (
        # "two days ago", "three weeks ago"
        "ago", 230, _read_ago, (),
        _lazy_compile(
            rf"{_B}(?P<q>(?P<n>\d{{1,2}}|{_alt([w for w in _AGO_COUNT if w.isascii()])})\s+"
            rf"(?P<u>{_alt([w for w in _AGO_UNIT if w.isascii()])})\s+ago){_E}"
        ),
    ),
    (
        # «قبل يومين», «منذ ثلاثة أيام», «قبل 5 أسابيع»
        "ago_ar", 231, _read_ago, ("ago",),
        _lazy_compile(
            rf"{_B}{_CLITIC}(?P<q>(?:{_fuzzy('قبل')}|{_fuzzy('منذ')})\s+(?:(?P<dual>{_alt(AGO_DUALS)})"
            rf"|(?P<n>\d{{1,2}}|{_alt([w for ws in AGO_COUNTS.values() for w in ws if not w.isascii()])})\s+(?P<u>{_alt([w for w in _AGO_UNIT if not w.isascii()])}))){_E}"
        ),
    ),
    (
        # "22/4", "22-4" right after a date cue (never "3.5"): a day and month, year to resolve
        "numeric_day_month", 240, _read_numeric_day_month, ("digit",),
        _lazy_compile(
            rf"{_B}(?:[وف]{_M})?(?:{_alt(['في', 'يوم', 'بتاريخ', 'منذ', 'حتى', 'الموافق', 'الموافقة'])}|[Oo]n|[Dd]ated|[Ss]ince|[Uu]ntil|[Tt]ill"
            rf"|{_WD_AR}|{_WD_EN})\s*[,،]?\s+(?P<q>(?P<d>\d{{1,2}})[/-](?P<m>\d{{1,2}}))(?![\d/:-]|[.,]\d)"
        ),
    ),
]

RULES: tuple[DateRule, ...] = tuple(sorted((DateRule(*r) for r in _RULE_TABLE), key=lambda r: (r.priority, r.name)))


def _find(text: str) -> list[_Found]:
    """Every date-like mention in ``text``, unresolved, without overlaps, in text order."""
    nt = fold_for_patterns(text)
    found: list[_Found] = []
    taken = _Taken(len(nt))  # also holds impossible dates ("31 فبراير"): never re-read

    def add(f: _Found) -> None:
        found.append(f)
        taken.add(f.start, f.end)

    gates = _gates(nt)
    for rule in RULES:
        if not gates.issuperset(rule.gates):
            continue
        for m in rule.pattern.finditer(nt):
            s, e = m.span("q" if m.group("q") is not None else "q2")
            if taken.overlaps(s, e):
                continue
            read = rule.read(m, s, e)
            if read is None:
                continue
            taken.add(s, e)
            for f in read:
                add(f)

    for m in _ANAPHORIC_RE.finditer(nt):
        s, e = m.span("q")
        offset = _ANAPHORIC_INDEX.get(" ".join(normalize_word(m.group("q")).split()))
        if offset is not None and not taken.overlaps(s, e):
            add(_Found(s, e, "anaphoric", "day", rel_unit="day", rel_offset=offset))

    for m in _RELATIVE_RE.finditer(nt):
        s, e = m.span("q")
        if taken.overlaps(s, e):
            continue
        q = m.group("q")
        wd = _WEEKDAY_NAME.search(q)
        if wd:
            key = normalize_word(wd.group())
            day = _AR_WEEKDAYS.get(key, _EN_WEEKDAYS.get(wd.group()))
            if day is None:
                continue
            dword = m.group("wpre") or m.group("wpost")
            add(_Found(s, e, "weekday", "weekday", weekday=day, direction=_DIRECTION.get(normalize_word(dword), 0) if dword else 0))
            continue
        key = " ".join(normalize_word(q).split())
        unit, offset = _RELATIVE_INDEX.get(key, (None, 0))
        if unit is None:
            continue
        if key == "اليوم" and (_NOT_TODAY_AFTER.match(nt, e) or _NOT_TODAY_BEFORE.search(nt[max(0, s - 20):s])):
            continue
        add(_Found(s, e, "relative", unit, rel_unit=unit, rel_offset=offset))

    found.sort(key=lambda f: f.start)
    # A weekday written right before an explicit date is part of it.
    merged: list[_Found] = []
    for f in found:
        if f.kind == "explicit" and f.day is not None and f.precision == "day":
            window_lo = max(0, f.start - 40)
            wm = _WEEKDAY_BEFORE.search(nt, window_lo, f.start)
            if wm:
                w_start = wm.start("w")
                while merged and merged[-1].kind == "weekday" and merged[-1].start >= w_start:
                    merged.pop()
                f.start = w_start
        merged.append(f)
    return merged


def date_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every date mention, cheap: for readers that must step around dates."""
    return [(f.start, f.end) for f in _find(text)]


def _parse_reference(reference: str | None) -> tuple[int, int | None, int | None] | None:
    if not reference:
        return None
    m = re.fullmatch(r"\s*(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ].*)?)?)?\s*", reference)
    if not m:
        raise ValueError(f"reference must be an ISO date (YYYY[-MM[-DD]]), got {reference!r}")
    y, mo, d = int(m.group(1)), m.group(2), m.group(3)
    mo = int(mo) if mo else None
    d = int(d) if d else None
    if mo is not None and not _valid(y, mo, d):
        raise ValueError(f"reference is not a valid date: {reference!r}")
    return y, mo, d


def _closest_year(month: int, day: int | None, anchor: tuple[int, int | None, int | None]) -> int:
    """Year that puts (month, day) closest to the anchor date (same year for a year anchor)."""
    ay, am, ad = anchor
    if am is None:
        return ay
    target = _dt.date(ay, am, ad or 15)
    best = None
    for y in (ay - 1, ay, ay + 1):
        try:
            cand = _dt.date(y, month, day or 15)
        except ValueError:  # 29 February in a common year
            continue
        dist = abs((cand - target).days)
        if best is None or dist < best[0]:
            best = (dist, y)
    return best[1] if best else ay


def _directional_year(month: int, day: int | None, anchor: tuple[int, int | None, int | None], direction: int) -> int:
    """Year of the last (direction -1) or next (+1) (month, day) strictly before/after the anchor."""
    ay, am, ad = anchor
    if am is None:
        return ay
    here, there = ((month, day), (am, ad or 0)) if day is not None else ((month,), (am,))
    if direction < 0:
        return ay if here < there else ay - 1
    return ay if here > there else ay + 1


def _iso(y: int, m: int | None = None, d: int | None = None) -> str:
    if m is None:
        return f"{y:04d}"
    if d is None:
        return f"{y:04d}-{m:02d}"
    return f"{y:04d}-{m:02d}-{d:02d}"


@lru_cache(maxsize=64)
def month_first_locale(locale: str) -> bool:
    """Whether numeric dates put the month first in ``locale`` ("en_US", "ar-EG"): its CLDR
    short date pattern starts with the month (``M/d/yy``). Raises ValueError for a locale
    CLDR does not know.

    >>> month_first_locale("en_US"), month_first_locale("en_GB"), month_first_locale("ar_EG")
    (True, False, False)
    """
    try:
        parsed = Locale.parse(locale.strip().replace("-", "_"))
        pattern = get_date_format("short", locale=parsed).pattern
    except (ValueError, TypeError, AttributeError, UnknownLocaleError):
        raise ValueError(f"unknown locale {locale!r}: expected a CLDR locale such as 'en_US' or 'ar_EG'") from None
    return pattern.lstrip("\u200e\u200f").startswith("M")


def extract_dates(
    text: str,
    lang: str | None = None,
    reference: str | None = None,
    reference_origin: str = "text",
    locale: str | None = None,
) -> list[DateMention]:
    """Date mentions in ``text``, sorted by ``char_start``; ``text[s:e] == quote``.

    ``reference`` (ISO ``YYYY[-MM[-DD]]``) resolves weekdays, deictic words and day-months
    without a year, and ``reference_origin`` ("text" or "published") is copied into
    ``resolved_from`` for the mentions it resolved. ``locale`` ("en_US", "ar_EG") orders the
    day and month of numeric dates; without it, Arabic-script context reads them day first
    and a Latin-script date valid both ways stays unresolved with its two ``readings``.
    ``lang`` is the text's language: the script of a numeric date's context when no letters
    surround it. The patterns of both languages are always tried.

    >>> [(d.quote, d.date, d.precision) for d in extract_dates("في 16 نوفمبر 2023، ثم الأحد")]
    [('16 نوفمبر 2023', '2023-11-16', 'day'), ('الأحد', '2023-11-19', 'day')]
    >>> d = extract_dates("Altman was fired on Friday.", reference="2023-11-20")[0]
    >>> (d.quote, d.date, d.resolved_from)
    ('Friday', '2023-11-17', 'text')
    >>> d = extract_dates("Talks ran 15-17 November 2023.")[0]
    >>> (d.date, d.date_end, d.precision)
    ('2023-11-15', '2023-11-17', 'range')
    """
    month_first = month_first_locale(locale) if locale else None
    if not text:
        return []
    return [d for _, d in _resolve(text, _parse_reference(reference), reference_origin, month_first, lang)]


class _Timeline:
    """What the text has said so far, to resolve the next mention: the explicit dates with a
    year (the last with a month, the last with only a year), the last day and month any date
    gave, and the last Hijri year."""

    def __init__(self, text: str, ref, reference_origin: str, month_first: bool | None, lang: str | None):
        self.text, self.ref, self.origin = text, ref, reference_origin
        self.ref_date = _dt.date(*ref) if ref and ref[1] and ref[2] else None
        self.month_first, self.lang = month_first, lang
        self.month_anchor: tuple[int, int | None, int | None] | None = None
        self.anchor_end = 0  # where the mention that set month_anchor ends
        self._breaks = [m.start() for m in re.finditer("\n", text)]  # where paragraphs break
        # where a blank line breaks them: a single line break may also part the items of a
        # timeline ("Friday ... \nSaturday\n...") that a weekday continues
        self._blank_breaks = [m.start() for m in re.finditer(r"\n[^\S\n]*\n", text)]
        self.year_anchor: tuple[int, int | None, int | None] | None = None
        self.last_day: _dt.date | None = None
        self.day_end = 0  # where the mention that set last_day ends
        self.last_said: _dt.date | None = None  # the last day any mention gave
        self.last_month: tuple[int, int] | None = None
        self.hijri_year: int | None = None

    # -- what each kind of mention reads as: a dict of DateMention fields --------------------
    def resolve(self, f: _Found) -> dict:
        read = self._read(f)
        if read.get("date") and read.get("precision", f.precision) == "day" and len(read["date"]) == 10:
            self.last_said = _dt.date.fromisoformat(read["date"])  # what "the next day" is told from
        return read

    def _read(self, f: _Found) -> dict:
        if f.kind == "explicit":
            return self._hijri(f) if f.calendar == "hijri" else self._explicit(f)
        if f.kind == "day_of_month":
            return self._day_of_month(f)
        if f.kind == "weekday":
            return self._weekday(f)
        if f.kind == "anaphoric":
            return self._anaphoric(f)
        return self._relative(f)

    def _anaphoric(self, f: _Found) -> dict:
        """"the next day", «في اليوم السابق»: the day the text last gave, moved by the phrase's
        offset; unresolved before the text gives one."""
        moved = _add_days(self.last_said, f.rel_offset) if self.last_said is not None else None
        if moved is None:
            return {"date": None, "resolved_from": "unresolved"}
        return {"date": moved.isoformat(), "precision": "day", "resolved_from": "text"}

    def year_for(self, month: int, day: int | None, direction: int, at: int | None = None) -> tuple[int | None, str]:
        """The year of a month (and day) written without one, and what gave it. ``at`` is
        where the mention starts: an anchor in an earlier paragraph gives way to the moment
        of writing, when it is known ("in January 2023" in one paragraph, "the upheaval in
        November" in the next, of an article published in March 2024: November 2023)."""
        if direction and (self.ref is not None or self.month_anchor is not None):
            # "يناير الماضي", "next March": relative to the moment of writing first
            anchor, origin = (self.ref, self.origin) if self.ref is not None else (self.month_anchor, "text")
            return _directional_year(month, day, anchor, direction), origin
        if self.month_anchor is not None:
            year = _closest_year(month, day, self.month_anchor)
            if self.ref is not None and at is not None and (self._paragraph_between(self.anchor_end, at) or self._behind(year, month, day)):
                written = _closest_year(month, day, self.ref)
                if written != year:
                    return written, self.origin
            return year, "text"
        if self.ref is not None:
            return _closest_year(month, day, self.ref), self.origin
        if self.year_anchor is not None:
            return self.year_anchor[0], "text"
        return None, "unresolved"

    def _behind(self, year: int, month: int, day: int | None) -> bool:
        """Whether (year, month, day) read in the anchor's year stands more than a month before
        the anchor: a narrative moves forward, so "signed in November 2024 ... pulled on June
        5" of a story written in June 2026 is of the time of writing, not a June before the
        anchor (a day or so back, "told on 16 November" after "fired on 17 November 2023",
        stays the anchor's)."""
        ay, am, ad = self.month_anchor
        return (year, month) < (ay, am) and (ay * 12 + am) - (year * 12 + month) > 1

    def _paragraph_between(self, lo: int, hi: int, breaks: list[int] | None = None) -> bool:
        """Whether a line break (one of ``breaks``) stands in text[lo:hi] (found by bisection:
        linear in all)."""
        breaks = self._breaks if breaks is None else breaks
        return bisect_left(breaks, hi) > bisect_left(breaks, lo)

    def _orders(self, f: _Found) -> tuple[tuple[int, int], ...]:
        """The (month, day) readings of a numeric date that stand: one when the locale, the
        script around it or its numbers settle the order, else both."""
        if len(f.orders) < 2:
            return f.orders
        if self.month_first is not None:
            return (f.orders[1] if self.month_first else f.orders[0],)
        if _arabic_context(self.text, f.start, f.end, self.lang):
            return (f.orders[0],)
        return f.orders

    def _explicit(self, f: _Found) -> dict:
        orders = self._orders(f)
        if len(orders) > 1:  # "05/04/2023" in English with no locale: either date
            readings = []
            for month, day in orders:
                y = f.year if f.year is not None else self.year_for(month, day, f.direction, f.start)[0]
                readings.append(_iso(y, month, day) if y is not None and _valid(y, month, day) else f"--{month:02d}-{day:02d}")
            return {"date": None, "resolved_from": "unresolved", "readings": sorted(readings)}
        month, day = orders[0] if orders else (f.month, f.day)
        if f.year is not None:
            y, origin = f.year, "text"
        else:
            y, origin = self.year_for(month, day, f.direction, f.start)
        out = {"precision": f.precision, "part": f.part}
        if f.nth is not None and y is not None:
            found = nth_weekday(y, month, f.nth[1], f.nth[0])
            if found is None:  # "the fifth Friday" of a month with four
                return out | {"date": None, "resolved_from": "unresolved"}
            day = found.day
        if y is None or (month is not None and not _valid(y, month, day)):
            month_day = None
            if f.precision == "day" and f.nth is None and day is not None and _valid(2000, month, day):
                month_day = f"{month:02d}-{day:02d}"  # 2000: 29 February exists
            return out | {"date": None, "resolved_from": "unresolved", "month_day": month_day}
        date = _iso(y, month, day)
        if f.last is not None:
            y2, month2, day2 = f.last
            if y2 is None:  # the year written once, or resolved, belongs to both ends
                y2 = y if (month2, day2 or 0) > (month, day or 0) else y + 1
            if month2 is not None and not _valid(y2, month2, day2):
                return out | {"date": None, "resolved_from": "unresolved"}
            out["date_end"] = _iso(y2, month2, day2)
        if f.year is not None:
            if month is not None:
                self.month_anchor, self.anchor_end = (y, month, day), f.end
            else:
                self.year_anchor = (y, None, None)
        if day is not None:
            self.last_day, self.day_end = _dt.date(y, month, day), f.end
        if month is not None:
            self.last_month = (y, month)
        return out | {"date": date, "resolved_from": origin}

    def _hijri(self, f: _Found) -> dict:
        """A Hijri date converted to the Gregorian calendar: a day is a day, a month or a year
        the range of its days. Without a Hijri year, the last one the text gave."""
        y = f.year if f.year is not None else self.hijri_year
        if f.year is not None:
            self.hijri_year = f.year
        if y is None:
            return {"date": None, "resolved_from": "unresolved", "hijri": f"--{f.month:02d}-{f.day:02d}"}
        out = {"precision": f.precision, "hijri": _iso(y, f.month, f.day)}
        days = hijri_to_gregorian(y, f.month, f.day)
        if days is None:  # outside the converter's years
            return out | {"date": None, "resolved_from": "unresolved"}
        first, last = days
        if f.day is None:
            return out | {"date": first.isoformat(), "date_end": last.isoformat(), "precision": "range", "resolved_from": "text"}
        self.last_day, self.day_end = first, f.end
        self.month_anchor, self.last_month = (first.year, first.month, first.day), (first.year, first.month)
        self.anchor_end = f.end
        return out | {"date": first.isoformat(), "resolved_from": "text"}

    def _day_of_month(self, f: _Found) -> dict:
        """"on the 15th", «الخامس عشر من الشهر الجاري»: the day of the text's month or of the
        month of writing (and the one before or after it)."""
        month, origin = None, "unresolved"
        ref_month = (self.ref[0], self.ref[1]) if self.ref is not None and self.ref[1] is not None else None
        if f.month_of == "writing":
            if ref_month is not None:
                index = ref_month[0] * 12 + ref_month[1] - 1 + f.rel_offset
                month, origin = (index // 12, index % 12 + 1), self.origin
            elif f.rel_offset == 0 and self.last_month is not None:
                month, origin = self.last_month, "text"
        elif self.last_month is not None:
            month, origin = self.last_month, "text"
        elif ref_month is not None:
            month, origin = ref_month, self.origin
        if month is None or not _dt.MINYEAR <= month[0] <= _dt.MAXYEAR or not _valid(month[0], month[1], f.day):
            return {"date": None, "resolved_from": "unresolved"}
        self.last_day, self.day_end = _dt.date(month[0], month[1], f.day), f.end
        return {"date": self.last_day.isoformat(), "resolved_from": origin}

    def _weekday(self, f: _Found) -> dict:
        ref_date, resolved, origin = self.ref_date, None, "text"
        if not f.direction and ref_date is not None and _future_before(self.text, f.start):
            # "the mine will reopen on Tuesday", «من المقرر أن ... يوم الثلاثاء»: a day to come
            # is the next such weekday after the moment of writing
            f = dataclasses.replace(f, direction=1)
        if f.direction:
            # "last Tuesday", "الجمعة المقبلة": strictly before / after the moment of writing, else
            # the last day written in the text
            base, origin = (ref_date, self.origin) if ref_date is not None else (self.last_day, "text")
            if base is not None:
                if f.direction < 0:
                    resolved = _add_days(base, -((base.weekday() - f.weekday) % 7 or 7))
                else:
                    resolved = _add_days(base, (f.weekday - base.weekday()) % 7 or 7)
        else:
            # an explicit day of an earlier paragraph gives way to the moment of writing, as a
            # month's does (year_for): "pulled on June 5." ... next paragraph "arrested on Monday"
            if self.last_day is not None and not (ref_date is not None and self._paragraph_between(self.day_end, f.start, self._blank_breaks)):
                resolved = _add_days(self.last_day, (f.weekday - self.last_day.weekday()) % 7)
                if resolved is not None and ref_date is not None and resolved > ref_date:
                    resolved = None
            if resolved is None and ref_date is not None:
                resolved = _add_days(ref_date, -((ref_date.weekday() - f.weekday) % 7))
                origin = self.origin
        if resolved is None:
            return {"date": None, "resolved_from": "unresolved"}
        return {"date": resolved.isoformat(), "precision": "day", "resolved_from": origin}

    def _relative(self, f: _Found) -> dict:
        """Deictic words: relative to the moment of writing, so to the reference only."""
        ref, unit = self.ref, f.rel_unit
        unresolved = {"date": None, "resolved_from": "unresolved", "part": f.part}
        if ref is None or (unit != "year" and ref[1] is None) or (unit in ("day", "week") and self.ref_date is None):
            return unresolved
        date = None
        if unit in ("day", "week"):
            shifted = _add_days(self.ref_date, f.rel_offset * (7 if unit == "week" else 1))
            date = None if shifted is None else shifted.isoformat() if unit == "day" else iso_week(shifted)
        elif unit == "month":
            index = ref[0] * 12 + (ref[1] - 1) + f.rel_offset
            date = _iso(index // 12, index % 12 + 1) if _dt.MINYEAR <= index // 12 <= _dt.MAXYEAR else None
        else:
            year = ref[0] + f.rel_offset
            date = _iso(year) if _dt.MINYEAR <= year <= _dt.MAXYEAR else None
        if date is None:  # past the ends of the calendar
            return unresolved
        return {"date": date, "precision": f.precision if f.part else unit, "resolved_from": self.origin, "part": f.part}


FUTURE_CHARS = 60  # how far before a weekday a future tense makes it a day to come
FUTURE_CHARS_UNBROKEN = 120  # how far, when no comma stands between
# a future tense or a schedule in the weekday's own clause (no sentence or clause break
# between); "would" as reported speech tells it ("said it would question the minister at a
# session on Tuesday"), not as a past conditional ("would have")
_FUTURE = _lazy_compile(
    r"(?:\b(?:will|shall|won['’]t|would(?!\s+have\b)|is\s+(?:due|expected|scheduled|set)\s+to|are\s+(?:due|expected|scheduled|set)\s+to|plans?\s+to|is\s+to)\b"
    r"|(?:^|\s)[وف]?(?:سوف|من\s+المقرر|من\s+المنتظر|من\s+المتوقع|المقرر|المرتقب)(?=\s))"
    r"[^.;:!?؟؛\n]*$",
    re.IGNORECASE,
)


def _future_before(text: str, start: int) -> bool:
    """Whether a future tense or a schedule stands before the weekday at ``start`` in its
    clause: within :data:`FUTURE_CHARS`, or within :data:`FUTURE_CHARS_UNBROKEN` when no
    comma stands between (a long object between the verb and the day: "would question the
    minister and the airline's new management at a session on Tuesday")."""
    found = _FUTURE.search(text, max(0, start - FUTURE_CHARS), start)
    if found is None:
        found = _FUTURE.search(text, max(0, start - FUTURE_CHARS_UNBROKEN), start)
        if found is None or re.search(r"[,،]", text[found.start() : start]):
            return False
    # reported speech schedules a day with "on" ("would question ... on Tuesday"); "would
    # not resign over Sunday's landing" names a day already past
    return not found.group(0).lower().startswith("would") or _ON_DAY.search(text, max(0, start - 8), start) is not None


_ON_DAY = _lazy_compile(r"\bon\s+$", re.IGNORECASE)
_ARABIC_LETTER = _lazy_compile(r"[\u0621-\u064a\u0671-\u06d3]")
_LATIN_LETTER = _lazy_compile(r"[A-Za-z\u00c0-\u024f]")
_ARABIC_DIGIT = _lazy_compile(r"[\u0660-\u0669\u06f0-\u06f9]")
CONTEXT_CHARS = 60  # how far around a numeric date its script is read


def _arabic_context(text: str, start: int, end: int, lang: str | None) -> bool:
    """Whether a numeric date is written in Arabic-script context: in Arabic-Indic digits, or
    with more Arabic than Latin letters around it on its line; with no letters around it,
    when the text's language is Arabic."""
    if _ARABIC_DIGIT.search(text, start, end):
        return True
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    around = text[max(line_start, start - CONTEXT_CHARS):start] + text[end:min(line_end, end + CONTEXT_CHARS)]
    arabic, latin = len(_ARABIC_LETTER.findall(around)), len(_LATIN_LETTER.findall(around))
    if arabic or latin:
        return arabic > latin
    return (lang or "").lower().startswith("ar")


def _resolve(text: str, ref, reference_origin: str, month_first: bool | None = None, lang: str | None = None) -> list[tuple[_Found, DateMention]]:
    found = _find(text)
    timeline = _Timeline(text, ref, reference_origin, month_first, lang)
    out: list[tuple[_Found, DateMention]] = []
    cues: Cues | None = None  # read once, at the first date
    for f in found:
        fields = {"precision": f.precision} | timeline.resolve(f)
        cues = cues or Cues(text)
        hedged, negated = mark(text, f.start, f.end, cues)
        out.append((f, DateMention(
            quote=text[f.start:f.end],
            char_start=f.start,
            char_end=f.end,
            date=fields["date"],
            precision=fields["precision"],
            calendar=f.calendar,
            resolved_from=fields["resolved_from"],
            month_day=fields.get("month_day"),
            hedged=hedged,
            negated=negated,
            date_end=fields.get("date_end"),
            part=fields.get("part"),
            hijri=fields.get("hijri"),
            readings=fields.get("readings"),
        )))
    return out


def _add_days(day: _dt.date, days: int) -> _dt.date | None:
    """``day`` moved by ``days``, or None past the ends of the calendar (year 1, year 9999).

    >>> _add_days(_dt.date(1, 1, 1), -1) is None
    True
    """
    try:
        return day + _dt.timedelta(days=days)
    except OverflowError:
        return None


def first_explicit_date(text: str) -> str | None:
    """ISO date of the first explicit, day-precision Gregorian date in ``text``, or None.

    Meant as a ``reference`` candidate when a source has no ``published`` metadata.

    >>> first_explicit_date("تم تحديث هذه المقالة آخر مرة في نوفمبر 28, 2023")
    '2023-11-28'
    """
    for f, d in _resolve(text, None, "text"):
        if f.kind == "explicit" and f.calendar == "gregorian" and d.precision == "day" and d.date:
            return d.date
    return None
