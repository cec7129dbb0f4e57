"""Which files may be read as sources, and reading them with bounded memory.

A sources folder often arrives through a pull request, so its files are untrusted. A file
is read only when ``stat`` has said it is a regular file no larger than the limit:

* a symbolic link is followed only when its target resolves inside the link's own folder
  (``sources/b.txt -> a.txt`` or ``-> sub/a.txt``); one that leads anywhere else
  (``sources/passwd.txt -> /etc/passwd``, ``-> ../x.txt``), a broken link and a link loop
  are refused, so no file from outside the folder reaches the database or a report;
* FIFOs, sockets, devices and folders are refused without being opened (opening a FIFO
  waits for a writer forever);
* a file over the size limit is refused before its first byte is read (a sparse 2 GB file
  costs nothing).

The file is then opened without following a link or blocking, and ``fstat`` must show the
very file that was checked, so swapping it between the check and the read changes nothing.
Every refusal is a :class:`SourceError` line naming the file; ingest reports it like any
other unreadable file (nothing is stored unless ``--skip-bad``).
"""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from factcheck.config import kind_of_file
from factcheck.errors import SourceError

#: File extension (lowercase) -> ``Source.format``.
SOURCE_FORMATS = {".txt": "txt", ".md": "md", ".html": "html", ".htm": "html"}
SIDECAR_SUFFIX = ".meta.toml"
#: A sources folder's own alias file (its corpus's cast): never a source, never a sidecar.
ALIASES_NAME = "aliases.toml"
MAX_ALIASES_BYTES = 1_000_000
DEFAULT_MAX_BYTES = 5_000_000
_CHUNK = 1 << 16


def is_source_name(name: str) -> bool:
    """Whether a file name is a source's (``.txt``, ``.md``, ``.html``, ``.htm``; not a sidecar)."""
    lower = name.lower()
    if lower.endswith(SIDECAR_SUFFIX):
        return False
    return os.path.splitext(lower)[1] in SOURCE_FORMATS


def checked_target(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[Path, os.stat_result]:
    """The file ``path`` stands for (itself, or a link's target inside the link's folder) and
    its ``stat``, after checking type and size; :class:`SourceError` otherwise. Reads nothing."""
    path = Path(path)
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        raise SourceError(f"{path}: file not found") from None
    except (OSError, ValueError) as err:
        raise SourceError(f"{path}: cannot be read ({getattr(err, 'strerror', None) or err})") from None
    target = path
    if stat.S_ISLNK(st.st_mode):
        target, st = _link_target(path)
    if not stat.S_ISREG(st.st_mode):
        raise SourceError(f"{path}: {_what(path, target, st.st_mode)}, not a regular file; it is not read")
    if st.st_size > max_bytes:
        raise SourceError(f"{path}: {st.st_size} bytes, more than the limit of {max_bytes} bytes")
    return target, st


def _link_target(path: Path) -> tuple[Path, os.stat_result]:
    folder = Path(os.path.realpath(path.parent))
    try:
        link = os.readlink(path)
    except OSError as err:
        raise SourceError(f"{path}: cannot be read ({err.strerror or err})") from None
    try:
        target = Path(path).resolve(strict=True)
    except FileNotFoundError:
        raise SourceError(f"{path}: a broken symbolic link (to {link})") from None
    except (OSError, RuntimeError):  # RuntimeError: a link loop (Python 3.11)
        raise SourceError(f"{path}: a symbolic link that cannot be resolved (a loop?)") from None
    if not target.is_relative_to(folder):
        raise SourceError(
            f"{path}: a symbolic link to {link}, outside its own folder; only links to files in that folder or below are read"
        )
    try:
        return target, os.stat(target)
    except OSError as err:
        raise SourceError(f"{path}: cannot be read ({err.strerror or err})") from None


def _what(path: Path, target: Path, mode: int) -> str:
    kind = kind_of_file(mode)
    return kind if target == path else f"a symbolic link to {kind}"


@contextmanager
def open_source(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[BinaryIO]:
    """The checked file (see :func:`checked_target`), open for reading in binary mode."""
    target, checked = checked_target(path, max_bytes)
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(target, flags)
    except OSError as err:
        raise SourceError(f"{path}: cannot be read ({err.strerror or err})") from None
    try:
        st = os.fstat(fd)
    except OSError as err:
        os.close(fd)
        raise SourceError(f"{path}: cannot be read ({err.strerror or err})") from None
    if (st.st_dev, st.st_ino) != (checked.st_dev, checked.st_ino) or not stat.S_ISREG(st.st_mode):
        os.close(fd)
        raise SourceError(f"{path}: changed while it was being read; try again")
    with os.fdopen(fd, "rb") as fh:
        yield fh


def read_source_bytes(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The bytes of a checked source file, at most ``max_bytes`` (it may grow after ``stat``)."""
    try:
        with open_source(path, max_bytes) as fh:
            raw = fh.read(max_bytes + 1)
    except OSError as err:
        raise SourceError(f"{path}: cannot be read ({err.strerror or err})") from None
    if len(raw) > max_bytes:
        raise SourceError(f"{path}: more than the limit of {max_bytes} bytes")
    return raw


def source_ids(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[str, str]:
    """(SHA-256, git's blob id) of a checked source file's bytes, read in chunks: what
    change detection compares with ``Source.sha256`` before deciding to read the file at
    all, and what tells the file unchanged next time when git tracks it
    (:mod:`factcheck.sources.tracked`).

    >>> import tempfile; folder = Path(tempfile.mkdtemp())
    >>> (folder / "a.txt").write_bytes(b"abc") and [x[:16] for x in source_ids(folder / "a.txt")]
    ['ba7816bf8f01cfea', 'f2ba8f84ab5c1bce']
    """
    from factcheck.sources.tracked import blob_header

    digest, blob, size = hashlib.sha256(), hashlib.sha1(usedforsecurity=False), 0
    try:
        with open_source(path, max_bytes) as fh:
            expected = os.fstat(fh.fileno()).st_size
            blob.update(blob_header(expected))  # git's header: the size comes first
            while chunk := fh.read(_CHUNK):
                size += len(chunk)
                if size > max_bytes:
                    raise SourceError(f"{path}: more than the limit of {max_bytes} bytes")
                digest.update(chunk)
                blob.update(chunk)
    except OSError as err:
        raise SourceError(f"{path}: cannot be read ({err.strerror or err})") from None
    if size != expected:
        raise SourceError(f"{path}: changed while it was being read; try again")
    return digest.hexdigest(), blob.hexdigest()
