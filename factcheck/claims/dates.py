"""Calendar dates in Arabic and English news text.

:func:`extract_dates` finds explicit dates (ISO, numeric, month names in the Egyptian/Gulf
family يناير..ديسمبر, the Levantine/Iraqi family كانون الثاني..كانون الأول, the Maghreb
spellings, English full and abbreviated names), years introduced by a year cue, seasons and
"early/late" modifiers, Hijri dates (recognised and marked, not converted), weekdays and
deictic words (أمس, اليوم, غدا, العام الماضي, yesterday, last year ...).

Month and weekday names come from CLDR through babel; :data:`EXTRA_MONTH_SPELLINGS` adds the
spellings CLDR lacks.

Finding and reading are two steps held as data: :data:`RULES` lists every written form as a
named :class:`DateRule` with an explicit priority, whose pattern finds the span and whose
reader turns the match into a mention (or declines it).

Reading rules (the choices a reader of the output must know):

- Precision is what the text gives: "2023", "2023-11", "2023-11-17".
- Bare numbers are years only after a year cue (عام/سنة/year, or في/منذ/حتى/خلال/بحلول/قبل/
  بعد/in/since/by/until/during/before/after, a month, a season or a modifier), never alone.
- A day range ("17-21 نوفمبر") is one mention dated on its first day, precision "day"; a year
  range after a cue ("في 2015-2018") likewise is one mention dated on its first year.
- A day and month without a year take their year from, in order: the nearest explicit date
  before them in the text that has a month (the year that puts them closest to it); else
  ``reference`` (same rule, ``resolved_from=reference_origin``); else the nearest year-only date
  before them; else they stay ``date=None``, ``resolved_from="unresolved"``. (A year-only
  mention is often a flashback: "paid $1.9m in 2016 ... shares rose on Nov. 20".)
- A weekday right before an explicit date ("يوم الجمعة الموافق 17 نوفمبر", "Friday, Nov. 17")
  is part of that one mention. A weekday on its own resolves against the nearest explicit
  day-precision date before it in the text, as the first such weekday on or after it (a
  narrative moves forward: "17 نوفمبر ... الأحد" is 19 November); without one, against
  ``reference`` as the nearest such weekday on or before it (a report looks back). An in-text
  result later than ``reference`` falls back to the reference rule. Unresolved: ``date=None``,
  precision "weekday".
- Deictic words (today, yesterday, last year ...) are relative to the moment of writing, so
  they resolve against ``reference`` only; unresolved: ``date=None``, precision the word's own
  unit ("أمس" day, "العام الماضي" year), as the data model lists precisions.
- "last"/"next" and "الماضي"/"المقبل" point a weekday or a month without a year to the past or
  the future of the moment of writing (``reference``; without one, the last explicit date of
  the text): "الجمعة المقبلة" is the first Friday after it, "يناير الماضي" the last January
  before it. They are part of the quote.
- Arabic news names months in both families at once ("أكتوبر/تشرين الأول", "نوفمبر (تشرين
  الثاني)"): one mention. Ordinal day words ("الثالث من نوفمبر") are days, except after a
  definite noun they belong to ("الأسبوع الثاني من نوفمبر").
- A bare four-digit number after a year cue is a count, not a year, when a counted noun or a
  unit word follows it ("في 2000 مدينة", "منذ 2000 عام", "in 2000 cities").
- Numeric dates are day-first (17/11/2023) unless only the month-first reading is valid.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable

from babel.dates import get_day_names, get_month_names

from factcheck.claims.model import DateMention
from factcheck.claims.modality import Cues, mark
from factcheck.claims.numbers import SCALE_WORDS, is_arabic
from factcheck.text.normalize import MARKS_CLASS, fuzzy_pattern, normalize_word, to_western_digits

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

SEASONS = ["صيف", "شتاء", "ربيع", "خريف", "summer", "winter", "spring", "autumn", "fall"]
MODIFIERS = [
    "أوائل", "أواخر", "أواسط", "منتصف", "مطلع", "بداية", "نهاية", "early", "late", "mid",
    "the end of", "the beginning of", "the start of", "the middle of", "end of", "beginning of",
]

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

_HIJRI: dict[str, int] = {normalize_word(n): m for m, ns in HIJRI_MONTHS.items() for n in ns}

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

_M = MARKS_CLASS
_B = r"(?<![^\W\d_])"  # not preceded by a letter
_E = r"(?![^\W\d_])"  # not followed by a letter


def _alt(names, fuzzy=True) -> str:
    names = sorted(set(names), key=lambda s: -len(s))
    return "(?:" + "|".join(fuzzy_pattern(n) if fuzzy else re.escape(n) for n in names) + ")"


_EN_MONTH_ALT = (
    "(?:"
    + "|".join(
        f"{re.escape(n)}|{re.escape(n.upper())}" for n in sorted(_EN_MONTHS, key=lambda s: -len(s))
    )
    + r")\.?"
)
_MONTH_NAME = rf"(?:{_alt(_AR_MONTHS)}|{_EN_MONTH_ALT}){_E}"
# Arabic news often names the month in both families: "أكتوبر/تشرين الأول", "نوفمبر (تشرين الثاني)".
_MONTH = (
    rf"(?P<mon>{_alt(_AR_MONTHS)}|{_EN_MONTH_ALT}){_E}"
    rf"(?:\s*/\s*{_MONTH_NAME}|\s*\(\s*{_MONTH_NAME}\s*\))?"
)
_CLITIC = rf"(?:[وفبل]{_M})?"  # one proclitic before a name, outside the quote
_DAY = r"(?P<d>\d{1,2})(?!\d)"
_YEAR = r"(?P<y>\d{4})(?!\d)"
_AD = rf"(?:\s*م{_M}{_E})?"  # "2016م": Gregorian era suffix
_YEAR_NOUN = fuzzy_pattern("عام") + "|" + fuzzy_pattern("سنة")
_MOD = _alt(MODIFIERS)
_SEASON = _alt(SEASONS)
_WD_AR = _alt(_AR_WEEKDAYS)
_WD_EN = "(?:" + "|".join(_EN_WEEKDAYS) + ")"
_WEEKDAY = rf"(?:(?:{fuzzy_pattern('يوم')}|{fuzzy_pattern('أيام')})\s+)?(?:{_WD_AR}|{_WD_EN})"

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
    name in both scripts, diacritics allowed) take about two seconds to compile: commands that
    read no text (``sources``, ``review``, a ``check`` of unchanged files) should not pay it."""

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
# Deictic words: (pattern, unit, offset). Day words first so "أمس الأول" beats "أمس".
_RELATIVE_TABLE: list[tuple[str, str, int]] = [
    ("أمس الأول", "day", -2), ("the day before yesterday", "day", -2), ("بعد غد", "day", 2),
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
]
_RELATIVE_INDEX = {normalize_word(p): (u, o) for p, u, o in _RELATIVE_TABLE}
_RELATIVE_RE = _lazy_compile(
    rf"{_B}{_CLITIC}(?P<q>(?:(?P<wpre>{_EN_DIR})\s+)?{_WEEKDAY}(?:\s+(?P<wpost>{_AR_DIR}))?"
    rf"|{_alt([p for p, _, _ in _RELATIVE_TABLE])}){_E}"
)
# "اليوم" is "today" only when it is not "the day" of a phrase: not followed by an adjective
# or relative (اليوم السابق، اليوم الذي), not after a demonstrative or "في"/"per" (في اليوم).
_NOT_TODAY_AFTER = _lazy_compile(rf"\s+(?:ال|{fuzzy_pattern('نفسه')}|{fuzzy_pattern('ذاته')}|\d)")
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
    kind: str  # "explicit", "weekday", "relative"
    precision: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    calendar: str = "gregorian"
    weekday: int | None = None
    rel_unit: str | None = None
    rel_offset: int = 0
    direction: int = 0  # -1 "الماضي"/"last", +1 "المقبل"/"next": before or after the moment of writing


