"""factcheck.sources.loader: discovery, decoding, formats, metadata, errors."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from factcheck.errors import SourceError
from factcheck.sources.loader import discover_sources, load_source

ARABIC = (
    "موظفو OpenAI يهددون بالاستقالة\n"
    "وقت القراءة 3 دقيقة\n"
    "أكد أكثر من 500 من موظفي OpenAI في رسالة لمجلس الإدارة أنهم سيغادرون.\n"
)
ENGLISH = "Staff threaten to quit\nMore than 500 OpenAI employees signed the letter.\n"

SEED_DIR = Path(__file__).resolve().parents[2] / "sources"


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


# --- decoding -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "encoding", "expected_text"),
    [
        pytest.param(ARABIC.encode("utf-8"), "utf-8", ARABIC, id="utf8-arabic"),
        pytest.param(ENGLISH.encode("utf-8"), "utf-8", ENGLISH, id="utf8-english"),
        pytest.param(b"\xef\xbb\xbf" + ARABIC.encode("utf-8"), "utf-8-sig", ARABIC, id="utf8-bom"),
        pytest.param(ARABIC.encode("cp1256"), "cp1256", ARABIC, id="cp1256-arabic"),
        pytest.param(ARABIC.encode("utf-16"), "utf-16", ARABIC, id="utf16-bom"),
        pytest.param(
            ARABIC.replace("\n", "\r\n").encode("utf-8"), "utf-8", ARABIC, id="crlf"
        ),
        pytest.param(ARABIC.replace("\n", "\r").encode("utf-8"), "utf-8", ARABIC, id="cr-only"),
        # Short legacy-encoded texts fit many code pages; Arabic and Western ones win.
        pytest.param("مرحبا بكم\n".encode("cp1256"), "cp1256", "مرحبا بكم\n", id="cp1256-short"),
        pytest.param(
            "He said “hello” — café.\n".encode("cp1252"), "cp1252", "He said “hello” — café.\n", id="cp1252"
        ),
        pytest.param(
            "Генеральный директор сказал, что компания наняла 500 сотрудников.".encode("cp1251"),
            "cp1251",
            "Генеральный директор сказал, что компания наняла 500 сотрудников.",
            id="cp1251-fallback",
        ),
    ],
)
def test_decoding(tmp_path, data, encoding, expected_text):
    path = write(tmp_path, "a.txt", data)
    source = load_source(path)
    assert source.text == expected_text
    assert source.encoding == encoding
    assert source.sha256 == hashlib.sha256(data).hexdigest()
    assert "\r" not in source.text


def test_txt_fields(tmp_path):
    path = write(tmp_path, "002_ade957fd3a304f06.txt", ARABIC)
    source = load_source(path)
    assert source.id == "002_ade957fd3a304f06"
    assert source.format == "txt"
    assert source.path == str(path)
    assert source.title == "موظفو OpenAI يهددون بالاستقالة"
    assert source.published is None  # never taken from the text
    assert source.language is None  # the caller detects it
    assert source.metadata_origin == "none"
    assert source.body_start == 0


@pytest.mark.parametrize(
    ("text", "title", "origin", "outlet"),
    [
        ("\n\n  العنوان هنا  \nنص.", "العنوان هنا", "headline", None),
        # Page furniture is skipped when looking for a title; a headline may ask a question.
        ("شعار زيفيرنت\n\nلماذا تحتاج Microsoft إلى Sam Altman؟\nنص.", "لماذا تحتاج Microsoft إلى Sam Altman؟", "headline", None),
        ("تم تحديث هذه المقالة آخر مرة في نوفمبر 28, 2023\nTable of Contents\n106 ساعة من الأزمة\nنص.", "106 ساعة من الأزمة", "headline", None),
        # A first line that is a sentence or a paragraph is not a headline: the outlet and its first words.
        ("المصدر: Tencent Technology\nوفقًا لتقرير حديث صادر عن The Verge، بدأت OpenAI التعاون مع Microsoft في عام 2016 من خلال اتفاقية.\nنص.",
         "Tencent Technology — وفقًا لتقرير حديث صادر عن The Verge، بدأت OpenAI التعاون…", "first_words", "Tencent Technology"),
        ("Source: Reuters\nThe board fired Sam Altman on Friday.\nMore text.", "Reuters — The board fired Sam Altman on Friday.", "first_words", "Reuters"),
        ("The board fired Sam Altman on Friday.\nMore text.", "The board fired Sam Altman on Friday.", "first_words", None),
        ("كلمة " * 60 + "\nنص.", ("كلمة " * 10).strip() + "…", "first_words", None),
        ("ا" * 400 + "\nنص.", "ا" * 120 + "…", "first_words", None),
        # The only line cannot head anything: its first words.
        ("Staff threaten to quit", "Staff threaten to quit", "first_words", None),
        # Only furniture: the first line after all.
        ("شارك هذا المقال\n", "شارك هذا المقال", "first_words", None),
        # A source line naming more than an outlet is not read as one.
        ("المصدر: تقرير نشرته صحيفة محلية يوم الاثنين الماضي عن الشركة\nعنوان قصير\nنص.", "عنوان قصير", "headline", None),
    ],
)
def test_fallback_title(tmp_path, text, title, origin, outlet):
    source = load_source(write(tmp_path, "t.txt", text))
    assert (source.title, source.title_origin, source.outlet) == (title, origin, outlet)


def test_metadata_title_and_outlet_win(tmp_path):
    path = write(tmp_path, "t.txt", "Source: Reuters\nA headline\nText.")
    (tmp_path / "t.meta.toml").write_text('title = "From the sidecar"\noutlet = "AP"\n', encoding="utf-8")
    source = load_source(path)
    assert (source.title, source.title_origin, source.outlet) == ("From the sidecar", "metadata", "AP")


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        pytest.param("empty.txt", b"", "empty", id="empty"),
        pytest.param("ws.txt", b"  \n\t\r\n  ", "only whitespace", id="whitespace-only"),
        pytest.param("nul.txt", b"hello\x00world\x00" * 10, "NUL", id="nul-bytes"),
        pytest.param(
            "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "PNG", id="png-as-txt"
        ),
        pytest.param("doc.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF", id="pdf-as-txt"),
        pytest.param(
            "ctrl.txt", ("text " + "\x01\x02\x03\x04" * 20).encode(), "control", id="control-chars"
        ),
        pytest.param("x.meta.toml", b'title = "x"', "sidecar", id="sidecar-as-source"),
        pytest.param("x.pdf", b"text", "not a source file", id="unsupported-extension"),
    ],
)
def test_bad_files(tmp_path, name, data, message):
    path = write(tmp_path, name, data)
    with pytest.raises(SourceError) as info:
        load_source(path)
    text = str(info.value)
    assert message in text
    assert str(path) in text
    assert "\n" not in text


def test_missing_file(tmp_path):
    with pytest.raises(SourceError, match="not found"):
        load_source(tmp_path / "nope.txt")


def test_directory_is_not_a_source(tmp_path):
    (tmp_path / "d.txt").mkdir()
    with pytest.raises(SourceError, match="not a regular file"):
        load_source(tmp_path / "d.txt")


@pytest.mark.parametrize(("size", "limit", "ok"), [(100, 100, True), (101, 100, False)])
def test_max_bytes(tmp_path, size, limit, ok):
    path = write(tmp_path, "big.txt", b"a" * size)
    if ok:
        assert len(load_source(path, max_bytes=limit).text) == size
    else:
        with pytest.raises(SourceError, match="limit of 100 bytes"):
            load_source(path, max_bytes=limit)


def test_undecodable_bytes(tmp_path):
    # Not UTF-8, and bytes in 0x80-0x9f that no single-byte code page maps to letters, mixed
    # with control characters: nothing decodes it to plausible text.
    path = write(tmp_path, "junk.txt", bytes(range(1, 32)) * 4 + bytes(range(0x80, 0x100)) * 4)
    with pytest.raises(SourceError) as info:
        load_source(path)
    assert str(path) in str(info.value)


# --- HTML ---------------------------------------------------------------------------------

PARAGRAPHS = [
    "تواجه OpenAI أزمة داخلية حادة حيث هدد معظم العاملين فيها بالاستقالة والانتقال إلى مايكروسوفت.",
    "أكد أكثر من 500 من موظفي OpenAI في رسالة لمجلس الإدارة أن مايكروسوفت ضمنت لهم وظائف جديدة.",
    "وبحسب تقارير صحفية، يوجد حالياً حوالي 700 موظف في الشركة، ولا يزال المزيد من التوقيعات يضاف.",
    "وفي الوقت نفسه، أعلنت مايكروسوفت عن إنشاء فريق بحث متقدم في الذكاء الاصطناعي بقيادة ألتمان.",
]

HOSTILE_HTML = f"""<!DOCTYPE html>
<html lang="ar-EG"><head><meta charset="utf-8">
<title>موظفو OpenAI يهددون بالاستقالة</title>
<meta property="og:site_name" content="تك نيوز">
<meta property="article:published_time" content="2023-11-20T10:00:00Z">
<link rel="canonical" href="https://example.com/news/openai">
<script>alert(1)</script><style>body {{ color: red }}</style>
</head><body onload="alert(2)">
<nav><a href="/">الرئيسية</a></nav>
<article><h1>موظفو OpenAI يهددون بالاستقالة</h1>
<img src="x" onerror="alert(3)">
{''.join(f'<p onclick="alert(4)">{p}</p>' for p in PARAGRAPHS)}
<script>document.write("alert(5)")</script><noscript>alert(6)</noscript>
<template><p>alert(7) قالب لا يظهر للقارئ أبدا ولا ينبغي أن يصل إلى النص المحلل</p></template>
<svg><script>alert(8)</script></svg>
<iframe srcdoc="&lt;script&gt;alert(9)&lt;/script&gt;"></iframe>
<!-- alert(10) -->
</article><footer>جميع الحقوق محفوظة</footer></body></html>
"""


def test_hostile_html(tmp_path):
    source = load_source(write(tmp_path, "page.html", HOSTILE_HTML))
    assert source.format == "html"
    for paragraph in PARAGRAPHS:
        assert paragraph in source.text
    for leak in ("alert", "<script", "onerror", "onclick", "color: red", "قالب"):
        assert leak not in source.text
    assert source.title == "موظفو OpenAI يهددون بالاستقالة"
    assert source.outlet == "تك نيوز"
    assert source.url == "https://example.com/news/openai"
    assert source.published == "2023-11-20"
    assert source.language == "ar"
    assert source.metadata_origin == "html"


@pytest.mark.parametrize(("depth", "ok"), [(200, True), (20000, False)])
def test_html_deep_nesting(tmp_path, depth, ok):
    """Deep markup is read up to the parser's depth limit (256); beyond it, one clear error."""
    inner = "<p>" + " ".join(PARAGRAPHS) + "</p><script>alert(1)</script>"
    markup = "<html><body>" + "<div>" * depth + inner + "</div>" * depth + "</body></html>"
    path = write(tmp_path, "deep.html", markup)
    if ok:
        source = load_source(path)
        assert PARAGRAPHS[0] in source.text
        assert "alert" not in source.text
    else:
        with pytest.raises(SourceError, match="no article text"):
            load_source(path)


