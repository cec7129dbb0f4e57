"""People, organisations and places named in a sentence, found without a list of names.

Four readers, in order of trust; where two read a name at one place the first wins, so no
two entities overlap:

1. **Alias files** (``--aliases FILE``, ``FACTCHECK_ALIASES``, or ``aliases.toml`` at the top
   of a sources folder): a corpus's own cast, any script, mapped to one canonical name.
2. **Latin-script names**: runs of capitalised words ("Alder Mining", "Bank of Ireland",
   "Fahd al-Otaibi"). A capitalised word that starts a sentence is a name only when it is
   not a common English word (wordfreq) or the same source writes it capitalised
   mid-sentence too: "Shares fell" names nothing, "Nortek fell" names Nortek.
3. **Arabic names after a cue word**: a title before a person ("السيد فهد العتيبي",
   "الرئيس التنفيذي لنوردفيك، أندرش ليندكفيست"), a kind of organisation or place before its
   name ("لشركة نوران", "ميناء ..."). Arabic has no capitals, so the cue is what says a name
   follows; the name's words are those that are not common Arabic nouns or adjectives.
4. **Arabic names without a cue**: names the same source wrote after a cue elsewhere,
   Arabic spellings of Latin names the same source wrote ("ألتمان" beside "Altman"), and
   runs of words that no Arabic word list holds in any reading ("في سالكو", "وديمار").

The cue words, titles and suffixes are data (``factcheck/data/names.toml``, read by
:mod:`factcheck.claims.name_cues`); no name is. Types: ``person``, ``organisation``,
``place`` where the text says so (a title, a suffix such as "Mining" or a cue such as
"شركة", a country or a place cue), ``speaker`` for an otherwise untyped name next to a
verb of saying, else ``name``; alias entries keep their own type (``other`` included).

A canonical name is the name as written, less clitics, titles and possessives; two
canonical names in different scripts are compared by :mod:`factcheck.claims.name_keys`.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path

from factcheck.claims.name_cues import (
    NameCues,
    Reading,
    arabic_commonness,
    arabic_frequency,
    pronoun_suffixed,
    bare,
    english_is_common,
    is_verb,
    verb_form,
    looks_inflected,
    name_cues,
    readings,
    zipf,
)
from factcheck.claims.name_keys import MIN_SKELETON, word_readings
from factcheck.config import check_keys, is_word, load_toml, parse_toml, shown, type_name
from factcheck.errors import ConfigError
from factcheck.text.normalize import APOSTROPHES, MARKS, normalize_for_match, strip_clitics

# A word: letters and the marks written on them, joined by a hyphen or an apostrophe.
_LETTERS = rf"(?:[^\W\d_]|[{MARKS}])+"
_TOKEN = re.compile(rf"{_LETTERS}(?:[-{APOSTROPHES}]{_LETTERS})*", re.UNICODE)
_ARABIC_TOKEN = re.compile(rf"[\u0621-\u063A\u0641-\u064A\u0671-\u06D3\u06D5\u06FA-\u06FC\u06FF\u0750-\u077F\u08A0-\u08C9{MARKS}]+")
_ARABIC = re.compile(r"[\u0600-\u06FF]")
_LATIN_LOWER = "a-zà-öø-ÿ"
_LATIN_UPPER = "A-ZÀ-ÖØ-Þ"
# A capitalised Latin word of two letters or more (or one capital before another capitalised
# word: "Y Combinator"), perhaps after a lowercase particle ("al-Otaibi"), perhaps
# hyphenated ("Coca-Cola"), perhaps possessive ("Nortek's").
_LATIN_WORD = re.compile(
    rf"(?<![\w{APOSTROPHES}-])(?:(?:al|el|bin|ibn|abu|de|van|von|di|da|du|le|la)-)?"
    rf"[{_LATIN_UPPER}](?:[{_LATIN_UPPER}{_LATIN_LOWER}]+|(?=\s+[{_LATIN_UPPER}][{_LATIN_LOWER}]))"
    rf"(?:-[{_LATIN_UPPER}{_LATIN_LOWER}]+)*"
    rf"(?P<possessive>[{APOSTROPHES}]s\b)?"
)
_WORD_OR_COMMA = re.compile(r"[A-Za-z]+|,")
_GAP_SPACE = re.compile(r"[ \t\u00a0]+")
_GAP_JOINER = re.compile(r"[ \t\u00a0]+(?P<joiner>[\w&]+)[ \t\u00a0]+")
_COMMA = re.compile(r"\s*[،,]\s*")


_QUOTE_GAP = re.compile(r"\s*[»\"”]\s+")
_OPEN_QUOTE = re.compile(r"\s*[«\"“]\s*")
_CLOSE_QUOTE = re.compile(r"\s*[»\"”]")
# a preposition of where a title is held, between the title and the name («مدير الصيانة في الشركة نبيل الصراف»)
_WHERE_HELD = frozenset(normalize_for_match(w) for w in ("في", "لدى"))


@dataclass(frozen=True)
class Entity:
    canonical: str
    type: str  # "person", "organisation", "place", "speaker", "name"; alias entries also "other"
    surface: str
    char_start: int
    char_end: int
    speaks: bool = False  # next to a verb of saying: who is quoted, not who acts


@dataclass
class KnownNames:
    """Names a source writes where they can be told for names, for the sentences where
    they cannot: gathered over a whole source (:meth:`AliasTable.names_in`) before its
    sentences are read (:meth:`AliasTable.find`).

    ``latin``: capitalised words written mid-sentence (so "Lumora" starting a sentence is
    a name too); ``arabic``: Arabic names read after a cue (so "نوران" alone is the
    company "شركة نوران" elsewhere); ``foreign``: words of Latin-script names, so their
    Arabic spellings are names too. Each maps a name's key to its type.
    """

    latin: dict[str, str] = field(default_factory=dict)
    arabic: dict[tuple[str, ...], tuple[str, str]] = field(default_factory=dict)  # key -> (canonical, type)
    foreign: dict[str, str] = field(default_factory=dict)  # skeleton -> type
    acronyms: dict[str, tuple[str, str]] = field(default_factory=dict)  # "OWA" -> (canonical, type)
    surnames: dict[str, str] = field(default_factory=dict)  # "sorrant" -> "Halima Sorrant" ("" when two people share it)
    _first: frozenset = field(default_factory=frozenset, repr=False, compare=False)
    _size: int = field(default=-1, repr=False, compare=False)

    def update(self, other: KnownNames) -> None:
        for mine, theirs in ((self.latin, other.latin), (self.arabic, other.arabic), (self.foreign, other.foreign), (self.acronyms, other.acronyms)):
            for key, value in theirs.items():
                mine.setdefault(key, value)
        for key, value in other.surnames.items():
            self.surnames[key] = value if self.surnames.get(key, value) == value else ""

    def __bool__(self) -> bool:
        return bool(self.latin or self.arabic or self.foreign or self.acronyms or self.surnames)

    @property
    def arabic_first_words(self) -> frozenset[str]:
        """The first words of :attr:`arabic`'s names (recomputed only when names were added)."""
        if self._size != len(self.arabic):
            self._first = frozenset(key[0] for key in self.arabic)
            self._size = len(self.arabic)
        return self._first


_NO_NAMES = KnownNames()


