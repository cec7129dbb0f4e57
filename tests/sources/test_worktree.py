"""A folder's recorded state (factcheck/sources/worktree.py): after an ingest of one folder
of a git work tree, the next one examines only what git finds changed since the recorded
commit, what it does not track and the recorded extras; what it stores must be exactly what
listing the folder stores, step after step, whatever happens to the work tree."""

import os
import shutil
import subprocess

import pytest

from factcheck.errors import SourceError
from factcheck.sources import worktree
from factcheck.sources.worktree import FolderState
from factcheck.workspace import FOLDER_STATE, Factcheck

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def _git(repo, *args):
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    return subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True, text=True).stdout


def _text(n: int) -> str:
    return f"Acme Corp hired {n} engineers in 2024, the company said.\nIts revenue rose to ${n} million.\n"


@pytest.fixture
def repo(tmp_path):
    """A repository with sources/ committed: four sources, one with a sidecar, one in a subfolder."""
    root = tmp_path / "repo"
    folder = root / "sources"
    (folder / "sub").mkdir(parents=True)
    for i, name in enumerate(["a.txt", "b.md", "c.txt", "sub/d.txt"]):
        (folder / name).write_text(_text(100 + i), encoding="utf-8")
    (folder / "b.meta.toml").write_text('outlet = "Daily"\n', encoding="utf-8")
    _git(root, "init", "-q")
    _git(root, "add", ".")
    _git(root, "commit", "-q", "-m", "corpus")
    return root


def _stored(db):
    fc = Factcheck(db_path=db, model="hashing")
    return fc.store.db.execute("select id, path, sha256, metadata_sha256, extractor from sources order by id").fetchall()


class Pair:
    """The same folder ingested into two databases: one through the recorded state, one by
    listing every file and hashing it (``rehash``)."""

    def __init__(self, tmp_path, folder):
        self.folder, self.fast, self.slow = folder, tmp_path / "fast.db", tmp_path / "slow.db"

    def ingest(self, expect_listed: bool = False):
        fast = Factcheck(db_path=self.fast, model="hashing").ingest([self.folder], prune=True)
        slow = Factcheck(db_path=self.slow, model="hashing", rehash=True).ingest([self.folder], prune=True)
        assert fast.listed == expect_listed and slow.listed
        for what in ("added", "updated", "removed", "unchanged", "failed"):
            assert sorted(getattr(fast, what)) == sorted(getattr(slow, what)), what
        assert _stored(self.fast) == _stored(self.slow)
        return fast

    def state(self) -> FolderState | None:
        return FolderState.loads(Factcheck(db_path=self.fast, model="hashing").store.get_setting(FOLDER_STATE))


