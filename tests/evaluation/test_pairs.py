from pathlib import Path

import numpy as np
import pytest

from factcheck.errors import QueryError
from factcheck.evaluation.pairs import (
    classification_metrics,
    evaluate_pairs,
    format_pairs_report,
    read_pairs_csv,
)
from factcheck.evaluation.stance import LEXICAL_NAMES, PairJudge, lexical_features

ANS = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "ans"


def test_metrics_by_hand():
    true = ["agree", "agree", "disagree", "disagree", "other", "disagree"]
    pred = ["agree", "disagree", "disagree", "agree", "other", "disagree"]
    m = classification_metrics(true, pred)
    # agree: P 1/2, R 1/2, F1 1/2; disagree: P 2/3, R 2/3, F1 2/3; other: F1 1
    assert m["per_class"]["agree"]["f1"] == pytest.approx(0.5)
    assert m["per_class"]["disagree"]["precision"] == pytest.approx(2 / 3)
    assert m["per_class"]["other"]["support"] == 1
    assert m["macro_f1"] == pytest.approx((0.5 + 2 / 3 + 1.0) / 3)
    assert m["confusion"]["labels"] == ["agree", "disagree", "other"]
    assert m["confusion"]["matrix"] == [[1, 1, 0], [1, 2, 0], [0, 0, 1]]


def test_metrics_class_never_predicted():
    m = classification_metrics(["agree", "other"], ["agree", "agree"])
    assert m["per_class"]["other"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "support": 1}
    # agree: P 1/2, R 1, F1 2/3; other: 0; disagree absent from both: not scored
    assert m["macro_f1"] == pytest.approx((2 / 3 + 0.0) / 2)


