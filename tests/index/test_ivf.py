"""An inverted file searched from its stored centroids finds what FAISS's finds."""

from __future__ import annotations

import numpy as np

from factcheck.index import ivf


def clustered(n: int, groups: int, dim: int = 32, seed: int = 3) -> np.ndarray:
    rng = np.random.default_rng(seed)
    centres = rng.normal(size=(groups, dim))
    x = centres[rng.integers(0, groups, n)] + 0.6 * rng.normal(size=(n, dim))
    return (x / np.linalg.norm(x, axis=1, keepdims=True)).astype("float32")


def test_scanning_the_probed_lists_finds_what_the_inverted_file_finds():
    x = clustered(6000, 40)
    queries = x[::37]
    ids, centroids, lists = ivf.trained_neighbours(x, queries, 26)
    assert len(centroids) == ivf.lists_for(len(x)) and lists.shape == (len(x),)
    found = ivf.list_neighbours(queries, ivf.probed(centroids, queries), x, lists, 26)
    assert [set(a) for a in found.tolist()] == [set(b) for b in ids.tolist()]
    # filed as the inverted file files them: each row in its nearest centroid's list
    assert (lists == np.argmax(x @ centroids.T, axis=1)).mean() > 0.999


def test_a_query_whose_lists_hold_fewer_than_k_gets_minus_ones():
    x = clustered(300, 4)
    centroids = ivf.train_quantizer(x, 3)
    lists = ivf.assign(centroids, x)
    probed = ivf.probed(centroids, x[:2], nprobe=1)
    held = (lists == probed[0, 0]).sum()
    found = ivf.list_neighbours(x[:2], probed, x, lists, held + 5)
    assert (found[0] >= 0).sum() == held and (found[0, held:] == -1).all()
    assert set(found[0, :held].tolist()) == set(np.flatnonzero(lists == probed[0, 0]).tolist())