def test_every_change_to_the_work_tree_is_found_as_a_listing_finds_it(tmp_path, repo):
    folder = repo / "sources"
    pair = Pair(tmp_path, folder)
    first = pair.ingest(expect_listed=True)
    assert sorted(first.added) == ["a", "b", "c", "d"]
    state = pair.state()
    assert state.commit == _git(repo, "rev-parse", "HEAD").strip() and state.extras == ()

    assert pair.ingest().unchanged  # nothing changed: nothing examined, all unchanged
    (folder / "e.txt").write_text(_text(200), encoding="utf-8")  # untracked
    assert pair.ingest().added == ["e"]
    assert pair.state().extras == ("e.txt",)
    (folder / "a.txt").write_text(_text(300), encoding="utf-8")  # modified, not staged
    assert pair.ingest().updated == ["a"]
    assert pair.state().extras == ("a.txt", "e.txt")
    _git(repo, "checkout", "--", "sources/a.txt")  # back as committed: git lists nothing, the extras do
    assert pair.ingest().updated == ["a"]
    (folder / "a.txt").write_text(_text(300), encoding="utf-8")
    pair.ingest()
    _git(repo, "add", "sources/a.txt")  # staged
    pair.ingest()
    _git(repo, "add", "sources/e.txt")
    _git(repo, "commit", "-q", "-m", "two")  # committed: the state moves to the new commit
    pair.ingest()
    state = pair.state()
    assert state.commit == _git(repo, "rev-parse", "HEAD").strip() and state.extras == ()
    # HEAD moves to a commit whose file differs from the work tree's, which is as stored:
    # nothing to examine now, but the new state's extras hold the file
    (folder / "b.md").write_text(_text(400), encoding="utf-8")
    _git(repo, "commit", "-q", "-am", "b edited")
    _git(repo, "checkout", "HEAD~1", "--", "sources/b.md")
    pair.ingest()
    assert pair.state().extras == ("b.md",)
    _git(repo, "checkout", "HEAD", "--", "sources/b.md")  # now as the commit holds it
    assert pair.ingest().updated == ["b"]
    (folder / "b.meta.toml").write_text('outlet = "Weekly"\n', encoding="utf-8")  # a sidecar alone
    assert pair.ingest().updated == ["b"]
    (folder / "c.txt").unlink()  # deleted
    assert pair.ingest().removed == ["c"]
    os.rename(folder / "sub" / "d.txt", folder / "d.txt")  # moved: the same source at another path
    moved = pair.ingest()
    assert "d" in moved.unchanged and not moved.added and not moved.removed
    (folder / ".hidden").mkdir()
    (folder / ".hidden" / "x.txt").write_text(_text(5), encoding="utf-8")  # a hidden folder is no source
    (folder / ".gitignore").write_text("ignored.txt\n", encoding="utf-8")
    (folder / "ignored.txt").write_text(_text(6), encoding="utf-8")  # git ignores it; a listing does not
    assert pair.ingest().added == ["ignored"]
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "three")
    pair.ingest()
    _git(repo, "checkout", "-q", "HEAD~2")  # back to an older commit: the work tree changes under it
    pair.ingest()
    assert pair.state().commit == _git(repo, "rev-parse", "HEAD").strip()
    (folder / "sub" / "a.txt").write_text(_text(7), encoding="utf-8")  # a second file with id "a"
    with pytest.raises(SourceError, match=r"sources/a\.txt and .*sources/sub/a\.txt would both have the source id 'a'"):
        Factcheck(db_path=pair.fast, model="hashing").ingest([folder], prune=True)
    with pytest.raises(SourceError, match=r"sources/a\.txt and .*sources/sub/a\.txt would both have the source id 'a'"):
        Factcheck(db_path=pair.slow, model="hashing", rehash=True).ingest([folder], prune=True)
    (folder / "sub" / "a.txt").unlink()
    pair.ingest()


def test_a_link_or_another_writer_sends_the_ingest_back_to_listing(tmp_path, repo):
    folder = repo / "sources"
    pair = Pair(tmp_path, folder)
    pair.ingest(expect_listed=True)
    (folder / "l.txt").symlink_to("a.txt")
    pair.ingest(expect_listed=True)  # a link: the listing's rules decide what it stands for
    assert pair.state() is None  # and a folder with a link records none
    (folder / "l.txt").unlink()
    pair.ingest(expect_listed=True)
    pair.ingest()
    # another writer (a source removed by hand) changes the corpus version: the state no longer holds
    assert Factcheck(db_path=pair.fast, model="hashing").remove(["a"]) == []
    Factcheck(db_path=pair.slow, model="hashing").remove(["a"])
    assert pair.ingest(expect_listed=True).added == ["a"]
    # a commit the repository no longer has
    fc = Factcheck(db_path=pair.fast, model="hashing")
    with fc.store.db.atomic():
        fc.store.set_setting(FOLDER_STATE, FolderState(**{**pair.state().__dict__, "commit": "f" * 40}).dumps())
    pair.ingest(expect_listed=True)
    pair.ingest()


