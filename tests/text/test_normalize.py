"""factcheck.text.normalize: keys for matching Arabic and English text."""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.text.normalize import (
    MARKS_CLASS,
    fuzzy_pattern,
    normalize_arabic,
    normalize_for_match,
    normalize_sentence,
    normalize_word,
    strip_clitics,
    to_western_digits,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("أَكْثَرُ مِنْ", "اكثر من"),  # harakat
        ("مِائَةٌ", "مايه"),  # tanween, hamza on ya, ta marbuta
        ("إيلـــون", "ايلون"),  # tatweel, hamza below
        ("آخر", "اخر"),  # madda
        ("ٱلرَّحْمَٰن", "الرحمن"),  # alef wasla, shadda, superscript alef
        ("مُوسَى", "موسي"),  # alef maqsura
        ("مسؤول", "مسوول"),  # waw with hamza
        ("رئيس", "رييس"),  # ya with hamza
        ("ذَٰلِكَ ۖ", "ذلك "),  # Quranic small high ligature
        ("ی ک", "ي ك"),  # Persian yeh and keheh
        ("OpenAI 2023", "OpenAI 2023"),  # non-Arabic untouched
        ("", ""),
    ],
)
def test_normalize_arabic(text, expected):
    assert normalize_arabic(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("٠١٢٣٤٥٦٧٨٩", "0123456789"),
        ("۰۱۲۳۴۵۶۷۸۹", "0123456789"),
        ("١٫٩", "1.9"),
        ("١٬٠٠٠", "1,000"),
        ("أكثر من ٥٠٠ موظف", "أكثر من 500 موظف"),
        ("GPT-4", "GPT-4"),
    ],
)
def test_to_western_digits(text, expected):
    assert to_western_digits(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("«أكثرُ من ١٫٥ مليون»، قال Sam Altman!", "اكثر من 1.5 مليون قال sam altman"),
        ("ماذا حدث؟ تقرير؛ ثم “نهاية”.", "ماذا حدث تقرير ثم نهايه"),
        ("Altman's OpenAI", "altmans openai"),
        ("1,000 و ٧٠٠.", "1,000 و 700"),
        ("٤٩٪ من الأسهم", "49% من الاسهم"),
        ("$10  billion", "$10 billion"),
        ("ﻻ", "لا"),  # presentation-form ligature via NFKC
        ("ＯｐｅｎＡＩ", "openai"),  # full-width via NFKC
        ("بقعة_صورة", "بقعه صوره"),
        ("   ", ""),
    ],
)
def test_normalize_for_match(text, expected):
    assert normalize_for_match(text) == expected


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("وقَّع   ٥٠٠ موظفٍ\nالرسالة.", "وقع 500 موظف الرساله."),
        ("  Sam ALTMAN returned. ", "sam altman returned."),
        ("أكثر من ٥٠٠", "اكثر من 500"),
    ],
)
def test_normalize_sentence(a, b):
    assert normalize_sentence(a) == normalize_sentence(b) == b


def test_normalize_sentence_keeps_punctuation():
    assert normalize_sentence("نعم، لا.") == "نعم، لا."


@pytest.mark.parametrize(
    ("token", "expected"),
    [
        ("والموظفين", "موظفين"),
        ("بالفعل", "فعل"),
        ("للموظفين", "موظفين"),
        ("فالشركة", "شركة"),
        ("كالمعتاد", "معتاد"),
        ("الشركة", "شركة"),
        ("ومايكروسوفت", "مايكروسوفت"),
        ("لمايكروسوفت", "مايكروسوفت"),
        ("بمايكروسوفت", "مايكروسوفت"),
        ("لألتمان", "ألتمان"),
        ("وألتمان", "ألتمان"),
        ("ألتمان", "ألتمان"),  # hamza on alef: not the article
        ("لـOpenAI", "OpenAI"),
        ("ولد", "ولد"),  # too short after stripping
        ("الى", "الى"),
        ("والي", "والي"),  # the longest prefix leaves too little: kept whole
        ("بالغ", "بالغ"),
        ("OpenAI", "OpenAI"),
        ("", ""),
    ],
)
def test_strip_clitics(token, expected):
    assert strip_clitics(token) == expected


