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
    # two-sided bounds: a lower bound joined to an upper bound is one range
    ("more than twenty and at most thirty-five people were hurt",
     [R("more than twenty and at most thirty-five", 20, 35, noun="people")]),
    ("أكثر من 20 وأقل من 35 شخصا", [R("أكثر من 20 وأقل من 35", 20, 35, noun="شخصا")]),
    ("more than 500 employees and fewer than 45 managers",  # each with its noun: two figures
     [Q("more than 500", 500, "more_than", noun="employees"), Q("fewer than 45", 45, "less_than", noun="managers")]),
    # negatives: a minus sign set off before the number, or a word for minus
    ("Temperatures fell to -10 degrees.", [Q("-10", -10, noun="degrees")]),
    ("profit was -$5 million", [Q("-$5 million", -5e6, "exact", "USD")]),
    ("انخفضت الحرارة إلى سالب عشرة", [Q("سالب عشرة", -10)]),
    ("between -5 and 10", [R("between -5 and 10", -5, 10)]),
    ("a range of 10-20", [R("10-20", 10, 20)]),  # a dash between two numbers is no minus
    # a currency sign after the number, glued or not, unless it opens the next amount
    ("It cost 10$.", [Q("10$", 10, "exact", "USD")]),
    ("It cost 5 million € in total.", [Q("5 million €", 5e6, "exact", "EUR")]),
    ("رسوم قدرها 20 €", [Q("20 €", 20, "exact", "EUR")]),
    ("prices of 10 $20", [Q("10", 10), Q("$20", 20, "exact", "USD")]),
    # a unit joined after tens leads the next tens: between twenty and thirty-five, not 55
    ("قتل ما بين عشرين وخمسة وثلاثين شخصا", [R("ما بين عشرين وخمسة وثلاثين", 20, 35, noun="شخصا")]),
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
    ("100 درهم", [Q("100 درهم", 100, unit="dirham")]),  # the UAE's or Morocco's: its family
    ("500 مليون ين", [Q("500 مليون ين", 5e8, unit="JPY")]),
    ("3 مليارات يوان", [Q("3 مليارات يوان", 3e9, unit="CNY")]),
    ("100 ريال", [Q("100 ريال", 100, unit="riyal")]),  # which riyal is not said: its family
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
    # a change is two values; the scale written once after the second applies to the first
    ("rose from 5 to 10 million", [Q("5", 5e6), Q("10 million", 1e7)]),
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


# ----------------------------------------------------------------------------------------------
# News phrases written fresh for robustness (not from the seed articles), expectations decided
# from the contract's table before running the reader.
# ----------------------------------------------------------------------------------------------

