"""Who asserts a claim, and how: the quoted speaker, the party a verb of saying or an
attribution phrase names, or the source itself.

"Musk says he gave about $100M" and "OpenAI says it raised less than $45M from Musk" are a
dispute between two parties that every outlet may report faithfully, not one outlet's
error; a figure inside an email an article quotes is its writer's. So every claim records
an :class:`Attribution`:

- **inside a quotation** (``"…"``, ``“…”``, ``«…»``; a quotation may run over several
  sentences), the quoted speaker: the name next to a verb of saying before the opening
  mark in its sentence, else the first person or organisation of the clause that a colon
  ends there ("Altman wrote to Musk: …", «أجاب ماسك: …»), else the one a verb of saying
  names after the closing mark ("…," Musk said). ``how`` is ``quote``.
- **outside one**, the party of the sentence's attribution: "according to X", «بحسب X»,
  «وفقاً لـ X», «نقلاً عن X» (``according_to``); a name next to a verb of saying, nearest
  the claim (``says``); a pronoun or a subject-less Arabic verb of saying ("he said",
  «وأضاف») names the person the last sentence naming one names first (``says``). The words cited may name a
  document (a filing, emails: ``document``), a post (``post``) or an unnamed source
  ("people familiar with the matter", «مصادر مطلعة»: ``anonymous``).
- **otherwise** the source's own statement: ``how`` is empty and the claim is endorsed.

A claim the source gives to someone else is not endorsed (``endorsed`` False), whether
or not the source seems to agree: reporting what a party says is not asserting it.
The cue words are data (``factcheck/data/attribution.toml``, extended with
``FACTCHECK_ATTRIBUTION=FILE``).
"""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from factcheck.claims.context import is_stopword
from factcheck.claims.frames import CLITICS, phrase_pattern
from factcheck.claims.name_keys import name_key, names_meet, word_keys
from factcheck.claims.model import Attribution
from factcheck.config import load_toml, parse_toml
from factcheck.errors import ConfigError

#: the attribution lists (factcheck/data/attribution.toml)
LISTS = ("saying", "according_to", "document", "post", "anonymous", "pronoun", "addressee", "organisation", "author", "subject")
#: names a speaker may be
SPEAKER_TYPES = ("person", "organisation", "name", "speaker")
_CITED_WORDS = 6  # how far after "according to" the cited party may be named
_SPEAKER_GAP = 4  # words between a name and its verb of saying ("Musk, the chief executive, said")

_OPENING = {"«": "»", "“": "”", "„": "”"}
_STRAIGHT = '"'
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_PAUSE = re.compile(r"[,،;؛:.!?؟]")
_ARABIC = re.compile(r"[\u0600-\u06ff]")


SOURCE = Attribution()


@dataclass(frozen=True)
class Voice:
    """A name in a sentence, offsets into the sentence, and whether it is next to a verb
    of saying (:attr:`factcheck.claims.entities.Entity.speaks`)."""

    canonical: str
    type: str
    start: int
    end: int
    speaks: bool


class Cues:
    """The attribution lists compiled once."""

    def __init__(self, lists: dict[str, list[str]]):
        self.patterns = {key: phrase_pattern(lists.get(key, []), CLITICS) for key in LISTS}
        state = repr(sorted((key, sorted(set(lists.get(key, [])))) for key in LISTS))
        #: changes when a list does: stored claims were attributed under another
        self.fingerprint = hashlib.sha256(state.encode("utf-8")).hexdigest()[:16]

    def find(self, key: str, text: str, lo: int = 0, hi: int | None = None) -> list[re.Match]:
        """The matches of one list in text[lo:hi]; not inside a word whose letters carry
        marks («يُذكر», "it is said", does not hold «ذكر»)."""
        pattern = self.patterns[key]
        if pattern is None:
            return []
        return [m for m in pattern.finditer(text, lo, len(text) if hi is None else hi) if not _inside_word(text, m.start())]


