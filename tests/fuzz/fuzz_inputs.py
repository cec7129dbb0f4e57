"""Inputs for the fuzzing suite: hostile files, Arabic/English news text, and the crashes
already known (so a property keeps looking for new ones while those wait for a fix).

Every strategy stays small enough for the ``ci`` profile's budget; the ``deep`` profile runs
the same strategies many more times rather than making them larger.
"""

from __future__ import annotations

import os
import re
import traceback
from dataclasses import dataclass
from pathlib import Path

from hypothesis import event, reject, settings
from hypothesis import strategies as st
from hypothesis.control import currently_in_test_context

ROOT = Path(__file__).resolve().parents[2]
PROFILE = os.environ.get("FACTCHECK_FUZZ", "ci")


def fuzz_settings(ci: int, deep: int) -> settings:
    """The active profile with this property's number of examples (``ci`` in CI, ``deep``
    for long local runs; ``FACTCHECK_FUZZ_EXAMPLES`` overrides both)."""
    override = os.environ.get("FACTCHECK_FUZZ_EXAMPLES")
    examples = int(override) if override else (deep if PROFILE == "deep" else ci)
    return settings(settings.get_profile(f"fuzz-{PROFILE}"), max_examples=examples)


# ---------------------------------------------------------------------------------------
# Known crashes: each has a strict-xfail reproducer in the suite. A property that meets one
# checks what it can (nothing stored, say), records it as an event and moves on, so the fixed
# CI examples stay green while the fuzzer keeps looking for crashes nobody has seen yet.


@dataclass(frozen=True)
class KnownCrash:
    name: str
    exception: type[BaseException]
    message: str  # regular expression searched in str(exception)
    where: str  # "module.py:function" of a frame of the traceback


# Crashes fuzzing found and that are not fixed yet: (name, exception, message pattern, the
# "file.py:function" it escapes from). A property meeting one discards the example instead of
# failing, so the fixed CI examples stay green while deep runs look for new ones; each is
# also kept as an explicit test. Every crash found so far is fixed and tested as such.
KNOWN_CRASHES: tuple[KnownCrash, ...] = ()


def known_crash(exc: BaseException) -> str | None:
    """The name of the known crash ``exc`` is, or None for anything else."""
    frames = {f"{Path(f.filename).name}:{f.name}" for f in traceback.extract_tb(exc.__traceback__)}
    for crash in KNOWN_CRASHES:
        if isinstance(exc, crash.exception) and re.search(crash.message, str(exc)) and crash.where in frames:
            return crash.name
    return None


def known_skip(entry: object) -> str | None:
    """The known crash a ``skipped`` entry (a sentence whose analysis raised, set aside by
    the pipeline) records, judged from its text: exception name and message."""
    text = str(entry)
    for crash in KNOWN_CRASHES:
        if crash.exception.__name__ in text and re.search(crash.message, text):
            return crash.name
    return None


def note(what: str) -> None:
    """Count an outcome in the property's statistics (``--hypothesis-show-statistics``);
    the plain table tests share the checks and count nothing."""
    if currently_in_test_context():
        event(what)


def set_aside(exc: BaseException) -> None:
    """Re-raise ``exc`` unless it is a known crash; a known one discards the example."""
    name = known_crash(exc)
    if name is None:
        raise exc
    if not currently_in_test_context():
        raise exc
    event(f"known crash: {name}")
    reject()


# ---------------------------------------------------------------------------------------
# Seed articles and their sentences

SEED_FILES = sorted([*(ROOT / "sources").glob("*.txt"), *(ROOT / "tests" / "fixtures" / "corpora").glob("*/*.txt")])
SEED_TEXTS = [p.read_text(encoding="utf-8") for p in SEED_FILES]
SEED_LINES = sorted({line.strip() for text in SEED_TEXTS for line in text.split("\n") if 0 < len(line.strip()) <= 400})
# Sentence-sized pieces: a long paragraph is cut at its full stops.
SEED_SENTENCES = sorted(
    {piece.strip() for line in SEED_LINES for piece in re.split(r"(?<=[.؟!])\s+", line) if len(piece.strip()) >= 3}
)
SIDECAR_TEXTS = sorted(p.read_text(encoding="utf-8") for p in (ROOT / "tests" / "fixtures" / "corpora").glob("*/*.meta.toml"))