class AliasTable:
    """Surface forms (token tuples, normalised) -> (canonical, type), and the finder of
    names no table lists (:meth:`find`)."""

    def __init__(self, entries: list[dict], cues: NameCues | None = None):
        self.cues = cues or name_cues()
        self._forms: dict[tuple[str, ...], tuple[str, str]] = {}
        for entry in entries:
            canonical = entry.get("canonical")
            if not isinstance(canonical, str) or not canonical.strip():
                raise ConfigError("alias file: every [[entity]] needs a non-empty 'canonical' name")
            kind = entry.get("type", "other")
            if kind not in ENTITY_TYPES:
                raise ConfigError(f"alias file: entity {canonical!r} has type {kind!r}; use person, organisation or other")
            for form in [canonical, *entry.get("aliases", [])]:
                key = _key(form)
                if key:
                    self._forms[key] = (canonical, kind)
        self.max_len = max((len(k) for k in self._forms), default=1)
        digest = hashlib.sha256(self.cues.fingerprint.encode())
        for form, (canonical, kind) in sorted(self._forms.items()):
            digest.update(f"{' '.join(form)}\x1f{canonical}\x1f{kind}\n".encode())
        # changes when the table or the cue words do: sources are read again
        self.fingerprint = digest.hexdigest()[:16]

    @classmethod
    def load(cls, *files: Path | None) -> AliasTable:
        """The shipped aliases plus those of each file in ``files`` (None skipped), each file
        checked in full (:func:`check_alias_file`): a bad entry is one line naming the file
        and the key. A later file's spelling of a name wins over an earlier one's."""
        shipped = resources.files("factcheck.data").joinpath("aliases.toml").read_text(encoding="utf-8")
        entries = check_alias_file(parse_toml(shipped, "alias file factcheck/data/aliases.toml"), "alias file factcheck/data/aliases.toml")
        for extra in files:
            if extra is not None:
                entries += check_alias_file(load_toml(Path(extra), "alias file"), f"alias file {extra}")
        return cls(entries)

    # -- the alias table ------------------------------------------------------------------
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

    def _aliases(self, text: str, found: list[Entity], taken: bytearray) -> None:
        if not self._forms:
            return
        tokens = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]
        keys = [_token_keys(t) for _, _, t in tokens]
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

    # -- finding names --------------------------------------------------------------------
    def find(self, text: str, known: KnownNames | None = None) -> list[Entity]:
        """Entities in ``text``, in order of appearance, none overlapping another.

        ``known`` holds what the rest of the source says about names (:meth:`names_in`):
        "Lumora, founded in 2017, ..." names Lumora when the article also writes "...
        bought Lumora". Where the alias table reads a name inside a run of capitalised
        words, its reading wins ("The Microsoft board" is Microsoft once); each entity's
        span is its own.
        """
        known = known or _NO_NAMES
        found: list[Entity] = []
        taken = bytearray(len(text))  # 1 where a name was read
        self._aliases(text, found, taken)
        _LatinReader(text, self.cues, known, found, taken).read()
        if _ARABIC.search(text):
            _ArabicReader(text, self.cues, known, found, taken).read()
        return sorted(found, key=lambda e: e.char_start)

    def names_in(self, texts: list[str]) -> KnownNames:
        """What ``texts`` (one source's sentences) say about names, for :meth:`find`'s
        ``known``: capitalised words written mid-sentence, Arabic names read after a cue,
        and the words of Latin-script names (whose Arabic spellings are then names too)."""
        known = KnownNames()
        cues = self.cues
        family: dict[str, str] = {}  # an Arabic person's last word -> the person ("" when two share it)
        for text in texts:
            for e in self.find(text):
                if e.type == "other":
                    continue
                if _ARABIC.search(e.surface):
                    if e.type in ("person", "organisation", "place"):
                        known.arabic.setdefault(tuple(normalize_for_match(e.canonical).split()), (e.canonical, e.type))
                    last = normalize_for_match(e.canonical).split()[-1] if e.type == "person" and " " in e.canonical.strip() else ""
                    if len(last) > 2 and last not in cues.ar_cue_first_words and last not in cues.ar_function_words and last not in cues.ar_time_words:
                        # «سامر الحدادي»: «الحدادي» alone is him in the rest of the source
                        family[last] = e.canonical if family.get(last, e.canonical) == e.canonical else ""
                    continue
                words = e.canonical.split()
                acronym = _ACRONYM_AFTER.match(text, e.char_end)
                if acronym and e.type not in ("speaker",) and _initials(words, cues) == acronym.group(1).upper():
                    # "the Ostrel Water Authority (OWA)": "OWA" names it wherever the source writes it
                    known.acronyms.setdefault(acronym.group(1), (e.canonical, e.type))
                if e.type == "person" and len(words) > 1 and words[-1][:1].isupper():
                    # "Halima Sorrant": "Sorrant" alone is her, unless someone else shares the name
                    key = normalize_for_match(words[-1])
                    known.surnames[key] = e.canonical if known.surnames.get(key, e.canonical) == e.canonical else ""
                if len(words) == 1 and not _starts_sentence(text, e.char_start, cues):
                    known.latin.setdefault(normalize_for_match(e.canonical), e.type)
                for word in words:
                    key = normalize_for_match(word)
                    if key in cues.en_joiners or key in cues.en_titles or zipf(key, "en") >= cues.en_common_zipf:
                        continue  # "Health" of "Department of Health" is no name alone
                    for reading in word_readings(word):
                        if len(reading) > MIN_SKELETON:
                            known.foreign.setdefault(reading, e.type if e.type != "speaker" else "name")
        for last, person in sorted(family.items()):
            if person:
                known.arabic.setdefault((last,), (person, "person"))
        return known


# ------------------------------------------------------------------------------------------
# Latin script


