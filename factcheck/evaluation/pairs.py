"""Evaluate the pair judgement on an ANS-format CSV (columns s1, s2, stance).

>>> m = classification_metrics(["agree", "disagree", "disagree"], ["agree", "agree", "disagree"])
>>> round(m["macro_f1"], 4), m["per_class"]["agree"]["precision"]
(0.6667, 0.5)
"""

from __future__ import annotations

import csv
import os
import time
from collections.abc import Sequence
from pathlib import Path

from factcheck.errors import QueryError
from factcheck.evaluation.stance import LABELS, PairJudge, cache_key

REQUIRED_COLUMNS = ("s1", "s2", "stance")


def read_pairs_csv(path: Path | str) -> tuple[list[tuple[str, str]], list[str]]:
    """(pairs, labels) of an ANS-format CSV; a one-line :class:`QueryError` when it cannot be used."""
    path = Path(path)
    if path.is_dir():
        raise QueryError(f"{path}: a folder, not a CSV file")
    if not path.is_file():
        raise QueryError(f"{path}: no such file")
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise QueryError(f"{path}: not UTF-8 text (byte {exc.start}); save the CSV as UTF-8") from None
    except OSError as exc:
        raise QueryError(f"{path}: cannot be read ({exc.strerror})") from None
    if not text.strip():
        raise QueryError(f"{path}: the file is empty")
    reader = csv.DictReader(text.splitlines())
    fields = [f.strip() for f in (reader.fieldnames or [])]
    missing = [c for c in REQUIRED_COLUMNS if c not in fields]
    if missing:
        raise QueryError(
            f"{path}: missing column(s) {', '.join(missing)}; the header must name s1, s2, stance "
            f"(found: {', '.join(fields) or 'nothing'})"
        )
    reader.fieldnames = fields
    pairs: list[tuple[str, str]] = []
    labels: list[str] = []
    for line, row in enumerate(reader, start=2):
        label = (row.get("stance") or "").strip().lower()
        if label not in LABELS:
            raise QueryError(f"{path}: line {line}: unknown stance {label!r}; use one of {', '.join(LABELS)}")
        pairs.append(((row.get("s1") or "").strip(), (row.get("s2") or "").strip()))
        labels.append(label)
    if not pairs:
        raise QueryError(f"{path}: a header but no pairs")
    return pairs, labels


def classification_metrics(true: Sequence[str], pred: Sequence[str], labels: Sequence[str] = LABELS) -> dict:
    """Macro-F1, per-class precision/recall/F1/support and the confusion matrix (row = true)."""
    if len(true) != len(pred):
        raise ValueError("true and predicted labels differ in length")
    labels = list(labels) + sorted((set(true) | set(pred)) - set(labels))
    index = {l: i for i, l in enumerate(labels)}
    matrix = [[0] * len(labels) for _ in labels]
    for t, p in zip(true, pred):
        matrix[index[t]][index[p]] += 1
    per_class = {}
    for i, label in enumerate(labels):
        tp = matrix[i][i]
        predicted = sum(row[i] for row in matrix)
        support = sum(matrix[i])
        precision = tp / predicted if predicted else 0.0
        recall = tp / support if support else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per_class[label] = {"precision": precision, "recall": recall, "f1": f1, "support": support}
    # Macro over the classes present in the gold labels (a class absent from both is skipped).
    scored = [l for l in labels if per_class[l]["support"] or any(matrix[r][index[l]] for r in range(len(labels)))]
    macro = sum(per_class[l]["f1"] for l in scored) / len(scored) if scored else 0.0
    return {"n": len(true), "macro_f1": macro, "per_class": per_class, "confusion": {"labels": labels, "matrix": matrix}}


def cache_dir() -> Path:
    return Path(os.environ.get("FACTCHECK_CACHE") or Path.home() / ".cache" / "factcheck")


def trained_judge(train_csv: Path | str, model: str = "e5", use_cache: bool = True) -> tuple[PairJudge, dict]:
    """A PairJudge fitted on ``train_csv`` (weights cached by file hash and model id), and timings."""
    train_csv = Path(train_csv)
    judge = PairJudge(model=model)
    pairs, labels = read_pairs_csv(train_csv)
    info = {"train_s": 0.0, "cached": False}
    path = cache_dir() / "pair_judge" / f"{cache_key(train_csv, judge)}.npz"
    if use_cache and path.is_file():
        try:
            judge.load(path)
            info["cached"] = True
            return judge, info
        except Exception:  # a stale or damaged cache entry: fit again
            pass
    start = time.perf_counter()
    judge.fit(pairs, labels, seed=0)
    info["train_s"] = time.perf_counter() - start
    if use_cache:
        try:
            judge.save(path)
        except OSError:  # a read-only cache folder only costs the next run a refit
            pass
    return judge, info


def evaluate_pairs(test_csv: Path | str, train_csv: Path | str, model: str = "e5", use_cache: bool = True) -> dict:
    """Fit (or load) the pair judge on ``train_csv``, classify ``test_csv`` and score it."""
    pairs, labels = read_pairs_csv(test_csv)
    judge, info = trained_judge(train_csv, model=model, use_cache=use_cache)
    start = time.perf_counter()
    predicted = judge.predict(pairs)
    predict_s = time.perf_counter() - start
    result = classification_metrics(labels, predicted)
    result.update(
        model=judge.model_id,
        train=str(train_csv),
        test=str(test_csv),
        timings={"train_s": info["train_s"], "train_cached": info["cached"], "predict_s": predict_s},
    )
    return result


def format_pairs_report(result: dict) -> str:
    """A readable text block: macro-F1, the per-class table and the confusion matrix."""
    labels = result["confusion"]["labels"]
    width = max(10, *(len(l) + 2 for l in labels))
    lines = [
        f"pairs: {result['n']}   model: {result.get('model', '?')}   train: {result.get('train', '?')}",
        f"macro-F1: {100 * result['macro_f1']:.1f}",
        "",
        f"{'class':<{width}}{'precision':>10}{'recall':>10}{'F1':>10}{'support':>10}",
    ]
    for label in labels:
        c = result["per_class"][label]
        lines.append(
            f"{label:<{width}}{100 * c['precision']:>10.1f}{100 * c['recall']:>10.1f}{100 * c['f1']:>10.1f}{c['support']:>10d}"
        )
    lines += ["", "confusion (rows = true, columns = predicted)", " " * width + "".join(f"{l:>{width}}" for l in labels)]
    for label, row in zip(labels, result["confusion"]["matrix"]):
        lines.append(f"{label:<{width}}" + "".join(f"{v:>{width}d}" for v in row))
    return "\n".join(lines)
