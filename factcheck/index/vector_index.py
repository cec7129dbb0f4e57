"""FAISS indexes over stored vectors: caches that the database can always rebuild.

Each index is an ``IndexIDMap2`` over ``IndexFlatIP`` (exact cosine on normalised vectors),
keyed by 63-bit ids derived from the stored rows' hashes, so ids are stable across
rebuilds and machines and rows can be added or removed without rebuilding.

A small JSON manifest beside the index file records the model and dimension it was built
with, its row count, and the SHA-256 and size of the index file's bytes. An index is used
only when all of them match: another model's index is rebuilt silently; a damaged one
(checksum or size mismatch, an unreadable manifest or file, anything FAISS cannot read) is
rebuilt with a one-line warning on the ``factcheck.index`` logger. Never a traceback, never a
search over garbage. Saves are atomic: the index goes to a temporary file that replaces the
old one, then the manifest follows the same way; a crash in between leaves a manifest whose
checksum no longer matches, so the next open rebuilds.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import stat
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

import faiss
import numpy as np

log = logging.getLogger(__name__)
MANIFEST_VERSION = 2  # 2: sha256 and size of the index file
_MANIFEST_MAX_BYTES = 64_000
_CHUNK = 1 << 20


class DamagedCache(Exception):
    """Why a cached index cannot be used (the message completes "vector index PATH ...")."""


class _OtherBuild(Exception):
    """The cache was built by another model or an older version: rebuilt without a word."""


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
        """Load the index at ``path`` if it was built for this model and is intact, else start
        empty (the caller's ``sync`` then rebuilds it from the database)."""
        index = cls(dim, model_id, path)
        manifest = _manifest_path(path)
        if not manifest.exists() and not path.exists():
            return index
        try:
            info = _read_manifest(manifest)
            if info["model_id"] != model_id or info["dim"] != dim:
                raise _OtherBuild
            index._index = _read_index(path, info)
        except _OtherBuild:
            pass
        except DamagedCache as exc:
            log.warning("vector index %s %s; rebuilding it from the database", path, exc)
        return index

    def save(self) -> None:
        """Write the index, then its manifest, each atomically (temporary file + rename)."""
        if self.path is None:
            return
        tmp = None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            tmp = _temporary(self.path)
            faiss.write_index(self._index, str(tmp))
            digest, size = _file_digest(tmp)
            os.replace(tmp, self.path)
            manifest = {"version": MANIFEST_VERSION, "model_id": self.model_id, "dim": self.dim, "count": self.count, "sha256": digest, "bytes": size}
            tmp = _temporary(_manifest_path(self.path))
            tmp.write_text(json.dumps(manifest, sort_keys=True) + "\n", encoding="utf-8")
            os.replace(tmp, _manifest_path(self.path))
        except (OSError, RuntimeError) as exc:  # a full disk: the cache is lost, not the run
            reason = " ".join(str(exc).split())[:200]
            log.warning("cannot save vector index %s (%s); it will be rebuilt next time", self.path, reason)
        finally:
            if tmp is not None:
                with contextlib.suppress(OSError):
                    tmp.unlink(missing_ok=True)

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


def _temporary(path: Path) -> Path:
    """A fresh file beside ``path``: two processes saving at once never write into one file."""
    fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(fd)
    return Path(name)


def _file_digest(path: Path) -> tuple[str, int]:
    """SHA-256 and size of a file, read in chunks (an index can be hundreds of MB)."""
    digest, size = hashlib.sha256(), 0
    with open(path, "rb") as fh:
        while chunk := fh.read(_CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


_MANIFEST_TYPES = {"version": int, "model_id": str, "dim": int, "count": int, "sha256": str, "bytes": int}


def _read_manifest(manifest: Path) -> dict:
    try:
        with open(manifest, "rb") as fh:
            raw = fh.read(_MANIFEST_MAX_BYTES + 1)
        info = json.loads(raw.decode("utf-8"))
    except FileNotFoundError:
        raise DamagedCache("has no manifest") from None
    except (OSError, UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise DamagedCache(f"has an unreadable manifest ({type(exc).__name__})") from None
    if len(raw) > _MANIFEST_MAX_BYTES or not isinstance(info, dict):
        raise DamagedCache("has an unreadable manifest")
    if "version" not in info:
        raise _OtherBuild  # written before manifests carried a checksum
    for key, kind in _MANIFEST_TYPES.items():
        if type(info.get(key)) is not kind:
            raise DamagedCache(f"has a manifest without a valid {key!r}")
    if info["version"] != MANIFEST_VERSION:
        raise DamagedCache(f"has a manifest of version {info['version']}")
    return info


def _read_index(path: Path, info: dict) -> faiss.Index:
    """The index whose bytes match the manifest. The bytes are read once, checked, and handed
    to FAISS from memory, so the file cannot change between the check and the read."""
    try:
        with open(path, "rb") as fh:
            st = os.fstat(fh.fileno())
            if not stat.S_ISREG(st.st_mode) or st.st_size != info["bytes"]:
                raise DamagedCache(f"is {st.st_size} bytes where its manifest says {info['bytes']}")
            data = bytearray(st.st_size)
            view, got = memoryview(data), 0
            while got < st.st_size and (n := fh.readinto(view[got : got + _CHUNK])):
                got += n
    except FileNotFoundError:
        raise DamagedCache("is missing") from None
    except OSError as exc:
        raise DamagedCache(f"cannot be read ({exc.strerror or exc})") from None
    if got != info["bytes"] or hashlib.sha256(data).hexdigest() != info["sha256"]:
        raise DamagedCache("does not match its checksum")
    try:
        loaded = faiss.deserialize_index(np.frombuffer(data, dtype=np.uint8))
    except (RuntimeError, MemoryError, ValueError) as exc:
        raise DamagedCache(f"cannot be read by FAISS ({type(exc).__name__})") from None
    if not isinstance(loaded, faiss.IndexIDMap2) or loaded.d != info["dim"] or loaded.ntotal != info["count"]:
        raise DamagedCache("does not hold what its manifest says")
    return loaded