NEWS_ARABIC = [
    ("قُتل ما لا يقل عن ٣٥ شخصاً في القصف", [Q("ما لا يقل عن ٣٥", 35, "at_least", noun="شخصاً")]),
    ("أصيب نحو ١٢٠ مدنياً بجروح", [Q("نحو ١٢٠", 120, "approx", noun="مدنياً")]),
    ("بلغت الصادرات ٢٫٥ مليار دولار", [Q("٢٫٥ مليار دولار", 2.5e9, unit="USD")]),
    ("بلغ عدد السكان ١٬٢٠٠٬٠٠٠ نسمة", [Q("١٬٢٠٠٬٠٠٠", 1.2e6, noun="نسمة")]),
    ("ارتفع التضخم إلى 35.8 بالمئة", [Q("35.8 بالمئة", 35.8, unit="percent")]),
    ("سجلت البطالة 12 في المائة", [Q("12 في المائة", 12, unit="percent")]),
    ("خسرت العملة 40٪ من قيمتها", [Q("40٪", 40, unit="percent")]),
    ("هبطت الأسهم بنسبة 7%", [Q("7%", 7, unit="percent")]),
    ("تراجع الإنتاج بنحو 3 في المئة", [Q("نحو 3 في المئة", 3, "approx", "percent")]),
    ("بقيمة 500 مليون جنيه مصري", [Q("500 مليون جنيه مصري", 5e8, unit="EGP")]),
    ("منحة قدرها 3 ملايين درهم إماراتي", [Q("3 ملايين درهم إماراتي", 3e6, unit="AED")]),
    ("استثمارات بـ250 مليون دينار كويتي", [Q("250 مليون دينار كويتي", 2.5e8, unit="KWD")]),
    ("خصصت 2 مليار ليرة تركية", [Q("2 مليار ليرة تركية", 2e9, unit="TRY")]),
    ("صفقة بقيمة ١٢٫٥ مليار ريال سعودي", [Q("١٢٫٥ مليار ريال سعودي", 1.25e10, unit="SAR")]),
    ("غرامة قدرها 10 آلاف درهم مغربي", [Q("10 آلاف درهم مغربي", 1e4, unit="MAD")]),
    ("رصدت 1.5 مليار دينار عراقي", [Q("1.5 مليار دينار عراقي", 1.5e9, unit="IQD")]),
    ("تبرع بـ100 ألف ليرة لبنانية", [Q("100 ألف ليرة لبنانية", 1e5, unit="LBP")]),
    ("خسر 5 ملايين جنيه", [Q("5 ملايين جنيه", 5e6, unit="pound")]),  # which pound is not said
    ("لجأ قرابة مليوني شخص إلى الدول المجاورة", [Q("قرابة مليوني", 2e6, "approx", noun="شخص")]),
    ("اقترضت الحكومة مليارين دولار", [Q("مليارين دولار", 2e9, unit="USD")]),
    ("شركة تقدر قيمتها بأكثر من تريليوني دولار", [Q("أكثر من تريليوني دولار", 2e12, "more_than", "USD")]),
    ("سقط عشرات القتلى في الهجوم", [R("عشرات", 10, 100, noun="القتلى", approximate=True)]),
    ("خرج مئات الآلاف من المتظاهرين", [R("مئات الآلاف", 1e5, 1e6, noun="المتظاهرين", approximate=True)]),
    ("أنفقت مئات الملايين من الدولارات", [R("مئات الملايين من الدولارات", 1e8, 1e9, "USD", approximate=True)]),
    ("خسرت عشرات الآلاف من الدولارات", [R("عشرات الآلاف من الدولارات", 1e4, 1e5, "USD", approximate=True)]),
    ("فر الآلاف من اللاجئين", [R("الآلاف", 1e3, 1e4, noun="اللاجئين", approximate=True)]),
    ("تظاهر ألوف المواطنين", [R("ألوف", 1e3, 1e4, noun="المواطنين", approximate=True)]),
    ("كلفت بضعة ملايين دولار", [R("بضعة ملايين دولار", 2e6, 1e7, "USD", approximate=True)]),
    ("شارك عدة مئات من الطلاب", [R("عدة مئات", 200, 1000, noun="الطلاب", approximate=True)]),
    ("تم تصدير ما يناهز 40 ألف طن", [Q("ما يناهز 40 ألف", 40000, "approx", noun="طن")]),
    ("دخلت ما يربو على 300 شاحنة", [Q("ما يربو على 300", 300, "more_than", noun="شاحنة")]),
    ("وصل أزيد من 600 مهاجر", [Q("أزيد من 600", 600, "more_than", noun="مهاجر")]),
    ("بفائدة لا يتجاوز 5 في المئة", [Q("لا يتجاوز 5 في المئة", 5, "at_most", "percent")]),
    ("يتسع الملعب حتى 70 ألف متفرج", [Q("حتى 70 ألف", 70000, "at_most", noun="متفرج")]),
    ("لم يتجاوز 5% من السكان", [Q("لم يتجاوز 5%", 5, "at_most", "percent")]),
    ("لم يتجاوز عدد الناجين 20 شخصا", [Q("20", 20, "at_most", noun="شخصا")]),
    ("يقترب حجم الاستثمار من مليون دولار", [Q("مليون دولار", 1e6, "approx", "USD")]),
    ("اقتربت الخسائر من 3 مليارات دولار", [Q("3 مليارات دولار", 3e9, "approx", "USD")]),
    ("تجاوزت خسائر الشركة 5 مليارات دولار", [Q("5 مليارات دولار", 5e9, "more_than", "USD")]),
    ("تخطى عدد الزوار مليون زائر", [Q("مليون", 1e6, "more_than", noun="زائر")]),
    ("ثلاثة عشر قتيلا", [Q("ثلاثة عشر", 13, noun="قتيلا")]),
    ("انتظر خمس عشرة دقيقة", [Q("خمس عشرة دقيقة", 15, unit="minute")]),
    ("اعتصموا ثلاثين يوما", [Q("ثلاثين يوما", 30, unit="day")]),
    ("فصلت أربعمائة وخمسين موظفا", [Q("أربعمائة وخمسين", 450, noun="موظفا")]),
    ("نزح سبعة وثلاثون ألف شخص", [Q("سبعة وثلاثون ألف", 37000, noun="شخص")]),
    ("يعيش فيها ثلاثة ملايين ونصف المليون نسمة", [Q("ثلاثة ملايين ونصف المليون", 3.5e6, noun="نسمة")]),
    ("دفع مليون ونصف المليون دولار", [Q("مليون ونصف المليون دولار", 1.5e6, unit="USD")]),
    ("قرابة نصف مليون شخص", [Q("قرابة نصف مليون", 5e5, "approx", noun="شخص")]),
    ("أكثر من ربع مليون لاجئ", [Q("أكثر من ربع مليون", 2.5e5, "more_than", noun="لاجئ")]),
    ("استغرق الاجتماع نصف ساعة", [Q("نصف ساعة", 0.5, unit="hour")]),
    ("ينتج 2.5 مليون برميل يوميا", [Q("2.5 مليون", 2.5e6, noun="برميل")]),
    ("تراوحت الحرارة بين 30 و40 درجة", [R("بين 30 و40", 30, 40, noun="درجة")]),
    ("يضم ما بين 15 و20 ألف مقاتل", [R("ما بين 15 و20 ألف", 15000, 20000, noun="مقاتل")]),
    ("يعاقب بالسجن من 3 إلى 5 سنوات", [R("من 3 إلى 5 سنوات", 3, 5, "year")]),
    ("ينتج من 40 إلى 50 ألف طن", [R("من 40 إلى 50 ألف", 4e4, 5e4, noun="طن")]),
    ("كلفة تقدر ما بين 3 و5 مليارات دولار", [R("ما بين 3 و5 مليارات دولار", 3e9, 5e9, "USD")]),
    ("حكم عليه بين 10 و15 عاما", [R("بين 10 و15 عاما", 10, 15, "year")]),
    # a change is two values, also when it rises; the scale and unit written once are shared
    ("ارتفع عدد القتلى من 20 إلى 45", [Q("20", 20), Q("45", 45)]),
    ("ارتفعت الأسعار من 10 إلى 15 دولارا", [Q("10", 10, unit="USD"), Q("15 دولارا", 15, unit="USD")]),
    ("ارتفع العجز من 3 إلى 5 مليارات دولار", [Q("3", 3e9, unit="USD"), Q("5 مليارات دولار", 5e9, unit="USD")]),
    ("وافق 45 من بين 60 نائبا", [Q("45 من بين 60", 45, total=60, noun="نائبا")]),
    ("وقع ٧٠٠ من أصل ٧٧٠ موظفاً", [Q("٧٠٠ من أصل ٧٧٠", 700, total=770, noun="موظفاً")]),
    ("صوّت سبعمئة من أصل ثمانمئة", [Q("سبعمئة من أصل ثمانمئة", 700, total=800)]),
    ("وزعت المساعدات في 2000 مدينة", [Q("2000", 2000, noun="مدينة")]),
    ("يوجد نحو 1500 عائلة", [Q("نحو 1500", 1500, "approx", noun="عائلة")]),
    ("سقط 3 قتلى و12 جريحا", [Q("3", 3, noun="قتلى"), Q("12", 12, noun="جريحا")]),
    ("أكثر من 9 آلاف و500 شخص", [Q("أكثر من 9 آلاف و500", 9500, "more_than", noun="شخص")]),
    ("خلال 48 ساعة", [Q("48 ساعة", 48, unit="hour")]),
    ("لمدة أسبوعين", [Q("أسبوعين", 2, unit="week")]),
    ("منذ ثلاثة عقود", [Q("ثلاثة عقود", 30, unit="year")]),
    ("استمرت المعارك شهرين", [Q("شهرين", 2, unit="month")]),
    ("تأخر بنحو 15 دقيقة", [Q("نحو 15 دقيقة", 15, "approx", "minute")]),
    ("بلغ عمره واحدا وعشرين عاما", [Q("واحدا وعشرين عاما", 21, unit="year")]),
    ("يعمل فيها أحد عشر لاعبا", [Q("أحد عشر", 11, noun="لاعبا")]),
    ("قدمت مائتي منحة", [Q("مائتي", 200, noun="منحة")]),
    ("استمرت ثلاثمئة وستين يوما", [Q("ثلاثمئة وستين يوما", 360, unit="day")]),
    ("حصل على عشرين مليون دولار", [Q("عشرين مليون دولار", 2e7, unit="USD")]),
    ("ستة ملايين نسمة", [Q("ستة ملايين", 6e6, noun="نسمة")]),
    ("مائة وعشرين شخصا", [Q("مائة وعشرين", 120, noun="شخصا")]),
    ("ثماني عشرة سنة", [Q("ثماني عشرة سنة", 18, unit="year")]),
    ("ويتجاوز 200 شخص", [Q("يتجاوز 200", 200, "more_than", noun="شخص")]),
    ("أعلنت وزارة الصحة مقتل ٢٤ شخصاً وإصابة ٦٠ آخرين", [Q("٢٤", 24, noun="شخصاً"), Q("٦٠", 60, noun="آخرين")]),
    ("وبلغت قيمة الصفقة نحو 4.2 مليار يورو", [Q("نحو 4.2 مليار يورو", 4.2e9, "approx", "EUR")]),
    ("تضاعفت الأرباح لتصل إلى 800 مليون دولار", [Q("800 مليون دولار", 8e8, unit="USD")]),
    ("غرامة تصل إلى 10 آلاف دولار", [Q("تصل إلى 10 آلاف دولار", 1e4, "at_most", "USD")]),
    ("وتراوحت التقديرات بين 120 و150 ألف شخص", [R("بين 120 و150 ألف", 1.2e5, 1.5e5, noun="شخص")]),
    ("حوالى 60% من السكان", [Q("حوالى 60%", 60, "approx", "percent")]),
    ("ما يقارب ٣٠٠ ألف نازح", [Q("ما يقارب ٣٠٠ ألف", 3e5, "approx", noun="نازح")]),
    ("نحو مليون ومئتي ألف نسمة", [Q("نحو مليون ومئتي ألف", 1.2e6, "approx", noun="نسمة")]),
    ("خمسة ملايين وثلاثمائة ألف", [Q("خمسة ملايين وثلاثمائة ألف", 5.3e6)]),
    ("وصلت الخسائر إلى ٧٫٥ مليار درهم", [Q("٧٫٥ مليار درهم", 7.5e9, unit="dirham")]),
    ("قتل 7 أشخاص بينهم 3 أطفال", [Q("7", 7, noun="أشخاص"), Q("3", 3, noun="أطفال")]),
    ("مدة لا تقل عن 6 أشهر", [Q("لا تقل عن 6 أشهر", 6, "at_least", "month")]),
    ("قرابة عامين", [Q("قرابة عامين", 2, "approx", "year")]),
    ("أكثر من أسبوع", [Q("أكثر من أسبوع", 1, "more_than", "week")]),
    ("الذي استمر 11 يوماً", [Q("11 يوماً", 11, unit="day")]),
    ("5 مليارات و300 مليون دولار", [Q("5 مليارات و300 مليون دولار", 5.3e9, unit="USD")]),
    ("ثلاث ساعات ونصف", [Q("ثلاث ساعات ونصف", 3.5, unit="hour")]),
    ("ساعة ونصف", [Q("ساعة ونصف", 1.5, unit="hour")]),
    ("خلال الساعات الـ24 الماضية", [Q("الساعات الـ24", 24, unit="hour")]),
    ("خلال الـ24 ساعة الماضية", [Q("24 ساعة", 24, unit="hour")]),
    ("خلال السنوات الخمس الماضية", [Q("السنوات الخمس", 5, unit="year")]),
    ("استثمرت Microsoft 10 مليارات دولار في OpenAI", [Q("10 مليارات دولار", 1e10, unit="USD")]),
    ("بلغ عدد سكان القرية 2020 نسمة", [Q("2020", 2020, noun="نسمة")]),
    ("منذ 2000 عام", [Q("2000 عام", 2000, unit="year")]),
    # a bare singular unit after a preposition of time is one of it
    ("بعد أسبوع فقط من الإعلان", [Q("أسبوع", 1, unit="week")]),
    ("قبل عقد من الزمن", [Q("عقد من الزمن", 10, unit="year")]),
    ("منذ عام", [Q("عام", 1, unit="year")]),
    ("مئات آلاف الأشخاص", [R("مئات آلاف", 1e5, 1e6, noun="الأشخاص", approximate=True)]),
    ("نحو 3 آلاف و200 جندي", [Q("نحو 3 آلاف و200", 3200, "approx", noun="جندي")]),
    ("بلغ عدد الضحايا أكثر من ألفي قتيل", [Q("أكثر من ألفي", 2000, "more_than", noun="قتيل")]),
    ("يناهز عمره 90 عاما", [Q("90 عاما", 90, "approx", "year")]),
    ("قيمتها تتجاوز 3 مليارات دولار", [Q("تتجاوز 3 مليارات دولار", 3e9, "more_than", "USD")]),
    ("بعد يوم الانتخابات", []),  # "election day": a construct, not a duration
    ("خلال شهر رمضان", []),
]

