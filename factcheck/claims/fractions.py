"""Shares written as fraction words: "half of the staff", "two-thirds of voters",
"نصف الموظفين", "ثلثي الأعضاء", "خُمس أسهم الشركة".

A share is a percent (docs/parsing.md): the quantity parser reads each :class:`Fraction`
whose ``share`` is true as one, and never reads the words found here as numbers: in Arabic
"خُمس" (a fifth) and "عُشر" (a tenth) lose their damma in normalisation and become "خمس"
(five) and "عشر" (ten). A fraction word is found only when it is followed by what it is a
share of, and not by a scale, a unit of time or measure, or a point: "half a million",
"مليون ونصف" and "ثلاثة ملايين ونصف المليون" are numbers, "half an hour" and "ساعة ونصف" a
duration, "half a percentage point" a figure in points, "نصف النهائي" a semi-final, "the
first half of 2025" a period. In unvocalised Arabic "خمس" and "عشر" are five and ten; only
"خُمس" and "عُشر", written with their damma, are a fifth and a tenth.

A fraction found is a share of something (``share``) when, in English, "of" or a
determiner follows it ("half of voters", "half the staff"), and not "a"/"an" ("half a
mile", "a third of a century" measure one thing); an Arabic fraction governs the word after
it («نصف الموظفين», «ثلث سكان غزة») and is always one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck.claims.numbers import SCALE_WORDS, VAGUE_WORDS
from factcheck.text.normalize import MARKS_CLASS, fuzzy_pattern, normalize_word

_EN = {
    "half": 50.0, "a half": 50.0, "one half": 50.0,
    "a third": 100 / 3, "one third": 100 / 3, "one-third": 100 / 3, "two thirds": 200 / 3, "two-thirds": 200 / 3,
    "a quarter": 25.0, "one quarter": 25.0, "one-quarter": 25.0, "three quarters": 75.0, "three-quarters": 75.0,
    "a fifth": 20.0, "one fifth": 20.0, "one-fifth": 20.0, "two fifths": 40.0, "two-fifths": 40.0,
    "a tenth": 10.0, "one tenth": 10.0, "one-tenth": 10.0,
}  # fmt: skip
# Arabic, with the conjunction و or the preposition ب/ل allowed in front, in every spelling
# the normaliser equates (fuzzy_pattern); the dual endings (ثلثا/ثلثي) included. Marks are
# optional, except the damma that tells خُمس (a fifth) from خمس (five).
_DAMMA = f"{MARKS_CLASS}\u064f{MARKS_CLASS}"
_AR = [
    (fuzzy_pattern("نصف"), 50.0),
    (f"{fuzzy_pattern('ثلث')}(?:{fuzzy_pattern('ا')}|{fuzzy_pattern('ي')})", 200 / 3),
    (fuzzy_pattern("ثلث"), 100 / 3),
    (fuzzy_pattern("ثلاثة أرباع"), 75.0),
    (fuzzy_pattern("ربع"), 25.0),
    ("خ" + _DAMMA + fuzzy_pattern("مس"), 20.0),
    ("ع" + _DAMMA + fuzzy_pattern("شر"), 10.0),
]
_EN_RE = re.compile(
    r"(?<![\w-])(" + "|".join(sorted((re.escape(k) for k in _EN), key=len, reverse=True)) + r")(?P<of>\s+of)?"
    r"(?=\s+(?P<det>(?:the|its|their|all|his|her|our|my|your|these|those|this|that|them|us)\s+)?(?P<a>an?\s)?[^\W\d_])",
    re.IGNORECASE,
)
_AR_RE = re.compile(r"(?<![\w\u0600-\u06FF])(?:[وبل])?(" + "|".join(p for p, _ in _AR) + r")(?=\s+[\u0600-\u06FF])")
# What follows a fraction word when it is not a share of something: a scale, a unit of
# time or measure, a point («نصف نقطة مئوية»), a semi-final, a radius («نصف قطر»).
_NOT_SHARED_AR = (
    "مليون", "مليار", "ألف", "ساعة", "قرن", "يوم", "أسبوع", "شهر", "سنة", "عام", "دقيقة", "نهائي", "نقطة",
    "كيلو", "كيلوغرام", "كيلوجرام", "كيلومتر", "متر", "لتر", "طن", "ميل", "دولار", "قطر",
)
_EN_TIME = "hour|hours|day|days|week|weeks|month|months|year|years|century|decade|time|season|term|quarter"
_NOT_A_SHARE = re.compile(
    r"\s+(?:an?\s+)?(?:million|billion|thousand|dozen|percentage|per\s+cent|percent|points?|basis|"
    rf"{_EN_TIME}|(?:{fuzzy_pattern('ال')})?(?:{'|'.join(map(fuzzy_pattern, _NOT_SHARED_AR))}))(?![\w\u0621-\u064A])"
    rf"|\s+(?:the|this|that|its|their|his|her|our|a|an|every)\s+(?:{_EN_TIME})(?![\w-])",
    re.IGNORECASE,
)
# «مليون ونصف», «ثلاث ساعات ونصف»: a fraction joined to the scale or unit before it is part
# of that number.
_AR_UNITS_BEFORE = frozenset(
    {w for w in SCALE_WORDS if w[:1] >= "\u0600"} | {w for w in VAGUE_WORDS if w[:1] >= "\u0600"}
    | {normalize_word(w) for w in "ساعة ساعات يوم أيام يوما أسبوع أسابيع شهر أشهر شهور سنة سنوات عام أعوام دقيقة دقائق قرن عقد".split()}
)
_WORD_BEFORE = re.compile(r"([^\W\d_]+)\s+$")
_BEFORE_PERIOD = re.compile(
    rf"(?:first|second|third|fourth|last|latter|final|earlier|{fuzzy_pattern('الأول')}|{fuzzy_pattern('الثاني')})\s+(?:the\s+)?$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Fraction:
    start: int
    end: int
    percent: float
    share: bool = True  # of something ("half of voters"), not a measure ("half a mile")


def find_fractions(text: str) -> list[Fraction]:
    """Fraction words that state a share, in text order.

    >>> [(text[f.start:f.end], round(f.percent, 1)) for text in ["Two-thirds of voters and half the staff agreed."]
    ...  for f in find_fractions(text)]
    [('Two-thirds', 66.7), ('half', 50.0)]
    >>> [round(f.percent) for f in find_fractions("استحوذ على خُمس أسهم الشركة ونصف الموظفين")]
    [20, 50]
    >>> find_fractions("half a million people, half an hour, the first half of the year, نصف مليون، ونصف المليون")
    []
    >>> [f.share for f in find_fractions("half a mile, half of them")]
    [False, True]
    """
    found = []
    for m in _EN_RE.finditer(text):
        key = " ".join(m.group(1).lower().split())
        if _NOT_A_SHARE.match(text, m.end()) or _BEFORE_PERIOD.search(text[max(0, m.start() - 12) : m.start()]):
            continue
        share = bool(m.group("of") or m.group("det")) and not m.group("a")
        found.append(Fraction(m.start(1), m.end(1), _EN[key], share))
    for m in _AR_RE.finditer(text):
        if _NOT_A_SHARE.match(text, m.end()) or _BEFORE_PERIOD.search(text[m.end() : m.end() + 12]):
            continue
        before = _WORD_BEFORE.search(text, max(0, m.start() - 30), m.start())
        if m.start(1) > m.start() and before and normalize_word(before.group(1)) in _AR_UNITS_BEFORE:
            continue  # «مليون ونصف»: part of the number before it
        word = m.group(1)
        percent = next(v for p, v in _AR if re.fullmatch(p, word))
        found.append(Fraction(m.start(1), m.end(1), percent))
    return sorted(found, key=lambda f: f.start)
