"""Dates are read the same whatever marks, tatweel and letter variants a writer used: the
patterns run on the text folded letter for letter (factcheck/claims/dates.py), and every
offset still points into the text as written."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.claims.dates import extract_dates
from factcheck.text.normalize import LETTER_VARIANTS, normalize_word

SENTENCES = [
    "أقيل ألتمان يوم الجمعة 17 نوفمبر 2023 من منصبه",
    "عاد إلى الشركة في 22 تشرين الثاني 2023",
    "وقع الاتفاق في الحادي والعشرين من مارس 2024",
    "بين 3 و5 يناير 2022 تراجعت الأسهم",
    "منذ عام 2015 تعمل الشركة في السوق",
    "في العاشر من ذي الحجة 1445 هـ اجتمع المجلس",
    "انتهت الصفقة أمس وبدأت المفاوضات العام الماضي",
    "في منتصف أغسطس 2021 أعلنت الحكومة خطتها",
    "صدر القرار في 2023/11/17 وأعلن بعد يومين",
    "اجتمع مجلس الإدارة الخميس الماضي",
    "في أول جمعة من يوليو 2024 افتتح المعرض",
    "وزعت المساعدات في 2000 مدينة",
]

_VARIANTS = {key: variants.replace("ة", "") for key, variants in LETTER_VARIANTS.items() if key != "ه"}
_MARKS = ["\u064e", "\u064f", "\u0650", "\u0651", "\u0652", "\u064b", "\u0670", "\u0640"]


def _reading(text):
    return [(m.date, m.precision, m.calendar, m.date_end, m.part, " ".join(normalize_word(m.quote).split())) for m in extract_dates(text, "ar")]


@st.composite
def respelled(draw, sentence):
    """``sentence`` with marks or tatweel after some Arabic letters and some letters written
    as one of their variants (أ for ا, ى for ي ...)."""
    out = []
    for ch in sentence:
        if ch in _VARIANTS and draw(st.booleans()):
            ch = draw(st.sampled_from(_VARIANTS[ch]))
        out.append(ch)
        if "\u0621" <= ch <= "\u064a" and draw(st.integers(0, 3)) == 0:
            out.append(draw(st.sampled_from(_MARKS)))
    return "".join(out)


@pytest.mark.parametrize("sentence", SENTENCES)
@settings(max_examples=25, deadline=None)
@given(data=st.data())
def test_marks_tatweel_and_letter_variants_change_no_date(sentence, data):
    text = data.draw(respelled(sentence))
    assert _reading(text) == _reading(sentence), text


def test_the_quote_is_the_text_as_written():
    text = "أُقِيلَ يوم الجُمُعـة ١٧ نوفمبر ٢٠٢٣"
    (found,) = extract_dates(text, "ar")
    assert found.date == "2023-11-17"
    assert found.quote == text[found.char_start : found.char_end] == "يوم الجُمُعـة ١٧ نوفمبر ٢٠٢٣"
