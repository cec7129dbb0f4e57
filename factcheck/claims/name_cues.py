"""What the languages say about names: cue words (``factcheck/data/names.toml``) and how
common a word is (the ``wordfreq`` package's Arabic and English lists, read offline).

A name is seldom in any list, but the words around it and the words it is not are: a
title before a person, a kind of company before its name, a word every newspaper uses.
This module answers those questions for :mod:`factcheck.claims.entities`; it knows no name.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources

from factcheck.config import check_keys, parse_toml
from factcheck.errors import ConfigError
from factcheck.text.normalize import MARKS, normalize_for_match

_WHERE = "names file factcheck/data/names.toml"
_MARKS_RE = re.compile(f"[{MARKS}]")
_ARTICLE = "ال"
# Arabic pronoun and plural endings, taken off a word to see whether its stem is common
# ("ولاءاته" is rare, "ولاء" is not). Grammar, not vocabulary: longest first.
_SUFFIXES = ("اتهم", "اتها", "هما", "ات", "ون", "ين", "وه", "هم", "ها", "كم", "نا", "ية", "ه", "ي", "ة", "ا")
_CONJUNCTIONS = "وف"
_PREPOSITIONS = "بلك"
#: Pronouns written at the end of a word: "أهدافك" (your goals), "يؤسفني", "حثها", "قصصهن".
_PRONOUNS = ("كما", "كم", "كن", "ك", "ني", "نا", "هما", "هم", "هن", "ها", "ه")
_IMPERFECT = "يتنأ"  # prefixes of a verb's present tense: يعمل، تعمل، نعمل، أعمل


def _words(value, key: str, section: str) -> list[str]:
    if isinstance(value, str):
        return value.split()
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return value
    raise ConfigError(f"{_WHERE}: [{section}] {key} must be a string of words or a list of strings")


def _number(value, key: str, section: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 8:
        raise ConfigError(f"{_WHERE}: [{section}] {key} must be a number from 0 to 8")
    return float(value)


def _languages(codes: list[str]) -> tuple[str, ...]:
    from wordfreq import available_languages

    known = available_languages(wordlist="small")
    for code in codes:
        if code not in known:
            raise ConfigError(f"{_WHERE}: [english] other_languages: wordfreq has no list for {code!r}")
    return tuple(codes)


def _keys(words: list[str]) -> frozenset[str]:
    return frozenset(normalize_for_match(w) for w in words if normalize_for_match(w))


@dataclass(frozen=True)
class NameCues:
    """The contents of ``names.toml``, every word as :func:`normalize_for_match` writes it."""

    en_common_zipf: float
    en_other_languages: tuple[str, ...]
    en_abroad_margin: float
    en_not_names: frozenset[str]
    en_titles: frozenset[str]
    en_organisation_suffixes: frozenset[str]
    en_place_suffixes: frozenset[str]
    en_place_prefixes: frozenset[str]
    en_locative: frozenset[str]
    en_locative_with_the: frozenset[str]
    en_not_locative_after: frozenset[str]
    en_saying: frozenset[str]
    en_possessives: frozenset[str]
    en_agent_verbs: frozenset[str]
    prepositions: frozenset[str]
    target_prepositions: frozenset[str]
    en_joiners: frozenset[str]
    en_of_heads: frozenset[str]
    ar_rare_zipf: float
    ar_foreign_zipf: float
    ar_foreign_definite_zipf: float
    ar_definite_zipf: float
    ar_surname_zipf: float
    ar_max_words: int
    ar_person_cues: frozenset[tuple[str, ...]]
    ar_organisation_cues: frozenset[str]
    ar_function_bodies: frozenset[str]  # a body named by what it does: «وزارة النقل», «رابطة الأسر المتضررة»
    ar_time_words: frozenset[str]  # definite words of time, which end such a name («الأربعاء»)
    ar_place_bodies: frozenset[str]
    ar_place_cues: frozenset[str]
    ar_particles: frozenset[str]
    ar_given_names: frozenset[str]
    ar_saying: frozenset[str]
    ar_subject_verbs: frozenset[str]
    ar_complementizers: frozenset[str]
    ar_organisation_after: frozenset[str]
    ar_construct_heads: frozenset[str]
    ar_possessive_suffixes: tuple[str, ...]
    ar_function_words: frozenset[str]
    fingerprint: str

    @property
    def ar_cue_length(self) -> int:
        return self._cue_shape[0]

    @property
    def ar_cue_first_words(self) -> frozenset[str]:
        return self._cue_shape[1]

    @cached_property
    def _cue_shape(self) -> tuple[int, frozenset[str]]:
        return max(len(c) for c in self.ar_person_cues), frozenset(c[0] for c in self.ar_person_cues)


_EN_KEYS = ("common_zipf", "other_languages", "abroad_margin", "function_words", "calendar_words", "person_titles", "organisation_suffixes",
            "place_suffixes", "place_prefixes", "locative", "locative_with_the", "not_locative_after", "saying", "possessives", "agent_verbs", "prepositions", "target_prepositions", "joiners", "of_heads")  # fmt: skip
_AR_KEYS = ("rare_zipf", "foreign_zipf", "foreign_definite_zipf", "definite_zipf", "surname_zipf", "max_words", "person_cues", "person_cue_phrases", "given_names", "organisation_cues",
            "place_cues", "place_bodies", "name_particles", "saying", "subject_verbs", "complementizers", "organisation_after", "construct_heads", "possessive_suffixes", "prepositions", "target_prepositions", "function_words", "function_bodies", "time_words")  # fmt: skip


def parse_name_cues(text: str) -> NameCues:
    """Check and read the text of a names file; one :class:`ConfigError` line on a mistake."""
    data = parse_toml(text, _WHERE)
    check_keys(data, ("english", "arabic"), _WHERE)
    en, ar = data.get("english", {}), data.get("arabic", {})
    if not isinstance(en, dict) or not isinstance(ar, dict):
        raise ConfigError(f"{_WHERE}: [english] and [arabic] must be tables")
    check_keys(en, _EN_KEYS, f"{_WHERE}: [english]")
    check_keys(ar, _AR_KEYS, f"{_WHERE}: [arabic]")

    def en_words(key: str) -> frozenset[str]:
        return _keys(_words(en.get(key, ""), key, "english"))

    def ar_words(key: str) -> frozenset[str]:
        return _keys(_words(ar.get(key, ""), key, "arabic"))

    phrases = _words(ar.get("person_cues", ""), "person_cues", "arabic") + _words(ar.get("person_cue_phrases", []), "person_cue_phrases", "arabic")
    max_words = ar.get("max_words", 4)
    if isinstance(max_words, bool) or not isinstance(max_words, int) or not 1 <= max_words <= 10:
        raise ConfigError(f"{_WHERE}: [arabic] max_words must be a whole number from 1 to 10")
    return NameCues(
        en_common_zipf=_number(en.get("common_zipf", 3.0), "common_zipf", "english"),
        en_other_languages=_languages(_words(en.get("other_languages", ""), "other_languages", "english")),
        en_abroad_margin=_number(en.get("abroad_margin", 0.8), "abroad_margin", "english"),
        en_not_names=en_words("function_words") | en_words("calendar_words"),
        en_titles=en_words("person_titles"),
        en_organisation_suffixes=en_words("organisation_suffixes"),
        en_place_suffixes=en_words("place_suffixes"),
        en_place_prefixes=en_words("place_prefixes"),
        en_locative=en_words("locative"),
        en_locative_with_the=en_words("locative_with_the"),
        en_not_locative_after=en_words("not_locative_after"),
        en_saying=en_words("saying"),
        en_possessives=en_words("possessives"),
        en_agent_verbs=en_words("agent_verbs"),
        prepositions=en_words("prepositions") | ar_words("prepositions"),
        target_prepositions=en_words("target_prepositions") | ar_words("target_prepositions"),
        en_joiners=en_words("joiners") | {"&"},
        en_of_heads=en_words("of_heads") | en_words("organisation_suffixes") | en_words("place_suffixes") | en_words("place_prefixes"),
        ar_rare_zipf=_number(ar.get("rare_zipf", 2.2), "rare_zipf", "arabic"),
        ar_foreign_zipf=_number(ar.get("foreign_zipf", 3.6), "foreign_zipf", "arabic"),
        ar_foreign_definite_zipf=_number(ar.get("foreign_definite_zipf", 1.0), "foreign_definite_zipf", "arabic"),
        ar_definite_zipf=_number(ar.get("definite_zipf", 3.0), "definite_zipf", "arabic"),
        ar_surname_zipf=_number(ar.get("surname_zipf", 4.1), "surname_zipf", "arabic"),
        ar_max_words=max_words,
        ar_person_cues=frozenset(tuple(normalize_for_match(p).split()) for p in phrases if normalize_for_match(p)),
        ar_organisation_cues=ar_words("organisation_cues"),
        ar_function_bodies=ar_words("function_bodies"),
        ar_time_words=ar_words("time_words"),
        ar_place_cues=ar_words("place_cues"),
        ar_place_bodies=ar_words("place_bodies"),
        ar_particles=ar_words("name_particles"),
        ar_given_names=ar_words("given_names"),
        ar_saying=ar_words("saying"),
        ar_subject_verbs=ar_words("subject_verbs"),
        ar_complementizers=ar_words("complementizers"),
        ar_organisation_after=ar_words("organisation_after"),
        ar_construct_heads=ar_words("construct_heads"),
        ar_possessive_suffixes=tuple(sorted(ar_words("possessive_suffixes"))),
        ar_function_words=ar_words("function_words"),
        fingerprint=hashlib.sha256(text.encode("utf-8")).hexdigest()[:16],
    )


@lru_cache(maxsize=1)
def name_cues() -> NameCues:
    """The shipped ``factcheck/data/names.toml``, read once."""
    return parse_name_cues(resources.files("factcheck.data").joinpath("names.toml").read_text(encoding="utf-8"))


# ------------------------------------------------------------------------------------------
# How common a word is


@lru_cache(maxsize=1 << 17)  # news vocabulary repeats: each word is looked up once
def zipf(word: str, lang: str) -> float:
    """How often ``word`` is met in ``lang`` on the Zipf scale, 0 when unseen.

    Arabic rarity is judged far below one in a million (``rare_zipf``), so Arabic uses
    wordfreq's large list; the other languages are asked only whether a word is common
    (Zipf 3 and up), which their small lists answer in a fraction of the memory."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word, lang, wordlist="large" if lang == "ar" else "small")


