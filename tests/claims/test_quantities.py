"""Quantity extraction, Arabic and English, against the interval table of the contract."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.claims.model import QUALIFIERS
from factcheck.claims.quantities import extract_quantities

FIELDS = ("quote", "value", "low", "high", "qualifier", "unit", "noun", "total", "approximate")


def Q(quote, value, qualifier="exact", unit="count", noun=None, total=None, approximate=False):
    """A single-valued quantity; low/high follow the contract's table for the qualifier."""
    low = None if qualifier in ("less_than", "at_most") else value
    high = None if qualifier in ("more_than", "at_least") else value
    return (quote, value, low, high, qualifier, unit, noun, total, approximate)


def R(quote, low, high, unit="count", noun=None, approximate=False, qualifier="range"):
    """A range (value None)."""
    return (quote, None, low, high, qualifier, unit, noun, None, approximate)


def read(text, **kw):
    out = []
    for q in extract_quantities(text, **kw):
        assert text[q.char_start:q.char_end] == q.quote
        out.append(tuple(getattr(q, f) for f in FIELDS))
    return out


# The contract's interval table, row by row, in both languages.
SPEC_TABLE = [
    ("500", [Q("500", 500)]),
    ("خمسمائة", [Q("خمسمائة", 500)]),
    ("about 700", [Q("about 700", 700, "approx")]),
    ("نحو 700", [Q("نحو 700", 700, "approx")]),
    ("more than 500", [Q("more than 500", 500, "more_than")]),
    ("أكثر من 500", [Q("أكثر من 500", 500, "more_than")]),
    ("at least 12", [Q("at least 12", 12, "at_least")]),
    ("ما لا يقل عن 12", [Q("ما لا يقل عن 12", 12, "at_least")]),
    ("less than 45", [Q("less than 45", 45, "less_than")]),
    ("أقل من 45", [Q("أقل من 45", 45, "less_than")]),
    ("up to 30%", [Q("up to 30%", 30, "at_most", "percent")]),
    ("حتى 30%", [Q("حتى 30%", 30, "at_most", "percent")]),
    ("between 50 and 100 million", [R("between 50 and 100 million", 5e7, 1e8)]),
    ("بين 50 و100 مليون", [R("بين 50 و100 مليون", 5e7, 1e8)]),
    ("tens of millions", [R("tens of millions", 1e7, 1e8, approximate=True)]),
    ("عشرات الملايين", [R("عشرات الملايين", 1e7, 1e8, approximate=True)]),
    ("700 of 770", [Q("700 of 770", 700, total=770)]),
    ("700 من أصل 770", [Q("700 من أصل 770", 700, total=770)]),
    ("more than 700 of 770", [Q("more than 700 of 770", 700, "more_than", total=770)]),
    ("أكثر من 700 من أصل 770", [Q("أكثر من 700 من أصل 770", 700, "more_than", total=770)]),
]

