"""Currencies: which words, signs and abbreviations name one, which currency an amount is in,
and which amounts compare (``factcheck/data/currencies.toml``; docs/parsing.md, "Money").

A word such as "dinar" names the currency of seven countries. The quantity reader
(:mod:`factcheck.claims.quantities`) finds an amount and the currency word written with it;
this module says what that word means where it is written: an ISO 4217 code when the text or
the source's metadata determines the country, else the family's name ("dinar"), which says
the currency is not determined. Where the amount is written is a :class:`Place`: its
sentence, its paragraph and the source's country, tried in that order.

>>> table = currencies()
>>> table.settle("dinar", Place("في الأردن بلغت الكلفة 500 دينار"))
'JOD'
>>> table.settle("dinar", Place("بلغت الكلفة 500 دينار")), table.settle("dollar", Place("It cost $5"))
('dinar', 'USD')
>>> table.comparable("JOD", "dinar"), table.comparable("JOD", "KWD")
(True, False)
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from importlib import resources

from factcheck.claims.numbers import is_arabic
from factcheck.config import check_keys, parse_toml, shown, type_name
from factcheck.errors import ConfigError
from factcheck.text.normalize import normalize_arabic, normalize_word

_WHERE = "currencies file factcheck/data/currencies.toml"
_FAMILY_KEYS = ("names", "dual", "symbols", "prefixes", "default", "ambiguous")
_CURRENCY_KEYS = ("family", "country", "country_names", "adjectives", "names", "dual", "symbols", "prefixes", "subunits")
_SUBUNIT_KEYS = ("names", "divisor", "alone")
_DIVISORS = (10, 100, 1000)
#: Endings of an Arabic nisba adjective (written in its base form, ending in ي): feminine,
#: accusative, sound plurals and duals. «أردني»: أردنية، أردنياً، أردنيين، أردنيان، أردنيات.
_NISBA_ENDINGS = ("", "ة", "ا", "ين", "ان", "ات", "ون")
_ARTICLE = "ال"


def phrase_key(phrase: str) -> str:
    """The key a currency phrase is compared by: its words as the parsers normalise them."""
    return " ".join(normalize_word(phrase).split())


@dataclass(frozen=True)
class Subunit:
    """One currency's subunit: "cent" is 1/100 of the US dollar."""

    code: str
    divisor: int
    alone: bool = False  # read as this currency when nothing else determines it


@dataclass(frozen=True)
class Currency:
    code: str
    families: tuple[str, ...] = ()
    country: str = ""  # ISO 3166 alpha-2


class Place:
    """Where an amount is written: its sentence, its paragraph and the source's country,
    the order in which they determine a family's currency.

    ``paragraph`` is the paragraph's text, or a function giving the countries it names
    (so that a caller reading many sentences of one paragraph scans it once).
    """

    def __init__(self, sentence: str, paragraph: str | Callable[[], frozenset[str]] | None = None, country: str | None = None):
        self.sentence = sentence
        self._paragraph = paragraph
        self.country = country or ""
        self._named: frozenset[str] | None = None

    def levels(self, table: Currencies) -> Iterator[frozenset[str]]:
        """The countries named at each level, nearest first."""
        yield self._sentence_countries(table)
        if callable(self._paragraph):
            yield self._paragraph()
        elif self._paragraph:
            yield table.countries_named(self._paragraph)
        if self.country:
            yield frozenset({self.country})

    def _sentence_countries(self, table: Currencies) -> frozenset[str]:
        if self._named is None:
            self._named = table.countries_named(self.sentence)
        return self._named


