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
``per_claim`` nearest members by vector: exactly (one matrix product per slice of the
block) up to :data:`BLOCK_EXACT` members, and past that through an inverted file trained on
the block (:mod:`factcheck.index.ivf`), since a block keyed only by what a figure does
("count", "staff", "=signed") grows with the corpus and its exact search with its square.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

import numpy as np

from factcheck.claims.money import currencies
from factcheck.claims.name_keys import name_key, word_keys
from factcheck.index.ivf import ivf_neighbours, trained_neighbours

BLOCK_ALL = 48  # a block this small gives all its pairs
BLOCK_EXACT = 4096  # a block this large or smaller finds each member's nearest members exactly
_SLICE = 512  # rows of a large block compared at once
_MERGE_AT = 1 << 22  # pair codes gathered from blocks before they are merged with the others


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
    vector (asked once per member of a large block). With ``only``, pairs that touch
    one of those claims."""
    space = PairSpace(claims)

    def vectors_at(rows: list[int]) -> np.ndarray:
        return np.vstack([vector_of(claims[i]) for i in rows])

    return set(space.pairs(blocking_codes(claims, vectors_at, per_claim, only, space)))


@dataclass
class BlockLists:
    """How a block searched through an inverted file filed its members: the centroids it
    was trained with, and each member's list. Stored, they let a later run search the
    block's lists for a new member without reading every member or training again
    (:mod:`factcheck.reconcile.incremental`)."""

    centroids: np.ndarray
    ids: list[str]  # the members' claim ids, in the order they were trained on
    lists: np.ndarray  # the list of each member


def blocking_codes(
    claims: list[dict],
    vectors_at: Callable[[list[int]], np.ndarray],
    per_claim: int,
    only: Iterable[str] | None = None,
    space: PairSpace | None = None,
    lists_out: dict[tuple, BlockLists] | None = None,
) -> np.ndarray:
    """:func:`blocking_pairs` as the sorted codes of ``space`` (eight bytes a pair);
    ``vectors_at(rows)`` gives the unit vectors of the claims at those positions. Each
    block searched through an inverted file leaves its :class:`BlockLists` in
    ``lists_out``, under its key."""
    space = space or PairSpace(claims)
    wanted = set(only) if only is not None else None
    bound: dict[tuple, list[int]] = defaultdict(list)
    named: dict[tuple, list[int]] = defaultdict(list)
    for i, claim in enumerate(claims):
        for key in frame_keys(claim, bound_only=True):
            bound[key].append(i)
        for key in frame_keys(claim):
            named[key].append(i)
    touched = None if wanted is None else np.array([c["id"] in wanted for c in claims], dtype=bool)
    found = _Codes(space, touched)
    for key in sorted(bound):
        rows, members = bound[key], named[key]
        if len(members) < 2:
            continue
        if wanted is not None and not any(claims[i]["id"] in wanted for i in members):
            continue
        if len(members) <= BLOCK_ALL:
            found.add(np.repeat(rows, len(members)), np.tile(members, len(rows)))
            continue
        if len(members) > BLOCK_EXACT:  # trained on the block: in id order, whatever the corpus's order
            members = sorted(members, key=lambda i: claims[i]["id"])
        block = vectors_at(members)
        position = {i: x for x, i in enumerate(members)}
        k = min(per_claim + 1, len(members))
        queries = [position[i] for i in rows]
        if len(members) > BLOCK_EXACT:
            nearest, centroids, lists = trained_neighbours(block, block[queries], k)
            if lists_out is not None:
                lists_out[key] = BlockLists(centroids, [claims[i]["id"] for i in members], lists)
        else:
            nearest = block_neighbours(block, queries, k)
        del block
        first, second = np.repeat(rows, k), np.asarray(members)[nearest.clip(0)].ravel()
        if (nearest < 0).any():  # an approximate search may return fewer than k
            first, second = first[nearest.ravel() >= 0], second[nearest.ravel() >= 0]
        found.add(first, second)
    return found.result()


class _Codes:
    """The codes of the pairs found block by block, merged (sorted, unique) whenever the
    pending ones reach :data:`_MERGE_AT`: a pair shared by many blocks is held once, and a
    large corpus never holds all of its blocks' pairs at once."""

    def __init__(self, space: PairSpace, touched: np.ndarray | None):
        self.space, self.touched = space, touched
        self.merged = np.zeros(0, dtype=np.int64)
        self.pending: list[np.ndarray] = []
        self.size = 0

    def add(self, first, second) -> None:
        first, second = np.asarray(first, dtype=np.int64), np.asarray(second, dtype=np.int64)
        if self.touched is not None:  # pairs that touch one of the claims asked about
            keep = self.touched[first] | self.touched[second]
            first, second = first[keep], second[keep]
        codes = self.space.codes(first, second, other_sentences=True)
        self.pending.append(codes)
        self.size += len(codes)
        if self.size >= _MERGE_AT:
            self._merge()

    def _merge(self) -> None:
        codes = np.concatenate([self.merged, *self.pending])
        self.merged, self.pending, self.size = None, [], 0  # let go before sorting: one copy at a time
        self.merged = sorted_unique(codes, in_place=True)

    def result(self) -> np.ndarray:
        self._merge()
        return self.merged


