"""Which source files changed since a git revision: committed, staged, unstaged and untracked."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from factcheck.errors import ConfigError


@dataclass
class Changes:
    repo_root: Path
    changed: set[Path] = field(default_factory=set)  # added or modified (absolute paths)
    deleted: set[Path] = field(default_factory=set)


def _git(args: list[str], cwd: Path) -> str:
    try:
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=False)
    except FileNotFoundError as exc:
        raise ConfigError("--since needs git, which is not installed") from exc
    if done.returncode != 0:
        message = (done.stderr.strip().splitlines() or ["git failed"])[-1]
        raise ConfigError(f"git {' '.join(args[:2])}: {message}")
    return done.stdout


def repo_root(folder: Path) -> Path | None:
    """The root of the git work tree holding ``folder``, or None outside one."""
    try:
        done = subprocess.run(
            ["git", "rev-parse", "--show-toplevel"], cwd=folder, capture_output=True, text=True, check=False
        )
    except FileNotFoundError:
        return None
    return Path(done.stdout.strip()) if done.returncode == 0 else None


def changed_since(folder: Path, ref: str) -> Changes:
    """Files under ``folder`` that differ from ``ref``, including uncommitted and untracked ones.

    ``git diff REF`` compares the revision with the working tree, so it sees commits,
    staged and unstaged edits; untracked files come from ``git ls-files --others``.
    """
    if not ref.strip() or ref.startswith("-") or len(ref) > 1000 or any(ord(ch) < 32 for ch in ref):
        # git would read "-..." as an option ("--output=FILE" writes a file): never pass one on
        raise ConfigError(f"--since: {ref[:60]!r} is not a git revision")
    folder = Path(folder).resolve()
    root = repo_root(folder)
    if root is None:
        raise ConfigError(f"--since needs a git repository, and {folder} is not in one")
    try:
        _git(["rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], root)
    except ConfigError:
        raise ConfigError(f"--since: {ref!r} is not a revision of the repository at {root}") from None
    changes = Changes(root)
    out = _git(["diff", "--name-status", "-z", "--no-renames", ref, "--", str(folder)], root)
    fields = out.split("\0")
    for status, name in zip(fields[0::2], fields[1::2]):
        path = (root / name).resolve()
        (changes.deleted if status.startswith("D") else changes.changed).add(path)
    for name in _git(["ls-files", "--others", "--exclude-standard", "-z", "--", str(folder)], root).split("\0"):
        if name:
            changes.changed.add((root / name).resolve())
    return changes
