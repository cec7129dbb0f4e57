"""Proportions other than a plain percent: percentage points, basis points and rates.

A percent says how big a share is ("45%"); a percentage point says how far two percents are
apart ("up 3 points"), so the two are different units and never compared: "rose 3
percentage points" is no claim that something is 3%. Basis points are hundredths of a
percentage point ("25bps" is 0.25). A rate ("one in five", «واحد من كل خمسة») is a percent
written as a ratio, 100 × the first number ÷ the second.

This module holds the words of those forms, as data, and :func:`points_after_percent`, the
rule that reads a bare "3 points" as percentage points from the percent the sentence gave
before it. :mod:`factcheck.claims.quantities` reads the figures with these tables.
"""

from __future__ import annotations

import re
from dataclasses import replace

from factcheck.claims.model import Quantity
from factcheck.text.normalize import fuzzy_pattern, normalize_word

PERCENTAGE_POINT = "percentage_point"

#: Unit words after a number, and what one of them is worth in percentage points.
POINT_UNITS = {
    "1": [
        "percentage points", "percentage point", "percent points", "per cent points", "pp", "ppt", "ppts",
        "-percentage-point",
        "نقاط مئوية", "نقطة مئوية", "نقطه مئويه", "نقاط مئويه", "نقطة مئويه", "نقطه مئوية",
    ],
    "0.01": [
        "basis points", "basis point", "bps", "bp", "bpts", "-basis-point",
        "نقطة أساس", "نقاط أساس", "نقطة أساسية", "نقاط أساسية",
    ],
}
#: Abbreviations that are units only in lower case after a number ("3pp", "25bps", "45pc"):
#: "BP" is a company and "PC" a computer.
LOWER_CASE_ONLY = frozenset({"pp", "ppt", "ppts", "bp", "bps", "bpts", "pc"})
#: Percentage points written as a noun with no digits: the value is in the words.
POINT_NOUNS = {
    "1": ["نقطة مئوية واحدة", "a percentage point", "one percentage point"],
    "2": ["نقطتين مئويتين", "نقطتان مئويتان"],
    "0.5": ["نصف نقطة مئوية", "half a percentage point", "half of a percentage point"],
    "0.25": ["ربع نقطة مئوية", "a quarter of a percentage point", "a quarter percentage point"],
    "0.01": ["نقطة أساس واحدة", "a basis point", "one basis point"],
}
#: The most percentage points a figure written with "pp" may be: "300pp" is pages.
MAX_POINTS = 100.0

# ---- bare "points" after a percent ---------------------------------------------------------

#: The counted words that are percentage points next to a percent.
POINT_NOUN_WORDS = frozenset(normalize_word(w) for w in "points point نقاط نقطة نقطتين".split())
#: Words of change or gap that stand right before a number of percentage points ("up 3
#: points", "a lead of 5 points", «بزيادة 3 نقاط»).
POINT_CUES = frozenset(
    normalize_word(w)
    for w in (
        "up down rose fell rise rises fall falls risen fallen gained gain gains lost loss dropped drop drops "
        "increased increase increases decreased decrease decreases jumped jump climbed climb slipped "
        "slid higher lower lead leads ahead behind margin gap widened narrowed edged "
        "بزيادة زيادة بارتفاع ارتفاع بانخفاض انخفاض بتراجع تراجع ارتفعت ارتفع انخفضت انخفض تراجعت "
        "زادت زاد قفزت قفز هبطت هبط بفارق فارق متقدما متراجعا مرتفعا منخفضا بمقدار مقدار"
    ).split()
)
#: Stock indices count points of their own ("The Dow fell 2%, after dropping 500 points").
INDEX_WORDS = re.compile(
    r"(?<![^\W\d_])(?:index|indices|indexes|dow|nasdaq|ftse|nikkei|dax|cac|s&p|hang seng|sensex|"
    + "|".join(fuzzy_pattern(w) for w in ("مؤشر", "المؤشر", "مؤشرات", "بورصة", "البورصة", "تاسي"))
    + r")(?![^\W\d_])",
    re.IGNORECASE,
)
_OR = re.compile(r"(?<![^\W\d_])(?:or|أو|او|i\.e\.|أي)(?![^\W\d_])", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?؟](?:\s|$)")
_POINTS_WORD = re.compile(r"\s+(points?|" + "|".join(fuzzy_pattern(w) for w in ("نقاط", "نقطة")) + r")(?![^\W\d_])", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]+")
#: Before a percent given after the points ("rose 3 points to 45%"): only "to"/«إلى».
_TO_PERCENT = re.compile(r"\s*,?\s*(?:to|at|" + "|".join(fuzzy_pattern(w) for w in ("إلى", "لتصل إلى", "ليصل إلى", "لتبلغ", "ليبلغ")) + r")\s*$", re.IGNORECASE)