@pytest.mark.parametrize(
    "markup",
    [
        "<html><head><title>فارغ</title><script>alert(1)</script></head><body></body></html>",
        "<html><body><nav><a href='/'>Home</a></nav><script>var x = 'a long script body with words';</script></body></html>",
        "<html><body>   </body></html>",
    ],
)
def test_html_without_text(tmp_path, markup):
    path = write(tmp_path, "empty.htm", markup)
    with pytest.raises(SourceError, match="no article text"):
        load_source(path)


def test_html_declared_charset(tmp_path):
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    markup = f'<html><head><meta charset="windows-1256"><title>عنوان</title></head><body><article>{body}</article></body></html>'
    source = load_source(write(tmp_path, "cp.html", markup.encode("cp1256")))
    assert source.encoding == "cp1256"
    assert PARAGRAPHS[1] in source.text


# --- Markdown front matter ----------------------------------------------------------------

MD_YAML = """---
title: "موظفو OpenAI يهددون بالاستقالة"
outlet: تك نيوز
url: https://example.com/a
published: 2023-11-20
language: ar
translation_of: 001_eb0aed705e4d506f
tags: [ignored, unknown key]
---

# عنوان داخلي

أكد أكثر من 500 موظف.
"""

MD_TOML = """+++
title = "Staff threaten to quit"
published = "2023-11"
+++
More than 500 employees signed.
"""


