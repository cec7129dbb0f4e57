import pytest

from factcheck.reconcile.judge import judge, severity_at_least
from factcheck.claims.describe import describe_value, format_number
from factcheck.reconcile.thresholds import Thresholds

TH = Thresholds()


def claim(source="s1", value=None, low=None, high=None, qualifier="exact", published=None, hedged=False, negated=False, **extra):
    if qualifier in ("exact", "approx") and low is None and high is None:
        low = high = value
    return {
        "kind": "quantity", "source_id": source, "value": value, "low": low, "high": high, "qualifier": qualifier,
        "unit": "count", "noun": None, "total": None, "published": published, "hedged": hedged, "negated": negated,
        "quote": "x", **extra,
    }  # fmt: skip


@pytest.mark.parametrize(
    "a, b, kind, severity",
    [
        (claim(value=500, low=500, qualifier="more_than"), claim("s2", 700, total=770), "precision", "medium"),
        (claim(value=500, low=500, qualifier="more_than"), claim("s2", 120, total=770), "conflict", "high"),
        (claim(low=5e7, high=1e8, qualifier="range"), claim(value=1e8), "precision", "low"),
        (claim(value=100), claim("s2", 104), "conflict", "medium"),  # a small gap
        # a later report replaces an earlier figure only when something says it updates it
        (claim(value=100, published="2023-11-18"), claim("s2", 300, published="2023-11-20", text="The toll has risen to 300."), "supersession", "medium"),
        (claim(value=100, published="2023-11-18"), claim("s2", 300, published="2023-11-20", text="Acme employs 300 people."), "conflict", "high"),
        (claim(value=500, low=500, qualifier="more_than", published="2023-11-20"), claim("s2", 700, published="2023-11-21", text="The count has climbed to 700."), "supersession", "medium"),
        (claim(value=500, low=500, qualifier="more_than", published="2023-11-20"), claim("s2", 700, published="2023-11-21", text="700 signed."), "precision", "medium"),
        # a running count that grows updates itself; one that shrinks, unexplained, does not
        (claim(value=7, published="2023-08-14", text="Seven people were killed."), claim("s2", 12, published="2023-08-15", text="12 people were killed."), "supersession", "medium"),
        (claim(value=12, published="2023-08-14", text="12 people were killed."), claim("s2", 7, published="2023-08-15", text="Seven people were killed."), "conflict", "high"),
        (claim(value=27, published="2023-10-19", text="قتل 27 شخصا."), claim("s2", 29, published="2023-10-20", text="ارتفعت حصيلة الغرق إلى 29 قتيلا."), "supersession", "medium"),
        (claim(value=500, low=500, qualifier="more_than"), claim("s2", 120, hedged=True), "conflict", "medium"),
    ],
)
def test_kinds_and_severity(a, b, kind, severity):
    j = judge(a, b, alignment_score=0.8, th=TH)
    assert (j.kind, j.severity) == (kind, severity)
    assert 0 < j.confidence <= 1


@pytest.mark.parametrize(
    "a, b",
    [
        (claim(value=700), claim("s2", 700)),
        (claim(value=700), claim("s2", 700, qualifier="approx")),
        (claim(value=700, negated=True), claim("s2", 120)),  # negated claims are never judged
    ],
)
def test_no_discrepancy(a, b):
    assert judge(a, b, 0.8, TH) is None


def test_hedged_lowers_confidence():
    firm = judge(claim(value=500), claim("s2", 900), 0.8, TH)
    hedged = judge(claim(value=500), claim("s2", 900, hedged=True), 0.8, TH)
    assert hedged.confidence < firm.confidence


def test_dates():
    day = {"kind": "date", "source_id": "a", "published": None, "negated": False, "hedged": False}
    assert judge({**day, "date": "2023-11-17"}, {**day, "date": "2023-11-16"}, 0.8, TH).kind == "conflict"
    assert judge({**day, "date": "2023-11"}, {**day, "date": "2023-11-16"}, 0.8, TH) is None
    assert judge({**day, "date": "2023-11-17"}, {**day, "date": "2023-11-17"}, 0.8, TH) is None


def test_severity_order():
    assert severity_at_least("high", "medium") and not severity_at_least("low", "medium")