# Phrases of the seed articles, in their sentences.
SEEDS = [
    ("تحت الضغط القوي، أكّد أكثر من 500 من موظفي OpenAI في رسالة لمجلس الإدارة",
     [Q("أكثر من 500", 500, "more_than", noun="موظفي")]),
    ("الذين تشير التقارير إلى أن عددهم يبلغ الآن 700 من أصل 770 موظفاً تعهد",
     [Q("700 من أصل 770", 700, total=770, noun="موظفاً")]),
    ("استثمر Musk ما بين 50 مليون دولار أمريكي إلى 100 مليون دولار أمريكي في OpenAI",
     [R("ما بين 50 مليون دولار أمريكي إلى 100 مليون دولار أمريكي", 5e7, 1e8, "USD")]),
    ("نظرًا لأنه استثمر سابقًا مبلغ 100 مليون دولار، فقد ترك رحيله",
     [Q("100 مليون دولار", 1e8, unit="USD")]),
    ("وباعتبارها أكبر مستثمر في OpenAI، بحصة تبلغ 49%، كانت مايكروسوفت تأمل",
     [Q("49%", 49, unit="percent")]),
    ("استثمرت أكثر من 10 مليارات دولار في المختبر",
     [Q("أكثر من 10 مليارات دولار", 1e10, "more_than", "USD")]),
    ("أن يخسروا كل استثماراتهم البالغة 11 مليار دولار",
     [Q("11 مليار دولار", 1.1e10, unit="USD")]),
    ("عملاق برمجيات الأعمال الذي تبلغ قيمته أكثر من تريليون دولار",
     [Q("أكثر من تريليون دولار", 1e12, "more_than", "USD")]),
    ("توفير راتب أساسي قدره 175000 دولار، ومنح لقب YC",
     [Q("175000 دولار", 175000, unit="USD")]),
    ("يُذكر أن دخل Sutskevi تجاوز 1.9 مليون دولار أمريكي.",
     [Q("تجاوز 1.9 مليون دولار أمريكي", 1.9e6, "more_than", "USD")]),
    ("106 ساعة من الأزمة في OpenAI", [Q("106 ساعة", 106, unit="hour")]),
    ("يسمعها الجزء العلوي من الشركة قبل أقل من عشر دقائق من النشر",
     [Q("أقل من عشر دقائق", 10, "less_than", "minute")]),
    ("وقرّر أربعة من أصل ستة أعضاء التصويت لإقالة ألتمان",
     [Q("أربعة من أصل ستة", 4, total=6, noun="أعضاء")]),
    ("وتعهدوا بتقديم ما يقرب من مليار دولار أمريكي من التمويل",
     [Q("ما يقرب من مليار دولار أمريكي", 1e9, "approx", "USD")]),
    ("على الرغم من دعم Musk وعشرات الملايين من الدولارات من رأس المال",
     [R("عشرات الملايين من الدولارات", 1e7, 1e8, "USD", approximate=True)]),
    ("يوجد حالياً حوالي 700 موظف في OpenAI", [Q("حوالي 700", 700, "approx", noun="موظف")]),
    ("تقرير عن أزمة خمسة أيام.", [Q("خمسة أيام", 5, unit="day")]),
    ("وينبغي أن تأتي الخاتمة بعد يوم واحد، مع عودة ألتمان.", [Q("يوم واحد", 1, unit="day")]),
    ("تمت مشاهدتها ملايين المرات على الوسيط.",
     [R("ملايين", 1e6, 1e7, noun="المرات", approximate=True)]),
    ("لم تستثمر مايكروسوفت مليارات الدولارات في OpenAI فحسب",
     [R("مليارات الدولارات", 1e9, 1e10, "USD", approximate=True)]),
    ("وربما المئات من موظفيه السابقين",
     [R("المئات", 100, 1000, noun="موظفيه", approximate=True)]),
    ("حيث هدّد مئات الموظفين بالاستقالة",
     [R("مئات", 100, 1000, noun="الموظفين", approximate=True)]),
    ("ويتمتع بخبرة تزيد عن عشر سنوات في عالم الشركات الناشئة",
     [Q("تزيد عن عشر سنوات", 10, "more_than", "year")]),
    ("للمرة الثالثة في أقل من عام، وهذه المرة",
     [Q("أقل من عام", 1, "less_than", "year")]),
    ("بعد مرور ما يقرب من عقد من الزمن على تأسيس الشركة",
     [Q("ما يقرب من عقد من الزمن", 10, "approx", "year")]),
    ("بناء فريق مؤسس مكون من 7 إلى 10 أعضاء من النخبة",
     [R("من 7 إلى 10", 7, 10, noun="أعضاء")]),
    ("التمويل الذي يتراوح بين 200 مليون دولار أمريكي إلى مليار دولار أمريكي",
     [R("بين 200 مليون دولار أمريكي إلى مليار دولار أمريكي", 2e8, 1e9, "USD")]),
    ("فستكون قيمة هذه الاتفاقية أكثر بكثير من 50 مليون دولار.",
     [Q("أكثر بكثير من 50 مليون دولار", 5e7, "more_than", "USD")]),
    ("حيث أكملت 1 تريليون معاملة تنبؤية",
     [Q("1 تريليون", 1e12, noun="معاملة")]),
    ("ألتمان موجود حاليًا في لاس فيغاس للمشاركة في الفورمولا 1.", []),
    ("إن جعل جداول بيانات Office 365 أكثر ذكاءً", []),
    ("إلى Microsoft 365 وما إلى ذلك", []),
    ("حوالي الساعة 10 مساءً فقط، وهي الساعة 7 صباحًا يوم الأربعاء", []),
    ("وفقًا لتقرير حديث، في عام 2016، بدأت OpenAI التعاون", []),
    ("1.عالقة بين قوتين، تفتقر إلى الموهبة والأموال", []),
    ("2.يريد كل من ماسك والتمان أن يصبحا مديرين تنفيذيين", []),
    ("في 16 نوفمبر، اجتمع أعضاء المجلس", []),
    ("تم تحديث هذه المقالة آخر مرة في نوفمبر 28, 2023", []),
    ("تبدأ جذور الأزمة في صيف 2023، عندما اكتشف", []),
    ("وهذا ما يفسر تمتلك الثلاثة.", []),  # definite "the three": anaphora, not a count
]

