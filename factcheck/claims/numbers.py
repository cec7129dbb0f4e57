"""Low-level number reading for Arabic and English news text.

This module knows how numbers are *spelled*; it does not decide what a number means in its
sentence (that is :mod:`factcheck.claims.quantities`). It provides:

- :func:`parse_numeral` / :data:`NUMERAL_PATTERN`: digit strings with separators (Arabic
  digits and separators read through :func:`factcheck.text.normalize.to_western_digits`).
- :func:`clitic_splits`: the readings of an Arabic word as clitic prefixes and a stem,
  shared by the quantity, date and modality readers. Which spellings are the same word
  (marks, alef, ya, ta marbuta, hamza seats) is :mod:`factcheck.text.normalize`'s decision.
- :func:`read_number_words`: cardinal number words ("خمسة وعشرون", "ثلاثة آلاف",
  "twenty-five", "one hundred and five", "a million"), with the tables it is driven by.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from factcheck.text.normalize import normalize_word, to_western_digits

# --------------------------------------------------------------------------------------------
# Numerals
# --------------------------------------------------------------------------------------------

# Thousands groups need exactly three digits ("1,000", "12,345.6", "1 200 000" with a space,
# a thin space or a no-break space); dotted thousands only with two or more groups
# ("1.000.000"), because "1.000" alone is read as a decimal (1.0) in English and Arabic news;
# anything else is an integer or a dot-decimal.
_GROUP_SPACES = " \u00a0\u2009\u202f"
NUMERAL_PATTERN = (
    rf"(?:\d{{1,3}}(?:[{_GROUP_SPACES}]\d{{3}})+(?:\.\d+)?(?!\d|[.,]\d)"
    r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d])"
    r"|\d{1,3}(?:\.\d{3}){2,}(?:,\d+)?(?!\d)"
    r"|\d+(?:\.\d+)?)"
)
_NUMERAL_FULL = re.compile(NUMERAL_PATTERN)
_GROUP_SPACE = re.compile(f"[{_GROUP_SPACES}]")


def parse_numeral(s: str) -> float | None:
    """Value of a digit string with separators, or None if it is not one number.

    >>> parse_numeral("1,000"), parse_numeral("1.000.000"), parse_numeral("١٫٩"), parse_numeral("1 200 000")
    (1000.0, 1000000.0, 1.9, 1200000.0)
    >>> parse_numeral("1,5") is None   # ambiguous: a list "1, 5" or a comma decimal
    True
    """
    s = to_western_digits(s).strip()
    if not s or not _NUMERAL_FULL.fullmatch(s):
        return None
    s = _GROUP_SPACE.sub("", s)
    if s.count(".") >= 2:  # 1.000.000 or 1.000.000,5
        s = s.replace(".", "").replace(",", ".")
    else:
        s = s.replace(",", "")
    return float(s)


# --------------------------------------------------------------------------------------------
# Arabic clitics
# --------------------------------------------------------------------------------------------


def is_arabic(word: str) -> bool:
    """True when the word's first character is in the Arabic block."""
    return bool(word) and "\u0600" <= word[0] <= "\u06ff"


# Proclitics that attach to a following word: conjunction (و ف), preposition (ب ل ك), article
# (ال; ل+ال is written لل). Ordered shortest first so the plain reading wins.
_CONJ = ("", "و", "ف")
_PREP = ("", "ب", "ل", "ك")
_PREFIXES = sorted(
    {c + p + a for c in _CONJ for p in _PREP for a in ("", "ال")} | {c + "لل" for c in _CONJ},
    key=len,
)
_PREFIX_INITIALS = {p[0] for p in _PREFIXES if p}


@lru_cache(maxsize=1 << 16)  # news vocabulary repeats: cache the readings per word
def clitic_splits(norm: str) -> tuple[tuple[str, str], ...]:
    """Readings of a normalised Arabic word as (proclitics, stem), the bare word first.

    >>> clitic_splits("والملايين")
    (('', 'والملايين'), ('و', 'الملايين'), ('وال', 'ملايين'))
    """
    if not norm or norm[0] not in _PREFIX_INITIALS:
        return (("", norm),) if len(norm) >= 2 else ()
    return tuple((p, norm[len(p):]) for p in _PREFIXES if norm.startswith(p) and len(norm) - len(p) >= 2)


