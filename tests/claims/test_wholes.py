"""The whole of "700 of 770": parsed with its span, made a claim of its own, and kept apart
from figures that count a part."""

import pytest

from factcheck.claims.entities import default_aliases
from factcheck.claims.extract import analyse, parse_text
from factcheck.claims.quantities import extract_quantities
from factcheck.sources.model import Source


@pytest.mark.parametrize(
    "text, quote, whole, partitive",
    [
        ("إذا تابعت أغلبية الموظفين المتبقين من أصل 700 موظف تهديدهم", "700", True, False),
        ("Most of the staff, out of 300 employees, signed.", "300", True, False),
        ("أكّد أكثر من 500 من موظفي OpenAI", "أكثر من 500", False, True),
        ("More than 500 of the employees signed.", "More than 500", False, True),
        ("يبلغ عددهم 700 من أصل 770 موظفاً", "700 من أصل 770", False, True),
        ("يوجد حاليا حوالي 700 موظف في الشركة", "حوالي 700", False, False),
        ("The company employs 700 people.", "700", False, False),
        ("وقّع 700 من أصل 770 موظفاً", "700 من أصل 770", False, True),  # a figure before: a part
    ],
)
def test_whole_and_partitive_marks(text, quote, whole, partitive):
    (q,) = [q for q in extract_quantities(text) if q.quote == quote]
    assert (q.whole, q.partitive) == (whole, partitive)


@pytest.mark.parametrize(
    "text, total",
    [("وقّع 700 من أصل 770 موظفاً على الرسالة", "770"), ("Some 702 out of 770 employees signed the letter.", "770")],
)
def test_total_span_slices_the_whole(text, total):
    (q,) = extract_quantities(text)
    assert text[q.total_start : q.total_end] == total
    assert q.total == float(total)


def analysed(text: str):
    source = Source(id="s", path="s.txt", format="txt", text=text, sha256="")
    return analyse(source, default_aliases()).claims


def test_the_whole_becomes_a_claim_tied_to_its_part():
    text = "وقّع 700 من أصل 770 موظفاً على الرسالة.\n"
    part, whole = analysed(text)
    assert (part.quote, part.quantity.total, part.part_of) == ("700 من أصل 770", 770.0, "")
    assert (whole.quote, whole.quantity.value, whole.quantity.whole, whole.part_of) == ("770", 770.0, True, part.id)
    assert whole.quantity.noun == part.quantity.noun == "موظفاً"
    assert text[whole.char_start : whole.char_end] == "770"
    assert whole.id != part.id


def test_a_ratio_without_a_counted_noun_has_no_whole():
    claims = analysed("Seven out of ten agreed with the plan.\n")
    assert [c.quote for c in claims] == ["Seven out of ten"]


def test_parse_shows_mentions_as_written_not_derived_wholes():
    result = parse_text("وقّع 700 من أصل 770 موظفاً على الرسالة", default_aliases())
    assert [(q["text"], q["total"], q["whole"], q["partitive"]) for q in result["quantities"]] == [("700 من أصل 770", 770.0, False, True)]
