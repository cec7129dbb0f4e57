"""Fraction words are shares, never misread as numbers (factcheck/claims/fractions.py)."""

import pytest

from factcheck.claims.fractions import find_fractions
from factcheck.claims.quantities import extract_quantities


@pytest.mark.parametrize(
    "text, shares",
    [
        ("استحوذ الصندوق على خُمس أسهم الشركة", [20]),
        ("Two-thirds of voters and half the staff agreed", [67, 50]),
        ("ثلثي الأعضاء وربع الموظفين", [67, 25]),
        ("a tenth of the budget", [10]),
        ("half a million people", []),
        ("half an hour later", []),
        ("in the first half of the year", []),
        ("تأهل الفريق إلى نصف النهائي", []),
        ("ثلاثة ملايين ونصف المليون نسمة", []),
        ("خمس شركات", []),  # five companies: no damma, not a fifth
        # every spelling the normaliser equates (docs/parsing.md)
        ("ثلثى الأعضاء وثلاثه ارباع الموظفين", [67, 75]),
        ("خُمْسُ أسهم الشركة", [20]),  # a sukun between the letters
        ("بعد نصف ساعه", []),
        ("في الشوط الأول نصف النهائى", []),
    ],
)
def test_find_fractions(text, shares):
    assert [round(f.percent) for f in find_fractions(text)] == shares


@pytest.mark.parametrize(
    "text, read",
    [
        ("استحوذ الصندوق على خُمس أسهم الشركة", [("خُمس", 20, "percent")]),  # was read as "five"
        ("تملك الشركة عُشر السوق", [("عُشر", 10, "percent")]),
        ("خمس شركات", [("خمس", 5, "count")]),
        ("ثلاثة ملايين ونصف المليون نسمة", [("ثلاثة ملايين ونصف المليون", 3.5e6, "count")]),
    ],
)
def test_fraction_words_are_not_read_as_numbers(text, read):
    assert [(q.quote, q.value, q.unit) for q in extract_quantities(text)] == read


@pytest.mark.parametrize(
    "text, shares",
    [
        ("half a mile and a third of a loaf", [False, False]),  # a measure of one thing
        ("half of them and two-thirds of voters", [True, True]),
        ("half the staff, half its budget", [True, True]),
        ("Two thirds voted", [False]),  # no "of" nor a determiner: not read as a share
        ("ثلث سكان غزة", [True]),
    ],
)
def test_shares_of_something(text, shares):
    assert [f.share for f in find_fractions(text)] == shares


@pytest.mark.parametrize(
    "text",
    ["half a percentage point", "نصف نقطة مئوية", "half a dozen", "مليون ونصف نسمة", "ساعة ونصف تقريبا",
     "half the year", "a quarter of the season", "نصف قطر الدائرة"],
)
def test_not_fractions(text):
    assert find_fractions(text) == []
