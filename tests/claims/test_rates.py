"""Percentages, percentage points, rates, fractions, bounds and numbers as newsrooms write
them, in Arabic and English (docs/parsing.md, "Decisions where the contract is silent")."""

import pytest

from factcheck.claims.quantities import extract_quantities

FIELDS = ("quote", "value", "low", "high", "qualifier", "unit", "noun", "total")


def Q(quote, value, qualifier="exact", unit="count", noun=None, total=None):
    """A single-valued quantity; low/high follow the contract's table for the qualifier."""
    low = None if qualifier in ("less_than", "at_most") else value
    high = None if qualifier in ("more_than", "at_least") else value
    return (quote, value, low, high, qualifier, unit, noun, total)


def R(quote, low, high, unit="count", noun=None):
    return (quote, None, low, high, "range", unit, noun, None)


def read(text):
    out = []
    for q in extract_quantities(text):
        assert text[q.char_start:q.char_end] == q.quote
        out.append(tuple(getattr(q, f) for f in FIELDS))
    return out


def check(table):
    return pytest.mark.parametrize("text, expected", table, ids=[t for t, _ in table])


BOUNDS = [
    (f"{cue} 500 people", [Q(f"{cue} 500", 500, qual, noun="people")])
    for cue, qual in [
        ("more than", "more_than"), ("over", "more_than"), ("in excess of", "more_than"),
        ("upwards of", "more_than"), ("at least", "at_least"), ("no fewer than", "at_least"),
        ("no less than", "at_least"), ("a minimum of", "at_least"), ("at most", "at_most"),
        ("up to", "at_most"), ("no more than", "at_most"), ("a maximum of", "at_most"),
        ("under", "less_than"), ("below", "less_than"), ("fewer than", "less_than"),
        ("less than", "less_than"), ("nearly", "approx"), ("almost", "approx"), ("around", "approx"),
        ("about", "approx"), ("roughly", "approx"), ("some", "approx"), ("an estimated", "approx"),
        ("greater than or equal to", "at_least"), ("less than or equal to", "at_most"),
    ]
] + [
    (f"قتل {cue} 500 شخص", [Q(f"{cue} 500", 500, qual, noun="شخص")])
    for cue, qual in [
        ("أكثر من", "more_than"), ("أكبر من", "more_than"), ("ما يزيد على", "more_than"),
        ("ما يزيد عن", "more_than"), ("ما لا يقل عن", "at_least"), ("لا يقل عن", "at_least"),
        ("حتى", "at_most"), ("ما يصل إلى", "at_most"), ("لا يزيد على", "at_most"),
        ("أقل من", "less_than"), ("أقل من أو يساوي", "at_most"), ("أكبر من أو يساوي", "at_least"),
        ("دون", "less_than"), ("ما دون", "less_than"), ("قرابة", "approx"), ("نحو", "approx"),
        ("حوالي", "approx"), ("زهاء", "approx"), ("ما يقارب", "approx"),
    ]
] + [
    ("قتل 500 شخص على الأقل", [Q("500 شخص على الأقل", 500, "at_least", noun="شخص")]),
    ("قتل 500 شخص تقريبا", [Q("500 شخص تقريبا", 500, "approx", noun="شخص")]),
    ("قتل أكبر من عشرين وأقل من أو يساوي خمسة وثلاثين شخصا",
     [R("أكبر من عشرين وأقل من أو يساوي خمسة وثلاثين", 20, 35, noun="شخصا")]),
    ("more than 20 but no more than 35 people", [R("more than 20 but no more than 35", 20, 35, noun="people")]),
    ("at least 20 and under 35 people", [R("at least 20 and under 35", 20, 35, noun="people")]),
    ("بدون 500 شخص", [Q("500", 500, noun="شخص")]),  # «بدون»: without, not under
]

NUMBERS = [
    ("قتل ١٢٣ شخصا", [Q("١٢٣", 123, noun="شخصا")]),
    ("قتل ۱۲۳ شخصا", [Q("۱۲۳", 123, noun="شخصا")]),
    ("بلغ الدين ٣٫٥ مليون", [Q("٣٫٥ مليون", 3.5e6)]),
    ("نزح ١٬٢٠٠٬٠٠٠ شخص", [Q("١٬٢٠٠٬٠٠٠", 1.2e6, noun="شخص")]),
    ("The city has 1,200,000 people.", [Q("1,200,000", 1.2e6, noun="people")]),
    ("The city has 1 200 000 people.", [Q("1 200 000", 1.2e6, noun="people")]),
    ("The city has 1\u2009200\u2009000 people.", [Q("1\u2009200\u2009000", 1.2e6, noun="people")]),
    ("The city has 12\u00a0500 people.", [Q("12\u00a0500", 12500, noun="people")]),
    ("نزح 12 500 شخص", [Q("12 500", 12500, noun="شخص")]),
    ("he counted 1 2000 times", [Q("1", 1), Q("2000", 2000, noun="times")]),
    ("قتل خمسة وعشرون شخصا", [Q("خمسة وعشرون", 25, noun="شخصا")]),
    ("قتل عشرون وخمسة شخصا", [Q("عشرون وخمسة", 25, noun="شخصا")]),
    ("قتل خمسة و عشرون شخصا", [Q("خمسة و عشرون", 25, noun="شخصا")]),
    ("بلغ عدد السكان ثلاثمائة وخمسون ألفا", [Q("ثلاثمائة وخمسون ألفا", 350000)]),
    ("بلغ عدد السكان ثلاثمائة وخمسين ألف نسمة", [Q("ثلاثمائة وخمسين ألف", 350000, noun="نسمة")]),
    ("بلغ عدد السكان مليون ونصف", [Q("مليون ونصف", 1.5e6)]),
    ("The crowd was two hundred and fifty thousand people.",
     [Q("two hundred and fifty thousand", 250000, noun="people")]),
    ("They counted one million, two hundred thousand votes.",
     [Q("one million, two hundred thousand", 1.2e6, noun="votes")]),
    ("The rate was three point five.", [Q("three point five", 3.5)]),
    ("It raised 1.2bn.", [Q("1.2bn", 1.2e9)]),
    ("The fund raised $1.2bn.", [Q("$1.2bn", 1.2e9, unit="USD")]),
    ("The company hired 3m people.", [Q("3m", 3e6, noun="people")]),
    ("The account has 2.5k followers.", [Q("2.5k", 2500, noun="followers")]),
    ("a 10m wall", []),
    ("He won the 100m final.", []),
    ("انخفضت الحرارة إلى سالب عشرة", [Q("سالب عشرة", -10)]),
    ("انخفضت الحرارة إلى ناقص 5 درجات", [Q("ناقص 5", -5, noun="درجات")]),
    ("Temperatures fell to minus 5.", [Q("minus 5", -5)]),
    ("Temperatures fell to −4 degrees.", [Q("−4", -4, noun="degrees")]),
    ("The ministry counted zero cases.", [Q("zero", 0, noun="cases")]),
    # ordinals are no counts
    ("the third quarter results", []),
    ("الدورة الخامسة للمهرجان", []),
    ("the 50th anniversary", []),
    ("احتل المرتبة الثانية", []),
    ("It marked the 50th anniversary with 300 guests.", [Q("300", 300, noun="guests")]),
]



@check(BOUNDS)
def test_bounds(text, expected):
    assert read(text) == expected


@check(NUMBERS)
def test_numbers(text, expected):
    assert read(text) == expected
