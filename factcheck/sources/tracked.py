"""What git already knows of a sources folder: which files it holds unchanged, and their ids.

A repository's sources are mostly files git tracks and finds unchanged in the work tree.
Git names each file's content by its blob id (:func:`git_blob`); ingest records the blob
id of every file and sidecar it reads or hashes, and a later run finds a tracked file
unchanged when git's index holds the same blob id for it and ``git diff-files`` does not
list it: no ``stat`` of ours, no hashing. That is what a fresh clone needs most: every
file there has a new modification time, so without git each one is hashed again.

Git answers only for what it can vouch for: regular files (mode 100644 or 100755) at stage
0, neither marked "assume unchanged" nor "skip worktree" (whose work-tree copies git does
not look at). Anything else (a file outside a repository, untracked, modified, a link, a
repository git cannot read, no git installed, a repository of SHA-256 ids) takes the
ordinary path: its stat signature, then its hash (:mod:`factcheck.sources.signature`).

A file under a git filter (Git LFS, end-of-line conversion) has a blob id of its cleaned
content, which is not the blob id of its bytes as read: such a file never matches, and
takes the ordinary path too. ``--rehash`` bypasses git as it bypasses signatures.
"""

from __future__ import annotations

import hashlib
import os
import re
import subprocess

#: how long git may take to list a folder before the ordinary path is taken instead
GIT_TIMEOUT_S = 120
_ENTRY = re.compile(r"H (?:100644|100755) ([0-9a-f]{40}) 0\t([^\0]*)\0")
_ENV = {"GIT_OPTIONAL_LOCKS": "0", "LC_ALL": "C"}  # read only: git never rewrites the index here


def blob_header(size: int) -> bytes:
    """What git hashes before a blob's bytes: ``blob <size>`` and a NUL."""
    return b"blob %d\0" % size


def listing_prefix(folder: str) -> str:
    """What a folder listing writes before the names in ``folder``, as pathlib names paths:
    "" for the current folder ("x.txt", not "./x.txt"), else the folder and one separator."""
    return "" if folder in ("", os.curdir) else folder if folder.endswith(os.sep) else folder + os.sep


def git_blob(raw: bytes) -> str:
    """Git's blob id of these bytes (SHA-1 of :func:`blob_header` and the bytes).

    >>> git_blob(b"hello\\n")
    'ce013625030ba8dba906f756967f9e9ca394464a'
    """
    return hashlib.sha1(blob_header(len(raw)) + raw, usedforsecurity=False).hexdigest()


class TrackedQuery:
    """:func:`tracked_unchanged` asked now and answered later: git works (two processes, one
    listing the index, one comparing it with the work tree) while the caller lists the
    folder itself."""

    def __init__(self, folder: str):
        self.folder = folder
        env = {**os.environ, **_ENV}
        cwd = folder or os.curdir
        self._procs: list[subprocess.Popen] = []
        try:
            for args in (
                ["git", "ls-files", "--stage", "-v", "-z", "--", "."],
                ["git", "diff-files", "--name-only", "-z", "--relative", "--ignore-submodules", "--", "."],
            ):
                self._procs.append(subprocess.Popen(args, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL))
        except OSError:
            self.close()  # no git: nothing vouched for

    def close(self) -> None:
        """Stop git, its answer no longer wanted."""
        for proc in self._procs:
            proc.kill()
            proc.communicate()
        self._procs = []

    def result(self) -> dict[str, str]:
        """``{path: blob id}`` of the files git tracks and finds unchanged (see
        :func:`tracked_unchanged`); empty when git cannot say."""
        if len(self._procs) != 2:
            return {}
        try:
            outputs = [proc.communicate(timeout=GIT_TIMEOUT_S)[0] for proc in self._procs]
        except subprocess.TimeoutExpired:
            self.close()
            return {}
        if any(proc.returncode != 0 for proc in self._procs):
            return {}
        listed, changed = outputs
        prefix = listing_prefix(self.folder)
        modified = set(os.fsdecode(changed).split("\0"))
        entries = _ENTRY.findall(os.fsdecode(listed))
        if os.sep == "/":
            return {prefix + name: blob for blob, name in entries if name not in modified}
        return {prefix + name.replace("/", os.sep): blob for blob, name in entries if name not in modified}  # git writes "/"


def tracked_unchanged(folder: str) -> dict[str, str]:
    """The files under ``folder`` that git tracks and finds unchanged in the work tree, as
    ``{path: blob id}`` with each path written as a folder listing writes it (``folder``,
    the separator, the path inside it; "" for the current folder); empty when git cannot
    say (no repository, no git, an error, a timeout)."""
    return TrackedQuery(folder).result()