@lru_cache(maxsize=1 << 16)
def english_is_common(word: str, cues: NameCues) -> bool:
    """Whether a capitalised English word is capitalised only because a sentence starts
    with it: a common word ("Shares", "Officials", "Revenue"), not a name ("Nortek").

    A name is rare ("Nortek"), or as common in other languages' text as in English
    ("Microsoft", "Tesla", "Reuters": names are not translated), where a common English
    word is not ("Shares", "However").
    """
    key = normalize_for_match(word)
    if key in cues.en_not_names:
        return True
    english = zipf(key, "en")
    if english < cues.en_common_zipf:
        return False
    abroad = sorted((zipf(key, lang) for lang in cues.en_other_languages), reverse=True)
    return abroad[min(1, len(abroad) - 1)] < english - cues.en_abroad_margin if abroad else True


# ------------------------------------------------------------------------------------------
# Arabic words


def bare(token: str) -> str:
    """``token`` without marks and tatweel, letters as written (hamza kept, so "ألتمان" is
    not read as the article)."""
    return _MARKS_RE.sub("", token)


@dataclass(frozen=True)
class Reading:
    """One way to read an Arabic token: ``clitic`` letters attached in front (و ف ب ل ك),
    then ``stem`` (as written, with the article if it has one)."""

    clitic: int
    stem: str

    @property
    def definite(self) -> bool:
        return self.stem.startswith(_ARTICLE) and len(self.stem) > 3

    @property
    def preposition(self) -> bool:
        return self.clitic > 0

    @property
    def key(self) -> str:
        return _match_key(self.stem)