ARABIC = [
    ("وظفت الشركة 500 موظف", [Q("500", 500, noun="موظف")]),
    ("زهاء 300 شخص", [Q("زهاء 300", 300, "approx", noun="شخص")]),
    ("قرابة 200 موظف", [Q("قرابة 200", 200, "approx", noun="موظف")]),
    ("ما يزيد على 1000 موظف", [Q("ما يزيد على 1000", 1000, "more_than", noun="موظف")]),
    ("بأكثر من 20 موظفا", [Q("أكثر من 20", 20, "more_than", noun="موظفا")]),
    ("ما يناهز 50 مليون دولار", [Q("ما يناهز 50 مليون دولار", 5e7, "approx", "USD")]),
    ("أزيد من 20 عاما", [Q("أزيد من 20 عاما", 20, "more_than", "year")]),
    ("لا يزيد عن 15 شخصا", [Q("لا يزيد عن 15", 15, "at_most", noun="شخصا")]),
    ("ما يصل إلى 40% من الوظائف", [Q("ما يصل إلى 40%", 40, "at_most", "percent")]),
    ("500 موظف على الأقل", [Q("500 موظف على الأقل", 500, "at_least", noun="موظف")]),
    ("500 موظف تقريبا", [Q("500 موظف تقريبا", 500, "approx", noun="موظف")]),
    ("عشرة آلاف شخص", [Q("عشرة آلاف", 10000, noun="شخص")]),
    ("ثلاثة آلاف موظف", [Q("ثلاثة آلاف", 3000, noun="موظف")]),
    ("خمسة وعشرون ألف دولار", [Q("خمسة وعشرون ألف دولار", 25000, unit="USD")]),
    ("ثلاثمائة ألف دولار", [Q("ثلاثمائة ألف دولار", 3e5, unit="USD")]),
    ("مليونين دولار", [Q("مليونين دولار", 2e6, unit="USD")]),
    ("ألفي موظف", [Q("ألفي", 2000, noun="موظف")]),
    ("5 آلاف شخص", [Q("5 آلاف", 5000, noun="شخص")]),
    ("500 ألف دولار", [Q("500 ألف دولار", 5e5, unit="USD")]),
    ("250 ألفا", [Q("250 ألفا", 250000)]),
    ("3.5 مليار دولار", [Q("3.5 مليار دولار", 3.5e9, unit="USD")]),
    ("١٬٠٠٠ موظف", [Q("١٬٠٠٠", 1000, noun="موظف")]),
    ("١٫٥ مليون دولار", [Q("١٫٥ مليون دولار", 1.5e6, unit="USD")]),
    ("۱۲۰ موظف", [Q("۱۲۰", 120, noun="موظف")]),
    ("مليار و200 مليون دولار", [Q("مليار و200 مليون دولار", 1.2e9, unit="USD")]),
    ("10 مليارات يورو", [Q("10 مليارات يورو", 1e10, unit="EUR")]),
    ("2 مليار جنيه إسترليني", [Q("2 مليار جنيه إسترليني", 2e9, unit="GBP")]),
    ("300 مليون ريال سعودي", [Q("300 مليون ريال سعودي", 3e8, unit="SAR")]),
    ("100 درهم", [Q("100 درهم", 100, unit="AED")]),
    ("500 مليون ين", [Q("500 مليون ين", 5e8, unit="JPY")]),
    ("3 مليارات يوان", [Q("3 مليارات يوان", 3e9, unit="CNY")]),
    ("100 ريال", [Q("100", 100, noun="ريال")]),  # which riyal is not said: a counted noun
    ("49 في المائة", [Q("49 في المائة", 49, unit="percent")]),
    ("49 في المئة", [Q("49 في المئة", 49, unit="percent")]),
    ("49 بالمئة", [Q("49 بالمئة", 49, unit="percent")]),
    ("49٪", [Q("49٪", 49, unit="percent")]),
    ("بنسبة ٪49", [Q("٪49", 49, unit="percent")]),
    ("9 ساعات", [Q("9 ساعات", 9, unit="hour")]),
    ("45 ثانية", [Q("45 ثانية", 45, unit="second")]),
    ("ثلاث سنوات", [Q("ثلاث سنوات", 3, unit="year")]),
    ("خمسة أشهر", [Q("خمسة أشهر", 5, unit="month")]),
    ("ستة أسابيع", [Q("ستة أسابيع", 6, unit="week")]),
    ("اثنا عشر شهرا", [Q("اثنا عشر شهرا", 12, unit="month")]),
    ("خلال 24 ساعة", [Q("24 ساعة", 24, unit="hour")]),
    ("بـ 9 ساعات", [Q("9 ساعات", 9, unit="hour")]),
    ("بعد يومين", [Q("يومين", 2, unit="day")]),
    ("خلال عامين", [Q("عامين", 2, unit="year")]),
    ("أكثر من ساعة", [Q("أكثر من ساعة", 1, "more_than", "hour")]),
    ("3 عقود", [Q("3 عقود", 30, unit="year")]),
    ("بين خمسة وعشرة ملايين دولار", [R("بين خمسة وعشرة ملايين دولار", 5e6, 1e7, "USD")]),
    ("من 10 إلى 20 في المئة", [R("من 10 إلى 20 في المئة", 10, 20, "percent")]),
    ("بين 10 و20 في المائة", [R("بين 10 و20 في المائة", 10, 20, "percent")]),
    ("من 5 إلى 10 ملايين", [R("من 5 إلى 10 ملايين", 5e6, 1e7)]),
    ("مئات الآلاف من الأشخاص", [R("مئات الآلاف", 1e5, 1e6, noun="الأشخاص", approximate=True)]),
    ("عشرات الآلاف", [R("عشرات الآلاف", 1e4, 1e5, approximate=True)]),
    ("آلاف الموظفين", [R("آلاف", 1e3, 1e4, noun="الموظفين", approximate=True)]),
    ("أكثر من عشرات الآلاف", [Q("أكثر من عشرات الآلاف", 1e4, "more_than", approximate=True)]),
    ("عدة ملايين دولار", [R("عدة ملايين دولار", 2e6, 1e7, "USD", approximate=True)]),
    ("بضعة آلاف من الموظفين", [R("بضعة آلاف", 2e3, 1e4, noun="الموظفين", approximate=True)]),
    # "rose from 800 to 700" is a change: two values, not a range
    ("انخفض عدد الموظفين من 800 إلى 700", [Q("800", 800), Q("700", 700)]),
    ("1,200 موظف و٣٥٠ متعاقدا", [Q("1,200", 1200, noun="موظف"), Q("٣٥٠", 350, noun="متعاقدا")]),
]

