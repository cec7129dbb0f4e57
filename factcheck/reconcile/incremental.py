"""An incremental reconcile: align only the pending claims, derive again only what they reach.

Pending claims are those of new or changed sources and those whose names a new source
re-anchored. Their candidates come from the claim index (their own nearest neighbours) and
from the stored blocking keys (``claim_keys``: the members of each of their keys are one
indexed query). Which aligned pairs may join clusters (``alignments.joins``) is decided
again only where the change can alter it (:class:`Neighbourhood`), and every step of
:func:`factcheck.reconcile.reconciler.derive_clusters` decides inside one connected group
of joining pairs, so only the groups that hold a claim whose pairs changed or were decided
again, or held a claim of a removed or changed source, are derived again; their old
clusters, pairs and discrepancies are replaced, and source relations are counted again for
the source pairs those groups touch (docs/performance.md,
"Incremental runs", says where this can differ from a full run).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator

import numpy as np

from factcheck.claims.name_keys import NameAnchors
from factcheck.embeddings.base import normalise
from factcheck.index.vector_index import VectorIndex
from factcheck.reconcile import relations
from factcheck.index import ivf
from factcheck.index.ivf import trained_neighbours
from factcheck.reconcile import blocking
from factcheck.reconcile.blocking import block_neighbours, frame_keys
from factcheck.reconcile.features import claim_parties
from factcheck.reconcile.reconciler import (
    Reconciliation,
    best_partners,
    claim_index_id,
    claim_vector,
    derive_clusters,
    followed_party,
    follows,
    kept_by_both,
)
from factcheck.reconcile.slots import Alignment, annotate_years, rescale
from factcheck.reconcile.thresholds import Thresholds
from factcheck.store.database import Store

CLAIM_ID_PREFIX = "q_"  # every claim id is this and 16 hex digits (claims.extract.claim_id)


def key_text(key: tuple[str, str, str]) -> str:
    """A blocking key as ``claim_keys`` stores it."""
    return "\x1f".join(key)


def key_rows(claims: list[dict], lists: dict[str, dict[str, int]] | None = None) -> tuple[Iterator[dict], Iterator[dict]]:
    """The ``claim_keys`` and ``claim_actors`` rows of ``claims``, made as they are read
    (a large corpus has several keys a claim); ``lists``: the list each member of a large
    block is filed in (key -> claim id -> list), written with its row."""
    lists = lists or {}

    def keys() -> Iterator[dict]:
        for c in claims:
            bound = frame_keys(c, bound_only=True)
            for k in sorted(frame_keys(c)):
                text = key_text(k)
                filed = lists.get(text)
                yield {"key": text, "claim_id": c["id"], "bound": int(k in bound), "list": filed.get(c["id"]) if filed else None}

    def actors() -> Iterator[dict]:
        for c in claims:
            for n in sorted(set(c.get("actors") or ())):
                yield {"name": n, "claim_id": c["id"]}

    return keys(), actors()


def load_claims(store: Store, claim_ids: Iterable[str], anchors: NameAnchors) -> dict[str, dict]:
    """The claims with these ids, annotated as :func:`factcheck.reconcile.slots.annotate`
    would on the whole corpus: a claim's years come from its own sentence, so its
    sentence's other claims are read with it."""
    ids = sorted(set(claim_ids))
    if not ids:
        return {}
    sentences = sorted(store.sentence_ids_of(ids))
    loaded = store.claims(sentence_ids=sentences)
    annotate_years(loaded)
    wanted = set(ids)
    out = {}
    for c in loaded:
        c["name_anchors"] = anchors
        if c["id"] in wanted:
            out[c["id"]] = c
    return out


def index_claim_ids(store: Store, index_ids: Iterable[int]) -> dict[int, str]:
    """Claim ids by their ids in the claim index (an index lookup each)."""
    prefixes = {f"{CLAIM_ID_PREFIX}{i:015x}": i for i in index_ids if i >= 0}
    found = {}
    for prefix, ids in store.claim_ids_by_prefix(sorted(prefixes)).items():
        for cid in ids:
            if claim_index_id(cid) == prefixes[prefix]:
                found[prefixes[prefix]] = cid
    return found


