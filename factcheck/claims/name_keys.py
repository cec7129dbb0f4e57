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

A name with «عبد» (servant of) is two words however it is joined: "Abdel", "Abdelnour",
«عبدالنور» are "Abd" (and "nour"), «عبد» (and «النور») before they are compared.

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
Arabic writes both so), and a word's first ا carries any vowel. So do pairs that fit as a
careless transliteration would write them: a long vowel where Latin writes none ("Sam",
«سامي»), ا alone where Latin writes a with i or e ("Darvia", «دارفا»), letters of one class
that say two sounds (Latin "sh" and س, "s" and ش, "kh" and ك ق, "k" and خ, "gh" and ج, "j"
and غ), and an h (ه ح) that starts only one of the two words. An open match stands unless
the corpus anchors either word elsewhere (:class:`NameAnchors`).

Two Arabic spellings are one name when their skeletons are the same with ش, خ, ه, ح and ع
each its own letter (Arabic writes them as consonants, and never swaps them for س or ك),
and between each two consonants one writes the other's long vowels, perhaps with some left
out. Left out, or with ج for غ («جوجل», «غوغل»), the match is open: the corpus's Latin
spellings may say they are two names («جاران» "Jaran", «غاران» "Gharan").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from anyascii import anyascii

from factcheck.text.normalize import APOSTROPHES, normalize_arabic, normalize_for_match

__all__ = ["FIRM", "MIN_SKELETON", "NONE", "OPEN", "NameAnchors", "NameKey", "name_key", "name_words", "names_meet", "same_word", "word_fit", "word_readings"]

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

# What a letter may sound like, within its consonant class, where the two scripts tell
# sounds apart that the class joins: Arabic writes sh (ش) and s (س ص ز), kh (خ) and k (ك ق),
# and j or g (ج), gh or g (غ); Latin writes "sh", "kh", "gh", "j". A letter missing here
# may be any sound of its class.
_ARABIC_SOUNDS = {
    "ش": frozenset("S"), "ژ": frozenset("S"), "چ": frozenset("S"),
    "س": frozenset("s"), "ص": frozenset("s"), "ز": frozenset("s"),
    "خ": frozenset("K"), "ك": frozenset("k"), "ق": frozenset("k"),
    "ج": frozenset("jg"), "غ": frozenset("Gg"), "گ": frozenset("g"),
}  # fmt: skip
# Letters Arabic always writes as consonants (ه ح ع), which a name's two Arabic spellings
# never leave out, though Latin may not write them ("Mohammed", «محمد»); a final ه is
# the ending ة may be (see _endings_differ).
_ARABIC_WRITTEN = {"ه": "h", "ح": "H", "ع": "E"}
_VOWEL_LETTERS = "اوي"  # long vowels, which Arabic writes (after normalize_arabic)

# Latin, in order (longest first at each position); "c" is decided by the next letter.
_LATIN_DIGRAPHS = {"ph": "f", "sh": "s", "th": "t", "dh": "d", "kh": "k", "gh": "g", "ck": "k", "qu": "k"}
_LATIN_SOUNDS = {
    "sh": frozenset("S"), "kh": frozenset("K"), "gh": frozenset("G"), "ck": frozenset("k"), "qu": frozenset("k"),
    "s": frozenset("s"), "z": frozenset("s"), "k": frozenset("k"), "q": frozenset("k"), "j": frozenset("j"), "g": frozenset("g"),
}  # fmt: skip
# "ch" read as k may be kh ("Bach", «باخ»), read as s it is sh ("Chanel", «شانيل»)
_CH_SOUNDS = {"k": frozenset("kK"), "s": frozenset("S"), "ts": None}
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


Sounds = tuple  # per consonant of a skeleton, the sounds it may be (a frozenset), or None: any


