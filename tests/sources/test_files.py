"""factcheck.sources.files: only regular files inside the folder are read, never before stat."""

from __future__ import annotations

import hashlib
import os
import socket
import subprocess
import sys
import threading
import tracemalloc
from pathlib import Path

import pytest

from factcheck.errors import SourceError
from factcheck.sources.files import checked_target, read_source_bytes, source_ids
from factcheck.sources.loader import discover_sources, load_source
from factcheck.workspace import Factcheck

TEXT = "Staff revolt\n\nMore than 500 employees of Acme signed the letter to the board on Monday.\n"
SECRET = "root:x:0:0:secret line that must never reach the database\n"


@pytest.fixture
def folder(tmp_path):
    """A sources folder with one good article, and a secret file beside (outside) it."""
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "secret.txt").write_text(SECRET, encoding="utf-8")
    return sources


def _fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


def _socket(path: Path) -> Path:
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))
    _socket.keep.append(server)  # closed with the test process
    return path


_socket.keep = []

REFUSED = {
    "link to a file outside": (lambda f: (f / "passwd.txt").symlink_to(f.parent / "secret.txt"), "passwd.txt", "a symbolic link to"),
    "absolute link to /etc/passwd": (lambda f: (f / "passwd.txt").symlink_to("/etc/passwd"), "passwd.txt", "outside its own folder"),
    "relative link out": (lambda f: (f / "up.txt").symlink_to("../secret.txt"), "up.txt", "a symbolic link to ../secret.txt, outside its own folder"),
    "link out of a subfolder": (lambda f: ((f / "sub").mkdir(), (f / "sub" / "x.txt").symlink_to("../../secret.txt")), "sub/x.txt", "outside its own folder"),
    "link through an inner link out": (
        lambda f: ((f / "inner.txt").symlink_to(f.parent / "secret.txt"), (f / "outer.txt").symlink_to("inner.txt")),
        "outer.txt",
        "outside its own folder",
    ),
    "broken link": (lambda f: (f / "gone.txt").symlink_to("nowhere.txt"), "gone.txt", "a broken symbolic link (to nowhere.txt)"),
    "link loop": (lambda f: ((f / "l1.txt").symlink_to("l2.txt"), (f / "l2.txt").symlink_to("l1.txt")), "l1.txt", "cannot be resolved"),
    "link to a folder inside": (lambda f: ((f / "d").mkdir(), (f / "d.txt").symlink_to("d")), "d.txt", "a symbolic link to a folder, not a regular file"),
    "fifo": (lambda f: _fifo(f / "pipe.txt"), "pipe.txt", "a FIFO (named pipe), not a regular file"),
    "link to a fifo": (lambda f: (_fifo(f / "p"), (f / "pl.txt").symlink_to("p")), "pl.txt", "a symbolic link to a FIFO (named pipe)"),
    "socket": (lambda f: _socket(f / "s.txt"), "s.txt", "a socket, not a regular file"),
    "folder named .txt": (lambda f: (f / "dir.txt").mkdir(), "dir.txt", "a folder, not a regular file"),
}


def _in_thread(fn, *args):
    """Run fn(*args) in a daemon thread; a call that blocks (opening a FIFO) fails the test
    instead of hanging it."""
    outcome = {}

    def run():
        try:
            outcome["value"] = fn(*args)
        except BaseException as exc:  # noqa: BLE001 - handed back to the test
            outcome["error"] = exc

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(10)
    assert not thread.is_alive(), f"{fn.__name__} blocked"
    return outcome


@pytest.mark.parametrize("make, name, message", REFUSED.values(), ids=list(REFUSED))
@pytest.mark.parametrize("reader", [source_ids, read_source_bytes, load_source], ids=lambda f: f.__name__)
def test_a_file_that_is_not_a_regular_file_inside_the_folder_is_refused_unread(folder, make, name, message, reader):
    make(folder)
    outcome = _in_thread(reader, folder / name)
    error = outcome.get("error")
    assert isinstance(error, SourceError), outcome
    assert message in str(error) and str(folder / name) in str(error) and "\n" not in str(error)
    assert "secret line" not in str(error)


ACCEPTED = {
    "link beside": (lambda f: (f / "b.txt").symlink_to("a.txt"), "b.txt"),
    "absolute link beside": (lambda f: (f / "b.txt").symlink_to(f / "a.txt"), "b.txt"),
    "link into a subfolder": (lambda f: ((f / "sub").mkdir(), (f / "a.txt").rename(f / "sub" / "a.txt"), (f / "b.txt").symlink_to("sub/a.txt")), "b.txt"),
    "link through a link inside": (lambda f: ((f / "b.txt").symlink_to("a.txt"), (f / "c.txt").symlink_to("b.txt")), "c.txt"),
}


@pytest.mark.parametrize("make, name", ACCEPTED.values(), ids=list(ACCEPTED))
def test_a_link_that_stays_inside_its_folder_is_read(folder, make, name):
    make(folder)
    assert source_ids(folder / name)[0] == hashlib.sha256(TEXT.encode()).hexdigest()
    assert load_source(folder / name).text == TEXT


def test_devices_are_refused_by_type():
    with pytest.raises(SourceError, match="/dev/null: a character device, not a regular file"):
        checked_target(Path("/dev/null"))


def test_a_huge_sparse_file_is_refused_before_a_byte_is_read(tmp_path):
    big = tmp_path / "big.txt"
    with open(big, "wb") as fh:
        fh.truncate(2 * 1024**3)  # 2 GB, no disk used
    tracemalloc.start()
    try:
        for reader in (source_ids, read_source_bytes, load_source):
            with pytest.raises(SourceError, match=r"big.txt: 2147483648 bytes, more than the limit of 5000000 bytes"):
                reader(big)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 1_000_000


