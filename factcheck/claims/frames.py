"""Claim frames: who did what to whom, what is measured, in what role, when, where, says who.

A frame is read once per claim at extraction, from what the sentence already gave the
claim (its bound subject and object, the predicate words next to it, its unit and counted
noun) and from a few cue words next to the figure (the ``[frame]`` table of
``factcheck/data/lexicon.toml``). Reconciliation compares frames instead of guessing from
the words each time: "about 700 employees at OpenAI" (a headcount, the whole) and "300
employees signed" (those who signed, a part) are two questions, whatever their cosine.

Roles (:data:`ROLES`):

* ``part``: the figure counts those of a group who did something: "500 of the employees",
  the 700 of "700 of 770", "300 employees signed" (a count of members with a predicate).
* ``whole``: everyone there is: the 770 of "700 of 770", "out of 700 employees", "OpenAI
  has 770 employees", «يوجد حاليا حوالي 700 موظف».
* ``total``: a sum: "a total of 1,200", «إجمالي».
* ``rate``: per something: "$40 a year", "per share", «سنويا».
* ``change``: how much a rising or falling figure moved: "rose by 5%", «ارتفع بنسبة 5%»
  ("rose to 19" is a level, no role).
* ``""``: none of these: a figure as it stands.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from factcheck.claims.context import TRADE, SentenceWords, content_keys
from factcheck.claims.lexicon import GENERIC, Lexicon, lexicon
from factcheck.claims.money import currencies
from factcheck.claims.model import Frame, Quantity
from factcheck.claims.name_cues import name_cues
from factcheck.text.normalize import MARKS, fuzzy_pattern, normalize_for_match

ROLES = ("part", "whole", "total", "rate", "change", "")
DURATIONS = ("second", "minute", "hour", "day", "week", "month", "year")
CUE_WORDS = 3  # cue words are looked for this many words before a figure (or after its noun)
RECEIVE_WORDS = 6  # a verb of receiving may stand this far before the figure, in its clause
# a figure right after another and "of (the)", «من أصل», «من بين»: the whole of the first
_OF_WHOLE = re.compile(r"\d\s+(?:out\s+of|of)(?:\s+the)?\s*$|\d\s+(?:من\s+أصل|من\s+بين)\s*$", re.IGNORECASE)
# right after a figure: "of (the)" and another figure, perhaps behind a word or two of
# approximation ("of the about 1,100"): the figure is a part of that whole
_OF_A_WHOLE = re.compile(r"\s+(?:out\s+of|of)\s+(?:the\s+)?(?:[^\W\d_]+\s+){0,2}[\d٠-٩]|\s+من\s+(?:أصل|اصل|بين)\s+(?:[^\W\d_]+\s+){0,2}[\d٠-٩]", re.IGNORECASE)
_AGO = re.compile(r"\s*(?:earlier|ago|before|later|prior|previously|sooner|من قبل|قبل|سابق|مضى)", re.IGNORECASE)
_WORD = re.compile(rf"[^\W\d_](?:[^\W\d_]|[{MARKS}])*")
_TO = re.compile(r"(?:\bto|(?:^|\s)[وف]?(?:" + fuzzy_pattern("إلى") + "|" + fuzzy_pattern("الى") + r"|ل(?:يصل|تصل)))\s*$", re.IGNORECASE)


class Cues:
    """The ``[frame]`` cue lists of a lexicon, compiled once: each phrase as whole words,
    any spelling with the same normalised key, Arabic ones also after a clitic."""

    def __init__(self, lex: Lexicon):
        self.patterns = {key: phrase_pattern(words) for key, words in lex.frame.items()}
        self.members = frozenset(lex.frame.get("members", ()))

    def find(self, key: str, text: str) -> list[str]:
        """The cue phrases of list ``key`` in ``text``, as written, in order."""
        pattern = self.patterns.get(key)
        return [m.group("cue") for m in pattern.finditer(text)] if pattern else []

    def right_before(self, key: str, text: str) -> bool:
        """Whether a cue of list ``key`` stands in ``text`` with at most one word after it,
        not a verb of saying: "there are currently", not "OpenAI has said"."""
        pattern = self.patterns.get(key)
        if pattern is None:
            return False
        saying = self.patterns.get("attribution")
        for m in pattern.finditer(text):
            rest = _WORD.findall(text[m.end() :])
            if len(rest) <= 1 and not (rest and saying and saying.fullmatch(rest[0])):
                return True
        return False

    def starts(self, key: str, text: str) -> bool:
        """Whether ``text`` (what follows a figure) opens with a cue of list ``key``, one
        word (the counted noun) allowed before it, and the cue is not a time ago: "$40 a
        month", "2 dollars per share", not "$150 million a year earlier"."""
        pattern = self.patterns.get(key)
        if pattern is None:
            return False
        for m in pattern.finditer(text):
            if len(_WORD.findall(text[: m.start()])) > 1:
                break
            if not _AGO.match(text, m.end()):
                return True
        return False

    def ends(self, key: str, text: str) -> bool:
        """Whether ``text`` ends with a cue of list ``key`` ("rose by")."""
        pattern = self.patterns.get(key)
        return bool(pattern and any(m.end() == len(text.rstrip()) for m in pattern.finditer(text.rstrip())))


