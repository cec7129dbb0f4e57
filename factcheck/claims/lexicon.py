"""What figures measure, across languages: ``factcheck/data/lexicon.toml``.

Counted nouns: "340 people" and "430 staff" count one thing; "12 dead" and "40 injured"
never do, in any language. Concepts: "استثمر" and "invested" say the same about a figure,
"revenue" and "خسارة" do not. The lexicon is data a user extends (``FACTCHECK_LEXICON=FILE``),
not code.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from importlib import resources
from pathlib import Path

from factcheck.claims.context import content_keys, word_key
from factcheck.config import check_keys, is_word, load_toml, parse_toml, shown, type_name
from factcheck.errors import ConfigError

GENERIC = "*"


class Lexicon:
    def __init__(
        self,
        generic: list[str],
        groups: dict[str, list[str]],
        concepts: dict[str, list[str]],
        frame: dict[str, list[str]] | None = None,
        asks: dict[str, list[str]] | None = None,
        sectors: dict[str, list[str]] | None = None,
        links: Iterable[str] = (),
    ):
        self._group: dict[str, str] = {}
        for word in generic:
            self._group[word_key(word)] = GENERIC
        for name, words in groups.items():
            for word in words:
                self._group.setdefault(word_key(word), name)
        self._group_names = set(groups)
        self._concepts: dict[str, set[str]] = {}
        for name, words in concepts.items():
            for word in words:
                self._concepts.setdefault(word_key(word), set()).add(name)
        self._sector: dict[str, str] = {}
        for name, words in sorted((sectors or {}).items()):
            for word in words:
                self._sector.setdefault(word_key(word), name)
        #: concepts that only link the words of others ("contributions": "invested" and
        #: "donated"): they compare claims but never name what a cluster measures
        self.links: frozenset[str] = frozenset(links)
        #: each concept's English questions (its ``ask`` list), for cluster labels
        self.asks: dict[str, tuple[str, ...]] = {name: tuple(q) for name, q in sorted((asks or {}).items())}
        #: the [frame] cue lists (whole, total, change, rate, members, receive, attribution), as written
        self.frame: dict[str, tuple[str, ...]] = {key: tuple(dict.fromkeys((frame or {}).get(key, []))) for key in FRAME_KEYS}
        state = (
            sorted(self._group.items()),
            sorted((k, sorted(v)) for k, v in self._concepts.items()),
            sorted(self.frame.items()),
            sorted(self.asks.items()),
            sorted(self._sector.items()),
            sorted(self.links),
        )
        self.fingerprint = hashlib.sha256(repr(state).encode("utf-8")).hexdigest()[:16]

    @classmethod
    def load(cls, extra: Path | None = None) -> Lexicon:
        """The shipped lexicon, extended by the file ``extra``; both are checked in full
        (:func:`check_lexicon`), so a bad entry is one line naming the file and the key."""
        generic: list[str] = []
        frame: dict[str, list[str]] = {}
        asks: dict[str, list[str]] = {}
        links: set[str] = set()
        tables: dict[str, dict[str, list[str]]] = {"group": {}, "concept": {}, "sector": {}}
        shipped = resources.files("factcheck.data").joinpath("lexicon.toml").read_text("utf-8")
        files = [parse_toml(shipped, "lexicon factcheck/data/lexicon.toml")]
        wheres = ["lexicon factcheck/data/lexicon.toml"]
        if extra is not None:
            files.append(load_toml(Path(extra), "lexicon"))
            wheres.append(f"lexicon {extra}")
        for data, where in zip(files, wheres):
            check_lexicon(data, where)
            generic += data.get("generic", [])
            for key, words in data.get("frame", {}).items():
                frame.setdefault(key, []).extend(words)
            for section, table in tables.items():
                for entry in data.get(section, []):
                    table.setdefault(entry["name"], []).extend(entry["words"])
                    if "ask" in entry:
                        asks.setdefault(entry["name"], []).extend(entry["ask"])
                    if entry.get("link"):
                        links.add(entry["name"])
        return cls(generic, tables["group"], tables["concept"], frame, asks, tables["sector"], sorted(links))

    def count_class(self, noun: str | None, predicate_keys: Iterable[str]) -> str | None:
        """What a count counts: its noun's group, or, for a generic or missing noun, the one
        group its predicate's concepts name ("29 people confirmed dead" -> "dead").

        >>> from factcheck.claims.context import content_keys
        >>> lex = lexicon()
        >>> lex.count_class("people", content_keys("confirmed dead rose")), lex.count_class("قتيلاً", [])
        ('dead', 'dead')
        >>> lex.count_class("people", content_keys("rescued and dead")) is None  # two candidates: unknown
        True
        """
        group = self.group(noun)
        if group is not None and group != GENERIC:
            return group
        named = self.concepts(predicate_keys) & self._group_names
        return next(iter(named)) if len(named) == 1 else None

    def concepts(self, keys: Iterable[str]) -> set[str]:
        """The concepts of word keys (as ``claims/context.py`` stores them).

        >>> from factcheck.claims.context import content_keys
        >>> lex = lexicon()
        >>> lex.concepts(content_keys("تكبدت خسارة صافية")) == lex.concepts(content_keys("a net loss")) == {"loss"}
        True
        """
        found: set[str] = set()
        for key in keys:
            found |= self._concepts.get(key, set())
        return found

    def group(self, noun: str | None) -> str | None:
        """The group of a counted noun ("*" for a generic one), or None when the table does not know it.

        >>> table = lexicon()
        >>> table.group("الموظفين") == table.group("staff") == "staff"
        True
        >>> table.group("قتلى"), table.group("wounded"), table.group("people"), table.group("apples")
        ('dead', 'injured', '*', None)
        """
        keys = content_keys(noun or "")
        return self._group.get(keys[0]) if keys else None

    def group_of_key(self, key: str) -> str | None:
        """The group of a word key (as :func:`factcheck.claims.context.word_key` gives it),
        None for a generic noun or one the table does not know."""
        group = self._group.get(key)
        return None if group == GENERIC else group

    def sector(self, words: Iterable[str]) -> str | None:
        """The sector the first of ``words`` that names one names ("Energy", «للطاقة»).

        >>> lexicon().sector(["Noran", "Energy"]) == lexicon().sector(["للطاقة"]) == "energy"
        True
        """
        for word in words:
            for key in content_keys(word):
                if key in self._sector:
                    return self._sector[key]
        return None

    def compatible(self, a: str | None, b: str | None) -> bool | None:
        """True: the same kind of thing; False: different kinds; None: the table cannot tell."""
        ga, gb = self.group(a), self.group(b)
        if ga is None or gb is None:
            return None
        return ga == gb or GENERIC in (ga, gb)


_SECTIONS = ("group", "concept", "sector")
#: the cue lists of the [frame] table (see factcheck/data/lexicon.toml)
FRAME_KEYS = ("whole", "total", "change", "rate", "members", "receive", "attribution", "own_measures", "year_before")
#: [frame] lists of earlier versions, refused with the reason they are gone
RETIRED_FRAME_KEYS = {"transfers": "an amount bound to two parties, one giving to the other, is a transfer whatever its words; delete the list"}
_ENTRY_KEYS = {"group": ("name", "words"), "concept": ("name", "words", "ask", "link"), "sector": ("name", "words")}
_PLACEHOLDERS = ("agent", "patient", "name", "thing", "place")
_ASK_CLASSES = ("date", "count", "money", "percent")


def check_lexicon(data: dict, where: str) -> None:
    """Refuse anything but the lexicon's shape: ``generic`` a list of words, ``[[group]]`` and
    ``[[concept]]`` entries each with a ``name`` and a non-empty list of ``words``. A word must
    keep some letters once stemmed, or it would match every word that stems to nothing."""
    unknown = sorted(set(data) - {"generic", "frame", *_SECTIONS})
    if unknown:
        raise ConfigError(f"{where}: unknown key {unknown[0]!r} (known: generic, [frame], [[group]], [[concept]], [[sector]])")
    _check_words(data.get("generic", []), f"{where}: 'generic'")
    frame = data.get("frame", {})
    if not isinstance(frame, dict):
        raise ConfigError(f"{where}: 'frame' must be a [frame] table of word lists, not {shown(frame)}")
    retired = sorted(set(frame) & set(RETIRED_FRAME_KEYS))
    if retired:
        raise ConfigError(f"{where}: [frame] {retired[0]!r} is no longer read: {RETIRED_FRAME_KEYS[retired[0]]}")
    check_keys(frame, FRAME_KEYS, f"{where}: [frame]")
    for key, words in frame.items():
        _check_words(words, f"{where}: [frame] {key!r}")
    for section in _SECTIONS:
        entries = data.get(section, [])
        if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
            raise ConfigError(f"{where}: {section!r} must be written as [[{section}]] tables with a name and words, not {shown(entries)}")
        for i, entry in enumerate(entries, start=1):
            label = f"{where}: [[{section}]] #{i}"
            if "name" not in entry:
                raise ConfigError(f"{label} needs a name and a list of words")
            if not is_word(entry["name"]):
                raise ConfigError(f"{label}: 'name' must be a non-empty string, not {shown(entry['name'])}")
            label = f"{label} ({entry['name']!r})"
            check_keys(entry, _ENTRY_KEYS[section], label)
            if "words" not in entry:
                raise ConfigError(f"{label} needs a name and a list of words")
            _check_words(entry["words"], f"{label}: 'words'", empty_ok=False)
            if "ask" in entry:
                _check_asks(entry["ask"], f"{label}: 'ask'")
            if "link" in entry and not isinstance(entry["link"], bool):
                raise ConfigError(f"{label}: 'link' must be true or false, not {shown(entry['link'])}")


def _check_asks(asks: object, label: str) -> None:
    if not isinstance(asks, list) or not all(is_word(q) for q in asks):
        raise ConfigError(f"{label} must be a list of questions (strings), not {shown(asks)}")
    for question in asks:
        tag, _, rest = question.partition(":")
        if rest and tag.strip() not in _ASK_CLASSES and " " not in tag.strip():
            raise ConfigError(f"{label}: {shown(question)} is tagged {tag.strip()!r}; known tags: {', '.join(_ASK_CLASSES)}")
        for name in re.findall(r"{([^{}]*)}", question):
            if name not in _PLACEHOLDERS:
                raise ConfigError(f"{label}: {shown(question)} uses {{{name}}}; known: {', '.join('{' + p + '}' for p in _PLACEHOLDERS)}")


def _check_words(words: object, label: str, empty_ok: bool = True) -> None:
    if not isinstance(words, list):
        raise ConfigError(f"{label} must be a list of words (strings), not {shown(words)}")
    if not words and not empty_ok:
        raise ConfigError(f"{label} must list at least one word")
    for word in words:
        if not isinstance(word, str):
            raise ConfigError(f"{label} must be a list of words (strings); {shown(word)} is {type_name(word)}")
        if not word_key(word):
            raise ConfigError(f"{label}: {shown(word)} has no letters left to match once stemmed")


@lru_cache(maxsize=4)
def _load(extra: str | None) -> Lexicon:
    return Lexicon.load(Path(extra) if extra else None)


_pinned: Lexicon | None = None


def lexicon() -> Lexicon:
    """The shipped lexicon, extended by the file ``FACTCHECK_LEXICON`` names, if any (or the
    one :func:`pinned_lexicon` holds)."""
    if _pinned is not None:
        return _pinned
    return _load(os.environ.get("FACTCHECK_LEXICON") or None)


@contextmanager
def pinned_lexicon() -> Iterator[Lexicon]:
    """Hold the lexicon of the moment for a block: alignment asks for it several times per
    candidate pair, and reading the environment each time costs more than the rules that use it."""
    global _pinned
    outer = _pinned
    _pinned = lexicon()
    try:
        yield _pinned
    finally:
        _pinned = outer
