"""The report's ``timeline``: what happened when, per source, in date order.

An entry is one event as dated by one or more sources: the event claims of one cluster (or
an event claim of no cluster) that give it the same date, and the date claims that date
what a sentence says happened (not when something was said: "officials said on Monday").
An event told by a verb (or by a stage word before a noun: "voted to fire") whose sentence
gives no date stands at the day its source's story
had reached (the last day the text named before it), in an entry of its own, its claim
marked ``dated_by: "story"``: shown in order, never judged against another date. (A noun
refers back to an event, "since Altman's firing", and is not placed.)
Entries are ordered by the first day their date covers, then the coarser date first (a
month before the days inside it), then what happened and the entry's first claim id, so
the same corpus gives the same order. An event two sources date differently stands at each
date, each entry naming the discrepancy that sets them against each other.
"""

from __future__ import annotations

from factcheck.claims.calendar_math import day_interval
from factcheck.claims.context import dates_a_statement
from factcheck.claims.describe import describe_date, describe_event
from factcheck.reconcile.events import event_time

TIMELINE_PRECISIONS = ("day", "week", "part_of_month", "month", "year")  # finer first: a day's entries before a month's on ties
_DAY_DATES = ("day", "range", "week", "part_of_month")


def timeline_claims(claims: list[dict]) -> list[dict]:
    """The claims a timeline is made of: dated event claims, and date claims of a happening."""
    events = [c for c in claims if c["kind"] == "event" and _when(c) is not None]
    dated_events = {(c["sentence_id"], _when(c)["date"]) for c in events}
    dates = [
        c
        for c in claims
        if c["kind"] == "date" and c.get("date") and not c.get("readings") and c.get("precision") in _DAY_DATES
        and (c["sentence_id"], c["date"]) not in dated_events  # the event of its sentence stands there already
        and not dates_a_statement(c.get("context") or "")
    ]  # fmt: skip
    return sorted(events + dates, key=lambda c: (c["source_id"], c["char_start"], c["id"]))


WHAT_CHARACTERS = 120  # a date entry's sentence is shown up to this many characters


def shortened(text: str) -> str:
    """A sentence as a timeline row names it: whitespace collapsed, cut with … past
    :data:`WHAT_CHARACTERS`."""
    text = " ".join(text.split())
    return text if len(text) <= WHAT_CHARACTERS else text[: WHAT_CHARACTERS - 1].rstrip() + "…"


def _when(claim: dict) -> dict | None:
    """An event claim's date on the timeline: the one its sentence gives, else the day its
    source's story stood at (``placed``: the last day the text named before it)."""
    when = event_time(claim)
    if when is None and claim.get("placed"):
        return {"date": claim["placed"], "precision": "day"}
    return when


def build_timeline(claims: list[dict], cluster_of: dict[str, str], discrepancies: list[dict]) -> list[dict]:
    """The timeline entries (module docstring) of ``claims`` (:func:`timeline_claims`);
    ``cluster_of`` maps claim ids to cluster ids, ``discrepancies`` are the report's."""
    by_claim: dict[str, list[str]] = {}
    for d in discrepancies:
        for c in d["claims"]:
            by_claim.setdefault(c["id"], []).append(d["id"])
    groups: dict[tuple, tuple[dict, list[dict]]] = {}
    for c in claims:
        if c["kind"] == "event":
            when, story = _when(c), event_time(c) is None
        else:
            when, story = {"date": c["date"], "precision": c["precision"], "date_end": c.get("date_end"), "part": c.get("part")}, False
        key = (c["kind"], cluster_of.get(c["id"]) or c["id"], when["date"], when["precision"], story)
        groups.setdefault(key, (when, []))[1].append(c)
    entries = []
    for (kind, _, date, precision, story), (when, members) in groups.items():
        members.sort(key=lambda c: (c["source_id"], c["char_start"], c["id"]))
        first = members[0]
        span = day_interval(when)
        entry = {
            "date": date,
            "date_end": when.get("date_end"),
            "precision": precision,
            "kind": kind,
            "what": describe_event(first) if kind == "event" else f"{describe_date(first)}: {shortened(first['text'])}",
            "action": (first.get("frame") or {}).get("measured") if kind == "event" else None,
            "cluster_id": cluster_of.get(first["id"]),
            "sources": sorted({c["source_id"] for c in members}),
            "claims": [
                {
                    "claim_id": c["id"], "source_id": c["source_id"], "quote": c["quote"], "text": c["text"],
                    "negated": bool(c.get("negated")), "hedged": bool(c.get("hedged")),
                    "dated_by": "story" if story else "sentence",
                }  # fmt: skip
                for c in members
            ],
            "discrepancy_ids": sorted({d for c in members for d in by_claim.get(c["id"], ())}),
        }
        order = (span[0].isoformat() if span else date, TIMELINE_PRECISIONS.index(precision) if precision in TIMELINE_PRECISIONS else len(TIMELINE_PRECISIONS))
        entries.append((order, 0 if kind == "event" else 1, entry["what"], members[0]["id"], entry))
    entries.sort(key=lambda x: x[:4])
    return [e for *_, e in entries]