ENGLISH = [
    ("about 700 employees", [Q("about 700", 700, "approx", noun="employees")]),
    ("More than 500 employees signed", [Q("More than 500", 500, "more_than", noun="employees")]),
    ("at least 12 people died", [Q("at least 12", 12, "at_least", noun="people")]),
    ("No fewer than 40 people were hurt.", [Q("No fewer than 40", 40, "at_least", noun="people")]),
    ("less than 45 minutes", [Q("less than 45 minutes", 45, "less_than", "minute")]),
    ("fewer than 20 staff", [Q("fewer than 20", 20, "less_than", noun="staff")]),
    ("As many as 300 workers", [Q("As many as 300", 300, "at_most", noun="workers")]),
    ("Nearly 100,000 people attended.", [Q("Nearly 100,000", 100000, "approx", noun="people")]),
    ("an estimated 2,000 protesters", [Q("an estimated 2,000", 2000, "approx", noun="protesters")]),
    ("some 700 employees", [Q("some 700", 700, "approx", noun="employees")]),
    ("500 or more", [Q("500 or more", 500, "at_least")]),
    ("more than $10 billion", [Q("more than $10 billion", 1e10, "more_than", "USD")]),
    ("a $10bn deal", [Q("$10bn", 1e10, unit="USD")]),
    ("US$5 million", [Q("US$5 million", 5e6, unit="USD")]),
    ("a €3.5m fine", [Q("€3.5m", 3.5e6, unit="EUR")]),
    ("£3.2bn", [Q("£3.2bn", 3.2e9, unit="GBP")]),
    ("He paid 5 million euros", [Q("5 million euros", 5e6, unit="EUR")]),
    ("USD 500 million", [Q("USD 500 million", 5e8, unit="USD")]),
    ("It costs 500 USD", [Q("500 USD", 500, unit="USD")]),
    ("49 percent", [Q("49 percent", 49, unit="percent")]),
    ("49 per cent", [Q("49 per cent", 49, unit="percent")]),
    ("roughly 30 percent of users", [Q("roughly 30 percent", 30, "approx", "percent")]),
    ("five hours", [Q("five hours", 5, unit="hour")]),
    ("a 10-year deal", [Q("10-year", 10, unit="year")]),
    ("He was 38 years old.", [Q("38 years", 38, unit="year")]),
    ("less than a year", [Q("less than a year", 1, "less_than", "year")]),
    ("more than a decade", [Q("more than a decade", 10, "more_than", "year")]),
    ("one hour", [Q("one hour", 1, unit="hour")]),
    ("twenty-five people", [Q("twenty-five", 25, noun="people")]),
    ("one hundred and five people", [Q("one hundred and five", 105, noun="people")]),
    ("a million people", [Q("a million", 1e6, noun="people")]),
    ("two dozen eggs", [Q("two dozen", 24, noun="eggs")]),
    ("more than a dozen", [Q("more than a dozen", 12, "more_than")]),
    ("1,000,000 people", [Q("1,000,000", 1e6, noun="people")]),
    ("1.000.000 people", [Q("1.000.000", 1e6, noun="people")]),
    ("The company had 3,500 staff.", [Q("3,500", 3500, noun="staff")]),
    ("500 Microsoft employees", [Q("500", 500, noun="employees")]),
    ("700 out of 770 employees", [Q("700 out of 770", 700, total=770, noun="employees")]),
    ("She won 3 of 5 races.", [Q("3 of 5", 3, total=5, noun="races")]),
    ("1 trillion transactions", [Q("1 trillion", 1e12, noun="transactions")]),
    ("between $50 million and $100 million",
     [R("between $50 million and $100 million", 5e7, 1e8, "USD")]),
    ("50-100 million", [R("50-100 million", 5e7, 1e8)]),
    ("10-20%", [R("10-20%", 10, 20, "percent")]),
    ("between 10% and 20%", [R("between 10% and 20%", 10, 20, "percent")]),
    ("tens of millions of dollars", [R("tens of millions of dollars", 1e7, 1e8, "USD", approximate=True)]),
    ("hundreds of thousands of people",
     [R("hundreds of thousands", 1e5, 1e6, noun="people", approximate=True)]),
    ("dozens of employees", [R("dozens", 24, 100, noun="employees", approximate=True)]),
    ("hundreds of employees", [R("hundreds", 100, 1000, noun="employees", approximate=True)]),
    ("thousands of people", [R("thousands", 1e3, 1e4, noun="people", approximate=True)]),
    ("millions of dollars", [R("millions of dollars", 1e6, 1e7, "USD", approximate=True)]),
    ("more than tens of thousands of people",
     [Q("more than tens of thousands", 1e4, "more_than", noun="people", approximate=True)]),
    ("several million dollars", [R("several million dollars", 2e6, 1e7, "USD", approximate=True)]),
    ("rose from 5 to 10 million", [Q("5", 5), Q("10 million", 1e7)]),
    ("more than 700 of the company's 770 employees",
     [Q("more than 700 of the company's 770", 700, "more_than", total=770, noun="employees")]),
    ("a 30-member board", [Q("30", 30, noun="member")]),
    ("the four-member board", [Q("four", 4, noun="member")]),
    ("7 to 10 members", [R("7 to 10", 7, 10, noun="members")]),
    ("The deal is worth $10.5 billion, up from $8bn.",
     [Q("$10.5 billion", 1.05e10, unit="USD"), Q("$8bn", 8e9, unit="USD")]),
]