@lru_cache(maxsize=1 << 17)  # once per distinct stem, not once per look
def _match_key(stem: str) -> str:
    return normalize_for_match(stem)


@lru_cache(maxsize=1 << 16)
def readings(token: str) -> tuple[Reading, ...]:
    """The token as written, then with a conjunction and/or a preposition taken off
    ("وسالكو" -> "سالكو", "لشركة" -> "شركة", "للشركة" -> "الشركة"): a stem keeps at least
    three letters. A word merely starting with those letters ("بروكمان") gets both readings;
    the caller decides by frequency."""
    word = bare(token)
    out = [Reading(0, word)]
    i = 0
    if word[:1] in _CONJUNCTIONS and len(word) > 3:
        i = 1
        out.append(Reading(1, word[1:]))
    rest = word[i:]
    if rest[:2] == "لل" and len(rest) > 4:
        out.append(Reading(i + 1, _ARTICLE + rest[2:]))  # ل + ال, the alef elided
    elif rest[:1] in _PREPOSITIONS and len(rest) > 3:
        out.append(Reading(i + 1, rest[1:]))
    return tuple(out)


def _stems(stem: str) -> list[str]:
    """``stem`` and the stems left when a pronoun or plural ending comes off."""
    out = [stem]
    for s in (stem, *(stem[: -len(x)] for x in _SUFFIXES if stem.endswith(x) and len(stem) - len(x) >= 3)):
        if s not in out:
            out.append(s)
        if s != stem and s.endswith("ت"):
            out.append(s[:-1] + "ة")  # "حصتها" is "حصة" + "ها"
        for suffix in _SUFFIXES:  # two endings: "ولاءاته" -> "ولاءات" -> "ولاء"
            if s.endswith(suffix) and len(s) - len(suffix) >= 3 and s[: -len(suffix)] not in out:
                out.append(s[: -len(suffix)])
    return out


