"""Quantities in Arabic and English news text, read literally.

:func:`extract_quantities` turns "أكثر من 500 من موظفي OpenAI", "بين 50 و100 مليون دولار",
"700 من أصل 770 موظفاً", "عشرات الملايين من الدولارات", "more than $10 billion" into
:class:`~factcheck.claims.model.Quantity` values following the interval table of the contract
(docs/contracts.md):

=============  ===================  ==================================
qualifier      value / low / high   cues
=============  ===================  ==================================
exact          v / v / v
approx         v / v / v            نحو، حوالي، قرابة، about, nearly ...
more_than      v / v / None         أكثر من، يتجاوز، over, more than ...
at_least       v / v / None         ما لا يقل عن، على الأقل، at least ...
less_than      v / None / v         أقل من، less than, under ...
at_most        v / None / v         حتى، ما يصل إلى، up to, at most ...
range          None / lo / hi       بين X و Y، من X إلى Y، X-Y, between
=============  ===================  ==================================

Vague plurals read as approximate ranges: a plural of a unit u spans u..10u ("مئات" 100..1000,
"عشرات الملايين" 1e7..1e8, "thousands of" 1e3..1e4); "dozens" spans 24..100.

The quote is the mention as written with its qualifier, scale word, currency, percent sign and
duration unit; the counted noun of a count is reported in ``noun`` but is not part of the
quote ("أكثر من 500" / noun "موظفي"). In English the noun is the head of a short noun phrase
("7 to 10 founding members" -> "members").

Reading rules worth knowing:

- A change ("ارتفع عدد القتلى من 20 إلى 45", "rose from 5 to 10 million", a verb or noun of
  change up to six words before "from") is two values, not a range. As in a range, the scale
  and unit written once after the second number apply to the first ("from 5 to 10 million" is
  5 million, then 10 million) unless the two raw numbers are more than 100 times apart ("from
  900 to 1.2 million").
- Arabic verb-first sentences qualify a figure from a distance: "تجاوز عدد الزوار مليون زائر"
  (more_than), "يقترب حجم الاستثمار من مليون دولار" (approx); negated, a bound flips: "لم
  يتجاوز عدد الناجين 20" is at_most 20 and not negated. The quote stays the figure itself.
- Fractions of a scale are read ("نصف مليون", "ربع مليون", "مليون ونصف المليون", "half a
  million"), as are halves of durations ("نصف ساعة", "ساعة ونصف", "two and a half years");
  fractions of a whole are proportions, not figures ("two-thirds", "ثلاثة أرباع", "ثلث").
- A bare singular unit after a preposition of time is one of it ("بعد أسبوع", "قبل عقد من
  الزمن", "within a year"); a definite plural with its number is a duration ("خلال الساعات
  الـ24 الماضية", "السنوات الخمس").
- "9 آلاف و500" is 9,500; "مليار و200 مليون" 1.2 billion.

Not quantities: digits that are part of names (GPT-4, Office 365, A320, الفورمولا 1), labels
(المادة 5, Article 5), list markers at line start ("1.عالقة"), clock times (الساعة 10 مساءً,
10 pm, 12:30), ordinals (3rd, الـ3; but "الـ24 ساعة" is an amount), anything inside a date (the spans of
:func:`factcheck.claims.dates.date_spans` plus ``skip_spans``), and a year-like number
(1900-2100) with no unit and no counted noun.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Callable

from factcheck.claims.dates import DATE_CONTEXT_WORDS, MONTH_WORDS, date_spans
from factcheck.claims.fractions import Fraction, find_fractions
from factcheck.claims.model import Quantity
from factcheck.claims.money import Place, currencies, phrase_key
from factcheck.claims.modality import Cues, mark
from factcheck.claims.proportions import (
    LOWER_CASE_ONLY,
    MAX_POINTS,
    ONE_OF_NOUNS,
    OUT_OF_RATE_DENOMINATORS,
    PERCENTAGE_POINT,
    POINT_NOUNS,
    POINT_UNITS,
    RATE_CONNECTORS,
    points_after_percent,
    rate_percent,
)
from factcheck.claims.numbers import (
    CLITIC_ONLY,
    NUMERAL_PATTERN,
    SCALE_ABBREVIATIONS,
    SCALE_WORDS,
    VAGUE_WORDS,
    clitic_splits,
    is_arabic,
    is_definite,
    number_word,
    parse_numeral,
    read_number_words,
)
from factcheck.text.normalize import MARKS_CLASS, normalize_word, to_western_digits

# --------------------------------------------------------------------------------------------
# Tables (written as text; normalised and tokenised once at import)
# --------------------------------------------------------------------------------------------

QUALIFIERS_BEFORE = {
    "approx": [
        "نحو", "حوالي", "حوالى", "قرابة", "ما يقرب من", "يقرب من", "ما يقارب", "يقارب", "زهاء",
        "تقريبا", "ما يناهز", "يناهز", "تناهز", "ناهز", "ناهزت", "في حدود", "قارب", "قاربت",
        "تقارب", "ما يقارب من", "يقترب من", "تقترب من", "اقترب من", "اقتربت من",
        "about", "around", "roughly", "approximately", "approx.", "nearly", "almost", "some",
        "an estimated", "estimated", "close to", "circa", "approaching", "nearing", "an approximate",
        "~", "≈",
    ],
    "more_than": [
        "أكثر من", "أكثر بكثير من", "ما يزيد عن", "ما يزيد على", "يزيد عن", "يزيد على",
        "تزيد عن", "تزيد على", "ما يتجاوز", "يتجاوز", "تتجاوز", "تجاوز", "تجاوزت", "ما يفوق",
        "يفوق", "تفوق", "فاق", "فاقت", "أزيد من", "ما يربو على", "يربو على", "يربو عن", "فوق",
        "يتخطى", "تتخطى", "تخطى", "تخطت", "يتعدى", "تتعدى", "تعدى", "تعدت", "أكبر من",
        "more than", "well over", "just over", "far more than", "much more than", "over",
        "above", "exceeding", "exceeded", "exceeds", "surpassing", "surpassed", "surpasses",
        "in excess of", "upwards of", "upward of", "greater than", "north of", "a little over",
        "slightly more than", "just above",
    ],
    "at_least": [
        "ما لا يقل عن", "ما لا يقل على", "لا يقل عن", "لا يقل على", "ما لا تقل عن",
        "لا تقل عن", "على الأقل", "لم يقل عن", "لم تقل عن", "أكبر من أو يساوي", "أكبر من أو تساوي",
        "at least", "no fewer than", "no less than", "not less than", "a minimum of",
        "greater than or equal to", "more than or equal to",
    ],
    "less_than": [
        "أقل من", "ما يقل عن", "يقل عن", "تقل عن", "دون", "ما دون",
        "less than", "fewer than", "under", "below", "just under", "south of", "shy of",
        "just shy of", "slightly less than", "a little under", "just below",
    ],
    "at_most": [
        "حتى", "لا يزيد عن", "لا يزيد على", "ما لا يزيد عن", "ما لا يزيد على", "لا تزيد عن",
        "لا تزيد على", "لا يتجاوز", "لا تتجاوز", "ما لا يتجاوز", "ما يصل إلى", "يصل إلى",
        "تصل إلى", "بحد أقصى", "لم يتجاوز", "لم تتجاوز", "لم يزد عن", "لم يزد على",
        "لم تزد عن", "لم تزد على", "لا يتعدى", "لا تتعدى", "لم يتعد", "لم تتعد",
        "أقل من أو يساوي", "أقل من أو تساوي",
        "up to", "at most", "less than or equal to", "fewer than or equal to", "no more than", "not more than", "a maximum of", "as many as",
        "as much as", "not exceeding", "not to exceed", "did not exceed", "does not exceed",
        "didn't exceed", "doesn't exceed",
    ],
}

QUALIFIERS_AFTER = {
    "approx": ["تقريبا", "approximately", "or so"],
    "at_least": ["على الأقل", "أو أكثر", "فأكثر", "or more", "at least"],
    "at_most": ["أو أقل", "فأقل", "كحد أقصى", "على الأكثر", "or less", "or fewer", "at most", "at the most"],
    "more_than": ["ونيف", "و نيف"],
}

#: Arabic verbs that qualify a figure from a distance, verb first: "تجاوز عدد الزوار مليون زائر",
#: "يقترب حجم الاستثمار من مليون دولار". (qualifier, the preposition the figure then needs).
#: Negated (لم/لا/لن يتجاوز) an upper or lower bound flips: "did not exceed 20" is at most 20.
VERB_QUALIFIERS = {
    "approx": [
        ("يقترب تقترب اقترب اقتربت", "من"), ("يناهز تناهز ناهز ناهزت", None),
        ("يقارب تقارب قارب قاربت", None),
    ],
    "more_than": [
        ("يتجاوز تتجاوز تجاوز تجاوزت", None), ("يفوق تفوق فاق فاقت", None),
        ("يتخطى تتخطى تخطى تخطت", None), ("يتعدى تتعدى تعدى تعدت", None),
        ("يزيد تزيد زاد زادت", "عن على"), ("يربو تربو ربا", "على عن"),
    ],
    "less_than": [("يقل تقل قل قلت", "عن")],
}
_NEGATED_BOUND = {"more_than": "at_most", "less_than": "at_least"}
#: "ليصل/لتصل إلى": "so as to reach", after a change; unlike "(ما) يصل إلى" (up to), not a bound.
_TO_REACH = {normalize_word(w) for w in "ليصل لتصل وليصل ولتصل".split()}
#: Words that read as a clitic and a qualifier but are words of their own: «بدون» is
#: "without", not «ب» + «دون» ("under").
_NOT_QUALIFIERS = {normalize_word(w) for w in "بدون وبدون".split()}

#: "عدة ملايين", "several million": an unstated small multiple (2..10) of a scale.
SEVERAL = ["عدة", "بضعة", "بضع", "several", "a few"]

#: Words opening a range, and the connectors each accepts between its two ends.
RANGE_OPENERS = {
    "between": ["بين", "ما بين", "between", "anywhere between"],
    "from": ["من", "from", "anywhere from"],
}
RANGE_CONNECTORS = {
    "between": {"و", "and", "إلى", "الى", "to", "-", "–"},
    "from": {"إلى", "الى", "حتى", "to", "-", "–"},
    None: {"-", "–", "to", "إلى", "الى"},
}

#: "700 من أصل 770", "700 out of 770": the second number is the whole.
TOTAL_CONNECTORS = ["من أصل", "من بين", "من", "out of", "of the", "of"]
# Before a figure with no part in front of it, these make the figure a whole: "من أصل 700",
# "Of the 17 dead, 11 were employees", "most of the 700 employees".
WHOLE_MARKERS = ["من أصل", "من بين", "out of", "of the", "among the"]

_VERB_QUALS: dict[str, tuple[str, frozenset]] = {
    normalize_word(v): (q, frozenset(normalize_word(p) for p in (preps or "").split()))
    for q, rows in VERB_QUALIFIERS.items()
    for verbs, preps in rows
    for v in verbs.split()
}
_VERB_NEGATIONS = {normalize_word(w) for w in ("لم", "لا", "لن", "ولم", "ولا", "ولن", "فلم", "فلا")}

#: Verbs and nouns of change: "ارتفع (عدد القتلى) من 20 إلى 45" is two values, not a range.
CHANGE_VERBS = set(
    normalize_word(w)
    for w in (
        "ارتفع ارتفعت يرتفع ترتفع انخفض انخفضت ينخفض تنخفض زاد زادت تراجع تراجعت يتراجع قفز "
        "قفزت هبط هبطت نما نمت ينمو تقلص تقلصت ارتفاع انخفاض زيادة تراجع صعد صعدت "
        "rose rise rises risen fell fall falls fallen increased increase increases decreased "
        "decrease decreases grew grow grows jumped climbed dropped declined cut raised surged "
        "soared slipped plunged went up down"
    ).split()
)

# Currencies are data (factcheck/data/currencies.toml, read by factcheck/claims/money.py): its
# words after a number, its signs and abbreviations before or after it, its subunits. A word
# of several countries' currencies (ريال، دينار، جنيه، ليرة، درهم, "dinar", "$") is settled
# where it is written: an ISO code when the sentence, its paragraph or the source determine
# the country, else its family ("dinar"). Read lazily, so that a mistake in the file is one
# error line where it is first needed, not an import failure.


def __getattr__(name: str):
    if name == "CURRENCY_WORDS":  # unit -> phrases after a number (codes too), for readers of other mentions
        table = currencies()
        return {unit: phrases + ((unit,) if unit in table.currencies else ()) for unit, phrases in table.names.items()}
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


PERCENT_WORDS = [
    "%", "٪", "في المائة", "في المئة", "بالمائة", "بالمئة", "في المية", "بالمية", "percent", "per cent", "pct", "pc",
    "-percent", "-per-cent",
]

#: Duration words: normalised word -> (unit, multiplier, form). form: "one" singular,
#: "many" plural/accusative, "two" dual (a number by itself: يومين = 2 days).
DURATIONS: dict[str, tuple[str, float, str]] = {}
for _unit, _mult, _one, _many, _two in [
    ("second", 1, "", "ثوان ثواني ثانية seconds secs", "ثانيتين ثانيتان"),
    ("minute", 1, "دقيقة minute min", "دقائق دقيقة minutes mins", "دقيقتين دقيقتان"),
    ("hour", 1, "ساعة hour", "ساعات ساعة hours hrs", "ساعتين ساعتان"),
    ("day", 1, "يوم day", "أيام يوما يوم days", "يومين يومان"),
    ("week", 1, "أسبوع week", "أسابيع أسبوعا أسبوع weeks", "أسبوعين أسبوعان"),
    ("month", 1, "شهر month", "أشهر شهور شهرا شهر months", "شهرين شهران"),
    ("year", 1, "سنة عام year", "سنوات سنين عاما أعوام عام سنة years", "سنتين سنتان عامين عامان"),
    ("year", 10, "decade", "عقود decades", "عقدين"),
]:
    for _form, _words in (("many", _many), ("one", _one), ("two", _two)):
        for _w in _words.split():
            _k = normalize_word(_w)
            if _k not in DURATIONS or _form == "one":
                DURATIONS[_k] = (_unit, float(_mult), _form if _k not in DURATIONS else "one+many")
# "عقد" alone is also "contract": only "عقد من الزمن" is a decade.
_DECADE_AR = ("عقد", "من", "الزمن")

#: Prepositions of time after which a bare singular unit is one of it: "بعد أسبوع", "after a week".
_DURATION_PREPS = {
    normalize_word(w)
    for w in "بعد قبل خلال منذ لمدة مدة غضون مدى طوال طيلة وبعد وقبل وخلال ومنذ after within for".split()
}

ONE_WORDS = {normalize_word(w) for w in ("واحد", "واحدة", "واحدا", "one", "a", "an")}

#: Words that turn a following number into a label or a name: "المادة 5", "Article 5",
#: "الفورمولا 1", "ويندوز 11". General knowledge of label nouns and of product names written
#: in Arabic script; Latin names are caught by their script and capitals.
LABEL_WORDS = {
    normalize_word(w)
    for w in (
        "المادة مادة الفقرة فقرة البند بند الفصل رقم الرقم الحلقة حلقة الجزء الموسم النسخة "
        "الإصدار الصفحة صفحة الطابق الغرفة المرحلة الجيل الطراز طراز موديل القرار الشارع "
        "الطريق البوابة الفئة المجموعة الدرجة المستوى الساعة "
        "article no no. number chapter season episode version page room gate route level phase "
        "stage section resolution flight table figure fig vol part rule step grade type "
        "category class model item line"
    ).split()
}
NAME_WORDS = {
    normalize_word(w)
    for w in (
        "فورمولا الفورمولا ويندوز أوفيس اوفيس آيفون ايفون آيباد جالاكسي غالاكسي بلايستيشن "
        "ستيشن كوفيد بوينغ بوينج إيرباص ايرباص فيفا بيكسل أندرويد ماك تي إكس اكس"
    ).split()
}

#: Words after a number that make it a clock time, not a count.
TIME_OF_DAY = {
    normalize_word(w)
    for w in "صباحا صباح الصباح مساء مساءا المساء ظهرا الظهر فجرا الفجر عصرا العصر ليلا ليلاً".split()
}
_CLOCK_AFTER = re.compile(r"\s*(?:[aApP]\.?\s?[mM]\.?(?![^\W\d_])|o['’]clock)")

#: Function words that are never the counted noun; also the English words that may stand
#: capitalised before a number without making it a name ("In 2015", "About 700").
STOP_WORDS = {
    normalize_word(w)
    for w in (
        "في على عن إلى الى من مع و أو او ثم حتى لكن بل أن إن أنه انه قد لا لم لن ما هذا هذه ذلك "
        "تلك التي الذي الذين كان كانت يكون تكون فقط منذ خلال بعد قبل عند حول ضد لدى هو هي هم "
        "كما إذا اذا لو أي كل بين عبر نحو حسب وفق مقابل بنسبة نسبة قدره قدرها بقيمة تبلغ يبلغ "
        "البالغة البالغ فحسب أيضا تقريبا أكثر أقل فيما وفي ومن وعلى "
        "the a an of in on at to for from by with and or but is are was were be been being has "
        "have had will would could may might that which who whom whose this these those it its "
        "as than so more less per each only just about after before since until during into "
        "over under up down out off than then there their they them he she his her we our you "
        "your i me my not no nor also again between among through across against around nearly "
        "almost some roughly approximately more most many much such what when where while why "
        "how all any both either neither other another same own very can cannot said says "
        "say told reported according"
    ).split()
}
_EN_DETERMINERS = {"the", "its", "their", "his", "her", "our", "these", "those", "all", "your", "my"}

#: Capitalised words that may stand right before a number without making it a name: weekdays,
#: seasons and time adverbs opening a sentence ("By Tuesday 700 of 770", "Yesterday 300").
_EN_TIME_BEFORE = DATE_CONTEXT_WORDS | {
    "yesterday", "today", "tomorrow", "tonight", "now", "meanwhile", "overall", "altogether",
    "together", "separately", "instead", "still", "nationwide", "worldwide", "globally",
    "annually", "currently", "previously", "earlier", "later", "recently", "combined",
    "total", "thus", "already",
}

_DASHES = ("-", "–", "‐")
_MINUS = ("-", "−")  # hyphen-minus and the minus sign
_MINUS_WORDS = frozenset({"minus", "سالب", "ناقص"})
_RANGE_CONNECTORS = {k: {normalize_word(w) for w in v} for k, v in RANGE_CONNECTORS.items()}
_LABEL_OR_NAME = LABEL_WORDS | NAME_WORDS
_NUMBER_PROCLITICS = ("", "و", "ف", "ب", "ل", "وب", "ول", "فب", "فل")
_YEAR_DETERMINERS = {"the", "its", "their", "his", "her", "our", "this", "that", "a", "an"}
_IMPLICIT_ONE_QUALIFIERS = ("more_than", "less_than", "approx", "at_least")

# --------------------------------------------------------------------------------------------
# Tokens
# --------------------------------------------------------------------------------------------

_FORMAT_CHARS = "\u200b-\u200f\u061c\u202a-\u202e\u2066-\u2069\ufeff"
_TOKEN_RE = re.compile(
    rf"(?P<num>{NUMERAL_PATTERN})"
    rf"|(?P<word>[^\W\d_](?:[^\W\d_]|{MARKS_CLASS[:-1]}|['’](?=[^\W\d_]))*)"
    rf"|(?P<punct>[^\s{_FORMAT_CHARS}])"
)
_MARK_RE = re.compile(MARKS_CLASS[:-1])


@dataclass(slots=True)
class _Tok:
    kind: str  # "num", "word" or "punct"
    start: int
    end: int
    text: str  # surface, digits normalised
    norm: str  # normalised word, or the surface
    nl: bool  # a line break (or the start of the text) before it
    glued: bool  # no space before it
    value: float | None = None


def _tokenize(nt: str) -> list[_Tok]:
    toks: list[_Tok] = []
    prev_end = 0
    for m in _TOKEN_RE.finditer(nt):
        kind = m.lastgroup
        s, e = m.span()
        text = m.group()
        gap = nt[prev_end:s]
        if kind == "num":
            tok = _Tok(kind, s, e, text, text, not toks or "\n" in gap, bool(toks) and s == prev_end, parse_numeral(text))
        else:
            norm = normalize_word(text) if kind == "word" else text
            tok = _Tok(kind, s, e, text, norm, not toks or "\n" in gap, bool(toks) and s == prev_end)
        toks.append(tok)
        prev_end = e
    return _decimal_commas(toks)


_PLAIN_DIGITS = re.compile(r"\d+")
_DECIMAL_PART = re.compile(r"\d{1,2}")


def _decimal_commas(toks: list[_Tok]) -> list[_Tok]:
    """A comma between digits in Arabic text, with one or two digits after it, is a decimal
    comma («13,7 في المائة», as the Maghreb writes): Arabic separates a list with «،», and a
    thousands comma groups three digits. In English text "1,5" stays unread (a list or a
    decimal: nothing tells)."""
    out: list[_Tok] = []
    i, n = 0, len(toks)
    while i < n:
        t = toks[i]
        if (
            t.kind == "num" and i + 2 < n and toks[i + 1].text == "," and toks[i + 1].glued and toks[i + 2].kind == "num"
            and toks[i + 2].glued and _PLAIN_DIGITS.fullmatch(t.text) and _DECIMAL_PART.fullmatch(toks[i + 2].text)
            and not (i + 4 < n and toks[i + 3].text == "," and toks[i + 3].glued and toks[i + 4].kind == "num")
            and _arabic_words_around(toks, i, i + 2)
        ):  # fmt: skip
            b = toks[i + 2]
            out.append(_Tok("num", t.start, b.end, f"{t.text},{b.text}", f"{t.text},{b.text}", t.nl, t.glued, float(f"{t.text}.{b.text}")))
            i += 3
            continue
        out.append(t)
        i += 1
    return out


def _arabic_words_around(toks: list[_Tok], i: int, j: int) -> bool:
    """Whether the nearest words before token i and after token j are Arabic (those present)."""
    before = next((t for t in reversed(toks[max(0, i - 3):i]) if t.kind == "word"), None)
    after = next((t for t in toks[j + 1:j + 4] if t.kind == "word"), None)
    found = [t for t in (before, after) if t is not None]
    return bool(found) and all(is_arabic(t.norm) for t in found)


def _phrase_tokens(phrase: str) -> tuple[str, ...]:
    return tuple(t.norm for t in _tokenize(to_western_digits(phrase)))


class _Phrases:
    """Multi-word phrases keyed by their first word, longest first."""

    def __init__(self, entries: dict[str, list[str]]):
        self.by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for payload, phrases in entries.items():
            for p in phrases:
                words = _phrase_tokens(p)
                self.by_first.setdefault(words[0], []).append((words, payload))
        for lst in self.by_first.values():
            lst.sort(key=lambda x: -len(x[0]))

    def match(self, toks: list[_Tok], k: int, clitics: bool = True, definite: bool = False):
        """(payload, index after, char start of the phrase's stem) at token k, or None."""
        if k >= len(toks):
            return None
        t = toks[k]
        cands = [("", t.norm)]
        if clitics and t.kind == "word" and is_arabic(t.norm):
            cands += [(p, s) for p, s in clitic_splits(t.norm)[1:] if definite or not is_definite(p)]
        for prefix, first in cands:
            for words, payload in self.by_first.get(first, ()):
                end = k + len(words)
                if end > len(toks):
                    continue
                if all(toks[k + j].norm == words[j] and not toks[k + j].nl for j in range(1, len(words))):
                    return payload, end, _stem_start(t, len(prefix))
        return None


def _stem_start(tok: _Tok, prefix_len: int) -> int:
    """Offset where a token's stem starts after ``prefix_len`` normalised proclitic letters."""
    if prefix_len == 0:
        return tok.start
    i = seen = 0
    text = tok.text
    while i < len(text) and seen < prefix_len:
        if not _MARK_RE.match(text[i]):
            seen += 1
        i += 1
    while i < len(text) and _MARK_RE.match(text[i]):
        i += 1
    return tok.start + i


_QUAL_BEFORE = _Phrases(QUALIFIERS_BEFORE)
_QUAL_AFTER = _Phrases(QUALIFIERS_AFTER)
_OPENERS = _Phrases(RANGE_OPENERS)
_TOTALS = _Phrases({"total": TOTAL_CONNECTORS})
_WHOLE_MARKERS = [_phrase_tokens(p) for p in WHOLE_MARKERS]
_PERCENT = _Phrases({"percent": PERCENT_WORDS})
_POINT_UNITS = _Phrases(POINT_UNITS)
_POINT_NOUNS = _Phrases(POINT_NOUNS)
_RATES = _Phrases(RATE_CONNECTORS)
_SEVERAL = _Phrases({"several": SEVERAL})
#: Temperature scales after a number (``unit`` celsius or fahrenheit).
TEMPERATURE_WORDS = {
    "celsius": ["° c", "°c", "º c", "ºc", "degrees celsius", "degree celsius", "degrees c", "درجة مئوية", "درجات مئوية", "درجة مئوية تحت الصفر"],
    "fahrenheit": ["° f", "°f", "º f", "ºf", "degrees fahrenheit", "degree fahrenheit", "degrees f", "درجة فهرنهايت"],
}
_TEMPERATURES = _Phrases(TEMPERATURE_WORDS)
_TEMPERATURE_LETTERS = {"C": "celsius", "F": "fahrenheit"}
_TEMPERATURE_CONTEXT = re.compile(
    r"\b(?:temperatures?|degrees|heat(?:wave)?|cold(?:est)?|hott?(?:est)?|warm(?:est)?|freezing|frost|lows?|highs?|weather|"
    r"thermometers?|forecast)\b|حرار|طقس|صقيع",
    re.IGNORECASE,
)



class _PhraseTrie:
    """Phrases as a tree of words, matched longest first like :class:`_Phrases`: the
    currencies file joins every country adjective to every form of a family's words, so
    hundreds of phrases share a first word ("دينار")."""

    _END = ""  # key of a node's payload: no word is empty

    def __init__(self, entries: dict):
        self.root: dict = {}
        for payload, phrases in entries.items():
            for p in phrases:
                node = self.root
                for w in _phrase_tokens(p):
                    node = node.setdefault(w, {})
                node.setdefault(self._END, payload)

    def match(self, toks: list[_Tok], k: int, clitics: bool = True):
        """(payload, index after, char start of the phrase's stem) at token k, or None; a
        proclitic other than the article may stand on the first word."""
        if k >= len(toks):
            return None
        t = toks[k]
        cands = [("", t.norm)]
        if clitics and t.kind == "word" and is_arabic(t.norm):
            cands += [(p, s) for p, s in clitic_splits(t.norm)[1:] if not is_definite(p)]
        for prefix, first in cands:
            node, best, j = self.root.get(first), None, k + 1
            while node is not None:
                if self._END in node:
                    best = (node[self._END], j)
                if j >= len(toks) or toks[j].nl:
                    break
                node, j = node.get(toks[j].norm), j + 1
            if best is not None:
                return best[0], best[1], _stem_start(t, len(prefix))
        return None


@dataclass(frozen=True)
class _MoneyWords:
    """The currencies file as the reader matches it: phrases after a number (payload: unit,
    and whether the phrase is money only in a sentence of money), Arabic duals (payload:
    unit), subunits (payload: their key), and signs as written, by their first token."""

    words: _PhraseTrie
    duals: _PhraseTrie
    subunits: _PhraseTrie
    signs: dict[str, list[tuple[tuple[str, ...], str, bool]]]  # first token -> (tokens, unit, before the number only)
    longest_sign: int


@lru_cache(maxsize=1)
def _money() -> _MoneyWords:
    table = currencies()
    words: dict[tuple[str, bool], list[str]] = {}
    for unit, phrases in table.names.items():
        for p in phrases:
            words.setdefault((unit, phrase_key(p) in table.ambiguous), []).append(p)
    signs: dict[str, list[tuple[tuple[str, ...], str, bool]]] = {}
    for written, before_only in ((table.symbols, False), (table.prefixes, True)):
        for sign, unit in written.items():
            texts = tuple(t.text for t in _tokenize(to_western_digits(sign)))
            signs.setdefault(texts[0], []).append((texts, unit, before_only))
    for lst in signs.values():
        lst.sort(key=lambda x: -len(x[0]))
    return _MoneyWords(
        words=_PhraseTrie(words),
        duals=_PhraseTrie(dict(table.duals)),
        subunits=_PhraseTrie({key: [key] for key in table.subunits}),
        signs=signs,
        longest_sign=max((len(x[0]) for lst in signs.values() for x in lst), default=1),
    )


# Latin words that may stand right before a number without making it part of a name: function
# words and every word of the English cue phrases ("Over 500", "Between 5 and 10").
_EN_OK_BEFORE = STOP_WORDS | {
    w
    for table in (QUALIFIERS_BEFORE, RANGE_OPENERS, {"": TOTAL_CONNECTORS})
    for phrases in table.values()
    for p in phrases
    for w in _phrase_tokens(p)
    if not is_arabic(w)
}

# --------------------------------------------------------------------------------------------
# Parsing
# --------------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Amount:
    k0: int  # first token (currency sign included)
    k1: int  # token after the amount and its unit
    start: int  # char offset of the quote
    end: int  # char offset after the last quoted token
    raw: float  # the number before its scale
    scale: float
    value: float
    kind: str  # "digits" or "words"
    unit: str | None = None  # ISO code, "percent" or a duration unit
    weak: bool = False  # a bare "one"/"واحد": only a quantity with a unit
    numeral: str = ""  # the digits as written, for the year test
    subunit: bool = False  # "50 cents": a subunit, its value already in the main unit


@dataclass(slots=True)
class _Mention:
    start: int
    end: int
    k_end: int  # token index after the quote (where a noun would be)
    value: float | None
    low: float | None
    high: float | None
    qualifier: str
    unit: str | None
    total: float | None = None
    approximate: bool = False
    noun: str | None = None
    numeric: tuple[int, int] = (0, 0)  # char span of the digits/number words, for skip checks
    year_like: bool = False
    negation_absorbed: bool = False  # "لم يتجاوز عدد الناجين 20": the negation made the bound
    total_span: tuple[int, int] | None = None  # char span of the whole in "700 of 770"
    whole: bool = False  # "out of 700 employees": the figure is itself a whole
    partitive: bool = False  # "500 of the employees": a part of a whole left unsaid
    share: bool = False  # a fraction word read as a percent ("nearly half", «نحو ثلث»)


class _Reader:
    def __init__(self, text: str, lang: str | None, place: Place | None = None):
        self.text = text
        self.nt = to_western_digits(text)
        self.toks = _tokenize(self.nt)
        self.n = len(self.toks)
        self.lang = lang
        self.fractions = find_fractions(text)
        # the token each share starts in ("وثلث" starts a share after its conjunction)
        starts = [t.start for t in self.toks]
        self.shares: dict[int, Fraction] = {
            bisect_right(starts, f.start) - 1: f for f in self.fractions if f.share and starts and f.start >= starts[0]
        }
        self.place = place or Place(text)  # where a currency's country is looked for
        self._money_sentence: bool | None = None  # whether English "pounds" can be money here

    # ---- small predicates ------------------------------------------------------------------

    def tok(self, k: int) -> _Tok | None:
        return self.toks[k] if 0 <= k < self.n else None

    def same_line(self, k: int) -> _Tok | None:
        """Token k if it exists and no line break separates it from the token before."""
        t = self.tok(k)
        return t if t is not None and not t.nl else None

    def arabic_context(self, k: int) -> bool:
        if self.lang:
            return self.lang.startswith("ar")
        ar = lat = 0
        for t in self.toks[max(0, k - 8): k + 8]:
            if t.kind == "word":
                if is_arabic(t.norm):
                    ar += 1
                else:
                    lat += 1
        return ar >= lat

    def stems(self, t: _Tok, definite: bool = False) -> list[str]:
        """The word and its readings without non-article proclitics (or with, if definite)."""
        if t.kind != "word":
            return [t.norm]
        if not is_arabic(t.norm):
            return [t.norm]
        return [s for p, s in clitic_splits(t.norm) if definite or not is_definite(p)]

    def is_month(self, t: _Tok | None) -> bool:
        if t is None or t.kind != "word":
            return False
        if not is_arabic(t.norm):
            return t.text[:1].isupper() and t.norm in MONTH_WORDS  # "may" is a modal
        return t.norm in MONTH_WORDS or any(s in MONTH_WORDS for s in self.stems(t)[1:])

    # ---- numbers that are not quantities ----------------------------------------------------

    def blocked(self, k: int) -> bool:
        """Whether the number token k is part of a name, label, time, date, list marker..."""
        t = self.toks[k]
        p = self.tok(k - 1)
        nx = self.tok(k + 1)
        if p is not None and t.glued:
            if p.kind == "word" and p.norm not in CLITIC_ONLY and not (
                p.norm in ("ال", "وال", "بال", "لل") and nx is not None and self._unit_word_after(k + 1)
            ) and not self.sign_ends_before(k):
                return True  # A320, ال3, v2; but "الـ24 ساعة", "الـ10 مليارات دولار", "SR500" are amounts
            if p.norm in _DASHES and (q := self.tok(k - 2)) and q.kind == "word" and p.glued:
                return True  # GPT-4, COVID-19
            if p.norm in ("#", "№") or (p.norm in ("/", ":", ".") and (q := self.tok(k - 2)) and q.kind == "num" and p.glued):
                return True  # #1, 10/11, 12:30, 1.2.3
            if p.norm == "," and p.glued and (q := self.tok(k - 2)) and q.kind == "num" and _DECIMAL_PART.fullmatch(t.text):
                return True  # "13,7 percent" in English: a list or a decimal comma, never 7%
        if nx is not None and nx.glued:
            if nx.kind == "word" and not self._unit_word_after(k + 1):
                return True  # 3rd, 10x, 10am
            if nx.norm in ("/", ":") and (q := self.tok(k + 2)) and q.kind == "num" and q.glued:
                return True
            if nx.norm == "," and (q := self.tok(k + 2)) and q.kind == "num" and q.glued and _DECIMAL_PART.fullmatch(q.text):
                return True  # the 13 of "13,7 percent": not 13 either
            if nx.norm == "." and (q := self.tok(k + 2)) and q.kind == "num" and q.glued:
                return True  # 1.2.3
            if nx.norm in _DASHES and (q := self.tok(k + 2)) and q.glued and q.kind == "word" and not (
                self._unit_word_after(k + 2) or _compound_noun(q)
            ):
                return True  # 3-D, but not 10-year or 30-member
        if _CLOCK_AFTER.match(self.nt, t.end):
            return True
        # "50-50", "3-2": two numbers joined by a dash that do not make a range (a ratio, a score)
        if nx is not None and nx.glued and nx.norm in _DASHES and (q := self.tok(k + 2)) and q.kind == "num" and q.glued:
            if t.value is not None and q.value is not None and t.value >= q.value:
                return True
        if p is not None and t.glued and p.norm in _DASHES and (q := self.tok(k - 2)) and q.kind == "num" and p.glued:
            if t.value is not None and q.value is not None and (q.value >= t.value or _year_pair(q, t)):
                return True  # 3-2, and the second year of "the 2019-2020 season"
        if p is not None and p.norm == "." and p.glued and (q := self.tok(k - 2)) is not None and q.norm in _LABEL_ABBREVIATIONS:
            return True  # No. 10, Vol. 3
        if p is not None and not t.nl:
            if p.kind == "word":
                stems = set(self.stems(p, definite=True))
                if stems & _LABEL_OR_NAME or self.is_month(p):
                    return True
                if (
                    not is_arabic(p.norm) and not self.sign_ends_before(k) and p.norm not in _EN_OK_BEFORE
                    and p.norm not in _EN_TIME_BEFORE and not _possessive(p)  # Gaza's 2.3 million
                    and not self._amount_word_after(k + 1)  # "استثمرت Microsoft 10 مليارات دولار"
                ):
                    latin_name = self.arabic_context(k) or p.text[:1].isupper() or any(
                        c.isupper() for c in p.text[1:]
                    )
                    if latin_name:
                        return True  # Office 365, Windows 11, iPhone 15, Formula 1
            if p.norm == "(" and t.glued and nx is not None and nx.norm == ")" and nx.glued:
                return True  # (1) enumeration
        if nx is not None and not nx.nl and nx.kind == "word":
            if nx.norm in TIME_OF_DAY or self.is_month(nx):
                return True
            if nx.norm in ("من", "of") and self.is_month(self.same_line(k + 2)):
                return True  # 17 من نوفمبر
        if nx is not None and nx.norm in _DASHES and (q := self.tok(k + 2)) and q.kind == "num":
            r = self.tok(k + 3)
            if r is not None and self.is_month(r):
                return True  # 17-21 نوفمبر
        if t.nl and nx is not None and nx.glued and nx.norm in (".", ")", "-") and t.value is not None and t.value < 100:
            after = self.tok(k + 2)
            if after is None or after.kind != "num":
                return True  # "1.عالقة", "2) ..." at line start
        return False

    def _amount_word_after(self, k: int) -> bool:
        """Whether token k (after a number) is a scale, currency or percent word: an amount."""
        t = self.same_line(k)
        if t is None or t.glued:
            return False
        return (
            t.norm in SCALE_WORDS or bool(_money().words.match(self.toks, k, clitics=False))
            or bool(self.unit_words(_PERCENT, k)) or bool(self.unit_words(_POINT_UNITS, k))
        )

    def _unit_word_after(self, k: int) -> bool:
        t = self.toks[k]
        if t.norm in SCALE_ABBREVIATIONS or t.norm in SCALE_WORDS or t.norm in DURATIONS:
            return True
        if _money().words.match(self.toks, k, clitics=False) or self.unit_words(_PERCENT, k) or self.unit_words(_POINT_UNITS, k):
            return True
        if t.glued and self.sign_at(k, before=False):
            return True  # "500KD"
        if t.glued and t.text in _TEMPERATURE_LETTERS and self.temperature_at(k):
            return True  # "-12C"
        return False

    def unit_words(self, phrases: _Phrases, k: int):
        """A percent or point unit at token k; "pc", "pp", "bps" only in lower case."""
        found = phrases.match(self.toks, k, clitics=False)
        t = self.toks[k] if found else None
        if t is not None and t.norm in LOWER_CASE_ONLY and not t.text.islower():
            return None
        return found

    # ---- amounts ---------------------------------------------------------------------------

    def amount(self, k: int, subunit_of: str | None = None) -> _Amount | None:
        """A number at token k, with its currency sign, scale and unit word; with
        ``subunit_of``, the subunit part of an amount in that currency ("50 cents" after
        "3 dollars")."""
        t = self.tok(k)
        if t is None:
            return None
        k0, currency, start = k, None, None
        pct_before = False
        # a minus sign glued to the number (or its currency sign) and set off before it ("fell
        # to -10 degrees", "-$5 million"; not the dash of "10-20"), or a word for minus
        # ("minus 10", «سالب عشرة»)
        negative = (
            (
                t.kind == "punct" and t.norm in _MINUS and not t.glued and (nx := self.tok(k + 1)) is not None and nx.glued
                and (nx.kind == "num" or self.sign_before(k + 1) is not None)
            )
            or (t.kind == "word" and t.norm in _MINUS_WORDS and self.same_line(k + 1) is not None)
        )  # fmt: skip
        if negative:
            start, k = t.start, k + 1
            t = self.tok(k)
        if (sign := self.sign_before(k)) is not None:  # "$5", "US$5m", "SR1.5 billion", "OMR 500"
            currency, start, k = self.settle(sign[0]), t.start if start is None else start, sign[1]
        elif t.norm in ("%", "٪") and (nx := self.tok(k + 1)) and nx.kind == "num" and nx.glued:
            pct_before, start, k = True, t.start, k + 1  # "%49" as typed right-to-left
        t = self.tok(k)
        if t is None:
            return None
        weak = False
        numeral = ""
        if t.kind == "num":
            if t.value is None or self.blocked(k):
                return None
            raw, scale, kind, numeral = t.value, 1.0, "digits", t.text
            start = t.start if start is None else start
            end = t.end
            k += 1
            nx = self.same_line(k)
            if nx is not None and nx.kind == "word":
                ab = nx.text.lower()
                money = currency or self.currency_follows(k + 1)  # "$5m", "3m euros"
                if nx.glued and ab in SCALE_ABBREVIATIONS and (ab not in ("m", "b") or money or self.counted_plural(k)) and not (ab == "k" and nx.text == "K" and not currency):
                    scale, end, k = SCALE_ABBREVIATIONS[ab], nx.end, k + 1
                elif nx.glued and ab in ("m", "b"):
                    return None  # "a 10m wall", "the 100m final": metres, not millions
                elif nx.norm in SCALE_WORDS:
                    scale, end, k = SCALE_WORDS[nx.norm], nx.end, k + 1
                elif not nx.glued and ab in ("bn", "mn", "tn") or (ab in ("m", "b") and money and not nx.glued):
                    scale, end, k = SCALE_ABBREVIATIONS[ab], nx.end, k + 1
            if scale > 1 and (h := self.same_line(k)) and h.norm == "ونصف":
                raw, end, k = raw + 0.5, h.end, k + 1
            value = raw * scale
        elif t.kind == "word":
            found = None
            readings = clitic_splits(t.norm) if is_arabic(t.norm) else [("", t.norm)]
            for prefix, stem in readings:
                if prefix not in _NUMBER_PROCLITICS or not (number_word(stem) or stem in ("a", "an")):
                    continue
                seq = [stem]
                j = k + 1
                # long enough for "nine hundred and ninety-nine million, nine hundred ..."
                while j < self.n and len(seq) < 40 and not self.toks[j].nl and (
                    self.toks[j].kind == "word" or (self.toks[j].norm == "-" and self.toks[j].glued)
                    or (self.toks[j].norm == "," and (self.toks[j - 1].norm in SCALE_WORDS))
                ):
                    seq.append(self.toks[j].norm)
                    j += 1
                r = read_number_words(seq)
                if r:
                    found = (prefix, stem, r)
                    break
            if not found:
                return None
            prefix, stem, (value, used) = found
            start = _stem_start(t, len(prefix)) if start is None else start
            last = self.toks[k + used - 1]
            end = last.end
            scale = 1.0
            for j in range(k, k + used):
                w = number_word(self.toks[j].norm if j > k else stem) or number_word(self.toks[j].norm[1:])
                if w and w[0] in ("scale", "scale_pl", "scale_dual"):
                    scale = max(scale, w[1])
            raw = value / scale
            kind = "words"
            weak = used == 1 and stem in ONE_WORDS
            k += used
            x = self.same_line(k)
            if x is not None and x.norm in _DASHES and x.glued:
                x = self.tok(k + 1)
            if x is not None and x.norm in _FRACTION_DENOMINATORS:
                return None  # two-thirds, three quarters: a proportion, not a figure
        else:
            return None
        # "two and a half million", "3 and a half hours"
        if scale == 1 and (x := self.same_line(k)) is not None and x.norm == "and" and [
            y.norm for y in self.toks[k + 1:k + 3]
        ] == ["a", "half"] and not self.toks[k + 2].nl:
            raw, value, end, k = raw + 0.5, value + 0.5, self.toks[k + 2].end, k + 3
            if (sc := self.same_line(k)) is not None and sc.norm in SCALE_WORDS:
                scale, end, k = SCALE_WORDS[sc.norm], sc.end, k + 1
                value = raw * scale
        unit = None
        if pct_before:
            unit = "percent"
        # a currency sign after the number ("10$", "20 €", "5 million €", "500 ر.س"), unless it
        # opens the next amount ("10 $20")
        if currency is None and not pct_before and (sign := self.sign_after(k)) is not None:
            currency, end, k = self.settle(sign[0]), self.toks[sign[1] - 1].end, sign[1]
        # currency after the number (also after a sign: "$5 million dollars" is rare but harmless);
        # after a main unit, a subunit first: in «5 ريالات و50 درهما» the dirhams are Qatar's
        sub = self.subunit_at(k, subunit_of) if scale == 1 and currency is None and not pct_before else None
        if (subunit_of is None or sub is None) and (cur := self.currency_words(k)) is not None:
            currency, k, end, sub = *cur, None
        subunit = False
        if currency:
            unit = currency
            # "3 dollars 50 cents", «عشرة دنانير وخمسون فلساً»: one amount in two units
            if subunit_of is None and scale == 1 and (part := self.subunit_part(k, currency)) is not None:
                value, raw, unit, k, end = value + part.value, raw + part.value, part.unit, part.k1, part.end
        elif unit is None and sub is not None:
            # "50 cents", «50 هللة»: a fraction of the main unit
            unit, k, end, subunit = sub[0], sub[2], sub[3], True
            value, raw = value / sub[1], raw / sub[1]
        elif unit is None and self.same_line(k):
            # points first: "3 percent points" are percentage points, not 3%
            pp = self.unit_words(_POINT_UNITS, k)
            pp = pp if pp and abs(value * float(pp[0])) <= MAX_POINTS else None
            pc = None if pp else self.unit_words(_PERCENT, k)
            if pp:
                unit, k, end = PERCENTAGE_POINT, pp[1], self.toks[pp[1] - 1].end
                value, raw = value * float(pp[0]), raw * float(pp[0])
            elif pc:
                unit, k, end = "percent", pc[1], self.toks[pc[1] - 1].end
            elif (deg := self.temperature_at(k)) is not None:
                unit, k, end = deg[0], deg[1], self.toks[deg[1] - 1].end
            else:
                d = self.duration_at(k)
                if d:
                    unit, mult, k, end = d
                    fr = self.fraction_after(k)  # "3 ساعات ونصف"
                    if fr:
                        value, raw, k, end = value + fr[0], raw + fr[0], k + 1, fr[1]
                    value, raw = value * mult, raw * mult
        if negative:
            raw, value = -raw, -value
        return _Amount(k0, k, start, end, raw, scale, value, kind, unit, weak, numeral, subunit)

    def temperature_at(self, k: int) -> tuple[str, int] | None:
        """(unit, index after) of a temperature's scale at token k: "°C", "-12C" (a capital
        glued to the number: "10c" may be cents), "degrees Celsius", «درجة مئوية»."""
        t = self.same_line(k)
        if t is None:
            return None
        if t.glued and t.kind == "word" and t.text in _TEMPERATURE_LETTERS:
            # a bare letter only where the sentence speaks of weather: "Flight 10C" is a seat
            if self.phrase_ends(k + 1) and _TEMPERATURE_CONTEXT.search(self.text):
                return _TEMPERATURE_LETTERS[t.text], k + 1
            return None
        found = _TEMPERATURES.match(self.toks, k, clitics=False)
        return (found[0], found[1]) if found else None

    # ---- money -----------------------------------------------------------------------------

    def settle(self, unit: str) -> str:
        """The ISO code a family's word names here, or the family (:mod:`factcheck.claims.money`)."""
        return currencies().settle(unit, self.place)

    def sign_at(self, k: int, before: bool) -> tuple[str, int] | None:
        """(unit, index after) of a currency sign written at token k, its tokens glued: "$",
        "US$", "E£", «ر.س», a code ("OMR"); with ``before``, also the abbreviations written
        only before a number ("SR", "Dh")."""
        t = self.tok(k)
        if t is None:
            return None
        for texts, unit, before_only in _money().signs.get(t.text, ()):
            end = k + len(texts)
            if (before or not before_only) and end <= self.n and all(
                self.toks[k + j].text == texts[j] and self.toks[k + j].glued for j in range(1, len(texts))
            ):
                return unit, end
        return None

    def sign_before(self, k: int) -> tuple[str, int] | None:
        """A currency sign at token k followed by its number on the same line ("$5", "KD 5")."""
        sign = self.sign_at(k, before=True)
        if sign is not None and (nx := self.same_line(sign[1])) is not None and nx.kind == "num":
            return sign
        return None

    def sign_ends_before(self, k: int) -> bool:
        """Whether a currency sign ends right before the number at token k ("SR500", "KD 5")."""
        if self.toks[k].nl:
            return False
        for j in range(max(0, k - _money().longest_sign), k):
            sign = self.sign_at(j, before=True)
            if sign is not None and sign[1] == k:
                return True
        return False

    def sign_after(self, k: int) -> tuple[str, int] | None:
        """A currency sign at token k after a number ("10$", "500 ر.س", "500 OMR"), unless a
        number follows it ("10 $20": it opens the next amount). A sign of Latin letters only
        ("KD", "TL", "OMR") is one here only at the end of the phrase: "a fine of 500 KD.",
        "5 billion RMB in loans", not "10 QR codes" nor "10 TL goals"."""
        t = self.same_line(k)
        if t is None:
            return None
        sign = self.sign_at(k, before=t.kind == "word" and not is_arabic(t.norm))
        if sign is None or ((nx := self.same_line(sign[1])) is not None and nx.kind == "num"):
            return None
        if t.kind == "word" and not is_arabic(t.norm) and sign[1] == k + 1 and not self.phrase_ends(sign[1]):
            return None
        return sign

    def currency_follows(self, k: int) -> bool:
        """Whether a currency sign or word stands at token k: "3m euros", "3m€"."""
        return self.same_line(k) is not None and bool(
            self.sign_at(k, before=False) or _money().words.match(self.toks, k, clitics=False)
        )

    def currency_words(self, k: int) -> tuple[str, int, int] | None:
        """(unit, index after, end char) of a currency's words at token k: "dollars",
        "Kuwaiti dinars", «دينار أردني», «من الدولارات». English "pounds" is money only in a
        sentence of money and not before "of" ("500 pounds of cocaine")."""
        if self.same_line(k) is None:
            return None
        found = _money().words.match(self.toks, k, clitics=False)
        if not found:
            return None
        (unit, ambiguous), after, _ = found
        if ambiguous:
            nx = self.same_line(after)
            if nx is not None and nx.norm == "of":
                return None
            if self._money_sentence is None:
                self._money_sentence = currencies().money_sentence(self.text)
            if not self._money_sentence:
                return None
        return self.settle(unit), after, self.toks[after - 1].end

    def subunit_at(self, k: int, main: str | None) -> tuple[str, int, int, int] | None:
        """(unit, divisor, index after, end char) of a subunit's word at token k ("cents",
        «فلساً») of the currency ``main``, or of the currency it determines alone."""
        if self.same_line(k) is None:
            return None
        found = _money().subunits.match(self.toks, k, clitics=False)
        if not found:
            return None
        key, after, _ = found
        read = currencies().subunit(key, main, self.place)
        return (read[0], read[1], after, self.toks[after - 1].end) if read else None

    def subunit_part(self, k: int, main: str) -> _Amount | None:
        """The subunit part after an amount in ``main`` at token k: "(3 dollars) 50 cents",
        "(3 dollars) and 50 cents", «(عشرة دنانير) وخمسون فلساً», «(10 دنانير) و50 فلساً»; less
        than one main unit."""
        c = self.same_line(k)
        if c is None:
            return None
        if c.norm in ("and", "و"):
            k += 1
            if self.same_line(k) is None:
                return None
        part = self.amount(k, subunit_of=main)
        if part is None or not part.subunit or not 0 < part.value < 1:
            return None
        return part

    def money_dual(self, k: int, qual: str | None) -> _Mention | None:
        """«دينارين» (2 dinars), «ريالين سعوديين» (2 SAR), «ديناران وخمسون فلساً» (2.05): an
        Arabic dual is its own number."""
        found = _money().duals.match(self.toks, k)
        value = 2.0
        if not found:
            # «ديناراً و500 فلس», "a dollar and 50 cents": the word alone is one of it, when a
            # subunit follows (a currency word alone is no figure)
            p = self.tok(k - 1)
            if p is not None and (p.kind == "num" or number_word(p.norm)):
                return None
            one = _money().words.match(self.toks, k, clitics=False)
            if not one or self.subunit_part(one[1], self.settle(one[0][0])) is None:
                return None
            found, value = (one[0][0], one[1], one[2]), 1.0
        unit, after, start = found
        unit, end = self.settle(unit), self.toks[after - 1].end
        if (part := self.subunit_part(after, unit)) is not None:
            value, unit, after, end = value + part.value, part.unit, part.k1, part.end
        return self.finish(_Mention(start, end, after, value, value, value, qual or "exact", unit, numeric=(start, end)))

    def counted_plural(self, k: int) -> bool:
        """Whether the "m" of "3m" at token k counts the plural after it: "3m people", "2m
        barrels"; not "the 100m hurdles", where the number names a distance."""
        p, nx = self.tok(k - 2), self.same_line(k + 1)
        if p is not None and p.norm in ("the", "a", "an") or nx is None or not _lower_latin(nx):
            return False
        return nx.norm in _EN_IRREGULAR_PLURALS or (nx.norm.endswith("s") and not nx.norm.endswith("ss") and len(nx.norm) > 3)

    def fraction_after(self, k: int) -> tuple[float, int] | None:
        """(fraction, end char) of "ونصف" / "وربع" at token k."""
        t = self.same_line(k)
        if t is None or t.kind != "word" or not t.norm.startswith("و"):
            return None
        w = number_word(t.norm[1:])
        return (w[1], t.end) if w and w[0] == "fraction" else None

    def duration_at(self, k: int):
        """(unit, multiplier, index after, end char) of a duration word at token k."""
        t = self.same_line(k)
        if t is None:
            return None
        if t.norm in ("-",) and t.glued and (w := self.tok(k + 1)) and w.glued and w.kind == "word":
            t, k = w, k + 1  # "10-year"
        if t.kind != "word":
            return None
        if t.norm == "عقد" and self._decade(k):
            return "year", 10.0, k + 3, self.toks[k + 2].end
        d = DURATIONS.get(t.norm)
        if d is None or d[2] == "two":
            return None
        return d[0], d[1], k + 1, t.end

    def _decade(self, k: int) -> bool:
        return all(
            (x := self.tok(k) if j == 0 else self.same_line(k + j)) is not None and x.norm == w
            for j, w in enumerate(_DECADE_AR)
        )

    # ---- mentions --------------------------------------------------------------------------

    def parse_at(self, i: int) -> _Mention | None:
        if self.compound_ordinal(i):
            return None
        qual, k, qstart = None, i, None
        q = _QUAL_BEFORE.match(self.toks, i) if self.toks[i].norm not in _NOT_QUALIFIERS else None
        if q:
            qual, k, qstart = q
            if self.tok(k) is None or self.tok(k).nl:
                return None
            if qual == "at_most" and self.toks[i].norm in _TO_REACH:
                qual, qstart = None, None  # "لتصل إلى 800 مليون": the figure reached, not a ceiling
        m = next((m for rule in VALUE_RULES if (m := rule.read(self, k, qual)) is not None), None)
        if m is None:
            return None
        if qstart is not None:
            m.start = qstart
        elif m.qualifier == "exact" and m.value is not None and m.total is None:
            self.verb_qualifier(i, m)
        if m.total is None and self.after_whole_marker(i):
            m.whole = True
        return m

    def compound_ordinal(self, i: int) -> bool:
        """Whether token i is the «عشر» of an ordinal from 11th to 19th: «الذكرى الخامسة
        عشرة», «في الخامس عشر من الشهر» count nothing."""
        t, p = self.toks[i], self.tok(i - 1)
        return t.norm in _TEN_WORDS and p is not None and not t.nl and p.norm in _ORDINAL_UNITS

    def after_whole_marker(self, i: int) -> bool:
        """Whether token i follows "من أصل" / "out of" with no figure before it: "most of the
        remaining staff, out of 700 employees" states the whole, not a part."""
        for words in _WHOLE_MARKERS:
            j = i - len(words)
            if j < 0 or self.toks[i].nl or any(self.toks[j + n].norm != w or (n and self.toks[j + n].nl) for n, w in enumerate(words)):
                continue
            before = self.tok(j - 1)
            return before is None or before.nl or not (before.kind == "num" or number_word(before.norm))
        return False

    def verb_qualifier(self, i: int, m: _Mention) -> None:
        """Qualify m from an Arabic verb a few words before it (verb, subject, figure)."""
        j = i - 1
        p = self.tok(j)
        if p is None or self.toks[i].nl:
            return
        prep = ""
        if p.kind == "word" and p.norm in ("من", "عن", "علي"):
            prep, j = p.norm, j - 1
        for gap in range(5):
            t = self.tok(j)
            if t is None or t.kind != "word" or not is_arabic(t.norm) or self.toks[j + 1].nl:
                return
            hit = next((_VERB_QUALS[s] for s in self.stems(t) if s in _VERB_QUALS), None)
            if hit is not None:
                qual, preps = hit
                if (prep in preps if preps else not prep) and (gap or prep):
                    neg = self.tok(j - 1)
                    if neg is not None and neg.norm in _VERB_NEGATIONS:
                        if qual not in _NEGATED_BOUND:
                            return
                        qual, m.negation_absorbed = _NEGATED_BOUND[qual], True
                    m.qualifier = qual
                    if qual in ("more_than", "at_least"):
                        m.high = None
                    elif qual in ("less_than", "at_most"):
                        m.low = None
                return
            if t.norm in STOP_WORDS or number_word(t.norm) or any(s in CHANGE_VERBS for s in self.stems(t)):
                return
            j -= 1

    def post_qualifier(self, m: _Mention) -> None:
        if m.k_end >= self.n or self.toks[m.k_end].nl:
            return
        q = _QUAL_AFTER.match(self.toks, m.k_end)
        if q and m.qualifier == "exact":
            m.qualifier, m.k_end, m.end = q[0], q[1], self.toks[q[1] - 1].end
            if q[0] in ("more_than", "at_least"):
                m.high = None
            elif q[0] == "at_most":
                m.low = None

    def finish(self, m: _Mention) -> _Mention:
        """Fill the interval from the qualifier, then the noun and a trailing qualifier."""
        if m.qualifier in ("more_than", "at_least"):
            m.high = None
        elif m.qualifier in ("less_than", "at_most"):
            m.low = None
        self.post_qualifier(m)
        if m.unit is None:
            m.unit = "count"
            m.noun = self.noun_after(m.k_end)
            of = self.same_line(m.k_end)
            m.partitive = bool(m.noun) and of is not None and of.norm in ("من", "of")
            nx = self.same_line(m.k_end)
            if m.noun and m.qualifier == "exact" and nx is not None and self.text[nx.start:nx.end] == m.noun:
                # "500 موظف على الأقل": the qualifier comes after the noun; the quote then
                # spans the noun too, so that it stays the mention as written
                q = _QUAL_AFTER.match(self.toks, m.k_end + 1) if self.same_line(m.k_end + 1) else None
                if q:
                    m.k_end = m.k_end + 1
                    self.post_qualifier(m)
        return m

    def noun_after(self, k: int) -> str | None:
        """The counted word after a number: "500 موظف", "500 من موظفي", "500 of the employees"."""
        t = self.same_line(k)
        if t is not None and t.norm in _DASHES and t.glued and (w := self.tok(k + 1)) and w.glued and _compound_noun(w):
            if w.norm in _MEASURE_ADJECTIVES:
                return self.noun_after(k + 2)  # "a 1,000-strong force"
            return self.text[w.start:w.end]  # "30-member board"
        if t is None or t.kind != "word":
            return None
        if t.norm in ("من", "of"):
            k += 1
            while (x := self.same_line(k)) is not None and (x.norm in _EN_DETERMINERS or _possessive(x)):
                k += 1
            t = self.same_line(k)
            if t is None or t.kind != "word":
                return None
        if not is_arabic(t.norm):
            # English puts adjectives before the head noun: "7 to 10 founding members",
            # "3 new hospitals", "the 30 largest companies", "20 wounded soldiers"
            for _ in range(3):
                nx = self.same_line(k + 1)
                if not (_adjective_like(t) and nx is not None and _lower_latin(nx) and self.sensible_noun(nx)):
                    break
                k, t = k + 1, nx
        if self.sensible_noun(t):
            return self.text[t.start:t.end]
        if is_arabic(t.norm) or not t.text[:1].isupper():
            return None
        nx = self.same_line(k + 1)
        if nx is not None and _lower_latin(nx) and self.sensible_noun(nx):
            return self.text[nx.start:nx.end]  # "500 Microsoft employees"
        if (
            len(t.text) > 3 and t.text[1:].islower() and t.norm.endswith("s") and not t.norm.endswith("ss")
            and not _possessive(t) and t.norm not in STOP_WORDS and not self.is_month(t)
            and t.norm not in DATE_CONTEXT_WORDS
        ):
            return t.text  # "1.3 million Palestinians", "40 Democrats": a capitalised plural
        return None

    def sensible_noun(self, t: _Tok) -> bool:
        if t.kind != "word" or len(t.norm) < 2:
            return False
        stems = set(self.stems(t))
        if t.norm in STOP_WORDS or stems & STOP_WORDS:
            return False
        if self.is_month(t) or t.norm in TIME_OF_DAY or t.norm in DATE_CONTEXT_WORDS:
            return False
        if number_word(t.norm) or t.norm in VAGUE_WORDS:
            return False
        if not is_arabic(t.norm):
            if t.text[:1].isupper() or any(c.isupper() for c in t.text[1:]) or _possessive(t):
                return False  # a name or an owner, not the thing counted
            if len(t.norm) > 4 and t.norm.endswith("ed"):
                return False  # "500 signed": a verb
        return True

    def vague(self, k: int, qual: str | None) -> _Mention | None:
        """عشرات الملايين من الدولارات, مئات الموظفين, tens of millions of dollars, dozens of."""
        t = self.tok(k)
        if t is None or t.kind != "word":
            return None
        base = None
        prefix = ""
        for p, s in clitic_splits(t.norm) if is_arabic(t.norm) else [("", t.norm)]:
            if s in VAGUE_WORDS:
                base, prefix = VAGUE_WORDS[s], p
                break
        if base is None:
            return self.several(k, qual)
        arabic = is_arabic(t.norm)
        j = k + 1
        mult = 1.0
        end = t.end
        nx = self.same_line(j)
        if not arabic:
            if nx is None or nx.norm != "of":
                return None  # "millions" alone, "hundreds" as a noun: too vague to read
            second = self.same_line(j + 1)
            if second is not None and second.norm in VAGUE_WORDS and VAGUE_WORDS[second.norm] >= 1e3 and base < 1e3:
                mult, end, j = VAGUE_WORDS[second.norm], second.end, j + 2
        elif nx is not None and nx.kind == "word" and base < 1e3:
            for p, s in clitic_splits(nx.norm):
                if p in ("", "ال") and s in VAGUE_WORDS and VAGUE_WORDS[s] >= 1e3:
                    mult, end, j = VAGUE_WORDS[s], nx.end, j + 1
                    break
        if base == 12:
            low, high = 24.0 * mult, 100.0 * mult
        else:
            low, high = base * mult, base * 10 * mult
        unit = None
        if (cur := self.currency_words(j)) is not None:
            unit, j, end = cur
        # the quote keeps the article (المئات) and drops a conjunction or preposition (والمئات)
        start = _stem_start(t, len(prefix) - 2 if prefix.endswith("ال") else len(prefix))
        m = _Mention(start, end, j, None, low, high, "range", unit, approximate=True, numeric=(start, end))
        # "أكثر من عشرات الآلاف": the bound of the vague range becomes the value
        if qual in ("more_than", "at_least"):
            m.value, m.high, m.qualifier = m.low, None, qual
        elif qual in ("less_than", "at_most"):
            m.value, m.low, m.qualifier = m.high, None, qual
        if unit is None:
            m.unit = "count"
            if arabic and (x := self.same_line(j)) is not None and x.norm not in ("من",) and self.sensible_noun(x):
                m.noun = self.text[x.start:x.end]  # construct: مئات الموظفين
            else:
                m.noun = self.noun_after(j)
        return m

    def several(self, k: int, qual: str | None) -> _Mention | None:
        """عدة ملايين, بضعة آلاف, several million, a few thousand: 2..10 times the scale."""
        sv = _SEVERAL.match(self.toks, k)
        if not sv or qual:
            return None
        _, j, start = sv
        sc = self.same_line(j)
        if sc is None or sc.kind != "word":
            return None
        if is_arabic(sc.norm):
            scale = VAGUE_WORDS.get(sc.norm)
        else:
            scale = 100.0 if sc.norm == "hundred" else SCALE_WORDS.get(sc.norm)
        if not scale or scale < 100:
            return None  # عدة ساعات, a few days: not figures
        end, j = sc.end, j + 1
        if scale == 100 and (big := self.same_line(j)) is not None and SCALE_WORDS.get(big.norm, 0) >= 1e3 and not is_arabic(big.norm):
            scale, end, j = scale * SCALE_WORDS[big.norm], big.end, j + 1  # several hundred thousand
        unit = None
        if (cur := self.currency_words(j)) is not None:
            unit, j, end = cur
        m = _Mention(start, end, j, None, 2 * scale, 10 * scale, "range", unit, approximate=True, numeric=(start, end))
        if unit is None:
            m.unit = "count"
            m.noun = self.noun_after(j)
        return m

    def duration_noun(self, k: int, qual: str | None) -> _Mention | None:
        """يومين (2 days), يوم واحد (1 day), and with a qualifier أقل من عام / less than a year."""
        t = self.tok(k)
        if t is None or t.kind != "word":
            return None
        stems = self.stems(t)
        # "نصف ساعة", "ربع قرن", "half an hour": a fraction of one unit
        fr = number_word(t.norm)
        if fr and fr[0] == "fraction":
            j = k + 1 + ((x := self.same_line(k + 1)) is not None and x.norm in ("a", "an") and not is_arabic(t.norm))
            u = self.same_line(j)
            d = DURATIONS.get(u.norm) if u is not None and u.kind == "word" else None
            if d and d[2] in ("one", "one+many") and (is_arabic(t.norm) or j > k + 1):
                v = fr[1] * d[1]
                return self.finish(_Mention(t.start, u.end, j + 1, v, v, v, qual or "exact", d[0], numeric=(t.start, u.end)))
        # "الساعات الـ24 الماضية", "السنوات الخمس الماضية": a definite plural and its number
        if is_arabic(t.norm) and (nx := self.same_line(k + 1)) is not None:
            for p, s in clitic_splits(t.norm):
                d = DURATIONS.get(s) if p.endswith("ال") or p.endswith("لل") else None
                if d is None or d[2] != "many":
                    continue  # a plural only: "الساعة الـ10" is a clock time
                n, end, kn = None, None, k + 2
                if nx.kind == "word" and nx.norm in ("ال",) and (num := self.tok(k + 2)) is not None and num.glued and num.kind == "num":
                    n, end, kn = num.value, num.end, k + 3
                elif nx.kind == "word" and nx.norm.startswith("ال") and (w := number_word(nx.norm[2:])) and w[0] in ("unit", "ten", "tens"):
                    n, end = w[1], nx.end
                if n:
                    v = n * d[1]
                    st = _stem_start(t, len(p) - 2)
                    return self.finish(_Mention(st, end, kn, v, v, v, qual or "exact", d[0], numeric=(st, end)))
                break
        for s in stems:
            d = DURATIONS.get(s)
            if d and d[2] in ("one", "one+many") and s == t.norm and is_arabic(s) and (fr := self.fraction_after(k + 1)):
                v = (1 + fr[0]) * d[1]  # "ساعة ونصف": one and a half
                return self.finish(_Mention(t.start, fr[1], k + 2, v, v, v, qual or "exact", d[0], numeric=(t.start, fr[1])))
            if d and d[2] == "two" and s == t.norm:
                return self.finish(_Mention(t.start, t.end, k + 1, 2.0 * d[1], 2.0 * d[1], 2.0 * d[1], qual or "exact", d[0], numeric=(t.start, t.end)))
            if d and d[2] in ("one", "one+many"):
                one = self.same_line(k + 1)
                if one is not None and one.norm in ("واحد", "واحده", "واحدا"):
                    v = d[1]
                    start = _stem_start(t, len(t.norm) - len(s))
                    return self.finish(_Mention(start, one.end, k + 2, v, v, v, qual or "exact", d[0], numeric=(start, one.end)))
                if qual in _IMPLICIT_ONE_QUALIFIERS and s == t.norm and is_arabic(s) and self.phrase_ends(k + 1):
                    return self.finish(_Mention(t.start, t.end, k + 1, d[1], d[1], d[1], qual, d[0], numeric=(t.start, t.end)))
        # "بعد أسبوع", "منذ عام", "قبل عقد من الزمن", "within a year": one unit after a
        # preposition of time
        if qual is None and (p := self.tok(k - 1)) is not None and not t.nl and p.norm in _DURATION_PREPS:
            d = DURATIONS.get(t.norm)
            nx = self.same_line(k + 1)
            if (
                d and d[2] in ("one", "one+many") and is_arabic(t.norm)
                and not (nx is not None and (nx.kind == "num" or nx.norm.startswith("ال") or self.is_month(nx) or number_word(nx.norm)))
            ):
                return self.finish(_Mention(t.start, t.end, k + 1, d[1], d[1], d[1], "exact", d[0], numeric=(t.start, t.end)))
            if t.norm == "عقد" and self._decade(k):
                e = self.toks[k + 2].end
                return self.finish(_Mention(t.start, e, k + 3, 10.0, 10.0, 10.0, "exact", "year", numeric=(t.start, e)))
            if t.norm in ("a", "an") and (u := self.same_line(k + 1)) is not None:
                d = DURATIONS.get(u.norm)
                if d and d[2] in ("one", "one+many") and not is_arabic(u.norm) and self.phrase_ends(k + 2):
                    return self.finish(_Mention(t.start, u.end, k + 2, d[1], d[1], d[1], "exact", d[0], numeric=(t.start, u.end)))
        if qual in _IMPLICIT_ONE_QUALIFIERS and t.norm == "عقد" and self._decade(k):
            e = self.toks[k + 2].end
            return self.finish(_Mention(t.start, e, k + 3, 10.0, 10.0, 10.0, qual, "year", numeric=(t.start, e)))
        if qual in _IMPLICIT_ONE_QUALIFIERS and t.norm in ("a", "an", "one") and (u := self.same_line(k + 1)) is not None:
            d = DURATIONS.get(u.norm)
            if d and d[2] in ("one", "one+many") and self.phrase_ends(k + 2):
                return self.finish(_Mention(t.start, u.end, k + 2, d[1], d[1], d[1], qual, d[0], numeric=(t.start, u.end)))
        return None

    def phrase_ends(self, k: int) -> bool:
        """Whether nothing but punctuation or a function word follows (أقل من عام، / عام من)."""
        t = self.same_line(k)
        return t is None or t.kind == "punct" or t.norm in STOP_WORDS

    def range(self, k: int, qual: str | None) -> _Mention | None:
        op = _OPENERS.match(self.toks, k, clitics=True)
        opener, ka, start = None, k, None
        if op:
            opener, ka, start = op
        a = self.amount(ka)
        if a is None:
            return None
        if opener == "from" and self.change_before(k):
            return self.change_from(a)  # ارتفع عدد القتلى من 20 إلى 45: two values
        if opener is None:
            prev = self.tok(k - 1)
            if prev is not None and prev.norm in ("من", "from"):
                return None
        c = self.same_line(a.k1)
        if c is None:
            return None
        allowed = _RANGE_CONNECTORS[opener]
        b = None
        if c.norm in allowed and c.norm != "و":
            b = self.amount(a.k1 + 1) if self.same_line(a.k1 + 1) else None
            if c.norm in _DASHES and (a.kind != "digits" or b is None or b.kind != "digits"):
                b = None
        elif "و" in allowed and c.norm == "و":
            b = self.amount(a.k1 + 1) if self.same_line(a.k1 + 1) else None
        elif "و" in allowed and c.kind == "word" and c.norm.startswith("و"):
            b = self.amount(a.k1)
        if b is None:
            return None
        if a.unit is not None and b.unit is None and self.noun_after(b.k1):
            return None  # "paid $3 million to 200 employees": an amount and a count, no range
        # the scale and the unit written once after the second number apply to the first
        if a.scale == 1 and b.scale > 1 and a.raw <= b.raw and (a.unit is None or b.unit in (None, a.unit)):
            a.value = a.raw * b.scale
        elif b.scale == 1 and a.scale > 1 and b.raw >= a.raw and b.unit in (None, a.unit):
            b.value = b.raw * a.scale
        if (a.unit and b.unit and a.unit != b.unit) or a.subunit != b.subunit:
            return None  # "rose 5 cents to $3.20" is no range
        unit = a.unit or b.unit
        low, high = a.value, b.value
        if low >= high:
            return None
        if unit is None and a.kind == b.kind == "digits" and all(
            float(v).is_integer() and 1900 <= v <= 2100 for v in (low, high)
        ):
            return None  # 2015-2018: years
        m = _Mention(
            start if start is not None else a.start, b.end, b.k1, None, low, high, "range", unit,
            approximate=qual == "approx", numeric=(a.start, b.end),
        )
        return self.finish(m)

    def change_before(self, k: int) -> bool:
        """Whether a verb or noun of change stands shortly before token k in its clause."""
        for j in range(k - 1, max(-1, k - 7), -1):
            t = self.toks[j]
            if t.kind != "word":
                return False
            if any(s in CHANGE_VERBS for s in self.stems(t)):
                return True
            if t.nl:
                return False
        return False

    def change_from(self, a: _Amount) -> _Mention | None:
        """The first value of "rose from 5 to 10 million": a value of its own, which takes the
        scale and unit written once after the second ("from 5 to 10 million" is 5 million, as in
        a range) unless the two raw numbers are too far apart to share one ("from 900 to 1.2
        million"). The second value is read on its own afterwards."""
        c = self.same_line(a.k1)
        if c is None or c.norm not in _RANGE_CONNECTORS["from"]:
            return None
        b = self.amount(a.k1 + 1) if self.same_line(a.k1 + 1) else None
        if b is None:
            return None
        if a.scale == 1 and b.scale > 1 and a.unit in (None, b.unit) and a.raw and b.raw and 0.01 <= a.raw / b.raw <= 100:
            a.value = a.raw * b.scale
        unit = a.unit or b.unit
        m = _Mention(a.start, a.end, a.k1, a.value, a.value, a.value, "exact", unit, numeric=(a.start, a.end))
        return self.finish(m)

    def share(self, k: int, qual: str | None) -> _Mention | None:
        """A fraction word that states a share, as a percent: "nearly half", «نحو ثلث»."""
        f = self.shares.get(k)
        if f is None:
            return None
        j = k
        while j < self.n and self.toks[j].start < f.end:
            j += 1
        v = f.percent
        return self.finish(_Mention(f.start, f.end, j, v, v, v, qual or "exact", "percent", numeric=(f.start, f.end), share=True))

    def points_noun(self, k: int, qual: str | None) -> _Mention | None:
        """Percentage points with the number in the words: «نقطتين مئويتين», "half a
        percentage point", «نقطة أساس واحدة»."""
        p = _POINT_NOUNS.match(self.toks, k)
        if p is None:
            return None
        payload, j, start = p
        v = float(payload)
        end = self.toks[j - 1].end
        return self.finish(_Mention(start, end, j, v, v, v, qual or "exact", PERCENTAGE_POINT, numeric=(start, end)))

    def rate(self, k: int, qual: str | None) -> _Mention | None:
        """"one in five", "nine out of ten", «واحد من كل خمسة», «شخص من كل أربعة»: a percent."""
        t = self.tok(k)
        if t is None:
            return None
        if t.kind == "word" and t.norm in ONE_OF_NOUNS:
            part, start, j = 1.0, t.start, k + 1
        else:
            a = self.amount(k)
            if a is None or a.unit is not None or a.scale != 1:
                return None
            part, start, j = a.value, a.start, a.k1
        c = _RATES.match(self.toks, j, clitics=False) if self.same_line(j) else None
        if c is None or (c[0] == "every" and t.kind == "word" and not is_arabic(t.norm)):
            return None
        b = self.amount(c[1]) if self.same_line(c[1]) else None
        if b is None or b.unit is not None or b.weak or not float(b.value).is_integer() or not 0 < part < b.value:
            return None
        if c[0] == "out_of" and b.value not in OUT_OF_RATE_DENOMINATORS:
            return None  # "7 out of 12 jurors": a part and its total
        if len(b.numeral) == 4 and 1900 <= b.value <= 2100:
            return None  # "3 in 2023"
        v = rate_percent(part, b.value)
        return self.finish(_Mention(start, b.end, b.k1, v, v, v, qual or "exact", "percent", numeric=(start, b.end)))

    def single(self, k: int, qual: str | None) -> _Mention | None:
        a = self.amount(k)
        if a is None:
            return None
        # "مليار و200 مليون دولار": a larger scale and a smaller one joined by و
        # "9 آلاف و500 شخص": a thousands scale and the units below it
        w = self.same_line(a.k1)
        if a.unit is None and a.scale >= 1e3 and w is not None and w.kind == "word" and w.norm.startswith("و"):
            b = None
            if w.norm == "و":
                nb = self.tok(a.k1 + 1)
                b = self.amount(a.k1 + 1) if nb is not None and (nb.glued or not nb.nl) else None
            elif number_word(w.norm[1:]):
                b = self.amount(a.k1)  # وخمسمائة: the conjunction written on the number
            if (
                b is not None and b.value < a.scale and b.scale < a.scale
                and (b.scale > 1 or a.scale == 1e3) and (b.unit is None or currencies().is_money(b.unit))
            ):
                a.value, a.unit, a.end, a.k1 = a.value + b.value, b.unit, b.end, b.k1
        m = _Mention(a.start, a.end, a.k1, a.value, a.value, a.value, qual or "exact", a.unit, numeric=(a.start, a.end))
        # X of Y: "700 من أصل 770", "700 out of 770"
        tc = _TOTALS.match(self.toks, a.k1, clitics=False) if self.same_line(a.k1) else None
        if tc and a.unit in (None, "count"):
            kb = tc[1]
            while (x := self.same_line(kb)) is not None and (_possessive(x) or x.norm in _EN_DETERMINERS):
                kb += 1  # "700 of the company's 770", "100 of its 300"
            b = self.amount(kb) if self.same_line(kb) else None
            if b is not None and b.value >= a.value and not b.weak and b.unit in (None, a.unit):
                m.total, m.end, m.k_end, m.unit = b.value, b.end, b.k1, b.unit
                m.numeric = (a.start, b.end)
                m.total_span = (b.start, b.end)
        if a.weak and m.unit is None and a.scale == 1:
            return None  # "one of the founders", "واحد من"
        if (
            m.unit is None and a.scale == 1 and m.total is None and len(a.numeral) == 4
            and a.numeral.isdigit() and 1900 <= a.value <= 2100
        ):
            m.year_like = True
            prev = self.tok(k - 1)
            if qual is None and prev is not None and prev.norm in _YEAR_DETERMINERS:
                return None  # "the 2024 budget", "its 2023 report"
        return self.finish(m)


@dataclass(frozen=True)
class ValueRule:
    """A way a figure is written, read from the token where its number (or qualifier) starts.

    At each position the rules run by ``priority`` (lowest first) and the first that reads a
    mention wins; ``read(reader, k, qualifier)`` returns the mention or None.
    """

    name: str
    priority: int
    read: Callable[[_Reader, int, str | None], _Mention | None]


VALUE_RULES: tuple[ValueRule, ...] = tuple(
    sorted(
        (
            ValueRule("share", 5, _Reader.share),  # "nearly half", «ثلث السكان»: a fraction as a percent
            ValueRule("vague", 10, _Reader.vague),  # "tens of millions", «عشرات الآلاف», "several"
            ValueRule("points", 15, _Reader.points_noun),  # «نقطتين مئويتين», "half a percentage point"
            ValueRule("duration", 20, _Reader.duration_noun),  # «يومين», "a decade": the noun is the number
            ValueRule("money_dual", 22, _Reader.money_dual),  # «دينارين», «ريالين سعوديين»: the dual is the number
            ValueRule("rate", 25, _Reader.rate),  # "one in five", «واحد من كل خمسة»: a percent
            ValueRule("range", 30, _Reader.range),  # "between 50 and 100", "50-100", "from 5 to 7"
            ValueRule("single", 40, _Reader.single),  # one figure with its scale, unit and noun
        ),
        key=lambda r: (r.priority, r.name),
    )
)


_TEN_WORDS = {normalize_word(w) for w in ("عشر", "عشرة")}
_ORDINAL_UNITS = {
    normalize_word(p + w + f)
    for w in ("حادي", "ثاني", "ثالث", "رابع", "خامس", "سادس", "سابع", "ثامن", "تاسع")
    for p in ("", "ال", "وال", "بال", "لل")
    for f in ("", "ة")
} | {normalize_word(w) for w in ("الحادية", "حادية")}


def _year_pair(a: _Tok, b: _Tok) -> bool:
    """Two four-digit years joined by a dash: "2019-2020"."""
    return all(x.text.isdigit() and len(x.text) == 4 and 1900 <= (x.value or 0) <= 2100 for x in (a, b))


_LABEL_ABBREVIATIONS = {"no", "nos", "vol", "fig", "art", "para", "nr", "ch", "sec", "pp", "p"}
_MEASURE_ADJECTIVES = {"strong", "long", "old", "wide", "high", "deep", "tall", "large", "odd", "plus"}


def _possessive(t: _Tok) -> bool:
    """"company's": an owner between "of" and the number or noun."""
    return t.kind == "word" and (t.norm.endswith("'s") or t.norm.endswith("s'"))


_FRACTION_DENOMINATORS = {
    "third", "thirds", "quarter", "quarters", "fifth", "fifths", "sixth", "sixths", "seventh",
    "sevenths", "eighth", "eighths", "ninth", "ninths", "tenth", "tenths", "halves",
} | {normalize_word(w) for w in "أرباع أثلاث أخماس أسداس أسباع أتساع أعشار".split()}
_EN_ADJECTIVES = {
    "new", "old", "more", "other", "additional", "extra", "top", "key", "big", "small", "large",
    "major", "minor", "senior", "junior", "young", "former", "full", "main", "fresh", "further",
    "local", "foreign", "civilian", "military", "private", "public", "separate", "different",
    "individual", "unnamed", "unidentified", "suspected", "alleged", "armed", "dead", "injured",
    "elderly", "female", "male", "rural", "urban", "front", "high", "low", "long", "short",
}
_ADJ_SUFFIXES = ("ing", "est", "ed", "al", "ic", "ive", "ous", "ful", "less", "ian", "ese", "ish", "ary", "ern", "ble", "ant", "ent")
_EN_IRREGULAR_PLURALS = {
    "people", "children", "men", "women", "police", "staff", "personnel", "cattle", "sheep",
    "fish", "deer", "aircraft", "troops", "youth", "clergy", "crew", "data", "media", "feet", "teeth",
}


def _lower_latin(t: _Tok) -> bool:
    return t.kind == "word" and not is_arabic(t.norm) and t.text.islower()


def _adjective_like(t: _Tok) -> bool:
    """A lower-case English word that reads as an adjective before a head noun, not a plural."""
    if not _lower_latin(t) or t.norm in _EN_IRREGULAR_PLURALS:
        return False
    w = t.norm
    if w in _EN_ADJECTIVES:
        return True
    if w.endswith("s") and not w.endswith(("ous", "ss", "less")):
        return False  # a plural noun is the head itself
    return w.endswith(_ADJ_SUFFIXES) and len(w) > 4


def _compound_noun(t: _Tok) -> bool:
    """The word of "30-member": lower-case Latin of three letters or more."""
    return t.kind == "word" and not is_arabic(t.norm) and t.text.islower() and len(t.text) >= 3


_SIGN_QUALIFIERS = frozenset({"~", "≈"})  # qualifiers written as a sign: "~$100M"


def _can_start(t: _Tok) -> bool:
    """Cheap test: can a mention begin at this token?"""
    if t.kind == "num":
        return True
    if t.kind == "punct":
        return t.text in _money().signs or t.norm in ("%", "٪") or (t.norm in _MINUS and not t.glued) or t.norm in _SIGN_QUALIFIERS
    if t.norm in _START_WORDS or t.norm in _MINUS_WORDS or t.text in _money().signs or number_word(t.norm):
        return True
    if _money().duals.match([t], 0) or t.norm in _money().words.root:
        return True  # «دينارين», «بدينارين»; «ديناراً و500 فلس»
    return is_arabic(t.norm) and any(
        s in _START_WORDS or number_word(s) for _, s in clitic_splits(t.norm)[1:]
    )


_START_WORDS = (
    set(_QUAL_BEFORE.by_first) | set(_OPENERS.by_first) | set(VAGUE_WORDS) | set(DURATIONS)
    | set(_SEVERAL.by_first) | set(_POINT_NOUNS.by_first) | ONE_OF_NOUNS | {"a", "an", "عقد"}
)


def extract_quantities(
    text: str,
    lang: str | None = None,
    skip_spans: list[tuple[int, int]] = (),
    dates_read: list[tuple[int, int]] | None = None,
    place: Place | None = None,
) -> list[Quantity]:
    """Quantities mentioned in ``text``, sorted by ``char_start``.

    ``lang`` ("ar"/"en") says which name rules apply; None decides from the words around each
    number. ``skip_spans`` are (start, end) ranges to leave alone; dates found by
    :func:`factcheck.claims.dates.date_spans` are always skipped as well, unless the caller
    has read them already and gives their spans as ``dates_read``. ``place`` says where the
    text is written (its paragraph, the source's country) for the currency of a word such as
    "dinar" (:class:`factcheck.claims.money.Place`); by default the text alone.

    >>> [(q.quote, q.value, q.qualifier, q.unit, q.noun) for q in extract_quantities(
    ...     "أكّد أكثر من 500 من موظفي OpenAI")]
    [('أكثر من 500', 500.0, 'more_than', 'count', 'موظفي')]
    >>> q = extract_quantities("بين 50 و100 مليون دولار")[0]
    >>> (q.low, q.high, q.unit, q.qualifier)
    (50000000.0, 100000000.0, 'USD', 'range')
    """
    if not text:
        return []
    reader = _Reader(text, lang, place)
    dates = date_spans(text) if dates_read is None else list(dates_read)
    # "خُمس أسهم" is a fifth of the shares, not five: fraction words are never read as
    # numbers, only as the shares they are
    not_shares = _overlaps(list(skip_spans) + dates)
    skipped = _overlaps(list(skip_spans) + dates + [(f.start, f.end) for f in reader.fractions])

    out: list[Quantity] = []
    toks = reader.toks
    cues: Cues | None = None  # read once, at the first quantity
    i = 0
    while i < reader.n:
        t = toks[i]
        if not _can_start(t) and i not in reader.shares:
            i += 1
            continue
        m = reader.parse_at(i)
        if m is None or (not_shares if m.share else skipped)(*m.numeric) or (m.year_like and m.noun is None):
            i += 1
            continue
        cues = cues or Cues(text)
        hedged, negated = mark(text, m.start, m.end, cues)
        negated = negated and not m.negation_absorbed
        out.append(
            Quantity(
                quote=text[m.start:m.end],
                char_start=m.start,
                char_end=m.end,
                value=m.value,
                low=m.low,
                high=m.high,
                qualifier=m.qualifier,
                unit=m.unit or "count",
                noun=m.noun,
                total=m.total,
                total_start=m.total_span[0] if m.total_span else None,
                total_end=m.total_span[1] if m.total_span else None,
                whole=m.whole,
                partitive=m.partitive or m.total is not None,
                approximate=m.approximate,
                hedged=hedged,
                negated=negated,
            )
        )
        i = max(m.k_end, i + 1)
        # a trailing qualifier or noun is not the start of another mention
    out.sort(key=lambda q: q.char_start)
    for merge in MERGE_RULES:
        out = merge(text, out)
    return out


def _overlaps(spans: list[tuple[int, int]]) -> Callable[[int, int], bool]:
    """A test of whether a span overlaps any of ``spans``."""
    spans = sorted(spans)
    starts = [s for s, _ in spans]
    max_len = max((e - s for s, e in spans), default=0)

    def overlaps(s: int, e: int) -> bool:
        i = bisect_right(starts, e - 1)
        while i > 0:
            i -= 1
            a, b = spans[i]
            if a < e and s < b:
                return True
            if a + max_len < s:
                break
        return False

    return overlaps


_LOWER_BOUNDS = frozenset({"more_than", "at_least"})
_UPPER_BOUNDS = frozenset({"less_than", "at_most"})
_BOUND_JOINER = re.compile(r"\s*(?:,\s*)?(?:and|but|و)?\s*", re.IGNORECASE)


def _two_sided(text: str, found: list[Quantity]) -> list[Quantity]:
    """A lower bound joined to an upper bound of the same unit is one range: "more than
    twenty and at most thirty-five people" is 20 to 35 (low and high as the bounds say;
    the qualifier is ``range``)."""
    out: list[Quantity] = []
    for q in found:
        prev = out[-1] if out else None
        if (
            prev is not None and prev.qualifier in _LOWER_BOUNDS and q.qualifier in _UPPER_BOUNDS
            and prev.unit == q.unit and prev.total is None and q.total is None
            and prev.low is not None and q.high is not None and prev.low < q.high
            and _BOUND_JOINER.fullmatch(text, prev.char_end, q.char_start)
        ):  # fmt: skip
            out[-1] = replace(
                prev, quote=text[prev.char_start : q.char_end], char_end=q.char_end, value=None, high=q.high,
                qualifier="range", noun=q.noun or prev.noun, hedged=prev.hedged or q.hedged, negated=prev.negated or q.negated,
            )  # fmt: skip
            continue
        out.append(q)
    return out


#: Rules that join mentions read apart into one, in the order they run.
MERGE_RULES: tuple[Callable[[str, list[Quantity]], list[Quantity]], ...] = (_two_sided, points_after_percent)