def _segments(letters: list[tuple[str, str]], vowels: str, sound) -> tuple[str, tuple[str, ...], Sounds]:
    """(skeleton, vowel gaps, sounds) of a word given as (class, letters) pairs in order:
    the skeleton as :func:`_collapse` joins it, for each gap (before the first consonant,
    between two, after the last) the vowel letters written there, and for each consonant
    the sounds ``sound(class, letters)`` says its letters may be (a run of letters of one
    class may be any sound of any of them)."""
    skeleton, gaps, sounds, last = [], [""], [], None
    for c, written in letters:
        if c and c != last:
            heard = sound(c, written) if len(c) == 1 else None
            for ch in c:
                skeleton.append(ch)
                gaps.append("")
                sounds.append(heard)
        elif c:
            heard = sound(c, written)
            sounds[-1] = None if heard is None or sounds[-1] is None else sounds[-1] | heard
        else:
            gaps[-1] += "".join(ch for ch in written if ch in vowels)
        last = c
    return "".join(skeleton), tuple(gaps), tuple(sounds)


def _arabic_sound(_cls: str, letter: str):
    return _ARABIC_SOUNDS.get(letter)


def _latin_sound(cls: str, written: str):
    if written == "ch":
        return _CH_SOUNDS[cls]
    if written == "c":
        return frozenset(cls)
    return _LATIN_SOUNDS.get(written)


def _sounds_meet(a: Sounds, b: Sounds) -> bool:
    """Whether every consonant of two readings may be one sound."""
    return all(x is None or y is None or bool(x & y) for x, y in zip(a, b))


# Letters that start a word as a consonant of their own: a first ز is z (see the module
# docstring), a first ي or و is y or w, never a vowel ("ياريميس" is not "راميس").
_ARABIC_INITIAL = {"ز": "z", "ي": "y", "و": "w"}
_LATIN_INITIAL = {"z": "z", "y": "y", "w": "w"}


# Letters two Arabic spellings of one name never swap, though Latin writes them like others
# ("sh" and "s" in some names, "kh" and "k"): compared between Arabic spellings, each is
# its own class.
_ARABIC_OWN = {"ش": "S", "خ": "K"}


def _arabic_letters(word: str, strict: bool = False) -> list[tuple[str, str]]:
    """A word's (class, letter) pairs; ``strict`` keeps apart the letters of
    :data:`_ARABIC_OWN` (ش from س, خ from ك and ق), as two Arabic spellings of one name
    never swap them, and reads ه (but a final one), ح and ع as the consonants Arabic
    always writes them (:data:`_ARABIC_WRITTEN`)."""
    last = len(word) - 1
    return [
        (
            _ARABIC_INITIAL.get(ch, "") if i == 0 and ch in _ARABIC_INITIAL
            else _ARABIC_OWN[ch] if strict and ch in _ARABIC_OWN
            else _ARABIC_WRITTEN[ch] if strict and ch in _ARABIC_WRITTEN and not (ch == "ه" and i == last)
            else _ARABIC_CLASS.get(ch, ""),
            ch,
        )
        for i, ch in enumerate(word)
    ]  # fmt: skip


def _arabic_skeleton(word: str) -> str:
    return _collapse([c for c, _ in _arabic_letters(word)])


def _latin_letters(word: str) -> list[list[tuple[str, str]]]:
    """A Latin word's (class, letters) pairs, one list per reading of "ch" and of a final c."""
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
                letters.append((_LATIN_INITIAL[word[i]] if i == 0 and word[i] in _LATIN_INITIAL else _LATIN_CLASS.get(word[i], ""), word[i]))
                i += 1
        out.append(letters)
        if len(word) > 2 and word.endswith("c") and letters[-1] == ("k", "c"):
            out.append([*letters[:-1], ("ts", "c")])  # a final c may be ts ("Moravec", «مورافيتس»)
    return out


def _latin_skeletons(word: str) -> set[str]:
    return {_collapse([c for c, _ in letters]) for letters in _latin_letters(word)}


def _latin_variants(word: str) -> list[str]:
    """A Latin word as written, and without a leading "al-" or "el-"."""
    return [word, word[3:]] if word.lower().startswith(("al-", "el-")) else [word]


_ARABIC_VOWELS = "اوي"
_LATIN_VOWELS = "aeiouyw"


#: how well an Arabic word fits a Latin one: not at all, only by a spelling English uses
#: for sounds Arabic writes otherwise (open), or as written (firm)
NONE, OPEN, FIRM = 0, 1, 2


