"""A parsed value in English words: the one formatter for claims, cluster rows and quantities.

The discrepancy summary sentence, the CLI tables and the Markdown and HTML reports all say
what a value reads as through ``describe_value``, so that "more than $50 million" is written
the same way everywhere. It uses only numbers, units, the counted noun and ISO dates: an
analyst who reads no Arabic still knows what is at stake. Nothing here escapes: it returns
plain text.

Currencies with an unambiguous symbol are written with it ($, €, £); any other ISO 4217 code
stands before the amount ("SAR 1.2 billion"), like a symbol would; a currency family, whose
country the text left open, after it ("5 million dinars").
"""

from __future__ import annotations

import math

from factcheck.claims.lexicon import GENERIC, lexicon
from factcheck.claims.money import currencies

#: Currencies whose symbol no other currency shares in English text (¥ is yen or yuan).
CURRENCY_SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£"}
DURATIONS = frozenset({"second", "minute", "hour", "day", "week", "month", "year"})
_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))
_QUALIFIER_WORDS = {
    "approx": "about ",
    "more_than": "more than ",
    "at_least": "at least ",
    "less_than": "less than ",
    "at_most": "at most ",
}


def format_number(number: float | int | None) -> str:
    """A number as a reader expects it: grouped digits, scale words for round large values.

    >>> [format_number(n) for n in (500.0, 1234567, 5e7, 1.9e6, 1.3e10, 12.75, 0.25, 1e12)]
    ['500', '1,234,567', '50 million', '1.9 million', '13 billion', '12.75', '0.25', '1 trillion']
    >>> format_number(None), format_number(float("inf"))
    ('?', '?')
    """
    if number is None or not math.isfinite(number):
        return "?"
    for scale, word in _SCALES:
        if abs(number) >= scale:
            scaled = number / scale
            if abs(scaled - round(scaled, 2)) <= 1e-9 * abs(scaled):
                return f"{_plain_number(round(scaled, 2))} {word}"
            break
    return _plain_number(number)


