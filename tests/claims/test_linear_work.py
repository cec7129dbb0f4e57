"""Analysis reads each character a bounded number of times, whatever the text's shape.

Not timed: each reading step is counted by the characters it is given. A step that went
back to its sentence (or the whole text) for every mention or every pair of names would
be given many times the input; the benchmark benchmarks/parse_scale.py measures the time.
"""

from __future__ import annotations

from collections import Counter

import pytest

import factcheck.claims.context as context
import factcheck.claims.dates as dates
import factcheck.claims.extract as extract
import factcheck.claims.modality as modality
from factcheck.claims.entities import AliasTable, default_aliases
from factcheck.claims.extract import parse_text
from factcheck.text.sentences import MAX_SENTENCE_CHARS

EN = "Microsoft said on 17 November 2023 that more than 1,250 employees of OpenAI and Sam Altman signed and Acme Corp paid $3.5 billion "
AR = "قالت مايكروسوفت يوم 17 نوفمبر 2023 إن أكثر من ١٬٢٥٠ موظفاً في أوبن إيه آي وقّعوا ودفعت الشركة ٣٫٥ مليار دولار "


def one_line(unit: str, size: int) -> str:
    """An article of ``size`` characters on one line, without a full stop."""
    return (unit * (size // len(unit) + 1))[:size]


@pytest.fixture
def reads(monkeypatch):
    """Characters handed to each reading step, by step."""
    given: Counter = Counter()

    def counting(owner, name, length):
        real = getattr(owner, name)

        def wrapper(*args, **kwargs):
            given[name] += length(*args, **kwargs)
            return real(*args, **kwargs)

        monkeypatch.setattr(owner, name, wrapper)

    counting(extract, "extract_quantities", lambda text, *a, **k: len(text))
    counting(dates, "_find", lambda text: len(text))
    counting(AliasTable, "find", lambda self, text, *a, **k: len(text))
    counting(extract, "SentenceWords", lambda text, *a, **k: len(text))
    counting(context, "content_keys", lambda text, *a, **k: len(text))
    real_cues = modality.Cues.__init__

    def cues(self, text, lo=0, hi=None):
        given["Cues"] += (len(text) if hi is None else hi) - lo
        real_cues(self, text, lo, hi)

    monkeypatch.setattr(modality.Cues, "__init__", cues)
    return given


@pytest.mark.parametrize("unit", [EN, AR], ids=["en", "ar"])
def test_each_step_reads_the_text_a_bounded_number_of_times(reads, unit):
    aliases = default_aliases()
    per_char = {}
    for size in (20_000, 80_000):
        reads.clear()
        result = parse_text(one_line(unit, size), aliases)
        assert len(result["quantities"]) > size / 100  # a dense text: a figure every few words
        per_char[size] = {step: chars / size for step, chars in reads.items()}
    for step, ratio in per_char[80_000].items():
        # The sentence once for quantities, for names, for words, and the body once
        # for dates (and the sentences again); Cues once per text read for hedges.
        assert ratio <= 3, (step, ratio)
        # ... and not more per character for a text four times longer
        assert ratio <= per_char[20_000][step] * 1.05 + 0.01, (step, per_char)
    assert {"extract_quantities", "_find", "find", "SentenceWords", "Cues"} <= set(per_char[80_000])


def test_no_analysed_sentence_is_longer_than_the_cap():
    text = one_line(EN, 50_000)
    analysis = extract.analyse(extract.Source(id="s", path="-", format="txt", text=text, sha256=""), default_aliases())
    assert len(analysis.sentences) >= 50_000 // MAX_SENTENCE_CHARS
    assert max(s["end"] - s["start"] for s in analysis.sentences) <= MAX_SENTENCE_CHARS
    assert all(text[s["start"] : s["end"]] == s["text"] for s in analysis.sentences)


@pytest.mark.parametrize(
    "text",
    [
        "x" * 100_000,  # one word, no space to cut at
        "1" * 5_000,  # a "number" far too long for a float
        "1 " * 40_000,
        "1,000 " * 10_000,
        "$" * 50_000,
        "\u064e" * 50_000,  # Arabic marks alone
        ("Sam Altman " * 10_000),
        ("قال " * 20_000),
    ],
    ids=["one-word", "long-digits", "digits", "thousands", "symbols", "marks", "names", "arabic-words"],
)
def test_hostile_shapes_are_read_without_error(text):
    result = parse_text(text, default_aliases())
    assert result["skipped"] == []
    for item in result["quantities"] + result["dates"] + result["entities"]:
        assert text[item["char_start"] : item["char_end"]] == item["text"]