def _gap_fit(arabic: str, latin: str, first: bool, before_l: bool) -> int:
    """How the long vowel Arabic writes in a gap fits the Latin vowels there.

    Contradictions (:data:`NONE`): و (o, u) against only i, e, y, or only a (save before
    an l); ي (i, e) against only o, u, w; ا (a) against only i, e, y or only o, save at the
    start of the word, where ا carries any vowel ("Emmett", «إيميت»). Open (:data:`OPEN`):
    pairs English spells so and Arabic otherwise: ي against a ("James", «جيمس»), و against
    a before an l ("Ball", «بول»), ا against u ("Musk", «ماسك»), ا alone against a with i
    or e ("Darvia", «دارفا»: Arabic writes the i it hears), and a long vowel where Latin
    writes none, save at the start ("Sam", «سامي»; "Tarmar", «تاريمار»). Anything else fits
    (:data:`FIRM`), and so does a gap where Arabic writes nothing."""
    if not latin:
        return FIRM if first or not arabic else OPEN
    front, back, open_a = any(v in latin for v in "iey"), any(v in latin for v in "ouw"), "a" in latin
    if "و" in arabic and "ي" not in arabic:
        if back:
            return FIRM
        if front and not open_a:
            return NONE
        return OPEN if before_l or front else NONE
    if "ي" in arabic and "و" not in arabic:
        if front:
            return FIRM
        return OPEN if open_a else NONE
    if "ا" in arabic and not first and not open_a:
        if (front and not back) or set(latin) <= {"o"}:
            return NONE  # "تابول" is not "Tipol", "رافو" is not "Rovo"
        return OPEN  # u alone: "ماسك", "Musk"
    if set(arabic) == {"ا"} and not first and front and not back:
        return OPEN  # "Darvia", «دارفا»
    return FIRM


def _fit(arabic_gaps: tuple[str, ...], latin_gaps: tuple[str, ...], skeleton: str) -> int:
    """How every gap's vowels fit (:func:`_gap_fit`): the weakest gap decides."""
    return min(
        (_gap_fit(a, b, k == 0, skeleton[k : k + 1] == "l") for k, (a, b) in enumerate(zip(arabic_gaps, latin_gaps))),
        default=FIRM,
    )


def _cross_fit(arabic: str, latin: str) -> int:
    """How an Arabic and a Latin word may be one name: the best fit (:data:`FIRM`,
    :data:`OPEN` or :data:`NONE`) of a reading of each with the same skeleton of at least
    :data:`MIN_SKELETON` classes, whose endings agree. A fit is open, not firm, where a
    consonant's letters say two sounds (Latin "sh" against س, "s" against ش, "kh" against
    ك, "k" against خ, "gh" against ج, "j" against غ) or one word starts with an h (ه ح)
    and the other does not ("Hamar", «امار»)."""
    return _cross_match(arabic, latin)[0]


@lru_cache(maxsize=1 << 16)
def _cross_match(arabic: str, latin: str) -> tuple[int, int]:
    """(:func:`_cross_fit`, the fewest gaps after the first where only one word writes a
    vowel, in a reading that fits so): how closely a firm match fits ("Tartek" fits
    «تارتك» with one short vowel unwritten, "Tarotek" with two)."""
    best = (NONE, 0)
    latin_readings = _latin_readings(latin)
    for form, skeleton, gaps, sounds, h in _arabic_readings(arabic):
        for other, other_gaps, other_sounds, other_h in latin_readings:
            if other == skeleton and not _endings_differ(form, other_gaps[-1]):
                fit = _fit(gaps, other_gaps, skeleton)
                if fit == FIRM and (h != other_h or not _sounds_meet(sounds, other_sounds)):
                    fit = OPEN
                misses = sum(bool(x) != bool(y) for x, y in zip(gaps[1:], other_gaps[1:]))
                best = max(best, (fit, -misses))
    return best[0], -best[1]


# What one word reads as, kept per word: a corpus has a few thousand name words and meets
# each pair of them many times, more pairs than a cache of pairs holds.
@lru_cache(maxsize=1 << 16)
def _latin_readings(latin: str) -> tuple[tuple[str, tuple[str, ...], Sounds, bool], ...]:
    """(skeleton, vowel gaps, sounds, whether it starts with h) of each reading of a Latin
    word, for :func:`_cross_fit`."""
    out = []
    for v in _latin_variants(_POSSESSIVE.sub("", latin)):
        for letters in _latin_letters(v):
            out.append((*_segments(letters, _LATIN_VOWELS, _latin_sound), letters[:1] == [("", "h")]))
    return tuple(out)