# ---------------------------------------------------------------------------------------
# Characters and words of Arabic and English news

ARABIC_LETTERS = "".join(chr(c) for c in range(0x0621, 0x063B)) + "".join(chr(c) for c in range(0x0641, 0x064B))
ARABIC_INDIC = "٠١٢٣٤٥٦٧٨٩"
PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"
WESTERN = "0123456789"
DIACRITICS = "".join(chr(c) for c in range(0x064B, 0x0653)) + "\u0670\u0301\u0308"
MARKS = "\u200f\u200e\u202b\u202c\u202a\u2067\u2068\u2069\u200c\u200d\ufeff\u00a0\u2009\u202f"
TATWEEL = "\u0640"
SEPARATORS = ".,؟?!،؛;:٬٫%٪-–—/()\"'«»"
CURRENCY = "$€£¥₹﷼"
NEWLINES = "\n\r"

NUMBER_WORDS = (
    "one two three four five ten eleven twenty hundred thousand million billion trillion dozens hundreds "
    "thousands millions billions half quarter third two-thirds first second "
    "واحد اثنان اثنين ثلاثة أربعة خمسة عشرة عشرين مئة مائة مئتين خمسمائة ألف ألفين آلاف ألوف مليون مليونين "
    "ملايين مليار مليارات ترليون عشرات مئات نصف ربع ثلث خُمس"
).split()
QUALIFIERS = [
    "more than", "about", "at least", "less than", "up to", "between", "and", "of", "out of", "nearly",
    "أكثر من", "نحو", "حوالي", "ما لا يقل عن", "أقل من", "حتى", "بين", "و", "من أصل", "قرابة", "زهاء",
]  # fmt: skip
UNITS = [
    "dollars", "USD", "euros", "percent", "per cent", "%", "people", "employees", "staff", "days", "hours", "years",
    "دولار", "دولارا", "يورو", "ريال", "دينار", "بالمئة", "في المائة", "٪", "شخص", "موظف", "موظفا", "يوما", "ساعة", "عاما",
]  # fmt: skip
DATE_WORDS = [
    "November", "Nov.", "January", "Friday", "yesterday", "today", "last week", "2023", "1445", "AH",
    "نوفمبر", "تشرين الثاني", "كانون الأول", "الجمعة", "السبت", "أمس", "اليوم", "هـ", "رمضان", "يوم",
]  # fmt: skip
NAMES = [
    "OpenAI", "Microsoft", "Sam Altman", "Altman", "Elon Musk", "The Microsoft board", "GPT-4", "Office 365",
    "أوبن إيه آي", "مايكروسوفت", "ألتمان", "سام التمان", "لألتمان", "ماسك", "Acme", "Corp", "Reuters", "Nordvik",
    "Port Caddell", "Egypt", "Cairo", "القاهرة", "مصر",
]  # fmt: skip
CUES = ["said", "reportedly", "could", "if", "not", "no", "قال", "قد", "لو", "لم", "ليس", "وفقا", "updated", "تحديث"]

_digits_of = {"western": WESTERN, "arabic": ARABIC_INDIC, "persian": PERSIAN_DIGITS}


@st.composite
def numerals(draw) -> str:
    """A number as news writes it: any digit system, grouped or not, decimal or not."""
    value = draw(st.one_of(st.integers(0, 10**6), st.integers(0, 10**15), st.sampled_from([0, 1, 2, 12, 500, 700, 770, 1999, 2023])))
    text = draw(st.sampled_from(["{:d}", "{:,d}", "{:_d}"])).format(value).replace("_", draw(st.sampled_from([" ", "٬", ".", "\u202f"])))
    if draw(st.booleans()):
        text += draw(st.sampled_from([".", "٫", ","])) + draw(st.text(WESTERN, min_size=1, max_size=3))
    system = draw(st.sampled_from(sorted(_digits_of)))
    return text.translate(str.maketrans(WESTERN, _digits_of[system]))


