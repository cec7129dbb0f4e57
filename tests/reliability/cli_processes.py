"""Running factcheck as users do: a separate process, the working tree's code, offline."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORPORA = ROOT / "tests" / "fixtures" / "corpora"


def factcheck_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("FACTCHECK_", "GITHUB_"))}
    env.update(HF_HUB_OFFLINE="1", PYTHONPATH=str(ROOT), CI="1", PYTHONHASHSEED="0", **extra)
    return env


def factcheck_cmd(*args) -> list[str]:
    return [sys.executable, "-m", "factcheck", *map(str, args)]


def run_factcheck(*args, cwd=None, timeout=300, **env) -> subprocess.CompletedProcess:
    return subprocess.run(factcheck_cmd(*args), capture_output=True, text=True, cwd=cwd, env=factcheck_env(**env), timeout=timeout)