# Numbers that are not quantities.
NOTHING = [
    "Office 365", "GPT-4", "Windows 11", "iPhone 15 Pro", "COVID-19", "A320", "H100 chips",
    "Microsoft 365", "Formula 1 race", "Python 3.11 release", "Chapter 11 bankruptcy",
    "page 5 of the report", "Article 5 applies", "route 66",
    "الفورمولا 1", "ويندوز 11", "كوفيد-19", "المادة 5 من القانون", "الحلقة 3",
    "الساعة 10 مساءً", "7 صباحًا", "at 10 pm", "at 10:30", "at 7 a.m.", "12:30",
    "the third time", "3rd place", "الثالثة", "المركز الـ3",
    "1.عالقة بين قوتين", "2. second item", "3) third item",
    "في عام 2016", "في 2019 قالت", "In 2015, OpenAI was founded.", "عام 2015",
    "from 2015 to 2018", "بين 2015 و2018", "The 2024 budget",
    "17 نوفمبر", "17-21 نوفمبر", "November 17, 2023", "2023-11-17", "17/11/2023",
    "one of the founders", "واحد من المؤسسين", "A 50-50 split", "3-D printing", "a 3-2 win", "(1) first",
    "بعد ساعات قليلة", "عدة ساعات", "hundreds", "millions watched", "",
]


