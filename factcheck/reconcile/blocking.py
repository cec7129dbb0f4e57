"""Candidate pairs from frames: claims that measure one thing of one named party.

Nearest neighbours in the vector index miss pairs whose sentences read differently (an
English one-liner against a long Arabic sentence about the same signatures), and grow
with the corpus only through ``k``. Blocking keys catch those: two claims are candidates
when they share a key (unit class, measured thing, and one reading of a name's word, in
either script, since a name's readings are its phonetic skeletons
(:mod:`factcheck.claims.name_keys`), or a lexicon concept of what the figure does). No
query per claim: every key of the corpus is grouped in memory in one pass.

Work stays linear in the corpus: keys are grouped in one pass, a small block gives all its
pairs, and a block larger than :data:`BLOCK_ALL` gives each member only its
``per_claim`` nearest members by vector (one matrix product per slice of the block).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable

import numpy as np

from factcheck.claims.money import currencies
from factcheck.claims.name_keys import name_key, word_keys

BLOCK_ALL = 48  # a block this small gives all its pairs
_SLICE = 512  # rows of a large block compared at once


def frame_keys(claim: dict, bound_only: bool = False) -> set[tuple[str, str, str]]:
    """The claim's blocking keys, each (unit class, measured thing, what): a reading of a
    name's word for each name bound to the claim (its frame's agent and patient) or, unless
    ``bound_only``, acting in its sentence; and what its figure does, which is always bound
    to it: each lexicon concept of its predicate ("=signed"). None when the frame says
    nothing of what is measured."""
    frame = claim.get("frame") or {}
    unit_class, measured = frame.get("unit_class") or "", frame.get("measured") or ""
    if not unit_class or (unit_class == "count" and not measured):
        return set()
    names = {frame.get("agent") or "", frame.get("patient") or ""}
    if not bound_only:
        names |= set(claim.get("actors") or ())
    # money of one family shares its keys: "JOD" meets "dinar" (the reconciler then parts
    # two codes of one family)
    measures = currencies().comparison_keys(measured) if unit_class == "money" else (measured,)
    keys = set()
    for name in sorted(n for n in names if n):
        for word in name_key(name):
            keys.update((unit_class, m, r) for m in measures for r in word_keys(word))
    keys.update((unit_class, m, "=" + concept) for m in measures for concept in frame.get("concepts") or ())
    return keys


def blocking_pairs(
    claims: list[dict],
    vector_of: Callable[[dict], np.ndarray],
    per_claim: int,
    only: Iterable[str] | None = None,
) -> set[tuple[str, str]]:
    """Sorted id pairs of claims that share a frame key (module docstring), the key bound
    to the figure on one side at least ("300 OpenAI employees signed" and a sentence about
    OpenAI's signers that names OpenAI further away); ``vector_of`` gives a claim's unit
    vector (asked only for the members of large blocks). With ``only``, pairs that touch
    one of those claims."""
    wanted = set(only) if only is not None else None
    bound: dict[tuple, list[int]] = defaultdict(list)
    named: dict[tuple, list[int]] = defaultdict(list)
    for i, claim in enumerate(claims):
        for key in frame_keys(claim, bound_only=True):
            bound[key].append(i)
        for key in frame_keys(claim):
            named[key].append(i)
    pairs: set[tuple[str, str]] = set()
    for key in sorted(bound):
        rows, members = bound[key], named[key]
        if len(members) < 2:
            continue
        if wanted is not None and not any(claims[i]["id"] in wanted for i in members):
            continue
        if len(members) <= BLOCK_ALL:
            for i in rows:
                for j in members:
                    _add(pairs, claims[i], claims[j], wanted)
            continue
        block = np.vstack([vector_of(claims[i]) for i in members])
        position = {i: x for x, i in enumerate(members)}
        for lo in range(0, len(rows), _SLICE):
            chunk = rows[lo : lo + _SLICE]
            nearest = nearest_members(block[[position[i] for i in chunk]], block, per_claim)
            for i, row in zip(chunk, nearest):
                for y in row:
                    _add(pairs, claims[i], claims[members[int(y)]], wanted)
    return pairs


def nearest_members(rows: np.ndarray, block: np.ndarray, per_claim: int) -> np.ndarray:
    """For each of ``rows`` (unit vectors of members of a large block), the positions in
    ``block`` of its ``per_claim`` + 1 nearest members (itself among them)."""
    scores = rows @ block.T
    k = min(per_claim + 1, len(block))
    return np.argpartition(-scores, k - 1, axis=1)[:, :k]


def _add(pairs: set, a: dict, b: dict, wanted: set | None) -> None:
    if a["id"] == b["id"] or a["sentence_id"] == b["sentence_id"]:
        return
    if wanted is not None and a["id"] not in wanted and b["id"] not in wanted:
        return
    pairs.add((a["id"], b["id"]) if a["id"] < b["id"] else (b["id"], a["id"]))
