"""The reconcile stage: candidate pairs from the FAISS index, slot alignment, judgement,
clusters and discrepancies with stable ids.

Candidates come from a k-nearest-neighbour search of each claim's vector (context and
sentence) and from frame keys grouped in memory, never from all pairs and never from a
query per claim; alignment and judgement then run on those few pairs.
"""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace

import numpy as np

from factcheck.claims.context import content_keys
from factcheck.claims.lexicon import GENERIC, lexicon, pinned_lexicon
from factcheck.embeddings.base import COSINE_BLOCK, normalise, row_cosines
from factcheck.index.vector_index import VectorIndex, faiss_id
from factcheck.memory import give_back
from factcheck.reconcile.intervals import same_reading
from factcheck.reconcile import relations
from factcheck.claims.frames import roles_compatible
from factcheck.reconcile.blocking import PairSpace, blocking_codes, sorted_unique
from factcheck.reconcile.groups import Groups
from factcheck.reconcile.clusters import build_clusters
from factcheck.reconcile.events import UNSURE, event_reading, same_event, told_apart
from factcheck.reconcile.features import claim_parties, party_sets_meet
from factcheck.reconcile.disputes import between_parties, parties
from factcheck.reconcile.judge import SEVERITIES, Judgement, judge
from factcheck.reconcile.slots import Alignment, align
from factcheck.reconcile.summary import summarise
from factcheck.reconcile.thresholds import Thresholds
from factcheck.text.normalize import normalize_sentence


#: The version of the rules that align two claims (names, frames, slots): stored alignments
#: made under another are aligned again. 2: two Arabic spellings of a name never swap خ
#: with ك or ق. 5: an act one source tells on two days more than a week apart is two events
#: (the derived discrepancies change, so stored results are derived again). 6: a hedged
#: claim's discrepancy says which claim is hedged and by what words. 7: two parties' claims
#: are a dispute (rated low), one party's two claims its own inconsistency. 8: a shared
#: concept counts once per word (the lexicon's links), and two parties' claims are never a
#: supersession. 9: two dates are one slot only when the words around them name the same
#: act of the event lexicon, or neither names one. 10: a report of "a separate" or
#: "another" act is one event only with reports that say so too; a word of decision or
#: announcement beside another act is not a date's act of its own. 12: names across scripts
#: whose letters say two sounds ("Shoran", «سوران») or whose vowels only a careless
#: transliteration would write so ("Sam", «سامي») match open, and two Arabic spellings
#: compare ه ح ع and each gap's long vowels. 13: a date since which a state holds is one slot
#: only with another; a date's act is not read from a relative clause after it, a participle
#: before a noun, a word with the article, or a word of announcement alone. 14: an interim
#: appointment and a permanent one are two events. 15: two dates whose words name no act of
#: the lexicon and share nothing around the dates are not compared. 16: nor when they share
#: only a particle ("walked off", "called off"). 17: a public office and a body of the state
#: it does not act for are two agents; an event's unnamed patient is one of its parties.
#: 18: reports of an act on a post that name two different posts are two events; two dates
#: of no act whose words share only a person's title are not compared. 19: a post is read
#: from the start of the act's quote; a seat or a membership is a post.
ALIGNMENT_RULES = 19


@dataclass
class Reconciliation:
    clusters: list[dict] = field(default_factory=list)
    members: list[dict] = field(default_factory=list)
    discrepancies: list[dict] = field(default_factory=list)
    relations: list[dict] = field(default_factory=list)  # sources that copy or translate one another
    pairs: list[dict] = field(default_factory=list)  # the aligned pairs that join clusters (cluster_pairs rows)
    aligned: list[tuple] = field(default_factory=list)  # the same, as (claim, claim, Alignment)
    joined: list[tuple[str, str]] = field(default_factory=list)  # the alignment rows that may join clusters (joining)
    candidate_pairs: int = 0
    aligned_pairs: int = 0


def claim_vector(claim: dict, vectors: dict[str, np.ndarray]) -> np.ndarray:
    """What a claim is indexed by: its context and its sentence, equally weighted."""
    return normalise(vectors[claim["context_hash"]] + vectors[claim["sentence_hash"]])[0]


