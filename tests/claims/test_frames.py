"""Claim frames: the role a figure plays, who and what, when, where, says who."""

import pytest

from factcheck.claims.entities import default_aliases
from factcheck.claims.extract import parse_text
from factcheck.claims.frames import ROLES, roles_compatible


def frames(text: str, published: str | None = "2023-11-22") -> dict[str, dict]:
    result = parse_text(text, default_aliases(), published=published)
    return {q["text"]: q["frame"] for q in result["quantities"]} | {d["text"]: d["frame"] for d in result["dates"]}


ROLE_CASES = [
    # (sentence, quote of the figure, role)
    ("Only 300 OpenAI employees signed the letter to the board.", "300", "part"),
    ("More than 500 of the employees signed the letter.", "More than 500", "part"),
    ("OpenAI has 770 employees.", "770", "whole"),
    ("There are currently about 700 employees at OpenAI.", "about 700", "whole"),
    ("About 700 employees work at OpenAI.", "About 700", "whole"),
    ("The company, which employs 1,500 workers, laid off 200 staff.", "1,500", "whole"),
    ("The company, which employs 1,500 workers, laid off 200 staff.", "200", "part"),
    ("OpenAI said 300 employees signed.", "300", "part"),  # "said" is no headcount cue
    ("Sales rose by 5% last year.", "5%", "change"),
    ("Sales rose 5% last year.", "5%", "change"),
    ("The share of renewables rose to 45%.", "45%", ""),
    ("A total of 1,200 people attended the rally.", "1,200", "total"),
    ("Subscribers pay $40 a month.", "$40", "rate"),
    ("Nouran invested $40 million in Salco.", "$40 million", ""),
    ("يوجد حالياً حوالي 700 موظف في OpenAI.", "حوالي 700", "whole"),
    ("تضم الشركة 300 موظف.", "300", "whole"),
    ("وقع 300 موظف على الرسالة.", "300", "part"),
    ("أكد أكثر من 500 من موظفي OpenAI في رسالة لمجلس الإدارة أنهم سيستقيلون.", "أكثر من 500", "part"),
    ("ارتفعت المبيعات بنسبة 5% في عام 2022.", "5%", "change"),
    ("بلغ إجمالي الاستثمارات 900 مليون دولار.", "900 مليون دولار", "total"),
    ("يدفع المشتركون 40 دولارا شهريا.", "40 دولارا", "rate"),
    # a clause that opens with a possessor behind ل: what it has (the whole)
    ("ولهاريكس ١٤٥٣ موظفاً في مختلف فروعها.", "١٤٥٣", "whole"),
    ("ولشركة نيدال للأغذية حوالي 5300 موظف.", "حوالي 5300", "whole"),
    ("لكن 50 موظفا وقعوا الرسالة.", "50", "part"),  # a function word behind ل is no possessor
    # a figure before "of the" and an approximate whole is a part of it
    ("Some 1,700 of the some 5,300 employees of Nedal Foods signed a letter.", "Some 1,700", "part"),
    ("346 of the about 1,100 employees of Shaduco Steel signed.", "346", "part"),
    ("وقّع قرابة 660 من أصل قرابة 1063 موظفاً على الرسالة.", "قرابة 660", "part"),
    ("The index rose 5 points of 3 percent.", "5", ""),  # a word, not a whole, after "of": no
    # a count with an act and no noun of its own, in a sentence that states a whole of members
    ("من بين 1135 موظفاً في شركة ميدودور، وقّع قرابة 420 على رسالة.", "قرابة 420", "part"),
]


@pytest.mark.parametrize("sentence,quote,role", ROLE_CASES)
def test_role_of_a_figure(sentence, quote, role):
    found = frames(sentence)
    assert quote in found, sorted(found)
    assert found[quote]["role"] == role


def test_roles_in_the_table_are_the_documented_ones():
    assert {role for _, _, role in ROLE_CASES} == set(ROLES)