CLITICS = r"ال|[وفبل]ال|[وفبل]"  # what may stand glued before an Arabic cue word


#: In a listed phrase, where up to ``GAP_WORDS`` words of the same clause may stand ("lawsuit …
#: against": "a lawsuit in the district court against", «دعوى … ضد»: «دعوى أمام محكمة ... ضد»)
GAP = "…"
GAP_WORDS = 6
_GAP_PATTERN = r"(?:\s+[^\s.,،;:!?؟]+){0,%d}?\s+" % GAP_WORDS


def phrase_pattern(words: Iterable[str], clitics: str = CLITICS) -> re.Pattern | None:
    """One pattern for ``words``, each as whole words, any spelling with the same normalised
    key (longest first), Arabic ones also after one of ``clitics``; the phrase is group ``cue``.
    A phrase's :data:`GAP` stands for a few words of the same clause.

    >>> [m.group("cue") for m in phrase_pattern(["lawsuit … against"]).finditer("a lawsuit in a court against X; a lawsuit, against")]
    ['lawsuit in a court against']
    """
    phrases = sorted({w for w in words if w.strip()}, key=lambda w: (-len(w), w))
    if not phrases:
        return None
    alternatives = "|".join(_GAP_PATTERN.join(fuzzy_pattern(part.strip()) for part in p.split(GAP)) for p in phrases)
    return re.compile(r"(?<![^\W\d_])(?P<pre>" + clitics + r")?(?P<cue>" + alternatives + r")(?![^\W\d_])", re.IGNORECASE)


@lru_cache(maxsize=4)
def _cues(lex: Lexicon) -> Cues:
    return Cues(lex)


def cues() -> Cues:
    return _cues(lexicon())


def measured(kind: str, quantity: Quantity | None, predicate_keys: list[str]) -> tuple[str, str]:
    """(unit class, measured thing) of a claim: ("count", "staff"), ("money", "USD"),
    ("percent", "percent"), ("duration", "day"), ("date", "date")."""
    if kind == "date" or quantity is None:
        return "date", "date"
    unit = quantity.unit or "count"
    if unit == "count":
        lex = lexicon()
        group = lex.count_class(quantity.noun, predicate_keys)
        if group and group != GENERIC:
            return "count", group
        keys = content_keys(quantity.noun or "")
        return "count", keys[0] if keys else ""
    if unit == "percent":
        return "percent", "percent"
    if unit in DURATIONS:
        return "duration", unit
    if currencies().is_money(unit) or (len(unit) == 3 and unit.isupper()):
        return "money", unit  # an ISO code, or a family whose country the text left open ("dinar")
    return "other", unit


