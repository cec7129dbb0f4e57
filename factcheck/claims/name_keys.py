"""When two written names are one name, in any script: a key made of how a name sounds.

An Arabic newspaper writes "ماسك" where an English one writes "Musk", and "نوران" where
another writes "Nouran" or "Noran". No list can hold every name, so names are compared by
a phonetic skeleton that both scripts reduce to:

- every letter maps to a consonant class (Arabic letters by their usual transliteration,
  Latin letters after :func:`anyascii.anyascii` has taken accents and other scripts to
  ASCII): ``b p`` one class, ``f v``, ``k q c(hard) ck kh``, ``g j gh`` (ج is g in
  "جوجل" and j in "جمال"), ``s z sh ch c(soft)`` (س ز ش ص), ``t th`` (ت ط ث), ``d dh``
  (د ض ذ), and l m n r each their own;
- vowels and the letters Arabic writes for vowels or leaves unwritten are dropped
  (a e i o u y w h; ا و ي ى ه ة ع ء ح), so "Nouran", "Noran" and "نوران" all read ``nrn``;
- a letter written twice in a row is one ("Emmett" and "إيميت" read ``mt``); a consonant
  repeated across a vowel is two ("شاريكس" ``srks`` is not "شوريريكس" ``srrks``).

A word has several readings where spelling is ambiguous: an Arabic word that starts with
the article ال reads with and without it ("العتيبي" and "Otaibi"; "التمان" and "Altman"),
and one that starts with a clitic letter (و ف ب ل ك) with and without it ("بديمار" and
"Dimar"); Latin "ch" reads k, s or ts ("تش"). Two words are one when a reading of each is
the same skeleton of at least :data:`MIN_SKELETON` classes, or when they are written the
same (:func:`factcheck.text.normalize.normalize_for_match`).

Skeletons compare a name across scripts and between Arabic spellings ("سوتسكيفر" and
"سوتسكفير"); two Latin spellings are compared as written (accents aside), since Latin
writes the vowels that tell "Lumara" from "Lumora". What the key cannot tell apart, by
design: an Arabic spelling and the Latin names that differ only in their vowels ("ماسك"
reads ``msk`` and meets both "Musk" and "Mask"; Arabic writes both so). What it keeps
apart: a consonant more or less ("Noran" ``nrn`` is not "نورا" ``nr``), and different
consonants ("سالكو" ``slk`` is not "ديمار" ``dmr``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from anyascii import anyascii

from factcheck.text.normalize import APOSTROPHES, normalize_arabic, normalize_for_match

__all__ = ["MIN_SKELETON", "NameKey", "name_key", "names_meet", "same_word", "word_readings"]

#: Skeletons shorter than this (one consonant: "Ilya", "Eli") say too little to equate
#: two different spellings; such words meet only when written the same.
MIN_SKELETON = 2

# Arabic letters (after normalize_arabic: hamza seats, ة -> ه, ى -> ي) -> consonant class;
# "" drops the letter.
_ARABIC_CLASS = {
    "ا": "", "و": "", "ي": "", "ه": "", "ع": "", "ء": "", "ح": "",
    "ب": "b", "پ": "b",
    "ت": "t", "ط": "t", "ث": "t",
    "ج": "g", "غ": "g", "گ": "g",
    "خ": "k", "ك": "k", "ق": "k",
    "د": "d", "ض": "d", "ذ": "d", "ظ": "d",
    "ر": "r", "ز": "s", "س": "s", "ش": "s", "ص": "s", "ژ": "s", "چ": "s",
    "ف": "f", "ڤ": "f",
    "ل": "l", "م": "m", "ن": "n",
}  # fmt: skip
_ARABIC_CLITICS = "وفبلك"
_VOWEL_LETTERS = "اوي"  # long vowels, which Arabic writes (after normalize_arabic)

# Latin, in order (longest first at each position); "c" is decided by the next letter.
_LATIN_DIGRAPHS = {"ph": "f", "sh": "s", "th": "t", "dh": "d", "kh": "k", "gh": "g", "ck": "k", "qu": "k"}
_LATIN_CLASS = {
    "b": "b", "p": "b", "f": "f", "v": "f", "k": "k", "q": "k", "g": "g", "j": "g",
    "s": "s", "z": "s", "t": "t", "d": "d", "l": "l", "m": "m", "n": "n", "r": "r", "x": "ks",
}  # fmt: skip
_CH_READINGS = ("k", "s", "ts")

# Words that do not tell one name from another: articles and joiners.
_FILLER = frozenset({"the", "and", "of", "al", "el", "ال", "&"})
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_POSSESSIVE = re.compile(f"[{APOSTROPHES}]s$", re.IGNORECASE)
_ARABIC_LETTER = re.compile(r"[\u0600-\u06FF]")


def _collapse(classes: list[str]) -> str:
    """Join the classes of a word's letters (or letter groups), in order: "" for a dropped
    letter, and one class for a run of letters next to each other with the same class.
    A dropped letter between two keeps both: "r" + vowel + "r" is two consonants."""
    out, last = [], None
    for c in classes:
        if c and c != last:
            out.append(c)
        last = c
    return "".join(out)


def _arabic_skeleton(word: str) -> str:
    return _collapse([_ARABIC_CLASS.get(ch, "") for ch in word])


def _latin_skeletons(word: str) -> set[str]:
    word = anyascii(word).lower()
    out = set()
    for ch_reading in _CH_READINGS if "ch" in word else ("",):
        classes, i = [], 0
        while i < len(word):
            pair = word[i : i + 2]
            if pair == "ch":
                classes.append(ch_reading)
                i += 2
            elif pair in _LATIN_DIGRAPHS:
                classes.append(_LATIN_DIGRAPHS[pair])
                i += 2
            elif word[i] == "c":
                classes.append("s" if word[i + 1 : i + 2] in ("e", "i", "y") else "k")
                i += 1
            else:
                classes.append(_LATIN_CLASS.get(word[i], ""))
                i += 1
        out.add(_collapse(classes))
    return out


@lru_cache(maxsize=1 << 16)
def _arabic_forms(word: str) -> set[str]:
    """The forms an Arabic word may be read as: as written, without the article, without a
    clitic letter (and the article after it)."""
    word = normalize_arabic(_POSSESSIVE.sub("", word))
    forms = {word}
    if word.startswith("ال") and len(word) > 3:
        forms.add(word[2:])
    if word[:1] in _ARABIC_CLITICS and len(word) > 3:
        forms.add(word[1:])
        if word[1:].startswith("ال") and len(word) > 4:
            forms.add(word[3:])
    return forms


def _subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(ch in it for ch in short)


def _arabic_same(a: str, b: str) -> bool:
    """Two Arabic spellings of one name: one skeleton, and long vowels that agree, since
    Arabic writes them: one word's vowel letters (ا و ي) are the other's with some left
    out ("مايكروسوفت" and "ماكروسوفت"; "سوتسكيفر" and "سوتسكفير"), never others in their
    place ("تافيل" and "توفيل" are two names)."""
    for fa in _arabic_forms(a):
        sa, va = _arabic_skeleton(fa), "".join(ch for ch in fa if ch in _VOWEL_LETTERS)
        for fb in _arabic_forms(b):
            if len(sa) < MIN_SKELETON or _arabic_skeleton(fb) != sa:
                continue
            vb = "".join(ch for ch in fb if ch in _VOWEL_LETTERS)
            if _subsequence(va, vb) or _subsequence(vb, va):
                return True
    return False


def word_readings(word: str) -> frozenset[str]:
    """The skeletons a written word may stand for (see the module docstring).

    >>> sorted(word_readings("ماسك")), sorted(word_readings("Musk"))
    (['msk'], ['msk'])
    >>> sorted(word_readings("العتيبي"))
    ['ltb', 'tb']
    """
    word = _POSSESSIVE.sub("", word)
    if _ARABIC_LETTER.search(word):
        word = normalize_arabic(word)
        forms = {word}
        if word.startswith("ال") and len(word) > 3:
            forms.add(word[2:])
        if word[0] in _ARABIC_CLITICS and len(word) > 3:
            forms.add(word[1:])
            if word[1:].startswith("ال") and len(word) > 4:
                forms.add(word[3:])
        readings = {_arabic_skeleton(f) for f in forms}
    else:
        readings = _latin_skeletons(word)
        if word.lower().startswith(("al-", "el-")):
            readings |= _latin_skeletons(word[3:])
    return frozenset(r for r in readings if r)


@lru_cache(maxsize=1 << 16)
def _written(word: str) -> str:
    word = normalize_for_match(_POSSESSIVE.sub("", word))
    return word if _ARABIC_LETTER.search(word) else anyascii(word)  # "Müller" is "Muller"


def same_word(a: str, b: str) -> bool:
    """Whether two written words may be one name's word: written the same, or, when one
    of them is in Arabic script, sharing a reading of at least :data:`MIN_SKELETON`
    consonant classes. Two Latin spellings are compared as written: Latin writes its
    vowels, so "Lumara" and "Lumora" are two names, while Arabic leaves them out.

    >>> same_word("نوران", "Nouran"), same_word("Noran", "Nora"), same_word("سالكو", "Dimar"), same_word("Lumara", "Lumora")
    (True, False, False, False)
    """
    if _written(a) == _written(b):
        return True
    arabic_a, arabic_b = bool(_ARABIC_LETTER.search(a)), bool(_ARABIC_LETTER.search(b))
    if not (arabic_a or arabic_b):
        return False
    if arabic_a and arabic_b:
        return _arabic_same(a, b)
    shared = word_readings(a) & word_readings(b)
    return any(len(s) >= MIN_SKELETON for s in shared)


def word_keys(word: str) -> frozenset[str]:
    """Keys under which a name's word can be looked up so that every word it may be
    (:func:`same_word`) shares one: how it is written, and its readings of at least
    :data:`MIN_SKELETON` classes.

    >>> bool(word_keys("نوران") & word_keys("Nouran")), bool(word_keys("سالكو") & word_keys("Dimar"))
    (True, False)
    """
    return frozenset({_written(word)} | {r for r in word_readings(word) if len(r) >= MIN_SKELETON})


class NameKey(tuple):
    """A name's words (fillers such as "the", "of", "al" left out), each as written; see
    :func:`name_key`. Compare two with :meth:`within`."""

    def within(self, other: NameKey) -> bool:
        """Whether every word of this name is a word of ``other`` ("Veradyne" is within
        "Veradyne Semiconductor", and "ألتمان" within "Sam Altman")."""
        return bool(self) and all(any(same_word(w, v) for v in other) for w in self)


@lru_cache(maxsize=1 << 16)
def name_key(name: str) -> NameKey:
    """The words of ``name`` that tell it apart, for :func:`names_meet`.

    Fillers go, and so do words with no letter to compare ("AI" alone still counts: only
    articles and joiners are fillers).

    >>> name_key("The Department of Public Health")
    ('Department', 'Public', 'Health')
    """
    words = []
    for token in _WORD.findall(name.replace("-", " ")):
        if _written(token) in _FILLER:
            continue
        words.append(token)
    return NameKey(words)


@lru_cache(maxsize=1 << 16)  # called for every name of both claims of every candidate pair
def names_meet(a: str, b: str) -> bool:
    """Whether two names are one name, one perhaps shorter ("Veradyne" and "Veradyne
    Semiconductor"), in any script ("نوران" and "Nouran"; "كيستريل داينامكس" and "Kestrel
    Dynamics"); "Department of Public Health" and "County Health Department" are not.

    >>> names_meet("مايكروسوفت", "Microsoft"), names_meet("سالكو", "ديمار")
    (True, False)
    """
    ka, kb = name_key(a), name_key(b)
    return ka.within(kb) or kb.within(ka)
