"""FAISS indexes over stored vectors: caches that the database can always rebuild.

Each index is an ``IndexIDMap2`` over ``IndexFlatIP`` (exact cosine on normalised vectors),
keyed by 63-bit ids derived from the stored rows' hashes, so ids are stable across
rebuilds and machines and rows can be added or removed without rebuilding. A small JSON
manifest beside the index file records the model it was built with; a mismatch rebuilds.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable
from pathlib import Path

import faiss
import numpy as np


def faiss_id(hex_digest: str) -> int:
    """A stable non-negative int64 id from a hex hash (the first 15 hex digits)."""
    return int(hex_digest[:15], 16)


class VectorIndex:
    def __init__(self, dim: int, model_id: str, path: Path | None = None):
        self.dim = dim
        self.model_id = model_id
        self.path = Path(path) if path else None
        self._index = faiss.IndexIDMap2(faiss.IndexFlatIP(dim))

    # -- persistence ---------------------------------------------------------------------
    @classmethod
    def open(cls, path: Path, dim: int, model_id: str) -> VectorIndex:
        """Load the index at ``path`` if it was built for this model, else start empty."""
        index = cls(dim, model_id, path)
        manifest = _manifest_path(path)
        if path.exists() and manifest.exists():
            try:
                info = json.loads(manifest.read_text())
                if info.get("model_id") == model_id and info.get("dim") == dim:
                    loaded = faiss.read_index(str(path))
                    if loaded.ntotal == info.get("count"):
                        index._index = loaded
            except (OSError, ValueError, RuntimeError):
                pass  # a damaged cache is rebuilt from the database
        return index

    def save(self) -> None:
        if self.path is None:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(self.path.suffix + ".tmp")
        faiss.write_index(self._index, str(tmp))
        os.replace(tmp, self.path)  # atomic: a crash never leaves half an index
        _manifest_path(self.path).write_text(
            json.dumps({"model_id": self.model_id, "dim": self.dim, "count": self.count}) + "\n"
        )

    # -- contents ------------------------------------------------------------------------
    @property
    def count(self) -> int:
        return int(self._index.ntotal)

    def ids(self) -> set[int]:
        if self.count == 0:
            return set()
        return set(faiss.vector_to_array(self._index.id_map).tolist())

    def add(self, ids: Iterable[int], vectors: np.ndarray) -> None:
        ids = np.asarray(list(ids), dtype=np.int64)
        if len(ids):
            self._index.add_with_ids(np.ascontiguousarray(vectors, dtype=np.float32), ids)

    def remove(self, ids: Iterable[int]) -> int:
        ids = np.asarray(list(ids), dtype=np.int64)
        if not len(ids):
            return 0
        return int(self._index.remove_ids(ids))

    def sync(self, wanted: set[int], fetch: Callable[[list[int]], np.ndarray]) -> tuple[int, int]:
        """Make the index hold exactly ``wanted``; ``fetch(ids)`` returns the missing vectors.

        Returns (added, removed).
        """
        have = self.ids()
        stale = have - wanted
        missing = sorted(wanted - have)
        removed = self.remove(stale)
        if missing:
            self.add(missing, fetch(missing))
        return len(missing), removed

    def search(self, queries: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        """Top-``k`` (scores, ids) per query row; missing neighbours have id -1."""
        k = max(1, min(k, self.count))
        if self.count == 0:
            n = len(queries)
            return np.zeros((n, 0), dtype=np.float32), np.zeros((n, 0), dtype=np.int64)
        return self._index.search(np.ascontiguousarray(queries, dtype=np.float32), k)

    def reconstruct(self, id_: int) -> np.ndarray:
        return self._index.reconstruct(int(id_))


def _manifest_path(path: Path) -> Path:
    return path.with_suffix(path.suffix + ".json")
