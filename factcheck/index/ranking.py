"""How ``factcheck search`` ranks sentences: meaning and words together.

Vectors alone rank by topic: asked "how much did Musk pay OpenAI", a multilingual encoder
finds every sentence about money at OpenAI, salaries and valuations as much as Musk's
payments. Search therefore scores each sentence twice and adds the scores:

- **vector**: the cosine of the query's and the sentence's embeddings (what the sentence
  index returns);
- **keyword**: the share of the query's *units* the sentence holds, each unit weighted by
  how rare it is among the sentences compared (BM25's idf). A unit is one content word of
  the query together with everything it may match: its stem ("signed" and "signing"), its
  lexicon concepts and counted-noun group ("employees", «موظفين» and "staff" are one
  group, "invested" and «استثمر» one concept; :mod:`factcheck.claims.lexicon`), its
  event action ("fired", «أقال»: :mod:`factcheck.claims.events`) and its readings as a
  name's word ("Musk" and «ماسك»: :mod:`factcheck.claims.name_keys`, matched against the
  names the sentence's claims record). A question word adds one unit for the kind of
  claim it asks for ("how many": a count; "when", «متى»: a date; ``questions.toml``), met
  by a sentence holding a claim of that kind.

``score = (1 - KEYWORD_WEIGHT) * vector + KEYWORD_WEIGHT * keyword``. Both parts lie in
[0, 1] for the shipped models (their cosines are positive in practice), so the score does
too, and ``--min-score`` cuts on it. The keyword part is computed over the
:data:`POOL` sentences nearest in meaning (at least ``4 * k``), so a sentence must be
somewhat near the query to be found at all; ties are broken by the vector score, then by
the sentence's index id, so the order is the same on every run.
"""

from __future__ import annotations

import math
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from factcheck.claims.context import content_keys
from factcheck.claims.events import event_lexicon
from factcheck.claims.lexicon import lexicon
from factcheck.claims.name_keys import name_key, word_keys
from factcheck.config import load_toml, parse_toml
from factcheck.errors import ConfigError
from factcheck.text.normalize import normalize_for_match

#: weight of the keyword score in the hybrid score (the rest is the cosine); chosen on a
#: development set of queries (docs/evaluation.md, "Search")
KEYWORD_WEIGHT = 0.2
#: sentences nearest in meaning that the keyword score re-ranks (at least 4 * k)
POOL = 200
#: the claim kinds a question may ask for
ASK_CLASSES = ("count", "money", "percent", "duration", "date", "event")

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


@dataclass(frozen=True)
class Questions:
    """Question words and the kinds of claim they ask for (``factcheck/data/questions.toml``)."""

    patterns: tuple[tuple[re.Pattern, frozenset[str]], ...]

    def asks(self, query: str) -> tuple[frozenset[str], frozenset[str]]:
        """The claim kinds ``query`` asks for, from every question phrase it holds, and the
        words of those phrases (normalised), which are not content words of the query.

        >>> [sorted(x) for x in questions().asks("How many employees signed?")]
        [['count'], ['how', 'many']]
        >>> [sorted(x) for x in questions().asks("متى أقيل ألتمان")]
        [['date'], ['متي']]
        """
        text = normalize_for_match(query)
        matches = [(m.start(), m.end(), m.group(), classes) for pattern, classes in self.patterns for m in pattern.finditer(text)]
        found: set[str] = set()
        words: set[str] = set()
        for start, end, phrase, classes in matches:
            if any(s <= start and end <= e and e - s > end - start for s, e, _, _ in matches):
                continue  # inside a longer phrase: «كم» of «كم عدد» asks what «كم عدد» asks
            found |= classes
            words.update(_WORD.findall(phrase))
        return frozenset(found), frozenset(words)


def load_questions(path: Path | None = None) -> Questions:
    """The shipped question table, extended by the file ``path``; a bad entry is one line."""
    shipped = resources.files("factcheck.data").joinpath("questions.toml").read_text("utf-8")
    tables = [(parse_toml(shipped, "questions factcheck/data/questions.toml"), "questions factcheck/data/questions.toml")]
    if path is not None:
        tables.append((load_toml(Path(path), "questions"), f"questions {path}"))
    patterns = []
    for data, where in tables:
        unknown = sorted(set(data) - {"ask"})
        if unknown:
            raise ConfigError(f"{where}: unknown table {unknown[0]!r}")
        for n, entry in enumerate(data.get("ask") or [], start=1):
            if not isinstance(entry, dict) or set(entry) - {"phrases", "classes", "opening"}:
                raise ConfigError(f"{where}: [[ask]] #{n} takes only 'phrases', 'classes' and 'opening'")
            phrases, classes = entry.get("phrases"), entry.get("classes")
            if not isinstance(phrases, list) or not phrases or not all(isinstance(p, str) and p.strip() for p in phrases):
                raise ConfigError(f"{where}: [[ask]] #{n} 'phrases' must be a list of words")
            if not isinstance(classes, list) or not classes or not all(c in ASK_CLASSES for c in classes):
                raise ConfigError(f"{where}: [[ask]] #{n} 'classes' must be a list of {', '.join(ASK_CLASSES)}")
            opening = entry.get("opening", False)
            if not isinstance(opening, bool):
                raise ConfigError(f"{where}: [[ask]] #{n} 'opening' must be true or false")
            words = "|".join(re.escape(normalize_for_match(p)) for p in sorted(phrases, key=lambda p: (-len(p), p)))
            anchor = r"^\W*" if opening else r"(?<![^\W\d_])"
            patterns.append((re.compile(anchor + "(?:" + words + r")(?![^\W\d_])"), frozenset(classes)))
    return Questions(tuple(patterns))