def load_cues(path: Path | None = None) -> Cues:
    """The shipped lists, extended by the file ``path``; a bad entry is one line."""
    shipped = resources.files("factcheck.data").joinpath("attribution.toml").read_text("utf-8")
    tables = [(parse_toml(shipped, "attribution factcheck/data/attribution.toml"), "attribution factcheck/data/attribution.toml")]
    if path is not None:
        tables.append((load_toml(Path(path), "attribution"), f"attribution {path}"))
    lists: dict[str, list[str]] = {}
    for data, where in tables:
        for key, words in data.items():
            if key not in LISTS:
                raise ConfigError(f"{where}: unknown list {key!r} (known: {', '.join(LISTS)})")
            if not isinstance(words, list) or not all(isinstance(w, str) and w.strip() for w in words):
                raise ConfigError(f"{where}: {key} must be a list of words")
            lists.setdefault(key, []).extend(words)
    return Cues(lists)


@lru_cache(maxsize=4)
def _cues(extra: str | None) -> Cues:
    return load_cues(Path(extra) if extra else None)


def cues() -> Cues:
    """The attribution lists, extended by the file ``FACTCHECK_ATTRIBUTION`` names, if any."""
    return _cues(os.environ.get("FACTCHECK_ATTRIBUTION") or None)


def quotations(text: str, start: int = 0) -> list[tuple[int, int, bool]]:
    """The quotations of ``text`` from ``start``: (opening mark, closing mark + 1, closed),
    outermost only, in order. A straight ``"`` opens after a space, a line start or a colon and
    closes before a space or punctuation; a quotation never closed ends with its paragraph
    (a line break).

    >>> s = 'He wrote: "For $10M we get $60M of compute. We can also advise." Musk replied.'
    >>> [s[a:b] for a, b, _ in quotations(s)]
    ['"For $10M we get $60M of compute. We can also advise."']
    >>> s = 'أجاب ماسك: "هذا هو "العار التسويقي" لشركة Microsoft." ثم'
    >>> [s[a:b] for a, b, _ in quotations(s)]
    ['"هذا هو "العار التسويقي" لشركة Microsoft."']
    """
    spans: list[tuple[int, int, bool]] = []
    stack: list[tuple[str, int]] = []  # (closing mark, where it opened)
    for i in range(start, len(text)):
        ch = text[i]
        if ch == "\n":  # a paragraph ends every quotation left open in it
            if stack:
                spans.append((stack[0][1], i, False))
                stack.clear()
            continue
        if ch in _OPENING:
            stack.append((_OPENING[ch], i))
        elif stack and ch == stack[-1][0] and ch != _STRAIGHT:
            _, opened = stack.pop()
            if not stack:
                spans.append((opened, i + 1, True))
        elif ch == _STRAIGHT:
            before = text[i - 1] if i > start else " "
            after = text[i + 1] if i + 1 < len(text) else " "
            opens = (before.isspace() or before in ":(—-،") and (after.isalnum() or after in "«“$")
            closes = not before.isspace() and (after.isspace() or not after.isalnum())
            if stack and stack[-1][0] == _STRAIGHT and (closes or not opens):
                _, opened = stack.pop()
                if not stack:
                    spans.append((opened, i + 1, True))
            elif opens:
                stack.append((_STRAIGHT, i))
    if stack:
        spans.append((stack[0][1], len(text), False))
    return spans


