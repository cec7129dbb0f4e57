"""The cosines of candidate pairs: computed for all pairs at once before a full run's
alignment (so it holds no vector), and the same values, to the bit, as one pair at a time."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

from factcheck.embeddings import base
from factcheck.embeddings.base import cosine, normalise, row_cosines
from factcheck.reconcile import reconciler
from factcheck.reconcile.reconciler import align_pairs
from factcheck.reconcile.slots import pair_cosines
from factcheck.workspace import Factcheck, VectorCache

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from benchmark_scripts import load  # noqa: E402

synthetic = load("synthetic")


@pytest.mark.parametrize("block", [1, 3, 64, 32768])
def test_each_pair_has_the_cosine_of_its_two_rows_alone_whatever_the_block(monkeypatch, block):
    monkeypatch.setattr(base, "COSINE_BLOCK", block)
    rng = np.random.default_rng(5)
    for dim in (7, 256, 384):
        matrix = normalise(rng.standard_normal((50, dim)))
        first, second = rng.integers(0, 50, 200), rng.integers(0, 50, 200)
        together = row_cosines(matrix, first, second)
        assert together.dtype == np.float32 and together.shape == (200,)
        assert [float(x) for x in together] == [cosine(matrix[i], matrix[j]) for i, j in zip(first, second)]
        assert np.allclose(together, np.einsum("ij,ij->i", matrix[first].astype(np.float64), matrix[second].astype(np.float64)), atol=1e-6)
    assert row_cosines(np.zeros((0, 0), dtype=np.float32), np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)).shape == (0,)


@pytest.fixture()
def reconciled(tmp_path):
    folder = tmp_path / "src"
    folder.mkdir()
    synthetic.write_corpus(synthetic.generate(60, seed=4), folder)
    fc = Factcheck(db_path=tmp_path / "c.db", model="hashing")
    fc.ingest([folder])
    return fc


def test_a_full_run_aligns_with_no_vector_held_and_stores_the_cosines_of_one_pair_at_a_time(reconciled, monkeypatch):
    fc = reconciled
    caches, held = [], []
    made = VectorCache.__init__

    def remember(self, *args, **kwargs):
        made(self, *args, **kwargs)
        caches.append(self)

    align, blocks = reconciler.align, reconciler.blocking_codes
    searching = []

    def watched(a, b, vectors, th, cosines=None):
        held.append((vectors is None, cosines is not None, sum(len(c) for c in caches)))
        return align(a, b, vectors, th, cosines)

    def blocked(*args, **kwargs):
        searching.append(sum(len(c) for c in caches))
        return blocks(*args, **kwargs)

    monkeypatch.setattr(VectorCache, "__init__", remember)
    monkeypatch.setattr(reconciler, "align", watched)
    monkeypatch.setattr(reconciler, "blocking_codes", blocked)
    result = fc.reconcile(full=True)
    assert result.candidate_pairs > 100 and result.aligned_pairs > 10
    assert len(held) == result.candidate_pairs
    assert all(no_vectors and given and cached == 0 for no_vectors, given, cached in held)  # every vector let go
    assert searching == [0]  # the blocks are searched with the claims' vectors only

    monkeypatch.undo()
    stored = list(fc.store.db.query("select claim_a, claim_b, context_cosine, sentence_cosine, score from alignments order by claim_a, claim_b"))
    by_id = {c["id"]: c for c in fc.store.claims()}
    vectors = VectorCache(fc.store, fc.embedder.model_id)
    th = fc.thresholds
    for row in stored:
        a, b = by_id[row["claim_a"]], by_id[row["claim_b"]]
        context, sentence = pair_cosines(vectors, a, b)
        alone = reconciler.align(a, b, vectors, th)
        assert alone is not None and (alone.context_cosine, alone.sentence_cosine, alone.score) == (row["context_cosine"], row["sentence_cosine"], row["score"])
        assert row["context_cosine"] == round(max(0.0, (context - th.cosine_floor) / (1.0 - th.cosine_floor)), 4) or a["kind"] == "event"

    # the incremental path (the pairs as ids, the vectors as they are fetched) gives the same rows
    pairs = [(r["claim_a"], r["claim_b"]) for r in stored]
    again = align_pairs(by_id, pairs, VectorCache(fc.store, fc.embedder.model_id), th)
    assert [(r["claim_a"], r["claim_b"], r["context_cosine"], r["sentence_cosine"], r["score"]) for r in again] == [
        (r["claim_a"], r["claim_b"], r["context_cosine"], r["sentence_cosine"], r["score"]) for r in stored
    ]


def test_stored_vectors_stack_across_fetches_and_are_fetched_again_once_let_go(reconciled):
    fc = reconciled
    claims = fc.store.claims()
    hashes = sorted({c["context_hash"] for c in claims} | {c["sentence_hash"] for c in claims})
    cache = VectorCache(fc.store, fc.embedder.model_id)
    cache.prefetch(hashes[:10])
    cache.prefetch(hashes[10:25])
    one = cache[hashes[30]]  # a third fetch, of one
    wanted = [hashes[30], hashes[3], hashes[3], hashes[40], hashes[12]]
    matrix, rows = cache.stacked(wanted)
    expected = {h: np.frombuffer(blob, dtype=np.float32) for h, blob in fc.store.embedding_blobs(hashes, fc.embedder.model_id)}
    assert all(np.array_equal(matrix[r], expected[h]) for h, r in zip(wanted, rows))
    assert np.array_equal(one, expected[hashes[30]])
    cache.release()
    assert len(cache) == 0
    assert np.array_equal(cache[hashes[3]], expected[hashes[3]])  # fetched again
    whole, rows = cache.stacked(hashes)
    assert len(whole) == len(hashes) and all(np.array_equal(whole[r], expected[h]) for h, r in zip(hashes, rows))
    with pytest.raises(KeyError):
        cache.stacked(["no such text"])


def test_the_claims_vectors_computed_at_once_are_those_computed_one_at_a_time(reconciled, monkeypatch):
    from factcheck.reconcile.reconciler import ClaimVectors, claim_vector

    monkeypatch.setattr(reconciler, "COSINE_BLOCK", 7)  # several blocks of claims
    fc = reconciled
    claims = fc.store.claims()
    vectors = VectorCache(fc.store, fc.embedder.model_id)
    at_once = ClaimVectors(claims, vectors)
    at_once.fill()
    vectors.release()  # the filled rows need no stored vector any more
    rows = at_once.rows(range(len(claims)))
    assert len(vectors) == 0
    fresh = VectorCache(fc.store, fc.embedder.model_id)
    assert all(np.array_equal(rows[i], claim_vector(c, fresh)) for i, c in enumerate(claims))
    empty = ClaimVectors([], vectors)
    empty.fill()
    assert empty.rows([]).shape == (0, 0)
