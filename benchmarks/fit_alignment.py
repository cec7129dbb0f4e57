"""Fit the slot model on labelled pairs, validate it leave-one-corpus-out, and write it.

    python benchmarks/fit_alignment.py --synthetic DIR [--synthetic DIR ...] \
        [--corpus DIR=GOLD ...] [--write]

Labelled pairs come from two kinds of corpora:

* a synthetic corpus kept by ``benchmarks/synthetic.py --keep DIR`` (its ``truth.json`` gives
  every figure's slot): every candidate pair that passes the alignment rules is labelled
  one slot or not;
* a hand-written corpus with a gold file (``DIR=GOLD``): its ``[[expected]]`` pairs are one
  slot; its ``[[not_conflict]]`` pairs are two slots, unless their reason calls the two
  figures compatible without calling them different (then they are one slot read two ways);
  and since a gold file lists every real disagreement, any other candidate pair whose
  figures read differently is two slots (a false alarm), unless one of its figures belongs
  to an expected pair.

Candidate pairs are what the reconciler itself examines (vector neighbours, frame keys,
shared words), read by :func:`factcheck.reconcile.slots.read_pair`. The hand-written
corpora's pairs together weigh :data:`HAND_SHARE` of the fit, however few: they are written
as newsrooms write, where the generated ones repeat a few templates. Validation leaves each corpus out in turn and reports, on it, the
pairs, their share of one-slot pairs, precision and recall at the cut-off, and the log
loss; then a reliability table of the left-out predictions (counts per probability bin).
``--write`` saves the model fitted on every corpus to factcheck/data/slot_model.toml.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from factcheck.evaluation.gold import load_gold  # noqa: E402
from factcheck.reconcile.features import FEATURES  # noqa: E402
from factcheck.reconcile.reconciler import candidate_pairs, reading  # noqa: E402
from factcheck.reconcile.slots import annotate, read_pair  # noqa: E402
from factcheck.workspace import Factcheck, VectorCache  # noqa: E402

HAND_SHARE = 0.8  # of the fit's weight: the hand-written corpora's pairs together, the generated ones the rest
REGULARISATION = 1.0  # scikit-learn's C: smaller keeps weights small, against a few dozen hand-labelled pairs
CUT = 0.5  # the probability at which the fully fitted model reads a pair as one slot
# The hand-set combination: a score in which each feature counts this much, one slot from
# BOUNDARY up (the weights this reconciler used before any fit, and frame agreement).
# Calibrated, it is what ships while it holds better than the fitted model on the
# hand-written corpora left out, at the same number of one-slot pairs found.
HAND_SET = {
    "context_cosine": 0.5, "sentence_cosine": 0.5, "cross_language": 0.12, "shared_words": 0.36,
    "shared_sentence_concept": 0.12, "predicates_differ": -0.2, "actor_overlap": 0.1, "magnitude_far": -0.35,
    # frames that agree are evidence of one slot; a name on one side only, of doubt
    "same_role": 0.15, "same_counted_group": 0.1, "actors_on_one_side": -0.1,
}  # fmt: skip
BOUNDARY = 0.55
PRIOR_STRENGTH = 0.01  # the anchored combination: how hard each weight is held at its calibrated hand-set value
BINS = 10


def pairs_of(fc: Factcheck) -> tuple[list[dict], dict[str, dict], list[tuple[str, str, list[float]]]]:
    """(claims, claims by id, (id, id, features) of every candidate pair that passes the rules)."""
    fc.reconcile()  # embeds what is missing and builds the index
    claims = fc.store.claims()
    annotate(claims)
    by_id = {c["id"]: c for c in claims}
    vectors = VectorCache(fc.store, fc.embedder.model_id)
    vectors.prefetch(h for c in claims for h in (c["context_hash"], c["sentence_hash"]))
    index = fc.claim_index(claims, vectors)
    th = fc.thresholds
    rows = []
    for ida, idb in sorted(candidate_pairs(claims, index, vectors, th)):
        pair = read_pair(by_id[ida], by_id[idb], vectors, th)
        if pair is not None:
            rows.append((ida, idb, pair.features))
    return claims, by_id, rows


def synthetic_pairs(folder: Path) -> tuple[np.ndarray, np.ndarray]:
    truth = json.loads((folder / "truth.json").read_text("utf-8"))
    figures = {item["source_id"]: item["figures"] for item in truth}
    fc = Factcheck(db_path=folder / "claims.db")
    fc.ingest([folder / "sources"], prune=True)
    _, by_id, rows = pairs_of(fc)

    def slot_of(claim: dict):
        best, overlap = None, 0
        for f in figures.get(claim["source_id"], ()):
            if f["start"] <= claim["char_start"] < f["end"]:
                return json.dumps(f["slot"], sort_keys=True)
            shared = min(f["end"], claim["char_end"]) - max(f["start"], claim["char_start"])
            if shared > overlap:
                best, overlap = json.dumps(f["slot"], sort_keys=True), shared
        return best

    x, y = [], []
    for ida, idb, features in rows:
        sa, sb = slot_of(by_id[ida]), slot_of(by_id[idb])
        if sa is None or sb is None:
            continue
        x.append(features)
        y.append(int(sa == sb))
    return np.array(x, dtype=float), np.array(y, dtype=int)


def gold_pairs(folder: Path, gold_path: Path, scratch: Path) -> tuple[np.ndarray, np.ndarray]:
    gold = load_gold(gold_path)
    fc = Factcheck(db_path=scratch / f"{folder.name}.db")
    fc.ingest([folder], prune=True)
    claims, by_id, rows = pairs_of(fc)
    labelled = [(g.a, g.b, 1) for g in gold.expected]
    for g in gold.not_conflict:
        reason = g.reason.lower()
        labelled.append((g.a, g.b, int("compatible" in reason and "different" not in reason)))
    sides = [side for g in gold.expected for side in (g.a, g.b)]
    x, y = [], []
    for ida, idb, features in rows:
        a, b = by_id[ida], by_id[idb]
        label = next((lab for sa, sb, lab in labelled if (sa.matches(a) and sb.matches(b)) or (sa.matches(b) and sb.matches(a))), None)
        if label is None:
            # The gold file lists every real disagreement: two other figures that read
            # differently are a false alarm, unless one of them is a figure of an expected
            # pair (it may stand for it through an agreeing copy); same readings say nothing.
            if reading(a) == reading(b) or any(side.matches(c) for side in sides for c in (a, b)):
                continue
            label = 0
        x.append(features)
        y.append(label)
    return np.array(x, dtype=float).reshape(-1, len(FEATURES)), np.array(y, dtype=int)


def weighted(groups: dict[str, tuple[np.ndarray, np.ndarray, str]], leave_out: str | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(features, labels, weights) of every corpus but ``leave_out``: the hand-written pairs
    together weigh :data:`HAND_SHARE`, the generated ones the rest; the weights sum to 1."""
    kept = {name: g for name, g in groups.items() if name != leave_out and len(g[1])}
    pairs = {kind: sum(len(y) for _, y, k in kept.values() if k == kind) for kind in ("synthetic", "hand-written")}
    share = {"hand-written": HAND_SHARE if pairs["synthetic"] else 1.0, "synthetic": 1.0 - HAND_SHARE if pairs["hand-written"] else 1.0}
    x = np.vstack([g[0] for g in kept.values()])
    y = np.concatenate([g[1] for g in kept.values()])
    w = np.concatenate([np.full(len(g[1]), share[g[2]] / pairs[g[2]]) for g in kept.values()])
    return x, y, w


