"""The slot model file: checked in full, read once, and what alignment weighs pairs with."""

import math

import pytest

from factcheck.errors import ConfigError
from factcheck.reconcile import model as slot_models
from factcheck.reconcile.features import FEATURES
from factcheck.reconcile.model import check_model, slot_model


def weights(**changed) -> dict:
    return {name: changed.get(name, 0.0) for name in FEATURES}


def test_the_shipped_model_weighs_every_feature():
    shipped = slot_model()
    assert len(shipped.weights) == len(FEATURES) and all(math.isfinite(w) for w in shipped.weights)


def test_probability_is_the_logistic_of_the_weighted_features():
    m = check_model({"intercept": -1.0, "weights": weights(sentence_cosine=2.0, magnitude_far=-3.0)}, "m")
    x = [0.0] * len(FEATURES)
    x[FEATURES.index("sentence_cosine")] = 1.0
    assert m.probability(x) == pytest.approx(1 / (1 + math.exp(-1.0)))
    x[FEATURES.index("magnitude_far")] = 1.0
    assert m.probability(x) == pytest.approx(1 / (1 + math.exp(2.0)))
    x[FEATURES.index("magnitude_far")] = 1e6  # no overflow far out
    assert m.probability(x) == 0.0


@pytest.mark.parametrize(
    "data, message",
    [
        ({"weights": weights()}, "needs an 'intercept' and a [weights] table"),
        ({"intercept": float("nan"), "weights": weights()}, "'intercept' must be a finite number, not nan"),
        ({"intercept": 0.0, "weights": [1, 2]}, "'weights' must be a table of one number per feature"),
        ({"intercept": 0.0, "weights": {**weights(), "colour": 1.0}}, "[weights] has unknown feature 'colour'"),
        ({"intercept": 0.0, "weights": {k: v for k, v in weights().items() if k != "same_role"}}, "[weights] lacks feature 'same_role'"),
        ({"intercept": 0.0, "weights": weights(same_role="high")}, "weight 'same_role' must be a finite number, not 'high'"),
        ({"intercept": 0.0, "weights": weights(), "bias": 1}, "unknown key 'bias'"),
    ],
)
def test_a_bad_model_is_one_line_naming_file_and_key(data, message):
    with pytest.raises(ConfigError) as caught:
        check_model(data, "slot model m.toml")
    assert message in str(caught.value) and str(caught.value).startswith("slot model m.toml: ")


def test_a_model_file_named_in_the_environment_replaces_the_shipped_one(tmp_path, monkeypatch):
    path = tmp_path / "m.toml"
    path.write_text("intercept = 3.0\n[weights]\n" + "".join(f"{name} = 0.0\n" for name in FEATURES), encoding="utf-8")
    monkeypatch.setenv("FACTCHECK_SLOT_MODEL", str(path))
    slot_models._load.cache_clear()
    try:
        assert slot_model().probability([0.0] * len(FEATURES)) == pytest.approx(1 / (1 + math.exp(-3.0)))
    finally:
        slot_models._load.cache_clear()


def test_a_bad_model_file_stops_a_command_before_any_work(tmp_path, monkeypatch):
    from factcheck.workspace import Factcheck

    path = tmp_path / "m.toml"
    path.write_text("intercept = 0.0\n[weights]\nsame_role = 1.0\n", encoding="utf-8")
    monkeypatch.setenv("FACTCHECK_SLOT_MODEL", str(path))
    slot_models._load.cache_clear()
    try:
        with pytest.raises(ConfigError, match="lacks feature"):
            Factcheck(db_path=tmp_path / "c.db")
    finally:
        slot_models._load.cache_clear()
