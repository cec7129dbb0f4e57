"""Percentages, percentage points, rates, fractions, bounds and numbers as newsrooms write
them, in Arabic and English (docs/parsing.md, "Decisions where the contract is silent")."""

import pytest

from factcheck.claims.quantities import extract_quantities

FIELDS = ("quote", "value", "low", "high", "qualifier", "unit", "noun", "total")
PCT, PP = "percent", "percentage_point"


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


PERCENT = [
    ("ارتفعت نسبة البطالة إلى 45% في نهاية العام", [Q("45%", 45, unit=PCT)]),
    ("سجّل معدل التضخم نسبة 45% خلال الربع", [Q("45%", 45, unit=PCT)]),
    ("ارتفعت الأسعار بنسبة 45 في المئة", [Q("45 في المئة", 45, unit=PCT)]),
    ("صوّت 45 بالمئة من الناخبين لصالح القرار", [Q("45 بالمئة", 45, unit=PCT)]),
    ("صوّت خمسة وأربعين في المائة من الناخبين", [Q("خمسة وأربعين في المائة", 45, unit=PCT)]),
    ("ارتفع التضخم بنسبة ٣٫٥٪ في أكتوبر", [Q("٣٫٥٪", 3.5, unit=PCT)]),
    ("تراجعت الصادرات بنسبة ١٢٫٥ بالمائة", [Q("١٢٫٥ بالمائة", 12.5, unit=PCT)]),
    ("فاز بنحو 45 في المائة من الأصوات", [Q("نحو 45 في المائة", 45, "approx", PCT)]),
    ("بلغت نسبة المشاركة 45% تقريبا", [Q("45% تقريبا", 45, "approx", PCT)]),
    ("Turnout was 45 per cent, the lowest on record.", [Q("45 per cent", 45, unit=PCT)]),
    ("Turnout rose to 45pc from 41pc.", [Q("45pc", 45, unit=PCT), Q("41pc", 41, unit=PCT)]),
    ("Almost 45 percent of voters stayed home.", [Q("Almost 45 percent", 45, "approx", PCT)]),
    ("Output changed by -3.2% on the year.", [Q("-3.2%", -3.2, unit=PCT)]),
    ("The stake is worth 12.5 pct of the company.", [Q("12.5 pct", 12.5, unit=PCT)]),
    ("It bought a 45-percent stake.", [Q("45-percent", 45, unit=PCT)]),
    ("It bought a 45-per-cent stake.", [Q("45-per-cent", 45, unit=PCT)]),
    ("Shares rose as much as 8% in early trading.", [Q("as much as 8%", 8, "at_most", PCT)]),
    ("He was hired by 10 PCs.", [Q("10", 10, noun=None)]),  # PCs are computers, not percent
]