def fit(groups: dict[str, tuple[np.ndarray, np.ndarray, str]], leave_out: str | None = None, regularisation: float = 0.0):
    from sklearn.linear_model import LogisticRegression

    x, y, w = weighted(groups, leave_out)
    model = LogisticRegression(C=regularisation or REGULARISATION, max_iter=5000)
    model.fit(x, y, sample_weight=w * len(y))
    return model


class Calibrated:
    """The hand-set score, calibrated: ``p = 1 / (1 + exp(-(a * score + b)))`` fitted on the
    labelled pairs (Platt scaling); ``cut`` is the probability at the hand-set boundary."""

    def __init__(self, groups: dict, leave_out: str | None = None):

        self.w = np.array([HAND_SET.get(f, 0.0) for f in FEATURES])
        kept = {name: g for name, g in groups.items() if name != leave_out and len(g[1])}
        model = fit({name: (g[0] @ self.w.reshape(-1, 1), g[1], g[2]) for name, g in kept.items()}, regularisation=1e6)
        self.a, self.b = float(model.coef_[0][0]), float(model.intercept_[0])
        self.cut = 1 / (1 + math.exp(-(self.a * BOUNDARY + self.b)))

    def predict(self, x: np.ndarray) -> np.ndarray:
        return 1 / (1 + np.exp(-(self.a * (x @ self.w) + self.b)))

    @property
    def intercept_(self):
        return np.array([self.b])

    @property
    def coef_(self):
        return np.array([self.a * self.w])