def test_md_yaml_front_matter(tmp_path):
    source = load_source(write(tmp_path, "a.md", MD_YAML))
    assert source.text == MD_YAML  # the file's text as decoded, front matter included
    assert source.text[source.body_start :].startswith("\n# عنوان داخلي")
    assert source.title == "موظفو OpenAI يهددون بالاستقالة"
    assert source.outlet == "تك نيوز"
    assert source.url == "https://example.com/a"
    assert source.published == "2023-11-20"
    assert source.language == "ar"
    assert source.translation_of == "001_eb0aed705e4d506f"
    assert source.metadata_origin == "front_matter"


def test_md_toml_front_matter(tmp_path):
    source = load_source(write(tmp_path, "b.md", MD_TOML))
    assert source.title == "Staff threaten to quit"
    assert source.published == "2023-11"
    assert source.text[source.body_start :] == "More than 500 employees signed.\n"


@pytest.mark.parametrize(
    ("text", "title", "body_start"),
    [
        ("# العنوان\n\nنص المقال.\n", "العنوان", 0),
        ("---\n\nليست مقدمة بل خط فاصل.\n", "---", 0),  # no closing line: not front matter
        ("---\n---\n## عنوان\nنص\n", "عنوان", 8),  # empty front matter
    ],
)
def test_md_without_metadata(tmp_path, text, title, body_start):
    source = load_source(write(tmp_path, "c.md", text))
    assert source.title == title
    assert source.body_start == body_start
    assert source.text == text


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("---\ntitle: [unclosed\n---\nنص\n", "not valid YAML"),
        ("---\n- a\n- b\n---\nنص\n", "mapping"),
        ("---\npublished: 28/11/2023\n---\nنص\n", "'published'"),
        ("+++\ntitle = \n+++\nنص\n", "not valid TOML"),
        ("---\ntitle: x\n---\n\n  \n", "no article text"),
    ],
)
def test_md_bad_front_matter(tmp_path, text, message):
    path = write(tmp_path, "bad.md", text)
    with pytest.raises(SourceError) as info:
        load_source(path)
    assert message in str(info.value)
    assert str(path) in str(info.value)


