"""A deterministic lexical embedder: no model, no download, same vectors on every machine.

It hashes normalised word stems and character trigrams into a fixed-size vector, so texts
sharing words are close. It is what the fast unit tests use; it does not cross languages.
"""

from __future__ import annotations

import hashlib
import re

import numpy as np

from factcheck.embeddings.base import normalise
from factcheck.text.normalize import normalize_for_match

_WORD = re.compile(r"\w+", re.UNICODE)


class HashingEmbedder:
    family = "hashing"
    model_id = "hashing-v1"

    def __init__(self, dim: int = 256):
        self.dim = dim

    def _features(self, text: str) -> list[str]:
        words = _WORD.findall(normalize_for_match(text))
        feats = [f"w:{w}" for w in words]
        for w in words:
            padded = f"#{w}#"
            feats.extend(f"g:{padded[i:i + 3]}" for i in range(len(padded) - 2))
        return feats

    def encode(self, texts: list[str], kind: str = "passage") -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            for feat in self._features(text):
                h = int.from_bytes(hashlib.blake2b(feat.encode(), digest_size=8).digest(), "little")
                out[row, h % self.dim] += 1.0 if (h >> 63) & 1 else -1.0
        return normalise(out)
