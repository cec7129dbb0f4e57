"""Every number written out in words reads back as itself, in English and Arabic.

num2words writes the words; each number goes into a plain sentence and must come back as the
one quantity in it, with its value. Where num2words writes a form no newsroom would, the
strategy leaves those numbers out (each exclusion says why); everything else is the
parser's to read.
"""

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st
from num2words import num2words

from factcheck.claims.quantities import extract_quantities

PROPERTY = settings(max_examples=200, deadline=None, derandomize=True)


def read_back(sentence: str) -> list[float | None]:
    return [q.value for q in extract_quantities(sentence)]


# "one" alone is read only with a unit: as a count it is as often a pronoun ("one of the
# founders", "the one who"), so the parser leaves it (docs/parsing.md).
english_integers = st.integers(0, 999_999_999).filter(lambda n: n != 1)


@PROPERTY
@given(english_integers)
def test_english_integers_read_back(n):
    words = num2words(n, lang="en")
    assert read_back(f"The ministry counted {words} people.") == [n], words


@PROPERTY
@given(st.integers(0, 999_999), st.integers(1, 99))
def test_english_decimals_read_back(whole, hundredths):
    number = Decimal(whole) + Decimal(hundredths) / 100
    words = num2words(number, lang="en")  # "twelve point two five"
    values = read_back(f"The index stood at {words} yesterday.")
    assert len(values) == 1 and abs(values[0] - float(number)) < 1e-9 * max(1.0, float(number)), (words, values)


def _natural_arabic(n: int) -> bool:
    """Leave out what num2words writes as no Arabic writer would:

    - 0 is «صفر», also the month Safar; 1 is «واحد», a count only with a unit (as "one").
    - A group of the form 100 × h + 1 (101,000; 901,000,000) comes out with the scale word
      twice and no «واحد»: «مائة و ألف ألف», «تسعمائة و مليون مليون».
    - 2,000 and 2,000,000 alone are the bare construct dual «ألفا», «مليونا», which without
      the vowel marks that news text leaves out is the accusative of one («ألفاً», 1,000).
    """
    if n < 2:
        return False
    if any(g > 100 and g % 100 == 1 for g in (n // 1_000_000 % 1000, n // 1000 % 1000)):
        return False
    return not {"ألفا", "مليونا"} & set(num2words(n, lang="ar").split())


@PROPERTY
@given(st.integers(2, 999_999_999).filter(_natural_arabic))
def test_arabic_integers_read_back(n):
    words = num2words(n, lang="ar")  # «مائة و ثلاثة و عشرون مليوناً و ...»
    assert read_back(f"أحصت الوزارة {words} شخصا") == [n], words


@PROPERTY
@given(st.integers(2, 999_999_999).filter(_natural_arabic))
def test_arabic_integers_read_back_with_the_conjunction_written_on_the_word(n):
    # Arabic news writes the و on the number word: «مائة وثلاثة وعشرون»
    words = num2words(n, lang="ar").replace("و ", "و")
    assert read_back(f"أحصت الوزارة {words} شخصا") == [n], words
