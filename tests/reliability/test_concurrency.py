"""Two factcheck processes on one database give the result of one clean run."""

import json
import re
import subprocess
import time

from cli_processes import factcheck_cmd, factcheck_env, run_factcheck

from factcheck.store.lock import WriterLock

HASHING = ("--model", "hashing", "--no-progress")


def _start(*args, cwd):
    return subprocess.Popen(factcheck_cmd(*args), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=cwd, env=factcheck_env())


def _added(stdout: str) -> tuple[int, int]:
    found = re.search(r"(\d+) added, \d+ updated, (\d+) unchanged", stdout)
    assert found, stdout
    return int(found[1]), int(found[2])


def test_two_runs_at_once_equal_one_clean_run(tmp_path, many_sources):
    n = len(list(many_sources.glob("*.txt")))
    db = tmp_path / "shared.db"
    first = _start("--db", db, *HASHING, "run", many_sources, "-o", tmp_path / "r1", cwd=tmp_path)
    second = _start("--db", db, *HASHING, "run", many_sources, "-o", tmp_path / "r2", cwd=tmp_path)
    outputs = [p.communicate(timeout=600) for p in (first, second)]
    assert [first.returncode, second.returncode] == [0, 0], outputs
    # one of them read the sources, the other found them all stored
    assert sorted(_added(out) for out, _ in outputs) == [(0, n), (n, 0)]

    clean = run_factcheck("--db", tmp_path / "clean.db", *HASHING, "run", many_sources, "-o", tmp_path / "clean", cwd=tmp_path)
    assert clean.returncode == 0, clean.stderr
    expected = (tmp_path / "clean" / "report.json").read_bytes()
    assert (tmp_path / "r1" / "report.json").read_bytes() == expected
    assert (tmp_path / "r2" / "report.json").read_bytes() == expected
    assert json.loads(expected)["discrepancies"], "the corpus should have discrepancies to lose"


def test_two_checks_at_once_agree(tmp_path, many_sources):
    db = tmp_path / "shared.db"
    procs = [_start("--db", db, *HASHING, "check", many_sources, "--format", "json", cwd=tmp_path) for _ in range(2)]
    outputs = [p.communicate(timeout=600) for p in procs]
    codes = [p.returncode for p in procs]
    assert codes[0] == codes[1] and codes[0] in (0, 1), outputs
    assert "locked" not in "".join(err for _, err in outputs)
    found = [[d["id"] for d in json.loads(out)["new"]] for out, _ in outputs]
    assert found[0] == found[1]


def test_a_second_writer_names_the_holder_then_gives_up(tmp_path, many_sources):
    db = tmp_path / "claims.db"
    assert run_factcheck("--db", db, *HASHING, "ingest", many_sources, cwd=tmp_path).returncode == 0
    with WriterLock(tmp_path / "claims.db.lock", command="factcheck run"):
        began = time.monotonic()
        blocked = run_factcheck("--db", db, *HASHING, "--lock-timeout", "1", "reconcile", cwd=tmp_path)
        waited = time.monotonic() - began
        # readers keep working while a writer holds the database
        reader = run_factcheck("--db", db, *HASHING, "--lock-timeout", "1", "sources", "--format", "json", cwd=tmp_path)
    assert blocked.returncode == 2 and waited >= 1
    lines = blocked.stderr.strip().splitlines()
    assert len(lines) == 2, blocked.stderr  # said once who holds it, then one error line
    assert lines[0].startswith("waiting for factcheck run (pid ")
    assert lines[1].startswith("error: ") and "gave up after 1 s" in lines[1]
    assert "Traceback" not in blocked.stderr
    assert reader.returncode == 0 and len(json.loads(reader.stdout)) == len(list(many_sources.glob("*.txt")))
