"""What changed in a sources folder since the git commit its last ingest recorded.

A repository's CI checks a corpus of tens of thousands of files of which one or two are
new. Listing the folder and reading every stored source's state is a pass over the whole
corpus in Python on every check; git already knows which files differ from a commit, and
asks the file system in C. So after an ingest of one folder of a git work tree, factcheck
records a :class:`FolderState`: the commit HEAD named, the folder, the extractor that read
it, the database's corpus version (a count every change to the stored sources raises,
``m027``), and the few source paths whose stored copy is not the commit's ("extras": a
file git does not track, one modified and not committed, one that could not be read, one
stored before git's ids were). The state says: every source file of the commit's folder
but the extras is stored exactly as the commit holds it (the same blob ids, sidecar
included), and nothing else is stored.

The next ingest of the same folder, while the corpus version and the extractor are as
recorded, examines only what git lists as differing from that commit in the work tree
(``git diff-index``: commits since, staged and unstaged edits, deletions), the files git
does not track (``git ls-files --others``, ignored ones included, as a folder listing
would find them) and the extras; every other stored source is unchanged, with no
``stat`` of ours and nothing of its row read but its id. The state is then recorded
again against the commit HEAD names now: the extras are the paths examined, the old
extras and what changed between the two commits (``git diff-tree``) whose stored copy
differs from the new commit's (its blob ids from ``git ls-tree``). A listing that stores
no change keeps a state recorded against the same commit.

Whatever git cannot answer plainly takes the ordinary path, which lists the folder (and
records a state afresh): no repository or no commit, git missing or failing, a symbolic
link or a submodule among the changes or in the folder, a folder git lists whole (a
nested repository), a sidecar named in another case than its source, ``--rehash``, more
extras (or files to examine) than :data:`MAX_EXTRAS`, several paths given, an ingest
that keeps sources it does not find (no pruning).
"""

from __future__ import annotations

import json
import os
import subprocess
from dataclasses import dataclass

from factcheck.sources.files import SIDECAR_SUFFIX, SOURCE_FORMATS, is_source_name
from factcheck.sources.tracked import GIT_TIMEOUT_S

#: a state with more extras than this is not recorded: examining them all is the ordinary path's work
MAX_EXTRAS = 2000
# read only (git never rewrites the index here), and every path a path, never a pattern
_ENV = {"GIT_OPTIONAL_LOCKS": "0", "LC_ALL": "C", "GIT_LITERAL_PATHSPECS": "1"}
_PLAIN = ("100644", "100755", "000000")  # a regular file, or none (added or deleted)
_NOT_PLAIN = "-"  # what a link or a submodule of the commit maps to: no stored id equals it


@dataclass(frozen=True)
class FolderState:
    """What the last ingest of a folder left stored, against a git commit (see the module)."""

    where: str  # the folder's real absolute path
    commit: str
    reader: str  # the extractor that read it (factcheck.workspace.extractor_id)
    version: int  # the database's corpus version once that ingest was stored
    extras: tuple[str, ...]  # folder-relative POSIX paths of source files stored otherwise than the commit holds them

    def dumps(self) -> str:
        return json.dumps(
            {"where": self.where, "commit": self.commit, "reader": self.reader, "version": self.version, "extras": list(self.extras)},
            ensure_ascii=False, sort_keys=True,
        )  # fmt: skip

    @classmethod
    def loads(cls, text: str | None) -> FolderState | None:
        """The state recorded as ``text``; None for none or anything malformed."""
        try:
            raw = json.loads(text) if text else None
            state = cls(str(raw["where"]), str(raw["commit"]), str(raw["reader"]), int(raw["version"]), tuple(map(str, raw["extras"])))
        except (ValueError, TypeError, KeyError):
            return None
        return state if len(state.commit) == 40 else None


def where(folder: str) -> str:
    """The folder's real absolute path, as a :class:`FolderState` names it."""
    return os.path.realpath(folder or os.curdir)


def _start(args: list[str], cwd: str) -> subprocess.Popen | None:
    try:
        proc = subprocess.Popen(
            ["git", *args], cwd=cwd or os.curdir, env={**os.environ, **_ENV},
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL,
        )  # fmt: skip
    except OSError:
        return None  # no git, or too many paths for one command
    return proc


def _finish(proc: subprocess.Popen | None) -> str | None:
    """The process's output, or None when it failed or took too long."""
    if proc is None:
        return None
    try:
        out = proc.communicate(timeout=GIT_TIMEOUT_S)[0]
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        return None
    return os.fsdecode(out) if proc.returncode == 0 else None


def _git(args: list[str], cwd: str) -> str | None:
    return _finish(_start(args, cwd))


def head_commit(folder: str) -> str | None:
    """The commit HEAD names in the work tree holding ``folder``; None outside one, before
    the first commit, or when git cannot say."""
    out = _git(["rev-parse", "--verify", "--quiet", "HEAD^{commit}"], folder)
    commit = out.strip() if out else ""
    return commit if len(commit) == 40 else None


def _hidden(path: str) -> bool:
    return any(part.startswith(".") for part in path.split("/"))


