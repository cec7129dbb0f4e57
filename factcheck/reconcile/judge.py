"""How two claims about one slot disagree: conflict, precision or supersession.

See ``reconcile/intervals.py`` for the readings compared. Rules, in order:

1. A negated claim ("did not sign") is never judged: it is kept in its cluster only.
2. The same reading on both sides is agreement: recorded in the cluster, not reported. So
   is a vague figure ("hundreds of", "tens of millions") whose interval meets the other's:
   it does not claim anything finer to disagree with.
3. Literal intervals that cannot both hold are a ``conflict`` unless the later report
   updates the earlier one, in which case it replaces the earlier figure:
   ``supersession``. A report updates another when both sources carry dates, they differ,
   and the later one says so: update wording in its sentence ("has risen to", "climbed
   to", "revised", «ارتفعت الحصيلة»: the lexicon's ``update``, ``rise`` and ``fall`` concepts), or
   a running count of an event (the dead, cases, the evacuated: the ``running`` concept)
   that has grown. A later figure with nothing that says it updates the earlier one
   contradicts it, and so does one that another party asserts (a dispute).
4. Compatible intervals are a ``precision`` discrepancy: medium severity when the
   journalistic readings do not meet ("more than 500" vs "700"), low otherwise
   ("between 50 and 100 million" vs "100 million"); ``supersession`` when the later report
   updates the earlier one (as above) and the readings do not meet.
5. A hedged claim ("reportedly", "could") is never judged as firm: severity at most medium
   and lower confidence.
6. ``confidence`` is the slot model's probability that the two claims state one slot (the
   alignment score; :mod:`factcheck.reconcile.model`), times :data:`HEDGED_CONFIDENCE` when
   a claim is hedged: how sure the discrepancy is to set two readings of one thing side by
   side. docs/evaluation.md tabulates it against how often that holds.
"""

from __future__ import annotations

from dataclasses import dataclass

from factcheck.claims.calendar_math import day_interval
from factcheck.claims.modality import hedge_cue
from factcheck.reconcile.events import judge_events
from factcheck.reconcile.intervals import journalistic, literal, same_reading
from factcheck.reconcile.slots import day_of, sentence_concepts
from factcheck.reconcile.thresholds import Thresholds

HEDGED_CONFIDENCE = 0.7  # a hedged claim's discrepancy is that much less sure
_SEVERITY_ORDER = ("low", "medium", "high")


@dataclass(frozen=True)
class Judgement:
    kind: str
    severity: str
    confidence: float
    reason: str


def judge(a: dict, b: dict, alignment_score: float, th: Thresholds, disagree: float | None = None) -> Judgement | None:
    """``disagree``: the pair judgement's probability that two event reports contradict each
    other, when one was given (``reconcile/stance.py``)."""
    if a["kind"] == "event":
        return judge_events(a, b, alignment_score, _finish, disagree, th.event_disagree)  # reconcile/events.py
    if a.get("negated") or b.get("negated"):
        return None
    if a["kind"] == "date":
        return _judge_dates(a, b, alignment_score, th)
    if same_reading(a, b):
        return None
    la, lb = literal(a, th.approx_tolerance), literal(b, th.approx_tolerance)
    updated = _updates(a, b, la, lb)
    if la.overlaps(lb) and (a.get("approximate") or b.get("approximate")):
        return None  # "hundreds of employees" and "700": a vague figure checks nothing finer
    if not la.overlaps(lb):
        if updated:
            judgement = ("supersession", "medium", "the later report gives another figure")
        else:
            severity = "medium" if la.gap(lb) < th.minor_gap else "high"
            judgement = ("conflict", severity, "the two figures cannot both be true")
    else:
        ja = journalistic(a, th.approx_tolerance, th.open_bound_factor)
        jb = journalistic(b, th.approx_tolerance, th.open_bound_factor)
        if ja.overlaps(jb):
            judgement = ("precision", "low", "compatible figures, one more precise than the other")
        elif updated:
            judgement = ("supersession", "medium", "compatible on paper, but the later report gives a different figure")
        else:
            judgement = (
                "precision",
                "medium",
                "compatible on paper, but read as a journalist would they report different figures",
            )
    return _finish(*judgement, a, b, alignment_score)


#: Precisions whose days are a calendar unit: a year holds its months, a month its days, so
#: one containing the other is agreement ("2023" and "2023-11-17"), not a finding.
_CALENDAR_UNITS = frozenset({"year", "month", "day"})


