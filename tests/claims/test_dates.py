"""Date extraction: explicit Gregorian and Hijri dates, years after cues, weekdays, deictic words."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.claims.dates import date_spans, extract_dates, first_explicit_date


def D(quote, date, precision, calendar="gregorian", resolved_from="text"):
    return (quote, date, precision, calendar, resolved_from)


def read(text, reference=None, origin="text"):
    out = []
    for d in extract_dates(text, reference=reference, reference_origin=origin):
        assert text[d.char_start:d.char_end] == d.quote
        out.append((d.quote, d.date, d.precision, d.calendar, d.resolved_from))
    return out


EXPLICIT = [
    # Arabic, Egyptian/Gulf month names
    ("17 نوفمبر 2023", [D("17 نوفمبر 2023", "2023-11-17", "day")]),
    ("في 2/ أكتوبر 2023 أعلنت", [D("2/ أكتوبر 2023", "2023-10-02", "day")]),  # a slash after the day
    ("on 5/ November 2023", [D("5/ November 2023", "2023-11-05", "day")]),
    ("في نوفمبر 2023، فجّرت الشركة", [D("نوفمبر 2023", "2023-11", "month")]),
    ("تم تحديث هذه المقالة آخر مرة في نوفمبر 28, 2023", [D("نوفمبر 28, 2023", "2023-11-28", "day")]),
    ("في 16 من شهر نوفمبر 2023", [D("16 من شهر نوفمبر 2023", "2023-11-16", "day")]),
    ("في سبتمبر 2016: مقابل", [D("سبتمبر 2016", "2016-09", "month")]),
    ("مايو 2020", [D("مايو 2020", "2020-05", "month")]),
    ("يونيه 2022", [D("يونيه 2022", "2022-06", "month")]),
    ("يوليه 2022", [D("يوليه 2022", "2022-07", "month")]),
    ("أغسطس 2017", [D("أغسطس 2017", "2017-08", "month")]),
    ("اغسطس 2017", [D("اغسطس 2017", "2017-08", "month")]),
    ("إبريل 2019", [D("إبريل 2019", "2019-04", "month")]),
    # Levantine / Iraqi month names
    ("17 تشرين الثاني 2023", [D("17 تشرين الثاني 2023", "2023-11-17", "day")]),
    ("في تشرين الأول 2023", [D("تشرين الأول 2023", "2023-10", "month")]),
    ("كانون الثاني 2024", [D("كانون الثاني 2024", "2024-01", "month")]),
    ("كانون الأول 2023", [D("كانون الأول 2023", "2023-12", "month")]),
    ("شباط 2020", [D("شباط 2020", "2020-02", "month")]),
    ("آذار 2021", [D("آذار 2021", "2021-03", "month")]),
    ("نيسان 2021", [D("نيسان 2021", "2021-04", "month")]),
    ("أيار 2021", [D("أيار 2021", "2021-05", "month")]),
    ("حزيران 2021", [D("حزيران 2021", "2021-06", "month")]),
    ("تموز 2021", [D("تموز 2021", "2021-07", "month")]),
    ("15 آب 2019", [D("15 آب 2019", "2019-08-15", "day")]),
    ("أيلول 2021", [D("أيلول 2021", "2021-09", "month")]),
    # Maghreb spellings
    ("جوان 2022", [D("جوان 2022", "2022-06", "month")]),
    ("جويلية 2022", [D("جويلية 2022", "2022-07", "month")]),
    ("ماي 2022", [D("ماي 2022", "2022-05", "month")]),
    # English
    ("November 17, 2023", [D("November 17, 2023", "2023-11-17", "day")]),
    ("17 November 2023", [D("17 November 2023", "2023-11-17", "day")]),
    ("the 17th of November 2023", [D("17th of November 2023", "2023-11-17", "day")]),
    ("Nov. 17, 2023", [D("Nov. 17, 2023", "2023-11-17", "day")]),
    ("Nov. 2023", [D("Nov. 2023", "2023-11", "month")]),
    ("Sept. 2021", [D("Sept. 2021", "2021-09", "month")]),
    ("in December 2015", [D("December 2015", "2015-12", "month")]),
    # numeric
    ("2023-11-17", [D("2023-11-17", "2023-11-17", "day")]),
    ("17/11/2023", [D("17/11/2023", "2023-11-17", "day")]),
    ("17.11.2023", [D("17.11.2023", "2023-11-17", "day")]),
    ("11/17/2023", [D("11/17/2023", "2023-11-17", "day")]),  # only month-first is valid
    ("05/04/2023", [D("05/04/2023", None, "day", resolved_from="unresolved")]),  # valid both ways, no locale: unresolved
    ("في 05/04/2023", [D("05/04/2023", "2023-04-05", "day")]),  # Arabic context: day first
    ("on 16/04/21, then", [D("16/04/21", "2021-04-16", "day")]),  # a two-digit year: the 2000s below 69
    ("on 13-11-98.", [D("13-11-98", "1998-11-13", "day")]),  # from 69, the 1900s; the full stop ends it
    ("It was 23.11.1998.", [D("23.11.1998", "1998-11-23", "day")]),
    ("version 1.2.15 shipped", []),  # dots with a two-digit year: a version, no date
    ("١٧ نوفمبر ٢٠٢٣", [D("١٧ نوفمبر ٢٠٢٣", "2023-11-17", "day")]),
    # years after a cue; seasons and modifiers
    ("وفقًا لتقرير، في عام 2016، بدأت", [D("عام 2016", "2016", "year")]),
    ("في 2019 قالت الشركة", [D("2019", "2019", "year")]),
    ("in 2015 the lab was founded", [D("2015", "2015", "year")]),
    ("منذ 2019", [D("2019", "2019", "year")]),
    ("since 2019", [D("2019", "2019", "year")]),
    ("بحلول 2030", [D("2030", "2030", "year")]),
    ("في عام 1945", [D("عام 1945", "1945", "year")]),
    ("2016م", [D("2016م", "2016", "year")]),
    ("عامي 2015 و2016", [D("عامي 2015", "2015", "year"), D("2016", "2016", "year")]),
    ("صيف 2023", [D("صيف 2023", "2023", "year")]),
    ("summer of 2023", [D("summer of 2023", "2023", "year")]),
    ("أوائل عام 2023", [D("أوائل عام 2023", "2023", "year")]),
    ("نهاية 2023", [D("نهاية 2023", "2023", "year")]),
    ("early 2023", [D("early 2023", "2023", "year")]),
    ("mid-2023", [D("mid-2023", "2023", "year")]),
    ("the end of 2023", [D("the end of 2023", "2023", "year")]),
    ("in early November 2023", [D("early November 2023", "2023-11", "part_of_month")]),
    # ranges: one mention dated on its first day (date_end: see RANGES below)
    ("17-21 نوفمبر 2023", [D("17-21 نوفمبر 2023", "2023-11-17", "range")]),
    ("November 17-21, 2023", [D("November 17-21, 2023", "2023-11-17", "range")]),
    # a weekday written with the date is one mention
    ("يوم الجمعة الموافق 17 نوفمبر 2023", [D("يوم الجمعة الموافق 17 نوفمبر 2023", "2023-11-17", "day")]),
    ("الجمعة، 17 نوفمبر 2023", [D("الجمعة، 17 نوفمبر 2023", "2023-11-17", "day")]),
    ("Friday, November 17, 2023", [D("Friday, November 17, 2023", "2023-11-17", "day")]),
    # Hijri: converted to the Gregorian calendar (more in HIJRI below)
    ("15 رمضان 1445", [D("15 رمضان 1445", "2024-03-25", "day", "hijri")]),
    ("رمضان 1445 هـ", [D("رمضان 1445 هـ", "2024-03-11", "range", "hijri")]),
    ("1445 هـ", [D("1445 هـ", "2023-07-19", "range", "hijri")]),
    ("عام 1445هـ", [D("عام 1445هـ", "2023-07-19", "range", "hijri")]),
    ("10 ذو الحجة 1444", [D("10 ذو الحجة 1444", "2023-06-28", "day", "hijri")]),
]

NOTHING = [
    "رمضان",  # the month without a day or year: a season, not a date
    "صفر",  # also "zero"
    "we may go",
    "مارس الضغط على المجلس",  # "practised", not March
    "500 موظف",
    "في 500 مدينة",  # not a year
    "31 فبراير 2023",  # impossible dates are dropped whole
    "29 فبراير 2023",
    "35 نوفمبر",
    "2023-13-45",
    "بعد ظهر ذلك اليوم",
    "جمعة",  # no article: a gathering, or a bare header
    "",
]

WITHOUT_REFERENCE = [
    ("17 نوفمبر", [D("17 نوفمبر", None, "day", resolved_from="unresolved")]),
    ("في نوفمبر", [D("نوفمبر", None, "month", resolved_from="unresolved")]),
    ("in May", [D("May", None, "month", resolved_from="unresolved")]),
    ("الجمعة", [D("الجمعة", None, "weekday", resolved_from="unresolved")]),
    # an unresolved relative word keeps its own unit as precision
    ("أمس", [D("أمس", None, "day", resolved_from="unresolved")]),
    ("العام الماضي", [D("العام الماضي", None, "year", resolved_from="unresolved")]),
    ("الليلة الماضية", [D("الليلة الماضية", None, "day", resolved_from="unresolved")]),
    ("yesterday and today and tomorrow", [
        D("yesterday", None, "day", resolved_from="unresolved"),
        D("today", None, "day", resolved_from="unresolved"),
        D("tomorrow", None, "day", resolved_from="unresolved"),
    ]),
]

# reference 2023-11-20 is a Monday
WITH_REFERENCE = [
    ("17 نوفمبر", [D("17 نوفمبر", "2023-11-17", "day", resolved_from="published")]),
    ("في نوفمبر", [D("نوفمبر", "2023-11", "month", resolved_from="published")]),
    ("الجمعة", [D("الجمعة", "2023-11-17", "day", resolved_from="published")]),
    ("يوم الأحد", [D("يوم الأحد", "2023-11-19", "day", resolved_from="published")]),
    ("Monday", [D("Monday", "2023-11-20", "day", resolved_from="published")]),  # on or before
    ("أمس", [D("أمس", "2023-11-19", "day", resolved_from="published")]),
    ("البارحة", [D("البارحة", "2023-11-19", "day", resolved_from="published")]),
    ("اليوم، بعد مرور عقد", [D("اليوم", "2023-11-20", "day", resolved_from="published")]),
    ("غدًا", [D("غدًا", "2023-11-21", "day", resolved_from="published")]),
    ("العام الماضي", [D("العام الماضي", "2022", "year", resolved_from="published")]),
    ("next year", [D("next year", "2024", "year", resolved_from="published")]),
    ("الشهر الماضي", [D("الشهر الماضي", "2023-10", "month", resolved_from="published")]),
    ("last month", [D("last month", "2023-10", "month", resolved_from="published")]),
]

# News phrases written fresh for robustness.
NEWS_EXPLICIT = [
    ("Sept. 11, 2001", [D("Sept. 11, 2001", "2001-09-11", "day")]),
    ("on 3 March 2024 the court ruled", [D("3 March 2024", "2024-03-03", "day")]),
    ("5th March 2024", [D("5th March 2024", "2024-03-05", "day")]),
    ("Jan. 6, 2021", [D("Jan. 6, 2021", "2021-01-06", "day")]),
    ("late 2019", [D("late 2019", "2019", "year")]),
    ("mid-2019", [D("mid-2019", "2019", "year")]),
    ("17-21 November 2023", [D("17-21 November 2023", "2023-11-17", "range")]),
    ("2024/03/05", [D("2024/03/05", "2024-03-05", "day")]),
    ("في 12 أكتوبر 2022", [D("12 أكتوبر 2022", "2022-10-12", "day")]),
    ("٣ مارس ٢٠٢٤", [D("٣ مارس ٢٠٢٤", "2024-03-03", "day")]),
    ("العام 2025", [D("العام 2025", "2025", "year")]),
    # the two-family spelling of Arabic news: one mention
    ("في 7 أكتوبر/تشرين الأول 2023", [D("7 أكتوبر/تشرين الأول 2023", "2023-10-07", "day")]),
    ("فبراير/شباط 2024", [D("فبراير/شباط 2024", "2024-02", "month")]),
    ("آذار/مارس 2021", [D("آذار/مارس 2021", "2021-03", "month")]),
    ("17 نوفمبر (تشرين الثاني) 2023", [D("17 نوفمبر (تشرين الثاني) 2023", "2023-11-17", "day")]),
    # Maghreb spellings
    ("غشت 2023", [D("غشت 2023", "2023-08", "month")]),
    ("شتنبر 2023", [D("شتنبر 2023", "2023-09", "month")]),
    ("12 نونبر 2023", [D("12 نونبر 2023", "2023-11-12", "day")]),
    ("دجنبر 2022", [D("دجنبر 2022", "2022-12", "month")]),
    ("جانفي 2024", [D("جانفي 2024", "2024-01", "month")]),
    ("فيفري 2024", [D("فيفري 2024", "2024-02", "month")]),
    ("أفريل 2024", [D("أفريل 2024", "2024-04", "month")]),
    ("أوت 2024", [D("أوت 2024", "2024-08", "month")]),
    # ordinal day words
    ("في الثالث من نوفمبر 2023", [D("الثالث من نوفمبر 2023", "2023-11-03", "day")]),
    ("في الحادي والعشرين من مارس 2022", [D("الحادي والعشرين من مارس 2022", "2022-03-21", "day")]),
    ("الأحد 19 نوفمبر 2023", [D("الأحد 19 نوفمبر 2023", "2023-11-19", "day")]),
    ("في 14 شعبان 1445 هـ", [D("14 شعبان 1445 هـ", "2024-02-24", "day", "hijri")]),
    ("الخميس 16 نوفمبر 2023", [D("الخميس 16 نوفمبر 2023", "2023-11-16", "day")]),
    ("في الأول من يناير 2024", [D("الأول من يناير 2024", "2024-01-01", "day")]),
    ("في أواخر أكتوبر 2023", [D("أواخر أكتوبر 2023", "2023-10", "part_of_month")]),
    ("في مطلع 2024", [D("مطلع 2024", "2024", "year")]),
    ("October 7, 2023", [D("October 7, 2023", "2023-10-07", "day")]),
    ("by the end of 2024", [D("the end of 2024", "2024", "year")]),
    # an ordinal after a definite noun is that noun's: the second week, not the 2nd
    ("الأسبوع الثاني من نوفمبر 2023", [D("نوفمبر 2023", "2023-11", "month")]),
    ("ارتفعت البطالة خلال 2023 بنسبة 2%", [D("2023", "2023", "year")]),
    ("في 2023 مقارنة بعام 2022", [D("2023", "2023", "year"), D("عام 2022", "2022", "year")]),
]

NEWS_NOTHING = [
    "وزعت المساعدات في 2000 مدينة",  # a count, not a year
    "منذ 2000 عام",  # a duration
    "in 2000 cities",
    "in the 1990s",
    "Vision 2030",
    "رؤية 2030",
    "في 1500 منزل",
    "بعد 2000 دولار",
]

NEWS_WITHOUT_REFERENCE = [
    ("Nov. 17", [D("Nov. 17", None, "day", resolved_from="unresolved")]),
    ("March 5th", [D("March 5th", None, "day", resolved_from="unresolved")]),
    ("on Friday", [D("Friday", None, "weekday", resolved_from="unresolved")]),
    ("منتصف يونيو", [D("منتصف يونيو", None, "part_of_month", resolved_from="unresolved")]),
    ("2 يناير/كانون الثاني", [D("2 يناير/كانون الثاني", None, "day", resolved_from="unresolved")]),
]

# reference 2023-11-20 is a Monday
NEWS_WITH_REFERENCE = [
    ("last Tuesday", [D("last Tuesday", "2023-11-14", "day", resolved_from="published")]),
    ("next Friday", [D("next Friday", "2023-11-24", "day", resolved_from="published")]),
    ("last Monday", [D("last Monday", "2023-11-13", "day", resolved_from="published")]),
    ("الثلاثاء الماضي", [D("الثلاثاء الماضي", "2023-11-14", "day", resolved_from="published")]),
    ("يوم الجمعة المقبل", [D("يوم الجمعة المقبل", "2023-11-24", "day", resolved_from="published")]),
    ("الجمعة المقبلة", [D("الجمعة المقبلة", "2023-11-24", "day", resolved_from="published")]),
    ("يوم 5 يناير الماضي", [D("5 يناير الماضي", "2023-01-05", "day", resolved_from="published")]),
    ("يناير المقبل", [D("يناير المقبل", "2024-01", "month", resolved_from="published")]),
    ("last January", [D("last January", "2023-01", "month", resolved_from="published")]),
    ("next March", [D("next March", "2024-03", "month", resolved_from="published")]),
    ("أكتوبر/تشرين الأول الماضي", [D("أكتوبر/تشرين الأول الماضي", "2023-10", "month", resolved_from="published")]),
    ("By Tuesday 700 of 770 employees had signed", [D("Tuesday", "2023-11-14", "day", resolved_from="published")]),
    ("الجمعة الماضية قتل 5 أشخاص", [D("الجمعة الماضية", "2023-11-17", "day", resolved_from="published")]),
    ("on Oct. 7", [D("Oct. 7", "2023-10-07", "day", resolved_from="published")]),
]


def _ids(table):
    return [t or "<empty>" for t, _ in table]


@pytest.mark.parametrize("text, expected", EXPLICIT, ids=_ids(EXPLICIT))
def test_explicit_dates(text, expected):
    assert read(text) == expected


@pytest.mark.parametrize("text", NOTHING)
def test_not_dates(text):
    assert read(text) == []


@pytest.mark.parametrize("text, expected", WITHOUT_REFERENCE, ids=_ids(WITHOUT_REFERENCE))
def test_unresolved_without_reference(text, expected):
    assert read(text) == expected


@pytest.mark.parametrize("text, expected", WITH_REFERENCE, ids=_ids(WITH_REFERENCE))
def test_resolved_against_reference(text, expected):
    assert read(text, reference="2023-11-20", origin="published") == expected



@pytest.mark.parametrize("text, expected", NEWS_EXPLICIT, ids=_ids(NEWS_EXPLICIT))
def test_news_explicit_dates(text, expected):
    assert read(text) == expected


@pytest.mark.parametrize("text", NEWS_NOTHING)
def test_news_not_dates(text):
    assert read(text) == []


@pytest.mark.parametrize("text, expected", NEWS_WITHOUT_REFERENCE, ids=_ids(NEWS_WITHOUT_REFERENCE))
def test_news_unresolved_without_reference(text, expected):
    assert read(text) == expected


@pytest.mark.parametrize("text, expected", NEWS_WITH_REFERENCE, ids=_ids(NEWS_WITH_REFERENCE))
def test_news_resolved_against_reference(text, expected):
    assert read(text, reference="2023-11-20", origin="published") == expected

@pytest.mark.parametrize(
    "text, reference, date",
    [
        ("28 ديسمبر", "2024-01-05", "2023-12-28"),  # the year that puts it closest
        ("3 يناير", "2023-12-30", "2024-01-03"),
        ("الأحد", "2024-01-05", "2023-12-31"),
        ("17 نوفمبر", "2023-11-20T08:00:00Z", "2023-11-17"),  # a timestamp is fine
    ],
)
def test_reference_across_year_boundary(text, reference, date):
    (d,) = extract_dates(text, reference=reference)
    assert d.date == date


def test_narrative_anchors_weekdays_and_years():
    # The seed 000 timeline: the update date, then Friday 17 November, then the days after it.
    text = (
        "تم تحديث هذه المقالة في نوفمبر 28, 2023\n"
        "قام Altman بتسجيل الدخول يوم الجمعة الموافق 17 نوفمبر عند الظهر.\n"
        "السبت\nفي أيام السبت.\nالأحد\nوخلال الليل من الأحد إلى الاثنين.\n"
        "سوتسكيفر، الذي طرد ألتمان يوم الجمعة، وضع اسمه.\nيوم الثلاثاء\n"
    )
    got = [(d.quote, d.date, d.resolved_from) for d in extract_dates(text, reference="2023-11-28", reference_origin="published")]
    assert got == [
        ("نوفمبر 28, 2023", "2023-11-28", "text"),
        ("يوم الجمعة الموافق 17 نوفمبر", "2023-11-17", "text"),
        ("السبت", "2023-11-18", "text"),
        ("أيام السبت", "2023-11-18", "text"),
        ("الأحد", "2023-11-19", "text"),
        ("الأحد", "2023-11-19", "text"),
        ("الاثنين", "2023-11-20", "text"),
        ("يوم الجمعة", "2023-11-17", "text"),
        ("يوم الثلاثاء", "2023-11-21", "text"),
    ]


def test_in_text_result_after_reference_falls_back():
    # 30 November is a Thursday; "Friday" after it would be 1 December, after the reference.
    (_, friday) = extract_dates("في 30 نوفمبر 2023 ... ثم يوم الجمعة", reference="2023-11-30", reference_origin="published")
    assert (friday.date, friday.resolved_from) == ("2023-11-24", "published")


def test_a_year_only_flashback_does_not_date_a_later_day():
    text = "He was fired on Friday, November 17, 2023. He was paid $1.9 million in 2016. Shares rose on Nov. 20."
    assert [d.date for d in extract_dates(text)] == ["2023-11-17", "2016", "2023-11-20"]


def test_day_month_takes_year_from_text():
    text = "تبدأ جذور الأزمة في صيف 2023، ثم في 16 نوفمبر اجتمع المجلس"
    assert read(text) == [D("صيف 2023", "2023", "year"), D("16 نوفمبر", "2023-11-16", "day")]


@pytest.mark.parametrize(
    "text, hedged, negated",
    [
        ("قد تنتهي الصفقة في نوفمبر 2024", True, False),
        ("لم يحدث ذلك في عام 2016", False, True),
        ("The deal closed in March 2024.", False, False),
    ],
)
def test_dates_carry_modality(text, hedged, negated):
    (d,) = extract_dates(text)
    assert (d.hedged, d.negated) == (hedged, negated)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("تم تحديث هذه المقالة آخر مرة في نوفمبر 28, 2023\nيوم الجمعة الموافق 17 نوفمبر", "2023-11-28"),
        ("في عام 2016 ثم 5 مارس 2017", "2017-03-05"),  # the first with a day
        ("يوم الجمعة وأمس", None),  # relative words are not explicit
        ("في عام 2016", None),
        ("", None),
    ],
)
def test_first_explicit_date(text, expected):
    assert first_explicit_date(text) == expected


@pytest.mark.parametrize("reference", ["yesterday", "2023-02-30", "20231120x"])
def test_bad_reference_is_an_error(reference):
    with pytest.raises(ValueError):
        extract_dates("الجمعة", reference=reference)


def test_date_spans_cover_the_numbers():
    text = "في عام 2016 و17 نوفمبر"
    spans = date_spans(text)
    assert [text[s:e] for s, e in spans] == ["عام 2016", "17 نوفمبر"]


_PIECES = list("0123456789٠١٢٣٤٥٦٧٨٩/-.,، \n") + [
    "نوفمبر", "November", "Nov.", "تشرين الثاني", "عام", "في", "in", "الجمعة", "يوم", "الموافق",
    "Friday", "اليوم", "أمس", "هـ", "رمضان", "صيف", "early", "mid-", "عامي", "و", "م", "ً", "ـ",
    "العام الماضي", "today", "May", "من", "شهر",
    "from", "to", "between", "and", "إلى", "بين", "on", "the", "15th", "first", "Friday", "of", "ago", "two days",
    "last week", "الأسبوع الماضي", "قبل", "يومين", "منتصف", "late", "الشهر الجاري", "أول", "جمعة", "ذو الحجة", "1445",
]
_TEXT = st.lists(st.sampled_from(_PIECES), max_size=25).map("".join) | st.text(max_size=80)


@settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))
@given(_TEXT, st.sampled_from([None, "2023-11-20", "2024-02-29", "2023"]), st.sampled_from([None, "en_US", "ar_EG"]))
def test_never_crashes_and_offsets_slice(text, reference, locale):
    previous_end = 0
    for d in extract_dates(text, reference=reference, locale=locale):
        assert text[d.char_start:d.char_end] == d.quote
        assert d.char_start >= previous_end
        previous_end = d.char_end
        assert d.precision in ("year", "month", "day", "weekday", "week", "range", "part_of_month")
        assert d.resolved_from in ("text", "unresolved") or reference
        if d.date is not None and d.precision != "range":
            assert len(d.date) == {"year": 4, "month": 7, "day": 10, "week": 8, "part_of_month": 7}[d.precision]
        if d.precision == "range" and d.date is not None:
            assert len(d.date) == len(d.date_end) and d.date <= d.date_end
        assert (d.part is not None) == (d.precision == "part_of_month")
        assert d.readings is None or (d.date is None and d.readings == sorted(d.readings))


def test_a_day_and_month_without_any_year_keep_their_month_and_day():
    from factcheck.claims.dates import extract_dates

    (d,) = extract_dates("The board met on March 5 to approve the deal.")
    assert (d.date, d.month_day, d.resolved_from) == (None, "03-05", "unresolved")
    (d,) = extract_dates("The board met on March 5 to approve the deal.", reference="2025-03-19")
    assert (d.date, d.month_day) == ("2025-03-05", None)


# --------------------------------------------------------------------------------------------
# Ranges, parts of months, weeks, Hijri conversion, numeric dates and locales, days of a
# month, weekdays of a month and relative dates, as newsrooms write them (docs/parsing.md#dates).
# Each case: (text, reference, locale, expected mentions); a mention lists its quote, date and
# precision, and whichever other fields differ from a plain Gregorian date read from the text.
# --------------------------------------------------------------------------------------------

_PLAIN = {"calendar": "gregorian", "resolved_from": "text", "date_end": None, "part": None, "hijri": None, "readings": None}


def M(quote, date, precision, **fields):
    return {"quote": quote, "date": date, "precision": precision, **_PLAIN, **fields}


def read_all(text, reference=None, locale=None, origin="published", lang=None):
    out = []
    for d in extract_dates(text, lang=lang, reference=reference, reference_origin=origin, locale=locale):
        assert text[d.char_start:d.char_end] == d.quote
        out.append({k: getattr(d, k) for k in ("quote", "date", "precision", *_PLAIN)})
    return out


PUB = "published"
REF = "2023-11-20"  # a Monday, ISO week 47

RANGES = [
    ("The summit will be held on 15-17 November 2023 in Riyadh.", None,
     [M("15-17 November 2023", "2023-11-15", "range", date_end="2023-11-17")]),
    ("تعقد القمة في الفترة 17-21 نوفمبر 2023 في الرياض", None,
     [M("17-21 نوفمبر 2023", "2023-11-17", "range", date_end="2023-11-21")]),
    ("November 17-21, 2023", None, [M("November 17-21, 2023", "2023-11-17", "range", date_end="2023-11-21")]),
    ("Voting runs from 15 to 17 November, the commission said.", REF,
     [M("from 15 to 17 November", "2023-11-15", "range", date_end="2023-11-17", resolved_from=PUB)]),
    ("وتجري عمليات الاقتراع من 15 إلى 17 نوفمبر 2023 في كل المحافظات", None,
     [M("من 15 إلى 17 نوفمبر 2023", "2023-11-15", "range", date_end="2023-11-17")]),
    ("يستمر المعرض من 15 حتى 17 نوفمبر", REF,
     [M("من 15 حتى 17 نوفمبر", "2023-11-15", "range", date_end="2023-11-17", resolved_from=PUB)]),
    ("Unions plan strikes between 3 and 5 March 2024.", None,
     [M("between 3 and 5 March 2024", "2024-03-03", "range", date_end="2024-03-05")]),
    ("وتنظم النقابات إضرابا بين 3 و5 مارس 2024", None,
     [M("بين 3 و5 مارس 2024", "2024-03-03", "range", date_end="2024-03-05")]),
    ("The fair runs November 15-17 at the convention centre.", REF,
     [M("November 15-17", "2023-11-15", "range", date_end="2023-11-17", resolved_from=PUB)]),
    ("The festival runs Nov. 28 - Dec. 2, 2023.", None,
     [M("Nov. 28 - Dec. 2, 2023", "2023-11-28", "range", date_end="2023-12-02")]),
    ("خلال الفترة من 28 نوفمبر إلى 2 ديسمبر 2023", None,
     [M("من 28 نوفمبر إلى 2 ديسمبر 2023", "2023-11-28", "range", date_end="2023-12-02")]),
    ("Sales fell from March to May 2023, the company said.", None,
     [M("from March to May 2023", "2023-03", "range", date_end="2023-05")]),
    ("Output fell March to May 2023.", None, [M("March to May 2023", "2023-03", "range", date_end="2023-05")]),
    ("تراجعت المبيعات من مارس إلى مايو 2023", None,
     [M("من مارس إلى مايو 2023", "2023-03", "range", date_end="2023-05")]),
    ("ارتفعت الأسعار بين يناير ومارس 2024", None, [M("بين يناير ومارس 2024", "2024-01", "range", date_end="2024-03")]),
    ("from December 2023 to February 2024", None,
     [M("from December 2023 to February 2024", "2023-12", "range", date_end="2024-02")]),
    ("the cold lasted from December to February 2024", None,
     [M("from December to February 2024", "2023-12", "range", date_end="2024-02")]),
    ("نما الاقتصاد في 2015-2018 بوتيرة بطيئة", None, [M("2015-2018", "2015", "range", date_end="2018")]),
    ("Voting runs from 15 to 17 November.", None,
     [M("from 15 to 17 November", None, "range", resolved_from="unresolved")]),
]

PARTS = [
    ("Talks resumed in mid-November 2023.", None, [M("mid-November 2023", "2023-11", "part_of_month", part="mid")]),
    ("The deal closed in late November 2023.", None, [M("late November 2023", "2023-11", "part_of_month", part="late")]),
    ("in early November 2023", None, [M("early November 2023", "2023-11", "part_of_month", part="early")]),
    ("by the end of November 2023", None, [M("the end of November 2023", "2023-11", "part_of_month", part="late")]),
    ("at the beginning of March 2024", None, [M("the beginning of March 2024", "2024-03", "part_of_month", part="early")]),
    ("The ministry expects the results in early December.", REF,
     [M("early December", "2023-12", "part_of_month", part="early", resolved_from=PUB)]),
    ("اندلعت الاحتجاجات في منتصف نوفمبر 2023", None, [M("منتصف نوفمبر 2023", "2023-11", "part_of_month", part="mid")]),
    ("في أواخر أكتوبر 2023", None, [M("أواخر أكتوبر 2023", "2023-10", "part_of_month", part="late")]),
    ("أوائل ديسمبر 2023", None, [M("أوائل ديسمبر 2023", "2023-12", "part_of_month", part="early")]),
    ("بداية ديسمبر 2023", None, [M("بداية ديسمبر 2023", "2023-12", "part_of_month", part="early")]),
    ("تنتهي المهلة نهاية شهر نوفمبر 2023", None, [M("نهاية شهر نوفمبر 2023", "2023-11", "part_of_month", part="late")]),
    ("أواسط يناير 2024", None, [M("أواسط يناير 2024", "2024-01", "part_of_month", part="mid")]),
    ("تبدأ الانتخابات مطلع ديسمبر المقبل", REF,
     [M("مطلع ديسمبر المقبل", "2023-12", "part_of_month", part="early", resolved_from=PUB)]),
    ("تصدر النتائج نهاية الشهر الجاري", REF, [M("نهاية الشهر الجاري", "2023-11", "part_of_month", part="late", resolved_from=PUB)]),
    ("Prices peaked late last month.", REF, [M("late last month", "2023-10", "part_of_month", part="late", resolved_from=PUB)]),
    ("منتصف يونيو", None, [M("منتصف يونيو", None, "part_of_month", part="mid", resolved_from="unresolved")]),
    ("mid-2023", None, [M("mid-2023", "2023", "year")]),  # a part of a year stays a year
]

HIJRI = [
    ("15 رمضان 1445", None, [M("15 رمضان 1445", "2024-03-25", "day", calendar="hijri", hijri="1445-09-15")]),
    ("أعلنت الوزارة في 15 رمضان 1445 هـ", None, [M("15 رمضان 1445 هـ", "2024-03-25", "day", calendar="hijri", hijri="1445-09-15")]),
    ("10 ذو الحجة 1444", None, [M("10 ذو الحجة 1444", "2023-06-28", "day", calendar="hijri", hijri="1444-12-10")]),
    ("في 14 شعبان 1445 هـ", None, [M("14 شعبان 1445 هـ", "2024-02-24", "day", calendar="hijri", hijri="1445-08-14")]),
    ("رمضان 1445 هـ", None,
     [M("رمضان 1445 هـ", "2024-03-11", "range", date_end="2024-04-09", calendar="hijri", hijri="1445-09")]),
    ("1445 هـ", None, [M("1445 هـ", "2023-07-19", "range", date_end="2024-07-06", calendar="hijri", hijri="1445")]),
    ("عام 1445هـ", None, [M("عام 1445هـ", "2023-07-19", "range", date_end="2024-07-06", calendar="hijri", hijri="1445")]),
    ("بدأ الصيام في 1 رمضان 1445 هـ، وفي 27 رمضان أحيا المصلون ليلة القدر", None, [
        M("1 رمضان 1445 هـ", "2024-03-11", "day", calendar="hijri", hijri="1445-09-01"),
        M("27 رمضان", "2024-04-06", "day", calendar="hijri", hijri="1445-09-27"),
    ]),
    # no Hijri year anywhere: unresolved, whatever the published date
    ("أحيا المصلون ليلة 27 رمضان في المسجد", REF,
     [M("27 رمضان", None, "day", calendar="hijri", hijri="--09-27", resolved_from="unresolved")]),
    # outside the converter's years: kept, unresolved
    ("1200 هـ", None, [M("1200 هـ", None, "year", calendar="hijri", hijri="1200", resolved_from="unresolved")]),
]

NUMERIC = [
    # (text, reference, locale, expected)
    ("The contract was signed on 05/04/2023.", None, None,
     [M("05/04/2023", None, "day", resolved_from="unresolved", readings=["2023-04-05", "2023-05-04"])]),
    ("The contract was signed on 05/04/2023.", None, "en_US", [M("05/04/2023", "2023-05-04", "day")]),
    ("The contract was signed on 05/04/2023.", None, "en_GB", [M("05/04/2023", "2023-04-05", "day")]),
    ("The contract was signed on 05/04/2023.", None, "ar_EG", [M("05/04/2023", "2023-04-05", "day")]),
    ("وقع العقد في 05/04/2023 في القاهرة", None, None, [M("05/04/2023", "2023-04-05", "day")]),
    ("وقع العقد في ٠٥/٠٤/٢٠٢٣", None, None, [M("٠٥/٠٤/٢٠٢٣", "2023-04-05", "day")]),
    ("وقع العقد في 05/04/2023 في القاهرة", None, "en_US", [M("05/04/2023", "2023-05-04", "day")]),
    ("It was filed on 11/17/2023.", None, None, [M("11/17/2023", "2023-11-17", "day")]),
    ("It was filed on 17/11/2023.", None, "en_US", [M("17/11/2023", "2023-11-17", "day")]),
    ("It was filed on 06/06/2023.", None, None, [M("06/06/2023", "2023-06-06", "day")]),  # the same both ways
    ("on 03-11-98.", None, None, [M("03-11-98", None, "day", resolved_from="unresolved", readings=["1998-03-11", "1998-11-03"])]),
    ("on 03-11-98.", None, "en_US", [M("03-11-98", "1998-03-11", "day")]),
    ("on 16/04/21, then", None, None, [M("16/04/21", "2021-04-16", "day")]),
    ("2024/03/05", None, "en_US", [M("2024/03/05", "2024-03-05", "day")]),  # year first is always y-m-d
    # a day and month without a year, after a date cue
    ("The talks resumed on 22/4 in Doha.", "2024-05-01", None, [M("22/4", "2024-04-22", "day", resolved_from=PUB)]),
    ("استؤنفت المحادثات يوم 22-4 في الدوحة", "2024-05-01", None, [M("22-4", "2024-04-22", "day", resolved_from=PUB)]),
    ("وفي 22/4 أعلنت الحكومة", "2024-05-01", None, [M("22/4", "2024-04-22", "day", resolved_from=PUB)]),
    ("The talks resumed on 4/22.", "2024-05-01", None, [M("4/22", "2024-04-22", "day", resolved_from=PUB)]),
    ("The talks resumed on 3/4.", "2024-05-01", None,
     [M("3/4", None, "day", resolved_from="unresolved", readings=["2024-03-04", "2024-04-03"])]),
    ("The talks resumed on 3/4.", "2024-05-01", "en_US", [M("3/4", "2024-03-04", "day", resolved_from=PUB)]),
    ("بدأ الإضراب منذ 3/4 ولا يزال مستمرا", "2024-05-01", None, [M("3/4", "2024-04-03", "day", resolved_from=PUB)]),
    ("The report is dated 22/4.", None, None, [M("22/4", None, "day", resolved_from="unresolved")]),
    # not dates: scores, fractions, ratios, versions, phone numbers, decimals, no cue
    ("The home side won 3-2 on Sunday.", None, None, [M("Sunday", None, "weekday", resolved_from="unresolved")]),
    ("3/4 of the members voted for it.", "2024-05-01", None, []),
    ("وافق 3/4 من الأعضاء على القرار", "2024-05-01", None, []),
    ("ظهر ذلك في 3/4 من الحالات", "2024-05-01", None, []),
    ("The bill passed 22-4 in the Senate.", "2024-05-01", None, []),
    ("Call 555-1234 for details.", "2024-05-01", None, []),
    ("Version 2/3 of the app shipped.", "2024-05-01", None, []),
    ("The rate was 3.5 on Monday.", "2024-05-01", None, [M("Monday", "2024-04-29", "day", resolved_from=PUB)]),
    ("The price rose 22/4 percent.", "2024-05-01", None, []),
    ("في 22/4 ساعة", "2024-05-01", None, []),
]

DAYS_OF_A_MONTH = [
    ("The board met on November 10, 2023. On the 15th, it fired the chief executive.", None, [
        M("November 10, 2023", "2023-11-10", "day"),
        M("the 15th", "2023-11-15", "day"),
    ]),
    ("The vote is due on the 3rd, officials said.", REF, [M("the 3rd", "2023-11-03", "day", resolved_from=PUB)]),
    ("The vote is due on the 3rd, officials said.", None, [M("the 3rd", None, "day", resolved_from="unresolved")]),
    ("وتنتهي المهلة في الخامس عشر من الشهر الجاري", REF, [M("الخامس عشر من الشهر الجاري", "2023-11-15", "day", resolved_from=PUB)]),
    ("وتنتهي المهلة في الخامس عشر من الشهر الحالي", REF, [M("الخامس عشر من الشهر الحالي", "2023-11-15", "day", resolved_from=PUB)]),
    ("وصل الوفد في 3 أكتوبر 2023، ثم غادر يوم 15 من الشهر نفسه", REF, [
        M("3 أكتوبر 2023", "2023-10-03", "day"),
        M("يوم 15 من الشهر نفسه", "2023-10-15", "day"),
    ]),
    ("أعلنت الوزارة في 15 من الشهر الماضي", REF, [M("15 من الشهر الماضي", "2023-10-15", "day", resolved_from=PUB)]),
    ("The deadline is the 15th of this month.", REF, [M("the 15th of this month", "2023-11-15", "day", resolved_from=PUB)]),
    ("The 15th century mosque was restored.", REF, []),
    ("Her office is on the 3rd floor.", REF, []),
    ("She finished 3rd in the race.", REF, []),
    ("The 31st of this month", REF, [M("The 31st of this month", None, "day", resolved_from="unresolved")]),  # November has no 31st
]

WEEKDAYS_OF_A_MONTH = [
    ("The festival opens on the first Friday of July 2024.", None, [M("the first Friday of July 2024", "2024-07-05", "day")]),
    ("Elections are held on the last Monday of May 2024.", None, [M("the last Monday of May 2024", "2024-05-27", "day")]),
    ("the second Tuesday in March 2024", None, [M("the second Tuesday in March 2024", "2024-03-12", "day")]),
    ("يفتتح المهرجان أول جمعة من يوليو", "2024-06-01", [M("أول جمعة من يوليو", "2024-07-05", "day", resolved_from=PUB)]),
    ("تنتهي المهلة آخر خميس من شهر نوفمبر 2023", None, [M("آخر خميس من شهر نوفمبر 2023", "2023-11-30", "day")]),
    ("يبدأ الموسم الجمعة الأولى من يوليو 2024", None, [M("الجمعة الأولى من يوليو 2024", "2024-07-05", "day")]),
]

RELATIVE = [
    ("The ministry said two days ago that talks had failed.", REF, [M("two days ago", "2023-11-18", "day", resolved_from=PUB)]),
    ("The strike began 5 days ago.", REF, [M("5 days ago", "2023-11-15", "day", resolved_from=PUB)]),
    ("The office closed three weeks ago.", REF, [M("three weeks ago", "2023-W44", "week", resolved_from=PUB)]),
    ("Prices rose two months ago.", REF, [M("two months ago", "2023-09", "month", resolved_from=PUB)]),
    ("أعلنت الوزارة قبل يومين أن المحادثات فشلت", REF, [M("قبل يومين", "2023-11-18", "day", resolved_from=PUB)]),
    ("بدأ الإضراب قبل ثلاثة أيام", REF, [M("قبل ثلاثة أيام", "2023-11-17", "day", resolved_from=PUB)]),
    ("وصل الوفد منذ يومين", REF, [M("منذ يومين", "2023-11-18", "day", resolved_from=PUB)]),
    ("أغلق المكتب قبل أسبوعين", REF, [M("قبل أسبوعين", "2023-W45", "week", resolved_from=PUB)]),
    ("جرت الانتخابات قبل عامين", REF, [M("قبل عامين", "2021", "year", resolved_from=PUB)]),
    ("وقع الانفجار أول أمس", REF, [M("أول أمس", "2023-11-18", "day", resolved_from=PUB)]),
    ("وقع الانفجار أول من أمس", REF, [M("أول من أمس", "2023-11-18", "day", resolved_from=PUB)]),
    ("The talks collapsed last week.", REF, [M("last week", "2023-W46", "week", resolved_from=PUB)]),
    ("انهارت المحادثات الأسبوع الماضي", REF, [M("الأسبوع الماضي", "2023-W46", "week", resolved_from=PUB)]),
    ("The minister visits this week.", REF, [M("this week", "2023-W47", "week", resolved_from=PUB)]),
    ("The vote is next week.", REF, [M("next week", "2023-W48", "week", resolved_from=PUB)]),
    ("يصوت البرلمان الأسبوع المقبل", REF, [M("الأسبوع المقبل", "2023-W48", "week", resolved_from=PUB)]),
    ("last month", REF, [M("last month", "2023-10", "month", resolved_from=PUB)]),
    ("The talks collapsed last week.", None, [M("last week", None, "week", resolved_from="unresolved")]),
    # relative to an event, not to the moment of writing
    ("بدأ الصمت الانتخابي قبل ثلاثة أيام من الانتخابات", REF, []),
    ("قبل يومين من القمة", REF, []),
]


def _case_ids(table):
    return [t[0][:40] + (f" [{t[-2]}]" if len(t) == 4 and t[-2] else "") for t in table]


@pytest.mark.parametrize("text, reference, expected", RANGES, ids=_case_ids(RANGES))
def test_ranges(text, reference, expected):
    assert read_all(text, reference) == expected


@pytest.mark.parametrize("text, reference, expected", PARTS, ids=_case_ids(PARTS))
def test_parts_of_months(text, reference, expected):
    assert read_all(text, reference) == expected


@pytest.mark.parametrize("text, reference, expected", HIJRI, ids=_case_ids(HIJRI))
def test_hijri_dates_are_converted(text, reference, expected):
    assert read_all(text, reference) == expected


@pytest.mark.parametrize("text, reference, locale, expected", NUMERIC, ids=_case_ids(NUMERIC))
def test_numeric_dates_and_locales(text, reference, locale, expected):
    assert read_all(text, reference, locale) == expected


@pytest.mark.parametrize("text, reference, expected", DAYS_OF_A_MONTH, ids=_case_ids(DAYS_OF_A_MONTH))
def test_days_of_a_month(text, reference, expected):
    assert read_all(text, reference) == expected


@pytest.mark.parametrize("text, reference, expected", WEEKDAYS_OF_A_MONTH, ids=_case_ids(WEEKDAYS_OF_A_MONTH))
def test_weekdays_of_a_month(text, reference, expected):
    assert read_all(text, reference) == expected


@pytest.mark.parametrize("text, reference, expected", RELATIVE, ids=_case_ids(RELATIVE))
def test_relative_dates(text, reference, expected):
    assert read_all(text, reference) == expected


def test_an_unknown_locale_is_an_error():
    with pytest.raises(ValueError, match="locale"):
        extract_dates("on 05/04/2023", locale="xx_YY")


@pytest.mark.parametrize("locale, month_first", [("en_US", True), ("en_PH", True), ("en_GB", False), ("ar_EG", False), ("fr_FR", False), ("en_CA", False), ("en-US", True)])
def test_month_first_follows_the_cldr_short_pattern(locale, month_first):
    from factcheck.claims.dates import month_first_locale

    assert month_first_locale(locale) is month_first


def test_a_bare_month_of_a_later_paragraph_is_of_the_time_of_writing():
    # a flashback dated in one paragraph does not date the next paragraph's bare months
    text = (
        "Microsoft followed with an investment in January 2023.\n"
        "Regulators said in December that they were looking at it. The board changed after the upheaval in November.\n"
    )
    got = [(d.quote, d.date, d.resolved_from) for d in extract_dates(text, reference="2024-03-20", reference_origin="published")]
    assert got == [("January 2023", "2023-01", "text"), ("December", "2023-12", "published"), ("November", "2023-11", "published")]
    # in the same paragraph the flashback still dates them, but for a month it would put more
    # than a month before it (a narrative moves forward); without a reference, the flashback
    # dates them all, across paragraphs too
    same = [d.date for d in extract_dates(text.replace("\n", " ", 1), reference="2024-03-20", reference_origin="published")]
    assert same == ["2023-01", "2022-12", "2023-11"]
    assert [d.date for d in extract_dates(text)] == ["2023-01", "2022-12", "2022-11"]


def test_a_day_the_flashback_year_would_put_months_before_it_is_of_the_time_of_writing():
    text = "Tellavan signed the contract in November 2024. The film, pulled on June 5, argued that fees were inflated."
    got = [(d.quote, d.date, d.resolved_from) for d in extract_dates(text, reference="2026-06-18", reference_origin="published")]
    assert got == [("November 2024", "2024-11", "text"), ("June 5", "2026-06-05", "published")]
    # a day or a month back stays the flashback's: "told on 16 November" after "fired on 17 November 2023"
    near = "The board fired him on 17 November 2023. He had been warned on 16 October."
    assert [d.date for d in extract_dates(near, reference="2026-06-18", reference_origin="published")] == ["2023-11-17", "2023-10-16"]


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        # a blank line between the explicit day and the weekday: the weekday is of the week of writing
        ("The film was pulled on June 5.\n\nSender was arrested on Monday.", ["2026-06-05", "2026-06-15"]),
        # a single line break (a timeline's items) or none: the narrative goes on from June 5
        ("The film was pulled on June 5.\nSaturday\nSender was arrested on Monday.", ["2026-06-05", "2026-06-06", "2026-06-08"]),
        ("The film was pulled on June 5. Sender was arrested on Monday.", ["2026-06-05", "2026-06-08"]),
    ],
)
def test_a_weekday_after_a_blank_line_is_of_the_week_of_writing(text, dates):
    assert [d.date for d in extract_dates(text, reference="2026-06-18", reference_origin="published")] == dates


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ('"The mine will reopen on Tuesday," Castell said.', "2026-08-04"),
        ("The court is due to rule on Tuesday.", "2026-08-04"),
        ("ومن المنتظر أن تصدر المحكمة قرارها يوم الثلاثاء.", "2026-08-04"),
        ("The mine reopened on Tuesday.", "2026-07-28"),  # no future: the last Tuesday
        ("He will say more. The mine reopened on Tuesday.", "2026-07-28"),  # another sentence's future
        # reported speech: "would" is the future of the moment it was said
        ("The committee said it would question the minister and the airline's new management at a session on Tuesday.", "2026-08-04"),
        ("He said he would have resigned on Tuesday.", "2026-07-28"),  # a past conditional
        ("He said that he would not resign over Sunday's emergency landing.", "2026-08-02"),  # a day already past
        # far from the future, and a comma between: another clause's
        ("The minister, who will face a vote of the whole parliament next month, was dismissed on Tuesday.", "2026-07-28"),
    ],
)
def test_a_weekday_in_a_future_clause_is_the_next_one(text, date):
    (d,) = [d for d in extract_dates(text, reference="2026-08-03", reference_origin="published") if d.precision == "day"]
    assert d.date == date


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        ("وأعلنت الهيئة يوم الأربعاء 17 يونيو أن العقد قد أُلغي في اليوم السابق.", ["2026-06-17", "2026-06-16"]),
        ("The board voted on 9 June. It suspended him the next day.", ["2026-06-09", "2026-06-10"]),
        ("He was suspended on 10 June; the board had voted the day before.", ["2026-06-10", "2026-06-09"]),
        ("Kovel posted the film on Monday and was let go the same day.", ["2026-06-15", "2026-06-15"]),  # told from a weekday too
        ("وصوّت المجلس يوم 9 يونيو، وأعلن القرار في اليوم التالي.", ["2026-06-09", "2026-06-10"]),
        ("The decision came the next day.", [None]),  # no day given before it
        ("في اليوم السابق", [None]),  # "the previous day", never today
    ],
)
def test_a_day_told_from_the_last_day_given(text, dates):
    assert [d.date for d in extract_dates(text, reference="2026-06-20", reference_origin="published")] == dates


def test_the_day_before_something_is_told_from_that_thing():
    # "the day before the dismissal": no date of its own (the dismissal's day is elsewhere)
    assert [d.quote for d in extract_dates("On 9 June the board met. The vote came the day before the dismissal.", reference="2026-06-20")] == ["9 June"]


@pytest.mark.parametrize("text", ["The vote came the day before Altman's firing.", "It was the day before the vote."])
def test_the_day_before_a_named_thing_is_no_date_of_its_own(text):
    assert extract_dates(f"On 9 June the board met. {text}", reference="2026-06-20") and [d.quote for d in extract_dates(f"On 9 June the board met. {text}", reference="2026-06-20")] == ["9 June"]
