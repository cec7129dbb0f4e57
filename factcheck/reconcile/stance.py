"""The pair judgement inside the reconciler: how likely two reports of one event contradict
each other.

The frames say *what* differs between two reports of one event (the date, the agent, the
polarity); the pair judgement (:class:`factcheck.evaluation.stance.PairJudge`, trained on
an ANS-format CSV of sentence pairs labelled agree / disagree / other) reads the two
sentences whole and says how likely they contradict each other. Given ``--pair-judge
FILE``, each aligned pair of event claims in one language records that probability in its alignment row
(``alignments.stance_disagree``), the mean over both orders of the two sentences, rounded
to four places; :func:`factcheck.reconcile.events.judge_events` combines it with the
frames. Without it nothing is recorded and the frames judge alone.

The judgement is trained once per training file and embedding model, deterministically,
and cached (``FACTCHECK_CACHE``, default ``~/.cache/factcheck``); what it was trained on
is part of what alignments depend on, so another file aligns everything again.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import numpy as np

from factcheck.errors import ConfigError, FactcheckError
from factcheck.evaluation.pairs import read_pairs_csv, trained_judge
from factcheck.evaluation.stance import PairJudge


def scored(a: dict, b: dict) -> bool:
    """Whether the pair judgement reads a pair of claims: two event claims in one language."""
    return a["kind"] == b["kind"] == "event" and bool(a.get("lang")) and a.get("lang") == b.get("lang")


def disagree_probability(judge: PairJudge, pairs: list[tuple[str, str]]) -> np.ndarray:
    """P(disagree) of each pair by a fitted judge: the mean over (s1, s2) and (s2, s1), so
    that a pair's probability does not depend on which claim comes first."""
    column = judge.labels.index("disagree")
    forward = judge.predict_proba(pairs)[:, column]
    backward = judge.predict_proba([(b, a) for a, b in pairs])[:, column]
    return (forward + backward) / 2


class EventStance:
    """The pair judgement trained on ``train_csv`` with the embedding ``model``, loaded when
    first needed. The file is read (and checked) at once: a bad one fails before any work."""

    def __init__(self, train_csv: Path | str, model: str = "e5"):
        self.train_csv = Path(train_csv)
        self.model = model
        where = "pair judgement (--pair-judge, FACTCHECK_PAIR_JUDGE)"
        try:
            _, labels = read_pairs_csv(self.train_csv)
        except FactcheckError as exc:  # one line naming the setting and what is wrong with the file
            raise ConfigError(f"{where}: {exc}") from None
        if "disagree" not in labels or len(set(labels)) < 2:
            raise ConfigError(f"{where}: {self.train_csv} needs pairs labelled disagree and pairs labelled otherwise to learn from")
        digest = hashlib.sha256(self.train_csv.read_bytes()).hexdigest()[:16]
        self.fingerprint = {"train": self.train_csv.name, "sha256": digest, "model": model, "settings": PairJudge(model=model).config()}
        self._judge: PairJudge | None = None

    @property
    def judge(self) -> PairJudge:
        if self._judge is None:
            self._judge, _ = trained_judge(self.train_csv, model=self.model)
        return self._judge

    def disagree(self, pairs: list[tuple[str, str]]) -> list[float]:
        """P(disagree) of each sentence pair (:func:`disagree_probability`), four places."""
        if not pairs:
            return []
        return [round(float(p), 4) for p in disagree_probability(self.judge, pairs)]

    def score(self, rows: list[dict], by_id: dict[str, dict]) -> int:
        """Fill ``stance_disagree`` of the alignment rows that pair two event claims in one
        language; return how many were scored. The judgement learnt from pairs of one
        language: across two, its reading is not calibrated, and the frames judge alone."""
        events = [r for r in rows if scored(by_id[r["claim_a"]], by_id[r["claim_b"]])]
        probabilities = self.disagree([(by_id[r["claim_a"]]["text"], by_id[r["claim_b"]]["text"]) for r in events])
        for row, p in zip(events, probabilities):
            row["stance_disagree"] = p
        return len(events)
