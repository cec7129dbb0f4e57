"""Clusters: the claims about one slot, across sources, with a canonical statement.

A cluster is a connected group of aligned claims. Its id hashes its members (stable across
runs). Its canonical statement is the clause, as written, around the figure of its most
representative claim: the best-connected claim that is firm (not hedged, not negated), states
a figure of its own (not the whole of "700 of 770", not "hundreds") and says what most members
say. Its slot label says in English what the figures measure, from what the claims parsed:
"count of staff · OpenAI · signed".
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict

from factcheck.claims.lexicon import GENERIC, lexicon
from factcheck.claims.money import currencies
from factcheck.reconcile.groups import Groups
from factcheck.reconcile.labels import cluster_label
from factcheck.reconcile.tally import most_common, top

CLAUSE_WORDS = 14  # at most this many words on each side of the figure
_CLAUSE_BREAK = re.compile(r"[،,;؛:()«»\"“”]|\s[—–-]+\s|\sــ\s|\.\s")
_SPACE_RUN = re.compile(r"\S+")


def build_clusters(claims: list[dict], pairs: list[tuple[dict, dict]], reading) -> tuple[list[dict], list[dict], dict[str, str]]:
    """(clusters, member rows, claim id -> cluster id) from aligned pairs.

    ``reading(claim)`` is what a claim says, as a key: claims with one reading agree (used to
    find the reading most members share).
    """
    joined = Groups()
    degree: Counter = Counter()
    for a, b in pairs:
        joined.join(a["id"], b["id"])
        degree[a["id"]] += 1
        degree[b["id"]] += 1
    groups: dict[str, list[str]] = defaultdict(list)
    for claim_id in joined.members():
        groups[joined.find(claim_id)].append(claim_id)
    by_id = {c["id"]: c for c in claims}
    clusters, members_rows, cluster_of = [], [], {}
    for ids in groups.values():
        ids.sort()
        members = [by_id[m] for m in ids]
        cluster_id = "c_" + hashlib.sha256("\x1f".join(ids).encode()).hexdigest()[:12]
        central = representative(members, degree, reading)
        nouns = Counter(m.get("noun") for m in members if m.get("noun"))
        clusters.append(
            {
                "id": cluster_id,
                "kind": central["kind"],
                "unit": central.get("unit"),
                "noun": top(nouns),
                "canonical": canonical_statement(central),
                "slot": slot_label(members),
                "label": cluster_label(members),
                "size": len(members),
            }
        )
        members_rows.extend({"cluster_id": cluster_id, "claim_id": m} for m in ids)
        cluster_of.update((m, cluster_id) for m in ids)
    clusters.sort(key=lambda c: c["id"])
    members_rows.sort(key=lambda m: (m["cluster_id"], m["claim_id"]))
    return clusters, members_rows, cluster_of


def representative(members: list[dict], degree: Counter, reading) -> dict:
    """The member whose sentence best states the slot (see the module docstring)."""
    support = Counter(reading(m) for m in members)

    def rank(c: dict) -> tuple:
        firm = not (c.get("hedged") or c.get("negated"))
        own_figure = not (c.get("whole") or c.get("approximate"))
        return (firm, own_figure, support[reading(c)], degree[c["id"]], -len(c["text"]), c["id"])

    return max(members, key=rank)


def canonical_statement(claim: dict) -> str:
    """The clause around a claim's figure, as written, cut to a readable length.

    >>> text = "Under heavy pressure, more than 500 employees signed a letter to the board, the paper said."
    >>> canonical_statement({"text": text, "char_start": 22, "char_end": 35, "sentence_start": 0})
    'more than 500 employees signed a letter to the board'
    """
    text = claim["text"]
    start = claim["char_start"] - claim["sentence_start"]
    end = claim["char_end"] - claim["sentence_start"]
    left = max((m.end() for m in _CLAUSE_BREAK.finditer(text, 0, start)), default=0)
    right = next((m.start() for m in _CLAUSE_BREAK.finditer(text, end)), len(text))
    while left < start and text[left].isspace():
        left += 1
    if len(_SPACE_RUN.findall(text[left:right])) < 6:  # a clause too short to say anything
        left, right = 0, len(text)
    before = list(_SPACE_RUN.finditer(text, left, start))[-CLAUSE_WORDS:]
    after = list(_SPACE_RUN.finditer(text, end, right))[:CLAUSE_WORDS]
    lo = before[0].start() if before else start
    hi = after[-1].end() if after else end
    clause = text[lo:hi].strip().rstrip(".،,;:")
    return ("… " if lo > left else "") + clause + (" …" if hi < right else "")


def slot_label(members: list[dict]) -> str:
    """What the cluster's figures measure, in English: unit or counted thing, who, which act."""
    lex = lexicon()
    central = members[0]
    if central["kind"] == "date":
        what = "date"
    else:
        unit = top(Counter(m.get("unit") or "count" for m in members))
        if unit == "count":
            groups = Counter(g for m in members if (g := lex.group(m.get("noun"))) and g != GENERIC)
            nouns = Counter(m["noun"] for m in members if m.get("noun"))
            thing = top(groups) or top(nouns) or ""
            what = f"count of {thing}" if thing else "count"
        elif unit == "percent":
            what = "percentage"
        elif unit == "percentage_point":
            what = "percentage points"
        elif len(unit) == 3 and unit.isupper():
            what = f"amount in {unit}"
        elif currencies().is_family(unit):
            what = f"amount in {unit}s"  # a family: which dinar the text did not say
        else:
            what = f"duration in {unit}s" if unit in ("second", "minute", "hour", "day", "week", "month", "year") else unit
    who = Counter(name for m in members for name in set(m.get("actors") or m.get("entities") or []))
    acts = Counter(c for m in members for c in lex.concepts((m.get("predicate_words") or "").split()) if c not in lex.links)
    parts = [what]
    named = [name for name, n in most_common(who, 2) if n * 2 >= len(members)]
    if named:
        parts.append(", ".join(named))
    measured = [c for c, n in most_common(acts, 3) if n * 3 >= len(members) and f"count of {c}" != what][:2]
    if measured:
        parts.append(", ".join(m.replace("_", " ") for m in measured))
    return " · ".join(parts)