class Anchored:
    """Every weight fitted, each held near the calibrated hand-set combination: the weighted
    log loss plus ``strength`` times the squared distance of the weights from the
    calibrated hand-set ones (a prior centred on them, not on zero). Where the labelled
    pairs agree on a signal the weight moves; where a few dozen hand-labelled pairs cannot
    say, it stays where the hand-set combination put it. ``cut`` is the calibrated
    combination's probability at its boundary: both read probabilities on one scale."""

    def __init__(self, groups: dict, leave_out: str | None = None, strength: float = PRIOR_STRENGTH):
        from scipy.optimize import minimize

        prior = Calibrated(groups, leave_out)
        x, y, w = weighted(groups, leave_out)
        centre = np.concatenate([[prior.b], prior.a * prior.w])

        def loss(theta: np.ndarray) -> tuple[float, np.ndarray]:
            z = theta[0] + x @ theta[1:]
            p = 1 / (1 + np.exp(-z))
            value = float(np.sum(w * (np.logaddexp(0, z) - y * z))) + strength * float(np.sum((theta[1:] - centre[1:]) ** 2))
            grad = np.concatenate([[np.sum(w * (p - y))], x.T @ (w * (p - y)) + 2 * strength * (theta[1:] - centre[1:])])
            return value, grad

        theta = minimize(loss, centre, jac=True, method="L-BFGS-B").x
        self.b, self.coef = float(theta[0]), theta[1:]
        self.cut = prior.cut

    def predict(self, x: np.ndarray) -> np.ndarray:
        return 1 / (1 + np.exp(-(x @ self.coef + self.b)))

    @property
    def intercept_(self):
        return np.array([self.b])

    @property
    def coef_(self):
        return np.array([self.coef])


def scores(y: np.ndarray, p: np.ndarray, cut: float = CUT) -> str:
    if not len(y):
        return "no labelled pairs"
    said = p >= cut
    tp = int(np.sum(said & (y == 1)))
    precision = tp / max(1, int(np.sum(said)))
    recall = tp / max(1, int(np.sum(y == 1)))
    eps = 1e-9
    loss = -float(np.mean(y * np.log(p + eps) + (1 - y) * np.log(1 - p + eps)))
    return f"{len(y):6d} pairs, {np.mean(y):5.1%} one slot; precision {precision:5.1%}, recall {recall:5.1%}, log loss {loss:.3f}"


def reliability(y: np.ndarray, p: np.ndarray) -> list[str]:
    lines = ["| probability | pairs | one slot | mean probability |", "|---|---|---|---|"]
    for k in range(BINS):
        lo, hi = k / BINS, (k + 1) / BINS
        inside = (p >= lo) & ((p < hi) if k < BINS - 1 else (p <= hi))
        n = int(np.sum(inside))
        observed = f"{np.mean(y[inside]):.1%}" if n else "–"
        mean = f"{np.mean(p[inside]):.2f}" if n else "–"
        lines.append(f"| {lo:.1f}–{hi:.1f} | {n} | {observed} | {mean} |")
    return lines


