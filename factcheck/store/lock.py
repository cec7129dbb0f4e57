"""One writer at a time on a claims database.

SQLite serialises single statements, but a factcheck command writes in several steps
(ingest, then reconcile, then the baseline cache) and decides what to write from what it
read first. Two commands interleaving those steps lose work: both ingest the same new
files, and the later reconcile records a corpus it never read as reconciled. So every
command that writes holds ``<db>.lock`` from its first write to its end; readers (``sources``,
``claims``, ``search`` on an up-to-date database) never take it and keep working, since the
database runs in WAL mode.

The lock is an advisory OS lock (``flock`` on POSIX, ``msvcrt.locking`` on Windows) on the
lock file: the kernel drops it when its holder exits, ``kill -9`` included, so a dead holder
never blocks anyone. While held, the file says who holds it (pid, host, command, since
when), so a waiting command can name the holder. A clean release empties the file; a lock
file found non-empty when the lock is acquired means the previous writer stopped uncleanly,
and the caller checks the database before writing (:attr:`WriterLock.unclean`).
"""

from __future__ import annotations

import json
import os
import socket
import sys
import time
from collections.abc import Callable
from pathlib import Path

from factcheck.errors import LockError

DEFAULT_LOCK_TIMEOUT = 60.0
POLL_SECONDS = 0.1

if os.name == "nt":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            return False

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


class WriterLock:
    """A re-entrant, process-wide writer lock on one database file.

    >>> import tempfile
    >>> folder = tempfile.mkdtemp()
    >>> lock = WriterLock(Path(folder) / "claims.db.lock", timeout=0)
    >>> with lock:
    ...     with lock:  # re-entrant within one process
    ...         lock.held
    True
    >>> lock.held
    False
    """

    def __init__(
        self,
        path: Path,
        timeout: float = DEFAULT_LOCK_TIMEOUT,
        command: str | None = None,
        on_wait: Callable[[str], None] | None = None,
    ):
        self.path = Path(path)
        self.timeout = timeout
        self.command = command or " ".join(["factcheck", *sys.argv[1:2]])
        self.on_wait = on_wait or (lambda message: None)
        self.unclean = False  # the previous holder did not release the lock
        self._fd: int | None = None
        self._depth = 0

    @property
    def held(self) -> bool:
        return self._depth > 0

    def acquire(self) -> None:
        if self._depth:
            self._depth += 1
            return
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise LockError(f"cannot open the lock file {self.path}: {exc.strerror or exc}") from exc
        deadline = time.monotonic() + max(0.0, self.timeout)
        told = False
        while not _try_lock(fd):
            if not told:
                self.on_wait(f"waiting for {self._holder(fd)} to finish writing {self.path.with_suffix('')} (up to {self.timeout:g} s)")
                told = True
            if time.monotonic() >= deadline:
                holder = self._holder(fd)
                os.close(fd)
                raise LockError(
                    f"{self.path.with_suffix('')} is being written by {holder}; gave up after {self.timeout:g} s (--lock-timeout)"
                )
            time.sleep(POLL_SECONDS)
        self.unclean = bool(_read(fd).strip())
        _write(fd, json.dumps(_me(self.command), sort_keys=True))
        self._fd = fd
        self._depth = 1

    def release(self) -> None:
        if not self._depth:
            return
        self._depth -= 1
        if self._depth:
            return
        fd, self._fd = self._fd, None
        try:
            _write(fd, "")  # an empty file marks a clean stop
        finally:
            _unlock(fd)
            os.close(fd)

    def __enter__(self) -> WriterLock:
        self.acquire()
        return self

    def __exit__(self, *exc) -> None:
        self.release()

    def _holder(self, fd: int) -> str:
        try:
            info = json.loads(_read(fd) or "{}")
        except (OSError, ValueError):
            info = {}
        if not isinstance(info, dict) or "pid" not in info:
            return "another factcheck process"
        where = "" if info.get("host") == socket.gethostname() else f" on {info.get('host')}"
        return f"{info.get('command', 'factcheck')} (pid {info['pid']}{where}, since {info.get('since', '?')})"


def _me(command: str) -> dict:
    return {
        "pid": os.getpid(),
        "host": socket.gethostname(),
        "command": command,
        "since": time.strftime("%Y-%m-%d %H:%M:%S", time.localtime()),
    }


def _read(fd: int) -> str:
    os.lseek(fd, 0, os.SEEK_SET)
    return os.read(fd, 4096).decode("utf-8", "replace")


def _write(fd: int, text: str) -> None:
    os.lseek(fd, 0, os.SEEK_SET)
    os.ftruncate(fd, 0)
    os.write(fd, text.encode("utf-8"))
    os.fsync(fd)
