"""Whether two claims speak of the same slot: the same thing counted, paid or dated.

Sentence embeddings find claims on the same topic but barely see numbers or predicates, so
alignment combines them with sharper signals computed at extraction
(``claims/context.py``): the unit and counted noun, the content words around each mention
(names left out), the predicate words right next to it, the years the sentences name, the
direction of the figure (who gives it to whom), the entities named (two sentences
that both name their subjects, with none in common, speak of different things), and orders
of magnitude. Every signal is general; the thresholds live in ``reconcile/thresholds.py``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from factcheck.claims.context import content_keys
from factcheck.reconcile.intervals import magnitude_ratio
from factcheck.reconcile.thresholds import Thresholds


@dataclass(frozen=True)
class Alignment:
    score: float
    context_cosine: float
    sentence_cosine: float
    shared_words: int


def units_compatible(a: dict, b: dict) -> bool:
    """Same kind of claim, same unit, and for counts the same counted noun when both have one."""
    if a["kind"] != b["kind"]:
        return False
    if a["kind"] == "date":
        return True
    if (a.get("unit") or "count") != (b.get("unit") or "count"):
        return False
    if (a.get("unit") or "count") == "count" and a.get("noun") and b.get("noun") and a.get("lang") == b.get("lang"):
        # Nouns in two languages cannot share a stem; the embeddings compare those.
        return bool(set(content_keys(a["noun"])) & set(content_keys(b["noun"])))
    return True


def annotate_years(claims: list[dict]) -> None:
    """Give every claim the years its sentence names (``claim["years"]``).

    "In 2016 the team earned $275,000" and "Today researchers earn about $1 million" may
    share every word, but a figure for another year is another slot.
    """
    years: dict[str, set[str]] = {}
    for c in claims:
        if c["kind"] == "date" and c.get("date"):
            years.setdefault(c["sentence_id"], set()).add(c["date"][:4])
    for c in claims:
        c["years"] = years.get(c["sentence_id"], set())


def _swapped(a: dict, b: dict) -> bool:
    sa, oa, sb, ob = a.get("subject"), a.get("object"), b.get("subject"), b.get("object")
    return bool(sa and oa and sb and ob and sa != oa and sa == ob and oa == sb)


def rescale(cosine: float, floor: float) -> float:
    """Map a model's cosine onto a common scale: its noise floor to 0, identity to 1."""
    return max(0.0, (cosine - floor) / (1.0 - floor))


def _words(claim: dict, field: str) -> set[str]:
    return set((claim.get(field) or "").split())


def _part_predicate_shared(a: dict, b: dict) -> bool:
    """Whether two claims share a predicate word other than what they count."""
    nouns = set(content_keys(a.get("noun") or "")) | set(content_keys(b.get("noun") or ""))
    return bool((_words(a, "predicate_words") & _words(b, "predicate_words")) - nouns)


def align(a: dict, b: dict, vectors: dict[str, np.ndarray], th: Thresholds) -> Alignment | None:
    """Score how surely ``a`` and ``b`` are about one slot; None when they are not.

    ``vectors`` maps content hashes (of contexts and of sentences) to unit vectors.
    """
    if a["sentence_id"] == b["sentence_id"]:
        return None  # two figures in one sentence are two different things by construction
    if not units_compatible(a, b):
        return None
    if _swapped(a, b):
        return None  # A invested in B vs B invested in A
    if a["kind"] == "quantity" and a.get("years") and b.get("years") and not a["years"] & b["years"]:
        return None  # figures for different years
    if a["kind"] == "date":
        if not (a.get("date") and b.get("date")):
            return None  # an unresolved "Friday" says nothing comparable
        if a["source_id"] == b["source_id"]:
            return None  # one source's dates are its timeline: different events, not one slot
    shared = len(_words(a, "context_words") & _words(b, "context_words"))
    needed = th.min_shared_words
    if a["kind"] == "date" or ((a.get("unit") or "count") == "count" and not (a.get("noun") and b.get("noun"))):
        needed += 1  # many things happen in one year; a bare count needs its words to say more
    same_language = a["lang"] == b["lang"]
    if same_language and shared < needed:
        return None
    ctx = rescale(float(vectors[a["context_hash"]] @ vectors[b["context_hash"]]), th.cosine_floor)
    sent = rescale(float(vectors[a["sentence_hash"]] @ vectors[b["sentence_hash"]]), th.cosine_floor)
    if not same_language and max(ctx, sent) < th.cross_lingual_cosine:
        return None
    ents_a, ents_b = set(a.get("entities") or []), set(b.get("entities") or [])
    if ents_a and ents_b and not ents_a & ents_b:
        return None  # both sentences name who they are about, and not the same one
    entity_overlap = len(ents_a & ents_b) / len(ents_a | ents_b) if ents_a and ents_b else 0.0
    score = 0.5 * ctx + 0.5 * sent + 0.12 * min(shared, 3) + 0.1 * entity_overlap
    pred_a, pred_b = _words(a, "predicate_words"), _words(b, "predicate_words")
    if a.get("whole") or b.get("whole"):
        # The words around a whole ("700 of 770 employees signed") say what its part did.
        if a.get("whole") != b.get("whole"):
            other = b if a.get("whole") else a
            if other.get("partitive"):
                return None  # "500 of the employees" counts a part, never the whole
            if same_language and _part_predicate_shared(a, b):
                return None  # the other figure counts those who signed: the part, not the whole
    elif same_language and pred_a and pred_b and not pred_a & pred_b:
        score -= th.predicate_penalty  # "invested ..." vs "valued at ...": another slot
    if a["kind"] == "quantity" and magnitude_ratio(a, b) > th.magnitude_ratio:
        score -= th.magnitude_penalty
    if score < th.align_score:
        return None
    return Alignment(round(score, 4), round(ctx, 4), round(sent, 4), shared)