def candidates(store: Store, pending: list[dict], index: VectorIndex, vectors, th: Thresholds, model: str) -> set[tuple[str, str]]:
    """The candidate pairs a full run's :func:`factcheck.reconcile.reconciler.candidate_pairs`
    gives with ``only`` the pending claims, from stored keys and the index: each pending
    claim's nearest neighbours, and the claims sharing a blocking key with it (a large
    block gives a pending claim its nearest members; past :data:`blocking.BLOCK_EXACT`
    members, through the lists its stored centroids give, ``m024``, trained again once it
    has doubled since, or when it has none or members filed nowhere)."""
    wanted = {c["id"] for c in pending}
    pairs: set[tuple[str, str]] = set()
    if not pending:
        return pairs
    matrix = np.vstack([claim_vector(c, vectors) for c in pending])
    scores, ids = index.search(matrix, th.neighbours + 1)
    names = index_claim_ids(store, {int(i) for row in ids for i in row})
    for claim, row_scores, row_ids in zip(pending, scores, ids):
        for score, other_id in zip(row_scores, row_ids):
            other = names.get(int(other_id))
            if other is None or other == claim["id"] or rescale(float(score), th.cosine_floor) < th.candidate_cosine:
                continue
            pairs.add(tuple(sorted((claim["id"], other))))
    keys_of = {c["id"]: {key_text(k) for k in frame_keys(c)} for c in pending}
    for key in sorted(set().union(*keys_of.values())):
        size = store.key_size(key)[0]
        if size > blocking.BLOCK_EXACT and _search_lists(store, key, size, model, [c for c in pending if key in keys_of[c["id"]]], vectors, th, pairs, wanted):
            continue
        members = store.key_members(key)
        rows = [m for m in members if m["bound"]]
        if len(members) < 2 or not rows:
            continue
        if len(members) <= blocking.BLOCK_ALL:
            for r in rows:
                for m in members:
                    _add(pairs, r, m, wanted)
            continue
        if len(members) > blocking.BLOCK_EXACT:  # the full run's order for a block searched through an inverted file
            members = sorted(members, key=lambda m: m["id"])
        mine = [x for x, m in enumerate(members) if m["bound"] and m["id"] in wanted]
        if not mine and len(members) <= blocking.BLOCK_EXACT:
            continue  # an old claim whose nearest members would now include a pending one is not asked again
        vectors.prefetch(h for m in members for h in (m["context_hash"], m["sentence_hash"]))
        block = _member_vectors(members, vectors)
        k = min(th.neighbours + 1, len(members))
        if len(members) > blocking.BLOCK_EXACT:
            # trained as a full run trains it, and stored: the next run scans its lists
            nearest, centroids, lists = trained_neighbours(block, block[mine], k)
            store.save_block_lists(model, [(key, centroids, len(members))])
            store.set_key_lists(key, dict(zip((m["id"] for m in members), lists.tolist())))
        else:
            nearest = block_neighbours(block, mine, k)
        for x, row in zip(mine, nearest):
            for y in row[row >= 0]:  # an approximate search may return fewer than k
                _add(pairs, members[x], members[int(y)], wanted)
    return pairs


def _member_vectors(members: list[dict], vectors) -> np.ndarray:
    """The claim vectors (:func:`factcheck.reconcile.reconciler.claim_vector`) of block members."""
    return normalise(np.vstack([vectors[m["context_hash"]] for m in members]) + np.vstack([vectors[m["sentence_hash"]] for m in members]))


def _search_lists(store: Store, key: str, size: int, model: str, mine: list[dict], vectors, th: Thresholds, pairs: set, wanted: set) -> bool:
    """Pair the pending members ``mine`` of a large block of ``size`` members with their nearest members as
    the block's inverted file finds them, from its stored centroids: each is filed in its
    nearest list, and each bound one's probed lists are scanned (only their members are
    read). False when the block has no centroids for ``model``, has doubled since they
    were trained, or holds members filed nowhere once the pending ones are filed: the
    caller then trains it again, as a full run would, and files every member."""
    stored = store.block_centroids(key, model)
    if stored is None or size > 2 * stored[1] or not len(stored[0]):
        return False
    centroids, filed = stored[0], _member_vectors(mine, vectors)
    if centroids.shape[1] != filed.shape[1]:
        return False  # not this model's (a damaged row): trained again, and replaced
    store.set_key_lists(key, dict(zip((c["id"] for c in mine), ivf.assign(centroids, filed).tolist())))
    if store.key_size(key)[1]:
        return False
    bound = [c for c in mine if key in {key_text(k) for k in frame_keys(c, bound_only=True)}]
    if not bound:
        return True
    queries = _member_vectors(bound, vectors)
    lists = ivf.probed(centroids, queries)
    members = sorted(store.key_members(key, lists=lists[lists >= 0].tolist()), key=lambda m: m["id"])
    vectors.prefetch(h for m in members for h in (m["context_hash"], m["sentence_hash"]))
    filed = np.array([m["list"] for m in members], dtype=np.int64)
    nearest = ivf.list_neighbours(queries, lists, _member_vectors(members, vectors), filed, min(th.neighbours + 1, size))
    for claim, row in zip(bound, nearest):
        for y in row[row >= 0]:
            _add(pairs, claim, members[int(y)], wanted)
    return True