def test_the_digest_reads_in_chunks_and_matches_the_stored_hash(tmp_path):
    path = tmp_path / "a.txt"
    data = ("More than 500 employees signed. " * 100_000).encode()[:4_900_000]
    path.write_bytes(data)
    tracemalloc.start()
    try:
        digest, blob = source_ids(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert digest == hashlib.sha256(data).hexdigest() == load_source(path).sha256
    assert blob == hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest() == load_source(path).file_blob
    assert peak < 1_000_000  # a few chunks, not the file


def test_discovery_lists_bad_files_so_that_reading_them_fails_loudly(folder):
    (folder / "passwd.txt").symlink_to("/etc/passwd")
    _fifo(folder / "pipe.txt")
    (folder / "b.txt").symlink_to("a.txt")  # the same file twice: once, under its own name
    (folder / "0.txt").symlink_to("a.txt")
    found = _in_thread(discover_sources, [folder])["value"]
    assert [p.name for p in found] == ["a.txt", "passwd.txt", "pipe.txt"]


def _ingest(db: Path, folder: Path, skip_bad: bool):
    """Ingest in a fresh workspace (SQLite connections stay in the thread that opened them)."""
    fc = Factcheck(db_path=db, model="hashing")
    result = fc.ingest([folder], skip_bad=skip_bad)
    return result, [s["id"] for s in fc.sources()], [c["text"] for c in fc.claims()]


# What ingest of the whole folder reports: a file reached through two links is one file;
# folders (and links to them) are walked into or passed over, never read as sources.
INGEST_FAILS = {
    "link through an inner link out": ["inner.txt"],
    "link loop": ["l1.txt", "l2.txt"],
    "link to a folder inside": [],
    "folder named .txt": [],
}


@pytest.mark.parametrize("case", list(REFUSED))
def test_ingest_reports_a_refused_file_in_one_line_and_stores_nothing(tmp_path, folder, case):
    make, name, message = REFUSED[case]
    make(folder)
    expected = [str(folder / n) for n in INGEST_FAILS.get(case, [name])]
    result, sources, _ = _in_thread(_ingest, tmp_path / "c.db", folder, False)["value"]
    assert [p for p, _ in result.failed] == expected
    assert all(m.startswith(f"{p}: ") and "\n" not in m for p, m in result.failed)
    assert sources == ([] if expected else ["a"])  # one bad file: nothing stored

    result, sources, texts = _in_thread(_ingest, tmp_path / "c.db", folder, True)["value"]
    assert [p for p, _ in result.failed] == expected
    assert sources == ["a"] and texts and all("secret line" not in t for t in texts)


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads the peak memory from /proc")
def test_ingest_of_a_huge_sparse_file_stays_small(tmp_path, folder):
    """The change-detection hash checks the size with stat first: a 2 GB sparse file is
    refused in one line without being read (before, it took 2.2 GB of memory)."""
    with open(folder / "big.txt", "wb") as fh:
        fh.truncate(2 * 1024**3)
    script = (
        "import sys\n"
        "from factcheck.workspace import Factcheck\n"
        f"result = Factcheck(db_path={str(tmp_path / 'c.db')!r}, model='hashing').ingest([{str(folder)!r}])\n"
        "print(result.failed[0][1])\n"
        # VmHWM: this process's own peak; ru_maxrss would also count the forked test runner
        "print(next(l.split()[1] for l in open('/proc/self/status') if l.startswith('VmHWM:')))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, env=env)
    assert done.returncode == 0, done.stderr
    message, max_rss_kb = done.stdout.strip().splitlines()
    assert "big.txt: 2147483648 bytes, more than the limit" in message
    assert int(max_rss_kb) < 1_000_000  # KiB: well under the 2 GB the file would take


def test_the_cli_refuses_a_link_out_with_exit_2_and_one_line(tmp_path, folder):
    from typer.testing import CliRunner

    from factcheck.cli import app

    (folder / "passwd.txt").symlink_to("/etc/passwd")
    runner = CliRunner()
    db = str(tmp_path / "c.db")
    result = runner.invoke(app, ["--db", db, "--model", "hashing", "run", str(folder), "-o", str(tmp_path / "r")])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "passwd.txt: a symbolic link to /etc/passwd, outside its own folder" in result.output
    assert not (tmp_path / "r").exists()
    skipped = runner.invoke(app, ["--db", db, "--model", "hashing", "ingest", "--skip-bad", str(folder)])
    assert skipped.exit_code == 0 and "skipped:" in skipped.output and "1 added" in skipped.output


def test_an_edited_sidecar_makes_its_source_be_read_again(tmp_path):
    from factcheck.workspace import Factcheck

    folder = tmp_path / "sources"
    folder.mkdir()
    (folder / "a.txt").write_text("Plant\n\nThe plant employs 300 people.\n", encoding="utf-8")
    fc = Factcheck(db_path=tmp_path / "claims.db", model="hashing")
    assert fc.ingest([folder]).added == ["a"]
    (folder / "a.meta.toml").write_text('outlet = "Gazette"\npublished = "2024-03-01"\n', encoding="utf-8")
    assert fc.ingest([folder]).updated == ["a"]
    assert fc.store.get_source("a")["published"] == "2024-03-01"
    assert fc.ingest([folder]).unchanged == ["a"]
    (folder / "a.meta.toml").write_text('translation_of = "a"\n', encoding="utf-8")
    result = fc.ingest([folder])
    assert [message for _, message in result.failed] and "translation_of" in result.failed[0][1]
    (folder / "a.meta.toml").unlink()
    assert fc.ingest([folder]).updated == ["a"]
    assert fc.store.get_source("a")["published"] is None
