"""What figures measure, across languages: ``factcheck/data/lexicon.toml``.

Counted nouns: "340 people" and "430 staff" count one thing; "12 dead" and "40 injured"
never do, in any language. Concepts: "استثمر" and "invested" say the same about a figure,
"revenue" and "خسارة" do not. The lexicon is data a user extends (``FACTCHECK_LEXICON=FILE``),
not code.
"""

from __future__ import annotations

import hashlib
import os
import tomllib
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources
from pathlib import Path

from factcheck.claims.context import content_keys, word_key
from factcheck.errors import ConfigError

GENERIC = "*"


class Lexicon:
    def __init__(self, generic: list[str], groups: dict[str, list[str]], concepts: dict[str, list[str]]):
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
        state = (sorted(self._group.items()), sorted((k, sorted(v)) for k, v in self._concepts.items()))
        self.fingerprint = hashlib.sha256(repr(state).encode("utf-8")).hexdigest()[:16]

    @classmethod
    def load(cls, extra: Path | None = None) -> Lexicon:
        generic: list[str] = []
        tables: dict[str, dict[str, list[str]]] = {"group": {}, "concept": {}}
        texts = [("factcheck/data/lexicon.toml", resources.files("factcheck.data").joinpath("lexicon.toml").read_text("utf-8"))]
        if extra is not None:
            try:
                texts.append((str(extra), Path(extra).read_text(encoding="utf-8")))
            except (OSError, UnicodeDecodeError) as exc:
                raise ConfigError(f"cannot read lexicon {extra}: {exc}") from exc
        for name, text in texts:
            try:
                data = tomllib.loads(text)
            except tomllib.TOMLDecodeError as exc:
                raise ConfigError(f"lexicon {name}: {' '.join(str(exc).split())}") from exc
            unknown = sorted(set(data) - {"generic", "group", "concept"})
            if unknown:
                raise ConfigError(f"lexicon {name}: unknown key {unknown[0]!r} (known: generic, [[group]], [[concept]])")
            generic += [str(w) for w in data.get("generic", [])]
            for section, table in tables.items():
                for i, entry in enumerate(data.get(section, []), start=1):
                    if not isinstance(entry, dict) or not entry.get("name") or not isinstance(entry.get("words"), list):
                        raise ConfigError(f"lexicon {name}: [[{section}]] #{i} needs a name and a list of words")
                    table.setdefault(str(entry["name"]), []).extend(str(w) for w in entry["words"])
        return cls(generic, tables["group"], tables["concept"])

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

    def compatible(self, a: str | None, b: str | None) -> bool | None:
        """True: the same kind of thing; False: different kinds; None: the table cannot tell."""
        ga, gb = self.group(a), self.group(b)
        if ga is None or gb is None:
            return None
        return ga == gb or GENERIC in (ga, gb)


@lru_cache(maxsize=4)
def _load(extra: str | None) -> Lexicon:
    return Lexicon.load(Path(extra) if extra else None)


def lexicon() -> Lexicon:
    """The shipped lexicon, extended by the file ``FACTCHECK_LEXICON`` names, if any."""
    return _load(os.environ.get("FACTCHECK_LEXICON") or None)