NEWS_ENGLISH = [
    ("At least 12 people were killed", [Q("At least 12", 12, "at_least", noun="people")]),
    ("Nearly 3,000 homes were destroyed", [Q("Nearly 3,000", 3000, "approx", noun="homes")]),
    ("a $1.5bn loan", [Q("$1.5bn", 1.5e9, unit="USD")]),
    ("a €200m investment", [Q("€200m", 2e8, unit="EUR")]),
    ("1.2 million people fled", [Q("1.2 million", 1.2e6, noun="people")]),
    ("up to 30% of staff", [Q("up to 30%", 30, "at_most", "percent")]),
    ("between 50 and 100 million users", [R("between 50 and 100 million", 5e7, 1e8, noun="users")]),
    ("tens of millions of users", [R("tens of millions", 1e7, 1e8, noun="users", approximate=True)]),
    ("tens of thousands of people", [R("tens of thousands", 1e4, 1e5, noun="people", approximate=True)]),
    ("By Tuesday 700 of 770 employees had signed", [Q("700 of 770", 700, total=770, noun="employees")]),
    ("On Friday 40 people were hurt", [Q("40", 40, noun="people")]),
    ("Yesterday 300 workers walked out", [Q("300", 300, noun="workers")]),
    ("more than 700 of the 770 employees", [Q("more than 700 of the 770", 700, "more_than", total=770, noun="employees")]),
    ("hundreds of protesters", [R("hundreds", 100, 1000, noun="protesters", approximate=True)]),
    ("a dozen journalists", [Q("a dozen", 12, noun="journalists")]),
    ("some 40 countries", [Q("some 40", 40, "approx", noun="countries")]),
    ("roughly $2 billion", [Q("roughly $2 billion", 2e9, "approx", "USD")]),
    ("a non-profit to which I donated ~$100M", [Q("~$100M", 1e8, "approx", "USD")]),  # a sign for "about"
    ("≈ 40 countries", [Q("≈ 40", 40, "approx", noun="countries")]),
    ("no fewer than 15 ministers", [Q("no fewer than 15", 15, "at_least", noun="ministers")]),
    ("fewer than 200 cases", [Q("fewer than 200", 200, "less_than", noun="cases")]),
    ("under 5% of voters", [Q("under 5%", 5, "less_than", "percent")]),
    ("just under 50%", [Q("just under 50%", 50, "less_than", "percent")]),
    ("as many as 1,500 troops", [Q("as many as 1,500", 1500, "at_most", noun="troops")]),
    ("in excess of $300 million", [Q("in excess of $300 million", 3e8, "more_than", "USD")]),
    ("north of $5 billion", [Q("north of $5 billion", 5e9, "more_than", "USD")]),
    ("well over 200 flights", [Q("well over 200", 200, "more_than", noun="flights")]),
    ("sales exceeded $1bn", [Q("exceeded $1bn", 1e9, "more_than", "USD")]),
    ("50-100 people", [R("50-100", 50, 100, noun="people")]),
    ("50 to 100 people", [R("50 to 100", 50, 100, noun="people")]),
    ("between 2,000 and 3,000 troops", [R("between 2,000 and 3,000", 2000, 3000, noun="troops")]),
    ("from $5 to $10 billion", [R("from $5 to $10 billion", 5e9, 1e10, "USD")]),
    ("$2bn-$3bn", [R("$2bn-$3bn", 2e9, 3e9, "USD")]),
    ("a 0.25 percent cut", [Q("0.25 percent", 0.25, unit="percent")]),
    ("a 3.2% rise", [Q("3.2%", 3.2, unit="percent")]),
    ("about 40 per cent of", [Q("about 40 per cent", 40, "approx", "percent")]),
    ("a five-day strike", [Q("five-day", 5, unit="day")]),
    ("a 24-hour ceasefire", [Q("24-hour", 24, unit="hour")]),
    ("the 106-hour crisis", [Q("106-hour", 106, unit="hour")]),
    ("held for 106 hours", [Q("106 hours", 106, unit="hour")]),
    ("two weeks of talks", [Q("two weeks", 2, unit="week")]),
    ("over the past 10 years", [Q("10 years", 10, unit="year")]),
    ("half an hour later", [Q("half an hour", 0.5, unit="hour")]),
    ("1.5 million barrels a day", [Q("1.5 million", 1.5e6, noun="barrels")]),
    ("a £450,000 payout", [Q("£450,000", 450000, unit="GBP")]),
    ("US$2.3 billion", [Q("US$2.3 billion", 2.3e9, unit="USD")]),
    ("EUR 40 million", [Q("EUR 40 million", 4e7, unit="EUR")]),
    ("SAR 1.2 billion", [Q("SAR 1.2 billion", 1.2e9, unit="SAR")]),
    ("a $700m loss", [Q("$700m", 7e8, unit="USD")]),
    ("€1.2 trillion", [Q("€1.2 trillion", 1.2e12, unit="EUR")]),
    ("2.5bn euros", [Q("2.5bn euros", 2.5e9, unit="EUR")]),
    ("200 million euros ($215 million)", [Q("200 million euros", 2e8, unit="EUR"), Q("$215 million", 2.15e8, unit="USD")]),
    ("oil at $20 a barrel", [Q("$20", 20, unit="USD")]),
    ("half a million people", [Q("half a million", 5e5, noun="people")]),
    ("several hundred people", [R("several hundred", 200, 1000, noun="people", approximate=True)]),
    ("a few thousand", [R("a few thousand", 2e3, 1e4, approximate=True)]),
    ("rose from 5 to 10 million", [Q("5", 5e6), Q("10 million", 1e7)]),
    ("7 to 10 founding members", [R("7 to 10", 7, 10, noun="members")]),
    ("the 30 largest companies", [Q("30", 30, noun="companies")]),
    ("3 new hospitals", [Q("3", 3, noun="hospitals")]),
    ("killing 45 and wounding 120", [Q("45", 45), Q("120", 120)]),
    ("some 1.3 million Palestinians", [Q("some 1.3 million", 1.3e6, "approx", noun="Palestinians")]),
    ("Twelve people died", [Q("Twelve", 12, noun="people")]),
    ("forty-two people", [Q("forty-two", 42, noun="people")]),
    ("eight of the 12 jurors", [Q("eight of the 12", 8, total=12, noun="jurors")]),
    ("3 out of 4 voters", [Q("3 out of 4", 75, unit="percent")]),  # a rate (test_rates.py)
    ("more than 100 of its 300 members", [Q("more than 100 of its 300", 100, "more_than", total=300, noun="members")]),
    ("a record 1.5 million", [Q("1.5 million", 1.5e6)]),
    ("paid $1.9m in 2016", [Q("$1.9m", 1.9e6, unit="USD")]),
    ("cut 10,000 jobs", [Q("10,000", 10000, noun="jobs")]),
    ("Officials said 1,200 people had been evacuated", [Q("1,200", 1200, noun="people")]),
    ("The storm left about 2 million homes without power", [Q("about 2 million", 2e6, "approx", noun="homes")]),
    ("a ¥1 trillion package", [Q("¥1 trillion", 1e12, unit="JPY")]),
    ("shares fell 4.5% to $31.20", [Q("4.5%", 4.5, unit="percent"), Q("$31.20", 31.2, unit="USD")]),
    ("Revenue rose 12 percent to $3.4 billion",
     [Q("12 percent", 12, unit="percent"), Q("$3.4 billion", 3.4e9, unit="USD")]),
    ("nearly two years", [Q("nearly two years", 2, "approx", "year")]),
    ("more than three decades", [Q("more than three decades", 30, "more_than", "year")]),
    ("at least a dozen", [Q("at least a dozen", 12, "at_least")]),
    ("a 15-minute walk", [Q("15-minute", 15, unit="minute")]),
    ("between 1 and 2 percent", [R("between 1 and 2 percent", 1, 2, "percent")]),
    ("up to £5,000", [Q("up to £5,000", 5000, "at_most", "GBP")]),
    ("$4.5 trillion", [Q("$4.5 trillion", 4.5e12, unit="USD")]),
    ("C$2 billion", [Q("C$2 billion", 2e9, unit="CAD")]),
    ("Some 30,000 fans", [Q("Some 30,000", 30000, "approx", noun="fans")]),
    ("the top 10 banks", [Q("10", 10, noun="banks")]),
    ("in 1,500 cities", [Q("1,500", 1500, noun="cities")]),
    ("In 2022, 40 journalists were killed", [Q("40", 40, noun="journalists")]),
    ("two and a half years", [Q("two and a half years", 2.5, unit="year")]),
    ("Gaza's 2.3 million residents", [Q("2.3 million", 2.3e6, noun="residents")]),
    ("Microsoft's 49% stake", [Q("49%", 49, unit="percent")]),
    ("OpenAI's 770 employees", [Q("770", 770, noun="employees")]),
    ("Hurricane Ian killed 150 people", [Q("150", 150, noun="people")]),
    ("12 soldiers were wounded and 3 killed", [Q("12", 12, noun="soldiers"), Q("3", 3)]),
    ("He left after a year.", [Q("a year", 1, unit="year")]),
    ("within a week of the deal", [Q("a week", 1, unit="week")]),
    ("a 1,000-strong force", [Q("1,000", 1000, noun="force")]),
    ("between $50M and $100M", [R("between $50M and $100M", 5e7, 1e8, "USD")]),
    ("about 2000 people attended", [Q("about 2000", 2000, "approx", noun="people")]),
]

