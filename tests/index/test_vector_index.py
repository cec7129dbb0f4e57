import numpy as np
import pytest

from factcheck.embeddings.base import normalise
from factcheck.index.vector_index import VectorIndex, faiss_id


def vecs(n, dim=8, seed=0):
    return normalise(np.random.default_rng(seed).normal(size=(n, dim)))


def test_search_finds_itself_first():
    index = VectorIndex(8, "m")
    v = vecs(5)
    index.add(range(10, 15), v)
    scores, ids = index.search(v, 2)
    assert ids[:, 0].tolist() == [10, 11, 12, 13, 14]
    assert np.allclose(scores[:, 0], 1.0, atol=1e-5)


def test_sync_adds_and_removes():
    index = VectorIndex(8, "m")
    v = vecs(4)
    index.add([1, 2, 3], v[:3])
    added, removed = index.sync({2, 3, 4}, lambda ids: v[[i - 1 for i in ids]])
    assert (added, removed) == (1, 1)
    assert index.ids() == {2, 3, 4}


def test_save_and_reopen(tmp_path):
    path = tmp_path / "c.faiss"
    index = VectorIndex(8, "model-a", path)
    index.add([7, 8], vecs(2))
    index.save()
    again = VectorIndex.open(path, 8, "model-a")
    assert again.ids() == {7, 8}
    # another model's index is not reused
    assert VectorIndex.open(path, 8, "model-b").count == 0
    # a damaged file is treated as absent and rebuilt
    path.write_bytes(b"garbage")
    assert VectorIndex.open(path, 8, "model-a").count == 0


def test_empty_index_search():
    scores, ids = VectorIndex(8, "m").search(vecs(2), 3)
    assert ids.shape == (2, 0)


def test_faiss_id_is_stable_and_positive():
    assert faiss_id("f" * 16) == int("f" * 15, 16) > 0
    assert faiss_id("0123456789abcdef") == faiss_id("0123456789abcdef")


@pytest.mark.parametrize("text", ["", "a"])
def test_normalise_handles_zero_rows(text):
    out = normalise(np.zeros((1, 4)))
    assert np.all(out == 0)
