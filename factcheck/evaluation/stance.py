"""A pair judgement model: does sentence s2 agree with s1, contradict it, or talk of something else?

Features combine a sentence embedding of both sides (u*v, |u-v|, cosine) with explicit
signals: a negation cue on one side only, numbers or dates of s2 that s1 does not have,
content words and entities present on one side only, and hashed features of the words
removed from s1 / added in s2 and of (removed, added) word pairs, whose weights are learnt
from the training data (no hand-written antonym list). The classifier is a multinomial
logistic regression with L2, fitted in numpy by deterministic full-batch accelerated
gradient descent, with class weights for the small "other" class. Its L2 strength, class
weights and whether it reads each pair in both orders (fitted on both, the two orders'
probabilities averaged) were chosen by 5-fold cross-validation on the ANS training split,
for each feature set (``benchmarks/pairs_cv.py``), never on dev.

>>> judge = PairJudge(model="hashing", iterations=50)
>>> pairs = [("x rose", "x rose"), ("x rose", "x did not rise"), ("x rose", "cats sleep")]
>>> judge.fit(pairs * 4, ["agree", "disagree", "other"] * 4).predict(pairs)
['agree', 'disagree', 'other']
"""

from __future__ import annotations

import hashlib
import json
import math
import re
import zlib
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import numpy as np

from factcheck.claims.context import content_keys, word_key
from factcheck.claims.dates import extract_dates
from factcheck.claims.quantities import extract_quantities
from factcheck.errors import ConfigError
from factcheck.text.normalize import normalize_for_match

LABELS = ("agree", "disagree", "other")
FEATURE_VERSION = 3  # 2: words keyed by Snowball stems; 3: acts, concepts and attribution

# Negation cues, normalised (normalize_for_match: no hamza seats, ى -> ي, casefolded). A
# generic list of the language's negation words, not tuned to any data set.
_NEGATION = frozenset(
    normalize_for_match(w)
    for w in """
    لم لن لا ليس ليست ليسوا لست لسنا غير عدم دون بدون بلا نفى نفي ينفي تنفي نفت ينفون نفوا
    ينكر تنكر انكر أنكر أنكرت رفض يرفض ترفض رفضت كذب يكذب تكذب كذبت
    not no never none nobody nothing neither nor without deny denies denied denying refuse
    refuses refused reject rejects rejected cannot
    """.split()
)
_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)
_NUM_TOL = 0.01  # two values within 1% are the same number


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(normalize_for_match(text))


def _is_negation(tok: str) -> bool:
    if tok in _NEGATION or tok.endswith("n't"):
        return True
    # A conjunction or preposition glued to the cue: ولم, فلا, وبدون.
    return len(tok) > 2 and tok[0] in "وف" and tok[1:] in _NEGATION


def _stable_hash(s: str) -> int:
    return zlib.crc32(s.encode("utf-8"))


@lru_cache(maxsize=65536)
def _analyse(text: str) -> tuple:
    """Per-sentence facts used by the pair features (cached: a sentence recurs in many pairs)."""
    toks = _tokens(text)
    keys = frozenset(content_keys(text))
    all_keys = frozenset(word_key(t) for t in toks)
    negations = sum(1 for t in toks if _is_negation(t))
    numbers: list[tuple[float, float]] = []
    try:
        quantities = extract_quantities(text)
    except Exception:  # pragma: no cover - a parser failure must not stop an evaluation
        quantities = []
    for q in quantities:
        lo = q.low if q.low is not None else q.value
        hi = q.high if q.high is not None else q.value
        if lo is None and hi is None:
            continue
        numbers.append((lo if lo is not None else -math.inf, hi if hi is not None else math.inf))
    try:
        dates = frozenset(d.date for d in extract_dates(text) if d.date)
    except Exception:  # pragma: no cover
        dates = frozenset()
    digits = frozenset(re.findall(r"\d+(?:[.,]\d+)?", normalize_for_match(text)))
    grams = frozenset(_char_grams(" ".join(toks)))
    return toks, keys, all_keys, negations, tuple(numbers), dates, digits, grams


def _char_grams(s: str, n: int = 3) -> list[str]:
    s = f" {s} "
    return [s[i : i + n] for i in range(max(0, len(s) - n + 1))]


