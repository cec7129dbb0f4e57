"""What is known about a candidate pair, as numbers: the inputs of the fitted slot model.

Each feature is a plain reading of the two claims (their frames, words, names, vectors),
between 0 and 1; :mod:`factcheck.reconcile.model` weighs them with coefficients fitted on
labelled pairs (``benchmarks/fit_alignment.py``) and saved as readable data. Nothing here
is weighed by hand.
"""

from __future__ import annotations

from functools import lru_cache

from factcheck.claims.name_keys import names_meet as same_name
from factcheck.reconcile.intervals import magnitude_ratio

#: the features, in the order of the model's coefficients
FEATURES = (
    "context_cosine",  # rescaled cosine of the words around the two figures
    "sentence_cosine",  # rescaled cosine of the two sentences
    "cross_language",  # the claims are in two languages (no word can be shared)
    "shared_words",  # content words (or their concepts) shared around the figures, up to 3, / 3
    "shared_sentence_concept",  # the sentences share a concept beyond the words around the figures
    "shared_concepts",  # the frames' predicates share a concept ("invest" and «استثمر»)
    "concepts_differ",  # both predicates have concepts and share none ("revenue" vs "invest")
    "predicates_differ",  # same language: the words right next to the figures share nothing
    "same_counted_group",  # two counts of one group of the lexicon ("staff" and «موظفين»)
    "same_role",  # both frames have a role and it is the same (part and part)
    "bound_names_meet",  # a name bound to one figure is a name bound to the other
    "actor_overlap",  # share of the sentences' actors that meet one on the other side
    "actors_on_one_side",  # only one sentence names who acts (the other's may be a name not read)
    "magnitude_far",  # the figures are more than magnitude_ratio times apart
    "year_on_one_side",  # only one sentence names a year
    "whole_on_one_side",  # one figure is a whole (a headcount), the other is not
    "same_source",  # both claims are in one source
    "dates",  # two dates (their own base rate: many things happen on many days)
    "money",  # two amounts of money
)


def same_party(a: dict, x: str, b: dict, y: str) -> bool:
    """Whether name ``x`` of claim ``a`` and name ``y`` of claim ``b`` are one party: one
    name in any script (:func:`factcheck.claims.name_keys.names_meet`, with the corpus's
    anchors that :func:`factcheck.reconcile.slots.annotate` gives each claim), and not two trades
    ("Zagen Telecom" and «زاجين للأغذية» share a name, not a company)."""
    if not (x and y and same_name(x, y, a.get("name_anchors"))):
        return False
    sx = ((a.get("frame") or {}).get("sectors") or {}).get(x)
    sy = ((b.get("frame") or {}).get("sectors") or {}).get(y)
    return not (sx and sy and sx != sy)


def parties_meet(a: dict, xs: list[str], b: dict, ys: list[str]) -> bool:
    """Whether some name of ``xs`` (of claim ``a``) and some of ``ys`` (of ``b``) are one party."""
    sectors_a = (a.get("frame") or {}).get("sectors") or {}
    sectors_b = (b.get("frame") or {}).get("sectors") or {}
    return _parties_meet(tuple(xs), tuple(sectors_a.get(x) for x in xs), tuple(ys), tuple(sectors_b.get(y) for y in ys), a.get("name_anchors"))


def claim_parties(claim: dict) -> dict[str, str | None]:
    """The parties a claim's sentence names, each with its trade when the frame knows it;
    an event's also what its identity is about when no name says it (the licence that was
    suspended, «ترخيص تشغيل الشركة»: two reports of that suspension are about one thing)."""
    frame = claim.get("frame") or {}
    sectors = frame.get("sectors") or {}
    parties = {x: sectors.get(x) for x in claim.get("actors") or () if x}
    if claim.get("kind") == "event":
        for role in claim.get("identity") or ():
            if frame.get(role) and frame[role] not in parties:
                parties[frame[role]] = None
    return parties


