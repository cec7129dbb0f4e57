"""Extraction on this machine: in this process, or in worker processes, one per core.

Reading a source is pure Python (sentence splitting and regular expressions, about 8 ms a
source), so threads would queue on the interpreter lock; processes run side by side. The
patterns are compiled the first time they are used, once per process, so the driver reads
the first source itself and only then starts the workers: where the operating system forks
(Linux), they inherit the compiled patterns and start reading at once. The pool lives for one ingest; the workers never open the database.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor

import numpy as np

from factcheck.claims.entities import AliasTable
from factcheck.claims.extract import Analysis
from factcheck.engines.base import ExtractProgress, extract, extract_outcome, workers_for
from factcheck.errors import FactcheckError
from factcheck.sources.model import Source

# Sources handed to a worker at a time: large enough that sending work costs little beside
# reading it, small enough that the workers finish together.
MAX_CHUNK = 16

_job: tuple[AliasTable, bool] | None = None


def _start_worker(aliases: AliasTable, strict: bool) -> None:
    global _job
    _job = (aliases, strict)


def _extract_in_worker(source: Source) -> Analysis | FactcheckError:
    assert _job is not None
    return extract_outcome(source, *_job)


class LocalEngine:
    """``workers`` processes (None: one per core for a batch worth it; 1: this process only)."""

    def __init__(self, workers: int | None = None):
        self.requested = workers
        self.used = 1  # processes that read the last batch

    def __enter__(self) -> LocalEngine:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        pass

    def extract(self, sources: list[Source], aliases: AliasTable, strict: bool, progress: ExtractProgress) -> list[Analysis]:
        total = len(sources)
        self.used = workers_for(self.requested, total)
        results: list[Analysis] = []
        if not sources:
            return results
        progress(0, total)
        # the first source here: it compiles the patterns the workers will inherit
        results.append(extract(sources[0], aliases, strict))
        progress(1, total)
        rest = sources[1:]
        if self.used == 1 or not rest:
            for source in rest:
                results.append(extract(source, aliases, strict))
                progress(len(results), total)
            return results
        methods = multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("fork" if "fork" in methods else None)
        chunk = max(1, min(MAX_CHUNK, len(rest) // (self.used * 4)))
        with ProcessPoolExecutor(self.used, mp_context=context, initializer=_start_worker, initargs=(aliases, strict)) as pool:
            try:
                for outcome in pool.map(_extract_in_worker, rest, chunksize=chunk):
                    if isinstance(outcome, FactcheckError):
                        raise outcome
                    results.append(outcome)
                    progress(len(results), total)
            except BaseException:
                pool.shutdown(wait=True, cancel_futures=True)
                raise
        return results

    def encode(self, embedder, model_spec: str | None, batches: list[list[str]]) -> Iterator[np.ndarray]:
        """The driver's own embedder: the model spreads one batch over the cores itself."""
        for texts in batches:
            yield embedder.encode(texts)
