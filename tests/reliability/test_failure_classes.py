"""Every way the tool can fail ends the same way, through `check` and `run` alike: one
line on stderr starting with "error:", exit 2 (never 1, which CI reads as "new
discrepancies"), no traceback, and nothing stored is lost."""

import json
import os
import signal
import subprocess
import time

import pytest
from cli_processes import factcheck_cmd, factcheck_env, run_factcheck

HASHING = ("--model", "hashing", "--no-progress")


def _commands(sources, tmp_path):
    return {
        "run": ("run", sources, "-o", tmp_path / "reports"),
        "check": ("check", sources),
    }


def _assert_one_line_exit_2(result, *words):
    assert result.returncode == 2, (result.returncode, result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    for word in words:
        assert word in lines[0], lines[0]


@pytest.fixture
def stored(tmp_path, seed_dir):
    """A database that already holds the seeds, and its report."""
    db = tmp_path / "claims.db"
    first = run_factcheck("--db", db, *HASHING, "run", seed_dir, "-o", tmp_path / "before", cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    return db, seed_dir, (tmp_path / "before" / "report.json").read_bytes()


def _unchanged(db, tmp_path, seed_dir, expected):
    again = run_factcheck("--db", db, *HASHING, "run", seed_dir, "-o", tmp_path / "after", cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    assert (tmp_path / "after" / "report.json").read_bytes() == expected


def _config_file(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("command", ["run", "check"])
def test_database_that_is_damaged_after_an_unclean_stop(tmp_path, stored, command):
    db, seed_dir, _ = stored
    (tmp_path / "claims.db.lock").write_text('{"pid": 1, "command": "factcheck run"}')  # its writer died
    size = db.stat().st_size
    with open(db, "r+b") as handle:  # overwrite pages past the header, as a bad disk would
        handle.seek(size // 2)
        handle.write(os.urandom(8192))
    result = run_factcheck("--db", db, *HASHING, *_commands(seed_dir, tmp_path)[command], cwd=tmp_path)
    _assert_one_line_exit_2(result, "damaged")


@pytest.mark.parametrize("command", ["run", "check"])
def test_garbage_in_place_of_the_database(tmp_path, seed_dir, command):
    db = tmp_path / "claims.db"
    db.write_bytes(os.urandom(64 * 1024))
    result = run_factcheck("--db", db, *HASHING, *_commands(seed_dir, tmp_path)[command], cwd=tmp_path)
    _assert_one_line_exit_2(result, "claims.db")


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root writes read-only files")
@pytest.mark.parametrize("command", ["run", "check"])
def test_read_only_database(tmp_path, stored, command):
    db, seed_dir, expected = stored
    (seed_dir / "new.txt").write_text("New\n\nThe board has 12 members, the company said.\n", encoding="utf-8")
    for path in (db, tmp_path):
        path.chmod(0o555)
    try:
        result = run_factcheck("--db", db, *HASHING, *_commands(seed_dir, tmp_path)[command], cwd=tmp_path)
    finally:
        tmp_path.chmod(0o755)
        db.chmod(0o644)
    _assert_one_line_exit_2(result)


@pytest.mark.parametrize("command", ["run", "check"])
def test_database_in_a_missing_folder(tmp_path, seed_dir, command):
    result = run_factcheck("--db", tmp_path / "nowhere" / "claims.db", *HASHING, *_commands(seed_dir, tmp_path)[command], cwd=tmp_path)
    _assert_one_line_exit_2(result, "does not exist")


def test_database_from_a_newer_factcheck(tmp_path, stored):
    db, seed_dir, _ = stored
    import sqlite3

    with sqlite3.connect(db) as conn:
        conn.execute("insert into _factcheck_migrations (name, step) values ('m999_future', 999)")
    result = run_factcheck("--db", db, *HASHING, "check", seed_dir, cwd=tmp_path)
    _assert_one_line_exit_2(result, "newer factcheck")


@pytest.mark.parametrize("delay", [1.0, 3.0])
def test_killed_run_is_completed_by_the_next(tmp_path, seed_dir, delay):
    clean = run_factcheck("--db", tmp_path / "clean.db", *HASHING, "run", seed_dir, "-o", tmp_path / "clean", cwd=tmp_path)
    assert clean.returncode == 0
    db = tmp_path / "claims.db"
    victim = subprocess.Popen(
        factcheck_cmd("--db", db, *HASHING, "run", seed_dir, "-o", tmp_path / "out"),
        cwd=tmp_path, env=factcheck_env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    time.sleep(delay)
    victim.send_signal(signal.SIGKILL)
    victim.wait()
    again = run_factcheck("--db", db, *HASHING, "run", seed_dir, "-o", tmp_path / "out", cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    assert (tmp_path / "out" / "report.json").read_bytes() == (tmp_path / "clean" / "report.json").read_bytes()
    assert json.loads((tmp_path / "out" / "report.json").read_text())["discrepancies"]