@lru_cache(maxsize=1 << 16)
def _arabic_readings(arabic: str) -> tuple[tuple[str, str, tuple[str, ...], Sounds, bool], ...]:
    """(form, skeleton, vowel gaps, sounds, whether it starts with ه or ح) of each form of
    an Arabic word whose skeleton is long enough to compare, for :func:`_cross_fit`."""
    out = []
    for form in sorted(_arabic_forms(arabic)):
        skeleton, gaps, sounds = _segments(_arabic_letters(form), _ARABIC_VOWELS, _arabic_sound)
        if len(skeleton) >= MIN_SKELETON:
            out.append((form, skeleton, gaps, sounds, form[:1] in "هح"))
    return tuple(out)


@lru_cache(maxsize=1 << 16)
def _arabic_shapes(word: str) -> tuple[tuple[str, tuple[str, ...], Sounds, bool], ...]:
    """(strict skeleton, vowel gaps, sounds, whether it ends in ه) of each form of an
    Arabic word whose skeleton is long enough to compare, for :func:`_arabic_fit`."""
    out = []
    for form in sorted(_arabic_forms(word)):
        skeleton, gaps, sounds = _segments(_arabic_letters(form, strict=True), _ARABIC_VOWELS, _arabic_sound)
        if len(skeleton) >= MIN_SKELETON:
            out.append((skeleton, gaps, sounds, form.endswith("ه")))
    return tuple(out)


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
    clitic letter (and the article after it), and a first يو as the vowel it also writes."""
    word = normalize_arabic(_POSSESSIVE.sub("", word))
    forms = {word}
    if word.startswith("ال") and len(word) > 3:
        forms.add(word[2:])
    if word.startswith("يو") and len(word) > 3:
        forms.add("ا" + word[1:])  # "يونيليفر" is "Unilever": يو writes the sound of a first u
    if word[:1] in _ARABIC_CLITICS and len(word) > 3:
        forms.add(word[1:])
        if word[1:].startswith("ال") and len(word) > 4:
            forms.add(word[3:])
    return forms


def _subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(ch in it for ch in short)


def _arabic_fit(a: str, b: str) -> int:
    """How two Arabic spellings may be one name. One skeleton, in which ه ح ع are written
    consonants («هادوكور» is not «داكور»), ش is not س ("شالان" is not "سالان") and خ not ك
    or ق ("خافو" is not "قافو"): letters Latin writes alike ("sh" and "s" in some names,
    "kh" and "k") but Arabic keeps apart. Long vowels that agree, since Arabic writes them:
    between each two consonants one word's vowel letters (ا و ي) are the other's with some
    left out ("مايكروسوفت" and "ماكروسوفت"; "سوتسكيفر" and "سوتسكفير"), never others in
    their place ("تافيل" and "توفيل", "نوفيا" and "نيفا" are two names). :data:`FIRM` when
    the long vowels are the same and so are the letters' sounds; :data:`OPEN` when a vowel
    is left out or ج stands for غ ("جوجل", "غوغل"): each may be one name or two, which
    the corpus's Latin spellings may tell (:class:`NameAnchors`)."""
    best = NONE
    shapes_b = _arabic_shapes(b)
    for sa, ga, soa, ha in _arabic_shapes(a):
        for sb, gb, sob, hb in shapes_b:
            if sb != sa or ha != hb:  # "كريم" and "كريمة", "سامي" and "سامية": two names
                continue
            if all(_subsequence(x, y) or _subsequence(y, x) for x, y in zip(ga, gb)):
                best = max(best, FIRM if ga == gb and soa == sob else OPEN)
    return best


@lru_cache(maxsize=1 << 16)
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


