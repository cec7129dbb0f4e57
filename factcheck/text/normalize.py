"""Text normalisation for matching Arabic and English text.

Arabic is written with optional vowel marks, several alef forms and interchangeable letters
(ى/ي, ة/ه), and with two digit families besides 0-9. Two strings that a reader sees as the same
word must compare equal, so every comparison, key and hash goes through these functions.

None of them preserves length or offsets: use them to build keys, never to slice source text.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = [
    "normalize_arabic",
    "to_western_digits",
    "normalize_for_match",
    "normalize_sentence",
    "strip_clitics",
]

# Marks that change pronunciation, not identity: harakat and tanween (064B-065F, which also
# holds the combining hamzas above/below), superscript alef (0670), Quranic annotation signs
# (0610-061A, 06D6-06ED) and the extended Arabic marks block (08D3-08FF, minus 08E2, a sign
# rather than a mark). Tatweel (0640) only stretches a word.
_ARABIC_MARKS = re.compile(
    "[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed"
    "\u08d3-\u08e1\u08e3-\u08ff\u0640]"
)

# Letter forms that writers use interchangeably. Persian keheh/yeh also appear in Arabic text
# typed on Persian keyboards.
_ARABIC_LETTERS = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ى": "ي",
        "ی": "ي",
        "ة": "ه",
        "ؤ": "و",
        "ئ": "ي",
        "ک": "ك",
    }
)

_DIGITS = str.maketrans(
    {
        **{chr(0x0660 + i): str(i) for i in range(10)},  # Arabic-Indic ٠-٩
        **{chr(0x06F0 + i): str(i) for i in range(10)},  # Extended Arabic-Indic ۰-۹
        "\u066b": ".",  # ARABIC DECIMAL SEPARATOR ٫
        "\u066c": ",",  # ARABIC THOUSANDS SEPARATOR ٬
    }
)

_WS = re.compile(r"\s+")

# Apostrophes join parts of one word ("Altman's"); removing them keeps the word whole.
_APOSTROPHES = re.compile("['\u2019\u02bc]")
# Candidates for punctuation: anything that is neither a word character nor a space, plus
# the underscore (a connector punctuation that \w includes).
_NON_WORD = re.compile(r"[^\w\s]|_")
# Punctuation by Unicode category, but part of a quantity: "49%".
_KEPT_PUNCTUATION = frozenset("%\u2030")  # % ‰


def _punctuation_to_space(m: re.Match[str]) -> str:
    ch = m.group(0)
    if ch in ".," and 0 < m.start() < len(m.string) - 1:
        # A separator between digits is part of the number ("1.9", "1,000").
        if m.string[m.start() - 1].isdigit() and m.string[m.start() + 1].isdigit():
            return ch
    # Symbols ($, €) and the percent signs carry meaning next to numbers; other
    # punctuation goes.
    if ch in _KEPT_PUNCTUATION:
        return ch
    return " " if unicodedata.category(ch).startswith("P") else ch


def normalize_arabic(s: str) -> str:
    """Strip Arabic diacritics and tatweel and unify letter variants.

    >>> normalize_arabic("أَكْثَرُ مِنْ خَمْسِمِائَةٍ")
    'اكثر من خمسمايه'
    >>> normalize_arabic("إيلـــون مُسْك")
    'ايلون مسك'

    Non-Arabic characters pass through unchanged.
    """
    return _ARABIC_MARKS.sub("", s).translate(_ARABIC_LETTERS)


def to_western_digits(s: str) -> str:
    """Turn Arabic-Indic and Extended Arabic-Indic digits into 0-9.

    The Arabic decimal separator ٫ becomes "." and the thousands separator ٬ becomes ",".

    >>> to_western_digits("١٬٠٠٠ و ١٫٩ و ۷۰۰")
    '1,000 و 1.9 و 700'
    """
    return s.translate(_DIGITS)


def normalize_for_match(s: str) -> str:
    """A loose key for comparing words and names across sources.

    NFKC, casefold, :func:`normalize_arabic`, Western digits, punctuation (Latin and Arabic:
    ``، ؛ ؟ « » “ ”`` ...) replaced by spaces, whitespace collapsed. Apostrophes are
    dropped, and "." or "," between two digits is kept so numbers survive. Symbols such as
    ``%`` and ``$`` are kept; the Arabic percent sign ``٪`` becomes ``%``.

    >>> normalize_for_match("«أكثرُ من ١٫٥ مليون»، قال Sam Altman!")
    'اكثر من 1.5 مليون قال sam altman'
    """
    s = unicodedata.normalize("NFKC", s).replace("\u066a", "%").casefold()
    s = to_western_digits(normalize_arabic(s))
    s = _APOSTROPHES.sub("", s)
    s = _NON_WORD.sub(_punctuation_to_space, s)
    return _WS.sub(" ", s).strip()


def normalize_sentence(s: str) -> str:
    """A canonical form of a sentence, used to build ids that are stable across machines.

    NFKC, :func:`normalize_arabic`, Western digits, casefold, whitespace collapsed and
    trimmed. Punctuation is kept: it is part of what the sentence says.

    >>> normalize_sentence("  وقَّع   ٥٠٠ موظفٍ\\nالرسالة. ")
    'وقع 500 موظف الرساله.'
    """
    s = unicodedata.normalize("NFKC", s)
    s = to_western_digits(normalize_arabic(s)).casefold()
    return _WS.sub(" ", s).strip()


# Longest first, so "وال" wins over "و". "لل" is ل + the article with its alef elided.
_CLITIC_PREFIXES = ("وال", "بال", "فال", "كال", "لل", "ال", "و", "ف", "ب", "ل", "ك")


def strip_clitics(token: str, min_stem: int = 3) -> str:
    """Remove one leading Arabic clitic (و ف ب ل ك ال وال بال لل فال كال) from a word.

    The prefix is removed only when at least ``min_stem`` letters remain, so short words
    survive ("ولد" stays). The longest matching prefix wins.

    >>> strip_clitics("والموظفين")
    'موظفين'
    >>> strip_clitics("لألتمان")
    'ألتمان'
    >>> strip_clitics("ولد")
    'ولد'

    It is a guess: words that merely begin with these letters lose them too ("بروكمان" gives
    "روكمان"), so match both the word and its stripped form. Call it before
    :func:`normalize_arabic` where you can: "ألتمان" (hamza on alef) is not the article,
    but after normalisation it reads "التمان" and would lose "ال".
    """
    for prefix in _CLITIC_PREFIXES:
        if token.startswith(prefix):
            # "لـ OpenAI" style: a tatweel may join the clitic to the word.
            rest = token[len(prefix) :].lstrip("\u0640")
            letters = sum(ch.isalpha() and ch != "\u0640" for ch in rest)
            # Only the longest matching prefix is tried: if it leaves too little, the word
            # most likely just starts with those letters ("والي", "بالغ").
            return rest if letters >= min_stem else token
    return token
