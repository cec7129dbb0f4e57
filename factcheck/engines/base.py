"""What every engine runs, and how many workers one machine gets.

The functions here are the whole of a worker's job: read one source's claims
(:func:`extract_outcome`) or embed one batch of texts (:func:`encode_batch`). They touch
no database; the driver process stores what they return.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from typing import Protocol

import numpy as np

from factcheck.claims.entities import AliasTable
from factcheck.claims.extract import Analysis, analyse
from factcheck.errors import AnalysisError, ConfigError, FactcheckError, one_line
from factcheck.sources.model import Source

#: ``--engine`` values.
ENGINES = ("local", "dask")
#: Below this many sources to read, worker processes cost more than they save (measured:
#: docs/performance.md, "Extraction in parallel"), so an automatic worker count reads them here.
MIN_SOURCES_FOR_WORKERS = 24
MAX_WORKERS = 512

ExtractProgress = Callable[[int, int], None]  # (done, total)


def extract(source: Source, aliases: AliasTable, strict: bool) -> Analysis:
    """One source's sentences, claims and entities. Under ``strict`` a sentence that cannot
    be analysed stops everything with one line (:class:`AnalysisError`); otherwise it is
    skipped and listed in :attr:`Analysis.skipped`."""
    try:
        return analyse(source, aliases, strict=strict)
    except FactcheckError:
        raise
    except Exception as exc:  # only under strict: anything else is skipped sentence by sentence
        if not strict:
            raise
        raise AnalysisError(f"{source.path}: a sentence could not be analysed ({one_line(exc)}); stopped by --strict") from exc


def extract_outcome(source: Source, aliases: AliasTable, strict: bool) -> Analysis | FactcheckError:
    """:func:`extract`, with a tool failure returned instead of raised: a worker's result
    travels back whole, and the driver raises the failure of the first file in file order,
    whichever worker finished first."""
    try:
        return extract(source, aliases, strict)
    except FactcheckError as exc:
        # without its cause chain, which may hold objects that do not pickle: the line is
        # what the driver reports
        return type(exc)(*exc.args)


_EMBEDDERS: dict[str | None, object] = {}


def encode_batch(model_spec: str | None, texts: list[str]) -> tuple[str, np.ndarray]:
    """Vectors of one batch, by a model loaded once per worker process (by name, as the
    driver's ``--model`` names it), with that model's id: the driver stores them only if it
    is its own model's."""
    from factcheck.embeddings.base import load_embedder

    embedder = _EMBEDDERS.get(model_spec)
    if embedder is None:
        embedder = _EMBEDDERS[model_spec] = load_embedder(model_spec)
    return embedder.model_id, embedder.encode(texts)  # type: ignore[attr-defined]


class Engine(AbstractContextManager, Protocol):
    """Runs extraction and embedding; results always come back in input order."""

    def extract(self, sources: list[Source], aliases: AliasTable, strict: bool, progress: ExtractProgress) -> Iterator[Analysis]: ...

    def encode(self, embedder, model_spec: str | None, batches: list[list[str]]) -> Iterator[np.ndarray]: ...

    def close(self) -> None: ...


def available_cores() -> int:
    """The cores this process may run on (its CPU affinity where the OS tells it)."""
    count = getattr(os, "process_cpu_count", None)  # Python 3.13
    if count is not None:
        return max(1, count() or 1)
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def parse_workers(value: int | str | None, origin: str = "--workers") -> int | None:
    """A worker count given by the user (None: decide by the cores and the batch); one
    :class:`ConfigError` line for anything but a whole number from 1 to ``MAX_WORKERS``.

    >>> parse_workers("2"), parse_workers(None)
    (2, None)
    """
    if value is None or value == "":
        return None
    try:
        number = int(str(value).strip())
    except ValueError:
        raise ConfigError(f"{origin} must be a whole number of worker processes (1 to {MAX_WORKERS}), not {value!r}") from None
    if not 1 <= number <= MAX_WORKERS:
        raise ConfigError(f"{origin} must be from 1 to {MAX_WORKERS}, not {number}")
    return number


def workers_for(requested: int | None, batch: int) -> int:
    """How many processes read ``batch`` sources: the requested count (never more than
    there are sources), else one per core when the batch is large enough to repay
    starting them, else 1 (in this process).

    >>> workers_for(None, 3), workers_for(4, 2), workers_for(1, 10_000)
    (1, 2, 1)
    """
    if requested is not None:
        return max(1, min(requested, batch))
    if batch < MIN_SOURCES_FOR_WORKERS:
        return 1
    return max(1, min(available_cores(), batch))


def check_engine(engine: str, scheduler: str | None) -> None:
    """One :class:`ConfigError` line for an unknown engine, a scheduler without Dask, or
    Dask without its optional extra installed: before any work is done."""
    if engine not in ENGINES:
        raise ConfigError(f"--engine must be one of {', '.join(ENGINES)}, not {engine!r}")
    if scheduler and engine != "dask":
        raise ConfigError("--scheduler needs --engine dask")
    if engine == "dask":
        from factcheck.engines.dask import require_dask

        require_dask()


def open_engine(engine: str, workers: int | None, scheduler: str | None) -> Engine:
    """The engine ``--engine`` names, ready to run (a Dask client connects here)."""
    check_engine(engine, scheduler)
    if engine == "dask":
        from factcheck.engines.dask import DaskEngine

        return DaskEngine(workers, scheduler)
    from factcheck.engines.local import LocalEngine

    return LocalEngine(workers)