# A definite noun right before an ordinal makes it that noun's ordinal (الأسبوع الثاني).
_DEFINITE_BEFORE = _lazy_compile(rf"(?<![^\W\d_])(?:[وفبل]{_M})?ال[^\W\d_]+{_M}\s+\Z")


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
    if g.get("hmon") and not (g.get("d") or y):
        return None  # "رمضان" alone is a season of the year, "صفر" is zero
    d = int(g["d"]) if g.get("d") else None
    if d is not None and not 1 <= d <= 30:
        return None
    prec = "day" if d else ("month" if mon else "year")
    return [_Found(s, e, "explicit", prec, y, mon, d, calendar="hijri")]


def _read_numeric(m: re.Match, s: int, e: int, swap: bool):
    g = m.groupdict()
    y, d, mo = _year_of(g), int(g["d"]), int(g["m"])
    if swap and not _valid(y, mo, d) and _valid(y, d, mo):
        d, mo = mo, d  # month-first is the only valid reading
    if not (1000 <= y <= 2999 and _valid(y, mo, d)):
        return None
    return [_Found(s, e, "explicit", "day", y, mo, d)]


def _read_ymd(m: re.Match, s: int, e: int):
    return _read_numeric(m, s, e, swap=False)


def _read_dmy(m: re.Match, s: int, e: int):
    return _read_numeric(m, s, e, swap=True)


