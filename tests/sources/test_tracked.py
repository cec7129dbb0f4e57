"""Change detection through git: a file git tracks, finds unchanged and holds under the blob
id recorded when it was read is neither stat-ed nor hashed (a fresh clone, every file with
a new time, is not hashed again); anything git cannot vouch for takes the ordinary path."""

import os
import shutil
import subprocess

import pytest

from factcheck.sources.tracked import git_blob, tracked_unchanged
from factcheck.workspace import Factcheck

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def _git(repo, *args):
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    return subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True).stdout


@pytest.fixture
def repo(tmp_path, seed_dir):
    """A repository holding the seeds under sources/, committed."""
    root = tmp_path / "repo"
    shutil.copytree(seed_dir, root / "sources")
    (root / "sources" / "002_ade957fd3a304f06.meta.toml").write_text('outlet = "Sidecar Daily"\n', encoding="utf-8")
    _git(root, "init", "-q")
    _git(root, "add", ".")
    _git(root, "commit", "-q", "-m", "seeds")
    return root


def _ingest(db, folder, **kwargs):
    return Factcheck(db_path=db, model="hashing", **kwargs).ingest([folder])


def _fresh_checkout(root):
    """Every file of the work tree written again, as a fresh clone writes it: new times, new inodes."""
    shutil.rmtree(root / "sources")
    _git(root, "checkout", "-q", "--", "sources")


def test_the_blob_id_is_gits(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes("أكثر من 500 موظف\r\n".encode())
    assert git_blob(path.read_bytes()) == subprocess.run(["git", "hash-object", str(path)], capture_output=True, text=True, check=True).stdout.strip()


def test_git_vouches_only_for_regular_files_it_finds_unchanged(repo):
    folder = repo / "sources"
    names = sorted(p.name for p in folder.iterdir())
    (folder / "link.txt").symlink_to(names[0])
    (folder / "new.txt").write_text("untracked", encoding="utf-8")
    _git(repo, "add", "sources/link.txt")
    with open(folder / names[1], "a", encoding="utf-8") as fh:
        fh.write("\nedited")
    _git(repo, "update-index", "--assume-unchanged", f"sources/{names[2]}")
    found = tracked_unchanged(str(folder))
    assert sorted(os.path.basename(p) for p in found) == sorted(set(names) - {names[1], names[2]})
    assert all(found[p] == git_blob(open(p, "rb").read()) for p in found)
    # run from inside the folder, paths are the listing's own ("x.txt", not "./x.txt")
    assert sorted(tracked_unchanged(os.curdir if os.chdir(folder) is None else "")) == sorted(os.path.basename(p) for p in found)


def test_outside_a_repository_or_without_git_nothing_is_vouched_for(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    assert tracked_unchanged(str(tmp_path)) == {}
    monkeypatch.setenv("PATH", str(tmp_path / "nowhere"))
    assert tracked_unchanged(str(tmp_path)) == {}


def test_a_fresh_clone_of_an_unchanged_repository_hashes_nothing(tmp_path, repo, hashed):
    db = tmp_path / "c.db"
    first = _ingest(db, repo / "sources")
    assert first.added and len(hashed) == len(first.added) + 1  # each file once, and the sidecar
    _fresh_checkout(repo)
    hashed.clear()
    again = _ingest(db, repo / "sources")
    assert hashed == [] and sorted(again.unchanged) == sorted(first.added)


def test_what_git_does_not_vouch_for_is_hashed_and_read_again_when_changed(tmp_path, repo, hashed):
    db = tmp_path / "c.db"
    _ingest(db, repo / "sources")
    folder = repo / "sources"
    edited = sorted(folder.glob("*.txt"))[0]
    edited.write_text(edited.read_text(encoding="utf-8") + "\nوقّع 600 موظف.", encoding="utf-8")  # not committed
    sidecar = folder / "002_ade957fd3a304f06.meta.toml"
    sidecar.write_text('outlet = "Another Daily"\n', encoding="utf-8")
    _git(repo, "add", "sources/002_ade957fd3a304f06.meta.toml")
    _git(repo, "commit", "-q", "-m", "another outlet")  # committed: git's id is not the recorded one
    new_sidecar = folder / "003_df09a2a885924420.meta.toml"
    new_sidecar.write_text('outlet = "Untracked Daily"\n', encoding="utf-8")  # a new sidecar git does not track
    hashed.clear()
    result = _ingest(db, folder)
    assert sorted(result.updated) == sorted({edited.stem, "002_ade957fd3a304f06", "003_df09a2a885924420"})
    assert {edited.name, "002_ade957fd3a304f06.txt", "003_df09a2a885924420.meta.toml"} <= set(hashed)
    assert len(result.unchanged) == 2 and not {f"{s}.txt" for s in result.unchanged} & set(hashed)
    # what was read again is recorded under its new ids: the next run, committed, hashes nothing
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "edits")
    _fresh_checkout(repo)
    hashed.clear()
    assert len(_ingest(db, folder).unchanged) == 5 and hashed == []


def test_rehash_bypasses_git(tmp_path, repo, hashed):
    db = tmp_path / "c.db"
    first = _ingest(db, repo / "sources")
    hashed.clear()
    again = _ingest(db, repo / "sources", rehash=True)
    assert sorted(again.unchanged) == sorted(first.added) and len(hashed) == len(first.added) + 1


def test_blobs_are_recorded_when_a_file_is_hashed_and_found_unchanged(tmp_path, repo, hashed):
    """A database written before blob ids were recorded learns them from the next hash."""
    db = tmp_path / "c.db"
    _ingest(db, repo / "sources")
    fc = Factcheck(db_path=db, model="hashing")
    fc.store.db.execute("update sources set file_blob = null, sidecar_blob = null")
    fc.store.db.conn.commit()
    _fresh_checkout(repo)  # new times: each file hashed once more, its ids recorded
    hashed.clear()
    assert len(_ingest(db, repo / "sources").unchanged) == 5 and len(hashed) == 6
    _fresh_checkout(repo)
    hashed.clear()
    assert len(_ingest(db, repo / "sources").unchanged) == 5 and hashed == []
