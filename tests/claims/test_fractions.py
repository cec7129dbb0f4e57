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
    "text, quotes",
    [
        ("استحوذ الصندوق على خُمس أسهم الشركة", []),  # was read as "five"
        ("تملك الشركة عُشر السوق", []),
        ("خمس شركات", ["خمس"]),
        ("ثلاثة ملايين ونصف المليون نسمة", ["ثلاثة ملايين ونصف المليون"]),
    ],
)
def test_fraction_words_are_not_read_as_numbers(text, quotes):
    assert [q.quote for q in extract_quantities(text)] == quotes
