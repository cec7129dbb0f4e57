"""The words that say what a mention is about: its context, its content words, its predicate.

Sentence embeddings barely see numbers, and long sentences mix several facts; the few
words around a mention say what it counts (signed, invested, salary, valuation). These
descriptions are computed once at extraction and stored with the claim.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from functools import cached_property, lru_cache

from factcheck.claims.name_cues import name_cues
from factcheck.text.normalize import MARKS, fuzzy_pattern, normalize_for_match, strip_clitics
from factcheck.text.stems import stem

CONTEXT_WORDS = 8  # words kept on each side of a mention to describe its slot
PREDICATE_BEFORE = 3  # content words just before a mention usually name what it measures
PREDICATE_AFTER = 2

_SPACE_RUN = re.compile(r"\S+")
# a word with its Arabic marks: "وقّع" is one word, not "وق" and "ع"
_TOKEN = re.compile(rf"[^\W\d_](?:[^\W\d_]|[{MARKS}])*", re.UNICODE)

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


def mention_context(text: str, start: int, end: int, words: int = CONTEXT_WORDS) -> str:
    """The words around ``text[start:end]`` with the mention itself left out.

    >>> mention_context("Musk invested $100 million in OpenAI early on", 14, 26)
    'Musk invested … in OpenAI early on'
    """
    return SentenceWords(text).context(start, end, words)


@lru_cache(maxsize=65536)  # news vocabulary repeats: each word is stemmed once
def word_key(token: str) -> str:
    """The key a word is matched by: its stem (:func:`factcheck.text.stems.stem`), so
    inflected forms meet and words that only begin alike do not.

    >>> word_key("واستثماراتهم") == word_key("الاستثمار"), word_key("signed") == word_key("signing")
    (True, True)
    >>> word_key("investigation") == word_key("investment")
    False
    """
    return stem(token)


@lru_cache(maxsize=65536)  # news vocabulary repeats: each word is looked up once
def is_stopword(token: str) -> bool:
    norm = normalize_for_match(token)
    if len(norm) < 2 or norm in STOPWORDS or strip_clitics(norm) in STOPWORDS:
        return True
    # A conjunction or preposition on a two-letter function word ("وفي", "ولم", "بما"):
    # strip_clitics leaves words that short whole, and their stems would pass for content
    # words ("وفي" is the stem of "وفيات", deaths).
    return norm[0] in _CLITIC_LETTERS and norm[1:] in STOPWORDS


_CLITIC_LETTERS = "وفبلك"


def content_keys(text: str, exclude: Iterable[tuple[int, int]] = ()) -> list[str]:
    """Keys of the content words of ``text`` in order, skipping words inside ``exclude`` spans."""
    spans = list(exclude)
    keys = []
    for m in _TOKEN.finditer(text):
        if any(s <= m.start() < e for s, e in spans) or is_stopword(m.group()):
            continue
        keys.append(word_key(m.group()))
    return keys


def slot_description(text: str, start: int, end: int, entity_spans: Iterable[tuple[int, int]] = ()) -> tuple[str, str]:
    """(context words, predicate words) of the mention ``text[start:end]``, as space-joined keys.

    Names are left out (``entity_spans``): they say who, which entity overlap measures
    separately, not what is counted. The predicate words are the nearest content words
    before and after the mention: "استثمر ... 100 مليون" vs "تبلغ قيمتها ... 80 مليار".
    """
    return SentenceWords(text, [(s, e, "") for s, e in entity_spans]).slot(start, end)


#: How many words may stand between a mention and the name that is its subject or object:
#: "Ridex has put $395 million into Dimak" binds both names to the figure; in "more than 500
#: employees signed a letter calling for Altman's return" Altman is what the letter asks
#: for, not whose employees signed.
ROLE_WORDS = 3
_BREAK = re.compile(r"[.!?؟\n]")  # a name across one of these is not a mention's subject or object
#: Words that do not count between a name that opens its sentence and the figure it is the subject of.
LIGHT_WORDS = frozenset({"a", "an", "the", "of"})
#: An Arabic organisation's trade (and legal form) right after its name: "سالدال للطاقة
#: القابضة", «زاجين للخدمات اللوجستية». Part of how the name is written, not words between
#: the name and a figure.
TRADE = re.compile(r"\s+(?:[وف]?لل|[وف]?ل(?=ال))[^\s\d]+(?:\s+ال[^\s\d]+){0,2}")
#: A short apposition after a name, set off by commas: ", one of the founders,", «، أحد
#: المؤسسين،». At most four words, no figure.
APPOSITION = re.compile(r"\s*[,،]\s*(?:[^\s\d,،]+\s+){0,3}[^\s\d,،]+\s*[,،]")


def roles(text: str, start: int, end: int, entities: Iterable[tuple[int, int, str]]) -> tuple[str, str]:
    """(subject, object) of the mention ``text[start:end]``: the canonical names of the
    nearest entity before it and the nearest after it, within :data:`ROLE_WORDS` words and
    not across a sentence break. "Microsoft invested $10 billion in OpenAI" -> ("Microsoft", "OpenAI").

    >>> roles("Microsoft invested $10 billion in OpenAI.", 19, 30, [(0, 9, "Microsoft"), (34, 40, "OpenAI")])
    ('Microsoft', 'OpenAI')
    """
    return SentenceWords(text, entities).roles(start, end)


class SentenceWords:
    """One sentence's words, breaks and names, indexed once for all of its mentions.

    Describing a mention (its context, slot words, subject and object) then costs a few
    binary searches and a look at the words next to it. Rescanning the sentence for each
    mention, and every name for each mention, made a long sentence with many figures cost
    mentions x names x words: a 40,000-character article without full stops took half a
    minute.

    ``entities`` are (start, end, canonical name) spans; they must not overlap (what
    :meth:`factcheck.claims.entities.AliasTable.find` returns), so that "the nearest name"
    is one name.
    """

    def __init__(self, text: str, entities: Iterable[tuple[int, int, str]] = ()):
        self.text = text
        runs = [m.span() for m in _SPACE_RUN.finditer(text)]
        self._run_starts = [a for a, _ in runs]
        self._run_ends = [b for _, b in runs]
        self._breaks = [m.start() for m in _BREAK.finditer(text)]
        self._entities = sorted(entities, key=lambda e: (e[0], e[1]))
        self._entity_starts = [e[0] for e in self._entities]
        self._entity_ends = [e[1] for e in self._entities]
        for (_, end, a), (start, _, b) in zip(self._entities, self._entities[1:]):
            if start < end:
                raise ValueError(f"names overlap: {a!r} and {b!r}")

    def words_between(self, a: int, b: int) -> int:
        """The words (runs of non-space) in ``text[a:b]``, or more than :data:`ROLE_WORDS`
        when a sentence break lies between."""
        if a >= b:
            return 0
        if bisect_left(self._breaks, b) > bisect_left(self._breaks, a):
            return ROLE_WORDS + 1
        # runs that start before b, less those that end by a: the runs text[a:b] touches
        return bisect_left(self._run_starts, b) - bisect_right(self._run_ends, a)

    def left(self, start: int, words: int) -> int:
        """Where the last ``words`` words before ``start`` begin (``start`` if none)."""
        k = bisect_left(self._run_starts, start)
        return self._run_starts[max(0, k - words)] if k else start

    def right(self, end: int, words: int) -> int:
        """Where the first ``words`` words after ``end`` end (``end`` if none); a word the
        mention ends inside counts with its part after ``end``."""
        k = bisect_right(self._run_ends, end)
        last = min(len(self._run_ends), k + words) - 1
        return self._run_ends[last] if last >= k else end

    def context(self, start: int, end: int, words: int = CONTEXT_WORDS) -> str:
        """See :func:`mention_context`."""
        left_text = self.text[self.left(start, words) : start].strip()
        right_text = self.text[end : self.right(end, words)].strip()
        return f"{left_text} … {right_text}".strip()

    @cached_property
    def _name_spans(self) -> tuple[list[tuple[int, int]], list[int]]:
        """Each name's span with the Arabic trade written after it (:data:`TRADE`): «ديكيكو
        للخدمات اللوجستية القابضة» is a name, not words that say what a figure measures."""
        spans = []
        for k, (s, e, _) in enumerate(self._entities):
            trade = TRADE.match(self.text, e)
            spans.append((s, trade.end() if trade and trade.end() <= self._limit(k) else e))
        return spans, [e for _, e in spans]

    def _limit(self, k: int) -> int:
        """Where the next name after name ``k`` starts (the text's end after the last)."""
        return self._entities[k + 1][0] if k + 1 < len(self._entities) else len(self.text)

    def names_between(self, lo: int, hi: int) -> list[tuple[int, int]]:
        """Spans of the names (with their trades) that touch ``text[lo:hi]``, relative to ``lo``."""
        spans, ends = self._name_spans
        i = bisect_right(ends, lo)
        j = bisect_left(self._entity_starts, hi)
        return [(s - lo, e - lo) for s, e in spans[i:j]]

    def slot(self, start: int, end: int) -> tuple[str, str]:
        """See :func:`slot_description`."""
        left_from = self.left(start, CONTEXT_WORDS)
        right_to = self.right(end, CONTEXT_WORDS)
        before = content_keys(self.text[left_from:start], self.names_between(left_from, start))
        after = content_keys(self.text[end:right_to], self.names_between(end, right_to))
        context = sorted(set(before + after))
        predicate = sorted(set(before[-PREDICATE_BEFORE:] + after[:PREDICATE_AFTER]))
        return " ".join(context), " ".join(predicate)

    def _subject_gap(self, k: int, start: int) -> int:
        """The words between name ``k`` (with its trade and apposition) and the figure at
        ``start``; for a name that opens its sentence, the articles and "of"
        (:data:`LIGHT_WORDS`) do not count: "Tariq Haddad holds a stake of 24 percent" binds
        Tariq Haddad as «يملك طارق حداد حصة» does, while in "sold to the chipmaker Veradyne
        in a deal worth $1.4 billion" Veradyne stays four words away."""
        a = self._name_end(k)
        n = self.words_between(a, start)
        if n == 0 or n > ROLE_WORDS + 4 or self.text[: self._entities[k][0]].strip(" \t\"'“”«»"):
            return n
        return n - sum(1 for w in self.text[a:start].split() if w.lower() in LIGHT_WORDS)

    def _name_end(self, k: int) -> int:
        """Where name ``k`` ends with its trade (:data:`TRADE`) and a short apposition set
        off by commas (:data:`APPOSITION`: "Tariq Haddad, one of the founders, holds"),
        when they come before the next name."""
        end = self._name_spans[0][k][1]  # with its trade
        if _BREAK.search(self.text, self._entities[k][1], end):
            end = self._entities[k][1]  # a trade read across a full stop is not one
        m = APPOSITION.match(self.text, end)
        if m and m.end() <= self._limit(k) and not _BREAK.search(m.group()):
            end = m.end()
        return end

    def roles(self, start: int, end: int) -> tuple[str, str]:
        """See :func:`roles`. The nearest name on each side is the only candidate: any
        name further away has at least as many words, and any break, in between."""
        subject = obj = ""
        cues = name_cues()
        i = bisect_right(self._entity_ends, start)
        if i and self._subject_gap(i - 1, start) <= ROLE_WORDS:
            before = _TOKEN.findall(self.text[max(0, self._entities[i - 1][0] - 20) : self._entities[i - 1][0]])
            led = normalize_for_match(before[-1]) if before else ""
            if led not in cues.prepositions or led in cues.target_prepositions:
                subject = self._entities[i - 1][2]  # "revenue at Acme reached", not "a stake to Murjan for"
        j = bisect_left(self._entity_starts, end)
        if j < len(self._entities) and self.words_between(end, self._entities[j][0]) <= ROLE_WORDS:
            obj = self._entities[j][2]  # "in Salco", "from Nerolix", "to Murjan"
        return subject, obj


_SAYING_AR = "|".join(fuzzy_pattern(w) for w in ("قالت", "قال", "أضافت", "أضاف", "صرحت", "صرح", "أوضحت", "أوضح"))
_ON_AR = "|".join(fuzzy_pattern(w) for w in ("يوم", "في", "مساء", "صباح"))
# A date right after a verb of saying dates the statement, not what it reports: "officials
# said on Monday", "said at a press briefing on February 18", "قال يوم الاثنين".
_ATTRIBUTION_BEFORE = re.compile(
    r"(?:\b(?:said|says|told\s+\w+|added|stated|reported|wrote)"
    r"(?:\s+(?:at|in|during)\s+(?:a|an|the)\s+(?:\w+\s+){0,2}(?:briefing|conference|statement|interview))?"
    r"(?:\s+(?:late|early))?(?:\s+(?:on|last|this))?"
    r"|(?:^|\s)[وف]?(?:" + _SAYING_AR + r")(?:\s+(?!" + fuzzy_pattern("أن") + r")\S+){0,3}?(?:\s+(?:" + _ON_AR + r"))?)"
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