@pytest.mark.parametrize(
    "x, text",
    [(1e8, "100 million"), (5e7, "50 million"), (1.9e6, "1.9 million"), (175000, "175,000"), (1e12, "1 trillion"), (0.25, "0.25"), (49, "49")],
)
def test_number(x, text):
    assert format_number(x) == text


def test_describe():
    assert describe_value(claim(value=500, low=500, qualifier="more_than", noun="موظفي")) == "more than 500 staff"
    assert describe_value(claim(value=3, low=3, qualifier="exact", noun="مختبرات")) == "3 (مختبرات)"  # a noun no group holds: as written
    assert describe_value({**claim(low=5e7, high=1e8, qualifier="range"), "unit": "USD"}) == "between $50 million and $100 million"
    assert describe_value({**claim(low=50, high=100, qualifier="range", noun="people"), "approximate": True}) == "roughly between 50 and 100 (people)"
    assert describe_value({**claim(value=1.2e9), "unit": "SAR"}) == "SAR 1.2 billion"
    assert describe_value(claim(value=700, total=770)) == "700 of 770"
    assert describe_value({**claim(value=49), "unit": "percent"}) == "49%"
    assert describe_value({**claim(value=106), "unit": "hour"}) == "106 hours"


@pytest.mark.parametrize(
    "vague, other, reported",
    [
        (claim(low=100, high=1000, qualifier="range", approximate=True), claim("s2", 700), False),  # "hundreds" vs 700
        (claim(low=1e7, high=1e8, qualifier="range", approximate=True), claim("s2", 4e7), False),  # "tens of millions"
        (claim(low=100, high=1000, qualifier="range", approximate=True), claim("s2", 5000), True),  # "hundreds" vs 5,000
    ],
)
def test_a_vague_figure_that_contains_the_other_is_agreement(vague, other, reported):
    assert (judge(vague, other, 0.8, TH) is not None) == reported


def test_a_date_without_a_year_is_compared_day_with_day():
    def date(source, iso=None, month_day=None):
        return {"kind": "date", "source_id": source, "date": iso, "month_day": month_day, "precision": "day", "hedged": False, "negated": False}

    assert judge(date("s1", "2025-03-03"), date("s2", month_day="03-05"), 0.8, TH).kind == "conflict"
    assert judge(date("s1", "2025-03-05"), date("s2", month_day="03-05"), 0.8, TH) is None
    assert judge(date("s1", "2025-03"), date("s2", month_day="03-05"), 0.8, TH) is None  # no day to compare


def _date(iso, precision=None, **fields):
    precision = precision or {4: "year", 7: "month", 8: "week", 10: "day"}.get(len(iso or ""), "day")
    return {"kind": "date", "source_id": "s1", "date": iso, "precision": precision, "published": None, "hedged": False, "negated": False, **fields}