def _read_month(m: re.Match, s: int, e: int):
    """A month by name, with a day (digits or an ordinal word), a year or a direction."""
    g = m.groupdict()
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
    if (d is not None and not _valid(y, mo, d)) or (g.get("d2") and not (d is not None and d < int(g["d2"]) <= 31)):
        return _IMPOSSIBLE
    if y is not None and not 1000 <= y <= 2999:
        return None
    return [_Found(s, e, "explicit", "day" if d else "month", y, mo, d, direction=direction)]


def _read_month_cue(m: re.Match, s: int, e: int):
    """A month named after a cue ("في نوفمبر"), whose year is left to resolve."""
    if normalize_word(m.group("mon")) in _AMBIGUOUS_BARE_MONTHS:
        return None  # "آب", "ماي": a month only with a day or a year
    return _read_month(m, s, e)


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
    return [_Found(s, e, "explicit", "year", y)]


def _read_year_cue(m: re.Match, s: int, e: int):
    """A bare number after a year cue: a year of 1900-2100, unless a count follows it."""
    if _count_follows(m.string, e):
        return None  # "في 2000 مدينة", "منذ 2000 عام": a count or an amount
    return _read_year(m, s, e, 1900, 2100)


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
# "season" (a season or modifier word), "dir" (a direction word). A text without them skips it.
_RULE_TABLE = [  # (name, priority, reader, gates, pattern)
    (
        "day_ord", 10, _read_month, ("month",),
        _lazy_compile(
            rf"{_B}{_CLITIC}(?P<q>(?P<ord>{_alt(ORDINAL_DAYS)})\s+(?:{fuzzy_pattern('من')}|{fuzzy_pattern('شهر')})\s+"
            rf"(?:{fuzzy_pattern('شهر')}\s+)?{_MONTH}(?:\s*[,،]?\s*{_YEAR}{_AD}|\s+(?P<dir>{_AR_DIR}){_E})?)"
        ),
    ),
    (
        "month_dir_day", 20, _read_month, ("month", "dir"),  # "5 يناير الماضي", "أكتوبر/تشرين الأول الماضي": no year, a direction
        _lazy_compile(
            rf"(?<![\d.,/:])(?P<q>{_DAY}\s*(?:{fuzzy_pattern('من')}\s+)?(?:{fuzzy_pattern('شهر')}\s+)?"
            rf"{_MONTH}\s+(?P<dir>{_AR_DIR}){_E})"
        ),
    ),
    (
        "month_dir", 30, _read_month, ("month", "dir"),
        _lazy_compile(rf"{_B}{_CLITIC}(?P<q>(?:{fuzzy_pattern('شهر')}\s+)?{_MONTH}\s+(?P<dir>{_AR_DIR}){_E})"),
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
            rf"(?:{fuzzy_pattern('من')}\s+)?(?:(?:{fuzzy_pattern('شهر')}|of)\s+)?{_MONTH}"
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
            rf"(?:\s+(?:(?:{_YEAR_NOUN})\s+)?(?P<y>\d{{3,4}})(?!\d)(?:\s*ه{_M}{_E})?)?)"
        ),
    ),
    (
        "hijri_year", 110, _read_hijri, ("digit",),
        _lazy_compile(rf"{_B}{_CLITIC}(?P<q>(?:(?:{_YEAR_NOUN})\s+)?(?P<y>\d{{3,4}})\s*ه{_M}{_E})"),
    ),
    (
        "month_year", 120, _read_month, ("digit", "month"),
        _lazy_compile(
            rf"{_B}{_CLITIC}(?P<q>(?:(?P<mod>{_MOD})\s+)?(?:{fuzzy_pattern('شهر')}\s+)?{_MONTH}"
            rf"\s*[,،]?\s*(?:(?:{fuzzy_pattern('من')}\s+)?(?:{_YEAR_NOUN}|of)\s+)?{_YEAR}{_AD})"
        ),
    ),
    (
        "season_year", 130, _read_year, ("digit", "season"),
        _lazy_compile(
            rf"{_B}{_CLITIC}(?P<q>(?:(?P<mod>{_MOD})\s+)?(?P<season>{_SEASON})\s+"
            rf"(?:(?:{fuzzy_pattern('من')}\s+)?(?:{fuzzy_pattern('ال')})?(?:{_YEAR_NOUN})\s+|of\s+)?{_YEAR}{_AD})"
        ),
    ),
    (
        "mod_year", 140, _read_year, ("digit", "season"),
        _lazy_compile(
            rf"{_B}{_CLITIC}(?P<q>(?P<mod>{_MOD})[\s-]+(?:(?:{fuzzy_pattern('من')}\s+)?"
            rf"(?:{fuzzy_pattern('ال')})?(?:{_YEAR_NOUN})\s+)?{_YEAR}{_AD})"
        ),
    ),
    (
        "years_dual", 150, _read_years_dual, ("digit",),  # عامي 2015 و2016: two years, two mentions
        _lazy_compile(
            rf"{_B}{_CLITIC}(?P<q>(?:{fuzzy_pattern('عامي')}|{fuzzy_pattern('سنتي')})\s+{_YEAR})"
            rf"\s+(?:و{_M})\s*(?P<q2>(?P<y2>\d{{4}})(?!\d))"
        ),
    ),
    (
        "year_noun", 160, _read_year, ("digit",),
        _lazy_compile(rf"{_B}{_CLITIC}(?P<q>(?:{fuzzy_pattern('ال')})?(?:{_YEAR_NOUN})\s+{_YEAR}{_AD})"),
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
    ("month_cue_modifier", 210, _read_month_cue, ("month",), _lazy_compile(rf"{_B}(?P<q>(?P<mod>{_MOD})\s+{_MONTH})(?!\s*\d)")),
]