class Attributor:
    """Attributes the claims of one source, sentence by sentence in order (a quotation may
    run over several sentences, and a pronoun names the person named first in the last
    sentence that names one)."""

    def __init__(self, text: str, body_start: int = 0, lists: Cues | None = None, names: Iterable[str] = ()):
        self.cues = lists or cues()
        # the source's names by the keys of their words, for a speaker written in a spelling
        # the name finder missed there (looked up by key: linear in the source)
        self._names_by_key: dict[str, list[tuple[str, str]]] = {}
        for name in sorted(set(names)):
            for word in name_key(name):
                for key in word_keys(word):
                    self._names_by_key.setdefault(key, []).append((name, word))
        self.quotes = [list(q) for q in quotations(text, body_start)]  # an unclosed one may be cut short
        self._starts = [q[0] for q in self.quotes]
        self.speakers: dict[int, tuple[str, str]] = {}  # quotation start -> (speaker, cue)
        self.last_person = ""
        self.last_org = ""

    def _quotation(self, pos: int) -> list | None:
        k = bisect_right(self._starts, pos) - 1
        if k >= 0 and self.quotes[k][0] <= pos < self.quotes[k][1]:
            return self.quotes[k]
        return None

    def read(self, sentences: list[tuple[int, str, list[Voice], list[tuple[int, int]]]]) -> list[list[Attribution]]:
        """The attribution of each mention of each sentence, in order: (the sentence's
        start in the source, its text, its names, its mentions as offsets into it).

        Two passes: the first finds each quotation's speaker, who may be named where it
        opens or only where it closes, sentences later ("…," Alvarado said), and how far a
        quotation whose closing mark is lost runs; the second attributes every mention."""
        heard = []
        for start, text, voices, mentions in sentences:
            voices = [v for v in voices if v.type in SPEAKER_TYPES]
            voices = sorted(voices + self._spelled(text, voices), key=lambda v: (v.start, v.end, v.canonical))
            heard.append((start, text, voices, mentions, self.last_person, self.last_org))
            self._hear(start, text, voices)
            self._remember(voices)
        out = []
        for start, text, voices, mentions, self.last_person, self.last_org in heard:
            said = []
            for s, e in mentions:
                quote = self._quotation(start + s)
                if quote is not None and quote[1] >= start + e:
                    speaker, cue = self.speakers.get(quote[0], ("", ""))
                    said.append(Attribution(speaker, "quote", cue))
                else:
                    said.append(self._reported(text, s, e, voices))
            out.append(said)
        return out

    def _hear(self, start: int, text: str, voices: list[Voice]) -> None:
        """Who speaks the quotations that open or close in this sentence."""
        end = start + len(text)
        for q in self.quotes[bisect_left(self._starts, start) : bisect_left(self._starts, end)]:  # opening here
            if q[0] not in self.speakers:
                self.speakers[q[0]] = self._quote_speaker(text, q[0] - start, min(q[1], end) - start, voices)
        held = self._quotation(start)  # opened before, perhaps closing here
        if held is not None and held[0] < start and held[1] <= end and not self.speakers.get(held[0], ("", ""))[0]:
            named = self._after_quote(text, held[1] - start, 0, voices)
            if named[0]:
                self.speakers[held[0]] = named
        # a quotation left open (its closing mark lost) ends before a sentence that names its
        # speaker: a speaker quoted does not name themselves, the narrator does
        held = self._quotation(start)
        if held is not None and not held[2] and held[0] < start:
            speaker = self.speakers.get(held[0], ("", ""))[0]
            if speaker and any(v.canonical == speaker for v in voices):
                held[1] = start

    def _remember(self, voices: list[Voice]) -> None:
        """Who "he" and "the company" refer to after this sentence: the person it names first,
        mostly its subject (a name typed so, one that speaks in it, or one of two words or more,
        else any name not typed an organisation: '"We placed Orvane under administration,"
        Qaltoun said': Qaltoun; "Her predecessor, Halvern Drostik, whose dismissal by Minister
        Ilvane Varodine …, left. … he said": Drostik), and the last organisation it names."""
        persons = [v for v in voices if v.type in ("person", "name", "speaker")]
        # a person by type, or a name of two words or more, in order; else any name
        likely = [v for v in persons if v.type in ("person", "speaker") or len(v.canonical.split()) > 1] or persons
        if likely:
            self.last_person = min(likely, key=lambda v: (v.start, v.canonical)).canonical
        organisations = [v for v in voices if v.type in ("organisation", "name")]
        if organisations:
            self.last_org = max(organisations, key=lambda v: (v.type == "organisation", v.start)).canonical

    def _spelled(self, text: str, voices: list[Voice]) -> list[Voice]:
        """Words of the sentence that are a name the source writes elsewhere («ماسك» where
        "Musk" was found), outside the names already found in it."""
        taken = [(v.start, v.end) for v in voices]
        taken += [(m.start(), m.end()) for key in LISTS for m in self.cues.find(key, text)]  # «وأشار» is no name
        found = []
        for m in _WORD.finditer(text):
            if len(m.group()) < 3 or any(a <= m.start() < b for a, b in taken) or is_stopword(m.group()):
                continue
            if m.group()[0].isascii() and not m.group()[0].isupper():
                continue  # "the former port chief": a Latin-script name is capitalised
            candidates = sorted({pair for key in word_keys(m.group()) for pair in self._names_by_key.get(key, ())})
            name = next((n for n, w in candidates if names_meet(m.group(), w)), None)
            if name:
                found.append(Voice(name, "name", m.start(), m.end(), False))
        return found

    # -- quotations ------------------------------------------------------------------------
    def _quote_speaker(self, text: str, opening: int, closing: int, voices: list[Voice]) -> tuple[str, str]:
        lead = text[:opening]
        clause_start = max((m.end() for m in re.finditer(r"[.!?؟؛;]\s", lead)), default=0)
        before = [v for v in voices if clause_start <= v.start and v.end <= opening and not self._addressed(text, clause_start, v)]
        saying = self.cues.find("saying", text, clause_start, opening)
        named = _nearest_speaker(before, saying, text)
        if named:
            return named
        referred = self._referred_org(text, saying)
        if referred and self.last_org:  # 'it wrote: "…"', 'the company said: "…"'
            return self.last_org, referred
        pronoun = self._referred_person(text, saying, clause_start, opening)
        persons = [v for v in before if v.type in ("person", "speaker")]
        if pronoun and _ARABIC.search(pronoun) is not None and persons:
            # «رفض الرئيس التنفيذي مروان الدباغ الدعوات، وقال: «…»»: a verb of saying with no
            # subject of its own joins the clause before it, whose subject is named in the sentence
            return persons[0].canonical, pronoun
        if pronoun and self.last_person:  # 'In a post on X, he wrote: "…"'
            return self.last_person, pronoun
        colon = lead.rstrip().endswith(":")
        if colon and before:
            return before[0].canonical, text[clause_start:opening].strip()[-60:]
        if colon and saying:  # "كتب ألتمان:": the words between the verb and the colon, a name none found
            words = _WORD.findall(lead[saying[-1].end() :])
            if 1 <= len(words) <= 3 and not any(is_stopword(w) or self._cited_kind(w) for w in words):
                return " ".join(words), saying[-1].group().strip()
        return self._after_quote(text, closing, clause_start, voices, opening)

    def _after_quote(self, text: str, closing: int, clause_start: int, voices: list[Voice], opening: int | None = None) -> tuple[str, str]:
        """The speaker a verb of saying names after a quotation's closing mark ("…," Musk
        said; "…," he said), in the sentence where it closes."""
        after = [v for v in voices if v.start >= closing]
        saying_after = self.cues.find("saying", text, closing)
        named = _nearest_speaker(after, saying_after, text)
        if named:
            return named
        pronoun = (self.cues.find("pronoun", text, clause_start, opening) if opening is not None else []) + self.cues.find("pronoun", text, closing)
        if pronoun and saying_after and self.last_person:
            return self.last_person, pronoun[0].group()
        return "", ""

    def _addressed(self, text: str, lo: int, voice: Voice) -> bool:
        """Whether the name is who is spoken to: right after "to", «إلى» (quote marks aside)."""
        return any(m.end() >= voice.start - 3 and not text[m.end() : voice.start].strip(' "«“') for m in self.cues.find("addressee", text, lo, voice.start))

    # -- reported speech -------------------------------------------------------------------
    def _reported(self, text: str, s: int, e: int, voices: list[Voice]) -> Attribution:
        outside = [v for v in voices if not (v.start < e and v.end > s)]
        cited = []  # (match, the words cited, the names among them)
        for m in self.cues.find("according_to", text):
            if m.start() < e and m.end() > s:
                continue
            reach = _words_end(text, m.end(), _CITED_WORDS)
            pause = _PAUSE.search(text, m.end(), reach)  # "according to a filing, Musk gave": the filing
            reach = pause.start() if pause else reach
            cited.append((m, text[m.end() : reach], [v for v in outside if m.end() <= v.start < reach]))
        # a party named, by "according to" first, then by a verb of saying ("Musk says …,
        # according to a lawsuit": Musk's); then what is cited without a name
        for m, words, named in cited:
            if named:
                return Attribution(named[0].canonical, self._cited_kind(words) or "according_to", m.group().strip())
        saying = [m for m in self.cues.find("saying", text) if not (m.start() < e and m.end() > s)]
        named = _nearest_speaker([v for v in outside if not self._addressed(text, 0, v)], saying, text, near=s)
        if named:
            return Attribution(named[0], "says", named[1])
        authored = self._authored(text, outside)  # "a court filing by Corvale Freight puts the number at 185"
        if authored is not None:
            return authored
        referred = self._referred_org(text, saying)
        if referred and self.last_org:  # "the company said", "it said": the organisation named last
            return Attribution(self.last_org, "says", referred)
        for m, words, _ in cited:
            return Attribution("", self._cited_kind(words) or "according_to", (m.group() + words).strip())
        if saying:
            anonymous = self.cues.find("anonymous", text)
            if anonymous:
                return Attribution("", "anonymous", anonymous[0].group())
            pronoun = self.cues.find("pronoun", text)
            if pronoun and self.last_person:
                return Attribution(self.last_person, "says", pronoun[0].group())
        return SOURCE

    def _referred_person(self, text: str, saying: list[re.Match], lo: int, hi: int) -> str:
        """A pronoun right before an English verb of saying in text[lo:hi] ("he wrote"), or a
        subject-less Arabic one («وأضاف»), as written; "" when none is."""
        for m in self.cues.find("pronoun", text, lo, hi):
            if _ARABIC.search(m.group()) is not None or any(m.end() <= v.start() and _gap(text, m.end(), v.start()) <= 1 for v in saying):
                return m.group().strip()
        return ""

    def _referred_org(self, text: str, saying: list[re.Match]) -> str:
        """The words that refer back to an organisation as the subject of a verb of saying
        ("the company said", "it wrote", «وقالت الشركة»), as written; "" when none is."""
        for m in self.cues.find("organisation", text):
            for verb in saying:
                if _ARABIC.search(verb.group()) is not None:
                    bound = verb.end() <= m.start() and _gap(text, verb.end(), m.start()) == 0
                else:
                    bound = m.end() <= verb.start() and _gap(text, m.end(), verb.start()) <= 1  # "it has said"
                if bound:
                    return m.group().strip()
        return ""

    def _authored(self, text: str, voices: list[Voice]) -> Attribution | None:
        """A document or post and its author named right after it ("a filing by X")."""
        for key in ("document", "post"):
            for m in self.cues.find(key, text):
                by = self.cues.find("author", text, m.end(), min(len(text), m.end() + 30))
                if not by or text[m.end() : by[0].start()].strip():
                    continue
                named = [v for v in voices if by[0].end() <= v.start and not text[by[0].end() : v.start].strip(" \"«“")]
                if named:
                    return Attribution(named[0].canonical, key, (m.group() + text[m.end() : by[0].end()]).strip())
        return None

    def _cited_kind(self, words: str) -> str:
        for key in ("anonymous", "document", "post"):
            if self.cues.find(key, words):
                return key
        return ""


