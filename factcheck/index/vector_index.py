"""FAISS indexes over stored vectors: caches that the database can always rebuild.

Each index is keyed by 63-bit ids derived from the stored rows' hashes, so ids are stable
across rebuilds and machines and rows can be added or removed without rebuilding. Its kind
follows its size (:func:`tier`): while it holds fewer than :data:`APPROXIMATE_FROM`
vectors it is exact, an ``IndexIDMap2`` over ``IndexFlatIP`` (cosine on normalised
vectors); past that, an inverted file (:mod:`factcheck.index.ivf`), whose search scans a
fixed number of lists of a fixed mean size, so a full run's searches grow with the corpus,
not its square.

An inverted file is trained when the index enters a size tier (each doubling past
:data:`APPROXIMATE_FROM`), on the vectors of the ids that sort first among those it is
to hold, with a fixed seed: one stored set gives one index, however the rows arrived. Within
a tier, rows are added to and removed from the lists without training again; the index
then holds exactly the stored vectors, but its lists were drawn from the set it held when
it was trained, so an index grown source by source can probe other lists than one built
from the final set at once. The exact search gives the same neighbours either way; the
approximate one differs only among the neighbours it misses (recall@k, docs/performance.md).

Saving rewrites the whole index only now and then. Between full saves, what changed since
the last one (the removals and additions, in the order they were made) goes to a journal
beside the index, ``NAME.journal``, and opening replays it on the saved index: a ``check``
that adds one source to 50,000 writes a few vectors, not the whole index again. Replaying
the same operations in the same order gives the very index a full save would have held.
A full save happens when the journal reaches :data:`JOURNAL_SHARE` of the index's vectors,
when the index was built again, and whenever nothing was saved before. (Two processes
saving one cache at once can leave a journal written for the index the other replaced: its
manifest then names the other's checksum, and the next open rebuilds, as for any damage.)

A small JSON manifest beside the index file records the model and dimension it was built
with, its row count, its kind and training (lists, lists probed, seed, the size of the
training sample and a hash of its ids), the SHA-256 and size of the index file's bytes, and
those of the journal with the row count after it. It also records the index file's stat
(size, modification and change times in nanoseconds, inode), bound to that checksum: while
the file's stat is the one recorded, the file is the one that was hashed when it was
written, and opening does not read it twice (hashing 240 MB costs a ``check`` more than
the rest of its reading). The file's modification time is set :data:`SETTLED_NS` back
when it is written, so any later write to it moves that time, even one in the same tick
of the clock; a copy, or a file put in its place, has another inode. Either is hashed in
full, as a file without a recorded stat is; one that matches and was last written more
than :data:`SETTLED_NS` ago is trusted by its stat from the next save on.
An index is used only when all of them match: another model's index, or one trained with
other parameters than this version uses, is rebuilt silently; a damaged one
(checksum or size mismatch, an unreadable manifest or file, anything FAISS cannot read) is
rebuilt with a one-line warning on the ``factcheck.index`` logger. Never a traceback, never a
search over garbage. Saves are atomic: the index goes to a temporary file that replaces the
old one, then the manifest follows the same way (the journal likewise); a crash in between
leaves a manifest whose checksum no longer matches, so the next open rebuilds.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import logging
import os
import stat
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path

import faiss
import numpy as np

from factcheck.index import ivf

log = logging.getLogger(__name__)
MANIFEST_VERSION = 4  # 2: sha256 and size of the index file; 3: the index's kind and training; 4: the journal
#: a journal holding this share of the index's vectors (removed or added) is folded into a full save
JOURNAL_SHARE = 0.05
#: vectors from which an index is an inverted file rather than exact (docs/performance.md)
APPROXIMATE_FROM = 32_768
#: how far back a written index's modification time is set, and how old a hashed one must be
#: for its stat to be trusted (module notes)
SETTLED_NS = 2_000_000_000
_MANIFEST_MAX_BYTES = 64_000
_CHUNK = 1 << 20


class DamagedCache(Exception):
    """Why a cached index cannot be used (the message completes "vector index PATH ...")."""


class _OtherBuild(Exception):
    """The cache was built by another model or an older version: rebuilt without a word."""


def faiss_id(hex_digest: str) -> int:
    """A stable non-negative int64 id from a hex hash (the first 15 hex digits)."""
    return int(hex_digest[:15], 16)


def tier(count: int, approximate_from: int) -> int:
    """The size tier of an index of ``count`` vectors: 0 (exact) below ``approximate_from``,
    then 1, 2, ... for each doubling. An index is trained again only when its tier changes.

    >>> [tier(n, 100) for n in (0, 99, 100, 199, 200, 399, 400)]
    [0, 0, 1, 1, 2, 2, 3]
    """
    return 0 if count < approximate_from else (count // approximate_from).bit_length()


def _flat(dim: int) -> faiss.Index:
    return faiss.IndexIDMap2(faiss.IndexFlatIP(dim))


class VectorIndex:
    def __init__(self, dim: int, model_id: str, path: Path | None = None, approximate_from: int | None = None):
        self.dim = dim
        self.model_id = model_id
        self.path = Path(path) if path else None
        self.approximate_from = approximate_from or APPROXIMATE_FROM
        self._index = _flat(dim)
        #: how an inverted file was trained (recorded in the manifest); empty while exact
        self.training: dict = {}
        #: the manifest of the saved index this one grew from (None: nothing saved to grow
        #: from, so the next save is a full one), and what was done to it since, in order
        self._base: dict | None = None
        self._journal: list[tuple[str, np.ndarray, np.ndarray | None]] = []

    @property
    def kind(self) -> str:
        """"flat" (exact) or "ivf" (an inverted file: approximate)."""
        return "ivf" if self.training else "flat"

    @property
    def tier(self) -> int:
        return self.training.get("tier", 0)

    # -- persistence ---------------------------------------------------------------------
    @classmethod
    def open(cls, path: Path, dim: int, model_id: str, approximate_from: int | None = None) -> VectorIndex:
        """Load the index at ``path`` if it was built for this model, with this version's
        training parameters, and is intact, else start empty (the caller's ``sync`` then
        rebuilds it from the database)."""
        index = cls(dim, model_id, path, approximate_from)
        manifest = _manifest_path(path)
        if not manifest.exists() and not path.exists():
            return index
        try:
            info = _read_manifest(manifest)
            if info["model_id"] != model_id or info["dim"] != dim:
                raise _OtherBuild
            if info["kind"] == "ivf" and not _same_training(info["training"], index.approximate_from):
                raise _OtherBuild
            index._index, settled = _read_index(path, info)
            index.training = dict(info["training"]) if info["kind"] == "ivf" else {}
            # the journal's operations are replayed onto it and kept; the stat of a settled
            # file that was hashed is recorded with the next save
            index._base = dict(info, stat=settled) if settled else info
            if info.get("journal") is not None:
                for kind, ids, vectors in _read_journal(_journal_path(path), info["journal"], dim):
                    index.remove(ids) if kind == "remove" else index.add(ids, vectors)
                if index.count != info["journal"]["count"]:
                    raise DamagedCache("does not hold what its manifest says after its journal")
        except _OtherBuild:
            pass
        except DamagedCache as exc:
            log.warning("vector index %s %s; rebuilding it from the database", path, exc)
            index = cls(dim, model_id, path, approximate_from)  # nothing of a damaged cache is kept
        return index

    def save(self) -> None:
        """Write what changed since the last save: the journal when it is short (see the
        module's notes), else the whole index; then the manifest. Each file is written
        atomically (temporary file + rename)."""
        if self.path is None:
            return
        tmp = None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            journaled = sum(len(ids) for _, ids, _ in self._journal)
            if self._base is not None and journaled <= JOURNAL_SHARE * max(self._base["count"], self.count):
                if not self._journal and self._base.get("journal") is None:
                    return  # nothing changed since the last save
                tmp = _temporary(_journal_path(self.path))
                _write_journal(tmp, self._journal)
                digest, size = _file_digest(tmp)
                os.replace(tmp, _journal_path(self.path))
                manifest = dict(self._base, journal={"sha256": digest, "bytes": size, "count": self.count})
            else:
                tmp = _temporary(self.path)
                faiss.write_index(self._index, str(tmp))
                digest, size = _file_digest(tmp)
                written = os.stat(tmp)
                os.utime(tmp, ns=(written.st_atime_ns, written.st_mtime_ns - SETTLED_NS))
                os.replace(tmp, self.path)
                manifest = {
                    "version": MANIFEST_VERSION, "model_id": self.model_id, "dim": self.dim, "count": self.count,
                    "kind": self.kind, "training": self.training, "sha256": digest, "bytes": size, "journal": None,
                    "stat": _stat_token(os.stat(self.path), digest),
                }  # fmt: skip
            tmp = _temporary(_manifest_path(self.path))
            tmp.write_text(json.dumps(manifest, sort_keys=True) + "\n", encoding="utf-8")
            os.replace(tmp, _manifest_path(self.path))
            tmp = None
            if manifest["journal"] is None:
                self._base, self._journal = manifest, []
                with contextlib.suppress(OSError):
                    _journal_path(self.path).unlink(missing_ok=True)
            else:
                self._base = manifest
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
        if self.kind == "ivf":
            lists = self._index.invlists
            return set(np.concatenate([ivf.list_ids(lists, n) for n in range(self._index.nlist)]).tolist())
        return set(faiss.vector_to_array(self._index.id_map).tolist())

    def add(self, ids: Iterable[int], vectors: np.ndarray) -> None:
        ids = np.asarray(list(ids), dtype=np.int64)
        if len(ids):
            vectors = np.ascontiguousarray(vectors, dtype=np.float32)
            self._index.add_with_ids(vectors, ids)
            if self._base is not None:  # else the next save writes the index whole
                self._journal.append(("add", ids, vectors))

    def remove(self, ids: Iterable[int]) -> int:
        ids = np.asarray(list(ids), dtype=np.int64)
        if not len(ids):
            return 0
        removed = int(self._index.remove_ids(ids))
        if removed and self._base is not None:
            self._journal.append(("remove", ids, None))
        return removed

    def sync(self, wanted: set[int], fetch: Callable[[list[int]], np.ndarray]) -> tuple[int, int]:
        """Make the index hold exactly ``wanted``; ``fetch(ids)`` returns the missing vectors
        (all of them when the size tier changes and the index is built again).

        Returns (added, removed).
        """
        if tier(len(wanted), self.approximate_from) != self.tier:
            removed = self.count
            self.rebuild(wanted, fetch)
            return len(wanted), removed
        have = self.ids()
        stale = have - wanted
        missing = sorted(wanted - have)
        removed = self.remove(stale)
        if missing:
            self.add(missing, fetch(missing))
        return len(missing), removed

    def rebuild(self, wanted: set[int], fetch: Callable[[list[int]], np.ndarray]) -> None:
        """Build the index for ``wanted`` from nothing, of the kind its size calls for. An
        inverted file is trained on the vectors of the ids that sort first (as many as
        its lists need), so the same set gives the same index in any order of arrival."""
        ids = sorted(wanted)
        level = tier(len(ids), self.approximate_from)
        self._base, self._journal = None, []  # a new index: saved whole
        if level == 0:
            self._index, self.training = _flat(self.dim), {}
            self.add(ids, fetch(ids) if ids else np.zeros((0, self.dim), dtype=np.float32))
            return
        lists = ivf.lists_for(self.approximate_from << (level - 1))
        sample = ids[: lists * ivf.TRAIN_PER_LIST]
        index = ivf.ivf_index(ivf.train_quantizer(fetch(sample), lists))
        index.set_direct_map_type(faiss.DirectMap.Hashtable)  # remove and reconstruct by id
        self._index = index
        self.training = {
            "tier": level,
            "approximate_from": self.approximate_from,
            "lists": lists,
            "nprobe": int(index.nprobe),
            "seed": ivf.SEED,
            "iterations": ivf.KMEANS_ITERATIONS,
            "sample": len(sample),
            "sample_ids_sha256": hashlib.sha256(np.asarray(sample, dtype="<i8").tobytes()).hexdigest(),
        }
        for lo in range(0, len(ids), _ADD_BATCH):
            chunk = ids[lo : lo + _ADD_BATCH]
            self.add(chunk, fetch(chunk))

    def search(self, queries: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        """Top-``k`` (scores, ids) per query row; missing neighbours have id -1."""
        k = max(1, min(k, self.count))
        if self.count == 0:
            n = len(queries)
            return np.zeros((n, 0), dtype=np.float32), np.zeros((n, 0), dtype=np.int64)
        return self._index.search(np.ascontiguousarray(queries, dtype=np.float32), k)

    def reconstruct(self, id_: int) -> np.ndarray:
        return self._index.reconstruct(int(id_))

    def stored(self) -> tuple[np.ndarray, np.ndarray]:
        """(ids, vectors) of everything the index holds, sorted by id."""
        if self.count == 0:
            return np.zeros(0, dtype=np.int64), np.zeros((0, self.dim), dtype=np.float32)
        if self.kind == "ivf":
            lists = self._index.invlists
            ids = np.concatenate([ivf.list_ids(lists, n) for n in range(self._index.nlist)])
            vectors = np.concatenate(
                [faiss.rev_swig_ptr(lists.get_codes(n), lists.list_size(n) * self._index.code_size).copy() for n in range(self._index.nlist) if lists.list_size(n)]
            ).view(np.float32).reshape(-1, self.dim)
        else:
            ids = faiss.vector_to_array(self._index.id_map)
            vectors = faiss.rev_swig_ptr(faiss.downcast_index(self._index.index).get_xb(), self.count * self.dim).copy().reshape(-1, self.dim)
        order = np.argsort(ids, kind="stable")
        return ids[order], vectors[order]

    def recall_at_k(self, queries: np.ndarray, k: int) -> float:
        """Recall@k of this index's search for ``queries`` against an exact search over the
        same vectors: the share of the true ``k`` nearest that it returns (1.0 when exact)."""
        ids, vectors = self.stored()
        exact = _flat(self.dim)
        if len(ids):
            exact.add_with_ids(vectors, ids)
        k = max(1, min(k, self.count))
        queries = np.ascontiguousarray(queries, dtype=np.float32)
        return ivf.recall_at_k(exact.search(queries, k)[1], self.search(queries, k)[1])


_ADD_BATCH = 65_536  # vectors fetched and added at once when an index is built again


def _same_training(training: dict, approximate_from: int) -> bool:
    """Whether an inverted file was trained as this version trains one for its tier."""
    level = training.get("tier")
    if type(level) is not int or level < 1:
        return False
    expected = {
        "approximate_from": approximate_from,
        "lists": ivf.lists_for(approximate_from << (level - 1)),
        "nprobe": min(ivf.NPROBE, ivf.lists_for(approximate_from << (level - 1))),
        "seed": ivf.SEED,
        "iterations": ivf.KMEANS_ITERATIONS,
    }
    return all(training.get(key) == value for key, value in expected.items())


def _manifest_path(path: Path) -> Path:
    return path.with_suffix(path.suffix + ".json")


def _journal_path(path: Path) -> Path:
    return path.with_suffix(path.suffix + ".journal")


def _write_journal(path: Path, journal: list[tuple[str, np.ndarray, np.ndarray | None]]) -> None:
    """The journal's operations as four NumPy arrays, one after the other in ``.npy`` form
    (the same operations give the same bytes): each operation's kind (1 adds, 0 removes) and
    id count, the ids of all of them in order, and the vectors of the additions in order."""
    kinds = np.array([kind == "add" for kind, _, _ in journal], dtype=np.int8)
    counts = np.array([len(ids) for _, ids, _ in journal], dtype=np.int64)
    ids = np.concatenate([ids for _, ids, _ in journal]) if journal else np.zeros(0, dtype=np.int64)
    added = [v for kind, _, v in journal if kind == "add"]
    vectors = np.concatenate(added) if added else np.zeros((0, 0), dtype=np.float32)
    with open(path, "wb") as fh:
        for array in (kinds, counts, ids, vectors):
            np.save(fh, array, allow_pickle=False)


def _read_journal(path: Path, info: dict, dim: int) -> list[tuple[str, np.ndarray, np.ndarray | None]]:
    """The operations of the journal whose bytes match the manifest's record of it."""
    if not isinstance(info, dict) or type(info.get("sha256")) is not str or type(info.get("bytes")) is not int or type(info.get("count")) is not int:
        raise DamagedCache("has a manifest with an invalid journal record")
    try:
        with open(path, "rb") as fh:
            data = fh.read(info["bytes"] + 1)
    except FileNotFoundError:
        raise DamagedCache("has lost its journal") from None
    except OSError as exc:
        raise DamagedCache(f"has a journal that cannot be read ({exc.strerror or exc})") from None
    if len(data) != info["bytes"] or hashlib.sha256(data).hexdigest() != info["sha256"]:
        raise DamagedCache("has a journal that does not match its checksum")
    stream = io.BytesIO(data)
    try:
        kinds, counts, ids, vectors = (np.load(stream, allow_pickle=False) for _ in range(4))
    except (OSError, ValueError, EOFError) as exc:
        raise DamagedCache(f"has a journal that cannot be read ({type(exc).__name__})") from None
    shapes = (kinds.dtype == np.int8, counts.dtype == np.int64, ids.dtype == np.int64, vectors.dtype == np.float32)
    if not all(shapes) or kinds.ndim != 1 or counts.ndim != 1 or ids.ndim != 1 or vectors.ndim != 2 or (len(vectors) and vectors.shape[1] != dim):
        raise DamagedCache("has a journal that does not hold what it says")
    if ((kinds != 0) & (kinds != 1)).any() or len(kinds) != len(counts) or (counts < 0).any():
        raise DamagedCache("has a journal that does not hold what it says")
    if int(counts.sum()) != len(ids) or int(counts[kinds == 1].sum()) != len(vectors):
        raise DamagedCache("has a journal that does not hold what it says")
    journal, at, row = [], 0, 0
    for kind, count in zip(kinds.tolist(), counts.tolist()):
        chunk = ids[at : at + count]
        at += count
        if kind:
            journal.append(("add", chunk, vectors[row : row + count]))
            row += count
        else:
            journal.append(("remove", chunk, None))
    return journal


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


_MANIFEST_TYPES = {"version": int, "model_id": str, "dim": int, "count": int, "kind": str, "training": dict, "sha256": str, "bytes": int}
_KINDS = {"flat": faiss.IndexIDMap2, "ivf": faiss.IndexIVFFlat}


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
    if "version" not in info or (type(info["version"]) is int and info["version"] < MANIFEST_VERSION):
        raise _OtherBuild  # written by an earlier version (before checksums, or before kinds)
    for key, kind in _MANIFEST_TYPES.items():
        if type(info.get(key)) is not kind:
            raise DamagedCache(f"has a manifest without a valid {key!r}")
    if info["version"] != MANIFEST_VERSION:
        raise DamagedCache(f"has a manifest of version {info['version']}")
    if info["kind"] not in _KINDS or (info["kind"] == "ivf") != bool(info["training"]):
        raise DamagedCache(f"has a manifest of an unknown kind of index {info['kind'][:40]!r}")
    return info


def _stat_token(st: os.stat_result, digest: str) -> str:
    """The index file's stat bound to its checksum (see the module's notes): a manifest
    whose checksum was edited no longer matches its stat either."""
    return hashlib.sha256(f"{digest}\x1f{st.st_size}\x1f{st.st_mtime_ns}\x1f{st.st_ctime_ns}\x1f{st.st_ino}".encode()).hexdigest()


def _read_index(path: Path, info: dict) -> tuple[faiss.Index, str | None]:
    """The index whose bytes match the manifest, and the stat token (:func:`_stat_token`)
    to record for it: None when the manifest's holds, or when the file was written too
    recently to be trusted by its stat. The open file is hashed in one pass, unless its
    stat is the one the manifest records, then FAISS reads the same open file from its start (never the
    path again, so a file put in its place meanwhile is not read), in chunks: the bytes are
    checked before FAISS parses them, and no second copy of a large index is held."""
    try:
        with open(path, "rb") as fh:
            st = os.fstat(fh.fileno())
            if not stat.S_ISREG(st.st_mode) or st.st_size != info["bytes"]:
                raise DamagedCache(f"is {st.st_size} bytes where its manifest says {info['bytes']}")
            token = _stat_token(st, info["sha256"])
            settled = None
            if info.get("stat") != token:
                settled = token if st.st_mtime_ns <= time.time_ns() - SETTLED_NS else None
                digest, got = hashlib.sha256(), 0
                buffer = bytearray(_CHUNK)
                view = memoryview(buffer)
                while n := fh.readinto(buffer):
                    digest.update(view[:n])
                    got += n
                if got != info["bytes"] or digest.hexdigest() != info["sha256"]:
                    raise DamagedCache("does not match its checksum")
                fh.seek(0)
            loaded = _faiss_read(fh, info["bytes"])
    except FileNotFoundError:
        raise DamagedCache("is missing") from None
    except OSError as exc:
        raise DamagedCache(f"cannot be read ({exc.strerror or exc})") from None
    if not isinstance(loaded, _KINDS[info["kind"]]) or loaded.d != info["dim"] or loaded.ntotal != info["count"]:
        raise DamagedCache("does not hold what its manifest says")
    if info["kind"] == "ivf" and (loaded.nlist != info["training"]["lists"] or loaded.nprobe != info["training"]["nprobe"]):
        raise DamagedCache("does not hold what its manifest says")
    return loaded, settled


def _faiss_read(fh, size: int) -> faiss.Index:
    """FAISS's reading of the open file ``fh`` of ``size`` bytes (checked already), through
    a callback that never gives more than the file holds."""
    left = [size]

    def read(n: int) -> bytes:
        chunk = fh.read(min(n, left[0]))
        left[0] -= len(chunk)
        return chunk

    reader = faiss.PyCallbackIOReader(read, _CHUNK)
    try:
        return faiss.read_index(reader)
    except (RuntimeError, MemoryError, ValueError) as exc:
        raise DamagedCache(f"cannot be read by FAISS ({type(exc).__name__})") from None
    finally:
        del reader
