"""The slot model's fit: the anchored combination moves a weight where the labelled pairs
agree on it, and stays at the calibrated hand-set weights where a strong prior holds it."""

from __future__ import annotations


import numpy as np
from benchmark_scripts import load





fa = load("fit_alignment")


def _groups(seed: int = 3) -> dict:
    """Pairs where one feature the hand-set weights ignore ("same_source", weight 0) decides
    the label, in two corpora of each kind."""
    rng = np.random.default_rng(seed)
    k = fa.FEATURES.index("same_source")
    groups = {}
    for name, kind in (("h1", "hand-written"), ("h2", "hand-written"), ("s1", "synthetic")):
        x = rng.random((300, len(fa.FEATURES)))
        x[:, k] = rng.integers(0, 2, 300)
        y = (x[:, k] > 0.5).astype(int)
        groups[name] = (x, y, kind)
    return groups


def test_a_strong_prior_keeps_the_calibrated_hand_set_weights():
    groups = _groups()
    calibrated = fa.Calibrated(groups)
    held = fa.Anchored(groups, strength=1e6)
    assert np.allclose(held.coef_[0], calibrated.coef_[0], atol=1e-3)
    assert held.cut == calibrated.cut


def test_the_labelled_pairs_move_a_weight_the_prior_leaves_at_zero():
    groups = _groups()
    k = fa.FEATURES.index("same_source")
    assert fa.HAND_SET.get("same_source", 0.0) == 0.0
    loose = fa.Anchored(groups, strength=0.001)
    assert loose.coef_[0][k] > 2.0  # the feature that decides the label gains weight
    x, y, _ = groups["h1"]
    p = loose.predict(x)
    assert np.mean((p >= 0.5) == (y == 1)) > 0.95
    # left out, it still holds: fitted on h2 and s1 only
    left = fa.Anchored(groups, leave_out="h1", strength=0.001)
    assert np.mean((left.predict(x) >= 0.5) == (y == 1)) > 0.95