def describe_value(item: dict) -> str:
    """What a claim, a parsed quantity or a cluster table row says, in words, with its unit.

    Reads the literal interval: a null ``low`` has no lower bound, a null ``high`` no upper.

    >>> describe_value({"kind": "quantity", "value": 5e7, "low": 5e7, "high": None,
    ...                 "qualifier": "more_than", "unit": "USD"})
    'more than $50 million'
    >>> describe_value({"value": None, "low": 5e7, "high": 1e8, "qualifier": "range", "unit": "USD"})
    'between $50 million and $100 million'
    >>> describe_value({"value": None, "low": 100, "high": 1000, "qualifier": "range",
    ...                 "unit": "count", "noun": "موظف", "approximate": True})
    'roughly between 100 and 1,000 staff'
    >>> describe_value({"value": 700, "low": 700, "high": 700, "qualifier": "exact",
    ...                 "unit": "count", "total": 770, "noun": "موظفاً"})
    '700 of 770 staff'
    >>> describe_value({"value": 3, "low": 3, "high": 3, "qualifier": "exact", "unit": "count", "noun": "مختبرات"})
    '3 (مختبرات)'
    >>> describe_value({"value": 1.2e9, "low": 1.2e9, "high": 1.2e9, "qualifier": "approx", "unit": "SAR"})
    'about SAR 1.2 billion'
    >>> describe_value({"value": 5e6, "low": 5e6, "high": 5e6, "qualifier": "exact", "unit": "dinar"})
    '5 million dinars'
    >>> describe_value({"value": 49, "low": 49, "high": 49, "qualifier": "exact", "unit": "percent"})
    '49%'
    >>> describe_value({"value": 0.25, "low": 0.25, "high": 0.25, "qualifier": "exact", "unit": "percentage_point"})
    '0.25 percentage points'
    >>> describe_value({"value": 1, "low": 1, "high": None, "qualifier": "at_least", "unit": "day"})
    'at least 1 day'
    >>> describe_value({"kind": "date", "date": "2023-11-17", "precision": "day"})
    '2023-11-17'
    >>> describe_value({"kind": "date", "date": None, "month_day": "03-05", "precision": "day"})
    'March 5, year not given'
    >>> describe_value({"kind": "date", "date": "2023-11-15", "date_end": "2023-11-17", "precision": "range"})
    '15-17 November 2023'
    """
    kind = item.get("kind") or ("date" if item.get("date") and item.get("value") is None else "quantity")
    if kind == "date":
        return describe_date(item)
    if kind == "event":
        return describe_event(item)

    value, low, high = item.get("value"), item.get("low"), item.get("high")
    unit = item.get("unit") or "count"
    qualifier = item.get("qualifier") or _infer_qualifier(value, low, high)

    def amount(n: float) -> str:
        return _with_money_or_percent(n, unit)

    if qualifier == "range" or value is None:
        if low is not None and high is not None:
            words, last = f"between {amount(low)} and {amount(high)}", high
        elif low is not None:
            words, last = f"from {amount(low)}", low
        elif high is not None:
            words, last = f"up to {amount(high)}", high
        else:
            return "no value"
        if item.get("approximate"):
            words = "roughly " + words
    else:
        bound = {"more_than": low, "at_least": low, "less_than": high, "at_most": high}.get(qualifier)
        last = value if bound is None else bound
        words = _QUALIFIER_WORDS.get(qualifier, "") + amount(last)
    if item.get("total") is not None:
        words += f" of {amount(item['total'])}"
        last = item["total"]
    if unit in DURATIONS:
        return f"{words} {unit}" if last == 1 else f"{words} {unit}s"
    if unit == "count":
        return _counted(words, item.get("noun"))
    if unit == "percent" or _is_currency(unit):
        return words
    if unit == "percentage_point":
        return f"{words} percentage point" + ("" if last == 1 else "s")
    if currencies().is_family(unit):
        return f"{words} {unit}" if last == 1 else f"{words} {unit}s"  # "5 million dinars": which dinar is not said
    return f"{words} {unit}"  # a unit this module does not know by name


def _counted(words: str, noun: str | None) -> str:
    """A count with what it counts: the lexicon group's English name when the noun is in
    one ("700 staff" for «موظفاً»), else the noun as written, in brackets."""
    if not noun:
        return words
    group = lexicon().group(noun)
    return f"{words} {group}" if group and group != GENERIC else f"{words} ({noun})"


def describe_event(item: dict) -> str:
    """An event claim in words: who did what to whom (the action's ``past`` in the event
    lexicon), "did not" when denied, its stage, when.

    >>> describe_event({"frame": {"measured": "dismiss", "agent": "OpenAI", "patient": "Sam Altman", "time": ["2023-11-19"]}})
    'OpenAI dismissed Sam Altman, on 19 November 2023'
    >>> describe_event({"frame": {"measured": "dismiss", "patient": "Sam Altman"}})
    'Sam Altman was dismissed'
    >>> describe_event({"negated": True, "frame": {"measured": "return", "agent": "Altman"}})
    'Altman did not return'
    >>> describe_event({"stage": "decision", "frame": {"measured": "dismiss", "patient": "Altman", "time": ["2023-11"]}})
    'decision: Altman was dismissed, in November 2023'
    """
    from factcheck.claims.events import event_lexicon

    frame = item.get("frame") or {}
    action = frame.get("measured") or "act"
    kind = event_lexicon().types.get(action)
    past = (kind.past if kind else "") or action
    agent, patient, denied = frame.get("agent") or "", frame.get("patient") or "", bool(item.get("negated"))
    if patient and agent:
        out = f"{agent} {'did not ' + action if denied else past} {patient}"
    elif patient:
        out = f"{patient} was {'not ' if denied else ''}{past}"
    else:
        out = f"{agent or 'someone'} {'did not ' + action if denied else past}"
    if item.get("stage"):
        out = f"{item['stage']}: {out}"
    time = frame.get("time") or []
    if len(time) == 1:
        out += f", {'on' if len(time[0]) == 10 else 'in'} {_day_words(time[0])}"
    return out


