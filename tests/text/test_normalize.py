"""factcheck.text.normalize: keys for matching Arabic and English text."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.text.normalize import (
    normalize_arabic,
    normalize_for_match,
    normalize_sentence,
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