def reported_of_speaker(text: str, start: int, lists: Cues | None = None) -> int | None:
    """Where the clause reporting the figure at ``text[start:]`` opens, when it is reported
    of its speaker: the last verb of saying before the figure is followed by a pronoun that
    is the speaker ("Musk says he gave about $100 million"; in Arabic after the speaker's
    name, «قال ماسك إنه تبرع بـ 100 مليون دولار»). None otherwise."""
    lists = lists or cues()
    saying = lists.find("saying", text, 0, start)
    if not saying:
        return None
    verb = saying[-1]
    subject = lists.find("subject", text, verb.end(), start)
    if not subject:
        return None
    first = subject[0]
    between = _gap(text, verb.end(), first.start())
    if _ARABIC.search(verb.group()) is not None:
        near = between <= _SPEAKER_GAP  # «قال ألتمان إنه»: the speaker's name between
    elif first.group().lower().startswith("that"):
        # "wrote in a post on social media that he had invested": where, then what, one clause
        near = between <= 2 * _SPEAKER_GAP and not _PAUSE.search(text, verb.end(), first.start())
    else:
        near = between == 0  # "says he gave"
    return first.end() if near else None


def _inside_word(text: str, pos: int) -> bool:
    k = pos - 1
    while k >= 0 and unicodedata.category(text[k]) == "Mn":
        k -= 1
    return k < pos - 1 and k >= 0 and text[k].isalpha()