@dataclass(frozen=True)
class Currencies:
    """The contents of ``currencies.toml``.

    ``names`` and ``duals`` map a unit (an ISO code or a family) to the phrases that name it
    after a number, as written in the file, with every adjective form already joined to the
    family's words ("Kuwaiti dinars", «دنانير كويتية»). ``symbols`` (before or after the
    number) and ``prefixes`` (before it) map what is written, case and all, to a unit;
    ``subunits`` maps a subunit's :func:`phrase_key` to the currencies that have it.
    """

    currencies: dict[str, Currency]
    defaults: dict[str, str]  # family -> the code it reads as when nothing determines it ("" for none)
    names: dict[str, tuple[str, ...]]
    duals: dict[str, tuple[str, ...]]
    symbols: dict[str, str]
    prefixes: dict[str, str]
    ambiguous: frozenset[str]  # phrase keys that are money only in a sentence of money
    subunits: dict[str, tuple[Subunit, ...]]
    money_words: frozenset[str]
    weight_words: frozenset[str]
    country_words: dict[str, str] = field(repr=False)  # a country's names and adjectives -> the country
    country_signs: dict[str, str] = field(repr=False)  # signs of its currency that hold more than letters ("C$")

    # ---- what a unit is ------------------------------------------------------------------

    def is_family(self, unit: str | None) -> bool:
        return unit in self.defaults

    def is_money(self, unit: str | None) -> bool:
        return unit in self.currencies or unit in self.defaults

    def family_codes(self, family: str) -> tuple[str, ...]:
        return tuple(c for c, cur in sorted(self.currencies.items()) if family in cur.families)

    def comparable(self, a: str, b: str) -> bool:
        """Whether two money units may be compared: one code or one family, or a code and
        its own family ("JOD" and "dinar"); never two codes nor two families."""
        if a == b:
            return True
        if self.is_family(a) == self.is_family(b):
            return False
        family, code = (a, b) if self.is_family(a) else (b, a)
        return code in self.currencies and family in self.currencies[code].families

    def comparison_keys(self, unit: str) -> tuple[str, ...]:
        """Keys shared by every unit ``unit`` compares with: its families, else itself.
        JOD and KWD share "dinar" though they never compare: a key only gathers candidates."""
        currency = self.currencies.get(unit)
        if currency is not None and currency.families:
            return currency.families
        return (unit,)

    # ---- where an amount is written ------------------------------------------------------

    def countries_named(self, text: str) -> frozenset[str]:
        """The countries ``text`` names: a country's name or adjective in either script
        ("Jordan", "Jordanian", «الأردن», «بالأردن», «الأردنية»), or a sign of its currency
        that holds more than letters ("C$", «د.ك»)."""
        latin, signs, arabic = self._country_patterns
        found = {self.country_words[m.group()] for m in latin.finditer(text)} if latin else set()
        found |= {self.country_signs[m.group()] for m in signs.finditer(text)} if signs else set()
        if arabic is not None and any("\u0600" <= ch <= "\u06ff" for ch in text):
            found |= {self._arabic_country[m.group("name")] for m in arabic.finditer(normalize_arabic(text))}
        return frozenset(found)

    def settle(self, unit: str, place: Place) -> str:
        """The currency a family's word names at ``place``: the code of the one country of
        the family named in the sentence, else in the paragraph, else the source's country,
        else the family's default; the family itself where two are named or none is."""
        if not self.is_family(unit):
            return unit
        codes = self.family_codes(unit)
        for named in place.levels(self):
            hits = [c for c in codes if self.currencies[c].country in named]
            if len(hits) == 1:
                return hits[0]
            if hits:
                return unit
        return self.defaults[unit] or unit

    def subunit(self, key: str, main: str | None, place: Place) -> tuple[str, int] | None:
        """(unit, divisor) of the subunit ``key`` of the amount's unit ``main`` ("cents"
        after "3 dollars"), or with no main unit ("50 cents") when its currency is
        determined (module docstring; docs/parsing.md). None when it cannot be told."""
        candidates = self.subunits.get(key, ())
        if main is not None:
            if main in self.currencies:
                return next(((main, s.divisor) for s in candidates if s.code == main), None)
            candidates = tuple(s for s in candidates if main in self.currencies[s.code].families)
            if len({s.code for s in candidates}) == 1:
                return candidates[0].code, candidates[0].divisor  # halalas are the Saudi riyal's
            divisors = {s.divisor for s in candidates}
            return (main, divisors.pop()) if len(divisors) == 1 else None
        if not candidates:
            return None
        if len({s.code for s in candidates}) == 1:
            return candidates[0].code, candidates[0].divisor
        for named in place.levels(self):
            hits = [s for s in candidates if self.currencies[s.code].country in named]
            if len({s.code for s in hits}) == 1:
                return hits[0].code, hits[0].divisor
            if hits:
                return None
        alone = [s for s in candidates if s.alone]
        return (alone[0].code, alone[0].divisor) if alone else None

    def money_sentence(self, text: str) -> bool:
        """Whether an English sentence speaks of money and not of weight, for a name that is
        both ("pounds"): a word of money, no word of weight."""
        words = set(re.findall(r"[a-z]+", text.lower()))
        return bool(words & self.money_words) and not words & self.weight_words

    @cached_property
    def _country_patterns(self) -> tuple[re.Pattern | None, re.Pattern | None, re.Pattern | None]:
        """(Latin names and adjectives, as written; signs, as written, glued to their number or
        not; Arabic words, normalised, with a clitic or the article on them)."""

        def alternatives(words) -> str:
            return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=lambda w: (-len(w), w)))

        latin = [w for w in self.country_words if not is_arabic(w)]
        latin_re = re.compile(r"(?<!\w)(?:" + alternatives(latin) + r")(?!\w)") if latin else None
        signs_re = re.compile(r"(?<![^\W\d_])(?:" + alternatives(self.country_signs) + ")") if self.country_signs else None
        if not self._arabic_country:
            return latin_re, signs_re, None
        # a conjunction and a preposition may stand on the name; ل before the article is لل
        arabic_re = re.compile(r"(?<![^\W\d_])(?:[وف]?[بكل]?)(?P<name>" + alternatives(self._arabic_country) + r")(?![^\W\d_])")
        return latin_re, signs_re, arabic_re

    @cached_property
    def _arabic_country(self) -> dict[str, str]:
        """Normalised Arabic country words and every form of them that the scan reads."""
        out: dict[str, str] = {}
        for word, country in self.country_words.items():
            if not is_arabic(word):
                continue
            key = " ".join(normalize_arabic(word).split())
            forms = {key}
            if key.endswith("ي") and " " not in key:  # a nisba adjective
                forms = {key + e for e in map(normalize_arabic, _NISBA_ENDINGS)}
                forms |= {_ARTICLE + f for f in forms}
            forms |= {"ل" + f[1:] for f in forms if f.startswith(_ARTICLE)}  # للأردن: ل + الأردن
            for f in forms:
                out.setdefault(f, country)
        return out