def _chars(alphabet: str, max_size: int) -> st.SearchStrategy[str]:
    return st.text(st.sampled_from(alphabet), min_size=1, max_size=max_size)


TOKENS = st.one_of(
    numerals(),
    st.sampled_from(NUMBER_WORDS),
    st.sampled_from(QUALIFIERS),
    st.sampled_from(UNITS),
    st.sampled_from(DATE_WORDS),
    st.sampled_from(NAMES),
    st.sampled_from(CUES),
    _chars(ARABIC_LETTERS, 8),
    _chars(ARABIC_LETTERS + DIACRITICS + TATWEEL, 8),
    _chars(SEPARATORS + CURRENCY + MARKS + NEWLINES, 3),
    _chars(WESTERN + ARABIC_INDIC + SEPARATORS, 6),
    st.text(st.characters(codec="utf-8"), max_size=4),
)
JOINERS = st.sampled_from([" ", " ", " ", "", "\n", "\n\n", ". ", "، ", "؟ ", "! ", ", ", " - ", "\r\n", "\u200f", "\u00a0", "  ", "\t"])


@st.composite
def news_text(draw, max_tokens: int = 40) -> str:
    """Tokens of Arabic and English news (numbers, scale and date words, names, marks),
    joined by spaces, punctuation and line breaks."""
    tokens = draw(st.lists(TOKENS, max_size=max_tokens))
    out = []
    for token in tokens:
        out.append(token)
        out.append(draw(JOINERS))
    return "".join(out)


@st.composite
def mutated(draw, base: st.SearchStrategy[str], pieces: st.SearchStrategy[str]) -> str:
    """``base`` edited a few times: a piece inserted, a slice deleted or repeated, digits
    swapped for another digit system, a stretch joined with tatweel or diacritics."""
    text = draw(base)
    for _ in range(draw(st.integers(0, 4))):
        op = draw(st.sampled_from(["insert", "delete", "repeat", "digits", "tatweel", "diacritics", "marks"]))
        i = draw(st.integers(0, len(text)))
        j = draw(st.integers(i, min(len(text), i + 40)))
        if op == "insert":
            text = text[:i] + draw(pieces) + text[i:]
        elif op == "delete":
            text = text[:i] + text[j:]
        elif op == "repeat":
            text = text[:j] + text[i:j] + text[j:]
        elif op == "digits":
            table = str.maketrans(WESTERN + ARABIC_INDIC, ARABIC_INDIC + WESTERN)
            text = text[:i] + text[i:j].translate(table) + text[j:]
        elif op == "tatweel":
            text = text[:i] + TATWEEL.join(text[i:j]) + text[j:]
        elif op == "diacritics":
            mark = draw(st.sampled_from(DIACRITICS))
            text = text[:i] + "".join(c + mark for c in text[i:j]) + text[j:]
        else:
            text = text[:i] + draw(st.sampled_from(MARKS)) + text[i:]
    return text


SEED_SPLICE = st.lists(st.sampled_from(SEED_SENTENCES), min_size=1, max_size=4).map(" ".join)
ARTICLE_TEXT = st.one_of(
    news_text(),
    mutated(SEED_SPLICE, TOKENS),
    mutated(st.tuples(st.sampled_from(SEED_SENTENCES), news_text(8)).map(" ".join), TOKENS),
    st.text(max_size=200),
)

# ---------------------------------------------------------------------------------------
# Files: bytes for the loader

ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "cp1256", "iso8859_6", "cp1252", "latin-1"]


@st.composite
def encoded(draw, text: st.SearchStrategy[str]) -> bytes:
    return draw(text).encode(draw(st.sampled_from(ENCODINGS)), errors="replace")


