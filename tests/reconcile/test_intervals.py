import math

import pytest

from factcheck.reconcile.intervals import Interval, journalistic, literal, magnitude_ratio, same_reading


def q(value=None, low=None, high=None, qualifier="exact", approximate=False):
    if qualifier == "exact" and value is not None and low is None and high is None:
        low = high = value
    return {"value": value, "low": low, "high": high, "qualifier": qualifier, "approximate": approximate}


MORE_500 = q(500, 500, None, "more_than")
EXACT_700 = q(700)
EXACT_120 = q(120)
ABOUT_700 = q(700, 700, 700, "approx")
RANGE_50_100M = q(None, 5e7, 1e8, "range")
EXACT_100M = q(1e8)
LESS_45 = q(45, None, 45, "less_than")
AT_LEAST_12 = q(12, 12, None, "at_least")
AT_MOST_30 = q(30, None, 30, "at_most")
TENS_OF_MILLIONS = q(None, 1e7, 1e8, "range", approximate=True)


@pytest.mark.parametrize(
    "a, b, literal_overlap, journalistic_overlap",
    [
        (MORE_500, EXACT_700, True, False),  # the seed case: compatible on paper, not as reported
        (MORE_500, EXACT_120, False, False),  # a real conflict
        (MORE_500, q(550), True, True),  # within the implied ceiling
        (MORE_500, q(500), False, False),  # "more than" excludes its bound
        (AT_LEAST_12, q(12), True, True),  # "at least" includes it
        (RANGE_50_100M, EXACT_100M, True, True),  # the internal seed case
        (RANGE_50_100M, q(2e8), False, False),
        (ABOUT_700, q(760), True, True),  # about 700 admits 760 (10%)
        (ABOUT_700, q(800), False, False),
        (LESS_45, q(44), True, True),
        (LESS_45, q(45), False, False),
        (LESS_45, q(20), True, False),  # "less than 45" for 20 is odd reporting
        (AT_MOST_30, q(30), True, True),
        (TENS_OF_MILLIONS, q(1.05e8), True, True),  # approximate range widens
        (TENS_OF_MILLIONS, q(5e8), False, False),
        (EXACT_700, q(770), False, False),
    ],
)
def test_literal_and_journalistic_overlap(a, b, literal_overlap, journalistic_overlap):
    assert literal(a).overlaps(literal(b)) is literal_overlap
    assert literal(b).overlaps(literal(a)) is literal_overlap
    assert journalistic(a).overlaps(journalistic(b)) is journalistic_overlap


def test_literal_follows_the_contract_table():
    assert literal(MORE_500) == Interval(500, math.inf, low_open=True)
    assert literal(LESS_45) == Interval(-math.inf, 45, high_open=True)
    assert literal(RANGE_50_100M) == Interval(5e7, 1e8)


def test_gap_is_relative():
    assert literal(q(100)).gap(literal(q(104))) == pytest.approx(4 / 104)
    assert literal(q(100)).gap(literal(q(100))) == 0


@pytest.mark.parametrize(
    "a, b, same",
    [
        (q(700), q(700), True),
        (q(700), ABOUT_700, True),  # "700" and "about 700" say the same
        (MORE_500, q(500), False),
        (RANGE_50_100M, EXACT_100M, False),
        (q(1e8), q(1.0000000001e8), True),
    ],
)
def test_same_reading(a, b, same):
    assert same_reading(a, b) is same


def test_magnitude_ratio():
    assert magnitude_ratio(q(1e8), q(1e10)) == pytest.approx(100)
    assert magnitude_ratio(RANGE_50_100M, EXACT_100M) == pytest.approx(1e8 / math.sqrt(5e7 * 1e8))
