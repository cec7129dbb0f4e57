"""factcheck.text.boilerplate: page furniture lines."""

from __future__ import annotations

import pytest

from factcheck.errors import ConfigError
from factcheck.text.boilerplate import REASONS, furniture_reason, load_patterns

FURNITURE = [
    # read_also
    ("اقرأ أيضًا: رئيس جوجل السابق يتجه للاستثمار في العقارات ويشتري قصرًا بقيمة 55 مليون دولار", "read_also"),
    ("اقرأ أيضاً: عودة ألتمان", "read_also"),
    ("إقرأ أيضا", "read_also"),
    ("طالع أيضا: تفاصيل الأزمة", "read_also"),
    ("مقالات ذات صلة", "read_also"),
    ("Read also: Altman returns to OpenAI", "read_also"),
    ("Read more", "read_also"),
    ("Related: Microsoft hires Altman", "read_also"),
    ("Related Articles", "read_also"),
    # reading_time
    ("وقت القراءة 3 دقيقة", "reading_time"),
    ("وقت القراءة: ٥ دقائق", "reading_time"),
    ("4 دقائق للقراءة", "reading_time"),
    ("دقيقتان للقراءة", "reading_time"),
    ("5 min read", "reading_time"),
    ("12-minute read", "reading_time"),
    ("Reading time: 4 minutes", "reading_time"),
    # byline
    ("فريق التحرير", "byline"),
    ("بقلم: أحمد محمد", "byline"),
    ("كتب: محمد علي", "byline"),
    ("By Jane Doe", "byline"),
    ("By Jane Doe and John Smith", "byline"),
    ("Written by Jane Doe", "byline"),
    # share
    ("شارك هذا المقال", "share"),
    ("شارك", "share"),
    ("شارك على فيسبوك", "share"),
    ("Share this article", "share"),
    ("Share on Twitter", "share"),
    ("Facebook Twitter WhatsApp", "share"),
    ("فيسبوك | تويتر | واتساب", "share"),
    # navigation
    ("Table of Contents", "navigation"),
    ("جدول المحتويات", "navigation"),
    ("أحدث المعلومات الاستخباراتية", "navigation"),
    ("الرئيسية » تقنية » ذكاء اصطناعي", "navigation"),
    ("Next article", "navigation"),
    ("المقال التالي", "navigation"),
    ("Tags: OpenAI, Microsoft", "navigation"),
    # comments
    ("قم بكتابة اول تعليق", "comments"),
    ("قم بكتابة أول تعليق", "comments"),
    ("أضف تعليقك", "comments"),
    ("التعليقات (3)", "comments"),
    ("Leave a comment", "comments"),
    ("12 comments", "comments"),
    # dateline
    ("تم تحديث هذه المقالة آخر مرة في نوفمبر 28, 2023", "dateline"),
    ("آخر تحديث: 20 نوفمبر 2023", "dateline"),
    ("تاريخ النشر: 2023-11-20", "dateline"),
    ("التاريخ: 20/11/2023", "dateline"),
    ("Last updated November 28, 2023", "dateline"),
    ("Published on Nov 20, 2023", "dateline"),
    ("Updated: 2023-11-21 10:00", "dateline"),
    ("Global Tech Report, March 20, 2024", "dateline"),  # who or where, then a full date, alone
    ("WASHINGTON — 20 March 2024", "dateline"),
    # label
    ("التاريخ:", "label"),
    ("Tags:", "label"),
    ("Author:", "label"),
    # source_line
    ("المصدر: Tencent Technology", "source_line"),
    ("(المصدر: رويترز)", "source_line"),
    ("Source: Reuters", "source_line"),
    # image_placeholder
    ("بقعة_صورة", "image_placeholder"),
    ("صورة أرشيفية", "image_placeholder"),
    ("(صورة: رويترز)", "image_placeholder"),
    ("Photo: Getty Images", "image_placeholder"),
    # logo
    ("شعار زيفيرنت", "logo"),
    ("Zephyrnet logo", "logo"),
    # markup
    ("p>", "markup"),
    ("< /p>", "markup"),
    # variants: diacritics, tatweel, extra spaces
    ("  وقـــت   القِراءة 3 دقيقة  ", "reading_time"),
]

