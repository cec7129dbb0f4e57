"""Choose the pair judgement's settings by 5-fold cross-validation on the ANS stance
training split, then score dev once with the chosen ones.

    .venv/bin/python benchmarks/pairs_cv.py [--model e5]

``--model none`` chooses them for the lexical features alone. For each setting on the grid
(L2 strength, class weights) it prints the mean out-of-fold
macro-F1 over five folds (rows by number modulo 5), picks the best (ties: the stronger L2,
then balanced weights), fits it on the whole training split and prints its macro-F1 on
dev. Nothing is chosen on dev. The data are read from ../shared/data/ans beside the
repository (never copied into it).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from factcheck.evaluation.pairs import classification_metrics, read_pairs_csv
from factcheck.evaluation.stance import PairJudge

sys.path.insert(0, str(Path(__file__).resolve().parent))

from eval_pairs import ans_arguments  # noqa: E402  (a sibling script)

L2 = (0.03, 0.1, 0.3, 1.0, 3.0)
CLASS_WEIGHTS = ("balanced", "sqrt")
BOTH_ORDERS = (False, True)
FOLDS = 5


def judge_with(shared: PairJudge, model: str, l2: float, class_weight: str, both_orders: bool) -> PairJudge:
    judge = PairJudge(model=model, embedder=shared.embedder, l2=l2, class_weight=class_weight, both_orders=both_orders)
    judge._cache = shared._cache  # embeddings are computed once for every setting
    return judge


def main() -> int:
    found = ans_arguments(__doc__.splitlines()[0])
    if found is None:
        return 2
    args, train_csv, dev_csv = found
    pairs, labels = read_pairs_csv(train_csv)
    dev_pairs, dev_labels = read_pairs_csv(dev_csv)
    shared = PairJudge(model=args.model)
    start = time.perf_counter()
    shared.dense_features(pairs + dev_pairs)
    print(f"train: {len(pairs)} pairs; dev: {len(dev_pairs)}; embedded in {time.perf_counter() - start:.1f} s\n")
    print(f"{'l2':>6}  {'class weights':<14}{'both orders':<12}{'CV macro-F1':>12}   folds")
    results = []
    for l2, class_weight, both in ((a, b, c) for a in L2 for b in CLASS_WEIGHTS for c in BOTH_ORDERS):
        scores = []
        for fold in range(FOLDS):
            kept = [i for i in range(len(pairs)) if i % FOLDS != fold]
            held = [i for i in range(len(pairs)) if i % FOLDS == fold]
            judge = judge_with(shared, args.model, l2, class_weight, both).fit([pairs[i] for i in kept], [labels[i] for i in kept])
            predicted = judge.predict([pairs[i] for i in held])
            scores.append(classification_metrics([labels[i] for i in held], predicted)["macro_f1"])
        mean = sum(scores) / len(scores)
        results.append((mean, l2, class_weight, both))
        print(f"{l2:>6}  {class_weight:<14}{'yes' if both else 'no':<12}{100 * mean:>11.1f}   " + " ".join(f"{100 * s:.1f}" for s in scores))
    # ties: the stronger L2, then balanced weights, then one order (the simpler fit)
    best = max(results, key=lambda r: (round(r[0], 6), r[1], r[2] == "balanced", not r[3]))
    _, l2, class_weight, both = best
    judge = judge_with(shared, args.model, l2, class_weight, both).fit(pairs, labels)
    dev = classification_metrics(dev_labels, judge.predict(dev_pairs))
    per_class = ", ".join(f"{k} {100 * v['f1']:.1f}" for k, v in dev["per_class"].items())
    print(f"\nchosen: l2 {l2}, class weights {class_weight}, both orders {'yes' if both else 'no'} (CV macro-F1 {100 * best[0]:.1f})")
    print(f"dev, once: macro-F1 {100 * dev['macro_f1']:.1f} ({per_class})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
