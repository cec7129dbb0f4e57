"""Inverted-file (IVF) search with a deterministic quantizer.

An exact search compares each query with every stored vector, so a full run that searches
every claim against every claim costs the square of the corpus. An IVF index groups the
vectors into lists around centroids and a query scans only the ``nprobe`` lists nearest to
it: with lists of a fixed mean size and a fixed ``nprobe``, the cost per query stays flat
as the corpus grows, at the price of missing a few true neighbours (recall@k, measured
against the exact search by :func:`recall_at_k`).

The quantizer is trained deterministically: k-means with a fixed seed on the training
vectors in the order the caller gives (sorted by id), single-threaded so no reduction
order can vary, so one training set gives one quantizer, on every run.
"""

from __future__ import annotations

import numpy as np
import faiss

SEED = 20240607
LIST_SIZE = 128  # mean vectors per inverted list
NPROBE = 12  # lists scanned per query: recall@25 0.995 on the synthetic corpora (docs/performance.md)
TRAIN_PER_LIST = 40  # training vectors per centroid (FAISS warns below 39)
KMEANS_ITERATIONS = 12


def lists_for(count: int) -> int:
    """How many inverted lists an index of ``count`` vectors is trained with."""
    return max(1, count // LIST_SIZE)


def train_quantizer(sample: np.ndarray, nlist: int) -> np.ndarray:
    """Centroids (``nlist`` x dim, unit length) of k-means on ``sample``, deterministically.

    The sample is thinned to :data:`TRAIN_PER_LIST` vectors per list by taking evenly spaced
    rows (so the caller's sorted order decides which), never by a random draw."""
    sample = np.ascontiguousarray(sample, dtype=np.float32)
    nlist = max(1, min(nlist, len(sample)))
    most = nlist * TRAIN_PER_LIST
    if len(sample) > most:
        sample = sample[np.linspace(0, len(sample) - 1, most).astype(np.int64)]
    kmeans = faiss.Kmeans(sample.shape[1], nlist, niter=KMEANS_ITERATIONS, seed=SEED, spherical=True, verbose=False)
    kmeans.cp.max_points_per_centroid = TRAIN_PER_LIST + 1  # never sample again: the rows are chosen above
    threads = faiss.omp_get_max_threads()
    faiss.omp_set_num_threads(1)
    try:
        kmeans.train(sample)
    finally:
        faiss.omp_set_num_threads(threads)
    return np.ascontiguousarray(kmeans.centroids, dtype=np.float32)


def ivf_index(centroids: np.ndarray, nprobe: int | None = None) -> faiss.IndexIVFFlat:
    """An empty inner-product IVF index over the given centroids, scanning ``nprobe``
    lists per query (default :data:`NPROBE`)."""
    nprobe = NPROBE if nprobe is None else nprobe
    dim = centroids.shape[1]
    quantizer = faiss.IndexFlatIP(dim)
    quantizer.add(np.ascontiguousarray(centroids, dtype=np.float32))
    index = faiss.IndexIVFFlat(quantizer, dim, len(centroids), faiss.METRIC_INNER_PRODUCT)
    index.own_fields = True
    quantizer.this.disown()
    index.is_trained = True
    index.nprobe = min(nprobe, len(centroids))
    return index


def ivf_neighbours(base: np.ndarray, queries: np.ndarray, k: int, nprobe: int | None = None) -> np.ndarray:
    """Row numbers of the (approximately) ``k`` nearest rows of ``base`` to each query, by
    inner product; -1 where fewer were found. Trained on ``base`` in its given order."""
    return trained_neighbours(base, queries, k, nprobe)[0]


def trained_neighbours(base: np.ndarray, queries: np.ndarray, k: int, nprobe: int | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """:func:`ivf_neighbours`, with the centroids it trained and the list each row of
    ``base`` went to: what :func:`list_neighbours` needs to search the same lists later
    without training again."""
    base = np.ascontiguousarray(base, dtype=np.float32)
    centroids = train_quantizer(base, lists_for(len(base)))
    index = ivf_index(centroids, nprobe)
    index.add(base)
    _, ids = index.search(np.ascontiguousarray(queries, dtype=np.float32), k)
    filed = np.empty(len(base), dtype=np.int64)  # each row's list, as the index filed it (rows are its ids)
    for n in range(index.nlist):
        filed[list_ids(index.invlists, n)] = n
    return ids, centroids, filed


def list_ids(lists, n: int) -> np.ndarray:
    """The ids an inverted file holds in its list ``n``."""
    return faiss.rev_swig_ptr(lists.get_ids(n), lists.list_size(n)).copy() if lists.list_size(n) else np.zeros(0, dtype=np.int64)


def assign(centroids: np.ndarray, vectors: np.ndarray) -> np.ndarray:
    """The list each vector goes to: its nearest centroid by inner product, as an inverted
    file over ``centroids`` files it."""
    if not len(vectors):
        return np.zeros(0, dtype=np.int64)
    return _quantizer(centroids).search(np.ascontiguousarray(vectors, dtype=np.float32), 1)[1][:, 0]


def probed(centroids: np.ndarray, queries: np.ndarray, nprobe: int | None = None) -> np.ndarray:
    """The lists an inverted file over ``centroids`` scans for each query (one row each)."""
    nprobe = min(NPROBE if nprobe is None else nprobe, len(centroids))
    return _quantizer(centroids).search(np.ascontiguousarray(queries, dtype=np.float32), nprobe)[1]


def list_neighbours(queries: np.ndarray, lists: np.ndarray, members: np.ndarray, member_lists: np.ndarray, k: int) -> np.ndarray:
    """The search of an inverted file, given the lists it scans for each query (``lists``,
    from :func:`probed`) and the vectors filed in them (``members``, each in
    ``member_lists``): each query's ``k`` nearest members among those filed in its lists,
    as rows of ``members``, nearest first; -1 where fewer were filed there."""
    out = np.full((len(queries), k), -1, dtype=np.int64)
    for q, (query, scanned) in enumerate(zip(queries, lists)):
        rows = np.flatnonzero(np.isin(member_lists, scanned[scanned >= 0]))
        if not len(rows):
            continue
        scores = members[rows] @ query
        take = min(k, len(rows))
        best = np.argsort(-scores, kind="stable")[:take]
        out[q, :take] = rows[best]
    return out


def _quantizer(centroids: np.ndarray) -> faiss.IndexFlatIP:
    quantizer = faiss.IndexFlatIP(centroids.shape[1])
    quantizer.add(np.ascontiguousarray(centroids, dtype=np.float32))
    return quantizer


def recall_at_k(exact_ids: np.ndarray, approximate_ids: np.ndarray) -> float:
    """Share of the exact search's neighbours (ids, -1 for none) that the approximate
    search also returned, over all queries: recall@k for k the width of the arrays."""
    found = total = 0
    for truth, got in zip(exact_ids, approximate_ids):
        truth = set(int(i) for i in truth if i >= 0)
        found += len(truth & set(int(i) for i in got if i >= 0))
        total += len(truth)
    return found / total if total else 1.0