NEWS_NOTHING = [
    "GPT-4 Turbo", "Boeing 737 Max jets", "F-16 fighter jets", "an A320 jet",
    "UN Security Council Resolution 2334", "Article 51 of the UN Charter", "the COVID-19 pandemic",
    "the iPhone 15", "a Windows 11 update", "a Formula 1 team", "the G20 summit", "Vision 2030",
    "Section 230", "at 3:45 p.m.", "around 9 o'clock", "the third round", "for the first time",
    "the 21st century", "24/7 coverage", "a 2-1 victory", "on page 12", "one of the largest",
    "in the 1990s", "Flight MH17", "Apollo 11", "PlayStation 5", "Galaxy S24", "COP28",
    "مقاتلات إف-16", "طائرة بوينغ 737", "قرار مجلس الأمن رقم 2334", "المادة 51 من الميثاق",
    "هاتف آيفون 15", "قمة مجموعة العشرين", "رؤية 2030", "في تمام الساعة 9:30",
    "الساعة الثالثة فجرا", "للمرة الأولى", "المرتبة الثالثة", "فاز الفريق 2-1", "جائحة كوفيد-19",
    "القرن الحادي والعشرين", "الحرب العالمية الثانية", "بضعة أيام",
    "في 7 أكتوبر/تشرين الأول 2023", "في 12 أكتوبر 2022", "منذ عام 2015",
    "fewer than a third of", "The S&P 500",
    "the FTSE 100 index", "a Level 4 alert", "الساعة الـ10 صباحا", "المركز الـ3", "تعادل الفريقان 1-1",
    "في 2020 شهدت البلاد", "في 2023 مقارنة بعام 2022", "No. 10 Downing Street", "the 2019-2020 season",
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


@_cases(NEWS_ARABIC)
def test_news_arabic(text, expected):
    assert read(text) == expected


@_cases(NEWS_ENGLISH)
def test_news_english(text, expected):
    assert read(text) == expected


@pytest.mark.parametrize("text", NEWS_NOTHING)
def test_news_not_quantities(text):
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
