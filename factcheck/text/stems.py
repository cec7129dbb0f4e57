"""Word stems: which inflected words are one word for matching.

Words around a figure say what it measures ("signed", "invested", "موظفين"), and two
sources word it in different forms: "signed" and "signing", "الموظفين" and "موظفا". A stem
is the key those forms share. English words get the Snowball English stemmer (Porter2);
Arabic words get factcheck's own spelling (:mod:`factcheck.text.normalize`) and clitic
handling, then the Snowball Arabic stemmer. Real stems keep apart words that only begin
alike: "investigation" and "investment", "election" and "electricity", "اقتراع"
(ballot) and "اقتراض" (borrowing).

What the Arabic stemmer leaves to us, measured on the seed and fixture corpora:

- It removes و ف ب ال بال كال لل, but not وال فال ل ك ("والموظفين", "لموظفي"), so
  :func:`~factcheck.text.normalize.strip_clitics` goes first. A one-letter clitic is
  the exception, since it may be the word's first letter: Snowball decides for و ف ب,
  after the suffixes and only when more than three letters remain ("وقعت" is the verb
  وقع, "وجمعت" is و + جمعت), and ل ك are taken by the same rule ("كشفت" is كشف,
  "لموظفي" is ل + موظفي). A taken letter leaves the rest to be stemmed on its own, as
  the bare word would be ("ويبدو" as "يبدو"). Before an alef Snowball always keeps the
  letter, and after normalisation "وا" also spells و + أ ("وأعلنت"): there the clitic
  rule alone applies.
- Unless a word has the article it reads it as a verb, taking one letter of the plural ات
  at a time ("استثمارات" -> "استثمارا") and, for a word read as a future verb, the س
  ("سيارات" -> "يارا"). The plural ات is removed before it, and it is run until the stem
  no longer changes.
- It reads a final ه as the pronoun "his", and after taking it takes a ك too ("وشركه" ->
  "وشر"). The normaliser spells the feminine ending ة as ه, so a final ه is given to
  Snowball as ة, its feminine reading; the key spells it ه again.
- Arabic roots have three letters: a step that would leave fewer is not taken. Nor is
  Snowball's reading of the last ن of a four-letter word as a feminine plural, rare in
  news, where it is mostly a root letter: "أعلن" (announced) stays apart from "أعلى"
  (highest), "يؤمن" (believes) from "يوم" (day).
"""

from __future__ import annotations

import re

import Stemmer

from factcheck.text.normalize import normalize_for_match, strip_clitics

#: The stemmer's version: stems stored with claims are valid only under the same one.
STEMMER = f"snowball-{Stemmer.version()}"

# PyStemmer's own cache is off: :func:`factcheck.claims.context.word_key` caches the keys.
# An instance is not for concurrent use; its stemWord holds the GIL for the whole call.
_ENGLISH = Stemmer.Stemmer("english", 0)
_ARABIC = Stemmer.Stemmer("arabic", 0)
_LATIN = re.compile(r"[a-z]")
_ROOT = 3  # letters of an Arabic root: no stem is cut shorter
_SNOWBALL_CLITICS = "وفب"  # one-letter proclitics the Arabic stemmer removes itself
_PASSES = 3  # Snowball's Arabic stem of a stem may be shorter still; two passes suffice on the corpora


def stem(word: str) -> str:
    """The stem of ``word``, in normalised spelling.

    >>> stem("Investigation"), stem("investment"), stem("invested")
    ('investig', 'invest', 'invest')
    >>> stem("والموظفين") == stem("موظفاً") == stem("لموظفي") == "موظف"
    True
    """
    norm = normalize_for_match(word)
    if _LATIN.search(norm):
        return _ENGLISH.stemWord(norm)
    return arabic_stem(norm)


def arabic_stem(norm: str) -> str:
    """The stem of a normalised Arabic word (:func:`~factcheck.text.normalize.normalize_for_match`).
    Other scripts pass through unchanged.

    >>> arabic_stem("الاستثمارات") == arabic_stem("واستثماراتهم") == arabic_stem("استثمار")
    True
    >>> arabic_stem("وقعت"), arabic_stem("ويبدو") == arabic_stem("يبدو")
    ('وقع', True)
    """
    rest = strip_clitics(norm)
    if len(norm) - len(rest) == 1 and norm[1] != "ا":
        first = _one_pass(norm)
        if first.startswith(norm[0]) and (norm[0] in _SNOWBALL_CLITICS or len(first) <= _ROOT):
            return _passes(first)  # the letter is the word's own ("وقعت", "كشفت")
    return _passes(rest)


def _passes(word: str) -> str:
    for _ in range(_PASSES):
        shorter = _one_pass(word)
        if shorter == word:
            break
        word = shorter
    return word


def _one_pass(word: str) -> str:
    if word.endswith("ات") and len(word) - 2 >= _ROOT:
        word = word[:-2]
    given = word[:-1] + "ة" if word.endswith("ه") else word
    stemmed = _ARABIC.stemWord(given).replace("ة", "ه")
    if len(stemmed) < _ROOT or (len(word) == _ROOT + 1 and word.endswith("ن") and stemmed == word[:-1]):
        return word
    return stemmed