POINTS = [
    ("Unemployment rose to 45%, up 3 points from last year.",
     [Q("45%", 45, unit=PCT), Q("3 points", 3, unit=PP)]),
    ("Support for the party fell 3 percentage points in a month.", [Q("3 percentage points", 3, unit=PP)]),
    ("Support fell 3pp to 31%.", [Q("3pp", 3, unit=PP), Q("31%", 31, unit=PCT)]),
    ("The gap narrowed by 1.5 ppt.", [Q("1.5 ppt", 1.5, unit=PP)]),
    ("Approval rose 3 percent points.", [Q("3 percent points", 3, unit=PP)]),
    ("The book runs to 300pp.", [Q("300", 300, noun="pp")]),  # pages: no more than 100 points
    ("Yields rose half a percentage point.", [Q("half a percentage point", 0.5, unit=PP)]),
    ("ارتفعت البطالة 3 نقاط مئوية خلال العام", [Q("3 نقاط مئوية", 3, unit=PP)]),
    ("ارتفع معدل البطالة نقطة مئوية واحدة", [Q("نقطة مئوية واحدة", 1, unit=PP)]),
    ("تراجع التأييد نقطتين مئويتين", [Q("نقطتين مئويتين", 2, unit=PP)]),
    ("تراجع التأييد بنصف نقطة مئوية", [Q("نصف نقطة مئوية", 0.5, unit=PP)]),
    ("ارتفعت البطالة إلى 45% بزيادة 3 نقاط", [Q("45%", 45, unit=PCT), Q("3 نقاط", 3, unit=PP)]),
    # basis points are hundredths of a percentage point
    ("The Fed raised rates by 25 basis points.", [Q("25 basis points", 0.25, unit=PP)]),
    ("The Fed raised rates by 25bps on Wednesday.", [Q("25bps", 0.25, unit=PP)]),
    ("Spreads widened 40 bp.", [Q("40 bp", 0.4, unit=PP)]),
    ("a 3-percentage-point rise", [Q("3-percentage-point", 3, unit=PP)]),
    ("a 25-basis-point cut", [Q("25-basis-point", 0.25, unit=PP)]),
    ("Rates were cut by a quarter of a percentage point.", [Q("a quarter of a percentage point", 0.25, unit=PP)]),
    ("ارتفعت أسعار الفائدة ربع نقطة مئوية", [Q("ربع نقطة مئوية", 0.25, unit=PP)]),
    ("رفع البنك المركزي الفائدة 25 نقطة أساس", [Q("25 نقطة أساس", 0.25, unit=PP)]),
    ("خفض الفائدة بمقدار 50 نقطة أساس", [Q("50 نقطة أساس", 0.5, unit=PP)]),
    # points that are not percentage points
    ("The Dow fell 2%, or 500 points.", [Q("2%", 2, unit=PCT), Q("500", 500, noun="points")]),
    ("The team scored 45 points.", [Q("45", 45, noun="points")]),
    ("The index fell 1.5% after dropping 45 points on Monday.",
     [Q("1.5%", 1.5, unit=PCT), Q("45", 45, noun="points")]),
    ("ارتفع المؤشر 45 نقطة", [Q("45", 45, noun="نقطة")]),
    ("Approval was 45%. It was up 3 points on last month.",  # another sentence
     [Q("45%", 45, unit=PCT), Q("3", 3, noun="points")]),
    ("Inflation rose to 3.1%, while the index gained 40 points.",
     [Q("3.1%", 3.1, unit=PCT), Q("40", 40, noun="points")]),
    ("Support rose 3 points to 45%.", [Q("3 points", 3, unit=PP), Q("45%", 45, unit=PCT)]),
    ("They shot 45% from the field and won by 12 points.",
     [Q("45%", 45, unit=PCT), Q("12", 12, noun="points")]),
]

RATES = [
    ("9 in 10 voters back the plan", [Q("9 in 10", 90, unit=PCT)]),
    ("Nine in 10 voters back the plan", [Q("Nine in 10", 90, unit=PCT)]),
    ("nine out of ten doctors agree", [Q("nine out of ten", 90, unit=PCT)]),
    ("three out of four adults own a phone", [Q("three out of four", 75, unit=PCT)]),
    ("one in five children lives in poverty", [Q("one in five", 20, unit=PCT)]),
    ("1 in 4 adults smoke", [Q("1 in 4", 25, unit=PCT)]),
    ("one in every three households", [Q("one in every three", 100 * 1 / 3, unit=PCT)]),
    ("Nearly one in five adults", [Q("Nearly one in five", 20, "approx", PCT)]),
    ("يعيش واحد من كل خمسة أطفال في فقر", [Q("واحد من كل خمسة", 20, unit=PCT)]),
    ("أيد تسعة من كل عشرة ناخبين الخطة", [Q("تسعة من كل عشرة", 90, unit=PCT)]),
    ("يدخن شخص من كل أربعة", [Q("شخص من كل أربعة", 25, unit=PCT)]),
    ("يعاني طفل من كل ثلاثة أطفال من سوء التغذية", [Q("طفل من كل ثلاثة", 100 * 1 / 3, unit=PCT)]),
    ("يعاني 1 من كل 4 بالغين", [Q("1 من كل 4", 25, unit=PCT)]),
    # a part and its total stays one
    ("700 of 770 signed", [Q("700 of 770", 700, total=770)]),
    ("700 out of 770 employees signed", [Q("700 out of 770", 700, noun="employees", total=770)]),
    ("7 out of 12 jurors voted to convict", [Q("7 out of 12", 7, noun="jurors", total=12)]),
    ("وقرر أربعة من أصل ستة أعضاء", [Q("أربعة من أصل ستة", 4, noun="أعضاء", total=6)]),
    ("Attackers killed 3 in 2 raids.", [Q("3", 3), Q("2", 2, noun="raids")]),
    ("One in a million people have it.", [Q("One in a million", 1e-4, unit=PCT)]),
    ("Prices rose 2 in 5 years", [Q("2", 2), Q("5 years", 5, unit="year")]),  # no rate over time
]

