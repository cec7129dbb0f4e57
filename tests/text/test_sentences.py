"""factcheck.text.sentences: sentence units as offsets."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.text.sentences import SentenceSpan, split_sentences


def units(text: str, start: int = 0, end: int | None = None) -> list[str]:
    return [text[s.start : s.end] for s in split_sentences(text, start, end)]


CASES = [
    # --- line structure
    ("empty", "", []),
    ("blank lines only", "\n  \n\t\n", []),
    ("one line, no stop", "106 ساعة من الأزمة في OpenAI", ["106 ساعة من الأزمة في OpenAI"]),
    (
        "headings are units",
        "السبت\nعلى الفور تقريبًا، تبدأ حملة لعودة Altman إلى OpenAI.\nالأحد",
        ["السبت", "على الفور تقريبًا، تبدأ حملة لعودة Altman إلى OpenAI.", "الأحد"],
    ),
    (
        "paragraph breaks",
        "فريق التحرير\nوقت القراءة 3 دقيقة\n\nتواجه OpenAI أزمة.",
        ["فريق التحرير", "وقت القراءة 3 دقيقة", "تواجه OpenAI أزمة."],
    ),
    ("crlf lines", "الأولى.\r\nالثانية.", ["الأولى.", "الثانية."]),
    # --- Arabic punctuation
    (
        "arabic comma never splits",
        "تواجه OpenAI، الشركة الرائدة في مجال الذكاء الاصطناعي، أزمة داخلية حادة.",
        ["تواجه OpenAI، الشركة الرائدة في مجال الذكاء الاصطناعي، أزمة داخلية حادة."],
    ),
    (
        "arabic semicolon never splits",
        "لم تستثمر مايكروسوفت مليارات الدولارات في OpenAI فحسب؛ ومن خلال الدمج ربطت مستقبلها.",
        ["لم تستثمر مايكروسوفت مليارات الدولارات في OpenAI فحسب؛ ومن خلال الدمج ربطت مستقبلها."],
    ),
    (
        "arabic question mark",
        "ماذا حدث؟ تقرير عن أزمة خمسة أيام.",
        ["ماذا حدث؟", "تقرير عن أزمة خمسة أيام."],
    ),
    (
        "full stops inside a line",
        "قررت قيادة OpenAI أنهم سيطردون ألتمان. سوتسكيفر هو من أخبره بذلك. تم إخبار ألتمان.",
        ["قررت قيادة OpenAI أنهم سيطردون ألتمان.", "سوتسكيفر هو من أخبره بذلك.", "تم إخبار ألتمان."],
    ),
    (
        "closing quote after the stop",
        'وأضاف: "أعتقد أن الفرص تقترب من الصفر." وقال آخرون إن ذلك مبالغ فيه.',
        ['وأضاف: "أعتقد أن الفرص تقترب من الصفر."', "وقال آخرون إن ذلك مبالغ فيه."],
    ),
    (
        "closing guillemet after the stop",
        "وأعلن أنه يحب «كل ما قمنا ببنائه معًا.» وفي الوقت نفسه أعلنت مايكروسوفت.",
        ["وأعلن أنه يحب «كل ما قمنا ببنائه معًا.»", "وفي الوقت نفسه أعلنت مايكروسوفت."],
    ),
    (
        "question mark and quote",
        'وسألوه "هل هذا دافعه الرئيسي حقًا؟" ما هو تفكيرك؟',
        ['وسألوه "هل هذا دافعه الرئيسي حقًا؟"', "ما هو تفكيرك؟"],
    ),
    (
        "stop followed by arabic comma continues",
        'وهذا هو "العار التسويقي" لشركة Microsoft. ، فستكون قيمة الاتفاقية أكبر.',
        ['وهذا هو "العار التسويقي" لشركة Microsoft. ، فستكون قيمة الاتفاقية أكبر.'],
    ),
    (
        "registered sign after the last sentence",
        "هناك دائمًا مجال لارتكاب خطأ محير آخر. ®",
        ["هناك دائمًا مجال لارتكاب خطأ محير آخر. ®"],
    ),
    (
        "stray quotes join the sentence before",
        'الصدارة في هذا العمل. " "\n1.عالقة',
        ['الصدارة في هذا العمل. " "', "1.عالقة"],
    ),
    ("punctuation-only line stays a unit", "أولًا.\n* * *\nثانيًا.", ["أولًا.", "* * *", "ثانيًا."]),
    (
        "latin letter before arabic word ends the sentence",
        "وأعرب عن أسفه لـ X. وبالنظر إلى الماضي تغير كل شيء.",
        ["وأعرب عن أسفه لـ X.", "وبالنظر إلى الماضي تغير كل شيء."],
    ),
    # --- numbers
    (
        "decimal",
        "تجاوز دخل Sutskevi في عام 2016 مبلغ 1.9 مليون دولار أمريكي. وكشف ذلك لاحقًا.",
        ["تجاوز دخل Sutskevi في عام 2016 مبلغ 1.9 مليون دولار أمريكي.", "وكشف ذلك لاحقًا."],
    ),
    ("arabic decimal", "بلغت الحصة ٤٩٫٥ في المائة. ثم ارتفعت.", ["بلغت الحصة ٤٩٫٥ في المائة.", "ثم ارتفعت."]),
    ("decimal share", "حصل YC على 0.25 نسبة الأسهم.", ["حصل YC على 0.25 نسبة الأسهم."]),
    ("dotted thousands", "دفعت 1.000.000 دولار. انتهى.", ["دفعت 1.000.000 دولار.", "انتهى."]),
    ("year at sentence end", "في عام 2015. بدأ العمل.", ["في عام 2015.", "بدأ العمل."]),
    (
        "numbered heading without space",
        "1.عالقة بين قوتين، تفتقر إلى الموهبة والأموال",
        ["1.عالقة بين قوتين، تفتقر إلى الموهبة والأموال"],
    ),
    (
        "numbered heading with space",
        "2. يريد كل من ماسك وألتمان أن يصبحا مديرين. وبمرور الوقت ظهرت اختلافات.",
        ["2. يريد كل من ماسك وألتمان أن يصبحا مديرين.", "وبمرور الوقت ظهرت اختلافات."],
    ),
    ("arabic-indic heading marker", "٣. الخلاصة", ["٣. الخلاصة"]),
    # --- abbreviations
    (
        "U.S. and Dr.",
        "Dr. Smith moved to the U.S. in 2019. He stayed.",
        ["Dr. Smith moved to the U.S. in 2019.", "He stayed."],
    ),
    ("Inc. and Ltd.", "Acme Inc. and Foo Ltd. merged. Shares rose.", ["Acme Inc. and Foo Ltd. merged.", "Shares rose."]),
    ("month abbreviation", "It happened on Nov. 17 at noon. Then more.", ["It happened on Nov. 17 at noon.", "Then more."]),
    ("e.g. and i.e.", "Tools, e.g. ChatGPT, i.e. chatbots. Next.", ["Tools, e.g. ChatGPT, i.e. chatbots.", "Next."]),
    ("initials", "J. K. Rowling wrote it. Done.", ["J. K. Rowling wrote it.", "Done."]),
    ("no is a word", "He said no. Then he left. See No. 5.", ["He said no.", "Then he left.", "See No. 5."]),
    ("arabic doctor", "قال د. أحمد إن الأمر انتهى. وغادر.", ["قال د. أحمد إن الأمر انتهى.", "وغادر."]),
    ("arabic engineer", "وأكد م. خالد ذلك.", ["وأكد م. خالد ذلك."]),
    ("before christ", "بنيت عام 300 ق.م. وبقيت قرونًا.", ["بنيت عام 300 ق.م. وبقيت قرونًا."]),
    # --- ellipses and exclamation
    (
        "ellipsis then lowercase latin",
        "He paused... and then left. Fine.",
        ["He paused... and then left.", "Fine."],
    ),
    (
        "ellipsis then arabic",
        "قيمته أكثر من تريليون دولار... لقد كانت عطلة سيئة.",
        ["قيمته أكثر من تريليون دولار...", "لقد كانت عطلة سيئة."],
    ),
    ("unicode ellipsis", "انتظر… ثم تكلم.", ["انتظر…", "ثم تكلم."]),
    ("exclamation run", "رائع!! انضم الآن؟! نعم.", ["رائع!!", "انضم الآن؟!", "نعم."]),
    ("quoted question then lowercase", '"Why?" he asked. OK.', ['"Why?" he asked.', "OK."]),
    # --- trimming
    ("surrounding spaces", "   أولًا.    ثانيًا.   ", ["أولًا.", "ثانيًا."]),
    ("bidi marks trimmed", "\u200fمرحبا.\u200f \u200eثانيًا\u200e", ["مرحبا.", "ثانيًا"]),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_split(text, expected):
    assert units(text) == expected


def test_case_count():
    assert len(CASES) >= 25


def test_offsets_slice_back():
    text = "عنوان\n\nأكد أكثر من 500 موظف، أي نحو 65%. هل انتهى؟ نعم!\n"
    spans = split_sentences(text)
    assert spans == [
        SentenceSpan(0, 5),
        SentenceSpan(7, 7 + len("أكد أكثر من 500 موظف، أي نحو 65%.")),
        SentenceSpan(text.index("هل"), text.index("هل") + len("هل انتهى؟")),
        SentenceSpan(text.index("نعم"), text.index("نعم") + 4),
    ]


def test_start_end_window():
    text = "مقدمة. الأولى. الثانية. خاتمة."
    start = text.index("الأولى")
    end = text.index("خاتمة")
    assert units(text, start, end) == ["الأولى.", "الثانية."]
    spans = split_sentences(text, start, end)
    assert all(start <= s.start < s.end <= end for s in spans)


def test_span_is_frozen():
    span = SentenceSpan(1, 2)
    with pytest.raises(AttributeError):
        span.start = 3  # type: ignore[misc]


def test_long_text_is_fast():
    import time

    text = ("قال د. أحمد إن 1.9 مليون، أي نحو 2٫5%، وقّعوا. هل انتهى؟ نعم… ربما.\n" * 5000)
    started = time.perf_counter()
    spans = split_sentences(text)
    assert len(spans) == 4 * 5000
    assert time.perf_counter() - started < 2.0


ALPHABET = st.sampled_from(
    list("ab AZ.!?؟…،,;؛:\"'«»”()[]\n\r\t 0123456789٠١٫٬") + list("قالدمصمرحبا") + ["\u200f", "\u00a0", "ـ"]
)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=120) | st.text(max_size=80))
def test_property_spans_well_formed(text):
    spans = split_sentences(text)
    previous_end = 0
    for span in spans:
        assert 0 <= previous_end <= span.start < span.end <= len(text)
        piece = text[span.start : span.end]
        assert piece == piece.strip()
        assert piece.strip("\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\u2066\u2067\u2068\u2069\ufeff") == piece
        assert "\n" not in piece and "\r" not in piece
        previous_end = span.end


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60), st.integers(-5, 70), st.integers(-5, 70))
def test_property_window(text, start, end):
    spans = split_sentences(text, start, end)
    lo = max(0, start)
    hi = min(len(text), end)
    for span in spans:
        assert lo <= span.start < span.end <= hi