def _jaccard(a: frozenset, b: frozenset) -> float:
    return len(a & b) / len(a | b) if (a or b) else 1.0


def _compatible(x: tuple[float, float], ys: Sequence[tuple[float, float]]) -> bool:
    """Whether interval ``x`` overlaps (within tolerance) one of ``ys``."""
    lo, hi = x
    for ylo, yhi in ys:
        tol = _NUM_TOL * max(abs(v) for v in (lo, hi, ylo, yhi) if math.isfinite(v)) if any(
            math.isfinite(v) for v in (lo, hi, ylo, yhi)
        ) else 0.0
        if lo <= yhi + tol and ylo <= hi + tol:
            return True
    return False


LEXICAL_NAMES = (
    "neg1", "neg2", "neg_only1", "neg_only2", "neg_parity_differs",
    "num1", "num2", "num_new_in_2", "num_missing_in_2", "num_both_mismatch",
    "date_new_in_2", "date_missing_in_2", "digits_new_in_2", "digits_missing_in_2",
    "keys_jaccard", "keys_removed_frac", "keys_added_frac", "keys_removed", "keys_added",
    "keys_shared", "allkeys_jaccard", "char3_jaccard", "len_ratio", "identical",
    # what the reconciler knows of each sentence: the acts of the event lexicon with their
    # polarity and hedging, the slot lexicon's concepts, who the sentence is attributed to
    "act_shared", "act_one_side", "acts_differ", "act_polarity_differs", "act_hedge_differs",
    "moves_opposite", "concepts_differ", "attribution_one_side",
)


@lru_cache(maxsize=65536)
def _knows(text: str) -> tuple[dict[str, tuple[bool, bool]], frozenset[str], bool]:
    """What the reconciler reads in one sentence: each act of the event lexicon (its first
    mention's hedged and negated, as a claim's are read), the slot lexicon's concepts, and
    whether a verb of saying or an attribution phrase gives it to someone."""
    from factcheck.claims.attribution import cues as attribution_cues
    from factcheck.claims.events import event_lexicon
    from factcheck.claims.lexicon import lexicon
    from factcheck.claims.modality import mark

    acts: dict[str, tuple[bool, bool]] = {}
    events = event_lexicon()
    if events.pattern is not None:
        for m in events.pattern.finditer(text):
            found = events.form_of(m.group("cue"))
            if found is not None and found[0] not in acts:
                acts[found[0]] = mark(text, *m.span("cue"))
    concepts = frozenset(lexicon().concepts(content_keys(text)))
    said = attribution_cues()
    attributed = any(said.find(key, text) for key in ("saying", "according_to", "anonymous"))
    return acts, concepts, attributed


def _knowledge_features(s1: str, s2: str) -> list[float]:
    acts1, concepts1, said1 = _knows(s1)
    acts2, concepts2, said2 = _knows(s2)
    shared = sorted(set(acts1) & set(acts2))
    moves1, moves2 = concepts1 & {"rise", "fall"}, concepts2 & {"rise", "fall"}
    return [
        float(bool(shared)),
        float(bool(acts1) != bool(acts2)),
        float(bool(acts1 and acts2) and not shared),
        float(any(acts1[a][1] != acts2[a][1] for a in shared)),
        float(any(acts1[a][0] != acts2[a][0] for a in shared)),
        float(len(moves1) == 1 and len(moves2) == 1 and moves1 != moves2),
        float(bool(concepts1 and concepts2) and not concepts1 & concepts2),
        float(said1 != said2),
    ]