def role(quantity: Quantity | None, words: SentenceWords, start: int, end: int, thing: str, concepts: set[str]) -> str:
    """The role a figure plays (module docstring); ``thing`` is what it measures and
    ``concepts`` the lexicon's concepts of its predicate words."""
    if quantity is None:
        return ""
    if quantity.whole:
        return "whole"
    if quantity.partitive or quantity.total is not None:
        return "part"
    c = cues()
    text = words.text
    if _OF_A_WHOLE.match(text, end):
        return "part"  # "346 of the about 1,100 employees", «660 من أصل قرابة 1063»
    before = text[words.left(start, CUE_WORDS) : start]
    after = text[end : words.right(end, CUE_WORDS)]
    moves = bool(concepts & {"rise", "fall"})
    if moves and c.ends("change", before):
        return "change"  # "rose by 5%"
    if moves and quantity.unit == "percent" and not _TO.search(before):
        return "change"  # "rose 5%", not "rose to 5%"
    if c.starts("rate", after) or c.ends("rate", before):
        return "rate"
    if c.find("total", before):
        return "total"
    if (quantity.unit or "count") != "count":
        return ""
    if _OF_WHOLE.search(before):
        return "whole"  # "about 620 of the around 1,700 employees"
    if c.right_before("whole", before):
        return "whole"  # "there are currently about 700 employees", "OpenAI has 770 employees"
    if thing in c.members and _possessor_opens(clause_before(words, start)):
        return "whole"  # «ولهاريكس 1453 موظفاً»: Harix has 1,453 employees
    acts = concepts - {thing, "staff"}
    if not acts and (c.find("whole", after) or c.find("whole", clause_before(words, start))):
        return "whole"  # "700 employees work at OpenAI", «يعمل لدى زافا للأدوية قرابة 620 موظفاً»
    if thing in c.members and acts:
        return "part"  # "300 employees signed": those who signed
    return ""


_CLAUSE_BREAK = re.compile(r"[,،;؛:()«»\"“”]|\s[—–-]+\s")
# A clause that opens with a name or an organisation behind the possessive ل (what it has
# comes next): «ولهاريكس»، «ولشركة نيدال للأغذية»، «ولمجموعة رينابول للطاقة القابضة».
_POSSESSOR = re.compile(r"^\s*[وف]?ل(?!ل)(?P<name>[^\W\d_]{3,})(?:\s+[^\W\d_]+){0,3}\s*$")


def _possessor_opens(clause: str) -> bool:
    """Whether ``clause`` (the words before a figure in its clause) is only a possessor
    behind «ل»: "X has" in Arabic. A function word behind ل («لكن»، «لأن») is none."""
    m = _POSSESSOR.match(clause)
    if not m:
        return False
    words = name_cues().ar_function_words
    return normalize_for_match(m.group(0).split()[0]) not in words and normalize_for_match(m.group("name")) not in words


def clause_before(words: SentenceWords, start: int) -> str:
    """The text before offset ``start`` in its clause: at most :data:`RECEIVE_WORDS` words,
    none before a comma, colon, parenthesis, quotation mark or dash."""
    text = words.text[words.left(start, RECEIVE_WORDS) : start]
    return text[max((m.end() for m in _CLAUSE_BREAK.finditer(text)), default=0) :]


def figure_time(words: SentenceWords, start: int, end: int, dated: list[tuple[int, int, str]], every: bool = True) -> list[str]:
    """The dates a figure refers to: the year before the year nearest it when a ``year_before``
    cue follows it ("$485 million in 2021, from about $320 million a year earlier": 2020),
    else the sentence date nearest it within its clause (inside its words, or no comma between, at most
    :data:`CUE_WORDS` words away; after it first: "from $114 million in 2022 to more than
    $170 million in 2023"), else every date of the sentence (unless ``every`` is False).
    ``dated`` holds (start, end, ISO date) of the sentence's dates that date what happened."""
    text = words.text
    if dated and _year_before(text[end : words.right(end, CUE_WORDS)]):
        nearest = min(dated, key=lambda d: (min(abs(d[0] - end), abs(start - d[1])), d[0]))
        return [f"{int(nearest[2][:4]) - 1:04d}"]
    best: tuple[int, int, str] | None = None
    for s, e, iso in dated:
        lo, hi = (end, s) if s >= end else (e, start)
        if start <= s and e <= end:
            lo = hi = s  # inside an act's words: «أوقفت الشرطة أمس الخميس مدير السلامة يوسف هلال»
        if hi < lo or _CLAUSE_BREAK.search(text, lo, hi):
            continue
        gap = words.words_between(lo, hi)
        if gap <= CUE_WORDS:
            rank = (gap, 0 if s >= end else 1, s, iso)
            if best is None or rank < best:
                best = rank
    if best is not None:
        return [best[3]]
    return sorted({iso for _, _, iso in dated}) if every else []