def is_definite(prefix: str) -> bool:
    """Whether a proclitic string contains the article ("ال" or the "لل" spelling)."""
    return prefix.endswith("ال") or prefix.endswith("لل")


# --------------------------------------------------------------------------------------------
# Number words
# --------------------------------------------------------------------------------------------

# kind: "unit" 1-9 (and 10 as "ten"), "teen_only" (أحد/إحدى are "one" only inside 11),
# "tens" 20-90, "hundred" (×100 or 100), "hundreds" (300-900 written as one word), "scale"
# (×1000...), "scale_pl" (Arabic plural scale, after 3-10), "scale_dual" (2×scale on its own),
# "dozen", "fraction" (a half or a quarter of a scale: نصف مليون, مليون ونصف, half a million).
_AR_WORDS: dict[str, tuple[str, float]] = {}
_EN_WORDS: dict[str, tuple[str, float]] = {}


def _add(table: dict, kind: str, value: float, spellings: str) -> None:
    for s in spellings.split():
        table[normalize_word(s)] = (kind, value)


for _v, _s in {
    1: "واحد واحدة واحدا",
    2: "اثنان اثنين اثنتان اثنتين اثنا اثني اثنتا اثنتي",
    3: "ثلاث ثلاثة",
    4: "أربع أربعة",
    5: "خمس خمسة",
    6: "ست ستة",
    7: "سبع سبعة",
    8: "ثمان ثماني ثمانية",
    9: "تسع تسعة",
}.items():
    _add(_AR_WORDS, "unit", _v, _s)
_add(_AR_WORDS, "teen_only", 1, "أحد إحدى")
_add(_AR_WORDS, "ten", 10, "عشر عشرة")
for _v, _s in {
    20: "عشرون عشرين", 30: "ثلاثون ثلاثين", 40: "أربعون أربعين", 50: "خمسون خمسين",
    60: "ستون ستين", 70: "سبعون سبعين", 80: "ثمانون ثمانين", 90: "تسعون تسعين",
}.items():
    _add(_AR_WORDS, "tens", _v, _s)
_add(_AR_WORDS, "hundred", 100, "مائة مئة مائه")
_add(_AR_WORDS, "hundreds", 200, "مائتان مائتين مئتان مئتين مائتا مئتا مائتي مئتي")
for _v, _stems in {3: "ثلاث ثلث", 4: "أربع", 5: "خمس", 6: "ست", 7: "سبع", 8: "ثمان ثماني", 9: "تسع"}.items():
    for _stem in _stems.split():
        _add(_AR_WORDS, "hundreds", _v * 100, f"{_stem}مائة {_stem}مئة")

#: Arabic scale words: singular (and accusative) forms multiply the number before them.
AR_SCALES = {
    1e3: ("ألف ألفا", "آلاف", "ألفان ألفين ألفي"),
    1e6: ("مليون مليونا", "ملايين", "مليونان مليونين مليوني"),
    1e9: ("مليار مليارا بليون بليونا", "مليارات بلايين بليونات", "ملياران مليارين ملياري بليونان بليونين بليوني"),
    1e12: (
        "تريليون تريليونا ترليون ترليونا", "تريليونات ترليونات",
        "تريليونان تريليونين تريليوني ترليونان ترليونين ترليوني",
    ),
}
for _v, (_sing, _pl, _dual) in AR_SCALES.items():
    _add(_AR_WORDS, "scale", _v, _sing)
    _add(_AR_WORDS, "scale_pl", _v, _pl)
    _add(_AR_WORDS, "scale_dual", _v, _dual)