class ClaimVectors:
    """Each claim's vector (:func:`claim_vector`), computed once, on first use, into one
    matrix in the order of ``claims``: the index, its queries and the blocks of
    :mod:`factcheck.reconcile.blocking` read the same rows, and a large corpus holds one
    copy of them (the matrix's pages are taken only as rows are written)."""

    def __init__(self, claims: list[dict], vectors: dict[str, np.ndarray]):
        self._claims, self._vectors = claims, vectors
        self._matrix: np.ndarray | None = None
        self._done = np.zeros(len(claims), dtype=bool)

    def rows(self, positions: Iterable[int]) -> np.ndarray:
        """The vectors of the claims at ``positions`` (a copy, one row each)."""
        at = np.fromiter(positions, dtype=np.int64)
        for i in np.unique(at[~self._done[at]]):
            vector = claim_vector(self._claims[i], self._vectors)
            if self._matrix is None:
                self._matrix = np.empty((len(self._claims), vector.shape[0]), dtype=np.float32)
            self._matrix[i] = vector
            self._done[i] = True
        if self._matrix is None:
            return np.zeros((0, 0), dtype=np.float32)
        return self._matrix[at]

    def fill(self) -> None:
        """Compute every claim's vector at once, a block of claims at a time (the same
        values as one at a time): the stored vectors may then be let go while the
        candidates are searched."""
        if not self._claims or self._done.all():
            return
        texts = TextVectors(self._claims, self._vectors)
        if self._matrix is None:
            self._matrix = np.empty((len(self._claims), texts.dim), dtype=np.float32)
        for lo in range(0, len(self._claims), COSINE_BLOCK):
            at = np.arange(lo, min(lo + COSINE_BLOCK, len(self._claims)))
            self._matrix[at] = texts.claim_vectors(at)
        self._done[:] = True

    def release(self) -> None:
        """Let the matrix go (rows asked for again are computed again)."""
        self._matrix = None
        self._done[:] = False


