"""Literal and journalistic readings of a quantity, and how two readings compare.

The literal interval follows the contract's table ("more than 500" = (500, ∞)). Reporters
round, so the reconciler also uses a journalistic reading:

- ``approx`` ("about 700") widens by ``approx_tolerance`` on each side (default 10%);
- ``more_than``/``at_least`` N implies a ceiling: nobody writes "more than 500" for 700, so
  the reading is [N, N × ``open_bound_factor``] (default 1.2); ``less_than``/``at_most`` N
  likewise implies a floor of N / factor;
- ranges that are themselves approximate ("tens of millions") widen like ``approx``.

Two claims *conflict* when even their literal intervals (with the approx tolerance) cannot
both hold. When the literal intervals meet but the journalistic ones do not ("more than 500"
vs "700"), the claims are compatible on paper yet report different figures: a *precision*
(or, when a later report replaces an earlier one, *supersession*) discrepancy of medium
severity. When both readings meet, the difference is only one of precision: low severity.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

INF = math.inf


@dataclass(frozen=True)
class Interval:
    low: float
    high: float
    low_open: bool = False  # "more than 500" excludes 500 itself
    high_open: bool = False

    def overlaps(self, other: Interval) -> bool:
        """Whether some number lies in both intervals (open ends exclude their bound)."""
        if self.low != other.low:
            lo, lo_open = max((self.low, self.low_open), (other.low, other.low_open))
        else:
            lo, lo_open = self.low, self.low_open or other.low_open
        if self.high != other.high:
            hi, hi_open = min((self.high, self.high_open), (other.high, other.high_open))
        else:
            hi, hi_open = self.high, self.high_open or other.high_open
        return lo < hi or (lo == hi and not lo_open and not hi_open)

    @property
    def width(self) -> float:
        return self.high - self.low

    def gap(self, other: Interval) -> float:
        """Relative distance between two disjoint intervals (0 when they overlap)."""
        if self.overlaps(other):
            return 0.0
        a, b = (self, other) if self.high <= other.low else (other, self)
        scale = max(abs(a.high), abs(b.low), 1e-9)
        return (b.low - a.high) / scale


def literal(q: dict, approx_tolerance: float = 0.10) -> Interval:
    """The literal interval of a stored quantity row (value/low/high/qualifier)."""
    qualifier = q.get("qualifier") or "exact"
    low = q.get("low")
    high = q.get("high")
    low = -INF if low is None else float(low)
    high = INF if high is None else float(high)
    if qualifier == "approx" or (qualifier == "range" and q.get("approximate")):
        low, high = _widen(low, high, approx_tolerance)
    return Interval(low, high, low_open=qualifier == "more_than", high_open=qualifier == "less_than")


def journalistic(q: dict, approx_tolerance: float = 0.10, open_bound_factor: float = 1.2) -> Interval:
    """The reading a careful editor would give: open bounds closed at the implied round step."""
    base = literal(q, approx_tolerance)
    qualifier = q.get("qualifier") or "exact"
    if qualifier in ("more_than", "at_least") and base.high == INF and base.low > 0:
        return Interval(base.low, base.low * open_bound_factor, base.low_open, False)
    if qualifier in ("less_than", "at_most") and base.low == -INF and base.high > 0:
        return Interval(base.high / open_bound_factor, base.high, False, base.high_open)
    return base


def representative(q: dict) -> float | None:
    """One number standing for the quantity, to compare orders of magnitude."""
    if q.get("value") is not None:
        return float(q["value"])
    lo, hi = q.get("low"), q.get("high")
    if lo is not None and hi is not None:
        return math.sqrt(max(lo, 1e-9) * max(hi, 1e-9)) if lo > 0 and hi > 0 else (lo + hi) / 2
    return lo if lo is not None else hi


def magnitude_ratio(a: dict, b: dict) -> float:
    ra, rb = representative(a), representative(b)
    if not ra or not rb or ra <= 0 or rb <= 0:
        return 1.0
    return max(ra, rb) / min(ra, rb)


def same_reading(a: dict, b: dict) -> bool:
    """Two quantities that say the same thing in the same way (no discrepancy at all)."""
    keys = ("low", "high")
    if any(_differs(a.get(k), b.get(k)) for k in keys):
        return False
    return (a.get("qualifier") or "exact") == (b.get("qualifier") or "exact") or {
        a.get("qualifier") or "exact",
        b.get("qualifier") or "exact",
    } <= {"exact", "approx"}


def _differs(x: float | None, y: float | None) -> bool:
    if x is None or y is None:
        return x is not y
    return not math.isclose(x, y, rel_tol=1e-9, abs_tol=1e-9)


def _widen(low: float, high: float, tolerance: float) -> tuple[float, float]:
    return (low - abs(low) * tolerance if low != -INF else low, high + abs(high) * tolerance if high != INF else high)