def _words_end(text: str, pos: int, words: int) -> int:
    end = pos
    for k, m in enumerate(_WORD.finditer(text, pos)):
        if k == words:
            break
        end = m.end()
    return end


def _gap(text: str, a: int, b: int) -> int:
    return len(_WORD.findall(text[a:b])) if a <= b else len(_WORD.findall(text[b:a]))


def _nearest_speaker(voices: list[Voice], saying: list[re.Match], text: str, near: int | None = None) -> tuple[str, str] | None:
    """The name bound to a verb of saying, the verb nearest ``near`` when given: (name, verb).

    Each verb binds one name, on the side its language puts the subject: the first name at
    most :data:`_SPEAKER_GAP` words after an Arabic verb (VSO: «قال ماسك»); the nearest
    name at most that many words before an English one ("OpenAI said Musk gave": OpenAI),
    the name before an apposition first ("Musk, OpenAI's co-founder, said": Musk), and only
    when none is there the name right after it ("…, said Musk"). A name the name finder
    marked as speaking and no verb bound is a speaker too."""
    pairs = []
    bound = set()
    for m in saying:
        speaker = _bound_speaker(voices, m, text)
        if speaker is None:
            continue
        bound.add(speaker.start)
        gap = _gap(text, speaker.end, m.start()) if speaker.end <= m.start() else _gap(text, m.end(), speaker.start)
        pairs.append((abs(m.start() - near) if near is not None else gap, gap, speaker.start, speaker.canonical, m.group()))
    for v in voices:
        if v.speaks and v.start not in bound:
            verb = min(saying, key=lambda m: (abs(m.start() - v.start), m.start()), default=None)
            pairs.append((abs(v.start - near) if near is not None else 0, 0, v.start, v.canonical, verb.group() if verb else ""))
    if not pairs:
        return None
    _, _, _, name, verb = min(pairs)
    return name, verb.strip()