def _add(pairs: set, a: dict, b: dict, wanted: set) -> None:
    if a["id"] == b["id"] or a["sentence_id"] == b["sentence_id"]:
        return
    if a["id"] not in wanted and b["id"] not in wanted:
        return
    pairs.add((a["id"], b["id"]) if a["id"] < b["id"] else (b["id"], a["id"]))


class Neighbourhood:
    """The stored alignment graph around the claims a change touched, read as far as the
    decisions of :func:`factcheck.reconcile.reconciler.joining` need.

    Whether a pair joins clusters depends on every pair of its two claims (each must be the
    other's best partner in its sentence slot) and, for a claim whose sentence names no
    party, on the pairs of its partners (its party is its best named partner's). So when the
    rows of some claims change, only the pairs touching them, and the pairs of their
    partners that name no party, can be decided otherwise; each is decided here with the
    same functions a full run applies to the whole graph, reading rows and claims as far as
    the decision needs and each once.
    """

    def __init__(self, store: Store, anchors: NameAnchors):
        self.store, self.anchors = store, anchors
        self.rows: dict[str, list[dict]] = {}  # every stored alignment row of a claim
        self.claims: dict[str, dict] = {}
        self._best: dict[str, dict] = {}
        self._party: dict[str, dict] = {}

    def read_rows(self, claim_ids: Iterable[str]) -> set[str]:
        """Read the rows of ``claim_ids`` (in one query); returns their partners."""
        claim_ids = list(claim_ids)
        todo = sorted(set(claim_ids) - self.rows.keys())
        for x in todo:
            self.rows[x] = []
        fresh = set(todo)
        for r in self.store.alignments_touching(todo):
            for x in (r["claim_a"], r["claim_b"]):
                if x in fresh:
                    self.rows[x].append(r)
        return {p for x in claim_ids for p in self.partners(x)}

    def partners(self, claim_id: str) -> list[str]:
        return [r["claim_b"] if r["claim_a"] == claim_id else r["claim_a"] for r in self.rows[claim_id]]

    def read_claims(self, claim_ids: Iterable[str]) -> None:
        todo = set(claim_ids) - self.claims.keys()
        if todo:
            self.claims.update(load_claims(self.store, todo, self.anchors))

    def _partners(self, claim_id: str, rows: Iterable[dict]) -> list[tuple[dict, Alignment]]:
        out = []
        for r in rows:
            other = r["claim_b"] if r["claim_a"] == claim_id else r["claim_a"]
            out.append((self.claims[other], Alignment.from_row(r)))
        return out

    def _ready(self, claim_id: str) -> None:
        """Read a claim's rows and its partners' claims (when not read yet)."""
        if claim_id not in self.rows:
            self.read_rows([claim_id])
        self.read_claims([claim_id, *self.partners(claim_id)])

    def best(self, claim_id: str) -> dict:
        if claim_id not in self._best:
            self._ready(claim_id)
            self._best[claim_id] = best_partners(self.claims[claim_id], self._partners(claim_id, self.rows[claim_id]))
        return self._best[claim_id]

    def kept(self, row: dict) -> bool:
        a, b = row["claim_a"], row["claim_b"]
        return kept_by_both(self.claims[a], self.claims[b], self.best(a), self.best(b))

    def party(self, claim_id: str) -> dict:
        if claim_id not in self._party:
            self._ready(claim_id)
            claim = self.claims[claim_id]
            kept = [r for r in self.rows[claim_id] if not claim_parties(claim) and self.kept(r)]
            self._party[claim_id] = followed_party(claim, self._partners(claim_id, kept))
        return self._party[claim_id]

    def joins(self, row: dict) -> bool:
        a, b = row["claim_a"], row["claim_b"]
        if not self.kept(row):
            return False
        return follows(self.claims[a], self.party(a), self.party(b)) and follows(self.claims[b], self.party(b), self.party(a))

    def decide(self, changed: Iterable[str]) -> dict[tuple[str, str], bool]:
        """Whether each pair that the change of the rows of ``changed`` may decide otherwise
        joins clusters: the pairs touching those claims, and the pairs of their partners
        whose sentences name no party."""
        changed = sorted(set(changed))
        near = self.read_rows(changed)
        self.read_rows(near)  # the partners' own rows: their best partners
        self.read_claims(set(changed) | near | {p for x in near for p in self.partners(x)})
        lonely = sorted(x for x in near if x in self.claims and not claim_parties(self.claims[x]))
        self.read_rows({p for x in lonely for p in self.partners(x)})
        rows = {(r["claim_a"], r["claim_b"]): r for x in [*changed, *lonely] for r in self.rows[x]}
        self.read_claims({x for key in rows for x in key} | {p for key in rows for x in key for p in self.partners(x)})
        return {key: self.joins(rows[key]) for key in sorted(rows) if all(x in self.claims for x in key)}


