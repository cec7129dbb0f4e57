"""Build the report dict (docs/contracts.md) from what the database holds.

Same database, same dict: every list is sorted, no wall-clock time is included.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import MISSING, fields

from factcheck import __version__
from factcheck.claims.describe import describe_value
from factcheck.claims.model import Frame
from factcheck.reconcile.reconciler import reading
from factcheck.reports.presentation import cluster_order
from factcheck.reports.timeline import build_timeline, timeline_claims

# 2: clusters carry a slot label and their readings; claims mark wholes
# 3: the sentences whose analysis failed are listed in ``skipped``
# 4: claims carry their frame; clusters a label (the question they answer)
# 5: dates may be ranges, parts of months and weeks; claims and cluster rows carry date_end,
#    part, calendar, hijri and readings
# 6: event claims (kind "event", with ``event``: action, stage, identity); the top-level
#    ``timeline`` of dated events
SCHEMA_VERSION = 10

_CLAIM_FIELDS = (
    "id", "source_id", "kind", "lang", "text", "quote", "char_start", "char_end", "sentence_start",
    "sentence_end", "value", "low", "high", "unit", "qualifier", "noun", "total", "approximate", "date",
    "month_day", "precision", "date_end", "part", "calendar", "hijri", "readings", "hedged", "negated", "whole",
)  # fmt: skip
_FRAME_FIELDS = tuple((f.name, f.default_factory() if f.default is MISSING else f.default) for f in fields(Frame))
_SOURCE_FIELDS = ("id", "path", "format", "sha256", "title", "title_origin", "outlet", "url", "published", "updated", "language", "translation_of")


def corpus_fingerprint(digests: Iterable[tuple[str, str]]) -> str:
    """A hash of every source's id and content hash (``digests``: (id, hash) pairs in any
    order): two reports of one corpus share it."""
    return hashlib.sha256("".join(f"{i}\x1f{sha}\n" for i, sha in sorted(digests)).encode()).hexdigest()


def claim_record(claim: dict) -> dict:
    record = {k: claim.get(k) for k in _CLAIM_FIELDS}
    record["hedged"] = bool(record["hedged"])
    record["approximate"] = bool(record["approximate"])
    record["negated"] = bool(record["negated"])
    record["whole"] = bool(record["whole"])
    if claim["kind"] != "quantity":
        record["unit"] = record["qualifier"] = None
    record["frame"] = frame_record(claim.get("frame") or {})
    # who asserts it: null for the source's own statement (docs/contracts.md#attribution)
    how = claim.get("attribution") or ""
    record["attributed_to"] = {"party": claim.get("attributed_to") or "", "how": how, "cue": claim.get("attribution_cue") or ""} if how else None
    record["endorsed"] = not how
    record["event"] = (
        {
            "action": (claim.get("frame") or {}).get("measured") or "", "stage": claim.get("stage") or "",
            "identity": list(claim.get("identity") or []), "agent_type": claim.get("agent_type") or "", "placed": claim.get("placed") or "",
        }  # fmt: skip
        if claim["kind"] == "event"
        else None
    )
    return record


def frame_record(frame: dict) -> dict:
    """A claim's frame with every field present (a claim stored before frames has none)."""
    return {k: frame.get(k, default) for k, default in _FRAME_FIELDS}


def build_report(store, model_id: str, thresholds: dict, pair_judge: dict | None = None) -> dict:
    """The report dict from what the store holds (``docs/contracts.md``); ``pair_judge``
    (what the pair judgement was trained on, when one weighed event reports) joins
    ``generated_by``."""
    sources = store.sources()
    clusters = store.clusters()
    discrepancies = store.discrepancies()
    wanted = {cid for c in clusters for cid in c["claim_ids"]}
    claims = {c["id"]: c for c in store.claims(claim_ids=sorted(wanted))} if wanted else {}
    published = {s["id"]: s["published"] for s in sources}
    related: dict[str, list[dict]] = {}
    for r in store.source_relations():
        for me, other in ((r["source_a"], r["source_b"]), (r["source_b"], r["source_a"])):
            related.setdefault(me, []).append({"source_id": other, "relation": r["relation"], "shared_claims": r["shared_claims"]})
    independent = _independent_groups(sorted(s["id"] for s in sources), related)
    records = cluster_order([discrepancy_record(d, claims) for d in discrepancies if d["claim_a"] in claims and d["claim_b"] in claims])
    cluster_of = {cid: c["id"] for c in clusters for cid in c["claim_ids"]}
    timeline = build_timeline(timeline_claims(store.claims(kinds=("event", "date"))), cluster_of, records)
    return {
        "schema_version": SCHEMA_VERSION,
        "generated_by": {
            "version": __version__,
            "model": model_id,
            "thresholds": thresholds,
            "corpus_fingerprint": corpus_fingerprint((s["id"], s["sha256"]) for s in sources),
        }
        | ({"pair_judge": pair_judge} if pair_judge else {}),
        "sources": [{k: s.get(k) for k in _SOURCE_FIELDS} | {"related": related.get(s["id"], [])} for s in sources],
        "clusters": [_cluster_record(c, claims, published, independent) for c in clusters],
        "discrepancies": records,
        "timeline": timeline,
        "skipped": store.skipped_sentences(),
    }