def _write(tmp_path, content, name="p.csv", encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(content.encode(encoding) if isinstance(content, str) else content)
    return path


def test_read_pairs_csv(tmp_path):
    path = _write(tmp_path, "s1,s2,stance\nارتفع النفط,انخفض النفط,disagree\na,b,Agree\n")
    pairs, labels = read_pairs_csv(path)
    assert pairs == [("ارتفع النفط", "انخفض النفط"), ("a", "b")]
    assert labels == ["disagree", "agree"]


@pytest.mark.parametrize(
    "content, message",
    [
        ("", "empty"),
        ("s1,stance\na,agree\n", "missing column(s) s2"),
        ("s1,s2,stance\na,b,maybe\n", "line 2: unknown stance 'maybe'"),
        ("s1,s2,stance\n", "no pairs"),
        (b"s1,s2,stance\n\xff\xfe,b,agree\n", "not UTF-8"),
    ],
)
def test_read_pairs_csv_errors(tmp_path, content, message):
    with pytest.raises(QueryError, match=message.replace("(", r"\(").replace(")", r"\)")) as exc:
        read_pairs_csv(_write(tmp_path, content))
    assert "\n" not in str(exc.value)


def test_read_pairs_csv_missing_file(tmp_path):
    with pytest.raises(QueryError, match="no such file"):
        read_pairs_csv(tmp_path / "nope.csv")


PAIRS = [
    ("prices rose in May", "prices rose in May"),
    ("prices rose in May", "prices did not rise in May"),
    ("prices rose in May", "cats sleep all day"),
    ("the army won the battle", "the army won the battle today"),
    ("the army won the battle", "the army never won the battle"),
    ("the army won the battle", "a new phone was released"),
    ("ارتفعت أسعار النفط", "ارتفاع أسعار النفط"),
    ("ارتفعت أسعار النفط", "لم ترتفع أسعار النفط"),
    ("ارتفعت أسعار النفط", "فاز الفريق بالكأس"),
]
LABELS = ["agree", "disagree", "other"] * 3


def test_lexical_features_signals():
    names = list(LEXICAL_NAMES)
    f = lexical_features("ارتفعت أسعار النفط 5%", "لم ترتفع أسعار النفط 7%")
    assert len(f) == len(names)
    assert f[names.index("neg_only2")] == 1.0
    assert f[names.index("num_new_in_2")] == 1.0
    same = lexical_features("ارتفعت أسعار النفط 5%", "ارتفعت أسعار النفط 5%")
    assert same[names.index("identical")] == 1.0
    assert same[names.index("num_new_in_2")] == 0.0


@pytest.mark.parametrize(
    ("s1", "s2", "on", "off"),
    [
        # one act, denied on one side: in either language
        ("Sam Altman returned as chief executive.", "Sam Altman will not return as chief executive.", ["act_shared", "act_polarity_differs"], ["acts_differ"]),
        ("استقال ألتمان من منصبه.", "نفى ألتمان أن يكون قد استقال من منصبه.", ["act_shared"], ["acts_differ", "act_one_side"]),
        # two different acts; an act on one side only
        ("The board fired Sam Altman.", "Sam Altman resigned from the board.", ["acts_differ"], ["act_shared"]),
        ("Sam Altman resigned on Friday.", "Shares of Acme rose on Friday.", ["act_one_side"], ["act_shared"]),
        # a rise against a fall; one sentence given to someone
        ("ارتفعت أسعار النفط 5%", "تراجعت أسعار النفط 5%", ["moves_opposite", "concepts_differ"], []),
        ("Oil prices rose 5%, traders said.", "Oil prices rose 5%.", ["attribution_one_side"], ["moves_opposite"]),
    ],
)
def test_what_the_reconciler_reads_is_a_feature(s1, s2, on, off):
    names = list(LEXICAL_NAMES)
    f = dict(zip(names, lexical_features(s1, s2)))
    assert [n for n in on if f[n] != 1.0] == [] and [n for n in off if f[n] != 0.0] == [], f


def test_pair_judge_features_shape_and_determinism():
    judge = PairJudge(model="hashing", iterations=200, hash_bits=8)
    dense = judge.dense_features(PAIRS)
    assert dense.shape == (len(PAIRS), len(LEXICAL_NAMES) + 1 + 2 * judge.embedder.dim)
    judge.fit(PAIRS, LABELS, seed=0)
    X = judge.features(PAIRS)
    assert X.shape == (len(PAIRS), dense.shape[1] + 256)
    first = judge.predict(PAIRS)
    second = PairJudge(model="hashing", iterations=200, hash_bits=8).fit(PAIRS, LABELS, seed=0).predict(PAIRS)
    assert first == second
    assert first == LABELS  # a tiny training set is learnt exactly
    proba = judge.predict_proba(PAIRS)
    assert np.allclose(proba.sum(axis=1), 1.0)


def test_pair_judge_lexical_only_save_load(tmp_path):
    judge = PairJudge(model="none", iterations=200, hash_bits=8).fit(PAIRS, LABELS)
    judge.save(tmp_path / "w.npz")
    loaded = PairJudge(model="none", iterations=200, hash_bits=8).load(tmp_path / "w.npz")
    assert np.allclose(loaded.predict_proba(PAIRS), judge.predict_proba(PAIRS))


def test_evaluate_and_report_tiny(tmp_path, monkeypatch):
    monkeypatch.setenv("FACTCHECK_CACHE", str(tmp_path / "cache"))
    rows = "s1,s2,stance\n" + "".join(f'"{a}","{b}",{l}\n' for (a, b), l in zip(PAIRS, LABELS))
    train = _write(tmp_path, rows, "train.csv")
    result = evaluate_pairs(train, train, model="hashing")
    assert result["n"] == len(PAIRS)
    assert set(result["per_class"]) == {"agree", "disagree", "other"}
    assert list((tmp_path / "cache" / "pair_judge").glob("*.npz"))
    again = evaluate_pairs(train, train, model="hashing")
    assert again["timings"]["train_cached"] and again["macro_f1"] == result["macro_f1"]
    text = format_pairs_report(result)
    assert "macro-F1" in text and "rows = true" in text and "disagree" in text


def test_ans_path_resolves():
    assert ANS.parent.parent.name == "shared"


@pytest.mark.slow
@pytest.mark.skipif(not (ANS / "stance_dev.csv").is_file(), reason="ANS data not beside the repository")
def test_ans_dev_lexical_baseline():
    result = evaluate_pairs(ANS / "stance_dev.csv", ANS / "stance_train.csv", model="none", use_cache=False)
    assert result["n"] == 755
    assert result["macro_f1"] > 0.6