def _judge_dates(a: dict, b: dict, alignment_score: float, th: Thresholds) -> Judgement | None:
    """Dates are compared as the intervals of days they cover (``calendar_math.day_interval``:
    a range its first to its last day, a part of a month its third, a week Monday to Sunday).
    They conflict only when the intervals cannot overlap; a date inside another ("2023" and
    "2023-11-17") is agreement when both are calendar units, and a ``precision`` finding
    when one is a range, a part of a month or a week ("15-17 November" and "16 November").
    An unresolved date (one with two ``readings`` too) is never compared. A conflict with a
    part of a month is medium: its bounds (days 1-10, 11-20, 21-end) are a convention."""
    da, db = a.get("date"), b.get("date")
    if not da or not db:
        # a day and month without a year ("March 5" in an undated article) against another day
        day_a, day_b = day_of(a), day_of(b)
        if not (day_a and day_b) or day_a == day_b:
            return None
        return _finish("conflict", "high", "the two dates cannot both be right (one gives no year)", a, b, alignment_score)
    ia, ib = day_interval(a), day_interval(b)
    if ia is None or ib is None or ia == ib:
        return None
    if ia[1] < ib[0] or ib[1] < ia[0]:
        fuzzy = "part_of_month" in (a.get("precision"), b.get("precision"))
        return _finish("conflict", "medium" if fuzzy else "high", "the two dates cannot both be right", a, b, alignment_score)
    if a.get("precision", "day") in _CALENDAR_UNITS and b.get("precision", "day") in _CALENDAR_UNITS:
        return None  # "2023" and "2023-11-17" agree; the cluster keeps both
    return _finish("precision", "low", "compatible dates, one more precise than the other", a, b, alignment_score)


def _finish(kind: str, severity: str, reason: str, a: dict, b: dict, alignment_score: float) -> Judgement:
    # the slot model's probability that the two claims state one slot (rule 6)
    confidence = alignment_score
    if a.get("hedged") or b.get("hedged"):
        confidence *= HEDGED_CONFIDENCE
        if _SEVERITY_ORDER.index(severity) > _SEVERITY_ORDER.index("medium"):
            severity = "medium"
        reason += f" ({hedge_note(a, b)})"
    return Judgement(kind, severity, round(confidence, 3), reason)


def hedge_note(a: dict, b: dict) -> str:
    """Which of two claims is hedged, and by what words: "770 is hedged by «تشير
    التقارير»"; "both are hedged: 770 by ...; 700 by ..." when both are.

    >>> s = "Up to 300 people may have been evacuated."
    >>> a = {"hedged": True, "quote": "300", "text": s, "sentence_start": 0, "char_start": 6, "char_end": 9}
    >>> hedge_note(a, {"hedged": False})
    '300 is hedged by "may"'
    """
    said = [_hedged_by(c) for c in (a, b) if c.get("hedged")]
    if len(said) == 1:
        return f"{said[0][0]} is hedged {said[0][1]}"
    return "both are hedged: " + "; ".join(f"{quote} {how}" for quote, how in said)


def _quote_words(words: str) -> str:
    return f"«{words}»" if any("\u0600" <= ch <= "\u06ff" for ch in words) else f'"{words}"'


def _hedged_by(claim: dict) -> tuple[str, str]:
    text, offset = claim.get("text") or "", claim.get("sentence_start") or 0
    cue = hedge_cue(text, claim.get("char_start", 0) - offset, claim.get("char_end", 0) - offset) if text else ""
    quote = claim.get("quote") or "one claim"
    return quote, f"by {_quote_words(cue)}" if cue else "by a condition or a future tense"


def _dated_apart(a: dict, b: dict) -> bool:
    """Both sources carry a date, and not the same one."""
    pa, pb = a.get("published"), b.get("published")
    return bool(pa and pb and pa != pb and a["source_id"] != b["source_id"])


_UPDATE_CONCEPTS = frozenset({"update", "rise", "fall"})


def _updates(a: dict, b: dict, la, lb) -> bool:
    """Whether the later of two dated reports updates the earlier one (rule 3): its
    sentence says so, or both count an event that keeps running and the later count is
    not lower. ``la`` and ``lb`` are the claims' literal intervals. What one party says
    never updates what another says, however the two are dated: that is a dispute."""
    if not _dated_apart(a, b):
        return False
    from factcheck.reconcile.disputes import parties  # disputes read judgements

    if parties(a, b).dispute:
        return False
    (earlier, was), (later, now) = sorted(((a, la), (b, lb)), key=lambda x: (x[0]["published"], x[0].get("id", "")))
    said = sentence_concepts(later)
    if said & _UPDATE_CONCEPTS:
        return True
    return "running" in said and "running" in sentence_concepts(earlier) and now.low >= was.low


def severity_at_least(severity: str, floor: str) -> bool:
    return _SEVERITY_ORDER.index(severity) >= _SEVERITY_ORDER.index(floor)


SEVERITIES = _SEVERITY_ORDER