RULES: tuple[DateRule, ...] = tuple(sorted((DateRule(*r) for r in _RULE_TABLE), key=lambda r: (r.priority, r.name)))


def _find(text: str) -> list[_Found]:
    """Every date-like mention in ``text``, unresolved, without overlaps, in text order."""
    nt = to_western_digits(text)
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
        if f.kind == "explicit" and f.day is not None and f.calendar == "gregorian":
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


def extract_dates(
    text: str,
    lang: str | None = None,
    reference: str | None = None,
    reference_origin: str = "text",
) -> list[DateMention]:
    """Date mentions in ``text``, sorted by ``char_start``; ``text[s:e] == quote``.

    ``reference`` (ISO ``YYYY[-MM[-DD]]``) resolves weekdays, deictic words and day-months
    without a year, and ``reference_origin`` ("text" or "published") is copied into
    ``resolved_from`` for the mentions it resolved. ``lang`` is accepted for symmetry with
    :func:`extract_quantities`; the patterns of both languages are always tried.

    >>> [(d.quote, d.date, d.precision) for d in extract_dates("في 16 نوفمبر 2023، ثم الأحد")]
    [('16 نوفمبر 2023', '2023-11-16', 'day'), ('الأحد', '2023-11-19', 'day')]
    >>> d = extract_dates("Altman was fired on Friday.", reference="2023-11-20")[0]
    >>> (d.quote, d.date, d.resolved_from)
    ('Friday', '2023-11-17', 'text')
    """
    if not text:
        return []
    return [d for _, d in _resolve(text, _parse_reference(reference), reference_origin)]


