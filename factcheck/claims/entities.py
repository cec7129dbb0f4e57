"""People and organisations named in a sentence, mapped to canonical names.

Names come from an alias table (``factcheck/data/aliases.toml`` plus any file the user
adds), matched on normalised tokens (a name's first word may carry a clitic), so
"لألتمان", "التمان" and "Altman" all meet at "Sam Altman"; Latin-script capitalised names not in the table are entities too.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path

from factcheck.config import check_keys, is_word, load_toml, parse_toml, shown, type_name
from factcheck.errors import ConfigError
from factcheck.text.normalize import normalize_for_match, strip_clitics

_TOKEN = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*", re.UNICODE)
_LATIN_NAME = re.compile(r"\b[A-Z][A-Za-z]+(?:\s+[A-Z][A-Za-z]+)*\b")
_WORD = re.compile(r"\S+")
# Capitalised Latin words that are not names: calendar words, and function words that
# start English sentences and headlines.
_LATIN_STOP = frozenset(
    """The A An In On At By For And But Or If It Its This That These Those He She They We I You His Her
    Their Our As After Before When While With Without From To Of Not No Yes Some Many Most More About
    According Also However Meanwhile Still Yet Only Even Then There Here What Who Why How Where Which
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June
    July August September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
    Dr Mr Mrs Ms Miss Prof Sir Dame Lord Lady Col Gen Capt Lt Sgt Rev St""".split()
)
# An unknown name right after one of these (past "the") is where something happens, not who
# acts: "hospitals in Port Caddell and Ashby", "at the Brenner Agrochem depot".
_LOCATIVE = frozenset("in at near from across off outside inside around throughout into".split())
_JOINERS = frozenset(["and", "or", ","])
# ... and one next to a verb of saying is who speaks: "Carla Brandt said", "said Lena Okafor".
_SAYING = frozenset("said says told added according".split())


@dataclass(frozen=True)
class Entity:
    canonical: str
    type: str  # alias table: "person", "organisation", "other"; other capitalised names: "name", "place", "speaker"
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
        """The shipped aliases plus those of the file ``extra``, each file checked in full
        (:func:`check_alias_file`): a bad entry is one line naming the file and the key."""
        shipped = resources.files("factcheck.data").joinpath("aliases.toml").read_text(encoding="utf-8")
        entries = check_alias_file(parse_toml(shipped, "alias file factcheck/data/aliases.toml"), "alias file factcheck/data/aliases.toml")
        if extra is not None:
            entries += check_alias_file(load_toml(Path(extra), "alias file"), f"alias file {extra}")
        return cls(entries)

    def _match_at(self, keys: list[tuple[str, ...]], i: int) -> tuple[int, tuple[str, str]] | None:
        """The longest alias starting at token ``i``: (tokens used, (canonical, type)).

        ``keys[i]`` holds token ``i``'s match keys, as written first, then with one clitic
        removed: only a name's first word can carry a clitic ("لألتمان", "وبروكمان"), so
        the other words must match as written.
        """
        if not self._first_words.intersection(keys[i]):
            return None  # no alias starts with this word: most words of a sentence
        for n in range(min(self.max_len, len(keys) - i), 0, -1):
            rest = tuple(keys[j][0] for j in range(i + 1, i + n))
            for head in keys[i]:
                hit = self._forms.get((head, *rest))
                if hit:
                    return n, hit
        return None

    @cached_property
    def _first_words(self) -> frozenset[str]:
        return frozenset(form[0] for form in self._forms)

    def find(self, text: str, known: frozenset[str] | set[str] = frozenset()) -> list[Entity]:
        """Entities in ``text``, longest alias first, in order of appearance.

        A capitalised word that starts a sentence is a name only when ``known`` holds it
        (the names written mid-sentence elsewhere in the same source): "Lumora, founded in
        2017, ..." names Lumora when the article also writes "... bought Lumora".
        Countries and regions (CLDR territory names) are places.

        No two entities overlap: where the alias table reads a name, that reading wins over a
        run of capitalised words around it ("The Microsoft board" is Microsoft once, as an
        organisation; "Chief Sam Altman" is Sam Altman). Each entity's span is its own.
        """
        tokens = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]
        keys = [_token_keys(t) for _, _, t in tokens]
        found: list[Entity] = []
        taken = bytearray(len(text))  # 1 where an alias was read
        i = 0
        while i < len(tokens):
            hit = self._match_at(keys, i)
            if hit:
                n, (canonical, kind) = hit
                start, end = tokens[i][0], tokens[i + n - 1][1]
                found.append(Entity(canonical, kind, text[start:end], start, end))
                taken[start:end] = b"\x01" * (end - start)
                i += n
            else:
                i += 1
        arabic = _ARABIC.search(text) is not None
        for m in _LATIN_NAME.finditer(text):
            words = [(w.start(), w.end(), w.group()) for w in _WORD.finditer(text, m.start(), m.end())]
            if len(words) == 1 and _starts_sentence(text, m.start()) and not arabic and words[0][2] not in known:
                continue  # "Under heavy pressure, ...": capitalised because it starts the sentence
            while words and words[0][2] in _LATIN_STOP:  # "About Acme" -> "Acme"
                words.pop(0)
            while words and words[-1][2] in _LATIN_STOP:
                words.pop()
            if not words:
                continue
            start, end = words[0][0], words[-1][1]
            if 1 in taken[start:end]:
                continue  # the alias table already read a name here
            surface = text[start:end]
            canonical = " ".join(w for _, _, w in words)  # "Acme  Corp" as written is Acme Corp
            found.append(Entity(canonical, _name_kind(text, surface, start, found), surface, start, end))
        return sorted(found, key=lambda e: e.char_start)

    def names_in(self, texts: list[str]) -> set[str]:
        """Single-word Latin names written mid-sentence in ``texts`` (for :meth:`find`'s ``known``)."""
        names = set()
        for text in texts:
            for e in self.find(text):
                if e.type == "name" and " " not in e.surface and not _starts_sentence(text, e.char_start):
                    names.add(e.surface)
        return names


ENTITY_TYPES = ("person", "organisation", "other")
_ENTITY_KEYS = ("canonical", "type", "aliases")


def check_alias_file(data: dict, where: str) -> list[dict]:
    """The ``[[entity]]`` entries of a parsed alias file, each field checked: ``canonical`` a
    name, ``type`` one of :data:`ENTITY_TYPES`, ``aliases`` a list of names. Every name must
    have a word to match; unknown keys are refused (a misspelt key would drop aliases unseen)."""
    check_keys(data, ("entity",), where)
    entries = data.get("entity", [])
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise ConfigError(f"{where}: 'entity' must be written as [[entity]] tables with a canonical name, not {shown(entries)}")
    for i, entry in enumerate(entries, start=1):
        label = f"{where}: [[entity]] #{i}"
        if not is_word(entry.get("canonical")):
            found = f", not {shown(entry['canonical'])}" if "canonical" in entry else ""
            raise ConfigError(f"{label} needs a non-empty 'canonical' name{found}")
        label = f"{label} ({entry['canonical']!r})"
        check_keys(entry, _ENTITY_KEYS, label)
        kind = entry.get("type", "other")
        if kind not in ENTITY_TYPES:
            raise ConfigError(f"{label} has type {shown(kind)}; use {', '.join(ENTITY_TYPES[:-1])} or {ENTITY_TYPES[-1]}")
        aliases = entry.get("aliases", [])
        if not isinstance(aliases, list):
            raise ConfigError(f"{label}: 'aliases' must be a list of names (strings), not {shown(aliases)}")
        for form in [entry["canonical"], *aliases]:
            if not isinstance(form, str):
                raise ConfigError(f"{label}: 'aliases' must be a list of names (strings); {shown(form)} is {type_name(form)}")
            if not _key(form):
                raise ConfigError(f"{label}: {shown(form)} has no word to match")
    return entries


_WORD_OR_COMMA = re.compile(r"[A-Za-z]+|,")


def _name_kind(text: str, surface: str, start: int, found: list[Entity]) -> str:
    """What a capitalised name the alias table does not know stands for in its sentence:
    "place" (a country or region, or a name after in/at/near...), "speaker" (next to a verb
    of saying), or "name" (someone or something that may act)."""
    if normalize_for_match(surface) in _territories():
        return "place"
    before = [w.lower() for w in _WORD_OR_COMMA.findall(text[max(0, start - 40) : start])]
    after = [w.lower() for w in _WORD_OR_COMMA.findall(text[start + len(surface) : start + len(surface) + 20])]
    while before and before[-1] in ("the", "a", "an"):
        before.pop()
    if before and before[-1] in _LOCATIVE:
        return "place"
    if before and before[-1] in _JOINERS and found and found[-1].type == "place" and found[-1].char_end >= start - 6:
        return "place"  # "in Port Caddell and Ashby"
    if (after and after[0] in _SAYING) or (before and before[-1] in _SAYING):
        return "speaker"
    return "name"


@lru_cache(maxsize=1)
def _territories() -> frozenset[str]:
    """Country and region names in English and Arabic (CLDR, through babel), normalised."""
    from babel import Locale

    names = set()
    for code in ("en", "ar"):
        names.update(normalize_for_match(n) for n in Locale(code).territories.values())
    return frozenset(names)


_ARABIC = re.compile(r"[\u0600-\u06FF]")


def _starts_sentence(text: str, start: int) -> bool:
    # Steps back over openers instead of stripping text[:start]: that copy, once per
    # capitalised word, made long sentences quadratic.
    i = start
    while i > 0 and text[i - 1] in " \t\"'“‘«(":
        i -= 1
    return i == 0 or text[i - 1] in ".!?\n:;؟"


def _key_token(token: str) -> str:
    return normalize_for_match(token)


@lru_cache(maxsize=1 << 16)  # news vocabulary repeats: each word is normalised once
def _token_keys(token: str) -> tuple[str, ...]:
    """A token's match keys: as written, then without one clitic (for a name's first word)."""
    return tuple(dict.fromkeys([_key_token(token), _key_token(strip_clitics(token)), strip_clitics(_key_token(token))]))


def _key(form: str) -> tuple[str, ...]:
    return tuple(_key_token(t) for t in _TOKEN.findall(form))


@lru_cache(maxsize=4)
def default_aliases(extra: str | None = None) -> AliasTable:
    return AliasTable.load(Path(extra) if extra else None)