class TextVectors:
    """The vectors of the contexts and sentences of ``claims`` (those at the ``used``
    positions, default all) as rows of one matrix, to compute the cosines of many pairs
    at once: a full run computes every candidate pair's before the alignment, and lets the
    stored vectors go while it aligns."""

    def __init__(self, claims: list[dict], vectors: Mapping[str, np.ndarray], used: np.ndarray | None = None):
        at = np.flatnonzero(used) if used is not None else np.arange(len(claims))
        hashes = [claims[i]["context_hash"] for i in at.tolist()] + [claims[i]["sentence_hash"] for i in at.tolist()]
        stacked = getattr(vectors, "stacked", None)
        if stacked is not None:
            self._matrix, rows = stacked(hashes)
        else:
            row_of: dict[str, int] = {}
            rows = np.fromiter((row_of.setdefault(h, len(row_of)) for h in hashes), dtype=np.int64, count=len(hashes))
            self._matrix = np.stack([vectors[h] for h in row_of]) if row_of else np.zeros((0, 0), dtype=np.float32)
        self._context = np.zeros(len(claims), dtype=np.int64)
        self._sentence = np.zeros(len(claims), dtype=np.int64)
        self._context[at], self._sentence[at] = rows[: len(at)], rows[len(at) :]
        self.dim = self._matrix.shape[1]

    def claim_vectors(self, at: np.ndarray) -> np.ndarray:
        """:func:`claim_vector` of the claims at ``at``."""
        return normalise(self._matrix[self._context[at]] + self._matrix[self._sentence[at]])

    def cosines(self, first: np.ndarray, second: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(context cosines, sentence cosines) of the claims at ``first[k]`` and ``second[k]``."""
        return (
            row_cosines(self._matrix, self._context[first], self._context[second]),
            row_cosines(self._matrix, self._sentence[first], self._sentence[second]),
        )


def code_cosines(claims: list[dict], space: PairSpace, codes: np.ndarray, vectors: Mapping[str, np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """The context and sentence cosines of the pairs of ``codes`` (of ``space``), in order."""
    used = np.zeros(len(claims), dtype=bool)
    for lo in range(0, len(codes), COSINE_BLOCK):
        first, second = space.positions(codes[lo : lo + COSINE_BLOCK])
        used[first] = used[second] = True
    texts = TextVectors(claims, vectors, used)
    context, sentence = np.empty(len(codes), dtype=np.float32), np.empty(len(codes), dtype=np.float32)
    for lo in range(0, len(codes), COSINE_BLOCK):
        first, second = space.positions(codes[lo : lo + COSINE_BLOCK])
        context[lo : lo + COSINE_BLOCK], sentence[lo : lo + COSINE_BLOCK] = texts.cosines(first, second)
    return context, sentence


def claim_index_id(claim_id: str) -> int:
    return faiss_id(claim_id.split("_", 1)[1])


def candidate_pairs(
    claims: list[dict],
    index: VectorIndex,
    vectors: dict[str, np.ndarray],
    th: Thresholds,
    only: Iterable[str] | None = None,
) -> set[tuple[str, str]]:
    """Pairs of claim ids worth aligning: each (``only``) claim with its nearest neighbours in
    the vector index (one batched search), and with the claims that share a frame key (what
    is measured, of which named party or with which predicate:
    :mod:`factcheck.reconcile.blocking`)."""
    space = PairSpace(claims)
    return set(space.pairs(candidate_codes(claims, index, ClaimVectors(claims, vectors), th, only, space)))


QUERY_SLICE = 8192  # claims searched in the index at once


def candidate_codes(
    claims: list[dict],
    index: VectorIndex | Callable[[], VectorIndex],
    claim_vectors: ClaimVectors,
    th: Thresholds,
    only: Iterable[str] | None,
    space: PairSpace,
    block_lists: dict | None = None,
) -> np.ndarray:
    """:func:`candidate_pairs` as the sorted codes of ``space``. ``index`` may be a function
    that gives it: the index is then let go once searched, before the blocks are read.
    ``block_lists`` receives how each block searched through an inverted file filed its
    members (:class:`factcheck.reconcile.blocking.BlockLists`)."""
    near = index_codes(claims, index() if callable(index) else index, claim_vectors, th, only, space)
    give_back()  # the index, when it was made here and let go
    blocked = blocking_codes(claims, claim_vectors.rows, th.neighbours, only, space, lists_out=block_lists)
    codes = np.concatenate([near, blocked])
    del near, blocked
    return sorted_unique(codes, in_place=True)


def index_codes(
    claims: list[dict],
    index: VectorIndex,
    claim_vectors: ClaimVectors,
    th: Thresholds,
    only: Iterable[str] | None,
    space: PairSpace,
) -> np.ndarray:
    """The codes of each (``only``) claim's pairs with its nearest neighbours in ``index``."""
    index_ids = np.array([claim_index_id(c["id"]) for c in claims], dtype=np.int64)
    order = np.argsort(index_ids, kind="stable")
    sorted_ids = index_ids[order]
    wanted = set(only) if only is not None else None
    queries = [i for i, c in enumerate(claims) if wanted is None or c["id"] in wanted]
    found = [np.zeros(0, dtype=np.int64)]
    for lo in range(0, len(queries), QUERY_SLICE):
        part = queries[lo : lo + QUERY_SLICE]
        scores, ids = index.search(claim_vectors.rows(part), th.neighbours + 1)
        if not ids.size:
            continue
        at = (np.searchsorted(sorted_ids, ids, side="right") - 1).clip(0)  # the last claim of an id, as a dict keeps it
        other = np.where(sorted_ids[at] == ids, order[at], -1)
        rescaled = np.maximum(0.0, (scores.astype(np.float64) - th.cosine_floor) / (1.0 - th.cosine_floor))
        keep = (other >= 0) & ~(rescaled < th.candidate_cosine)
        first = np.repeat(np.asarray(part, dtype=np.int64), ids.shape[1]).reshape(ids.shape)
        found.append(space.codes(first[keep], other[keep]))
    return sorted_unique(np.concatenate(found))


def align_candidates(
    claims: list[dict],
    index: VectorIndex | Callable[[], VectorIndex],
    vectors: dict[str, np.ndarray],
    th: Thresholds,
    only: Iterable[str] | None = None,
    progress: Callable[[int], None] | None = None,
    claim_vectors: ClaimVectors | None = None,
    block_lists: dict | None = None,
) -> tuple[int, list[dict]]:
    """Align ``only`` claims (default: all) with their index neighbours (``index``, or a
    function that gives it, as for :func:`candidate_codes`; ``claim_vectors``: the claims'
    vectors as the index is given them, computed here for all claims at once and let go
    once the candidates are found; ``block_lists``: as for :func:`candidate_codes`).

    Returns (candidate pairs examined, alignment rows). Rows are what the ``alignments``
    table stores: later checks add rows for new claims and re-derive everything else from
    the stored rows, without searching or embedding the corpus again. The candidate pairs
    are held as integers and aligned as they are decoded, in id order, with their cosines
    computed beforehand. ``vectors`` are let go (``release``, where they have it: they are
    fetched again when asked for) once the claims' vectors are computed, and again once the
    cosines are: the search holds the claims' vectors only, the alignment no vector at all.
    """
    by_id = {c["id"]: c for c in claims}
    space = PairSpace(claims)
    with pinned_lexicon():
        claim_vectors = claim_vectors or ClaimVectors(claims, vectors)
        claim_vectors.fill()
        _let_go(vectors)  # the claims' vectors are what the search reads
        codes = candidate_codes(claims, index, claim_vectors, th, only, space, block_lists)
        claim_vectors.release()
        give_back()
        cosines = code_cosines(claims, space, codes, vectors)  # the vectors of the pairs' texts, fetched again
        _let_go(vectors)
        return len(codes), _align_rows(space.pairs(codes), by_id, cosines, th, progress)


def _let_go(vectors: Mapping[str, np.ndarray]) -> None:
    """Let stored vectors go, where they can be fetched again (``release``)."""
    if hasattr(vectors, "release"):
        vectors.release()
        give_back()


def align_pairs(
    by_id: dict[str, dict],
    pairs: Iterable[tuple[str, str]],
    vectors: Mapping[str, np.ndarray],
    th: Thresholds,
    progress: Callable[[int], None] | None = None,
) -> list[dict]:
    """The alignment rows of sorted candidate ``pairs`` (claim ids, each claim in ``by_id``)."""
    pairs = list(pairs)
    position = {claim_id: i for i, claim_id in enumerate(dict.fromkeys(x for pair in pairs for x in pair))}
    first = np.fromiter((position[a] for a, _ in pairs), dtype=np.int64, count=len(pairs))
    second = np.fromiter((position[b] for _, b in pairs), dtype=np.int64, count=len(pairs))
    cosines = TextVectors([by_id[x] for x in position], vectors).cosines(first, second)
    with pinned_lexicon():
        return _align_rows(pairs, by_id, cosines, th, progress)


def _floats(values: np.ndarray) -> Iterator[float]:
    """The values of a large array as Python floats, a block at a time."""
    for lo in range(0, len(values), COSINE_BLOCK):
        yield from values[lo : lo + COSINE_BLOCK].tolist()


def _align_rows(
    pairs: Iterable[tuple[str, str]],
    by_id: dict[str, dict],
    cosines: tuple[np.ndarray, np.ndarray],
    th: Thresholds,
    progress: Callable[[int], None] | None,
) -> list[dict]:
    rows = []
    for i, ((ida, idb), context, sentence) in enumerate(zip(pairs, _floats(cosines[0]), _floats(cosines[1]))):
        alignment = align(by_id[ida], by_id[idb], None, th, (context, sentence))
        if alignment is not None:
            rows.append(
                {
                    "claim_a": ida,
                    "claim_b": idb,
                    "score": alignment.score,
                    "context_cosine": alignment.context_cosine,
                    "sentence_cosine": alignment.sentence_cosine,
                    "shared_words": alignment.shared_words,
                    "stance_disagree": None,  # filled by the pair judgement, when given (reconcile/stance.py)
                }
            )
        if progress and i % 200 == 0:
            progress(i)
    return rows


def derive(claims: list[dict], rows: Iterable[dict], th: Thresholds, sources: dict[str, dict] | None = None) -> Reconciliation:
    """Clusters, source relations and judged discrepancies from stored alignment rows, read
    once, in order (cheap: no vectors, no index)."""
    result = derive_clusters(claims, rows, th)
    result.relations = relations.detect(claims, result.aligned, sources or {}, th)
    source_of = {c["id"]: c["source_id"] for c in claims}
    mark_related(result.discrepancies, source_of, relations.related_lookup(result.relations))
    return result


def derive_clusters(claims: list[dict], rows: Iterable[dict], th: Thresholds) -> Reconciliation:
    """Everything :func:`derive` gives but source relations (discrepancies say
    ``related_sources`` False until :func:`mark_related`).

    Each step decides inside one connected component of the alignment rows' graph, so a
    component's clusters, pairs and discrepancies come out the same whether ``claims`` and
    ``rows`` hold the whole corpus or just the components an incremental run touched.
    """
    by_id = {c["id"]: c for c in claims}
    aligned = [
        (by_id[r["claim_a"]], by_id[r["claim_b"]], Alignment.from_row(r))
        for r in rows
        if r["claim_a"] in by_id and r["claim_b"] in by_id
    ]
    joined = joining(aligned)
    aligned = coherent_clusters(joined)
    result = Reconciliation(aligned_pairs=len(aligned), aligned=aligned, joined=[(a["id"], b["id"]) for a, b, _ in joined])
    result.clusters, result.members, cluster_of = build_clusters(claims, [(a, b) for a, b, _ in aligned], reading)
    result.pairs = [
        {
            "claim_a": a["id"], "claim_b": b["id"], "cluster_id": cluster_of[a["id"]],
            "source_a": a["source_id"], "source_b": b["source_id"],
            "agree": int(a["source_id"] != b["source_id"] and relations.agree(a, b)),
        }
        for a, b, _ in aligned
    ]  # fmt: skip
    judged = []
    for a, b, alignment in aligned:
        judgement = judge(a, b, alignment.score, th, alignment.disagree)
        if judgement is not None:
            judged.append((a, b, alignment, between_parties(judgement, a, b)))
    judged = told_apart(judged, aligned, cluster_of)  # an act one source tells twice, on days apart
    found = [_discrepancy(a, b, alignment, judgement, cluster_of[a["id"]]) for a, b, alignment, judgement in once_against_agreeing(next_supersession(once_per_reading(judged), cluster_of), aligned)]
    found.sort(key=lambda d: (d["cluster_id"], d["id"], d["claim_a"], d["claim_b"]))
    # a discrepancy's id names its two sentences and quotes (discrepancy_id): one source
    # that repeats a sentence word for word gives two pairs one id, one finding
    seen: set[str] = set()
    result.discrepancies = [d for d in found if not (d["id"] in seen or seen.add(d["id"]))]
    return result


def mark_related(discrepancies: list[dict], source_of: dict[str, str], related) -> None:
    """Set each discrepancy's ``related_sources``: its two sources copy or translate one another."""
    for d in discrepancies:
        d["related_sources"] = (not d["internal"]) and related(source_of[d["claim_a"]], source_of[d["claim_b"]])


def reading(claim: dict) -> tuple:
    """What a claim says, as a key: two claims with one reading say the same thing."""
    if claim["kind"] == "date":
        return ("date", claim.get("date") or claim.get("month_day"), claim.get("date_end"), claim.get("part"))
    if claim["kind"] == "event":
        return event_reading(claim)
    return (claim.get("unit"), claim.get("low"), claim.get("high"), claim.get("qualifier"), claim.get("total"), bool(claim.get("approximate")))


def once_per_reading(judged: list[tuple]) -> list[tuple]:
    """Report each claim's disagreement with a given reading once.

    When twenty sources agree on a figure and one says otherwise, the odd one is reported
    once (against the best-aligned of the twenty), not twenty times. A pair survives when
    it is the best of its group on both sides, a group being (claim, the other's reading).
    """
    best: dict[tuple, tuple] = {}
    for a, b, alignment, judgement in judged:
        rank = (alignment.score, b["id"], a["id"])
        for x, y in ((a, b), (b, a)):
            key = (x["id"], reading(y))
            if key not in best or rank > best[key]:
                best[key] = rank
    kept = []
    for a, b, alignment, judgement in judged:
        rank = (alignment.score, b["id"], a["id"])
        if best[(a["id"], reading(b))] == rank and best[(b["id"], reading(a))] == rank:
            kept.append((a, b, alignment, judgement))
    return kept


_KIND_ORDER = ("conflict", "supersession", "precision")  # SPEC's order of kinds


def once_against_agreeing(judged: list[tuple], aligned: list[tuple]) -> list[tuple]:
    """Rate a claim's disagreement with sources that agree with one another once.

    When one source says 1,700 and three others say about 1,300 in their own words ("some
    1,300", "1,287", «حوالي 1300»), the odd figure is one finding: its strongest pair keeps
    its severity and the pairs that repeat it against claims agreeing with that pair's
    other side (aligned with it, nothing but a low ``precision`` judged between them: "some
    1,300" and "1,287" say one thing) are rated ``low``, so
    they stay in the report without crowding what needs attention. A claim whose
    counterparts disagree among themselves keeps every pair: each says something new.
    """
    pairs = {frozenset((a["id"], b["id"])) for a, b, _ in aligned}
    disagree = {frozenset((a["id"], b["id"])) for a, b, _, j in judged if j.kind == "conflict" or j.severity != "low"}

    def agree(x: dict, y: dict) -> bool:
        key = frozenset((x["id"], y["id"]))
        return key in pairs and key not in disagree

    def rank(item: tuple) -> tuple:
        a, b, alignment, judgement = item
        return (
            -SEVERITIES.index(judgement.severity), _KIND_ORDER.index(judgement.kind),
            -judgement.confidence, -alignment.score, min(a["id"], b["id"]), max(a["id"], b["id"]),
        )  # fmt: skip

    demoted: set[frozenset] = set()
    by_claim: dict[str, list[tuple]] = {}
    for item in judged:
        for c in item[:2]:
            by_claim.setdefault(c["id"], []).append(item)
    for cid in sorted(by_claim):
        kept: list[dict] = []  # the other sides of this claim's pairs that keep their rating
        for item in sorted(by_claim[cid], key=rank):
            a, b, _, judgement = item
            other = b if a["id"] == cid else a
            key = frozenset((a["id"], b["id"]))
            if key in demoted or judgement.severity == "low":
                continue
            if any(agree(other, k) for k in kept):
                demoted.add(key)
            else:
                kept.append(other)
    out = []
    for a, b, alignment, judgement in judged:
        if frozenset((a["id"], b["id"])) in demoted:
            judgement = replace(judgement, severity="low", reason=judgement.reason + " (the same disagreement as a higher-rated pair, against a source that agrees with it)")
        out.append((a, b, alignment, judgement))
    return out


def next_supersession(judged: list[tuple], cluster_of: dict[str, str]) -> list[tuple]:
    """Report a figure superseded by the next report, not again by every later one.

    When 38 cases (10 Feb) became 52 (12 Feb) and then 71 (20 Feb), the reader needs 38 -> 52
    and 52 -> 71; 38 -> 71 adds nothing. A supersession is dropped when two others of its
    cluster chain through a report between them (transitive reduction; a figure as of a
    date is one node of its cluster: the same figure on the same day in another cluster
    counts something else, and says nothing about this one).
    """

    def node(c: dict) -> tuple:
        return (cluster_of[c["id"]], reading(c), c["published"])

    def edge(a: dict, b: dict) -> tuple:
        older, newer = sorted((a, b), key=lambda c: (c["published"], c["id"]))
        return node(older), node(newer)

    edges = {edge(a, b) for a, b, _, j in judged if j.kind == "supersession"}
    after: dict[tuple, set] = {}
    for x, y in edges:
        after.setdefault(x, set()).add(y)
    kept = []
    for a, b, alignment, judgement in judged:
        if judgement.kind == "supersession":
            x, y = edge(a, b)
            if any(y in after.get(z, ()) for z in after[x] if z != y):
                continue  # x -> z -> y says it already
        kept.append((a, b, alignment, judgement))
    return kept


def joining(aligned: list[tuple[dict, dict, Alignment]]) -> list[tuple[dict, dict, Alignment]]:
    """The aligned pairs that may join clusters, each decided from what its two claims and
    their partners say (:func:`best_per_sentence`, then :func:`unnamed_follow_their_party`).

    Every decision looks at most two pairs away, so an incremental run finds what a change
    reaches without reading the corpus; :func:`coherent_clusters` then decides inside the
    connected groups these pairs make. Applied again to the pairs it kept, it keeps them all.
    """
    return unnamed_follow_their_party(best_per_sentence(aligned))


def unnamed_follow_their_party(aligned: list[tuple[dict, dict, Alignment]]) -> list[tuple[dict, dict, Alignment]]:
    """Keep, for a claim whose sentence names no party ("its staff signed"), only the pairs
    with claims of the party of its best-aligned named partner.

    Such a figure passes alignment with the figures of several companies, each pair on its
    own; taking its party from its strongest named partner (score, then id), as a reader
    takes it from the nearest name, keeps it from joining one company's figures to
    another's. A claim that found no party this way keeps its pairs, and so do its partners
    (nothing tells their parties apart: :func:`coherent_clusters` decides).
    """
    party = {x: followed_party(claim, partners) for x, (claim, partners) in partner_lists(aligned).items()}
    return [(a, b, alignment) for a, b, alignment in aligned if follows(a, party[a["id"]], party[b["id"]]) and follows(b, party[b["id"]], party[a["id"]])]


def followed_party(claim: dict, partners: Iterable[tuple[dict, Alignment]]) -> dict[str, str | None]:
    """The parties a claim speaks of: those its sentence names, else its best named partner's."""
    own = claim_parties(claim)
    if own:
        return own
    named = [(alignment.score, other["id"], other) for other, alignment in partners if claim_parties(other)]
    return claim_parties(max(named, key=lambda t: (t[0], t[1]))[2]) if named else {}


def follows(claim: dict, mine: dict, theirs: dict) -> bool:
    """Whether ``claim`` (its parties ``mine``, as :func:`followed_party` finds them) may
    join a partner whose parties are ``theirs``: always when its sentence names a party."""
    if claim_parties(claim):
        return True
    if not mine or not theirs:
        return True
    return party_sets_meet(mine, theirs, claim.get("name_anchors"))


def coherent_clusters(aligned: list[tuple[dict, dict, Alignment]]) -> list[tuple[dict, dict, Alignment]]:
    """Keep the aligned pairs that leave no cluster with two roles that answer different
    questions, nor two parties that are not one.

    A figure with no role aligns with "300 employees signed" (a part) and with "OpenAI has
    770 employees" (the whole), but the signers and the headcount are two clusters. Likewise
    a figure whose sentence names no party (a name not read, "its staff") may align with
    the signers of one company and with those of another: each pair passed on its own, but
    the two companies' figures are two clusters, and a corpus with many companies would
    otherwise chain them into one. Pairs join clusters strongest first (score, then ids); a
    pair that would bring a part and a whole (or a change and a level), or clusters whose
    named parties share no one (:func:`factcheck.reconcile.features.party_sets_meet`),
    together is dropped; but two reports of one event whose names only a translation makes one
    (:data:`factcheck.reconcile.events.UNSURE`) join."""
    joined = Groups()
    roles: dict[str, set[str]] = {}  # the roles in each group, by its name
    parties: dict[str, dict[str, str | None]] = {}  # the named parties in each group, with their trade

    def role(c: dict) -> str:
        return (c.get("frame") or {}).get("role", "")

    kept = []
    for a, b, alignment in sorted(aligned, key=lambda t: (-t[2].score, t[0]["id"], t[1]["id"])):
        ra, rb = joined.find(a["id"]), joined.find(b["id"])
        mine, theirs = roles.setdefault(ra, {role(a)}), roles.setdefault(rb, {role(b)})
        named_a, named_b = parties.setdefault(ra, claim_parties(a)), parties.setdefault(rb, claim_parties(b))
        if ra != rb:
            if not all(roles_compatible(x, y) for x in mine for y in theirs):
                continue
            if named_a and named_b and not party_sets_meet(named_a, named_b, a.get("name_anchors")) and not (a.get("kind") == b.get("kind") == "event" and same_event(a, b) == UNSURE):
                continue  # (two reports of one event whose names only a translation makes one: their pair said so)
            merged = joined.join(ra, rb)
            roles[merged], parties[merged] = mine | theirs, named_a | named_b
        kept.append((a, b, alignment))
    kept.sort(key=lambda t: (t[0]["id"], t[1]["id"]))
    return kept


def best_per_sentence(aligned: list[tuple[dict, dict, Alignment]]) -> list[tuple[dict, dict, Alignment]]:
    """Keep, for each claim, only its best partner within any one other sentence.

    A sentence that gives several figures of one kind ("the founders earned $275,000 while
    other staff earned $175,000") is telling slots apart, so a claim matches at most one of
    them: the one that agrees with it if any, else the one counting the same thing ("52
    cases" meets "more than 50 cases" before "11 people" in "more than 50 cases, and 11 people
    in hospital"), else the best-aligned one. A pair stays when each claim is the other's best.
    """
    best = {x: best_partners(claim, partners) for x, (claim, partners) in partner_lists(aligned).items()}
    return [(a, b, alignment) for a, b, alignment in aligned if kept_by_both(a, b, best[a["id"]], best[b["id"]])]


def partner_lists(aligned: list[tuple[dict, dict, Alignment]]) -> dict[str, tuple[dict, list[tuple[dict, Alignment]]]]:
    """Each claim of the pairs, by id, with its partners and their alignments."""
    partners: dict[str, tuple[dict, list[tuple[dict, Alignment]]]] = {}
    for a, b, alignment in aligned:
        partners.setdefault(a["id"], (a, []))[1].append((b, alignment))
        partners.setdefault(b["id"], (b, []))[1].append((a, alignment))
    return partners


def sentence_slot(claim: dict) -> tuple[str, bool]:
    """Where a figure stands among its sentence's: in "700 of 770 employees signed", the part
    and the whole are two slots of one sentence."""
    return claim["sentence_id"], bool(claim.get("whole"))


def best_partners(claim: dict, partners: Iterable[tuple[dict, Alignment]]) -> dict[tuple[str, bool], str]:
    """The id of ``claim``'s best partner in each other sentence slot (:func:`best_per_sentence`)."""
    best: dict[tuple[str, bool], tuple] = {}
    for other, alignment in partners:
        key = sentence_slot(other)
        rank = (claim["kind"] == "quantity" and same_reading(claim, other), noun_match(claim, other), alignment.score, other["id"])
        if key not in best or rank > best[key]:
            best[key] = rank
    return {key: rank[-1] for key, rank in best.items()}


def kept_by_both(a: dict, b: dict, best_a: dict, best_b: dict) -> bool:
    """Whether each of two aligned claims is the other's best partner in its sentence slot."""
    return best_a.get(sentence_slot(b)) == b["id"] and best_b.get(sentence_slot(a)) == a["id"]


def noun_match(a: dict, b: dict) -> int:
    """How surely two counts count the same thing: 2 for one noun stem or lexicon group,
    1 when nothing tells (no noun, a generic one, or one the lexicon does not know), 0 otherwise."""
    if a["kind"] != "quantity" or not a.get("noun") or not b.get("noun"):
        return 1
    known = lexicon().compatible(a["noun"], b["noun"])
    if known is None:
        return 2 if set(content_keys(a["noun"])) & set(content_keys(b["noun"])) else 1
    if not known:
        return 0
    return 1 if GENERIC in (lexicon().group(a["noun"]), lexicon().group(b["noun"])) else 2


def discrepancy_id(a: dict, b: dict) -> str:
    """Stable across machines and runs: a hash of both claims' (source, sentence, quote), sorted."""
    keys = sorted("\x1f".join([c["source_id"], _normalised(c["text"]), c["quote"]]) for c in (a, b))
    return "d_" + hashlib.sha256("\x1e".join(keys).encode("utf-8")).hexdigest()[:16]


@lru_cache(maxsize=65536)
def _normalised(sentence: str) -> str:
    return normalize_sentence(sentence)


def _discrepancy(a: dict, b: dict, alignment: Alignment, judgement: Judgement, cluster_id: str) -> dict:
    first, second = sorted((a, b), key=lambda c: (c["source_id"], c["char_start"], c["id"]))
    internal = first["source_id"] == second["source_id"]
    who = parties(first, second)
    return {
        "id": discrepancy_id(first, second),
        "kind": judgement.kind,
        "severity": judgement.severity,
        "confidence": judgement.confidence,
        "internal": internal,
        "related_sources": False,  # mark_related sets it
        "cluster_id": cluster_id,
        "summary": summarise(judgement.kind, first, second, judgement.reason, internal),
        "claim_a": first["id"],
        "claim_b": second["id"],
        "alignment": alignment.score,
        "dispute": int(who.dispute),
        "parties": json.dumps(list(who.names), ensure_ascii=False),
        "same_party": int(who.same_party),
    }