# a corpus has few name words and meets each pair of them many times; most pairs are told
# apart by their cached keys (word_keys) at once, so 2**16 pairs take the time 2**18 did
# (10,000 sources) and about 60 MiB less
@lru_cache(maxsize=1 << 16)
def word_fit(a: str, b: str) -> int:
    """How two written words may be one name's word: :data:`FIRM` when written the same,
    two Arabic spellings of one name or an Arabic and a Latin word whose vowels fit;
    :data:`OPEN` when only a spelling English uses for a sound Arabic writes otherwise joins
    them ("Musk", «ماسك»); else :data:`NONE`. Two Latin spellings are compared as written:
    Latin writes its vowels, so "Lumara" and "Lumora" are two names."""
    if _written(a) == _written(b):
        return FIRM
    if not word_keys(a) & word_keys(b):
        return NONE  # every word a word may be shares one of its keys (word_keys): most pairs end here
    arabic_a, arabic_b = bool(_ARABIC_LETTER.search(a)), bool(_ARABIC_LETTER.search(b))
    if not (arabic_a or arabic_b):
        return NONE
    if arabic_a and arabic_b:
        return _arabic_fit(a, b)
    return _cross_fit(a, b) if arabic_a else _cross_fit(b, a)


def same_word(a: str, b: str) -> bool:
    """Whether two written words may be one name's word (:func:`word_fit`, open or firm).

    >>> same_word("نوران", "Nouran"), same_word("Noran", "Nora"), same_word("سالكو", "Dimar"), same_word("Lumara", "Lumora")
    (True, False, False, False)
    """
    return word_fit(a, b) != NONE


@lru_cache(maxsize=1 << 16)
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

    def within(self, other: NameKey, anchors: NameAnchors | None = None) -> bool:
        """Whether every word of this name is a word of ``other`` ("Veradyne" is within
        "Veradyne Semiconductor", and "ألتمان" within "Sam Altman"), words joined only by
        an open spelling counting unless ``anchors`` says either has its own firm match."""
        return bool(self) and all(any(_words_meet(w, v, anchors) for v in other) for w in self)


def _words_meet(a: str, b: str, anchors: NameAnchors | None) -> bool:
    fit = word_fit(a, b)
    if fit == OPEN and anchors is not None:
        return not anchors.taken(a, b)
    return fit != NONE


class NameAnchors:
    """The firm matches across scripts among the words of a corpus's names.

    An open spelling (:func:`word_fit`) joins «ماسك» and "Musk", but also «شالان» and
    "Sulan"; in a corpus that also writes "Shalan", «شالان» is Shalan, and Sulan is someone
    else (whose Arabic name, «سولان», fits "Sulan" firmly). So an open match across scripts
    counts only while neither word has a firm match of its own in the other script
    elsewhere in the corpus, and an open match of two Arabic spellings only while their
    closest firm Latin matches (fewest vowels only one of the two writes) share one, or
    either has none. :meth:`signature` tells an
    incremental run which words a new source re-anchors.
    """

    def __init__(self, names: Iterable[str]):
        words = sorted({w for name in names for w in name_key(name)})
        by_key: dict[str, list[str]] = {}
        for w in words:
            if not _ARABIC_LETTER.search(w):
                for k in word_keys(w):
                    by_key.setdefault(k, []).append(w)
        firm: dict[str, set[str]] = {}
        misses: dict[str, dict[str, int]] = {}  # Arabic word -> its firm Latin matches' misses
        for w in words:
            if not _ARABIC_LETTER.search(w):
                continue
            for latin in sorted({x for k in word_keys(w) for x in by_key.get(k, ())}):
                fit, missed = _cross_match(w, latin)
                if fit == FIRM:
                    wa, wl = _written(w), _written(latin)
                    firm.setdefault(wa, set()).add(wl)
                    firm.setdefault(wl, set()).add(wa)
                    misses.setdefault(wa, {})[wl] = min(missed, misses.get(wa, {}).get(wl, missed))
        self.firm = {w: frozenset(p) for w, p in firm.items()}
        # an Arabic word's closest Latin spellings: its firm matches with the fewest vowels
        # only one of the two writes (a function of the firm matches, so the signature holds)
        self.closest = {w: frozenset(x for x, n in m.items() if n == min(m.values())) for w, m in misses.items()}

    def taken(self, a: str, b: str) -> bool:
        """Whether ``a`` or ``b`` has a firm match in the other script other than the other;
        for two Arabic words, whether each has firm Latin matches and their closest ones
        differ entirely («جاران» is "Jaran" and «غاران» "Gharan", «تارتك» "Tartek" and
        «تاروتك» "Tarotek"; «جوجل» and «غوغل» are both "Google")."""
        wa, wb = _written(a), _written(b)
        if _ARABIC_LETTER.search(wa) and _ARABIC_LETTER.search(wb):
            ca, cb = self.closest.get(wa, frozenset()), self.closest.get(wb, frozenset())
            return bool(ca) and bool(cb) and not ca & cb
        return bool(self.firm.get(wa, frozenset()) - {wb}) or bool(self.firm.get(wb, frozenset()) - {wa})

    def signature(self) -> dict[str, list[str]]:
        """Each word's firm matches, sorted: what an incremental run compares."""
        return {w: sorted(p) for w, p in sorted(self.firm.items())}

    def closest_signature(self) -> dict[str, list[str]]:
        """Each Arabic word's closest Latin spellings, sorted: with :meth:`signature`, all
        that :meth:`restored` needs."""
        return {w: sorted(p) for w, p in sorted(self.closest.items())}

    @classmethod
    def restored(cls, signature: dict[str, list[str]], closest: dict[str, list[str]]) -> NameAnchors:
        """The anchors whose :meth:`signature` and :meth:`closest_signature` these are: those
        of the same names, without reading every name again."""
        anchors = cls.__new__(cls)
        anchors.firm = {w: frozenset(p) for w, p in signature.items()}
        anchors.closest = {w: frozenset(p) for w, p in closest.items()}
        return anchors

    def changed_since(self, signature: dict[str, list[str]]) -> frozenset[str]:
        """The words (as :func:`name_words` gives them) whose firm matches differ from an
        earlier :meth:`signature`: names with them must be compared again."""
        now = self.signature()
        return frozenset(w for w in set(now) | set(signature) if now.get(w) != signature.get(w))