def source_paths(changed: list[str]) -> list[str] | None:
    """The folder-relative paths of the source files that changed paths stand for: a source
    file itself, or the sources a sidecar ``STEM.meta.toml`` may belong to (one per source
    extension: the caller keeps those that exist or are stored); paths under a hidden name
    and other files (the alias file, a baseline) are not sources, as a folder listing skips
    them. None when a sidecar's suffix is written in another case (its source is found
    by the file system's rules on case, which only a listing applies)."""
    out: set[str] = set()
    for path in changed:
        if not path or _hidden(path):
            continue
        head, _, name = path.rpartition("/")
        if name.lower().endswith(SIDECAR_SUFFIX):
            if not name.endswith(SIDECAR_SUFFIX):
                return None
            stem = name[: -len(SIDECAR_SUFFIX)]
            out.update(f"{head}/{stem}{ext}" if head else f"{stem}{ext}" for ext in SOURCE_FORMATS)
        elif is_source_name(name):
            out.add(path)
    return sorted(out)


def sidecar_of(path: str) -> str:
    """The folder-relative path of a source file's sidecar."""
    head, _, name = path.rpartition("/")
    dot = name.rfind(".")
    side = name[:dot] + SIDECAR_SUFFIX
    return f"{head}/{side}" if head else side


class ChangeQuery:
    """Git asked, in parallel, what differs in ``folder``'s work tree from ``commit``, what
    it does not track, and which commit HEAD names (:meth:`result`)."""

    def __init__(self, folder: str, commit: str):
        self._asked = [
            Later(["diff-index", "--raw", "-z", "--no-renames", "--relative", "--ignore-submodules=none", commit, "--", "."], folder, str),
            Later(["ls-files", "--others", "-z", "--", "."], folder, str),
            Later(["rev-parse", "--verify", "--quiet", "HEAD^{commit}"], folder, str.strip),
        ]

    def close(self) -> None:
        """Stop git, its answer no longer wanted."""
        for later in self._asked:
            later.close()

    def result(self) -> tuple[str, list[str]] | None:
        """(the commit HEAD names, the sorted folder-relative paths that differ or are not
        tracked), or None when git cannot answer plainly (see the module)."""
        diff, others, head = (later.result() for later in self._asked)
        if diff is None or others is None or head is None or len(head) != 40:
            return None
        changed: list[str] = []
        fields = diff.split("\0")
        for meta, path in zip(fields[0::2], fields[1::2]):
            parts = meta.lstrip(":").split(" ")
            if len(parts) < 5 or parts[0] not in _PLAIN or parts[1] not in _PLAIN:
                if not _hidden(path):
                    return None  # a link or a submodule, changed: the listing decides
                continue
            changed.append(path)
        for path in others.split("\0"):
            if path.endswith("/") and not _hidden(path):
                return None  # a folder listed whole (a nested repository)
            if path:
                changed.append(path)
        return head, sorted(set(changed))


class Later:
    """A git command started now, its output parsed when asked for (:meth:`result`): git
    works while the caller does."""

    def __init__(self, args: list[str], folder: str, parse):
        self._proc, self._parse = _start(args, folder), parse

    def result(self):
        """The parsed output; None when git failed or could not be started."""
        out, self._proc = _finish(self._proc), None
        return None if out is None else self._parse(out)

    def close(self) -> None:
        """Stop git, its answer no longer wanted."""
        if self._proc is not None:
            self._proc.kill()
            self._proc.communicate()
            self._proc = None


def _tree_entries(out: str) -> dict[str, str]:
    found = {}
    for entry in out.split("\0"):
        meta, tab, path = entry.partition("\t")
        if not tab:
            continue
        mode, _, rest = meta.partition(" ")
        kind, _, blob = rest.partition(" ")
        found[path] = blob if kind == "blob" and mode in ("100644", "100755") else _NOT_PLAIN
    return found


def blobs_later(folder: str, commit: str, paths: list[str] | None = None) -> Later:
    """``{folder-relative path: blob id}`` of the regular files ``commit`` holds under
    ``folder`` (all of them, ``paths`` None, or those among ``paths``), a link or a
    submodule mapped to a mark no stored id equals; asked now, answered by :meth:`Later.result`."""
    return Later(["ls-tree", "-r", "-z", commit, "--", *(paths if paths is not None else ["."])], folder, _tree_entries)


def commit_blobs(folder: str, commit: str, paths: list[str] | None = None) -> dict[str, str] | None:
    """:func:`blobs_later`, waited for; None when git cannot say."""
    if paths is not None and not paths:
        return {}
    return blobs_later(folder, commit, paths).result()


def between_later(folder: str, old: str, new: str) -> Later:
    """The sorted folder-relative paths that differ between two commits, asked now."""
    return Later(["diff-tree", "-r", "-z", "--no-renames", "--name-only", "--relative", old, new, "--", "."], folder, lambda out: sorted(p for p in out.split("\0") if p))


def extras(stored: dict[str, tuple[str | None, str | None]], held: dict[str, str], paths: list[str]) -> list[str] | None:
    """The ``paths`` (source files) whose stored copy differs from the commit's: ``stored``
    maps a stored source's folder-relative path to git's ids of its file and sidecar ("" for
    none; None where not recorded), ``held`` the commit's blob ids (:func:`commit_blobs`,
    sidecars included). Sorted; None past :data:`MAX_EXTRAS`."""
    out = []
    for path in paths:
        mine = stored.get(path)
        blob = held.get(path)
        theirs = None if blob is None else (blob, held.get(sidecar_of(path), ""))
        if mine != theirs:
            out.append(path)
            if len(out) > MAX_EXTRAS:
                return None
    return sorted(out)
