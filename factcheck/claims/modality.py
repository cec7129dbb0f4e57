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

from factcheck.claims.numbers import MARKS_CLASS, fuzzy_pattern, is_arabic, normalize_word

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


def _last_end(regex: re.Pattern, text: str, lo: int, hi: int) -> int:
    """End of the last match of ``regex`` in text[lo:hi], or ``lo``."""
    pos = lo
    for m in regex.finditer(text, lo, hi):
        pos = m.end()
    return pos


def _first_start(regex: re.Pattern, text: str, lo: int, hi: int) -> int:
    m = regex.search(text, lo, hi)
    return m.start() if m else hi


def clause_bounds(text: str, start: int, end: int) -> tuple[int, int, int, int, int, int]:
    """(sentence, segment, clause) bounds around text[start:end], as three (lo, hi) pairs."""
    lo = max(0, start - _WINDOW)
    hi = min(len(text), end + _WINDOW)
    s_lo = _last_end(_SENTENCE_END, text, lo, start)
    s_hi = _first_start(_SENTENCE_END, text, end, hi)
    g_lo = _last_end(_ADVERSATIVE_RE, text, s_lo, start)
    g_hi = _first_start(_ADVERSATIVE_RE, text, end, s_hi)
    c_lo = _last_end(_CLAUSE_END, text, g_lo, start)
    c_hi = _first_start(_CLAUSE_END, text, end, g_hi)
    return s_lo, s_hi, g_lo, g_hi, c_lo, c_hi


def mark(text: str, start: int, end: int) -> tuple[bool, bool]:
    """(hedged, negated) for the mention text[start:end] inside ``text``.

    ``text`` may be the sentence or the whole document: only the sentence around the mention is
    read.

    >>> s = "قد يخسر أكثر من 500 موظف وظائفهم"
    >>> mark(s, s.index("أكثر"), s.index(" موظف"))
    (True, False)
    >>> s = "لم يوقع سوى 500 موظف"   # "only 500 signed": not a negation of the figure
    >>> mark(s, s.index("500"), s.index("500") + 3)
    (False, False)
    """
    if not text or start >= len(text):
        return False, False
    _, _, g_lo, g_hi, c_lo, c_hi = clause_bounds(text, start, end)
    cues = []
    for m in _CUE_RE.finditer(text, g_lo, g_hi):
        if m.start() < end and m.end() > start:
            continue  # inside the mention: its own qualifier
        kind = m.lastgroup
        if kind == "modal" and _MAY_MONTH.fullmatch(m.group().split()[-1]):
            continue
        cues.append((m.start(), kind))
    hedged = negated = cancelled = False
    # Cues after the mention stop at the first complementizer, and at a condition after it.
    barrier = min((pos for pos, kind in cues if kind == "comp" and pos >= end), default=g_hi)
    emb = _EMBEDDING_RE.search(text, end, barrier)
    if emb:
        barrier = emb.start()  # the statement after a verb of saying is another's
    cond_after = min((pos for pos, kind in cues if kind == "cond" and end <= pos < barrier), default=None)
    if cond_after is not None:
        barrier = cond_after
        hedged = _irrealis(text, g_lo, cond_after, start, end, cues)
    for pos, kind in cues:
        if pos >= barrier:
            continue
        in_clause = c_lo <= pos < c_hi
        if in_clause and pos >= end and kind in ("modal", "neg") and _words_between(text, end, pos) > _AFTER_REACH:
            in_clause = False  # "... بعد أسبوع فقط من إعلان ... شريحة يمكن استخدامها": another verb's
        if kind in ("cond", "report"):
            hedged = True
        elif kind == "modal" and in_clause:
            hedged = True
        elif kind == "deny" and pos < start:
            negated = True
        elif kind == "neg" and in_clause:
            negated = True
        elif kind == "cancel" and in_clause:
            cancelled = True
    return hedged, negated and not cancelled


_AFTER_REACH = 8  # words after the mention within which its clause's modal or "not" stands
_WORD_RE = re.compile(r"[^\W\d_]+|\d+")


def _words_between(text: str, lo: int, hi: int) -> int:
    return sum(1 for _ in _WORD_RE.finditer(text, lo, hi))


def _irrealis(text: str, lo: int, hi: int, start: int, end: int, cues: list) -> bool:
    """Whether text[lo:hi], the mention text[start:end] left out, states a future or a modal."""
    if any(kind == "modal" and lo <= pos < hi and not start <= pos < end for pos, kind in cues):
        return True
    for m in _FUTURE_RE.finditer(text, lo, hi):
        if m.start() < end and m.end() > start:
            continue
        if m.group("fut") is None or normalize_word(m.group("fut")) not in _NOT_FUTURE:
            return True
    return False