def lexical_features(s1: str, s2: str) -> list[float]:
    """The explicit (non-embedding) signals of one pair, in the order of ``LEXICAL_NAMES``."""
    t1, k1, a1, n1, q1, d1, g1, c1 = _analyse(s1)
    t2, k2, a2, n2, q2, d2, g2, c2 = _analyse(s2)
    new_num = any(not _compatible(x, q1) for x in q2) if q1 else False
    missing_num = any(not _compatible(x, q2) for x in q1) if q2 else False
    removed, added = k1 - k2, k2 - k1
    return [
        min(n1, 3), min(n2, 3), float(n1 > 0 and n2 == 0), float(n2 > 0 and n1 == 0),
        float((n1 % 2) != (n2 % 2)),
        float(bool(q1)), float(bool(q2)), float(new_num), float(missing_num),
        float(bool(q1) and bool(q2) and (new_num or missing_num)),
        float(bool(d2 - d1) and bool(d1)), float(bool(d1 - d2) and bool(d2)),
        float(bool(g2 - g1)), float(bool(g1 - g2)),
        _jaccard(k1, k2), len(removed) / max(1, len(k1)), len(added) / max(1, len(k2)),
        min(len(removed), 10), min(len(added), 10), min(len(k1 & k2), 10),
        _jaccard(a1, a2), _jaccard(c1, c2),
        math.log((len(t2) + 1) / (len(t1) + 1)), float(normalize_for_match(s1) == normalize_for_match(s2)),
        *_knowledge_features(s1, s2),
    ]


def hashed_features(s1: str, s2: str, bits: int) -> list[int]:
    """Bucket indices of the word-change features of a pair (words keyed by ``word_key``).

    "rem:" a word of s1 missing from s2, "add:" a word of s2 missing from s1, "pair:" a
    (removed, added) pair: a learnt substitute for antonym lists; negation and other
    function words are included (they are not content words, but they carry the stance).
    """
    _, _, a1, _, _, _, _, _ = _analyse(s1)
    _, _, a2, _, _, _, _, _ = _analyse(s2)
    removed, added = sorted(a1 - a2), sorted(a2 - a1)
    names = [f"rem:{w}" for w in removed] + [f"add:{w}" for w in added]
    if len(removed) * len(added) <= 64:
        names += [f"pair:{r}|{a}" for r in removed for a in added]
    mask = (1 << bits) - 1
    return sorted({_stable_hash(n) & mask for n in names})


class _Design:
    """A design matrix [dense | binary sparse | 1]: the hashed part stored as (row, column) pairs."""

    def __init__(self, dense: np.ndarray, rows: np.ndarray, cols: np.ndarray, n_sparse: int):
        self.dense = dense
        self.rows = rows
        self.cols = cols
        self.n_sparse = n_sparse
        self.n, self.d_dense = dense.shape
        self.d = self.d_dense + n_sparse + 1

    def matmul(self, W: np.ndarray) -> np.ndarray:
        """X @ W for W of shape (d, k)."""
        out = self.dense @ W[: self.d_dense] + W[-1]
        S = W[self.d_dense : self.d_dense + self.n_sparse]
        for j in range(W.shape[1]):
            out[:, j] += np.bincount(self.rows, weights=S[self.cols, j], minlength=self.n)
        return out

    def rmatmul(self, G: np.ndarray) -> np.ndarray:
        """X.T @ G for G of shape (n, k)."""
        sparse = np.stack(
            [np.bincount(self.cols, weights=G[self.rows, j], minlength=self.n_sparse) for j in range(G.shape[1])],
            axis=1,
        )
        return np.vstack([self.dense.T @ G, sparse, G.sum(axis=0, keepdims=True)])


class _Logistic:
    """Multinomial logistic regression, L2, full-batch Nesterov gradient descent (deterministic)."""

    def __init__(self, l2: float, iterations: int):
        self.l2 = l2
        self.iterations = iterations
        self.W: np.ndarray | None = None

    def fit(self, X: _Design, y: np.ndarray, k: int, sample_weight: np.ndarray) -> _Logistic:
        n, d = X.n, X.d
        w = sample_weight / sample_weight.sum()
        Y = np.zeros((n, k))
        Y[np.arange(n), y] = 1.0
        # Lipschitz constant of the gradient: 0.5 * ||diag(sqrt w) X||_2^2 + l2 (power iteration).
        sw = np.sqrt(w)[:, None]
        v = np.ones((d, 1)) / math.sqrt(d)
        for _ in range(50):
            v = X.rmatmul(sw * sw * X.matmul(v))
            norm = np.linalg.norm(v)
            if norm == 0:
                break
            v /= norm
        lip = 0.5 * float(np.linalg.norm(sw * X.matmul(v))) ** 2 * 1.05 + self.l2 + 1e-12
        step = 1.0 / lip
        reg = np.ones((d, 1))
        reg[-1] = 0.0  # the intercept is not penalised
        W = np.zeros((d, k))
        prev = W.copy()
        for t in range(1, self.iterations + 1):
            Z = W + (t - 1) / (t + 2) * (W - prev)
            P = _softmax(X.matmul(Z))
            grad = X.rmatmul((P - Y) * w[:, None]) + self.l2 * reg * Z
            prev, W = W, Z - step * grad
        self.W = W
        return self

    def predict_proba(self, X: _Design) -> np.ndarray:
        return _softmax(X.matmul(self.W))


