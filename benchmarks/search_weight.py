"""Choose search's keyword weight on a development set of labelled queries.

``factcheck search`` ranks by ``(1 - w) * cosine + w * keyword`` (factcheck/index/ranking.py).
This script ingests every corpus a queries file asks of, runs each query once per weight on
the grid, and prints MRR and the share answered within k per weight, per corpus and over
all queries. The weight is chosen on the development file
(tests/fixtures/search_queries_dev.toml); the held-out file
(tests/fixtures/search_queries.toml) is then measured once with ``factcheck eval search``.

    .venv/bin/python benchmarks/search_weight.py [QUERIES_TOML] [-k 10] [--model e5]
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from factcheck.evaluation.search import load_queries, of_corpus, score_search
from factcheck.index import ranking
from factcheck.workspace import Factcheck

GRID = [0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.8]
ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("queries", nargs="?", type=Path, default=ROOT / "tests/fixtures/search_queries_dev.toml")
    parser.add_argument("-k", type=int, default=10)
    parser.add_argument("--model", default=None)
    args = parser.parse_args()
    queries = load_queries(args.queries)
    corpora = sorted({q.corpus for q in queries})
    totals: dict[float, list[int | None]] = {w: [] for w in GRID}
    with tempfile.TemporaryDirectory() as tmp:
        for corpus in corpora:
            folder = ROOT / corpus
            asked = of_corpus(queries, folder, ROOT)
            fc = Factcheck(db_path=Path(tmp) / f"{folder.name}.db", model=args.model)
            fc.ingest([folder], prune=True)
            files = {s["id"]: Path(s["path"]).name for s in fc.sources()}
            searchable: dict[str, list[str]] = {}
            for c in fc.claims():
                searchable.setdefault(files[c["source_id"]], []).append(c["text"])
            line = []
            for w in GRID:
                ranking.KEYWORD_WEIGHT = w
                result = score_search(asked, lambda text: fc.search(text, k=args.k), files.__getitem__, args.k, searchable)
                totals[w] += [r["rank"] for r in result["ranks"]]
                line.append(f"{w:.1f}: {result['mrr']:.3f}")
            fc.store.close()
            print(f"{folder.name} ({len(asked)} queries)  " + "  ".join(line), flush=True)
    print("all:")
    for w in GRID:
        ranks = totals[w]
        mrr = sum(1 / r for r in ranks if r) / len(ranks)
        within = sum(r is not None for r in ranks) / len(ranks)
        print(f"  weight {w:.1f}  MRR {mrr:.3f}  answered within {args.k}: {within:.1%}")


if __name__ == "__main__":
    main()
