"""Any sentence-transformers model folder already on disk (``--model PATH``)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import numpy as np

from factcheck.embeddings.base import normalise
from factcheck.errors import ConfigError

# Models trained with instruction prefixes; detected from the folder's config.
_PREFIXED_FAMILIES = ("e5",)


class SentenceTransformerEmbedder:
    def __init__(self, path: Path, batch_size: int = 32):
        path = Path(path)
        if not (path / "modules.json").exists() and not (path / "config.json").exists():
            raise ConfigError(f"{path} is not a sentence-transformers model folder (no modules.json or config.json)")
        try:
            from sentence_transformers import SentenceTransformer
            from transformers.utils import logging as transformers_logging

            transformers_logging.disable_progress_bar()

            self._model = SentenceTransformer(str(path), device="cpu", local_files_only=True)
        except Exception as exc:  # the library raises many kinds; the user needs one line
            raise ConfigError(f"cannot load the model folder {path}: {exc}") from exc
        get_dim = getattr(self._model, "get_embedding_dimension", None) or self._model.get_sentence_embedding_dimension
        self.dim = int(get_dim() or 0)
        self.batch_size = batch_size
        self.family = _family_of(path)
        self.model_id = f"st:{path.name}@{_folder_fingerprint(path)}"

    def encode(self, texts: list[str], kind: str = "passage") -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        if self.family == "e5":
            texts = [f"{kind}: {t}" for t in texts]
        vectors = self._model.encode(
            list(texts), batch_size=self.batch_size, convert_to_numpy=True, show_progress_bar=False
        )
        return normalise(vectors)


def _family_of(path: Path) -> str:
    marker = path / "factcheck_family.txt"
    if marker.exists():
        return marker.read_text(encoding="utf-8").strip() or "sentence-transformers"
    name = path.name.lower()
    return next((fam for fam in _PREFIXED_FAMILIES if fam in name), "sentence-transformers")


def _folder_fingerprint(path: Path) -> str:
    """A short hash of the folder's configuration and weight sizes: cheap, and it changes
    when the model does, so cached vectors of an older model are never reused."""
    digest = hashlib.sha256()
    for item in sorted(path.rglob("*")):
        if item.is_file():
            rel = item.relative_to(path).as_posix()
            digest.update(rel.encode())
            if item.suffix == ".json":
                digest.update(item.read_bytes())
            else:
                digest.update(str(item.stat().st_size).encode())
    return digest.hexdigest()[:12]