def _softmax(Z: np.ndarray) -> np.ndarray:
    Z = Z - Z.max(axis=1, keepdims=True)
    E = np.exp(Z)
    return E / E.sum(axis=1, keepdims=True)


class PairJudge:
    """Classifies (s1, s2) pairs as agree / disagree / other.

    ``model`` names the sentence embedder (see :func:`factcheck.embeddings.base.load_embedder`;
    ``"none"`` uses the lexical features only); ``embedder`` may be passed ready-made.
    """

    def __init__(
        self,
        model: str = "e5",
        embedder=None,
        l2: float | None = None,
        iterations: int = 600,
        hash_bits: int = 12,
        class_weight: str = "sqrt",
        embedding_features: bool = True,
        both_orders: bool | None = None,
    ):
        self.model = model
        self._embedder = embedder
        # chosen by 5-fold cross-validation on the ANS training split, per feature set
        # (benchmarks/pairs_cv.py): with sentence embeddings L2 0.3 and each pair read in both
        # orders, with the lexical features alone L2 0.03 and one order
        embedded = embedding_features and model != "none"
        self.l2 = l2 if l2 is not None else (0.3 if embedded else 0.03)
        self.iterations = iterations
        self.hash_bits = hash_bits
        self.class_weight = class_weight
        self.embedding_features = embedding_features and model != "none"
        #: fit on each pair in both orders and average both orders' probabilities
        self.both_orders = both_orders if both_orders is not None else embedded
        self.labels: list[str] = list(LABELS)
        self._cache: dict[str, np.ndarray] = {}
        self._mean: np.ndarray | None = None
        self._std: np.ndarray | None = None
        self._clf: _Logistic | None = None

    # -- features ---------------------------------------------------------------------------

    @property
    def embedder(self):
        if self._embedder is None and self.embedding_features:
            from factcheck.embeddings.base import load_embedder

            self._embedder = load_embedder(self.model)
        return self._embedder

    @property
    def model_id(self) -> str:
        if not self.embedding_features:
            return "lexical"
        return getattr(self.embedder, "model_id", self.model)

    def config(self) -> dict:
        return {
            "version": FEATURE_VERSION, "model": self.model, "l2": self.l2, "iterations": self.iterations,
            "hash_bits": self.hash_bits, "class_weight": self.class_weight,
            "embedding_features": self.embedding_features, "both_orders": self.both_orders,
        }

    def _embed(self, texts: list[str]) -> np.ndarray:
        missing = sorted({t for t in texts if t not in self._cache})
        if missing:
            vectors = self.embedder.encode(missing, kind="query")
            for text, vec in zip(missing, vectors):
                self._cache[text] = np.asarray(vec, dtype=np.float64)
        return np.vstack([self._cache[t] for t in texts]) if texts else np.zeros((0, 0))

    def dense_features(self, pairs: Sequence[tuple[str, str]]) -> np.ndarray:
        """Embedding and lexical features (not yet standardised), one row per pair."""
        lex = np.array([lexical_features(a, b) for a, b in pairs], dtype=np.float64).reshape(len(pairs), -1)
        if not self.embedding_features or not pairs:
            return lex
        U = self._embed([a for a, _ in pairs])
        V = self._embed([b for _, b in pairs])
        cos = np.sum(U * V, axis=1, keepdims=True)
        return np.hstack([lex, cos, U * V, np.abs(U - V)])

    def _sparse_index(self, pairs: Sequence[tuple[str, str]]) -> tuple[np.ndarray, np.ndarray]:
        rows: list[int] = []
        cols: list[int] = []
        for i, (a, b) in enumerate(pairs):
            buckets = hashed_features(a, b, self.hash_bits)
            rows += [i] * len(buckets)
            cols += buckets
        return np.array(rows, dtype=np.int64), np.array(cols, dtype=np.int64)

    def _design(self, pairs: Sequence[tuple[str, str]]) -> _Design:
        dense = self.dense_features(pairs)
        if self._mean is not None:
            dense = (dense - self._mean) / self._std
        rows, cols = self._sparse_index(pairs)
        return _Design(dense, rows, cols, 1 << self.hash_bits)

    def features(self, pairs: Sequence[tuple[str, str]]) -> np.ndarray:
        """The full feature matrix (dense part standardised once fitted, then the hashed
        word-change indicators), one row per pair."""
        X = self._design(pairs)
        H = np.zeros((X.n, X.n_sparse))
        H[X.rows, X.cols] = 1.0
        return np.hstack([X.dense, H])

    # -- fitting and prediction -------------------------------------------------------------

    def fit(self, pairs: Sequence[tuple[str, str]], labels: Sequence[str], seed: int = 0) -> PairJudge:
        """Fit on labelled pairs. ``seed`` is recorded; the solver itself has no randomness."""
        if len(pairs) != len(labels):
            raise ValueError("pairs and labels differ in length")
        if not pairs:
            raise ValueError("no training pairs")
        if self.both_orders:
            pairs = list(pairs) + [(b, a) for a, b in pairs]
            labels = list(labels) * 2
        self.labels = [l for l in LABELS if l in set(labels)] + sorted(set(labels) - set(LABELS))
        index = {l: i for i, l in enumerate(self.labels)}
        y = np.array([index[l] for l in labels])
        self.seed = seed
        dense = self.dense_features(pairs)
        self._mean = dense.mean(axis=0)
        std = dense.std(axis=0)
        self._std = np.where(std > 1e-9, std, 1.0)
        rows, cols = self._sparse_index(pairs)
        X = _Design((dense - self._mean) / self._std, rows, cols, 1 << self.hash_bits)
        counts = np.bincount(y, minlength=len(self.labels)).astype(float)
        if self.class_weight == "balanced":
            cw = len(y) / (len(self.labels) * counts)
        elif self.class_weight == "sqrt":
            cw = np.sqrt(len(y) / (len(self.labels) * counts))
        else:
            cw = np.ones(len(self.labels))
        self._clf = _Logistic(self.l2, self.iterations).fit(X, y, len(self.labels), cw[y])
        return self

    def predict_proba(self, pairs: Sequence[tuple[str, str]]) -> np.ndarray:
        if self._clf is None:
            raise ValueError("PairJudge is not fitted")
        if not pairs:
            return np.zeros((0, len(self.labels)))
        proba = self._clf.predict_proba(self._design(pairs))
        if self.both_orders:
            proba = (proba + self._clf.predict_proba(self._design([(b, a) for a, b in pairs]))) / 2
        return proba

    def predict(self, pairs: Sequence[tuple[str, str]]) -> list[str]:
        return [self.labels[i] for i in np.argmax(self.predict_proba(pairs), axis=1)]

    # -- persistence --------------------------------------------------------------------------

    def save(self, path: Path) -> None:
        if self._clf is None:
            raise ValueError("PairJudge is not fitted")
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".tmp.npz")
        np.savez(
            tmp, W=self._clf.W, mean=self._mean, std=self._std,
            meta=np.array(json.dumps({"labels": self.labels, "config": self.config(), "model_id": self.model_id})),
        )
        tmp.replace(path)

    def load(self, path: Path) -> PairJudge:
        with np.load(path, allow_pickle=False) as data:
            meta = json.loads(str(data["meta"]))
            if meta["config"] != self.config():
                raise ConfigError(f"{path}: fitted with other settings")
            self.labels = meta["labels"]
            self._mean, self._std = data["mean"], data["std"]
            self._clf = _Logistic(self.l2, self.iterations)
            self._clf.W = data["W"]
        return self


def cache_key(train_csv: Path, judge: PairJudge) -> str:
    """A hash of the training file's bytes, the model id and the judge's settings."""
    digest = hashlib.sha256(Path(train_csv).read_bytes())
    digest.update(json.dumps({"model_id": judge.model_id, **judge.config()}, sort_keys=True).encode())
    return digest.hexdigest()[:24]