@st.composite
def mutated_bytes(draw, base: st.SearchStrategy[bytes]) -> bytes:
    """Bytes edited as a damaged download or a bad copy would: bytes inserted, cut, truncated."""
    data = bytearray(draw(base))
    for _ in range(draw(st.integers(0, 4))):
        op = draw(st.sampled_from(["insert", "delete", "flip", "truncate"]))
        i = draw(st.integers(0, len(data)))
        if op == "insert":
            data[i:i] = draw(st.sampled_from([b"\xff", b"\xc3", b"\xed\xa0\x80", b"\x00", b"\xef\xbb\xbf", b"\xfe\xff", b"\x80\x81", b"\r"]) | st.binary(max_size=6))
        elif op == "delete":
            del data[i : i + draw(st.integers(1, 16))]
        elif op == "flip" and i < len(data):
            data[i] ^= draw(st.integers(1, 255))
        elif op == "truncate":
            del data[i:]
    return bytes(data)


def _html_escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


HTML_HOSTILE = [
    "<script>document.write('<p>999 people died</p>')</script>",
    "<style>p{content:'500'}</style>",
    "<!-- unclosed comment <p>The 500 employees",
    "<![CDATA[ 700 of 770 ]]>",
    "&amp;&lt;&#x0;&#0;&#1114112;&#99999999999;&bogus;&#x202E;&nbsp;",
    "<template><p>888 hidden people</p></template>",
    "<iframe srcdoc='<p>777</p>'></iframe>",
    "<svg><text>666 in svg</text></svg>",
    "<noscript>555 without script</noscript>",
    "<meta charset='utf-16'>",
    "<meta charset='x-bogus-charset'>",
    "<meta http-equiv='Content-Type' content='text/html; charset=shift_jis'>",
    "<meta property='article:published_time' content='2023-02-30'>",
    "<meta property='article:published_time' content='not a date'>",
    "<link rel='canonical' href='javascript:alert(1)'>",
    "<html lang='xx-yy-zz-1234567890'>",
    "<title></title>",
    "<?php echo 1; ?>",
    "<!DOCTYPE x [<!ENTITY a 'aaaaaaaaaa'><!ENTITY b '&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;'>]>",
    "</html></body><body>",
    "<p",
    "<",
]  # fmt: skip


@st.composite
def html_page(draw) -> bytes:
    """A page with an article among hostile markup: nesting, scripts, huge attributes,
    entities, unclosed comments, charset declarations that lie."""
    parts = ["<!DOCTYPE html>" if draw(st.booleans()) else ""]
    parts.append(f"<html lang='{draw(st.sampled_from(['ar', 'en', 'ar-EG', '', 'x', '123']))}'>")
    parts.append(f"<head><meta charset='{draw(st.sampled_from(['utf-8', 'utf-16', 'cp1256', 'windows-1252', 'x-bogus', '']))}'>")
    parts.append(f"<title>{_html_escape(draw(ARTICLE_TEXT))[:200]}</title></head><body>")
    depth = draw(st.integers(0, 300))
    tag = draw(st.sampled_from(["div", "p", "span", "table", "article", "b", "li"]))
    parts.append(f"<{tag}>" * depth)
    for _ in range(draw(st.integers(1, 5))):
        kind = draw(st.sampled_from(["p", "hostile", "attr", "raw"]))
        if kind == "p":
            parts.append(f"<p>{_html_escape(draw(ARTICLE_TEXT))}</p>")
        elif kind == "hostile":
            parts.append(draw(st.sampled_from(HTML_HOSTILE)))
        elif kind == "attr":
            parts.append(f"<p data-x='{'x' * draw(st.integers(0, 50_000))}'>{_html_escape(draw(ARTICLE_TEXT))}</p>")
        else:
            parts.append(draw(ARTICLE_TEXT))
    if draw(st.booleans()):
        parts.append(f"</{tag}>" * depth + "</body></html>")
    page = "".join(parts)
    return page.encode(draw(st.sampled_from(["utf-8", "utf-8", "cp1256", "cp1252", "utf-16"])), errors="replace")


