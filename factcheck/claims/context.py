"""The words that say what a mention is about: its context, its content words, its predicate.

Sentence embeddings barely see numbers, and long sentences mix several facts; the few
words around a mention say what it counts (signed, invested, salary, valuation). These
descriptions are computed once at extraction and stored with the claim.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from factcheck.text.normalize import normalize_for_match, strip_clitics

CONTEXT_WORDS = 8  # words kept on each side of a mention to describe its slot
PREDICATE_BEFORE = 3  # content words just before a mention usually name what it measures
PREDICATE_AFTER = 2
_KEY_LEN = 5  # stems sharing their first five letters are one word (استثمر/استثماراتهم)

_SPACE_RUN = re.compile(r"\S+")
_TOKEN = re.compile(r"[^\W\d_]+", re.UNICODE)

# Function words, frequent adverbs, generic nouns, the vocabulary of numbers themselves
# (scale, currency, qualifiers) and of attribution ("said", "officials", "قال"): sharing them
# says nothing about the slot.
STOPWORDS = frozenset(
    normalize_for_match(w)
    for w in """
    في من إلى الى على عن أن إن ان كان كانت يكون التي الذي الذين اللذين هذا هذه ذلك تلك هناك هنا مع بعد قبل
    حيث كما لقد قد لم لن لا ما ماذا و او أو ثم بين عند حتى إذا اذا لو كل أي اي غير هو هي هم هما نحن انا أنا
    نحو حوالي قرابة أكثر اكثر أقل اقل يزيد تبلغ يبلغ بلغ قدره قدرها مبلغ مليون ملايين مليونين مليار مليارات
    ألف آلاف الف الاف تريليون دولار دولارات الدولارات أمريكي امريكي يورو جنيه ريال درهم بالمائة بالمئة المائة المئة
    أصل اصل عام سنة منذ خلال أيضا ايضا فقط الآن الان وقد فقد لكن ولكن بل إلا الا نسبة بنحو بحوالي
    سابقا حاليا لاحقا فعليا تقريبا أخرى اخرى آخر اخر الأخرى جديد جديدة شركة الشركة شركات يوم اليوم مرة وفقا بحسب
    the a an of to in on at for and or but is are was were be been being by with from that this these those
    as it its than more less about over under around nearly almost some up into out his her their they he she
    we you i has have had will would could should may might can not no also just only now then there here
    million millions billion billions thousand thousands trillion dollar dollars usd percent per cent total
    company firm new other another already still previously currently some roughly approximately
    said says told tell according statement spokesman spokeswoman spokesperson official officials reported
    قال قالت يقول تقول صرح صرحت أكد أكدت أضاف أضافت بيان مصدر مصادر مسؤول مسؤولون المتحدث
    """.split()
)
_SUFFIXES = ("اتهم", "اتها", "ات", "ون", "ين", "هما", "هم", "ها", "كم", "نا", "ه", "ي", "ا", "ت")
_EN_SUFFIXES = ("ing", "ed", "es", "s")


def mention_context(text: str, start: int, end: int, words: int = CONTEXT_WORDS) -> str:
    """The words around ``text[start:end]`` with the mention itself left out.

    >>> mention_context("Musk invested $100 million in OpenAI early on", 14, 26)
    'Musk invested … in OpenAI early on'
    """
    left = list(_SPACE_RUN.finditer(text, 0, start))[-words:]
    right = list(_SPACE_RUN.finditer(text, end))[:words]
    left_text = text[left[0].start() : start].strip() if left else ""
    right_text = text[end : right[-1].end()].strip() if right else ""
    return f"{left_text} … {right_text}".strip()


@lru_cache(maxsize=65536)
def word_key(token: str) -> str:
    """A light stem: clitics and common suffixes off, cut to five letters.

    >>> word_key("واستثماراتهم") == word_key("استثمر")
    True
    """
    token = normalize_for_match(token)
    token = strip_clitics(token)
    if token.isascii():
        for suffix in _EN_SUFFIXES:
            if token.endswith(suffix) and len(token) - len(suffix) >= 3:
                token = token[: -len(suffix)]
                break
    else:
        for _ in range(2):
            for suffix in _SUFFIXES:
                if token.endswith(suffix) and len(token) - len(suffix) >= 3:
                    token = token[: -len(suffix)]
                    break
    return token[:_KEY_LEN]


def _is_stopword(token: str) -> bool:
    norm = normalize_for_match(token)
    return len(norm) < 2 or norm in STOPWORDS or strip_clitics(norm) in STOPWORDS


def content_keys(text: str, exclude: Iterable[tuple[int, int]] = ()) -> list[str]:
    """Keys of the content words of ``text`` in order, skipping words inside ``exclude`` spans."""
    spans = list(exclude)
    keys = []
    for m in _TOKEN.finditer(text):
        if any(s <= m.start() < e for s, e in spans) or _is_stopword(m.group()):
            continue
        keys.append(word_key(m.group()))
    return keys


def slot_description(text: str, start: int, end: int, entity_spans: Iterable[tuple[int, int]] = ()) -> tuple[str, str]:
    """(context words, predicate words) of the mention ``text[start:end]``, as space-joined keys.

    Names are left out (``entity_spans``): they say who, which entity overlap measures
    separately, not what is counted. The predicate words are the nearest content words
    before and after the mention: "استثمر ... 100 مليون" vs "تبلغ قيمتها ... 80 مليار".
    """
    spans = list(entity_spans)
    left_ctx = list(_SPACE_RUN.finditer(text, 0, start))[-CONTEXT_WORDS:]
    right_ctx = list(_SPACE_RUN.finditer(text, end))[:CONTEXT_WORDS]
    left_from = left_ctx[0].start() if left_ctx else start
    right_to = right_ctx[-1].end() if right_ctx else end
    shift_left = [(s - left_from, e - left_from) for s, e in spans]
    shift_right = [(s - end, e - end) for s, e in spans]
    before = content_keys(text[left_from:start], shift_left)
    after = content_keys(text[end:right_to], shift_right)
    context = sorted(set(before + after))
    predicate = sorted(set(before[-PREDICATE_BEFORE:] + after[:PREDICATE_AFTER]))
    return " ".join(context), " ".join(predicate)


ROLE_WORDS = 8  # how far from the mention an entity may stand to be its subject or object


def roles(text: str, start: int, end: int, entities: Iterable[tuple[int, int, str]]) -> tuple[str, str]:
    """(subject, object) of the mention ``text[start:end]``: the canonical names of the
    nearest entity before it and the nearest after it, within a few words and not across a
    sentence break. "Microsoft invested $10 billion in OpenAI" -> ("Microsoft", "OpenAI").

    >>> roles("Microsoft invested $10 billion in OpenAI.", 19, 30, [(0, 9, "Microsoft"), (34, 40, "OpenAI")])
    ('Microsoft', 'OpenAI')
    """
    before = [e for e in entities if e[1] <= start and _words_between(text, e[1], start) <= ROLE_WORDS]
    after = [e for e in entities if e[0] >= end and _words_between(text, end, e[0]) <= ROLE_WORDS]
    subject = max(before, key=lambda e: e[1])[2] if before else ""
    obj = min(after, key=lambda e: e[0])[2] if after else ""
    return subject, obj


def _words_between(text: str, a: int, b: int) -> int:
    between = text[a:b]
    if any(mark in between for mark in ".!?؟\n"):
        return ROLE_WORDS + 1
    return len(_SPACE_RUN.findall(between))


# A date right after a verb of saying dates the statement, not what it reports: "officials
# said on Monday", "said at a press briefing on February 18", "قال يوم الاثنين".
_ATTRIBUTION_BEFORE = re.compile(
    r"(?:\b(?:said|says|told\s+\w+|added|stated)"
    r"(?:\s+(?:at|in|during)\s+(?:a|an|the)\s+(?:\w+\s+){0,2}(?:briefing|conference|statement|interview))?"
    r"(?:\s+(?:late|early))?(?:\s+(?:on|last|this))?"
    r"|(?:^|\s)[وف]?(?:قال|قالت|أضاف|أضافت|صرح|صرحت|أوضح|أوضحت)(?:\s+(?!إن|أن|ان)\S+){0,3}?(?:\s+(?:يوم|في|مساء|صباح))?)"
    r"\s*$",
    re.IGNORECASE,
)


def dates_a_statement(context: str) -> bool:
    """Whether a date mention (given its ``mention_context``) dates a statement.

    >>> dates_a_statement("county officials said at a press briefing on … .")
    True
    >>> dates_a_statement("The first case was confirmed on … in an unvaccinated child")
    False
    >>> dates_a_statement("وقال المتحدث باسم الوزارة يوم … إن")
    True
    >>> dates_a_statement("وقال المتحدث باسم الوزارة … إن")  # the quote took in "يوم الاثنين"
    True
    >>> dates_a_statement("وقال إن الانفجار وقع … بعد الظهر")  # what was said happened that day
    False
    """
    left = context.split("…", 1)[0].rstrip()
    return bool(_ATTRIBUTION_BEFORE.search(left))

