"""The synthetic benchmark's generator and scorer: the truth it records is where the text
says it is, and the scorer counts right and wrong flags as it should."""

from __future__ import annotations

import doctest
import json

import pytest
from benchmark_scripts import load



synthetic = load("synthetic")
Slot, Figure, Item, Corpus = synthetic.Slot, synthetic.Figure, synthetic.Item, synthetic.Corpus


@pytest.fixture(scope="module")
def corpus():
    return synthetic.generate(60, seed=7)


def test_doctests_of_the_benchmark_hold():
    assert doctest.testmod(synthetic).failed == 0


def test_every_figure_is_at_the_offsets_the_truth_records(corpus):
    figures = [(item, f) for item in corpus.items.values() for f in item.figures]
    assert len(figures) > 200
    for item, f in figures:
        assert item.text[f.start : f.end] == f.text, (item.source_id, f)
        assert any(ch.isdigit() for ch in f.text.translate(str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")))
    for item in corpus.items.values():
        spans = sorted((f.start, f.end) for f in item.figures)
        assert all(a_end <= b_start for (_, a_end), (b_start, _) in zip(spans, spans[1:])), item.source_id


def test_the_corpus_holds_the_hard_cases(corpus):
    items = list(corpus.items.values())
    assert {item.lang for item in items} == {"en", "ar"}
    slots = {f.slot for item in items for f in item.figures}
    measures = {s.measure for s in slots}
    assert measures == {"headcount", "signers", "letter_date", "revenue", "revenue_year", "investment", "stake"}
    investments = {(s.company, s.other) for s in slots if s.measure == "investment"}
    assert any((b, a) in investments for a, b in investments), "an investment in both directions"
    assert any(a1 == a2 and b1 != b2 for a1, b1 in investments for a2, b2 in investments), "one investor, two targets"
    assert len({s.year for s in slots if s.measure == "revenue"}) >= 2
    wrong = [f for item in items for f in item.figures if f.wrong]
    assert wrong and all(f.planted for f in wrong) and not any(f.planted for item in items for f in item.figures if not f.wrong)
    assert 0.02 < len(wrong) / sum(len(item.figures) for item in items) < 0.08
    arabic = " ".join(item.text for item in items if item.lang == "ar")
    assert "شركة " in arabic and any(f"و{c.base[1]}" in arabic or f"ل{c.base[1]}" in arabic for c in corpus.companies)


def test_a_translation_states_its_original_figures_in_the_other_language(corpus):
    translations = [item for item in corpus.items.values() if item.translation_of]
    assert translations
    for item in translations:
        original = corpus.items[item.translation_of]
        assert item.lang != original.lang and item.company == original.company
        assert [(f.slot, f.value, f.wrong, f.planted) for f in item.figures] == [(f.slot, f.value, f.wrong, f.planted) for f in original.figures]


def test_one_company_has_one_name_in_each_script_and_the_number_grows_with_the_corpus():
    small, large = synthetic.generate(150, seed=3), synthetic.generate(1500, seed=3)
    assert 5 <= len(small.companies) < len(large.companies) and len(large.companies) >= 75
    for c in large.companies:
        assert c.en.isascii() and not any("a" <= ch.lower() <= "z" for ch in c.ar)
    assert len({c.en for c in large.companies}) == len({c.ar for c in large.companies}) == len(large.companies)


def test_the_same_seed_writes_the_same_corpus():
    a, b = synthetic.generate(80, seed=11), synthetic.generate(80, seed=11)
    assert [(i.text, i.figures) for i in a.items.values()] == [(i.text, i.figures) for i in b.items.values()]
    c = synthetic.generate(80, seed=12)
    assert [i.text for i in a.items.values()] != [i.text for i in c.items.values()]


@pytest.mark.parametrize(
    "a, b, expected",
    [
        (Slot("investment", "C1", "C2"), Slot("investment", "C1", "C3"), "different companies"),
        (Slot("investment", "C1", "C2"), Slot("investment", "C2", "C1"), "direction"),
        (Slot("headcount", "C1"), Slot("headcount", "C2"), "different companies"),
        (Slot("signers", "C1"), Slot("headcount", "C1"), "part vs whole"),
        (Slot("revenue", "C1", year=2021), Slot("revenue", "C1", year=2022), "different year"),
        (Slot("stake", "C1", person="C1/0"), Slot("stake", "C1", person="C1/1"), "different people"),
        (Slot("stake", "C1", person="C1/0"), Slot("stake", "C2", person="C2/0"), "different companies"),
        (Slot("revenue", "C1", year=2021), Slot("headcount", "C1"), "different measure"),
    ],
)
def test_how_two_slots_differ(a, b, expected):
    assert synthetic.relation(a, b) == expected
    assert synthetic.relation(b, a) == expected


# -- the scorer on a small corpus and reports written by hand ---------------------------------
TEXTS = {
    "a": "Noran invested $40 million in Salco.",
    "b": "Noran invested $90 million in Salco.",  # planted wrong
    "c": "Noran invested $40 million in Dimar.",
    "d": "استثمرت نوران 40 مليون دولار في سالكو.",
    "e": "Salco invested $15 million in Noran.",
}
SLOTS = {"a": ("C1", "C2", 40), "b": ("C1", "C2", 90), "c": ("C1", "C3", 40), "d": ("C1", "C2", 40), "e": ("C2", "C1", 15)}
MONEY = {"a": "$40 million", "b": "$90 million", "c": "$40 million", "d": "40 مليون دولار", "e": "$15 million"}


@pytest.fixture
def hand_corpus():
    items = {}
    for sid, text in TEXTS.items():
        start = text.index(MONEY[sid])
        agent, target, value = SLOTS[sid]
        wrong = sid == "b"
        figure = Figure(start, start + len(MONEY[sid]), MONEY[sid], Slot("investment", agent, target), value, wrong, "b#0" if wrong else None)
        items[sid] = Item(sid, "ar" if sid == "d" else "en", "C1", text, [figure])
    return Corpus([], items)


def claim(sid: str, quote: str) -> dict:
    start = TEXTS[sid].index(quote)
    return {"source_id": sid, "quote": quote, "char_start": start, "char_end": start + len(quote)}


def flag(kind: str, severity: str, *claims: dict) -> dict:
    return {"kind": kind, "severity": severity, "claims": list(claims)}


def test_flags_that_set_a_planted_error_against_its_slot_are_right(hand_corpus):
    report = {"discrepancies": [
        flag("conflict", "high", claim("a", "$40 million"), claim("b", "90 million")),  # quotes need only overlap
        flag("conflict", "medium", claim("d", "40 مليون"), claim("b", "$90 million")),
    ]}  # fmt: skip
    score = synthetic.score_report(report, hand_corpus)
    assert score.precision == 1.0 and score.precision_all == 1.0
    assert score.planted == 1 and score.recall == 1.0 and score.recall_any == 1.0


def test_flags_that_set_different_companies_against_each_other_are_wrong(hand_corpus):
    report = {"discrepancies": [
        flag("conflict", "high", claim("a", "$40 million"), claim("e", "$15 million")),  # direction
        flag("conflict", "high", claim("b", "$90 million"), claim("c", "$40 million")),  # another target
        flag("precision", "low", claim("a", "$40 million"), claim("d", "40 مليون دولار")),  # one slot, both true
        flag("conflict", "high", claim("a", "Salco"), claim("c", "$40 million")),  # not a planted figure
    ]}  # fmt: skip
    score = synthetic.score_report(report, hand_corpus)
    assert score.precision == 0.0 and score.precision_all == 0.0
    assert dict(score.strong) == {"direction": 1, "different companies": 1, "not planted": 1}
    assert score.every["same slot"] == 1
    assert score.recall == score.recall_any == 0.0
    lines = synthetic.score_lines(score)
    assert any(line.split()[:2] == ["different", "companies"] and "33.3% (1)" in line for line in lines)


def test_a_quote_that_runs_over_two_figures_states_the_one_it_starts_in():
    text = "More than 450 of the 1,215 employees of Dardor signed."
    part, whole = (Figure(text.index(t), text.index(t) + len(t), t, Slot(m, "C1"), v, False) for t, m, v in (("More than 450", "signers", 461), ("1,215", "headcount", 1215)))
    figures = {"x": [part, whole]}
    assert synthetic.figure_of({"source_id": "x", "char_start": 0, "char_end": 26}, figures) is part
    assert synthetic.figure_of({"source_id": "x", "char_start": 21, "char_end": 36}, figures) is whole
    assert synthetic.figure_of({"source_id": "x", "char_start": 10, "char_end": 36}, figures) is part  # starts in it
    assert synthetic.figure_of({"source_id": "x", "char_start": 14, "char_end": 26}, figures) is whole  # "of the 1,215"
    assert synthetic.figure_of({"source_id": "x", "char_start": 27, "char_end": 36}, figures) is None
    assert synthetic.figure_of({"source_id": "y", "char_start": 0, "char_end": 5}, figures) is None


def test_a_report_with_no_flags_scores_without_dividing_by_zero(hand_corpus):
    score = synthetic.score_report({"discrepancies": []}, hand_corpus)
    assert score.precision is None and score.recall == 0.0
    assert "reported" in synthetic.score_lines(score)[1]


# -- the whole script, small ---------------------------------------------------------------------
def run(args: list[str], capsys, monkeypatch) -> list[str]:
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    synthetic.main(["--sources", "60", "--model", "hashing", *args])
    return capsys.readouterr().out.splitlines()


def test_the_benchmark_scores_the_report_of_its_full_run(tmp_path, capsys, monkeypatch):
    out = run(["--keep", str(tmp_path), "--no-check"], capsys, monkeypatch)
    corpus = synthetic.generate(60, seed=7)
    assert out[0] == "model: hashing-v1"
    assert out[1] == synthetic.corpus_line(corpus)
    assert out[2].startswith("full run: 60 sources, ")
    assert out[-1].startswith("peak memory: ") and not any(line.startswith("check") for line in out)

    from factcheck.workspace import Factcheck

    report = Factcheck(db_path=tmp_path / "claims.db", model="hashing").report()
    for d in report["discrepancies"]:
        for c in d["claims"]:
            assert corpus.items[c["source_id"]].text[c["char_start"] : c["char_end"]] == c["quote"]
    assert synthetic.score_lines(synthetic.score_report(report, corpus)) == out[3:-1]
    reported = out[4].split()
    assert reported[0] == "reported" and int(reported[-1]) == len(report["discrepancies"]) > 0
    truth = json.loads((tmp_path / "truth.json").read_text(encoding="utf-8"))
    assert [r["source_id"] for r in truth] == list(corpus.items)
    assert sum(len(r["figures"]) for r in truth) == sum(len(i.figures) for i in corpus.items.values())


def test_the_benchmark_checks_one_new_contradicting_source(capsys, monkeypatch):
    out = run([], capsys, monkeypatch)
    (line,) = [line for line in out if line.startswith("check one new source: ")]
    assert "discrepancies involve the new source" in line and "its planted contradiction: " in line
    assert out[-2].startswith("ratio: ") and out[-1].startswith("peak memory: ")
    added = synthetic.new_source(synthetic.generate(60, seed=7))
    assert [f.planted for f in added.figures if f.wrong] == [f"{synthetic.NEW_SOURCE_ID}#0"]