def block_neighbours(block: np.ndarray, queries: list[int], k: int) -> np.ndarray:
    """The ``k`` nearest rows of ``block`` (unit vectors, by inner product) to each of its
    rows ``queries``: exact up to :data:`BLOCK_EXACT` rows; past it an inverted-file search
    (:mod:`factcheck.index.ivf`) whose cost per query does not grow with the block."""
    if len(block) > BLOCK_EXACT:
        return ivf_neighbours(block, block[queries], k)
    out = np.empty((len(queries), k), dtype=np.int64)
    for lo in range(0, len(queries), _SLICE):
        scores = block[queries[lo : lo + _SLICE]] @ block.T
        out[lo : lo + _SLICE] = np.argpartition(-scores, k - 1, axis=1)[:, :k]
    return out


def sorted_unique(values: np.ndarray, in_place: bool = False) -> np.ndarray:
    """``np.unique`` of integers by one sort (NumPy's own goes through a hash table first,
    many times slower on the millions of pair codes of a large corpus); ``in_place``
    sorts ``values`` itself (an array of the caller's own, such as a fresh concatenation)
    instead of a copy of it."""
    if in_place:
        values.sort(kind="stable")
        out = values
    else:
        out = np.sort(values, kind="stable")
    if out.size:
        out = out[np.concatenate(([True], out[1:] != out[:-1]))]
    return out


class PairSpace:
    """Pairs of a list of claims as integers: the pair of the claims at rows ``i`` and ``j``
    is ``min(r_i, r_j) * n + max(r_i, r_j)``, ``r`` a claim's rank by id, so codes sort as
    the id pairs do and a few million candidate pairs take eight bytes each, not a tuple
    of two strings."""

    def __init__(self, claims: list[dict]):
        self.claims = claims
        self.n = len(claims)
        self.by_rank = sorted(range(self.n), key=lambda i: claims[i]["id"])
        self.rank = np.empty(self.n, dtype=np.int64)
        self.rank[self.by_rank] = np.arange(self.n)
        self._by_rank = np.asarray(self.by_rank, dtype=np.int64)
        self._sentence: np.ndarray | None = None

    def codes(self, first: np.ndarray, second: np.ndarray, other_sentences: bool = False) -> np.ndarray:
        """The sorted unique codes of the pairs of rows ``first[x]``, ``second[x]``, leaving
        out a claim with itself and (``other_sentences``) two claims of one sentence."""
        keep = first != second
        if other_sentences:
            if self._sentence is None:
                code: dict[str, int] = {}
                self._sentence = np.array([code.setdefault(c["sentence_id"], len(code)) for c in self.claims], dtype=np.int64)
            keep &= self._sentence[first] != self._sentence[second]
        a, b = self.rank[first[keep]], self.rank[second[keep]]
        return sorted_unique(np.minimum(a, b) * self.n + np.maximum(a, b))

    def positions(self, codes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The rows in ``claims`` of the two claims of each of ``codes``."""
        return self._by_rank[codes // self.n], self._by_rank[codes % self.n]

    def pairs(self, codes: np.ndarray) -> Iterator[tuple[str, str]]:
        """The id pairs of ``codes``, in their order."""
        for c in codes.tolist():
            yield self.claims[self.by_rank[c // self.n]]["id"], self.claims[self.by_rank[c % self.n]]["id"]