FRACTIONS = [
    ("Nearly half of voters stayed home.", [Q("Nearly half", 50, "approx", PCT)]),
    ("more than a third of staff left", [Q("more than a third", 100 / 3, "more_than", PCT)]),
    ("Two-thirds of the board voted for him.", [Q("Two-thirds", 200 / 3, unit=PCT)]),
    ("three quarters of respondents agreed", [Q("three quarters", 75, unit=PCT)]),
    ("a fifth of the budget goes on defence", [Q("a fifth", 20, unit=PCT)]),
    ("a tenth of the land", [Q("a tenth", 10, unit=PCT)]),
    ("half the staff signed the letter", [Q("half", 50, unit=PCT)]),
    ("about a quarter of the workforce", [Q("about a quarter", 25, "approx", PCT)]),
    ("يعيش نحو ثلث السكان تحت خط الفقر", [Q("نحو ثلث", 100 / 3, "approx", PCT)]),
    ("وقّع أكثر من نصف الموظفين على الرسالة", [Q("أكثر من نصف", 50, "more_than", PCT)]),
    ("صوّت ثلثي الأعضاء لصالح القرار", [Q("ثلثي", 200 / 3, unit=PCT)]),
    ("استقال ربع الموظفين", [Q("ربع", 25, unit=PCT)]),
    ("استحوذ الصندوق على خُمس أسهم الشركة", [Q("خُمس", 20, unit=PCT)]),
    ("تملك الشركة عُشر السوق", [Q("عُشر", 10, unit=PCT)]),
    ("يقيم ثلاثة أرباع السكان في المدن", [Q("ثلاثة أرباع", 75, unit=PCT)]),
    ("قرابة نصف سكان غزة", [Q("قرابة نصف", 50, "approx", PCT)]),
    ("nearly half of them", [Q("nearly half", 50, "approx", PCT)]),
    ("ثلث السكان", [Q("ثلث", 100 / 3, unit=PCT)]),
    ("نصف السكان", [Q("نصف", 50, unit=PCT)]),
    ("أكثر من ثلث الموظفين", [Q("أكثر من ثلث", 100 / 3, "more_than", PCT)]),
    ("fewer than a third of", []),  # a share of nothing said
    # not shares
    ("half a million people", [Q("half a million", 5e5, noun="people")]),
    ("half an hour later", [Q("half an hour", 0.5, unit="hour")]),
    ("they walked half a mile", []),
    ("in the first half of the year", []),
    ("the third quarter results", []),
    ("تأهل الفريق إلى نصف النهائي", []),
    ("خمس شركات", [Q("خمس", 5, noun="شركات")]),
    ("بلغ عدد السكان مليون ونصف نسمة", [Q("مليون ونصف", 1.5e6, noun="نسمة")]),
    ("استمر الاجتماع ساعة ونصف تقريبا", [Q("ساعة ونصف تقريبا", 1.5, "approx", "hour")]),
    ("half a dozen people", [Q("half a dozen", 6, noun="people")]),
]

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


@check(PERCENT)
def test_percent(text, expected):
    assert read(text) == expected


@check(POINTS)
def test_percentage_points(text, expected):
    assert read(text) == expected


@check(RATES)
def test_rates(text, expected):
    assert read(text) == expected


@check(FRACTIONS)
def test_fractions(text, expected):
    assert read(text) == expected


@check(BOUNDS)
def test_bounds(text, expected):
    assert read(text) == expected


@check(NUMBERS)
def test_numbers(text, expected):
    assert read(text) == expected


@pytest.mark.parametrize("text", ["nearly half of voters", "one in five children", "يعيش نحو ثلث السكان", "9 in 10 voters"])
def test_shares_and_rates_are_percent_claims_to_the_frames(text):
    from factcheck.claims.frames import measured

    (q,) = extract_quantities(text)
    assert measured("quantity", q, []) == ("percent", "percent")


def test_percentage_points_are_never_compared_with_percent():
    from factcheck.reconcile.slots import units_compatible

    (points,) = extract_quantities("Support fell 3 percentage points.")
    (percent,) = extract_quantities("Support fell 3%.")
    as_row = lambda q: {"kind": "quantity", **q.to_dict()}  # noqa: E731
    assert not units_compatible(as_row(points), as_row(percent))
    assert units_compatible(as_row(points), as_row(points))