def discrepancy_record(d: dict, claims: dict[str, dict]) -> dict:
    """A stored discrepancy (with its status) as the report gives it; ``claims`` by id."""
    return {
        "id": d["id"],
        "kind": d["kind"],
        "severity": d["severity"],
        "confidence": d["confidence"],
        "internal": d["internal"],
        "related_sources": d["related_sources"],
        "dispute": d["dispute"],
        "parties": list(d["parties"]),
        "same_party": d["same_party"],
        "cluster_id": d["cluster_id"],
        "summary": d["summary"],
        "status": d["status"],
        "claims": [claim_record(claims[d["claim_a"]]), claim_record(claims[d["claim_b"]])],
    }


def _independent_groups(source_ids: list[str], related: dict[str, list[dict]]) -> dict[str, str]:
    """Source id -> the first id of its group of related sources (copies and translations
    of one another count as one voice)."""
    group = {sid: sid for sid in source_ids}

    def find(x: str) -> str:
        while group.get(x, x) != x:
            x = group[x]
        return x

    for sid in source_ids:
        for r in related.get(sid, []):
            a, b = sorted((find(sid), find(r["source_id"])))
            group[b] = a
    return {sid: find(sid) for sid in source_ids}


def readings(members: list[dict], independent: dict[str, str]) -> list[dict]:
    """What the cluster's claims say, one entry per distinct reading, most independent
    support first: "about 700" (2 sources, 1 independent), "more than 500" (1 source);
    vague figures and wholes come after the figures of their own."""
    groups: dict[tuple, list[dict]] = {}
    for c in sorted(members, key=_member_order):
        groups.setdefault(reading(c), []).append(c)
    out = []
    for group in groups.values():
        sources = sorted({c["source_id"] for c in group})
        vague = bool(group[0].get("approximate") or group[0].get("whole"))
        out.append(
            (
                vague,
                {
                    "reads_as": describe_value(group[0]),
                    "claim_ids": [c["id"] for c in group],
                    "sources": sources,
                    "independent_sources": len({independent.get(s, s) for s in sources}),
                },
            )
        )
    # figures of their own first ("hundreds" and the whole of "700 of 770" after them)
    out.sort(key=lambda x: (x[0], -x[1]["independent_sources"], -len(x[1]["claim_ids"]), x[1]["claim_ids"][0]))
    return [r for _, r in out]


def _member_order(claim: dict) -> tuple:
    """Claims in the order of their sources and of their places in them; two claims at one
    offset (a part and the whole of "700 of 770") by id, so the order never depends on input order."""
    return (claim["source_id"], claim["char_start"], claim["id"])


def _cluster_record(cluster: dict, claims: dict, published: dict, independent: dict[str, str]) -> dict:
    members = [claims[m] for m in cluster["claim_ids"] if m in claims]
    members.sort(key=_member_order)
    return {
        "id": cluster["id"],
        "canonical": cluster["canonical"],
        "slot": cluster.get("slot") or "",
        "label": cluster.get("label") or "",
        "readings": readings(members, independent),
        "kind": cluster["kind"],
        "unit": cluster["unit"],
        "noun": cluster["noun"],
        "claim_ids": [c["id"] for c in members],
        "sources": sorted({c["source_id"] for c in members}),
        "table": [
            {
                "claim_id": c["id"],
                "source_id": c["source_id"],
                "quote": c["quote"],
                "value": c.get("value"),
                "low": c.get("low"),
                "high": c.get("high"),
                "qualifier": c.get("qualifier") if c["kind"] == "quantity" else None,
                "unit": c.get("unit") if c["kind"] == "quantity" else None,
                "date": c.get("date"),
                "month_day": c.get("month_day"),
                "published": published.get(c["source_id"]),
                "total": c.get("total"),
                "whole": bool(c.get("whole")),
                "hedged": bool(c.get("hedged")),
                "negated": bool(c.get("negated")),
                "lang": c.get("lang"),
                "precision": c.get("precision"),
                "date_end": c.get("date_end"),
                "part": c.get("part"),
                "calendar": c.get("calendar"),
                "hijri": c.get("hijri"),
                "readings": c.get("readings"),
            }
            for c in members
        ],
    }