@lru_cache(maxsize=1 << 16)
def arabic_commonness(stem: str) -> float:
    """How common a word is as a noun or adjective: the frequency of its form with the
    article (of the word or of its stem without a pronoun or plural ending), or of the word
    itself when it has the article. Names are rarely written with the article: "ناشئة"
    scores 4.2 ("الناشئة"), "مايكروسوفت" 1.5 though the bare word is common."""
    best = 0.0
    for s in _stems(stem):
        form = s if s.startswith(_ARTICLE) else _ARTICLE + s
        best = max(best, zipf(form, "ar"))
    return best


def _relatives(stem: str) -> list[str]:
    """Words of the same verb as ``stem``: without the future سـ ("ستنافس" -> "تنافس"), with
    another person prefix ("تختمر" -> "يختمر"), without the past tense's feminine ت
    ("خبطت" -> "خبط")."""
    out = []
    base = stem[1:] if stem[:1] == "س" and stem[1:2] in _IMPERFECT and len(stem) > 4 else stem
    if base != stem:
        out.append(base)
    if len(base) >= 4 and base[0] in _IMPERFECT:
        out += [p + base[1:] for p in _IMPERFECT if p != base[0]]
        out += [base[: -len(e)] for e in ("ان", "ون", "وا") if base.endswith(e) and len(base) - len(e) >= 3]  # "ينضمان"
    if stem.endswith("ت") and len(stem) >= 4:
        out.append(stem[:-1])
    return out


@lru_cache(maxsize=1 << 16)
def arabic_frequency(stem: str) -> float:
    """The highest frequency of the stem, with or without the article or an ending, or of
    a form of the same verb: how common a word any reading of ``stem`` is."""
    best = 0.0
    for s in [*_stems(stem), *(r for x in _relatives(stem) for r in _stems(x))]:
        best = max(best, zipf(s, "ar"), zipf(s[2:] if s.startswith(_ARTICLE) else _ARTICLE + s, "ar"))
    return best


@lru_cache(maxsize=1 << 16)
def is_verb(stem: str) -> bool:
    """Whether ``stem`` reads as a common verb: with a present-tense person prefix, the
    same word with another prefix is common too ("تعمل" and "يعمل"); in the past tense, the
    form with or without the feminine ت is common too ("استثمرت" and "استثمر"). Names
    have no such neighbours ("نوران", "نورانت")."""
    if len(stem) < 3 or zipf(stem, "ar") < 3.0:
        return False
    if len(stem) >= 4 and stem[0] in _IMPERFECT and any(zipf(p + stem[1:], "ar") >= 3.0 for p in _IMPERFECT if p != stem[0]):
        return True
    other = stem[:-1] if stem.endswith("ت") else stem + "ت"
    return len(other) >= 3 and zipf(other, "ar") >= 2.5


