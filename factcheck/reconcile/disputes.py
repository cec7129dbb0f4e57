"""Disputes between parties: two sides of a discrepancy that two parties assert.

"Musk says he gave about $100M" against "OpenAI says it raised less than $45M from Musk"
is not an outlet's error: every source may report both faithfully. When the two claims of
a discrepancy are attributed (:mod:`factcheck.claims.attribution`) to two named parties
that are not one name, the discrepancy is a **dispute**: it names its ``parties``, it is
rated ``low`` (so the CI gate does not fail on it at the default ``--fail-on``), and it is
listed after a source's own discrepancies of the same severity and kind. Two claims that
one party asserts in two places and that disagree are that party's own inconsistency
(``same_party``): their severity stands, and the summary says whose they are.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from factcheck.claims.name_keys import names_meet
from factcheck.reconcile.judge import Judgement

#: a dispute's severity
DISPUTE_SEVERITY = "low"


@dataclass(frozen=True)
class Parties:
    """Who asserts the two sides: the named parties (sorted), whether they are two parties
    (``dispute``) or one party on both sides (``same_party``)."""

    names: tuple[str, ...] = ()
    dispute: bool = False
    same_party: bool = False


def parties(a: dict, b: dict) -> Parties:
    """The parties of two claims (stored rows: ``attributed_to``, ``attribution``).

    >>> musk = {"attributed_to": "Musk", "attribution": "says"}
    >>> parties(musk, {"attributed_to": "OpenAI", "attribution": "says"})
    Parties(names=('Musk', 'OpenAI'), dispute=True, same_party=False)
    >>> parties(musk, {"attributed_to": "Elon Musk", "attribution": "quote"}).same_party
    True
    >>> parties(musk, {"attributed_to": "", "attribution": ""})  # the other side is the source's own
    Parties(names=('Musk',), dispute=False, same_party=False)
    """
    named = [str(c.get("attributed_to") or "") for c in (a, b) if c.get("attribution") and c.get("attributed_to")]
    if len(named) == 2 and names_meet(named[0], named[1]):
        return Parties((min(named, key=lambda n: (-len(n), n)),), dispute=False, same_party=True)
    if len(named) == 2:
        return Parties(tuple(sorted(named)), dispute=True)
    return Parties(tuple(named))


def between_parties(judgement: Judgement, a: dict, b: dict) -> Judgement:
    """The judgement of a pair, read with who asserts each side: a dispute is rated
    :data:`DISPUTE_SEVERITY` and says so; one party's own inconsistency says whose."""
    who = parties(a, b)
    if who.dispute:
        first, second = who.names
        return replace(judgement, severity=DISPUTE_SEVERITY, reason=f"{judgement.reason} (a dispute between parties: {first} and {second})")
    if who.same_party:
        return replace(judgement, reason=f"{judgement.reason} (both are {who.names[0]}'s own claims)")
    return judgement
