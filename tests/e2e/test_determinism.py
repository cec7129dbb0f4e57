"""Same input, same bytes: the whole pipeline on the seeds, in fresh processes, under several
``PYTHONHASHSEED`` values and from two working directories.

Each run is ``factcheck run sources --output DIR`` in a subprocess of its own with a fresh
database, because set iteration order (and so every tie left to it) is fixed per process by
the hash seed: one process cannot show the difference. The reports (JSON, Markdown, HTML)
and what ``run`` prints must be byte-identical.

The fast tests use the deterministic ``hashing`` embedder, the slow ones the real default
model (fewer runs: each loads the model).
"""

from __future__ import annotations

import difflib
import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
REPORTS = ("report.json", "report.md", "report.html")
HASH_SEEDS = ("0", "1", "12345", "random")  # and 2, from another working directory


@dataclass(frozen=True)
class Run:
    label: str
    output: str  # what the command printed, with its own output folder replaced by OUT
    reports: dict[str, bytes]


def run_pipeline(tmp: Path, label: str, hash_seed: str, model: str, from_root: bool) -> Run:
    """``factcheck run`` on the seeds in a new process.

    From the repository root, the sources are given as ``sources`` (what ``make demo``
    does); from any other folder, as an absolute path.
    """
    home = tmp / label
    home.mkdir()
    out = home / "reports"
    if from_root:
        cwd, sources = ROOT, "sources"
    else:
        cwd, sources = home, str(ROOT / "sources")
    env = {
        **os.environ,
        "PYTHONHASHSEED": hash_seed,
        "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""),
        "HF_HUB_OFFLINE": "1",
        "COLUMNS": "100",
    }
    env.pop("FACTCHECK_DB", None)
    env.pop("FACTCHECK_MODEL", None)
    command = [
        sys.executable, "-c", "from factcheck.cli import main; main()",
        "--db", str(home / "claims.db"), "--model", model, "--no-progress",
        "run", sources, "--output", str(out),
    ]  # fmt: skip
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, f"{label}: exit {done.returncode}\n{done.stdout}\n{done.stderr}"
    printed = (done.stdout + done.stderr).replace(str(out), "OUT")
    return Run(label, printed, {name: (out / name).read_bytes() for name in REPORTS})


def run_all(tmp: Path, model: str, runs: list[tuple[str, str, bool]]) -> dict[str, Run]:
    """Several runs, two at a time (one per core of a small CI runner)."""
    with ThreadPoolExecutor(max_workers=2) as pool:
        futures = {label: pool.submit(run_pipeline, tmp, label, seed, model, from_root) for label, seed, from_root in runs}
        return {label: future.result() for label, future in futures.items()}


def differences(a: Run, b: Run) -> list[str]:
    """What differs between two runs, as the first lines of a diff per file."""
    found = []
    files = [("printed output", a.output.encode(), b.output.encode())]
    files += [(name, a.reports[name], b.reports[name]) for name in REPORTS]
    for name, x, y in files:
        if x != y:
            diff = difflib.unified_diff(
                x.decode().splitlines(), y.decode().splitlines(), f"{a.label}/{name}", f"{b.label}/{name}", lineterm="", n=0
            )
            found.append("\n".join(list(diff)[:12]))
    return found


def assert_same(runs: list[Run]) -> None:
    first, *others = runs
    problems = [d for other in others for d in differences(first, other)]
    assert not problems, "\n\n".join(problems)


# -- the fast version: the hashing embedder ---------------------------------------------
@pytest.fixture(scope="module")
def hashing_runs(tmp_path_factory) -> dict[str, Run]:
    tmp = tmp_path_factory.mktemp("determinism")
    runs = [(f"seed-{seed}", seed, True) for seed in HASH_SEEDS]
    runs.append(("elsewhere-seed-2", "2", False))
    return run_all(tmp, "hashing", runs)


def test_same_bytes_under_every_hash_seed(hashing_runs):
    assert_same([hashing_runs[f"seed-{seed}"] for seed in HASH_SEEDS])


def test_reports_are_not_trivially_equal(hashing_runs):
    """The comparison means something only if the runs found what there is to order."""
    report = json.loads(hashing_runs["seed-0"].reports["report.json"])
    assert len(report["sources"]) == 5
    assert len(report["clusters"]) >= 3 and len(report["discrepancies"]) >= 3
    assert sum(1 for c in report["clusters"] if " · " in c["slot"]) >= 3  # labels name who or what


def test_same_bytes_from_another_working_directory(hashing_runs):
    assert_same([hashing_runs["seed-0"], hashing_runs["elsewhere-seed-2"]])


# -- the slow version: the real default model --------------------------------------------
@pytest.fixture(scope="module")
def model_runs(tmp_path_factory) -> dict[str, Run]:
    tmp = tmp_path_factory.mktemp("determinism-model")
    runs = [("seed-0", "0", True), ("seed-1", "1", True), ("elsewhere-seed-2", "2", False)]
    return run_all(tmp, "e5+usem3", runs)


@pytest.mark.slow
def test_default_model_same_bytes_under_two_hash_seeds(model_runs):
    assert_same([model_runs["seed-0"], model_runs["seed-1"]])


@pytest.mark.slow
def test_default_model_same_bytes_from_another_working_directory(model_runs):
    assert_same([model_runs["seed-0"], model_runs["elsewhere-seed-2"]])