# --------------------------------------------------------------------------------------------
# Reading and checking the file
# --------------------------------------------------------------------------------------------


def _strings(value, key: str, where: str, required: bool = False) -> list[str]:
    if not isinstance(value, list):
        raise ConfigError(f"{_WHERE}: {where} {key!r} must be a list of strings, not {shown(value)}")
    for v in value:
        if not isinstance(v, str):
            raise ConfigError(f"{_WHERE}: {where} {key!r} must be a list of strings; {shown(v)} is {type_name(v)}")
        if not v.strip():
            raise ConfigError(f"{_WHERE}: {where} {key!r}: an empty name")
    if required and not value:
        raise ConfigError(f"{_WHERE}: {where} {key!r} must list at least one name")
    return [v.strip() for v in value]


def _table(data: dict, key: str, what: str) -> dict:
    value = data.get(key, {})
    if not isinstance(value, dict) or not all(isinstance(v, dict) for v in value.values()):
        raise ConfigError(f"{_WHERE}: {key!r} must be a table of [{key}.{what}] tables")
    return value


def _nisba_forms(adjective: str) -> list[str]:
    """An Arabic adjective in the forms that agree with a currency's word."""
    if " " in adjective or not normalize_arabic(adjective).endswith("ي"):
        return [adjective]
    return [adjective + e for e in _NISBA_ENDINGS]


def _joined(names: list[str], adjectives: list[str]) -> list[str]:
    """A family's words with a country's adjective: before them in English ("Kuwaiti
    dinars"), after them in Arabic in every agreeing form («دنانير كويتية»), with the article
    on both or neither («الدينار الكويتي»)."""
    out = []
    for adjective in adjectives:
        arabic = is_arabic(adjective)
        for name in names:
            if is_arabic(name) != arabic or name.split()[0] in ("of", "من"):
                continue
            if not arabic:
                out.append(f"{adjective} {name}")
                continue
            definite = normalize_arabic(name).startswith(_ARTICLE)
            out += [f"{name} {_ARTICLE if definite else ''}{form}" for form in _nisba_forms(adjective)]
    return out


class _Owners:
    """What each phrase names, refusing a phrase that names two units."""

    def __init__(self, what: str, key: Callable[[str], str]):
        self.what, self.key, self.owner = what, key, {}

    def add(self, phrase: str, unit: str) -> None:
        k = self.key(phrase)
        other = self.owner.setdefault(k, unit)
        if other != unit:
            a, b = sorted((other, unit))
            raise ConfigError(f"{_WHERE}: {self.what} {k!r} names both {a} and {b}")


