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
writes the vowels that tell "Lumara" from "Lumora". What it keeps apart: a consonant more
or less ("Noran" ``nrn`` is not "نورا" ``nr``), and different consonants ("سالكو" ``slk``
is not "ديمار" ``dmr``). A z that starts a word is its own class in both scripts ("Zelix"
and «زيليكس» are one name, "Zelix" and «سالليكس» two), since only inside a word does
Arabic write an English s as ز ("Jones", «جونز»).

Vowels: where Arabic writes a long vowel, it must not contradict the Latin vowels between
the same two consonants. «تيميس» (ي: i or e) is not "Tumis" (u), «توميس» (و: o or u) is
not "Timis", «روفو» is not "Ravo", «رافو» is not "Rovo" and «تابول» not "Tipol". A gap with both letters
contradicts nothing, nor does a Latin gap with both kinds of vowel ("Peugeot", «بيجو»).
English writes sounds Arabic spells otherwise, so some pairs stay open: ي meets a ("James",
«جيمس»), و meets a before l ("Ball", «بول»), ا meets u ("ماسك" is "Musk", and "Mask":
Arabic writes both so), and a word's first ا carries any vowel.
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


def _segments(letters: list[tuple[str, str]], vowels: str) -> tuple[str, tuple[str, ...]]:
    """(skeleton, vowel gaps) of a word given as (class, letters) pairs in order: the
    skeleton as :func:`_collapse` joins it, and for each gap (before the first consonant,
    between two, after the last) the vowel letters written there."""
    skeleton, gaps, last = [], [""], None
    for c, written in letters:
        if c and c != last:
            for ch in c:
                skeleton.append(ch)
                gaps.append("")
        elif not c:
            gaps[-1] += "".join(ch for ch in written if ch in vowels)
        last = c
    return "".join(skeleton), tuple(gaps)


def _arabic_letters(word: str) -> list[tuple[str, str]]:
    return [("z" if ch == "ز" and i == 0 else _ARABIC_CLASS.get(ch, ""), ch) for i, ch in enumerate(word)]


def _arabic_skeleton(word: str) -> str:
    return _collapse([c for c, _ in _arabic_letters(word)])


def _latin_letters(word: str) -> list[list[tuple[str, str]]]:
    """A Latin word's (class, letters) pairs, one list per reading of "ch"."""
    word = anyascii(word).lower()
    out = []
    for ch_reading in _CH_READINGS if "ch" in word else ("",):
        letters, i = [], 0
        while i < len(word):
            pair = word[i : i + 2]
            if pair == "ch":
                letters.append((ch_reading, pair))
                i += 2
            elif pair in _LATIN_DIGRAPHS:
                letters.append((_LATIN_DIGRAPHS[pair], pair))
                i += 2
            elif word[i] == "c":
                letters.append(("s" if word[i + 1 : i + 2] in ("e", "i", "y") else "k", "c"))
                i += 1
            else:
                letters.append(("z" if word[i] == "z" and i == 0 else _LATIN_CLASS.get(word[i], ""), word[i]))
                i += 1
        out.append(letters)
    return out


def _latin_skeletons(word: str) -> set[str]:
    return {_collapse([c for c, _ in letters]) for letters in _latin_letters(word)}


def _latin_variants(word: str) -> list[str]:
    """A Latin word as written, and without a leading "al-" or "el-"."""
    return [word, word[3:]] if word.lower().startswith(("al-", "el-")) else [word]


_ARABIC_VOWELS = "اوي"
_LATIN_VOWELS = "aeiouyw"


def _gap_contradicts(arabic: str, latin: str, first: bool, before_l: bool) -> bool:
    """Whether the long vowel Arabic writes in a gap contradicts every Latin vowel there:
    و (o, u) against only i, e, y, or only a (save before an l: "Ball", «بول»); ي (i, e)
    against only o, u, w; ا (a) against only i, e, y or only o, save at the start of the word, where
    ا carries any vowel ("Emmett", «إيميت»). ي against only a is no contradiction: English
    writes a long a so ("James", «جيمس»)."""
    if not latin:
        return False
    front, back, open_a = any(v in latin for v in "iey"), any(v in latin for v in "ouw"), "a" in latin
    if "و" in arabic and "ي" not in arabic:
        return (front or (open_a and not before_l)) and not back and not (front and open_a)
    if "ي" in arabic and "و" not in arabic:
        return back and not front and not open_a
    if "ا" in arabic and not first:
        # not i, e alone ("تابول" is not "Tipol"), nor o alone ("رافو" is not "Rovo"); u
        # alone is open ("ماسك", "Musk")
        return not open_a and ((front and not back) or (set(latin) <= {"o"}))
    return False


def _contradicts(arabic_gaps: tuple[str, ...], latin_gaps: tuple[str, ...], skeleton: str) -> bool:
    """Whether any gap's vowels contradict (:func:`_gap_contradicts`)."""
    return any(
        _gap_contradicts(a, b, k == 0, skeleton[k : k + 1] == "l") for k, (a, b) in enumerate(zip(arabic_gaps, latin_gaps))
    )


def _cross_same(arabic: str, latin: str) -> bool:
    """Whether an Arabic and a Latin word may be one name: a reading of each with the same
    skeleton of at least :data:`MIN_SKELETON` classes whose vowels do not contradict."""
    latin_readings = [_segments(letters, _LATIN_VOWELS) for v in _latin_variants(_POSSESSIVE.sub("", latin)) for letters in _latin_letters(v)]
    for form in _arabic_forms(arabic):
        skeleton, gaps = _segments(_arabic_letters(form), _ARABIC_VOWELS)
        if len(skeleton) < MIN_SKELETON:
            continue
        for other, other_gaps in latin_readings:
            if other == skeleton and not _contradicts(gaps, other_gaps, skeleton) and not _endings_differ(form, other_gaps[-1]):
                return True
    return False


def _endings_differ(arabic: str, latin_end: str) -> bool:
    """Whether a word's ending says two names: a final ة (read as ه) against a Latin name
    that ends in a consonant ("كريمة" is not "Karim"), or a final a against an Arabic name
    that ends in a consonant it pronounces ("Karima" is not "كريم"; "Fatah" is «فتح», whose
    ح is not written in Latin)."""
    if arabic.endswith("ه"):
        return not latin_end
    return latin_end != "" and set(latin_end) <= {"a"} and _ARABIC_CLASS.get(arabic[-1:], "") != ""


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
            if fa.endswith("ه") != fb.endswith("ه"):
                continue  # "كريم" and "كريمة", "سامي" and "سامية": two names
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
        readings = {_arabic_skeleton(f) for f in _arabic_forms(word)}
    else:
        readings = {r for v in _latin_variants(word) for r in _latin_skeletons(v)}
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
    return _cross_same(a, b) if arabic_a else _cross_same(b, a)


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