class _LatinReader:
    """Runs of capitalised words, trimmed of function words and titles, typed by the words
    in and around them."""

    def __init__(self, text: str, cues: NameCues, known: KnownNames, found: list[Entity], taken: bytearray):
        self.text, self.cues, self.known, self.found, self.taken = text, cues, known, found, taken
        self.arabic = _ARABIC.search(text) is not None

    def _runs(self) -> list[list[tuple[int, int, str]]]:
        """Capitalised words, grouped where only spaces or a joiner stand between them; a
        possessive ends its run and is not part of the name."""
        runs: list[list[tuple[int, int, str]]] = []
        current: list[tuple[int, int, str]] = []
        closed = True
        for m in _LATIN_WORD.finditer(self.text):
            end = m.start("possessive") if m.group("possessive") else m.end()
            word = (m.start(), end, self.text[m.start() : end])
            if current and not closed and self._joined(current[-1], m.start()):
                current.append(word)
            else:
                if current:
                    runs.append(current)
                current = [word]
            closed = bool(m.group("possessive"))
        if current:
            runs.append(current)
        return runs

    def _joined(self, last: tuple[int, int, str], start: int) -> bool:
        """Whether a capitalised word at ``start`` continues the name whose last word so far
        is ``last``."""
        gap = self.text[last[1] : start]
        if _GAP_SPACE.fullmatch(gap):
            return True
        m = _GAP_JOINER.fullmatch(gap)
        if not m:
            return False
        joiner = m.group("joiner")
        if joiner == "of":
            return normalize_for_match(last[2]) in self.cues.en_of_heads
        return joiner == "&" or normalize_for_match(joiner) in self.cues.en_joiners

    def read(self) -> None:
        cues = self.cues
        for words in self._runs():
            ends_as_organisation = normalize_for_match(words[-1][2]) in cues.en_organisation_suffixes
            titled = False
            while words:
                key = normalize_for_match(words[0][2])
                if key in cues.en_titles and not (ends_as_organisation and len(words) > 1):
                    titled = True  # "Chief Executive Jane Doe"; but "General Motors" is a company
                elif not (key in cues.en_not_names or key in cues.en_joiners):
                    break
                words.pop(0)
            while words and (normalize_for_match(words[-1][2]) in cues.en_not_names or normalize_for_match(words[-1][2]) in cues.en_joiners):
                words.pop()
            inner = [k for k, w in enumerate(words[:-1]) if normalize_for_match(w[2]) in cues.en_titles]
            if inner and not ends_as_organisation:
                words, titled = words[inner[-1] + 1 :], True  # "Higher Education Minister Nizar Shammoukh": the title's words are not the name
            if words and not self.arabic and not titled and _starts_sentence(self.text, words[0][0], cues):
                if english_is_common(words[0][2], cues) and normalize_for_match(words[0][2]) not in self.known.latin:
                    # "Shares fell", "Shares of Nortek fell": capitalised because it starts the
                    # sentence; but a singular word that acts alone is a name ("Tidal received")
                    if len(words) == 1:
                        if not self._acts_alone(words[0]):
                            continue
                    elif not _GAP_SPACE.fullmatch(self.text[words[0][1] : words[1][0]]):
                        words.pop(0)
            if not words:
                continue
            start, end = words[0][0], words[-1][1]
            if 1 in self.taken[start:end]:
                continue  # the alias table already read a name here
            surface = self.text[start:end]
            canonical = " ".join(surface.split())  # "Acme  Corp" as written is Acme Corp
            titled = titled or self._title_before(start)
            kind, speaks = self._kind(surface, start, titled)
            if kind in ("name", "speaker") and " " not in canonical and self.known.surnames.get(normalize_for_match(canonical)):
                # a person the source named in full: "Sorrant suspended" is Halima Sorrant
                canonical, kind = self.known.surnames[normalize_for_match(canonical)], "person" if kind == "name" else kind
            if canonical in self.known.acronyms:
                # an acronym the source spelled out: the name it stands for, of its type
                canonical, named = self.known.acronyms[canonical]
                kind = named if kind in ("name", "speaker") else kind
            self.found.append(Entity(canonical, kind, surface, start, end, speaks))
            self.taken[start:end] = b"\x01" * (end - start)

    def _acts_alone(self, word: tuple[int, int, str]) -> bool:
        """Whether a common word that starts its sentence is right before a verb whose subject
        gives, gets or holds something (``agent_verbs`` of names.toml; after "has" or "had"
        too) and reads as no plural: a singular noun would take an article there, so it is a
        name ("Tidal received $432 million", "Tidal has put $95 million into Raran"; not
        "Investors put", "The fund received", nor a participle: "Funding received from")."""
        if word[2].lower().endswith("s"):
            return False
        after = [normalize_for_match(w) for w in _WORD_OR_COMMA.findall(self.text[word[1] : word[1] + 60])[:3]]
        if after and after[0] in ("has", "had"):
            after = after[1:]
        if not after or after[0] not in self.cues.en_agent_verbs:
            return False
        # a participle before "from" or "by" is no verb of the word: "Funding received from donors"
        return len(after) < 2 or after[1] not in self.cues.prepositions

    def _title_before(self, start: int) -> bool:
        before = _WORD_OR_COMMA.findall(self.text[max(0, start - 30) : start])
        return bool(before) and normalize_for_match(before[-1]) in self.cues.en_titles

    def _title_after(self, end: int) -> bool:
        """Whether a person's title follows the name in apposition: "Dario Venkel, the
        utility's chief executive,", "Ines Farrow, a former safety manager"; not an
        organisation's own ("Nortek, its director said")."""
        m = _TITLE_AFTER.match(self.text, end)
        return bool(m) and any(normalize_for_match(w) in self.cues.en_titles for w in m.group("words").split())

    def _kind(self, surface: str, start: int, titled: bool) -> tuple[str, bool]:
        """What a capitalised name stands for in its sentence, and whether it speaks."""
        cues, text = self.cues, self.text
        before = [w.lower() for w in _WORD_OR_COMMA.findall(text[max(0, start - 60) : start])]
        after = [w.lower() for w in _WORD_OR_COMMA.findall(text[start + len(surface) : start + len(surface) + 20])]
        # "Carla Brandt said", "said Lena Okafor, ..."; not "Nalador said Lina Farah controls"
        ends_clause = not after or after[0] == "," or normalize_for_match(after[0]) in cues.en_not_names
        speaks = bool((after and after[0] in cues.en_saying) or (before and before[-1] in cues.en_saying and ends_clause))
        words = [normalize_for_match(w) for w in surface.split()]
        if titled or self._title_after(start + len(surface)):
            return "person", speaks
        if len(words) > 1 and (words[-1] in cues.en_organisation_suffixes or ("of" in words and words[0] in cues.en_organisation_suffixes)):
            return "organisation", speaks  # "Alder Mining", "Bank of Ireland"
        if normalize_for_match(surface) in _territories():
            return "place", speaks
        if len(words) > 1 and (words[-1] in cues.en_place_suffixes or words[0] in cues.en_place_prefixes):
            return "place", speaks  # "Wexmoor County", "Port Caddell"
        article = False
        while before and before[-1] in ("the", "a", "an"):
            before.pop()
            article = True
        if before and (before[-1] in cues.en_locative or (article and before[-1] in cues.en_locative_with_the)):
            if not cues.en_not_locative_after.intersection(before[-7:-1]):
                return "place", speaks  # "in Ashby", "at the Brenner Agrochem depot"; not "at Nortek"
        found = self.found
        if before and before[-1] in ("and", "or", ",") and found and found[-1].type == "place" and found[-1].char_end >= start - 6:
            # "in Port Caddell and Ashby", "in Springfield, Illinois, ..."; not the subject
            # after a place put first: "In Paris, Jane Doe resigned"
            if before[-1] != "," or not after or after[0] in (",", "and", "or") or after[0] in cues.en_locative:
                return "place", speaks
        if speaks:
            return "speaker", speaks
        return "name", speaks


# a comma, then "the", "a" or "his"/"her", perhaps an owner ("the utility's"), then up to
# three words, one of them a person's title
_TITLE_AFTER = re.compile(r"\s*,\s+(?!(?:its|their|our|whose)\b)(?:(?:the|a|an|his|her)\s+)?(?:[\w-]+['’]s\s+)?(?P<words>(?:[\w-]+\s+){0,2}[\w-]+)(?=\s*[,.;)]|\s+(?:of|at|for|in)\b)", re.IGNORECASE)
_ACRONYM_AFTER = re.compile(r"\s*\(([A-Z][A-Za-z&]{1,7})\)")


def _initials(words: list[str], cues: NameCues) -> str:
    """The initials of a name's capitalised words, its joiners left out ("Bank of Ireland": "BI").

    >>> _initials(["Ostrel", "Water", "Authority"], name_cues()), _initials(["Bank", "of", "Ireland"], name_cues())
    ('OWA', 'BI')
    """
    return "".join(w[0] for w in words if w[:1].isupper() and normalize_for_match(w) not in cues.en_joiners)


def _starts_sentence(text: str, start: int, cues: NameCues | None = None) -> bool:
    # Steps back over openers instead of stripping text[:start]: that copy, once per
    # capitalised word, made long sentences quadratic.
    i = start
    while i > 0 and text[i - 1] in " \t\"'“‘«(":
        i -= 1
    if i == 0 or text[i - 1] in "!?\n:;؟":
        return True
    if text[i - 1] != ".":
        return False
    # "Dr. Smith" and "Mr. Haddad" do not start a sentence
    m = re.search(r"([A-Za-z]+)\.$", text[max(0, i - 12) : i])
    return not (m and normalize_for_match(m.group(1)) in (cues or name_cues()).en_titles)


