"""Extraction and embedding on a Dask cluster: past one machine.

Dask's distributed scheduler (``pip install 'factcheck[distributed]'``) runs the same
functions as this machine's workers (:func:`factcheck.engines.base.extract_outcome`,
:func:`factcheck.engines.base.encode_batch`) on the cluster's workers; results come back to
the driver in the order of the files, and only the driver writes the database. Without
``--scheduler`` a local cluster of worker processes starts for the run (one per core, or
``--workers``); with it, the client joins an existing cluster.
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np

from factcheck.claims.entities import AliasTable
from factcheck.claims.extract import Analysis
from factcheck.engines.base import ExtractProgress, available_cores, encode_batch, extract_outcome
from factcheck.errors import ConfigError, FactcheckError
from factcheck.sources.model import Source

MISSING_EXTRA = "--engine dask needs the optional extra: pip install 'factcheck[distributed]'"
CONNECT_TIMEOUT_S = 30


def require_dask() -> None:
    """One :class:`ConfigError` line when the optional extra is not installed."""
    try:
        import distributed  # noqa: F401
    except ImportError:
        raise ConfigError(MISSING_EXTRA) from None


class DaskEngine:
    """A client on ``scheduler`` (an address such as ``tcp://10.0.0.5:8786``), or on a local
    cluster of ``workers`` processes started for this engine and stopped with it."""

    def __init__(self, workers: int | None = None, scheduler: str | None = None):
        require_dask()
        from distributed import Client, LocalCluster

        self._cluster = None
        try:
            if scheduler:
                self.client = Client(scheduler, timeout=CONNECT_TIMEOUT_S)
            else:
                self._cluster = LocalCluster(
                    n_workers=workers or available_cores(), threads_per_worker=1, processes=True, dashboard_address=None
                )
                self.client = Client(self._cluster)
        except (OSError, TimeoutError, ValueError) as exc:
            self.close()
            raise ConfigError(f"cannot reach the Dask scheduler {scheduler or '(local cluster)'}: {exc}") from None

    def __enter__(self) -> DaskEngine:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        client = getattr(self, "client", None)
        if client is not None:
            client.close()
            self.client = None
        if self._cluster is not None:
            self._cluster.close()
            self._cluster = None

    def extract(self, sources: list[Source], aliases: AliasTable, strict: bool, progress: ExtractProgress) -> Iterator[Analysis]:
        """Each source's analysis in the order of ``sources``, each fetched from its worker
        when the caller is ready to store it."""
        return self._extract(sources, aliases, strict, progress) if sources else iter(())

    def _extract(self, sources: list[Source], aliases: AliasTable, strict: bool, progress: ExtractProgress) -> Iterator[Analysis]:
        progress(0, len(sources))
        shared = self.client.scatter(aliases, broadcast=True)
        futures = self.client.map(extract_outcome, sources, aliases=shared, strict=strict, pure=False)
        try:
            for done, future in enumerate(futures, start=1):  # in the order of the files
                outcome = future.result()
                if isinstance(outcome, FactcheckError):
                    raise outcome
                progress(done, len(sources))
                yield outcome
        finally:
            self.client.cancel(futures)  # those not fetched, when the caller stopped early

    def encode(self, embedder, model_spec: str | None, batches: list[list[str]]) -> Iterator[np.ndarray]:
        """Each batch on a worker, by the model the driver names (loaded once per worker)."""
        futures = self.client.map(encode_batch, [model_spec] * len(batches), batches, pure=False)
        for future in futures:  # in order: the driver stores each batch as it arrives
            model_id, vectors = future.result()
            if model_id != embedder.model_id:
                raise ConfigError(f"the Dask workers loaded the model {model_id}, not {embedder.model_id}; give --model a name or a path they share")
            yield vectors