@given(st.text(max_size=60))
def test_normalizers_are_idempotent(text):
    for fn in (normalize_arabic, to_western_digits, normalize_for_match, normalize_sentence):
        once = fn(text)
        assert fn(once) == once


# --------------------------------------------------------------------------------------------
# Which spellings are the same: keys and patterns agree, in both directions
# --------------------------------------------------------------------------------------------

# (spelling, plain spelling, key): the two spellings are one word. One row per letter the
# normaliser folds, written out here rather than read from LETTER_VARIANTS, so that a
# change to the table shows up as a failing row.
SAME_WORD = [
    # alef: hamza above/below, madda, wasla, wavy and high hamza
    ("أحمد", "احمد", "احمد"),
    ("إبراهيم", "ابراهيم", "ابراهيم"),
    ("آلاف", "الاف", "الاف"),
    ("ٱلقاهرة", "القاهرة", "القاهره"),
    ("ٲمن", "امن", "امن"),
    ("ٳسلام", "اسلام", "اسلام"),
    ("ٵمن", "امن", "امن"),
    ("ا\u0654حمد", "احمد", "احمد"),  # hamza typed as a mark after its seat
    ("ا\u0653لاف", "الاف", "الاف"),  # madda typed as a mark
    # hamza on waw and ya seats
    ("مسؤول", "مسوول", "مسوول"),
    ("ٶ", "و", "و"),
    ("رئيس", "رييس", "رييس"),
    ("ٸ", "ي", "ي"),
    ("و\u0654", "و", "و"),
    ("ي\u0654", "ي", "ي"),
    ("مائة", "مايه", "مايه"),
    ("شاطئ", "شاطي", "شاطي"),
    # ya: alef maqsura, Persian yeh
    ("إحدى", "احدي", "احدي"),
    ("مستشفى", "مستشفي", "مستشفي"),
    ("فارسی", "فارسي", "فارسي"),
    # ha: ta marbuta (Arabic and Urdu), Persian/Urdu/Kurdish heh forms
    ("مدرسة", "مدرسه", "مدرسه"),
    ("مدرسۃ", "مدرسه", "مدرسه"),
    ("خانۀ", "خانه", "خانه"),
    ("خانە", "خانه", "خانه"),
    ("ہم", "هم", "هم"),
    ("ھم", "هم", "هم"),
    ("ۂ", "ه", "ه"),
    ("خانە\u0654", "خانه", "خانه"),
    # kaf: Persian keheh, Sindhi swash kaf
    ("کتاب", "كتاب", "كتاب"),
    ("ڪتاب", "كتاب", "كتاب"),
    # the seat stays when the hamza goes, for letters of other sounds too
    ("ٷ", "ۇ", "ۇ"),
    ("ۓ", "ے", "ے"),
    # marks: harakat, tanween, shadda, sukun, superscript alef, tatweel, Quranic signs
    ("مُحَمَّدٌ", "محمد", "محمد"),
    ("مَرْكَزٍ", "مركز", "مركز"),
    ("ذَٰلِكَ", "ذلك", "ذلك"),
    ("خمـــسة", "خمسة", "خمسه"),
    ("قَالَۖ", "قال", "قال"),
    ("إِبْرَٰهِۦمَ", "ابرهم", "ابرهم"),  # superscript alef, small waw of Quranic spelling
    ("عليۧه", "عليه", "عليه"),  # small high yeh
    ("اٴمن", "امن", "امن"),  # high hamza
    # digits and separators
    ("٢٠٢٣", "2023", "2023"),
    ("۱۴۰۲", "1402", "1402"),
    ("١٫٥", "1.5", "1.5"),
    ("١٬٠٠٠", "1,000", "1,000"),
    # apostrophes and case
    ("Altman’s", "altman's", "altman's"),
    ("Altmanʼs", "Altman's", "altman's"),
    ("OpenAI", "openai", "openai"),
]

