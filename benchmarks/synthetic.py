"""A full run on a synthetic corpus of thousands of sources, against checking one new source.

Generates short Arabic and English news items about a few hundred fictional companies
(deterministic: fixed seed), ingests and reconciles them all (the full run), then adds one
source that contradicts the corpus and times `check` on it, which must only read the new
file and align its claims. Prints figures; asserts nothing.

    python benchmarks/synthetic.py [--sources 2000] [--model e5] [--keep DIR]
"""

from __future__ import annotations

import argparse
import random
import resource
import shutil
import tempfile
import time
from pathlib import Path

from factcheck.workspace import Factcheck

COMPANIES = [f"{a}{b}" for a in ("Nor", "Vel", "Tar", "Qas", "Lum", "Zen", "Ori", "Kal", "Mer", "Sol") for b in ("tek", "ova", "ium", "ara", "ex", "on", "ix", "ent", "ica", "ora")]
EN = [
    "More than {n} employees of {c} signed a letter to the board on {d} November.",
    "{c} invested ${m} million in its cloud unit in {y}.",
    "{c} now employs about {n} people across {k} countries.",
    "Shares of {c} fell {p}% after the announcement.",
    "{c} raised between ${m} million and ${m2} million from investors.",
    "The board of {c} met for {h} hours before the vote.",
]
AR = [
    "وقّع أكثر من {n} من موظفي {c} على رسالة إلى مجلس الإدارة في {d} نوفمبر.",
    "استثمرت {c} نحو {m} مليون دولار في وحدة الحوسبة السحابية عام {y}.",
    "يعمل لدى {c} حاليًا حوالي {n} موظف في {k} دول.",
    "تراجعت أسهم {c} بنسبة {p}% بعد الإعلان.",
    "جمعت {c} ما بين {m} و{m2} مليون دولار من المستثمرين.",
    "اجتمع مجلس إدارة {c} لمدة {h} ساعات قبل التصويت.",
]


def facts_of(company: str) -> dict:
    """Each company's true figures; articles mostly repeat them."""
    rng = random.Random(company)
    m = rng.choice((10, 20, 50, 100, 200))
    return {"n": rng.choice((300, 500, 700, 900)), "d": rng.randint(1, 28), "m": m, "m2": m * 2,
            "y": rng.randint(2015, 2023), "k": rng.randint(2, 40), "p": rng.randint(1, 30), "h": rng.randint(2, 12)}  # fmt: skip


def article(rng: random.Random, i: int) -> str:
    """A short news item: mostly the company's true figures, about 5% of them wrong."""
    company = rng.choice(COMPANIES)
    facts = dict(facts_of(company))
    if rng.random() < 0.05:
        key = rng.choice(sorted(facts))
        facts[key] = facts[key] * rng.choice((2, 3)) + 1
    lines = [f"{company}: news item {i}", ""]
    templates = AR if rng.random() < 0.5 else EN
    for template in rng.sample(templates, k=rng.randint(3, 5)):
        lines.append(template.format(c=company, **facts))
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sources", type=int, default=2000)
    parser.add_argument("--model", default=None)
    parser.add_argument("--keep", type=Path, help="write the corpus and database here instead of a temporary folder")
    args = parser.parse_args()

    work = args.keep or Path(tempfile.mkdtemp(prefix="factcheck-bench-"))
    folder = work / "sources"
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    rng = random.Random(7)
    for i in range(args.sources):
        (folder / f"{i:05d}.txt").write_text(article(rng, i), encoding="utf-8")
    db = work / "claims.db"
    for stale in (db, work / "claims.db-wal", work / "claims.db-shm"):
        stale.unlink(missing_ok=True)
    shutil.rmtree(work / "claims.db.faiss", ignore_errors=True)

    fc = Factcheck(db_path=db, model=args.model)
    start = time.perf_counter()
    ingest = fc.ingest([folder])
    ingest_s = time.perf_counter() - start
    start = time.perf_counter()
    rec = fc.reconcile()
    reconcile_s = time.perf_counter() - start
    fc.report()
    full_s = ingest_s + reconcile_s
    print(f"model: {fc.embedder.model_id}")
    print(
        f"full run: {args.sources} sources, {ingest.claims} claims, {ingest.embedded} texts embedded; "
        f"ingest {ingest_s:.1f} s + reconcile {reconcile_s:.1f} s = {full_s:.1f} s "
        f"({rec.candidate_pairs} candidate pairs, {rec.clusters} clusters, {rec.discrepancies} discrepancies)"
    )

    company = COMPANIES[0]
    (folder / "99999_new.txt").write_text(
        f"{company} letter\n\nOnly 120 employees of {company} signed a letter to the board on 20 November.\n"
        f"{company} invested $900 million in its cloud unit in 2019.\n",
        encoding="utf-8",
    )
    checker = Factcheck(db_path=db, model=args.model)  # a new process would start like this
    start = time.perf_counter()
    result = checker.check(folder, fail_on="low")
    check_s = time.perf_counter() - start
    touching = [d for d in result.new if any(c["source_id"] == "99999_new" for c in d["claims"])]
    print(
        f"check one new source: {check_s:.1f} s ({result.ingest.embedded} texts embedded, "
        f"{len(result.ingest.unchanged)} sources unchanged; {len(touching)} discrepancies involve the new source)"
    )
    print(f"ratio: checking one new source takes {check_s / full_s:.1%} of a full run")
    print(f"peak memory: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