def components(store: Store, seeds: Iterable[str]) -> tuple[set[str], list[dict]]:
    """The claims and joining rows of the connected components holding ``seeds`` in the
    graph of the pairs that join clusters (``alignments.joins``)."""
    seen = set(seeds)
    frontier = sorted(seen)
    rows: dict[tuple[str, str], dict] = {}
    while frontier:
        found = []
        for r in store.joining_rows_touching(frontier):
            rows[(r["claim_a"], r["claim_b"])] = r
            for x in (r["claim_a"], r["claim_b"]):
                if x not in seen:
                    seen.add(x)
                    found.append(x)
        frontier = sorted(found)
    return seen, [rows[k] for k in sorted(rows)]


def rederive(
    store: Store, seeds: set[str], stale: list[str], changed_sources: list[str], anchors: NameAnchors, th: Thresholds
) -> tuple[Reconciliation, int]:
    """Replace the clusters, pairs and discrepancies of the components that hold ``seeds``
    (and of the old clusters of the ``stale`` claims, which are no longer stored), then the
    relations of the source pairs they touch. Returns the part derived and its claim count."""
    graph = Neighbourhood(store, anchors)
    decided = graph.decide(seeds)
    store.set_joins(decided)
    reached, rows = components(store, seeds | {x for key in decided for x in key})
    graph.read_claims(reached)  # the claims the decisions read are not read again
    claims = {x: graph.claims[x] for x in sorted(reached) if x in graph.claims}
    old = store.clusters_of(sorted(set(claims) | set(stale)))
    touched = {(min(r["source_a"], r["source_b"]), max(r["source_a"], r["source_b"])) for r in store.cluster_pairs(old) if r["agree"]}
    store.delete_clusters(old)
    part = derive_clusters([claims[k] for k in sorted(claims)], rows, th)
    store.insert_components(part.clusters, part.members, part.pairs, [])  # the pairs first: relations count them
    touched |= {(min(r["source_a"], r["source_b"]), max(r["source_a"], r["source_b"])) for r in part.pairs if r["agree"]}
    touched |= {(r["source_a"], r["source_b"]) for r in store.relations_of(changed_sources)}
    declared = store.declared_translations(changed_sources)
    touched |= {tuple(sorted(p)) for p in declared}
    for sa, sb in sorted(touched):
        before = store.relation(sa, sb) is not None
        now = _relation(store, sa, sb, th)
        store.replace_relation(sa, sb, now)
        if before != (now is not None):
            store.mark_related(sa, sb, now is not None)  # discrepancies outside the part flip too
    related: dict[tuple[str, str], bool] = {}
    for d in part.discrepancies:
        pair = tuple(sorted((claims[d["claim_a"]]["source_id"], claims[d["claim_b"]]["source_id"])))
        if pair not in related:
            related[pair] = store.relation(*pair) is not None
        d["related_sources"] = (not d["internal"]) and related[pair]
    store.insert_components([], [], [], part.discrepancies)
    return part, len(claims)


def _relation(store: Store, sa: str, sb: str, th: Thresholds) -> dict | None:
    """The relation of two sources from what is stored now (as ``relations.detect`` finds it)."""
    if not _stored(store, sa) or not _stored(store, sb):
        return None  # a removed source relates to nothing
    members: dict[str, set[str]] = {sa: set(), sb: set()}
    for r in store.agreeing_pairs(sa, sb):
        members[r["source_a"]].add(r["claim_a"])
        members[r["source_b"]].add(r["claim_b"])
    counts = {s: store.claim_count(s, kinds=relations.RELATION_KINDS) for s in (sa, sb)}
    langs = {s: Counter(store.claim_languages(s, kinds=relations.RELATION_KINDS)) for s in (sa, sb)}
    declared = any(x in {(sa, sb), (sb, sa)} for x in store.declared_translations([sa]))
    return relations.relation(sa, sb, len(members[sa]), len(members[sb]), counts, langs, declared, th)


def _stored(store: Store, source_id: str) -> bool:
    return bool(list(store.db.query("select 1 from sources where id = ?", [source_id])))