# --- sidecars -----------------------------------------------------------------------------


def test_sidecar_sets_and_overrides(tmp_path):
    path = write(tmp_path, "x.md", MD_YAML)
    write(
        tmp_path,
        "x.meta.toml",
        'title = "عنوان من الملف الجانبي"\npublished = 2023-11-21\nupdated = "2023-11-22"\n'
        'language = "AR-eg"\n[extra]\nnote = "data for other tools, never read"\n',
    )
    source = load_source(path)
    assert source.id == "x"
    assert source.title == "عنوان من الملف الجانبي"
    assert source.published == "2023-11-21"  # a TOML date
    assert source.updated == "2023-11-22"
    assert source.language == "ar"
    assert source.outlet == "تك نيوز"  # still from the front matter
    assert source.metadata_origin == "front_matter+sidecar"


def test_sidecar_on_txt(tmp_path):
    path = write(tmp_path, "y.txt", ARABIC)
    write(tmp_path, "y.meta.toml", 'outlet = "Example"\npublished = 2023\n')
    source = load_source(path)
    assert (source.outlet, source.published, source.metadata_origin) == ("Example", "2023", "sidecar")
    assert source.title == "موظفو OpenAI يهددون بالاستقالة"


@pytest.mark.parametrize(
    ("sidecar", "field"),
    [
        ('published = "28 November 2023"', "published"),
        ('published = "2023-02-30"', "published"),
        ('updated = "2023-13"', "updated"),
        ("title = 5", "title"),
        ('title = ""', "title"),
        ("outlet = true", "outlet"),
        ('url = "example.com/a"', "url"),
        ('language = "arabic language"', "language"),
        ('translation_of = "sources/001.txt"', "translation_of"),
        ('translation_of = "001.txt"', "translation_of"),
    ],
)
def test_bad_sidecar_field(tmp_path, sidecar, field):
    path = write(tmp_path, "z.txt", ARABIC)
    write(tmp_path, "z.meta.toml", sidecar + "\n")
    with pytest.raises(SourceError) as info:
        load_source(path)
    message = str(info.value)
    assert f"'{field}'" in message
    assert "z.meta.toml" in message
    assert "\n" not in message


