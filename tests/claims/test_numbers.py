"""Low-level number reading: digits, separators, number words, Arabic spelling tolerance."""

import re

import pytest

from factcheck.claims.numbers import clitic_splits, parse_numeral, read_number_words
from factcheck.text.normalize import fuzzy_pattern, normalize_word, to_western_digits


def words(text: str) -> list[str]:
    """Split like the quantity reader does: words and stand-alone hyphens, normalised."""
    return [normalize_word(w) for w in re.findall(r"[^\s-]+|-", text)]

# Number words written fresh for robustness.
NEWS_WORDS = [
    ("تريليوني", 2e12), ("مليوني", 2e6), ("نصف مليون", 5e5), ("ربع مليون", 2.5e5),
    ("ثلاثة ملايين ونصف", 3.5e6), ("مليون ونصف المليون", 1.5e6), ("ثلاثة ملايين ونصف المليون", 3.5e6),
    ("خمسة عشر", 15), ("تسعة عشر", 19), ("ثماني عشرة", 18), ("اثنتي عشرة", 12),
    ("سبعمائة", 700), ("تسعمئة", 900), ("ستمائة", 600), ("أربعمئة", 400), ("ثمانمائة", 800),
    ("ألفان وخمسمائة", 2500), ("واحد وعشرون", 21), ("واحدا وعشرين", 21), ("مائتي", 200),
    ("half a million", 5e5), ("twelve thousand five hundred", 12500), ("three hundred thousand", 3e5),
    ("forty-two", 42),
]

NEWS_NUMERALS = [
    ("٢٫٥", 2.5), ("١٢٬٥٠٠٬٠٠٠", 12_500_000.0), ("12,500.75", 12500.75), ("0.5", 0.5),
    ("1,234,567", 1_234_567.0), ("١٠٠٬٠٠٠٫٥", 100000.5), ("۲۵", 25.0),
    # thousands apart by a space, a thin space or a no-break space: groups of exactly three
    ("1 200 000", 1_200_000.0), ("12\u2009500", 12500.0), ("12\u00a0500", 12500.0), ("١٢ ٥٠٠", 12500.0),
    ("1 200.5", 1200.5), ("1 2000", None), ("12 50", None),
]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("٠١٢٣٤٥٦٧٨٩", "0123456789"),
        ("۰۱۲۳۴۵۶۷۸۹", "0123456789"),
        ("١٬٠٠٠", "1,000"),
        ("١٫٩", "1.9"),
        ("بلغ ٧٠٠ من أصل ٧٧٠", "بلغ 700 من أصل 770"),
        ("no digits here", "no digits here"),
    ],
)
def test_to_western_digits(text, expected):
    out = to_western_digits(text)
    assert out == expected
    assert len(out) == len(text)  # offsets survive


@pytest.mark.parametrize(
    "text, expected",
    [
        ("500", 500.0),
        ("1,000", 1000.0),
        ("1,000,000", 1_000_000.0),
        ("12,345.67", 12345.67),
        ("1.000.000", 1_000_000.0),  # dotted thousands: unambiguous with two groups
        ("1.000.000,5", 1_000_000.5),
        ("1.000", 1.0),  # one dotted group is a decimal
        ("1.9", 1.9),
        ("0.25", 0.25),
        ("١٬٠٠٠", 1000.0),
        ("١٫٩", 1.9),
        ("۱۲۳", 123.0),
        ("175000", 175000.0),
        ("1,5", None),  # a list "1, 5" or a comma decimal: not read as one number
        ("1,0000", None),
        ("", None),
        ("abc", None),
        ("12a", None),
    ],
)
def test_parse_numeral(text, expected):
    assert parse_numeral(text) == expected


