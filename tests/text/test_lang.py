"""factcheck.text.lang: language by script."""

from __future__ import annotations

import pytest

from factcheck.text.lang import detect_lang, script_ratio


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("تواجه OpenAI، الشركة الرائدة في مجال الذكاء الاصطناعي، أزمة داخلية حادة.", "ar"),
        ("قام Sam Altman بتسجيل الدخول لإجراء مكالمة فيديو يوم الجمعة.", "ar"),
        ("لماذا تحتاج Microsoft إلى Sam Altman وفريق OpenAI المخلص له؟", "ar"),
        ("المصدر: Tencent Technology", "ar"),
        ("موظفو OpenAI يهددون بالاستقالة", "ar"),
        ("السبت", "ar"),
        ("More than 500 OpenAI employees signed the letter.", "en"),
        ("Table of Contents", "en"),
        ("Microsoft hired Altman, reported Al Jazeera (الجزيرة) and others on Monday evening.", "en"),
        ("", "und"),
        ("2023-11-17 500 700", "und"),
        ("%$#@!", "und"),
        ("x", "und"),
        ("Microsoft Azure OpenAI ChatGPT GitHub Copilot Windows وفي", "en"),
        ("Microsoft Azure OpenAI ChatGPT وفي هذه", "und"),  # between the thresholds
    ],
)
def test_detect_lang(text, lang):
    assert detect_lang(text) == lang


@pytest.mark.parametrize(
    ("text", "ratio"),
    [
        ("", 0.0),
        ("123", 0.0),
        ("OpenAI", 0.0),
        ("مرحبا", 1.0),
        ("قال Sam", 0.5),
        ("مَرْحَبًا", 1.0),  # harakat are not letters
        ("ﻻ", 1.0),  # presentation forms count
    ],
)
def test_script_ratio(text, ratio):
    assert script_ratio(text) == pytest.approx(ratio)