# ------------------------------------------------------------------------------------------
# Arabic script


@dataclass
class _Token:
    start: int
    end: int
    text: str

    @cached_property
    def readings(self) -> tuple[Reading, ...]:
        return readings(self.text)

    @property
    def plain(self) -> Reading:
        return self.readings[0]


_FIGURE_NEXT = re.compile(r"[^\S\n]+[0-9\u0660-\u0669\u06F0-\u06F9]")  # spaces, then a digit
_CLAUSE_GAP = re.compile(r"[.!?؟,،;؛:\n]")  # between two tokens: the second opens a clause
_TANWEEN = re.compile("[\u064b-\u064d]\u0627?$")  # an indefinite ending: "تمويلاً", "مليوناً"
FUNCTION_WORDS = 3  # at most this many words after a body's kind say what it does («هيئة السلامة البحرية»)
_ARABIC_WORD = re.compile("[\u0621-\u064a]+")  # letters only: no marks, digits or Latin


class _ArabicReader:
    """Arabic names: after cues, then names the source knows, then rare words."""

    def __init__(self, text: str, cues: NameCues, known: KnownNames, found: list[Entity], taken: bytearray):
        self.text, self.cues, self.known, self.found, self.taken = text, cues, known, found, taken
        self.tokens = [_Token(m.start(), m.end(), m.group()) for m in _ARABIC_TOKEN.finditer(text)]
        self.latin_at = {e.char_start: k for k, e in enumerate(found)}

    # -- helpers ----------------------------------------------------------------------------
    def _joined(self, i: int) -> bool:
        """Whether token ``i`` follows token ``i - 1`` with only spaces between."""
        return i > 0 and i < len(self.tokens) and _GAP_SPACE.fullmatch(self.text[self.tokens[i - 1].end : self.tokens[i].start]) is not None

    def _after_quote(self, i: int) -> bool:
        """Whether token ``i`` follows a quoted name that ends right before it («لشركة "ساحل
        موبايل" كريم عبد النور»)."""
        return 0 < i < len(self.tokens) and _QUOTE_GAP.fullmatch(self.text[self.tokens[i - 1].end : self.tokens[i].start]) is not None

    def _after_comma(self, i: int) -> bool:
        return 0 < i < len(self.tokens) and _COMMA.fullmatch(self.text[self.tokens[i - 1].end : self.tokens[i].start]) is not None

    def _free(self, i: int) -> bool:
        t = self.tokens[i]
        return 1 not in self.taken[t.start : t.end]

    def _latin_after(self, i: int) -> int | None:
        """The index in ``found`` of a Latin-script name right after token ``i``."""
        end = self.tokens[i].end
        m = _GAP_SPACE.match(self.text, end)
        at = m.end() if m else end
        return self.latin_at.get(at)

    def _function(self, r: Reading) -> bool:
        key = r.key
        return len(key) < 2 or key in self.cues.ar_function_words or key in self.cues.ar_saying

    def _cue_word(self, key: str) -> bool:
        c = self.cues
        return key in c.ar_organisation_cues or key in c.ar_place_cues or (key,) in c.ar_person_cues

    def _says(self, i: int, j: int) -> bool:
        """Whether a verb of saying stands right before token ``i`` ("قال السيد ...",
        "وقال ..."), or, as written, right after token ``j - 1`` ("... قال"); a comma
        or a conjunction between starts another clause ("سالكو، وقال")."""
        saying = self.cues.ar_saying
        if i > 0 and self._joined(i) and any(r.key in saying for r in self.tokens[i - 1].readings):
            return True
        return j < len(self.tokens) and self._joined(j) and self.tokens[j].plain.key in saying

    def _add(self, i: int, j: int, kind: str, first: Reading | None = None, speaks: bool = False) -> None:
        """Tokens ``i`` to ``j - 1`` are a name; ``first`` is how the first one is read
        (a clitic in front is part of the surface, not of the canonical name)."""
        tokens = self.tokens[i:j]
        first = first or tokens[0].plain
        words = [first.stem] + [bare(t.text) for t in tokens[1:]]
        start, end = tokens[0].start, tokens[-1].end
        if 1 in self.taken[start:end]:
            return
        if kind in ("name",) and speaks:
            kind = "speaker"
        self.found.append(Entity(" ".join(words), kind, self.text[start:end], start, end, speaks))
        self.taken[start:end] = b"\x01" * (end - start)

    def _retype(self, k: int, kind: str, speaks: bool = False) -> None:
        e = self.found[k]
        if e.type in ("name", "speaker", "place") and e.type != kind:
            self.found[k] = replace(e, type=kind, speaks=e.speaks or speaks)

    # -- name words ---------------------------------------------------------------------------
    def _name_word(self, r: Reading) -> bool:
        """A word that may be part of a name after a cue: not a function word, not a
        present-tense verb, not a common noun or adjective (its form with the article is
        rare: "نوران", "مايكروسوفت", but not "ناشئة", "قابضة")."""
        if self._function(r) or self._cue_word(r.key) or is_verb(r.stem):
            return False
        # the word's own form with the article: "ناشئة" ("الناشئة") is an adjective, while
        # "توتون" is a name though "التوت" is a common word
        return zipf(r.stem if r.stem.startswith("ال") else "ال" + r.stem, "ar") < self.cues.ar_definite_zipf

    def _blocked(self, t: _Token) -> bool:
        """Whether no reading of ``t`` can be a name's word: a function word, a cue, a verb,
        a common word with the article or after a clitic ("بالشركة", "لقيادة"), a word with
        the indefinite ending (tanween), or fewer than three letters."""
        if len(t.plain.stem) < 3 or _TANWEEN.search(t.text):
            return True  # "تمويلاً": an indefinite noun's ending is never a name's
        for r in t.readings:
            if self._function(r) or self._cue_word(r.key) or is_verb(r.stem):
                return True
            if (r.definite or r.clitic) and arabic_commonness(r.stem) >= self.cues.ar_definite_zipf:
                return True
        return False

    def _common(self, t: _Token) -> bool:
        """Whether some reading of ``t`` is a common word ("للاستثمار" is "الاستثمار")."""
        return any(self._function(r) or arabic_commonness(r.stem) >= self.cues.ar_definite_zipf for r in t.readings)

    def _rare(self, t: _Token, nominal: bool = False, opens: bool = False) -> Reading | None:
        """How ``t`` reads as a name that no word list holds, or None: every reading rare,
        none with the article, none a function word, none inflected. Of "وسالكو" and
        "سالكو" the one met more often (or named elsewhere in the source) is the name.
        ``nominal``: where no verb can stand (after a preposition: "في نوبيل"), a verb's
        look ("نوبيل" as if of "يوبيل") does not count against a name, nor a plural's ("في
        راتون": a plural takes ين there). ``opens``: the
        token opens its sentence or clause, where a leading و or ف is the conjunction
        ("وريران تضم" is ريران) when both readings are equally rare."""
        limit = self.cues.ar_rare_zipf
        best: Reading | None = None
        for r in t.readings:
            inflected = pronoun_suffixed(r.stem, verbs=False) if nominal else looks_inflected(r.stem)
            if self._function(r) or len(r.stem) < 3 or r.definite or inflected:
                return None
        if nominal and all(r.stem.endswith("ون") for r in t.readings):
            # after a preposition a masculine plural ends in ين, never ون: "في راتون" is no
            # plural of "رات", so only the word as written counts, and it may be a foreign
            # name as frequent as a rare word but never written with the article
            cues = self.cues
            if any(
                zipf(r.stem, "ar") >= limit and (zipf(r.stem, "ar") >= cues.ar_foreign_zipf or zipf("ال" + r.stem, "ar") >= cues.ar_foreign_definite_zipf)
                for r in t.readings
            ):
                return None
        elif any(arabic_frequency(r.stem) >= limit for r in t.readings) and not self._foreign(t):
            return None
        for r in t.readings:
            if (r.key,) in self.known.arabic:
                return r
            if r.clitic and bare(t.text).startswith("ك"):
                continue  # «كوفار»: ك ("like") rarely stands before a name; the letter is the name's
            if best is None or (zipf(r.stem, "ar"), opens and r.clitic > 0) > (zipf(best.stem, "ar"), opens and best.clitic > 0):
                best = r
        return best

    def _foreign(self, t: _Token) -> bool:
        """Whether ``t``, whose readings :meth:`_rare` found to be no verb or inflected
        word, reads as a foreign name in Arabic letters: not very frequent as written,
        never with the article, no cue."""
        cues = self.cues
        return not any(
            self._cue_word(r.key) or zipf(r.stem, "ar") >= cues.ar_foreign_zipf or arabic_commonness(r.stem) >= cues.ar_foreign_definite_zipf
            for r in t.readings
        )

    def _run(self, j: int, limit: int, word) -> int:
        """Where a run of name words that starts at token ``j`` ends (``word(reading)``
        decides each; spaces only between them)."""
        k = j
        while k < len(self.tokens) and k - j < limit and (k == j or self._joined(k)) and self._free(k):
            if self._blocked(self.tokens[k]) or not word(self.tokens[k].plain):
                break
            k += 1
        return k

    # -- readers ------------------------------------------------------------------------------
    def read(self) -> None:
        i = 0
        while i < len(self.tokens):
            i = self._cue_at(i)
        for i in range(len(self.tokens) - 1):
            if self._free(i):
                self._trade_after(i)
        for i in range(len(self.tokens)):
            if self._free(i):
                self._known_at(i)
        i = 0
        while i < len(self.tokens):
            i = self._given_at(i)
        i = 0
        while i < len(self.tokens):
            i = self._rare_at(i)

    def _person_cue(self, i: int) -> tuple[int, bool]:
        """How many tokens a person cue starting at token ``i`` spans (0 if none), and
        whether its last word has the article. The first may carry a clitic ("وقال الرئيس",
        "والرئيس")."""
        cues = self.cues
        if not any(r.key in cues.ar_cue_first_words for r in self.tokens[i].readings):
            return 0, False  # most words start no title
        for n in range(min(cues.ar_cue_length, len(self.tokens) - i), 0, -1):
            if n > 1 and not all(self._joined(k) for k in range(i + 1, i + n)):
                continue
            rest = tuple(self.tokens[k].plain.key for k in range(i + 1, i + n))
            for r in self.tokens[i].readings:
                if (r.key, *rest) in cues.ar_person_cues:
                    return n, (self.tokens[i + n - 1].plain if n > 1 else r).definite
        return 0, False

    def _cue_at(self, i: int) -> int:
        if not self._free(i):
            return i + 1
        n, definite = self._person_cue(i)
        if n:
            return self._person(i, i + n, definite)
        for r in self.tokens[i].readings:
            if r.definite:
                continue  # "الشركة" is the company already named
            if r.key in self.cues.ar_organisation_cues:
                return self._named(i, "organisation")
            if r.key in self.cues.ar_place_cues:
                # "مجلس مدينة حرمزة": the city's council, an organisation
                body = i > 0 and self._joined(i) and self.tokens[i - 1].plain.key in self.cues.ar_place_bodies
                return self._named(i, "organisation" if body else "place")
        return i + 1

    def _named(self, i: int, kind: str) -> int:
        """An organisation or place after its cue at token ``i``: "شركة نوران", "لشركة OpenAI"."""
        j = i + 1
        latin = self._latin_after(i)
        if latin is not None:
            self._retype(latin, kind)
            return j
        quoted = self._quoted(j)
        if quoted:
            self._add(j, quoted, kind, speaks=self._says(i, quoted))  # «شركة «طيران الساحل»»: the marks say where the name is
            return quoted
        if j >= len(self.tokens) or not self._joined(j):
            return j
        end = self._run(j, self.cues.ar_max_words, lambda r: self._name_word(r) and not pronoun_suffixed(r.stem, verbs=False))  # not "حصتها"
        if end == j and kind == "organisation" and self._common_name_with_trade(j):
            end = j + 1  # «شركة تلال للفوسفات»: a common word between the kind and its trade names it
        if end == j and kind == "organisation" and self.tokens[i].plain.key in self.cues.ar_function_bodies:
            # «هيئة السلامة البحرية»: named by what it does, the kind and the words with the article
            end = j
            while end < len(self.tokens) and end - j < FUNCTION_WORDS and self._joined(end) and self._free(end):
                r = self.tokens[end].plain
                if not r.definite or r.key in self.cues.ar_time_words or self._function(r) or self._cue_word(r.key) or _TANWEEN.search(self.tokens[end].text):
                    break
                end += 1
            if end > j:
                self._add(i, end, kind, speaks=self._says(i, end))
            return max(end, j)
        if end > j:
            self._add(j, end, kind, speaks=self._says(i, end))
        return max(end, j)

    def _common_name_with_trade(self, j: int) -> bool:
        """Whether token ``j``, right after an organisation's kind, is its name though a
        common word, its trade following it («شركة تلال للفوسفات», «مجموعة زيتون للأغذية»):
        one bare word, no article, no clitic, not one that agrees with the kind as its
        adjective does (ending in ة, ى or ي: «شركة وطنية للنفط», «شركة كبرى للتأمين», «بنك
        عربي للاستثمار»), then a word with ل and the article («للفوسفات»)."""
        if j + 1 >= len(self.tokens) or not self._joined(j + 1) or not self._free(j):
            return False
        t, trade = self.tokens[j], self.tokens[j + 1].text
        r = t.plain
        if r.definite or r.clitic or self._function(r) or self._cue_word(r.key) or not _ARABIC_WORD.fullmatch(t.text):
            return False
        if t.text[-1] in "ةىيه" or len(t.text) < 3:
            return False
        return trade.startswith("لل") and len(trade) > 4 and _ARABIC_WORD.fullmatch(trade) is not None

    def _quoted(self, j: int) -> int:
        """Where a name in quotation marks right after a cue ends (token ``j`` opens it:
        «شركة «طيران الساحل»», «شركة "الجسر للهندسة"»), or 0: at most ``max_words`` words,
        spaces only between them, none already read as a name. The marks say where the name
        is, so its words may be common ones."""
        if j >= len(self.tokens) or not _OPEN_QUOTE.fullmatch(self.text[self.tokens[j - 1].end : self.tokens[j].start]):
            return 0
        for k in range(j, min(len(self.tokens), j + self.cues.ar_max_words)):
            if not self._free(k) or (k > j and not self._joined(k)) or self._function(self.tokens[k].plain):
                return 0
            end = self.tokens[k + 1].start if k + 1 < len(self.tokens) else len(self.text)
            if _CLOSE_QUOTE.match(self.text[self.tokens[k].end : end]):
                return k + 1
        return 0

    def _trade_after(self, i: int) -> None:
        """An organisation named by what follows it: its trade or legal form ("نيتك
        للأدوية", "ديمار القابضة"); the name is token ``i`` alone, read with any clitic off
        ("ولنيتك للأدوية")."""
        nxt = i + 1
        if not (self._joined(nxt) and self.tokens[nxt].plain.key in self.cues.ar_organisation_after):
            return
        t = self.tokens[i]
        if t.plain.key in self.cues.ar_organisation_after or any(self._cue_word(r.key) or self._function(r) for r in t.readings):
            return  # "تاكو للنسيج القابضة": the trade is not the name; "وزارة للطاقة" names none
        names = [r for r in t.readings if not r.definite and len(r.stem) >= 3 and self._name_word(r)]
        if not names:
            return
        known = [r for r in names if (r.key,) in self.known.arabic]
        # of "ولميتون" the reading met most often, or named elsewhere in the source, is the name
        first = known[0] if known else max(names, key=lambda r: (zipf(r.stem, "ar"), -r.clitic))
        self._add(i, nxt, "organisation", first=first, speaks=self._says(i, nxt + 1))

    def _person(self, i: int, j: int, definite: bool) -> int:
        """A person after the title that spans tokens ``i`` to ``j - 1``. Between them may
        stand what the title is of ("رئيس Twitch", "وزير المالية": a title without the
        article is followed by what it heads, not by who holds it), words describing the
        title ("الأمريكي", "السابق"), the organisation it belongs to ("لنوردفيك",
        "للصندوق"), and a comma before the name in apposition."""
        says = self._says(i, i)
        if not definite:
            if self._latin_after(j - 1) is not None or j >= len(self.tokens) or not self._joined(j) or not self._free(j):
                return j  # "رئيس Twitch": Twitch is what he heads
            r = self.tokens[j].plain
            if not r.definite and r.key in self.cues.ar_organisation_cues:
                j = self._named(j, "organisation")  # "رئيس شركة نوران"
            elif not r.definite and self._name_word(r):
                self._add(j, j + 1, "organisation")  # "رئيس نوران"
                j += 1
            else:
                j += 1  # "وزير المالية"
        described = 0
        while j < len(self.tokens) and self._joined(j) and described < 3 and self._free(j):
            t = self.tokens[j]
            # "وزيرة المياه والبنية التحتية": a second field joined by و describes the title too
            joined = [x for x in t.readings if x.clitic == 1 and t.text[:1] == "و"] if described or not definite else []
            r = t.plain if t.plain.definite else joined[0] if joined else t.plain
            if r.definite and not self._function(r) and arabic_commonness(r.stem) >= self.cues.ar_definite_zipf and (described < 2 or r is not t.plain):
                j += 1
                described += 1
            else:
                break
        if j + 2 < len(self.tokens) and all(self._joined(k) and self._free(k) for k in (j, j + 1, j + 2)) and self.tokens[j].plain.key in _WHERE_HELD:
            after = self.tokens[j + 1].plain
            if after.definite and not after.clitic and not self._function(after):
                j += 2  # "مدير الصيانة في الشركة نبيل الصراف": where the title is held
        if j < len(self.tokens) and self._joined(j) and self._free(j):
            t = self.tokens[j]
            of = [r for r in t.readings if r.preposition and bare(t.text)[r.clitic - 1] == "ل"]
            if of:
                r = of[-1]
                if not r.definite and self._name_word(r):
                    self._add(j, j + 1, "organisation", first=r)  # "الرئيس التنفيذي لنوردفيك"
                elif r.key in self.cues.ar_organisation_cues:
                    j = self._named(j, "organisation") - 1  # "الرئيس التنفيذي لشركة نوران"
                j += 1
        latin = self._latin_at_token(j)
        if latin is not None:
            self._retype(latin, "person", says)
            return j
        if j >= len(self.tokens) or not (self._joined(j) or self._after_comma(j) or self._after_quote(j)) or not self._free(j):
            return max(j, i + 1)
        first = self.tokens[j].plain
        # a listed first name after a title is one, whatever its other readings ("الرئيس
        # التنفيذي كريم": not ك + "ريم")
        listed = first.key in self.cues.ar_given_names and not self._function(first) and not self._cue_word(first.key)
        blocked = self._blocked(self.tokens[j]) and not listed
        if first.definite or blocked or not (listed or self._given_name(first) or self._unseen_after(j)) or self._clitic_word(self.tokens[j]):
            return max(j, i + 1)
        end = j + 1
        while end < len(self.tokens) and end - j < self.cues.ar_max_words and self._joined(end) and self._free(end):
            r = self.tokens[end].plain
            if r.key in self.cues.ar_particles:
                if end + 1 < len(self.tokens) and self._joined(end + 1):
                    end += 2  # "خالد بن سلمان": the particle and the name after it
                    continue
                break
            nisba = r.definite and r.stem.endswith("ي") and not self._function(r)  # "العتيبي"
            noun = r.stem.endswith("ة") and zipf(r.stem, "ar") >= 1.5  # "طمأنة": a noun, not a surname
            if not r.definite and pronoun_suffixed(r.stem, verbs=False):
                break  # "نبيل الصراف استقالته": his resignation, not his name
            family = end == j + 1 and (self._trade_surname(self.tokens[end]) or self._family_word(end))  # "المدير سامي حداد"
            if nisba or family or (not self._blocked(self.tokens[end]) and self._name_word(r) and not noun):
                end += 1
            else:
                break
        self._add(j, end, "person", speaks=says or self._says(end, end))
        return end

    def _trade_surname(self, t: _Token) -> bool:
        """Whether ``t``, right after a title's given name, is a family name with the article
        that is a common word too ("مدير الصيانة نبيل الصراف", "الحداد", "النجار"): its form
        with the article rarer than ``surname_zipf`` (not "المؤقت", "الجديد", "الخميس"), no
        function word, cue, verb or indefinite noun, no clitic before the article."""
        r = t.plain
        if not r.definite or r.clitic or len(r.stem) < 3 or _TANWEEN.search(t.text) or self._function(r) or self._cue_word(r.key) or is_verb(r.stem):
            return False
        return zipf(r.stem if r.stem.startswith("ال") else "ال" + r.stem, "ar") < self.cues.ar_surname_zipf

    @staticmethod
    def _clitic_word(t: _Token) -> bool:
        """Whether ``t`` is plainly a clitic and a word: unseen as written, met with the
        clitic off ("وسألوه"). A name right after a title takes no clitic."""
        return zipf(t.plain.stem, "ar") < 1.0 and any(r.clitic and zipf(r.stem, "ar") >= 2.5 for r in t.readings)

    def _unseen_after(self, j: int) -> bool:
        """Whether the word after token ``j`` (a title's next word) is a family name no word
        list holds, in no reading and never with the article («الوزيرة حليمة سورانت»): the
        word before it is then a given name, however common it is as a noun or adjective."""
        k = j + 1
        if k >= len(self.tokens) or not self._joined(k) or not self._free(k):
            return False
        r = self.tokens[k].plain
        if r.definite or r.clitic or len(r.stem) < 3 or self._function(r) or self._cue_word(r.key):
            return False
        cues = self.cues
        return all(zipf(x.stem, "ar") < cues.ar_rare_zipf for x in self.tokens[k].readings) and arabic_commonness(r.stem) < cues.ar_foreign_definite_zipf

    def _given_name(self, r: Reading) -> bool:
        """Whether the word after a title may be a first name. First names are often
        common words ("فهد", "خالد"), but rarer with the article than without; an adjective
        is as common either way ("الرئيس التنفيذي المؤقت", "رئيس تنفيذي جديد")."""
        commonness = arabic_commonness(r.stem)
        return commonness < self.cues.ar_definite_zipf or zipf(r.stem, "ar") - commonness >= 0.5

    def _latin_at_token(self, j: int) -> int | None:
        """A Latin-script name where token ``j`` would be (``j`` past the last token, or the
        name standing between token ``j - 1`` and token ``j``)."""
        if j == 0:
            return None
        return self._latin_after(j - 1)

    def _known_at(self, i: int) -> None:
        """A name the source wrote after a cue elsewhere, or an Arabic spelling of one of
        its Latin-script names."""
        t = self.tokens[i]
        if not self.known:
            return
        for r in t.readings if self.known.arabic else ():
            if r.key not in self.known.arabic_first_words:
                continue
            for n in (3, 2, 1):
                if i + n > len(self.tokens) or not all(self._joined(k) for k in range(i + 1, i + n)):
                    continue
                key = (r.key, *(self.tokens[k].plain.key for k in range(i + 1, i + n)))
                hit = self.known.arabic.get(key)
                if hit:
                    self._add(i, i + n, hit[1], first=r, speaks=self._says(i, i + n))
                    return
        for r in reversed(t.readings) if self.known.foreign else ():  # "بألتمان" is ب + the name
            if self._function(r) or len(r.stem) < 3 or self._common(t):
                continue
            hits = [self.known.foreign[s] for s in sorted(word_readings(r.stem)) if s in self.known.foreign]
            if hits:
                self._add(i, i + 1, hits[0], first=r, speaks=self._says(i, i + 1))
                return

    def _family_word(self, j: int) -> bool:
        """Whether token ``j`` may be the family name after a given name: joined to it, no
        function word, cue, verb or indefinite noun, and with the article only as a nisba
        ("العتيبي") or on a rare word ("اللطوش")."""
        if j >= len(self.tokens) or not self._joined(j) or not self._free(j):
            return False
        t = self.tokens[j]
        r = t.plain
        if r.clitic or len(r.stem) < 3 or _TANWEEN.search(t.text) or self._function(r) or self._cue_word(r.key):
            return False
        if is_verb(r.stem) and (r.stem[0] in "يتنأ" or not self._ends_phrase(j)):
            return False  # "قال أحمد يعمل": a present tense; "يملك يوسف عوض، أحد ...": a name (عوض, فرح) that ends its phrase
        if r.key in self.cues.ar_organisation_after:
            return False  # "نور للطاقة": a company's trade
        # with the article only as a nisba ("العتيبي") or a word too rare to be a common noun
        # ("اللطوش", "الغزول"; not "الرئيس")
        return not r.definite or r.stem.endswith("ي") or arabic_commonness(r.stem) < self.cues.ar_rare_zipf

    def _ends_phrase(self, j: int) -> bool:
        """Whether token ``j`` is the last word of a phrase: a comma, a figure or the end of
        the sentence follows, a function word ("يملك يوسف فرح حوالي 34%") or a verb in the
        present tense, the name's own ("إن رامي فرح يسيطر على 28%")."""
        if j + 1 >= len(self.tokens) or not self._joined(j + 1):
            return True
        after = self.tokens[j + 1].plain
        return self._function(after) or (after.stem[:1] in "يت" and is_verb(after.stem))

    def _given_at(self, i: int) -> int:
        """A person named with no title: a given name (``given_names`` of names.toml, any
        clitic off) and a family name after it ("تملك لينا خوري"، "وهاني حداد"), or a
        particle and the name it leads ("سامي بن علي")."""
        if not self._free(i):
            return i + 1
        first = next((r for r in self.tokens[i].readings if r.key in self.cues.ar_given_names and not r.definite and not self._function(r)), None)
        if first is None:
            return i + 1
        j = i + 1
        if j < len(self.tokens) and self._joined(j) and self.tokens[j].plain.key in self.cues.ar_particles and self._family_word(j + 1):
            end = j + 2
        elif self._family_word(j):
            end = j + 1
        else:
            return i + 1
        self._add(i, end, "person", first=first, speaks=self._says(i, end))
        return end

    def _subject_slot(self, i: int) -> Reading | None:
        """How token ``i`` reads as the name in a subject's slot, or None: one word between
        a verb that opens its clause with its subject after it and a complementizer ("قالت
        راتون إن", "أعلنت تونكس عن"; ``subject_verbs`` and ``complementizers`` of names.toml),
        or right after a verb that opens its sentence or clause, before a function word
        ("استثمرت توتك قرابة 350 مليون دولار"); not common as written or with the article,
        with no article, no cue, not a function word."""
        cues = self.cues
        if not (0 < i < len(self.tokens) and self._joined(i)):
            return None
        said = i + 1 < len(self.tokens) and self._joined(i + 1) and self._saying_verb(i - 1) and self.tokens[i + 1].plain.key in cues.ar_complementizers
        if not (said or self._verb_first(i - 1)):
            return None
        return self._slot_word(i)

    def _subject_pair(self, i: int) -> Reading | None:
        """How token ``i`` reads as the first of a two-word name in a subject's slot: between
        a verb of ``subject_verbs`` (a conjunction may be glued to it) and a complementizer
        («وقال إيلون ماسك إنه», «قال سام ألتمان إن»). Neither word has the article, is a
        cue or a function word; and one is a foreign name (met as written below
        ``foreign_zipf``, with the article below ``foreign_definite_zipf``: «ألتمان», so the
        other may be a common word, «سام»), or neither is common with the article (below
        ``definite_zipf``) and one is not common as written («إيلون ماسك»). Common nouns
        and their adjectives are common with the article: «مصادر مطلعة», «مسؤول كبير» are no
        names."""
        if not (0 < i and i + 2 < len(self.tokens) and self._joined(i) and self._joined(i + 1) and self._joined(i + 2) and self._free(i + 1)):
            return None
        if not (self._saying_verb(i - 1) and self.tokens[i + 2].plain.key in self.cues.ar_complementizers):
            return None
        words = [self.tokens[i].plain, self.tokens[i + 1].plain]
        if any(r.definite or r.clitic or len(r.stem) < 3 or self._function(r) or self._cue_word(r.key) for r in words):
            return None
        return words[0] if self._name_like(words) else None

    def _name_like(self, words: list[Reading]) -> bool:
        """Whether the words of a slot that only a name fills read as one: one is a foreign
        name (met as written below ``foreign_zipf``, with the article below
        ``foreign_definite_zipf``), or none is common with the article (below
        ``definite_zipf``) and one is not common as written."""
        cues = self.cues
        with_article = [arabic_commonness(r.stem) for r in words]
        as_written = [zipf(r.stem, "ar") for r in words]
        foreign = any(z < cues.ar_foreign_zipf and d < cues.ar_foreign_definite_zipf for z, d in zip(as_written, with_article))
        uncommon = max(with_article) < cues.ar_definite_zipf and min(as_written) < cues.ar_foreign_zipf
        return foreign or uncommon

    def _apposed_pair(self, i: int) -> int:
        """The end of a name of two words, or one, right before a comma and a person's title
        in apposition («اعتقلت الشرطة ماريك تولين، المشرف على الوردية», «إينيس فارو، مديرة
        السلامة»): the title says who the words before it are. No word has the article or a
        clitic, is a cue or a function word, and the words read as a name
        (:meth:`_name_like`); ``i`` when there is none."""
        for n in (2, 1):
            end = i + n
            if end >= len(self.tokens) or not all(self._free(k) for k in range(i, end)) or not all(self._joined(k) for k in range(i + 1, end)):
                continue
            if self._joined(end) or self.text[self.tokens[end - 1].end : self.tokens[end].start].strip() not in ("،", ","):
                continue
            if not self._person_cue(end)[0]:
                continue
            words = [self.tokens[k].plain for k in range(i, end)]
            if any(r.definite or r.clitic or len(r.stem) < 3 or self._function(r) or self._cue_word(r.key) for r in words):
                continue
            if self._name_like(words):
                return end
        return i

    def _saying_verb(self, k: int) -> bool:
        return any(r.key in self.cues.ar_subject_verbs for r in self.tokens[k].readings)

    def _slot_word(self, i: int) -> Reading | None:
        r = self.tokens[i].plain
        if r.definite or r.clitic or len(r.stem) < 3 or self._function(r) or self._cue_word(r.key):
            return None
        if zipf(r.stem, "ar") >= self.cues.ar_foreign_zipf or arabic_commonness(r.stem) >= self.cues.ar_definite_zipf:
            return None  # "قالت مصادر إن": a common word
        if any(x.clitic and x.definite and zipf(x.stem, "ar") >= self.cues.ar_definite_zipf for x in self.tokens[i].readings):
            return None  # "للاستحواذ": for the acquisition, a preposition and a common word with the article
        return r

    def _agreeing_name(self, i: int) -> Reading | None:
        """A word shaped like a masculine plural (ـون) whose verb is feminine singular, which
        no plural takes: a name, however common the plural ("قالت ميتون إن", "وميتون تضم
        حالياً"). The verb comes first and opens its clause (a past tense in ت), or the word
        opens its clause and a singular present tense in ت follows."""
        if not self._free(i):
            return None
        before = i > 0 and self._joined(i) and self._opens(i - 1) and any(r.stem.endswith("ت") and verb_form(r.stem) for r in self.tokens[i - 1].readings)
        # a singular verb ("تضم"), not a plural ("تظاهروا")
        after = (
            self._opens(i) and i + 1 < len(self.tokens) and self._joined(i + 1)
            and self.tokens[i + 1].plain.stem[:1] == "ت" and not self.tokens[i + 1].plain.stem.endswith(("وا", "ن"))
            and verb_form(self.tokens[i + 1].plain.stem)
        )  # fmt: skip
        if not (before or after):
            return None
        readings = sorted(self.tokens[i].readings, key=lambda r: -r.clitic) if after else [self.tokens[i].plain]
        for r in readings:
            if r.stem.endswith("ون") and len(r.stem) >= 4 and not r.definite and not self._function(r) and not self._cue_word(r.key):
                return r
        return None

    def _opens(self, k: int) -> bool:
        """Whether token ``k`` opens its sentence or clause."""
        return k == 0 or _CLAUSE_GAP.search(self.text, self.tokens[k - 1].end, self.tokens[k].start) is not None

    def _verb_first(self, k: int) -> bool:
        """Whether token ``k`` is a verb that opens its sentence or clause and the word after
        the next one is a function word, or a figure follows the next one: "استثمرت توتك
        قرابة 350 مليون دولار", "استثمرت تونكس 91 مليون دولار" (the verb, its subject, then
        the figure)."""
        if not self._opens(k) or k + 1 >= len(self.tokens) or not any(verb_form(r.stem) for r in self.tokens[k].readings):
            return False
        if _FIGURE_NEXT.match(self.text, self.tokens[k + 1].end):
            return True  # "استثمرت تونكس 91 مليون دولار": the figure right after the subject
        return k + 2 < len(self.tokens) and self._joined(k + 2) and self._function(self.tokens[k + 2].plain)

    def _rare_at(self, i: int) -> int:
        if not self._free(i):
            return i + 1
        end = self._apposed_pair(i)
        if end > i:
            self._add(i, end, "person", first=self.tokens[i].plain, speaks=self._says(i, end))
            return end
        before = self.tokens[i - 1].plain.key if i > 0 and self._joined(i) else ""
        nominal = before in self.cues.prepositions or before in self.cues.ar_construct_heads
        first = self._rare(self.tokens[i], nominal=nominal, opens=self._opens(i))
        if first is None:
            pair = self._subject_pair(i)
            if pair is not None:
                self._add(i, i + 2, "name", first=pair, speaks=True)
                return i + 2
            first = self._subject_slot(i) or self._agreeing_name(i)
            if first is not None:
                self._add(i, i + 1, "name", first=first, speaks=self._says(i, i + 1))
            return i + 1
        end = i + 1
        while end < len(self.tokens) and end - i < self.cues.ar_max_words and self._joined(end) and self._free(end):
            t = self.tokens[end]
            if len(t.readings) > 1 and t.text[:1] == "و":
                break  # "سالكو وديمار": two names
            r = self._rare(t)
            if r is None or r.clitic:
                break
            end += 1
        self._add(i, end, "name", first=first, speaks=self._says(i, end))
        return end