def test_outside_a_repository_nothing_is_recorded(tmp_path):
    folder = tmp_path / "sources"
    folder.mkdir()
    (folder / "a.txt").write_text(_text(1), encoding="utf-8")
    pair = Pair(tmp_path, folder)
    pair.ingest(expect_listed=True)
    assert pair.state() is None
    pair.ingest(expect_listed=True)


def test_check_finds_a_new_contradiction_and_places_both_quotes(tmp_path, repo):
    folder = repo / "sources"
    db = tmp_path / "c.db"
    Factcheck(db_path=db, model="hashing").check(folder, fail_on="low")
    (folder / "z.txt").write_text("Acme Corp hired 900 engineers in 2024, the company said.\n", encoding="utf-8")
    fc = Factcheck(db_path=db, model="hashing")
    result = fc.check(folder, fail_on="low")
    assert not result.ingest.listed and result.changed == ["z"]
    assert result.new, "the new source's figure contradicts the stored ones"
    for d in result.new:
        for claim, location in zip(d["claims"], d["locations"]):
            # an unchanged source is found where it is stored, though the folder was not listed
            assert location["path"] and os.path.exists(repo / location["path"]), location
    listed = Factcheck(db_path=tmp_path / "l.db", model="hashing", rehash=True).check(folder, fail_on="low")
    assert [(d["id"], d["locations"]) for d in result.new] == [(d["id"], d["locations"]) for d in listed.new]


@pytest.mark.parametrize(
    "changed, expected",
    [
        (["a.txt", "sub/b.md", "x.meta.toml"], ["a.txt", "sub/b.md", "x.htm", "x.html", "x.md", "x.txt"]),
        ([".hidden/a.txt", "sub/.b.txt", "aliases.toml", "factcheck-baseline.json", "notes.csv"], []),
        (["a.META.toml"], None),  # its source is found by the file system's rules on case
    ],
)
def test_changed_paths_stand_for_source_files(changed, expected):
    assert worktree.source_paths(changed) == expected


def test_extras_are_the_sources_stored_otherwise_than_the_commit_holds_them():
    held = {"a.txt": "1" * 40, "b.txt": "2" * 40, "b.meta.toml": "3" * 40, "c.txt": "4" * 40, "l.txt": "-"}
    stored = {
        "a.txt": ("1" * 40, ""),  # as held
        "b.txt": ("2" * 40, ""),  # its sidecar was not stored
        "c.txt": (None, None),  # stored before git's ids were
        "l.txt": ("5" * 40, ""),  # a link in the commit
        "u.txt": ("6" * 40, ""),  # untracked
    }
    assert worktree.extras(stored, held, sorted({*stored, *held} - {"b.meta.toml"})) == ["b.txt", "c.txt", "l.txt", "u.txt"]


def test_a_malformed_state_is_none():
    good = FolderState("/x", "a" * 40, "r", 3, ("e.txt",))
    assert FolderState.loads(good.dumps()) == good
    for text in (None, "", "{", "[]", '{"where": "/x"}', good.dumps().replace("a" * 40, "abc")):
        assert FolderState.loads(text) is None


def test_a_listing_that_changes_nothing_keeps_the_recorded_state(tmp_path, repo, monkeypatch):
    folder = repo / "sources"
    pair = Pair(tmp_path, folder)
    pair.ingest(expect_listed=True)
    before = pair.state()
    for path in folder.rglob("*.txt"):
        os.utime(path, (1_000_000_000, 1_000_000_000))  # every file's time changed behind git's back
    monkeypatch.setattr(worktree, "MAX_EXTRAS", 1)  # more paths than the state examines: listed
    asked = []
    monkeypatch.setattr(worktree, "commit_blobs", lambda *a, **k: asked.append(a))
    assert sorted(pair.ingest(expect_listed=True).unchanged) == ["a", "b", "c", "d"]
    assert pair.state() == before and not asked  # nothing stored changed: the state still holds, unasked