def points_after_percent(text: str, found: list[Quantity]) -> list[Quantity]:
    """A count of "points" read as percentage points where the sentence gave a percent
    before it (or right after it, joined by "to"), a word of change or gap stands right
    before the number, nothing says "or" between them and no stock index is named:
    "rose to 45%, up 3 points" is 3 percentage points; "fell 2%, or 500 points" and
    "scored 45% ... won by 12 points" stay counts (docs/parsing.md)."""
    if not any(q.unit == "percent" for q in found) or INDEX_WORDS.search(text):
        return found
    out = list(found)
    for i, q in enumerate(found):
        if q.unit != "count" or q.noun is None or normalize_word(q.noun) not in POINT_NOUN_WORDS:
            continue
        if q.value is None or q.qualifier == "range" or not 0 < q.value <= MAX_POINTS or q.total is not None:
            continue
        m = _POINTS_WORD.match(text, q.char_end)
        if m is None:
            continue
        before = [normalize_word(w) for w in _WORD.findall(text[max(0, q.char_start - 40) : q.char_start])][-3:]
        if not POINT_CUES.intersection(before):
            continue
        if not (_percent_before(text, found[:i], q) or _percent_after(text, found[i + 1 :], q)):
            continue
        out[i] = replace(q, quote=text[q.char_start : m.end()], char_end=m.end(), unit=PERCENTAGE_POINT, noun=None, partitive=False)
    return out


def _percent_before(text: str, earlier: list[Quantity], q: Quantity) -> bool:
    for p in reversed(earlier):
        if p.unit == "percent":
            between = text[p.char_end : q.char_start]
            return not _SENTENCE_END.search(between) and not _OR.search(between)
    return False


def _percent_after(text: str, later: list[Quantity], q: Quantity) -> bool:
    if not later or later[0].unit != "percent":
        return False
    m = _POINTS_WORD.match(text, q.char_end)
    return bool(m and _TO_PERCENT.match(text[m.end() : later[0].char_start]))


# ---- rates ---------------------------------------------------------------------------------

#: Words between the two numbers of a rate: "one in five", "nine out of ten", «واحد من كل خمسة».
RATE_CONNECTORS = {
    "in": ["in", "in every"],
    "out_of": ["out of", "out of every"],
    "every": ["من كل", "من بين كل", "بين كل"],
}
#: "X out of Y" is a rate only for these Y ("three out of four"); otherwise a part and its
#: total ("7 out of 12 jurors"), as "700 out of 770" is.
OUT_OF_RATE_DENOMINATORS = frozenset({2.0, 3.0, 4.0, 5.0, 10.0, 100.0, 1000.0})
#: Arabic nouns that stand for "one" before «من كل»: «شخص من كل أربعة» is one person in four.
ONE_OF_NOUNS = frozenset(
    normalize_word(w)
    for w in "شخص فرد طفل امرأة رجل مواطن شاب فتاة ناخب موظف طالب مريض أسرة عائلة بالغ مراهق".split()
)


def rate_percent(part: float, whole: float) -> float:
    """The percent a rate states: "one in five" is 20."""
    return 100 * part / whole