# Dates compare as intervals of days: a range is [date, date_end], a part of a month its
# third (early 1-10, mid 11-20, late 21-end), a week Monday to Sunday.
DATE_PAIRS = [
    # (a, b, expected (kind, severity) or None)
    (_date("2023-11-15", "range", date_end="2023-11-17"), _date("2023-11-16"), ("precision", "low")),  # a day inside a range
    (_date("2023-11-15", "range", date_end="2023-11-17"), _date("2023-11-17"), ("precision", "low")),  # its last day
    (_date("2023-11-15", "range", date_end="2023-11-17"), _date("2023-11-20"), ("conflict", "high")),
    (_date("2023-11-15", "range", date_end="2023-11-17"), _date("2023-11-15", "range", date_end="2023-11-17"), None),
    (_date("2023-11-15", "range", date_end="2023-11-17"), _date("2023-11-16", "range", date_end="2023-11-19"), ("precision", "low")),
    (_date("2023-11-15", "range", date_end="2023-11-17"), _date("2023-11-18", "range", date_end="2023-11-19"), ("conflict", "high")),
    (_date("2023-11-15", "range", date_end="2023-11-17"), _date("2023-11"), ("precision", "low")),  # a month holds the range
    (_date("2023-03", "range", date_end="2023-05"), _date("2023-04-02"), ("precision", "low")),  # months
    (_date("2023-03", "range", date_end="2023-05"), _date("2023-06-02"), ("conflict", "high")),
    (_date("2015", "range", date_end="2018"), _date("2016"), ("precision", "low")),  # years
    (_date("2015", "range", date_end="2018"), _date("2019"), ("conflict", "high")),
    (_date("2023-11", "part_of_month", part="mid"), _date("2023-11-15"), ("precision", "low")),  # a day inside a part
    (_date("2023-11", "part_of_month", part="mid"), _date("2023-11-20"), ("precision", "low")),
    (_date("2023-11", "part_of_month", part="mid"), _date("2023-11-21"), ("conflict", "medium")),
    (_date("2023-11", "part_of_month", part="late"), _date("2023-11-30"), ("precision", "low")),
    (_date("2023-11", "part_of_month", part="early"), _date("2023-11", "part_of_month", part="late"), ("conflict", "medium")),
    (_date("2023-11", "part_of_month", part="late"), _date("2023-11"), ("precision", "low")),
    (_date("2023-11", "part_of_month", part="late"), _date("2023-12-01"), ("conflict", "medium")),
    (_date("2023-W46"), _date("2023-11-13"), ("precision", "low")),  # Monday of week 46
    (_date("2023-W46"), _date("2023-11-19"), ("precision", "low")),  # its Sunday
    (_date("2023-W46"), _date("2023-11-20"), ("conflict", "high")),  # the Monday after
    (_date("2023-W46"), _date("2023-W46"), None),
    (_date("2023-W48"), _date("2023-11"), ("precision", "low")),  # week 48 runs into December
    (_date("2023-W46"), _date("2023-11", "part_of_month", part="mid"), ("precision", "low")),
    # calendar units that nest stay agreement, as before
    (_date("2023"), _date("2023-11-17"), None),
    (_date("2023-11"), _date("2023-11-17"), None),
    (_date("2023-11-17"), _date("2023-11-16"), ("conflict", "high")),
    # an unresolved date is never compared
    (_date(None, "day", readings=["2023-04-05", "2023-05-04"]), _date("2023-04-05"), None),
    (_date(None, "range"), _date("2023-11-16"), None),
    (_date(None, "week"), _date("2023-11-16"), None),
    # a Hijri month is the range of its Gregorian days
    (_date("2024-03-11", "range", date_end="2024-04-09", calendar="hijri", hijri="1445-09"), _date("2024-03-25"), ("precision", "low")),
    (_date("2024-03-11", "range", date_end="2024-04-09", calendar="hijri", hijri="1445-09"), _date("2024-04-10"), ("conflict", "high")),
]


@pytest.mark.parametrize("a, b, expected", DATE_PAIRS)
def test_dates_compare_as_intervals_of_days(a, b, expected):
    for x, y in ((a, b), (b, {**a, "source_id": "s2"})):
        j = judge(x, {**y, "source_id": "s2"}, 0.8, TH)
        assert (j and (j.kind, j.severity)) == expected


def _hedged(sentence, quote):
    start = sentence.index(quote)
    return {"hedged": True, "quote": quote, "text": sentence, "sentence_start": 100, "char_start": 100 + start, "char_end": 100 + start + len(quote)}


@pytest.mark.parametrize(
    ("a", "b", "note"),
    [
        (_hedged("Reportedly 700 staff signed the letter.", "700"), {"hedged": False}, '700 is hedged by "Reportedly"'),
        ({"hedged": False}, _hedged("وبحسب تقارير صحفية، يوجد حوالي 700 موظف", "حوالي 700"), "حوالي 700 is hedged by «وبحسب تقارير»"),
        (
            _hedged("Up to 300 people may have been evacuated.", "300"),
            _hedged("If the storm turns, 500 homes would flood.", "500"),
            'both are hedged: 300 by "may"; 500 by "If"',
        ),
        # hedged with no cue to quote (the flag came from elsewhere): still says which
        ({"hedged": True, "quote": "42"}, {"hedged": False}, "42 is hedged by a condition or a future tense"),
    ],
)
def test_the_summary_names_the_hedged_claim_and_its_words(a, b, note):
    from factcheck.reconcile.judge import hedge_note

    assert hedge_note(a, b) == note