def describe_date(item: dict) -> str:
    """A date mention in words. A day, month or year stays ISO ("2023-11-17"); the forms
    ISO does not say plainly read as a reader writes them.

    >>> describe_date({"date": "2023-11", "precision": "part_of_month", "part": "mid"})
    'mid-November 2023'
    >>> describe_date({"date": "2023-W46", "precision": "week"})
    'week 46 of 2023'
    >>> describe_date({"date": "2023-03", "date_end": "2023-05", "precision": "range"})
    'March to May 2023'
    >>> describe_date({"date": "2024-03-25", "precision": "day", "calendar": "hijri", "hijri": "1445-09-15"})
    '15 Ramadan 1445 (25 March 2024)'
    >>> describe_date({"date": None, "precision": "day", "readings": ["2023-04-05", "2023-05-04"]})
    '2023-04-05 or 2023-05-04 (day and month order unknown)'
    """
    date, precision = item.get("date"), item.get("precision")
    if item.get("readings"):
        return " or ".join(item["readings"]) + " (day and month order unknown)"
    hijri = _hijri_words(item.get("hijri")) if item.get("calendar") == "hijri" and item.get("hijri") else ""
    if not date:
        if hijri:
            return f"{hijri}, Hijri year not given" if item["hijri"].startswith("--") else f"{hijri} (not converted)"
        if item.get("month_day"):
            return f"{_MONTHS[int(item['month_day'][:2]) - 1]} {int(item['month_day'][3:])}, year not given"
        if precision in ("weekday", "week", "range", "part_of_month"):
            return f"unresolved {precision.replace('_', ' ')}"
        return "unresolved date"
    if precision == "range" and item.get("date_end"):
        words = _range_words(date, item["date_end"])
    elif precision == "part_of_month" and item.get("part") and len(date) == 7:
        words = f"{item['part']}-{_month_year(date)}"
    elif precision == "week" and "-W" in date:
        words = f"week {int(date[6:])} of {date[:4]}"
    else:
        words = _day_words(date) if hijri else date
    return f"{hijri} ({words})" if hijri else words


_HIJRI_MONTHS = (
    "Muharram", "Safar", "Rabi' al-Awwal", "Rabi' al-Thani", "Jumada al-Ula", "Jumada al-Akhirah",
    "Rajab", "Sha'ban", "Ramadan", "Shawwal", "Dhu al-Qa'dah", "Dhu al-Hijjah",
)  # fmt: skip


def _hijri_words(hijri: str) -> str:
    """"1445-09-15" -> "15 Ramadan 1445"; "1445" -> "1445 AH"; "--09-27" -> "27 Ramadan"."""
    if hijri.startswith("--"):
        return f"{int(hijri[5:])} {_HIJRI_MONTHS[int(hijri[2:4]) - 1]}"
    parts = hijri.split("-")
    if len(parts) == 1:
        return f"{parts[0]} AH"
    words = f"{_HIJRI_MONTHS[int(parts[1]) - 1]} {parts[0]}"
    return f"{int(parts[2])} {words}" if len(parts) == 3 else words


def _month_year(iso: str) -> str:
    return f"{_MONTHS[int(iso[5:7]) - 1]} {iso[:4]}"


def _day_words(iso: str) -> str:
    """"2024-03-25" -> "25 March 2024"; a month or a year as :func:`_month_year` or itself."""
    if len(iso) == 10:
        return f"{int(iso[8:])} {_month_year(iso)}"
    return _month_year(iso) if len(iso) == 7 else iso