def parse_currencies(text: str) -> Currencies:
    """Check and read the text of a currencies file; one :class:`ConfigError` line on a mistake."""
    data = parse_toml(text, _WHERE)
    check_keys(data, ("context", "families", "currencies"), _WHERE)
    context = data.get("context", {})
    if not isinstance(context, dict):
        raise ConfigError(f"{_WHERE}: 'context' must be a table")
    check_keys(context, ("money_words", "weight_words"), f"{_WHERE}: [context]")
    money_words = _strings(context.get("money_words", []), "money_words", "[context]")
    weight_words = _strings(context.get("weight_words", []), "weight_words", "[context]")
    families = _table(data, "families", "NAME")
    table = _table(data, "currencies", "CODE")

    names: dict[str, list[str]] = {}
    duals: dict[str, list[str]] = {}
    symbols: dict[str, str] = {}
    prefixes: dict[str, str] = {}
    written = _Owners("the sign", lambda s: s)
    named = _Owners("the name", phrase_key)
    dual_named = _Owners("the dual", phrase_key)
    ambiguous: set[str] = set()
    family_names: dict[str, list[str]] = {}
    family_duals: dict[str, list[str]] = {}

    def signs(unit: str, entry: dict, where: str) -> None:
        for key, into in (("symbols", symbols), ("prefixes", prefixes)):
            for s in _strings(entry.get(key, []), key, where):
                written.add(s, unit)
                into[s] = unit

    for family, entry in families.items():
        where = f"[families.{family}]"
        if not re.fullmatch(r"[a-z]+", family):
            raise ConfigError(f"{_WHERE}: {where}: a family's name is lower-case letters")
        check_keys(entry, _FAMILY_KEYS, f"{_WHERE}: {where}")
        family_names[family] = _strings(entry.get("names", []), "names", where, required=True)
        family_duals[family] = _strings(entry.get("dual", []), "dual", where)
        for n in family_names[family]:
            named.add(n, family)
        for n in family_duals[family]:
            dual_named.add(n, family)
        names[family], duals[family] = list(family_names[family]), list(family_duals[family])
        keys = {phrase_key(n) for n in family_names[family]}
        for n in _strings(entry.get("ambiguous", []), "ambiguous", where):
            if phrase_key(n) not in keys:
                raise ConfigError(f"{_WHERE}: {where} 'ambiguous': {n!r} is none of its names")
            ambiguous.add(phrase_key(n))
        signs(family, entry, where)

    currencies_: dict[str, Currency] = {}
    subunits: dict[str, list[Subunit]] = {}
    alone: dict[str, str] = {}
    country_words: dict[str, str] = {}
    country_signs: dict[str, str] = {}
    for code, entry in table.items():
        where = f"[currencies.{code}]"
        if not re.fullmatch(r"[A-Z]{3}", code):
            raise ConfigError(f"{_WHERE}: {where}: a currency is its ISO 4217 code, three capital letters")
        check_keys(entry, _CURRENCY_KEYS, f"{_WHERE}: {where}")
        member_of = _strings(entry.get("family", []), "family", where)
        for f in member_of:
            if f not in families:
                raise ConfigError(f"{_WHERE}: {where} 'family': no [families.{f}] table")
        country = entry.get("country", "")
        if not isinstance(country, str) or (country and not re.fullmatch(r"[A-Z]{2}", country)):
            raise ConfigError(f"{_WHERE}: {where} 'country' must be an ISO 3166 code of two capital letters, not {shown(country)}")
        currencies_[code] = Currency(code, tuple(member_of), country)
        adjectives = _strings(entry.get("adjectives", []), "adjectives", where)
        written.add(code, code)
        symbols[code] = code  # the code names it, in capitals, before or after the number
        own = _strings(entry.get("names", []), "names", where)
        own += [p for f in member_of for p in _joined(family_names[f], adjectives)]
        own_duals = _strings(entry.get("dual", []), "dual", where)
        own_duals += [p for f in member_of for p in _joined(family_duals[f], adjectives)]
        for n in own:
            named.add(n, code)
        for n in own_duals:
            dual_named.add(n, code)
        names[code], duals[code] = own, own_duals
        signs(code, entry, where)
        if country:
            for w in _strings(entry.get("country_names", []), "country_names", where) + adjectives:
                country_words.setdefault(w, country)
            for s in _strings(entry.get("symbols", []), "symbols", where) + _strings(entry.get("prefixes", []), "prefixes", where):
                if not s.isalpha():
                    country_signs.setdefault(s, country)  # "C$" names Canada; "QR" (a QR code) names nothing
        units = entry.get("subunits", [])
        if not isinstance(units, list) or not all(isinstance(u, dict) for u in units):
            raise ConfigError(f"{_WHERE}: {where} 'subunits' must be a list of tables")
        for i, unit in enumerate(units, 1):
            sub = f"{where} subunit #{i}"
            check_keys(unit, _SUBUNIT_KEYS, f"{_WHERE}: {sub}")
            if "names" not in unit or "divisor" not in unit:
                raise ConfigError(f"{_WHERE}: {sub} needs names and a divisor")
            divisor, is_alone = unit["divisor"], unit.get("alone", False)
            if isinstance(divisor, bool) or divisor not in _DIVISORS:
                raise ConfigError(f"{_WHERE}: {sub}: 'divisor' must be 10, 100 or 1000, not {shown(divisor)}")
            if not isinstance(is_alone, bool):
                raise ConfigError(f"{_WHERE}: {sub}: 'alone' must be true or false")
            for n in _strings(unit["names"], "names", sub, required=True):
                k = phrase_key(n)
                if any(s.code == code for s in subunits.get(k, ())):
                    continue
                subunits.setdefault(k, []).append(Subunit(code, divisor, is_alone))
                if is_alone:
                    other = alone.setdefault(k, code)
                    if other != code:
                        a, b = sorted((other, code))
                        raise ConfigError(f"{_WHERE}: {k!r} is marked alone in both {a} and {b}")

    defaults: dict[str, str] = {}
    for family, entry in families.items():
        default = entry.get("default", "")
        if default and (default not in currencies_ or family not in currencies_[default].families):
            raise ConfigError(f"{_WHERE}: [families.{family}] 'default': {shown(default)} is no currency of the family")
        defaults[family] = default
    return Currencies(
        currencies=currencies_,
        defaults=defaults,
        names={u: tuple(dict.fromkeys(p)) for u, p in names.items()},
        duals={u: tuple(dict.fromkeys(p)) for u, p in duals.items() if p},
        symbols=symbols,
        prefixes=prefixes,
        ambiguous=frozenset(ambiguous),
        subunits={k: tuple(v) for k, v in subunits.items()},
        money_words=frozenset(w.lower() for w in money_words),
        weight_words=frozenset(w.lower() for w in weight_words),
        country_words=country_words,
        country_signs=country_signs,
    )