# Fractions of a scale: "نصف مليون", "ربع مليون", "half a million", "مليون ونصف (المليون)".
_add(_AR_WORDS, "fraction", 0.5, "نصف")
_add(_AR_WORDS, "fraction", 0.25, "ربع")

for _v, _s in enumerate(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen".split(), start=1
):
    _add(_EN_WORDS, "unit" if _v < 10 else "ten", _v, _s)
for _v, _s in zip(range(20, 100, 10), "twenty thirty forty fifty sixty seventy eighty ninety".split()):
    _add(_EN_WORDS, "tens", _v, _s)
_add(_EN_WORDS, "hundred", 100, "hundred")
_add(_EN_WORDS, "scale", 1e3, "thousand")
_add(_EN_WORDS, "scale", 1e6, "million")
_add(_EN_WORDS, "scale", 1e9, "billion")
_add(_EN_WORDS, "scale", 1e12, "trillion")
_add(_EN_WORDS, "dozen", 12, "dozen")
_add(_EN_WORDS, "fraction", 0.5, "half")
_add(_EN_WORDS, "zero", 0, "zero")
#: The digits English reads after "point": "three point five", "twelve point two five".
_EN_DIGITS = {w: d for d, w in enumerate("zero one two three four five six seven eight nine".split())}

#: Scale words that may follow digits ("10 مليارات", "2.5 million"), normalised -> multiplier.
SCALE_WORDS: dict[str, float] = {
    w: v for w, (k, v) in {**_AR_WORDS, **_EN_WORDS}.items() if k in ("scale", "scale_pl")
}
#: Glued or abbreviated English scales ("$10bn", "5k", "US$3m"). "m"/"b" are only safe next to
#: a currency (else "10m" may be metres): the caller decides.
SCALE_ABBREVIATIONS = {"k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "b": 1e9, "bn": 1e9, "tn": 1e12, "trn": 1e12}

#: Vague plurals, normalised -> the unit they count: "عشرات" = some tens (10..100 by the
#: convention of docs/contracts: a plural of u spans u..10u, approximately).
VAGUE_WORDS: dict[str, float] = {}
_add_vague = {
    10: "عشرات tens", 100: "مئات hundreds", 1e3: "آلاف ألوف thousands",
    1e6: "ملايين millions", 1e9: "مليارات بلايين billions", 1e12: "تريليونات trillions",
    12: "dozens",
}
for _v, _s in _add_vague.items():
    for _w in _s.split():
        VAGUE_WORDS[normalize_word(_w)] = float(_v)

# Arabic words made only of proclitics, written apart from a number ("بـ 9 ساعات", "و100").
CLITIC_ONLY = frozenset({"و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وك", "لـ", "بـ"})


def number_word(norm: str) -> tuple[str, float] | None:
    """(kind, value) of a single normalised number word, or None."""
    return _AR_WORDS.get(norm) or _EN_WORDS.get(norm)


_FIGURE_SIGNS = frozenset("$€£¥%٪")
_WORD_EDGES = "\"'“”‘’«»()[]{}.,،;؛:!?؟…-–—"


@lru_cache(maxsize=1 << 16)
def in_written_figure(word: str) -> bool:
    """Whether a word, as written between two spaces, is part of a figure: it holds a digit
    or a currency or percent sign, or it is a number, scale or vague-plural word (with or
    without a clitic). The sentence splitter keeps such words together where it can.

    >>> [in_written_figure(w) for w in ("1,000", "$5", "million,", "وعشرون", "آلاف", "board")]
    [True, True, True, True, True, False]
    """
    if any(ch.isdigit() or ch in _FIGURE_SIGNS for ch in word):
        return True
    norm = normalize_word(word.strip(_WORD_EDGES))
    return any(number_word(stem) is not None or stem in VAGUE_WORDS for _, stem in clitic_splits(norm))


def _joined_tens(words: Sequence[str], i: int) -> bool:
    """Whether ``words[i]`` is an Arabic tens word joined by و ("وثلاثين", "و ثلاثين")."""
    w = words[i] if i < len(words) else ""
    if w == "و":
        return i + 1 < len(words) and _AR_WORDS.get(words[i + 1], ("",))[0] == "tens"
    return w.startswith("و") and _AR_WORDS.get(w[1:], ("",))[0] == "tens"


def read_number_words(words: Sequence[str]) -> tuple[float, int] | None:
    """Read a cardinal written in words from the start of ``words`` (normalised tokens).

    Arabic parts after the first are joined by the conjunction, written on the word
    ("وعشرون") or apart ("و عشرون"); English parts by spaces, "-" tokens, "and" after
    hundred/thousand, or a comma between a scale's groups ("one million, two hundred
    thousand"). English decimals follow "point" ("three point five"). Returns (value,
    number of tokens used) or None when ``words[0]`` starts no number.

    >>> read_number_words(["خمسه", "وعشرون", "الف"])
    (25000.0, 3)
    >>> read_number_words(["twenty", "-", "five", "people"])
    (25.0, 3)
    >>> read_number_words(["a", "million"]), read_number_words(["مليونين"])
    ((1000000.0, 2), (2000000.0, 1))
    >>> read_number_words(["عشرين", "وخمسه", "وثلاثين"])  # 20, then 35
    (20.0, 1)
    >>> read_number_words(["one", "million", ",", "two", "people"])  # a list: the group has no scale
    (1000000.0, 2)
    >>> read_number_words(["two", "point", "five", "million"])
    (2500000.0, 4)
    """
    total = 0.0
    current = 0.0
    used = 0
    last = None  # kind of the last word used
    last_scale = 0.0
    # Where to stop if what follows turns out not to belong: after the last scale word, and
    # before a comma whose group has not yet reached a hundred or a scale.
    scale_mark: tuple[float, int] | None = None
    comma_mark: tuple[float, int] | None = None
    i = 0
    n = len(words)
    if n and words[0] in ("a", "an"):
        nxt = _EN_WORDS.get(words[1]) if n > 1 else None
        if not nxt or nxt[0] not in ("hundred", "scale", "dozen"):
            return None
        current, i, last = 1.0, 1, "unit"
    while i < n:
        w = words[i]
        joined = False
        step = 1
        if last == "zero" and w != "point":
            break  # "zero" stands alone
        if last is not None and w == "point" and i + 1 < n and words[i + 1] in _EN_DIGITS and not is_arabic(words[i - 1]):
            j = i + 1
            while j < n and words[j] in _EN_DIGITS:
                j += 1
            digits = "".join(str(_EN_DIGITS[d]) for d in words[i + 1 : j])
            current += int(digits) / 10 ** len(digits)
            sc = _EN_WORDS.get(words[j]) if j < n else None
            if sc is not None and sc[0] == "scale" and (not last_scale or sc[1] < last_scale):
                total, current, j = total + current * sc[1], 0.0, j + 1
            used = j
            break
        if last is not None and w in ("and", "-", ",", "و"):
            if w == "and" and last not in ("hundred", "scale", "hundreds"):
                break
            if w == "," and (last != "scale" or is_arabic(words[i - 1])):
                break
            if i + 1 >= n or words[i + 1] not in (_AR_WORDS if w == "و" else _EN_WORDS):
                break
            if w == ",":
                comma_mark = (total + current, used)
            w, step, joined = words[i + 1], 2, True
        entry = _EN_WORDS.get(w)
        if entry is None:
            entry = _AR_WORDS.get(w)
            teen = i + step < n and _AR_WORDS.get(words[i + step], ("",))[0] == "ten"
            if last is not None and w.startswith("و") and w[1:] in _AR_WORDS and (
                entry is None or (_AR_WORDS[w[1:]][0] == "teen_only" and teen)
            ):
                # «وعشرون»; «وأحد عشر», whose spelling without the hamza is also «واحد»
                entry, joined = _AR_WORDS[w[1:]], True
            elif entry is not None and last is not None and is_arabic(w) and not joined:
                # Arabic parts of one number are joined by و, except teens (ثلاثة عشر),
                # hundreds (ثلاث مائة) and scales (ثلاثة آلاف).
                if entry[0] not in ("ten", "hundred", "scale", "scale_pl"):
                    break
        if entry is None:
            break
        kind, v = entry
        if kind == "zero":
            if last is not None:
                break
            last, i, used = "zero", i + 1, i + 1
            continue
        if last is None and kind == "fraction":
            # "نصف مليون", "ربع مليار", "half a million", "half a dozen": a fraction of a
            # singular scale
            j = i + 1 + (i + 1 < n and words[i + 1] in ("a", "an"))
            sc = (_EN_WORDS.get(words[j]) or _AR_WORDS.get(words[j])) if j < n else None
            if sc is None or sc[0] not in ("scale", "dozen") or (sc[1] < 1e6 and is_arabic(w)):
                break  # نصف السكان, half the staff, نصف ألف (not said)
            total, last, last_scale = v * sc[1], "scale", sc[1]
            i = used = j + 1
            scale_mark = (total, used)
            continue
        if last is None and kind == "teen_only":
            if i + 1 >= n or _AR_WORDS.get(words[i + 1], ("",))[0] != "ten":
                break
        if kind in ("unit", "teen_only"):
            # a unit follows only tens ("twenty five", "عشرون وخمسة"), hundreds or a scale
            if last in ("unit", "ten", "teen_only") or (last == "tens" and is_arabic(w) and not joined):
                break
            if last == "tens" and joined and _joined_tens(words, i + step):
                break  # "عشرين وخمسة وثلاثين": 20, then 35 (the unit leads the next tens)
            current += v
        elif kind == "ten":
            if last in ("unit", "teen_only") and not joined and is_arabic(w) and current % 100 < 10:
                current += 10  # ثلاثة عشر = 13, مائة وثلاثة عشر = 113 (never "خمسة وعشرة": two numbers)
            elif last is None or last in ("hundred", "hundreds", "scale", "scale_pl", "scale_dual"):
                current += v
            else:
                break
        elif kind == "tens":
            if last in ("tens", "ten") or (last == "unit" and not joined and not is_arabic(w)):
                break
            current += v
        elif kind == "hundred":
            if current == 0:
                current = 100.0
            elif current < 10 and not joined:
                current *= 100  # ثلاث مائة / three hundred
            else:
                break
            comma_mark = None
        elif kind == "hundreds":
            if last is not None and not joined:
                break
            current += v
        elif kind in ("scale", "scale_pl"):
            if kind == "scale_pl" and not (3 <= current <= 10):
                break  # "آلاف" alone is a vague plural, read by the caller
            if last_scale and v > last_scale and current and not joined:
                # «ألف وخمسمائة مليون», "one thousand five hundred million": the larger scale
                # counts all before it
                total, current = (total + current) * v, 0.0
            elif last_scale and v >= last_scale:
                return scale_mark  # "one million two million": two numbers
            else:
                if current == 0:
                    if last is not None:
                        break
                    current = 1.0
                total += current * v
                current = 0.0
            last_scale, comma_mark = v, None
            scale_mark = (total, i + step)
        elif kind == "scale_dual":
            if last is not None and not joined:
                break
            if last_scale and v >= last_scale:
                return scale_mark
            total += 2 * v
            last_scale, comma_mark = v, None
            scale_mark = (total, i + step)
        elif kind == "dozen":
            current = 12.0 if current == 0 else current * 12
        elif kind == "fraction":
            if not joined or last not in ("scale", "scale_pl", "scale_dual") or not is_arabic(w):
                break
            total += v * last_scale
            # "مليون ونصف المليون": the scale repeated with the article
            nxt = words[i + step] if i + step < n else ""
            if nxt.startswith("ال") and _AR_WORDS.get(nxt[2:]) == ("scale", last_scale):
                step += 1
        else:
            break
        last = kind
        i += step
        used = i
    if comma_mark is not None:
        return float(comma_mark[0]), comma_mark[1]
    if used == 0:
        return None
    return float(total + current), used