def _resolve(text: str, ref, reference_origin: str) -> list[tuple[_Found, DateMention]]:
    found = _find(text)
    out: list[tuple[_Found, DateMention]] = []
    # explicit dates with a year seen so far: the last with a month, the last with only a year
    month_anchor: tuple[int, int | None, int | None] | None = None
    year_anchor: tuple[int, int | None, int | None] | None = None
    last_day_anchor: _dt.date | None = None
    ref_date = _dt.date(*ref) if ref and ref[1] and ref[2] else None
    cues: Cues | None = None  # read once, at the first date
    for f in found:
        date: str | None = None
        month_day: str | None = None  # "03-05" for "March 5" when no year can be found
        precision = f.precision
        origin = "text"
        if f.kind == "explicit":
            if f.calendar == "hijri":
                date, origin = None, "text"
            elif f.year is not None:
                date = _iso(f.year, f.month, f.day)
                if f.month is not None:
                    month_anchor = (f.year, f.month, f.day)
                else:
                    year_anchor = (f.year, None, None)
            else:  # month (and day) without a year
                if f.direction and (ref is not None or month_anchor is not None):
                    # "يناير الماضي", "next March": relative to the moment of writing first
                    anchor, origin = (ref, reference_origin) if ref is not None else (month_anchor, "text")
                    y = _directional_year(f.month, f.day, anchor, f.direction)
                elif month_anchor is not None:
                    y = _closest_year(f.month, f.day, month_anchor)
                elif ref is not None:
                    y, origin = _closest_year(f.month, f.day, ref), reference_origin
                elif year_anchor is not None:
                    y = year_anchor[0]
                else:
                    y, origin = None, "unresolved"
                if y is not None and _valid(y, f.month, f.day):
                    date = _iso(y, f.month, f.day)
                else:
                    origin = "unresolved"
                    if f.day is not None and _valid(2000, f.month, f.day):  # 2000: 29 February exists
                        month_day = f"{f.month:02d}-{f.day:02d}"
            if date and f.day is not None:
                last_day_anchor = _dt.date.fromisoformat(date)
        elif f.kind == "weekday" and f.direction:
            # "last Tuesday", "الجمعة المقبلة": strictly before / after the moment of writing, else
            # the last day written in the text
            base, origin = (ref_date, reference_origin) if ref_date is not None else (last_day_anchor, "text")
            if base is None:
                origin = "unresolved"
            else:
                if f.direction < 0:
                    resolved = _add_days(base, -((base.weekday() - f.weekday) % 7 or 7))
                else:
                    resolved = _add_days(base, (f.weekday - base.weekday()) % 7 or 7)
                if resolved is None:
                    origin = "unresolved"
                else:
                    date, precision = resolved.isoformat(), "day"
        elif f.kind == "weekday":
            resolved = None
            if last_day_anchor is not None:
                resolved = _add_days(last_day_anchor, (f.weekday - last_day_anchor.weekday()) % 7)
                if resolved is not None and ref_date is not None and resolved > ref_date:
                    resolved = None
            if resolved is None and ref_date is not None:
                resolved = _add_days(ref_date, -((ref_date.weekday() - f.weekday) % 7))
                origin = reference_origin
            if resolved is not None:
                date, precision = resolved.isoformat(), "day"
            else:
                origin = "unresolved"
        else:  # deictic
            if ref is None or (f.rel_unit != "year" and ref[1] is None) or (
                f.rel_unit == "day" and ref_date is None
            ):
                origin = "unresolved"
            else:
                origin = reference_origin
                precision = f.rel_unit
                if f.rel_unit == "day":
                    shifted = _add_days(ref_date, f.rel_offset)
                    date = shifted.isoformat() if shifted else None
                elif f.rel_unit == "month":
                    idx = ref[0] * 12 + (ref[1] - 1) + f.rel_offset
                    date = _iso(idx // 12, idx % 12 + 1) if _dt.MINYEAR <= idx // 12 <= _dt.MAXYEAR else None
                else:
                    year = ref[0] + f.rel_offset
                    date = _iso(year) if _dt.MINYEAR <= year <= _dt.MAXYEAR else None
                if date is None:  # past the ends of the calendar
                    origin, precision = "unresolved", f.precision
        cues = cues or Cues(text)
        hedged, negated = mark(text, f.start, f.end, cues)
        out.append((f,
            DateMention(
                quote=text[f.start:f.end],
                char_start=f.start,
                char_end=f.end,
                date=date,
                precision=precision,
                calendar=f.calendar,
                resolved_from=origin,
                month_day=month_day,
                hedged=hedged,
                negated=negated,
            ),
        ))
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
        if f.kind == "explicit" and f.calendar == "gregorian" and f.day is not None and d.date:
            return d.date
    return None