def test_sidecar_not_toml(tmp_path):
    path = write(tmp_path, "w.txt", ARABIC)
    write(tmp_path, "w.meta.toml", "title = [unclosed\n")
    with pytest.raises(SourceError, match="not valid TOML"):
        load_source(path)


# --- discovery ----------------------------------------------------------------------------


def test_discover_sources(tmp_path):
    for name in [
        "b.txt",
        "a.MD",
        "sub/c.html",
        "sub/d.HTM",
        "sub/deeper/e.txt",
        "b.meta.toml",
        "notes.pdf",
        ".hidden.txt",
        ".git/f.txt",
        "sub/.cache/g.txt",
        "README",
    ]:
        write(tmp_path, name, "x")
    found = discover_sources([tmp_path])
    assert [p.relative_to(tmp_path).as_posix() for p in found] == [
        "a.MD",
        "b.txt",
        "sub/c.html",
        "sub/d.HTM",
        "sub/deeper/e.txt",
    ]


def test_discover_deduplicates_and_accepts_files(tmp_path):
    a = write(tmp_path, "a.txt", "x")
    write(tmp_path, "b.txt", "x")
    found = discover_sources([tmp_path, a, tmp_path / "." / "a.txt"])
    assert [p.name for p in found] == ["a.txt", "b.txt"]


@pytest.mark.parametrize(
    ("names", "given", "message"),
    [
        ([], "missing", "no such file"),
        (["n.pdf"], "n.pdf", "not a source file"),
        (["m.meta.toml"], "m.meta.toml", "sidecar"),
        (["a/x.txt", "b/x.md"], ".", "source id 'x'"),
    ],
)
def test_discover_errors(tmp_path, names, given, message):
    for name in names:
        write(tmp_path, name, "x")
    with pytest.raises(SourceError, match=message):
        discover_sources([tmp_path / given])


@pytest.mark.skipif(not SEED_DIR.is_dir(), reason="seed articles not present")
def test_seed_articles_load():
    paths = discover_sources([SEED_DIR])
    assert len(paths) >= 5
    for path in paths:
        source = load_source(path)
        assert source.id == path.stem
        assert source.encoding == "utf-8"
        assert source.title and "\n" not in source.title
