"""Is a mention asserted firmly? Hedge and negation cues around a mention, Arabic and English.

:func:`mark` looks at the words around one mention (a quantity or a date) and says whether it
is hedged (conditional, modal, explicitly unverified report) and whether it is negated.

Scopes, from wide to narrow:

- the *sentence*: bounded by . ! ? ؟ … and line breaks (a "." between digits is a decimal);
- the *segment*: the part of the sentence between adversative conjunctions (لكن, بل, بينما,
  but, however, while ...), so "X, but if Y" does not hedge X;
- the *clause*: the part of the segment between "،" "," ";" "؛" ":" and spaced dashes.

Conditionals, unverified-report cues and denials ("نفى", "denied") act on the whole segment;
modals and plain negation only inside the mention's clause, and after the mention only within a
few words of it (further on, they belong to another verb of a long clause). A cue *after* the mention does not
reach back over a complementizer (أن / إن / that) or a verb of saying or threatening: in "500
signed a letter saying that Microsoft guaranteed them jobs if they joined" the "if" belongs to
the embedded clause, and so does the "would" of "700 signed a letter saying they would quit".

A condition *after* the mention opens a clause of its own: the cues after it (its "not", its
"may") belong to it, and it hedges the mention only when the statement before it is itself
irrealis (a future or a modal: "400 jobs will be cut if the merger goes ahead", "سيستقيل 700
موظف ما لم ..."). A realis statement keeps its figure firm: in "هدّد مئات الموظفين بالاستقالة
إذا لم يُعَد ألتمان" the threat is real, only its trigger is conditional.

Cues inside the mention itself never count: "ما لا يقل عن 12" is a qualifier, not a negation.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from functools import lru_cache

from factcheck.claims.numbers import is_arabic
from factcheck.text.normalize import MARKS_CLASS, fuzzy_pattern, normalize_word

# --------------------------------------------------------------------------------------------
# Cue tables. Plain phrases; a trailing "+" lets an Arabic verb carry an object pronoun
# ("يمكن+" matches يمكنه / يمكننا). Arabic entries also match with a و/ف conjunction in front.
# Longer phrases are tried first, so "ما لم" (unless) wins over "لم" (not).
# --------------------------------------------------------------------------------------------

#: Phrases that look like cues but are not: they are matched first and then ignored.
NEUTRAL = [
    # "whether": an indirect question, not a condition
    "ما إذا", "فيما إذا",
    # "still", "especially", "must", "no doubt"
    "لا يزال+", "لا تزال+", "لا يزالون", "لا زال", "لا زالت", "ما زال", "ما زالت", "ما زالوا",
    "لا سيما", "لاسيما", "لا بد", "لا شك", "no doubt", "not only", "not just", "no matter",
    # qualifiers of a quantity, in case the mention was given without them
    "لا يقل", "لا تقل", "لا يزيد", "لا تزيد", "لا يتجاوز", "لا تتجاوز",
    "no fewer than", "no less than", "no more than", "not less than", "not more than",
]

CONDITIONAL = [
    "ما لم", "إذا لم", "إن لم", "لو لم", "في حال لم", "في حال", "إذا ما", "إذا", "اذا", "لو",
    "لولا",
    "شريطة", "بشرط", "if not", "if", "unless", "in case", "in the event", "provided that",
]

MODAL = [
    "ربما", "لربما", "يمكن+", "يمكن أن", "بإمكان+", "من الممكن", "من المحتمل", "يحتمل", "محتمل",
    "من المرجح", "يرجح", "من المفترض", "يفترض", "من المتوقع", "يتوقع",
    "could", "may", "might", "would", "possibly", "perhaps", "probably", "likely",
    "expected to", "is expected", "are expected",
]

REPORTED = [
    "يقال", "قيل", "تشير التقارير", "أشارت التقارير", "ذكرت تقارير", "بحسب تقارير",
    "حسب تقارير", "وفقا لتقارير", "وفق تقارير", "بحسب ما تردد", "تفيد تقارير", "شائعات",
    "الشائعات", "شائعة", "مزعوم", "المزعوم", "المزعومة", "مزاعم", "يزعم", "تزعم", "زعم", "زعمت",
    "ادعى", "ادعت", "يدعي", "تدعي", "غير مؤكد", "غير مؤكدة", "لم يتم التحقق", "لم يتسن التحقق",
    "reportedly", "allegedly", "alleged", "purportedly", "supposedly", "rumoured", "rumored",
    "rumours", "rumors", "rumour", "rumor", "unconfirmed", "unverified",
    "according to reports", "reports say", "reports suggest", "it is said", "is said to",
    "are said to", "was said to", "were said to",
]

NEGATION = [
    "لم يعد", "لم", "لن", "لا", "ليس", "ليست", "ليسوا", "لست", "لسنا", "غير صحيح",
    "غير صحيحة", "غير دقيق", "غير دقيقة", "غير الصحيح", "غير الدقيق",
    "not", "no", "never", "none", "neither", "nor", "cannot", "no longer",
]

#: Denials reach across commas, but only forwards: "نفت الشركة، في بيان، أن 500 ...".
DENIAL = [
    "نفى", "نفت", "ينفي", "تنفي", "نفوا", "أنكر", "أنكرت", "ينكر", "تنكر",
    "denied", "denies", "deny", "denying", "refuted", "disputed",
]

#: "لم ... سوى 500" (only 500), "لم ... فحسب" (not only): the negation is not about the figure.
NEGATION_CANCEL = ["إلا", "سوى", "فحسب", "فقط", "nothing but", "but also"]

ADVERSATIVE = [
    "لكن+", "ولكن+", "بل", "بينما", "إلا أن", "غير أن", "but", "however", "while", "whereas",
    "although", "though",
]

#: Complementizers: a cue after the mention does not reach back over them.
COMPLEMENTIZER = ["أن", "بأن", "إن", "that"]

# Context-dependent Arabic cues, written as regexes:
# - قد + imperfect verb (قد يضطر) is "may"; قد + perfect (قد تم، وقد أشارت) is "has indeed";
# - إن + verb / لم / كان is "if"; إن + noun (إن الصياغة) is emphatic "indeed", or "that".
_M = MARKS_CLASS
_CONTEXT_MODAL = rf"ق{_M}د{_M}(?=\s+(?:[يتن]|ل{_M}ا{_M}\s))(?!\s+ت{_M}م{_M}(?:ت{_M})?(?![^\W\d_]))"
_CONTEXT_COND = rf"إ{_M}ن{_M}(?=\s+(?:[يتن]|ل{_M}م{_M}\s|ك{_M}ا{_M}ن))"
_EN_NT = r"(?<=[a-zA-Z])n['’]t(?![^\W\d_])"

_PRONOUN_SUFFIX = "(?:ه|ها|هم|هما|هن|ك|كم|نا|ني)?"
_BEFORE = r"(?<![^\W\d_])"
_AFTER = r"(?![^\W\d_])"


def _alternation(phrases: list[str]) -> str:
    parts = []
    for p in sorted(phrases, key=lambda s: -len(s)):
        suffix = ""
        if p.endswith("+"):
            p, suffix = p[:-1], _PRONOUN_SUFFIX
        body = fuzzy_pattern(p) + suffix
        if is_arabic(p):
            body = f"(?:[وف]{_M})?" + body  # conjunction clitic
        parts.append(body)
    return _BEFORE + "(?:" + "|".join(parts) + ")" + _AFTER


# One scanner for all cue kinds: at a given position the first listed group wins, so the
# phrases that must shadow others come first.
_CUE_RE = re.compile(
    "|".join(
        f"(?P<{name}>{pattern})"
        for name, pattern in [
            ("neutral", _alternation(NEUTRAL)),
            ("cond", _alternation(CONDITIONAL) + "|" + _CONTEXT_COND),
            ("report", _alternation(REPORTED)),
            ("modal", _alternation(MODAL) + "|" + _CONTEXT_MODAL),
            ("deny", _alternation(DENIAL)),
            ("neg", _alternation(NEGATION) + "|" + _EN_NT),
            ("cancel", _alternation(NEGATION_CANCEL)),
            ("comp", _alternation(COMPLEMENTIZER)),
        ]
    )
)
# English cues are case-insensitive except "may", which capitalised is usually the month.
_MAY_MONTH = re.compile(r"May")

#: Markers of an irrealis (future or modal) statement, besides the modal cues: a conditional
#: after such a statement hedges it.
FUTURE = ["سوف", "لن", "will", "'ll", "shall", "won't", "going to", "set to", "would", "wouldn't"]
_FUTURE_RE = re.compile(
    _alternation(FUTURE)
    + rf"|(?<![^\W\d_])(?:[وف]{_M})?(?P<fut>س{_M}[يتنأ]{_M}[^\W\d_]{{2,}})"  # سيستقيل، ستخسر
)
#: Verbs of saying and threatening open an embedded statement even without "that": in "700
#: signed a letter saying they would quit unless ...", the "would" is the letter's, not theirs.
EMBEDDING = [
    "saying", "says", "said", "warning", "warned", "threatening", "threatened", "vowing",
    "vowed", "pledging", "pledged", "promising", "promised", "demanding", "demanded", "telling",
    "told", "stating", "stated", "announcing", "announced",
    "قائلا", "قائلة", "قائلين", "قالوا", "مهددا", "مهددة", "مهددين", "يهددون", "هددوا", "هدد",
    "هددت", "يهدد", "تهدد", "متعهدين", "تعهدوا", "تعهد", "محذرين", "حذروا", "حذر", "مطالبين",
    "طالبوا", "معلنين", "أعلنوا",
]
_EMBEDDING_RE = re.compile(_alternation(EMBEDDING))

# Words that begin like a future verb (س + prefix letter) but are nouns or numbers.
_NOT_FUTURE = {
    normalize_word(w)
    for w in (
        "سيارة سيارات سياسة سياسات سياسي سياسية سياسيون سياسيين سيطرة سيدة سيدات سيد ستة ستين "
        "ستون ستمائة ستمئة سنة سنوات سنوي سنوية سنين سنتين سنتان سيناء سيول سيولة سياحة سياحي "
        "سياحية سياق سيناريو سيناريوهات ستار سيادة سيادي سيرة سينما سياج سأل سألت سأله سألها "
        "سنغافورة سنودن ستارلينك سيمنز سيسي"
    ).split()
}

_SENTENCE_END = re.compile(r"[!?؟…\n]|(?<!\d)\.|\.(?!\d)")
_CLAUSE_END = re.compile(r"[،;؛:]|,(?!\d{3})|\s[-–—ـ]+\s|—|\(|\)")
_ADVERSATIVE_RE = re.compile(_alternation(ADVERSATIVE))

_WINDOW = 500  # characters looked at on each side: a sentence longer than that is cut

_AFTER_REACH = 8  # words after the mention within which its clause's modal or "not" stands
_WORD_RE = re.compile(r"[^\W\d_]+|\d+")


class _PhraseScanner:
    """``regex.finditer``, trying the regex only where one of its phrases can begin.

    The cue regexes are long alternations of phrases, each behind a word-start lookbehind;
    Python's ``re`` tries every phrase at every character (some microseconds a character
    for the cues). A phrase can only begin at a word start whose word (normalised, with or
    without a conjunction و/ف in front) begins with the phrase's first word, or, for the
    few patterns without a word-start lookbehind, at one of the characters ``anywhere``
    finds. The regex is tried at those places only, in text order, and goes on after each
    match as ``finditer`` does, so the matches are the same.
    """

    _WORD = re.compile(r"(?<![^\W\d_])(?:[^\W\d_]+|['’])")  # letters from a word start; "'" of "'ll"
    _RUN = re.compile(rf"(?:[^\W\d_]|['’]|{MARKS_CLASS[:-1]})+")  # the word with its marks
    # What may continue a phrase's first word after its letters: diacritics, tatweel, "'".
    _JOINERS = frozenset("'’").union(c for c in map(chr, range(0x0600, 0x0700)) if re.fullmatch(MARKS_CLASS, c))

    def __init__(self, regex: re.Pattern, phrases: list[str], anywhere: str | None = None):
        self.regex = regex
        self.firsts = frozenset(normalize_word(p.rstrip("+")).split()[0] for p in phrases)
        self.longest = max(len(f) for f in self.firsts) + 1  # + a conjunction
        self.anywhere = re.compile(anywhere) if anywhere else None
        self._begins_cached = lru_cache(maxsize=1 << 16)(self._begins)

    def _begins(self, word: str) -> bool:
        """Whether a phrase's first word is a prefix of ``word`` (normalised), or of it
        without a leading conjunction."""
        word = normalize_word(word)
        for k in range(1, min(len(word), self.longest) + 1):
            if word[:k] in self.firsts or (word[0] in "وف" and k > 1 and word[1:k] in self.firsts):
                return True
        return False

    def _word_starts(self, text: str, pos: int, endpos: int) -> Iterator[int]:
        read_to = pos  # the end of the last word read on through its marks
        for m in self._WORD.finditer(text, pos, endpos):
            p, q = m.span()
            if p < read_to:
                continue  # a piece of a word already read from its start («أَكْثَر»: «كْثَر» is no word)
            if (q < endpos and text[q] in self._JOINERS) or (q - p == 1 and text[p] in "'’"):
                # Diacritics, tatweel or "'" inside the word: read on to its end, a long
                # word only as far as its first letters.
                size = 4 * self.longest + 8
                while True:
                    stop = min(endpos, p + size)
                    raw = self._RUN.match(text, p, stop).group()
                    if len(normalize_word(raw)) >= self.longest or p + len(raw) < stop or stop == endpos:
                        break
                    size *= 4
                read_to = p + len(raw)
                if self._begins(raw):
                    yield p
            elif self._begins_cached(m.group()[: self.longest]):
                yield p

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[re.Match]:
        endpos = len(text) if endpos is None else endpos
        starts: Iterable[int] = self._word_starts(text, pos, endpos)
        if self.anywhere is not None:
            starts = sorted([*starts, *(m.start() for m in self.anywhere.finditer(text, pos, endpos))])
        match = self.regex.match
        for p in starts:
            if p < pos:
                continue
            m = match(text, p, endpos)
            if m:
                yield m
                pos = m.end()


_CUES = _PhraseScanner(
    _CUE_RE,
    NEUTRAL + CONDITIONAL + MODAL + REPORTED + DENIAL + NEGATION + NEGATION_CANCEL + COMPLEMENTIZER,
    anywhere=r"[إق]|(?<=[a-zA-Z])n(?=['’]t)",  # the context patterns and "n't"
)
_EMBEDDINGS = _PhraseScanner(_EMBEDDING_RE, EMBEDDING)


class _Spans:
    """Sorted, non-overlapping match spans with the questions :func:`mark` asks of them."""

    def __init__(self, matches: Iterable[re.Match], keep=lambda m: None):
        self.items = [(m.start(), m.end(), keep(m)) for m in matches]
        self.starts = [a for a, _, _ in self.items]
        self.ends = [b for _, b, _ in self.items]

    def inside(self, lo: int, hi: int) -> list[tuple[int, int, object]]:
        """The matches that lie within text[lo:hi], in order."""
        out = []
        for i in range(bisect_left(self.starts, lo), len(self.items)):
            if self.items[i][1] > hi:
                break
            out.append(self.items[i])
        return out

    def last_end(self, lo: int, hi: int) -> int:
        """End of the last match within text[lo:hi], or ``lo``."""
        i = bisect_right(self.ends, hi) - 1
        return self.ends[i] if i >= 0 and self.starts[i] >= lo else lo

    def first_start(self, lo: int, hi: int) -> int:
        """Start of the first match within text[lo:hi], or ``hi``."""
        i = bisect_left(self.starts, lo)
        return self.starts[i] if i < len(self.starts) and self.ends[i] <= hi else hi


class Cues:
    """Every cue, sentence end, clause end and adversative of ``text[lo:hi]``, found once.

    :func:`mark` used to scan the clause around each mention; a text with many mentions
    (a long sentence full of figures, or a whole article for its dates) was then read
    again for every mention. Build one ``Cues`` per text and pass it to every
    :func:`mark` call on that text.
    """

    def __init__(self, text: str, lo: int = 0, hi: int | None = None):
        hi = len(text) if hi is None else hi
        self.text = text
        self.sentence_ends = _Spans(_SENTENCE_END.finditer(text, lo, hi))
        self.clause_ends = _Spans(_CLAUSE_END.finditer(text, lo, hi))
        self.adversatives = _Spans(_ADVERSATIVE_RE.finditer(text, lo, hi))
        self.cues = _Spans(_CUES.finditer(text, lo, hi), keep=_cue_kind)
        self.embeddings = _Spans(_EMBEDDINGS.finditer(text, lo, hi))
        self._lo, self._hi = lo, hi
        self._words: _Spans | None = None  # the rarely needed ones are read on first use
        self._futures: _Spans | None = None

    @property
    def futures(self) -> _Spans:
        if self._futures is None:
            self._futures = _Spans(_FUTURE_RE.finditer(self.text, self._lo, self._hi), keep=lambda m: m.group("fut"))
        return self._futures

    def words_between(self, lo: int, hi: int) -> int:
        """Words (letter or digit runs) touching text[lo:hi]."""
        if self._words is None:
            self._words = _Spans(_WORD_RE.finditer(self.text, self._lo, self._hi))
        return max(0, bisect_left(self._words.starts, hi) - bisect_right(self._words.ends, lo))


def _cue_kind(m: re.Match) -> str | None:
    kind = m.lastgroup
    if kind == "modal" and _MAY_MONTH.fullmatch(m.group().split()[-1]):
        return None  # "May" capitalised is the month
    return kind


def clause_bounds(text: str, start: int, end: int, cues: Cues | None = None) -> tuple[int, int, int, int, int, int]:
    """(sentence, segment, clause) bounds around text[start:end], as three (lo, hi) pairs."""
    lo = max(0, start - _WINDOW)
    hi = min(len(text), end + _WINDOW)
    cues = cues or Cues(text, lo, hi)
    s_lo = cues.sentence_ends.last_end(lo, start)
    s_hi = cues.sentence_ends.first_start(end, hi)
    g_lo = cues.adversatives.last_end(s_lo, start)
    g_hi = cues.adversatives.first_start(end, s_hi)
    c_lo = cues.clause_ends.last_end(g_lo, start)
    c_hi = cues.clause_ends.first_start(end, g_hi)
    return s_lo, s_hi, g_lo, g_hi, c_lo, c_hi


def mark(text: str, start: int, end: int, cues: Cues | None = None) -> tuple[bool, bool]:
    """(hedged, negated) for the mention text[start:end] inside ``text``.

    ``text`` may be the sentence or the whole document: only the sentence around the mention is
    read. ``cues`` (a :class:`Cues` of ``text``) saves reading the text again for each of
    its mentions.

    >>> s = "قد يخسر أكثر من 500 موظف وظائفهم"
    >>> mark(s, s.index("أكثر"), s.index(" موظف"))
    (True, False)
    >>> s = "لم يوقع سوى 500 موظف"   # "only 500 signed": not a negation of the figure
    >>> mark(s, s.index("500"), s.index("500") + 3)
    (False, False)
    """
    hedged, negated, _ = _read(text, start, end, cues)
    return hedged, negated


def hedge_cue(text: str, start: int, end: int) -> str:
    """The words that hedge the mention text[start:end] ("reportedly", «تشير التقارير»,
    "if"), as written; "" when it is not hedged or only a future tense hedges it.

    >>> s = "وبحسب تقارير صحفية، يوجد حالياً حوالي 700 موظف"
    >>> hedge_cue(s, s.index("700"), s.index("700") + 3)
    'وبحسب تقارير'
    >>> s = "Up to 300 people may have been evacuated, officials said."
    >>> hedge_cue(s, s.index("300"), s.index("300") + 3)
    'may'
    """
    hedged, _, cue = _read(text, start, end, None)
    return text[cue[0] : cue[1]] if hedged and cue else ""


def _read(text: str, start: int, end: int, cues: Cues | None) -> tuple[bool, bool, tuple[int, int] | None]:
    """(hedged, negated, the span of the cue that hedges it) for text[start:end]."""
    if not text or start >= len(text):
        return False, False, None
    cues = cues or Cues(text, max(0, start - _WINDOW), min(len(text), end + _WINDOW))
    _, _, g_lo, g_hi, c_lo, c_hi = clause_bounds(text, start, end, cues)
    found = []
    ends = {}
    for s, e, kind in cues.cues.inside(g_lo, g_hi):
        if (s < end and e > start) or kind is None:
            continue  # inside the mention: its own qualifier; or "May", the month
        found.append((s, kind))
        ends[s] = e
    hedged = negated = cancelled = False
    cue = None
    # Cues after the mention stop at the first complementizer, and at a condition after it.
    barrier = min((pos for pos, kind in found if kind == "comp" and pos >= end), default=g_hi)
    barrier = cues.embeddings.first_start(end, barrier)  # the statement after a verb of saying is another's
    cond_after = min((pos for pos, kind in found if kind == "cond" and end <= pos < barrier), default=None)
    if cond_after is not None:
        barrier = cond_after
        hedged = _irrealis(cues, g_lo, cond_after, start, end, found)
        if hedged:
            cue = (cond_after, ends[cond_after])
    for pos, kind in found:
        if pos >= barrier:
            continue
        in_clause = c_lo <= pos < c_hi
        if in_clause and pos >= end and kind in ("modal", "neg") and cues.words_between(end, pos) > _AFTER_REACH:
            in_clause = False  # "... بعد أسبوع فقط من إعلان ... شريحة يمكن استخدامها": another verb's
        if kind in ("cond", "report") or (kind == "modal" and in_clause):
            hedged = True
            cue = cue or (pos, ends[pos])
        elif kind == "deny" and pos < start:
            negated = True
        elif kind == "neg" and in_clause:
            negated = True
        elif kind == "cancel" and in_clause:
            cancelled = True
    return hedged, negated and not cancelled, cue


def _irrealis(cues: Cues, lo: int, hi: int, start: int, end: int, found: list) -> bool:
    """Whether text[lo:hi], the mention text[start:end] left out, states a future or a modal."""
    if any(kind == "modal" and lo <= pos < hi and not start <= pos < end for pos, kind in found):
        return True
    for s, e, fut in cues.futures.inside(lo, hi):
        if s < end and e > start:
            continue
        if fut is None or normalize_word(fut) not in _NOT_FUTURE:
            return True
    return False