def test_frame_names_who_gives_whom_what_and_who_says_so():
    f = frames("Nouran invested $40 million in Salco in March 2021, said Lena Okafor.")["$40 million"]
    assert (f["agent"], f["patient"], f["unit_class"], f["measured"]) == ("Nouran", "Salco", "money", "USD")
    assert f["concepts"] == ["contributions", "invest"] and f["time"] == ["2021-03"] and f["attribution"] == ["Lena Okafor"]


def test_frame_of_an_arabic_count_is_language_free():
    ar = frames("وقع 300 موظف على الرسالة.")["300"]
    en = frames("300 employees signed the letter.")["300"]
    assert (ar["unit_class"], ar["measured"], ar["role"]) == (en["unit_class"], en["measured"], en["role"]) == ("count", "staff", "part")
    assert "signed" in ar["concepts"] and "signed" in en["concepts"]


def test_time_is_what_the_figures_refer_to_not_when_it_was_said():
    said = frames("Officials said on March 3, 2021 that 40 people were injured.")["40"]
    happened = frames("In March 2021, 40 people were injured in the blast.")["40"]
    assert said["time"] == [] and happened["time"] == ["2021-03"]


@pytest.mark.parametrize(
    "text, quote, time",
    [
        ("Zelix said its revenue rose to $485 million in 2021, from about $320 million a year earlier.", "about $320 million", ["2020"]),
        ("Zelix said its revenue rose to $485 million in 2021, from about $320 million a year earlier.", "$485 million", ["2021"]),
        ("Sales reached $90 million in 2023, up from $70 million the previous year.", "$70 million", ["2022"]),
        ("قالت ميلافيل إن إيراداتها ارتفعت إلى 640 مليون دولار في عام 2020 مقابل 520 مليون دولار في العام السابق.", "520 مليون دولار", ["2019"]),
        ("قالت ميلافيل إن إيراداتها ارتفعت إلى 640 مليون دولار في عام 2020 مقابل 520 مليون دولار في العام السابق.", "640 مليون دولار", ["2020"]),
        # no year in the sentence to count back from: no time
        ("Revenue rose to $5 million a year earlier than planned.", "$5 million", []),
    ],
)
def test_a_figure_of_the_year_before(text, quote, time):
    assert frames(text)[quote]["time"] == time


def test_attribution_words_when_nobody_is_named():
    assert frames("وبحسب تقارير صحفية، يوجد حالياً حوالي 700 موظف.")["حوالي 700"]["attribution"] == ["بحسب"]
    assert frames("Reportedly, 700 employees signed.")["700"]["attribution"] == ["Reportedly"]
    assert frames("700 employees signed.")["700"]["attribution"] == []


def test_place_of_a_figure():
    assert frames("The storm killed 12 people in Port Caddell.")["12"]["place"] == ["Port Caddell"]


@pytest.mark.parametrize(
    "a,b,compatible",
    [
        ("part", "whole", False),
        ("whole", "part", False),
        ("part", "", True),
        ("whole", "", True),
        ("total", "part", True),
        ("change", "", False),
        ("change", "change", True),
        ("rate", "", False),
        ("rate", "total", False),
        ("", "", True),
    ],
)
def test_roles_that_answer_one_question(a, b, compatible):
    assert roles_compatible(a, b) is compatible


@pytest.mark.parametrize(
    "text, quote, measured",
    [
        # a bare count far from what it counts: the sentence opens with it
        ("The death toll from the earthquake that struck the region on Monday has risen to 1,200.", "1,200", "dead"),
        ("The toll, officials said, topped 1,000.", "1,000", "dead"),
        ("ارتفعت حصيلة قتلى الزلزال الذي ضرب المنطقة يوم الاثنين إلى 1200.", "1200", "dead"),
        # a count with its own noun keeps it; an opening that names no group adds nothing
        ("The death toll from the storm rose again as 300 employees of the port went home.", "300", "staff"),
        ("The company said on Monday that it had hired 300.", "300", ""),
    ],
)
def test_a_bare_count_counts_what_its_sentence_opens_with(text, quote, measured):
    assert frames(text)[quote]["measured"] == measured
