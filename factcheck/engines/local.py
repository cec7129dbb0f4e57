"""Extraction on this machine: in this process, or in worker processes, one per core.

Reading a source is pure Python (sentence splitting and regular expressions, about 8 ms a
source), so threads would queue on the interpreter lock; processes run side by side. The
patterns are compiled the first time they are used, once per process, so the driver reads
the first source itself and only then starts the workers: where the operating system forks
(Linux), they inherit the compiled patterns and start reading at once. The pool lives for one ingest; the workers never open the database.

Analyses come back in the order of the files, each as the driver is ready to store it, with
a few chunks per worker read ahead: an ingest holds a bounded number of them, whatever the
size of the corpus.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from itertools import islice

import numpy as np

from factcheck.claims.entities import AliasTable
from factcheck.claims.extract import Analysis
from factcheck.engines.base import ExtractProgress, extract, extract_outcome, workers_for
from factcheck.errors import FactcheckError
from factcheck.sources.model import Source

# Sources handed to a worker at a time: large enough that sending work costs little beside
# reading it, small enough that the workers finish together.
MAX_CHUNK = 16
# Chunks per worker read ahead of what the caller has taken.
AHEAD = 3

_job: tuple[AliasTable, bool] | None = None


def _start_worker(aliases: AliasTable, strict: bool) -> None:
    global _job
    _job = (aliases, strict)


def _extract_chunk(sources: list[Source]) -> list[Analysis | FactcheckError]:
    assert _job is not None
    return [extract_outcome(source, *_job) for source in sources]


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

    def extract(self, sources: list[Source], aliases: AliasTable, strict: bool, progress: ExtractProgress) -> Iterator[Analysis]:
        """Each source's analysis, in the order of ``sources``, as soon as it and those
        before it are read: the caller stores each and lets it go, so an ingest holds a few
        analyses at a time, not the corpus's."""
        total = len(sources)
        self.used = workers_for(self.requested, total)
        return self._extract(sources, aliases, strict, progress) if sources else iter(())

    def _extract(self, sources: list[Source], aliases: AliasTable, strict: bool, progress: ExtractProgress) -> Iterator[Analysis]:
        total = len(sources)
        progress(0, total)
        # the first source here: it compiles the patterns the workers will inherit
        yield extract(sources[0], aliases, strict)
        progress(1, total)
        rest = sources[1:]
        if self.used == 1 or not rest:
            for done, source in enumerate(rest, start=2):
                yield extract(source, aliases, strict)
                progress(done, total)
            return
        methods = multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("fork" if "fork" in methods else None)
        size = max(1, min(MAX_CHUNK, len(rest) // (self.used * 4)))
        chunks = iter([rest[i : i + size] for i in range(0, len(rest), size)])
        done = 1
        with ProcessPoolExecutor(self.used, mp_context=context, initializer=_start_worker, initargs=(aliases, strict)) as pool:
            try:
                # a few chunks per worker in flight: enough that the workers seldom wait on
                # the caller's storing, few enough that they never read far ahead of it
                pending = deque(pool.submit(_extract_chunk, c) for c in islice(chunks, self.used * AHEAD))
                while pending:
                    outcomes = pending.popleft().result()
                    pending.extend(pool.submit(_extract_chunk, c) for c in islice(chunks, 1))
                    for outcome in outcomes:
                        if isinstance(outcome, FactcheckError):
                            raise outcome
                        yield outcome
                        done += 1
                        progress(done, total)
            except BaseException:  # a failed source, or the caller stopped (its error, or an interrupt)
                pool.shutdown(wait=True, cancel_futures=True)
                raise

    def encode(self, embedder, model_spec: str | None, batches: list[list[str]]) -> Iterator[np.ndarray]:
        """The driver's own embedder: the model spreads one batch over the cores itself."""
        for texts in batches:
            yield embedder.encode(texts)
