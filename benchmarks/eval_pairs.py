"""Pair judgement on the ANS stance dev split (train = stance_train), for the README.

    .venv/bin/python benchmarks/eval_pairs.py [--model e5|usem3|none] [--no-cache]

The data are read from ../shared/data/ans beside the repository (never copied into it).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from factcheck.evaluation.pairs import evaluate_pairs, format_pairs_report

ANS = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "ans"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default="e5")
    parser.add_argument("--no-cache", action="store_true", help="fit again instead of loading cached weights")
    parser.add_argument("--data", type=Path, default=ANS)
    args = parser.parse_args()
    dev, train = args.data / "stance_dev.csv", args.data / "stance_train.csv"
    if not dev.is_file() or not train.is_file():
        print(f"ANS data not found under {args.data}", file=sys.stderr)
        return 2
    start = time.perf_counter()
    result = evaluate_pairs(dev, train, model=args.model, use_cache=not args.no_cache)
    total = time.perf_counter() - start
    print(format_pairs_report(result))
    t = result["timings"]
    fitted = "loaded from cache" if t["train_cached"] else f"{t['train_s']:.1f} s (embedding included)"
    print(f"\ntraining: {fitted}; prediction of {result['n']} pairs: {t['predict_s']:.1f} s; total {total:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