# Values of every TOML and YAML type for the metadata fields, right and wrong.
TOML_VALUES = [
    '"OpenAI staff threaten to quit"', '""', '"   "', "5", "-1", "3.5", "nan", "inf", "true", "[]", "[1, 2]",
    '["a", "b"]', "{}", '{ a = 1 }', "1979-05-27", "1979-05-27T07:32:00Z", "07:32:00", "2023", '"2023-02-30"',
    '"2023-11"', '"0001-01-01"', '"9999-12-31"', "0001-01-01", '"2023-1-1"', '"17 November 2023"', '"ar"', '"ar-EG"', '"x"', '"123"', '"https://example.com/a"',
    '"javascript:alert(1)"', '"001_x.txt"', '"../../etc/passwd"', '"a/b"', '"\\u202e"', '"line\\nbreak"',
]  # fmt: skip
YAML_VALUES = [
    "OpenAI staff threaten to quit", '""', "", "~", "null", "5", "3.5", ".nan", ".inf", "true", "[]", "[1, 2]",
    "{a: 1}", "2023-11-17", "2023-11-17 10:00:00", "2023-02-30", "2023-13-01", "2023-11-17 25:00:00",
    "2023-11-17T10:00:00+99:00", "2023", "ar", "ar-EG", "https://example.com/a",
    "!!binary aGVsbG8=", "!!python/object:os.system x", "&a [1]", "*undefined", "|\n  two\n  lines", "'unclosed",
    "{{{", "- a\n- b", "? [a]\n: b",
]  # fmt: skip
FIELDS = ["title", "outlet", "url", "published", "updated", "language", "translation_of", "notes", "Title", ""]


@st.composite
def nested(draw, open_: str, close: str) -> str:
    depth = draw(st.integers(1, 1500))
    return open_ * depth + close * depth


TOML_VALUE = st.one_of(st.sampled_from(TOML_VALUES), nested("[", "]"), nested("{ a = ", "}").map(lambda v: v.replace("= }", "= 1 }")))
YAML_VALUE = st.one_of(st.sampled_from(YAML_VALUES), nested("[", "]"), nested("{a: ", "}"))


@st.composite
def toml_block(draw) -> str:
    keys = st.sampled_from([key or '""' for key in FIELDS])
    lines = [f"{draw(keys)} = {draw(TOML_VALUE)}" for _ in range(draw(st.integers(0, 5)))]
    if draw(st.booleans()):
        lines.append(draw(st.sampled_from(["[table]", "[[array]]", "= = =", "title = ", "title = 'a' 'b'", "\x00", "a.b.c = 1"])))
    return "\n".join(lines) + "\n"


@st.composite
def yaml_block(draw) -> str:
    lines = [f"{draw(st.sampled_from(FIELDS))}: {draw(YAML_VALUE)}" for _ in range(draw(st.integers(0, 5)))]
    if draw(st.booleans()):
        lines.append(draw(st.sampled_from(["- just a list", "plain scalar", "{ not: closed", "\t tab: indent", "title: [", "%YAML 9.9", "---"])))
    return "\n".join(lines) + "\n"


@st.composite
def markdown_doc(draw) -> bytes:
    """Markdown with front matter that is YAML, TOML, or neither."""
    kind = draw(st.sampled_from(["yaml", "toml", "garbage", "unclosed", "none"]))
    if kind == "yaml":
        head = "---\n" + draw(yaml_block()) + draw(st.sampled_from(["---\n", "...\n", "---"]))
    elif kind == "toml":
        head = "+++\n" + draw(toml_block()) + draw(st.sampled_from(["+++\n", "+++"]))
    elif kind == "garbage":
        head = draw(st.sampled_from(["---\n", "+++\n"])) + draw(st.text(max_size=60)) + "\n" + draw(st.sampled_from(["---\n", "+++\n"]))
    elif kind == "unclosed":
        head = draw(st.sampled_from(["---\n", "+++\n"])) + draw(yaml_block())
    else:
        head = ""
    body = draw(st.sampled_from(["", "# ", "## Heading\n"])) + draw(ARTICLE_TEXT)
    return (head + body).encode(draw(st.sampled_from(["utf-8", "utf-8", "utf-16", "cp1256"])), errors="replace")