def _year_before(after: str) -> bool:
    """Whether ``after`` (the words right after a figure) opens with a ``year_before`` cue,
    one word ("in", «في») allowed before it."""
    pattern = cues().patterns.get("year_before")
    m = pattern.search(after) if pattern else None
    return bool(m and len(_WORD.findall(after[: m.start()])) <= 1)


def sectors(text: str, entities: Iterable[tuple[int, int, str, str]]) -> dict[str, str]:
    """The sector of each named organisation whose name or trade says one: "Noran Energy",
    «نوران للطاقة», «زاجين للخدمات اللوجستية» (``entities``: start, end, canonical, surface).
    A name read with two sectors in one sentence keeps none."""
    lex = lexicon()
    found: dict[str, set[str]] = {}
    for start, end, canonical, surface in entities:
        words = _WORD.findall(surface)
        trade = TRADE.match(text, end)
        if trade:
            words += trade.group().split()
        sector = lex.sector(words)
        if sector:
            found.setdefault(canonical, set()).add(sector)
    return {name: next(iter(s)) for name, s in sorted(found.items()) if len(s) == 1}


def attribution(text: str, speakers: Iterable[str]) -> list[str]:
    """Who or what the sentence attributes its figures to: the names of whoever is quoted,
    else the attribution words it uses ("according to", «بحسب»), in order."""
    names = list(dict.fromkeys(speakers))
    return names or list(dict.fromkeys(cues().find("attribution", text)))


def frame_of(
    kind: str,
    quantity: Quantity | None,
    words: SentenceWords,
    start: int,
    end: int,
    subject: str,
    obj: str,
    predicate: str,
    time: list[str],
    places: list[str],
    attributed: list[str],
    trades: dict[str, str] | None = None,
) -> Frame:
    """The frame of the mention ``words.text[start:end]`` (offsets into the sentence).

    ``subject`` and ``obj`` are the names bound before and after the figure; the frame's
    agent is who gives or acts, its patient who receives, so after a verb of receiving
    (the ``receive`` cues) the two change places."""
    keys = predicate.split()
    unit_class, thing = measured(kind, quantity, keys)
    concepts = lexicon().concepts(keys)
    if kind == "quantity" and cues().find("receive", clause_before(words, start)):
        subject, obj = obj, subject  # "Qamak received $42 million from Rataco": Rataco gives
    return Frame(
        agent=subject,
        patient=obj,
        predicate=predicate,
        concepts=sorted(concepts),
        unit_class=unit_class,
        measured=thing,
        role=role(quantity, words, start, end, thing, concepts),
        time=time,
        place=places,
        attribution=attributed,
        sectors=dict(trades or {}),
    )


def event_frame(event, time: list[str], places: list[str], attributed: list[str], trades: dict[str, str] | None = None) -> Frame:
    """The frame of an event claim (:class:`factcheck.claims.events.EventMention`): who acted,
    on whom, the action (its measured thing and concept), when, where, says who."""
    return Frame(
        agent=event.agent,
        patient=event.patient,
        predicate=" ".join(content_keys(event.quote[: len(event.quote.split()[0])])) if event.quote.split() else "",
        concepts=[event.action],
        unit_class="event",
        measured=event.action,
        time=time,
        place=places,
        attribution=attributed,
        sectors=dict(trades or {}),
    )


def roles_compatible(a: str, b: str) -> bool:
    """Whether figures in roles ``a`` and ``b`` can answer one question: a part never
    answers a headcount, a change never a level, a rate never a sum.

    >>> roles_compatible("part", "whole"), roles_compatible("part", ""), roles_compatible("change", "")
    (False, True, False)
    """
    if a == b:
        return True
    pair = {a, b}
    if "change" in pair or "rate" in pair:
        return False
    return pair != {"part", "whole"}