def write_model(model, groups: dict, path: Path, label: str) -> None:
    lines = [
        "# The slot model: how surely two claims that pass every alignment rule are about one",
        "# slot (factcheck/reconcile/model.py). Written by benchmarks/fit_alignment.py; refit it",
        "# rather than editing the weights by hand. Features: factcheck/reconcile/features.py.",
        f"# Combination: {label}; one slot from {model.cut:.3f} (the thresholds' align_score)",
        "",
        f"intercept = {model.intercept_[0]:.4f}",
        "",
        "[weights]",
    ]
    lines += [f"{name} = {weight:.4f}" for name, weight in zip(FEATURES, model.coef_[0])]
    lines += ["", "[fitted]", "# the corpora and their labelled pairs (one slot / all)"]
    for name, (x, y, kind) in groups.items():
        lines.append(f'{json.dumps(name)} = "{kind}: {int(np.sum(y))} of {len(y)}"')
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--synthetic", action="append", default=[], type=Path)
    parser.add_argument("--corpus", action="append", default=[], help="DIR=GOLD")
    parser.add_argument("--scratch", type=Path, default=Path("/tmp/fit_alignment"))
    parser.add_argument("--write", action="store_true")
    parser.add_argument("--combination", choices=("hand-set", "fitted", "anchored"), default="anchored", help="what --write saves")
    parser.add_argument("--strength", type=float, default=PRIOR_STRENGTH, help="the anchored combination's pull toward the hand-set weights")
    parser.add_argument("--pairs", type=Path, help="save the labelled pairs to this .npz (or read them from it when no corpus is named)")
    args = parser.parse_args(argv)
    args.scratch.mkdir(parents=True, exist_ok=True)
    groups: dict[str, tuple[np.ndarray, np.ndarray, str]] = {}
    for folder in args.synthetic:
        x, y = synthetic_pairs(folder)
        groups[f"synthetic:{folder.name}"] = (x, y, "synthetic")
    for spec in args.corpus:
        folder, _, gold = spec.partition("=")
        x, y = gold_pairs(Path(folder), Path(gold), args.scratch)
        groups[f"{Path(folder).name}"] = (x, y, "hand-written")
    if args.pairs and groups:
        np.savez(args.pairs, **{f"{kind}|{name}|{part}": arr for name, (x, y, kind) in groups.items() for part, arr in (("x", x), ("y", y))})
    elif args.pairs:
        saved = np.load(args.pairs)
        for key in sorted(saved.files):
            kind, name, part = key.split("|")
            if part == "x":
                groups[name] = (saved[key], saved[f"{kind}|{name}|y"], kind)
    held: dict[str, tuple[list, list]] = {"fitted": ([], []), "hand-set, calibrated": ([], []), "anchored": ([], [])}
    for label in held:
        print(f"{label}: leave one corpus out (fitted on the others, scored on it):")
        for name, (x, y, kind) in groups.items():
            if not len(y):
                print(f"  {name:28s} no labelled pairs")
                continue
            if label == "fitted":
                p, cut = fit(groups, leave_out=name).predict_proba(x)[:, 1], CUT
            elif label == "anchored":
                anchored = Anchored(groups, leave_out=name, strength=args.strength)
                p, cut = anchored.predict(x), anchored.cut
            else:
                calibrated = Calibrated(groups, leave_out=name)
                p, cut = calibrated.predict(x), calibrated.cut
            held[label][0].append(y)
            held[label][1].append(p)
            print(f"  {name:28s} {scores(y, p, cut)}")
        for kind in ("synthetic", "hand-written"):
            mine = [i for i, g in enumerate(g for g in groups.values() if len(g[1])) if g[2] == kind]
            if mine:
                y = np.concatenate([held[label][0][i] for i in mine])
                p = np.concatenate([held[label][1][i] for i in mine])
                cut = CUT if label == "fitted" else Calibrated(groups).cut  # the anchored combination cuts where the calibrated one does
                print(f"  {'all ' + kind + ', left out':28s} {scores(y, p, cut)}")
    # The fitted model's cut-off: the highest probability at which it finds, on the
    # hand-written corpora left out, as many one-slot pairs as the hand-set combination did.
    hand = [i for i, g in enumerate(g for g in groups.values() if len(g[1])) if g[2] == "hand-written"]
    cut = CUT
    if hand:
        y_hand = np.concatenate([held["fitted"][0][i] for i in hand])
        found = int(np.sum((np.concatenate([held["hand-set, calibrated"][1][i] for i in hand]) >= Calibrated(groups).cut) & (y_hand == 1)))
        p_hand = np.concatenate([held["fitted"][1][i] for i in hand])
        cut = max((t / 100 for t in range(1, 100) if np.sum((p_hand >= t / 100) & (y_hand == 1)) >= found), default=CUT)
        y_syn = [held["fitted"][0][i] for i in range(len(held["fitted"][0])) if i not in hand]
        p_syn = [held["fitted"][1][i] for i in range(len(held["fitted"][1])) if i not in hand]
        print(f"fitted, cut at {cut:.2f} (as many hand-written one-slot pairs found as the hand-set combination, {found}):")
        print(f"  {'all hand-written, left out':28s} {scores(y_hand, p_hand, cut)}")
        if y_syn:
            print(f"  {'all synthetic, left out':28s} {scores(np.concatenate(y_syn), np.concatenate(p_syn), cut)}")
    if args.combination == "hand-set":
        chosen = Calibrated(groups)
    elif args.combination == "anchored":
        chosen = Anchored(groups, strength=args.strength)
    else:
        chosen = fit(groups)
        chosen.cut = cut
    y_all, p_all = np.concatenate(held[args_label(args)][0]), np.concatenate(held[args_label(args)][1])
    print(f"reliability of the left-out probabilities ({args_label(args)}):")
    print("\n".join(reliability(y_all, p_all)))
    print(f"written model ({args_label(args)}), fitted on every corpus:")
    print(f"  intercept {chosen.intercept_[0]:+.3f}")
    for name, weight in zip(FEATURES, chosen.coef_[0]):
        print(f"  {name:26s} {weight:+.3f}")
    print(f"  align_score: {chosen.cut:.3f}")
    if args.write:
        write_model(chosen, groups, ROOT / "factcheck" / "data" / "slot_model.toml", args_label(args))
        print("written: factcheck/data/slot_model.toml")
    if not math.isfinite(float(chosen.intercept_[0])):
        raise SystemExit("the fit did not converge")


def args_label(args) -> str:
    return {"fitted": "fitted", "anchored": "anchored"}.get(args.combination, "hand-set, calibrated")


if __name__ == "__main__":
    main()
