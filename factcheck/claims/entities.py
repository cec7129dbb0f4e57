"""People and organisations named in a sentence, mapped to canonical names.

Names come from an alias table (``factcheck/data/aliases.toml`` plus any file the user
adds), matched on normalised, clitic-stripped tokens so "لألتمان" and "Altman" meet at
"Sam Altman"; Latin-script capitalised names not in the table are entities too.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from factcheck.errors import ConfigError
from factcheck.text.normalize import normalize_for_match, strip_clitics

_TOKEN = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*", re.UNICODE)
_LATIN_NAME = re.compile(r"\b[A-Z][A-Za-z]+(?:\s+[A-Z][A-Za-z]+)*\b")
# Capitalised Latin words that start sentences or label things but are not names.
_LATIN_STOP = frozenset({"The", "A", "An", "In", "On", "At", "By", "For", "And", "But", "Or", "If", "It", "This", "That"})


@dataclass(frozen=True)
class Entity:
    canonical: str
    type: str  # "person", "organisation" or "other"
    surface: str
    char_start: int
    char_end: int


class AliasTable:
    """Surface forms (token tuples, normalised) -> (canonical, type)."""

    def __init__(self, entries: list[dict]):
        self._forms: dict[tuple[str, ...], tuple[str, str]] = {}
        for entry in entries:
            canonical = entry.get("canonical")
            if not isinstance(canonical, str) or not canonical.strip():
                raise ConfigError("alias file: every [[entity]] needs a non-empty 'canonical' name")
            kind = entry.get("type", "other")
            if kind not in ("person", "organisation", "other"):
                raise ConfigError(f"alias file: entity {canonical!r} has type {kind!r}; use person, organisation or other")
            for form in [canonical, *entry.get("aliases", [])]:
                key = _key(form)
                if key:
                    self._forms[key] = (canonical, kind)
        self.max_len = max((len(k) for k in self._forms), default=1)
        digest = hashlib.sha256()
        for form, (canonical, kind) in sorted(self._forms.items()):
            digest.update(f"{' '.join(form)}\x1f{canonical}\x1f{kind}\n".encode())
        self.fingerprint = digest.hexdigest()[:16]  # changes when the table does: re-reconcile

    @classmethod
    def load(cls, extra: Path | None = None) -> AliasTable:
        text = resources.files("factcheck.data").joinpath("aliases.toml").read_text(encoding="utf-8")
        entries = tomllib.loads(text).get("entity", [])
        if extra is not None:
            try:
                entries += tomllib.loads(Path(extra).read_text(encoding="utf-8")).get("entity", [])
            except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
                raise ConfigError(f"cannot read alias file {extra}: {exc}") from exc
        return cls(entries)

    def lookup(self, tokens: tuple[str, ...]) -> tuple[str, str] | None:
        return self._forms.get(tokens)

    def find(self, text: str) -> list[Entity]:
        """Entities in ``text``, longest alias first, in order of appearance."""
        tokens = [(m.start(), m.end(), _norm_token(m.group())) for m in _TOKEN.finditer(text)]
        found: list[Entity] = []
        taken: set[int] = set()
        i = 0
        while i < len(tokens):
            for n in range(min(self.max_len, len(tokens) - i), 0, -1):
                hit = self.lookup(tuple(t[2] for t in tokens[i : i + n]))
                if hit:
                    start, end = tokens[i][0], tokens[i + n - 1][1]
                    found.append(Entity(hit[0], hit[1], text[start:end], start, end))
                    taken.update(range(start, end))
                    i += n
                    break
            else:
                i += 1
        for m in _LATIN_NAME.finditer(text):
            if m.start() in taken or m.group() in _LATIN_STOP:
                continue
            found.append(Entity(m.group(), "other", m.group(), m.start(), m.end()))
        return sorted(found, key=lambda e: e.char_start)


def _norm_token(token: str) -> str:
    return strip_clitics(normalize_for_match(token))


def _key(form: str) -> tuple[str, ...]:
    return tuple(_norm_token(t) for t in _TOKEN.findall(form))


@lru_cache(maxsize=4)
def default_aliases(extra: str | None = None) -> AliasTable:
    return AliasTable.load(Path(extra) if extra else None)