# Pairs the normaliser keeps apart: other sounds, the bare hamza, the choice of seat.
DIFFERENT_WORDS = [
    ("مسؤول", "مسئول"),  # two seats of one hamza: two spellings, two keys
    ("سماء", "سما"),  # the bare hamza is a letter
    ("باريس", "پاريس"),
    ("جاد", "چاد"),
    ("فولفو", "ڤولفو"),
    ("كوكل", "گوگل"),
    ("زان", "ژان"),
    ("ي", "ے"),
    ("و", "ۇ"),
    ("ه", "ح"),
    ("ت", "ة"),  # ta marbuta reads as ha, never as ta
    ("مكتب", "مكتبۖ۝"),  # the end-of-ayah sign is not a mark
]


@pytest.mark.parametrize(("spelling", "plain", "key"), SAME_WORD)
def test_same_word_has_one_key(spelling, plain, key):
    assert normalize_word(spelling) == normalize_word(plain) == key
    # a single word of letters and marks: the match key is the word key
    assert normalize_for_match(spelling) == normalize_for_match(plain) == key.replace("'", "")


@pytest.mark.parametrize(("spelling", "plain", "key"), SAME_WORD)
def test_fuzzy_pattern_finds_every_spelling(spelling, plain, key):
    for phrase, written in ((plain, spelling), (spelling, plain), (key, spelling), (spelling, key)):
        assert re.fullmatch(fuzzy_pattern(phrase), written), (phrase, written)


@pytest.mark.parametrize(("a", "b"), DIFFERENT_WORDS)
def test_different_words_stay_apart(a, b):
    assert normalize_word(a) != normalize_word(b)
    assert normalize_for_match(a) != normalize_for_match(b)
    assert not re.fullmatch(fuzzy_pattern(a), b)
    assert not re.fullmatch(fuzzy_pattern(b), a)


@pytest.mark.parametrize(
    ("phrase", "text"),
    [
        ("أكثر من", "اكثر \t\n من"),  # any whitespace between words
        ("about", "ABOUT"),
        ("العام الفائت", "العَامِ الفايت"),
    ],
)
def test_fuzzy_pattern_phrases(phrase, text):
    assert re.fullmatch(fuzzy_pattern(phrase), text)


def test_fuzzy_pattern_finds_the_word_in_running_text():
    text = "قال المسئول إن رئيس الهيئة وصل"
    m = re.search(fuzzy_pattern("رئيس الهيئه"), text)
    assert m is not None and text[m.start() : m.end()] == "رئيس الهيئة"


def _arabic_block() -> list[str]:
    ranges = [(0x0600, 0x0700), (0x0750, 0x0780), (0x0870, 0x0900)]
    return [chr(cp) for lo, hi in ranges for cp in range(lo, hi) if unicodedata.category(chr(cp)) != "Cn"]


def test_composed_and_decomposed_letters_have_one_key():
    """Every Arabic letter with a canonical or compatibility decomposition (أ = ا + U+0654,
    ٵ = ا + ٴ) gets the key of its decomposition, and each spelling matches the other."""
    composed = [c for c in _arabic_block() if unicodedata.normalize("NFKD", c) != c]
    assert len(composed) >= 11  # آ أ ؤ إ ئ ۀ ۂ ۓ ٵ ٶ ٷ ٸ
    for c in composed:
        for parts in {unicodedata.normalize("NFD", c), unicodedata.normalize("NFKD", c)}:
            assert normalize_word(c) == normalize_word(parts), c
            assert re.fullmatch(fuzzy_pattern(c), parts) and re.fullmatch(fuzzy_pattern(parts), c), c