@lru_cache(maxsize=1 << 16)
def looks_inflected(stem: str) -> bool:
    """Whether ``stem`` reads as a verb or an inflected word even when the form itself is
    rare: a verb form (:func:`verb_form`), a word with a pronoun ending on a common noun
    that takes the article or on a verb ("أهدافك" / "الأهداف", "سيرتك" / "السيرة",
    "رؤسائه" / "الرؤساء", "قصصهن", "يؤسفني"), a construct plural ("موظفو"), or a common stem
    under a plural or pronoun ending ("وحلفائها"). A foreign name has none of these
    neighbours ("تيلرسون", "بومبيو", "ديماك": "الديما" is no word)."""
    if verb_form(stem) or pronoun_suffixed(stem):
        return True
    if stem.endswith("و") and len(stem) >= 4 and zipf(stem[:-1], "ar") >= 3.0 and zipf(stem[:-1] + "ون", "ar") >= 2.5:
        return True  # "موظفو" (of "موظفون"), not "سالكو"
    return any(zipf(x, "ar") >= 3.0 for x in _stems(stem)[1:])


@lru_cache(maxsize=1 << 16)
def pronoun_suffixed(stem: str, verbs: bool = True) -> bool:
    """Whether ``stem`` is a common noun that takes the article (or, with ``verbs``, a
    verb) with a pronoun ending: "حصتها" ("الحصة"), "أهدافك", "يؤسفني"; not "توتون" or
    "سالكو". Without ``verbs``, "تيماك" is a name: where no verb can stand (after a cue
    or a preposition) only a noun's ending counts. A noun common only through its own
    stem ("موظفيها": "الموظف") must be met as a whole word too: "روماك" is not "روما"
    with "ك" ("الروم" is common, "روماك" rare), it is a name."""
    whole = None
    for suffix in _PRONOUNS:
        base = stem[: -len(suffix)]
        if stem.endswith(suffix) and len(base) >= 2:
            forms = [base, base[:-1] + "ة" if base.endswith("ت") else "", base[:-1] + "ء" if base[-1] in "ؤئ" else ""]
            for form in filter(None, forms):
                if zipf(form if form.startswith(_ARTICLE) else _ARTICLE + form, "ar") >= 3.0:
                    return True
                if arabic_commonness(form) >= 3.0:
                    whole = zipf(stem, "ar") if whole is None else whole
                    if whole >= _MET_AS_A_WORD:
                        return True
            if verbs and len(base) >= 3 and verb_form(base):
                return True
    return False


#: Frequency (Zipf) from which a word counts as met: inflected common nouns are (a common
#: noun with a pronoun ending is written often: "موظفيها" 3.5, "مصانعها" 2.5), made-up and
#: foreign names mostly are not ("روماك" 1.1).
_MET_AS_A_WORD = 1.5


def verb_form(stem: str) -> bool:
    """Whether ``stem`` reads as a verb by its neighbours: a present tense whose other
    persons, or whose form without a plural ending, are met ("يواجهن" / "يواجه", "تستثني"
    / "يستثني"), a future ("ستحترم"), a past tense with or without the feminine ت ("أجهضت"
    / "أجهض", "احتفت" / "احتفى", "اعتدى" / "اعتدت"), a plural imperative ("افتحوا")."""
    if is_verb(stem):
        return True
    if stem[:1] == "س" and stem[1:2] in _IMPERFECT and len(stem) >= 5 and verb_form(stem[1:]):
        return True
    if len(stem) >= 3 and stem[0] in _IMPERFECT:  # "يشل" / "تشل" too
        persons = [p + stem[1:] for p in _IMPERFECT]
        persons += [w[: -len(e)] for w in persons for e in ("ن", "ان", "ون", "ين", "وا") if w.endswith(e) and len(w) - len(e) >= 3]
        if any(zipf(w, "ar") >= 2.0 for w in persons if w != stem):
            return True
    if stem.endswith("ت") and len(stem) >= 3 and max(zipf(stem[:-1], "ar"), zipf(stem[:-1] + "ى", "ar")) >= 2.0:
        return True
    if stem.endswith("ى") and len(stem) >= 4 and zipf(stem[:-1] + "ت", "ar") >= 2.0:
        return True
    return stem.endswith("وا") and len(stem) >= 5 and zipf(stem[:-2], "ar") >= 2.0


__all__ = [
    "NameCues",
    "Reading",
    "arabic_commonness",
    "arabic_frequency",
    "pronoun_suffixed",
    "bare",
    "english_is_common",
    "is_verb",
    "looks_inflected",
    "name_cues",
    "parse_name_cues",
    "readings",
    "zipf",
]
