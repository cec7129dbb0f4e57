"""Time the pipeline on a sources folder: a first run, a second run on unchanged sources,
parse speed, and peak memory. Prints figures; asserts nothing.

    python benchmarks/pipeline.py [SOURCES_DIR] [--model e5]
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
from pathlib import Path

from factcheck.claims.dates import extract_dates
from factcheck.claims.quantities import extract_quantities
from factcheck.sources.loader import discover_sources, load_source
from factcheck.text.sentences import split_sentences
from factcheck.workspace import Factcheck


def timed(fn):
    start = time.perf_counter()
    result = fn()
    return result, time.perf_counter() - start


def parse_speed(folder: Path, repeat: int = 5) -> tuple[int, float]:
    texts = [load_source(p).text for p in discover_sources([folder])]
    sentences = [t[s.start : s.end] for t in texts for s in split_sentences(t)]

    def parse_all():
        for s in sentences:
            dates = extract_dates(s)
            extract_quantities(s, skip_spans=[(d.char_start, d.char_end) for d in dates])

    _, seconds = timed(lambda: [parse_all() for _ in range(repeat)])
    return len(sentences), len(sentences) * repeat / seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sources", nargs="?", type=Path, default=Path(__file__).resolve().parents[1] / "sources")
    parser.add_argument("--model", default=None)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        fc = Factcheck(db_path=Path(tmp) / "claims.db", model=args.model)
        (_, load_s) = timed(lambda: fc.embedder)
        first, ingest_s = timed(lambda: fc.ingest([args.sources], prune=True))
        rec, reconcile_s = timed(fc.reconcile)
        _, report_s = timed(lambda: fc.write_reports(Path(tmp) / "reports"))
        print(f"model: {fc.embedder.model_id} (loaded in {load_s:.2f} s)")
        print(
            f"first run:  ingest {ingest_s:.2f} s ({len(first.added)} sources, {first.claims} claims, "
            f"{first.embedded} texts embedded), reconcile {reconcile_s:.2f} s ({rec.candidate_pairs} candidate pairs, "
            f"{rec.discrepancies} discrepancies), reports {report_s:.2f} s"
        )
        again, ingest2_s = timed(lambda: fc.ingest([args.sources], prune=True))
        rec2, reconcile2_s = timed(fc.reconcile)
        print(
            f"second run: ingest {ingest2_s:.2f} s ({len(again.unchanged)} unchanged, {again.embedded} texts embedded), "
            f"reconcile {reconcile2_s:.2f} s ({rec2.embedded} texts embedded)"
        )
    count, per_second = parse_speed(args.sources)
    print(f"parse: {count} sentences, {per_second:,.0f} sentences/s (dates + quantities)")
    print(f"peak memory: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
