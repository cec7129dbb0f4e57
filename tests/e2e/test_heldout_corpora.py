"""The held-out corpora (tests/fixtures/corpora) with the real default model.

Each corpus has a gold file written by reading its articles. These tests hold the measured
quality as a floor, so that a change that loses detections or adds false conflicts fails;
README ("Evaluation") gives the figures and benchmarks/compare_models.py measures them.
"""

from pathlib import Path

import pytest

from factcheck.evaluation.gold import load_gold, score
from factcheck.workspace import Factcheck

pytestmark = pytest.mark.slow
CORPORA = Path(__file__).resolve().parents[1] / "fixtures" / "corpora"

# corpus: (at least this many expected discrepancies found, at most this many false conflicts,
#          the translated copy that must be recognised, if any)
FLOORS = {
    "en_merger": (5, 1, None),
    "en_disaster": (4, 1, None),
    "en_health": (3, 2, None),
    "mixed_ar_en": (4, 1, ("002_gulf_wire_en", "001_alsaha_ar")),
    "mixed_ar_en_2": (3, 1, ("002_coastal_times_en", "001_alofoq_ar")),
    "events_en_ar": (3, 0, None),  # event claims without figures
    "events_ar_en_2": (4, 0, None),
    "events_en_ar_4": (5, 0, None),
    "events_en_ar_5": (4, 0, None),
    "events_en_ar_6": (5, 0, None),
    "events_en_ar_7": (5, 0, None),
    "events_en_ar_9": (5, 0, None),
    "events_en_ar_10": (1, 1, None),
    "events_ar_en_11": (2, 0, None),
    "events_en_ar_12": (2, 0, None),
    "events_ar_en_13": (2, 0, None),
    "events_en_ar_14": (0, 1, None),  # measured, not yet tuned on: its false conflict and its flags are bounded
    "events_ar_en_15": (3, 0, None),
    "events_en_ar_16": (2, 0, None),
    "events_ar_en_17": (2, 0, None),
    "events_en_ar_18": (3, 1, None),  # its false conflict: a day against "last week", precision (low) by design
    "events_ar_en_19": (3, 0, None),
    "events_en_ar_20": (3, 0, None),
    "events_ar_en_21": (3, 0, None),
    "events_ar_en_23": (3, 0, None),
    "events_en_ar_22": (4, 1, None),  # its false conflict: «لن يستقيل» from "his post" against a resignation from another post (supersession)
}


@pytest.mark.parametrize("corpus", sorted(FLOORS))
def test_heldout_corpus(tmp_path, corpus):
    found_floor, false_cap, translation = FLOORS[corpus]
    folder = CORPORA / corpus
    fc = Factcheck(db_path=tmp_path / "claims.db")
    fc.ingest([folder])
    report = fc.report()
    result = score(report, load_gold(folder / "gold.toml"), fc.claims())
    assert result["found"] >= found_floor, result["missed"]
    assert len(result["false_conflicts"]) <= false_cap, result["false_conflicts"]
    assert len(report["discrepancies"]) < 30  # short enough to read
    for d in report["discrepancies"]:
        for claim in d["claims"]:
            text = fc.store.get_source(claim["source_id"])["text"]
            assert text[claim["char_start"] : claim["char_end"]] == claim["quote"]
    if translation:
        copy, original = translation
        related = {s["id"]: s["related"] for s in report["sources"]}
        assert {(r["source_id"], r["relation"]) for r in related[copy]} == {(original, "translation")}
