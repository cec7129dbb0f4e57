"""Choose the pair judgement's cut for event reports (``event_disagree``) by 5-fold
cross-validation on the ANS stance training split, then measure it once on dev.

The reconciler asks the pair judgement (trained on an ANS-format CSV, ``--pair-judge``)
how likely two reports of one event contradict each other; at or above the cut, a pair
the frames find nothing wrong with is reported as a low ``conflict``. The probability is
the mean over both orders of the pair, as the reconciler computes it.

    .venv/bin/python benchmarks/stance_threshold.py [--model e5] [--precision 0.9]

Prints, per candidate cut, the out-of-fold precision and recall of "disagree" on the
training split, the chosen cut (the lowest on the grid whose precision reaches the target),
and dev precision and recall at that cut. The data are read from ../shared/data/ans beside
the repository (never copied into it).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np

from factcheck.evaluation.pairs import read_pairs_csv
from factcheck.evaluation.stance import PairJudge
from factcheck.reconcile.stance import disagree_probability

sys.path.insert(0, str(Path(__file__).resolve().parent))

from eval_pairs import ans_arguments  # noqa: E402  (a sibling script)

GRID = [round(0.5 + 0.05 * i, 2) for i in range(10)]  # 0.50 ... 0.95
FOLDS = 5


def precision_recall(p: np.ndarray, truth: np.ndarray, cut: float, agree: np.ndarray) -> tuple[float, float, int, float]:
    """Precision and recall of "disagree" at ``cut``, pairs flagged, and the share of
    "agree" pairs (faithful retellings) flagged."""
    flagged = p >= cut
    hits = int(np.sum(flagged & truth))
    precision = hits / int(flagged.sum()) if flagged.any() else 1.0
    return precision, hits / max(1, int(truth.sum())), int(flagged.sum()), float(np.sum(flagged & agree)) / max(1, int(agree.sum()))


def main() -> int:
    found = ans_arguments(
        __doc__.splitlines()[0],
        lambda p: p.add_argument("--precision", type=float, default=0.95, help="target out-of-fold precision of 'disagree'"),
    )
    if found is None:
        return 2
    args, train_csv, dev_csv = found
    pairs, labels = read_pairs_csv(train_csv)
    truth = np.array([label == "disagree" for label in labels])
    agree = np.array([label == "agree" for label in labels])
    shared = PairJudge(model=args.model)
    start = time.perf_counter()
    shared.dense_features(pairs + [(b, a) for a, b in pairs])  # embeds every sentence once
    print(f"train: {len(pairs)} pairs, {int(truth.sum())} disagree; embedded in {time.perf_counter() - start:.1f} s")
    out_of_fold = np.zeros(len(pairs))
    for fold in range(FOLDS):
        held = [i for i in range(len(pairs)) if i % FOLDS == fold]
        kept = [i for i in range(len(pairs)) if i % FOLDS != fold]
        judge = PairJudge(model=args.model, embedder=shared.embedder)
        judge._cache = shared._cache
        judge.fit([pairs[i] for i in kept], [labels[i] for i in kept])
        out_of_fold[held] = disagree_probability(judge, [pairs[i] for i in held])
    print(f"\n{'cut':>5}{'precision':>11}{'recall':>9}{'flagged':>9}{'agree flagged':>15}   (5-fold, out of fold)")
    chosen = None
    for cut in GRID:
        p, r, n, fa = precision_recall(out_of_fold, truth, cut, agree)
        print(f"{cut:>5.2f}{100 * p:>10.1f}%{100 * r:>8.1f}%{n:>9}{100 * fa:>14.1f}%")
        if chosen is None and p >= args.precision:
            chosen = cut
    if chosen is None:
        print(f"no cut on the grid reaches {100 * args.precision:.0f}% precision")
        return 1
    judge = PairJudge(model=args.model, embedder=shared.embedder)
    judge._cache = shared._cache
    judge.fit(pairs, labels)
    dev_pairs, dev_labels = read_pairs_csv(dev_csv)
    dev_truth = np.array([label == "disagree" for label in dev_labels])
    dev_agree = np.array([label == "agree" for label in dev_labels])
    p, r, n, fa = precision_recall(disagree_probability(judge, dev_pairs), dev_truth, chosen, dev_agree)
    print(f"\nchosen cut: {chosen:.2f} (lowest with out-of-fold precision >= {100 * args.precision:.0f}%)")
    print(f"dev at {chosen:.2f}: precision {100 * p:.1f}%, recall {100 * r:.1f}%, {n} of {len(dev_pairs)} pairs flagged ({int(dev_truth.sum())} disagree), {100 * fa:.1f}% of agree pairs flagged")
    return 0


if __name__ == "__main__":
    sys.exit(main())
