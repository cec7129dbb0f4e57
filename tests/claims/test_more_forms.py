"""Forms read since the parse suites: decimal commas in Arabic, ordinal Hijri days, English
Hijri month names, compound ordinals, cities that settle a currency, one main unit written as
a word before its subunit."""

import pytest

from factcheck.claims.dates import extract_dates
from factcheck.claims.quantities import extract_quantities


@pytest.mark.parametrize(
    "text, quote, value, unit",
    [
        ("بلغ معدل البطالة 13,7 في المائة خلال الفصل", "13,7 في المائة", 13.7, "percent"),
        ("سجل 3,5 مليون زائر", "3,5 مليون", 3.5e6, "count"),
        ("بلغ 1,250 دولارا", "1,250 دولارا", 1250.0, "USD"),
        ("قدّرت حكومة دبي كلفة المشروع بنحو 2.5 مليار درهم.", "نحو 2.5 مليار درهم", 2.5e9, "AED"),
        ("The fine for the offence is Dh50,000, Dubai Police said.", "Dh50,000", 50000.0, "AED"),
        ("يبلغ سعر العلبة في الكويت ديناراً و500 فلس بعد الزيادة.", "ديناراً و500 فلس", 1.5, "KWD"),
        ("It costs a dollar and 50 cents.", "dollar and 50 cents", 1.5, "USD"),
    ],
)
def test_figure_forms(text, quote, value, unit):
    found = [(q.quote, q.value, q.unit) for q in extract_quantities(text)]
    assert (quote, value, unit) in found


@pytest.mark.parametrize(
    "text, wrong",
    [
        ("The rate was 1,5 or 2", 1.5),  # English: a list or a decimal, nothing tells
        ("Unemployment was 13,7 percent.", 7.0),  # ... so neither number is read: not 7%
        ("Unemployment was 13,7 percent.", 13.0),
        ("أحيا الآلاف الذكرى الخامسة عشرة لانطلاق الثورة.", 10.0),  # an ordinal, not ten
        ("تُجرى الانتخابات في الحادي عشر من الشهر.", 10.0),
        ("It costs dollars.", 1.0),  # a currency word alone is no figure
    ],
)
def test_no_figure(text, wrong):
    assert wrong not in [q.value for q in extract_quantities(text)]


@pytest.mark.parametrize(
    "text, quote, iso, hijri",
    [
        ("يوافق عيد الأضحى العاشر من ذي الحجة 1445، بحسب المحكمة", "العاشر من ذي الحجة 1445", "2024-06-16", "1445-12-10"),
        ("صام في اليوم العاشر من رمضان 1445", "العاشر من رمضان 1445", "2024-03-20", "1445-09-10"),
        ("The fasting month began on 1 Ramadan 1445, officials said.", "1 Ramadan 1445", "2024-03-11", "1445-09-01"),
        ("Eid al-Adha falls on 10 Dhu al-Hijjah 1445 AH, the court said.", "10 Dhu al-Hijjah 1445 AH", "2024-06-16", "1445-12-10"),
    ],
)
def test_hijri_forms(text, quote, iso, hijri):
    found = [(d.quote, d.date, d.calendar, d.hijri) for d in extract_dates(text)]
    assert (quote, iso, "hijri", hijri) in found


def test_a_period_noun_keeps_its_ordinal():
    assert [(d.quote, d.precision) for d in extract_dates("الأسبوع الثاني من نوفمبر 2023")] == [("نوفمبر 2023", "month")]


def test_a_name_like_a_hijri_month_needs_a_day_or_year():
    assert extract_dates("Safar Ahmed said 1,200 people came.") == []


@pytest.mark.parametrize(
    "text, quote, value, unit",
    [
        ("The overnight low was -12C in Ulaanbaatar, the coldest reading.", "-12C", -12.0, "celsius"),
        ("Temperatures hit 45°C on Friday.", "45°C", 45.0, "celsius"),
        ("It was 104 degrees Fahrenheit in Phoenix.", "104 degrees Fahrenheit", 104.0, "fahrenheit"),
        ("سجلت الحرارة 48 درجة مئوية في البصرة", "48 درجة مئوية", 48.0, "celsius"),
    ],
)
def test_temperatures(text, quote, value, unit):
    assert (quote, value, unit) in [(q.quote, q.value, q.unit) for q in extract_quantities(text)]


@pytest.mark.parametrize("text", ["Flight 10C was late.", "He paid 10c for it in the cold weather."])
def test_a_letter_after_a_number_is_a_temperature_only_in_weather(text):
    assert "celsius" not in [q.unit for q in extract_quantities(text)]
