"""A source's stat signature: what tells ingest a file is unchanged without reading it.

Like git's index, ingest records each source's size and modification time in nanoseconds
(and its sidecar's) and, while both are the same on the next run, takes the file as
unchanged without hashing it. A differing signature sends the file to be hashed: a file
only touched keeps its hash and stays unchanged (its new signature is recorded); an edit
is read again. A signature is recorded only when the file is older than ``RACY_NS`` at the
start of the run: a file written in the same instant as it was read could change again
without its modification time moving (git's "racy" files), so such a file is hashed next
time too. ``--rehash`` hashes every file whatever its signature says.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from factcheck.sources.files import DEFAULT_MAX_BYTES, SIDECAR_SUFFIX, checked_target
from factcheck.sources.metadata import MAX_SIDECAR_BYTES

#: A file modified less than this before the run started is hashed again next run.
RACY_NS = 2_000_000_000
#: The sidecar half of a signature when the source has no sidecar.
NO_SIDECAR = (-1, -1)

Signature = tuple[int, int, int, int]  # size, mtime_ns, sidecar size, sidecar mtime_ns


def signature(path: Path) -> Signature:
    """``path``'s size and modification time and its sidecar's (``NO_SIDECAR`` without one),
    from ``stat`` alone; the same checks as reading it (:func:`checked_target`), so a file
    that cannot be read fails here with the same line."""
    _, st = checked_target(path)
    sidecar = path.with_name(path.stem + SIDECAR_SUFFIX)
    side = NO_SIDECAR
    if os.path.lexists(sidecar):
        _, sst = checked_target(sidecar, MAX_SIDECAR_BYTES)
        side = (sst.st_size, sst.st_mtime_ns)
    return (st.st_size, st.st_mtime_ns, *side)


def listed_signature(entry: os.DirEntry, sidecar: os.DirEntry | None) -> Signature | None:
    """The signature of a file seen in a folder listing, with its sidecar's entry (None when
    the listing holds none), from their ``lstat``; None unless both are plain files (no
    link) within their size limits, where :func:`signature` must check them itself."""
    try:
        st = entry.stat(follow_symlinks=False)
        side = sidecar.stat(follow_symlinks=False) if sidecar is not None else None
    except OSError:
        return None
    if not stat.S_ISREG(st.st_mode) or st.st_size > DEFAULT_MAX_BYTES:
        return None
    if side is None:
        return (st.st_size, st.st_mtime_ns, *NO_SIDECAR)
    if not stat.S_ISREG(side.st_mode) or side.st_size > MAX_SIDECAR_BYTES:
        return None
    return (st.st_size, st.st_mtime_ns, side.st_size, side.st_mtime_ns)


def recordable(sig: Signature, started_ns: int) -> Signature | None:
    """The signature to store, or None when a file is too recent to be trusted by it.

    >>> recordable((10, 1_000, -1, -1), started_ns=10_000_000_000)
    (10, 1000, -1, -1)
    >>> recordable((10, 9_000_000_000, -1, -1), started_ns=10_000_000_000) is None
    True
    """
    if max(sig[1], sig[3]) > started_ns - RACY_NS:
        return None
    return sig
