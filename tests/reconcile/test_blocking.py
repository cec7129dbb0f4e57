"""Candidate pairs from frames: what is measured, of which named party, in any script."""

import numpy as np

from factcheck.reconcile import blocking
from factcheck.reconcile.blocking import blocking_pairs, frame_keys


def claim(cid: str, names=(), unit_class="count", measured="staff", sentence=None, agent="", patient="") -> dict:
    return {
        "id": cid,
        "sentence_id": sentence or f"s:{cid}",
        "actors": list(names),
        "frame": {"unit_class": unit_class, "measured": measured, "agent": agent, "patient": patient},
    }


def unit(i: int, dim: int = 8) -> np.ndarray:
    v = np.zeros(dim, dtype="float32")
    v[i % dim] = 1.0
    return v


def test_one_name_in_two_scripts_shares_a_key():
    assert frame_keys(claim("a", ["Nouran"])) & frame_keys(claim("b", ["نوران"]))
    assert not frame_keys(claim("a", ["سالكو"])) & frame_keys(claim("b", ["ديمار"]))


def test_nothing_measured_no_key():
    assert frame_keys(claim("a", ["Nouran"], measured="")) == set()
    assert frame_keys({"id": "x", "actors": ["Nouran"]}) == set()


def test_pairs_share_measure_and_name_never_one_sentence():
    claims = [
        claim("a", ["OpenAI"]),
        claim("b", ["أوبن إيه آي"], patient="OpenAI"),
        claim("c", ["OpenAI"], unit_class="money", measured="USD"),  # another measure
        claim("d", ["Microsoft"]),  # another company
        claim("e", ["OpenAI"], sentence="s:a"),  # a's own sentence
    ]
    pairs = blocking_pairs(claims, lambda c: unit(0), per_claim=5)
    assert pairs == {("a", "b"), ("b", "e")}


def test_only_pairs_touching_the_new_claims():
    claims = [claim(x, ["Nouran"], agent="Nouran") for x in "abc"]
    assert blocking_pairs(claims, lambda c: unit(0), per_claim=5, only=["c"]) == {("a", "c"), ("b", "c")}


def test_a_name_bound_to_one_figure_at_least():
    """Two sentences that only mention Nouran say nothing of whose figures they give."""
    loose = [claim("a", ["Nouran"]), claim("b", ["Nouran"])]
    assert blocking_pairs(loose, lambda c: unit(0), per_claim=5) == set()
    assert blocking_pairs([claim("a", ["Nouran"]), claim("b", [], patient="نوران")], lambda c: unit(0), per_claim=5) == {("a", "b")}


def test_a_large_block_gives_each_claim_its_nearest_members_only(monkeypatch):
    monkeypatch.setattr(blocking, "BLOCK_ALL", 4)
    claims = [claim(f"c{i:02d}", ["Nouran"], agent="Nouran") for i in range(12)]
    vectors = {c["id"]: unit(i // 3) for i, c in enumerate(claims)}  # four groups of three alike
    pairs = blocking_pairs(claims, lambda c: vectors[c["id"]], per_claim=2)
    groups = {c["id"]: i // 3 for i, c in enumerate(claims)}
    assert pairs and all(groups[a] == groups[b] for a, b in pairs)
    assert len(pairs) == 12  # each group of three: its three pairs


def clustered(n: int, groups: int, dim: int = 32, seed: int = 3) -> np.ndarray:
    rng = np.random.default_rng(seed)
    centres = rng.normal(size=(groups, dim))
    x = centres[rng.integers(0, groups, n)] + 0.6 * rng.normal(size=(n, dim))
    return (x / np.linalg.norm(x, axis=1, keepdims=True)).astype("float32")


def test_a_huge_block_is_searched_approximately_finding_nearly_the_same_pairs(monkeypatch):
    claims = [claim(f"c{i:04d}", ["Nouran"], agent="Nouran") for i in range(3000)]
    x = clustered(len(claims), 40)
    vector = {c["id"]: x[i] for i, c in enumerate(claims)}
    exact = blocking_pairs(claims, lambda c: vector[c["id"]], per_claim=5)
    monkeypatch.setattr(blocking, "BLOCK_EXACT", 1000)
    approximate = blocking_pairs(claims, lambda c: vector[c["id"]], per_claim=5)
    assert len(exact & approximate) >= 0.95 * len(exact) and len(approximate) <= len(exact) * 1.05
    # deterministic, and independent of the order the claims come in
    assert blocking_pairs(claims[::-1], lambda c: vector[c["id"]], per_claim=5) == approximate


def test_the_exact_search_of_a_block_is_the_nearest_rows():
    x = clustered(700, 10)
    nearest = blocking.block_neighbours(x, list(range(0, 700, 7)), 4)
    truth = np.argsort(-(x[::7] @ x.T), axis=1)[:, :4]
    assert all(set(a) == set(b) for a, b in zip(nearest.tolist(), truth.tolist()))