def _cases(table):
    return pytest.mark.parametrize("text, expected", table, ids=[t for t, _ in table])


@_cases(SPEC_TABLE)
def test_contract_table(text, expected):
    assert read(text) == expected


@_cases(SEEDS)
def test_seed_phrases(text, expected):
    assert read(text) == expected


@_cases(ARABIC)
def test_arabic(text, expected):
    assert read(text) == expected


@_cases(ENGLISH)
def test_english(text, expected):
    assert read(text) == expected


@pytest.mark.parametrize("text", NOTHING)
def test_not_quantities(text):
    assert read(text) == []


def test_skip_spans():
    text = "رفعت الشركة 500 موظف و300 متعاقد"
    s = text.index("500")
    assert [q[0] for q in read(text, skip_spans=[(s, s + 3)])] == ["300"]


@pytest.mark.parametrize(
    "text, lang, quotes",
    [
        ("Office 365 has 400 million users", "en", ["400 million"]),
        ("Office 365 has 400 million users", None, ["400 million"]),
        ("تستخدم Office 365 من قبل 400 مليون مستخدم", "ar", ["400 مليون"]),
        ("In 2015, 300 people joined", "en", ["300"]),
    ],
)
def test_names_by_language(text, lang, quotes):
    assert [q[0] for q in read(text, lang=lang)] == quotes