@lru_cache(maxsize=1)
def currencies() -> Currencies:
    """The shipped ``factcheck/data/currencies.toml``, read once."""
    return parse_currencies(resources.files("factcheck.data").joinpath("currencies.toml").read_text(encoding="utf-8"))


def country_of_locale(locale: str | None) -> str:
    """The region of a locale, the country it names: "ar_JO" and "ar-JO" are "JO"; "ar" none.

    >>> country_of_locale("ar_JO"), country_of_locale("en-gb"), country_of_locale("ar")
    ('JO', 'GB', '')
    """
    if not locale or not isinstance(locale, str):
        return ""
    for part in re.split(r"[-_]", locale.strip())[1:]:
        if len(part) == 2 and part.isalpha():
            return part.upper()
    return ""


def source_country(source) -> str:
    """The country a source's metadata gives: its `country`, else the region of its `locale`
    (either may be missing on a source)."""
    country = getattr(source, "country", None)
    if isinstance(country, str) and re.fullmatch(r"[A-Za-z]{2}", country.strip()):
        return country.strip().upper()
    return country_of_locale(getattr(source, "locale", None))


class Paragraphs:
    """The places of a source's sentences: each sentence with the countries its paragraph
    names (the lines it is written on, scanned once each) and the source's country."""

    def __init__(self, text: str, country: str = ""):
        self.text = text
        self.country = country
        self._named: dict[tuple[int, int], frozenset[str]] = {}

    def place(self, start: int, end: int) -> Place:
        """Where the sentence at ``text[start:end]`` is written."""
        lo = self.text.rfind("\n", 0, start) + 1
        hi = self.text.find("\n", max(start, end - 1))
        hi = len(self.text) if hi < 0 else hi

        def named() -> frozenset[str]:
            if (lo, hi) not in self._named:
                self._named[(lo, hi)] = currencies().countries_named(self.text[lo:hi])
            return self._named[(lo, hi)]

        return Place(self.text[start:end], named, self.country)
