"""Language of a text by its script: Arabic, English (Latin script) or undetermined.

The corpus is Arabic and English news, so the script settles the language. Letters are
counted, so a few long Latin names (Microsoft, OpenAI, Sam Altman) weigh a lot inside an
Arabic sentence; English text, on the other hand, rarely contains Arabic script at all. Hence
the threshold for "ar" is deliberately low.
"""

from __future__ import annotations

import re

__all__ = ["detect_lang", "script_ratio", "ARABIC_MIN_RATIO", "LATIN_MAX_RATIO", "MIN_LETTERS"]

# Letters of Arabic, Arabic Supplement, Arabic Extended-A/B and the presentation forms: no
# digits, punctuation, harakat or tatweel.
_ARABIC_LETTER = re.compile(
    "[\u0621-\u063a\u0641-\u064a\u066e-\u066f\u0671-\u06d3\u06d5\u06ee-\u06ef\u06fa-\u06fc"
    "\u06ff\u0750-\u077f\u0870-\u0887\u0889-\u088e\u08a0-\u08c9\ufb50-\ufdfb\ufe70-\ufefc]"
)
# Basic Latin letters, Latin-1 letters, Latin Extended-A/B, Latin Extended Additional.
_LATIN_LETTER = re.compile("[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff]")

#: A text whose letters are at least this share Arabic is "ar". An Arabic sentence that
#: names "Microsoft", "OpenAI" and "Sam Altman" still has well over half Arabic letters;
#: a short line such as "المصدر: Tencent Technology" has about a quarter.
ARABIC_MIN_RATIO = 0.2
#: At most this share of Arabic letters (and enough letters) is "en": an English sentence
#: that quotes one Arabic name, "Al Jazeera (الجزيرة)", stays English.
LATIN_MAX_RATIO = 0.12
#: Fewer letters than this (both scripts together) say nothing: "und".
MIN_LETTERS = 2


def _counts(text: str) -> tuple[int, int]:
    return len(_ARABIC_LETTER.findall(text)), len(_LATIN_LETTER.findall(text))


def script_ratio(text: str) -> float:
    """Share of Arabic-script letters among the Arabic and Latin letters of ``text``.

    Digits, punctuation and other scripts are not counted. 0.0 when there are no letters.

    >>> script_ratio("OpenAI")
    0.0
    >>> round(script_ratio("قال Sam"), 2)
    0.5
    """
    arabic, latin = _counts(text)
    total = arabic + latin
    return arabic / total if total else 0.0


def detect_lang(text: str) -> str:
    """``"ar"``, ``"en"`` or ``"und"`` from the share of Arabic-script letters.

    >>> detect_lang("قام Sam Altman بتسجيل الدخول إلى OpenAI يوم الجمعة.")
    'ar'
    >>> detect_lang("Sam Altman returned to OpenAI.")
    'en'
    >>> detect_lang("2023 - 500")
    'und'

    Texts between the two thresholds (mostly Latin with some Arabic) are "und".
    """
    arabic, latin = _counts(text)
    total = arabic + latin
    if total < MIN_LETTERS:
        return "und"
    ratio = arabic / total
    if ratio >= ARABIC_MIN_RATIO:
        return "ar"
    if ratio <= LATIN_MAX_RATIO:
        return "en"
    return "und"