def _range_words(first: str, last: str) -> str:
    """"15-17 November 2023", "28 November to 2 December 2023", "March to May 2023",
    "December 2023 to February 2024", "2015 to 2018"."""
    if len(first) == len(last) == 10:
        if first[:7] == last[:7]:
            return f"{int(first[8:])}-{_day_words(last)}"
        if first[:4] == last[:4]:
            return f"{int(first[8:])} {_MONTHS[int(first[5:7]) - 1]} to {_day_words(last)}"
    if len(first) == len(last) == 7 and first[:4] == last[:4]:
        return f"{_MONTHS[int(first[5:7]) - 1]} to {_month_year(last)}"
    return f"{_day_words(first)} to {_day_words(last)}"


def interval(item: dict) -> str:
    """The literal interval a quantity allows, in interval notation; empty for a single point
    or a date, where the words already say everything.

    >>> interval({"value": 500, "low": 500, "high": None, "qualifier": "more_than"})
    '(500, ∞)'
    """
    low, high, qualifier = item.get("low"), item.get("high"), item.get("qualifier")
    if item.get("kind") == "date" or (low is None and high is None):
        return ""
    if low is not None and low == high:
        return ""
    left = "(" if low is None or qualifier == "more_than" else "["
    right = ")" if high is None or qualifier == "less_than" else "]"
    low_text = "−∞" if low is None else format_number(low)
    high_text = "∞" if high is None else format_number(high)
    return f"{left}{low_text}, {high_text}{right}"


def _infer_qualifier(value: float | None, low: float | None, high: float | None) -> str:
    if value is None:
        return "range"
    if low is not None and high is None:
        return "at_least"
    if high is not None and low is None:
        return "at_most"
    return "exact"


def _plain_number(number: float | int) -> str:
    if isinstance(number, float) and number.is_integer():
        number = int(number)
    if isinstance(number, int):
        return f"{number:,}"
    return f"{number:,.15g}"


def _with_money_or_percent(number: float, unit: str) -> str:
    text = format_number(number)
    if unit in CURRENCY_SYMBOLS:
        sign = "-" if text.startswith("-") else ""
        return f"{sign}{CURRENCY_SYMBOLS[unit]}{text.lstrip('-')}"
    if unit == "percent":
        return f"{text}%"
    if _is_currency(unit):
        return f"{unit} {text}"
    return text


def _is_currency(unit: str) -> bool:
    """An ISO 4217 code: three capital letters (units of measure are lower case)."""
    return len(unit) == 3 and unit.isalpha() and unit.isupper()


_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December")


def describe_frame(frame: dict | None) -> str:
    """A frame in one short line: who → whom · what is measured · role · concepts · when · says who.

    >>> describe_frame({"agent": "Nouran", "patient": "Salco", "unit_class": "money", "measured": "USD",
    ...                 "concepts": ["invest"], "time": ["2021-03"], "attribution": ["Lena Okafor"]})
    'Nouran → Salco · USD · invest · 2021-03 · per Lena Okafor'
    """
    frame = frame or {}
    parts = []
    who = " → ".join(n for n in (frame.get("agent") or "", frame.get("patient") or "") if n)
    if frame.get("agent") and not frame.get("patient"):
        who = f"{frame['agent']} →"
    elif frame.get("patient") and not frame.get("agent"):
        who = f"→ {frame['patient']}"
    if who:
        parts.append(who)
    if frame.get("measured") and frame.get("unit_class") != "date":
        parts.append(frame["measured"])
    if frame.get("role"):
        parts.append(frame["role"])
    concepts = [c for c in frame.get("concepts") or () if c != frame.get("measured")]  # an event's action is its measured thing
    if concepts:
        parts.append(", ".join(c.replace("_", " ") for c in concepts))
    if frame.get("time"):
        parts.append(", ".join(frame["time"]))
    if frame.get("place"):
        parts.append("in " + ", ".join(frame["place"]))
    if frame.get("attribution"):
        parts.append("per " + ", ".join(frame["attribution"]))
    return " · ".join(parts)
