"""The slot model: how surely two claims that pass every rule are about one slot.

A logistic model over the pair's features (:mod:`factcheck.reconcile.features`): the
probability is ``1 / (1 + exp(-(intercept + sum(weight * feature))))``. Its coefficients
are fitted on labelled pairs by ``benchmarks/fit_alignment.py`` and stored, readable, in
``factcheck/data/slot_model.toml`` (docs/evaluation.md says on what, and how well it held
on corpora left out of the fit). ``FACTCHECK_SLOT_MODEL=FILE`` reads another such file.
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from factcheck.config import is_number, load_toml, parse_toml, shown
from factcheck.errors import ConfigError
from factcheck.reconcile.features import FEATURES


@dataclass(frozen=True)
class SlotModel:
    intercept: float
    weights: tuple[float, ...]  # one per feature, in FEATURES order
    fingerprint: str

    def probability(self, features: list[float]) -> float:
        z = self.intercept + sum(w * x for w, x in zip(self.weights, features))
        if z < -60:
            return 0.0
        return 1.0 / (1.0 + math.exp(-z))


def check_model(data: dict, where: str) -> SlotModel:
    """A slot model from a parsed TOML file: ``intercept`` and a ``[weights]`` table with
    one number per feature, nothing missing, nothing unknown."""
    for key in sorted(data):
        if key not in ("intercept", "weights", "fitted"):
            raise ConfigError(f"{where}: unknown key {key!r} (known: intercept, [weights], [fitted])")
    if "intercept" not in data:
        raise ConfigError(f"{where}: needs an 'intercept' and a [weights] table")
    intercept = data.get("intercept")
    if not is_number(intercept) or not math.isfinite(intercept):
        raise ConfigError(f"{where}: 'intercept' must be a finite number, not {shown(intercept)}")
    weights = data.get("weights")
    if not isinstance(weights, dict):
        raise ConfigError(f"{where}: 'weights' must be a table of one number per feature, not {shown(weights)}")
    unknown = sorted(set(weights) - set(FEATURES))
    if unknown:
        raise ConfigError(f"{where}: [weights] has unknown feature {unknown[0]!r} (known: {', '.join(FEATURES)})")
    missing = [f for f in FEATURES if f not in weights]
    if missing:
        raise ConfigError(f"{where}: [weights] lacks feature {missing[0]!r}")
    for name in FEATURES:
        if not is_number(weights[name]) or not math.isfinite(weights[name]):
            raise ConfigError(f"{where}: weight {name!r} must be a finite number, not {shown(weights[name])}")
    values = (float(intercept), *(float(weights[f]) for f in FEATURES))
    return SlotModel(values[0], values[1:], repr(values))


@lru_cache(maxsize=4)
def _load(path: str | None) -> SlotModel:
    if path:
        return check_model(load_toml(Path(path), "slot model"), f"slot model {path}")
    text = resources.files("factcheck.data").joinpath("slot_model.toml").read_text("utf-8")
    where = "slot model factcheck/data/slot_model.toml"
    return check_model(parse_toml(text, where), where)


def slot_model() -> SlotModel:
    """The shipped slot model, or the one ``FACTCHECK_SLOT_MODEL`` names."""
    return _load(os.environ.get("FACTCHECK_SLOT_MODEL") or None)
