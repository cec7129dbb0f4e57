"""Which spellings are the same word: the one place that decides it for the whole package.

Arabic is written with optional vowel marks, several alef forms, hamza on different seats,
interchangeable letters (ى/ي, ة/ه), letters typed on Persian and Urdu keyboards (ی ک ہ),
and with two digit families besides 0-9. Two strings that a reader sees as the same word
must compare equal, so every comparison, key and hash goes through this module, and every
regex that must find a word as written gets its tolerance from here too.

The equivalences are data (:data:`LETTER_VARIANTS`, :data:`MARKS`, :data:`DIGITS`,
:data:`APOSTROPHES`), used twice: to build keys (:func:`normalize_arabic`,
:func:`normalize_word`, :func:`normalize_for_match`, :func:`normalize_sentence`) and to build
patterns that match the original text, offsets intact (:func:`fuzzy_pattern`,
:data:`MARKS_CLASS`), or the text folded one character for one
(:func:`fold_for_patterns`, ``fuzzy_pattern(..., folded=True)``), whose patterns compile
many times faster. A spelling the keys equate is a spelling the patterns accept, and no
other. docs/parsing.md ("Which Arabic spellings are the same") lists them for users.

The key functions do not preserve length or offsets (marks go): use them to build keys,
never to slice source text. :func:`to_western_digits` alone maps one character to one.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = [
    "APOSTROPHES",
    "DIGITS",
    "FOLDED_MARK",
    "FOLDED_MARKS_CLASS",
    "LETTER_VARIANTS",
    "MARKS",
    "MARKS_CLASS",
    "fold_for_patterns",
    "fuzzy_pattern",
    "normalize_arabic",
    "normalize_for_match",
    "normalize_sentence",
    "normalize_word",
    "strip_clitics",
    "to_western_digits",
]

# --------------------------------------------------------------------------------------------
# The equivalences
# --------------------------------------------------------------------------------------------

#: Letters written for one letter: the key letter -> the letters that read as it.
#:
#: - A hamza or madda on a seat is dropped and the seat remains (أ إ آ ٲ ٳ ٵ -> ا,
#:   ؤ ٶ -> و, ئ ٸ -> ي, ۀ ۂ -> ه, ٷ -> ۇ, ۓ -> ے), as when the hamza is typed as a mark of
#:   its own after the seat (ا + U+0654, ا + ٴ): a composed letter, its decomposed spelling
#:   and its compatibility (NFKC) spelling have one key.
#: - Alef wasla ٱ is an alef; alef maqsura ى and Persian yeh ی are ya; ta marbuta ة (and
#:   Urdu ۃ) is ha.
#: - Persian/Urdu/Kurdish/Sindhi code points for the Arabic letters ك and ه (keheh ک, swash
#:   kaf ڪ; heh goal ہ, heh doachashmee ھ, ae ە) are what Arabic text typed on those
#:   keyboards contains.
#:
#: Letters for other sounds are not here (پ/ب, چ/ج, ڤ/ف, گ/ك, ژ/ز): they spell foreign
#: names differently, which is transliteration, not spelling. Nor is the bare hamza ء, a
#: letter of its own, nor the choice of seat: مسؤول and مسئول stay two keys.
LETTER_VARIANTS: dict[str, str] = {
    "ا": "أإآٱٲٳٵ",
    "و": "ؤٶ",
    "ي": "ئٸىی",
    "ه": "ةۃۀەۂہھ",
    "ك": "کڪ",
    "ۇ": "ٷ",
    "ے": "ۓ",
}

#: Marks that change pronunciation, not identity, as a regex character-class body: every
#: combining mark of the Arabic blocks, that is harakat and tanween (064B-065F, which also
#: holds the combining hamzas above and below and the madda), superscript alef (0670),
#: Quranic annotation signs (0610-061A, 06D6-06DC, 06DF-06E4, 06E7-06E8, 06EA-06ED,
#: 0898-089F, 08CA-08E1, 08E3-08FF); besides them the small waw and yeh of Quranic spelling
#: (06E5-06E6), the high hamza ٴ (0674), and tatweel (0640), which only stretches a word.
#: Not the end-of-ayah, rub el hizb and sajdah signs (06DD, 06DE, 06E9, 08E2): they are
#: not parts of words.
MARKS = (
    "\u0610-\u061a\u064b-\u065f\u0670\u0674\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed"
    "\u0898-\u089f\u08ca-\u08e1\u08e3-\u08ff\u0640"
)

#: Regex for any run of :data:`MARKS`, allowed after each Arabic letter of a pattern
#: (``MARKS_CLASS[:-1]`` is one mark).
MARKS_CLASS = f"[{MARKS}]*"

#: Characters read as ASCII digits and separators: Arabic-Indic ٠-٩, Extended Arabic-Indic
#: (Persian/Urdu) ۰-۹, the Arabic decimal separator ٫ and thousands separator ٬.
DIGITS: dict[str, str] = {
    **{chr(0x0660 + i): str(i) for i in range(10)},
    **{chr(0x06F0 + i): str(i) for i in range(10)},
    "\u066b": ".",
    "\u066c": ",",
}

#: Apostrophes: typewriter ', typographic ’ and the modifier letter ʼ. They join parts of
#: one word ("Altman's"); a word key spells them all "'", a match key drops them.
APOSTROPHES = "'\u2019\u02bc"

# --------------------------------------------------------------------------------------------
# Tables built from the equivalences
# --------------------------------------------------------------------------------------------

_MARKS_RE = re.compile(f"[{MARKS}]")
_LETTERS = str.maketrans({v: key for key, variants in LETTER_VARIANTS.items() for v in variants})
_DIGITS = str.maketrans(DIGITS)
_WORD_CHARS = str.maketrans({**{a: "'" for a in APOSTROPHES}, **DIGITS})

# What a pattern accepts for each character of a key: the key letter and its variants, the
# ASCII digit or separator and its Arabic forms, any apostrophe. Built from the same tables
# as the keys.
_CLASSES: dict[str, str] = {key: key + variants for key, variants in LETTER_VARIANTS.items()}
for _arabic, _ascii in DIGITS.items():
    _CLASSES[_ascii] = _CLASSES.get(_ascii, _ascii) + _arabic
_CLASSES["'"] = APOSTROPHES
_CLASSES = {key: "[" + re.escape(chars) + "]" for key, chars in _CLASSES.items()}

#: What :func:`fold_for_patterns` writes for every mark; tatweel stays as it is, being a
#: letter to regular expressions (``\w``), so a folded pattern allows either after a letter.
FOLDED_MARK = "\u064e"
FOLDED_MARKS_CLASS = f"[{FOLDED_MARK}\u0640]*"
# ة is kept: its shape tells a noun ("في 2000 مدينة"), and folded patterns accept it for ه
_FOLD = str.maketrans(
    {v: key for key, variants in LETTER_VARIANTS.items() for v in variants if v != "ة"}
    | DIGITS
    | {chr(c): FOLDED_MARK for c in range(0x0600, 0x0900) if _MARKS_RE.match(chr(c)) and chr(c) != "\u0640"}
)

_WS = re.compile(r"\s+")
# Candidates for punctuation: anything that is neither a word character nor a space, plus
# the underscore (a connector punctuation that \w includes).
_NON_WORD = re.compile(r"[^\w\s]|_")
# Punctuation by Unicode category, but part of a quantity: "49%".
_KEPT_PUNCTUATION = frozenset("%\u2030")  # % ‰
_APOSTROPHES_RE = re.compile(f"[{APOSTROPHES}]")


def _is_arabic(ch: str) -> bool:
    return "\u0600" <= ch <= "\u06ff" or "\u0750" <= ch <= "\u077f" or "\u0870" <= ch <= "\u08ff"


# --------------------------------------------------------------------------------------------
# Keys
# --------------------------------------------------------------------------------------------


def normalize_arabic(s: str) -> str:
    """Strip Arabic marks and tatweel (:data:`MARKS`) and spell every letter as its key
    letter (:data:`LETTER_VARIANTS`).

    >>> normalize_arabic("أَكْثَرُ مِنْ خَمْسِمِائَةٍ")
    'اكثر من خمسمايه'
    >>> normalize_arabic("إيلـــون مُسْك")
    'ايلون مسك'

    Non-Arabic characters pass through unchanged.
    """
    return _MARKS_RE.sub("", s).translate(_LETTERS)


def fold_for_patterns(s: str) -> str:
    """``s`` one character for one (offsets hold) with digits as :func:`to_western_digits`
    writes them, each letter variant as its key letter but ة, and each mark as
    :data:`FOLDED_MARK`: what ``fuzzy_pattern(..., folded=True)`` patterns are matched on.

    >>> fold_for_patterns("أُقيلَت في ١٧ نوفمبر") == "اَقيلَت في 17 نوفمبر"
    True
    """
    return s.translate(_FOLD)


def to_western_digits(s: str) -> str:
    """Turn Arabic-Indic and Extended Arabic-Indic digits into 0-9 (:data:`DIGITS`).

    The Arabic decimal separator ٫ becomes "." and the thousands separator ٬ becomes ",".
    One character for one, so offsets into the result are offsets into ``s``: number
    readers scan the result and quote the original.

    >>> to_western_digits("١٬٠٠٠ و ١٫٩ و ۷۰۰")
    '1,000 و 1.9 و 700'
    """
    return s.translate(_DIGITS)


@lru_cache(maxsize=1 << 16)  # news vocabulary repeats: each word is normalised once
def normalize_word(word: str) -> str:
    """The key of a word as the parsers read it: :func:`normalize_arabic`, Western digits,
    every apostrophe written "'", casefolded. Punctuation and spaces are kept, so a phrase's
    key is the keys of its words.

    >>> normalize_word("موظفاً"), normalize_word("إحدى"), normalize_word("مسؤول"), normalize_word("Million")
    ('موظفا', 'احدي', 'مسوول', 'million')
    """
    return normalize_arabic(word).translate(_WORD_CHARS).casefold()


def normalize_for_match(s: str) -> str:
    """A loose key for comparing words and names across sources.

    NFKC, casefold, :func:`normalize_arabic`, Western digits, punctuation (Latin and Arabic:
    ``، ؛ ؟ « » “ ”`` ...) replaced by spaces, whitespace collapsed. Apostrophes are
    dropped, and "." or "," between two digits is kept so numbers survive. Symbols such as
    ``%`` and ``$`` are kept; the Arabic percent sign ``٪`` becomes ``%``. A single word of
    letters and marks gets the same key as from :func:`normalize_word`, less apostrophes.

    >>> normalize_for_match("«أكثرُ من ١٫٥ مليون»، قال Sam Altman!")
    'اكثر من 1.5 مليون قال sam altman'
    """
    s = unicodedata.normalize("NFKC", s).replace("\u066a", "%").casefold()
    s = to_western_digits(normalize_arabic(s))
    s = _APOSTROPHES_RE.sub("", s)
    s = _NON_WORD.sub(_punctuation_to_space, s)
    return _WS.sub(" ", s).strip()


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


# --------------------------------------------------------------------------------------------
# Patterns over the original text
# --------------------------------------------------------------------------------------------


def fuzzy_pattern(phrase: str, folded: bool = False) -> str:
    """Regex source matching, in text as written, every spelling of ``phrase`` that has the
    same :func:`normalize_word` key; with ``folded``, in text folded by
    :func:`fold_for_patterns`.

    Each Arabic letter accepts its variants (:data:`LETTER_VARIANTS`) and any marks and
    tatweel after it; digits accept their Arabic forms, apostrophes each other; spaces
    match any run of whitespace; Latin letters match either case. Folded, each Arabic
    letter is itself (ه also ة, which folding keeps) followed by :data:`FOLDED_MARKS_CLASS`,
    and a digit is an ASCII digit: no class of variants to compile.

    >>> bool(re.fullmatch(fuzzy_pattern("أكثر من"), "أَكْثَرُ  من"))
    True
    >>> bool(re.fullmatch(fuzzy_pattern("مسؤول"), "مسوول")), bool(re.fullmatch(fuzzy_pattern("مسؤول"), "مسئول"))
    (True, False)
    >>> bool(re.fullmatch(fuzzy_pattern("أكثر من", folded=True), fold_for_patterns("أَكْثَرُ  من")))
    True
    >>> [bool(re.fullmatch(fuzzy_pattern(w, folded=True), fold_for_patterns(t))) for w, t in (("الأول", "الاوّل"), ("سنة", "سنه"))]
    [True, True]
    """
    parts = []
    for ch in normalize_word(phrase):
        if ch.isspace():
            parts.append(r"\s+")
        elif _is_arabic(ch) and folded:
            parts.append(("[هة]" if ch == "ه" else re.escape(ch)) + FOLDED_MARKS_CLASS)
        elif _is_arabic(ch):
            parts.append(_CLASSES.get(ch, re.escape(ch)) + MARKS_CLASS)
        elif ch in _CLASSES and (not folded or ch == "'"):
            parts.append(_CLASSES[ch])
        elif ch.isalpha() and ch.upper() != ch:
            parts.append(f"[{ch}{ch.upper()}]")
        else:
            parts.append(re.escape(ch))
    return "".join(parts)


# --------------------------------------------------------------------------------------------
# Clitics
# --------------------------------------------------------------------------------------------

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