def owns_what_follows(text: str, entity: Entity, cues: NameCues | None = None) -> bool:
    """Whether a sentence refers back to ``entity`` with a possessive after it: a speaker
    whose own figure is given ("Murtra said its revenue fell", "قالت زيتاترا إن إيراداتها
    ارتفعت"). In Arabic only a name that is not a person's counts (ـها is also "her")."""
    cues = cues or name_cues()
    rest = text[entity.char_end :]
    if any(normalize_for_match(w) in cues.en_possessives for w in _WORD_OR_COMMA.findall(rest)):
        return True
    if entity.type == "person" or not _ARABIC.search(rest):
        return False
    return any(
        len(w) > len(suffix) + 1 and normalize_for_match(w).endswith(suffix)
        for w in _ARABIC_TOKEN.findall(rest)
        for suffix in cues.ar_possessive_suffixes
    )


# ------------------------------------------------------------------------------------------
# Alias files


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


@lru_cache(maxsize=1)
def _territories() -> frozenset[str]:
    """Country and region names in English and Arabic (CLDR, through babel), normalised."""
    from babel import Locale

    names = set()
    for code in ("en", "ar"):
        names.update(normalize_for_match(n) for n in Locale(code).territories.values())
    return frozenset(names)


_POSSESSIVE = re.compile(f"[{APOSTROPHES}]s$", re.IGNORECASE)


def _key_token(token: str) -> str:
    return normalize_for_match(_POSSESSIVE.sub("", token))


@lru_cache(maxsize=1 << 16)  # news vocabulary repeats: each word is normalised once
def _token_keys(token: str) -> tuple[str, ...]:
    """A token's match keys: as written, then without one clitic (for a name's first word)."""
    return tuple(dict.fromkeys([_key_token(token), _key_token(strip_clitics(token)), strip_clitics(_key_token(token))]))


def _key(form: str) -> tuple[str, ...]:
    return tuple(k for k in (_key_token(t) for t in _TOKEN.findall(form)) if k)


@lru_cache(maxsize=8)
def default_aliases(*files: str | None) -> AliasTable:
    """The shipped aliases plus those of ``files`` (paths; None and "" skipped), cached."""
    return AliasTable.load(*(Path(f) for f in files if f))
