"""Progress bars go to stderr on a terminal only: never to stdout, never into a pipe or a
CI log unless asked, never with --quiet."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# a count with its rate ("1,200/2,001 at 310/s"), and the terminal controls that redraw bars
BAR = re.compile(r"[\d,]+(?:/[\d,]+)? at [\d,]+/s|\x1b\[2K|\x1b\[\?25l")


def _run(tmp_path, seed_dir, *options, ci=False):
    env = {k: v for k, v in os.environ.items() if not k.startswith("FACTCHECK_") and k != "CI"}
    env.update(HF_HUB_OFFLINE="1", PYTHONPATH=str(ROOT), **({"CI": "1"} if ci else {}))
    command = [sys.executable, "-m", "factcheck", "--db", str(tmp_path / "c.db"), "--model", "hashing", *options, "run", str(seed_dir), "-o", str(tmp_path / "out")]
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=300)


@pytest.mark.parametrize("options, ci", [((), False), ((), True), (("--progress", "--quiet"), False), (("--progress",), True)])
def test_piped_output_has_no_progress(tmp_path, seed_dir, options, ci):
    done = _run(tmp_path, seed_dir, *options, ci=ci)
    assert done.returncode == 0, done.stderr
    assert "discrepancies" in done.stdout
    assert not BAR.search(done.stdout) and not BAR.search(done.stderr)


def test_forced_progress_never_reaches_stdout(tmp_path, seed_dir):
    done = _run(tmp_path, seed_dir, "--progress")
    assert done.returncode == 0, done.stderr
    assert not BAR.search(done.stdout)


def test_the_bars_show_counts_and_rates():
    import factcheck.cli as cli

    bars = cli.progress_bars()
    task = bars.add_task("extract", total=2001)
    bars.update(task, completed=1200)
    unknown = bars.add_task("align", total=None)
    bars.update(unknown, completed=400)
    known, open_ended = (str(cli.CountColumn().render(t)) for t in bars.tasks)
    assert known.startswith("1,200/2,001") and open_ended.startswith("400") and "/" not in open_ended.split(" at ")[0]