def party_sets_meet(xs: dict[str, str | None], ys: dict[str, str | None], anchors) -> bool:
    """Whether some party of ``xs`` and some of ``ys`` (names with their trades, as
    :func:`claim_parties` gives them) are one party."""
    nx, ny = sorted(xs), sorted(ys)
    return _parties_meet(tuple(nx), tuple(xs[x] for x in nx), tuple(ny), tuple(ys[y] for y in ny), anchors)


# asked for most candidate pairs of a run; its keys are large (names and trades of two claims)
# and its hits come mostly from consecutive pairs of one claim: 2**15 of them take about
# 12 MiB where 2**18 took about 100 MiB, for 2% more alignment time at 10,000 sources
@lru_cache(maxsize=1 << 15)
def _parties_meet(xs: tuple, sectors_x: tuple, ys: tuple, sectors_y: tuple, anchors) -> bool:
    """:func:`same_party` for some name of ``xs`` and some of ``ys``, given each name's trade."""
    for x, sx in zip(xs, sectors_x):
        for y, sy in zip(ys, sectors_y):
            if x and y and same_name(x, y, anchors) and not (sx and sy and sx != sy):
                return True
    return False


def name_overlap(a: dict, b: dict) -> float:
    """Share of the actors on both sides that are a party on the other side."""
    xs, ys = a.get("actors") or [], b.get("actors") or []
    if not xs or not ys:
        return 0.0
    met = sum(parties_meet(a, [x], b, ys) for x in xs) + sum(parties_meet(b, [y], a, xs) for y in ys)
    return met / (len(xs) + len(ys))


_MOVES = frozenset({"rise", "fall"})


def same_role(fa: dict, fb: dict) -> bool:
    """Both frames have a role and it is the same; two changes only when they move the same
    way ("rose 3.2%" and "have fallen 4%" are two movements)."""
    if not fa.get("role") or fa.get("role") != fb.get("role"):
        return False
    if fa["role"] == "change":
        return (set(fa.get("concepts") or ()) & _MOVES) == (set(fb.get("concepts") or ()) & _MOVES)
    return True


def pair_features(
    a: dict,
    b: dict,
    context_cosine: float,
    sentence_cosine: float,
    shared: int,
    sentence_concept: bool,
    predicates_differ: bool,
    magnitude_limit: float,
) -> list[float]:
    """The :data:`FEATURES` of claims ``a`` and ``b`` (see there), given what alignment
    already computed: the rescaled cosines, the shared words, whether the sentences share
    a further concept and whether the words next to the figures differ."""
    fa, fb = a.get("frame") or {}, b.get("frame") or {}
    concepts_a, concepts_b = set(fa.get("concepts") or ()), set(fb.get("concepts") or ())
    bound = parties_meet(a, [fa.get("agent") or "", fa.get("patient") or ""], b, [fb.get("agent") or "", fb.get("patient") or ""])
    values = {
        "context_cosine": context_cosine,
        "sentence_cosine": sentence_cosine,
        "cross_language": float(a["lang"] != b["lang"]),
        "shared_words": min(shared, 3) / 3,
        "shared_sentence_concept": float(sentence_concept),
        "shared_concepts": float(bool(concepts_a & concepts_b)),
        "concepts_differ": float(bool(concepts_a and concepts_b and not concepts_a & concepts_b)),
        "predicates_differ": float(predicates_differ),
        "same_counted_group": float(fa.get("unit_class") == "count" and bool(fa.get("measured")) and fa.get("measured") == fb.get("measured")),
        "same_role": float(same_role(fa, fb)),
        "bound_names_meet": float(bound),
        "actor_overlap": name_overlap(a, b),
        "actors_on_one_side": float(bool(a.get("actors")) != bool(b.get("actors"))),
        "magnitude_far": float(a["kind"] == "quantity" and magnitude_ratio(a, b) > magnitude_limit),
        "year_on_one_side": float(bool(a.get("years")) != bool(b.get("years"))),
        "whole_on_one_side": float(bool(a.get("whole")) != bool(b.get("whole"))),
        "same_source": float(a["source_id"] == b["source_id"]),
        "dates": float(a["kind"] == "date"),
        "money": float(fa.get("unit_class") == "money"),
    }
    return [values[name] for name in FEATURES]