@pytest.mark.parametrize(
    "text, value",
    [
        # Arabic units, both genders and case endings
        ("واحد", 1), ("واحدة", 1), ("اثنان", 2), ("اثنين", 2), ("اثنتان", 2), ("ثلاث", 3),
        ("ثلاثة", 3), ("أربع", 4), ("أربعة", 4), ("خمس", 5), ("خمسة", 5), ("ست", 6), ("ستة", 6),
        ("سبع", 7), ("سبعة", 7), ("ثمان", 8), ("ثمانية", 8), ("تسع", 9), ("تسعة", 9),
        ("عشر", 10), ("عشرة", 10),
        # teens, tens, compounds
        ("أحد عشر", 11), ("إحدى عشرة", 11), ("اثنا عشر", 12), ("ثلاثة عشر", 13),
        ("عشرون", 20), ("عشرين", 20), ("ثلاثون", 30), ("تسعين", 90),
        ("خمسة وعشرون", 25), ("خمس وعشرين", 25), ("عشرون وخمسة", 25),
        # hundreds
        ("مائة", 100), ("مئة", 100), ("مائتان", 200), ("مئتين", 200), ("خمسمائة", 500),
        ("خمسمئة", 500), ("ثلاث مائة", 300), ("مائة وخمسة", 105),
        # scales: singular, plural after 3-10, dual, accusative
        ("ألف", 1000), ("ألفاً", 1000), ("ألفين", 2000), ("ألفان", 2000), ("ثلاثة آلاف", 3000),
        ("عشرة آلاف", 10000), ("مائة ألف", 100_000), ("مائة وخمسون ألف", 150_000),
        ("ثلاثمائة ألف", 300_000), ("ألف وخمسمائة", 1500), ("ثلاثة آلاف وخمسمائة", 3500),
        ("مليون", 1e6), ("مليونين", 2e6), ("مليونان", 2e6), ("ثلاثة ملايين", 3e6),
        ("مليار", 1e9), ("مليارين", 2e9), ("عشرة مليارات", 1e10), ("بليون", 1e9),
        ("تريليون", 1e12), ("مليون ونصف", 1.5e6),
        # diacritics and tatweel do not matter
        ("خَمْسَة", 5), ("خمـسة", 5),
        # English
        ("one", 1), ("twelve", 12), ("nineteen", 19), ("twenty", 20), ("ninety", 90),
        ("twenty five", 25), ("twenty-five", 25), ("ninety-nine", 99), ("seven hundred", 700),
        ("one hundred and five", 105), ("three thousand", 3000), ("five billion", 5e9),
        ("a million", 1e6), ("a hundred", 100), ("a dozen", 12), ("two dozen", 24),
        ("two thousand and five", 2005),
        # the و apart, as typed or as num2words writes it
        ("خمسة و عشرون", 25), ("مائة و ثلاثة و عشرون مليونا", 123e6), ("مليون و ألفان و ثلاثة", 1_002_003),
        ("ثلاثمائة و خمسون ألف", 350_000),
        # English groups after a scale joined by a comma; decimals after "point"; zero
        ("one million , two hundred thousand", 1.2e6), ("one thousand , one hundred", 1100),
        ("one million , two thousand and three", 1_002_003),
        ("three point five", 3.5), ("twelve point two five", 12.25), ("two point five million", 2.5e6),
        ("zero", 0), ("zero point five", 0.5),
        # a larger scale after a smaller one counts everything before it
        ("ألف وخمسمائة مليون", 1.5e9), ("half a dozen", 6),
        # teens after hundreds; «وأحد» loses its hamza and is spelt as «واحد» (one)
        ("مائة وثلاثة عشر", 113), ("مائة و ثلاثة عشر", 113), ("تسعمائة وأحد عشر", 911),
        ("خمسمائة وأحد عشر ألفا", 511_000),
    ],
)
def test_read_number_words_value(text, value):
    ws = words(text)
    result = read_number_words(ws)
    assert result is not None
    assert result[0] == pytest.approx(value)
    assert result[1] == len(ws)


@pytest.mark.parametrize(
    "text, value, used",
    [
        ("خمسة موظفين", 5, 1),
        ("twenty people", 20, 1),
        ("one and two", 1, 1),  # "and" only joins after hundred/thousand
        ("خمسة وعشرة", 5, 1),  # not 15: Arabic 15 is خمسة عشر, this is "five and ten"
        ("five ten", 5, 1),
        ("ألف مليون", 1000, 1),
        ("ثلاثة آلاف دولار", 3000, 2),
        ("one million , two people", 1e6, 2),  # a list: the group after the comma has no scale
        ("one million two million", 1e6, 2),  # two numbers: a scale does not repeat
        ("one million , two million", 1e6, 2),
        ("zero one", 0, 1),
        ("one point guard", 1, 1),  # "point" joins only digits
    ],
)
def test_read_number_words_stops(text, value, used):
    assert read_number_words(words(text)) == (float(value), used)


@pytest.mark.parametrize(
    "text",
    ["موظف", "آلاف", "عشرات", "أحد", "إحدى", "نصف", "the", "and", "a", "a people", "hundreds", ""],
)
def test_read_number_words_none(text):
    assert read_number_words(words(text)) is None


@pytest.mark.parametrize(
    "word, expected",
    [
        ("موظفاً", "موظفا"),
        ("إحدى", "احدي"),
        ("أكثر", "اكثر"),
        ("آلاف", "الاف"),
        ("مئة", "ميه"),  # hamza on a ya seat: the seat
        ("مسؤول", "مسوول"),  # hamza on a waw seat: the seat
        ("Million", "million"),
        ("خمـــسة", "خمسه"),
    ],
)
def test_normalize_word(word, expected):
    assert normalize_word(word) == expected


@pytest.mark.parametrize(
    "word, reading",
    [
        ("والملايين", ("وال", "ملايين")),
        ("بأكثر", ("ب", "اكثر")),
        ("للموظفين", ("لل", "موظفين")),
        ("وعشرون", ("و", "عشرون")),
    ],
)
def test_clitic_splits(word, reading):
    splits = clitic_splits(normalize_word(word))
    assert splits[0] == ("", normalize_word(word))  # the bare reading comes first
    assert reading in splits


def test_clitic_splits_keep_short_stems():
    assert clitic_splits("ول") == (("", "ول"),)  # no one-letter stems


@pytest.mark.parametrize(
    "phrase, text, matches",
    [
        ("أكثر من", "أَكْثَرُ  مِن", True),
        ("أكثر من", "اكثر من", True),
        ("مئة", "مئة", True),
        ("مئة", "مئه", True),
        ("إلى", "الى", True),
        ("about", "About", True),
        ("أكثر من", "أقل من", False),
    ],
)
def test_fuzzy_pattern(phrase, text, matches):
    assert bool(re.fullmatch(fuzzy_pattern(phrase), text)) is matches


@pytest.mark.parametrize("text, value", NEWS_WORDS)
def test_read_number_words_news(text, value):
    ws = words(text)
    result = read_number_words(ws)
    assert result is not None
    assert result[0] == pytest.approx(value)
    assert result[1] == len(ws)


@pytest.mark.parametrize("text, value", NEWS_NUMERALS)
def test_parse_numeral_news(text, value):
    assert parse_numeral(text) == value