@lru_cache(maxsize=4)
def _questions(extra: str | None) -> Questions:
    return load_questions(Path(extra) if extra else None)


def questions() -> Questions:
    """The question table, extended by the file ``FACTCHECK_QUESTIONS`` names, if any."""
    return _questions(os.environ.get("FACTCHECK_QUESTIONS") or None)


def _word_terms(keys: Iterable[str]) -> set[str]:
    """Stems and the lexicon's concepts and groups of word keys."""
    lex = lexicon()
    terms: set[str] = set()
    for key in keys:
        terms.add("w:" + key)
        terms |= {"c:" + c for c in lex.concepts([key])}
        group = lex.group_of_key(key)
        if group:
            terms.add("g:" + group)
    return terms


def _event_actions(text: str) -> list[tuple[int, str]]:
    """Where the event lexicon's words stand in ``text``, and the action each states."""
    lex = event_lexicon()
    found = []
    for m in lex.pattern.finditer(text):
        form = lex.form_of(m.group("cue"))
        if form:
            found.append((m.start("cue"), form[0]))
    return found


def query_units(query: str) -> list[frozenset[str]]:
    """The query's units, each the set of terms that meets it (one per content word,
    plus one for the kinds of claim a question word asks for)."""
    events = _event_actions(query)
    asked, question_words = questions().asks(query)
    units = []
    for m in _WORD.finditer(query):
        if normalize_for_match(m.group()) in question_words:
            continue
        keys = content_keys(m.group())
        terms = _word_terms(keys) if keys else set()
        action = next((a for pos, a in events if m.start() <= pos < m.end()), None)
        if action:
            terms.add("e:" + action)
        terms |= {"n:" + k for k in word_keys(m.group())} if len(m.group()) > 2 else set()
        if keys or action:
            units.append(frozenset(terms))
    if asked:
        units.append(frozenset("q:" + c for c in asked))
    # one unit per distinct word: a word typed twice counts once
    return list(dict.fromkeys(units))


def sentence_terms(text: str, claims: Sequence[dict]) -> frozenset[str]:
    """What a stored sentence offers a query: its words' terms, its events, the names its
    claims record (each word's readings) and the kinds of its claims."""
    terms = _word_terms(content_keys(text)) | {"e:" + action for _, action in _event_actions(text)}
    for c in claims:
        for name in list(c.get("actors") or []) + list(c.get("entities") or []):
            for word in name_key(name):
                terms |= {"n:" + k for k in word_keys(word)}
        kind = (c.get("frame") or {}).get("unit_class") or c.get("kind")
        if kind in ASK_CLASSES:
            terms.add("q:" + kind)
        if c.get("kind") == "event":
            terms.add("q:event")
    return frozenset(terms)


def keyword_scores(units: list[frozenset[str]], sentences: Sequence[frozenset[str]]) -> list[float]:
    """For each sentence (its terms), the idf-weighted share of ``units`` it meets, in [0, 1].

    >>> keyword_scores([frozenset({"w:a"}), frozenset({"w:b"})], [frozenset({"w:a"}), frozenset({"w:a", "w:b"}), frozenset()])
    [0.324, 1.0, 0.0]
    """
    if not units or not sentences:
        return [0.0] * len(sentences)
    n = len(sentences)
    met = [[bool(u & s) for s in sentences] for u in units]
    weights = []
    for row in met:
        df = sum(row)
        weights.append(math.log(1 + (n - df + 0.5) / (df + 0.5)))
    total = sum(weights)
    return [round(sum(w for w, row in zip(weights, met) if row[i]) / total, 3) if total else 0.0 for i in range(n)]


def hybrid(vector: float, keyword: float) -> float:
    """The search score of a sentence (module docstring)."""
    return round((1 - KEYWORD_WEIGHT) * vector + KEYWORD_WEIGHT * keyword, 4)