def _bound_speaker(voices: list[Voice], verb: re.Match, text: str) -> Voice | None:
    """The name a verb of saying binds (see :func:`_nearest_speaker`), or None."""
    if _ARABIC.search(verb.group()) is not None:
        after = [v for v in voices if v.start >= verb.end() and _gap(text, verb.end(), v.start) <= _SPEAKER_GAP]
        return min(after, key=lambda v: v.start, default=None)
    before = [v for v in voices if v.end <= verb.start() and _gap(text, v.end, verb.start()) <= _SPEAKER_GAP]
    apposed = [v for v in voices if v.end <= verb.start() and _apposition(text[v.end : verb.start()])]
    if before or apposed:
        return min(apposed, key=lambda v: v.start) if apposed else max(before, key=lambda v: v.end)
    if text[: verb.start()].rstrip()[-1:] not in ("", ",", '"', "”", "»", "’"):
        return None  # "It said Musk gave": the verb has its subject; only '…," said Musk' turns round
    after = [v for v in voices if v.start >= verb.end() and _gap(text, verb.end(), v.start) == 0]
    return min(after, key=lambda v: v.start, default=None)


_RELATIVE = re.compile(r"\s*(?:who|which|whose|الذي|التي|الذين)\b", re.IGNORECASE)


def _apposition(between: str) -> bool:
    """Whether the words between a name and its verb are one phrase set off by commas, at
    most twice :data:`_SPEAKER_GAP` words ("Musk, a co-founder of OpenAI, said"), or four
    times for a relative clause ("Musk, who co-founded OpenAI and was among its earliest
    backers, has said")."""
    between = between.strip()
    close = max(between.rfind(","), between.rfind("،"))
    if len(between) < 3 or between[0] not in ",،" or close < 1 or len(_WORD.findall(between[close:])) > 2:
        return False  # up to two words after it: "Musk, …, has said", "…, also said"
    inner = between[1:close]
    reach = 4 * _SPEAKER_GAP if _RELATIVE.match(inner) else 2 * _SPEAKER_GAP
    return not _PAUSE.search(inner) and len(_WORD.findall(inner)) <= reach