def name_words(name: str) -> frozenset[str]:
    """The words of a name as :class:`NameAnchors` keys them."""
    return frozenset(_written(w) for w in name_key(name))


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
        for word in _servant_of(token):
            if _written(word) not in _FILLER:
                words.append(word)
    return NameKey(words)


# «عبد» and the name after it, written as one word or with the article glued on: "Abdel",
# "Abdul", "Abdelnour", «عبدالنور» ("Abdel-Nour", «عبد النور»)
_ABD_LATIN = re.compile(r"^(abd)(?:[aeiou]l)?([^\W\d_]{3,})?$", re.IGNORECASE)
_ABD_ARABIC = re.compile(r"^(عبد)(ال[\u0600-\u06FF]{2,})$")


def _servant_of(token: str) -> tuple[str, ...]:
    """A compound name with «عبد» (servant of) as its two words: "Abdel" is "Abd" (its "el"
    is the next word's article), "Abdelnour" "Abd" and "nour", «عبدالنور» «عبد» and
    «النور»; any other word as it is.

    >>> _servant_of("Abdelnour"), _servant_of("Abdul"), _servant_of("Abbas"), _servant_of("عبدالنور")
    (('Abd', 'nour'), ('Abd',), ('Abbas',), ('عبد', 'النور'))
    """
    m = _ABD_LATIN.match(token) or _ABD_ARABIC.match(token)
    if m is None:
        return (token,)
    return (m.group(1), m.group(2)) if m.group(2) else (m.group(1),)


@lru_cache(maxsize=1 << 16)  # called for every name of both claims of every candidate pair
def names_meet(a: str, b: str, anchors: NameAnchors | None = None) -> bool:
    """Whether two names are one name, one perhaps shorter ("Veradyne" and "Veradyne
    Semiconductor"), in any script ("نوران" and "Nouran"; "كيستريل داينامكس" and "Kestrel
    Dynamics"); "Department of Public Health" and "County Health Department" are not.

    >>> names_meet("مايكروسوفت", "Microsoft"), names_meet("سالكو", "ديمار")
    (True, False)

    ``anchors`` (a corpus's :class:`NameAnchors`) keeps words joined only by an open
    spelling apart when either has a firm match of its own.
    """
    ka, kb = name_key(a), name_key(b)
    return ka.within(kb, anchors) or kb.within(ka, anchors)