@pytest.mark.parametrize(
    "text, quote, hedged, negated",
    [
        ("قد يخسر أكثر من 500 موظف وظائفهم", "أكثر من 500", True, False),
        ("لم يوقع 500 موظف على الرسالة", "500", False, True),
        ("لم يوقع سوى 500 موظف", "500", False, False),
        ("إذا وقع 500 موظف فسوف يستقيل المجلس", "500", True, False),
        ("وبحسب تقارير صحفية، يوجد حالياً حوالي 700 موظف", "حوالي 700", True, False),
        ("ما لا يقل عن 12 شخصا قتلوا", "ما لا يقل عن 12", False, False),
        ("Up to 10,000 jobs could go.", "Up to 10,000", True, False),
        ("The company did not cut 500 jobs.", "500", False, True),
        ("The company cut 500 jobs.", "500", False, False),
    ],
)
def test_hedged_and_negated(text, quote, hedged, negated):
    (q,) = [q for q in extract_quantities(text) if q.quote == quote]
    assert (q.hedged, q.negated) == (hedged, negated)


def test_offsets_in_a_longer_text():
    text = "السطر الأول.\nأكد أكثر من 500 موظف، وقال 700 من أصل 770 إنهم سيغادرون خلال 3 أيام."
    qs = extract_quantities(text)
    assert [q.quote for q in qs] == ["أكثر من 500", "700 من أصل 770", "3 أيام"]
    assert all(text[q.char_start:q.char_end] == q.quote for q in qs)
    assert [q.char_start for q in qs] == sorted(q.char_start for q in qs)


# ----------------------------------------------------------------------------------------------
# Properties
# ----------------------------------------------------------------------------------------------

_PIECES = list("0123456789٠١٢٣٤٥٦٧٨٩,.٫٬%٪$€-–/:() \n") + [
    "من", "أصل", "بين", "و", "إلى", "مليون", "مليار", "دولار", "أكثر من", "نحو", "عشرات",
    "الملايين", "of", "million", "between", "and", "to", "a", "year", "يوم", "واحد", "نوفمبر",
    "عام", "في", "الجمعة", "ساعة", "GPT", "Office", "ألف", "آلاف", "من الزمن", "عقد", "هـ",
    "the", "several", "عدة", "ما لم", "لا", "ً", "ـ", "at least", "على الأقل", "less than",
    "a.m.", "موظف", "employees", "خمسة", "وعشرون", "twenty", "-five",
]
_TEXT = st.lists(st.sampled_from(_PIECES), max_size=25).map("".join) | st.text(max_size=80)


@settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))
@given(_TEXT)
def test_never_crashes_and_offsets_slice(text):
    qs = extract_quantities(text)
    previous_end = 0
    for q in qs:
        assert text[q.char_start:q.char_end] == q.quote
        assert q.char_start >= previous_end  # sorted, no overlaps
        previous_end = q.char_end
        assert q.qualifier in QUALIFIERS
        if q.qualifier == "range":
            assert q.value is None and (q.low is None or q.high is None or q.low < q.high)
        elif q.qualifier in ("more_than", "at_least"):
            assert q.low == q.value and q.high is None
        elif q.qualifier in ("less_than", "at_most"):
            assert q.high == q.value and q.low is None
        else:
            assert q.value == q.low == q.high
        assert q.total is None or q.value is None or q.total >= q.value


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1, max_value=10**9).filter(lambda n: not 1900 <= n <= 2100))
def test_any_grouped_integer_reads_back(n):
    western = f"{n:,} موظف"
    arabic = western.translate(str.maketrans("0123456789,", "٠١٢٣٤٥٦٧٨٩٬"))
    for text in (western, arabic):
        (q,) = extract_quantities(text)
        assert (q.value, q.unit, q.noun) == (n, "count", "موظف")
