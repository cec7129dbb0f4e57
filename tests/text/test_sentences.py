"""factcheck.text.sentences: sentence units as offsets."""

from __future__ import annotations

import re

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


def test_a_long_text_splits_every_repeat_alike():
    # Speed is measured by benchmarks/parse_scale.py; here, that repetition changes nothing.
    paragraph = "قال د. أحمد إن 1.9 مليون، أي نحو 2٫5%، وقّعوا. هل انتهى؟ نعم… ربما.\n"
    one = [(s.start, s.end) for s in split_sentences(paragraph)]
    spans = split_sentences(paragraph * 5000)
    assert len(spans) == 4 * 5000
    assert [(s.start % len(paragraph), s.end - s.start) for s in spans] == [(a, b - a) for a, b in one] * 5000


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


# --- the sentence length cap ------------------------------------------------------------------

from factcheck.claims.numbers import in_written_figure  # noqa: E402
from factcheck.text.sentences import MAX_SENTENCE_CHARS  # noqa: E402

# (name, text, max_chars, expected pieces): small limits keep the cases readable.
CAP_CASES = [
    ("short sentences are untouched", "Acme hired 500 people.", 30, ["Acme hired 500 people."]),
    (
        "cut in the second half, at the last clean space",
        "alpha beta gamma delta epsilon zeta eta theta",
        30,
        ["alpha beta gamma delta epsilon", "zeta eta theta"],
    ),
    (
        "a clause mark wins over a later space",
        "the board of the firm met late, and then the staff wrote a letter",
        40,
        ["the board of the firm met late,", "and then the staff wrote a letter"],
    ),
    (
        "never between the groups of a number written with spaces",
        "wrote 1 000 000 and",
        12,
        ["wrote", "1 000 000", "and"],
    ),
    (
        "away from a figure and its scale word and unit",
        "xx yy zz the firm paid 5 million dollars to",
        28,
        ["xx yy zz the firm", "paid 5 million dollars to"],
    ),
    (
        "away from a figure written in words",
        "the firm said it paid three million dollars to its staff",
        40,
        ["the firm said it", "paid three million dollars to its staff"],
    ),
    (
        "not inside a capitalised name",
        "in a deal signed with Nordvik Energy Holdings the",
        44,
        ["in a deal signed with", "Nordvik Energy Holdings the"],
    ),
    (
        "arabic: away from the figure and its scale word",
        "قال المتحدث إن الشركة دفعت ٢٫٥ مليار دولار للموظفين",
        45,
        ["قال المتحدث إن الشركة دفعت ٢٫٥ مليار دولار", "للموظفين"],
    ),
    (
        "arabic: never inside a number",
        "بلغ عدد السكان ١٬٠٠٠ ٠٠٠ شخص",
        22,
        ["بلغ عدد", "السكان ١٬٠٠٠ ٠٠٠ شخص"],
    ),
    ("a word longer than the limit stays whole", "a " + "x" * 30 + " b", 10, ["a", "x" * 30, "b"]),
    ("no space at all: one piece", "y" * 40, 10, ["y" * 40]),
]


@pytest.mark.parametrize(("text", "max_chars", "expected"), [c[1:] for c in CAP_CASES], ids=[c[0] for c in CAP_CASES])
def test_sentence_cap(text, max_chars, expected):
    spans = split_sentences(text, max_chars=max_chars, figure_word=in_written_figure)
    assert [text[s.start : s.end] for s in spans] == expected


def test_cap_default_is_digits_and_signs():
    # Without a figure_word, a word with a digit or a currency or percent sign is a figure.
    text = "xx yy zz the firm paid $5 million to"
    assert units_capped(text, 26) == ["xx yy zz the firm", "paid $5 million to"]


def units_capped(text: str, max_chars: int) -> list[str]:
    return [text[s.start : s.end] for s in split_sentences(text, max_chars=max_chars)]


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list("ab1٣ .,،$\u00a0\u200f")), max_size=300),
    st.integers(4, 60),
)
def test_property_capped_pieces(text, max_chars):
    spans = split_sentences(text, max_chars=max_chars, figure_word=in_written_figure)
    uncapped = split_sentences(text, max_chars=10**9)
    # The same text, only grouped differently, and every cut at whitespace.
    assert [(s.start, s.end) for s in uncapped] == [(s.start, s.end) for s in _merged(text, spans, uncapped)]
    for span in spans:
        piece = text[span.start : span.end]
        assert piece and piece == piece.strip().strip(_INVISIBLE)
        assert len(piece) <= max_chars or not re.search(r"\s", piece), piece


def _merged(text, spans, uncapped):
    """The capped pieces joined again wherever only whitespace lies between them within one
    uncapped sentence."""
    out = []
    for span in spans:
        joinable = out and any(u.start <= out[-1].start and span.end <= u.end for u in uncapped)
        if joinable and not text[out[-1].end : span.start].strip(" \u00a0" + _INVISIBLE):
            out[-1] = SentenceSpan(out[-1].start, span.end)
        else:
            out.append(span)
    return out


_INVISIBLE = "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\u2066\u2067\u2068\u2069\ufeff"


def test_cap_leaves_the_corpora_unchanged():
    # No sentence of the seed and fixture corpora comes near the cap.
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    frozen = root / "tests" / "fixtures" / "frozen"  # measured only, never part of a test
    fixtures = [p for p in sorted(root.glob("tests/fixtures/**/*.txt")) if not p.is_relative_to(frozen)]
    paths = sorted(root.glob("sources/*.txt")) + fixtures
    assert paths
    for path in paths:
        text = path.read_text(encoding="utf-8")
        capped = split_sentences(text, figure_word=in_written_figure)
        assert capped == split_sentences(text, max_chars=10**9), path
        assert max(s.end - s.start for s in capped) < MAX_SENTENCE_CHARS / 2, path


def test_a_long_line_without_punctuation_is_cut_near_the_cap():
    sentence = "the company said that 1,250 employees signed a letter to the board on Friday and "
    text = sentence * 200  # 16,200 characters and no full stop
    spans = split_sentences(text, figure_word=in_written_figure)
    assert all(MAX_SENTENCE_CHARS // 2 <= s.end - s.start <= MAX_SENTENCE_CHARS for s in spans[:-1])
    assert spans[0].start == 0 and spans[-1].end == len(text.rstrip())
    for before, after in zip(spans, spans[1:]):
        assert not text[before.end : after.start].strip()  # cut at whitespace
        near = text[before.start : before.end].split()[-2:] + text[after.start : after.end].split()[:2]
        assert "1,250" not in near  # two words clear of the figure on each side