TEXT = [
    "",
    "   ",
    # real sentences that start with a furniture word
    "شارك ماسك في تأسيس OpenAI مع ألتمان وآخرين، لأنهم قلقون من ذلك.",
    "شارك أكثر من 500 موظف في التوقيع على الرسالة.",
    "وأضاف رئيس Cloudflare: أعتقد أن فرص بقاء كبار موظفي OpenAI في Microsoft تقترب من الصفر.",
    "By Friday, more than 700 of 770 employees had signed the letter.",
    "by the end of the year the board had resigned",
    "Share prices fell by 3% on Monday after the announcement.",
    "Vote Set For Friday, March 20, 2024",  # a headline with a date is no dateline
    "On Friday, March 20, 2024",
    "The board met on March 20, 2024",
    "The comments by Altman were widely shared.",
    "Related to this, Microsoft said it remains committed to OpenAI.",
    "المصدر الرئيسي للأزمة كان المجلس نفسه، وفقًا لتقارير صحفية.",
    "Source code for the model was never released, the company said in a statement.",
    "التاريخ يعيد نفسه في وادي السيليكون.",
    "تم تحديث النموذج ليصبح أسرع بنسبة 20 في المائة، وفقًا للشركة التي أعلنت ذلك يوم الاثنين في بيان طويل نشرته على موقعها الرسمي.",
    "اقرأ الرسالة التي وقعها أكثر من 700 موظف.",
    # headings of the seed articles
    "106 ساعة من الأزمة في OpenAI",
    "السبت",
    "يوم الثلاثاء",
    "Timeline",
    "منافس آخر؟",
    "1.عالقة بين قوتين، تفتقر إلى الموهبة والأموال",
    "الرئيس التنفيذي لشركة DeepMind ديميس هاسابيس",
    # an over-long read-also-like line is still text
    "اقرأ أيضًا " + "كلمة " * 80,
]


@pytest.mark.parametrize(("line", "reason"), FURNITURE)
def test_furniture(line, reason):
    assert furniture_reason(line) == reason


@pytest.mark.parametrize("line", TEXT)
def test_article_text(line):
    assert furniture_reason(line) is None


def test_builtin_reasons_are_documented():
    used = {rule.reason for rule in load_patterns().rules}
    assert used <= set(REASONS)
    assert {"read_also", "reading_time", "byline", "share", "navigation", "comments", "dateline",
            "image_placeholder", "logo", "source_line", "label"} <= used


def test_extra_patterns_first(tmp_path):
    extra = tmp_path / "site.toml"
    extra.write_text(
        'max_chars = 50\n\n[[rule]]\nreason = "promo"\npatterns = [\'حمل تطبيقنا\', \'السبت$\']\n',
        encoding="utf-8",
    )
    patterns = load_patterns(extra)
    assert furniture_reason("حمّل تطبيقنا الآن", patterns) == "promo"
    assert furniture_reason("السبت", patterns) == "promo"
    assert furniture_reason("وقت القراءة 3 دقيقة", patterns) == "reading_time"
    assert furniture_reason("السبت") is None  # the default patterns are unchanged


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("[[rule]]\nreason = 'x'\npatterns = ['(unclosed']\n", "bad pattern"),
        ("[[rule]]\nreason = 'Bad Reason'\npatterns = ['a']\n", "reason"),
        ("[[rule]]\nreason = 'x'\npatterns = []\n", "patterns"),
        ("[[rule]]\nreason = 'x'\npatterns = ['a']\nmax_chars = 0\n", "max_chars"),
        ("[[rule]]\nreason = 'x'\npattern = ['a']\n", "unknown key"),
        ("rule = [\n", "not valid TOML"),
    ],
)
def test_bad_extra_file(tmp_path, content, message):
    extra = tmp_path / "bad.toml"
    extra.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_patterns(extra)
    assert message in str(info.value)
    assert str(extra) in str(info.value)


def test_missing_extra_file(tmp_path):
    with pytest.raises(ConfigError, match="not found"):
        load_patterns(tmp_path / "missing.toml")
