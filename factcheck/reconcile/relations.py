"""Sources that translate or copy one another, so their agreement is not independent.

Declared relations come from metadata (``translation_of``). Detected ones come from the
alignments: when most of the claims of the smaller source meet a claim of the other that
says the same thing, one is very likely a copy (same language) or a translation (different
languages) of the other. Agreement between them is then not corroboration, and their
discrepancies are flagged ``related_sources``.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

from factcheck.reconcile.intervals import same_reading
from factcheck.reconcile.tally import top
from factcheck.reconcile.thresholds import Thresholds


# What a relation is counted over: figures and dates, read precisely enough that two sources
# sharing most of them copy one another. Events ("Altman returned") are told alike by
# independent sources, and are left out of both sides of the share.
RELATION_KINDS = ("quantity", "date")


def detect(claims: list[dict], aligned: Iterable[tuple[dict, dict, object]], sources: dict[str, dict], th: Thresholds) -> list[dict]:
    """Relations between sources, declared and detected, sorted by source ids.

    Each is ``{"source_a", "source_b", "relation", "shared_claims", "share"}`` with
    ``relation`` one of ``translation_of`` (declared), ``translation`` or ``copy`` (detected).
    Only claims of :data:`RELATION_KINDS` count.
    """
    claims = [c for c in claims if c["kind"] in RELATION_KINDS]
    counts = Counter(c["source_id"] for c in claims)
    langs: dict[str, Counter] = defaultdict(Counter)
    ids_of: dict[str, set[str]] = defaultdict(set)
    for c in claims:
        langs[c["source_id"]][c["lang"]] += 1
        ids_of[c["source_id"]].add(c["id"])
    agreeing: dict[tuple[str, str], set[str]] = defaultdict(set)
    for a, b, _ in aligned:
        if a["source_id"] == b["source_id"] or not agree(a, b):
            continue
        key = tuple(sorted((a["source_id"], b["source_id"])))
        agreeing[key].update((a["id"], b["id"]))
    relations: dict[tuple[str, str], dict] = {}
    for (sa, sb), members in agreeing.items():
        found = relation(sa, sb, len(members & ids_of[sa]), len(members & ids_of[sb]), counts, langs, False, th)
        if found is not None:
            relations[(sa, sb)] = found
    for sid, source in sources.items():
        target = source.get("translation_of")
        if target and target in sources:
            key = tuple(sorted((sid, target)))
            found = relations.get(key, {"shared_claims": 0, "share": 0.0})
            relations[key] = {
                "source_a": key[0], "source_b": key[1], "relation": "translation_of",
                "shared_claims": found["shared_claims"], "share": found["share"],
            }  # fmt: skip
    return [relations[k] for k in sorted(relations)]


def relation(
    sa: str, sb: str, shared_a: int, shared_b: int, counts: dict[str, int], langs: dict[str, Counter], declared: bool, th: Thresholds
) -> dict | None:
    """The relation of sources ``sa`` < ``sb`` (or None): ``shared_a`` claims of ``sa`` and
    ``shared_b`` of ``sb`` agree with a claim of the other; ``counts`` and ``langs`` give each
    source's claims and their languages; ``declared`` when metadata says one translates the other."""
    shared = min(shared_a, shared_b)
    smaller = min(counts.get(sa, 0), counts.get(sb, 0))
    share = shared / smaller if smaller else 0.0
    detected = shared >= th.related_min_claims and share >= th.related_share
    if declared:
        return {
            "source_a": sa, "source_b": sb, "relation": "translation_of",
            "shared_claims": shared if detected else 0, "share": round(share, 3) if detected else 0.0,
        }  # fmt: skip
    if not detected:
        return None
    kind = "copy" if top(langs[sa]) == top(langs[sb]) else "translation"
    return {"source_a": sa, "source_b": sb, "relation": kind, "shared_claims": shared, "share": round(share, 3)}


def agree(a: dict, b: dict) -> bool:
    """Whether two aligned claims say the same thing (what counts towards a relation)."""
    if a["kind"] not in RELATION_KINDS:
        return False
    if a["kind"] == "date":
        return bool(a.get("date")) and all(a.get(k) == b.get(k) for k in ("date", "date_end", "part"))
    return same_reading(a, b)


def related_lookup(relations: list[dict]):
    """A function telling whether two source ids are related."""
    pairs = {frozenset((r["source_a"], r["source_b"])) for r in relations}
    return lambda a, b: frozenset((a, b)) in pairs
