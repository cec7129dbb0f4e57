"""Word keys per second on the seed and fixture corpora: the stemmer behind them, and its cost.

Every content word around every figure is keyed (``factcheck.claims.context.word_key``),
so a key costs once per distinct word (it is cached) and the stemmer once per key. Prints,
for the words of ``sources/`` and ``tests/fixtures/corpora/`` (never the frozen corpora):

- the Snowball stemmers alone, PyStemmer (C, what factcheck uses) and, when installed, the
  pure-Python ``snowballstemmer`` classes, with whether they agree on every word;
- ``word_key`` on every word with an empty cache (each word normalised, clitics handled,
  stemmed) and with a warm one.

Prints figures; asserts nothing.

    python benchmarks/word_keys.py [--repeat 5]
"""

from __future__ import annotations

import argparse
import re
import time
from pathlib import Path

import Stemmer

from factcheck.claims.context import word_key
from factcheck.text.normalize import normalize_for_match

ROOT = Path(__file__).resolve().parents[1]
CORPORA = [ROOT / "sources", *sorted(p for p in (ROOT / "tests" / "fixtures" / "corpora").iterdir() if p.is_dir())]
_TOKEN = re.compile(r"[^\W\d_]+")
_LATIN = re.compile(r"[a-z]")


def corpus_words() -> list[str]:
    words = []
    for folder in CORPORA:
        for path in sorted(folder.glob("*.txt")):
            words += _TOKEN.findall(path.read_text("utf-8"))
    return words


def best_rate(fn, items: list, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn(items)
        best = min(best, time.perf_counter() - start)
    return len(items) / best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    words = corpus_words()
    norms = [normalize_for_match(w) for w in words]
    by_lang = {
        "english": [n for n in norms if _LATIN.search(n)],
        "arabic": [n for n in norms if not _LATIN.search(n)],
    }
    print(f"{len(words)} words ({len(set(norms))} distinct) in {len(CORPORA)} corpora")
    stemmers = {"PyStemmer": lambda lang: Stemmer.Stemmer(lang, 0)}
    try:
        from snowballstemmer.arabic_stemmer import ArabicStemmer
        from snowballstemmer.english_stemmer import EnglishStemmer

        pure = {"arabic": ArabicStemmer, "english": EnglishStemmer}
        stemmers["snowballstemmer (pure Python)"] = lambda lang: pure[lang]()
    except ImportError:
        print("snowballstemmer is not installed: PyStemmer alone")
    stems = {}
    for name, make in stemmers.items():
        for lang, items in by_lang.items():
            stemmer = make(lang)
            rate = best_rate(lambda xs: [stemmer.stemWord(x) for x in xs], items, args.repeat)
            stems[name, lang] = [stemmer.stemWord(x) for x in items]
            print(f"  {name:32} {lang:8} {rate:12,.0f} words/s")
    for lang in by_lang:
        found = [stems[name, lang] for name in stemmers]
        print(f"  {lang}: the stemmers {'agree' if all(f == found[0] for f in found) else 'DISAGREE'} on every word")

    def cold(xs):
        word_key.cache_clear()
        for x in xs:
            word_key(x)

    print(f"  word_key, empty cache              {best_rate(cold, words, args.repeat):12,.0f} words/s")
    print(f"  word_key, warm cache               {best_rate(lambda xs: [word_key(x) for x in xs], words, args.repeat):12,.0f} words/s")


if __name__ == "__main__":
    main()