SIDECARS = st.one_of(
    st.none(),
    st.none(),
    st.sampled_from(SIDECAR_TEXTS).map(lambda t: t.encode("utf-8")),
    toml_block().map(lambda t: t.encode("utf-8")),
    mutated_bytes(toml_block().map(lambda t: t.encode("utf-8"))),
    st.binary(max_size=64),
    st.sampled_from([b"", b"\xef\xbb\xbftitle = 'bom'\n", "title = 'x'\n".encode("utf-16"), b"[[[", b"title = '''"]),
)

# Named inputs worth trying on every run, whatever the random draw (the seeds of the brief).
_ARABIC = "أكد أكثر من 500 من موظفي OpenAI في رسالة لمجلس الإدارة أنهم سيغادرون.\n"
_ENGLISH = "More than 500 OpenAI employees signed the letter on 17 November 2023.\n"
SEED_BYTES: dict[str, bytes] = {
    "empty": b"",
    "whitespace": b" \t\n\r\n  \n\x0b\x0c",
    "nul": b"\x00" * 64,
    "nul-in-text": _ENGLISH.encode() + b"\x00" + _ENGLISH.encode(),
    "binary": bytes(range(256)),
    "png": b"\x89PNG\r\n\x1a\n" + b"\x00" * 32,
    "utf16-bom": _ARABIC.encode("utf-16"),
    "utf16-le-no-bom": _ARABIC.encode("utf-16-le"),
    "utf16-be-no-bom": _ENGLISH.encode("utf-16-be"),
    "utf16-bom-odd-length": _ARABIC.encode("utf-16") + b"\x41",
    "utf32-bom": _ARABIC.encode("utf-32"),
    "utf8-bom-only": b"\xef\xbb\xbf",
    "utf16-bom-only": b"\xff\xfe",
    "cp1256-arabic": _ARABIC.encode("cp1256"),
    "iso8859-6-arabic": _ARABIC.encode("iso8859_6", errors="replace"),
    "latin1": "Le café a reçu 500 employés en été.\n".encode("latin-1"),
    "invalid-utf8": _ENGLISH.encode()[:20] + b"\xff\xfe\xc3\x28\xa0\xa1\xed\xa0\x80" + _ENGLISH.encode()[20:],
    "overlong-utf8": b"\xc0\xaf\xe0\x80\xaf" * 10 + _ENGLISH.encode(),
    "lone-surrogate": b"abc \xed\xb0\x80 def 500 people\n",
    "long-line": ("500 " + "word " * 40_000).encode(),
    "long-arabic-line": ("كلمة " * 40_000 + "500").encode(),
    "controls": bytes(range(1, 32)) * 4 + _ENGLISH.encode(),
    "c1-controls": "\x85\x90\x9f".encode() * 20 + _ENGLISH.encode(),
    "rtl-override": "\u202e500\u202c people \u2067٥٠٠\u2069\n".encode(),
    "only-marks": ("\u200f\u200e\ufeff" * 50).encode(),
    "html-deep": ("<html><body>" + "<div>" * 20_000 + _ENGLISH + "</div>" * 20_000 + "</body></html>").encode(),
    "html-script-only": b"<html><body><script>alert('500 people')</script></body></html>",
    "html-huge-attribute": ("<html><body><p title='" + "a" * 2_000_000 + f"'>{_ENGLISH}</p></body></html>").encode(),
    "html-entity-flood": ("<html><body><p>" + "&amp;" * 100_000 + _ENGLISH + "</p></body></html>").encode(),
    "html-entity-bomb": (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
        '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><html><body><p>&lol3; ' + _ENGLISH + "</p></body></html>"
    ).encode(),
    "html-unclosed-comment": f"<html><body><p>{_ENGLISH}</p><!-- <p>{_ENGLISH}".encode(),
    "html-comment-only": f"<html><body><!-- {_ENGLISH} --></body></html>".encode(),
    "html-meta-charset-lie-utf16": f"<html><head><meta charset='utf-16'></head><body><p>Le café a reçu 500 employés. {_ENGLISH}</p></body></html>".encode("latin-1"),
    "html-meta-charset-lie-utf8": ("<html><head><meta charset='utf-8'></head><body><p>" + _ARABIC + "</p></body></html>").encode("cp1256"),
    "html-meta-charset-bogus": f"<html><head><meta charset='\x7fnope'></head><body><p>{_ENGLISH}</p></body></html>".encode(),
    "html-meta-charset-utf7": b"<html><head><meta charset='utf-7'></head><body><p>+ADw-script+AD4- \xff " + _ENGLISH.encode() + b"</p></body></html>",
    "html-not-html": _ENGLISH.encode(),
    "md-front-matter-json": b'---\n{"title": 5}\n---\n' + _ENGLISH.encode(),
    "md-front-matter-list": b"---\n- a\n- b\n---\n" + _ENGLISH.encode(),
    "md-front-matter-python-tag": b"---\ntitle: !!python/object/apply:os.system ['true']\n---\n" + _ENGLISH.encode(),
    "md-front-matter-ini": b"+++\n[section]\nkey value\n+++\n" + _ENGLISH.encode(),
    "md-front-matter-only": b"---\ntitle: x\n---\n",
    "md-front-matter-wrong-types": b"---\ntitle: [1, 2]\npublished: yesterday\nlanguage: 5\nurl: no\n---\n" + _ENGLISH.encode(),
    "md-toml-wrong-types": b"+++\ntitle = 5\npublished = 07:32:00\n+++\n" + _ENGLISH.encode(),
    "md-toml-time": b"+++\npublished = 07:32:00\n+++\n" + _ENGLISH.encode(),
    "md-front-matter-bom": b"\xef\xbb\xbf---\ntitle: x\n---\n" + _ENGLISH.encode(),
    "md-front-matter-crlf": b"---\r\ntitle: x\r\n---\r\n" + _ENGLISH.encode(),
}  # fmt: skip
SEED_SIDECARS: dict[str, bytes] = {
    "garbage": b"\x00\xff garbage = = =",
    "not-utf8": "title = 'café'\n".encode("latin-1"),
    "utf16": "title = 'x'\n".encode("utf-16"),
    "wrong-types": b"title = 5\npublished = 'yesterday'\nlanguage = []\nurl = 'no'\ntranslation_of = 'x.txt'\n",
    "time-not-date": b"published = 07:32:00\n",
    "table": b"[title]\nx = 1\n",
    "empty-title": b"title = ''\n",
    "unknown-keys-only": b"notes = 'for another tool'\n",
}


SOURCE_BYTES = st.one_of(
    st.sampled_from(sorted(SEED_BYTES)).map(SEED_BYTES.__getitem__),
    mutated_bytes(st.sampled_from(sorted(SEED_BYTES)).map(SEED_BYTES.__getitem__)),
    st.binary(max_size=512),
    encoded(ARTICLE_TEXT),
    mutated_bytes(encoded(ARTICLE_TEXT)),
    html_page(),
    markdown_doc(),
)
EXTENSIONS = [".txt", ".md", ".html", ".htm"]
# (extension, bytes): any bytes under any extension, and pages and front matter more often
# under the extension that makes the loader parse them.
SOURCE_FILES = st.one_of(
    st.tuples(st.sampled_from(EXTENSIONS), SOURCE_BYTES),
    st.tuples(st.sampled_from([".html", ".htm", ".HTML"]), html_page()),
    st.tuples(st.just(".md"), markdown_doc()),
)