def test_word_key_and_match_key_agree_on_every_arabic_letter_and_mark():
    for c in _arabic_block():
        if unicodedata.category(c)[0] in "LM":
            assert normalize_word(c) == normalize_for_match(c), hex(ord(c))


def test_every_combining_mark_is_dropped():
    for c in _arabic_block():
        if unicodedata.category(c).startswith("M"):
            assert normalize_word("ب" + c) == "ب", hex(ord(c))
            assert re.fullmatch(MARKS_CLASS, c), hex(ord(c))


def test_nfkc_is_for_match_keys_only():
    # Presentation forms (old PDF extractions) are folded where a key never goes back to the
    # text; a word key stays as written, as fuzzy_pattern reads it.
    assert normalize_for_match("ﻣﻠﻴﻮﻥ") == normalize_for_match("مليون") == "مليون"
    assert normalize_sentence("ﻻ") == "لا"
    assert normalize_word("ﻻ") == "ﻻ"


# Words with hamza, alef, ya and ta marbuta variants: a sample for the properties below.
SAMPLE_WORDS = [
    "أحمد", "إبراهيم", "آلاف", "مسؤول", "رئيس", "الهيئة", "مائة", "مستشفى", "إحدى", "شاطئ",
    "القاهرة", "كتاب", "مؤسسة", "سنة", "هؤلاء", "الأولى", "أسئلة", "مدرسة", "فارسی", "ٱلله",
]

# All the letters of the Arabic blocks that a word may be spelled with, and the marks.
_LETTERS = [c for c in _arabic_block() if unicodedata.category(c).startswith("L") and normalize_word(c)]
_MARKS = [c for c in _arabic_block() if c not in _LETTERS and unicodedata.category(c)[0] in "LM"]
_SPELLINGS = {}
for _c in _LETTERS:
    _SPELLINGS.setdefault(normalize_word(_c), []).append(_c)


@st.composite
def _respelled(draw, word: str, mutate: bool):
    """``word`` written with any letter of the same key for each letter and any marks after
    each letter; with ``mutate``, one letter may be replaced by any Arabic letter."""
    letters = [draw(st.sampled_from(_SPELLINGS[normalize_word(c)])) for c in word]
    if mutate:
        i = draw(st.integers(0, len(letters) - 1))
        letters[i] = draw(st.sampled_from(_LETTERS))
    return "".join(c + "".join(draw(st.lists(st.sampled_from(_MARKS), max_size=2))) for c in letters)


@given(st.sampled_from(SAMPLE_WORDS).flatmap(lambda w: st.tuples(st.just(w), _respelled(w, mutate=False))))
def test_fuzzy_pattern_matches_every_spelling_of_the_key(case):
    word, spelling = case
    assert normalize_word(spelling) == normalize_word(word)
    assert re.fullmatch(fuzzy_pattern(word), spelling)
    assert re.fullmatch(fuzzy_pattern(spelling), word)


@given(st.sampled_from(SAMPLE_WORDS).flatmap(lambda w: st.tuples(st.just(w), _respelled(w, mutate=True))))
def test_fuzzy_pattern_matches_only_spellings_of_the_key(case):
    word, spelling = case
    same_key = normalize_word(spelling) == normalize_word(word)
    assert bool(re.fullmatch(fuzzy_pattern(word), spelling)) is same_key


_ARABIC_TEXT = st.text(alphabet=st.sampled_from(_LETTERS + _MARKS + list(" ٠١٢۳۴'’ʼAbß.,،")), max_size=40)


@given(st.one_of(st.text(max_size=60), _ARABIC_TEXT))
def test_word_keys_are_idempotent(text):
    for fn in (normalize_word, normalize_arabic, normalize_for_match, normalize_sentence, to_western_digits):
        once = fn(text)
        assert fn(once) == once
